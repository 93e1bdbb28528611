"""Reads a workbook back as a reader's spreadsheet program would and prints it as JSON: per sheet
its rows of cell values (numbers stay numbers, dates become ISO text), the number format of every
cell, its frozen cell, its autofilter range and the number format of the second row's cells. Used
by the report tests (tests/workbook.h)."""
import datetime
import json
import sys

import openpyxl


def cell(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {"date": value.isoformat()}
    return value


book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames}
for sheet in book.worksheets:
    rows = [[cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    cell_formats = [[c.number_format for c in row] for row in sheet.iter_rows()]
    formats = [c.number_format for c in sheet[2]] if sheet.max_row >= 2 else []
    out[sheet.title] = {
        "rows": rows,
        "cell_formats": cell_formats,
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
        "formats": formats,
    }
json.dump(out, sys.stdout)

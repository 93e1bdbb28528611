// The monthly report as a spreadsheet (docs/reports.md), for the reader who checks and sums the
// figures: sheets Scorecard (a row per KPI), Objectives (a row per objective), Weeks (a row per
// objective measured per week and ISO week of the month, the week of the as-of moment marked to
// date), Evidence (a row per failing or exempted record, with the engine's deadline and hours
// counted for an attainment record), Actions (the action register through the month), Money (a
// row per month of the trend, then the month's explanation) and Data quality (data_quality.h, a
// row per item). Figures are numbers and instants are dates, never text: a ratio is the fraction
// with a percent format showing the decimals of shown_value.h, milliseconds and days carry their
// unit in the number format, amounts are in the contract currency with two decimals. Dates and
// times are the contract zone's wall-clock time (a spreadsheet has no zones). Every header row is
// frozen and filtered; headers come from the report's catalogue, the sheet names are the same in
// every language.
//
// Written with libxlsxwriter into a fresh temporary folder, whose file is returned as bytes and
// removed; throws std::runtime_error naming libxlsxwriter's error when it fails.
#pragma once

#include <string>

#include "report/monthly_report.h"
#include "report/quarterly_review.h"

namespace meetlat::report {

std::string monthly_xlsx(const MonthlyReport& report);

// The quarterly review (quarterly_review.h) as a spreadsheet: sheets State (a row per month of the
// quarter with its state, the day it was agreed, by whom and the as-of moment of its figures, and
// a row for the quarter when it was closed as a whole), Results (a row per objective and period
// of the quarter, each period once, with the month it shows in), Actions (the action register as
// PDCA: every action fired for a period that ended by the quarter's end, with the day it was done
// and its KPI's status at the quarter's end) and Money (a row per month of the quarter), as the
// monthly workbook writes its figures.
std::string quarterly_xlsx(const QuarterlyReview& q);

}  // namespace meetlat::report

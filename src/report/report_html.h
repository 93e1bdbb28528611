// The monthly report as one self-contained HTML document (docs/reports.md): inline CSS with a
// print style, SVG charts drawn by meetlat, no script and nothing fetched from the network, so
// the file reads the same on a phone, in a browser offline and on paper (report_pdf.h prints it).
//
// Every label comes from the report's catalogue, every number, amount and date is written as
// its language writes them (locale_text.h). Accessible as WCAG 2.1 AA asks: one <h1> and nested
// headings, tables with captions and <th scope>, a text alternative for every chart, statuses as
// words and symbols beside their colours, colours with at least 4.5:1 contrast.
//
// Deterministic: the same report gives the same bytes, except the line holding
// `generated_at` (a <p> with the attribute data-generated, on its own line), which is left out
// when `generated_at` is empty.
#pragma once

#include <string>

#include "report/monthly_report.h"

namespace meetlat::report {

std::string monthly_html(const MonthlyReport& report);

}  // namespace meetlat::report

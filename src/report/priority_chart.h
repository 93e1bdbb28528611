// Several objectives of one KPI that measure the same thing split by a filter (KPI-01's tickets per
// priority P1, P2, P3; KPI-10's p95 in office and in peak hours) in one chart drawn by meetlat in
// inline SVG: a line per objective over the same periods, on one value axis, with each objective's
// norm line. The lines are told apart without colour: each has its own dash pattern, its name at
// its end and a legend in text under the chart that shows the pattern beside the name; a marker
// per period gives the status by its shape as in the line chart (svg_chart.h). Norm lines that are
// equal are drawn once. The SVG carries role="img", a <title> and a <desc> that gives every value
// of every series in words: the text alternative WCAG asks for.
//
// Deterministic: the same chart gives the same bytes (coordinates with one decimal).
#pragma once

#include <string>
#include <vector>

#include "report/svg_chart.h"

namespace meetlat::report {

struct ChartSeries {
  std::string name;                // "P1": at the line's end and in the legend
  std::vector<ChartPoint> points;  // one per period of the chart, in its order
};

struct NormLine {
  double value = 0;   // the threshold in the plotted unit
  std::string label;  // "norm ≥ 90%", or "P1: norm ≥ 95%" when the series' norms differ
};

struct PriorityChart {
  std::string id;                          // unique in the document, [A-Za-z0-9-] only
  std::string title;                       // already in the reader's language
  std::string description;                 // every value of every series in words
  std::vector<std::string> period_labels;  // under the axis: "okt", "Oct"
  std::vector<ChartSeries> series;         // at least one; the dash patterns repeat after five
  std::vector<NormLine> norms;
  std::string low_label;  // the value at the bottom and the top of the axis, in words
  std::string high_label;
  double low = 0;   // the axis range in the plotted unit (low < high): chart_range of every point
  double high = 1;  // of every series and every norm
};

// The dash pattern of the `index`-th series (stroke-dasharray; "" for a solid line).
std::string_view series_dash(std::size_t index);

// The chart as an <svg> element of class "chart series"; the text it holds is HTML-escaped here.
std::string priority_chart_svg(const PriorityChart& chart);

}  // namespace meetlat::report

// A reduction path (KPI-07's CO2, docs/reports.md, "The quarterly review") as a chart drawn by
// meetlat in inline SVG: the months from the contract start from left to right, the path the
// contract sets (a straight line from no reduction at the start to the final reduction after the
// path's months, level after that) as a dashed line named in words, and a marker per period
// measured at the month the period ends, its shape giving the status as in the line chart
// (svg_chart.h) and its period named beside it. The SVG carries role="img", a <title> and a
// <desc> with the path and every value in words: the text alternative WCAG asks for.
//
// Deterministic: the same chart gives the same bytes (coordinates with one decimal).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measure/result.h"

namespace meetlat::report {

struct TrajectoryPoint {
  int months = 0;               // from the contract start to the period's end, 0..axis_months
  std::optional<double> value;  // the reduction in the plotted unit (percent); none: no value
  measure::Status status = measure::Status::kNoData;
  std::string label;  // the period beside the marker: "2026-Q1"
};

struct TrajectoryChart {
  std::string id;              // unique in the document, [A-Za-z0-9-] only
  std::string title;           // already in the reader's language
  std::string description;     // the path and every value in words
  double final_reduction = 0;  // the path's end, in the plotted unit (percent)
  int over_months = 36;        // the path's length, > 0
  int axis_months = 36;        // the axis's length, >= over_months and every point's months
  std::vector<std::string> month_ticks;  // evenly spread under the axis from month 0 to its end
  std::vector<TrajectoryPoint> points;
  std::string path_label;  // beside the path's end: "reduction path 25%"
  std::string low_label;   // the value at the bottom and the top of the axis, in words
  std::string high_label;
  double low = 0;  // the axis range in the plotted unit (low < high)
  double high = 1;
};

// The axis range for the path and the points: from 0 (or below, for a negative reduction) to
// above the largest of the path's end and the values.
std::pair<double, double> trajectory_range(const TrajectoryChart& chart);

// The chart as an <svg> element of class "chart trajectory"; its text is HTML-escaped here.
std::string trajectory_chart_svg(const TrajectoryChart& chart);

}  // namespace meetlat::report

// A chart drawn by meetlat as inline SVG: a value per period against a norm line, one marker per
// period whose shape says its status (a circle met, a cross breached, a triangle pending, nothing
// for no data), so the chart needs no colour to be read. The SVG carries role="img", a <title>
// and a <desc> holding every plotted value in words: the text alternative WCAG asks for.
//
// Deterministic: the same chart gives the same bytes (coordinates with one decimal, printed
// without the C locale's help), which keeps a report reproducible and printable as it shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "measure/result.h"

namespace meetlat::report {

struct ChartPoint {
  std::string label;            // under the axis: "okt", "Oct"
  std::optional<double> value;  // in the plotted unit (percent for a ratio); none: no value
  measure::Status status = measure::Status::kNoData;
};

struct LineChart {
  std::string id;           // unique in the document, [A-Za-z0-9-] only
  std::string title;        // already in the reader's language
  std::string description;  // every value in words
  std::vector<ChartPoint> points;
  std::optional<double> norm;  // the threshold in the plotted unit
  std::string norm_label;      // "norm ≥ 99,95%"
  std::string low_label;       // the value at the bottom and the top of the axis, in words
  std::string high_label;
  double low = 0;  // the axis range in the plotted unit (low < high)
  double high = 1;
};

// The axis range for `points` and `norm`: their smallest and largest value with a margin, so the
// norm line and every marker lie inside.
std::pair<double, double> chart_range(const std::vector<ChartPoint>& points,
                                      std::optional<double> norm);

// The chart as an <svg> element; the text it holds is HTML-escaped here.
std::string line_chart_svg(const LineChart& chart);

// The parts every chart of the report shares (line charts, the priority chart, the outage
// timeline):
// A coordinate with one decimal, "12.5", with a dot whatever the locale.
std::string svg_coordinate(double v);
// The opening <svg> of a chart of class `classes`, `width` by `height`, with its <title> and
// <desc> (HTML-escaped here) named as its accessible name and description; `id` is unique in the
// document.
std::string svg_chart_start(const std::string& id, std::string_view classes, double width,
                            double height, const std::string& title,
                            const std::string& description);

// The plot of a chart of values per period (the line chart, the priority chart): its size, the
// margins around the plotting area and the axis range in the plotted unit (low < high).
struct ChartFrame {
  double width = 640;
  double height = 220;
  double left = 96;  // room for the axis labels
  double right = 16;
  double top = 16;
  double bottom = 36;  // room for the period labels
  double low = 0;
  double high = 1;

  // The x of the i-th of n periods, spread evenly over the plotting area (one: in its middle).
  double x_of(std::size_t i, std::size_t n) const;
  // The y of value `v` on the axis.
  double y_of(double v) const;
};

// The marker of a status at (x, y): a circle met, a cross breached, a triangle pending; "" for no
// data (nothing is drawn).
std::string svg_status_marker(double x, double y, measure::Status status);
// The axes of `frame`: the value axis with `low_label` at its bottom and `high_label` at its top,
// and under the time axis a label per period, evenly spread (texts HTML-escaped here).
std::string svg_axes(const ChartFrame& frame, const std::string& low_label,
                     const std::string& high_label, const std::vector<std::string>& period_labels);

}  // namespace meetlat::report

#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html_text.h"

namespace meetlat::report {
namespace {

std::string coordinate(double v) { return svg_coordinate(v); }

ChartFrame frame_of(const LineChart& c) {
  ChartFrame f;
  f.low = c.low;
  f.high = c.high;
  return f;
}

std::string polyline(const LineChart& c, const ChartFrame& f) {
  std::string points;
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    if (!c.points[i].value) continue;
    if (!points.empty()) points += ' ';
    points += coordinate(f.x_of(i, c.points.size())) + "," + coordinate(f.y_of(*c.points[i].value));
  }
  if (points.empty()) return {};
  return "<polyline class=\"line\" points=\"" + points + "\"/>";
}

}  // namespace

double ChartFrame::x_of(std::size_t i, std::size_t n) const {
  const double span = width - left - right;
  if (n <= 1) return left + span / 2;
  return left + span * static_cast<double>(i) / static_cast<double>(n - 1);
}

double ChartFrame::y_of(double v) const {
  const double span = height - top - bottom;
  return top + span * (high - v) / (high - low);
}

std::string svg_status_marker(double x, double y, measure::Status status) {
  const std::string cx = coordinate(x);
  const std::string cy = coordinate(y);
  switch (status) {
    case measure::Status::kMet:
      return "<circle class=\"m-met\" cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"5\"/>";
    case measure::Status::kBreached:
      return "<path class=\"m-breached\" d=\"M" + coordinate(x - 5) + " " + coordinate(y - 5) +
             "l10 10m0 -10l-10 10\"/>";
    case measure::Status::kPending:
      return "<path class=\"m-pending\" d=\"M" + cx + " " + coordinate(y - 6) + "l6 10h-12z\"/>";
    case measure::Status::kNoData:
      return {};
  }
  return {};
}

std::string svg_axes(const ChartFrame& f, const std::string& low_label,
                     const std::string& high_label, const std::vector<std::string>& period_labels) {
  const std::string bottom = coordinate(f.height - f.bottom);
  std::string out = "<path class=\"axis\" d=\"M" + coordinate(f.left) + " " + coordinate(f.top) +
                    "V" + bottom + "H" + coordinate(f.width - f.right) + "\"/>";
  out += "<text class=\"tick\" x=\"" + coordinate(f.left - 6) + "\" y=\"" + coordinate(f.top + 4) +
         "\" text-anchor=\"end\">" + html_escaped(high_label) + "</text>";
  out += "<text class=\"tick\" x=\"" + coordinate(f.left - 6) + "\" y=\"" + bottom +
         "\" text-anchor=\"end\">" + html_escaped(low_label) + "</text>";
  for (std::size_t i = 0; i < period_labels.size(); ++i) {
    out += "<text class=\"tick\" x=\"" + coordinate(f.x_of(i, period_labels.size())) + "\" y=\"" +
           coordinate(f.height - f.bottom + 18) + "\" text-anchor=\"middle\">" +
           html_escaped(period_labels[i]) + "</text>";
  }
  return out;
}

std::pair<double, double> chart_range(const std::vector<ChartPoint>& points,
                                      std::optional<double> norm) {
  std::optional<double> low = norm;
  std::optional<double> high = norm;
  for (const auto& p : points) {
    if (!p.value) continue;
    low = low ? std::min(*low, *p.value) : *p.value;
    high = high ? std::max(*high, *p.value) : *p.value;
  }
  if (!low || !high) return {0, 1};
  const double margin = std::max((*high - *low) * 0.1, std::max(std::abs(*high) * 0.001, 0.01));
  return {*low - margin, *high + margin};
}

// snprintf's %f reads the C locale, which meetlat never changes from "C", so the mark is always a
// dot as SVG requires.
std::string svg_coordinate(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

std::string svg_chart_start(const std::string& id, std::string_view classes, double width,
                            double height, const std::string& title,
                            const std::string& description) {
  const std::string title_id = id + "-title";
  const std::string desc_id = id + "-desc";
  return "<svg class=\"" + std::string(classes) + "\" viewBox=\"0 0 " + svg_coordinate(width) +
         " " + svg_coordinate(height) + "\" role=\"img\" aria-labelledby=\"" + title_id + " " +
         desc_id + "\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"" + title_id + "\">" +
         html_escaped(title) + "</title><desc id=\"" + desc_id + "\">" + html_escaped(description) +
         "</desc>";
}

std::string line_chart_svg(const LineChart& c) {
  const ChartFrame f = frame_of(c);
  std::string out = svg_chart_start(c.id, "chart", f.width, f.height, c.title, c.description);
  std::vector<std::string> labels;
  labels.reserve(c.points.size());
  for (const auto& p : c.points) labels.push_back(p.label);
  out += svg_axes(f, c.low_label, c.high_label, labels);
  if (c.norm) {
    const std::string y = coordinate(f.y_of(*c.norm));
    out += "<path class=\"norm\" d=\"M" + coordinate(f.left) + " " + y + "H" +
           coordinate(f.width - f.right) + "\"/>";
    out += "<text class=\"norm-label\" x=\"" + coordinate(f.width - f.right) + "\" y=\"" +
           coordinate(f.y_of(*c.norm) - 4) + "\" text-anchor=\"end\">" +
           html_escaped(c.norm_label) + "</text>";
  }
  out += polyline(c, f);
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    if (!c.points[i].value) continue;
    out += svg_status_marker(f.x_of(i, c.points.size()), f.y_of(*c.points[i].value),
                             c.points[i].status);
  }
  out += "</svg>";
  return out;
}

}  // namespace meetlat::report

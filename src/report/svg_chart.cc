#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html_text.h"

namespace meetlat::report {
namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 220;
constexpr double kLeft = 96;  // room for the axis labels
constexpr double kRight = 16;
constexpr double kTop = 16;
constexpr double kBottom = 36;  // room for the period labels

std::string coordinate(double v) { return svg_coordinate(v); }

double x_of(std::size_t i, std::size_t n) {
  const double span = kWidth - kLeft - kRight;
  if (n <= 1) return kLeft + span / 2;
  return kLeft + span * static_cast<double>(i) / static_cast<double>(n - 1);
}

double y_of(double v, const LineChart& c) {
  const double span = kHeight - kTop - kBottom;
  return kTop + span * (c.high - v) / (c.high - c.low);
}

std::string marker(double x, double y, measure::Status status) {
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

std::string polyline(const LineChart& c) {
  std::string points;
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    if (!c.points[i].value) continue;
    if (!points.empty()) points += ' ';
    points += coordinate(x_of(i, c.points.size())) + "," + coordinate(y_of(*c.points[i].value, c));
  }
  if (points.empty()) return {};
  return "<polyline class=\"line\" points=\"" + points + "\"/>";
}

std::string axes(const LineChart& c) {
  const std::string bottom = coordinate(kHeight - kBottom);
  std::string out = "<path class=\"axis\" d=\"M" + coordinate(kLeft) + " " + coordinate(kTop) +
                    "V" + bottom + "H" + coordinate(kWidth - kRight) + "\"/>";
  out += "<text class=\"tick\" x=\"" + coordinate(kLeft - 6) + "\" y=\"" + coordinate(kTop + 4) +
         "\" text-anchor=\"end\">" + html_escaped(c.high_label) + "</text>";
  out += "<text class=\"tick\" x=\"" + coordinate(kLeft - 6) + "\" y=\"" + bottom +
         "\" text-anchor=\"end\">" + html_escaped(c.low_label) + "</text>";
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    out += "<text class=\"tick\" x=\"" + coordinate(x_of(i, c.points.size())) + "\" y=\"" +
           coordinate(kHeight - kBottom + 18) + "\" text-anchor=\"middle\">" +
           html_escaped(c.points[i].label) + "</text>";
  }
  return out;
}

}  // namespace

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
  std::string out = svg_chart_start(c.id, "chart", kWidth, kHeight, c.title, c.description);
  out += axes(c);
  if (c.norm) {
    const std::string y = coordinate(y_of(*c.norm, c));
    out += "<path class=\"norm\" d=\"M" + coordinate(kLeft) + " " + y + "H" +
           coordinate(kWidth - kRight) + "\"/>";
    out += "<text class=\"norm-label\" x=\"" + coordinate(kWidth - kRight) + "\" y=\"" +
           coordinate(y_of(*c.norm, c) - 4) + "\" text-anchor=\"end\">" +
           html_escaped(c.norm_label) + "</text>";
  }
  out += polyline(c);
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    if (!c.points[i].value) continue;
    out += marker(x_of(i, c.points.size()), y_of(*c.points[i].value, c), c.points[i].status);
  }
  out += "</svg>";
  return out;
}

}  // namespace meetlat::report

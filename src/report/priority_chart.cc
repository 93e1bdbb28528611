#include "report/priority_chart.h"

#include <algorithm>
#include <array>
#include <optional>

#include "report/html_text.h"

namespace meetlat::report {
namespace {

constexpr double kLegendRow = 24;  // under the period labels
constexpr double kLabelGap = 13;   // the least distance between two labels at the lines' ends
constexpr double kCharWidth = 7;   // a generous width of a character of 12px text
constexpr double kSample = 24;     // the length of a legend's line sample

std::string coordinate(double v) { return svg_coordinate(v); }

std::string dash_attribute(std::size_t index) {
  const std::string_view dash = series_dash(index);
  return dash.empty() ? std::string() : " stroke-dasharray=\"" + std::string(dash) + "\"";
}

double text_width(const std::string& text) { return kCharWidth * static_cast<double>(text.size()); }

ChartFrame frame_of(const PriorityChart& c) {
  ChartFrame f;
  double longest = 0;
  for (const auto& s : c.series) longest = std::max(longest, text_width(s.name));
  f.right = std::clamp(longest + 14, 40.0, 140.0);  // room for the names at the lines' ends
  f.bottom += kLegendRow;
  f.height += kLegendRow;
  f.low = c.low;
  f.high = c.high;
  return f;
}

std::string series_line(const ChartSeries& s, std::size_t index, const ChartFrame& f,
                        std::size_t periods) {
  std::string points;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    if (!s.points[i].value) continue;
    if (!points.empty()) points += ' ';
    points += coordinate(f.x_of(i, periods)) + "," + coordinate(f.y_of(*s.points[i].value));
  }
  if (points.empty()) return {};
  return "<polyline class=\"series\" points=\"" + points + "\"" + dash_attribute(index) + "/>";
}

// The name of each series beside its last value, moved apart where two would overlap.
std::string end_labels(const PriorityChart& c, const ChartFrame& f, std::size_t periods) {
  struct Label {
    double y;
    std::size_t series;
    double x;
  };
  std::vector<Label> labels;
  for (std::size_t s = 0; s < c.series.size(); ++s) {
    const auto& points = c.series[s].points;
    for (std::size_t i = points.size(); i-- > 0;) {
      if (!points[i].value) continue;
      labels.push_back({f.y_of(*points[i].value) + 4, s, f.x_of(i, periods) + 8});
      break;
    }
  }
  std::stable_sort(labels.begin(), labels.end(),
                   [](const Label& a, const Label& b) { return a.y < b.y; });
  for (std::size_t i = 1; i < labels.size(); ++i) {
    labels[i].y = std::max(labels[i].y, labels[i - 1].y + kLabelGap);
  }
  std::string out;
  for (const auto& l : labels) {
    out += "<text class=\"series-label\" x=\"" + coordinate(l.x) + "\" y=\"" + coordinate(l.y) +
           "\">" + html_escaped(c.series[l.series].name) + "</text>";
  }
  return out;
}

std::string legend(const PriorityChart& c, const ChartFrame& f) {
  const double y = f.height - kLegendRow + 12;
  double x = f.left;
  std::string out;
  for (std::size_t s = 0; s < c.series.size(); ++s) {
    out += "<path class=\"series\" d=\"M" + coordinate(x) + " " + coordinate(y - 4) + "h" +
           coordinate(kSample) + "\"" + dash_attribute(s) + "/>";
    out += "<text class=\"series-label\" x=\"" + coordinate(x + kSample + 6) + "\" y=\"" +
           coordinate(y) + "\">" + html_escaped(c.series[s].name) + "</text>";
    x += kSample + 6 + text_width(c.series[s].name) + 16;
  }
  return out;
}

std::string norm_lines(const PriorityChart& c, const ChartFrame& f) {
  std::vector<NormLine> norms = c.norms;
  std::stable_sort(norms.begin(), norms.end(),
                   [](const NormLine& a, const NormLine& b) { return a.value > b.value; });
  std::string out;
  std::optional<double> last_label_y;
  for (const NormLine& n : norms) {
    const double y = f.y_of(n.value);
    out += "<path class=\"norm\" d=\"M" + coordinate(f.left) + " " + coordinate(y) + "H" +
           coordinate(f.width - f.right) + "\"/>";
    double label_y = y - 4;
    if (last_label_y) label_y = std::max(label_y, *last_label_y + kLabelGap);
    last_label_y = label_y;
    out += "<text class=\"norm-label\" x=\"" + coordinate(f.width - f.right) + "\" y=\"" +
           coordinate(label_y) + "\" text-anchor=\"end\">" + html_escaped(n.label) + "</text>";
  }
  return out;
}

}  // namespace

std::string_view series_dash(std::size_t index) {
  // Solid, dotted, dash-dot, long dash, dash-dot-dot: none is the norm line's "6 4".
  static constexpr std::array<std::string_view, 5> kDashes = {"", "2 3", "10 3 2 3", "14 4",
                                                              "10 3 2 3 2 3"};
  return kDashes[index % kDashes.size()];
}

std::string priority_chart_svg(const PriorityChart& c) {
  const ChartFrame f = frame_of(c);
  const std::size_t periods = c.period_labels.size();
  std::string out =
      svg_chart_start(c.id, "chart series", f.width, f.height, c.title, c.description);
  out += svg_axes(f, c.low_label, c.high_label, c.period_labels);
  out += norm_lines(c, f);
  for (std::size_t s = 0; s < c.series.size(); ++s) out += series_line(c.series[s], s, f, periods);
  for (const auto& s : c.series) {
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      if (!s.points[i].value) continue;
      out += svg_status_marker(f.x_of(i, periods), f.y_of(*s.points[i].value), s.points[i].status);
    }
  }
  out += end_labels(c, f, periods) + legend(c, f) + "</svg>";
  return out;
}

}  // namespace meetlat::report

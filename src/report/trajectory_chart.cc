#include "report/trajectory_chart.h"

#include <algorithm>

#include "report/html_text.h"
#include "report/svg_chart.h"

namespace meetlat::report {
namespace {

std::string coordinate(double v) { return svg_coordinate(v); }

ChartFrame frame_of(const TrajectoryChart& c) {
  ChartFrame f;
  f.right = 36;  // room for the last month tick and a period label at the axis's end
  f.low = c.low;
  f.high = c.high;
  return f;
}

double x_of(int months, const TrajectoryChart& c, const ChartFrame& f) {
  return f.x_of(static_cast<std::size_t>(std::clamp(months, 0, c.axis_months)),
                static_cast<std::size_t>(c.axis_months) + 1);
}

}  // namespace

std::pair<double, double> trajectory_range(const TrajectoryChart& c) {
  std::vector<ChartPoint> values = {{{}, 0.0, measure::Status::kNoData},
                                    {{}, c.final_reduction, measure::Status::kNoData}};
  for (const auto& p : c.points) values.push_back({{}, p.value, p.status});
  auto [low, high] = chart_range(values, std::nullopt);
  const bool negative = std::any_of(c.points.begin(), c.points.end(), [](const TrajectoryPoint& p) {
    return p.value && *p.value < 0;
  });
  if (!negative) low = 0;  // the path starts at no reduction, on the axis
  return {low, high};
}

std::string trajectory_chart_svg(const TrajectoryChart& c) {
  const ChartFrame f = frame_of(c);
  std::string out =
      svg_chart_start(c.id, "chart trajectory", f.width, f.height, c.title, c.description);
  out += svg_axes(f, c.low_label, c.high_label, c.month_ticks);
  const double end_x = x_of(c.over_months, c, f);
  const double end_y = f.y_of(c.final_reduction);
  out += "<path class=\"norm\" d=\"M" + coordinate(f.left) + " " + coordinate(f.y_of(0)) + "L" +
         coordinate(end_x) + " " + coordinate(end_y) + "H" + coordinate(f.width - f.right) + "\"/>";
  out += "<text class=\"norm-label\" x=\"" + coordinate(end_x) + "\" y=\"" + coordinate(end_y - 6) +
         "\" text-anchor=\"end\">" + html_escaped(c.path_label) + "</text>";
  for (const auto& p : c.points) {
    if (!p.value) continue;
    const double x = x_of(p.months, c, f);
    const double y = f.y_of(*p.value);
    out += svg_status_marker(x, y, p.status);
    out += "<text class=\"tick\" x=\"" + coordinate(x + 8) + "\" y=\"" + coordinate(y - 8) + "\">" +
           html_escaped(p.label) + "</text>";
  }
  out += "</svg>";
  return out;
}

}  // namespace meetlat::report

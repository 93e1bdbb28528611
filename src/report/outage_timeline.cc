#include "report/outage_timeline.h"

#include <algorithm>

#include "report/html_text.h"
#include "report/svg_chart.h"

namespace meetlat::report {
namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 120;
constexpr double kLeft = 96;  // room for the lanes' names
constexpr double kRight = 16;
constexpr double kLaneTop[] = {16, 48};  // unplanned, planned
constexpr double kLaneHeight = 22;
constexpr double kAxis = 84;     // the time axis under the lanes
constexpr double kMinBar = 1.5;  // the narrowest bar drawn

std::string coordinate(double v) { return svg_coordinate(v); }

double x_of(time::Instant t, const time::Window& w) {
  const double span = kWidth - kLeft - kRight;
  const auto from = static_cast<double>((t - w.from).count());
  const auto all = static_cast<double>((w.to - w.from).count());
  return kLeft + span * std::clamp(from / all, 0.0, 1.0);
}

}  // namespace

std::string outage_timeline_svg(const OutageTimeline& t) {
  std::string out =
      svg_chart_start(t.id, "chart timeline", kWidth, kHeight, t.title, t.description);
  const std::string labels[] = {t.unplanned_label, t.planned_label};
  for (int lane = 0; lane < 2; ++lane) {
    out += "<text class=\"tick\" x=\"" + coordinate(kLeft - 6) + "\" y=\"" +
           coordinate(kLaneTop[lane] + kLaneHeight / 2 + 4) + "\" text-anchor=\"end\">" +
           html_escaped(labels[lane]) + "</text>";
    out += "<rect class=\"lane\" x=\"" + coordinate(kLeft) + "\" y=\"" +
           coordinate(kLaneTop[lane]) + "\" width=\"" + coordinate(kWidth - kLeft - kRight) +
           "\" height=\"" + coordinate(kLaneHeight) + "\"/>";
  }
  out += "<path class=\"axis\" d=\"M" + coordinate(kLeft) + " " + coordinate(kAxis) + "H" +
         coordinate(kWidth - kRight) + "\"/>";
  for (const TimelineTick& tick : t.ticks) {
    const std::string x = coordinate(x_of(tick.at, t.window));
    out += "<path class=\"axis\" d=\"M" + x + " " + coordinate(kAxis) + "v5\"/>";
    out += "<text class=\"tick\" x=\"" + x + "\" y=\"" + coordinate(kAxis + 18) +
           "\" text-anchor=\"middle\">" + html_escaped(tick.label) + "</text>";
  }
  for (const TimelineBar& bar : t.bars) {
    const double from = x_of(bar.from, t.window);
    const double width = std::max(kMinBar, x_of(bar.to, t.window) - from);
    const int lane = bar.planned ? 1 : 0;
    out += "<rect class=\"" + std::string(bar.planned ? "bar-p" : "bar-u") + "\" x=\"" +
           coordinate(from) + "\" y=\"" + coordinate(kLaneTop[lane] + 2) + "\" width=\"" +
           coordinate(width) + "\" height=\"" + coordinate(kLaneHeight - 4) + "\"/>";
  }
  out += "</svg>";
  return out;
}

}  // namespace meetlat::report

#include "report/outage_timeline.h"

#include <algorithm>
#include <optional>

#include "report/html_text.h"
#include "report/svg_chart.h"

namespace meetlat::report {
namespace {

constexpr double kWidth = 640;
constexpr double kLeft = 96;  // room for the lanes' names
constexpr double kRight = 16;
constexpr double kTop = 16;       // above the first lane
constexpr double kLaneStep = 32;  // from a lane's top to the next one's
constexpr double kLaneHeight = 22;
constexpr double kAxisGap = 4;     // from the last lane's step to the time axis
constexpr double kBelowAxis = 36;  // the ticks and their labels
constexpr double kMinBar = 1.5;    // the narrowest bar drawn
constexpr double kMinGap = 1;      // bars of a lane closer than this are drawn as one

std::string coordinate(double v) { return svg_coordinate(v); }

double x_of(time::Instant t, const time::Window& w) {
  const double span = kWidth - kLeft - kRight;
  const auto from = static_cast<double>((t - w.from).count());
  const auto all = static_cast<double>((w.to - w.from).count());
  return kLeft + span * std::clamp(from / all, 0.0, 1.0);
}

double lane_top(std::size_t lane) { return kTop + kLaneStep * static_cast<double>(lane); }

// A bar as drawn: its lane, its left edge and its width.
struct Drawn {
  std::size_t lane = 0;
  double from = 0;
  double width = 0;
};

std::string bar_svg(const OutageTimeline& t, const Drawn& bar) {
  const bool filled = bar.lane < t.lanes.size() && t.lanes[bar.lane].filled;
  return "<rect class=\"" + std::string(filled ? "bar-u" : "bar-p") + "\" x=\"" +
         coordinate(bar.from) + "\" y=\"" + coordinate(lane_top(bar.lane) + 2) + "\" width=\"" +
         coordinate(bar.width) + "\" height=\"" + coordinate(kLaneHeight - 4) + "\"/>";
}

}  // namespace

std::string outage_timeline_svg(const OutageTimeline& t) {
  const double axis = lane_top(t.lanes.size()) + kAxisGap;
  std::string out =
      svg_chart_start(t.id, "chart timeline", kWidth, axis + kBelowAxis, t.title, t.description);
  for (std::size_t lane = 0; lane < t.lanes.size(); ++lane) {
    out += "<text class=\"tick\" x=\"" + coordinate(kLeft - 6) + "\" y=\"" +
           coordinate(lane_top(lane) + kLaneHeight / 2 + 4) + "\" text-anchor=\"end\">" +
           html_escaped(t.lanes[lane].label) + "</text>";
    out += "<rect class=\"lane\" x=\"" + coordinate(kLeft) + "\" y=\"" +
           coordinate(lane_top(lane)) + "\" width=\"" + coordinate(kWidth - kLeft - kRight) +
           "\" height=\"" + coordinate(kLaneHeight) + "\"/>";
  }
  out += "<path class=\"axis\" d=\"M" + coordinate(kLeft) + " " + coordinate(axis) + "H" +
         coordinate(kWidth - kRight) + "\"/>";
  for (const TimelineTick& tick : t.ticks) {
    const std::string x = coordinate(x_of(tick.at, t.window));
    out += "<path class=\"axis\" d=\"M" + x + " " + coordinate(axis) + "v5\"/>";
    out += "<text class=\"tick\" x=\"" + x + "\" y=\"" + coordinate(axis + 18) +
           "\" text-anchor=\"middle\">" + html_escaped(tick.label) + "</text>";
  }
  // Each bar is drawn when the next one is known: a bar of the same lane that starts less than
  // kMinGap after it (or inside it) widens it instead of being drawn on its own.
  std::optional<Drawn> pending;
  for (const TimelineBar& bar : t.bars) {
    const double from = x_of(bar.from, t.window);
    const double width = std::max(kMinBar, x_of(bar.to, t.window) - from);
    if (pending && pending->lane == bar.lane && from >= pending->from &&
        from < pending->from + pending->width + kMinGap) {
      pending->width = std::max(pending->width, from + width - pending->from);
      continue;
    }
    if (pending) out += bar_svg(t, *pending);
    pending = Drawn{bar.lane, from, width};
  }
  if (pending) out += bar_svg(t, *pending);
  out += "</svg>";
  return out;
}

}  // namespace meetlat::report

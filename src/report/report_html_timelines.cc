// The timelines on an availability objective's page of the monthly HTML report (docs/reports.md,
// "The KPIs one by one"): the outage register's, with the probes' down minutes beside it when they
// checked the register, or the probes' alone when they decided.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

#include "report/locale_text.h"
#include "report/outage_timeline.h"
#include "report/report_html_parts.h"
#include "time/period.h"

namespace meetlat::report::html {
namespace {

using evaluate::HistoryKpi;
using evaluate::ObjectiveResult;

// At most this many spans are named one by one in a probe timeline's text alternative; beyond
// it, the count, the minutes in all and the longest kProbeSpansLongest (of availability from the
// probes, all of them are in the evidence appendix, as the objective's failing records).
constexpr std::size_t kProbeSpansNamed = 100;
constexpr std::size_t kProbeSpansLongest = 20;

// The spans of down minutes in words for a timeline's text alternative: their count and minutes
// in all, then every span, or beyond kProbeSpansNamed the kProbeSpansLongest longest with the
// words of `longest_key`.
std::string probe_spans_text(const MonthlyReport& r, const std::vector<time::Window>& spans,
                             std::string_view longest_key) {
  const Catalogue& w = *r.words;
  if (spans.empty()) return w.say("report.probe_down_none", {});
  time::Micros total{0};
  for (const time::Window& span : spans) total += span.to - span.from;
  auto item = [&](const time::Window& span) {
    return w.say("report.probe_down_item", {{"from", instant_text(span.from, *r.zone, w)},
                                            {"to", instant_text(span.to, *r.zone, w)},
                                            {"minutes", minutes_text(span.to - span.from, w)}});
  };
  auto join = [&](const std::vector<time::Window>& named) {
    std::string out;
    for (const time::Window& span : named) out += (out.empty() ? "" : "; ") + item(span);
    return out;
  };
  std::string out =
      w.say(spans.size() == 1 ? "report.probe_down_total_one" : "report.probe_down_total",
            {{"spans", count_text(static_cast<std::int64_t>(spans.size()), w)},
             {"minutes", minutes_text(total, w)}});
  if (spans.size() <= kProbeSpansNamed) return out + ": " + join(spans);
  // The longest, the earlier first among equals, shown in time order.
  std::vector<time::Window> longest = spans;
  std::stable_sort(
      longest.begin(), longest.end(),
      [](const time::Window& a, const time::Window& b) { return a.to - a.from > b.to - b.from; });
  longest.resize(kProbeSpansLongest);
  std::sort(longest.begin(), longest.end(),
            [](const time::Window& a, const time::Window& b) { return a.from < b.from; });
  return out + "; " +
         w.say(longest_key, {{"count", count_text(static_cast<std::int64_t>(longest.size()), w)},
                             {"spans", join(longest)}});
}

// A mark every seven days from the first of `window`, named by its day and month ("8 okt").
std::vector<TimelineTick> week_ticks(const MonthlyReport& r, const time::Window& window) {
  const Catalogue& w = *r.words;
  std::vector<TimelineTick> ticks;
  for (time::Date day = r.zone->date_of(window.from);; day += std::chrono::days{7}) {
    const time::Instant at = r.zone->start_of_day(day);
    if (at >= window.to) break;
    const std::chrono::year_month_day ymd{day};
    ticks.push_back(
        {at, std::to_string(static_cast<unsigned>(ymd.day())) + " " +
                 w.say("month_short." + std::to_string(static_cast<unsigned>(ymd.month())), {})});
  }
  return ticks;
}

// The period a timeline's title names: "oktober 2026" for a month, else its name.
std::string timeline_period(const MonthlyReport& r, const HistoryKpi& k) {
  return k.period.cadence == time::Cadence::kMonth ? month_text(k.period.first_day, *r.words)
                                                   : k.period_name;
}

// The outages of an availability objective's window (its outage register, outages.csv, as the
// measure reads it: of its services, cut at the window and at as_of, an open one lasting until
// as_of) as a timeline; "" when the objective is not availability or the register is not in the
// evidence (availability from probes: probe_timeline). When the probes checked the register, the
// spans they saw down (ObjectiveResult::probe_check_spans, those the check compared with the
// register) are a third lane under the register's two, on the same time axis.
std::string outage_timeline(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o,
                            const contract::Objective& objective, const std::string& name) {
  const auto* measure = std::get_if<contract::AvailabilityMeasure>(&objective.measure);
  const evidence::Table* table =
      measure != nullptr && r.evidence != nullptr ? r.evidence->find(measure->outages) : nullptr;
  if (table == nullptr) return {};
  const Catalogue& w = *r.words;
  OutageTimeline t;
  t.id = "timeline-" + anchor(k.kpi_id) + "-" + anchor(o.id);
  t.window = {k.window.from, std::min(k.window.to, r.history->as_of)};
  if (t.window.to <= t.window.from) return {};
  const bool checked = o.probe_check_spans.has_value();
  t.title = w.say(checked ? "report.outage_probe_timeline_title" : "report.outage_timeline_title",
                  {{"objective", k.kpi_id + " " + name}, {"period", timeline_period(r, k)}});
  t.lanes = {{w.say("report.outage_unplanned", {}), true},
             {w.say("report.outage_planned", {}), false}};
  const auto starts = table->instants("start");
  const auto ends = table->instants("end");
  const auto planned = table->bools("planned");
  for (std::size_t row = 0; row < table->rows(); ++row) {
    if (!measure->services.empty() &&
        std::find(measure->services.begin(), measure->services.end(),
                  table->text("service", row)) == measure->services.end()) {
      continue;
    }
    const time::Instant end = evidence::is_missing(ends[row]) ? t.window.to : ends[row];
    const time::Instant from = std::max(starts[row], t.window.from);
    const time::Instant to = std::min(end, t.window.to);
    if (to <= from) continue;
    const bool is_planned = planned[row] == 1;
    t.bars.push_back({from, to, is_planned ? 1U : 0U});
    if (!t.description.empty()) t.description += "; ";
    t.description += w.say("report.outage_item", {{"id", std::string(table->text("id", row))},
                                                  {"from", instant_text(from, *r.zone, w)},
                                                  {"to", instant_text(to, *r.zone, w)},
                                                  {"kind", t.lanes[is_planned ? 1 : 0].label}});
  }
  if (t.bars.empty()) t.description = w.say("report.outage_none", {});
  if (checked) {
    t.lanes.push_back({w.say("report.probe_check_lane", {}), true});
    for (const time::Window& span : *o.probe_check_spans) t.bars.push_back({span.from, span.to, 2});
    t.description +=
        ". " +
        w.say("report.probe_check_desc",
              {{"spans", probe_spans_text(r, *o.probe_check_spans, "report.probe_check_longest")}});
  }
  t.ticks = week_ticks(r, k.window);
  // The window drawn is the whole period, so a month to date shows how far it has come.
  t.window = k.window;
  return outage_timeline_svg(t) + "\n";
}

// The minutes an availability objective measured from the probes counted as down (the spans the
// evaluation kept beside its value, ObjectiveResult::down_spans: the same minutes the value
// counts) as a timeline of its window with one lane; "" when the objective is not measured from
// the probes or had no probe in its window.
std::string probe_timeline(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o,
                           const std::string& name) {
  if (!o.down_spans || !o.value) return {};
  const Catalogue& w = *r.words;
  OutageTimeline t;
  t.id = "probe-timeline-" + anchor(k.kpi_id) + "-" + anchor(o.id);
  t.window = k.window;
  if (t.window.to <= t.window.from) return {};
  t.title = w.say("report.probe_timeline_title",
                  {{"objective", k.kpi_id + " " + name}, {"period", timeline_period(r, k)}});
  t.lanes = {{w.say("report.probe_down_lane", {}), true}};
  for (const time::Window& span : *o.down_spans) t.bars.push_back({span.from, span.to, 0});
  t.description = probe_spans_text(r, *o.down_spans, "report.probe_down_longest");
  t.ticks = week_ticks(r, k.window);
  return outage_timeline_svg(t) + "\n";
}

}  // namespace

// Minutes as a reader counts them: whole when whole ("7"), else to two decimals ("4,33": a span
// cut at an as-of moment inside a minute).
std::string minutes_text(time::Micros d, const Catalogue& w) {
  constexpr std::int64_t kMinute = 60'000'000;
  if (d.count() % kMinute == 0) return count_text(d.count() / kMinute, w);
  return number_text(static_cast<double>(d.count()) / static_cast<double>(kMinute), 2, w);
}

std::string availability_timelines(const MonthlyReport& r, const HistoryKpi& k,
                                   const ObjectiveResult& o, const contract::Objective* objective,
                                   const std::string& name) {
  std::string out;
  if (objective != nullptr) out += outage_timeline(r, k, o, *objective, name);
  return out + probe_timeline(r, k, o, name);
}

}  // namespace meetlat::report::html

#include "sample/availability_writer.h"

#include <algorithm>
#include <array>
#include <string>

namespace meetlat::sample {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<std::string_view, 8> kLocations = {
    "amsterdam", "rotterdam", "frankfurt", "london", "paris", "dublin", "stockholm", "madrid"};
constexpr double kLostProbe = 0.0005;
constexpr double kFalseAlarm = 0.0003;
constexpr double kDownSeen = 0.97;

struct Outage {
  LocalSeconds start;
  LocalSeconds end;
  bool planned = false;
  std::string_view service = "portal";
  time::Instant start_at;
  time::Instant end_at;
};

Outage outage(LocalSeconds start, LocalSeconds end, bool planned,
              std::string_view service = "portal") {
  Outage o;
  o.start = start;
  o.end = end;
  o.planned = planned;
  o.service = service;
  return o;
}

std::vector<Outage> plan_outages(const Generation& g) {
  std::vector<Outage> outages;
  for (const MonthPlan& month : g.plan) {
    Rng rng = g.rng(Stream::kOutages, static_cast<std::uint64_t>(month.contract_month));
    const Day maintenance = nth_weekday(month.month, 7, 2);
    const LocalSeconds m_start = maintenance + std::chrono::hours{1};
    outages.push_back(outage(m_start, m_start + minutes{60 + 15 * rng.between(0, 8)}, true));
    const int small = static_cast<int>(rng.between(0, 2));
    for (int i = 0; i < small; ++i) {
      const LocalSeconds s = moment_in_month(month.month, rng);
      outages.push_back(outage(s, s + seconds{rng.between(60, 540)}, false));
    }
    if (month.long_outage) {
      const LocalSeconds s = office_moment(working_day_in(g.clock, month.month, rng), rng);
      outages.push_back(outage(s, s + minutes{rng.between(35, 140)}, false, "api"));
    }
    if (month.outage_into_next) {
      const Day last = first_day_of(month.month + std::chrono::months{1}) - std::chrono::days{1};
      const LocalSeconds s = last + std::chrono::hours{23} + minutes{rng.between(52, 57)};
      outages.push_back(outage(s, s + minutes{rng.between(6, 12)}, false));
    }
  }
  std::sort(outages.begin(), outages.end(),
            [](const Outage& a, const Outage& b) { return a.start < b.start; });
  for (Outage& o : outages) {
    o.start_at = g.clock.to_instant(o.start);
    o.end_at = g.clock.to_instant(o.end);
  }
  return outages;
}

void write_outages(Generation& g, const std::vector<Outage>& outages) {
  CsvFile file = g.open("outages.csv", {"id", "start", "end", "planned", "service"});
  int n = 0;
  for (const Outage& o : outages) {
    if (o.start >= g.clock.snapshot()) continue;
    file.text(make_id("OUT-", ++n, 4));
    file.local(o.start);
    o.end < g.clock.snapshot() ? file.local(o.end) : file.empty();
    file.boolean(o.planned);
    file.text(o.service);
    file.end_row();
  }
  g.finish(file);
}

std::string location_name(int i) {
  if (i < static_cast<int>(kLocations.size())) return std::string(kLocations[std::size_t(i)]);
  return "location-" + std::to_string(i + 1);
}

void write_probes(Generation& g, const std::vector<Outage>& outages) {
  CsvFile file = g.open("probes.csv", {"at", "location", "up"});
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(std::max(g.options.probe_locations, 0)));
  for (int i = 0; i < g.options.probe_locations; ++i) names.push_back(location_name(i));
  const time::Instant from = g.clock.zone().start_of_day(g.clock.first_day());
  const time::Instant to = g.clock.zone().start_of_day(g.clock.end_day());
  Rng rng = g.rng(Stream::kProbes);
  const Layout& layout = g.options.layout;
  const StampStyle style = layout.instant_style(false);
  const std::string_view quote = layout.quote_text ? "\"" : "";
  std::string rows;
  std::size_t next_outage = 0;
  for (time::Instant minute = from; minute < to; minute += minutes{1}) {
    while (next_outage < outages.size() && outages[next_outage].end_at <= minute) ++next_outage;
    const bool down = next_outage < outages.size() && outages[next_outage].start_at <= minute;
    const seconds offset = g.clock.zone().offset(minute);
    std::int64_t count = 0;
    for (std::size_t l = 0; l < names.size(); ++l) {
      if (rng.chance(kLostProbe)) continue;
      const bool up = down ? !rng.chance(kDownSeen) : !rng.chance(kFalseAlarm);
      const auto second = static_cast<unsigned>(7 + 13 * (l % 4));
      char stamp[kMaxStampChars];
      rows.append(stamp, put_stamp(stamp, minute + seconds{second}, style, offset));
      rows.append(",");
      rows.append(quote);
      rows.append(names[l]);
      rows.append(quote);
      rows.append(",");
      rows.append(quote);
      rows.append(up ? "true" : "false");
      rows.append(quote);
      rows.append(layout.line_end());
      ++count;
    }
    file.raw_rows(rows, count);
    rows.clear();
  }
  g.finish(file);
}

}  // namespace

void write_outages_and_probes(Generation& g) {
  const std::vector<Outage> outages = plan_outages(g);
  write_outages(g, outages);
  write_probes(g, outages);
}

}  // namespace meetlat::sample

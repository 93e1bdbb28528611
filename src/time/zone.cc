#include "time/zone.h"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "time/time_error.h"

namespace meetlat::time {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;
constexpr std::size_t kDayCacheSlots = 1024;

// A cache entry: the wall-clock day in the high 32 bits, its UTC offset in seconds in the low.
std::uint64_t pack_day(std::int64_t day, std::int64_t offset_s) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day)) << 32) |
         static_cast<std::uint32_t>(static_cast<std::int32_t>(offset_s));
}

}  // namespace

// The zone's UTC offsets as segments: segment i starts at utc_start[i] (µs since the epoch) and
// has offset_us[i]. local_start[i] = utc_start[i] + offset_us[i] is the wall-clock time at which
// it starts; it is increasing because segments last months and offsets differ by hours.
struct Zone::Table {
  std::string name;
  std::vector<std::int64_t> utc_start;
  std::vector<std::int64_t> local_start;
  std::vector<std::int64_t> offset_us;
  // Wall-clock days that lie wholly inside one segment, clear of a repeated or skipped hour, with
  // their offset (pack_day), direct-mapped by day: the millions of time stamps of an evidence file
  // fall on few days. Shared by threads: each entry is one atomic word, so a reader sees a whole
  // entry or misses. Slot i starts with day i + 1, which never maps to slot i.
  mutable std::array<std::atomic<std::uint64_t>, kDayCacheSlots> day_cache;

  Table() {
    for (std::size_t i = 0; i < kDayCacheSlots; ++i) {
      day_cache[i].store(pack_day(static_cast<std::int64_t>(i) + 1, 0), std::memory_order_relaxed);
    }
  }

  // Whether the wall-clock stretch [first, last] lies in one segment i, clear of its repeated
  // and skipped stretches (the repeated stretch starts a segment and the skipped one ends it, so
  // checking both ends suffices), with an offset of whole seconds.
  bool clear_stretch(std::int64_t first, std::int64_t last, std::size_t i) const {
    return segment_at_local(first) == i && segment_at_local(last) == i &&
           offset_us[i] % kMicrosPerSecond == 0 && issue_in(i, first) == LocalTimeIssue::kNone &&
           issue_in(i, last) == LocalTimeIssue::kNone;
  }

  // Whether wall-clock time `local_us`, in segment i = segment_at_local(local_us), is also shown
  // by the previous segment (repeated) or lies in the gap before the next one (skipped).
  LocalTimeIssue issue_in(std::size_t i, std::int64_t local_us) const {
    if (i > 0 && local_us - offset_us[i - 1] < utc_start[i]) return LocalTimeIssue::kRepeated;
    if (i + 1 < utc_start.size() && local_us - offset_us[i] >= utc_start[i + 1]) {
      return LocalTimeIssue::kSkipped;
    }
    return LocalTimeIssue::kNone;
  }

  // The segment in force at UTC time `utc_us`.
  std::size_t segment_at_utc(std::int64_t utc_us) const {
    const auto it = std::upper_bound(utc_start.begin(), utc_start.end(), utc_us);
    return it == utc_start.begin() ? 0 : static_cast<std::size_t>(it - utc_start.begin()) - 1;
  }
  // The last segment whose wall-clock start is at or before `local_us`.
  std::size_t segment_at_local(std::int64_t local_us) const {
    const auto it = std::upper_bound(local_start.begin(), local_start.end(), local_us);
    return it == local_start.begin() ? 0 : static_cast<std::size_t>(it - local_start.begin()) - 1;
  }

  // Offsets from 1970 to 2200; before and after, the first and last offsets continue.
  static std::shared_ptr<const Table> compute(const date::time_zone& tz, std::string zone_name);
  static std::shared_ptr<const Table> utc();
};

Zone::Zone() : table_(Table::utc()) {}

Zone Zone::load(std::string_view iana_name) {
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(iana_name);
  } catch (const std::exception& e) {
    throw TimeError("unknown time zone '" + std::string(iana_name) + "': " + e.what());
  }
  Zone zone;
  zone.table_ = Table::compute(*tz, std::string(iana_name));
  return zone;
}

std::vector<std::string> Zone::names() {
  std::vector<std::string> out;
  const date::tzdb& db = date::get_tzdb();
  for (const auto& zone : db.zones) out.emplace_back(zone.name());
  std::sort(out.begin(), out.end());
  return out;
}

std::shared_ptr<const Zone::Table> Zone::Table::utc() {
  static const std::shared_ptr<const Table> table = [] {
    auto t = std::make_shared<Table>();
    t->name = "UTC";
    t->utc_start.push_back(std::numeric_limits<std::int64_t>::min() / 4);
    t->local_start.push_back(t->utc_start.back());
    t->offset_us.push_back(0);
    return t;
  }();
  return table;
}

std::shared_ptr<const Zone::Table> Zone::Table::compute(const date::time_zone& tz,
                                                        std::string zone_name) {
  auto table = std::make_shared<Table>();
  table->name = std::move(zone_name);
  const std::chrono::sys_seconds first = std::chrono::sys_days{std::chrono::year{1970} / 1 / 1};
  const std::chrono::sys_seconds last = std::chrono::sys_days{std::chrono::year{2200} / 1 / 1};
  std::chrono::sys_seconds at = first;
  while (at < last) {
    const date::sys_info info = tz.get_info(at);
    const std::int64_t offset = info.offset.count() * kMicrosPerSecond;
    if (table->offset_us.empty() || table->offset_us.back() != offset) {
      const std::int64_t start = table->offset_us.empty()
                                     ? std::numeric_limits<std::int64_t>::min() / 4
                                     : info.begin.time_since_epoch().count() * kMicrosPerSecond;
      table->utc_start.push_back(start);
      table->local_start.push_back(start + offset);
      table->offset_us.push_back(offset);
    }
    if (info.end <= at) break;  // the last rule lasts forever
    at = info.end;
  }
  return table;
}

const std::string& Zone::name() const { return table_->name; }

Instant Zone::to_instant(LocalTime local, LocalTimeIssue* issue) const {
  const Date day = std::chrono::floor<std::chrono::days>(local);
  return to_instant(day, local - day, issue);
}

Instant Zone::to_instant(Date day, Micros time_of_day, LocalTimeIssue* issue) const {
  const Table& t = *table_;
  const std::int64_t day_number = day.time_since_epoch().count();
  const std::int64_t local_us = day_number * kMicrosPerDay + time_of_day.count();
  std::atomic<std::uint64_t>& cached =
      t.day_cache[static_cast<std::uint64_t>(day_number) % kDayCacheSlots];
  const std::uint64_t entry = cached.load(std::memory_order_relaxed);
  if ((entry >> 32) == static_cast<std::uint32_t>(day_number) && time_of_day.count() >= 0 &&
      time_of_day.count() < kMicrosPerDay) {
    if (issue != nullptr) *issue = LocalTimeIssue::kNone;
    const auto offset_s = static_cast<std::int32_t>(static_cast<std::uint32_t>(entry));
    return Instant{Micros{local_us - offset_s * kMicrosPerSecond}};
  }
  const std::size_t i = t.segment_at_local(local_us);
  LocalTimeIssue what = LocalTimeIssue::kNone;
  std::int64_t utc_us = local_us - t.offset_us[i];
  if (i > 0 && local_us - t.offset_us[i - 1] < t.utc_start[i]) {
    // Also valid in the previous segment: the repeated hour; the earlier instant wins.
    utc_us = local_us - t.offset_us[i - 1];
    what = LocalTimeIssue::kRepeated;
  } else if (i + 1 < t.utc_start.size() && utc_us >= t.utc_start[i + 1]) {
    // In the gap before segment i + 1: keeping the old offset moves it forward by the gap.
    what = LocalTimeIssue::kSkipped;
  }
  if (issue != nullptr) *issue = what;
  const std::int64_t first = day_number * kMicrosPerDay;
  const std::size_t day_segment = t.segment_at_local(first);
  if (t.clear_stretch(first, first + kMicrosPerDay - 1, day_segment)) {
    cached.store(pack_day(day_number, t.offset_us[day_segment] / kMicrosPerSecond),
                 std::memory_order_relaxed);
  }
  return Instant{Micros{utc_us}};
}

void Zone::instants_between(LocalTime from, LocalTime to,
                            std::vector<std::pair<Instant, Instant>>* out) const {
  const Table& t = *table_;
  const std::int64_t from_us = from.time_since_epoch().count();
  const std::int64_t to_us = to.time_since_epoch().count();
  if (to_us <= from_us) return;
  // The segment before the one starting at `from` may still show `from` (a repeated hour).
  std::size_t j = t.segment_at_local(from_us);
  if (j > 0) --j;
  for (; j < t.utc_start.size() && t.local_start[j] < to_us; ++j) {
    const std::int64_t segment_end = j + 1 < t.utc_start.size()
                                         ? t.utc_start[j + 1]
                                         : std::numeric_limits<std::int64_t>::max() / 4;
    const std::int64_t lo = std::max(t.utc_start[j], from_us - t.offset_us[j]);
    const std::int64_t hi = std::min(segment_end, to_us - t.offset_us[j]);
    if (lo >= hi) continue;
    if (!out->empty() && out->back().second.time_since_epoch().count() == lo) {
      out->back().second = Instant{Micros{hi}};
    } else {
      out->emplace_back(Instant{Micros{lo}}, Instant{Micros{hi}});
    }
  }
}

Instant Zone::start_of_day(Date d) const { return to_instant(LocalTime{d}); }

LocalTime Zone::to_local(Instant t) const {
  const std::int64_t utc_us = t.time_since_epoch().count();
  return LocalTime{Micros{utc_us + table_->offset_us[table_->segment_at_utc(utc_us)]}};
}

Date Zone::date_of(Instant t) const { return std::chrono::floor<std::chrono::days>(to_local(t)); }

std::chrono::seconds Zone::offset(Instant t) const {
  const std::int64_t utc_us = t.time_since_epoch().count();
  return std::chrono::seconds{table_->offset_us[table_->segment_at_utc(utc_us)] / kMicrosPerSecond};
}

std::string Zone::format(Instant t) const {
  const LocalTime local = to_local(t);
  const Date day = std::chrono::floor<std::chrono::days>(local);
  const std::int64_t of_day_us = (local - day).count();
  const std::int64_t secs = of_day_us / kMicrosPerSecond;
  const std::int64_t frac_us = of_day_us % kMicrosPerSecond;
  const std::int64_t offset_s = offset(t).count();
  const std::int64_t abs_offset_s = offset_s < 0 ? -offset_s : offset_s;
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(secs / 3600),
                        static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  if (frac_us != 0) {
    // Milliseconds when they say it all, else microseconds.
    n += frac_us % 1000 == 0
             ? std::snprintf(buf + n, sizeof buf - n, ".%03d", static_cast<int>(frac_us / 1000))
             : std::snprintf(buf + n, sizeof buf - n, ".%06d", static_cast<int>(frac_us));
  }
  std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", offset_s < 0 ? '-' : '+',
                static_cast<int>(abs_offset_s / 3600), static_cast<int>(abs_offset_s / 60 % 60));
  return format_date(day) + buf;
}

}  // namespace meetlat::time

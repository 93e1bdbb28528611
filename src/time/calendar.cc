#include "time/calendar.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "time/holidays.h"
#include "time/parse.h"
#include "time/time_error.h"

namespace meetlat::time {

namespace {

constexpr std::chrono::minutes kDayMinutes{24 * 60};

using InstantRange = std::pair<Instant, Instant>;

CalendarSpec weekdays(std::string name, const std::vector<MinuteRange>& ranges) {
  CalendarSpec spec;
  spec.name = std::move(name);
  for (int d = 0; d < 5; ++d) spec.hours[d] = ranges;
  return spec;
}

MinuteRange hours_range(int from_h, int to_h) {
  return MinuteRange{std::chrono::hours{from_h}, std::chrono::hours{to_h}};
}

std::string range_text(std::chrono::minutes from, std::chrono::minutes to) {
  return std::to_string(from.count()) + "-" + std::to_string(to.count()) + " min";
}

// Opening hours: start before 24:00, end after the start and at most 24 hours after it.
std::optional<std::string> opening_problem(const MinuteRange& r) {
  if (r.from < std::chrono::minutes{0} || r.from >= kDayMinutes || r.to <= r.from ||
      r.to - r.from > kDayMinutes) {
    return "opening range " + range_text(r.from, r.to) +
           " does not start in 00:00-24:00, is empty or lasts more than 24 hours";
  }
  return std::nullopt;
}

// A closure: inside 00:00-24:00 of its day, not empty.
std::optional<std::string> closure_problem(std::chrono::minutes from, std::chrono::minutes to) {
  if (from < std::chrono::minutes{0} || to > kDayMinutes || from >= to) {
    return "closed range " + range_text(from, to) + " is not inside 00:00-24:00 or is empty";
  }
  return std::nullopt;
}

// A month and day that some year has (29 February: leap years).
bool exists_in_some_year(MonthDay md) {
  return (std::chrono::year{2000} / std::chrono::month{md.month} / std::chrono::day{md.day}).ok();
}

std::string month_day_text(MonthDay md) {
  return std::to_string(md.month) + "/" + std::to_string(md.day);
}

// Sorted, with overlapping or touching ranges joined.
std::vector<MinuteRange> normalized(std::vector<MinuteRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const MinuteRange& a, const MinuteRange& b) { return a.from < b.from; });
  std::vector<MinuteRange> out;
  for (const MinuteRange& r : ranges) {
    if (!out.empty() && r.from <= out.back().to) {
      out.back().to = std::max(out.back().to, r.to);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

// `ranges` without [cut_from, cut_to).
std::vector<MinuteRange> without(const std::vector<MinuteRange>& ranges,
                                 std::chrono::minutes cut_from, std::chrono::minutes cut_to) {
  std::vector<MinuteRange> out;
  for (const MinuteRange& r : ranges) {
    if (r.from < cut_from) out.push_back({r.from, std::min(r.to, cut_from)});
    if (r.to > cut_to) out.push_back({std::max(r.from, cut_to), r.to});
  }
  return out;
}

}  // namespace

CalendarSpec CalendarSpec::always_open(std::string name) {
  CalendarSpec spec;
  spec.name = std::move(name);
  for (auto& day : spec.hours) day = {MinuteRange{std::chrono::minutes{0}, kDayMinutes}};
  spec.termijnenwet_holidays = false;
  return spec;
}

CalendarSpec CalendarSpec::office_hours(std::string name) {
  return weekdays(std::move(name), {hours_range(8, 18)});
}

CalendarSpec CalendarSpec::peak_hours(std::string name) {
  return weekdays(std::move(name), {hours_range(9, 11), hours_range(13, 15)});
}

CalendarSpec CalendarSpec::working_days(std::string name) {
  return weekdays(std::move(name), {hours_range(0, 24)});
}

std::optional<std::string> CalendarSpec::problem() const {
  for (const auto& day : hours) {
    for (const MinuteRange& r : day) {
      if (auto p = opening_problem(r)) return p;
    }
  }
  for (const Closure& c : closures) {
    if (auto p = closure_problem(c.from, c.to))
      return "closure on " + format_date(c.date) + ": " + *p;
  }
  for (const MonthDay& md : yearly_closed_days) {
    if (!exists_in_some_year(md))
      return "closed every year on " + month_day_text(md) + ": no such day";
  }
  for (const YearlyClosure& c : yearly_closures) {
    if (!exists_in_some_year(c.day))
      return "closure every year on " + month_day_text(c.day) + ": no such day";
    if (auto p = closure_problem(c.from, c.to))
      return "closure every year on " + month_day_text(c.day) + ": " + *p;
  }
  for (const ExtraOpening& o : extra_openings) {
    for (const MinuteRange& r : o.hours) {
      if (auto p = opening_problem(r)) return "opening on " + format_date(o.date) + ": " + *p;
    }
  }
  return std::nullopt;
}

// Open time as sorted, disjoint, non-touching instant ranges [start, end) in µs since the epoch,
// with cum_end[i] the open time in [horizon_from, end[i]); and per horizon day the number of open
// days before it.
struct Calendar::Index {
  std::string name;
  Zone zone;
  Date first_day;
  std::int64_t horizon_from_us = 0;
  std::int64_t horizon_to_us = 0;
  std::vector<std::int64_t> start;
  std::vector<std::int64_t> end;
  std::vector<std::int64_t> cum_end;
  std::vector<std::int32_t> open_days_before;  // size: days + 1
  // For the 24-hour stretches k of µs from horizon_from_us, the number of ranges starting before
  // stretch k (size: stretches + 1): range_at() searches only the few ranges of one stretch.
  std::vector<std::uint32_t> ranges_before;

  static constexpr std::int64_t kStretchUs = std::int64_t{86'400} * 1'000'000;

  std::int64_t cum_before(std::size_t i) const { return cum_end[i] - (end[i] - start[i]); }

  void index_stretches() {
    const std::int64_t stretches = (horizon_to_us - horizon_from_us) / kStretchUs + 1;
    ranges_before.assign(static_cast<std::size_t>(stretches) + 1, 0);
    std::size_t k = 0;
    for (std::size_t b = 0; b < ranges_before.size(); ++b) {
      const std::int64_t stretch_start =
          horizon_from_us + static_cast<std::int64_t>(b) * kStretchUs;
      while (k < start.size() && start[k] < stretch_start) ++k;
      ranges_before[b] = static_cast<std::uint32_t>(k);
    }
  }

  // The index of the last range starting at or before t, or -1; t inside the horizon.
  std::ptrdiff_t range_at(std::int64_t t) const {
    const auto b = static_cast<std::size_t>((t - horizon_from_us) / kStretchUs);
    if (b + 1 >= ranges_before.size()) {
      return (std::upper_bound(start.begin(), start.end(), t) - start.begin()) - 1;
    }
    // Ranges before the stretch start before t; those of the stretch are searched.
    std::size_t k = ranges_before[b];
    const std::size_t stop = ranges_before[b + 1];
    while (k < stop && start[k] <= t) ++k;
    return static_cast<std::ptrdiff_t>(k) - 1;
  }

  // The first range at or after `from` whose cum_end reaches `target`, or start.size(); searched
  // forward in growing steps (a deadline mostly lies a few ranges after its start).
  std::size_t first_reaching(std::size_t from, std::int64_t target) const {
    std::size_t lo = from, step = 1, hi = from;
    while (hi < cum_end.size() && cum_end[hi] < target) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = std::min(hi, cum_end.size());
    return static_cast<std::size_t>(
        std::lower_bound(cum_end.begin() + static_cast<std::ptrdiff_t>(lo),
                         cum_end.begin() + static_cast<std::ptrdiff_t>(hi), target) -
        cum_end.begin());
  }

  // Open time in [horizon_from, t).
  std::int64_t open_until(std::int64_t t) const {
    const std::ptrdiff_t i = range_at(t);
    if (i < 0) return 0;
    const auto k = static_cast<std::size_t>(i);
    return cum_before(k) + std::min(t, end[k]) - start[k];
  }

  std::int64_t checked(Instant t, const char* what) const {
    const std::int64_t us = t.time_since_epoch().count();
    if (us < horizon_from_us || us > horizon_to_us) {
      throw TimeError(std::string(what) + " " + zone.format(t) +
                      " is outside the horizon of calendar '" + name + "'");
    }
    return us;
  }

  std::size_t day_index(Date d) const {
    const auto i = (d - first_day).count();
    if (i < 0 || i + 1 >= static_cast<long>(open_days_before.size())) {
      throw TimeError("day " + format_date(d) + " is outside the horizon of calendar '" + name +
                      "'");
    }
    return static_cast<std::size_t>(i);
  }
};

namespace {

// The date of `md` in year `y`, when that year has it.
std::optional<Date> in_year(MonthDay md, int y) {
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{md.month},
                                        std::chrono::day{md.day}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

int year_of(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

// The days the termijnenwet and the spec close in the years of [from, to], sorted.
std::vector<Date> closed_days(const CalendarSpec& spec, Date from, Date to) {
  std::vector<Date> days = spec.extra_closed_days;
  for (int y = year_of(from); y <= year_of(to); ++y) {
    for (const MonthDay& md : spec.yearly_closed_days) {
      if (const std::optional<Date> d = in_year(md, y)) days.push_back(*d);
    }
    if (!spec.termijnenwet_holidays) continue;
    for (const Holiday& h : termijnenwet_holidays(y)) {
      if (std::find(spec.removed_holidays.begin(), spec.removed_holidays.end(), h.date) ==
          spec.removed_holidays.end()) {
        days.push_back(h.date);
      }
    }
  }
  std::sort(days.begin(), days.end());
  return days;
}

// The closures of the spec, the yearly ones on their dates in the years of [from, to], sorted by
// date.
std::vector<Closure> all_closures(const CalendarSpec& spec, Date from, Date to) {
  std::vector<Closure> out = spec.closures;
  for (int y = year_of(from); y <= year_of(to); ++y) {
    for (const YearlyClosure& c : spec.yearly_closures) {
      if (const std::optional<Date> d = in_year(c.day, y)) out.push_back({*d, c.from, c.to});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Closure& a, const Closure& b) { return a.date < b.date; });
  return out;
}

// The closures and the extra openings of a calendar, by date.
struct DatedChanges {
  std::vector<Date> closed;            // sorted
  std::vector<Closure> closures;       // sorted by date
  std::vector<ExtraOpening> openings;  // sorted by date

  template <typename T>
  static auto on(const std::vector<T>& sorted, Date d) {
    const auto first = std::lower_bound(sorted.begin(), sorted.end(), d,
                                        [](const T& x, Date day) { return x.date < day; });
    auto last = first;
    while (last != sorted.end() && last->date == d) ++last;
    return std::make_pair(first, last);
  }
};

// The opening ranges that belong to day `d`, in minutes after its midnight (past 24:00 for a
// range that runs into the next day): the weekday's hours unless the day is closed, less the
// wall-clock time the closures of `d` and of the next day take away, plus the extra openings of
// `d`.
std::vector<MinuteRange> day_ranges(const std::array<std::vector<MinuteRange>, 7>& week,
                                    const DatedChanges& changes, Date d) {
  std::vector<MinuteRange> ranges;
  if (!std::binary_search(changes.closed.begin(), changes.closed.end(), d)) {
    ranges = week[iso_weekday(d) - 1];
  }
  for (const std::chrono::days shift : {std::chrono::days{0}, std::chrono::days{1}}) {
    const auto [first, last] = DatedChanges::on(changes.closures, d + shift);
    for (auto it = first; it != last; ++it) {
      ranges = without(ranges, it->from + shift, it->to + shift);
    }
  }
  const auto [first, last] = DatedChanges::on(changes.openings, d);
  for (auto it = first; it != last; ++it) {
    ranges.insert(ranges.end(), it->hours.begin(), it->hours.end());
  }
  return ranges;
}

// Sorts the pieces and joins those that overlap or touch.
std::vector<InstantRange> merged(std::vector<InstantRange> pieces) {
  std::sort(pieces.begin(), pieces.end());
  std::vector<InstantRange> out;
  for (const InstantRange& p : pieces) {
    if (!out.empty() && p.first <= out.back().second) {
      out.back().second = std::max(out.back().second, p.second);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace

Calendar Calendar::build(const CalendarSpec& spec, const Zone& zone, Date horizon_from,
                         Date horizon_to) {
  if (auto p = spec.problem()) throw TimeError("calendar '" + spec.name + "': " + *p);
  if (horizon_to <= horizon_from) throw TimeError("calendar '" + spec.name + "': empty horizon");
  auto index = std::make_shared<Index>();
  index->name = spec.name;
  index->zone = zone;
  index->first_day = horizon_from;
  index->horizon_from_us = zone.start_of_day(horizon_from).time_since_epoch().count();
  index->horizon_to_us = zone.start_of_day(horizon_to).time_since_epoch().count();

  std::array<std::vector<MinuteRange>, 7> week;
  for (std::size_t d = 0; d < 7; ++d) week[d] = normalized(spec.hours[d]);
  DatedChanges changes;
  changes.closed = closed_days(spec, horizon_from, horizon_to);
  changes.closures = all_closures(spec, horizon_from, horizon_to);
  changes.openings = spec.extra_openings;
  std::stable_sort(changes.openings.begin(), changes.openings.end(),
                   [](const ExtraOpening& a, const ExtraOpening& b) { return a.date < b.date; });

  std::vector<InstantRange> pieces;
  std::vector<InstantRange> day_pieces;
  index->open_days_before.push_back(0);
  for (Date d = horizon_from; d < horizon_to; d += std::chrono::days{1}) {
    day_pieces.clear();
    for (const MinuteRange& r : normalized(day_ranges(week, changes, d))) {
      zone.instants_between(LocalTime{d} + r.from, LocalTime{d} + r.to, &day_pieces);
    }
    pieces.insert(pieces.end(), day_pieces.begin(), day_pieces.end());
    index->open_days_before.push_back(index->open_days_before.back() +
                                      (day_pieces.empty() ? 0 : 1));
  }
  std::int64_t total = 0;
  for (const InstantRange& r : merged(std::move(pieces))) {
    const std::int64_t s = r.first.time_since_epoch().count();
    const std::int64_t e = r.second.time_since_epoch().count();
    total += e - s;
    index->start.push_back(s);
    index->end.push_back(e);
    index->cum_end.push_back(total);
  }
  index->index_stretches();
  Calendar calendar;
  calendar.index_ = std::move(index);
  return calendar;
}

const std::string& Calendar::name() const { return index_->name; }

Micros Calendar::elapsed(Instant a, Instant b) const {
  const Index& x = *index_;
  const std::int64_t a_us = x.checked(a, "start");
  const std::int64_t b_us = x.checked(b, "end");
  if (b_us <= a_us) return Micros{0};
  return Micros{x.open_until(b_us) - x.open_until(a_us)};
}

Instant Calendar::deadline(Instant from, Micros within) const {
  const Index& x = *index_;
  const std::int64_t from_us = x.checked(from, "start");
  if (within <= Micros{0}) return from;
  const std::ptrdiff_t i = x.range_at(from_us);
  const std::int64_t open_before = i < 0
                                       ? 0
                                       : x.cum_before(static_cast<std::size_t>(i)) +
                                             std::min(from_us, x.end[static_cast<std::size_t>(i)]) -
                                             x.start[static_cast<std::size_t>(i)];
  const std::int64_t target = open_before + within.count();
  const std::size_t k =
      x.first_reaching(static_cast<std::size_t>(std::max<std::ptrdiff_t>(i, 0)), target);
  if (k == x.cum_end.size()) {
    throw TimeError("deadline of " + format_duration(within) + " from " + x.zone.format(from) +
                    " falls outside the horizon of calendar '" + x.name + "'");
  }
  return Instant{Micros{x.start[k] + (target - x.cum_before(k))}};
}

bool Calendar::is_open(Instant t) const {
  const Index& x = *index_;
  const std::int64_t us = x.checked(t, "instant");
  const std::ptrdiff_t i = x.range_at(us);
  return i >= 0 && us < x.end[static_cast<std::size_t>(i)];
}

bool Calendar::is_open_day(Date d) const {
  const Index& x = *index_;
  const std::size_t i = x.day_index(d);
  return x.open_days_before[i + 1] > x.open_days_before[i];
}

Instant Calendar::open_days_deadline(Instant from, int n) const {
  const Index& x = *index_;
  x.checked(from, "start");
  const Date day = x.zone.date_of(from);
  const std::size_t i = x.day_index(day);
  if (n <= 0) return x.zone.start_of_day(day + std::chrono::days{1});
  // The first m with open_days_before[m] reaching n more than the days up to and including `day`:
  // day m - 1 is the n-th open day after `day`.
  const std::int32_t target = x.open_days_before[i + 1] + n;
  const auto it = std::lower_bound(x.open_days_before.begin(), x.open_days_before.end(), target);
  if (it == x.open_days_before.end()) {
    throw TimeError(std::to_string(n) + " open days from " + x.zone.format(from) +
                    " fall outside the horizon of calendar '" + x.name + "'");
  }
  const auto m = it - x.open_days_before.begin();
  return x.zone.start_of_day(x.first_day + std::chrono::days{m});
}

std::vector<Window> Calendar::open_intervals(Instant a, Instant b) const {
  const Index& x = *index_;
  const std::int64_t a_us = x.checked(a, "start");
  const std::int64_t b_us = x.checked(b, "end");
  std::vector<Window> out;
  std::ptrdiff_t i = std::max<std::ptrdiff_t>(x.range_at(a_us), 0);
  for (auto k = static_cast<std::size_t>(i); k < x.start.size() && x.start[k] < b_us; ++k) {
    const std::int64_t lo = std::max(a_us, x.start[k]);
    const std::int64_t hi = std::min(b_us, x.end[k]);
    if (lo < hi) out.push_back(Window{Instant{Micros{lo}}, Instant{Micros{hi}}});
  }
  return out;
}

}  // namespace meetlat::time

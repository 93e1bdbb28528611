// Calendar against a brute-force oracle that knows nothing of the interval index: it walks UTC
// minutes, asks the tz database itself (not Zone) for each minute's wall-clock time, and checks
// that wall-clock minute against the CalendarSpec. Opening hours have minute precision and
// Amsterdam's offsets are whole hours, so a calendar is open or closed for a whole UTC minute.
// The oracle reads the rules of docs/calendars.md ("How a day's opening hours are made") from
// the minute's side: a minute at wall clock (day, hh:mm) is open when an extra opening of the day
// (or of the day before, past 24:00) holds it; else, unless a closure of that date holds it, when
// the weekday hours of the day (or of the day before, past 24:00) hold it and that day is not
// closed.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <utility>
#include <vector>

#include "time/calendar.h"
#include "time/holidays.h"

namespace meetlat::time {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using SysMinutes = std::chrono::sys_time<minutes>;

class MinuteOracle {
 public:
  explicit MinuteOracle(CalendarSpec spec)
      : spec_(std::move(spec)), tz_(date::locate_zone("Europe/Amsterdam")) {}

  bool open_minute(SysMinutes m) { return open_for(m, std::nullopt); }

  // Whether minute m is open by a range of `owner` (any day when nullopt).
  bool open_for(SysMinutes m, std::optional<Date> owner_only) {
    const auto [day, of_day] = local(m);
    // (the day a range belongs to, the minute in that day's terms): today, and yesterday past 24:00
    const std::pair<Date, minutes> owners[] = {{day, of_day},
                                               {day - std::chrono::days{1}, of_day + hours{24}}};
    const auto counts = [&](Date owner) { return !owner_only || *owner_only == owner; };
    for (const auto& [owner, at] : owners) {
      for (const ExtraOpening& o : spec_.extra_openings) {
        if (counts(owner) && o.date == owner && holds(o.hours, at)) return true;
      }
    }
    if (in_closure(day, of_day)) return false;
    for (const auto& [owner, at] : owners) {
      if (counts(owner) && !closed(owner) &&
          holds(spec_.hours[std::chrono::weekday{owner}.iso_encoding() - 1], at))
        return true;
    }
    return false;
  }

  // A day with an open minute of its own: scans every UTC minute from 3 hours before its local
  // midnight to 27 hours after the next (a range of the day ends at most 24 hours after it
  // starts, and Amsterdam is at most 2 hours ahead of UTC).
  bool open_day(Date d) {
    if (const auto it = open_day_cache_.find(d); it != open_day_cache_.end()) return it->second;
    const SysMinutes utc_midnight{d.time_since_epoch()};
    bool open = false;
    for (SysMinutes m = utc_midnight - hours{3}; !open && m < utc_midnight + hours{51};
         m += minutes{1}) {
      open = open_for(m, d);
    }
    return open_day_cache_[d] = open;
  }

  // The end of the n-th open day after the local day of `from`, by counting days one by one.
  Instant open_days_deadline(Instant from, int n) {
    Date d = local(std::chrono::floor<minutes>(from)).first;
    for (int counted = 0; counted < n;) {
      d += std::chrono::days{1};
      if (open_day(d)) ++counted;
    }
    return start_of(d + std::chrono::days{1});
  }

  Micros elapsed(Instant a, Instant b) {
    Micros total{0};
    for (SysMinutes m = std::chrono::floor<minutes>(a); Instant{m} < b; m += minutes{1}) {
      if (!open_minute(m)) continue;
      total += std::min(b, Instant{m + minutes{1}}) - std::max(a, Instant{m});
    }
    return total;
  }

  Instant deadline(Instant from, Micros within) {
    Micros left = within;
    for (SysMinutes m = std::chrono::floor<minutes>(from);; m += minutes{1}) {
      if (!open_minute(m)) continue;
      const Instant lo = std::max(from, Instant{m});
      const Micros here = Instant{m + minutes{1}} - lo;
      if (left <= here) return lo + left;
      left -= here;
    }
  }

 private:
  // The wall-clock day and minute of day of a UTC minute, from the tz database.
  std::pair<Date, minutes> local(SysMinutes m) {
    if (m < info_.begin || m >= info_.end) info_ = tz_->get_info(m);
    const std::chrono::local_time<minutes> wall{
        std::chrono::floor<minutes>(m + info_.offset).time_since_epoch()};
    const Date day = std::chrono::floor<std::chrono::days>(wall);
    return {day, wall - day};
  }

  // Local midnight of `d` (never in a DST change in Amsterdam): the UTC minute whose wall clock
  // shows it.
  Instant start_of(Date d) {
    const SysMinutes guess{d.time_since_epoch()};
    const SysMinutes at = guess - std::chrono::duration_cast<minutes>(tz_->get_info(guess).offset);
    EXPECT_EQ(local(at), std::make_pair(d, minutes{0}));
    return Instant{at};
  }

  static bool holds(const std::vector<MinuteRange>& ranges, minutes at) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const MinuteRange& r) { return r.from <= at && at < r.to; });
  }

  static bool is(const MonthDay& md, Date day) {
    const std::chrono::year_month_day ymd{day};
    return static_cast<unsigned>(ymd.month()) == md.month &&
           static_cast<unsigned>(ymd.day()) == md.day;
  }

  bool in_closure(Date day, minutes of_day) const {
    for (const Closure& c : spec_.closures) {
      if (c.date == day && c.from <= of_day && of_day < c.to) return true;
    }
    for (const YearlyClosure& c : spec_.yearly_closures) {
      if (is(c.day, day) && c.from <= of_day && of_day < c.to) return true;
    }
    return false;
  }

  bool closed(Date day) {
    if (const auto it = closed_cache_.find(day); it != closed_cache_.end()) return it->second;
    return closed_cache_[day] = compute_closed(day);
  }

  bool compute_closed(Date day) const {
    const auto has = [day](const std::vector<Date>& days) {
      return std::find(days.begin(), days.end(), day) != days.end();
    };
    if (has(spec_.extra_closed_days)) return true;
    for (const MonthDay& md : spec_.yearly_closed_days) {
      if (is(md, day)) return true;
    }
    if (!spec_.termijnenwet_holidays || has(spec_.removed_holidays)) return false;
    const int year = static_cast<int>(std::chrono::year_month_day{day}.year());
    for (const Holiday& h : termijnenwet_holidays(year)) {
      if (h.date == day) return true;
    }
    return false;
  }

  CalendarSpec spec_;
  const date::time_zone* tz_;
  date::sys_info info_{};
  std::map<Date, bool> closed_cache_;
  std::map<Date, bool> open_day_cache_;
};

// Random instants over 2025–2027; a third of them within two days of a DST change, a third on a
// whole minute (where the boundaries are), the rest anywhere to the microsecond. With focus days
// (the dates a spec names), a quarter of them lie within a day and a half of one of those.
class RandomInstants {
 public:
  explicit RandomInstants(std::uint64_t seed, std::vector<Date> focus = {})
      : rng_(seed), focus_(std::move(focus)) {}

  Instant next() {
    static const Instant kDstChanges[] = {
        Instant{std::chrono::sys_days{std::chrono::year{2025} / 3 / 30}},
        Instant{std::chrono::sys_days{std::chrono::year{2025} / 10 / 26}},
        Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 29}},
        Instant{std::chrono::sys_days{std::chrono::year{2026} / 10 / 25}},
        Instant{std::chrono::sys_days{std::chrono::year{2027} / 3 / 28}},
        Instant{std::chrono::sys_days{std::chrono::year{2027} / 10 / 31}},
    };
    const Instant from = Instant{std::chrono::sys_days{std::chrono::year{2025} / 1 / 1}};
    if (!focus_.empty() && pick(4) == 0) {
      return Instant{std::chrono::sys_days{focus_[pick(focus_.size())].time_since_epoch()}} -
             hours{36} + minutes{uniform(3LL * 1440)};
    }
    switch (pick(3)) {
      case 0:
        return kDstChanges[pick(6)] - hours{48} + Micros{uniform(4LL * 86'400'000'000)};
      case 1:
        return from + minutes{uniform(3LL * 365 * 1440)};
      default:
        return from + Micros{uniform(3LL * 365 * 86'400'000'000)};
    }
  }
  std::int64_t uniform(std::int64_t below) {
    return std::uniform_int_distribution<std::int64_t>(0, below - 1)(rng_);
  }

 private:
  std::size_t pick(std::size_t n) {
    return static_cast<std::size_t>(uniform(static_cast<std::int64_t>(n)));
  }
  std::mt19937_64 rng_;
  std::vector<Date> focus_;
};

// The dates a spec names (closed, closed in part, opened), the yearly ones in 2025–2027.
std::vector<Date> named_dates(const CalendarSpec& spec) {
  std::vector<Date> out = spec.extra_closed_days;
  for (const Closure& c : spec.closures) out.push_back(c.date);
  for (const ExtraOpening& o : spec.extra_openings) out.push_back(o.date);
  for (int y = 2025; y <= 2027; ++y) {
    const auto add = [&](const MonthDay& md) {
      const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{md.month},
                                            std::chrono::day{md.day}};
      if (ymd.ok()) out.push_back(Date{ymd});
    };
    for (const MonthDay& md : spec.yearly_closed_days) add(md);
    for (const YearlyClosure& c : spec.yearly_closures) add(c.day);
  }
  return out;
}

struct OracleCase {
  const char* name;
  CalendarSpec (*spec)();
  std::int64_t max_budget_us;  // deadline budgets drawn from [1 µs, max]
};

void PrintTo(const OracleCase& c, std::ostream* os) { *os << c.name; }

CalendarSpec always_open() { return CalendarSpec::always_open(); }
CalendarSpec office_hours() { return CalendarSpec::office_hours(); }
CalendarSpec peak_hours() { return CalendarSpec::peak_hours(); }
CalendarSpec working_days() {
  CalendarSpec spec = CalendarSpec::working_days();
  spec.extra_closed_days.push_back(Date{std::chrono::year{2026} / 4 / 3});  // Goede Vrijdag
  spec.removed_holidays.push_back(Date{std::chrono::year{2026} / 5 / 5});  // open on Bevrijdingsdag
  spec.closures.push_back({Date{std::chrono::year{2026} / 12 / 24}, hours{12}, hours{24}});
  return spec;
}
// Every day, with ranges inside the DST hours: the repeated hour counts twice, the skipped none.
CalendarSpec dst_nights() {
  CalendarSpec spec = CalendarSpec::always_open("dst_nights");
  for (auto& day : spec.hours) day = {{minutes{90}, minutes{165}}, {hours{8}, hours{18}}};
  spec.termijnenwet_holidays = true;
  return spec;
}

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}
MinuteRange hhmm(int from_h, int from_m, int to_h, int to_m) {
  return MinuteRange{hours{from_h} + minutes{from_m}, hours{to_h} + minutes{to_m}};
}
// Hours per weekday: Monday–Friday 08:00–18:00, Saturday 09:00–13:00.
CalendarSpec per_weekday() {
  CalendarSpec spec = CalendarSpec::office_hours("per_weekday");
  spec.hours[5] = {hhmm(9, 0, 13, 0)};
  return spec;
}
// A weekday set: Monday, Wednesday, Friday 09:00–17:00, and Sunday 01:30–03:30, through both
// DST hours.
CalendarSpec weekday_set() {
  CalendarSpec spec;
  spec.name = "weekday_set";
  for (const int d : {0, 2, 4}) spec.hours[static_cast<std::size_t>(d)] = {hhmm(9, 0, 17, 0)};
  spec.hours[6] = {hhmm(1, 30, 3, 30)};
  return spec;
}
// Night shifts: Monday–Friday 22:00–06:00, Saturday 20:00–02:30 (into the DST hour of Sunday
// morning), Sunday 12:00–14:00 and 23:00–24:00 (touching Monday's none, 00:00). Closed on the
// termijnenwet holidays, on a company day, on 24 Dec from 12:00, on Tuesday 8 Dec 2026 00:00–03:00
// (the end of Monday's shift) and on Saturday 5 Dec 01:00–02:00 (inside Friday's shift).
CalendarSpec night_shifts() {
  CalendarSpec spec;
  spec.name = "night_shifts";
  for (std::size_t d = 0; d < 5; ++d) spec.hours[d] = {hhmm(22, 0, 30, 0)};
  spec.hours[5] = {hhmm(20, 0, 26, 30)};
  spec.hours[6] = {hhmm(12, 0, 14, 0), hhmm(23, 0, 24, 0)};
  spec.extra_closed_days.push_back(ymd(2026, 6, 12));
  spec.closures.push_back({ymd(2026, 12, 24), hours{12}, hours{24}});
  spec.closures.push_back({ymd(2026, 12, 8), hours{0}, hours{3}});
  spec.closures.push_back({ymd(2026, 12, 5), hours{1}, hours{2}});
  return spec;
}
// Extra openings on office_hours: a Sunday, Easter Monday (a holiday), inside the closure of
// 24 Dec, and a night from Saturday into the Sunday the clocks go forward.
CalendarSpec extra_open() {
  CalendarSpec spec = CalendarSpec::office_hours("extra_open");
  spec.closures.push_back({ymd(2026, 12, 24), hours{12}, hours{24}});
  spec.extra_openings.push_back({ymd(2026, 12, 27), {hhmm(10, 0, 14, 0)}});
  spec.extra_openings.push_back({ymd(2026, 4, 6), {hhmm(9, 0, 12, 0)}});
  spec.extra_openings.push_back({ymd(2026, 12, 24), {hhmm(13, 0, 15, 0), hhmm(17, 30, 19, 0)}});
  spec.extra_openings.push_back({ymd(2026, 3, 28), {hhmm(22, 0, 28, 0)}});
  spec.extra_openings.push_back({ymd(2025, 10, 25), {hhmm(23, 0, 27, 0)}});
  return spec;
}
// Yearly closings and a range of closed days on office_hours (Saturdays 09:00–13:00 too): 31 Dec
// every year, 24 Dec from 12:00 every year, 29 Feb (leap years: 2028 in the horizon), 2 Jan from
// 00:00 to 10:00, and a summer closing 20–31 July 2026.
CalendarSpec yearly() {
  CalendarSpec spec = per_weekday();
  spec.name = "yearly";
  spec.yearly_closed_days = {{12, 31}, {2, 29}};
  spec.yearly_closures = {{{12, 24}, hours{12}, hours{24}}, {{1, 2}, hours{0}, hours{10}}};
  for (Date d = ymd(2026, 7, 20); d <= ymd(2026, 7, 31); d += std::chrono::days{1}) {
    spec.extra_closed_days.push_back(d);
  }
  return spec;
}

class CalendarOracleTest : public ::testing::TestWithParam<OracleCase> {};

TEST_P(CalendarOracleTest, AgreesWithMinuteStepping) {
  const OracleCase& c = GetParam();
  const Zone zone = Zone::load("Europe/Amsterdam");
  const Calendar cal = Calendar::build(c.spec(), zone, Date{std::chrono::year{2024} / 1 / 1},
                                       Date{std::chrono::year{2029} / 1 / 1});
  MinuteOracle oracle(c.spec());
  RandomInstants random(0x5eed + static_cast<std::uint64_t>(c.max_budget_us % 1000),
                        named_dates(c.spec()));
  for (int i = 0; i < 10'000; ++i) {
    const Instant a = random.next();
    const Instant b = a + Micros{random.uniform(3LL * 86'400'000'000)};
    ASSERT_EQ(cal.elapsed(a, b), oracle.elapsed(a, b))
        << zone.format(a) << " .. " << zone.format(b);
    ASSERT_EQ(cal.is_open(a), oracle.open_minute(std::chrono::floor<minutes>(a))) << zone.format(a);
    const Micros budget{1 + random.uniform(c.max_budget_us)};
    ASSERT_EQ(cal.deadline(a, budget), oracle.deadline(a, budget))
        << zone.format(a) << " + " << budget.count() << " us";
    const int days = static_cast<int>(random.uniform(4));
    ASSERT_EQ(cal.open_days_deadline(a, days), oracle.open_days_deadline(a, days))
        << zone.format(a) << " + " << days << " open days";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Calendars, CalendarOracleTest,
    ::testing::Values(OracleCase{"always_open", &always_open, 2LL * 86'400'000'000},
                      OracleCase{"office_hours", &office_hours, 25LL * 3'600'000'000},
                      OracleCase{"peak_hours", &peak_hours, 10LL * 3'600'000'000},
                      OracleCase{"working_days", &working_days, 3LL * 86'400'000'000},
                      OracleCase{"dst_nights", &dst_nights, 30LL * 3'600'000'000},
                      OracleCase{"per_weekday", &per_weekday, 30LL * 3'600'000'000},
                      OracleCase{"weekday_set", &weekday_set, 30LL * 3'600'000'000},
                      OracleCase{"night_shifts", &night_shifts, 30LL * 3'600'000'000},
                      OracleCase{"extra_open", &extra_open, 25LL * 3'600'000'000},
                      OracleCase{"yearly", &yearly, 30LL * 3'600'000'000}),
    [](const ::testing::TestParamInfo<OracleCase>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace meetlat::time

// Calendar against a brute-force oracle that knows nothing of the interval index: it walks UTC
// minutes, asks the tz database itself (not Zone) for each minute's wall-clock time, and checks
// that wall-clock minute against the CalendarSpec. Opening hours have minute precision and
// Amsterdam's offsets are whole hours, so a calendar is open or closed for a whole UTC minute.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

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

  bool open_minute(SysMinutes m) {
    if (m < info_.begin || m >= info_.end) info_ = tz_->get_info(m);
    const std::chrono::local_time<minutes> local{
        std::chrono::floor<minutes>(m + info_.offset).time_since_epoch()};
    const Date day = std::chrono::floor<std::chrono::days>(local);
    const minutes of_day = local - day;
    if (day != cached_day_) {
      cached_day_ = day;
      day_closed_ = closed(day);
    }
    if (day_closed_) return false;
    for (const Closure& c : spec_.closures) {
      if (c.date == day && c.from <= of_day && of_day < c.to) return false;
    }
    const auto& ranges = spec_.hours[std::chrono::weekday{day}.iso_encoding() - 1];
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const MinuteRange& r) { return r.from <= of_day && of_day < r.to; });
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
  bool closed(Date day) const {
    const auto has = [day](const std::vector<Date>& days) {
      return std::find(days.begin(), days.end(), day) != days.end();
    };
    if (has(spec_.extra_closed_days)) return true;
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
  Date cached_day_{};
  bool day_closed_ = false;
};

// Random instants over 2025–2027; a third of them within two days of a DST change, a third on a
// whole minute (where the boundaries are), the rest anywhere to the microsecond.
class RandomInstants {
 public:
  explicit RandomInstants(std::uint64_t seed) : rng_(seed) {}

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
};

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

class CalendarOracleTest : public ::testing::TestWithParam<OracleCase> {};

TEST_P(CalendarOracleTest, AgreesWithMinuteStepping) {
  const OracleCase& c = GetParam();
  const Zone zone = Zone::load("Europe/Amsterdam");
  const Calendar cal = Calendar::build(c.spec(), zone, Date{std::chrono::year{2024} / 1 / 1},
                                       Date{std::chrono::year{2029} / 1 / 1});
  MinuteOracle oracle(c.spec());
  RandomInstants random(0x5eed + static_cast<std::uint64_t>(c.max_budget_us % 1000));
  for (int i = 0; i < 10'000; ++i) {
    const Instant a = random.next();
    const Instant b = a + Micros{random.uniform(3LL * 86'400'000'000)};
    ASSERT_EQ(cal.elapsed(a, b), oracle.elapsed(a, b))
        << zone.format(a) << " .. " << zone.format(b);
    ASSERT_EQ(cal.is_open(a), oracle.open_minute(std::chrono::floor<minutes>(a))) << zone.format(a);
    const Micros budget{1 + random.uniform(c.max_budget_us)};
    ASSERT_EQ(cal.deadline(a, budget), oracle.deadline(a, budget))
        << zone.format(a) << " + " << budget.count() << " us";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Calendars, CalendarOracleTest,
    ::testing::Values(OracleCase{"always_open", &always_open, 2LL * 86'400'000'000},
                      OracleCase{"office_hours", &office_hours, 25LL * 3'600'000'000},
                      OracleCase{"peak_hours", &peak_hours, 10LL * 3'600'000'000},
                      OracleCase{"working_days", &working_days, 3LL * 86'400'000'000},
                      OracleCase{"dst_nights", &dst_nights, 30LL * 3'600'000'000}),
    [](const ::testing::TestParamInfo<OracleCase>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace meetlat::time

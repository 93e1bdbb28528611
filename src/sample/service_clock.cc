#include "sample/service_clock.h"

#include <algorithm>
#include <array>

#include "time/holidays.h"

namespace meetlat::sample {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Per local hour, working days. Office hours carry most contacts, the peak hours the most.
constexpr std::array<double, 24> kTicketsWorkday = {0.10, 0.08, 0.07, 0.07, 0.08, 0.12, 0.25, 0.60,
                                                    1.40, 2.20, 2.30, 1.70, 1.10, 2.10, 2.00, 1.50,
                                                    1.20, 0.90, 0.50, 0.35, 0.30, 0.25, 0.18, 0.12};
// Weekends and holidays: a trickle, a little more in the day.
constexpr std::array<double, 24> kTicketsRestDay = {0.06, 0.05, 0.04, 0.04, 0.04, 0.05, 0.08, 0.12,
                                                    0.18, 0.24, 0.26, 0.26, 0.24, 0.24, 0.24, 0.22,
                                                    0.20, 0.18, 0.16, 0.15, 0.14, 0.12, 0.10, 0.08};
// Users of the application: batch jobs at night, office-hour peaks on working days.
constexpr std::array<double, 24> kUsersWorkday = {0.20, 0.15, 0.30, 0.30, 0.15, 0.15, 0.25, 0.70,
                                                  1.60, 2.40, 2.50, 1.90, 1.30, 2.30, 2.20, 1.70,
                                                  1.40, 1.00, 0.60, 0.45, 0.40, 0.35, 0.30, 0.25};
constexpr std::array<double, 24> kUsersRestDay = {0.15, 0.12, 0.25, 0.25, 0.12, 0.12, 0.15, 0.20,
                                                  0.30, 0.40, 0.45, 0.45, 0.40, 0.40, 0.40, 0.38,
                                                  0.35, 0.32, 0.30, 0.30, 0.28, 0.25, 0.20, 0.18};

constexpr seconds kOfficeOpen = hours{8};
constexpr seconds kOfficeClose = hours{18};

int year_of(Day d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

}  // namespace

unsigned weekday_iso(Day d) { return std::chrono::weekday{d}.iso_encoding(); }

Day first_day_of(std::chrono::year_month m) { return Day{m / 1}; }

Day nth_weekday(std::chrono::year_month m, unsigned iso_weekday, int n) {
  Day d = first_day_of(m);
  while (weekday_iso(d) != iso_weekday) d += std::chrono::days{1};
  return d + std::chrono::days{7 * (n - 1)};
}

ServiceClock::ServiceClock(time::Zone zone, Day first_day, Day end_day)
    : zone_(std::move(zone)), first_day_(first_day), end_day_(end_day) {
  for (int y = year_of(first_day) - 1; y <= year_of(end_day) + 1; ++y) {
    for (const auto& h : time::termijnenwet_holidays(y)) holidays_.push_back(h.date);
  }
  std::sort(holidays_.begin(), holidays_.end());
}

bool ServiceClock::is_holiday(Day d) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), d);
}

bool ServiceClock::is_working_day(Day d) const { return weekday_iso(d) <= 5 && !is_holiday(d); }

bool ServiceClock::is_office(LocalSeconds t) const {
  const Day d = std::chrono::floor<std::chrono::days>(t);
  const auto tod = t - d;
  return tod >= kOfficeOpen && tod < kOfficeClose && is_working_day(d);
}

bool ServiceClock::is_peak(LocalSeconds t) const {
  const Day d = std::chrono::floor<std::chrono::days>(t);
  const auto h = std::chrono::floor<hours>(t - d).count();
  return (h == 9 || h == 10 || h == 13 || h == 14) && is_working_day(d);
}

bool ServiceClock::hour_exists(Day d, int hour) const {
  time::LocalTimeIssue issue = time::LocalTimeIssue::kNone;
  zone_.to_instant(time::LocalTime{d + hours{hour} + minutes{30}}, &issue);
  return issue != time::LocalTimeIssue::kSkipped;
}

LocalSeconds ServiceClock::add_office_time(LocalSeconds from, seconds office) const {
  Day d = std::chrono::floor<std::chrono::days>(from);
  seconds tod = from - d;
  for (;;) {
    if (is_working_day(d) && tod < kOfficeClose) {
      const seconds start = std::max(tod, kOfficeOpen);
      if (start + office <= kOfficeClose) return d + start + office;
      office -= kOfficeClose - start;
    }
    d += std::chrono::days{1};
    tod = seconds{0};
  }
}

Day ServiceClock::add_working_days(Day d, int n) const {
  while (n > 0) {
    d += std::chrono::days{1};
    if (is_working_day(d)) --n;
  }
  return d;
}

Day ServiceClock::working_day_on_or_after(Day d) const {
  while (!is_working_day(d)) d += std::chrono::days{1};
  return d;
}

double ServiceClock::ticket_load(Day d, int hour) const {
  const auto h = static_cast<std::size_t>(hour);
  return is_working_day(d) ? kTicketsWorkday[h] : kTicketsRestDay[h];
}

double ServiceClock::user_load(Day d, int hour) const {
  const auto h = static_cast<std::size_t>(hour);
  return is_working_day(d) ? kUsersWorkday[h] : kUsersRestDay[h];
}

time::Instant ServiceClock::to_instant(LocalSeconds t) const {
  return zone_.to_instant(time::LocalTime{t});
}

LocalSeconds ServiceClock::to_local(time::Instant t) const {
  return std::chrono::floor<seconds>(zone_.to_local(t));
}

}  // namespace meetlat::sample

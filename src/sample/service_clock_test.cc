#include "sample/service_clock.h"

#include <gtest/gtest.h>

namespace meetlat::sample {
namespace {

using namespace std::chrono;  // NOLINT: test-local brevity
using std::chrono::year;

Day day(int y, unsigned m, unsigned d) {
  return Day{year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

class ServiceClockTest : public ::testing::Test {
 protected:
  ServiceClock clock{time::Zone::load("Europe/Amsterdam"), day(2026, 1, 1), day(2027, 1, 1)};
};

TEST_F(ServiceClockTest, WorkingDaysSkipWeekendsAndHolidays) {
  EXPECT_FALSE(clock.is_working_day(day(2026, 1, 1)));   // Nieuwjaarsdag
  EXPECT_TRUE(clock.is_working_day(day(2026, 1, 2)));    // Friday
  EXPECT_FALSE(clock.is_working_day(day(2026, 1, 3)));   // Saturday
  EXPECT_FALSE(clock.is_working_day(day(2026, 4, 27)));  // Koningsdag, a Monday
  EXPECT_EQ(clock.add_working_days(day(2026, 4, 24), 1), day(2026, 4, 28));
}

TEST_F(ServiceClockTest, OfficeAndPeakHours) {
  const Day monday = day(2026, 10, 5);
  EXPECT_FALSE(clock.is_office(monday + hours{7} + minutes{59}));
  EXPECT_TRUE(clock.is_office(monday + hours{8}));
  EXPECT_FALSE(clock.is_office(monday + hours{18}));
  EXPECT_TRUE(clock.is_peak(monday + hours{10} + minutes{59}));
  EXPECT_FALSE(clock.is_peak(monday + hours{11}));
  EXPECT_TRUE(clock.is_peak(monday + hours{13}));
  EXPECT_FALSE(clock.is_office(day(2026, 10, 3) + hours{10}));  // Saturday
}

TEST_F(ServiceClockTest, OfficeTimeCarriesOverNightsAndWeekends) {
  // Friday 17:00 + 2 office hours: one hour on Friday, one on Monday.
  EXPECT_EQ(clock.add_office_time(day(2026, 10, 2) + hours{17}, hours{2}),
            day(2026, 10, 5) + hours{9});
  // Sunday night waits for Monday 08:00.
  EXPECT_EQ(clock.add_office_time(day(2026, 10, 4) + hours{23}, minutes{30}),
            day(2026, 10, 5) + hours{8} + minutes{30});
}

TEST_F(ServiceClockTest, DstStartSkipsAnHour) {
  EXPECT_FALSE(clock.hour_exists(day(2026, 3, 29), 2));
  EXPECT_TRUE(clock.hour_exists(day(2026, 3, 29), 3));
  EXPECT_TRUE(clock.hour_exists(day(2026, 10, 25), 2));
}

TEST_F(ServiceClockTest, LoadIsHigherInPeakHoursThanAtNight) {
  const Day monday = day(2026, 10, 5);
  EXPECT_GT(clock.ticket_load(monday, 10), clock.ticket_load(monday, 3) * 5);
  EXPECT_GT(clock.ticket_load(monday, 10), clock.ticket_load(day(2026, 10, 4), 10) * 3);
  EXPECT_GT(clock.user_load(monday, 14), clock.user_load(monday, 17));
}

}  // namespace
}  // namespace meetlat::sample

#include "time/holidays.h"

#include <gtest/gtest.h>

namespace meetlat::time {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

bool has(const std::vector<Holiday>& days, Date d, std::string_view name_nl) {
  for (const Holiday& h : days) {
    if (h.date == d && h.name_nl == name_nl) return true;
  }
  return false;
}

TEST(HolidaysTest, EasterSundaysFromThePublishedTables) {
  EXPECT_EQ(easter_sunday(2024), ymd(2024, 3, 31));
  EXPECT_EQ(easter_sunday(2025), ymd(2025, 4, 20));
  EXPECT_EQ(easter_sunday(2026), ymd(2026, 4, 5));
  EXPECT_EQ(easter_sunday(2027), ymd(2027, 3, 28));
  EXPECT_EQ(easter_sunday(2038), ymd(2038, 4, 25));  // latest possible
  EXPECT_EQ(easter_sunday(2285), ymd(2285, 3, 22));  // earliest possible
  EXPECT_EQ(easter_sunday(2000), ymd(2000, 4, 23));
}

TEST(HolidaysTest, Year2026) {
  const auto days = termijnenwet_holidays(2026);
  ASSERT_EQ(days.size(), 8u);
  EXPECT_TRUE(has(days, ymd(2026, 1, 1), "Nieuwjaarsdag"));
  EXPECT_TRUE(has(days, ymd(2026, 4, 6), "Tweede Paasdag"));
  EXPECT_TRUE(has(days, ymd(2026, 4, 27), "Koningsdag"));
  EXPECT_TRUE(has(days, ymd(2026, 5, 5), "Bevrijdingsdag"));
  EXPECT_TRUE(has(days, ymd(2026, 5, 14), "Hemelvaartsdag"));
  EXPECT_TRUE(has(days, ymd(2026, 5, 25), "Tweede Pinksterdag"));
  EXPECT_TRUE(has(days, ymd(2026, 12, 25), "Eerste Kerstdag"));
  EXPECT_TRUE(has(days, ymd(2026, 12, 26), "Tweede Kerstdag"));
  EXPECT_FALSE(has(days, ymd(2026, 4, 3), "Goede Vrijdag"));
}

TEST(HolidaysTest, KoningsdagMovesToSaturdayWhenThe27thIsASunday) {
  const auto days = termijnenwet_holidays(2025);
  EXPECT_TRUE(has(days, ymd(2025, 4, 26), "Koningsdag"));
  EXPECT_FALSE(has(days, ymd(2025, 4, 27), "Koningsdag"));
  EXPECT_TRUE(has(days, ymd(2025, 5, 5), "Bevrijdingsdag"));  // every year, not only lustrum
  EXPECT_TRUE(has(days, ymd(2025, 5, 29), "Hemelvaartsdag"));
  EXPECT_TRUE(has(days, ymd(2025, 6, 9), "Tweede Pinksterdag"));
}

TEST(HolidaysTest, SortedEvenWhenAscensionPrecedesLiberationDay) {
  // 2016: Easter 27 March, so Hemelvaartsdag and Bevrijdingsdag are both on 5 May.
  const auto days = termijnenwet_holidays(2016);
  EXPECT_TRUE(has(days, ymd(2016, 5, 5), "Hemelvaartsdag"));
  EXPECT_TRUE(has(days, ymd(2016, 5, 5), "Bevrijdingsdag"));
  for (int y = 2000; y < 2100; ++y) {
    const auto list = termijnenwet_holidays(y);
    for (std::size_t i = 1; i < list.size(); ++i) ASSERT_LE(list[i - 1].date, list[i].date) << y;
  }
}

}  // namespace
}  // namespace meetlat::time

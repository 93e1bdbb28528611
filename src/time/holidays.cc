#include "time/holidays.h"

#include <algorithm>

namespace meetlat::time {

Date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
              std::chrono::day{static_cast<unsigned>(day)}};
}

std::vector<Holiday> termijnenwet_holidays(int year) {
  const std::chrono::year y{year};
  const Date easter = easter_sunday(year);
  Date koningsdag{y / std::chrono::April / 27};
  if (std::chrono::weekday{koningsdag} == std::chrono::Sunday) koningsdag -= std::chrono::days{1};
  std::vector<Holiday> days = {
      {Date{y / std::chrono::January / 1}, "Nieuwjaarsdag", "New Year's Day"},
      {easter + std::chrono::days{1}, "Tweede Paasdag", "Easter Monday"},
      {koningsdag, "Koningsdag", "King's Day"},
      {Date{y / std::chrono::May / 5}, "Bevrijdingsdag", "Liberation Day"},
      {easter + std::chrono::days{39}, "Hemelvaartsdag", "Ascension Day"},
      {easter + std::chrono::days{50}, "Tweede Pinksterdag", "Whit Monday"},
      {Date{y / std::chrono::December / 25}, "Eerste Kerstdag", "Christmas Day"},
      {Date{y / std::chrono::December / 26}, "Tweede Kerstdag", "Boxing Day"},
  };
  // Hemelvaartsdag falls on or before 5 May in some years (both on 5 May in 2016): keep both.
  std::stable_sort(days.begin(), days.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return days;
}

}  // namespace meetlat::time

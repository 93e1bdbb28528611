#include "time/period.h"

#include <array>

#include "time/time_error.h"

namespace meetlat::time {

namespace {

constexpr std::array<std::string_view, 6> kCadenceNames = {"week",      "month", "quarter",
                                                           "half_year", "year",  "contract_year"};

// Adds whole months to a date; a day past the end of the target month becomes its last day.
Date add_months(Date d, int months) {
  const std::chrono::year_month_day ymd{d};
  const std::chrono::year_month ym =
      std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const std::chrono::day last =
      std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
  return Date{ym / (ymd.day() > last ? last : ymd.day())};
}

int months_of(Cadence c) {
  switch (c) {
    case Cadence::kMonth:
      return 1;
    case Cadence::kQuarter:
      return 3;
    case Cadence::kHalfYear:
      return 6;
    case Cadence::kYear:
    case Cadence::kContractYear:
      return 12;
    case Cadence::kWeek:
      break;
  }
  return 0;
}

// Monday of ISO week 1 of ISO year `y` (the week holding 4 January).
Date iso_week1_monday(int y) {
  const Date jan4{std::chrono::year{y} / std::chrono::January / 4};
  return jan4 - std::chrono::days{std::chrono::weekday{jan4}.iso_encoding() - 1};
}

bool read_digits(std::string_view text, std::size_t from, std::size_t n, int* value) {
  if (text.size() < from + n) return false;
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

std::string two_digits(unsigned v) {
  return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
}

// The 0-based contract year holding day `d` (not before `start`).
int contract_year_index(Date start, Date d) {
  int k = static_cast<int>(
      (std::chrono::year_month_day{d}.year() - std::chrono::year_month_day{start}.year()).count());
  while (k > 0 && add_months(start, 12 * k) > d) --k;
  while (add_months(start, 12 * (k + 1)) <= d) ++k;
  return k;
}

Period months_period(Cadence c, int year, int first_month) {
  const Date first{std::chrono::year{year} /
                   std::chrono::month{static_cast<unsigned>(first_month)} / 1};
  return Period{c, first, add_months(first, months_of(c))};
}

}  // namespace

std::string_view cadence_name(Cadence c) { return kCadenceNames[static_cast<std::size_t>(c)]; }

std::optional<Cadence> parse_cadence(std::string_view text) {
  for (std::size_t i = 0; i < kCadenceNames.size(); ++i) {
    if (kCadenceNames[i] == text) return static_cast<Cadence>(i);
  }
  return std::nullopt;
}

std::optional<Period> parse_period(std::string_view text) {
  int year = 0;
  if (!read_digits(text, 0, 4, &year)) return std::nullopt;
  if (text.size() == 4) return months_period(Cadence::kYear, year, 1);
  if (text.size() < 6 || text[4] != '-') return std::nullopt;
  int n = 0;
  const char kind = text[5];
  if (kind == 'Q' || kind == 'H') {
    if (text.size() != 7 || !read_digits(text, 6, 1, &n)) return std::nullopt;
    if (kind == 'Q' && n >= 1 && n <= 4) return months_period(Cadence::kQuarter, year, 3 * n - 2);
    if (kind == 'H' && n >= 1 && n <= 2) return months_period(Cadence::kHalfYear, year, 6 * n - 5);
    return std::nullopt;
  }
  if (kind == 'W') {
    if (text.size() != 8 || !read_digits(text, 6, 2, &n)) return std::nullopt;
    const Date week1 = iso_week1_monday(year);
    const int weeks_in_year = static_cast<int>((iso_week1_monday(year + 1) - week1).count() / 7);
    if (n < 1 || n > weeks_in_year) return std::nullopt;
    const Date first = week1 + std::chrono::days{7 * (n - 1)};
    return Period{Cadence::kWeek, first, first + std::chrono::days{7}};
  }
  if (text.size() != 7 || !read_digits(text, 5, 2, &n) || n < 1 || n > 12) return std::nullopt;
  return months_period(Cadence::kMonth, year, n);
}

std::string period_name(const Period& p, Date contract_start) {
  const std::chrono::year_month_day first{p.first_day};
  const unsigned month = static_cast<unsigned>(first.month());
  std::string y = format_date(p.first_day).substr(0, 4);
  switch (p.cadence) {
    case Cadence::kMonth:
      return y + "-" + two_digits(month);
    case Cadence::kQuarter:
      return y + "-Q" + std::to_string((month - 1) / 3 + 1);
    case Cadence::kHalfYear:
      return y + "-H" + std::to_string((month - 1) / 6 + 1);
    case Cadence::kYear:
      return y;
    case Cadence::kWeek: {
      // The ISO year is the year of the week's Thursday.
      const std::chrono::year_month_day thursday{p.first_day + std::chrono::days{3}};
      const int iso_year = static_cast<int>(thursday.year());
      const auto week = (p.first_day - iso_week1_monday(iso_year)).count() / 7 + 1;
      return format_date(Date{thursday.year() / 1 / 1}).substr(0, 4) + "-W" +
             two_digits(static_cast<unsigned>(week));
    }
    case Cadence::kContractYear: {
      std::string range = format_date(p.first_day) + "/" + format_date(p.end_day);
      if (contract_start == Date{} || p.first_day < contract_start) return range;
      const int k = contract_year_index(contract_start, p.first_day);
      if (add_months(contract_start, 12 * k) != p.first_day) return range;
      return "CY" + std::to_string(k + 1) + " (" + range + ")";
    }
  }
  return {};
}

Window window(const Period& p, const Zone& zone) {
  return Window{zone.start_of_day(p.first_day), zone.start_of_day(p.end_day)};
}

Period period_containing(Cadence cadence, Date d, Date contract_start) {
  const std::chrono::year_month_day ymd{d};
  const int year = static_cast<int>(ymd.year());
  const int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  switch (cadence) {
    case Cadence::kWeek: {
      const Date monday = d - std::chrono::days{std::chrono::weekday{d}.iso_encoding() - 1};
      return Period{cadence, monday, monday + std::chrono::days{7}};
    }
    case Cadence::kMonth:
    case Cadence::kQuarter:
    case Cadence::kHalfYear:
    case Cadence::kYear: {
      const int span = months_of(cadence);
      return months_period(cadence, year, (month - 1) / span * span + 1);
    }
    case Cadence::kContractYear: {
      if (d < contract_start) {
        throw TimeError("day " + format_date(d) + " is before the contract start " +
                        format_date(contract_start));
      }
      const int k = contract_year_index(contract_start, d);
      return Period{cadence, add_months(contract_start, 12 * k),
                    add_months(contract_start, 12 * (k + 1))};
    }
  }
  return Period{};
}

Period next_period(const Period& p) {
  if (p.cadence == Cadence::kWeek) {
    return Period{p.cadence, p.end_day, p.end_day + std::chrono::days{7}};
  }
  return Period{p.cadence, p.end_day, add_months(p.end_day, months_of(p.cadence))};
}

int months_between(Date from, Date to) {
  const std::chrono::year_month_day a{from};
  const std::chrono::year_month_day b{to};
  return (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
         static_cast<int>(static_cast<unsigned>(b.month())) -
         static_cast<int>(static_cast<unsigned>(a.month()));
}

}  // namespace meetlat::time

// The public holidays of the Dutch Algemene termijnenwet (the days a "werkdag" excludes), with
// their Dutch and English names. Goede Vrijdag is not among them; contracts add it if they want.
#pragma once

#include <string_view>
#include <vector>

#include "time/instant.h"

namespace meetlat::time {

struct Holiday {
  Date date;
  std::string_view name_nl;
  std::string_view name_en;
};

// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
Date easter_sunday(int year);

// Nieuwjaarsdag, Tweede Paasdag, Koningsdag (27 Apr, 26 Apr when the 27th is a Sunday),
// Bevrijdingsdag (5 May), Hemelvaartsdag, Tweede Pinksterdag, Eerste and Tweede Kerstdag; sorted
// by date.
std::vector<Holiday> termijnenwet_holidays(int year);

}  // namespace meetlat::time

#include "time/instant.h"

namespace meetlat::time {

std::string format_date(Date d) {
  const std::chrono::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  std::string out(10, '0');
  // Years outside 0000–9999 do not occur in contracts; they would print wrapped.
  const unsigned uy = static_cast<unsigned>(y) % 10000;
  out[0] = static_cast<char>('0' + uy / 1000);
  out[1] = static_cast<char>('0' + uy / 100 % 10);
  out[2] = static_cast<char>('0' + uy / 10 % 10);
  out[3] = static_cast<char>('0' + uy % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

unsigned iso_weekday(Date d) { return std::chrono::weekday{d}.iso_encoding(); }

}  // namespace meetlat::time

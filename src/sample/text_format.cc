#include "sample/text_format.h"

#include <cmath>

namespace meetlat::sample {

namespace {

char* put_ymd(char* out, std::chrono::year_month_day ymd) {
  const int y = static_cast<int>(ymd.year());
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  put_two(out + 5, static_cast<unsigned>(ymd.month()));
  out[7] = '-';
  put_two(out + 8, static_cast<unsigned>(ymd.day()));
  return out + 10;
}

char* put_hms(char* out, std::chrono::seconds since_midnight) {
  const auto s = static_cast<unsigned>(since_midnight.count());
  put_two(out, s / 3600);
  out[2] = ':';
  put_two(out + 3, s / 60 % 60);
  out[5] = ':';
  put_two(out + 6, s % 60);
  return out + 8;
}

}  // namespace

char* put_uint(char* out, std::uint64_t value) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) *out++ = digits[--n];
  return out;
}

char* put_fixed(char* out, double value, int decimals) {
  if (value < 0) {
    *out++ = '-';
    value = -value;
  }
  std::uint64_t pow10 = 1;
  for (int i = 0; i < decimals; ++i) pow10 *= 10;
  const auto scaled = static_cast<std::uint64_t>(std::llround(value * static_cast<double>(pow10)));
  out = put_uint(out, scaled / pow10);
  if (decimals == 0) return out;
  *out++ = '.';
  std::uint64_t frac = scaled % pow10;
  for (int i = decimals - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  return out + decimals;
}

char* put_date(char* out, std::chrono::local_days day) {
  return put_ymd(out, std::chrono::year_month_day{day});
}

char* put_local(char* out, std::chrono::local_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  out = put_ymd(out, std::chrono::year_month_day{day});
  *out++ = ' ';
  return put_hms(out, t - day);
}

}  // namespace meetlat::sample

#include "sources/exact_text.h"

#include <chrono>
#include <cstdio>

namespace meetlat::sources {

std::string stamp(std::uint64_t nanos, bool round_up) {
  std::uint64_t micros = nanos / 1000;
  if (round_up && nanos % 1000 != 0) ++micros;
  using namespace std::chrono;
  const sys_time<microseconds> t{microseconds(static_cast<std::int64_t>(micros))};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<microseconds> time{t - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  std::string out = text;
  if (const auto fraction = time.subseconds().count(); fraction != 0) {
    char digits[8];
    std::snprintf(digits, sizeof digits, ".%06d", static_cast<int>(fraction));
    out += digits;
    out.erase(out.find_last_not_of('0') + 1);
  }
  return out + "Z";
}

std::string plain_decimal(std::string digits, int exponent, bool negative) {
  while (digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  std::string out;
  if (exponent >= 0) {
    out = digits + std::string(static_cast<std::size_t>(exponent), '0');
  } else if (static_cast<int>(digits.size()) + exponent > 0) {
    const auto point = digits.size() - static_cast<std::size_t>(-exponent);
    out = digits.substr(0, point) + "." + digits.substr(point);
  } else {
    out = "0." + std::string(static_cast<std::size_t>(-exponent) - digits.size(), '0') + digits;
  }
  if (out == "0") negative = false;
  return negative ? "-" + out : out;
}

std::string shifted_decimal(const std::string& text, int shift) {
  std::string mantissa = text;
  int exponent = shift;
  const auto e = mantissa.find_first_of("eE");
  if (e != std::string::npos) {
    exponent += std::stoi(mantissa.substr(e + 1));
    mantissa.resize(e);
  }
  const bool negative = !mantissa.empty() && mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  std::string digits;
  for (const char c : mantissa) {
    if (c == '.') {
      exponent -= static_cast<int>(mantissa.size() - mantissa.find('.') - 1);
    } else {
      digits += c;
    }
  }
  const auto first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  return plain_decimal(digits.substr(first), exponent, negative);
}

}  // namespace meetlat::sources

// Hand-written formatting of the values the generator writes, into a caller's buffer: no
// locale, no iostreams, no allocation. Each function writes at `out` and returns the end.
//
// Wall-clock times (`std::chrono::local_seconds`) are written as ITSM exports write them,
// "2026-10-05 09:12:00", and read as Europe/Amsterdam time; instants in a layout's style by
// put_stamp (layout.h).
#pragma once

#include <chrono>
#include <cstdint>

#include "time/instant.h"

namespace meetlat::sample {

// Longest text any function below writes.
inline constexpr int kMaxFormattedChars = 32;

char* put_uint(char* out, std::uint64_t value);
// `value` rounded to `decimals` digits after the point (0..9), e.g. 0.9312 with 2 → "0.93".
char* put_fixed(char* out, double value, int decimals);
// "2026-10-05".
char* put_date(char* out, std::chrono::local_days day);
// "2026-10-05 09:12:00".
char* put_local(char* out, std::chrono::local_seconds t);
inline char* put_two(char* out, unsigned v) {
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
  return out + 2;
}

}  // namespace meetlat::sample

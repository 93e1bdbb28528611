// A property check for the fuzz harnesses: when `condition` is false, prints what was expected and
// the input (escaped) to stderr and aborts, so that libFuzzer saves the input as a crash. Used for
// the laws the headers promise (a round trip, two-thread loading equal to one-thread loading);
// memory and undefined-behaviour errors are the sanitizers' job.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace meetlat::fuzz {

[[noreturn]] inline void fail(std::string_view expectation, std::string_view input) {
  std::fprintf(stderr, "fuzz property violated: %.*s\ninput (%zu bytes): \"",
               static_cast<int>(expectation.size()), expectation.data(), input.size());
  for (const char c : input) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\') {
      std::fputc(c, stderr);
    } else {
      std::fprintf(stderr, "\\x%02x", u);
    }
  }
  std::fputs("\"\n", stderr);
  std::abort();
}

inline void check(bool condition, std::string_view expectation, std::string_view input) {
  if (!condition) fail(expectation, input);
}

}  // namespace meetlat::fuzz

#include "sample/text_format.h"

#include <gtest/gtest.h>

#include <string>

namespace meetlat::sample {
namespace {

using namespace std::chrono;  // NOLINT: test-local brevity

template <typename F>
std::string text(F f) {
  char buf[kMaxFormattedChars];
  return std::string(buf, f(buf));
}

TEST(TextFormat, Numbers) {
  EXPECT_EQ(text([](char* p) { return put_uint(p, 0); }), "0");
  EXPECT_EQ(text([](char* p) { return put_uint(p, 18446744073709551615ULL); }),
            "18446744073709551615");
  EXPECT_EQ(text([](char* p) { return put_fixed(p, 0.9312, 2); }), "0.93");
  EXPECT_EQ(text([](char* p) { return put_fixed(p, 97.96, 1); }), "98.0");
  EXPECT_EQ(text([](char* p) { return put_fixed(p, 0.05, 2); }), "0.05");
  EXPECT_EQ(text([](char* p) { return put_fixed(p, -1.5, 0); }), "-2");
}

TEST(TextFormat, LocalTimeAsItsmExportsWriteIt) {
  const std::chrono::local_seconds t = std::chrono::local_days{std::chrono::year{2026} / 10 / 5} +
                                       hours{9} + minutes{12} + seconds{3};
  EXPECT_EQ(text([&](char* p) { return put_local(p, t); }), "2026-10-05 09:12:03");
  EXPECT_EQ(text([&](char* p) { return put_date(p, std::chrono::floor<std::chrono::days>(t)); }),
            "2026-10-05");
}

TEST(TextFormat, UtcWithMilliseconds) {
  const time::Instant t = std::chrono::sys_days{std::chrono::year{2026} / 10 / 5} + hours{7} +
                          minutes{12} + milliseconds{123} + microseconds{999};
  EXPECT_EQ(text([&](char* p) { return put_utc(p, t, true); }), "2026-10-05T07:12:00.123Z");
  EXPECT_EQ(text([&](char* p) { return put_utc(p, t, false); }), "2026-10-05T07:12:00Z");
  EXPECT_EQ(text([&](char* p) { return put_utc_minute_prefix(p, std::chrono::floor<seconds>(t)); }),
            "2026-10-05T07:12:");
}

}  // namespace
}  // namespace meetlat::sample

#include "sample/text_format.h"

#include <gtest/gtest.h>

#include <string>

#include "sample/layout.h"

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

TEST(TextFormat, UtcStampsTruncateToTheMillisecond) {
  const time::Instant t = std::chrono::sys_days{std::chrono::year{2026} / 10 / 5} + hours{7} +
                          minutes{12} + milliseconds{123} + microseconds{999};
  auto stamp = [&](StampStyle style) {
    char buf[kMaxStampChars];
    return std::string(buf, put_stamp(buf, t, style, hours{2}));
  };
  EXPECT_EQ(stamp(StampStyle::kUtcMs), "2026-10-05T07:12:00.123Z");
  EXPECT_EQ(stamp(StampStyle::kUtc), "2026-10-05T07:12:00Z");
}

}  // namespace
}  // namespace meetlat::sample

namespace meetlat::sample {
namespace {

TEST(Layout, EveryStampStyleWritesTheSameInstant) {
  using namespace std::chrono;  // NOLINT: test-local brevity
  const time::Instant t =
      sys_days{year{2026} / 10 / 5} + hours{7} + minutes{12} + seconds{3} + milliseconds{120};
  const seconds summer{2 * 3600};
  auto stamp = [&](StampStyle style, seconds offset) {
    char buf[kMaxStampChars];
    return std::string(buf, put_stamp(buf, t, style, offset));
  };
  EXPECT_EQ(stamp(StampStyle::kLocal, summer), "2026-10-05 09:12:03");
  EXPECT_EQ(stamp(StampStyle::kLocalT, summer), "2026-10-05T09:12:03");
  EXPECT_EQ(stamp(StampStyle::kLocalMs, summer), "2026-10-05 09:12:03.120");
  EXPECT_EQ(stamp(StampStyle::kOffset, summer), "2026-10-05T09:12:03+02:00");
  EXPECT_EQ(stamp(StampStyle::kOffset, -seconds{3 * 3600 + 30 * 60}), "2026-10-05T03:42:03-03:30");
  EXPECT_EQ(stamp(StampStyle::kUtc, summer), "2026-10-05T07:12:03Z");
  EXPECT_EQ(stamp(StampStyle::kUtcMs, summer), "2026-10-05T07:12:03.120Z");
  // Across midnight: the wall-clock day is the next one.
  EXPECT_EQ(stamp(StampStyle::kLocal, hours{17}), "2026-10-06 00:12:03");
}

TEST(Layout, OptionWords) {
  EXPECT_EQ(parse_stamp_style("local-t"), StampStyle::kLocalT);
  EXPECT_EQ(parse_stamp_style("utc-ms"), StampStyle::kUtcMs);
  EXPECT_FALSE(parse_stamp_style("Local").has_value());
  EXPECT_EQ(parse_duration_style("decimal"), DurationStyle::kDecimal);
  EXPECT_FALSE(parse_duration_style("float").has_value());
}

}  // namespace
}  // namespace meetlat::sample

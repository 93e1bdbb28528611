// The canonical text of numbers and time stamps is what the workspace stores and record ids are
// made of: the fast paths must write exactly what the plain ones do, for every value.
#include "evidence/canonical_cell.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

namespace meetlat::evidence {
namespace {

std::string shortest_fixed(double value) {
  char text[400];
  const auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed);
  return {text, result.ptr};
}

std::string number(double value) {
  std::string out;
  append_number(value, out);
  return out;
}

TEST(CanonicalNumber, IsTheShortestFixedTextThatReadsBack) {
  for (const double value : {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             0.1,
                             0.05,
                             0.001,
                             0.0005,
                             107.6,
                             143.4,
                             1000.0,
                             0.93,
                             99.95,
                             1e-6,
                             123456789012.125,
                             999999999999.999,
                             -0.007,
                             2.675,
                             1e12,
                             1e15,
                             5e-324,
                             0.30000000000000004}) {
    EXPECT_EQ(number(value), shortest_fixed(value)) << value;
  }
  EXPECT_EQ(number(-0.0), "-0");
  EXPECT_EQ(number(0.05), "0.05");
  EXPECT_EQ(number(107.6), "107.6");
  // Measured values as exports write them (a few decimals), and doubles of any bits.
  std::mt19937_64 random(20261203);
  std::uniform_int_distribution<std::int64_t> mantissa(-2'000'000'000'000'000,
                                                       2'000'000'000'000'000);
  std::uniform_int_distribution<int> decimals(0, 6);
  for (int i = 0; i < 2'000'000; ++i) {
    const std::int64_t m = mantissa(random) >> (random() % 60);
    const double value = static_cast<double>(m) / std::pow(10.0, decimals(random));
    ASSERT_EQ(number(value), shortest_fixed(value)) << m;
    double any = 0;
    const std::uint64_t bits = random();
    std::memcpy(&any, &bits, sizeof any);
    if (!std::isfinite(any) || std::fabs(any) >= 1e13) continue;
    ASSERT_EQ(number(any), shortest_fixed(any)) << bits;
  }
}

TEST(CanonicalInstant, ASecondsTextIsReusedOnlyWithinThatSecond) {
  CanonicalCellWriter writer;
  std::mt19937_64 random(7);
  time::Instant t = time::Instant{std::chrono::seconds{1'790'000'000}};
  for (int i = 0; i < 200'000; ++i) {
    // Steps of microseconds to a day, forwards and backwards, so that a second repeats, follows
    // and returns.
    const std::int64_t step = static_cast<std::int64_t>(random() % 3'000'000) *
                              (random() % 50 == 0 ? 30'000 : 1) * (random() % 4 == 0 ? -1 : 1);
    t += time::Micros{step};
    std::string fast;
    writer.append_utc(t, fast);
    ASSERT_EQ(fast, format_utc(t));
  }
  EXPECT_EQ(format_utc(time::Instant{std::chrono::milliseconds{1'791'191'200'120}}),
            "2026-10-05T09:06:40.12Z");
}

}  // namespace
}  // namespace meetlat::evidence

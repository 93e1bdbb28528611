#include "time/parse.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>

namespace meetlat::time {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const Zone& amsterdam() {
  static const Zone zone = Zone::load("Europe/Amsterdam");
  return zone;
}

Instant utc(int y, unsigned m, unsigned d, Micros t = Micros{0}) {
  return Instant{std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} /
                                       std::chrono::day{d}}} +
         t;
}

ParsedTimestamp parse_ok(std::string_view text) {
  ParseError error;
  const auto ts = parse_timestamp(text, amsterdam(), &error);
  EXPECT_TRUE(ts.has_value()) << text << ": column " << error.column << ": " << error.message;
  return ts.value_or(ParsedTimestamp{});
}

ParseError parse_error(std::string_view text) {
  ParseError error{999, "not set"};
  EXPECT_FALSE(parse_timestamp(text, amsterdam(), &error).has_value()) << text;
  return error;
}

TEST(ParseTimestampTest, OffsetsAreExact) {
  const Instant expected = utc(2026, 10, 5, hours{8} + minutes{15});
  EXPECT_EQ(parse_ok("2026-10-05T08:15:00Z").at, expected);
  EXPECT_EQ(parse_ok("2026-10-05T10:15:00+02:00").at, expected);
  EXPECT_EQ(parse_ok("2026-10-05T10:15+0200").at, expected);
  EXPECT_EQ(parse_ok("2026-10-05 03:15:00-05:00").at, expected);
  EXPECT_EQ(parse_ok("2026-10-05T08:15:00Z").issue, LocalTimeIssue::kNone);
}

TEST(ParseTimestampTest, ApmLayoutInUtcReadsAsTheSameInstantAsAnExplicitOffset) {
  // "YYYY-MM-DDTHH:MM:SS.mmmZ" has a fast path; it must agree with the general reading.
  for (std::string_view text : {"2026-10-25T01:30:00.123Z", "2028-02-29T23:59:59.999Z",
                                "2026-03-29T02:30:00Z", "1999-12-31T00:00:00.000Z"}) {
    std::string general(text.substr(0, text.size() - 1));
    general += "+00:00";
    EXPECT_EQ(parse_ok(text).at, parse_ok(general).at) << text;
    EXPECT_EQ(parse_ok(text).issue, LocalTimeIssue::kNone);
  }
  EXPECT_EQ(parse_ok("2026-10-01T10:00:00.123Z").at,
            utc(2026, 10, 1, std::chrono::hours{10} + std::chrono::milliseconds{123}));
  // Out of range in the fast layout: the general parser's error and column.
  EXPECT_EQ(parse_error("2026-02-29T10:00:00.000Z").column, 8u);
  EXPECT_EQ(parse_error("2026-10-01T24:00:00.000Z").column, 11u);
  EXPECT_EQ(parse_error("2026-10-01T10:00:60.000Z").column, 17u);
  EXPECT_EQ(parse_error("2026-10-01T10:00:00.0a0Z").column, 21u);
}

TEST(ParseTimestampTest, WallClockIsInTheContractZone) {
  EXPECT_EQ(parse_ok("2026-01-15 10:00:00").at, utc(2026, 1, 15, hours{9}));
  EXPECT_EQ(parse_ok("2026-07-15T10:00").at, utc(2026, 7, 15, hours{8}));
  const ParsedTimestamp day = parse_ok("2026-10-01");
  EXPECT_TRUE(day.date_only);
  EXPECT_EQ(day.at, utc(2026, 9, 30, hours{22}));
}

TEST(ParseTimestampTest, RepeatedHourIsTheEarlierInstant) {
  const ParsedTimestamp ts = parse_ok("2026-10-25 02:30:00");
  EXPECT_EQ(ts.issue, LocalTimeIssue::kRepeated);
  EXPECT_EQ(ts.at, utc(2026, 10, 25, minutes{30}));  // 02:30+02:00
}

TEST(ParseTimestampTest, SkippedHourMovesForwardByTheGap) {
  const ParsedTimestamp ts = parse_ok("2026-03-29 02:30:00");
  EXPECT_EQ(ts.issue, LocalTimeIssue::kSkipped);
  EXPECT_EQ(amsterdam().format(ts.at), "2026-03-29T03:30:00+02:00");
}

TEST(ParseTimestampTest, FractionalSecondsKeptToTheMicrosecond) {
  const Instant base = utc(2026, 10, 5, hours{8});
  EXPECT_EQ(parse_ok("2026-10-05T08:00:00.5Z").at, base + std::chrono::milliseconds{500});
  EXPECT_EQ(parse_ok("2026-10-05T08:00:00.123456Z").at, base + Micros{123456});
  EXPECT_EQ(parse_ok("2026-10-05T08:00:00.123456789Z").at, base + Micros{123456});
  EXPECT_EQ(parse_ok("2026-10-05T10:00:00.000001").at, base + Micros{1});
}

TEST(ParseTimestampTest, LeapDays) {
  EXPECT_EQ(parse_ok("2028-02-29T00:00:00Z").at, utc(2028, 2, 29));
  EXPECT_EQ(parse_ok("2000-02-29T00:00:00Z").at, utc(2000, 2, 29));
  EXPECT_EQ(parse_error("2100-02-29").column, 8u);
  EXPECT_EQ(parse_error("2026-02-29").column, 8u);
}

TEST(ParseTimestampTest, ErrorsPointAtTheFirstBadCharacter) {
  EXPECT_EQ(parse_error("2026-02-30").column, 8u);
  EXPECT_EQ(parse_error("2026-02-30").message, "day out of range for the month");
  EXPECT_EQ(parse_error("2026-13-01").column, 5u);
  EXPECT_EQ(parse_error("2026-10-05T25:00").column, 11u);
  EXPECT_EQ(parse_error("2026-10-05T24:00").column, 11u);
  EXPECT_EQ(parse_error("2026-10-05T10:60").column, 14u);
  EXPECT_EQ(parse_error("2026-10-05T10:00:61").column, 17u);
  EXPECT_EQ(parse_error("2026-10-05T10:00:00Zjunk").column, 20u);
  EXPECT_EQ(parse_error("2026-10-05T10:00:00 ").column, 19u);
  EXPECT_EQ(parse_error("2026-10-05x").column, 10u);
  EXPECT_EQ(parse_error("2026-10-05T10").column, 13u);
  EXPECT_EQ(parse_error("2026-10-05T10:00:00.").column, 20u);
  EXPECT_EQ(parse_error("2026-10-05T10:00:00+2").column, 21u);  // the missing digit
  EXPECT_EQ(parse_error("26-10-05").column, 2u);
  EXPECT_EQ(parse_error("2026/10/05").column, 4u);
  EXPECT_EQ(parse_error("").column, 0u);
  EXPECT_EQ(parse_error(" 2026-10-05").column, 0u);
  EXPECT_EQ(parse_error("2026-10-05T10:00:00.1234567891Z").column, 29u);
}

// The layouts of APMs and ticket systems are read word by word, outside the general parser. The
// same stamp written so that only the general parser reads it (a fraction ".0" added to a wall-
// clock stamp, "Z" written as "+00:00") must give the same instant and DST issue, and a stamp
// with any one byte changed must be refused or accepted by both alike.
TEST(ParseTimestampTest, FixedLayoutsAgreeWithTheGeneralParser) {
  std::mt19937 random(20261128);
  const std::string replacements("0123456789-: TZ./+a\xff");
  // The same stamp in a form the fixed layouts do not take.
  auto general_form = [](const std::string& text) {
    if (text.size() == 19) return text + ".0";
    if (text.size() == 23 && text[19] == '.' && text.back() != 'Z') return text + "0";
    if (!text.empty() && text.back() == 'Z') return text.substr(0, text.size() - 1) + "+00:00";
    if (text.size() == 25 && (text[19] == '+' || text[19] == '-') && text[22] == ':') {
      return text.substr(0, 22) + text.substr(23);
    }
    return text;
  };
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const int y = 1999 + static_cast<int>(random() % 40);
    const int mo = 1 + static_cast<int>(random() % 12), d = 1 + static_cast<int>(random() % 31);
    const int h = static_cast<int>(random() % 24), mi = static_cast<int>(random() % 60),
              sec = static_cast<int>(random() % 60), ms = static_cast<int>(random() % 1000);
    char buffer[40];
    const int oh = static_cast<int>(random() % 26), om = static_cast<int>(random() % 62);
    switch (i % 5) {
      case 0:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, sec);
        break;
      case 3:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d%c%02d:%02d:%02d.%03d", y, mo, d,
                      random() % 2 ? ' ' : 'T', h, mi, sec, ms);
        break;
      case 4:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d,
                      h, mi, sec, random() % 2 ? '+' : '-', oh % 24 + (random() % 8 == 0 ? 2 : 0),
                      random() % 8 == 0 ? om : om % 60);
        break;
      case 1:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, mo, d, h, mi,
                      sec, ms);
        break;
      default:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi,
                      sec);
    }
    std::string text(buffer);
    if (i % 2 == 1) text[random() % text.size()] = replacements[random() % replacements.size()];
    const auto fixed = parse_timestamp(text, amsterdam(), nullptr);
    const auto general = parse_timestamp(general_form(text), amsterdam(), nullptr);
    ASSERT_EQ(fixed.has_value(), general.has_value()) << text;
    if (!fixed) continue;
    ++accepted;
    ASSERT_EQ(fixed->at, general->at) << text;
    ASSERT_EQ(fixed->issue, general->issue) << text;
  }
  EXPECT_GT(accepted, 10000);  // most stamps are valid: the comparison is not vacuous
}

TEST(ParseDateTest, BareDatesAndTimestampsInTheZone) {
  ParseError error;
  EXPECT_EQ(parse_date("2026-10-05", &error), Date{std::chrono::year{2026} / 10 / 5});
  EXPECT_FALSE(parse_date("2026-10-05T10:00:00", &error).has_value());
  EXPECT_EQ(error.column, 10u);
  // 23:30 UTC on 5 October is already 6 October in Amsterdam.
  EXPECT_EQ(parse_date("2026-10-05T23:30:00Z", &error, &amsterdam()),
            Date{std::chrono::year{2026} / 10 / 6});
  EXPECT_EQ(parse_date("2026-10-05T10:00:00", &error, &amsterdam()),
            Date{std::chrono::year{2026} / 10 / 5});
  EXPECT_FALSE(parse_date("2026-04-31", &error).has_value());
  EXPECT_EQ(error.column, 8u);
}

TEST(ParseDurationTest, UnitsAndCombinations) {
  ParseError error;
  EXPECT_EQ(parse_duration("15m", &error), minutes{15});
  EXPECT_EQ(parse_duration("8h", &error), hours{8});
  EXPECT_EQ(parse_duration("10d", &error), hours{240});
  EXPECT_EQ(parse_duration("90s", &error), seconds{90});
  EXPECT_EQ(parse_duration("1h30m", &error), minutes{90});
  EXPECT_EQ(parse_duration("1.5s", &error), std::chrono::milliseconds{1500});
}

TEST(ParseDurationTest, Errors) {
  ParseError error;
  EXPECT_FALSE(parse_duration("", &error).has_value());
  EXPECT_FALSE(parse_duration("15", &error).has_value());
  EXPECT_EQ(error.column, 2u);
  EXPECT_FALSE(parse_duration("15x", &error).has_value());
  EXPECT_EQ(error.column, 2u);
  EXPECT_FALSE(parse_duration("30m1h", &error).has_value());
  EXPECT_EQ(error.column, 4u);
  EXPECT_FALSE(parse_duration("h", &error).has_value());
  EXPECT_EQ(error.column, 0u);
  EXPECT_FALSE(parse_duration("1.5h", &error).has_value());
  EXPECT_FALSE(parse_duration("-5m", &error).has_value());
  EXPECT_FALSE(parse_duration("999999999d", &error).has_value());
  // Each part fits under a million days, the sum does not (found by the time-stamp fuzzer: its
  // formatted text did not parse back).
  EXPECT_TRUE(parse_duration("1000000d", &error).has_value());
  EXPECT_FALSE(parse_duration("999999d810324.88s", &error).has_value());
  EXPECT_FALSE(parse_duration("20893639h199909206m880954s", &error).has_value());
  EXPECT_EQ(error.message, "duration too large");
}

TEST(FormatDurationTest, RoundTrips) {
  EXPECT_EQ(format_duration(minutes{90}), "1h30m");
  EXPECT_EQ(format_duration(hours{240}), "10d");
  EXPECT_EQ(format_duration(Micros{0}), "0m");
  EXPECT_EQ(format_duration(-minutes{5}), "-5m");
  ParseError error;
  for (const Micros d :
       {Micros{1}, Micros{1'500'000}, Micros{90'061'000'001}, Micros{3'600'000'000}}) {
    EXPECT_EQ(parse_duration(format_duration(d), &error), d) << format_duration(d);
  }
}

}  // namespace
}  // namespace meetlat::time

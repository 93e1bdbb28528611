#include "contract/value_parsers.h"

#include <gtest/gtest.h>

namespace meetlat::contract {
namespace {

TEST(ParseNorm, RefusesARatioWrittenAsAFraction) {
  const Parsed<Norm> n = parse_norm(">= 0.9", Unit::kRatio);
  EXPECT_FALSE(n.value);
  EXPECT_EQ(n.error, "a ratio norm is written as a percentage: write \">= 90%\"");
}

TEST(ParseNorm, RefusesAPercentageOutOfRange) {
  const Parsed<Norm> n = parse_norm(">= 150%", Unit::kRatio);
  EXPECT_EQ(n.error, "a ratio norm must lie between 0% and 100%, not 150%");
}

TEST(ParseNorm, RefusesAWrongUnit) {
  EXPECT_FALSE(parse_norm("< 300", Unit::kMs).value);
  EXPECT_FALSE(parse_norm("<= 6 days", Unit::kWeeks).value);
  EXPECT_FALSE(parse_norm(">= 4%", Unit::kCount).value);
  EXPECT_FALSE(parse_norm("90%", Unit::kRatio).value);  // no operator
}

TEST(ParsePercent, NeedsThePercentSign) {
  EXPECT_EQ(parse_percent("2.5%").value, (Decimal{25, 1}));
  EXPECT_FALSE(parse_percent("2").value);
  EXPECT_FALSE(parse_percent("0.02").value);
  EXPECT_FALSE(parse_percent("101%").value);
}

TEST(ParseAmount, KeepsCentsExact) {
  EXPECT_EQ(parse_amount_cents("100000.00").value, 10'000'000);
  EXPECT_EQ(parse_amount_cents("0.1").value, 10);
  EXPECT_EQ(parse_amount_cents("12").value, 1200);
  EXPECT_FALSE(parse_amount_cents("1.005").value);
  EXPECT_FALSE(parse_amount_cents("-5").value);
}

TEST(ParseMinuteRange, ReadsOpeningHours) {
  const auto r = parse_minute_range("08:00-18:00");
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->from, std::chrono::minutes(480));
  EXPECT_EQ(r.value->to, std::chrono::minutes(1080));
  EXPECT_TRUE(parse_minute_range("00:00-24:00").value);
  // A night: until 08:00 the next morning, 14 hours.
  const auto night = parse_minute_range("18:00-08:00");
  ASSERT_TRUE(night.value);
  EXPECT_EQ(night.value->from, std::chrono::hours{18});
  EXPECT_EQ(night.value->to, std::chrono::hours{32});
  EXPECT_EQ(parse_minute_range("22:00-00:00").value->to, std::chrono::hours{24});
  EXPECT_FALSE(parse_minute_range("08:00-08:00").value);
  EXPECT_FALSE(parse_minute_range("24:00-06:00").value);
  EXPECT_FALSE(parse_minute_range("8-18").value);
  EXPECT_FALSE(parse_minute_range("08:00-24:30").value);
}

TEST(ParseWeekdays, ReadsRanges) {
  const auto d = parse_weekdays("mon-fri");
  ASSERT_TRUE(d.value);
  EXPECT_EQ(*d.value, (std::array<bool, 7>{true, true, true, true, true, false, false}));
  EXPECT_EQ(*parse_weekdays("sat").value,
            (std::array<bool, 7>{false, false, false, false, false, true, false}));
  EXPECT_FALSE(parse_weekdays("fri-mon").value);
  EXPECT_FALSE(parse_weekdays("weekdays").value);
}

TEST(ParseLadderValues, StreaksDeviationsAndDeadlines) {
  EXPECT_EQ(parse_count_rule("3").value->or_more, false);
  EXPECT_EQ(parse_count_rule(">= 3").value->or_more, true);
  EXPECT_FALSE(parse_count_rule("0").value);
  EXPECT_FALSE(parse_count_rule("< 3").value);
  const auto rel = parse_deviation("> 10%");
  ASSERT_TRUE(rel.value);
  EXPECT_EQ(rel.value->amount, (Decimal{10, 2}));
  EXPECT_FALSE(rel.value->percentage_points);
  EXPECT_TRUE(parse_deviation("> 5pp").value->percentage_points);
  EXPECT_FALSE(parse_deviation("10%").value);
  EXPECT_EQ(parse_action_due("10 working days").value->count, 10);
  EXPECT_TRUE(parse_action_due("10 working days").value->working_days);
  EXPECT_FALSE(parse_action_due("5 days").value->working_days);
  EXPECT_FALSE(parse_action_due("soon").value);
  EXPECT_EQ(parse_working_days("5 working days"), 5);
  EXPECT_EQ(parse_working_days("5d"), std::nullopt);
}

TEST(RefusedFraction, SaysWhatToWriteInstead) {
  // 1.5 h is 90 min; 0.25 d is 6 h; 2.5 m is 2 min 30 s.
  EXPECT_NE(refused_fraction("1.5h").value_or("").find("write \"1h30m\" for \"1.5h\""),
            std::string::npos);
  EXPECT_NE(refused_fraction("0.25d").value_or("").find("write \"6h\""), std::string::npos);
  EXPECT_NE(refused_fraction("2.5m").value_or("").find("write \"2m30s\""), std::string::npos);
  // A third of an hour in decimals never ends: no exact spelling to offer.
  EXPECT_NE(refused_fraction("0.3333333h").value_or("").find("write it in d, h, m and s"),
            std::string::npos);
  EXPECT_NE(refused_fraction("0.5 working days").value_or("").find("working days are whole days"),
            std::string::npos);
  EXPECT_FALSE(parse_action_due("1.5 working days").value);
  EXPECT_NE(parse_action_due("1.5 days").error.find("whole days"), std::string::npos);
  // Seconds may carry a fraction; whole numbers and other text are not this function's.
  EXPECT_EQ(refused_fraction("1.5s"), std::nullopt);
  EXPECT_EQ(refused_fraction("90m"), std::nullopt);
  EXPECT_EQ(refused_fraction("soon"), std::nullopt);
}

}  // namespace
}  // namespace meetlat::contract

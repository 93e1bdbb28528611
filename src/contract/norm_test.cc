#include "contract/norm.h"

#include <gtest/gtest.h>

#include "contract/value_parsers.h"

namespace meetlat::contract {
namespace {

struct RoundTrip {
  std::string text;
  Unit unit;
};

TEST(FormatNorm, RoundTripsWhatTheContractWrites) {
  const std::vector<RoundTrip> cases{{">= 90%", Unit::kRatio},     {">= 99.95%", Unit::kRatio},
                                     {"== 100%", Unit::kRatio},    {"<= 10%", Unit::kRatio},
                                     {">= 99.9%", Unit::kRatio},   {"< 300 ms", Unit::kMs},
                                     {"<= 6 weeks", Unit::kWeeks}, {"<= 30 days", Unit::kDays},
                                     {">= 4", Unit::kCount},       {"> 0.5%", Unit::kRatio}};
  for (const RoundTrip& c : cases) {
    const Parsed<Norm> n = parse_norm(c.text, c.unit);
    ASSERT_TRUE(n.value) << c.text << ": " << n.error;
    EXPECT_EQ(format_norm(*n.value), c.text);
    const Parsed<Norm> again = parse_norm(format_norm(*n.value), c.unit);
    ASSERT_TRUE(again.value);
    EXPECT_EQ(again.value->threshold, n.value->threshold) << c.text;
    EXPECT_EQ(again.value->op, n.value->op) << c.text;
  }
}

TEST(FormatNorm, NormalisesOtherSpellings) {
  EXPECT_EQ(format_norm(*parse_norm("=100%", Unit::kRatio).value), "== 100%");
  EXPECT_EQ(format_norm(*parse_norm("\u2265 90%", Unit::kRatio).value), ">= 90%");
  EXPECT_EQ(format_norm(*parse_norm("<300ms", Unit::kMs).value), "< 300 ms");
  EXPECT_EQ(format_norm(*parse_norm("<= 1 week", Unit::kWeeks).value), "<= 1 weeks");
}

TEST(Norm, RatioDecisionIsExact) {
  const Norm n = *parse_norm(">= 90%", Unit::kRatio).value;
  EXPECT_TRUE(n.holds_fraction(9, 10));
  EXPECT_FALSE(n.holds_fraction(899, 1000));
  const Norm avail = *parse_norm(">= 99.95%", Unit::kRatio).value;
  EXPECT_TRUE(avail.holds_fraction(9995, 10000));
  EXPECT_FALSE(avail.holds_fraction(9994, 10000));
}

TEST(Norm, MissesByMoreThanAnAmountIsDecidedOnTheExactBound) {
  const Norm ge{Op::kGe, {9995, 4}};  // >= 99.95%
  // "> 10%" of 99.95%: bound 89.955% exactly.
  EXPECT_FALSE(ge.misses_by_more_than(0.89955, {10, 2}, false));
  EXPECT_TRUE(ge.misses_by_more_than(0.899549, {10, 2}, false));
  // "> 5pp": bound 94.95%.
  EXPECT_FALSE(ge.misses_by_more_than(0.9495, {5, 2}, true));
  EXPECT_TRUE(ge.misses_by_more_than(0.9494, {5, 2}, true));
  // == 100% with "> 5pp": either side.
  const Norm eq{Op::kEq, {100, 2}};
  EXPECT_FALSE(eq.misses_by_more_than(0.95, {5, 2}, true));
  EXPECT_TRUE(eq.misses_by_more_than(0.9499, {5, 2}, true));
  EXPECT_TRUE(eq.misses_by_more_than(1.0501, {5, 2}, true));
  // A relative amount of a zero threshold never fires.
  EXPECT_FALSE((Norm{Op::kLe, {0, 0}, Unit::kCount}).misses_by_more_than(7, {10, 2}, false));
}

}  // namespace
}  // namespace meetlat::contract

#include "evidence/cell_value.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

namespace meetlat::evidence {
namespace {

TEST(CellValueTest, BooleansInEnglishDutchAndDigitsAnyCase) {
  for (auto yes : {"true", "TRUE", "1", "ja", "Ja", "yes", "YES"}) {
    EXPECT_EQ(parse_bool(yes), true) << yes;
  }
  for (auto no : {"false", "False", "0", "nee", "NEE", "no"})
    EXPECT_EQ(parse_bool(no), false) << no;
  for (auto bad : {"", "y", "2", "waar", "truee"}) EXPECT_FALSE(parse_bool(bad)) << bad;
}

TEST(CellValueTest, NumbersAreWholeDecimalTexts) {
  EXPECT_EQ(parse_number("12"), 12.0);
  EXPECT_EQ(parse_number("-3.5"), -3.5);
  EXPECT_EQ(parse_number("+7"), 7.0);
  EXPECT_EQ(parse_number("1e3"), 1000.0);
  for (auto bad : {"", "12ms", "1,5", "nan", "inf", "+", "++1", "0x10"}) {
    EXPECT_FALSE(parse_number(bad)) << bad;
  }
}

// The fast path for plain decimals ("143.4") must give the double std::strtod gives, the nearest
// to the decimal, for every number of digits and every place of the point.
TEST(CellValueTest, PlainDecimalsAreTheNearestDouble) {
  std::mt19937_64 random(11);
  for (int n = 0; n < 200000; ++n) {
    const int digits = 1 + static_cast<int>(random() % 16);
    std::string text;
    for (int i = 0; i < digits; ++i) text += static_cast<char>('0' + random() % 10);
    if (digits > 1 && random() % 4 != 0) {
      text.insert(1 + random() % static_cast<std::uint64_t>(digits - 1), ".");
    }
    const auto parsed = parse_number(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, std::strtod(text.c_str(), nullptr)) << text;
  }
  EXPECT_EQ(parse_number("143.4"), 143.4);
  EXPECT_EQ(parse_number("0.1"), 0.1);
  EXPECT_EQ(parse_number("9007199254740993"), 9007199254740992.0);  // 16 digits: from_chars
  EXPECT_EQ(parse_number("5."), 5.0);
  EXPECT_EQ(parse_number(".5"), 0.5);
  for (auto bad : {"1..5", "1.5.", "1.2.3", "."}) EXPECT_FALSE(parse_number(bad)) << bad;
}

TEST(CellValueTest, PercentRatiosEqualTheirDecimalSpelling) {
  EXPECT_EQ(parse_ratio("93%"), parse_ratio("0.93"));
  EXPECT_EQ(parse_ratio("93.5%"), parse_ratio("0.935"));
  EXPECT_EQ(parse_ratio("100%"), 1.0);
  EXPECT_EQ(parse_ratio("120%"), 1.2);  // out of range is the loader's call
  for (auto bad : {"%", "93 %", "1e2%", "abc%", "0.9x"}) EXPECT_FALSE(parse_ratio(bad)) << bad;
}

}  // namespace
}  // namespace meetlat::evidence

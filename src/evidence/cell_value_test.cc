#include "evidence/cell_value.h"

#include <gtest/gtest.h>

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

TEST(CellValueTest, PercentRatiosEqualTheirDecimalSpelling) {
  EXPECT_EQ(parse_ratio("93%"), parse_ratio("0.93"));
  EXPECT_EQ(parse_ratio("93.5%"), parse_ratio("0.935"));
  EXPECT_EQ(parse_ratio("100%"), 1.0);
  EXPECT_EQ(parse_ratio("120%"), 1.2);  // out of range is the loader's call
  for (auto bad : {"%", "93 %", "1e2%", "abc%", "0.9x"}) EXPECT_FALSE(parse_ratio(bad)) << bad;
}

}  // namespace
}  // namespace meetlat::evidence

#include "evidence/repeated_strings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace meetlat::evidence {
namespace {

struct Column {
  Dictionary dictionary;
  std::vector<std::uint32_t> codes;

  Column() { dictionary.set_distinct(); }
  void add(const std::string& id) {
    codes.push_back(id.empty() ? kMissingCode : dictionary.intern(id));
  }
};

TEST(RepeatedStrings, DistinctDictionaryGivesEqualStringsTheirOwnCodes) {
  Column c;
  c.add("INC-1");
  c.add("INC-1");
  EXPECT_NE(c.codes[0], c.codes[1]);
  EXPECT_EQ(c.dictionary.find("INC-1"), 0u);  // the first one
  EXPECT_EQ(c.dictionary.find("INC-2"), std::nullopt);
}

TEST(RepeatedStrings, ReportsEveryLaterRowWithItsFirstRow) {
  Column c;
  for (const char* id : {"INC-1", "INC-2", "", "INC-1", "", "INC-3", "INC-2", "INC-1"}) c.add(id);
  const std::vector<RepeatedRow> expected{{3, 0}, {6, 1}, {7, 0}};
  EXPECT_EQ(repeated_strings(c.codes, c.dictionary), expected);  // missing cells take no part
}

TEST(RepeatedStrings, NoneAmongDistinctStrings) {
  Column c;
  for (int i = 0; i < 1000; ++i) c.add("INC-" + std::to_string(i));
  EXPECT_TRUE(repeated_strings(c.codes, c.dictionary).empty());
}

// Millions of rows are hashed and partitioned in pieces on several threads: repeats at the very
// first and last rows and across pieces are still found, in row order.
TEST(RepeatedStrings, FindsRepeatsAcrossPiecesOfALargeColumn) {
  Column c;
  const int n = 3'000'000;
  for (int i = 0; i < n; ++i) c.add("T" + std::to_string(i));
  c.add("T0");        // repeats the first row
  c.add("T2999999");  // repeats the last distinct row
  c.add("T1500000");  // from the middle piece
  const std::vector<RepeatedRow> expected{{n, 0}, {n + 1, n - 1}, {n + 2, 1'500'000}};
  EXPECT_EQ(repeated_strings(c.codes, c.dictionary), expected);
}

}  // namespace
}  // namespace meetlat::evidence

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

// Ids in rising order (shorter first: INC-9 before INC-10) have no repeat; an id repeated right
// after itself, or a piece that starts below where the previous one ended, is no longer rising
// and is then found the long way.
TEST(RepeatedStrings, RisingIdsAndTheirExceptions) {
  const int n = 2'500'000;  // several pieces
  Column rising;
  for (int i = 0; i < n; ++i) rising.add(i % 1000 == 7 ? "" : "INC-" + std::to_string(i));
  EXPECT_TRUE(repeated_strings(rising.codes, rising.dictionary).empty());

  Column twice;
  for (int i = 0; i < n; ++i) twice.add("INC-" + std::to_string(i == 1'800'000 ? i - 1 : i));
  EXPECT_EQ(repeated_strings(twice.codes, twice.dictionary),
            (std::vector<RepeatedRow>{{1'800'000, 1'799'999}}));

  // Rising within each piece of 2^20 rows, the second piece starting from INC-0 again: only the
  // check across the cut between pieces sees it.
  Column restart;
  for (int i = 0; i < n; ++i) restart.add("INC-" + std::to_string(i % (1 << 20)));
  const auto repeats = repeated_strings(restart.codes, restart.dictionary);
  ASSERT_EQ(repeats.size(), static_cast<std::size_t>(n - (1 << 20)));
  EXPECT_EQ(repeats.front(), (RepeatedRow{1 << 20, 0}));

  // Falling once inside a piece (at row n / 3).
  const int cut = n / 3;
  Column pieces;
  for (int i = 0; i < n; ++i)
    pieces.add("INC-" + std::to_string(i < cut ? i + 1'000'000 : i - cut));
  const auto across = repeated_strings(pieces.codes, pieces.dictionary);
  ASSERT_FALSE(across.empty());
  EXPECT_EQ(across.front(), (RepeatedRow{cut + 1'000'000, 0}));
}

}  // namespace
}  // namespace meetlat::evidence

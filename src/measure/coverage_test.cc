#include "measure/coverage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using ::testing::ElementsAre;
using testing::ratio;

TEST(Coverage, ShareOfListedFieldsSeen) {
  // Listed iban, bsn, email; seen bsn (twice), email and an unlisted field: 2/3, iban missing.
  const std::vector<std::string_view> listed = {"iban", "bsn", "email"};
  const std::vector<std::string_view> seen = {"email", "bsn", "phone", "bsn"};
  const MeasureResult r = coverage(listed, seen, ratio(Op::kEq, 1, 0));
  EXPECT_DOUBLE_EQ(*r.value, 2.0 / 3.0);
  EXPECT_EQ(r.count, 3);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_THAT(r.failing_items, ElementsAre(0));
}

TEST(Coverage, AllSeenIsMetAndNamesAreCaseSensitive) {
  const std::vector<std::string_view> listed = {"iban"};
  const std::vector<std::string_view> seen = {"iban"};
  EXPECT_EQ(coverage(listed, seen, ratio(Op::kEq, 1, 0)).status, Status::kMet);
  const std::vector<std::string_view> upper = {"IBAN"};
  EXPECT_EQ(coverage(listed, upper, ratio(Op::kEq, 1, 0)).status, Status::kBreached);
}

TEST(Coverage, EmptyListIsNoData) {
  const std::vector<std::string_view> seen = {"iban"};
  const MeasureResult r = coverage({}, seen, ratio(Op::kEq, 1, 0));
  EXPECT_EQ(r.status, Status::kNoData);
  EXPECT_FALSE(r.value.has_value());
}

}  // namespace
}  // namespace meetlat::measure

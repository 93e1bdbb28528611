#include "text/did_you_mean.h"

#include <gtest/gtest.h>

#include <array>

namespace meetlat::text {
namespace {

constexpr std::array<std::string_view, 6> kKeys{"id",   "title",      "measure",
                                                "norm", "objectives", "cadence"};

TEST(DidYouMean, SuggestsTheClosestKnownWord) {
  EXPECT_EQ(did_you_mean("nrom", kKeys), "norm");  // transposition
  EXPECT_EQ(did_you_mean("objectivs", kKeys), "objectives");
  EXPECT_EQ(did_you_mean("messure", kKeys), "measure");
  EXPECT_EQ(did_you_mean("Cadence", kKeys), "cadence");
}

TEST(DidYouMean, StaysQuietWhenNothingIsClose) {
  EXPECT_EQ(did_you_mean("owner", kKeys), std::nullopt);
  EXPECT_EQ(did_you_mean("x", kKeys), std::nullopt);
  EXPECT_EQ(did_you_mean("ttl", kKeys), std::nullopt);
}

TEST(EditDistance, CountsEdits) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

}  // namespace
}  // namespace meetlat::text

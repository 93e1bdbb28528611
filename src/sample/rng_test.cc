#include "sample/rng.h"

#include <gtest/gtest.h>

namespace meetlat::sample {
namespace {

TEST(Rng, SameSeedSameSequence) {
  Rng a = Rng::stream(7, Stream::kTickets, 3);
  Rng b = Rng::stream(7, Stream::kTickets, 3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next(), b.next());
}

TEST(Rng, SubstreamsDiffer) {
  Rng a = Rng::stream(7, Stream::kTickets, 3);
  Rng b = Rng::stream(7, Stream::kTickets, 4);
  Rng c = Rng::stream(7, Stream::kOutages, 3);
  Rng d = Rng::stream(8, Stream::kTickets, 3);
  const auto first = a.next();
  EXPECT_NE(first, b.next());
  EXPECT_NE(first, c.next());
  EXPECT_NE(first, d.next());
}

TEST(Rng, MersenneTwisterIsTheStandardOne) {
  // The standard fixes the 10000th output of a default-seeded mt19937_64; our files depend on it.
  Rng r(5489u);
  std::uint64_t x = 0;
  for (int i = 0; i < 10000; ++i) x = r.next();
  EXPECT_EQ(x, 9981545732273789042ULL);
}

TEST(Rng, UniformAndBelowStayInRange) {
  Rng r(1);
  for (int i = 0; i < 10000; ++i) {
    const double u = r.uniform();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
    EXPECT_LT(r.below(7), 7u);
    const auto v = r.between(-2, 2);
    EXPECT_GE(v, -2);
    EXPECT_LE(v, 2);
  }
}

TEST(Rng, NormalHasUnitSpread) {
  Rng r(2);
  double sum = 0, sum2 = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double z = r.normal();
    sum += z;
    sum2 += z * z;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.02);
  EXPECT_NEAR(sum2 / n, 1.0, 0.03);
}

TEST(Rng, PickGivesDistinctSortedIndexes) {
  Rng r(3);
  const auto picked = r.pick(12, 5);
  ASSERT_EQ(picked.size(), 5u);
  for (std::size_t i = 1; i < picked.size(); ++i) EXPECT_LT(picked[i - 1], picked[i]);
  EXPECT_GE(picked.front(), 0);
  EXPECT_LT(picked.back(), 12);
  EXPECT_EQ(r.pick(3, 10).size(), 3u);
}

}  // namespace
}  // namespace meetlat::sample

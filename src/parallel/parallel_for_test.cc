#include "parallel/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace meetlat::parallel {
namespace {

TEST(ParallelFor, CallsEveryIndexExactlyOnce) {
  for (const std::size_t n : {0, 1, 2, 3, 1000}) {
    std::vector<std::atomic<int>> calls(n);
    parallel_for(n, [&](std::size_t i) { ++calls[i]; });
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(calls[i], 1) << "n=" << n << " i=" << i;
  }
}

TEST(ParallelFor, RethrowsTheWorkersException) {
  EXPECT_THROW(parallel_for(100,
                            [&](std::size_t i) {
                              if (i == 7) throw std::runtime_error("item 7");
                            }),
               std::runtime_error);
}

TEST(Pieces, CoverEveryRowOnceInOrder) {
  EXPECT_EQ((Pieces{0, 4}).count(), 0u);
  for (const std::size_t rows : {1, 3, 4, 5, 8, 9}) {
    const Pieces pieces{rows, 4};
    std::size_t next = 0;
    for (std::size_t p = 0; p < pieces.count(); ++p) {
      EXPECT_EQ(pieces.begin(p), next) << rows;
      EXPECT_GT(pieces.end(p), pieces.begin(p)) << rows;
      EXPECT_LE(pieces.end(p) - pieces.begin(p), 4u) << rows;
      next = pieces.end(p);
    }
    EXPECT_EQ(next, rows);
  }
}

}  // namespace
}  // namespace meetlat::parallel

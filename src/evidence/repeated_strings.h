// Finding the rows of a key column whose string repeats an earlier row's (duplicate ticket ids)
// in a distinct Dictionary (dictionary.h), where equal strings have different codes.
//
// When the strings rise strictly in row order (shorter first, then by bytes: ids exported in
// order), there is no repeat and nothing more is done. Otherwise every string is hashed to 64 bits
// and the hashes are partitioned by their top bits into buckets small enough for the cache, each
// then checked with a small hash set, on all cores; only strings whose hash occurs twice are
// compared as strings. Millions of ids cost a few sequential passes and work in cache-sized pieces
// instead of one cache miss per id in one large hash index.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "evidence/dictionary.h"

namespace meetlat::evidence {

struct RepeatedRow {
  std::uint32_t row = 0;    // a row whose string an earlier row already has
  std::uint32_t first = 0;  // the first row with that string
  bool operator==(const RepeatedRow&) const = default;
};

// The repeats among `codes` (one per row; kMissingCode rows take no part), in row order.
std::vector<RepeatedRow> repeated_strings(std::span<const std::uint32_t> codes,
                                          const Dictionary& dictionary);

}  // namespace meetlat::evidence

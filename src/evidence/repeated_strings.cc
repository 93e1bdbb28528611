#include "evidence/repeated_strings.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "evidence/string_hash.h"
#include "parallel/parallel_for.h"

namespace meetlat::evidence {
namespace {

constexpr int kBucketBits = 12;  // 4096 buckets: a few thousand hashes each for millions of rows
constexpr std::size_t kBuckets = std::size_t{1} << kBucketBits;
constexpr std::size_t kRowsPerPiece = std::size_t{1} << 20;

parallel::Pieces pieces_of(std::span<const std::uint32_t> codes) {
  return {codes.size(), kRowsPerPiece};
}

std::size_t bucket_of(std::uint64_t hash) { return hash >> (64 - kBucketBits); }

// The hashes that occur more than once among `hashes` (of the rows with a code).
std::vector<std::uint64_t> repeated_hashes(std::span<const std::uint32_t> codes,
                                           std::span<const std::uint64_t> hashes) {
  const parallel::Pieces rows = pieces_of(codes);
  const std::size_t pieces = rows.count();
  // Partition by bucket: count per piece, then each piece writes its own part of each bucket.
  std::vector<std::vector<std::size_t>> at(pieces, std::vector<std::size_t>(kBuckets, 0));
  parallel::parallel_for(pieces, [&](std::size_t piece) {
    for (std::size_t row = rows.begin(piece); row < rows.end(piece); ++row) {
      if (codes[row] != kMissingCode) ++at[piece][bucket_of(hashes[row])];
    }
  });
  std::vector<std::size_t> bucket_begin(kBuckets + 1, 0);
  std::size_t total = 0;
  for (std::size_t b = 0; b < kBuckets; ++b) {
    bucket_begin[b] = total;
    for (std::size_t piece = 0; piece < pieces; ++piece) {
      const std::size_t count = at[piece][b];
      at[piece][b] = total;
      total += count;
    }
  }
  bucket_begin[kBuckets] = total;
  std::vector<std::uint64_t> partitioned(total);
  parallel::parallel_for(pieces, [&](std::size_t piece) {
    auto& next = at[piece];
    for (std::size_t row = rows.begin(piece); row < rows.end(piece); ++row) {
      if (codes[row] != kMissingCode) partitioned[next[bucket_of(hashes[row])]++] = hashes[row];
    }
  });
  // Each bucket into a small open-addressing set (in cache: a few thousand hashes) that tells
  // which hashes occur twice; 0 marks an empty slot, so a hash of 0 is counted on the side.
  constexpr std::size_t kGroups = 64;
  std::vector<std::vector<std::uint64_t>> found(kGroups);
  parallel::parallel_for(kGroups, [&](std::size_t group) {
    std::vector<std::uint64_t> set;
    for (std::size_t b = group * kBuckets / kGroups; b < (group + 1) * kBuckets / kGroups; ++b) {
      const std::size_t size = bucket_begin[b + 1] - bucket_begin[b];
      std::size_t slots = 16;
      while (slots < 2 * size) slots *= 2;
      set.assign(slots, 0);
      const std::size_t mask = slots - 1;
      int zeros = 0;
      for (std::size_t i = bucket_begin[b]; i < bucket_begin[b + 1]; ++i) {
        const std::uint64_t h = partitioned[i];
        if (h == 0) {
          if (++zeros == 2) found[group].push_back(0);
          continue;
        }
        std::size_t slot = h & mask;
        while (set[slot] != 0 && set[slot] != h) slot = (slot + 1) & mask;
        if (set[slot] == 0) {
          set[slot] = h;
        } else if (std::find(found[group].begin(), found[group].end(), h) == found[group].end()) {
          found[group].push_back(h);  // repeats are rare: a linear check is enough
        }
      }
    }
  });
  std::vector<std::uint64_t> out;
  for (const auto& f : found) out.insert(out.end(), f.begin(), f.end());
  return out;
}

// Shorter strings first, then by bytes: INC-999999 before INC-1000000.
bool before(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Whether the strings of the rows with a code rise strictly in row order (shorter first, then by
// bytes), which rules out any repeat: ids are often exported in order. Checked in pieces on all
// cores, and across the piece boundaries.
bool strictly_rising(std::span<const std::uint32_t> codes, const Dictionary& dictionary) {
  const parallel::Pieces rows = pieces_of(codes);
  const std::size_t pieces = rows.count();
  std::vector<std::uint8_t> rising(pieces, 1);
  std::vector<std::uint32_t> first(pieces, kMissingCode), last(pieces, kMissingCode);
  parallel::parallel_for(pieces, [&](std::size_t piece) {
    for (std::size_t row = rows.begin(piece); row < rows.end(piece); ++row) {
      const std::uint32_t code = codes[row];
      if (code == kMissingCode) continue;
      if (last[piece] != kMissingCode &&
          !before(dictionary.text(last[piece]), dictionary.text(code))) {
        rising[piece] = 0;
        return;
      }
      if (first[piece] == kMissingCode) first[piece] = code;
      last[piece] = code;
    }
  });
  std::uint32_t previous = kMissingCode;
  for (std::size_t piece = 0; piece < pieces; ++piece) {
    if (rising[piece] == 0) return false;
    if (first[piece] == kMissingCode) continue;
    if (previous != kMissingCode &&
        !before(dictionary.text(previous), dictionary.text(first[piece]))) {
      return false;
    }
    previous = last[piece];
  }
  return true;
}

}  // namespace

std::vector<RepeatedRow> repeated_strings(std::span<const std::uint32_t> codes,
                                          const Dictionary& dictionary) {
  if (strictly_rising(codes, dictionary)) return {};
  const std::size_t n = codes.size();
  std::vector<std::uint64_t> hashes(n);
  const parallel::Pieces rows = pieces_of(codes);
  parallel::parallel_for(rows.count(), [&](std::size_t piece) {
    for (std::size_t row = rows.begin(piece); row < rows.end(piece); ++row) {
      if (codes[row] != kMissingCode) hashes[row] = string_hash(dictionary.text(codes[row]));
    }
  });
  const std::vector<std::uint64_t> suspects = repeated_hashes(codes, hashes);
  std::vector<RepeatedRow> out;
  if (suspects.empty()) return out;
  // Rare: compare the strings of the rows whose hash repeats.
  const std::unordered_set<std::uint64_t> suspect(suspects.begin(), suspects.end());
  std::unordered_map<std::string_view, std::uint32_t> first;
  for (std::size_t row = 0; row < n; ++row) {
    if (codes[row] == kMissingCode || !suspect.contains(hashes[row])) continue;
    const auto [it, inserted] =
        first.emplace(dictionary.text(codes[row]), static_cast<std::uint32_t>(row));
    if (!inserted) out.push_back({static_cast<std::uint32_t>(row), it->second});
  }
  return out;
}

}  // namespace meetlat::evidence

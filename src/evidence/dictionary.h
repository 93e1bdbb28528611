// Interned strings of one column: each distinct string gets a dense code 0, 1, 2, ... in order of
// first appearance, so a column of a million transaction names is a vector of 32-bit codes.
//
// The strings live back to back in one buffer and the index is an open-addressing table of
// (hash, code) pairs: two allocations that grow geometrically, not one per string.
//
// A dictionary can instead be made `distinct` (set_distinct): for a column that is its file's
// whole key (tickets.id), whose strings must differ anyway, every intern() appends a new code
// without any lookup, so five million ids cost their bytes and offsets and no index. Equal
// strings then get different codes; the loader finds them afterwards (repeated_strings.h).
//
// Not thread-safe for writing; const access may be shared. Views returned by text() stay valid
// until the next intern().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/huge_page_allocator.h"
#include "evidence/string_hash.h"

namespace meetlat::evidence {

// The code of a missing (empty) string cell.
inline constexpr std::uint32_t kMissingCode = 0xFFFFFFFFu;

class Dictionary {
 public:
  // The code of `text`, adding it when new (always a new code when distinct()). Throws
  // std::length_error when the column's text would exceed 4 GiB.
  std::uint32_t intern(std::string_view text);
  // Makes every later intern() append its string as a new code (see above). Call before the
  // first intern().
  void set_distinct() { distinct_ = true; }
  bool distinct() const { return distinct_; }
  // Appends every string of `other` (both distinct()) as new codes, in order: other's code c is
  // this dictionary's code base + c, where base is the size() before the call.
  void append_distinct(const Dictionary& other);
  // The code of `text` when present (the first such code of a distinct dictionary, found by a
  // scan).
  std::optional<std::uint32_t> find(std::string_view text) const;
  // The string of a code; `code` must be < size().
  std::string_view text(std::uint32_t code) const {
    const std::size_t begin = starts_.at(code);
    return std::string_view(bytes_).substr(begin, starts_[code + 1] - begin);
  }
  std::size_t size() const { return starts_.size() - 1; }
  // Makes room for `strings` distinct strings without rehashing (a hint).
  void reserve(std::size_t strings);

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t code = kMissingCode;  // kMissingCode: empty slot
  };
  // The first strings are also kept as (length, first 16 bytes) and searched linearly: a column
  // of a few distinct names (transaction names, priorities, categories) then needs no hash.
  static constexpr std::size_t kSmall = 16;
  struct SmallKey {
    std::uint64_t head = 0, next = 0;  // bytes 0..7 and 8..15 (short strings: see small_key)
    std::size_t size = 0;
  };
  static SmallKey small_key(std::string_view text);
  // The code of `text` among the first kSmall strings, or kMissingCode.
  std::uint32_t find_small(std::string_view text) const;

  static std::uint32_t hash_of(std::string_view text);
  std::optional<std::uint32_t> scan(std::string_view text) const;
  // The slot holding `text`, or the empty slot where it would go.
  std::size_t probe(std::string_view text, std::uint32_t hash) const;
  void rehash(std::size_t slots);

  std::string bytes_;  // every string, back to back
  // code → offset in bytes_; one extra at the end. 32 bits: a column holds at most 4 GiB of
  // text (intern() throws std::length_error beyond), and five million ids cost 20 MB less.
  std::vector<std::uint32_t> starts_{0};
  using Slots = std::vector<Slot, HugePageAllocator<Slot>>;
  Slots slots_ = Slots(16);  // power of two, at most half full
  SmallKey small_[kSmall];   // of codes 0 .. min(size(), kSmall) - 1
  bool distinct_ = false;    // no index: every intern() appends
};

}  // namespace meetlat::evidence

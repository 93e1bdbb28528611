// Interned strings of one column: each distinct string gets a dense code 0, 1, 2, ... in order of
// first appearance, so a column of a million transaction names is a vector of 32-bit codes.
//
// Not thread-safe for writing; const access may be shared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace meetlat::evidence {

// The code of a missing (empty) string cell.
inline constexpr std::uint32_t kMissingCode = 0xFFFFFFFFu;

class Dictionary {
 public:
  // The code of `text`, adding it when new.
  std::uint32_t intern(std::string_view text);
  // The code of `text` when present.
  std::optional<std::uint32_t> find(std::string_view text) const;
  // The string of a code; `code` must be < size().
  std::string_view text(std::uint32_t code) const { return strings_.at(code); }
  std::size_t size() const { return strings_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> strings_;
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> codes_;
};

}  // namespace meetlat::evidence

// UTF-8 validity, for text that meetlat keeps and prints (contract names, evidence ids): every
// output (JSON above all) is UTF-8, so text that is not is refused where it comes in, with its
// place, instead of failing later. The policy, in docs/evidence.md and docs/contract.md: input
// files are UTF-8; an export in another encoding (Windows-1252 is common) is to be saved as
// UTF-8 first.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace meetlat::text {

// The offset of the first byte of `s` that does not begin a well-formed UTF-8 sequence (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or nullopt when all of `s` is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view s);

inline bool is_utf8(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return !first_invalid_utf8(s).has_value();
  }
  return true;
}

}  // namespace meetlat::text

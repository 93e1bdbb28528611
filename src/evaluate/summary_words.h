// The words summaries are written in (evidence::SummarisingSink, row_sink.h): 64-bit unsigned
// integers, little-endian, so that a tally kept by one machine reads the same on another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace meetlat::evaluate {

// Appends `word` to `out` as eight bytes, least significant first.
inline void put_word(std::uint64_t word, std::string& out) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((word >> (8 * i)) & 0xffu);
}

// The word at byte `at` of `bytes`; the caller has checked that eight bytes are there.
inline std::uint64_t word_at(std::string_view bytes, std::size_t at) {
  std::uint64_t word = 0;
  for (int i = 7; i >= 0; --i) {
    word = (word << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return word;
}

}  // namespace meetlat::evaluate

#include "evidence/cell_value.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace meetlat::evidence {
namespace {

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<bool> parse_bool(std::string_view text) {
  for (std::string_view yes : {"true", "1", "ja", "yes"}) {
    if (equals_ignoring_case(text, yes)) return true;
  }
  for (std::string_view no : {"false", "0", "nee", "no"}) {
    if (equals_ignoring_case(text, no)) return false;
  }
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view text) {
  // Whole numbers of up to 15 digits (durations in ms, counts) are exactly their integer value:
  // read without from_chars.
  if (!text.empty() && text.size() <= 15) {
    std::uint64_t whole = 0;
    bool digits = true;
    for (const char c : text) {
      const auto d = static_cast<unsigned>(c - '0');
      if (d > 9) {
        digits = false;
        break;
      }
      whole = whole * 10 + d;
    }
    if (digits) return static_cast<double>(whole);
  }
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() == '+') return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_ratio(std::string_view text) {
  if (text.empty() || text.back() != '%') return parse_number(text);
  text.remove_suffix(1);
  // "93.5%" is read as "93.5e-2" so the result is the double nearest to 0.935, rounded once.
  std::array<char, 64> buffer{};
  if (text.empty() || text.size() + 3 > buffer.size()) return std::nullopt;
  for (char c : text) {
    if (c == 'e' || c == 'E') return std::nullopt;
  }
  std::size_t n = text.copy(buffer.data(), text.size());
  for (char c : std::string_view("e-2")) buffer[n++] = c;
  return parse_number(std::string_view(buffer.data(), n));
}

}  // namespace meetlat::evidence

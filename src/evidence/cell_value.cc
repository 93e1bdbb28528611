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

namespace {

constexpr std::array<double, 16> kPowersOfTen = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// "143", "143.4", "0.25": digits with at most one point between digits, at most 15 digits in all
// (durations in ms, counts, ratios as export tools write them). The digits without the point are
// an integer below 2^53 and the divisor a power of ten below 2^53, both exact doubles, so the
// quotient, which IEEE 754 rounds correctly, is the double nearest to the decimal: the value
// std::from_chars gives (Clinger's fast path). nullopt for anything else (from_chars decides).
std::optional<double> parse_plain_decimal(std::string_view text) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  std::uint64_t digits = 0;
  std::size_t point = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto d = static_cast<unsigned>(text[i] - '0');
    if (d <= 9) {
      digits = digits * 10 + d;
    } else if (text[i] == '.' && point == std::string_view::npos && i != 0 &&
               i + 1 != text.size()) {
      point = i;
    } else {
      return std::nullopt;
    }
  }
  if (point == std::string_view::npos) {
    if (text.size() > 15) return std::nullopt;
    return static_cast<double>(digits);
  }
  return static_cast<double>(digits) / kPowersOfTen[text.size() - 1 - point];
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  if (const auto plain = parse_plain_decimal(text)) return plain;
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

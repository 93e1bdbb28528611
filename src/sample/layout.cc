#include "sample/layout.h"

#include "sample/text_format.h"

namespace meetlat::sample {

std::optional<StampStyle> parse_stamp_style(std::string_view word) {
  if (word == "mixed") return StampStyle::kMixed;
  if (word == "local") return StampStyle::kLocal;
  if (word == "local-t") return StampStyle::kLocalT;
  if (word == "local-ms") return StampStyle::kLocalMs;
  if (word == "offset") return StampStyle::kOffset;
  if (word == "utc") return StampStyle::kUtc;
  if (word == "utc-ms") return StampStyle::kUtcMs;
  return std::nullopt;
}

std::optional<DurationStyle> parse_duration_style(std::string_view word) {
  if (word == "integer") return DurationStyle::kInteger;
  if (word == "decimal") return DurationStyle::kDecimal;
  return std::nullopt;
}

char* put_stamp(char* out, time::Instant t, StampStyle style, std::chrono::seconds offset) {
  const bool utc = style == StampStyle::kUtc || style == StampStyle::kUtcMs;
  const time::Instant shown = utc ? t : t + offset;
  const auto day = std::chrono::floor<std::chrono::days>(shown);
  const auto ms = std::chrono::floor<std::chrono::milliseconds>(shown - day);
  out = put_date(out, std::chrono::local_days{day.time_since_epoch()});
  *out++ = style == StampStyle::kLocal || style == StampStyle::kLocalMs ? ' ' : 'T';
  const auto s = static_cast<unsigned>(ms.count() / 1000);
  out = put_two(out, s / 3600);
  *out++ = ':';
  out = put_two(out, s / 60 % 60);
  *out++ = ':';
  out = put_two(out, s % 60);
  if (style == StampStyle::kLocalMs || style == StampStyle::kUtcMs) {
    const auto m = static_cast<unsigned>(ms.count() % 1000);
    out[0] = '.';
    out[1] = static_cast<char>('0' + m / 100);
    out = put_two(out + 2, m % 100);
  }
  if (utc) {
    *out++ = 'Z';
  } else if (style == StampStyle::kOffset) {
    const auto minutes = static_cast<int>(offset.count() / 60);
    *out++ = minutes < 0 ? '-' : '+';
    const auto a = static_cast<unsigned>(minutes < 0 ? -minutes : minutes);
    out = put_two(out, a / 60);
    *out++ = ':';
    out = put_two(out, a % 60);
  }
  return out;
}

}  // namespace meetlat::sample

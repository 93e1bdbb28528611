#include "sources/stamp_format.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <ctime>
#include <optional>

namespace meetlat::sources {
namespace {

using Micros = std::chrono::microseconds;
using SysMicros = std::chrono::sys_time<Micros>;
using LocalMicros = std::chrono::local_time<Micros>;

std::string two(long long v) {
  std::string out = std::to_string(v);
  return out.size() < 2 ? "0" + out : out;
}

std::string write(std::chrono::sys_days day, Micros since_midnight, bool with_z) {
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss<Micros> hms{since_midnight};
  std::string out = std::to_string(static_cast<int>(ymd.year())) + "-" +
                    two(static_cast<unsigned>(ymd.month())) + "-" +
                    two(static_cast<unsigned>(ymd.day()));
  out += with_z ? 'T' : ' ';
  out += two(hms.hours().count()) + ":" + two(hms.minutes().count()) + ":" +
         two(hms.seconds().count());
  if (const auto micros = hms.subseconds().count(); micros != 0) {
    std::string fraction = std::to_string(micros + 1000000).substr(1);
    while (fraction.back() == '0') fraction.pop_back();
    out += '.' + fraction;
  }
  if (with_z) out += 'Z';
  return out;
}

std::string write_utc(SysMicros t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  return write(day, t - day, true);
}

std::string write_naive(LocalMicros t, NaiveZone zone) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  return write(std::chrono::sys_days{day.time_since_epoch()}, t - day, zone == NaiveZone::kUtc);
}

bool in_years(int year) { return year >= 2000 && year <= 2099; }

template <typename Time>
bool year_ok(Time t) {
  const std::chrono::year_month_day ymd{
      std::chrono::sys_days{std::chrono::floor<std::chrono::days>(t).time_since_epoch()}};
  return in_years(static_cast<int>(ymd.year()));
}

// A wall-clock time and, when the text had one, its offset from UTC.
struct Parsed {
  LocalMicros local{};
  std::optional<std::chrono::seconds> offset;
};

// The local time of the fields, or nullopt when they name no such day or time.
std::optional<LocalMicros> local_of(int year, unsigned month, unsigned day, int hour, int minute,
                                    int second, Micros fraction) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
      second > 59) {
    return std::nullopt;
  }
  const std::chrono::local_days days{ymd};
  return LocalMicros{days} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second} + fraction;
}

// Reads `n` digits at `pos` of `s` into `out`.
bool digits(std::string_view s, std::size_t& pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

// ISO 8601: date, `T` or a space, hh:mm, optional :ss and fraction, optional Z or offset.
std::optional<Parsed> parse_iso(std::string_view s) {
  std::size_t pos = 0;
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!digits(s, pos, 4, year) || !expect(s, pos, '-') || !digits(s, pos, 2, month) ||
      !expect(s, pos, '-') || !digits(s, pos, 2, day) || pos >= s.size() ||
      (s[pos] != 'T' && s[pos] != ' ')) {
    return std::nullopt;
  }
  ++pos;
  if (!digits(s, pos, 2, hour) || !expect(s, pos, ':') || !digits(s, pos, 2, minute)) {
    return std::nullopt;
  }
  Micros fraction{0};
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!digits(s, pos, 2, second)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      long long scale = 100000;
      const std::size_t first = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (pos - first < 6) fraction += Micros{(s[pos] - '0') * scale};
        scale /= 10;
        ++pos;
      }
      if (pos == first || pos - first > 9) return std::nullopt;
    }
  }
  Parsed out;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
    out.offset = std::chrono::seconds{0};
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0;
    int om = 0;
    if (!digits(s, pos, 2, oh)) return std::nullopt;
    if (pos < s.size() && s[pos] == ':') ++pos;
    if (!digits(s, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
    out.offset = std::chrono::seconds{sign * (oh * 3600 + om * 60)};
  }
  if (pos != s.size()) return std::nullopt;
  const auto local = local_of(year, static_cast<unsigned>(month), static_cast<unsigned>(day), hour,
                              minute, second, fraction);
  if (!local) return std::nullopt;
  out.local = *local;
  return out;
}

// A strftime pattern as POSIX strptime reads it (in the C locale meetlat runs in), all of it.
std::optional<Parsed> parse_pattern(std::string_view s, const std::string& pattern) {
  std::tm tm{};
  const std::string text(s);
  const char* end = ::strptime(text.c_str(), pattern.c_str(), &tm);
  if (end == nullptr) return std::nullopt;
  while (*end == ' ') ++end;
  if (*end != '\0') return std::nullopt;
  const auto local =
      local_of(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
               static_cast<unsigned>(tm.tm_mday), tm.tm_hour, tm.tm_min, tm.tm_sec, Micros{0});
  if (!local) return std::nullopt;
  Parsed out;
  out.local = *local;
  if (pattern.find("%z") != std::string::npos) out.offset = std::chrono::seconds{tm.tm_gmtoff};
  return out;
}

std::variant<std::string, StampError> written(const Parsed& parsed, std::string_view cell,
                                              NaiveZone zone) {
  if (!year_ok(parsed.local)) {
    return StampError{"'" + std::string(cell) + "' is outside 2000-2099"};
  }
  if (parsed.offset) {
    return write_utc(SysMicros{parsed.local.time_since_epoch() - *parsed.offset});
  }
  return write_naive(parsed.local, zone);
}

std::variant<std::string, StampError> from_unix(std::string_view cell, double scale) {
  double value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value)) {
    return StampError{"expected a Unix time stamp (a number), not '" + std::string(cell) + "'"};
  }
  const SysMicros t{Micros{std::llround(value * scale)}};
  if (!year_ok(t)) return StampError{"Unix time '" + std::string(cell) + "' is outside 2000-2099"};
  return write_utc(t);
}

}  // namespace

std::variant<std::string, StampError> convert_stamp(std::string_view cell, std::string_view format,
                                                    NaiveZone zone) {
  if (format.empty() || format == "iso") {
    const auto parsed = parse_iso(cell);
    if (!parsed) {
      return StampError{
          "expected an ISO 8601 time stamp (2026-10-05T09:12:00Z, "
          "2026-10-05 09:12), not '" +
          std::string(cell) + "'"};
    }
    return written(*parsed, cell, zone);
  }
  if (format == "unix") return from_unix(cell, 1e6);
  if (format == "unix_ms") return from_unix(cell, 1e3);
  const std::string pattern(format);
  const auto parsed = parse_pattern(cell, pattern);
  if (!parsed) {
    return StampError{"expected a time stamp written as '" + pattern + "', not '" +
                      std::string(cell) + "'"};
  }
  return written(*parsed, cell, zone);
}

std::variant<std::monostate, StampError> check_stamp_format(std::string_view format) {
  if (format.empty() || format == "iso" || format == "unix" || format == "unix_ms") return {};
  if (format.find('%') == std::string_view::npos) {
    return StampError{
        "a time format is iso, unix, unix_ms or a pattern such as "
        "'%d-%m-%Y %H:%M'"};
  }
  return {};
}

}  // namespace meetlat::sources

#include "time/parse.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>

namespace meetlat::time {

namespace {

// A cursor over the text that records the first error. Every reader returns false on error, so
// parsing stops at the first offending character.
class Scanner {
 public:
  Scanner(std::string_view text, ParseError* error) : text_(text), error_(error) {}

  std::size_t pos() const { return pos_; }
  bool at_end() const { return pos_ == text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void skip() { ++pos_; }

  bool fail(std::size_t column, std::string_view message) {
    if (error_ != nullptr) *error_ = ParseError{column, message};
    return false;
  }
  bool fail(std::string_view message) { return fail(pos_, message); }

  // Exactly `width` decimal digits.
  bool digits(int width, int* value, std::string_view message) {
    int v = 0;
    for (int i = 0; i < width; ++i) {
      const char c = peek();
      if (c < '0' || c > '9') return fail(message);
      v = v * 10 + (c - '0');
      skip();
    }
    *value = v;
    return true;
  }

  bool expect(char c, std::string_view message) {
    if (peek() != c) return fail(message);
    skip();
    return true;
  }

 private:
  std::string_view text_;
  ParseError* error_;
  std::size_t pos_ = 0;
};

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool read_date(Scanner& s, Date* out) {
  int y = 0, m = 0, d = 0;
  if (!s.digits(4, &y, "expected a four-digit year")) return false;
  if (!s.expect('-', "expected '-' after the year")) return false;
  const std::size_t month_col = s.pos();
  if (!s.digits(2, &m, "expected a two-digit month")) return false;
  if (m < 1 || m > 12) return s.fail(month_col, "month out of range");
  if (!s.expect('-', "expected '-' after the month")) return false;
  const std::size_t day_col = s.pos();
  if (!s.digits(2, &d, "expected a two-digit day")) return false;
  if (d < 1 || d > days_in_month(y, m)) return s.fail(day_col, "day out of range for the month");
  *out = Date{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
              std::chrono::day{static_cast<unsigned>(d)}};
  return true;
}

// "HH:MM[:SS[.fraction]]" after the date separator.
bool read_time_of_day(Scanner& s, Micros* out) {
  int h = 0, mi = 0, sec = 0;
  const std::size_t hour_col = s.pos();
  if (!s.digits(2, &h, "expected a two-digit hour")) return false;
  if (h > 23) return s.fail(hour_col, "hour out of range");
  if (!s.expect(':', "expected ':' after the hour")) return false;
  const std::size_t minute_col = s.pos();
  if (!s.digits(2, &mi, "expected two-digit minutes")) return false;
  if (mi > 59) return s.fail(minute_col, "minutes out of range");
  std::int64_t frac_us = 0;
  if (s.peek() == ':') {
    s.skip();
    const std::size_t second_col = s.pos();
    if (!s.digits(2, &sec, "expected two-digit seconds")) return false;
    if (sec > 59) return s.fail(second_col, "seconds out of range");
    if (s.peek() == '.') {
      s.skip();
      int n = 0;
      while (s.peek() >= '0' && s.peek() <= '9') {
        if (n == 9) return s.fail("more than 9 fractional digits");
        if (n < 6) frac_us = frac_us * 10 + (s.peek() - '0');
        ++n;
        s.skip();
      }
      if (n == 0) return s.fail("expected digits after '.'");
      for (int i = n; i < 6; ++i) frac_us *= 10;
    }
  }
  *out = Micros{(static_cast<std::int64_t>(h) * 3600 + std::int64_t{mi} * 60 + sec) * 1'000'000 +
                frac_us};
  return true;
}

// "Z", "+HH:MM", "-HH:MM" or "+HHMM"; `offset` is east of UTC.
bool read_offset(Scanner& s, std::chrono::seconds* offset) {
  if (s.peek() == 'Z') {
    s.skip();
    *offset = std::chrono::seconds{0};
    return true;
  }
  const char sign = s.peek();
  if (sign != '+' && sign != '-') return s.fail("expected 'Z', '+HH:MM' or '-HH:MM'");
  s.skip();
  int h = 0, m = 0;
  const std::size_t hour_col = s.pos();
  if (!s.digits(2, &h, "expected a two-digit offset hour")) return false;
  if (h > 23) return s.fail(hour_col, "offset hour out of range");
  if (s.peek() == ':') s.skip();
  const std::size_t minute_col = s.pos();
  if (!s.digits(2, &m, "expected two-digit offset minutes")) return false;
  if (m > 59) return s.fail(minute_col, "offset minutes out of range");
  const int secs = h * 3600 + m * 60;
  *offset = std::chrono::seconds{sign == '-' ? -secs : secs};
  return true;
}

// The number of one duration part: up to 9 digits, optionally a fraction (kept to µs).
bool read_duration_number(Scanner& s, std::int64_t* value, std::int64_t* frac_us,
                          bool* has_fraction) {
  const std::size_t number_col = s.pos();
  int n = 0;
  for (; s.peek() >= '0' && s.peek() <= '9'; s.skip()) {
    if (++n > 9) return s.fail(number_col, "number too large");
    *value = *value * 10 + (s.peek() - '0');
  }
  if (n == 0) return s.fail("expected a number");
  *has_fraction = s.peek() == '.';
  if (!*has_fraction) return true;
  s.skip();
  int f = 0;
  for (; s.peek() >= '0' && s.peek() <= '9'; ++f, s.skip()) {
    if (f < 6) *frac_us = *frac_us * 10 + (s.peek() - '0');
  }
  if (f == 0) return s.fail("expected digits after '.'");
  for (; f < 6; ++f) *frac_us *= 10;
  return true;
}

// Eight bytes of `p` as one little-endian word (the fixed layouts are read a word at a time).
std::uint64_t word_at(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// A byte mask: 0xFF at each byte index of `bytes`.
constexpr std::uint64_t byte_mask(std::initializer_list<int> bytes) {
  std::uint64_t m = 0;
  for (const int b : bytes) m |= std::uint64_t{0xFF} << (8 * b);
  return m;
}

// Word `w` with its bytes under `digits` turned from '0'..'9' into 0..9 (others 0), or nullopt
// when one of them is not a digit. The +0x76 test flags bytes of 10 and more; its carry out of a
// byte of 0x8A or more can only flag more, and such a byte is flagged by its own high bit.
std::optional<std::uint64_t> digit_values(std::uint64_t w, std::uint64_t digits) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const std::uint64_t t = (w ^ 0x3030303030303030ull) & digits;
  if (((t + (0x7676767676767676ull & digits)) | t) & kHigh & digits) return std::nullopt;
  return t;
}

// The value of the digits at bytes [at, at + width) of a word from digit_values().
int digits_at(std::uint64_t t, int at, int width) {
  int v = 0;
  for (int i = at; i < at + width; ++i) v = v * 10 + static_cast<int>((t >> (8 * i)) & 0xFF);
  return v;
}

// A time stamp in one of the fixed layouts read without the general parser: the day and the
// time of day in µs, and whether it has an offset ('Z' is +00:00) or none (wall-clock time).
struct FixedStamp {
  std::chrono::sys_days day;
  std::int64_t time_of_day_us;
  bool zoned;
  std::int64_t offset_s = 0;  // east of UTC, when zoned
};

// "YYYY-MM-DDTHH:MM:SS.mmmZ" or "YYYY-MM-DDTHH:MM:SSZ" (the layout APMs write),
// "YYYY-MM-DDTHH:MM:SS+HH:MM" (or '-'), and "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SS",
// also with ".mmm" (wall-clock time, the layout of ticket systems and databases); nullopt for
// anything else (the general parser then decides and explains). Accepts only what the general
// parser reads to the same value; reads no byte outside `text`.
std::optional<FixedStamp> parse_fixed(std::string_view text) {
  const std::size_t n = text.size();
  const bool utc = (n == 24 || n == 20) && text.back() == 'Z';
  const bool offset = n == 25 && (text[19] == '+' || text[19] == '-');
  if (!utc && !offset && n != 19 && n != 23) return std::nullopt;
  const bool zoned = utc || offset;
  const char* p = text.data();
  // "YYYY-MM-", "DD HH:MM" (or 'T'), "HH:MM:SS" (bytes 11..18, overlapping the second word).
  const std::uint64_t a = word_at(p), b = word_at(p + 8), c = word_at(p + 11);
  constexpr std::uint64_t kDashes = byte_mask({4, 7});
  constexpr std::uint64_t kTimeColons = byte_mask({2, 5});
  const char between = p[10];
  if ((a & kDashes) != (std::uint64_t{'-'} << 32 | std::uint64_t{'-'} << 56) ||
      (c & kTimeColons) != (std::uint64_t{':'} << 16 | std::uint64_t{':'} << 40) ||
      (between != 'T' && (zoned || between != ' '))) {
    return std::nullopt;
  }
  const auto date_digits = digit_values(a, byte_mask({0, 1, 2, 3, 5, 6}));
  const auto day_digits = digit_values(b, byte_mask({0, 1}));
  const auto time_digits = digit_values(c, byte_mask({0, 1, 3, 4, 6, 7}));
  if (!date_digits || !day_digits || !time_digits) return std::nullopt;
  const int y = digits_at(*date_digits, 0, 4), m = digits_at(*date_digits, 5, 2),
            d = digits_at(*day_digits, 0, 2), h = digits_at(*time_digits, 0, 2),
            mi = digits_at(*time_digits, 3, 2), sec = digits_at(*time_digits, 6, 2);
  int ms = 0;
  if (n == 24 || n == 23) {
    // ".mmm" at bytes 19..22: the word at 15 is "M:SS.mmm".
    const std::uint64_t e = word_at(p + 15);
    if (((e >> 32) & 0xFF) != '.') return std::nullopt;
    const auto ms_digits = digit_values(e, byte_mask({5, 6, 7}));
    if (!ms_digits) return std::nullopt;
    ms = digits_at(*ms_digits, 5, 3);
  }
  std::int64_t offset_s = 0;
  if (offset) {
    // "+HH:MM" at bytes 19..24: the word at 17 is "SS+HH:MM".
    const std::uint64_t e = word_at(p + 17);
    if (((e >> 40) & 0xFF) != ':') return std::nullopt;
    const auto offset_digits = digit_values(e, byte_mask({3, 4, 6, 7}));
    if (!offset_digits) return std::nullopt;
    const int oh = digits_at(*offset_digits, 3, 2), om = digits_at(*offset_digits, 6, 2);
    if (oh > 23 || om > 59) return std::nullopt;
    offset_s = (text[19] == '-' ? -1 : 1) * (std::int64_t{oh} * 3600 + std::int64_t{om} * 60);
  }
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || sec > 59 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  // Consecutive time stamps mostly share their date: remember the last one (per thread).
  thread_local int last_ymd = -1;
  thread_local std::chrono::sys_days last_day{};
  const int ymd = (y * 100 + m) * 100 + d;
  if (ymd != last_ymd) {
    last_day =
        std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
                              std::chrono::day{static_cast<unsigned>(d)}};
    last_ymd = ymd;
  }
  return FixedStamp{
      last_day,
      (static_cast<std::int64_t>(h) * 3600 + std::int64_t{mi} * 60 + sec) * 1'000'000 +
          static_cast<std::int64_t>(ms) * 1000,
      zoned, offset_s};
}

std::optional<ParsedTimestamp> parse_general(std::string_view text, const Zone& zone,
                                             ParseError* error);

}  // namespace

std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, const Zone& zone,
                                               ParseError* error) {
  // One named result, returned on every path, so it is built in place (millions of calls: a
  // result assembled on the stack and copied out as one 16-byte load stalled on its stores).
  std::optional<ParsedTimestamp> out;
  if (const auto fixed = parse_fixed(text)) {
    out.emplace();
    const Micros time_of_day{fixed->time_of_day_us};
    if (fixed->zoned) {
      out->at = Instant{fixed->day} + time_of_day - std::chrono::seconds{fixed->offset_s};
    } else {
      out->at = zone.to_instant(Date{fixed->day.time_since_epoch()}, time_of_day, &out->issue);
    }
  } else {
    out = parse_general(text, zone, error);
  }
  return out;
}

namespace {

// Every layout parse_timestamp accepts, explaining what it does not.
std::optional<ParsedTimestamp> parse_general(std::string_view text, const Zone& zone,
                                             ParseError* error) {
  Scanner s(text, error);
  if (text.empty()) {
    s.fail(0, "empty time stamp");
    return std::nullopt;
  }
  Date day;
  if (!read_date(s, &day)) return std::nullopt;
  ParsedTimestamp out;
  if (s.at_end()) {
    out.date_only = true;
    out.at = zone.to_instant(LocalTime{day}, &out.issue);
    return out;
  }
  if (s.peek() != 'T' && s.peek() != ' ') {
    s.fail("expected 'T' or a space after the date");
    return std::nullopt;
  }
  s.skip();
  Micros time_of_day{0};
  if (!read_time_of_day(s, &time_of_day)) return std::nullopt;
  if (s.at_end()) {
    out.at = zone.to_instant(LocalTime{day} + time_of_day, &out.issue);
    return out;
  }
  std::chrono::seconds offset{0};
  if (!read_offset(s, &offset)) return std::nullopt;
  if (!s.at_end()) {
    s.fail("unexpected characters after the time stamp");
    return std::nullopt;
  }
  out.at = Instant{std::chrono::sys_days{day.time_since_epoch()}} + time_of_day - offset;
  return out;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text, ParseError* error, const Zone* zone) {
  if (zone != nullptr && text.size() > 10) {
    const auto ts = parse_timestamp(text, *zone, error);
    if (!ts) return std::nullopt;
    return zone->date_of(ts->at);
  }
  Scanner s(text, error);
  if (text.empty()) {
    s.fail(0, "empty date");
    return std::nullopt;
  }
  Date day;
  if (!read_date(s, &day)) return std::nullopt;
  if (!s.at_end()) {
    s.fail("unexpected characters after the date");
    return std::nullopt;
  }
  return day;
}

std::optional<Micros> parse_duration(std::string_view text, ParseError* error) {
  // Units in decreasing order, each at most once: "1d2h30m15s"; seconds may carry a fraction.
  constexpr std::string_view kUnits = "dhms";
  constexpr std::int64_t kUnitUs[4] = {86'400'000'000, 3'600'000'000, 60'000'000, 1'000'000};
  constexpr std::int64_t kMaxDurationUs = kUnitUs[0] * 1'000'000;  // a million days
  Scanner s(text, error);
  if (text.empty()) {
    s.fail(0, "empty duration");
    return std::nullopt;
  }
  std::int64_t total_us = 0;
  std::size_t next_unit = 0;
  while (!s.at_end()) {
    const std::size_t number_col = s.pos();
    std::int64_t value = 0;
    std::int64_t frac_us = 0;
    bool has_fraction = false;
    if (!read_duration_number(s, &value, &frac_us, &has_fraction)) return std::nullopt;
    const std::size_t unit = kUnits.find(s.peek());
    if (s.at_end() || unit == std::string_view::npos) {
      s.fail("expected a unit: d, h, m or s");
      return std::nullopt;
    }
    if (unit < next_unit) {
      s.fail("units must be in the order d, h, m, s, each at most once");
      return std::nullopt;
    }
    if (has_fraction && unit != 3) {
      s.fail(number_col, "only seconds may have a fraction");
      return std::nullopt;
    }
    s.skip();
    next_unit = unit + 1;
    if (value > kMaxDurationUs / kUnitUs[unit]) {
      s.fail(number_col, "duration too large");
      return std::nullopt;
    }
    total_us += value * kUnitUs[unit] + frac_us;
    if (total_us > kMaxDurationUs) {  // each part fits, the sum must too
      s.fail(number_col, "duration too large");
      return std::nullopt;
    }
  }
  return Micros{total_us};
}

std::string format_duration(Micros d) {
  std::int64_t us = d.count();
  std::string out;
  if (us < 0) {
    out += '-';
    us = -us;
  }
  const std::int64_t days = us / 86'400'000'000;
  const std::int64_t hours = us / 3'600'000'000 % 24;
  const std::int64_t minutes = us / 60'000'000 % 60;
  const std::int64_t seconds = us / 1'000'000 % 60;
  const std::int64_t frac_us = us % 1'000'000;
  if (days != 0) out += std::to_string(days) + 'd';
  if (hours != 0) out += std::to_string(hours) + 'h';
  if (minutes != 0) out += std::to_string(minutes) + 'm';
  if (seconds != 0 || frac_us != 0) {
    out += std::to_string(seconds);
    if (frac_us != 0) {
      std::string frac = std::to_string(1'000'000 + frac_us).substr(1);
      while (frac.back() == '0') frac.pop_back();
      out += '.' + frac;
    }
    out += 's';
  }
  if (days == 0 && hours == 0 && minutes == 0 && seconds == 0 && frac_us == 0) out += "0m";
  return out;
}

}  // namespace meetlat::time

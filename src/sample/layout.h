// How the generated evidence is written: the layouts real exports use for the same facts. The
// rows, instants and values are the same in every layout (same seed, same month); only their
// text changes — except that naive local time stamps, as real exports write them, cannot tell the
// two passes of the hour repeated when DST ends apart, and that whole-second layouts drop the
// milliseconds of a transaction or probe (which never moves it out of its minute).
//
// The default is the generator's own mixed layout: wall-clock times for ticket-like files
// ("2026-10-05 09:12:00"), UTC with milliseconds for transactions and probes
// ("2026-10-05T07:12:03.120Z"), integer milliseconds, minimal quoting, LF line ends.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "time/instant.h"

namespace meetlat::sample {

enum class StampStyle {
  kMixed,    // the generator's own (see above)
  kLocal,    // "2026-10-05 09:12:00"      wall-clock time in the contract zone, no offset
  kLocalT,   // "2026-10-05T09:12:00"
  kLocalMs,  // "2026-10-05 09:12:00.120"  with milliseconds
  kOffset,   // "2026-10-05T09:12:00+02:00"
  kUtc,      // "2026-10-05T07:12:00Z"
  kUtcMs,    // "2026-10-05T07:12:00.120Z"
};

enum class DurationStyle {
  kInteger,  // "143"   milliseconds rounded to the nearest whole one
  kDecimal,  // "143.4" milliseconds rounded to a tenth
};

struct Layout {
  StampStyle stamps = StampStyle::kMixed;
  DurationStyle durations = DurationStyle::kInteger;
  bool quote_text = false;  // every text cell (ids, names, codes, booleans, header) in quotes
  bool crlf = false;        // "\r\n" line ends instead of "\n"

  std::string_view line_end() const { return crlf ? "\r\n" : "\n"; }
  // The style of the instants of transactions and probes: in the mixed layout UTC, with
  // milliseconds when `milliseconds`; else the layout's own.
  StampStyle instant_style(bool milliseconds) const {
    if (stamps != StampStyle::kMixed) return stamps;
    return milliseconds ? StampStyle::kUtcMs : StampStyle::kUtc;
  }
};

// The option words of `meetlat generate` ("local-t", "decimal", …); nullopt for anything else.
std::optional<StampStyle> parse_stamp_style(std::string_view word);
std::optional<DurationStyle> parse_duration_style(std::string_view word);
inline constexpr std::string_view kStampStyleWords =
    "mixed, local, local-t, local-ms, offset, utc, utc-ms";

// Longest text put_stamp writes.
inline constexpr int kMaxStampChars = 32;

// The instant `t` in `style`, given the contract zone's UTC offset at `t` (callers writing many
// stamps look it up once a minute; offsets change on whole hours). kMixed is not a style of its
// own here: callers pass the style they mean for the file. Local styles show the wall-clock time;
// whole-second styles drop the fraction of a second. Writes at `out` and returns the end.
char* put_stamp(char* out, time::Instant t, StampStyle style, std::chrono::seconds offset);

}  // namespace meetlat::sample

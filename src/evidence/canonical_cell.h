// The canonical text of a cell: one spelling per value, so that two cells hold the same value
// exactly when their canonical texts are equal, and reading the canonical text back (as a CSV
// cell of the same column, with the same zone) gives the same value bit for bit.
//
//   instant   UTC with "Z": "2026-10-05T07:00:00Z", fractional seconds only when not zero
//             ("…:00.123Z", trailing zeros dropped); a cell that was a bare date (Column::
//             bare_dates) stays a bare date, "2026-10-05", its day in the zone
//   date      "2026-10-05"
//   id, category, text   the text as read (already trimmed)
//   bool      "true" / "false"
//   number, ratio        the shortest decimal that reads back as the same double, never with an
//                        exponent ("0.93", "143.4", "-0"); a ratio as its fraction
//   missing   "" (the empty cell)
//
// Record ids (record_id.h) are made of these texts; the workspace stores evidence in them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "evidence/table.h"
#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::evidence {

// "2026-10-05T07:00:00Z"; "2026-10-05T07:00:00.123Z".
std::string format_utc(time::Instant t);

// Appends the canonical text of `column`'s cell in `row` to `out`. `zone` names the day of a
// bare date in an instant column; nullptr writes such a cell as its instant (record ids, which
// never hold one). The column must have been kept (LoadOptions::kept_columns).
void append_canonical_cell(const Column& column, std::size_t row, const time::Zone* zone,
                           std::string& out);

// append_canonical_cell for the cells of many rows one after the other (an import formats tens of
// millions): a time stamp in the same UTC second as the one before reuses that second's text. One
// per thread.
class CanonicalCellWriter {
 public:
  void append(const Column& column, std::size_t row, const time::Zone* zone, std::string& out);
  // Appends format_utc(t).
  void append_utc(time::Instant t, std::string& out);

 private:
  std::int64_t second_ = std::numeric_limits<std::int64_t>::min();  // whose text second_text_ is
  char second_text_[19] = {};                                       // "2026-10-05T07:00:00"
};

// Appends the shortest fixed text of `value` that reads back as the same double: std::to_chars'
// choice, made from an integer when the value has at most three decimals (most measured values).
void append_number(double value, std::string& out);

}  // namespace meetlat::evidence

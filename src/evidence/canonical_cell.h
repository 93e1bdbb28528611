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

}  // namespace meetlat::evidence

// The id a row of evidence is known by in results (failing_ids, exempted_ids, details) and, in
// the workspace, on re-import. It depends only on the row's content, never on where the row is in
// its source, so reading the same file again, the same rows in another order, or with other rows
// added gives every row the id it had:
//
// - A kind with a key (tickets, siem, ...): the key's cells joined by " " ("INC-1042",
//   "fw 2026-10").
// - A kind without a key (probes, transactions, emissions, api_endpoints, dq_checks,
//   exemptions): its identity columns (identity_columns), canonicalised — an instant in UTC
//   ("2026-10-05T07:00:00Z", fractional seconds when not zero, so "2026-10-05 09:00" in
//   Amsterdam and "2026-10-05T09:00:00+02:00" are one instant), a date as "2026-10-05", a
//   boolean as true/false, text as read — joined by " ": "2026-10-05T07:00:00Z ams". Rows equal
//   in all of them are numbered in source order from the second on: "... #2", "... #3"; which of
//   two such rows is which can only follow their order, but neither can be told apart otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/table.h"

namespace meetlat::evidence {

// The columns of a kind without a key that say what a row is about — when, where, which — as
// opposed to what was measured (up, duration_ms, tco2e, in_openapi): probes at+location,
// transactions at+name, emissions period_start+period_end, api_endpoints
// method+path+checked_on, dq_checks field+checked_on, exemptions evidence+record. Empty for a
// kind with a key. The loader always keeps them in the table (LoadOptions::kept_columns), as it
// keeps the key.
std::span<const std::string_view> identity_columns(std::string_view kind);

// The ids of the rows of one table. Valid while `table` is. Not thread-safe: the occurrence
// numbers of a keyless table are counted on the first call.
class RecordIds {
 public:
  explicit RecordIds(const Table& table);
  std::string operator()(std::size_t row) const;

 private:
  struct Part {
    const Column* column;
  };
  // The canonical text of the identity (or key) columns of `row`, without the occurrence number.
  std::string content(std::size_t row) const;
  // Per row: how many earlier rows have the same content (0 for the first).
  const std::vector<std::uint32_t>& earlier() const;

  const Table& table_;
  std::vector<Part> parts_;
  bool keyed_ = false;
  mutable std::optional<std::vector<std::uint32_t>> earlier_;
};

}  // namespace meetlat::evidence

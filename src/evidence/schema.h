// The evidence files of spec/evidence-and-kpis.md ("Evidence files"): for each kind its file
// name, its columns with their value types, which of them are required, which columns identify a
// row (for duplicate detection) and which pairs of time columns must not run backwards.
//
// The schemas are static data: all_schemas() returns the same immutable vector on every call and
// is safe to call from any thread.
#pragma once

#include <string_view>
#include <vector>

namespace meetlat::evidence {

// How a cell is read and stored (see table.h for the storage and the missing-cell sentinels).
enum class ColumnType {
  kInstant,   // a time stamp: with Z/offset exact, without it wall-clock time in the zone
  kDate,      // a calendar date (*_on columns); a full time stamp is cut to its date in the zone
  kId,        // an identifier (string); part of the file's key when listed in `key`
  kCategory,  // a string from a small set (priority, severity, location, name, status, ...)
  kText,      // free text (string)
  kBool,      // true/false, 1/0, ja/nee, yes/no (case-insensitive)
  kNumber,    // a decimal number ("12", "-3.5", "1e3")
  kRatio,     // "0.93" or "93%"; stored as 0.93; below 0 or above 1 is an error
};

std::string_view column_type_name(ColumnType type);  // "instant", "date", "id", ...

// An extra check on a category column's values: priorities and severities are accepted from
// LoadOptions, a period must read as one (time::parse_period, in the supported years).
enum class Domain { kAny, kPriority, kSeverity, kPeriod };

// Numbers have a range, so that a typo of a few digits (1e308 tonnes of CO2) is refused at the row
// instead of printed as a 300-digit figure: |value| <= kLargestNumber unless a column says less.
inline constexpr double kLargestNumber = 1e12;

struct ColumnSchema {
  std::string_view name;
  ColumnType type = ColumnType::kText;
  bool required = false;
  Domain domain = Domain::kAny;
  bool non_negative = false;        // a number below 0 is an error (durations, counts)
  bool whole = false;               // a count: a number with a fraction is an error
  double largest = kLargestNumber;  // numbers above (or, unless non_negative, below -largest)
                                    // are errors
};

// In the same row, when both cells are present: for time columns `end` must not lie before
// `start`; for number columns `start` (a part, records_correct) must not lie above `end` (its
// whole, records_total).
struct OrderRule {
  std::string_view start;
  std::string_view end;
};

struct FileSchema {
  std::string_view kind;       // "tickets"
  std::string_view file_name;  // "tickets.csv"
  std::vector<ColumnSchema> columns;
  std::vector<std::string_view> key;  // columns that identify a row; empty: rows may repeat
  std::vector<OrderRule> order_rules;

  // Index of a column in `columns`, or -1.
  int column_index(std::string_view name) const;
};

// The 23 evidence files in the order of the spec's table, then latency_histograms.csv (KPI-10
// from histograms), pauses.csv and exemptions.csv.
const std::vector<FileSchema>& all_schemas();

// The schema of a kind ("tickets"), or nullptr.
const FileSchema* find_schema(std::string_view kind);

}  // namespace meetlat::evidence

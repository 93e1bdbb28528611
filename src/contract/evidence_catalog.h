// The evidence kinds of spec/evidence-and-kpis.md and their columns, as the contract loader needs
// them to check that a measure names an existing file and column of the right type. A view of the
// evidence module's schemas (evidence/schema.h, the one table of the files), with the column
// types the loader distinguishes. Built once on first use; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace meetlat::contract {

enum class ColumnType {
  kText,
  kPriority,   // a text that must be one of the contract's priorities
  kSeverity,   // a text that must be one of the contract's severities
  kTimestamp,  // an instant (or a bare date: start of that day)
  kDate,       // a calendar date (*_on columns); a full time stamp is read as its date
  kNumber,
  kRatio,  // 0.93 or 93%
  kBoolean,
};
std::string_view column_type_name(ColumnType t);  // "text", "time stamp", "date", ...

struct EvidenceColumn {
  std::string_view name;
  ColumnType type;
  bool required;
};

struct EvidenceKind {
  std::string_view name;  // "tickets"; the file is name + ".csv"
  std::span<const EvidenceColumn> columns;

  const EvidenceColumn* find_column(std::string_view column) const;
};

// The 23 kinds, in the order of the spec's table, then pauses and exemptions.
std::span<const EvidenceKind> evidence_kinds();
const EvidenceKind* find_evidence_kind(std::string_view name);

// Whether a column holds a point in time (time stamp or date).
inline bool is_time_column(ColumnType t) {
  return t == ColumnType::kTimestamp || t == ColumnType::kDate;
}
inline bool is_number_column(ColumnType t) {
  return t == ColumnType::kNumber || t == ColumnType::kRatio;
}
inline bool is_text_column(ColumnType t) {
  return t == ColumnType::kText || t == ColumnType::kPriority || t == ColumnType::kSeverity;
}

}  // namespace meetlat::contract

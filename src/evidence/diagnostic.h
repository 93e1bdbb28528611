// What loading evidence found wrong (diagnostics: the row is invalid) or worth telling
// (warnings: the row was read, with an assumption), and the summaries shown to a user.
//
// Every one names where it is (RecordPosition): in a text source (a CSV file) a line and a
// column, in a source of records (a JSON document, an API push) a record and a field. The
// message is the same whatever the source: "created_at: bad time stamp '2026-13-01 10:00': month
// out of range" after "tickets.csv:12:17" or after "push 3, record 2, field created_at".
//
// Lines and columns are 1-based. A column counts characters (UTF-8 code points) from the start
// of the line, so it matches what an editor shows; for a cell it is the cell's first character
// (for a quoted cell, the opening quote), for a bad time stamp the offending character inside it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meetlat::evidence {

enum class DiagnosticKind {
  kMalformedCsv,     // unterminated quote, text after a closing quote, more cells than header
  kMissingColumn,    // a required column is not in the header (one per file, line 1)
  kDuplicateColumn,  // the header names a column twice
  kMissingCell,      // a required cell is empty
  kBadTimestamp,     // an instant column that is not a time stamp
  kBadDate,          // a date column that is not a date
  kBadNumber,        // a number column that is not a decimal number
  kBadBool,          // a bool column that is not true/false, 1/0, ja/nee, yes/no
  kBadRatio,         // a ratio column that is not "0.93" or "93%"
  kRatioOutOfRange,  // a ratio below 0 or above 1
  kNegativeValue,    // a negative duration_ms or count
  kUnknownPriority,  // a priority not among LoadOptions::priorities
  kUnknownSeverity,  // a severity not among LoadOptions::severities
  kDuplicateId,      // the row's key was already used on an earlier line
  kEndBeforeStart,   // an end time stamp before the start in the same row
  kUnknownKind,      // exemptions.csv names an evidence kind that cannot be exempted
  kNotUtf8,          // a text cell with bytes that are not UTF-8 (e.g. a Windows-1252 export)
  kOutOfRange,       // a date or time outside the supported years, a number outside its range
  kNotWhole,         // a count with a fraction
  kPartAboveWhole,   // a part above its whole in the same row (records_correct > records_total)
  kBadPeriod,        // a period column (siem.period) that is not a period such as 2026-10
};
// The number of kinds (counts per kind are arrays of this size): the last kind above, plus one.
inline constexpr std::size_t kDiagnosticKinds =
    static_cast<std::size_t>(DiagnosticKind::kBadPeriod) + 1;

// A short, stable name for a kind: "bad time stamp", "duplicate id", ...
std::string_view diagnostic_kind_name(DiagnosticKind kind);

// Where a record, or a value in it, came from, as a user finds it again.
struct RecordPosition {
  RecordPosition() = default;
  // In a text source. Not explicit: `{"tickets.csv", 12, 17}` is a position.
  RecordPosition(std::string source_name, std::uint32_t line_number = 0,  // NOLINT
                 std::uint32_t display_column = 0)
      : source(std::move(source_name)), line(line_number), column(display_column) {}
  // In a source of records: record number `ordinal`, found as `locator`, and its field `name`.
  RecordPosition(std::string source_name, std::uint32_t ordinal, std::string locator,
                 std::string name)
      : source(std::move(source_name)),
        line(ordinal),
        record(std::move(locator)),
        field(std::move(name)) {}

  std::string source;  // the file or document as shown to users ("tickets.csv"), or "push 3"
  // A text source: the 1-based line. A source of records: the record's 1-based ordinal. Either
  // way the positions of one source sort by it, and equal values mean the same record.
  std::uint32_t line = 0;
  std::uint32_t column = 0;  // a text source: the 1-based column (see above); else 0
  std::string record;        // a source of records: how to find the record ("record 2", "/3");
                             // empty in a text source
  std::string field;         // a source of records: the field's name ("created_at"), or empty

  // Whether this is a position in a text source (line and column).
  bool in_text() const { return record.empty(); }
  // A text source: "tickets.csv:12:17"; records: "push 3, record 2, field created_at" (without
  // the field when there is none).
  std::string to_string() const;
  // The record alone: "tickets.csv:12"; "push 3, record 2".
  std::string record_string() const;
};

struct Diagnostic {
  RecordPosition at;  // the cell; for a whole file (a missing column) line 1, column 1
  DiagnosticKind kind = DiagnosticKind::kMalformedCsv;
  std::string message;

  // "tickets.csv:12:17: created_at: bad time stamp '2026-13-01 10:00': month out of range"
  std::string to_string() const;
};

enum class WarningKind {
  kRepeatedLocalTime,  // wall-clock time in the hour repeated when DST ends: earlier instant
  kSkippedLocalTime,   // wall-clock time in the hour skipped when DST starts: moved forward
  kUnrecognisedFile,   // a file in the data folder that is not an evidence file: ignored
};

// Warnings are summarised: one per file, kind and calendar date of the DST change; one per
// unrecognised file.
struct Warning {
  // The first such value (its record); for kUnrecognisedFile only the source: the file's name.
  RecordPosition first;
  WarningKind kind = WarningKind::kRepeatedLocalTime;
  std::string date;  // "2026-10-25": the wall-clock date of the first such time stamp
  std::uint64_t count = 0;
  std::string suggestion;  // kUnrecognisedFile: the evidence file it may have meant, or empty

  // "tickets.csv:812: 3 local times in the hour repeated on 2026-10-25 were read as the earlier
  // instant"; "Outages.csv: not an evidence file, ignored; did you mean outages.csv?"
  std::string to_string() const;
};

// Rows of one file left out because they were invalid, with the count per kind of problem (a row
// with two problems counts under both kinds, once as a row).
struct SkippedRows {
  std::string file;  // the source's name (RecordPosition::source)
  std::uint64_t rows = 0;
  std::vector<std::pair<DiagnosticKind, std::uint64_t>> reasons;  // in DiagnosticKind order

  // "left out 12 rows of tickets.csv: 7 bad time stamp, 5 duplicate id"
  std::string to_string() const;
};

// A report for a user: the first `limit` diagnostics, one a line, then "... and N more" when
// there are more, then the count per kind ("3 bad time stamp, 1 duplicate id").
std::string summarize_diagnostics(const std::vector<Diagnostic>& diagnostics,
                                  std::size_t limit = 50);

}  // namespace meetlat::evidence

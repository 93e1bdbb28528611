// The column table of one evidence file: every column of the file's schema as a typed vector,
// rows in file order, plus the source line of each row (for diagnostics and evidence ids).
//
// Storage per column type, with the value that marks a missing (empty) cell:
//   instant            std::vector<time::Instant>   kMissingInstant (Instant::min()); a cell
//                                                   holding a bare date is the start of that
//                                                   day, flagged in bare_dates
//   date               std::vector<time::Date>      kMissingDate (Date::min())
//   id, category, text std::vector<std::uint32_t>   kMissingCode; codes index the column's
//                                                   Dictionary (a distinct one for the column
//                                                   that is the file's whole key: its equal
//                                                   strings have different codes)
//   bool               std::vector<std::int8_t>     kMissingBool (-1); else 0 or 1
//   number, ratio      std::vector<double>          NaN (test with is_missing / std::isnan);
//                                                   a ratio is stored as a fraction: "93%" is
//                                                   0.93
// An optional column the file does not have is present in the table with every cell missing;
// in_file() tells the two apart.
//
// The typed accessors take a column name and throw std::logic_error when the column does not
// exist, has another type or was not kept (LoadOptions::kept_columns): that is a programmer's
// error, never a data error.
//
// A Table is a value; const access is thread-safe.
#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/dictionary.h"
#include "evidence/schema.h"
#include "time/instant.h"

namespace meetlat::evidence {

inline constexpr time::Instant kMissingInstant = time::Instant::min();
inline constexpr time::Date kMissingDate = time::Date::min();
inline constexpr std::int8_t kMissingBool = -1;

inline bool is_missing(time::Instant t) { return t == kMissingInstant; }
inline bool is_missing(time::Date d) { return d == kMissingDate; }
inline bool is_missing(double x) { return std::isnan(x); }
inline bool is_missing_code(std::uint32_t code) { return code == kMissingCode; }

// On its own cache lines (alignas(64)): the columns of the two parser threads' tables are
// allocated side by side and their vectors' ends are written for every row; sharing a line cost
// the month benchmark 30% (false sharing), depending on where the heap happened to put them.
struct alignas(64) Column {
  const ColumnSchema* schema = nullptr;
  bool in_file = false;  // the file's header had this column
  bool kept = true;      // false: read and checked, then dropped (LoadOptions::kept_columns)
  // Exactly one of these is used, chosen by schema->type.
  std::vector<time::Instant> instants;
  std::vector<time::Date> dates;
  std::vector<std::uint32_t> codes;
  Dictionary dictionary;
  std::vector<double> numbers;
  std::vector<std::int8_t> bools;
  // Instant columns: 1 for a row whose cell was a bare date ("2026-09-18"), which the evaluator
  // reads as the start or the end of that day by the column's role. Grown only when a bare date
  // is met: rows past its end are 0 (most files have none, and pay nothing).
  std::vector<std::uint8_t> bare_dates;

  std::size_t size() const;
};

class Table {
 public:
  explicit Table(const FileSchema& schema);

  const FileSchema& schema() const { return *schema_; }
  std::string_view kind() const { return schema_->kind; }
  std::string_view file_name() const { return schema_->file_name; }
  std::size_t rows() const { return lines_.size(); }

  // The 1-based line of the file on which each row starts.
  std::span<const std::uint32_t> lines() const { return lines_; }

  std::span<const time::Instant> instants(std::string_view column) const;
  // Column::bare_dates of an instant column: may be shorter than rows(); rows past it are 0.
  std::span<const std::uint8_t> bare_dates(std::string_view column) const;
  std::span<const time::Date> dates(std::string_view column) const;
  // Codes of an id, category or text column; decode with dictionary() or text().
  std::span<const std::uint32_t> codes(std::string_view column) const;
  const Dictionary& dictionary(std::string_view column) const;
  // The string in a row of an id, category or text column; "" when missing.
  std::string_view text(std::string_view column, std::size_t row) const;
  // Values of a number or ratio column.
  std::span<const double> numbers(std::string_view column) const;
  std::span<const std::int8_t> bools(std::string_view column) const;
  // Whether the file's header had this column (an optional column may be absent).
  bool in_file(std::string_view column) const;
  // Whether the column's values are in the table (LoadOptions::kept_columns).
  bool column_kept(std::string_view column) const;

  // For the loader: direct access by schema column index.
  Column& column(std::size_t index) { return columns_.at(index); }
  const Column& column(std::size_t index) const { return columns_.at(index); }
  std::vector<std::uint32_t>& mutable_lines() { return lines_; }

  // Appends the rows of `other` (same schema) after this table's, re-coding its strings into
  // this table's dictionaries.
  void append(Table&& other);
  // Reserves room for `rows` rows in every column (a hint; loading 30 million rows without it
  // spends much of its time growing vectors).
  void reserve(std::size_t rows);
  // Keeps only the rows whose flag in `keep` (one per row) is non-zero, in order.
  void keep_rows(const std::vector<std::uint8_t>& keep);
  // Removes every row, keeping the dictionaries and the capacity (streaming, row_sink.h).
  void clear_rows();

 private:
  // The column named `name`; throws std::logic_error when there is none.
  const Column& named(std::string_view name) const;
  // named(), also checking that it was kept and is of one of `types`.
  const Column& typed(std::string_view name, std::initializer_list<ColumnType> types) const;

  const FileSchema* schema_;
  std::vector<Column> columns_;
  std::vector<std::uint32_t> lines_;
};

}  // namespace meetlat::evidence

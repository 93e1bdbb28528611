// Turns records of one evidence file into table rows, checking every cell against the file's
// schema. Internal to the evidence module: load.cc drives it over CSV records, one per parsing
// thread; records_source.cc over records of fields, each field a cell. Both get the same checks
// and the same messages; only the position differs, which a RecordLocator names.
//
// Every row that is well-formed CSV enters the chunk's table, invalid ones with their bad cells
// missing and valid[row] == 0, so that the duplicate check after merging still sees their keys;
// the loader removes them afterwards. Rows that are not well-formed CSV are only counted.
// Lines in a chunk are relative to the chunk's first line until shift_lines().
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/csv_reader.h"
#include "evidence/diagnostic.h"
#include "evidence/load.h"
#include "evidence/load_options.h"
#include "evidence/row_sink.h"
#include "evidence/table.h"

namespace meetlat::evidence {

// On its own cache lines, like Column (table.h): one per parser thread, written for every row.
struct alignas(64) Chunk {
  explicit Chunk(const FileSchema& schema) : table(schema) {}

  Table table;
  std::vector<std::uint8_t> valid;  // per row
  std::vector<Diagnostic> diagnostics;
  std::vector<Warning> warnings;
  std::uint64_t malformed_rows = 0;
  // When set, each valid row goes to the sink and no row stays in the table (row_sink.h); the
  // invalid rows are then only counted here (valid stays empty).
  RowSink* sink = nullptr;
  std::uint64_t invalid_streamed = 0;

  void shift_lines(std::uint32_t by);
  // Appends `other` (the chunk after this one, lines already shifted).
  void append(Chunk&& other);
};

// Where the converter's records are, asked only for a diagnostic or a warning: converting a
// valid row never calls it. A CSV file answers with its line and column (load.cc), a source of
// records with the record and the field (records_source.cc). Called on the converter's thread.
class RecordLocator {
 public:
  static constexpr std::size_t kNoField = static_cast<std::size_t>(-1);
  virtual ~RecordLocator() = default;
  // Character `inner_offset` of the text of `cell`, which is cell `field` of its record (an
  // index into the record's cells, the header's order; kNoField for a place past the record's
  // last cell or a CSV structure problem, whose cell has no text).
  virtual RecordPosition cell(const CsvCell& cell, std::size_t inner_offset,
                              std::size_t field) const = 0;
  // The position of cell `field` of each record that starts at `lines` (values of
  // Table::lines()), in the order of `lines`: for problems found after all rows are read
  // (duplicate ids), when no cell is at hand any more.
  virtual std::vector<RecordPosition> cells_at(std::size_t field,
                                               std::span<const std::uint32_t> lines) const = 0;
  // The name of the source as positions give it ("tickets.csv"; "push 3 (tickets)").
  virtual const std::string& source() const = 0;
  // Where the record at `line` is, inside a message: "on line 12"; "in record 3".
  virtual std::string record_phrase(std::uint32_t line) const = 0;
};

class RowConverter {
 public:
  // `file_column[c]` is the index in the file's header of schema column c, or -1;
  // `header_cells` is the number of header cells; `locator` names positions in the records.
  RowConverter(const FileSchema& schema, std::span<const int> file_column, std::size_t header_cells,
               const RecordLocator& locator, const LoadOptions& options, Chunk& out);

  void add(const CsvRecord& record);

 private:
  using Cell = CsvCell;
  // The cell of schema column `column` in `record`; for a short row, past_end_ set to just past
  // its last cell.
  const Cell* cell_for(std::size_t column, const CsvRecord& record);
  bool convert(std::size_t index, const Cell& cell);
  // Where column `index`'s value of the current row goes: the table, or its emptied scratch.
  Column& column_for(std::size_t index);
  bool convert_instant(Column& column, const Cell& cell);
  bool convert_date(Column& column, const Cell& cell);
  bool convert_string(std::size_t index, Column& column, const Cell& cell);
  bool convert_number(Column& column, const Cell& cell);
  // A period column's value (code `code` of column `index`): a period in the supported years.
  bool check_period(std::size_t index, std::uint32_t code, const Cell& cell);
  bool check_order();
  void push_missing(Column& column);
  void report(const Cell& cell, std::size_t inner_offset, DiagnosticKind kind, std::string message);
  void note_local_time(time::LocalTimeIssue issue, const Cell& cell);
  // The position of `cell` of the current record (RecordLocator::cell).
  RecordPosition position(const Cell& cell, std::size_t inner_offset) const;

  const FileSchema& schema_;
  std::span<const int> file_column_;
  std::size_t header_cells_;
  const RecordLocator& locator_;
  const LoadOptions& options_;
  Chunk& out_;
  std::span<const Cell> cells_;         // the current record's
  std::vector<const Cell*> row_cells_;  // per schema column, into the record or past_end_
  // Per schema column: where the values of a column the table does not keep (Column::kept) go,
  // emptied for each row, so that the order rules can still compare them.
  std::vector<Column> scratch_;
  Cell past_end_;
  // LoadOptions::priority_names of this kind, or nullptr.
  const std::map<std::string, std::string>* priority_names_ = nullptr;
  struct OrderColumns {
    std::size_t start;
    std::size_t end;
  };
  std::vector<OrderColumns> order_columns_;  // per schema_.order_rules
  // Per schema column with a domain: 1 for each dictionary code whose value is known to be
  // accepted (values repeat: each is checked against the accepted list once), for the first
  // kKnownCodes codes.
  static constexpr std::uint32_t kKnownCodes = 1u << 16;
  std::vector<std::vector<std::uint8_t>> accepted_code_;
};

// What follows reading the rows of a file, the same for every source: marks the rows whose key
// repeats an earlier row's key as invalid (a diagnostic at the first key cell, which `locator`
// names; `file_column` as for RowConverter), orders the diagnostics by position, counts the rows
// left out and removes them from the table.
FileLoad finish_load(const FileSchema& schema, std::span<const int> file_column,
                     const RecordLocator& locator, Chunk&& chunk);

}  // namespace meetlat::evidence

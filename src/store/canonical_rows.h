// Evidence as the workspace keeps it: canonical CSV rows (evidence/canonical_cell.h), one line
// per record with every column of the kind's schema in schema order (cells quoted only when they
// hold a comma, a quote or a line break), grouped into segments.
//
// Canonical rows make a re-import cheap to judge: a record is unchanged exactly when its
// canonical row is, whatever the export's spelling ("2026-10-05 09:00" in Amsterdam and
// "2026-10-05T07:00:00Z" are one value). Read back with the kind's header line they give the
// same table, value for value, as the file they came from.
//
// Segments: probes and transactions, the kinds with millions of rows, are kept per UTC month of
// their `at` ("2026-10"), so that a month's import or correction rewrites one month; every other
// kind is one segment (part "").
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/canonical_cell.h"
#include "evidence/row_sink.h"
#include "evidence/schema.h"
#include "evidence/table.h"
#include "store/compression.h"
#include "store/digest.h"
#include "text/csv_cell.h"
#include "time/zone.h"

namespace meetlat::store {

// Cells are written with text::append_csv_cell: as they are, or quoted (quotes doubled) when they
// hold a comma, a quote or a line break.
using text::append_csv_cell;

// "at,name,duration_ms\n": every column of the schema.
std::string canonical_header(const evidence::FileSchema& schema);

// Appends the canonical row of `row` (ending in '\n').
void append_canonical_row(const evidence::Table& table, std::size_t row, const time::Zone& zone,
                          std::string& out);

// append_canonical_row for many rows one after the other (evidence::CanonicalCellWriter). One per
// thread; `zone` outlives it.
class CanonicalRowWriter {
 public:
  explicit CanonicalRowWriter(const time::Zone& zone) : zone_(zone) {}
  void append(const evidence::Table& table, std::size_t row, std::string& out);

 private:
  const time::Zone& zone_;
  evidence::CanonicalCellWriter cells_;
};

// The part of the segment `row` belongs to.
std::string segment_part(const evidence::Table& table, std::size_t row);

// The rows of a table by segment part, in table order within each: as text, or, as join_parts
// gives them, as what storing them as a segment takes, made while they were read.
struct PartRows {
  std::string text;  // canonical rows
  std::uint64_t rows = 0;
  // Or, when `text` is empty: the rows compressed, a zstd frame per piece of a few megabytes in
  // order (compression.h), and the SHA-256 (hex) of their text.
  std::vector<std::string> frames;
  std::string sha256;
  // The rows as `text` (the frames decompressed; they and the digest are dropped).
  void join();
};
// Made in parallel (parallel/parallel_for.h), the same whatever the threads. `rows_done`, when set,
// is told the rows made so far after each piece of 262,144 rows (from the working threads, one
// call at a time).
std::map<std::string, PartRows> canonical_parts(
    const evidence::Table& table, const time::Zone& zone,
    const std::function<void(std::size_t rows)>& rows_done = {});

// Whether a kind is kept per UTC month of its `at` (probes, transactions), else whole.
bool is_partitioned(std::string_view kind);

// The canonical rows of the rows it takes, by segment part, in the order taken: an import streams
// the kinds kept per month (keyless, with millions of rows) through it (evidence/row_sink.h), so
// that no table of them is built. One per parser thread; join_parts() puts their rows together.
//
// A file read in two parts: the first part's sink hashes its own rows as it reads them, the
// second's hashes none; once the first part is read, its thread continues the digests over the
// second part's frames as they are sealed (follow()), so that little is left to hash after both.
class CanonicalRowsSink final : public evidence::RowSink {
 public:
  explicit CanonicalRowsSink(const time::Zone& zone) : writer_(zone) {}  // `zone` outlives it
  void add(const evidence::Table& table, std::size_t row) override;
  void lead(evidence::RowSink& next) override;
  void finish() noexcept override;
  void follow(evidence::RowSink& next) override;

 private:
  friend std::map<std::string, PartRows> join_parts(
      const std::vector<std::shared_ptr<evidence::RowSink>>& sinks);
  // A part's rows are formatted into a piece of about kPieceBytes, allocated once, which is
  // compressed and hashed here, on the reading thread, when full: a month of rows is never held
  // as text (a gigabyte to fault in).
  static constexpr std::size_t kPieceBytes = std::size_t{8} << 20;
  // A part left for another with at least this much in its piece is sealed then and its room
  // freed (less, as when rows of months alternate, stays for when the part comes back).
  static constexpr std::size_t kLeftPieceBytes = std::size_t{1} << 20;
  struct Pieces {
    std::string piece;               // the rows not yet in a frame
    std::deque<std::string> frames;  // the rows before them (a frame never moves once sealed)
    std::unique_ptr<Sha256> digest;  // of the rows in frames, when this sink hashes
    std::uint64_t rows = 0;
  };
  // Compresses the rows of `pieces.piece` (of `part`), which is then empty, and hashes them or,
  // when a sink leads this one, hands the frame to its follow().
  void seal(const std::string& part, Pieces& pieces);
  void seal_all();
  CanonicalRowWriter writer_;
  FrameCompressor compressor_;
  std::map<std::string, Pieces> parts_;
  std::pair<const std::string, Pieces>* current_ = nullptr;
  int at_column_ = -1;  // of the kind's schema
  time::Instant month_begin_ = time::Instant::max(), month_end_ = time::Instant::min();

  // When this sink takes the second part of a file (lead()), shared with the first part's thread:
  bool led_ = false;
  std::mutex mutex_;
  std::condition_variable sealed_or_finished_;
  std::deque<std::pair<const std::string*, const std::string*>> sealed_;  // part, frame: unhashed
  bool finished_ = false;
  std::exception_ptr failure_;  // of sealing in finish()
  // Made by the leading sink's follow(): per part, the digest of the first part's rows of it and
  // then this sink's; `followed` once it holds all of this sink's frames.
  std::map<std::string, Sha256, std::less<>> continued_;
  bool followed_ = false;
};

// The rows of CanonicalRowsSinks (evidence::FileLoad::sinks, in file order) by part, each part's
// rows in the sinks' order, as frames with their digest (PartRows): what canonical_parts gives for
// the table of the same rows, once joined. The digest of a part that more than one sink holds is
// continued over the later sinks' rows, decompressed again (SHA-256 runs in order), unless follow()
// did so while they were read. Empties the sinks.
std::map<std::string, PartRows> join_parts(
    const std::vector<std::shared_ptr<evidence::RowSink>>& sinks);

// The optional columns the table's file had (Table::in_file), comma-separated in schema order.
std::string present_columns(const evidence::Table& table);
// Whether such a list names `column`.
bool column_listed(std::string_view list, std::string_view column);
// The union of two such lists, in schema order.
std::string union_columns(const evidence::FileSchema& schema, std::string_view a,
                          std::string_view b);

// One stored record: its id (evidence/record_id.h, from its canonical cells) and its row.
struct CanonicalRecord {
  std::string id;
  std::string row;  // with its '\n'
};
// The records of canonical rows of `schema`'s kind, in order; rows equal in every identity cell
// of a kind without a key are numbered "#2", "#3", ... in order, as record ids are.
std::vector<CanonicalRecord> canonical_records(const evidence::FileSchema& schema,
                                               std::string_view rows);

}  // namespace meetlat::store

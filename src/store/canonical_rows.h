// Evidence as the workspace keeps it: canonical CSV rows (evidence/canonical_cell.h), one line
// per record with every column of the kind's schema in schema order (cells quoted only when they
// hold a comma, a quote or a line break), grouped into segments. The kinds with millions of rows
// (probes, transactions) are kept in columns instead (column_rows.h), which decode to exactly
// these rows.
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
#include "store/column_rows.h"
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

// The rows of a table by segment part, in table order within each: as canonical text, or, as
// join_parts and column_parts give them, as what storing them as a segment takes.
struct PartRows {
  std::string text;  // canonical rows
  std::uint64_t rows = 0;
  // Or, when `text` is empty: the segment's content (the rows in `encoding`: canonical text or
  // columns, column_rows.h) compressed, a zstd frame per piece of a few megabytes in order
  // (compression.h), and the SHA-256 (hex) of the content.
  std::vector<std::string> frames;
  std::string sha256;
  std::string encoding{kCsvEncoding};
  // The rows as canonical `text` of `schema` (the frames decompressed and decoded; they and the
  // digest are dropped, and the encoding is "csv").
  void join(const evidence::FileSchema& schema);
};
// Made in parallel (parallel/parallel_for.h), the same whatever the threads. `rows_done`, when set,
// is told the rows made so far after each piece of 262,144 rows (from the working threads, one
// call at a time).
std::map<std::string, PartRows> canonical_parts(
    const evidence::Table& table, const time::Zone& zone,
    const std::function<void(std::size_t rows)>& rows_done = {});

// The rows of a table of a kind kept per month (probes, transactions) by part, as segments in
// columns (frames and digest): what an import stores for them.
std::map<std::string, PartRows> column_parts(const evidence::Table& table, const time::Zone& zone);

// Whether a kind is kept per UTC month of its `at` (probes, transactions), else whole.
bool is_partitioned(std::string_view kind);

// The canonical text of a segment's rows from its stored bytes (Backend::segment_bytes), in either
// encoding. Throws StoreError when they are damaged.
std::string segment_text(const evidence::FileSchema& schema, std::string_view encoding,
                         std::string_view compressed);

// The rows it takes, as segments in columns by part (column_rows.h), in the order taken: an import
// streams the kinds kept per month (keyless, with millions of rows) through it (evidence/
// row_sink.h), so that no table of them is built and no text of them made. One per parser thread;
// join_parts() puts their rows together.
//
// A part's content depends on every row before it in the part (a string is given once, a time
// stamp is a difference), so a file read in two parts has the second part's rows encoded again
// after the first's: the second part's sink keeps its pieces uncompressed, and once the first part
// is read, its thread takes them over as they are sealed (follow()), decoding them and encoding
// them after its own rows, so that little is left after both parts are read.
class CanonicalRowsSink final : public evidence::RowSink {
 public:
  // A part's rows are encoded into a piece of about `piece_bytes`, allocated once, which is
  // compressed and hashed here, on the reading thread, when full (a frame of the segment): a
  // month of rows is never held whole. `zone` outlives the sink.
  static constexpr std::size_t kPieceBytes = std::size_t{4} << 20;
  explicit CanonicalRowsSink(const time::Zone& zone, std::size_t piece_bytes = kPieceBytes)
      : zone_(zone), piece_bytes_(piece_bytes) {}
  void add(const evidence::Table& table, std::size_t row) override;
  void lead(evidence::RowSink& next) override;
  void finish() noexcept override;
  void follow(evidence::RowSink& next) override;

 private:
  friend std::map<std::string, PartRows> join_parts(
      const std::vector<std::shared_ptr<evidence::RowSink>>& sinks);
  struct Pieces {
    std::unique_ptr<ColumnRowsEncoder> encoder;
    std::string piece;               // the rows not yet in a frame
    std::deque<std::string> frames;  // the rows before them
    Sha256 digest;                   // of the content in frames
    std::uint64_t rows = 0;
  };
  Pieces& pieces_of(const std::string& part);
  // Compresses and hashes the rows of `pieces.piece`, which is then empty; when this sink is led,
  // queues them uncompressed instead.
  void seal(const std::string& part, Pieces& pieces);
  void seal_all();
  // Encodes the rows of `content` (a later sink's piece of `part`, decoded by `decoder`, which
  // has read that sink's pieces of the part before it) after this sink's rows of the part.
  void take(const std::string& part, std::string_view content, ColumnRowsDecoder& decoder);
  // Takes every row of a later sink that follow() did not take.
  void take_all(CanonicalRowsSink& later);

  const time::Zone& zone_;
  std::size_t piece_bytes_;
  // A part left for another with at least this much in its piece is sealed then and its room
  // freed (less, as when rows of months alternate, stays for when the part comes back).
  std::size_t left_piece_bytes() const { return piece_bytes_ / 8; }
  const evidence::FileSchema* schema_ = nullptr;
  FrameCompressor compressor_;
  std::map<std::string, Pieces> parts_;
  std::pair<const std::string, Pieces>* current_ = nullptr;
  int at_column_ = -1;  // of the kind's schema
  time::Instant month_begin_ = time::Instant::max(), month_end_ = time::Instant::min();
  std::vector<ColumnCell> row_;  // for take()

  // When this sink takes the second part of a file (lead()), shared with the first part's thread:
  bool led_ = false;
  std::mutex mutex_;
  std::condition_variable sealed_or_finished_;
  std::deque<std::pair<const std::string*, std::string>> handed_;  // part, piece: not yet taken
  bool finished_ = false;
  std::exception_ptr failure_;  // of sealing in finish()
  bool followed_ = false;       // follow() took every row of this sink
};

// The rows of CanonicalRowsSinks (evidence::FileLoad::sinks, in file order) by part, each part's
// rows in the sinks' order, as segments in columns (frames and digest): what column_parts gives
// for the table of the same rows. Empties the sinks.
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

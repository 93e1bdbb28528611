// The "columns" encoding of a segment's rows: the encoding the workspace keeps the kinds with
// millions of rows in (probes, transactions; canonical_rows.h), about a seventh of the bytes of
// their canonical CSV text, made from the values the loader read without writing that text.
// Storing a month of 31 million transactions as text cost its import 3.3 s of CPU to compress and
// hash 1.15 GB; as columns, 0.85 s for 159 MB (bench/README.md, "Workspace").
//
// The content of a segment so encoded is "MLC1" followed by its rows, each cell by the column
// type of the kind's schema, in schema order:
//   instant   a varint u: u odd, a time stamp of (u >> 1) zig-zag µs after the column's previous
//             time stamp (0 before the first); u = 0, missing; else a bare date (Column::
//             bare_dates) of ((u >> 1) - 1) zig-zag days since 1970-01-01
//   date      a varint: 0, missing; else 1 + the zig-zag days after the column's previous date
//   id, category, text   a varint: 0, missing; c + 1, the column's string c (numbered in order of
//             first appearance); the number of strings so far + 1, a new string, followed by
//             its length (a varint) and its bytes
//   bool      a byte: 0 false, 1 true, 2 missing
//   number, ratio        a varint u: u even, the value m / 1000 for m = (u >> 1) zig-zag (every
//             value with at most three decimals below 1e12); u = 1, followed by the double's 8
//             bytes, little-endian (any other value, and missing: NaN)
// Varints are unsigned LEB128. The content is a function of the rows alone: equal rows, equal
// content, equal digest (SHA-256 of the content), however the rows were read or split.
//
// A segment's content is kept as zstd frames of whole rows (compression.h); a decoder reads the
// frames in order, its state carried from one to the next. Decoded, the rows are the canonical
// text of canonical_rows.h, byte for byte, whatever the zone (a bare date is kept as its date).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evidence/canonical_cell.h"
#include "evidence/schema.h"
#include "evidence/table.h"
#include "time/zone.h"

namespace meetlat::store {

// The names a segment's encoding is recorded under (SegmentInfo::encoding).
inline constexpr std::string_view kCsvEncoding = "csv";          // canonical CSV rows
inline constexpr std::string_view kColumnsEncoding = "columns";  // this file's encoding

// One cell of a decoded row.
struct ColumnCell {
  enum class State : std::uint8_t { kMissing, kValue, kBareDate };
  State state = State::kMissing;
  std::int64_t integer = 0;  // instant: µs since 1970; date and bare date: days; bool: 0 or 1
  double number = 0;         // number, ratio
  std::string_view text;     // id, category, text: valid until the decoder's next row
};

class ColumnRowsDecoder;

// Encodes the rows of one segment, in order. One per segment being made; `schema` and `zone` (the
// day of a bare date) outlive it.
class ColumnRowsEncoder {
 public:
  ColumnRowsEncoder(const evidence::FileSchema& schema, const time::Zone& zone);
  // Appends row `row` of `table` (of this encoder's schema).
  void add(const evidence::Table& table, std::size_t row, std::string& out);
  // Appends the row `decoder` (of the same schema) gave last, `row`: content of another encoder's
  // taken over.
  void add(const ColumnRowsDecoder& decoder, const std::vector<ColumnCell>& row, std::string& out);
  std::uint64_t rows() const { return rows_; }

 private:
  // Strings looked up by their text without a copy.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  struct State {
    std::int64_t previous = 0;  // instant µs, date days
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> codes;
    // The codes (+ 1; 0 when not yet looked up) of the strings of the last table's dictionary,
    // and of the last decoder's strings.
    const evidence::Dictionary* table_dictionary = nullptr;
    std::vector<std::uint32_t> by_table_code;
    const ColumnRowsDecoder* decoder = nullptr;
    std::vector<std::uint32_t> by_decoder_code;
  };
  void begin_row(std::string& out);
  // Appends a string cell; returns the varint written (the string's code + 1).
  std::uint32_t add_string(State& state, std::string_view text, std::string& out);
  const evidence::FileSchema& schema_;
  const time::Zone& zone_;
  std::vector<State> states_;  // per column
  std::uint64_t rows_ = 0;
};

// Decodes content made by a ColumnRowsEncoder, a piece (a frame's content: whole rows) at a time.
// Throws StoreError on content that is not such rows (a damaged workspace).
class ColumnRowsDecoder {
 public:
  explicit ColumnRowsDecoder(const evidence::FileSchema& schema);
  // Starts on the next piece of the content.
  void feed(std::string_view piece);
  // The next row of the piece into `row`; false at its end.
  bool next(std::vector<ColumnCell>& row);
  // The number of the string in column `column` of the row next() gave (0, 1, ... in order of
  // first appearance), when it has one.
  std::size_t string_code(std::size_t column) const { return string_codes_[column]; }
  // Appends the canonical text of every row of `piece` (canonical_rows.h); returns their number.
  std::uint64_t append_text(std::string_view piece, std::string& out);

 private:
  std::uint64_t varint();
  const evidence::FileSchema& schema_;
  std::vector<std::int64_t> previous_;             // per column: instant µs, date days
  std::vector<std::vector<std::string>> strings_;  // per column
  std::vector<std::size_t> string_codes_;          // per column: of the last row
  bool started_ = false;                           // the "MLC1" was read
  std::string_view piece_;
  std::size_t at_ = 0;
  evidence::CanonicalCellWriter cells_;
};

}  // namespace meetlat::store

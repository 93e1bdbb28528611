// An RFC 4180 CSV tokenizer over a byte buffer held in memory: comma separators, fields quoted
// with '"' (a doubled quote inside is one quote; separators and line breaks inside are data),
// CRLF or LF line ends. Cells are string_views into the buffer, so reading allocates nothing per
// cell; a quoted cell with doubled quotes is unescaped into a scratch buffer owned by the parser.
// Views stay valid until the next call of next().
//
// Leniencies, all documented in docs/evidence.md: spaces and tabs around a cell are trimmed; a
// quote inside an unquoted cell is data; a line without any character is skipped. A lone CR (not
// followed by LF) is data inside a quoted cell and a structural problem elsewhere: it is neither
// a line end nor silently part of a value. Structural problems (an unterminated quote, text after
// a closing quote, a lone CR) are reported on the record and do not stop the reader.
//
// A parser is single-threaded; several parsers may read disjoint ranges of one buffer at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meetlat::evidence {

struct CsvCell {
  std::string_view text;       // trimmed, unquoted, unescaped
  std::size_t offset = 0;      // byte offset in the buffer of the cell's first character
  std::size_t line_start = 0;  // byte offset in the buffer of the line holding `offset`
  std::uint32_t line = 0;      // line number of `offset`
  bool quoted = false;
};

struct CsvProblem {
  std::string_view message;  // static text; empty when the record is well-formed
  std::size_t offset = 0;
  std::size_t line_start = 0;
  std::uint32_t line = 0;
};

struct CsvRecord {
  std::span<const CsvCell> cells;
  std::uint32_t line = 0;  // the line on which the record starts
  CsvProblem problem;      // the first structural problem, if any
};

class CsvParser {
 public:
  // Reads records from buffer[begin, end). `first_line` is the line number at `begin`.
  CsvParser(std::string_view buffer, std::size_t begin, std::size_t end, std::uint32_t first_line);

  // Reads the next record into `record`; false at the end of the range.
  bool next(CsvRecord& record);

  // Byte offset of the next unread character, and its line number.
  std::size_t position() const { return pos_; }
  std::uint32_t line() const { return line_; }

 private:
  enum class Terminator { kSeparator, kRecordEnd };
  // Reads the record at pos_ when it is one line ending in LF or CRLF, with no quote and no other
  // CR; otherwise reads nothing and returns false (next() then reads it the general way).
  bool next_plain(CsvRecord& record);
  // The offset of the first ',', LF, CR or '"' in [p, end_), or end_: from a mask of 64 bytes
  // kept between calls (a short record and the start of the next lie in one), 16 bytes at a time
  // near the end of the buffer.
  std::size_t next_special_windowed(std::size_t p);
  Terminator read_cell(CsvCell& cell, CsvProblem& problem);
  void read_quoted(std::size_t open, CsvCell& cell, CsvProblem& problem);
  std::size_t scan_unquoted(std::size_t p) const;
  Terminator finish_cell();
  void note_problem(CsvProblem& problem, std::string_view message, std::size_t offset) const;

  std::string_view buffer_;
  std::size_t pos_;
  std::size_t end_;
  std::size_t line_start_;
  std::uint32_t line_;
  std::size_t window_ = static_cast<std::size_t>(-1);  // offset of the masked 64 bytes
  std::uint64_t window_mask_ = 0;                      // bit i: buffer_[window_ + i] is special
  std::vector<CsvCell> cells_;
  std::string scratch_;
  std::vector<std::pair<std::size_t, std::size_t>> scratch_spans_;  // per cell; npos if unused
};

// Offset just past a UTF-8 byte order mark at the start of `buffer`, else 0.
std::size_t skip_bom(std::string_view buffer);

// The 1-based column shown to a user for byte `offset` on the line starting at `line_start`:
// UTF-8 code points, not bytes.
std::uint32_t display_column(std::string_view buffer, std::size_t line_start, std::size_t offset);

// A position in (begin, end] just after a line feed at or after `target`, where a record starts
// unless the buffer has stray quotes: when buffer[begin, end) holds no '"' any line start is a
// record start; otherwise the quotes before the position must be even in number. Returns `end`
// when there is no such position. Callers verify the split by reading up to it (see load.cc).
// `scanned`, when set, is told of each block [from, to) the search has read through (a caller
// reading a mapped file releases those pages).
// `retarget`, when set, is called once with `target` when the quotes before it are counted, and
// returns where to split instead (at or after `target`; e.g. where the parts would now take
// equally long to read); the count then goes on to there.
using ScannedRange = std::function<void(std::size_t from, std::size_t to)>;
using Retarget = std::function<std::size_t(std::size_t target)>;
std::size_t find_split_point(std::string_view buffer, std::size_t begin, std::size_t end,
                             std::size_t target, const ScannedRange& scanned = {},
                             const Retarget& retarget = {});

}  // namespace meetlat::evidence

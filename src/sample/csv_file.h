// A CSV evidence file being written: UTF-8, comma-separated, RFC 4180 quoting, a header row
// first, in the generation's Layout (time stamps, quoting, line ends; sample/layout.h). Output is
// buffered in large blocks; nothing is formatted through iostreams.
//
// Errors (a file that cannot be created or written) throw GenerateError naming the path. Call
// close() to learn about errors of the last block; the destructor closes quietly. One thread
// per file.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sample/layout.h"
#include "sample/text_format.h"
#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::sample {

class GenerateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CsvFile {
 public:
  // `zone` is the contract zone, for layouts that write wall-clock times as instants and back.
  CsvFile(std::filesystem::path path, std::initializer_list<std::string_view> header, Layout layout,
          time::Zone zone);
  ~CsvFile();
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  // Cells of the current row, in header order.
  // Quoted when it holds a comma, quote or line break, or when the layout quotes every text.
  void text(std::string_view value);
  void integer(std::int64_t value);
  void fixed(double value, int decimals);
  void boolean(bool value) { text(value ? "true" : "false"); }
  void day(std::chrono::local_days value);
  // A wall-clock time in the contract zone ("2026-10-05 09:12:00" in the mixed layout).
  void local(std::chrono::local_seconds value);
  void empty() { separator(); }
  void end_row();

  // Whole rows formatted elsewhere in this file's layout (each ending in layout().line_end()),
  // appended as they are.
  void raw_rows(std::string_view rows, std::int64_t row_count);

  void close();

  const std::filesystem::path& path() const { return path_; }
  const Layout& layout() const { return layout_; }
  const time::Zone& zone() const { return zone_; }
  std::int64_t rows() const { return rows_; }  // data rows, without the header
  std::int64_t bytes() const { return bytes_; }

 private:
  void separator() {
    if (cells_++ != 0) buffer_.push_back(',');
  }
  void append(const char* begin, const char* end) { buffer_.append(begin, end); }
  void flush_if_full();
  void flush();

  std::filesystem::path path_;
  Layout layout_;
  time::Zone zone_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  int cells_ = 0;
  std::int64_t rows_ = 0;
  std::int64_t bytes_ = 0;
};

}  // namespace meetlat::sample

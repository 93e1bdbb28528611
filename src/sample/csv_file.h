// A CSV evidence file being written: UTF-8, comma-separated, RFC 4180 quoting, LF line ends,
// a header row first. Output is buffered in large blocks; nothing is formatted through iostreams.
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

#include "sample/text_format.h"
#include "time/instant.h"

namespace meetlat::sample {

class GenerateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CsvFile {
 public:
  CsvFile(std::filesystem::path path, std::initializer_list<std::string_view> header);
  ~CsvFile();
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  // Cells of the current row, in header order.
  void text(std::string_view value);  // quoted when it holds a comma, quote or line break
  void integer(std::int64_t value);
  void fixed(double value, int decimals);
  void boolean(bool value) { text(value ? "true" : "false"); }
  void day(std::chrono::local_days value);
  void local(std::chrono::local_seconds value);  // wall-clock time in the contract zone
  void utc(time::Instant value, bool milliseconds);
  void empty() { separator(); }
  void end_row();

  // Whole rows formatted elsewhere (each ending in '\n'), appended as they are.
  void raw_rows(std::string_view rows, std::int64_t row_count);

  void close();

  const std::filesystem::path& path() const { return path_; }
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
  std::FILE* file_ = nullptr;
  std::string buffer_;
  int cells_ = 0;
  std::int64_t rows_ = 0;
  std::int64_t bytes_ = 0;
};

}  // namespace meetlat::sample

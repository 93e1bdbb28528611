#include "sample/csv_file.h"

#include <cerrno>
#include <cstring>

namespace meetlat::sample {

namespace {

constexpr std::size_t kBlockBytes = std::size_t{4} << 20;

std::string describe(const std::filesystem::path& path, std::string_view what, int error) {
  return "cannot " + std::string(what) + " " + path.string() + ": " + std::strerror(error);
}

}  // namespace

CsvFile::CsvFile(std::filesystem::path path, std::initializer_list<std::string_view> header,
                 Layout layout, time::Zone zone)
    : path_(std::move(path)), layout_(layout), zone_(std::move(zone)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) throw GenerateError(describe(path_, "create", errno));
  buffer_.reserve(kBlockBytes + 4096);
  for (std::string_view name : header) text(name);
  end_row();
  rows_ = 0;
}

CsvFile::~CsvFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void CsvFile::text(std::string_view value) {
  separator();
  if (!layout_.quote_text && value.find_first_of(",\"\r\n") == std::string_view::npos) {
    buffer_.append(value);
    return;
  }
  buffer_.push_back('"');
  for (char c : value) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
}

void CsvFile::integer(std::int64_t value) {
  separator();
  char tmp[kMaxFormattedChars];
  char* p = tmp;
  if (value < 0) *p++ = '-';
  p = put_uint(p,
               value < 0 ? static_cast<std::uint64_t>(-value) : static_cast<std::uint64_t>(value));
  append(tmp, p);
}

void CsvFile::fixed(double value, int decimals) {
  separator();
  char tmp[kMaxFormattedChars];
  append(tmp, put_fixed(tmp, value, decimals));
}

void CsvFile::day(std::chrono::local_days value) {
  separator();
  char tmp[kMaxFormattedChars];
  append(tmp, put_date(tmp, value));
}

void CsvFile::local(std::chrono::local_seconds value) {
  separator();
  if (layout_.stamps == StampStyle::kMixed) {
    char tmp[kMaxFormattedChars];
    append(tmp, put_local(tmp, value));
    return;
  }
  const time::Instant at = zone_.to_instant(time::LocalTime{value});
  char tmp[kMaxStampChars];
  append(tmp, put_stamp(tmp, at, layout_.stamps, zone_.offset(at)));
}

void CsvFile::end_row() {
  buffer_.append(layout_.line_end());
  cells_ = 0;
  ++rows_;
  flush_if_full();
}

void CsvFile::raw_rows(std::string_view rows, std::int64_t row_count) {
  if (buffer_.size() + rows.size() > kBlockBytes) {
    flush();
    if (rows.size() > kBlockBytes) {
      if (std::fwrite(rows.data(), 1, rows.size(), file_) != rows.size()) {
        throw GenerateError(describe(path_, "write", errno));
      }
      bytes_ += static_cast<std::int64_t>(rows.size());
      rows_ += row_count;
      return;
    }
  }
  buffer_.append(rows);
  rows_ += row_count;
}

void CsvFile::flush_if_full() {
  if (buffer_.size() >= kBlockBytes) flush();
}

void CsvFile::flush() {
  if (buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw GenerateError(describe(path_, "write", errno));
  }
  bytes_ += static_cast<std::int64_t>(buffer_.size());
  buffer_.clear();
}

void CsvFile::close() {
  if (file_ == nullptr) return;
  flush();
  std::FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) throw GenerateError(describe(path_, "write", errno));
}

}  // namespace meetlat::sample

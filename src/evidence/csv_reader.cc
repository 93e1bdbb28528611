#include "evidence/csv_reader.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace meetlat::evidence {
namespace {

constexpr std::size_t kNoScratch = static_cast<std::size_t>(-1);

constexpr std::string_view kLoneCarriageReturn =
    "a carriage return (CR) without a line feed: line ends must be LF or CRLF (a file with CR "
    "line ends, as classic Mac programs write, must be saved with LF or CRLF line ends)";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The offset of the first ',', LF, CR or '"' in data[p, end), or `end`. `size` is the whole
// buffer's: blocks of 16 bytes are read while they lie inside it.
std::size_t next_special(const char* data, std::size_t p, std::size_t end, std::size_t size) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                quote = _mm_set1_epi8('"');
  while (p + 16 <= size && p < end) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + p));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, comma), _mm_cmpeq_epi8(block, lf)),
                     _mm_or_si128(_mm_cmpeq_epi8(block, cr), _mm_cmpeq_epi8(block, quote)));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (mask != 0) return std::min(end, p + static_cast<std::size_t>(std::countr_zero(mask)));
    p += 16;
  }
#else
  (void)size;
#endif
  for (; p < end; ++p) {
    const char c = data[p];
    if (c == ',' || c == '\n' || c == '\r' || c == '"') return p;
  }
  return end;
}

// The number of '"' in [from, to): 16 bytes at a time (files that quote every text cell hold two
// quotes a cell, too many for a memchr from one to the next).
std::size_t count_quote_bytes(const char* from, const char* to) {
  std::size_t count = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  while (to - from >= 16) {
    // Each byte lane counts the quotes it saw (a match is -1: subtract it), for at most 255
    // blocks, then the lanes are summed.
    __m128i lanes = _mm_setzero_si128();
    const std::ptrdiff_t blocks = std::min<std::ptrdiff_t>((to - from) / 16, 255);
    for (std::ptrdiff_t b = 0; b < blocks; ++b, from += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(block, quote));
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
  }
#endif
  return count + static_cast<std::size_t>(std::count(from, to, '"'));
}

// Bit i set when data[i] is ',', LF, CR or '"', for the 64 bytes at `data`.
std::uint64_t special_mask64(const char* data) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                quote = _mm_set1_epi8('"');
  std::uint64_t mask = 0;
  for (std::ptrdiff_t i = 0; i < 4; ++i) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, comma), _mm_cmpeq_epi8(block, lf)),
                     _mm_or_si128(_mm_cmpeq_epi8(block, cr), _mm_cmpeq_epi8(block, quote)));
    mask |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(special)))
            << (16 * i);
  }
  return mask;
#else
  std::uint64_t mask = 0;
  for (int i = 0; i < 64; ++i) {
    const char c = data[i];
    if (c == ',' || c == '\n' || c == '\r' || c == '"') mask |= std::uint64_t{1} << i;
  }
  return mask;
#endif
}

}  // namespace

CsvParser::CsvParser(std::string_view buffer, std::size_t begin, std::size_t end,
                     std::uint32_t first_line)
    : buffer_(buffer), pos_(begin), end_(end), line_start_(begin), line_(first_line) {}

std::size_t CsvParser::next_special_windowed(std::size_t p) {
  const char* data = buffer_.data();
  while (p < end_) {
    if (p < window_ || p - window_ >= 64) {
      if (p + 64 > buffer_.size()) return next_special(data, p, end_, buffer_.size());
      window_ = p;
      window_mask_ = special_mask64(data + p);
    }
    const std::uint64_t later = window_mask_ >> (p - window_);
    if (later != 0) return std::min(end_, p + static_cast<std::size_t>(std::countr_zero(later)));
    p = window_ + 64;
  }
  return end_;
}

void CsvParser::note_problem(CsvProblem& problem, std::string_view message,
                             std::size_t offset) const {
  if (!problem.message.empty()) return;
  problem = {message, offset, line_start_, line_};
}

// The end of an unquoted cell starting at `p`: a comma, a line feed, a CR before a line feed or
// at the end, or the end of the range (a quote or a lone CR inside the cell is data).
std::size_t CsvParser::scan_unquoted(std::size_t p) const {
  const char* data = buffer_.data();
  while ((p = next_special(data, p, end_, buffer_.size())) < end_) {
    const char c = data[p];
    if (c == ',' || c == '\n') return p;
    if (c == '\r' && (p + 1 == end_ || data[p + 1] == '\n')) return p;
    ++p;
  }
  return p;
}

void CsvParser::read_quoted(std::size_t open, CsvCell& cell, CsvProblem& problem) {
  const char* data = buffer_.data();
  std::size_t p = open + 1;
  std::size_t scratch_begin = kNoScratch;
  std::size_t piece = p;  // start of the not yet copied part (only with scratch)
  while (true) {
    const char* quote = static_cast<const char*>(std::memchr(data + p, '"', end_ - p));
    const std::size_t q = quote ? static_cast<std::size_t>(quote - data) : end_;
    for (const char* nl = static_cast<const char*>(std::memchr(data + p, '\n', q - p)); nl;
         nl = static_cast<const char*>(std::memchr(nl + 1, '\n', data + q - (nl + 1)))) {
      ++line_;
      line_start_ = static_cast<std::size_t>(nl - data) + 1;
    }
    if (q == end_) {
      if (problem.message.empty()) {
        problem = {"quoted cell is not closed", open, cell.line_start, cell.line};
      }
      p = end_;
      break;
    }
    if (q + 1 < end_ && data[q + 1] == '"') {
      if (scratch_begin == kNoScratch) scratch_begin = scratch_.size();
      scratch_.append(data + piece, q + 1 - piece);  // keeps one quote
      p = piece = q + 2;
      continue;
    }
    p = q;
    break;
  }
  if (scratch_begin != kNoScratch) {
    scratch_.append(data + piece, p - piece);
    scratch_spans_.back() = {scratch_begin, scratch_.size() - scratch_begin};
  }
  cell.text = buffer_.substr(open + 1, p - open - 1);
  pos_ = std::min(p + 1, end_);
  while (pos_ < end_ && is_blank(data[pos_])) ++pos_;
  const std::size_t stop = scan_unquoted(pos_);
  if (stop != pos_) {
    note_problem(problem, "text after the closing quote", pos_);
    pos_ = stop;
  }
}

CsvParser::Terminator CsvParser::finish_cell() {
  if (pos_ >= end_) return Terminator::kRecordEnd;
  const char c = buffer_[pos_];
  if (c == ',') {
    ++pos_;
    return Terminator::kSeparator;
  }
  pos_ += (c == '\r') ? 2 : 1;
  pos_ = std::min(pos_, end_);
  ++line_;
  line_start_ = pos_;
  return Terminator::kRecordEnd;
}

CsvParser::Terminator CsvParser::read_cell(CsvCell& cell, CsvProblem& problem) {
  const char* data = buffer_.data();
  std::size_t start = pos_;
  while (start < end_ && is_blank(data[start])) ++start;
  cell.line = line_;
  cell.line_start = line_start_;
  if (start < end_ && data[start] == '"') {
    cell.offset = start;
    cell.quoted = true;
    read_quoted(start, cell, problem);
    return finish_cell();
  }
  const std::size_t stop = scan_unquoted(pos_);
  std::size_t last = stop;
  while (last > start && is_blank(data[last - 1])) --last;
  if (start < stop) {
    if (const void* cr = std::memchr(data + start, '\r', stop - start)) {
      note_problem(problem, kLoneCarriageReturn,
                   static_cast<std::size_t>(static_cast<const char*>(cr) - data));
    }
  }
  cell.offset = start < last ? start : pos_;
  cell.quoted = false;
  cell.text = buffer_.substr(start, last - std::min(start, last));
  pos_ = stop;
  return finish_cell();
}

bool CsvParser::next_plain(CsvRecord& record) {
  const char* data = buffer_.data();
  std::size_t start = pos_;
  cells_.clear();
  while (true) {
    if (start < end_ && data[start] == '"') {
      // A quoted cell that holds no quote and no line break, followed by its separator or line
      // end (as export tools quote every text cell); anything else is for the general reader.
      std::size_t close = start + 1;
      while ((close = next_special_windowed(close)) < end_ && data[close] == ',') ++close;
      if (close == end_ || data[close] != '"') return false;
      const std::size_t after = close + 1;
      if (after >= end_) return false;
      const char c = data[after];
      const bool crlf = c == '\r' && after + 1 < end_ && data[after + 1] == '\n';
      if (c != ',' && c != '\n' && !crlf) return false;
      cells_.push_back(
          {buffer_.substr(start + 1, close - start - 1), start, line_start_, line_, true});
      start = after + (crlf ? 2 : 1);
      if (c != ',') break;
      continue;
    }
    const std::size_t stop = next_special_windowed(start);
    if (stop == end_) return false;  // the last line: the general reader handles its end
    const char c = data[stop];
    // A CR ends the line only before an LF (CRLF files, e.g. from Excel); a quote, or a lone CR
    // (data), is for the general reader.
    const bool crlf = c == '\r' && stop + 1 < end_ && data[stop + 1] == '\n';
    if (c != ',' && c != '\n' && !crlf) return false;
    std::size_t first = start, last = stop;
    while (first < last && is_blank(data[first])) ++first;
    while (last > first && is_blank(data[last - 1])) --last;
    cells_.push_back({buffer_.substr(first, last - first), first < last ? first : start,
                      line_start_, line_, false});
    start = stop + (crlf ? 2 : 1);
    if (c != ',') break;
  }
  record.problem = {};
  record.line = line_;
  record.cells = cells_;
  pos_ = start;
  ++line_;
  line_start_ = start;
  return true;
}

bool CsvParser::next(CsvRecord& record) {
  while (pos_ < end_) {
    // Most records are one line without quotes or CRs.
    if (next_plain(record)) {
      if (cells_.size() == 1 && !cells_[0].quoted && cells_[0].text.empty()) continue;  // blank
      return true;
    }
    cells_.clear();
    scratch_.clear();
    scratch_spans_.clear();
    record.problem = {};
    record.line = line_;
    Terminator terminator;
    do {
      cells_.emplace_back();
      scratch_spans_.emplace_back(kNoScratch, 0);
      terminator = read_cell(cells_.back(), record.problem);
    } while (terminator == Terminator::kSeparator);
    const bool blank = cells_.size() == 1 && !cells_[0].quoted && cells_[0].text.empty();
    if (blank && record.problem.message.empty()) continue;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      if (scratch_spans_[i].first == kNoScratch) continue;
      cells_[i].text =
          std::string_view(scratch_).substr(scratch_spans_[i].first, scratch_spans_[i].second);
    }
    record.cells = cells_;
    return true;
  }
  return false;
}

std::size_t skip_bom(std::string_view buffer) {
  return buffer.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::uint32_t display_column(std::string_view buffer, std::size_t line_start, std::size_t offset) {
  std::uint32_t column = 1;
  for (std::size_t i = line_start; i < offset && i < buffer.size(); ++i) {
    if ((static_cast<unsigned char>(buffer[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

std::size_t find_split_point(std::string_view buffer, std::size_t begin, std::size_t end,
                             std::size_t target, const ScannedRange& scanned,
                             const Retarget& retarget) {
  const char* data = buffer.data();
  if (target <= begin || target >= end) return end;
  // Only the quotes before the split matter for the parity; counted in blocks (memchr from quote
  // to quote, fast when there are none) so that a caller reading a mapped file can let go of
  // what was read.
  constexpr std::size_t kBlock = std::size_t{8} << 20;
  std::size_t quotes = 0;
  auto count_quotes = [&](std::size_t from, std::size_t to) {
    for (std::size_t p = from; p < to; p += kBlock) {
      const std::size_t stop = std::min(p + kBlock, to);
      quotes += count_quote_bytes(data + p, data + stop);
      if (scanned) scanned(p, stop);
    }
  };
  count_quotes(begin, target);
  if (retarget) {
    const std::size_t later = retarget(target);
    if (later >= end) return end;
    if (later > target) {
      count_quotes(target, later);
      target = later;
    }
  }
  std::size_t p = target;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(data + p, '\n', end - p));
    if (!nl) return end;
    const auto line_end = static_cast<std::size_t>(nl - data);
    quotes += static_cast<std::size_t>(std::count(data + p, nl, '"'));
    if (quotes % 2 == 0) return line_end + 1;
    p = line_end + 1;
  }
  return end;
}

}  // namespace meetlat::evidence

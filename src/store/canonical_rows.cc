#include "store/canonical_rows.h"

#include <algorithm>
#include <mutex>
#include <span>
#include <unordered_map>

#include "evidence/canonical_cell.h"
#include "evidence/csv_reader.h"
#include "evidence/record_id.h"
#include "parallel/parallel_for.h"
#include "store/store_error.h"

namespace meetlat::store {
namespace {

// A UTC month, [begin, end).
struct Month {
  time::Instant begin = time::Instant::max();
  time::Instant end = time::Instant::min();
  bool holds(time::Instant t) const { return t >= begin && t < end; }
  void set(time::Instant t) {
    const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(t)};
    const std::chrono::year_month month = date.year() / date.month();
    begin = std::chrono::sys_days{month / 1};
    end = std::chrono::sys_days{(month + std::chrono::months{1}) / 1};
  }
};

}  // namespace

bool is_partitioned(std::string_view kind) { return kind == "probes" || kind == "transactions"; }

std::string canonical_header(const evidence::FileSchema& schema) {
  std::string out;
  for (std::size_t i = 0; i < schema.columns.size(); ++i) {
    if (i > 0) out += ',';
    out += schema.columns[i].name;
  }
  return out + '\n';
}

void append_canonical_row(const evidence::Table& table, std::size_t row, const time::Zone& zone,
                          std::string& out) {
  CanonicalRowWriter(zone).append(table, row, out);
}

void CanonicalRowWriter::append(const evidence::Table& table, std::size_t row, std::string& out) {
  const std::size_t columns = table.schema().columns.size();
  for (std::size_t i = 0; i < columns; ++i) {
    if (i > 0) out += ',';
    const evidence::Column& column = table.column(i);
    const evidence::ColumnType type = column.schema->type;
    if (type == evidence::ColumnType::kId || type == evidence::ColumnType::kCategory ||
        type == evidence::ColumnType::kText) {
      // Only text can hold a comma, a quote or a line break; its canonical text is as read.
      const std::uint32_t code = column.codes[row];
      if (!evidence::is_missing_code(code)) append_csv_cell(column.dictionary.text(code), out);
    } else {
      cells_.append(column, row, &zone_, out);
    }
  }
  out += '\n';
}

std::string segment_part(const evidence::Table& table, std::size_t row) {
  if (!is_partitioned(table.kind())) return {};
  const time::Instant at = table.instants("at")[row];
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(at)};
  char text[16];
  const int n = std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(day.year()),
                              static_cast<unsigned>(day.month()));
  return {text, static_cast<std::size_t>(n)};
}

std::map<std::string, PartRows> canonical_parts(
    const evidence::Table& table, const time::Zone& zone,
    const std::function<void(std::size_t rows)>& rows_done) {
  // Pieces of rows are formatted in parallel, each into parts of its own; then each part's pieces
  // are joined in row order.
  constexpr std::size_t kPieceRows = 1 << 18;
  const parallel::Pieces pieces{table.rows(), kPieceRows};
  const bool partitioned = is_partitioned(table.kind());
  const std::span<const time::Instant> at =
      partitioned ? table.instants("at") : std::span<const time::Instant>{};
  // The room a piece's text takes, from the first rows, so that it is allocated once.
  std::string sample;
  const std::size_t sampled = std::min<std::size_t>(table.rows(), 1024);
  CanonicalRowWriter sampler(zone);
  for (std::size_t row = 0; row < sampled; ++row) sampler.append(table, row, sample);
  const double bytes_per_row =
      sampled == 0 ? 0.0 : static_cast<double>(sample.size()) / static_cast<double>(sampled);

  std::vector<std::map<std::string, PartRows>> formatted(pieces.count());
  std::mutex telling;
  std::size_t told = 0;
  parallel::parallel_for(pieces.count(), [&](std::size_t p) {
    std::map<std::string, PartRows>& parts = formatted[p];
    // The current part's UTC month, [begin, end): rows mostly come in time order, so the part's
    // name is made once per month, not once per row.
    PartRows* current = nullptr;
    Month month;
    CanonicalRowWriter writer(zone);
    const std::size_t reserve =
        static_cast<std::size_t>(bytes_per_row * 1.1 * static_cast<double>(kPieceRows)) + 4096;
    for (std::size_t row = pieces.begin(p); row < pieces.end(p); ++row) {
      if (current == nullptr || (partitioned && !month.holds(at[row]))) {
        if (partitioned) month.set(at[row]);
        current = &parts[segment_part(table, row)];
        if (current->text.empty()) current->text.reserve(reserve);
      }
      writer.append(table, row, current->text);
      ++current->rows;
    }
    if (rows_done) {
      const std::lock_guard lock(telling);
      told += pieces.end(p) - pieces.begin(p);
      rows_done(told);
    }
  });

  std::map<std::string, PartRows> parts;
  if (!partitioned) parts[""];  // a kind kept whole has its part even without rows
  std::map<std::string, std::size_t> sizes;
  for (const auto& piece : formatted) {
    for (const auto& [part, rows] : piece) sizes[part] += rows.text.size();
  }
  for (const auto& [part, size] : sizes) parts[part].text.reserve(size);
  for (auto& piece : formatted) {
    for (auto& [part, rows] : piece) {
      PartRows& joined = parts[part];
      joined.text += rows.text;
      joined.rows += rows.rows;
      std::string().swap(rows.text);  // the piece's copy is freed as soon as it is joined
    }
  }
  return parts;
}

CanonicalRowsSink::Pieces& CanonicalRowsSink::pieces_of(const std::string& part) {
  Pieces& pieces = parts_.try_emplace(part).first->second;
  if (!pieces.encoder) pieces.encoder = std::make_unique<ColumnRowsEncoder>(*schema_, zone_);
  return pieces;
}

void CanonicalRowsSink::add(const evidence::Table& table, std::size_t row) {
  if (schema_ == nullptr) {
    schema_ = &table.schema();
    at_column_ = schema_->column_index("at");
  }
  const time::Instant at = table.column(static_cast<std::size_t>(at_column_)).instants[row];
  if (current_ == nullptr || !(at >= month_begin_ && at < month_end_)) {
    Month month;
    month.set(at);
    month_begin_ = month.begin;
    month_end_ = month.end;
    const std::string part = segment_part(table, row);
    pieces_of(part);
    auto* next = &*parts_.find(part);
    if (current_ != nullptr && next != current_ &&
        current_->second.piece.size() >= left_piece_bytes()) {
      // The month is left (rows mostly come in time order): its rows go into a frame now and
      // its room is given back, so that a file of many months holds one piece per thread.
      seal(current_->first, current_->second);
      std::string().swap(current_->second.piece);
    }
    current_ = next;
  }
  Pieces& pieces = current_->second;
  if (pieces.piece.size() >= piece_bytes_) seal(current_->first, pieces);
  if (pieces.piece.capacity() < piece_bytes_) pieces.piece.reserve(piece_bytes_ + 4096);
  pieces.encoder->add(table, row, pieces.piece);
  ++pieces.rows;
}

void CanonicalRowsSink::seal(const std::string& part, Pieces& pieces) {
  if (pieces.piece.empty()) return;
  if (led_) {
    std::string piece = std::move(pieces.piece);
    pieces.piece = std::string();
    const std::lock_guard lock(mutex_);
    handed_.emplace_back(&part, std::move(piece));
    sealed_or_finished_.notify_one();
    return;
  }
  pieces.frames.emplace_back(compressor_.frame(pieces.piece));
  pieces.digest.add(pieces.piece);
  pieces.piece.clear();  // its room is kept for the next rows
}

void CanonicalRowsSink::seal_all() {
  for (auto& [part, pieces] : parts_) seal(part, pieces);
}

void CanonicalRowsSink::take(const std::string& part, std::string_view content,
                             ColumnRowsDecoder& decoder) {
  Pieces& pieces = pieces_of(part);
  decoder.feed(content);
  while (decoder.next(row_)) {
    if (pieces.piece.size() >= piece_bytes_) seal(part, pieces);
    pieces.encoder->add(decoder, row_, pieces.piece);
    ++pieces.rows;
  }
}

void CanonicalRowsSink::lead(evidence::RowSink& next) {
  dynamic_cast<CanonicalRowsSink&>(next).led_ = true;
}

void CanonicalRowsSink::finish() noexcept {
  try {
    seal_all();
  } catch (...) {
    failure_ = std::current_exception();
  }
  const std::lock_guard lock(mutex_);
  finished_ = true;
  sealed_or_finished_.notify_one();
}

void CanonicalRowsSink::follow(evidence::RowSink& next) {
  auto& second = dynamic_cast<CanonicalRowsSink&>(next);
  std::map<std::string, ColumnRowsDecoder, std::less<>> decoders;  // per part of `second`
  for (;;) {
    std::pair<const std::string*, std::string> handed;
    {
      std::unique_lock lock(second.mutex_);
      second.sealed_or_finished_.wait(
          lock, [&second] { return !second.handed_.empty() || second.finished_; });
      if (second.handed_.empty()) break;  // finished, and every piece taken
      handed = std::move(second.handed_.front());
      second.handed_.pop_front();
    }
    if (schema_ == nullptr) schema_ = second.schema_;
    const std::string& part = *handed.first;
    auto decoder = decoders.find(part);
    if (decoder == decoders.end()) decoder = decoders.try_emplace(part, *second.schema_).first;
    take(part, handed.second, decoder->second);
  }
  second.followed_ = !second.failure_;
}

void CanonicalRowsSink::take_all(CanonicalRowsSink& later) {
  if (schema_ == nullptr) schema_ = later.schema_;
  later.seal_all();
  std::map<std::string, ColumnRowsDecoder, std::less<>> decoders;
  auto decoder_of = [&decoders, &later](const std::string& part) -> ColumnRowsDecoder& {
    return decoders.try_emplace(part, *later.schema_).first->second;
  };
  // A sink is either led (its pieces handed over uncompressed) or not (its pieces in frames).
  for (auto& [part, piece] : later.handed_) take(*part, piece, decoder_of(*part));
  later.handed_.clear();
  for (auto& [part, pieces] : later.parts_) {
    for (const std::string& frame : pieces.frames) take(part, decompress(frame), decoder_of(part));
  }
}

std::map<std::string, PartRows> join_parts(
    const std::vector<std::shared_ptr<evidence::RowSink>>& sinks) {
  std::map<std::string, PartRows> parts;
  if (sinks.empty()) return parts;
  auto& first = dynamic_cast<CanonicalRowsSink&>(*sinks.front());
  for (const auto& sink : sinks) {
    const auto& rows_sink = dynamic_cast<const CanonicalRowsSink&>(*sink);
    if (rows_sink.failure_) std::rethrow_exception(rows_sink.failure_);
  }
  for (std::size_t i = 1; i < sinks.size(); ++i) {
    auto& later = dynamic_cast<CanonicalRowsSink&>(*sinks[i]);
    if (!later.followed_) first.take_all(later);
    later.parts_.clear();
    later.current_ = nullptr;
  }
  first.seal_all();
  for (auto& [part, pieces] : first.parts_) {
    if (pieces.rows == 0) continue;
    PartRows& joined = parts[part];
    joined.encoding = kColumnsEncoding;
    joined.sha256 = pieces.digest.hex();
    joined.frames.assign(std::make_move_iterator(pieces.frames.begin()),
                         std::make_move_iterator(pieces.frames.end()));
    joined.rows = pieces.rows;
  }
  first.parts_.clear();
  first.current_ = nullptr;
  return parts;
}

std::map<std::string, PartRows> column_parts(const evidence::Table& table, const time::Zone& zone) {
  auto sink = std::make_shared<CanonicalRowsSink>(zone);
  for (std::size_t row = 0; row < table.rows(); ++row) sink->add(table, row);
  return join_parts({sink});
}

std::string segment_text(const evidence::FileSchema& schema, std::string_view encoding,
                         std::string_view compressed) {
  if (encoding == kCsvEncoding) return decompress(compressed);
  if (encoding != kColumnsEncoding) {
    throw StoreError("a stored segment of " + std::string(schema.kind) +
                     " has an encoding this meetlat does not know: " + std::string(encoding));
  }
  ColumnRowsDecoder decoder(schema);
  std::string text;
  for (const Frame& frame : frames_of(compressed)) {
    std::string content(frame.size, '\0');
    decompress_into(frame.compressed, content);
    decoder.append_text(content, text);
  }
  return text;
}

void PartRows::join(const evidence::FileSchema& schema) {
  if (!frames.empty()) {
    std::string stored;
    for (const std::string& frame : frames) stored += frame;
    text += segment_text(schema, encoding, stored);
  }
  frames.clear();
  sha256.clear();
  encoding = kCsvEncoding;
}

std::string present_columns(const evidence::Table& table) {
  std::string out;
  for (const evidence::ColumnSchema& column : table.schema().columns) {
    if (column.required || !table.in_file(column.name)) continue;
    if (!out.empty()) out += ',';
    out += column.name;
  }
  return out;
}

bool column_listed(std::string_view list, std::string_view column) {
  std::size_t begin = 0;
  while (begin < list.size()) {
    std::size_t end = list.find(',', begin);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(begin, end - begin) == column) return true;
    begin = end + 1;
  }
  return false;
}

std::string union_columns(const evidence::FileSchema& schema, std::string_view a,
                          std::string_view b) {
  std::string out;
  for (const evidence::ColumnSchema& column : schema.columns) {
    if (column.required || (!column_listed(a, column.name) && !column_listed(b, column.name))) {
      continue;
    }
    if (!out.empty()) out += ',';
    out += column.name;
  }
  return out;
}

std::vector<CanonicalRecord> canonical_records(const evidence::FileSchema& schema,
                                               std::string_view rows) {
  const bool keyed = !schema.key.empty();
  std::vector<std::size_t> id_columns;
  for (const std::string_view name : keyed ? std::span<const std::string_view>(schema.key)
                                           : evidence::identity_columns(schema.kind)) {
    id_columns.push_back(static_cast<std::size_t>(schema.column_index(name)));
  }
  std::vector<CanonicalRecord> out;
  std::unordered_map<std::string, std::uint32_t> seen;
  evidence::CsvParser parser(rows, 0, rows.size(), 1);
  evidence::CsvRecord record;
  std::size_t begin = 0;
  while (parser.next(record)) {
    std::string id;
    for (std::size_t i = 0; i < id_columns.size(); ++i) {
      if (i > 0) id += ' ';
      if (id_columns[i] < record.cells.size()) id += record.cells[id_columns[i]].text;
    }
    if (!keyed) {
      const std::uint32_t earlier = seen[id]++;
      if (earlier > 0) id += " #" + std::to_string(earlier + 1);
    }
    const std::size_t end = parser.position();
    out.push_back({std::move(id), std::string(rows.substr(begin, end - begin))});
    begin = end;
  }
  return out;
}

}  // namespace meetlat::store

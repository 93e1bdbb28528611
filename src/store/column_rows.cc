#include "store/column_rows.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "store/store_error.h"
#include "text/csv_cell.h"
#include "time/supported_years.h"

namespace meetlat::store {
namespace {

using evidence::ColumnType;

constexpr std::string_view kMagic = "MLC1";
// Instants lie within years 0..9999 (±2^58 µs from 1970): deltas of up to 2^61 leave room for the
// zig-zag and the flag bit.
constexpr std::int64_t kLargestDelta = std::int64_t{1} << 61;

void put_varint(std::uint64_t value, std::string& out) {
  char bytes[10];
  std::size_t n = 0;
  while (value >= 0x80) {
    bytes[n++] = static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  bytes[n++] = static_cast<char>(value);
  out.append(bytes, n);
}

std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}
std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

std::uint64_t delta_code(std::int64_t value, std::int64_t previous) {
  const std::int64_t delta = value - previous;
  if (delta >= kLargestDelta || delta <= -kLargestDelta) {
    throw StoreError("a time stamp outside the years a workspace keeps");
  }
  return zigzag(delta);
}

// The integer m with m / 1000 == value, for a value of at most three decimals below 1e12 (not
// -0, whose sign it would lose).
bool as_thousandths(double value, std::int64_t& m) {
  if (!(std::fabs(value) < 1e12) || (value == 0 && std::signbit(value))) return false;
  const double scaled = std::nearbyint(value * 1000);
  if (scaled / 1000 != value) return false;
  m = static_cast<std::int64_t>(scaled);
  return true;
}

void put_number(double value, std::string& out) {
  if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();  // one missing value
  std::int64_t m = 0;
  if (as_thousandths(value, m)) {
    put_varint(zigzag(m) << 1, out);
    return;
  }
  put_varint(1, out);
  const auto bits = std::bit_cast<std::uint64_t>(value);
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((bits >> (8 * i)) & 0xFF);
  out.append(bytes, 8);
}

[[noreturn]] void damaged(const char* what) {
  throw StoreError(std::string("a stored segment is damaged: ") + what);
}

// a + b, wrapping instead of overflowing (damaged content is refused by the range checks after).
std::int64_t plus(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}

// `days` since 1970 when a supported day (time/supported_years.h: every stored row's is).
std::int64_t supported_day(std::int64_t days) {
  constexpr std::int64_t kFirst = time::kFirstSupportedDay.time_since_epoch().count();
  constexpr std::int64_t kEnd = time::kEndOfSupportedDays.time_since_epoch().count();
  if (days < kFirst || days >= kEnd) damaged("a date lies outside the supported years");
  return days;
}

}  // namespace

ColumnRowsEncoder::ColumnRowsEncoder(const evidence::FileSchema& schema, const time::Zone& zone)
    : schema_(schema), zone_(zone), states_(schema.columns.size()) {}

void ColumnRowsEncoder::begin_row(std::string& out) {
  if (rows_ == 0) out += kMagic;
  ++rows_;
}

std::uint32_t ColumnRowsEncoder::add_string(State& state, std::string_view text, std::string& out) {
  if (const auto it = state.codes.find(text); it != state.codes.end()) {
    put_varint(it->second + 1, out);
    return it->second + 1;
  }
  const auto code = static_cast<std::uint32_t>(state.codes.size());
  state.codes.emplace(std::string(text), code);
  put_varint(std::uint64_t{code} + 1, out);  // the number of strings before it + 1
  put_varint(text.size(), out);
  out += text;
  return code + 1;
}

void ColumnRowsEncoder::add(const evidence::Table& table, std::size_t row, std::string& out) {
  begin_row(out);
  for (std::size_t i = 0; i < states_.size(); ++i) {
    const evidence::Column& column = table.column(i);
    State& state = states_[i];
    switch (column.schema->type) {
      case ColumnType::kInstant: {
        const time::Instant t = column.instants[row];
        if (evidence::is_missing(t)) {
          put_varint(0, out);
        } else if (row < column.bare_dates.size() && column.bare_dates[row] != 0) {
          const std::int64_t days = zone_.date_of(t).time_since_epoch().count();
          put_varint((zigzag(days) + 1) << 1, out);
        } else {
          const std::int64_t micros = t.time_since_epoch().count();
          put_varint((delta_code(micros, state.previous) << 1) | 1, out);
          state.previous = micros;
        }
        break;
      }
      case ColumnType::kDate: {
        const time::Date d = column.dates[row];
        if (evidence::is_missing(d)) {
          put_varint(0, out);
        } else {
          const std::int64_t days = d.time_since_epoch().count();
          put_varint(delta_code(days, state.previous) + 1, out);
          state.previous = days;
        }
        break;
      }
      case ColumnType::kId:
      case ColumnType::kCategory:
      case ColumnType::kText: {
        const std::uint32_t code = column.codes[row];
        if (evidence::is_missing_code(code)) {
          put_varint(0, out);
          break;
        }
        // A sink's codes are stable (evidence/row_sink.h): a string is looked up once per code.
        if (state.table_dictionary != &column.dictionary) {
          state.table_dictionary = &column.dictionary;
          state.by_table_code.clear();
        }
        if (code < state.by_table_code.size() && state.by_table_code[code] != 0) {
          put_varint(state.by_table_code[code], out);
          break;
        }
        const std::uint32_t ours = add_string(state, column.dictionary.text(code), out);
        if (code >= state.by_table_code.size()) state.by_table_code.resize(code + 1, 0);
        state.by_table_code[code] = ours;
        break;
      }
      case ColumnType::kBool: {
        const std::int8_t b = column.bools[row];
        out += static_cast<char>(b == evidence::kMissingBool ? 2 : (b != 0 ? 1 : 0));
        break;
      }
      case ColumnType::kNumber:
      case ColumnType::kRatio:
        put_number(column.numbers[row], out);
        break;
    }
  }
}

void ColumnRowsEncoder::add(const ColumnRowsDecoder& decoder, const std::vector<ColumnCell>& row,
                            std::string& out) {
  begin_row(out);
  for (std::size_t i = 0; i < states_.size(); ++i) {
    const ColumnCell& cell = row[i];
    State& state = states_[i];
    const bool missing = cell.state == ColumnCell::State::kMissing;
    switch (schema_.columns[i].type) {
      case ColumnType::kInstant:
        if (missing) {
          put_varint(0, out);
        } else if (cell.state == ColumnCell::State::kBareDate) {
          put_varint((zigzag(cell.integer) + 1) << 1, out);
        } else {
          put_varint((delta_code(cell.integer, state.previous) << 1) | 1, out);
          state.previous = cell.integer;
        }
        break;
      case ColumnType::kDate:
        if (missing) {
          put_varint(0, out);
        } else {
          put_varint(delta_code(cell.integer, state.previous) + 1, out);
          state.previous = cell.integer;
        }
        break;
      case ColumnType::kId:
      case ColumnType::kCategory:
      case ColumnType::kText:
        if (missing) {
          put_varint(0, out);
          break;
        }
        {
          // The decoder's strings are looked up once each.
          if (state.decoder != &decoder) {
            state.decoder = &decoder;
            state.by_decoder_code.clear();
          }
          const std::size_t theirs = decoder.string_code(i);
          if (theirs < state.by_decoder_code.size() && state.by_decoder_code[theirs] != 0) {
            put_varint(state.by_decoder_code[theirs], out);
            break;
          }
          const std::uint32_t ours = add_string(state, cell.text, out);
          if (theirs >= state.by_decoder_code.size()) state.by_decoder_code.resize(theirs + 1, 0);
          state.by_decoder_code[theirs] = ours;
        }
        break;
      case ColumnType::kBool:
        out += static_cast<char>(missing ? 2 : (cell.integer != 0 ? 1 : 0));
        break;
      case ColumnType::kNumber:
      case ColumnType::kRatio:
        put_number(missing ? std::nan("") : cell.number, out);
        break;
    }
  }
}

ColumnRowsDecoder::ColumnRowsDecoder(const evidence::FileSchema& schema)
    : schema_(schema),
      previous_(schema.columns.size(), 0),
      strings_(schema.columns.size()),
      string_codes_(schema.columns.size(), 0) {}

void ColumnRowsDecoder::feed(std::string_view piece) {
  piece_ = piece;
  at_ = 0;
  if (!started_ && !piece_.empty()) {
    if (piece_.substr(0, kMagic.size()) != kMagic) damaged("it does not begin as columns do");
    at_ = kMagic.size();
    started_ = true;
  }
}

std::uint64_t ColumnRowsDecoder::varint() {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at_ >= piece_.size()) damaged("a row is cut short");
    const auto byte = static_cast<unsigned char>(piece_[at_++]);
    value |= std::uint64_t{byte & 0x7Fu} << shift;
    if ((byte & 0x80u) == 0) return value;
  }
  damaged("a number is too long");
}

bool ColumnRowsDecoder::next(std::vector<ColumnCell>& row) {
  if (at_ >= piece_.size()) return false;
  row.resize(schema_.columns.size());
  for (std::size_t i = 0; i < row.size(); ++i) {
    ColumnCell& cell = row[i];
    cell = ColumnCell{};
    switch (schema_.columns[i].type) {
      case ColumnType::kInstant: {
        const std::uint64_t u = varint();
        if ((u & 1) != 0) {
          previous_[i] = plus(previous_[i], unzigzag(u >> 1));
          if (!time::is_supported(time::Instant(time::Micros(previous_[i])))) {
            damaged("a time stamp lies outside the supported years");
          }
          cell.state = ColumnCell::State::kValue;
          cell.integer = previous_[i];
        } else if (u != 0) {
          cell.state = ColumnCell::State::kBareDate;
          cell.integer = supported_day(unzigzag((u >> 1) - 1));
        }
        break;
      }
      case ColumnType::kDate:
        if (const std::uint64_t u = varint(); u != 0) {
          previous_[i] = supported_day(plus(previous_[i], unzigzag(u - 1)));
          cell.state = ColumnCell::State::kValue;
          cell.integer = previous_[i];
        }
        break;
      case ColumnType::kId:
      case ColumnType::kCategory:
      case ColumnType::kText: {
        const std::uint64_t u = varint();
        if (u == 0) break;
        std::vector<std::string>& strings = strings_[i];
        if (u == strings.size() + 1) {
          const std::uint64_t length = varint();
          if (length > piece_.size() - at_) damaged("a string is cut short");
          strings.emplace_back(piece_.substr(at_, length));
          at_ += length;
        } else if (u > strings.size()) {
          damaged("a string is used before it is given");
        }
        cell.state = ColumnCell::State::kValue;
        cell.text = strings[u - 1];
        string_codes_[i] = u - 1;
        break;
      }
      case ColumnType::kBool: {
        if (at_ >= piece_.size()) damaged("a row is cut short");
        const auto byte = static_cast<unsigned char>(piece_[at_++]);
        if (byte > 2) damaged("a truth value is neither true, false nor missing");
        if (byte != 2) {
          cell.state = ColumnCell::State::kValue;
          cell.integer = byte;
        }
        break;
      }
      case ColumnType::kNumber:
      case ColumnType::kRatio: {
        const std::uint64_t u = varint();
        double value = 0;
        if ((u & 1) == 0) {
          value = static_cast<double>(unzigzag(u >> 1)) / 1000;
        } else if (u == 1) {
          if (piece_.size() - at_ < 8) damaged("a number is cut short");
          std::uint64_t bits = 0;
          for (int b = 0; b < 8; ++b) {
            bits |= std::uint64_t{static_cast<unsigned char>(piece_[at_ + b])} << (8 * b);
          }
          at_ += 8;
          value = std::bit_cast<double>(bits);
        } else {
          damaged("a number is neither thousandths nor a double");
        }
        if (!std::isnan(value)) {
          cell.state = ColumnCell::State::kValue;
          cell.number = value;
        }
        break;
      }
    }
  }
  return true;
}

std::uint64_t ColumnRowsDecoder::append_text(std::string_view piece, std::string& out) {
  feed(piece);
  std::vector<ColumnCell> row;
  std::uint64_t rows = 0;
  while (next(row)) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      const ColumnCell& cell = row[i];
      if (cell.state == ColumnCell::State::kMissing) continue;
      if (cell.state == ColumnCell::State::kBareDate) {
        out += time::format_date(time::Date(std::chrono::days(cell.integer)));
        continue;
      }
      switch (schema_.columns[i].type) {
        case ColumnType::kInstant:
          cells_.append_utc(time::Instant(time::Micros(cell.integer)), out);
          break;
        case ColumnType::kDate:
          out += time::format_date(time::Date(std::chrono::days(cell.integer)));
          break;
        case ColumnType::kId:
        case ColumnType::kCategory:
        case ColumnType::kText:
          text::append_csv_cell(cell.text, out);
          break;
        case ColumnType::kBool:
          out += cell.integer != 0 ? "true" : "false";
          break;
        case ColumnType::kNumber:
        case ColumnType::kRatio:
          evidence::append_number(cell.number, out);
          break;
      }
    }
    out += '\n';
    ++rows;
  }
  return rows;
}

}  // namespace meetlat::store

#include "sources/csv_input.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "text/utf8.h"

namespace meetlat::sources {
namespace {

// Windows-1252 0x80..0x9F; 0 where the code page has no character (read as U+FFFD).
constexpr std::array<std::uint16_t, 32> kHigh1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Splits UTF-8 `text` into rows of cells, recording where each row and cell starts.
class CsvSplitter {
 public:
  CsvSplitter(std::string_view text, char separator, InputTable& table,
              std::vector<Diagnostic>& problems)
      : text_(text), separator_(separator), table_(table), problems_(problems) {}

  // Every record: the first into `header`, the others into the table.
  void run(std::vector<std::string>& header, std::vector<std::uint32_t>& header_columns) {
    bool first = true;
    while (pos_ < text_.size()) {
      std::vector<std::string> cells;
      std::vector<std::uint32_t> columns;
      const std::uint32_t line = line_;
      const bool ok = record(cells, columns);
      if (cells.size() == 1 && cells[0].empty() && ok) continue;  // an empty line
      if (first) {
        header = std::move(cells);
        header_columns = std::move(columns);
        first = false;
        continue;
      }
      if (!ok) continue;
      if (cells.size() > header.size()) {
        problems_.push_back(Diagnostic{
            table_.file, static_cast<int>(line), static_cast<int>(columns[header.size()]),
            "more cells (" + std::to_string(cells.size()) + ") than the header has columns (" +
                std::to_string(header.size()) + ")"});
        continue;
      }
      while (cells.size() < header.size()) {
        cells.emplace_back();
        columns.push_back(columns.empty() ? 1 : columns.back());
      }
      table_.rows.push_back(std::move(cells));
      table_.cell_columns.push_back(std::move(columns));
      table_.lines.push_back(line);
    }
  }

 private:
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else if (!is_continuation(text_[pos_])) {
      ++column_;
    }
    ++pos_;
  }
  bool at_end() const { return pos_ >= text_.size(); }

  // One record up to and including its line end; false after reporting a problem in it.
  bool record(std::vector<std::string>& cells, std::vector<std::uint32_t>& columns) {
    bool ok = true;
    while (true) {
      while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t') && text_[pos_] != separator_)
        advance();
      columns.push_back(column_);
      std::string cell;
      if (!at_end() && text_[pos_] == '"') {
        ok = quoted(cell) && ok;
      } else {
        while (!at_end() && text_[pos_] != separator_ && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          cell += text_[pos_];
          advance();
        }
        while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.pop_back();
      }
      cells.push_back(std::move(cell));
      if (at_end()) return ok;
      if (text_[pos_] == separator_) {
        advance();
        continue;
      }
      if (text_[pos_] == '\r') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
          advance();
        } else {
          problems_.push_back(Diagnostic{table_.file, static_cast<int>(line_),
                                         static_cast<int>(column_),
                                         "a carriage return without a line feed"});
          ok = false;
        }
      }
      if (!at_end()) advance();  // the line feed
      return ok;
    }
  }

  // A quoted cell; the position is on its opening quote.
  bool quoted(std::string& cell) {
    const std::uint32_t line = line_;
    const std::uint32_t column = column_;
    advance();
    while (true) {
      if (at_end()) {
        problems_.push_back(Diagnostic{table_.file, static_cast<int>(line),
                                       static_cast<int>(column),
                                       "a quoted cell that is never closed"});
        return false;
      }
      if (text_[pos_] == '"') {
        advance();
        if (!at_end() && text_[pos_] == '"') {
          cell += '"';
          advance();
          continue;
        }
        break;
      }
      cell += text_[pos_];
      advance();
    }
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t') && text_[pos_] != separator_)
      advance();
    if (!at_end() && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
      problems_.push_back(Diagnostic{table_.file, static_cast<int>(line_),
                                     static_cast<int>(column_), "text after a closing quote"});
      while (!at_end() && text_[pos_] != separator_ && text_[pos_] != '\n') advance();
      return false;
    }
    return true;
  }

  std::string_view text_;
  char separator_;
  InputTable& table_;
  std::vector<Diagnostic>& problems_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

std::string separator_name(char c) {
  if (c == '\t') return "a tab";
  return std::string("'") + c + "'";
}

// The separator the header seems to use instead of `expected`, or 0.
char other_separator(std::string_view header_line, char expected) {
  for (const char c : {';', ',', '\t', '|'}) {
    if (c != expected && header_line.find(c) != std::string_view::npos) return c;
  }
  return 0;
}

}  // namespace

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out += ch;
    } else if (b < 0xA0) {
      const std::uint16_t cp = kHigh1252.at(b - 0x80);
      append_utf8(out, cp == 0 ? 0xFFFD : cp);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

InputTable read_csv_input(std::string_view bytes, std::string_view file, const Input& input,
                          std::vector<Diagnostic>& problems) {
  InputTable table;
  table.file = std::string(file);
  std::string converted;
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (input.encoding == Encoding::kWindows1252) {
    converted = windows1252_to_utf8(text);
    text = converted;
  } else if (const auto bad = text::first_invalid_utf8(text)) {
    const std::string_view before = text.substr(0, *bad);
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    problems.push_back(Diagnostic{
        table.file, static_cast<int>(line), 1,
        "a byte that is not UTF-8; the profile reads this input as UTF-8: if the export is "
        "Windows-1252 (Excel's 'CSV' on Windows), set `encoding: windows-1252` for input '" +
            input.name + "'"});
    return table;
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    problems.push_back(Diagnostic{table.file, 1, static_cast<int>(first) + 1,
                                  "this file is JSON, not CSV: input '" + input.name +
                                      "' of the profile expects CSV (for a Prometheus "
                                      "query_range export use --from prometheus)"});
    return table;
  }
  std::vector<std::uint32_t> header_columns;
  CsvSplitter(text, input.separator, table, problems).run(table.columns, header_columns);
  if (table.columns.size() == 1) {
    const std::string_view header_line = text.substr(0, text.find('\n'));
    if (const char other = other_separator(header_line, input.separator); other != 0) {
      problems.push_back(Diagnostic{table.file, 1, 1,
                                    "the header is one column separated by " +
                                        separator_name(other) + ", but the profile reads input '" +
                                        input.name + "' with separator " +
                                        separator_name(input.separator)});
      table.rows.clear();
      table.lines.clear();
      table.cell_columns.clear();
    }
  }
  return table;
}

}  // namespace meetlat::sources

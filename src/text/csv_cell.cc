#include "text/csv_cell.h"

namespace meetlat::text {

void append_quoted_csv_cell(std::string_view text, std::string& out) {
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_cell(std::string_view text, std::string& out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
  } else {
    append_quoted_csv_cell(text, out);
  }
}

std::string csv_cell(std::string_view text) {
  std::string out;
  append_csv_cell(text, out);
  return out;
}

}  // namespace meetlat::text

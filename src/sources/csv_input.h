// Reading a tool's CSV export as the profile's input says: any one-character separator, UTF-8
// (with or without a byte order mark) or Windows-1252 (converted to UTF-8), RFC 4180 quoting,
// LF or CRLF line ends. Every problem is a Diagnostic at its line and column; a file that is not
// CSV at all (JSON, which starts with `{` or `[`) or that uses another separator than the profile
// says is named as such in one message.
#pragma once

#include <string_view>
#include <vector>

#include "sources/input_table.h"
#include "sources/profile.h"

namespace meetlat::sources {

// Reads `bytes` (the whole file) named `file` in messages. Rows with a problem are left out and
// each problem added to `problems`; a file that cannot be read as CSV gives no rows.
InputTable read_csv_input(std::string_view bytes, std::string_view file, const Input& input,
                          std::vector<Diagnostic>& problems);

// `bytes` converted from Windows-1252 to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace meetlat::sources

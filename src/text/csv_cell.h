// A cell of a CSV file as RFC 4180 writes it: every module that writes CSV (the workspace's
// canonical rows, the action register, converted exports) quotes with these.
#pragma once

#include <string>
#include <string_view>

namespace meetlat::text {

// Appends `text` quoted, its quotes doubled: "a ""b"", c".
void append_quoted_csv_cell(std::string_view text, std::string& out);

// Appends `text` as a CSV cell: as it is, or quoted (append_quoted_csv_cell) when it holds a
// comma, a quote or a line break.
void append_csv_cell(std::string_view text, std::string& out);

// `text` as a CSV cell (append_csv_cell).
std::string csv_cell(std::string_view text);

}  // namespace meetlat::text

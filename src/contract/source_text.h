// What the contract loader checks on the file's text before it reads it as YAML (internal to the
// loader). Each problem is a Diagnostic at its line and column:
// - the text is UTF-8 (bytes of another encoding, such as Windows-1252 é, are named by value);
// - line ends are LF or CRLF: a lone CR (classic Mac) would make YAML read the whole file as one
//   line, and the file would look empty;
// - no anchors or aliases (&name, *name): a contract is read by people and should say each value
//   where it applies, and nested aliases ("billion laughs") multiply a few lines into billions
//   of nodes. Refusing them keeps every check of a contract well under a second.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "contract/diagnostic.h"

namespace meetlat::contract::detail {

// Appends the problems of `text` (file `file_name`) to `out`; true when there were none.
bool check_source_text(std::string_view text, std::string_view file_name,
                       std::vector<Diagnostic>& out);

// The diagnostic for a YAML syntax error that yaml-cpp reported as `message` at 0-based
// `line`/`column`, pointing at the likely cause where yaml-cpp's place is misleading: a double
// quote opened and not closed on its line (yaml-cpp stops lines later), or an unquoted value
// starting with '>' ("norm: >= 90%", which YAML reads as a folded block).
Diagnostic yaml_syntax_error(std::string_view text, std::string_view file_name, int line,
                             int column, const std::string& message);

}  // namespace meetlat::contract::detail

// meetlat's evidence files as CSV text (docs/evidence.md): comma-separated, a header row, LF line
// ends, a cell quoted (quotes doubled) only when it holds a comma, a quote, a line break or
// spaces at its ends.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace meetlat::sources {

// `row_offsets`, when given, receives the byte offset in the text where each row of `rows`
// starts.
std::string evidence_csv(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows,
                         std::vector<std::size_t>* row_offsets = nullptr);

}  // namespace meetlat::sources

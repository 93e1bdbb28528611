// Text put into HTML or SVG: `&`, `<`, `>`, `"` and `'` escaped, so contract titles, record ids
// and evidence warnings can never be read as markup.
#pragma once

#include <string>
#include <string_view>

namespace meetlat::report {

std::string html_escaped(std::string_view text);

}  // namespace meetlat::report

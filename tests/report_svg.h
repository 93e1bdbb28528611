// Reading a chart out of a report's HTML in a test: the SVG a figure is labelled by, the text of
// one of its elements, and how often a piece of markup occurs.
#pragma once

#include <cstddef>
#include <string>

namespace meetlat::testing {

// The <svg>…</svg> whose aria-labelledby starts with `chart_id`-title ("" when there is none).
std::string chart_svg(const std::string& html, const std::string& chart_id);

// The text between the first <tag …> and its </tag> in `svg` ("" when there is none).
std::string element_text(const std::string& svg, const std::string& tag);

// How many times `what` occurs in `text` (overlapping occurrences counted).
std::size_t occurrences(const std::string& text, const std::string& what);

}  // namespace meetlat::testing

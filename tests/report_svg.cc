#include "report_svg.h"

namespace meetlat::testing {

std::string chart_svg(const std::string& html, const std::string& chart_id) {
  const std::size_t id = html.find("aria-labelledby=\"" + chart_id + "-title");
  if (id == std::string::npos) return {};
  const std::size_t start = html.rfind("<svg", id);
  return html.substr(start, html.find("</svg>", id) + 6 - start);
}

std::string element_text(const std::string& svg, const std::string& tag) {
  const std::size_t open = svg.find("<" + tag);
  if (open == std::string::npos) return {};
  const std::size_t start = svg.find('>', open) + 1;
  return svg.substr(start, svg.find("</" + tag + ">", start) - start);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace meetlat::testing

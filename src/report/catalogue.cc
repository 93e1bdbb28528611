#include "report/catalogue.h"

#include <stdexcept>

namespace meetlat::report {

std::string Catalogue::say(
    std::string_view id,
    const std::vector<std::pair<std::string_view, std::string>>& values) const {
  const auto it = messages.find(id);
  if (it == messages.end()) {
    throw std::out_of_range("the " + std::string(language) + " catalogue has no message " +
                            std::string(id));
  }
  const std::string_view text = it->second;
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t open = text.find('{', i);
    if (open == std::string_view::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    const std::size_t close = text.find('}', open);
    const std::string_view name = text.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [key, value] : values) {
      if (key == name) {
        out += value;
        found = true;
        break;
      }
    }
    if (!found) {
      throw std::out_of_range("message " + std::string(id) + " (" + std::string(language) +
                              ") names {" + std::string(name) + "}, which was not given");
    }
    i = close + 1;
  }
  return out;
}

std::string_view Catalogue::period_word(time::Cadence c) const {
  return period[static_cast<std::size_t>(c)];
}

std::string_view Catalogue::this_period_word(time::Cadence c) const {
  return this_period[static_cast<std::size_t>(c)];
}

}  // namespace meetlat::report

#include "evidence/dictionary.h"

namespace meetlat::evidence {

std::uint32_t Dictionary::intern(std::string_view text) {
  if (auto it = codes_.find(text); it != codes_.end()) return it->second;
  const auto code = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(text);
  codes_.emplace(std::string(text), code);
  return code;
}

std::optional<std::uint32_t> Dictionary::find(std::string_view text) const {
  if (auto it = codes_.find(text); it != codes_.end()) return it->second;
  return std::nullopt;
}

}  // namespace meetlat::evidence

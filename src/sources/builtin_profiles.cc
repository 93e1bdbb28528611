#include "sources/builtin_profiles.h"

#include <cstddef>
#include <span>

namespace meetlat::sources {
namespace detail {

struct BuiltinProfile {
  std::string_view name;
  std::string_view yaml;
};

extern const BuiltinProfile kBuiltinProfiles[];  // NOLINT(modernize-avoid-c-arrays)
extern const std::size_t kBuiltinProfileCount;

}  // namespace detail

namespace {

std::span<const detail::BuiltinProfile> all() {
  return {detail::kBuiltinProfiles, detail::kBuiltinProfileCount};
}

}  // namespace

std::vector<std::string_view> builtin_profile_names() {
  std::vector<std::string_view> names;
  for (const auto& p : all()) names.push_back(p.name);
  return names;
}

std::optional<std::string_view> builtin_profile_yaml(std::string_view name) {
  for (const auto& p : all()) {
    if (p.name == name) return p.yaml;
  }
  return std::nullopt;
}

}  // namespace meetlat::sources

// The profiles meetlat ships (profiles/*.yaml, compiled in at build time as the default contract
// is): topdesk, uptime-kuma, servicenow, jira-sm, prometheus, otlp. `--from NAME` picks one; a copy
// of its text is where a profile of one's own starts (docs/sources.md).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace meetlat::sources {

// The names of the built-in profiles, in the order docs/sources.md lists them.
std::vector<std::string_view> builtin_profile_names();

// The YAML of a built-in profile, or nullopt when there is none of that name.
std::optional<std::string_view> builtin_profile_yaml(std::string_view name);

}  // namespace meetlat::sources

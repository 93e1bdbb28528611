// Reading a profile (profile.h) from YAML, with every mistake reported as `file:line:column:
// message` at once, as the contract loader does: unknown keys with a did-you-mean, an evidence
// file or column meetlat does not have, a required evidence column the profile leaves unmapped,
// an input that is not declared, a time format that is not one.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "sources/input_table.h"
#include "sources/profile.h"

namespace meetlat::sources {

struct ProfileLoad {
  std::optional<Profile> profile;  // absent when there is any diagnostic
  std::vector<Diagnostic> diagnostics;
};

// Reads the profile in `yaml_text`; `file_name` names it in messages.
ProfileLoad load_profile(std::string_view yaml_text, std::string_view file_name);

}  // namespace meetlat::sources

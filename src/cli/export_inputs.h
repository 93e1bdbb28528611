// What `convert` and `import --from` share (docs/sources.md): the profile named by --from, the
// export files of INPUT..., and how conversion problems are printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sources/convert.h"
#include "sources/profile.h"

namespace meetlat::cli {

// The profile `from` names: a built-in one by its name, else a YAML file. Prints why not (as
// `command`: ...), and the profile's own problems.
std::optional<sources::Profile> profile_from(const std::string& command, const std::string& from);

// The files of INPUT...: files as given, folders by their regular files in name order.
std::vector<sources::InputFile> read_exports(const std::vector<std::string>& inputs);

// The first 50 problems, one a line, then how many more, on stderr.
void print_problems(const std::vector<sources::Diagnostic>& problems);

}  // namespace meetlat::cli

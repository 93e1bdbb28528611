// Where a command's contract comes from: `--contract FILE`, else the built-in default contract.
#pragma once

#include <optional>
#include <string>

#include "contract/model.h"

namespace meetlat::cli {

// The contract of `path`, or the default one when `path` is empty. On a file that cannot be read
// or does not load, prints every diagnostic (file:line:column: message) to stderr and returns
// nullopt: the caller exits with kExitBadInput. With `show_warnings` (contract check), the
// loader's warnings are printed too, as "file:line:column: warning: message".
std::optional<contract::Contract> contract_from(const std::string& path,
                                                bool show_warnings = false);

}  // namespace meetlat::cli

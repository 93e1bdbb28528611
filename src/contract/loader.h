// Reading a contract file (YAML, format in docs/contract.md) into the model of contract/model.h.
//
// The loader never throws on bad input: it returns either the Contract or every problem it found,
// each as a Diagnostic "file:line:column: message" (1-based), sorted by position, so a user fixes
// a file in one go. It checks shape (missing, unknown and duplicate keys, with a did-you-mean for
// typos), types, ranges (a ratio norm of 150%, a negative duration, 0.9 where 90% is meant) and
// references (calendars, priorities, severities, evidence kinds and columns, objectives named by
// ladder steps, unique KPI and objective ids, the time zone). Thread-safe: no shared state.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "contract/diagnostic.h"
#include "contract/model.h"

namespace meetlat::contract {

struct LoadResult {
  std::optional<Contract> contract;     // set when diagnostics is empty
  std::vector<Diagnostic> diagnostics;  // every problem found, sorted by line and column
  // Legal but probably unintended (a ladder step without `due`), sorted; set with a contract.
  std::vector<Diagnostic> warnings;

  bool ok() const { return contract.has_value(); }
};

// `file_name` is only used in diagnostics.
LoadResult load_contract(std::string_view yaml_text, std::string_view file_name);

}  // namespace meetlat::contract

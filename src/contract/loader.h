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
#include <span>
#include <string>
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

// An amendment kept apart from the contract file (a workspace's `contract apply`): the YAML of
// one entry of `amendments` (note, parameters, kpis, remove_kpis; effective_from may be left out,
// and must equal `effective_from` when given), applied from the month `effective_from`.
struct AmendmentText {
  std::string yaml;
  std::string name;            // for diagnostics: "amendment 2 (effective 2027-01)"
  std::string effective_from;  // "2027-01"
};

// The contract of `yaml_text` with `amendments` after its own, in order; every amendment is
// checked as one in the file would be (after the previous one, after the start, same cadences).
LoadResult load_contract(std::string_view yaml_text, std::string_view file_name,
                         std::span<const AmendmentText> amendments);

}  // namespace meetlat::contract

// Periods closed as agreed in the SLM meeting (docs/workspace.md, "Closing a period"): `close`
// freezes a period's result in the workspace, `reopen` undoes that with a reason, and `evaluate`
// of a closed period prints the frozen result and says whether, and how, a recomputation would
// now differ.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/inputs.h"
#include "report/result_table.h"
#include "store/backend.h"
#include "time/period.h"

namespace meetlat::cli {

// The close in force for `period` among the closings read with `in` (none from a folder).
std::optional<store::Closing> agreed(const EngineInputs& in, const time::Period& period);

// Prints the frozen result of `closing` to stdout: its JSON, or with `table` its table, and to
// stderr when it was agreed and what a recomputation from the evidence and contract now (as of
// the agreed as-of) would change. The table was frozen in its default form (English, without the
// failing records); a `table` asking another form is drawn from the recomputation when that
// equals the agreed result, else the frozen table is shown and stderr says why. Returns the exit
// status.
int show_agreed(const EngineInputs& in, const store::Closing& closing, const time::Period& period,
                const report::TableOptions* table);

// What differs between two results of one period as `evaluate` prints them (JSON): per KPI
// objective its status and value, KPIs present in one only, and the money. Empty when nothing
// does.
std::vector<std::string> result_differences(const std::string& agreed_json,
                                            const std::string& now_json);

}  // namespace meetlat::cli

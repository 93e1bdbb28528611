// The terminal view of an Evaluation (`--format table`): one line per objective with value,
// norm and status, grouped by KPI, the escalation steps that fire, and the money. ANSI colours
// only when `colour` is true (the CLI passes: stdout is a TTY and NO_COLOR is unset).
#pragma once

#include <string>

#include "contract/versions.h"
#include "evaluate/evaluation.h"
#include "time/zone.h"

namespace meetlat::report {

// `versions` as for to_json.
std::string to_table(const evaluate::Evaluation& evaluation, const contract::Versions& versions,
                     const time::Zone& zone, bool colour);

}  // namespace meetlat::report

// The JSON result of spec/cli-and-output.md ("meetlat.evaluation/1"): fields in a fixed order,
// instants in the contract zone with offset, numbers as the shortest text that reads back to the
// same double, ids in full. Deterministic: the same Evaluation gives the same bytes.
#pragma once

#include <string>

#include "contract/versions.h"
#include "evaluate/evaluation.h"
#include "time/zone.h"

namespace meetlat::report {

// `versions` are those of the contract the evaluation was computed under (it names the KPIs and
// steps by id and version).
std::string to_json(const evaluate::Evaluation& evaluation, const contract::Versions& versions,
                    const time::Zone& zone);

}  // namespace meetlat::report

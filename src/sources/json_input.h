// Reading a tool's JSON export as rows: a JSON array of records (or the array at the input's
// `records` path), each record's nested keys joined by dots (`fields.priority.name`), array items
// by their index (`completedCycles.0.stopTime`); with `explode`, each item of that nested array
// becomes a row of its own, beside its record's other fields. The Prometheus format reads the
// JSON of /api/v1/query_range: one row per sample, with `timestamp`, `value` and the series'
// labels as `metric.<label>`. Rows are numbered by record (sample) from 1.
#pragma once

#include <string_view>
#include <vector>

#include "sources/input_table.h"
#include "sources/profile.h"

namespace meetlat::sources {

// Reads `bytes` named `file` in messages; a file that is not the JSON the input expects gives no
// rows and one problem that says what it is instead.
InputTable read_json_input(std::string_view bytes, std::string_view file, const Input& input,
                           std::vector<Diagnostic>& problems);

}  // namespace meetlat::sources

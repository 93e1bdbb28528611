// The terminal view of an Evaluation (`evaluate --format table`, docs/output.md): a heading with
// the contract's name, the period and the as-of moment; per KPI its title, then one row per
// objective (its title, the window, value, norm, items, failing, still open, status) in aligned
// columns (text_columns.h), with notes under a row (why no data, exemptions, a minimum-volume
// rule, on request the failing records); the ladder steps that fire; the money; the warnings.
// Every label comes from the catalogue of the language asked for, and numbers, amounts and dates
// are written as that language writes them. The engine's own texts (a reason for no data, a
// warning) are shown as the engine words them, in English.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "contract/versions.h"
#include "evaluate/evaluation.h"
#include "report/catalogue.h"
#include "time/zone.h"

namespace meetlat::report {

struct TableOptions {
  const Catalogue* words = nullptr;  // nullptr: English
  // ANSI colours on the status (the CLI sets it when stdout is a TTY and NO_COLOR is unset); the
  // status is always written out too, so nothing depends on colour alone.
  bool colour = false;
  bool failing_ids = false;  // list each objective's failing records under its row
  // At most this many record ids per list (failing, exempted), then "and N more"; 0: all.
  std::size_t id_limit = 20;
};

// `versions` as for to_json.
std::string to_table(const evaluate::Evaluation& evaluation, const contract::Versions& versions,
                     const time::Zone& zone, const TableOptions& options);

// `first` followed by "INC-1, INC-2, INC-3 and 5 more": the first `limit` of `ids` (all when 0),
// then how many are left out, as lines of at most `width` code points (unless one id is longer)
// that each end in '\n'; lines after the first start with `indent`.
std::string id_lines(const std::string& first, const std::vector<std::string>& ids,
                     std::size_t limit, const Catalogue& words, const std::string& indent,
                     std::size_t width = 100);

}  // namespace meetlat::report

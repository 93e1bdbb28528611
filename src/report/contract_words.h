// The contract's names for what a result names by id, in the reader's language: the contract's
// name, a KPI's title, an objective's title. Every terminal view takes its names here, so none of
// them shows an internal id where the contract gives words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "contract/versions.h"
#include "evaluate/reason.h"
#include "report/catalogue.h"

namespace meetlat::report {

// The contract's name in `words`' language; its id when the contract gives no name.
std::string contract_name(const contract::Contract& contract, const Catalogue& words);
// The KPI's title in version `version`, in `words`' language; the id when it has none.
std::string kpi_title(const contract::Versions& versions, int version, std::string_view kpi_id,
                      const Catalogue& words);
// The objective's title ("Data-quality checks of the critical fields" for dq_checks) when the
// contract gives one, else its id ("P1").
std::string objective_title(const contract::Versions& versions, int version,
                            std::string_view kpi_id, std::string_view objective_id,
                            const Catalogue& words);

// `reason` with the objective ids in its subject replaced by their titles in `terms` (the contract
// version it was found under): "KPI-08 (doc_updates)" becomes "KPI-08 (Documentation updated
// after changes)", "KPI-02 migration_accuracy" becomes "KPI-02 Data migration accuracy". A
// subject that names no objective of a KPI of `terms` is left as it is.
evaluate::Reason titled_reason(evaluate::Reason reason, const contract::Contract& terms,
                               const Catalogue& words);
// The same for the reasons of money lines (their charges).
std::vector<evaluate::MoneyLine> titled_lines(std::vector<evaluate::MoneyLine> lines,
                                              const contract::Contract& terms,
                                              const Catalogue& words);

}  // namespace meetlat::report

// The pieces of the JSON results shared by "meetlat.evaluation/1" (result_json.cc) and
// "meetlat.history/1" (history_json.cc). Internal to the report module.
#pragma once

#include <nlohmann/json.hpp>

#include "contract/versions.h"
#include "evaluate/actions.h"
#include "evaluate/evaluation.h"
#include "time/zone.h"

namespace meetlat::report::json_parts {

using evaluate::Action;
using evaluate::Escalation;
using evaluate::MonthFinance;
using evaluate::ObjectiveResult;
using evaluate::YearFinance;

using Json = nlohmann::ordered_json;

Json text(const contract::Text& t);
// {"id", "name", "example_money"} of the evaluated contract.
Json contract_header(const contract::Contract& c);
// The members every KPI result has in both formats: window, final, objectives, escalation; `kpi`
// is the KPI as it stood in the result's contract version (its ladder's steps are named).
void add_kpi_results(Json& j, const time::Window& window, bool final,
                     const std::vector<ObjectiveResult>& objectives, const Escalation& escalation,
                     const contract::Kpi& kpi, const time::Zone& zone);
Json objective(const ObjectiveResult& r);
Json escalation(const Escalation& e, const contract::Kpi& kpi, const time::Zone& zone);
// A month's money: amounts in cents and in currency units, caps, explanation; `fee` is the
// contract's monthly fee.
Json month_finance(const MonthFinance& m, const contract::Money& fee);
Json year_finance(const YearFinance& y, const time::Zone& zone);
Json action(const Action& a, const contract::Versions& versions, const time::Zone& zone);

}  // namespace meetlat::report::json_parts

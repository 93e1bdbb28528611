// "meetlat.history/1": the shape is documented in docs/escalation-and-money.md.
#include "report/history_report.h"
#include "report/json_parts.h"

namespace meetlat::report {

// The results this module renders.
using namespace evaluate;  // NOLINT(google-build-using-namespace)
namespace {

using json_parts::Json;

Json kpi_json(const HistoryKpi& k, const contract::Versions& versions, const time::Zone& zone) {
  Json j;
  j["id"] = k.kpi_id;
  j["status"] = measure::status_name(k.status);
  j["period"] = k.period_name;
  json_parts::add_kpi_results(j, k.window, k.final, k.objectives, k.escalation,
                              versions.kpi(k.contract_version, k.kpi_id), zone);
  return j;
}

}  // namespace

std::string history_json(const History& h, const contract::Versions& versions,
                         const time::Zone& zone) {
  const contract::Contract& contract = versions.at(h.contract_version).terms;
  Json j;
  j["format"] = "meetlat.history/1";
  j["contract"] = json_parts::contract_header(contract);
  j["from"] = h.from_name;
  j["to"] = h.to_name;
  j["as_of"] = zone.format(h.as_of);
  Json periods = Json::array();
  for (const auto& m : h.months) {
    Json kpis = Json::array();
    for (const auto& k : m.kpis) kpis.push_back(kpi_json(k, versions, zone));
    periods.push_back(
        Json{{"period", m.name},
             {"kpis", kpis},
             {"finance", json_parts::month_finance(m.finance, contract.monthly_fee)}});
  }
  j["periods"] = periods;
  Json years = Json::array();
  for (const auto& y : h.years) years.push_back(json_parts::year_finance(y, zone));
  const auto& fee = contract.monthly_fee;
  j["finance"] = Json{{"currency", fee.currency},
                      {"monthly_fee_cents", fee.cents},
                      {"example", h.example_money},
                      {"years", years}};
  Json actions = Json::array();
  for (const auto& a : h.actions) actions.push_back(json_parts::action(a, versions, zone));
  j["actions"] = actions;
  j["warnings"] = h.warnings;
  // Text is checked to be UTF-8 where it comes in (contract loader, evidence rows); replacing
  // what still is not (U+FFFD) keeps a missed case from aborting the whole result.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace meetlat::report

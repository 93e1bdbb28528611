#include "evaluate/result_json.h"

#include <nlohmann/json.hpp>

namespace meetlat::evaluate {
namespace {

using Json = nlohmann::ordered_json;

Json text(const contract::Text& t) { return Json{{"nl", t.nl}, {"en", t.en}}; }

Json norm_json(const contract::Norm& n) {
  Json j{{"op", contract::op_symbol(n.op)}, {"value", n.threshold.to_double()}};
  if (n.example) j["example"] = true;
  return j;
}

Json detail_value(const Detail& d) {
  return std::visit([](const auto& v) { return Json(v); }, d.value);
}

// The minimum-volume rule that decided instead of the norm (docs/exemptions.md).
Json volume_rule_json(const VolumeRule& v) {
  Json j{{"items", v.items}, {"min_count", v.min_count}};
  if (v.max_failing) {
    j["max_failing"] = *v.max_failing;
    j["rule"] = "at most " + std::to_string(*v.max_failing) + " failing (fewer than " +
                std::to_string(v.min_count) + " items)";
  } else {
    j["rule"] = "no_data (fewer than " + std::to_string(v.min_count) + " items)";
  }
  return j;
}

Json objective_json(const ObjectiveResult& r) {
  Json j;
  j["id"] = r.id;
  j["status"] = measure::status_name(r.status);
  j["unit"] = contract::unit_name(r.unit);
  j["value"] = r.value ? Json(*r.value) : Json(nullptr);
  j["norm"] = norm_json(r.norm);
  j["count"] = r.count;
  j["failing"] = r.failing;
  j["pending"] = r.pending;
  j["failing_ids"] = r.failing_ids;
  j["exempted"] = r.exempted;
  j["exempted_ids"] = r.exempted_ids;
  if (r.volume_rule) j["volume_rule"] = volume_rule_json(*r.volume_rule);
  if (r.reason) j["reason"] = *r.reason;
  if (!r.details.empty()) {
    Json details = Json::object();
    for (const auto& d : r.details) {
      if (details.contains(d.name)) {
        if (!details[d.name].is_array()) details[d.name] = Json::array({details[d.name]});
        details[d.name].push_back(detail_value(d));
      } else {
        details[d.name] = detail_value(d);
      }
    }
    j["details"] = details;
  }
  return j;
}

Json escalation_json(const Escalation& e) {
  Json steps = Json::array();
  for (const auto& fired : e.steps) {
    const auto& step = *fired.step;
    Json s;
    s["action"] = step.action;
    s["label"] = text(step.label);
    s["owner"] = contract::owner_name(step.owner);
    s["malus_pct"] = step.malus_pct ? step.malus_pct->to_double() : 0.0;
    if (step.malus_example) s["example"] = true;
    if (step.due) {
      s["due"] = std::to_string(step.due->count) +
                 (step.due->working_days ? " working days" : " days");
    }
    s["because"] = fired.because;
    steps.push_back(std::move(s));
  }
  return Json{{"streak", e.streak}, {"steps", steps}};
}

Json kpi_json(const KpiResult& k, const time::Zone& zone) {
  Json j;
  j["id"] = k.kpi->id;
  j["title"] = text(k.kpi->title);
  j["requirement"] = k.kpi->requirement;
  j["status"] = measure::status_name(k.status);
  j["cadence"] = contract::cadence_name(k.kpi->cadence);
  j["window"] = Json{{"from", zone.format(k.window.from)}, {"to", zone.format(k.window.to)}};
  j["final"] = k.final;
  Json objectives = Json::array();
  for (const auto& o : k.objectives) objectives.push_back(objective_json(o));
  j["objectives"] = objectives;
  j["escalation"] = escalation_json(k.escalation);
  return j;
}

}  // namespace

std::string to_json(const Evaluation& e, const time::Zone& zone) {
  Json j;
  j["format"] = "meetlat.evaluation/1";
  j["contract"] = Json{{"id", e.contract->id},
                       {"name", text(e.contract->name)},
                       {"example_money", e.contract->example_money()}};
  j["period"] = e.period_name;
  j["as_of"] = zone.format(e.as_of);
  Json kpis = Json::array();
  for (const auto& k : e.kpis) kpis.push_back(kpi_json(k, zone));
  j["kpis"] = kpis;
  const auto& f = e.finance;
  j["finance"] = Json{{"currency", f.currency},
                      {"monthly_fee", static_cast<double>(f.monthly_fee_cents) / 100},
                      {"monthly_fee_cents", f.monthly_fee_cents},
                      {"malus_pct", f.malus_pct},
                      {"malus_amount", static_cast<double>(f.malus_cents) / 100},
                      {"malus_cents", f.malus_cents},
                      {"bonus_amount", static_cast<double>(f.bonus_cents) / 100},
                      {"bonus_cents", f.bonus_cents},
                      {"capped", f.capped},
                      {"example", f.example},
                      {"explanation", Json{{"nl", f.explanation_nl}, {"en", f.explanation_en}}}};
  j["warnings"] = e.warnings;
  return j.dump(2) + "\n";
}

}  // namespace meetlat::evaluate

#include "report/result_json.h"

#include "report/json_parts.h"
#include "report/wording.h"

namespace meetlat::report {

// The results this module renders.
using namespace evaluate;  // NOLINT(google-build-using-namespace)
namespace json_parts {
namespace {

Json amount(std::int64_t cents) { return Json(static_cast<double>(cents) / 100); }

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

}  // namespace

Json text(const contract::Text& t) { return Json{{"nl", t.nl}, {"en", t.en}}; }

Json objective(const ObjectiveResult& r) {
  Json j;
  j["id"] = r.id;
  j["status"] = r.undecidable ? std::string_view("undecidable") : measure::status_name(r.status);
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

Json escalation(const Escalation& e, const contract::Kpi& kpi, const time::Zone& zone) {
  Json steps = Json::array();
  for (const auto& fired : e.steps) {
    const contract::LadderStep* found = kpi.find_step(fired.action);
    if (found == nullptr) {
      throw std::out_of_range(kpi.id + " has no ladder step " + fired.action);
    }
    const auto& step = *found;
    Json s;
    s["action"] = step.action;
    s["label"] = text(step.label);
    s["owner"] = contract::owner_name(step.owner);
    if (step.objective) s["objective"] = *step.objective;
    s["malus_pct"] = step.malus_pct ? step.malus_pct->to_double() : 0.0;
    if (step.example) s["example"] = true;
    if (step.due) {
      s["due"] =
          std::to_string(step.due->count) + (step.due->working_days ? " working days" : " days");
    }
    s["deadline"] = fired.deadline ? Json(zone.format(*fired.deadline)) : Json(nullptr);
    s["because"] = reason_text(fired.because, english());
    s["because_nl"] = reason_text(fired.because, dutch());
    steps.push_back(std::move(s));
  }
  return Json{{"streak", e.streak}, {"met_streak", e.met_streak}, {"steps", steps}};
}

Json contract_header(const contract::Contract& c) {
  return Json{{"id", c.id}, {"name", text(c.name)}, {"example_money", c.example_money()}};
}

void add_kpi_results(Json& j, const time::Window& window, bool final,
                     const std::vector<ObjectiveResult>& objectives, const Escalation& escalation,
                     const contract::Kpi& kpi, const time::Zone& zone) {
  j["window"] = Json{{"from", zone.format(window.from)}, {"to", zone.format(window.to)}};
  j["final"] = final;
  Json list = Json::array();
  for (const auto& o : objectives) list.push_back(objective(o));
  j["objectives"] = list;
  j["escalation"] = json_parts::escalation(escalation, kpi, zone);
}

Json month_finance(const MonthFinance& m, const contract::Money& fee) {
  Json j;
  j["month"] = m.month_name;
  j["contract_year"] = m.contract_year;
  j["final"] = m.final;
  j["malus_pct"] = m.malus_pct;
  j["malus_uncapped_cents"] = m.malus_uncapped_cents;
  j["malus_cents"] = m.malus_cents;
  j["malus_amount"] = amount(m.malus_cents);
  j["bonus_cents"] = m.bonus_cents;
  j["bonus_amount"] = amount(m.bonus_cents);
  j["net_cents"] = m.net_cents;
  j["net_amount"] = amount(m.net_cents);
  j["capped_month"] = m.capped_month;
  j["capped_year"] = m.capped_year;
  j["year_malus_cents"] = m.year_malus_cents;
  j["explanation"] = Json{{"nl", money_lines_text(m.explanation, fee, dutch())},
                          {"en", money_lines_text(m.explanation, fee, english())}};
  return j;
}

Json year_finance(const YearFinance& y, const time::Zone& zone) {
  const auto w = time::window(y.period, zone);
  Json j;
  j["contract_year"] = y.contract_year;
  j["from"] = zone.format(w.from);
  j["to"] = zone.format(w.to);
  j["malus_cents"] = y.malus_cents;
  j["malus_amount"] = amount(y.malus_cents);
  j["bonus_cents"] = y.bonus_cents;
  j["bonus_amount"] = amount(y.bonus_cents);
  j["net_cents"] = y.net_cents;
  j["net_amount"] = amount(y.net_cents);
  j["malus_cap_cents"] = y.malus_cap_cents ? Json(*y.malus_cap_cents) : Json(nullptr);
  j["capped"] = y.capped;
  return j;
}

Json action(const Action& a, const contract::Versions& versions, const time::Zone& zone) {
  const auto& step = versions.step(a.contract_version, a.kpi_id, a.action);
  Json j;
  j["id"] = a.id;
  j["kpi"] = a.kpi_id;
  j["period"] = a.period_name;
  j["action"] = step.action;
  j["label"] = text(step.label);
  j["owner"] = contract::owner_name(step.owner);
  j["created_at"] = zone.format(a.created_at);
  j["deadline"] = a.deadline ? Json(zone.format(*a.deadline)) : Json(nullptr);
  j["status"] = a.status;
  j["malus_pct"] = step.malus_pct ? step.malus_pct->to_double() : 0.0;
  j["because"] =
      Json{{"nl", reason_text(a.because, dutch())}, {"en", reason_text(a.because, english())}};
  return j;
}

}  // namespace json_parts

namespace {

using json_parts::Json;
using json_parts::text;

Json kpi_json(const KpiResult& k, const contract::Versions& versions, const time::Zone& zone) {
  const contract::Kpi& kpi = versions.kpi(k.contract_version, k.kpi_id);
  Json j;
  j["id"] = k.kpi_id;
  j["title"] = text(kpi.title);
  j["requirement"] = kpi.requirement;
  j["status"] = measure::status_name(k.status);
  j["cadence"] = contract::cadence_name(kpi.cadence);
  json_parts::add_kpi_results(j, k.window, k.final, k.objectives, k.escalation, kpi, zone);
  return j;
}

Json finance_json(const Finance& f, const time::Zone& zone) {
  const contract::Money fee{f.monthly_fee_cents, f.currency};
  Json j;
  j["currency"] = f.currency;
  j["monthly_fee"] = json_parts::amount(f.monthly_fee_cents);
  j["monthly_fee_cents"] = f.monthly_fee_cents;
  j["malus_pct"] = f.malus_pct;
  j["malus_amount"] = json_parts::amount(f.malus_cents);
  j["malus_cents"] = f.malus_cents;
  j["bonus_amount"] = json_parts::amount(f.bonus_cents);
  j["bonus_cents"] = f.bonus_cents;
  j["net_amount"] = json_parts::amount(f.net_cents);
  j["net_cents"] = f.net_cents;
  j["capped"] = f.capped;
  j["example"] = f.example;
  j["contract_year"] = f.year ? json_parts::year_finance(*f.year, zone) : Json(nullptr);
  Json months = Json::array();
  for (const auto& m : f.months) months.push_back(json_parts::month_finance(m, fee));
  j["months"] = months;
  j["explanation"] = Json{{"nl", money_lines_text(f.explanation, fee, dutch())},
                          {"en", money_lines_text(f.explanation, fee, english())}};
  return j;
}

}  // namespace

std::string to_json(const Evaluation& e, const contract::Versions& versions,
                    const time::Zone& zone) {
  Json j;
  j["format"] = "meetlat.evaluation/1";
  j["contract"] = json_parts::contract_header(versions.at(e.contract_version).terms);
  j["period"] = e.period_name;
  j["as_of"] = zone.format(e.as_of);
  Json kpis = Json::array();
  for (const auto& k : e.kpis) kpis.push_back(kpi_json(k, versions, zone));
  j["kpis"] = kpis;
  j["finance"] = finance_json(e.finance, zone);
  j["warnings"] = e.warnings;
  // Text is checked to be UTF-8 where it comes in (contract loader, evidence rows); replacing
  // what still is not (U+FFFD) keeps a missed case from aborting the whole result.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace meetlat::report

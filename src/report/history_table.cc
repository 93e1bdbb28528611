// The terminal form of a history: a grid with a column per month, a row per KPI (its id and
// title; per month its status symbol, ✓ met, ✗ breached, … pending, – no data, then ! when a
// ladder step fired) and under it a row per objective (its title; per month the value the month
// stands for and its status symbol). A * marks a period that had not ended at as_of, · a month
// whose KPI period ends in a later month, an empty cell a month whose contract version does not
// hold the KPI. Then the money per month and per contract year, and the actions fired.
// Labels, numbers, amounts and dates in the catalogue's language.
#include <algorithm>

#include "report/contract_words.h"
#include "report/engine_text.h"
#include "report/history_report.h"
#include "report/locale_text.h"
#include "report/text_columns.h"
#include "report/wording.h"

namespace meetlat::report {

// The results this module renders.
using namespace evaluate;  // NOLINT(google-build-using-namespace)
namespace {

using Align = TextColumns::Align;

std::string month_short(const time::Period& month, const Catalogue& words) {
  const std::chrono::year_month_day ymd{month.first_day};
  return words.say("month_short." + std::to_string(static_cast<unsigned>(ymd.month())), {}) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

const ObjectiveResult* find_objective(const HistoryKpi& k, const std::string& id) {
  for (const auto& o : k.objectives) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

const HistoryKpi* find_kpi(const HistoryMonth& m, const std::string& id) {
  for (const auto& k : m.kpis) {
    if (k.kpi_id == id) return &k;
  }
  return nullptr;
}

// A period that ends after this month (a quarter in its first months) is shown once, in the
// month it ends, or in the last month of the history when that comes first.
bool shown_later(const HistoryKpi& k, const time::Period& month, bool last) {
  return k.period.end_day > month.end_day && !last;
}

// The KPI in one month: its status symbol, "!" when a ladder step fired, "*" to date.
std::string kpi_cell(const HistoryKpi& k, const time::Period& month, bool last) {
  if (shown_later(k, month, last)) return "·";
  std::string out(status_symbol(k.status));
  if (!k.escalation.steps.empty()) out += '!';
  if (!k.final) out += '*';
  return out;
}

// One objective in one month: its value and status symbol, "*" to date.
std::string objective_cell(const HistoryKpi& k, const std::string& objective_id,
                           const time::Period& month, bool last, const Catalogue& words) {
  if (shown_later(k, month, last)) return "·";
  const ObjectiveResult* o = find_objective(k, objective_id);
  if (o == nullptr) return "";
  std::string out;
  if (o->value) out = value_text(o->unit, *o->value, o->norm, words) + " ";
  out += status_symbol(o->status);
  if (!k.final) out += '*';
  return out;
}

// Every KPI of the months with the objectives it had in any of them, in order of first
// appearance (contract order without amendments), and the last month holding the KPI (whose
// version names it).
struct GridRow {
  std::string kpi_id;
  std::vector<std::string> objective_ids;
  int version = 0;
};

std::vector<GridRow> grid_rows(const History& h) {
  std::vector<GridRow> rows;
  for (const auto& m : h.months) {
    for (const auto& k : m.kpis) {
      auto row = std::find_if(rows.begin(), rows.end(),
                              [&](const GridRow& r) { return r.kpi_id == k.kpi_id; });
      if (row == rows.end()) row = rows.insert(rows.end(), GridRow{k.kpi_id, {}, 0});
      row->version = k.contract_version;
      for (const auto& o : k.objectives) {
        if (std::find(row->objective_ids.begin(), row->objective_ids.end(), o.id) ==
            row->objective_ids.end()) {
          row->objective_ids.push_back(o.id);
        }
      }
    }
  }
  return rows;
}

std::string grid(const History& h, const contract::Versions& versions, const Catalogue& words) {
  std::vector<std::string> header{words.say("table.col.kpi_objective", {})};
  for (const auto& m : h.months) header.push_back(month_short(m.month, words));
  TextColumns table(std::move(header));
  for (const GridRow& row : grid_rows(h)) {
    std::vector<std::string> kpi_cells{row.kpi_id + "  " +
                                       kpi_title(versions, row.version, row.kpi_id, words)};
    for (std::size_t i = 0; i < h.months.size(); ++i) {
      const HistoryKpi* k = find_kpi(h.months[i], row.kpi_id);
      kpi_cells.push_back(k == nullptr ? ""
                                       : kpi_cell(*k, h.months[i].month, i + 1 == h.months.size()));
    }
    table.row(std::move(kpi_cells));
    for (const std::string& objective : row.objective_ids) {
      std::vector<std::string> cells{
          "  " + objective_title(versions, row.version, row.kpi_id, objective, words)};
      for (std::size_t i = 0; i < h.months.size(); ++i) {
        const HistoryKpi* k = find_kpi(h.months[i], row.kpi_id);
        cells.push_back(k == nullptr ? ""
                                     : objective_cell(*k, objective, h.months[i].month,
                                                      i + 1 == h.months.size(), words));
      }
      table.row(std::move(cells));
    }
  }
  return table.render();
}

std::string caps_text(const MonthFinance& f, const Catalogue& words) {
  std::string caps = f.capped_month ? words.say("table.cap.month", {}) : "";
  if (f.capped_year) caps += (caps.empty() ? "" : ", ") + words.say("table.cap.year", {});
  return caps;
}

std::string money(const History& h, const std::string& currency, const Catalogue& words) {
  TextColumns table({words.say("table.col.month", {}), words.say("report.row.malus", {}),
                     words.say("report.row.bonus", {}), words.say("table.net", {}),
                     words.say("table.col.caps", {})},
                    {Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kLeft});
  for (const auto& m : h.months) {
    const auto& f = m.finance;
    table.row({month_short(m.month, words), money_text(f.malus_cents, currency, words),
               money_text(f.bonus_cents, currency, words), money_text(f.net_cents, currency, words),
               caps_text(f, words)});
  }
  for (const auto& y : h.years) {
    std::string cap;
    if (y.malus_cap_cents) {
      cap = words.say("table.year_cap", {{"cap", money_text(*y.malus_cap_cents, currency, words)}});
      if (y.capped) cap += " (" + words.say("table.cap_reached", {}) + ")";
    }
    table.row({words.say("table.contract_year_short", {{"year", std::to_string(y.contract_year)}}),
               money_text(y.malus_cents, currency, words),
               money_text(y.bonus_cents, currency, words), money_text(y.net_cents, currency, words),
               cap});
  }
  return table.render();
}

// The calendar day a deadline ends (deadlines are 24:00 of a day).
std::string deadline_text(time::Instant deadline, const time::Zone& zone, const Catalogue& words) {
  return date_text(zone.date_of(deadline - time::Micros{1}), words);
}

std::string actions(const History& h, const contract::Versions& versions, const time::Zone& zone,
                    const Catalogue& words) {
  TextColumns table({words.say("report.col.kpi", {}), words.say("report.period", {}),
                     words.say("report.col.step", {}), words.say("report.col.owner", {}),
                     words.say("report.col.deadline", {}),
                     words.say("report.col.action_status", {}),
                     words.say("report.col.because", {})});
  for (const Action& a : h.actions) {
    const auto& step = versions.step(a.contract_version, a.kpi_id, a.action);
    std::string label = step.label.*(words.contract_text);
    if (step.malus_pct) label += " (" + decimal_text(*step.malus_pct, words) + "%)";
    table.row(
        {a.kpi_id, a.period_name, label,
         words.say(step.owner == contract::Owner::kClient ? "owner.client" : "owner.supplier", {}),
         a.deadline ? deadline_text(*a.deadline, zone, words) : "-",
         words.say(a.status == "overdue" ? "action.overdue" : "action.open", {}),
         reason_text(titled_reason(a.because, versions.at(a.contract_version).terms, words),
                     words)});
  }
  return words.say("table.actions",
                   {{"count", count_text(static_cast<std::int64_t>(h.actions.size()), words)}}) +
         "\n" + table.render();
}

// Whether the KPIs differ between the months (an amendment added or removed one).
bool amended(const History& h) {
  for (const auto& m : h.months) {
    if (m.kpis.size() != h.months.front().kpis.size()) return true;
    for (std::size_t k = 0; k < m.kpis.size(); ++k) {
      if (m.kpis[k].kpi_id != h.months.front().kpis[k].kpi_id) return true;
    }
  }
  return false;
}

}  // namespace

std::string history_table(const History& h, const contract::Versions& versions,
                          const time::Zone& zone, const Catalogue& words) {
  const auto& months = h.months;
  std::string out =
      words.say(
          "table.history_title",
          {{"contract", contract_name(versions.contract(), words)},
           {"from",
            months.empty() ? h.from_name : month_text(months.front().month.first_day, words)},
           {"to", months.empty() ? h.to_name : month_text(months.back().month.first_day, words)},
           {"as_of", instant_text(h.as_of, zone, words)}}) +
      "\n\n" + grid(h, versions, words) + words.say("table.legend", {}) +
      (amended(h) ? "; " + words.say("table.legend_amended", {}) : "") + "\n\n";
  out += money(h, versions.contract().monthly_fee.currency, words);
  for (const auto& m : h.months) {
    const auto& terms = versions.in_force(m.month.first_day).terms;
    for (const auto& line : money_lines_text(titled_lines(m.finance.explanation, terms, words),
                                             versions.contract().monthly_fee, words)) {
      out += "  " + month_short(m.month, words) + ": " + line + "\n";
    }
  }
  if (h.example_money) out += words.say("money.example_values", {}) + "\n";
  if (!h.actions.empty()) out += "\n" + actions(h, versions, zone, words);
  for (const auto& w : h.warnings)
    out += words.say("table.warning", {{"text", engine_text(w, words)}}) + "\n";
  return out;
}

}  // namespace meetlat::report

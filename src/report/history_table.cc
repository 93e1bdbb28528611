// The terminal form of a history: a grid of KPIs × months with one status letter per cell
// (M met, B breached, P pending, - no_data, · the KPI's period ends in a later month, a trailing
// ! when a ladder step fired, empty when the month's contract version does not hold the KPI),
// then the money per month and per contract year.
#include <algorithm>

#include "report/actions_register.h"
#include "report/history_report.h"
#include "report/wording.h"

namespace meetlat::report {

// The results this module renders.
using namespace evaluate;  // NOLINT(google-build-using-namespace)
namespace {

std::string pad(std::string s, std::size_t width) {
  std::size_t chars = 0;
  for (const char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  if (chars < width) s.append(width - chars, ' ');
  return s;
}

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

char letter(Status s) {
  switch (s) {
    case Status::kMet:
      return 'M';
    case Status::kBreached:
      return 'B';
    case Status::kPending:
      return 'P';
    case Status::kNoData:
      return '-';
  }
  return '?';
}

std::string cell(const HistoryKpi& k, const time::Period& month) {
  // A period that ends after this month (a quarter in its first months) is shown once, in the
  // month it ends, or in the last month of the history when that comes first.
  if (k.period.end_day > month.end_day) return "·";
  std::string out(1, letter(k.status));
  if (!k.escalation.steps.empty()) out += '!';
  return out;
}

std::string grid(const History& h) {
  std::string out = pad("KPI", 8);
  for (const auto& m : h.months) out += pad(m.name.substr(2), 7);
  out += "\n";
  // Every KPI of the months, in order of first appearance (contract order without amendments); a
  // month whose contract version does not hold a KPI leaves its cell empty.
  std::vector<std::string> ids;
  for (const auto& m : h.months) {
    for (const auto& k : m.kpis) {
      if (std::find(ids.begin(), ids.end(), k.kpi_id) == ids.end()) ids.push_back(k.kpi_id);
    }
  }
  for (const auto& id : ids) {
    out += pad(id, 8);
    for (std::size_t i = 0; i < h.months.size(); ++i) {
      const auto found = std::find_if(h.months[i].kpis.begin(), h.months[i].kpis.end(),
                                      [&](const HistoryKpi& k) { return k.kpi_id == id; });
      if (found == h.months[i].kpis.end()) {
        out += pad("", 7);
        continue;
      }
      const auto& entry = *found;
      const bool last = i + 1 == h.months.size();
      out += pad(last && entry.period.end_day > h.months[i].month.end_day
                     ? std::string(1, letter(entry.status)) + "…"
                     : cell(entry, h.months[i].month),
                 7);
    }
    out += "\n";
  }
  return out;
}

std::string money(const History& h, const std::string& currency) {
  std::string out = pad("month", 9) + pad_left("malus", 14) + pad_left("bonus", 14) +
                    pad_left("net", 15) + "  caps\n";
  for (const auto& m : h.months) {
    const auto& f = m.finance;
    std::string caps = f.capped_month ? "month" : "";
    if (f.capped_year) caps += caps.empty() ? "year" : ", year";
    out += pad(m.name, 9) + pad_left(money_text(f.malus_cents, currency, english()), 14) +
           pad_left(money_text(f.bonus_cents, currency, english()), 14) +
           pad_left(money_text(f.net_cents, currency, english()), 15) + "  " + caps + "\n";
  }
  for (const auto& y : h.years) {
    out += pad("CY" + std::to_string(y.contract_year), 9) +
           pad_left(money_text(y.malus_cents, currency, english()), 14) +
           pad_left(money_text(y.bonus_cents, currency, english()), 14) +
           pad_left(money_text(y.net_cents, currency, english()), 15) + "  " +
           (y.malus_cap_cents ? "year cap " + money_text(*y.malus_cap_cents, currency, english())
                              : "") +
           (y.capped ? " (reached)" : "") + "\n";
  }
  return out;
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
                          const time::Zone& zone) {
  std::string out = h.contract_id + " — " + h.from_name + " to " + h.to_name + ", as of " +
                    zone.format(h.as_of) + "\n\n" + grid(h) +
                    "M met, B breached, P pending, - no data, ! a ladder step fired, · period "
                    "ends later, … to date" +
                    (amended(h) ? "; empty: not in the contract version in force" : "") + "\n\n";
  out += money(h, versions.contract().monthly_fee.currency);
  for (const auto& m : h.months) {
    for (const auto& line :
         money_lines_text(m.finance.explanation, versions.contract().monthly_fee, english())) {
      out += "  " + m.name + ": " + line + "\n";
    }
  }
  if (h.example_money) out += "Note: example values (fee or percentages), not yet agreed.\n";
  if (!h.actions.empty()) out += "\n" + actions_table(action_rows(h.actions, versions, zone));
  for (const auto& w : h.warnings) out += "warning: " + w + "\n";
  return out;
}

}  // namespace meetlat::report

#include "report/actions_register.h"

#include "report/wording.h"

namespace meetlat::report {

// The results this module renders.
using namespace evaluate;  // NOLINT(google-build-using-namespace)
namespace {

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The calendar day a deadline ends (deadlines are 24:00 of a day).
std::string deadline_date(time::Instant deadline, const time::Zone& zone) {
  return time::format_date(zone.date_of(deadline - time::Micros{1}));
}

std::string pad(std::string s, std::size_t width) {
  std::size_t chars = 0;
  for (const char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  if (chars < width) s.append(width - chars, ' ');
  return s + " ";
}

}  // namespace

std::string actions_csv(const std::vector<Action>& actions, const contract::Versions& versions,
                        const time::Zone& zone) {
  std::string out =
      "id,created_at,owner,deadline,status,kpi,period,action,label_nl,label_en,malus_pct,because\n";
  for (const auto& a : actions) {
    const auto& step = versions.step(a.contract_version, a.kpi_id, a.action);
    out += csv_cell(a.id) + "," + zone.format(a.created_at) + "," +
           std::string(contract::owner_name(step.owner)) + "," +
           (a.deadline ? deadline_date(*a.deadline, zone) : "") + "," + a.status + "," +
           csv_cell(a.kpi_id) + "," + csv_cell(a.period_name) + "," + csv_cell(step.action) + "," +
           csv_cell(step.label.nl) + "," + csv_cell(step.label.en) + "," +
           (step.malus_pct ? decimal_text(*step.malus_pct, english()) : "") + "," +
           csv_cell(reason_text(a.because, english())) + "\n";
  }
  return out;
}

std::string actions_table(const std::vector<Action>& actions, const contract::Versions& versions,
                          const time::Zone& zone) {
  std::string out = pad("KPI", 8) + pad("period", 9) + pad("action", 34) + pad("owner", 9) +
                    pad("deadline", 11) + pad("status", 8) + "because\n";
  for (const auto& a : actions) {
    const auto& step = versions.step(a.contract_version, a.kpi_id, a.action);
    std::string action = step.label.en;
    if (step.malus_pct) action += " (" + decimal_text(*step.malus_pct, english()) + "%)";
    out += pad(a.kpi_id, 8) + pad(a.period_name, 9) + pad(action, 34) +
           pad(std::string(contract::owner_name(step.owner)), 9) +
           pad(a.deadline ? deadline_date(*a.deadline, zone) : "-", 11) + pad(a.status, 8) +
           reason_text(a.because, english()) + "\n";
  }
  out += std::to_string(actions.size()) + (actions.size() == 1 ? " action\n" : " actions\n");
  return out;
}

}  // namespace meetlat::report

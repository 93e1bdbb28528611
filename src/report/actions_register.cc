#include "report/actions_register.h"

#include "report/wording.h"
#include "text/csv_cell.h"
#include "time/parse.h"

namespace meetlat::report {

using text::csv_cell;

namespace {

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

int days_after(const std::string& deadline, time::Date day) {
  const auto last = time::parse_date(deadline, nullptr);
  if (!last || !(*last < day)) return 0;
  return static_cast<int>((day - *last).count());
}

std::vector<ActionRow> action_rows(const std::vector<Action>& actions,
                                   const contract::Versions& versions, const time::Zone& zone) {
  std::vector<ActionRow> rows;
  rows.reserve(actions.size());
  for (const Action& a : actions) {
    const auto& step = versions.step(a.contract_version, a.kpi_id, a.action);
    ActionRow row;
    row.id = a.id;
    row.created_at = zone.format(a.created_at);
    row.owner = contract::owner_name(step.owner);
    row.deadline = a.deadline ? deadline_date(*a.deadline, zone) : "";
    row.status = a.status;
    row.kpi = a.kpi_id;
    row.period = a.period_name;
    row.action = step.action;
    row.label_nl = step.label.nl;
    row.label_en = step.label.en;
    row.malus_pct = step.malus_pct ? decimal_text(*step.malus_pct, english()) : "";
    row.because = reason_text(a.because, english());
    row.days_late = a.days_overdue;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string actions_csv(const std::vector<ActionRow>& rows) {
  std::string out =
      "id,created_at,owner,deadline,status,kpi,period,action,label_nl,label_en,malus_pct,because,"
      "days_late,done_on,done_evidence,register\n";
  for (const ActionRow& r : rows) {
    out += csv_cell(r.id) + "," + r.created_at + "," + csv_cell(r.owner) + "," + r.deadline + "," +
           r.status + "," + csv_cell(r.kpi) + "," + csv_cell(r.period) + "," + csv_cell(r.action) +
           "," + csv_cell(r.label_nl) + "," + csv_cell(r.label_en) + "," + r.malus_pct + "," +
           csv_cell(r.because) + "," + (r.days_late > 0 ? std::to_string(r.days_late) : "") + "," +
           r.done_on + "," + csv_cell(r.done_evidence) + "," +
           (r.agreed ? "agreed" : "provisional") + "\n";
  }
  return out;
}

std::string actions_table(const std::vector<ActionRow>& rows) {
  std::size_t agreed = 0;
  for (const ActionRow& r : rows) agreed += r.agreed ? 1 : 0;
  // From a workspace with a register: which rows are in it.
  const bool register_column = agreed > 0;
  std::string out = pad("KPI", 8) + pad("period", 9) + pad("action", 34) + pad("owner", 9) +
                    pad("deadline", 11) + pad("status", 8) + pad("late", 5) + pad("done on", 11) +
                    (register_column ? pad("register", 12) : "") + "because\n";
  for (const ActionRow& r : rows) {
    std::string action = r.label_en;
    if (!r.malus_pct.empty()) action += " (" + r.malus_pct + "%)";
    out += pad(r.kpi, 8) + pad(r.period, 9) + pad(action, 34) +
           pad(r.owner.empty() ? "-" : r.owner, 9) +
           pad(r.deadline.empty() ? "-" : r.deadline, 11) + pad(r.status, 8) +
           pad(r.days_late > 0 ? std::to_string(r.days_late) + "d" : "", 5) +
           pad(r.done_on.empty() ? "-" : r.done_on, 11) +
           (register_column ? pad(r.agreed ? "agreed" : "provisional", 12) : "") + r.because + "\n";
  }
  out += std::to_string(rows.size()) + (rows.size() == 1 ? " action" : " actions");
  if (register_column) {
    out += ", " + std::to_string(agreed) + " in the register (agreed at a close), " +
           std::to_string(rows.size() - agreed) + " provisional";
  }
  return out + "\n";
}

}  // namespace meetlat::report

#include "report/actions_register.h"

#include <algorithm>
#include <array>

#include "report/locale_text.h"
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

std::size_t display_width(std::string_view s) {
  std::size_t chars = 0;
  for (const char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return chars;
}

std::string pad(std::string s, std::size_t width) {
  const std::size_t chars = display_width(s);
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
    row.because_nl = reason_text(a.because, dutch());
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

std::string actions_table(const std::vector<ActionRow>& rows, const Catalogue& words) {
  const bool english_words = words.language == english().language;
  const auto say = [&words](std::string_view id) { return words.say(id, {}); };
  // English keeps the register's ISO dates; another language writes a date as it does.
  const auto date = [&](const std::string& iso) {
    if (iso.empty()) return std::string("-");
    if (english_words) return iso;
    const auto d = time::parse_date(iso, nullptr);
    return d ? date_text(*d, words) : iso;
  };
  std::size_t agreed = 0;
  for (const ActionRow& r : rows) agreed += r.agreed ? 1 : 0;
  // From a workspace with a register: which rows are in it.
  const bool register_column = agreed > 0;
  std::vector<std::vector<std::string>> cells;
  cells.push_back({say("actions.col.kpi"), say("actions.col.period"), say("actions.col.action"),
                   say("actions.col.owner"), say("actions.col.deadline"), say("actions.col.status"),
                   say("actions.col.late"), say("actions.col.done_on"), say("actions.col.register"),
                   say("actions.col.because")});
  for (const ActionRow& r : rows) {
    std::string action = english_words ? r.label_en : r.label_nl;
    if (!r.malus_pct.empty()) {
      std::string pct = r.malus_pct;
      std::replace(pct.begin(), pct.end(), '.', words.decimal_mark);
      action += " (" + pct + "%)";
    }
    const std::string owner = r.owner.empty() ? "-"
                                              : (words.messages.contains("actions.owner." + r.owner)
                                                     ? say("actions.owner." + r.owner)
                                                     : r.owner);
    const std::string status = words.messages.contains("actions.status." + r.status)
                                   ? say("actions.status." + r.status)
                                   : r.status;
    cells.push_back({r.kpi, r.period, action, owner, date(r.deadline), status,
                     r.days_late > 0 ? std::to_string(r.days_late) + "d" : "", date(r.done_on),
                     say(r.agreed ? "actions.register.agreed" : "actions.register.provisional"),
                     english_words || r.because_nl.empty() ? r.because : r.because_nl});
  }
  // The English table's widths, as scripts have read it; a column widens to its widest cell
  // (another language's words, a long step label) with a space after it, so no cell runs into the
  // next.
  std::array<std::size_t, 9> widths = {8, 9, 34, 9, 11, 8, 5, 11, 12};
  for (const auto& row : cells) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]) + 1);
    }
  }
  std::string out;
  for (const auto& row : cells) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (c == 8 && !register_column) continue;
      out += pad(row[c], widths[c]);
    }
    out += row[9] + "\n";
  }
  const auto count = static_cast<std::int64_t>(rows.size());
  out += words.say(count == 1 ? "actions.count_one" : "actions.count",
                   {{"count", count_text(count, words)}});
  if (register_column) {
    out +=
        words.say("actions.in_register",
                  {{"agreed", count_text(static_cast<std::int64_t>(agreed), words)},
                   {"provisional", count_text(count - static_cast<std::int64_t>(agreed), words)}});
  }
  return out + "\n";
}

}  // namespace meetlat::report

#include "report/result_table.h"

#include "report/contract_words.h"
#include "report/engine_text.h"
#include "report/locale_text.h"
#include "report/text_columns.h"
#include "report/wording.h"
#include "time/period.h"

namespace meetlat::report {

// The results this module renders.
using namespace evaluate;  // NOLINT(google-build-using-namespace)
namespace {

constexpr std::string_view kNoteIndent = "    ";

std::string status_cell(Status s, bool to_date, const TableOptions& options) {
  const Catalogue& words = *options.words;
  std::string text = std::string(status_symbol(s)) + " " + status_word(s, words);
  if (to_date) text += " (" + words.say("report.to_date", {}) + ")";
  if (!options.colour) return text;
  const char* code = s == Status::kMet        ? "32"
                     : s == Status::kBreached ? "31"
                     : s == Status::kPending  ? "33"
                                              : "90";
  return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
}

// Why an objective has no data: the engine's reason (in the reader's words, engine_text.h), or,
// where the engine gives none because there was simply nothing to count, that.
std::string no_data_reason(const ObjectiveResult& o, const Catalogue& words) {
  if (o.reason) return engine_text(*o.reason, words);
  return words.say(
      o.count == 0 && o.pending == 0 ? "table.no_data.no_items" : "table.no_data.no_value", {});
}

// The lines under an objective's row that say what its figures rest on.
std::string objective_notes(const ObjectiveResult& o, const TableOptions& options) {
  const Catalogue& words = *options.words;
  const std::string indent(kNoteIndent);
  std::string out;
  if (o.status == Status::kNoData) {
    out += indent + words.say("report.reason_no_data", {}) + ": " + no_data_reason(o, words) + "\n";
  }
  if (o.volume_rule) {
    const auto& rule = *o.volume_rule;
    out += indent +
           (rule.max_failing
                ? words.say("report.volume_rule", {{"items", count_text(rule.items, words)},
                                                   {"min", count_text(rule.min_count, words)},
                                                   {"max", count_text(*rule.max_failing, words)}})
                : words.say("report.volume_rule_no_data",
                            {{"items", count_text(rule.items, words)},
                             {"min", count_text(rule.min_count, words)}})) +
           "\n";
  }
  if (o.exempted > 0) {
    out += id_lines(
        indent + words.say("report.exempted_count", {{"count", count_text(o.exempted, words)}}) +
            ": ",
        o.exempted_ids, options.id_limit, words, indent + "  ");
  }
  if (options.failing_ids && !o.failing_ids.empty()) {
    out += id_lines(indent + words.say("report.failing_ids", {}) + " (" +
                        count_text(static_cast<std::int64_t>(o.failing_ids.size()), words) + "): ",
                    o.failing_ids, options.id_limit, words, indent + "  ");
  }
  return out;
}

// The KPI's window: its cadence period holding the one asked for, or the period asked for itself
// (a quarter of a monthly KPI, an ISO week of a weekly one). Short: a contract year's name
// "CY1 (2026-01-01/2027-01-01)" shows as "CY1".
std::string window_text(const KpiResult& k, const contract::Versions& versions) {
  std::string window = time::period_name(k.period, versions.contract().start);
  return window.substr(0, window.find(' '));
}

std::string steps_fired(const KpiResult& k, const contract::Versions& versions,
                        const time::Zone& zone, const Catalogue& words) {
  std::string out;
  for (const auto& fired : k.escalation.steps) {
    const auto& step = versions.step(k.contract_version, k.kpi_id, fired.action);
    std::string about =
        words.say(step.owner == contract::Owner::kClient ? "owner.client" : "owner.supplier", {});
    if (fired.deadline) {
      // A deadline is 24:00 of its last day: the day a reader must act by.
      const time::Date last_day = zone.date_of(*fired.deadline - time::Micros{1});
      about += ", " + words.say("table.due", {{"deadline", date_text(last_day, words)}});
    }
    const auto& terms = versions.at(k.contract_version).terms;
    out += "  → " + step.label.*(words.contract_text) + " (" + about +
           "): " + reason_text(titled_reason(fired.because, terms, words), words) + "\n";
  }
  return out;
}

std::string objectives_table(const Evaluation& e, const contract::Versions& versions,
                             const time::Zone& zone, const TableOptions& options) {
  const Catalogue& words = *options.words;
  using Align = TextColumns::Align;
  TextColumns table({words.say("table.col.kpi_objective", {}), words.say("report.col.window", {}),
                     words.say("report.col.value", {}), words.say("report.col.norm", {}),
                     words.say("report.col.items", {}), words.say("report.col.failing", {}),
                     words.say("report.col.pending_items", {}), words.say("report.col.status", {})},
                    {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft,
                     Align::kLeft, Align::kLeft, Align::kLeft});
  for (const auto& k : e.kpis) {
    table.line(k.kpi_id + "  " + kpi_title(versions, k.contract_version, k.kpi_id, words));
    const std::string window = window_text(k, versions);
    for (const auto& o : k.objectives) {
      table.row({"  " + objective_title(versions, k.contract_version, k.kpi_id, o.id, words),
                 window, o.value ? value_text(o.unit, *o.value, o.norm, words) : "-",
                 norm_text(o.norm, words), count_text(o.count, words), count_text(o.failing, words),
                 count_text(o.pending, words), status_cell(o.status, !k.final, options)});
      const std::string notes = objective_notes(o, options);
      if (!notes.empty()) table.line(notes.substr(0, notes.size() - 1));
    }
    const std::string steps = steps_fired(k, versions, zone, words);
    if (!steps.empty()) table.line(steps.substr(0, steps.size() - 1));
  }
  return table.render();
}

// `terms`: the contract version the period was evaluated under, whose titles the reasons take.
std::string money_text_lines(const Finance& f, const contract::Contract& terms,
                             const Catalogue& words) {
  std::string out =
      words.say("report.row.malus", {}) + ": " + money_text(f.malus_cents, f.currency, words) +
      (f.capped ? " (" + words.say("report.capped", {}) + ")" : "") + "   " +
      words.say("report.row.bonus", {}) + ": " + money_text(f.bonus_cents, f.currency, words) +
      "   " + words.say("table.net", {}) + ": " + money_text(f.net_cents, f.currency, words) + "\n";
  if (f.year) {
    out += words.say("report.col.year", {{"year", std::to_string(f.year->contract_year)}}) + ": " +
           words.say("report.row.malus", {}) + " " +
           money_text(f.year->malus_cents, f.currency, words);
    if (f.year->malus_cap_cents) {
      out += " " + words.say("table.of_at_most",
                             {{"cap", money_text(*f.year->malus_cap_cents, f.currency, words)}});
    }
    out += "\n";
  }
  for (const auto& line : money_lines_text(titled_lines(f.explanation, terms, words),
                                           {f.monthly_fee_cents, f.currency}, words)) {
    out += "  " + line + "\n";
  }
  if (f.example && f.explanation.empty()) {
    out += "  " + words.say("money.example_values", {}) + "\n";
  }
  return out;
}

std::string period_text(const Evaluation& e, const Catalogue& words) {
  if (e.period.cadence == time::Cadence::kMonth) return month_text(e.period.first_day, words);
  return e.period_name;
}

}  // namespace

std::string id_lines(const std::string& first, const std::vector<std::string>& ids,
                     std::size_t limit, const Catalogue& words, const std::string& indent,
                     std::size_t width) {
  const std::size_t shown = limit == 0 ? ids.size() : std::min(limit, ids.size());
  std::vector<std::string> parts(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown));
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) parts[i] += ",";
  if (shown < ids.size()) {
    parts.push_back(
        words.say("table.more",
                  {{"count", count_text(static_cast<std::int64_t>(ids.size() - shown), words)}}));
  }
  std::string out = first;
  std::size_t line_width = display_width(first);
  bool line_empty = true;
  for (const std::string& part : parts) {
    const std::size_t part_width = display_width(part);
    if (!line_empty && line_width + 1 + part_width > width) {
      out += "\n" + indent;
      line_width = display_width(indent);
      line_empty = true;
    }
    if (!line_empty) {
      out += " ";
      ++line_width;
    }
    out += part;
    line_width += part_width;
    line_empty = false;
  }
  return out + "\n";
}

std::string to_table(const Evaluation& e, const contract::Versions& versions,
                     const time::Zone& zone, const TableOptions& options) {
  TableOptions shown = options;
  if (shown.words == nullptr) shown.words = &english();
  const Catalogue& words = *shown.words;
  std::string out =
      words.say("table.title", {{"contract", contract_name(versions.contract(), words)},
                                {"period", period_text(e, words)},
                                {"as_of", instant_text(e.as_of, zone, words)}}) +
      "\n\n";
  out += objectives_table(e, versions, zone, shown);
  out += "\n" + money_text_lines(e.finance, versions.at(e.contract_version).terms, words);
  for (const auto& w : e.warnings)
    out += words.say("table.warning", {{"text", engine_text(w, words)}}) + "\n";
  return out;
}

}  // namespace meetlat::report

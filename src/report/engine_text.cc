#include "report/engine_text.h"

#include <array>
#include <cctype>

#include "report/locale_text.h"
#include "time/parse.h"

namespace meetlat::report {
namespace {

// The engine's messages in the order they are tried: a message whose template holds another's
// (a file with "(no such file …)", a singular beside a plural) before it, and the note that
// names its objective, which holds any of them, last.
constexpr std::array kEngineMessages = {
    "engine.no_evidence_file",
    "engine.missing_column",
    "engine.no_row",
    "engine.no_sample",
    "engine.no_probe",
    "engine.decided_on",
    "engine.co2_to_date",
    "engine.co2_partial",
    "engine.min_volume_one",
    "engine.min_volume",
    "engine.not_evidence_file",
    "engine.not_evidence_file_suggest",
    "engine.repeated_time_one",
    "engine.repeated_time",
    "engine.skipped_time_one",
    "engine.skipped_time",
    "engine.left_out_one",
    "engine.left_out",
    "engine.exemption_unapproved",
    "engine.exemption_after_as_of",
    "engine.exemption_no_file",
    "engine.exemption_no_record",
    "engine.pauses_unused_one",
    "engine.pauses_unused",
    "engine.pause_unknown_ticket",
    "engine.pauses_unknown_more",
    "engine.unrecorded_downtime",
    "engine.objective_note",
};

using Values = std::vector<std::pair<std::string_view, std::string>>;

// Matches `text` from `pos` against `tmpl` from `at`; a placeholder takes the shortest non-empty
// text after which the rest matches. Fills `values` on success.
bool match(std::string_view tmpl, std::size_t at, std::string_view text, std::size_t pos,
           Values& values) {
  if (at == tmpl.size()) return pos == text.size();
  if (tmpl[at] != '{') {
    const std::size_t open = tmpl.find('{', at);
    const std::string_view literal =
        tmpl.substr(at, open == std::string_view::npos ? std::string_view::npos : open - at);
    if (text.substr(pos, literal.size()) != literal) return false;
    return match(tmpl, at + literal.size(), text, pos + literal.size(), values);
  }
  const std::size_t close = tmpl.find('}', at);
  const std::string_view name = tmpl.substr(at + 1, close - at - 1);
  const std::size_t next = close + 1;
  if (next == tmpl.size()) {
    if (pos >= text.size()) return false;
    values.emplace_back(name, std::string(text.substr(pos)));
    return true;
  }
  const std::size_t open = tmpl.find('{', next);
  const std::string_view literal =
      tmpl.substr(next, open == std::string_view::npos ? std::string_view::npos : open - next);
  for (std::size_t end = text.find(literal, pos + 1); end != std::string_view::npos;
       end = text.find(literal, end + 1)) {
    const std::size_t size = values.size();
    values.emplace_back(name, std::string(text.substr(pos, end - pos)));
    if (match(tmpl, next, text, end, values)) return true;
    values.resize(size);
  }
  return false;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

// "3 bad time stamp, 1 duplicate id" with each kind of problem in the reader's words.
std::string kinds_text(std::string_view kinds, const Catalogue& words) {
  std::string out;
  std::size_t start = 0;
  while (start <= kinds.size()) {
    std::size_t end = kinds.find(", ", start);
    if (end == std::string_view::npos) end = kinds.size();
    const std::string_view item = kinds.substr(start, end - start);
    const std::size_t space = item.find(' ');
    if (!out.empty()) out += ", ";
    const std::string key =
        "diagnostic." + std::string(space == std::string_view::npos ? "" : item.substr(space + 1));
    if (space != std::string_view::npos && all_digits(item.substr(0, space)) &&
        words.messages.contains(key)) {
      out += count_text(std::stoll(std::string(item.substr(0, space))), words) + " " +
             words.say(key, {});
    } else {
      out += item;
    }
    start = end + 2;
  }
  return out;
}

// A value of a placeholder as the reader's language writes it.
std::string value_text(std::string_view name, const std::string& value, const Catalogue& words) {
  if (name == "kinds") return kinds_text(value, words);
  if (name == "note") return engine_text(value, words);
  if (name == "date" && value.size() == 10) {
    if (const auto d = time::parse_date(value, nullptr)) return date_text(*d, words);
  }
  if (all_digits(value) && value.size() < 18) return count_text(std::stoll(value), words);
  const std::size_t dot = value.find('.');
  if (dot != std::string::npos && all_digits(value.substr(0, dot)) &&
      all_digits(value.substr(dot + 1))) {
    std::string out = value;
    out[dot] = words.decimal_mark;
    return out;
  }
  return value;
}

}  // namespace

std::optional<EngineMessage> read_engine_text(std::string_view english_text) {
  for (const std::string_view id : kEngineMessages) {
    const auto it = english().messages.find(id);
    if (it == english().messages.end()) continue;
    EngineMessage m{std::string(id), {}};
    if (!match(it->second, 0, english_text, 0, m.values)) continue;
    if (id == "engine.objective_note") {
      // Only a note the engine writes about an objective: its text is itself a message.
      const auto& note = m.values.back().second;
      if (!read_engine_text(note)) continue;
    }
    return m;
  }
  return std::nullopt;
}

std::string rejected_kinds_text(const evidence::SkippedRows& rows, const Catalogue& words) {
  std::string out;
  for (const auto& [kind, count] : rows.reasons) {
    if (!out.empty()) out += ", ";
    out += count_text(static_cast<std::int64_t>(count), words) + " " +
           words.say("diagnostic." + std::string(evidence::diagnostic_kind_name(kind)), {});
  }
  return out;
}

std::string engine_text(std::string_view english_text, const Catalogue& words) {
  if (words.language == english().language) return std::string(english_text);
  const auto m = read_engine_text(english_text);
  if (!m) return std::string(english_text);
  Values values;
  for (const auto& [name, value] : m->values)
    values.emplace_back(name, value_text(name, value, words));
  return words.say(m->id, values);
}

}  // namespace meetlat::report

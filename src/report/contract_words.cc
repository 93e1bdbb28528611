#include "report/contract_words.h"

#include <optional>

namespace meetlat::report {
namespace {

// The title of objective `id` of `kpi`, or nullopt when it has none or is no objective of it.
std::optional<std::string> title_of(const contract::Kpi& kpi, std::string_view id,
                                    const Catalogue& words) {
  for (const auto& objective : kpi.objectives) {
    if (objective.id != id) continue;
    if (!objective.title) return std::nullopt;
    const std::string& title = (*objective.title).*(words.contract_text);
    if (title.empty()) return std::nullopt;
    return title;
  }
  return std::nullopt;
}

// "a, b" with each id replaced by its title; nullopt unless every one is a titled objective.
std::optional<std::string> titled_ids(const contract::Kpi& kpi, std::string_view ids,
                                      const Catalogue& words) {
  std::string out;
  for (std::size_t start = 0; start <= ids.size();) {
    std::size_t end = ids.find(", ", start);
    if (end == std::string_view::npos) end = ids.size();
    const auto title = title_of(kpi, ids.substr(start, end - start), words);
    if (!title) return std::nullopt;
    out += (out.empty() ? "" : ", ") + *title;
    start = end + 2;
  }
  return out;
}

// The subject forms of evaluate/reason.h: "KPI-01", "KPI-01 (P2, P3)", "KPI-02 migration_accuracy".
std::string titled_subject(const std::string& subject, const contract::Contract& terms,
                           const Catalogue& words) {
  const std::size_t space = subject.find(' ');
  if (space == std::string::npos) return subject;
  const contract::Kpi* kpi = terms.find_kpi(std::string_view(subject).substr(0, space));
  if (kpi == nullptr) return subject;
  std::string_view rest = std::string_view(subject).substr(space + 1);
  const bool listed = rest.size() > 2 && rest.front() == '(' && rest.back() == ')';
  if (listed) rest = rest.substr(1, rest.size() - 2);
  const auto titles = titled_ids(*kpi, rest, words);
  if (!titles) return subject;
  return subject.substr(0, space) + (listed ? " (" + *titles + ")" : " " + *titles);
}

}  // namespace

evaluate::Reason titled_reason(evaluate::Reason reason, const contract::Contract& terms,
                               const Catalogue& words) {
  reason.subject = titled_subject(reason.subject, terms, words);
  return reason;
}

std::vector<evaluate::MoneyLine> titled_lines(std::vector<evaluate::MoneyLine> lines,
                                              const contract::Contract& terms,
                                              const Catalogue& words) {
  for (auto& line : lines) line.because = titled_reason(std::move(line.because), terms, words);
  return lines;
}

std::string contract_name(const contract::Contract& contract, const Catalogue& words) {
  const std::string& name = contract.name.*(words.contract_text);
  return name.empty() ? contract.id : name;
}

std::string kpi_title(const contract::Versions& versions, int version, std::string_view kpi_id,
                      const Catalogue& words) {
  const std::string& title = versions.kpi(version, kpi_id).title.*(words.contract_text);
  return title.empty() ? std::string(kpi_id) : title;
}

std::string objective_title(const contract::Versions& versions, int version,
                            std::string_view kpi_id, std::string_view objective_id,
                            const Catalogue& words) {
  for (const auto& objective : versions.kpi(version, kpi_id).objectives) {
    if (objective.id != objective_id || !objective.title) continue;
    const std::string& title = (*objective.title).*(words.contract_text);
    if (!title.empty()) return title;
  }
  return std::string(objective_id);
}

}  // namespace meetlat::report

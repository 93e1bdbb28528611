// Reading `priority_names:` (docs/contract.md): per evidence file, the names its priority column
// gives the contract's priorities, so that a security incident scale and a ticket scale need not
// share names.
//
//   priority_names:
//     security_incidents: {Critical: P1, High: P2, Medium: P3}
//
// Checked here, each problem at its line and column: the kind has a priority column; each name
// maps to a priority of the contract; a name is not, in any letter case, another priority's id
// (the ids are accepted in every file, so "P1" meaning P2 would read two ways) nor given twice.
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include "contract/loader_internal.h"

namespace meetlat::contract::detail {
namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_priority_column(const EvidenceKind& kind) {
  for (const EvidenceColumn& c : kind.columns) {
    if (c.type == ColumnType::kPriority) return true;
  }
  return false;
}

std::string kinds_with_priorities() {
  std::string out;
  for (const EvidenceKind& k : evidence_kinds()) {
    if (has_priority_column(k)) out += (out.empty() ? "" : ", ") + std::string(k.name);
  }
  return out;
}

const Priority* find_priority(const Contract& c, std::string_view id) {
  for (const Priority& p : c.priorities) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const Priority* find_priority_ignoring_case(const Contract& c, std::string_view name) {
  for (const Priority& p : c.priorities) {
    if (lower(p.id) == lower(name)) return &p;
  }
  return nullptr;
}

std::string priority_ids(const Contract& c) {
  std::string out;
  for (const Priority& p : c.priorities) out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

// The names of one kind; an empty map when it had errors (already reported).
std::map<std::string, std::string> read_names(YamlReader& r, const std::string& kind,
                                              const YAML::Node& node, const Contract& c) {
  std::map<std::string, std::string> names;
  if (!node.IsMap() || node.size() == 0) {
    r.error(node, "priority_names: " + kind +
                      " must be a map of name: priority, e.g. {Critical: P1, High: P2}");
    return names;
  }
  std::map<std::string, std::string> seen;  // lower-case name -> as written
  for (const auto& kv : node) {
    const std::optional<std::string> name = r.string(kv.first, "priority_names: " + kind);
    const std::optional<std::string> id = r.string(kv.second, "priority_names: " + kind);
    if (!name || !id) continue;
    if (find_priority(c, *id) == nullptr) {
      r.error(kv.second, "priority_names: " + kind + ": " + quoted(*name) + " maps to " +
                             quoted(*id) + ", which is not a priority of the contract (" +
                             priority_ids(c) + ")");
      continue;
    }
    const Priority* same = find_priority_ignoring_case(c, *name);
    if (same != nullptr && same->id != *id) {
      r.error(kv.first, "priority_names: " + kind + ": " + quoted(*name) +
                            " is the id of priority " + same->id +
                            ", which every file may write; it cannot name " + *id);
      continue;
    }
    const auto [it, fresh] = seen.emplace(lower(*name), *name);
    if (!fresh) {
      r.error(kv.first, "priority_names: " + kind + ": " + quoted(*name) + " is " +
                            quoted(it->second) + " again (names match in any letter case)");
      continue;
    }
    names.emplace(*name, *id);
  }
  return names;
}

}  // namespace

void read_priority_names(YamlReader& r, const YAML::Node& node, Contract& c) {
  if (!node.IsMap()) {
    r.error(node, "priority_names must be a map of evidence kind: {name: priority}");
    return;
  }
  for (const auto& kv : node) {
    const std::optional<std::string> kind = r.string(kv.first, "priority_names");
    if (!kind) continue;
    const EvidenceKind* found = find_evidence_kind(*kind);
    if (found == nullptr || !has_priority_column(*found)) {
      r.error(kv.first,
              "priority_names: " + quoted(*kind) +
                  (found == nullptr ? " is not an evidence kind" : " has no priority column") +
                  "; the kinds with priorities are " + kinds_with_priorities());
      continue;
    }
    std::map<std::string, std::string> names = read_names(r, *kind, kv.second, c);
    if (!names.empty()) c.priority_names.emplace(*kind, std::move(names));
  }
}

}  // namespace meetlat::contract::detail

// Exemptions (docs/exemptions.md): rows of exemptions.csv that take a record out of the
// objectives it belongs to. This is how the outcome of a dispute enters the figures: an
// exempted ticket no longer counts, neither in `count` nor in `failing` nor in `pending`, and
// the result lists it under `exempted_ids` so what was excused stays visible.
//
// A row applies when it is approved at as_of: approved_by and approved_on are filled in and
// approved_on (a date in the contract zone, from its start) is not after as_of. Other rows are
// not applied, and said so in the warnings. `record` is the id as the result's failing_ids
// show it (evaluate/rows.h row_id): "INC-1042", or for siem "SOURCE 2026-10".
//
// Records of a kind can be exempted when the kind has a key (tickets, outages, changes,
// ...). Probes, transactions, emissions, api_endpoints and dq_checks have no key, and milestones
// are decided by their dates: naming one of them, or an unknown kind, is a diagnostic.
//
// Plain values; const access is thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/load.h"
#include "evidence/source.h"
#include "evidence/table.h"
#include "time/zone.h"

namespace meetlat::evaluate {

// Whether records of evidence `kind` ("tickets") can be exempted.
bool exemptible_kind(std::string_view kind);

// Checks the `evidence` cell of every row of the exemptions table of `evidence` (when present):
// a row naming a kind that is unknown or cannot be exempted gets a diagnostic
// ("exemptions.csv:3:1: evidence: unknown evidence kind 'tikets' ..."), and leaves the table like
// any invalid row; with skip_invalid it is counted in `evidence.skipped`. `evidence` was read from
// `source`, which is asked only for the positions of the bad cells (EvidenceSource::locate).
void check_exemptions(evidence::Evidence& evidence, const evidence::EvidenceSource& source);

// The approved exemptions of `evidence` at `as_of`, by kind.
class Exemptions {
 public:
  // `zone` reads approved_on; every reference is used only during the call.
  Exemptions(const evidence::Evidence& evidence, const time::Zone& zone, time::Instant as_of);

  // One flag per row of `table`: 1 when an approved exemption names the row's id. Empty when
  // no approved exemption names the table's kind (the common case costs nothing).
  std::vector<std::uint8_t> mask(const evidence::Table& table) const;

  // What a user should know: rows not applied (not approved, or approved after as_of) and
  // approved rows naming a record that does not exist, in line order of exemptions.csv.
  std::vector<std::string> warnings(const evidence::Evidence& evidence) const;

 private:
  struct Entry {
    std::string record;
    std::uint32_t line = 0;
  };
  // One flag per entry of `entries`: 1 when a row of `table` has its id; and the row mask.
  static std::vector<std::uint8_t> match(const evidence::Table& table,
                                         const std::vector<Entry>& entries,
                                         std::vector<std::uint8_t>* rows);

  std::map<std::string, std::vector<Entry>, std::less<>> approved_;  // by kind
  std::vector<std::pair<std::uint32_t, std::string>> not_applied_;   // line, warning
};

// The warnings of Exemptions(evidence, zone, as_of), for evaluate().
std::vector<std::string> exemption_warnings(const evidence::Evidence& evidence,
                                            const time::Zone& zone, time::Instant as_of);

}  // namespace meetlat::evaluate

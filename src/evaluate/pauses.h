// Pauses (pauses.csv, docs/evidence.md): the times a ticket's clock stood still, as ITSM tools
// stop it while a ticket waits for the customer. An attainment objective with `pauses: true`
// (contract::AttainmentMeasure::pauses) moves each ticket's deadline by the open time of its
// calendar that the ticket was paused (measure/paused_clock.h) and names every paused ticket in
// its `details`, so an auditor can follow what was counted out.
//
// A pause belongs to the ticket whose `id` equals its `ticket_id`. A pause of a ticket that
// tickets.csv does not hold stops no clock; it is not an error (a pauses export often spans other
// months than the tickets export), but a warning at its position, so nothing is dropped silently.
//
// Plain values; const access is thread-safe.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "evidence/load.h"
#include "evidence/source.h"
#include "measure/paused_clock.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::evaluate {

class TicketPauses {
 public:
  // The pauses of `evidence` (none when it holds no pauses.csv), by ticket id: each
  // [paused_at, resumed_at), Instant::max() as the end of a pause without resumed_at. A bare date
  // in paused_at is 00:00 of that day in `zone`, in resumed_at 24:00.
  TicketPauses(const evidence::Evidence& evidence, const time::Zone& zone);

  // The pauses of the ticket `id`, in file order; empty when it has none.
  std::span<const time::Window> of(std::string_view id) const;
  bool empty() const { return by_ticket_.empty(); }

 private:
  std::map<std::string, std::vector<time::Window>, std::less<>> by_ticket_;
};

// One line of an objective's `paused` details, in the contract zone:
// "INC-2: 1h30m of office_hours time paused, in 1 stretch; deadline 2026-10-05T13:00:00+02:00
// moved to 2026-10-05T14:30:00+02:00" (overlapping or touching pauses are one stretch).
std::string paused_line(std::string_view id, const measure::PausedClock& clock,
                        time::Instant unpaused_deadline, std::string_view calendar,
                        const time::Zone& zone);

// What a reader must know about the pauses of `evidence` (read from `source`) under `contract`:
// each pause whose ticket_id names no ticket of tickets.csv, at the position of its ticket_id
// ("pauses.csv:4:1: ticket INC-9 is not in tickets.csv: the pause stops no clock"; the first 20,
// then how many more), or, when no objective of the contract or its amendments has
// `pauses: true`, that no pause is counted at all. Empty without pauses.csv.
std::vector<std::string> pause_warnings(const evidence::Evidence& evidence,
                                        const evidence::EvidenceSource& source,
                                        const contract::Contract& contract);

}  // namespace meetlat::evaluate

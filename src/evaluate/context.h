// What every objective evaluator reads: the contract and its versions, the evidence, the zone, the
// compiled calendars and the moment of evaluation. Built once per evaluation; read-only afterwards.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "contract/versions.h"
#include "evidence/load.h"
#include "time/calendar.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::evaluate {

class LatencyAccumulator;

// One period an objective is evaluated over, with its instants in the contract zone.
struct Slot {
  time::Period period;
  time::Window window;
};

class Context {
 public:
  // Compiles every calendar of the contract in `zone`. The references must outlive the Context.
  // `latency`, when set, holds the quantile samples of the streamed transactions
  // (latency_accumulator.h) and must outlive the Context too.
  Context(const contract::Versions& versions, const evidence::Evidence& evidence,
          const time::Zone& zone, time::Instant as_of, const LatencyAccumulator* latency = nullptr);
  // The same over the versions of `contract`, which the Context keeps.
  Context(const contract::Contract& contract, const evidence::Evidence& evidence,
          const time::Zone& zone, time::Instant as_of, const LatencyAccumulator* latency = nullptr);

  // The contract as loaded: start, fee, caps, calendars and priorities hold for every version;
  // its KPIs are those of versions().
  const contract::Contract& contract() const { return versions_.contract(); }
  const contract::Versions& versions() const { return versions_; }
  const evidence::Evidence& evidence() const { return evidence_; }
  const time::Zone& zone() const { return zone_; }
  time::Instant as_of() const { return as_of_; }
  // The streamed quantile samples, or nullptr when the evidence holds them in its tables.
  const LatencyAccumulator* latency() const { return latency_; }
  // A calendar by name ("24x7", "office_hours", ...); the loader has checked the names.
  const time::Calendar& calendar(std::string_view name) const;

 private:
  Context(std::unique_ptr<const contract::Versions> owned, const evidence::Evidence& evidence,
          const time::Zone& zone, time::Instant as_of, const LatencyAccumulator* latency);
  void compile_calendars();

  std::unique_ptr<const contract::Versions> owned_;  // set by the Contract constructor
  const contract::Versions& versions_;
  const evidence::Evidence& evidence_;
  const time::Zone& zone_;
  time::Instant as_of_;
  const LatencyAccumulator* latency_;
  std::map<std::string, time::Calendar, std::less<>> calendars_;
};

// Which slot of `slots` (sorted, adjacent windows) contains `t`; -1 when none does.
int slot_of(std::span<const Slot> slots, time::Instant t);

}  // namespace meetlat::evaluate

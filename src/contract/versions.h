// The contract over its term: the version as signed and one more for each amendment, each with
// the first day it is in force (docs/contract.md, "amendments").
//
// A period is evaluated under the version in force on its first day: a quarter that began before
// an amendment keeps the terms it began under, and no amendment rewrites an earlier period. A KPI
// keeps its id, its cadence and its objectives' cadences from version to version (the loader
// checks), so its periods are the same under every version; only which KPIs exist, their norms,
// measures, ladders and bonus, and the parameters change.
//
// A value; built once per evaluation. The contracts it holds do not change afterwards, so the
// results that point into them stay valid as long as the Versions live.
#pragma once

#include <string_view>
#include <vector>

#include "contract/model.h"
#include "time/instant.h"

namespace meetlat::contract {

struct Version {
  int number = 0;             // 0: as signed; n: after the n-th amendment
  time::Date effective_from;  // the contract start for version 0
  Contract terms;             // contract_in_force(contract, effective_from); no amendments
};

class Versions {
 public:
  // Every version of `contract` (as loaded, with its amendments).
  explicit Versions(const Contract& contract);

  // The contract as loaded, amendments included: its id, name, fee, caps, calendars and
  // priorities are those of every version.
  const Contract& contract() const { return contract_; }
  // In order of effective_from; never empty.
  const std::vector<Version>& all() const { return versions_; }
  // The version in force on `day`: the last one effective on or before it (version 0 for a day
  // before the contract start).
  const Version& in_force(time::Date day) const;

  // What a result names (evaluate/evaluation.h: results carry ids and the version number they
  // were computed under). Throws std::out_of_range when the version does not hold it: a result
  // read with a contract other than the one it was computed under.
  const Version& at(int number) const;
  const Kpi& kpi(int version, std::string_view kpi_id) const;
  const LadderStep& step(int version, std::string_view kpi_id, std::string_view action) const;

 private:
  Contract contract_;
  std::vector<Version> versions_;
};

}  // namespace meetlat::contract

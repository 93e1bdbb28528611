// The action register of a workspace as the commands see it: the actions fired up to a period,
// those entered into the register at a close (agreed) with their stored texts and completion,
// and the others as computed now (provisional). Also what a close enters into the register.
#pragma once

#include <vector>

#include "contract/versions.h"
#include "evaluate/actions.h"
#include "report/actions_register.h"
#include "store/backend.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::cli {

// The actions of `fired` as register entries (open, not yet registered).
std::vector<store::RegisteredAction> register_entries(const std::vector<evaluate::Action>& fired,
                                                      const contract::Versions& versions,
                                                      const time::Zone& zone);

// The register through `period` as of `as_of`: every registered action created by the end of
// `period`, with its status (done; overdue, with the days since its deadline, as of `as_of`; or
// open), then each action of `computed` that is not registered, as provisional; ordered by
// creation, registered ones first among actions created together.
std::vector<report::ActionRow> register_through(
    const std::vector<report::ActionRow>& computed,
    const std::vector<store::RegisteredAction>& registered, const time::Period& period,
    time::Instant as_of, const time::Zone& zone);

}  // namespace meetlat::cli

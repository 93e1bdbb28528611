// The workspace's action register (docs/workspace.md, "Actions"): the actions the ladders fired,
// entered when the period that fired them is closed as agreed, each then open until it is marked
// done with a date and its evidence. Every entry and every completion is audited.
//
// The register is also evidence: its actions are rows of actions.csv (id, created_at, owner,
// deadline, status), after the imported ones, which they replace when an imported row has the
// same id. So KPI-06 `actions_complete` measures the actions the contract's own ladders fired.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "store/backend.h"

namespace meetlat::store {

// The actions of `fired` that are not in the register yet (by id), nor among the imported
// actions, as open actions, in the order of `fired`: those a close would enter. Inside the
// caller's transaction.
std::vector<RegisteredAction> unregistered(Backend& backend,
                                           const std::vector<RegisteredAction>& fired);

// Enters the actions of `fired` that are not in the register yet (by id), nor among the imported
// actions, as open actions of the audit event `seq`, and returns them. Inside the caller's write
// transaction. (An import refuses rows with a registered action's id: an id is in one place.)
std::vector<RegisteredAction> register_actions(Backend& backend,
                                               const std::vector<RegisteredAction>& fired,
                                               std::int64_t seq);

// Marks the registered action `id` done on `done_on` (a date) with `evidence`, audited
// ("action-done", by `actor`), inside the caller's write transaction. Throws StoreError when the
// action is not in the register, is done already, or `done_on` lies before the day it was
// created.
RegisteredAction complete_registered_action(Backend& backend, const std::string& id,
                                            const std::string& done_on, const std::string& evidence,
                                            const std::string& actor);

// An entry's fields as the close event records them (everything but its status), and back.
nlohmann::json registration_json(const RegisteredAction& action);
RegisteredAction registration_from_json(const nlohmann::json& fields, std::int64_t seq);
// The completion fields of an "action-done" event.
nlohmann::json completion_json(const RegisteredAction& action);

// The register as canonical rows of actions.csv (id, created_at, owner, deadline, status), in
// register order.
std::string registered_action_rows(const std::vector<RegisteredAction>& actions);

}  // namespace meetlat::store

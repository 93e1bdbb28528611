// The action register (evaluate/actions.h) as CSV and as a terminal table. An action is first
// turned into an ActionRow: the texts meetlat writes for it, taken from the step of the contract
// version that fired it (its KPI, step and version are named by id), with its status as of a
// moment. A workspace's register keeps these rows (store/backend.h, RegisteredAction) and adds
// when each action was done.
#pragma once

#include <string>
#include <vector>

#include "contract/versions.h"
#include "evaluate/actions.h"
#include "report/catalogue.h"
#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::report {

using evaluate::Action;

struct ActionRow {
  std::string id;          // "KPI-01/2026-03/verbeterplan"
  std::string created_at;  // ISO 8601 in the contract's zone
  std::string owner;       // "supplier"; "" when the step names none
  std::string deadline;    // the date of its last day; "" without one
  std::string status;      // "open", "overdue" or "done"
  std::string kpi;
  std::string period;
  std::string action;  // the step's id
  std::string label_nl;
  std::string label_en;
  std::string malus_pct;   // "2.5"; "" without malus
  std::string because;     // in English, as the JSON and the CSV give it
  std::string because_nl;  // in Dutch; "" when not known (a register row of another reason)
  int days_late = 0;       // overdue: whole days since the deadline; done: days done after it
  std::string done_on;
  std::string done_evidence;
  bool agreed = false;  // in a workspace's register: entered when its period was closed
};

// The rows of `actions`, in order.
std::vector<ActionRow> action_rows(const std::vector<Action>& actions,
                                   const contract::Versions& versions, const time::Zone& zone);

// Days from the deadline's last day `deadline` ("2026-04-15") to `day`; 0 when `day` is not after
// it or there is no deadline.
int days_after(const std::string& deadline, time::Date day);

// The register as actions.csv in the evidence format of spec "Evidence files" (columns id,
// created_at, owner, deadline, status; deadline as the date of its last day), followed by the
// informative columns kpi, period, action, label_nl, label_en, malus_pct, because, days_late,
// done_on, done_evidence, register ("agreed" or "provisional"), which the evidence loader
// ignores. RFC 4180 quoting.
std::string actions_csv(const std::vector<ActionRow>& rows);

// The register as a terminal table in the language of `words` (catalogue.h): headers, owner,
// status and register from the catalogue, the step's label and why it fired in that language
// (`because` where `because_nl` is unknown), deadlines and days done as the language writes dates
// ("2026-11-10" in English, as before; "10 november 2026" in Dutch).
std::string actions_table(const std::vector<ActionRow>& rows, const Catalogue& words);

}  // namespace meetlat::report

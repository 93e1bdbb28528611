#include "store/action_register.h"

#include <algorithm>
#include <set>

#include "store/audit.h"
#include "store/canonical_rows.h"
#include "store/compression.h"
#include "store/store_error.h"

namespace meetlat::store {

using nlohmann::json;

json registration_json(const RegisteredAction& a) {
  return {{"id", a.id},
          {"created_at", a.created_at},
          {"owner", a.owner},
          {"deadline", a.deadline},
          {"kpi", a.kpi},
          {"period", a.period},
          {"action", a.action},
          {"label_nl", a.label_nl},
          {"label_en", a.label_en},
          {"malus_pct", a.malus_pct},
          {"because", a.because},
          {"contract_version", a.contract_version}};
}

RegisteredAction registration_from_json(const json& f, std::int64_t seq) {
  RegisteredAction a;
  a.id = f.at("id").get<std::string>();
  a.created_at = f.at("created_at").get<std::string>();
  a.owner = f.at("owner").get<std::string>();
  a.deadline = f.at("deadline").get<std::string>();
  a.kpi = f.at("kpi").get<std::string>();
  a.period = f.at("period").get<std::string>();
  a.action = f.at("action").get<std::string>();
  a.label_nl = f.at("label_nl").get<std::string>();
  a.label_en = f.at("label_en").get<std::string>();
  a.malus_pct = f.at("malus_pct").get<std::string>();
  a.because = f.at("because").get<std::string>();
  a.contract_version = f.at("contract_version").get<std::int64_t>();
  a.registered_seq = seq;
  a.status = "open";
  return a;
}

json completion_json(const RegisteredAction& a) {
  return {{"action_id", a.id},
          {"status", a.status},
          {"done_on", a.done_on},
          {"evidence", a.done_evidence}};
}

std::vector<RegisteredAction> unregistered(Backend& backend,
                                           const std::vector<RegisteredAction>& fired) {
  std::set<std::string> known;
  for (const RegisteredAction& a : backend.actions()) known.insert(a.id);
  // An action already among the imported ones (a register written by `meetlat actions --out`
  // and imported) stays there: one record per id.
  if (const auto imported = backend.segment({"actions", ""})) {
    const evidence::FileSchema& schema = *evidence::find_schema("actions");
    for (const CanonicalRecord& r : canonical_records(
             schema,
             segment_text(schema, imported->encoding, backend.segment_bytes(imported->key)))) {
      known.insert(r.id);
    }
  }
  std::vector<RegisteredAction> out;
  for (const RegisteredAction& f : fired) {
    if (!known.insert(f.id).second) continue;
    RegisteredAction a = f;
    a.registered_seq = 0;
    a.status = "open";
    a.done_on = a.done_evidence = a.done_by = a.done_at = "";
    a.done_seq = 0;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<RegisteredAction> register_actions(Backend& backend,
                                               const std::vector<RegisteredAction>& fired,
                                               std::int64_t seq) {
  std::vector<RegisteredAction> added = unregistered(backend, fired);
  for (RegisteredAction& a : added) {
    a.registered_seq = seq;
    backend.add_action(a);
  }
  return added;
}

RegisteredAction complete_registered_action(Backend& backend, const std::string& id,
                                            const std::string& done_on, const std::string& evidence,
                                            const std::string& actor) {
  std::vector<RegisteredAction> all = backend.actions();
  const auto it =
      std::find_if(all.begin(), all.end(), [&id](const RegisteredAction& a) { return a.id == id; });
  if (it == all.end()) {
    throw StoreError("there is no action " + id +
                     " in the register; actions enter it when the period that fired them is "
                     "closed (`meetlat close P`); `meetlat actions` lists them");
  }
  RegisteredAction& a = *it;
  if (a.status == "done") {
    throw StoreError("action " + id + " is done already (on " + a.done_on + ", recorded by " +
                     a.done_by + ")");
  }
  // created_at starts with its date in the contract's zone: "2026-04-01T00:00:00+02:00".
  if (done_on < a.created_at.substr(0, 10)) {
    throw StoreError("action " + id + " cannot be done on " + done_on + ": it was created on " +
                     a.created_at.substr(0, 10));
  }
  a.status = "done";
  a.done_on = done_on;
  a.done_evidence = evidence;
  a.done_by = actor;
  a.done_at = utc_now();  // the event says the same
  a.done_seq = next_audit_seq(backend);
  backend.complete_action(a);
  append_audit_event(backend, actor, "action-done", completion_json(a).dump(), a.done_at);
  return a;
}

std::string registered_action_rows(const std::vector<RegisteredAction>& actions) {
  std::string rows;
  for (const RegisteredAction& a : actions) {
    for (const std::string* cell : {&a.id, &a.created_at, &a.owner, &a.deadline}) {
      append_csv_cell(*cell, rows);
      rows += ',';
    }
    rows += a.status + '\n';
  }
  return rows;
}

}  // namespace meetlat::store

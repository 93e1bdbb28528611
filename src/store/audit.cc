#include "store/audit.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "evidence/canonical_cell.h"
#include "store/action_register.h"
#include "store/compression.h"
#include "store/digest.h"
#include "store/store_error.h"

namespace meetlat::store {
namespace {

using nlohmann::json;

void add_field(Sha256& digest, std::string_view field) {
  digest.add(std::to_string(field.size())).add(":").add(field).add("\n");
}

// What the events say the workspace holds.
struct Expected {
  std::map<std::int64_t, std::pair<std::string, std::int64_t>> contracts;    // sha256, seq
  std::map<std::int64_t, std::int64_t> imports;                              // id -> seq
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> corrections;  // count, sha256
  std::map<SegmentKey, std::pair<std::string, std::int64_t>> segments;       // sha256, seq
  std::map<std::int64_t, std::pair<json, std::int64_t>> closings;            // details, seq
  std::map<std::int64_t, Exemption> exemptions;
  std::map<std::string, RegisteredAction> actions;  // by id
};

void replay(const AuditEvent& event, Expected& expected, std::vector<std::string>& problems) {
  json details;
  try {
    details = json::parse(event.details);
  } catch (const json::exception&) {
    problems.push_back("event " + std::to_string(event.seq) + ": its details are not JSON");
    return;
  }
  try {
    if (event.action == "init" || event.action == "contract") {
      expected.contracts[details.at("contract_version").get<std::int64_t>()] = {
          details.at("contract_sha256").get<std::string>(), event.seq};
    } else if (event.action == "import") {
      const auto id = details.at("import_id").get<std::int64_t>();
      expected.imports[id] = event.seq;
      const json& corrections = details.at("corrections");
      expected.corrections[id] = {corrections.at("count").get<std::int64_t>(),
                                  corrections.at("sha256").get<std::string>()};
      for (const json& s : details.at("segments")) {
        expected.segments[{s.at("kind").get<std::string>(), s.at("part").get<std::string>()}] = {
            s.at("sha256").get<std::string>(), event.seq};
      }
    } else if (event.action == "close" || event.action == "reopen") {
      expected.closings[details.at("closing_id").get<std::int64_t>()] = {details, event.seq};
      if (details.contains("actions_registered")) {  // from schema 4 on
        for (const json& a : details.at("actions_registered")) {
          RegisteredAction action = registration_from_json(a, event.seq);
          expected.actions[action.id] = std::move(action);
        }
      }
    } else if (event.action == "action-done") {
      RegisteredAction& a = expected.actions[details.at("action_id").get<std::string>()];
      a.status = details.at("status").get<std::string>();
      a.done_on = details.at("done_on").get<std::string>();
      a.done_evidence = details.at("evidence").get<std::string>();
      a.done_by = event.actor;
      a.done_at = event.at;
      a.done_seq = event.seq;
    } else if (event.action == "exempt") {
      Exemption& e = expected.exemptions[details.at("exemption_id").get<std::int64_t>()];
      e.kind = details.at("kind").get<std::string>();
      e.records = details.at("records").get<std::vector<std::string>>();
      e.reason = details.at("reason").get<std::string>();
      e.proposed_by = event.actor;
      e.proposed_at = event.at;
      e.status = "proposed";
      e.proposed_seq = event.seq;
    } else if (event.action == "approve" || event.action == "reject") {
      Exemption& e = expected.exemptions[details.at("exemption_id").get<std::int64_t>()];
      e.status = details.at("status").get<std::string>();
      e.decided_by = event.actor;
      e.decided_at = event.at;
      e.decided_on = details.at("decided_on").get<std::string>();
      e.decision = details.at("decision").get<std::string>();
      e.decided_seq = event.seq;
    } else if (event.action != "restore") {  // a restore changes nothing the events recorded
      problems.push_back("event " + std::to_string(event.seq) + ": an unknown action '" +
                         event.action + "'");
    }
  } catch (const json::exception&) {
    problems.push_back("event " + std::to_string(event.seq) + " (" + event.action +
                       "): its details lack what meetlat records");
  }
}

void check_state(Backend& backend, const Expected& expected, std::vector<std::string>& problems) {
  auto problem = [&problems](std::string text) { problems.push_back(std::move(text)); };
  std::set<std::int64_t> versions;
  for (const ContractVersion& v : backend.contract_versions()) {
    versions.insert(v.version);
    const auto it = expected.contracts.find(v.version);
    const std::string name = "contract version " + std::to_string(v.version);
    if (it == expected.contracts.end()) {
      problem(name + " is not in the audit log");
    } else if (sha256_hex(v.yaml) != it->second.first || v.sha256 != it->second.first) {
      problem(name + " differs from the one the audit log recorded");
    }
  }
  for (const auto& [version, recorded] : expected.contracts) {
    if (!versions.contains(version)) {
      problem("contract version " + std::to_string(version) + " recorded by event " +
              std::to_string(recorded.second) + " is missing");
    }
  }
  std::set<std::int64_t> imports;
  for (const ImportRecord& i : backend.imports()) {
    imports.insert(i.id);
    const auto it = expected.imports.find(i.id);
    if (it == expected.imports.end() || it->second != i.event_seq) {
      problem("import " + std::to_string(i.id) + " is not in the audit log");
    }
  }
  for (const auto& [id, seq] : expected.imports) {
    if (!imports.contains(id)) {
      problem("import " + std::to_string(id) + " recorded by event " + std::to_string(seq) +
              " is missing");
    }
  }
  std::map<std::int64_t, std::pair<std::int64_t, Sha256>> corrections;
  for (const Correction& c : backend.corrections()) {
    auto& [count, digest] = corrections[c.import_id];
    ++count;
    digest_correction(digest, c);
  }
  for (const auto& [id, recorded] : expected.corrections) {
    const auto it = corrections.find(id);
    const std::int64_t count = it == corrections.end() ? 0 : it->second.first;
    const std::string digest = it == corrections.end() ? Sha256().hex() : it->second.second.hex();
    if (count != recorded.first || digest != recorded.second) {
      problem("the corrections of import " + std::to_string(id) + " (" + std::to_string(count) +
              ") differ from the " + std::to_string(recorded.first) + " the audit log recorded");
    }
  }
  for (const auto& [id, found] : corrections) {
    if (!expected.corrections.contains(id)) {
      problem("corrections of import " + std::to_string(id) + " are not in the audit log");
    }
  }
  std::set<std::int64_t> closings;
  for (const Closing& c : backend.closings()) {
    closings.insert(c.id);
    const std::string name =
        "the " + c.action + " of " + c.period + " (" + std::to_string(c.id) + ")";
    const auto it = expected.closings.find(c.id);
    if (it == expected.closings.end()) {
      problem(name + " is not in the audit log");
      continue;
    }
    const json& d = it->second.first;
    if (d.value("period", "") != c.period || d.value("action", "") != c.action ||
        d.value("text", "") != c.text || d.value("evidence_sha256", "") != c.evidence_sha256 ||
        d.value("contract_version", std::int64_t{0}) != c.contract_version ||
        d.value("result_sha256", "") != sha256_hex(c.result_json + c.result_table) ||
        c.event_seq != it->second.second) {
      problem(name + " differs from what the audit log recorded");
    }
  }
  for (const auto& [id, recorded] : expected.closings) {
    if (!closings.contains(id)) {
      problem("closing " + std::to_string(id) + " recorded by event " +
              std::to_string(recorded.second) + " is missing");
    }
  }
  std::set<std::int64_t> exemptions;
  for (const Exemption& e : backend.exemptions()) {
    exemptions.insert(e.id);
    const auto it = expected.exemptions.find(e.id);
    const std::string name = "exemption " + std::to_string(e.id);
    if (it == expected.exemptions.end()) {
      problem(name + " is not in the audit log");
      continue;
    }
    const Exemption& r = it->second;
    if (e.kind != r.kind || e.records != r.records || e.reason != r.reason ||
        e.proposed_by != r.proposed_by || e.proposed_at != r.proposed_at || e.status != r.status ||
        e.decided_by != r.decided_by || e.decided_at != r.decided_at ||
        e.decided_on != r.decided_on || e.decision != r.decision ||
        e.proposed_seq != r.proposed_seq || e.decided_seq != r.decided_seq) {
      problem(name + " differs from what the audit log recorded");
    }
  }
  for (const auto& [id, recorded] : expected.exemptions) {
    if (!exemptions.contains(id)) {
      problem("exemption " + std::to_string(id) + " recorded by event " +
              std::to_string(recorded.proposed_seq) + " is missing");
    }
  }
  std::set<std::string> actions;
  for (const RegisteredAction& a : backend.actions()) {
    actions.insert(a.id);
    const auto it = expected.actions.find(a.id);
    const std::string name = "action " + a.id;
    if (it == expected.actions.end() || it->second.registered_seq == 0) {
      problem(name + " is not in the audit log");
      continue;
    }
    const RegisteredAction& r = it->second;
    if (registration_json(a) != registration_json(r) || a.registered_seq != r.registered_seq ||
        a.status != r.status || a.done_on != r.done_on || a.done_evidence != r.done_evidence ||
        a.done_by != r.done_by || a.done_at != r.done_at || a.done_seq != r.done_seq) {
      problem(name + " differs from what the audit log recorded");
    }
  }
  for (const auto& [id, recorded] : expected.actions) {
    if (!actions.contains(id)) {
      problem("action " + id + " registered by event " + std::to_string(recorded.registered_seq) +
              " is missing");
    }
  }
  std::set<SegmentKey> present;
  for (const SegmentInfo& s : backend.segments()) {
    present.insert(s.key);
    const std::string name =
        "evidence segment " + s.key.kind + (s.key.part.empty() ? "" : " " + s.key.part);
    const auto it = expected.segments.find(s.key);
    if (it == expected.segments.end()) {
      problem(name + " is not in the audit log");
      continue;
    }
    if (s.sha256 != it->second.first || s.event_seq != it->second.second) {
      problem(name + " is not the version the audit log recorded");
      continue;
    }
    std::string rows;
    try {
      rows = decompress(backend.segment_bytes(s.key));
    } catch (const StoreError& e) {
      problem(name + ": " + e.what());
      continue;
    }
    if (sha256_hex(rows) != s.sha256) problem(name + ": its rows were changed");
  }
  for (const auto& [key, recorded] : expected.segments) {
    if (!present.contains(key)) {
      problem("evidence segment " + key.kind + (key.part.empty() ? "" : " " + key.part) +
              " recorded by event " + std::to_string(recorded.second) + " is missing");
    }
  }
}

// RFC 5424 PARAM-VALUE: '"', '\' and ']' escaped with '\'.
std::string sd_value(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void digest_correction(Sha256& digest, const Correction& correction) {
  add_field(digest, correction.kind);
  add_field(digest, correction.record);
  add_field(digest, correction.before);
  add_field(digest, correction.after);
}

std::string audit_hash(const AuditEvent& event) {
  Sha256 digest;
  add_field(digest, event.prev);
  add_field(digest, std::to_string(event.seq));
  add_field(digest, event.at);
  add_field(digest, event.actor);
  add_field(digest, event.action);
  add_field(digest, event.details);
  return digest.hex();
}

std::int64_t next_audit_seq(Backend& backend) {
  const auto last = backend.last_audit_event();
  return last ? last->seq + 1 : 1;
}

AuditEvent append_audit_event(Backend& backend, std::string_view actor, std::string_view action,
                              std::string details, std::string at) {
  const auto last = backend.last_audit_event();
  AuditEvent event;
  event.seq = last ? last->seq + 1 : 1;
  event.at = std::move(at);
  event.actor = actor;
  event.action = action;
  event.details = std::move(details);
  event.prev = last ? last->hash : "";
  event.hash = audit_hash(event);
  backend.append_audit(event);
  return event;
}

AuditCheck verify_audit(Backend& backend) {
  const ReadScope snapshot(backend);
  AuditCheck check;
  Expected expected;
  std::string prev;
  std::int64_t seq = 0;
  for (const AuditEvent& event : backend.audit_events()) {
    ++seq;
    const std::string name = "event " + std::to_string(event.seq);
    if (event.seq != seq) {
      check.problems.push_back(name + ": expected event " + std::to_string(seq) +
                               " here (an event was deleted or inserted)");
      seq = event.seq;
    }
    if (event.prev != prev) {
      check.problems.push_back(name + ": does not follow the event before it (the chain is " +
                               "broken: an event was deleted, inserted or changed)");
    }
    if (audit_hash(event) != event.hash) {
      check.problems.push_back(name + " (" + event.action + "): its content was changed");
    }
    prev = event.hash;
    replay(event, expected, check.problems);
  }
  check.events = seq;
  check.head = prev;
  if (seq == 0) check.problems.emplace_back("the audit log is empty");
  check_state(backend, expected, check.problems);
  return check;
}

std::string audit_jsonl(const std::vector<AuditEvent>& events) {
  std::string out;
  for (const AuditEvent& e : events) {
    json line = {{"seq", e.seq},       {"at", e.at},     {"actor", e.actor}, {"action", e.action},
                 {"details", nullptr}, {"prev", e.prev}, {"hash", e.hash}};
    try {
      line["details"] = json::parse(e.details);
    } catch (const json::exception&) {
      line["details"] = e.details;
    }
    out += line.dump() + '\n';
  }
  return out;
}

std::string audit_syslog(const std::vector<AuditEvent>& events, std::string_view hostname) {
  std::string out;
  for (const AuditEvent& e : events) {
    // <110>: facility 13 (log audit) * 8 + severity 6 (informational). 32473 is the private
    // enterprise number RFC 5612 sets aside for examples and documentation.
    out += "<110>1 " + e.at + " " + std::string(hostname.empty() ? "-" : hostname) + " meetlat - " +
           e.action + " [meetlat@32473 seq=\"" + std::to_string(e.seq) + "\" actor=\"" +
           sd_value(e.actor) + "\" hash=\"" + e.hash + "\" prev=\"" + e.prev + "\"] " + e.details +
           '\n';
  }
  return out;
}

std::string utc_now() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return evidence::format_utc(std::chrono::time_point_cast<time::Micros>(now));
}

}  // namespace meetlat::store

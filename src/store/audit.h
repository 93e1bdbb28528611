// The audit log of a workspace: every change (init, import, and later contract changes, closes,
// reopens, action and exemption steps) is an event with who, when, what, and digests of what
// changed. Events are append-only and hash-chained: each event's hash covers the previous one's,
// so changing, deleting or inserting an event behind meetlat's back breaks the chain.
//
// verify_audit() checks the chain, and then the workspace against it: replaying the events gives
// the contract versions, imports, corrections and evidence segments (with their digests) the
// workspace must hold, so a change to any of them made behind meetlat's back — an edited row, a
// deleted event together with what it recorded — is found too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/backend.h"
#include "store/digest.h"

namespace meetlat::store {

// The hash of an event: SHA-256 over its fields (seq, at, actor, action, details) and the
// previous event's hash, each length-prefixed so that no two events hash the same text.
std::string audit_hash(const AuditEvent& event);

// Adds a correction to the digest an import event records of its corrections (in the order
// they were made).
void digest_correction(Sha256& digest, const Correction& correction);

// Appends an event after the last one (inside the caller's write transaction): fills seq, prev
// and hash, and returns the event as stored. `at` is when it happened (utc_now()): the same text a
// record the event describes carries (an action's done_at, an exemption's proposed_at), read from
// the clock once, so that verify_audit finds them equal even when a second ends in between.
AuditEvent append_audit_event(Backend& backend, std::string_view actor, std::string_view action,
                              std::string details, std::string at);

// The seq the next event will get (inside the caller's write transaction).
std::int64_t next_audit_seq(Backend& backend);

struct AuditCheck {
  std::int64_t events = 0;
  std::string head;                   // the last event's hash
  std::vector<std::string> problems;  // empty: the log and the workspace agree
  bool ok() const { return problems.empty(); }
};
AuditCheck verify_audit(Backend& backend);

// One event a line, for a SIEM: JSON objects (seq, at, actor, action, details, prev, hash), or
// RFC 5424 syslog messages (facility 13 "log audit", severity 6 "informational", MSGID the
// action, the seq, actor and hash as structured data, the details as the message).
std::string audit_jsonl(const std::vector<AuditEvent>& events);
std::string audit_syslog(const std::vector<AuditEvent>& events, std::string_view hostname);

// "2026-12-02T22:30:00Z": now, to the second.
std::string utc_now();

}  // namespace meetlat::store

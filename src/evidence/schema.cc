#include "evidence/schema.h"

namespace meetlat::evidence {
namespace {

using T = ColumnType;

ColumnSchema req(std::string_view name, ColumnType type) { return {name, type, true}; }
ColumnSchema opt(std::string_view name, ColumnType type) { return {name, type, false}; }
ColumnSchema req_non_negative(std::string_view name, double largest = kLargestNumber) {
  return {name, T::kNumber, true, Domain::kAny, true, false, largest};
}
ColumnSchema req_count(std::string_view name) {
  return {name, T::kNumber, true, Domain::kAny, true, true};
}
ColumnSchema opt_non_negative(std::string_view name, double largest) {
  return {name, T::kNumber, false, Domain::kAny, true, false, largest};
}
ColumnSchema req_in(std::string_view name, Domain domain) {
  return {name, T::kCategory, true, domain};
}

std::vector<FileSchema> build_schemas() {
  return {
      {"tickets",
       "tickets.csv",
       {req("id", T::kId), req_in("priority", Domain::kPriority), req("created_at", T::kInstant),
        opt("responded_at", T::kInstant), opt("resolved_at", T::kInstant),
        opt("category", T::kCategory), opt("service", T::kCategory)},
       {"id"},
       {{"created_at", "responded_at"}, {"created_at", "resolved_at"}}},
      {"milestones",
       "milestones.csv",
       {req("id", T::kId), opt("planned_on", T::kDate), opt("achieved_on", T::kDate)},
       {"id"},
       {}},
      {"migration",
       "migration.csv",
       {req("batch", T::kId), req("validated_on", T::kDate), req_count("records_total"),
        req_count("records_correct")},
       {"batch"},
       {{"records_correct", "records_total"}}},
      {"outages",
       "outages.csv",
       {req("id", T::kId), req("start", T::kInstant), opt("end", T::kInstant),
        opt("planned", T::kBool), opt("service", T::kCategory)},
       {"id"},
       {{"start", "end"}}},
      {"probes",
       "probes.csv",
       {req("at", T::kInstant), req("location", T::kCategory), req("up", T::kBool)},
       {},
       {}},
      {"security_incidents",
       "security_incidents.csv",
       {req("id", T::kId), req_in("priority", Domain::kPriority), req("detected_at", T::kInstant),
        opt("contained_at", T::kInstant)},
       {"id"},
       {{"detected_at", "contained_at"}}},
      {"vulnerabilities",
       "vulnerabilities.csv",
       {req("id", T::kId), req_in("severity", Domain::kSeverity), req("detected_at", T::kInstant),
        opt("patched_at", T::kInstant)},
       {"id"},
       {{"detected_at", "patched_at"}}},
      {"releases",
       "releases.csv",
       {req("id", T::kId), req("released_at", T::kInstant), req("regression_coverage", T::kRatio)},
       {"id"},
       {}},
      {"changes",
       "changes.csv",
       {req("id", T::kId), req("implemented_at", T::kInstant), req("failed", T::kBool)},
       {"id"},
       {}},
      {"reports",
       "reports.csv",
       {req("id", T::kId), req("due_at", T::kInstant), opt("delivered_at", T::kInstant),
        opt("kind", T::kCategory)},
       {"id"},
       {}},
      {"actions",
       "actions.csv",
       {req("id", T::kId), req("created_at", T::kInstant), opt("owner", T::kCategory),
        opt("deadline", T::kDate), opt("status", T::kCategory)},
       {"id"},
       {}},
      {"emissions",
       "emissions.csv",
       {req("period_start", T::kDate), req("period_end", T::kDate), req_non_negative("tco2e", 1e9)},
       {},
       {{"period_start", "period_end"}}},
      {"doc_updates",
       "doc_updates.csv",
       {req("change_id", T::kId), req("changed_at", T::kInstant),
        opt("doc_updated_at", T::kInstant)},
       {"change_id"},
       {}},
      {"rca",
       "rca.csv",
       {req("incident_id", T::kId), req_in("priority", Domain::kPriority),
        req("resolved_at", T::kInstant), opt("rca_delivered_at", T::kInstant)},
       {"incident_id"},
       {}},
      {"transactions",
       "transactions.csv",
       {req("at", T::kInstant), req("name", T::kCategory), req_non_negative("duration_ms", 1e10)},
       {},
       {}},
      {"trainings",
       "trainings.csv",
       {req("user_id", T::kId), req("enrolled_on", T::kDate), opt("passed_on", T::kDate)},
       {"user_id"},
       {{"enrolled_on", "passed_on"}}},
      {"slm_sessions",
       "slm_sessions.csv",
       {req("id", T::kId), req("planned_on", T::kDate), opt("held_on", T::kDate)},
       {"id"},
       {}},
      {"disputes",
       "disputes.csv",
       {req("id", T::kId), req("opened_on", T::kDate), opt("resolved_on", T::kDate)},
       {"id"},
       {{"opened_on", "resolved_on"}}},
      {"api_endpoints",
       "api_endpoints.csv",
       {req("method", T::kCategory), req("path", T::kText), req("checked_on", T::kDate),
        req("in_openapi", T::kBool), req("oauth2", T::kBool)},
       {},
       {}},
      {"improvements",
       "improvements.csv",
       {req("id", T::kId),
        req("completed_on", T::kDate),
        req("kpi", T::kCategory),
        {"effect_pct", T::kNumber, true, Domain::kAny, false, false, 1e6}},
       {"id"},
       {}},
      {"dq_checks",
       "dq_checks.csv",
       {req("field", T::kCategory), req("checked_on", T::kDate)},
       {},
       {}},
      {"siem",
       "siem.csv",
       {req("source", T::kCategory), req_in("period", Domain::kPeriod), req_count("events_emitted"),
        req_count("events_received")},
       {"source", "period"},
       {}},
      {"export_tests",
       "export_tests.csv",
       {req("id", T::kId), req("started_at", T::kInstant), opt("completed_at", T::kInstant)},
       {"id"},
       {{"started_at", "completed_at"}}},
      // KPI-10 from an APM's histograms instead of one row per transaction (docs/evidence.md):
      // one row per bucket, `count` durations of transaction `name` in [from, to) that lie in
      // (above_ms, at_most_ms]; an empty bound is unbounded. Buckets of one window may repeat.
      {"latency_histograms",
       "latency_histograms.csv",
       {req("from", T::kInstant), req("to", T::kInstant), req("name", T::kCategory),
        opt_non_negative("above_ms", 1e10), opt_non_negative("at_most_ms", 1e10),
        req_count("count")},
       {},
       {{"from", "to"}, {"above_ms", "at_most_ms"}}},
      // Not evidence of a KPI on its own: the times a ticket's clock stood still (waiting for
      // the customer), which an attainment objective with `pauses: true` counts out
      // (evaluate/pauses.h). A ticket may be paused more than once: no key.
      {"pauses",
       "pauses.csv",
       {req("ticket_id", T::kId), req("paused_at", T::kInstant), opt("resumed_at", T::kInstant),
        opt("reason", T::kText)},
       {},
       {{"paused_at", "resumed_at"}}},
      // Not evidence of a KPI: records taken out of their objectives (docs/exemptions.md). The
      // evidence cell names a kind above; evaluate::check_exemptions checks it.
      {"exemptions",
       "exemptions.csv",
       {req("evidence", T::kCategory), req("record", T::kText), req("reason", T::kText),
        opt("approved_by", T::kText), opt("approved_on", T::kDate)},
       {},
       {}},
  };
}

}  // namespace

std::string_view column_type_name(ColumnType type) {
  switch (type) {
    case T::kInstant:
      return "instant";
    case T::kDate:
      return "date";
    case T::kId:
      return "id";
    case T::kCategory:
      return "category";
    case T::kText:
      return "text";
    case T::kBool:
      return "bool";
    case T::kNumber:
      return "number";
    case T::kRatio:
      return "ratio";
  }
  return "?";
}

int FileSchema::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<FileSchema>& all_schemas() {
  static const std::vector<FileSchema> schemas = build_schemas();
  return schemas;
}

const FileSchema* find_schema(std::string_view kind) {
  for (const FileSchema& schema : all_schemas()) {
    if (schema.kind == kind) return &schema;
  }
  return nullptr;
}

}  // namespace meetlat::evidence

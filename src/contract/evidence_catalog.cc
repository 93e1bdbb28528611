#include "contract/evidence_catalog.h"

#include <array>

namespace meetlat::contract {
namespace {

using T = ColumnType;
constexpr bool kReq = true;
constexpr bool kOpt = false;

constexpr std::array<EvidenceColumn, 7> kTickets{{{"id", T::kText, kReq},
                                                  {"priority", T::kPriority, kReq},
                                                  {"created_at", T::kTimestamp, kReq},
                                                  {"responded_at", T::kTimestamp, kOpt},
                                                  {"resolved_at", T::kTimestamp, kOpt},
                                                  {"category", T::kText, kOpt},
                                                  {"service", T::kText, kOpt}}};
constexpr std::array<EvidenceColumn, 3> kMilestones{
    {{"id", T::kText, kReq}, {"planned_on", T::kDate, kOpt}, {"achieved_on", T::kDate, kOpt}}};
constexpr std::array<EvidenceColumn, 4> kMigration{{{"batch", T::kText, kReq},
                                                    {"validated_on", T::kDate, kReq},
                                                    {"records_total", T::kInteger, kReq},
                                                    {"records_correct", T::kInteger, kReq}}};
constexpr std::array<EvidenceColumn, 5> kOutages{{{"id", T::kText, kReq},
                                                  {"start", T::kTimestamp, kReq},
                                                  {"end", T::kTimestamp, kOpt},
                                                  {"planned", T::kBoolean, kOpt},
                                                  {"service", T::kText, kOpt}}};
constexpr std::array<EvidenceColumn, 3> kProbes{
    {{"at", T::kTimestamp, kReq}, {"location", T::kText, kReq}, {"up", T::kBoolean, kReq}}};
constexpr std::array<EvidenceColumn, 4> kSecurityIncidents{{{"id", T::kText, kReq},
                                                            {"priority", T::kPriority, kReq},
                                                            {"detected_at", T::kTimestamp, kReq},
                                                            {"contained_at", T::kTimestamp, kOpt}}};
constexpr std::array<EvidenceColumn, 4> kVulnerabilities{{{"id", T::kText, kReq},
                                                          {"severity", T::kSeverity, kReq},
                                                          {"detected_at", T::kTimestamp, kReq},
                                                          {"patched_at", T::kTimestamp, kOpt}}};
constexpr std::array<EvidenceColumn, 3> kReleases{{{"id", T::kText, kReq},
                                                   {"released_at", T::kTimestamp, kReq},
                                                   {"regression_coverage", T::kRatio, kReq}}};
constexpr std::array<EvidenceColumn, 3> kChanges{{{"id", T::kText, kReq},
                                                  {"implemented_at", T::kTimestamp, kReq},
                                                  {"failed", T::kBoolean, kReq}}};
constexpr std::array<EvidenceColumn, 4> kReports{{{"id", T::kText, kReq},
                                                  {"due_at", T::kTimestamp, kReq},
                                                  {"delivered_at", T::kTimestamp, kOpt},
                                                  {"kind", T::kText, kOpt}}};
constexpr std::array<EvidenceColumn, 5> kActions{{{"id", T::kText, kReq},
                                                  {"created_at", T::kTimestamp, kReq},
                                                  {"owner", T::kText, kOpt},
                                                  {"deadline", T::kDate, kOpt},
                                                  {"status", T::kText, kOpt}}};
constexpr std::array<EvidenceColumn, 3> kEmissions{{{"period_start", T::kDate, kReq},
                                                    {"period_end", T::kDate, kReq},
                                                    {"tco2e", T::kNumber, kReq}}};
constexpr std::array<EvidenceColumn, 3> kDocUpdates{{{"change_id", T::kText, kReq},
                                                     {"changed_at", T::kTimestamp, kReq},
                                                     {"doc_updated_at", T::kTimestamp, kOpt}}};
constexpr std::array<EvidenceColumn, 4> kRca{{{"incident_id", T::kText, kReq},
                                              {"priority", T::kPriority, kReq},
                                              {"resolved_at", T::kTimestamp, kReq},
                                              {"rca_delivered_at", T::kTimestamp, kOpt}}};
constexpr std::array<EvidenceColumn, 3> kTransactions{
    {{"at", T::kTimestamp, kReq}, {"name", T::kText, kReq}, {"duration_ms", T::kNumber, kReq}}};
constexpr std::array<EvidenceColumn, 3> kTrainings{
    {{"user_id", T::kText, kReq}, {"enrolled_on", T::kDate, kReq}, {"passed_on", T::kDate, kOpt}}};
constexpr std::array<EvidenceColumn, 3> kSlmSessions{
    {{"id", T::kText, kReq}, {"planned_on", T::kDate, kReq}, {"held_on", T::kDate, kOpt}}};
constexpr std::array<EvidenceColumn, 3> kDisputes{
    {{"id", T::kText, kReq}, {"opened_on", T::kDate, kReq}, {"resolved_on", T::kDate, kOpt}}};
constexpr std::array<EvidenceColumn, 5> kApiEndpoints{{{"method", T::kText, kReq},
                                                       {"path", T::kText, kReq},
                                                       {"checked_on", T::kDate, kReq},
                                                       {"in_openapi", T::kBoolean, kReq},
                                                       {"oauth2", T::kBoolean, kReq}}};
constexpr std::array<EvidenceColumn, 4> kImprovements{{{"id", T::kText, kReq},
                                                       {"completed_on", T::kDate, kReq},
                                                       {"kpi", T::kText, kReq},
                                                       {"effect_pct", T::kNumber, kReq}}};
constexpr std::array<EvidenceColumn, 2> kDqChecks{
    {{"field", T::kText, kReq}, {"checked_on", T::kDate, kReq}}};
constexpr std::array<EvidenceColumn, 4> kSiem{{{"source", T::kText, kReq},
                                               {"period", T::kText, kReq},
                                               {"events_emitted", T::kInteger, kReq},
                                               {"events_received", T::kInteger, kReq}}};
constexpr std::array<EvidenceColumn, 3> kExportTests{{{"id", T::kText, kReq},
                                                      {"started_at", T::kTimestamp, kReq},
                                                      {"completed_at", T::kTimestamp, kOpt}}};

const std::array<EvidenceKind, 23> kKinds{{
    {"tickets", kTickets, "id"},
    {"milestones", kMilestones, "id"},
    {"migration", kMigration, "batch"},
    {"outages", kOutages, "id"},
    {"probes", kProbes, ""},
    {"security_incidents", kSecurityIncidents, "id"},
    {"vulnerabilities", kVulnerabilities, "id"},
    {"releases", kReleases, "id"},
    {"changes", kChanges, "id"},
    {"reports", kReports, "id"},
    {"actions", kActions, "id"},
    {"emissions", kEmissions, ""},
    {"doc_updates", kDocUpdates, "change_id"},
    {"rca", kRca, "incident_id"},
    {"transactions", kTransactions, ""},
    {"trainings", kTrainings, "user_id"},
    {"slm_sessions", kSlmSessions, "id"},
    {"disputes", kDisputes, "id"},
    {"api_endpoints", kApiEndpoints, ""},
    {"improvements", kImprovements, "id"},
    {"dq_checks", kDqChecks, "field"},
    {"siem", kSiem, "source"},
    {"export_tests", kExportTests, "id"},
}};

}  // namespace

std::string_view column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::kText:
      return "text";
    case ColumnType::kPriority:
      return "priority";
    case ColumnType::kSeverity:
      return "severity";
    case ColumnType::kTimestamp:
      return "time stamp";
    case ColumnType::kDate:
      return "date";
    case ColumnType::kInteger:
      return "integer";
    case ColumnType::kNumber:
      return "number";
    case ColumnType::kRatio:
      return "ratio";
    case ColumnType::kBoolean:
      return "boolean";
  }
  return "?";
}

const EvidenceColumn* EvidenceKind::find_column(std::string_view column) const {
  for (const auto& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

std::span<const EvidenceKind> evidence_kinds() { return kKinds; }

const EvidenceKind* find_evidence_kind(std::string_view name) {
  for (const auto& k : kKinds) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace meetlat::contract

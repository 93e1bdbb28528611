#include "evaluate/columns_read.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "contract/default_contract.h"
#include "evaluate/objective_eval.h"
#include "time/period.h"

namespace meetlat::evaluate {
namespace {

using Columns = std::set<std::string, std::less<>>;

TEST(ColumnsRead, TheDefaultContractReadsThreeOfTheTicketColumns) {
  const ColumnsRead read = columns_read(contract::default_contract());
  EXPECT_EQ(read.at("tickets"), (Columns{"created_at", "priority", "responded_at"}));
  EXPECT_EQ(read.at("transactions"), (Columns{"at", "duration_ms", "name"}));
  EXPECT_EQ(read.at("probes"), (Columns{"at", "location", "up"}));
  // Without `services` no outage is filtered: service is not read.
  EXPECT_EQ(read.at("outages"), (Columns{"end", "planned", "start"}));
  EXPECT_EQ(read.at("reports"), (Columns{"delivered_at", "due_at"}));
  EXPECT_EQ(read.at("api_endpoints"),
            (Columns{"checked_on", "in_openapi", "method", "oauth2", "path"}));
  EXPECT_FALSE(read.contains("exemptions"));  // read by other code: every column kept
}

// The evaluators against the descriptor (contract/measure_columns.h): every objective is
// evaluated on evidence in which only the columns its descriptor lists are kept (as the loader
// keeps them), and then once without each of them. A column an evaluator reads that the
// descriptor does not list, or one listed that it never reads, fails here.

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

// A row or two in March 2026 for every file the default contract reads, with every column the
// evaluators may read filled in, so that each reads all of its columns.
constexpr std::pair<std::string_view, std::string_view> kFiles[] = {
    {"tickets",
     "id,priority,created_at,responded_at,resolved_at,category,service\n"
     "INC-1,P1,2026-03-02T10:00:00+01:00,2026-03-02T10:30:00+01:00,2026-03-02T12:00:00+01:00,"
     "network,web\n"
     "INC-2,P2,2026-03-03T10:00:00+01:00,2026-03-03T10:30:00+01:00,,,\n"
     "INC-3,P3,2026-03-04T10:00:00+01:00,,,,\n"},
    {"milestones",
     "id,planned_on,achieved_on\n"
     "golive,2026-03-01,2026-03-20\nmanual,2026-03-10,\nexit_runbook,2026-03-15,2026-03-16\n"},
    {"migration", "batch,validated_on,records_total,records_correct\nB1,2026-03-05,100,99\n"},
    {"outages",
     "id,start,end,planned,service\n"
     "OUT-1,2026-03-05T10:00:00+01:00,2026-03-05T11:00:00+01:00,false,web\n"
     "OUT-2,2026-03-06T02:00:00+01:00,2026-03-06T03:00:00+01:00,true,web\n"},
    {"probes",
     "at,location,up\n2026-03-05T10:10:00+01:00,ams,false\n2026-03-05T10:10:00+01:00,rtm,false\n"
     "2026-03-05T12:00:00+01:00,ams,true\n"},
    {"security_incidents",
     "id,priority,detected_at,contained_at\n"
     "SEC-1,P1,2026-03-07T10:00:00+01:00,2026-03-07T16:00:00+01:00\n"},
    {"vulnerabilities",
     "id,severity,detected_at,patched_at\n"
     "CVE-1,critical,2026-03-02T10:00:00+01:00,2026-03-10T10:00:00+01:00\n"},
    {"releases", "id,released_at,regression_coverage\nR1,2026-03-10T10:00:00+01:00,85%\n"},
    {"changes",
     "id,implemented_at,failed\nCHG-1,2026-03-10T10:00:00+01:00,false\n"
     "CHG-2,2026-03-11T10:00:00+01:00,true\n"},
    {"reports",
     "id,due_at,delivered_at,kind\nREP-1,2026-03-10,2026-03-09T10:00:00+01:00,monthly\n"},
    {"actions",
     "id,created_at,owner,deadline,status\nACT-1,2026-03-10T10:00:00+01:00,supplier,2026-03-31,"
     "open\n"},
    {"emissions", "period_start,period_end,tco2e\n2026-03-01,2026-03-31,30\n"},
    {"doc_updates",
     "change_id,changed_at,doc_updated_at\n"
     "CHG-1,2026-03-10T10:00:00+01:00,2026-03-12T10:00:00+01:00\n"},
    {"rca",
     "incident_id,priority,resolved_at,rca_delivered_at\n"
     "INC-1,P1,2026-03-02T12:00:00+01:00,2026-03-09T12:00:00+01:00\n"},
    {"transactions",
     "at,name,duration_ms\n2026-03-02T10:00:00+01:00,login,120\n"
     "2026-03-02T16:00:00+01:00,search,340\n"},
    {"trainings", "user_id,enrolled_on,passed_on\nU1,2026-02-01,2026-03-10\n"},
    {"slm_sessions", "id,planned_on,held_on\nSLM-1,2026-03-12,2026-03-12\n"},
    {"disputes", "id,opened_on,resolved_on\nD1,2026-03-02,2026-03-05\n"},
    {"api_endpoints",
     "method,path,checked_on,in_openapi,oauth2\nGET,/users,2026-03-03,true,true\n"
     "GET,/users,2026-03-10,true,false\n"},
    {"improvements", "id,completed_on,kpi,effect_pct\nIMP-1,2026-03-10,KPI-01,7\n"},
    {"dq_checks", "field,checked_on\npostcode,2026-03-03\niban,2026-03-04\n"},
    {"siem", "source,period,events_emitted,events_received\nfirewall,2026-03,1000,990\n"},
    {"export_tests",
     "id,started_at,completed_at\nEXP-1,2026-03-02T10:00:00+01:00,2026-03-03T10:00:00+01:00\n"},
    {"latency_histograms",
     "from,to,name,above_ms,at_most_ms,count\n"
     "2026-03-02T08:10:00+01:00,2026-03-02T08:20:00+01:00,login,100,200,5\n"
     "2026-03-02T10:00:00+01:00,2026-03-02T10:10:00+01:00,login,100,200,5\n"},
};

const evidence::Evidence& march() {
  static const evidence::Evidence e = [] {
    evidence::Evidence out;
    for (const auto& [kind, csv] : kFiles) {
      auto load = evidence::load_evidence_text(*evidence::find_schema(kind), csv,
                                               evidence::LoadOptions{amsterdam()});
      if (!load.diagnostics.empty()) throw std::logic_error(load.diagnostics.front().to_string());
      out.tables.emplace(std::string(kind), std::move(*load.table));
    }
    return out;
  }();
  return e;
}

// `all` with only the columns of `read` and every key column kept, as the loader keeps them.
evidence::Evidence keeping(const evidence::Evidence& all, const ColumnsRead& read) {
  evidence::Evidence out = all;
  for (auto& [kind, table] : out.tables) {
    const auto listed = read.find(kind);
    const auto& schema = table.schema();
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
      const std::string_view name = schema.columns[i].name;
      const bool key = std::find(schema.key.begin(), schema.key.end(), name) != schema.key.end();
      table.column(i).kept = key || (listed != read.end() && listed->second.contains(name));
    }
  }
  return out;
}

bool is_key(std::string_view kind, std::string_view column) {
  const auto& key = evidence::find_schema(kind)->key;
  return std::find(key.begin(), key.end(), column) != key.end();
}

// The objectives of the default contract, and measures of a kind it uses in another way.
std::vector<contract::Objective> objectives() {
  std::vector<contract::Objective> out;
  for (const auto& kpi : contract::default_contract().kpis) {
    out.insert(out.end(), kpi.objectives.begin(), kpi.objectives.end());
  }
  // Availability of some services only: reads outages.service.
  contract::Objective services =
      *contract::default_contract().find_kpi("KPI-03")->objectives.begin();
  services.id = "availability_of_web";
  services.measure = contract::AvailabilityMeasure{"outages", "probes", {"web"}};
  out.push_back(services);
  return out;
}

std::vector<ObjectiveResult> evaluate_in_march(const contract::Objective& o,
                                               const evidence::Evidence& evidence) {
  const time::Instant as_of =
      amsterdam().start_of_day(time::Date{std::chrono::year{2026} / 4 / 15});
  const Context ctx(contract::default_contract(), evidence, amsterdam(), as_of);
  const time::Period march = *time::parse_period("2026-03");
  const Slot slot{
      march, {amsterdam().start_of_day(march.first_day), amsterdam().start_of_day(march.end_day)}};
  return evaluate_objective(ctx, o, std::span(&slot, 1));
}

TEST(ColumnsRead, EveryEvaluatorReadsItsListedColumnsOnly) {
  for (const contract::Objective& o : objectives()) {
    SCOPED_TRACE(o.id);
    const ColumnsRead read = measure_columns(o.measure);
    std::vector<ObjectiveResult> results;
    EXPECT_NO_THROW(results = evaluate_in_march(o, keeping(march(), read)));
    if (results.size() != 1) continue;
    // It did read the rows: no file or column was missing.
    EXPECT_EQ(results[0].reason.value_or("").find("no evidence supplied"), std::string::npos);
    EXPECT_EQ(results[0].reason.value_or("").find("has no column"), std::string::npos);
    if (!read.contains("latency_histograms")) continue;
    // The fallback's columns are read only without the file it stands in for.
    evidence::Evidence histograms_only = keeping(march(), read);
    histograms_only.tables.erase("transactions");
    EXPECT_NO_THROW(results = evaluate_in_march(o, histograms_only));
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].count, 5);  // one window in office hours, one in peak hours
  }
}

TEST(ColumnsRead, EveryEvaluatorReadsEachOfItsListedColumns) {
  for (const contract::Objective& o : objectives()) {
    for (const auto& [kind, columns] : measure_columns(o.measure)) {
      for (const std::string& column : columns) {
        if (is_key(kind, column)) continue;  // the loader keeps every key column
        SCOPED_TRACE(o.id + ": " + kind + "." + column);
        ColumnsRead without = measure_columns(o.measure);
        without[kind].erase(column);
        evidence::Evidence evidence = keeping(march(), without);
        // The fallback's columns are read only without the file it stands in for.
        if (kind == "latency_histograms") evidence.tables.erase("transactions");
        EXPECT_THROW(evaluate_in_march(o, evidence), std::logic_error);
      }
    }
  }
}

}  // namespace
}  // namespace meetlat::evaluate

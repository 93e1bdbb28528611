// Which months get which failures. The generator injects failures on purpose so that some KPIs
// breach in some months (and escalation ladders have something to do) while most months meet.
// The months are drawn from the seed, a fixed share of the range for each kind of failure
// (docs/sample.md lists the shares), so a year of data always has a few breaches.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "sample/generate_options.h"

namespace meetlat::sample {

struct MonthPlan {
  std::chrono::year_month month;
  int contract_month = 0;  // 0 = the first month of the contract

  bool late_p1 = false;  // KPI-01: many P1/P2/P3 tickets answered late
  bool late_p2 = false;
  bool late_p3 = false;
  bool long_outage = false;           // KPI-03: an unplanned outage of 35–140 minutes
  bool outage_into_next = false;      // an unplanned outage crossing into the next month
  bool slow_containment = false;      // KPI-04: a P1 security incident contained after 4 h
  bool late_critical_patch = false;   // KPI-04: a critical vulnerability patched after 14 days
  bool low_coverage_release = false;  // KPI-05: a release under 0.90 regression coverage
  bool failed_changes = false;        // KPI-05: change failure rate over 0.10
  bool late_report = false;           // KPI-06: the month's report delivered after its due time
  bool action_without_owner = false;  // KPI-06
  bool late_doc_update = false;       // KPI-08
  bool late_rca = false;              // KPI-09
  bool slow_peak = false;             // KPI-10: p95 in peak hours over 400 ms
  bool slow_office = false;           // KPI-10: p95 in office hours over 300 ms
  bool poor_training = false;         // KPI-11: few enrolled users pass in time
  bool missed_slm_session = false;    // KPI-12
  bool nonconform_endpoint = false;   // KPI-13
  bool siem_gap = false;              // KPI-15: events lost on the way to the SIEM
};

std::vector<MonthPlan> make_plan(const GenerateOptions& options);

}  // namespace meetlat::sample

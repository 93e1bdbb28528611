// The built-in default contract against the spec's tables (spec/evidence-and-kpis.md), written
// out here by hand: every KPI, objective id, cadence, norm, kind, and every ladder step.
#include "contract/default_contract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "contract/loader.h"

namespace meetlat::contract {
namespace {

struct ExpectedObjective {
  std::string kpi;
  std::string requirement;
  std::string kpi_cadence;
  std::string objective;
  std::string cadence;  // the objective's effective cadence
  std::string norm;     // as format_norm prints it
  std::string kind;
};

const std::vector<ExpectedObjective>& spec_table() {
  static const std::vector<ExpectedObjective> kTable{
      {"KPI-01", "W-01", "month", "P1", "month", ">= 90%", "attainment"},
      {"KPI-01", "W-01", "month", "P2", "month", ">= 90%", "attainment"},
      {"KPI-01", "W-01", "month", "P3", "month", ">= 90%", "attainment"},
      {"KPI-02", "W-02", "month", "golive", "once", "<= 6 weeks", "milestone"},
      {"KPI-02", "W-02", "month", "migration_accuracy", "month", ">= 99.9%", "ratio_of_sums"},
      {"KPI-03", "W-03", "month", "availability", "month", ">= 99.95%", "availability"},
      {"KPI-04", "W-04", "month", "containment", "month", "== 100%", "attainment"},
      {"KPI-04", "W-04", "month", "critical_patch", "month", "== 100%", "attainment"},
      {"KPI-05", "W-05", "month", "regression_coverage", "month", ">= 90%", "extreme"},
      {"KPI-05", "W-05", "month", "change_failure_rate", "month", "<= 10%", "share"},
      {"KPI-06", "W-06", "month", "reports_on_time", "month", "== 100%", "attainment"},
      {"KPI-06", "W-06", "month", "actions_complete", "month", "== 100%", "share"},
      {"KPI-07", "W-07", "quarter", "co2_reduction", "quarter", ">= 25%", "trajectory"},
      {"KPI-08", "W-08", "month", "manual", "once", "<= 30 days", "milestone"},
      {"KPI-08", "W-08", "month", "doc_updates", "month", "== 100%", "attainment"},
      {"KPI-09", "W-09", "month", "rca", "month", "== 100%", "attainment"},
      {"KPI-10", "W-10", "month", "p95_office", "month", "< 300 ms", "quantile"},
      {"KPI-10", "W-10", "month", "p95_peak", "month", "< 400 ms", "quantile"},
      {"KPI-11", "W-11", "month", "training", "month", ">= 80%", "attainment"},
      {"KPI-12", "W-12", "quarter", "slm_sessions", "quarter", "== 100%", "attainment"},
      {"KPI-12", "W-12", "quarter", "disputes", "quarter", "== 100%", "attainment"},
      {"KPI-13", "W-13", "month", "openapi", "month", "== 100%", "share"},
      {"KPI-13", "W-13", "month", "oauth2", "month", "== 100%", "share"},
      {"KPI-14", "W-14", "contract_year", "kaizen", "contract_year", ">= 4", "count"},
      {"KPI-15", "W-15", "month", "dq_checks", "month", "== 100%", "coverage"},
      {"KPI-15", "W-15", "month", "siem_coverage", "month", "== 100%", "ratio_of_sums"},
      {"KPI-16", "W-16", "half_year", "exit_runbook", "once", "<= 30 days", "milestone"},
      {"KPI-16", "W-16", "half_year", "export", "half_year", "<= 5 days", "extreme"},
  };
  return kTable;
}

TEST(DefaultContract, LoadsWithoutDiagnostics) {
  const LoadResult r = load_contract(default_contract_yaml(), "default.yaml");
  for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(r.ok());
}

TEST(DefaultContract, HasEveryKpiObjectiveCadenceAndNormOfTheSpec) {
  const Contract c = default_contract();
  std::vector<ExpectedObjective> actual;
  for (const Kpi& k : c.kpis) {
    for (const Objective& o : k.objectives) {
      actual.push_back({k.id, k.requirement, std::string(cadence_name(k.cadence)), o.id,
                        std::string(cadence_name(objective_cadence(k, o))), format_norm(o.norm),
                        std::string(measure_kind(o.measure))});
    }
  }
  ASSERT_EQ(actual.size(), spec_table().size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const ExpectedObjective& e = spec_table()[i];
    const ExpectedObjective& a = actual[i];
    EXPECT_EQ(a.kpi, e.kpi) << i;
    EXPECT_EQ(a.requirement, e.requirement) << e.objective;
    EXPECT_EQ(a.kpi_cadence, e.kpi_cadence) << e.objective;
    EXPECT_EQ(a.objective, e.objective) << i;
    EXPECT_EQ(a.cadence, e.cadence) << e.objective;
    EXPECT_EQ(a.norm, e.norm) << e.objective;
    EXPECT_EQ(a.kind, e.kind) << e.objective;
  }
  EXPECT_EQ(c.kpis.size(), 16u);
}

TEST(DefaultContract, ParametersOfTheSpec) {
  const Contract c = default_contract();
  EXPECT_EQ(c.id, "default");
  EXPECT_EQ(time::format_date(c.start), "2026-01-01");
  EXPECT_EQ(c.term_months, 36);
  EXPECT_EQ(c.timezone, "Europe/Amsterdam");
  EXPECT_EQ(c.monthly_fee.cents, 100'000'00);
  EXPECT_EQ(c.monthly_fee.currency, "EUR");
  EXPECT_TRUE(c.monthly_fee.example);
  EXPECT_TRUE(c.example_money());
  EXPECT_TRUE(c.parameters.core_transactions.empty());
  EXPECT_EQ(c.parameters.critical_fields,
            (std::vector<std::string>{"customer_id", "postcode", "iban", "email", "birth_date"}));
  EXPECT_TRUE(c.parameters.critical_fields_example);
  ASSERT_TRUE(c.parameters.co2_baseline_tco2e_per_quarter);
  EXPECT_EQ(c.parameters.co2_baseline_tco2e_per_quarter->to_double(), 100.0);
  EXPECT_TRUE(c.parameters.co2_baseline_example);
  ASSERT_EQ(c.priorities.size(), 3u);
  EXPECT_EQ(c.priorities[0].id, "P1");
  EXPECT_TRUE(c.priorities[0].example);
  EXPECT_EQ(c.severities, (std::vector<std::string>{"low", "medium", "high", "critical"}));
  EXPECT_EQ(c.kpis[0].title.nl, "24/7 servicedesk responstijden");
  EXPECT_EQ(c.kpis[0].title.en, "24/7 service desk response times");
}

TEST(DefaultContract, CalendarsOfTheSpec) {
  const Contract c = default_contract();
  ASSERT_NE(c.find_calendar("24x7"), nullptr);
  const CalendarDef* office = c.find_calendar("office_hours");
  const CalendarDef* peak = c.find_calendar("peak_hours");
  const CalendarDef* working = c.find_calendar("working_days");
  ASSERT_NE(office, nullptr);
  ASSERT_NE(peak, nullptr);
  ASSERT_NE(working, nullptr);
  EXPECT_TRUE(peak->example);
  EXPECT_FALSE(office->example);
  EXPECT_TRUE(office->spec.termijnenwet_holidays);
  EXPECT_FALSE(c.find_calendar("24x7")->spec.termijnenwet_holidays);
  using std::chrono::minutes;
  ASSERT_EQ(office->spec.hours[0].size(), 1u);  // Monday
  EXPECT_EQ(office->spec.hours[0][0].from, minutes(8 * 60));
  EXPECT_EQ(office->spec.hours[0][0].to, minutes(18 * 60));
  EXPECT_TRUE(office->spec.hours[5].empty());  // Saturday
  ASSERT_EQ(peak->spec.hours[4].size(), 2u);   // Friday
  EXPECT_EQ(peak->spec.hours[4][1].from, minutes(13 * 60));
  EXPECT_EQ(working->spec.hours[2][0].to, minutes(24 * 60));
}

TEST(DefaultContract, Kpi01MeasuresResponseTimesPerPriority) {
  const Contract c = default_contract();
  const Kpi& k = c.kpis[0];
  const auto& p3 = std::get<AttainmentMeasure>(k.objectives[2].measure);
  EXPECT_EQ(p3.evidence, "tickets");
  ASSERT_EQ(p3.where.size(), 1u);
  EXPECT_EQ(p3.where[0].column, "priority");
  EXPECT_EQ(p3.where[0].one_of, std::vector<std::string>{"P3"});
  EXPECT_EQ(p3.from_column, "created_at");
  EXPECT_EQ(p3.to_column, "responded_at");
  EXPECT_EQ(p3.count_in, CountIn::kFrom);
  const auto& within = std::get<WithinOnCalendar>(p3.deadline);
  EXPECT_EQ(within.within, std::chrono::hours(8));
  EXPECT_EQ(within.calendar, "office_hours");
  const auto& p1 = std::get<AttainmentMeasure>(k.objectives[0].measure);
  EXPECT_EQ(std::get<WithinOnCalendar>(p1.deadline).within, std::chrono::minutes(15));
  EXPECT_EQ(std::get<WithinOnCalendar>(p1.deadline).calendar, "24x7");
}

TEST(DefaultContract, DeadlinesOfTheOtherAttainmentObjectives) {
  const Contract c = default_contract();
  const auto attainment = [&](std::string_view kpi, std::size_t i) {
    return std::get<AttainmentMeasure>(c.find_kpi(kpi)->objectives[i].measure);
  };
  EXPECT_EQ(std::get<WithinOnCalendar>(attainment("KPI-04", 1).deadline).within,
            std::chrono::hours(14 * 24));
  EXPECT_EQ(std::get<WithinOpenDays>(attainment("KPI-08", 1).deadline).days, 5);
  EXPECT_EQ(std::get<WithinOpenDays>(attainment("KPI-09", 0).deadline).days, 10);
  EXPECT_EQ(std::get<WithinOpenDays>(attainment("KPI-09", 0).deadline).calendar, "working_days");
  EXPECT_EQ(std::get<DeadlineColumn>(attainment("KPI-06", 0).deadline).column, "due_at");
  EXPECT_EQ(std::get<DeadlineColumn>(attainment("KPI-12", 0).deadline).column, "planned_on");
  EXPECT_EQ(std::get<WithinOnCalendar>(attainment("KPI-11", 0).deadline).within,
            std::chrono::hours(60 * 24));
  EXPECT_EQ(attainment("KPI-11", 0).count_in, CountIn::kDeadline);
}

std::string describe(const LadderStep& s) {
  std::string out;
  if (const auto* streak = std::get_if<StreakRule>(&s.when)) {
    out = "streak " + std::string(streak->or_more ? ">= " : "") + std::to_string(streak->periods);
  } else if (const auto* count = std::get_if<CountWithinRule>(&s.when)) {
    out = "breaches " + std::to_string(count->breaches) + " within " +
          (count->contract_year ? "contract_year" : std::to_string(count->months) + " months");
  } else if (const auto* dev = std::get_if<DeviationRule>(&s.when)) {
    out = "deviation " + std::to_string(dev->amount.to_double()) +
          (dev->percentage_points ? " pp" : " rel");
  } else {
    out = "breach";
  }
  if (s.objective) out += " of " + *s.objective;
  out += " -> " + s.action + " (" + std::string(owner_name(s.owner)) + ")";
  if (s.malus_pct) out += " malus " + std::to_string(s.malus_pct->to_double()) + "%";
  return out;
}

TEST(DefaultContract, LaddersOfTheSpec) {
  const std::vector<std::vector<std::string>> expected{
      {"streak 1 -> slm-overleg (client)", "streak 2 -> verbeterplan (supplier)",
       "streak >= 3 -> malus (supplier) malus 2.000000%"},
      {"deviation 0.100000 rel of golive -> stuurgroep (client)",
       "breach of migration_accuracy -> rollback-besluit (client)"},
      {"streak 1 -> rca-en-herstel (supplier)", "streak >= 2 -> malus (supplier) malus 3.000000%"},
      {"breach -> ciso-review (client)",
       "breaches 2 within 12 months -> malus (supplier) malus 2.000000%"},
      {"breach of change_failure_rate -> cab-gate-verhogen (supplier)"},
      {"breach -> waarschuwing (client)",
       "breaches 2 within contract_year -> malus (supplier) malus 1.000000%"},
      {"deviation 0.050000 pp -> verbeterprogramma (supplier)"},
      {"breach -> actie-projectleider (supplier)", "streak >= 2 -> escalatie-stuurgroep (client)"},
      {"breach -> problem-board (supplier)"},
      {"deviation 0.100000 rel -> performance-tuning-plan (supplier)"},
      {"breach -> extra-sessies (supplier)"},
      {"breach -> stuurgroep (client)"},
      {"deviation 0.050000 pp -> change-gepland (supplier)"},
      {"breach -> ci-coach (supplier)"},
      {"breach -> correctief-plan (supplier)"},
      {"breach -> remediatie (supplier)"},
  };
  const Contract c = default_contract();
  ASSERT_EQ(c.kpis.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    std::vector<std::string> actual;
    for (const LadderStep& s : c.kpis[i].ladder) {
      actual.push_back(describe(s));
      if (s.malus_pct) {
        EXPECT_TRUE(s.example) << c.kpis[i].id;
      }
    }
    EXPECT_EQ(actual, expected[i]) << c.kpis[i].id;
  }
  const LadderStep& plan = c.kpis[0].ladder[1];
  ASSERT_TRUE(plan.due);
  EXPECT_EQ(plan.due->count, 10);
  EXPECT_TRUE(plan.due->working_days);
}

TEST(DefaultContract, ObjectiveSpecificsOfTheSpec) {
  const Contract c = default_contract();
  const auto measure = [&](std::string_view kpi, std::size_t i) -> const Measure& {
    return c.find_kpi(kpi)->objectives[i].measure;
  };
  const auto& p95_office = std::get<QuantileMeasure>(measure("KPI-10", 0));
  EXPECT_EQ(p95_office.q, (Decimal{95, 2}));
  EXPECT_EQ(p95_office.in_calendar, "office_hours");
  EXPECT_EQ(p95_office.outside_calendar, "peak_hours");
  EXPECT_FALSE(std::get<QuantileMeasure>(measure("KPI-10", 1)).outside_calendar);
  EXPECT_EQ(std::get<ExtremeMeasure>(measure("KPI-16", 1)).when_empty, WhenEmpty::kBreached);
  EXPECT_EQ(std::get<ExtremeMeasure>(measure("KPI-05", 0)).when_empty, WhenEmpty::kNoData);
  const auto& kaizen = std::get<CountMeasure>(measure("KPI-14", 0));
  ASSERT_EQ(kaizen.where.size(), 1u);
  EXPECT_EQ(kaizen.where[0].op, Op::kGe);
  EXPECT_EQ(kaizen.where[0].value.to_double(), 5.0);
  const auto& co2 = std::get<TrajectoryMeasure>(measure("KPI-07", 0));
  EXPECT_EQ(co2.baseline_per_quarter.to_double(), 100.0);
  EXPECT_TRUE(co2.baseline_example);
  EXPECT_EQ(co2.over_months, 36);
  EXPECT_TRUE(c.find_kpi("KPI-07")->objectives[0].norm_is_trajectory);
  EXPECT_EQ(std::get<CoverageMeasure>(measure("KPI-15", 0)).items.size(), 5U);
  EXPECT_TRUE(std::get<CoverageMeasure>(measure("KPI-15", 0)).items_example);
  EXPECT_EQ(std::get<ShareMeasure>(measure("KPI-13", 0)).latest_per,
            (std::vector<std::string>{"method", "path"}));
  const auto& availability = std::get<AvailabilityMeasure>(measure("KPI-03", 0));
  EXPECT_EQ(availability.outages, "outages");
  EXPECT_EQ(availability.probes, "probes");
}

}  // namespace
}  // namespace meetlat::contract

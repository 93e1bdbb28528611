#include "contract/loader.h"

#include <gtest/gtest.h>

#include <string>

#include "contract/versions.h"

namespace meetlat::contract {
namespace {

// A small contract with one KPI; tests append or replace parts of it.
const std::string kHead = R"(contract:
  id: small
  name: {nl: "Klein", en: "Small"}
  parties: {client: A, supplier: B}
  start: 2026-01-01
  term_months: 24
  timezone: Europe/Amsterdam
  monthly_fee: {amount: 2500.50, currency: EUR}
holidays:
  public: nl-termijnenwet
  add: [{date: 2026-04-03, name: Goede Vrijdag}]
  remove: [2026-05-05]
  closures: [{date: 2026-12-24, from: "12:00", name: Kerstavond}]
calendars:
  office_hours: {days: mon-fri, hours: ["08:00-18:00"]}
  weekend: {days: sat-sun, holidays: false}
priorities:
  P1: {nl: a, en: a}
  P2: {nl: b, en: b}
)";
const std::string kKpi = R"(kpis:
  - id: KPI-01
    title: {nl: t, en: t}
    requirement: W-01
    cadence: month
    objectives:
      - id: P1
        norm: ">= 95%"
        measure: {kind: attainment, evidence: tickets, where: {priority: P1}, from: created_at, to: responded_at, within: 2h, on: office_hours}
)";

TEST(LoadContract, ReadsASmallContract) {
  const LoadResult r = load_contract(kHead + kKpi, "small.yaml");
  for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(r.ok());
  const Contract& c = *r.contract;
  EXPECT_EQ(c.monthly_fee.cents, 250050);
  EXPECT_FALSE(c.example_money());
  EXPECT_EQ(c.term_months, 24);
  const auto& within = std::get<WithinOnCalendar>(
      std::get<AttainmentMeasure>(c.kpis[0].objectives[0].measure).deadline);
  EXPECT_EQ(within.within, std::chrono::hours(2));
  EXPECT_EQ(c.kpis[0].objectives[0].norm.threshold, (Decimal{95, 2}));
}

TEST(LoadContract, AppliesTheContractHolidaysToItsCalendars) {
  const LoadResult r = load_contract(kHead + kKpi, "small.yaml");
  ASSERT_TRUE(r.ok());
  const CalendarDef* office = r.contract->find_calendar("office_hours");
  ASSERT_NE(office, nullptr);
  ASSERT_EQ(office->spec.extra_closed_days.size(), 1u);
  EXPECT_EQ(time::format_date(office->spec.extra_closed_days[0]), "2026-04-03");
  ASSERT_EQ(office->spec.removed_holidays.size(), 1u);
  EXPECT_EQ(time::format_date(office->spec.removed_holidays[0]), "2026-05-05");
  ASSERT_EQ(office->spec.closures.size(), 1u);
  EXPECT_EQ(office->spec.closures[0].from, std::chrono::minutes(12 * 60));
  EXPECT_EQ(office->spec.closures[0].to, std::chrono::minutes(24 * 60));
  EXPECT_EQ(r.contract->holidays.removed[0].name, "Bevrijdingsdag");
  const CalendarDef* weekend = r.contract->find_calendar("weekend");
  ASSERT_NE(weekend, nullptr);
  EXPECT_FALSE(weekend->spec.termijnenwet_holidays);
  EXPECT_TRUE(weekend->spec.extra_closed_days.empty());
}

TEST(LoadContract, AmendmentsTakeEffectFromTheirMonth) {
  const std::string amendments = R"(parameters: {core_transactions: [login]}
amendments:
  - effective_from: 2026-07
    note: {nl: n, en: n}
    parameters: {core_transactions: [login, search]}
    kpis:
      - id: KPI-01
        title: {nl: t, en: t}
        requirement: W-01
        cadence: month
        objectives:
          - id: P1
            norm: ">= 97%"
            measure: {kind: attainment, evidence: tickets, where: {priority: P1}, from: created_at, to: responded_at, within: 2h}
      - id: KPI-10
        title: {nl: p, en: p}
        requirement: W-10
        cadence: month
        objectives:
          - id: p95
            norm: "< 250 ms"
            measure: {kind: quantile, q: 95%, in: office_hours}
)";
  const LoadResult r = load_contract(kHead + kKpi + amendments, "small.yaml");
  for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(r.ok());
  const time::Date june{std::chrono::year{2026} / 6 / 1};
  const time::Date july{std::chrono::year{2026} / 7 / 1};
  const Contract before = contract_in_force(*r.contract, june);
  ASSERT_EQ(before.kpis.size(), 1u);
  EXPECT_EQ(format_norm(before.kpis[0].objectives[0].norm), ">= 95%");
  EXPECT_EQ(before.parameters.core_transactions, std::vector<std::string>{"login"});
  const Contract after = contract_in_force(*r.contract, july);
  ASSERT_EQ(after.kpis.size(), 2u);
  EXPECT_EQ(format_norm(after.kpis[0].objectives[0].norm), ">= 97%");
  const auto& q = std::get<QuantileMeasure>(after.kpis[1].objectives[0].measure);
  EXPECT_EQ(q.names, (std::vector<std::string>{"login", "search"}));

  // The versions: as signed until June, amended from the first of July; a day before the start
  // falls under the signed version.
  const Versions versions(*r.contract);
  ASSERT_EQ(versions.all().size(), 2u);
  EXPECT_EQ(versions.in_force(june + std::chrono::days{29}).number, 0);
  EXPECT_EQ(versions.in_force(july).number, 1);
  EXPECT_EQ(versions.in_force(july).effective_from, july);
  EXPECT_EQ(versions.in_force(r.contract->start - std::chrono::days{1}).number, 0);
  EXPECT_EQ(versions.in_force(july).terms.kpis.size(), 2u);
  EXPECT_TRUE(versions.in_force(july).terms.amendments.empty());
}

TEST(LoadContract, AmendmentsKeptApartReadAsTheFileWould) {
  const std::string file = "parameters: {core_transactions: [login]}\n";
  const std::vector<AmendmentText> apart = {
      {"parameters: {core_transactions: [login, search]}\n", "a1.yaml", "2026-07"},
      {"effective_from: 2026-10\nremove_kpis: [KPI-01]\n", "a2.yaml", "2026-10"}};
  const LoadResult r = load_contract(kHead + kKpi + file, "small.yaml", apart);
  for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.contract->amendments.size(), 2u);
  const time::Date october{std::chrono::year{2026} / 10 / 1};
  EXPECT_EQ(r.contract->amendments[1].effective_from, october);
  EXPECT_TRUE(contract_in_force(*r.contract, october).kpis.empty());

  // Named by their own file: a month that is not after the previous one, an effective_from that
  // differs from the one given, a KPI that is not there.
  const std::vector<AmendmentText> wrong = {
      {"remove_kpis: [KPI-09]\n", "b1.yaml", "2026-07"},
      {"effective_from: 2026-09\nnote: {nl: n, en: n}\n", "b2.yaml", "2026-08"}};
  const LoadResult bad = load_contract(kHead + kKpi, "small.yaml", wrong);
  ASSERT_EQ(bad.diagnostics.size(), 2u);
  EXPECT_EQ(bad.diagnostics[0].to_string(),
            "b1.yaml:1:14: amendment: remove_kpis: no KPI 'KPI-09'");
  EXPECT_EQ(bad.diagnostics[1].to_string(),
            "b2.yaml:1:17: amendment: effective_from here differs from the 2026-08 it is applied "
            "from");
}

TEST(LoadContract, ReportsEveryProblemAtOnceInFileOrder) {
  std::string text = kHead + kKpi;
  text.replace(text.find("term_months: 24"), 15, "term_months: -1");
  text.replace(text.find("\">= 95%\""), 8, "\">= 0.95\"");
  const LoadResult r = load_contract(text, "x.yaml");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "x.yaml:6:16: contract: term_months must lie between 1 and 1200, not -1");
  EXPECT_EQ(r.diagnostics[1].to_string(),
            "x.yaml:27:15: KPI-01 objective P1: a ratio norm is written as a percentage: write "
            "\">= 95%\"");
}

TEST(LoadContract, CriticalFieldsAreAListOrAMarkedExample) {
  const LoadResult listed =
      load_contract(kHead + "parameters:\n  critical_fields: [bsn, iban]\n" + kKpi, "x.yaml");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed.contract->parameters.critical_fields, (std::vector<std::string>{"bsn", "iban"}));
  EXPECT_FALSE(listed.contract->parameters.critical_fields_example);

  const LoadResult example = load_contract(
      kHead + "parameters:\n  critical_fields: {fields: [bsn], example: true}\n" + kKpi, "x.yaml");
  ASSERT_TRUE(example.ok());
  EXPECT_EQ(example.contract->parameters.critical_fields, (std::vector<std::string>{"bsn"}));
  EXPECT_TRUE(example.contract->parameters.critical_fields_example);

  const LoadResult typo = load_contract(
      kHead + "parameters:\n  critical_fields: {field: [bsn], example: true}\n" + kKpi, "x.yaml");
  ASSERT_FALSE(typo.ok());
  ASSERT_FALSE(typo.diagnostics.empty());
  EXPECT_NE(typo.diagnostics[0].message.find("fields"), std::string::npos)
      << typo.diagnostics[0].to_string();
}

TEST(LoadContract, TurnsAYamlSyntaxErrorIntoADiagnostic) {
  const LoadResult r = load_contract("contract:\n  id: [unclosed\n", "bad.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].file, "bad.yaml");
  EXPECT_GT(r.diagnostics[0].line, 0);
  EXPECT_NE(r.diagnostics[0].message.find("not valid YAML"), std::string::npos);
}

TEST(LoadContract, RefusesAnEmptyFile) {
  const LoadResult r = load_contract("", "empty.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "empty.yaml: the file is empty; start from `meetlat contract show --default`");
}

}  // namespace
}  // namespace meetlat::contract

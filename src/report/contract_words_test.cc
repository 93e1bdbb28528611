// A reason names objectives by id; a reader sees their titles, in the reader's language, and
// an id the contract gives no title keeps its id.
#include "report/contract_words.h"

#include <gtest/gtest.h>

namespace meetlat::report {
namespace {

contract::Contract two_objectives() {
  contract::Contract c;
  c.id = "case";
  contract::Kpi kpi;
  kpi.id = "KPI-08";
  contract::Objective manual;
  manual.id = "manual";
  contract::Objective docs;
  docs.id = "doc_updates";
  docs.title = contract::Text{"Documentatie bijgewerkt", "Documentation updated"};
  kpi.objectives = {manual, docs};
  c.kpis = {kpi};
  return c;
}

std::string subject(const std::string& s, const Catalogue& words) {
  evaluate::Reason r;
  r.subject = s;
  return titled_reason(r, two_objectives(), words).subject;
}

TEST(ContractWords, ObjectiveIdsInAReasonBecomeTitles) {
  EXPECT_EQ(subject("KPI-08 (doc_updates)", english()), "KPI-08 (Documentation updated)");
  EXPECT_EQ(subject("KPI-08 (doc_updates)", dutch()), "KPI-08 (Documentatie bijgewerkt)");
  EXPECT_EQ(subject("KPI-08 doc_updates", english()), "KPI-08 Documentation updated");
}

TEST(ContractWords, WhatHasNoTitleStaysAsItIs) {
  EXPECT_EQ(subject("KPI-08", english()), "KPI-08");
  // One of the two has no title: the subject is left whole rather than half translated.
  EXPECT_EQ(subject("KPI-08 (manual, doc_updates)", english()), "KPI-08 (manual, doc_updates)");
  EXPECT_EQ(subject("KPI-99 (doc_updates)", english()), "KPI-99 (doc_updates)");
}

TEST(ContractWords, NamesFallBackToIds) {
  contract::Contract c = two_objectives();
  EXPECT_EQ(contract_name(c, english()), "case");
  c.name = {"Beheer", "Management"};
  EXPECT_EQ(contract_name(c, dutch()), "Beheer");
}

}  // namespace
}  // namespace meetlat::report

// The catalogues word the facts of a result: every reason kind and money line in English and
// Dutch, numbers and money in each language's marks, and a third language made of a catalogue
// alone.
#include "report/wording.h"

#include <gtest/gtest.h>

namespace meetlat::report {
namespace {

using evaluate::MoneyLine;
using evaluate::Reason;

Reason reason(Reason::Kind kind, std::int64_t count = 0,
              time::Cadence cadence = time::Cadence::kMonth) {
  Reason r;
  r.kind = kind;
  r.subject = "KPI-01 (P2)";
  r.cadence = cadence;
  r.count = count;
  return r;
}

TEST(Wording, EveryReasonInBothLanguages) {
  EXPECT_EQ(reason_text(reason(Reason::Kind::kBreached), english()),
            "KPI-01 (P2) breached this month");
  EXPECT_EQ(reason_text(reason(Reason::Kind::kBreached, 0, time::Cadence::kQuarter), dutch()),
            "KPI-01 (P2) niet gehaald dit kwartaal");
  EXPECT_EQ(reason_text(reason(Reason::Kind::kBreachedStreak, 3), english()),
            "KPI-01 (P2) breached for the 3rd consecutive month");
  EXPECT_EQ(reason_text(reason(Reason::Kind::kBreachedStreak, 3), dutch()),
            "KPI-01 (P2) voor de 3e maand op rij niet gehaald");

  Reason within = reason(Reason::Kind::kBreachedWithin, 2);
  within.window_months = 12;
  EXPECT_EQ(reason_text(within, english()),
            "KPI-01 (P2) breached for the 2nd time within 12 months");
  within.contract_year = true;
  EXPECT_EQ(reason_text(within, dutch()),
            "KPI-01 (P2) voor de 2e keer niet gehaald binnen het contractjaar");

  Reason misses = reason(Reason::Kind::kMissesWithin, 3);
  misses.misses = 2;
  misses.window_months = 12;
  EXPECT_EQ(reason_text(misses, english()),
            "KPI-01 (P2): 3 misses within 12 months (2 this month)");
  EXPECT_EQ(reason_text(misses, dutch()),
            "KPI-01 (P2): 3 keer gemist binnen 12 maanden (2 deze maand)");

  Reason deviation = reason(Reason::Kind::kDeviation);
  deviation.miss = 0.1502;
  deviation.amount = 0.15;
  EXPECT_EQ(reason_text(deviation, english()),
            "KPI-01 (P2) misses its norm by 15.0% (more than 15.0%)");
  deviation.percentage_points = true;
  deviation.miss = 0.052;
  deviation.amount = 0.05;
  EXPECT_EQ(reason_text(deviation, dutch()),
            "KPI-01 (P2) wijkt 5,2 procentpunt af van de norm (meer dan 5,0)");

  Reason met = reason(Reason::Kind::kMetStreak, 6);
  met.subject = "KPI-03";
  EXPECT_EQ(reason_text(met, english()), "KPI-03 met for the 6th consecutive month");
  met.condition = {"zonder storing", "without an outage"};
  EXPECT_EQ(reason_text(met, dutch()), "KPI-03 voor de 6e maand op rij gehaald (zonder storing)");
}

TEST(Wording, OrdinalsAndNumbers) {
  for (const auto& [n, text] : std::vector<std::pair<int, std::string>>{{1, "1st"},
                                                                        {2, "2nd"},
                                                                        {3, "3rd"},
                                                                        {4, "4th"},
                                                                        {11, "11th"},
                                                                        {12, "12th"},
                                                                        {13, "13th"},
                                                                        {21, "21st"},
                                                                        {22, "22nd"},
                                                                        {111, "111th"}}) {
    EXPECT_EQ(english().ordinal(n), text);
  }
  EXPECT_EQ(dutch().ordinal(11), "11e");
  EXPECT_EQ(money_text(10'000'000, "EUR", dutch()), "€ 100.000,00");
  EXPECT_EQ(money_text(200'005, "EUR", english()), "€2,000.05");
  EXPECT_EQ(money_text(-150, "USD", english()), "-USD1.50");
  EXPECT_EQ(decimal_text({25, 1}, dutch()), "2,5");
  EXPECT_EQ(decimal_text({250, 2}, english()), "2.5");
  EXPECT_EQ(decimal_text({2, 0}, english()), "2");
}

TEST(Wording, EveryMoneyLineInBothLanguages) {
  const contract::Money fee{10'000'000, "EUR", false};
  MoneyLine charge{MoneyLine::Kind::kCharge, reason(Reason::Kind::kBreachedStreak, 3)};
  charge.pct = {2, 0};
  charge.cents = 200'000;
  EXPECT_EQ(money_line_text(charge, fee, english()),
            "KPI-01 (P2) breached for the 3rd consecutive month → malus 2% of €100,000.00 = "
            "€2,000.00");
  MoneyLine cap{MoneyLine::Kind::kYearCap};
  cap.pct = {10, 0};
  cap.contract_year = 1;
  cap.cap_cents = 12'000'000;
  cap.earlier_cents = 11'500'000;
  cap.before_cents = 1'000'000;
  cap.cents = 500'000;
  EXPECT_EQ(money_line_text(cap, fee, dutch()),
            "maximum contractjaar 1: 10% van 12 × € 100.000,00 = € 120.000,00; eerder dit "
            "contractjaar € 115.000,00, ruimte € 5.000,00: malus € 10.000,00 → € 5.000,00");
  MoneyLine month{MoneyLine::Kind::kMonthCap};
  month.pct = {10, 0};
  month.before_cents = 1'200'000;
  month.cents = 1'000'000;
  EXPECT_EQ(money_line_text(month, fee, english()),
            "monthly cap 10% of €100,000.00 = €10,000.00: malus €12,000.00 → €10,000.00");
  MoneyLine net{MoneyLine::Kind::kNet};
  net.bonus_cents = 100'000;
  net.malus_cents = 200'000;
  net.cents = -100'000;
  EXPECT_EQ(money_line_text(net, fee, dutch()),
            "netto: bonus € 1.000,00 − malus € 2.000,00 = -€ 1.000,00");
  EXPECT_EQ(money_line_text({MoneyLine::Kind::kExampleValues}, fee, english()),
            "note: example values (fee or percentages), not yet agreed");
}

TEST(Wording, AThirdLanguageIsACatalogue) {
  Catalogue german = english();
  german.language = "de";
  german.messages["reason.breached_streak"] = "{subject} im {nth} {period} in Folge verfehlt";
  german.period[static_cast<std::size_t>(time::Cadence::kMonth)] = "Monat";
  german.ordinal = [](std::int64_t n) { return std::to_string(n) + "."; };
  german.decimal_mark = ',';
  german.group_mark = '.';
  german.after_symbol = " ";
  EXPECT_EQ(reason_text(reason(Reason::Kind::kBreachedStreak, 3), german),
            "KPI-01 (P2) im 3. Monat in Folge verfehlt");
  EXPECT_EQ(money_text(123'456, "EUR", german), "€ 1.234,56");
  // A message the catalogue lacks is an error naming it, never an empty sentence.
  german.messages.erase("reason.breached");
  EXPECT_THROW(reason_text(reason(Reason::Kind::kBreached), german), std::out_of_range);
}

}  // namespace
}  // namespace meetlat::report

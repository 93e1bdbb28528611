// Every sentence the engine writes, read back against the English templates of the catalogue and
// said in Dutch. Where a sentence comes from a function of the engine, the test calls it, so a
// change of the engine's wording that the templates no longer match fails here; the others are
// copied from the engine (evaluate/*_eval.cc, exemptions.cc, pauses.cc) as it writes them.
#include "report/engine_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evaluate/minimum_volume.h"
#include "evaluate/objective_eval.h"
#include "evidence/diagnostic.h"

namespace meetlat::report {
namespace {

using evidence::DiagnosticKind;
using evidence::SkippedRows;
using evidence::Warning;
using evidence::WarningKind;

std::string volume_reason(std::int64_t items) {
  evaluate::ObjectiveResult r;
  r.count = items;
  contract::MinimumVolume rule;
  rule.min_count = 20;
  evaluate::apply_minimum_volume(rule, r);
  return r.reason.value_or("");
}

std::vector<std::string> engine_sentences() {
  // Long sentences are written in two literals: the missing commas are none.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  std::vector<std::string> out = {
      evaluate::absent_file_reason("tickets"),
      volume_reason(1),
      volume_reason(12),
      Warning{{"tickets.csv", 812}, WarningKind::kRepeatedLocalTime, "2026-10-25", 3, ""}
          .to_string(),
      Warning{{"tickets.csv", 40}, WarningKind::kRepeatedLocalTime, "2026-10-25", 1, ""}
          .to_string(),
      Warning{{"changes.csv", 7}, WarningKind::kSkippedLocalTime, "2026-03-29", 2, ""}.to_string(),
      Warning{{"changes.csv", 9}, WarningKind::kSkippedLocalTime, "2026-03-29", 1, ""}.to_string(),
      Warning{{"Outages.csv"}, WarningKind::kUnrecognisedFile, "", 0, "outages.csv"}.to_string(),
      Warning{{"notes.txt"}, WarningKind::kUnrecognisedFile, "", 0, ""}.to_string(),
      SkippedRows{"tickets.csv",
                  1200,
                  {{DiagnosticKind::kBadTimestamp, 7}, {DiagnosticKind::kDuplicateId, 1193}}}
          .to_string(),
      SkippedRows{"changes.csv", 1, {{DiagnosticKind::kUnknownPriority, 1}}}.to_string(),
      "tickets.csv has no column responded_at (columns found: id, priority, created_at)",
      "no row in the period",
      "no sample in the period",
      "no probe in the period",
      "decided on 2026-10-05",
      "to date: the emission rows so far cover 40 of the period's 92 days, against the baseline "
      "pro-rated to them; decided when the period ends",
      "the emission rows cover only 80 of the period's 92 days; days without a row count as no "
      "emissions",
      "exemptions.csv:3: exemption of tickets INC-1 is not approved (approved_by or approved_on "
      "is empty): not applied",
      "exemptions.csv:4: exemption of tickets INC-2 is approved on 2026-11-20, after as_of: not "
      "applied",
      "exemptions.csv:5: changes CHG-9 is not in changes.csv (no such file in the data folder): "
      "the exemption has no effect",
      "exemptions.csv:6: tickets INC-404 is not in tickets.csv: the exemption has no effect",
      "pauses.csv: no objective of the contract has pauses: true, so its 1 pause stops no clock",
      "pauses.csv: no objective of the contract has pauses: true, so its 5 pauses stop no clock",
      "pauses.csv:2: ticket INC-77 is not in tickets.csv: the pause stops no clock",
      "pauses.csv: 1250 more pauses of tickets that are not in tickets.csv",
      "KPI-03 availability 2026-10: the probes saw 12.50 minutes of downtime that outages.csv "
      "does not hold (2026-10-05 10:00–10:12); the verdict follows outages.csv, the contract's "
      "source",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  return out;
}

TEST(EngineText, EverySentenceOfTheEngineIsAMessage) {
  for (const std::string& sentence : engine_sentences()) {
    const auto m = read_engine_text(sentence);
    ASSERT_TRUE(m) << "no engine. template matches: " << sentence;
    // The English template with the values read gives the engine's sentence back, byte for byte.
    EXPECT_EQ(english().say(m->id, m->values), sentence) << m->id;
  }
}

TEST(EngineText, EnglishIsTheEnginesOwnWords) {
  for (const std::string& sentence : engine_sentences())
    EXPECT_EQ(engine_text(sentence, english()), sentence);
}

TEST(EngineText, DutchHasNoEnglishSentence) {
  // Words of the engine's English that no Dutch rendering may keep.
  const std::vector<std::string> english_words = {
      " the ",      "no evidence", " rows ",       " row ",         "fewer",
      "local time", "left out",    "ignored",      "is approved",   "not approved",
      "not in",     "decided",     "sample",       "downtime",      " bad ",
      "duplicate",  "unknown",     "did you mean", "stop no clock", "stops no clock"};
  for (const std::string& sentence : engine_sentences()) {
    const std::string dutch_text = engine_text(sentence, dutch());
    EXPECT_NE(dutch_text, sentence);
    for (const std::string& word : english_words) {
      EXPECT_EQ(dutch_text.find(word), std::string::npos)
          << "'" << word << "' in the Dutch of: " << sentence << "\n  gives: " << dutch_text;
    }
  }
}

TEST(EngineText, DutchWritesFiguresAndDatesAsDutch) {
  EXPECT_EQ(engine_text("left out 1200 rows of tickets.csv: 7 bad time stamp, 1193 duplicate id",
                        dutch()),
            "1.200 regels van tickets.csv weggelaten: 7 ongeldig tijdstip, 1.193 dubbel id");
  EXPECT_EQ(engine_text("decided on 2026-10-05", dutch()), "besloten op 5 oktober 2026");
  EXPECT_EQ(engine_text("tickets.csv:812: 3 local times in the hour repeated on 2026-10-25 were "
                        "read as the earlier instant",
                        dutch()),
            "tickets.csv:812: 3 lokale tijden in het herhaalde uur op 25 oktober 2026 zijn gelezen "
            "als het eerste moment");
}

TEST(EngineText, AnUnknownSentenceIsShownAsTheEngineWroteIt) {
  EXPECT_FALSE(read_engine_text("something new the engine says"));
  EXPECT_EQ(engine_text("something new the engine says", dutch()), "something new the engine says");
  // A note about an objective is only read when the note itself is a message.
  EXPECT_FALSE(read_engine_text("KPI-03 availability 2026-10: something new"));
}

TEST(EngineText, EveryKindOfRejectedRowIsInBothLanguages) {
  for (std::size_t k = 0; k < evidence::kDiagnosticKinds; ++k) {
    const std::string key =
        "diagnostic." +
        std::string(evidence::diagnostic_kind_name(static_cast<evidence::DiagnosticKind>(k)));
    EXPECT_EQ(english().say(key, {}),
              evidence::diagnostic_kind_name(static_cast<evidence::DiagnosticKind>(k)));
    EXPECT_NO_THROW(dutch().say(key, {})) << key;
  }
}

}  // namespace
}  // namespace meetlat::report

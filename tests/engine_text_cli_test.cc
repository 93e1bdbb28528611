// The engine's own sentences (why an objective has no data, warnings of the evidence) in the
// reader's language, through the real binary (docs/reports.md, "Dutch and English"): a Dutch
// table, report and action list hold none of the engine's English sentences, the English ones
// hold them as the JSON does and nothing of the Dutch.
//
// The case is written by the test: tickets.csv without its responded_at column (every objective
// has no data, for that reason), one row with a bad time stamp (left out with --skip-invalid), one
// local time in the hour repeated when summer time ended on 25 October 2026, and a file that is
// no evidence file (Tickets.txt).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/catalogue.h"
#include "report/engine_text.h"
#include "run_meetlat.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using meetlat::report::dutch;
using meetlat::report::engine_text;
using meetlat::report::english;
using meetlat::testing::escaped;
using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

constexpr const char* kContract = R"(contract:
  id: engine-text-case
  name: {nl: "Servicedesk Gemeente Voorbeeld", en: "Example municipality service desk"}
  parties: {client: "Gemeente Voorbeeld", supplier: "Leverancier"}
  start: 2026-01-01
  term_months: 36
  timezone: Europe/Amsterdam
  monthly_fee: {amount: 100000.00, currency: EUR}
  caps: {malus_per_month: 10%, malus_per_year: 10%}

priorities:
  P1: {nl: "Kritiek", en: "Critical"}

kpis:
  - id: KPI-01
    title: {nl: "Responstijden", en: "Response times"}
    requirement: W-01
    cadence: month
    objectives:
      - id: P1
        title: {nl: "Kritieke meldingen", en: "Critical tickets"}
        norm: ">= 90%"
        measure: {kind: attainment, evidence: tickets, where: {priority: P1}, from: created_at, to: responded_at, within: 15m, on: 24x7, count_in: from}
)";

class EngineTextCli : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_engine_text_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    fs::create_directories(root_ / "data");
    std::ofstream(root_ / "contract.yaml") << kContract;
    std::ofstream(root_ / "data" / "tickets.csv") << "id,priority,created_at\n"
                                                     "INC-1,P1,2026-10-05T09:00:00+02:00\n"
                                                     "INC-2,P1,2026-10-25 02:30\n"
                                                     "INC-3,P1,not a time\n";
    std::ofstream(root_ / "data" / "Tickets.txt") << "notes\n";
    const RunResult e = run_meetlat("evaluate " + inputs() + " --period 2026-10", root_);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    const json result = json::parse(e.out);
    for (const auto& kpi : result.at("kpis")) {
      for (const auto& o : kpi.at("objectives")) {
        if (o.contains("reason")) sentences_.push_back(o.at("reason").get<std::string>());
      }
    }
    for (const auto& w : result.at("warnings")) sentences_.push_back(w.get<std::string>());
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }
  static std::string inputs() {
    return "--data " + (root_ / "data").string() + " --contract " +
           (root_ / "contract.yaml").string() + " --as-of 2026-11-05T00:00:00+01:00 --skip-invalid";
  }

  static fs::path root_;
  static std::vector<std::string> sentences_;  // the engine's, from the JSON result
};

fs::path EngineTextCli::root_;
std::vector<std::string> EngineTextCli::sentences_;

TEST_F(EngineTextCli, TheCaseHasAReasonAndEveryKindOfWarning) {
  const std::string all = [] {
    std::string s;
    for (const auto& t : sentences_) s += t + "\n";
    return s;
  }();
  EXPECT_NE(all.find("tickets.csv has no column responded_at"), std::string::npos) << all;
  EXPECT_NE(all.find("left out 1 row of tickets.csv: 1 bad time stamp"), std::string::npos) << all;
  EXPECT_NE(all.find("in the hour repeated on 2026-10-25 was read as the earlier instant"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("Tickets.txt: not an evidence file, ignored"), std::string::npos) << all;
}

TEST_F(EngineTextCli, DutchTableHoldsNoEnglishEngineSentenceAndTheReverse) {
  const RunResult nl =
      run_meetlat("evaluate " + inputs() + " --period 2026-10 --format table --lang nl", root_);
  const RunResult en =
      run_meetlat("evaluate " + inputs() + " --period 2026-10 --format table --lang en", root_);
  ASSERT_EQ(nl.exit_code, 0) << nl.err;
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(nl.out.find("Waarom geen gegevens: tickets.csv heeft geen kolom responded_at "
                        "(gevonden kolommen: id, priority, created_at)"),
            std::string::npos)
      << nl.out;
  EXPECT_NE(nl.out.find("waarschuwing: 1 regel van tickets.csv weggelaten: 1 ongeldig tijdstip"),
            std::string::npos)
      << nl.out;
  EXPECT_NE(nl.out.find("25 oktober 2026"), std::string::npos) << nl.out;
  for (const std::string& sentence : sentences_) {
    const std::string dutch_text = engine_text(sentence, dutch());
    ASSERT_NE(dutch_text, sentence) << "no Dutch for: " << sentence;
    EXPECT_EQ(nl.out.find(sentence), std::string::npos)
        << "English in the Dutch table: " << sentence;
    EXPECT_NE(nl.out.find(dutch_text), std::string::npos) << dutch_text << "\n" << nl.out;
    EXPECT_NE(en.out.find(sentence), std::string::npos) << sentence << "\n" << en.out;
    EXPECT_EQ(en.out.find(dutch_text), std::string::npos) << "Dutch in the English table";
  }
}

TEST_F(EngineTextCli, DutchReportHoldsNoEnglishEngineSentenceAndTheReverse) {
  for (const char* lang : {"nl", "en"}) {
    const RunResult r =
        run_meetlat("report " + inputs() + " --period 2026-10 --lang " + lang + " --out " +
                        (root_ / (std::string(lang) + ".html")).string(),
                    root_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const std::string nl = read_file(root_ / "nl.html");
  const std::string en = read_file(root_ / "en.html");
  EXPECT_NE(nl.find("tickets.csv heeft geen kolom responded_at"), std::string::npos);
  EXPECT_NE(nl.find("<td>1 ongeldig tijdstip</td>"), std::string::npos);
  EXPECT_NE(en.find("<td>1 bad time stamp</td>"), std::string::npos);
  for (const std::string& sentence : sentences_) {
    const std::string dutch_text = escaped(engine_text(sentence, dutch()));
    EXPECT_EQ(nl.find(escaped(sentence)), std::string::npos)
        << "English in the Dutch report: " << sentence;
    // Rows left out are a table of the data-quality section, per file and kind of problem.
    if (sentence.starts_with("left out ")) continue;
    EXPECT_NE(nl.find(dutch_text), std::string::npos) << dutch_text;
    EXPECT_NE(en.find(escaped(sentence)), std::string::npos) << sentence;
    EXPECT_EQ(en.find(dutch_text), std::string::npos) << "Dutch in the English report";
  }
}

TEST_F(EngineTextCli, DutchWorkbookSaysWhyNoDataInDutch) {
  const fs::path out = root_ / "nl.xlsx";
  const RunResult r = run_meetlat(
      "report " + inputs() + " --period 2026-10 --lang nl --format xlsx --out " + out.string(),
      root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const RunResult read = meetlat::testing::run_shell(
      std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " " + out.string() + " 2>&1");
  ASSERT_EQ(read.exit_code, 0) << read.out;
  const json rows = json::parse(read.out).at("Objectives").at("rows");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows.at(1).at(10),
            "tickets.csv heeft geen kolom responded_at (gevonden kolommen: id, priority, "
            "created_at)");
}

TEST_F(EngineTextCli, ActionListInDutch) {
  // Transactions whose p95 misses KPI-10's norm fire a step of the default contract; the list is
  // of the default contract here, so no --contract.
  const fs::path data = root_ / "actions";
  fs::create_directories(data);
  std::ofstream(data / "transactions.csv") << "at,name,duration_ms\n"
                                              "2026-10-05T09:15:00+02:00,login,500\n"
                                              "2026-10-05T09:20:00+02:00,login,510\n"
                                              "2026-10-05T09:25:00+02:00,search,520\n"
                                              "2026-10-05T08:10:00+02:00,login,100\n";
  std::ofstream(data / "Transactions.txt") << "notes\n";
  const std::string args =
      "actions --data " + data.string() + " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00";
  const RunResult nl = run_meetlat(args + " --lang nl", root_);
  const RunResult en = run_meetlat(args, root_);
  ASSERT_EQ(nl.exit_code, 0) << nl.err;
  ASSERT_EQ(en.exit_code, 0) << en.err;
  // Due 10 working days after Saturday 31 October: Friday 13 November.
  for (const char* word : {"eigenaar", "opdrachtnemer", "13 november 2026", "waarom", "1 actie",
                           "wijkt 30,0% af van de norm (meer dan 10,0%)"}) {
    EXPECT_NE(nl.out.find(word), std::string::npos) << word << "\n" << nl.out;
  }
  for (const char* word : {"owner", "supplier", "because", "misses its norm", "1 action\n"}) {
    EXPECT_EQ(nl.out.find(word), std::string::npos) << word << "\n" << nl.out;
    EXPECT_NE(en.out.find(word), std::string::npos) << word << "\n" << en.out;
  }
  EXPECT_NE(en.out.find("2026-11-13"), std::string::npos) << en.out;
  EXPECT_NE(nl.err.find("waarschuwing: Transactions.txt: geen bewijsbestand, genegeerd"),
            std::string::npos)
      << nl.err;
  EXPECT_NE(en.err.find("warning: Transactions.txt: not an evidence file, ignored"),
            std::string::npos)
      << en.err;
  // The CSV is the evidence format: no language.
  EXPECT_EQ(run_meetlat(args + " --format csv --lang nl", root_).exit_code, 2);
}

}  // namespace

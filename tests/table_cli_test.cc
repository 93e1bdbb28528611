// `meetlat evaluate --format table` through the real binary (docs/output.md, "The table"): the
// contract's names instead of ids, every label and number in the language asked for, columns that
// start at the same offsets in every row, a reason under every no_data objective, and the failing
// records on request, elided after the list limit.
//
// The case is written by the test: a contract of one KPI with three objectives and tickets whose
// figures are worked out below by hand. P1 "Critical tickets": 1,200 tickets, every 40th answered
// after 20 minutes against 15, so 30 late: 1,170 / 1,200 = 97.50% ≥ 90%, met. P2 "High tickets":
// 25 tickets, P2-01..P2-23 answered after 90 minutes against 60: 2 / 25 = 8.00%, breached, which
// fires the SLM meeting (client, due 10 days after October: 10 November 2026). P3 (no title):
// no ticket, so no data.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

constexpr const char* kContract = R"(contract:
  id: table-case
  name: {nl: "Servicedesk Gemeente Voorbeeld", en: "Example municipality service desk"}
  parties: {client: "Gemeente Voorbeeld", supplier: "Leverancier"}
  start: 2026-01-01
  term_months: 36
  timezone: Europe/Amsterdam
  monthly_fee: {amount: 100000.00, currency: EUR}
  caps: {malus_per_month: 10%, malus_per_year: 10%}

priorities:
  P1: {nl: "Kritiek", en: "Critical"}
  P2: {nl: "Hoog", en: "High"}
  P3: {nl: "Normaal", en: "Normal"}

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
      - id: P2
        title: {nl: "Hoge meldingen", en: "High tickets"}
        norm: ">= 90%"
        measure: {kind: attainment, evidence: tickets, where: {priority: P2}, from: created_at, to: responded_at, within: 60m, on: 24x7, count_in: from}
      - id: P3
        norm: ">= 90%"
        measure: {kind: attainment, evidence: tickets, where: {priority: P3}, from: created_at, to: responded_at, within: 8h, on: 24x7, count_in: from}
    ladder:
      - {when: {streak: 1}, action: slm-overleg, label: {nl: "SLM-overleg", en: "SLM meeting"}, owner: client, due: 10 days}
)";

std::string stamp(int day, int hour, int minute) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "2026-10-%02dT%02d:%02d:00+02:00", day, hour, minute);
  return buffer;
}

std::string tickets() {
  std::string out = "id,priority,created_at,responded_at\n";
  for (int i = 1; i <= 1200; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "INC-%04d", i);
    const int day = 1 + i % 20;
    const int hour = i % 24;
    const int minute = i % 30;
    const bool late = i % 40 == 0;
    out += std::string(id) + ",P1," + stamp(day, hour, minute) + "," +
           stamp(day, hour, minute + (late ? 20 : 5)) + "\n";
  }
  for (int i = 1; i <= 25; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "P2-%02d", i);
    out += std::string(id) + ",P2," + stamp(1 + (i - 1) % 20, 9, 0) + "," +
           stamp(1 + (i - 1) % 20, i <= 23 ? 10 : 9, 30) + "\n";
  }
  return out;
}

// Code points, so that "≥" and "✓" count as one column, as a terminal shows them.
std::u32string code_points(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t point = length == 1 ? c : c & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) point = (point << 6) | (s[i + k] & 0x3F);
    out += point;
    i += length;
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       start = end + 1, end = text.find('\n', start)) {
    out.push_back(text.substr(start, end - start));
  }
  return out;
}

// The offsets (in code points) at which the header's cells start: after two or more spaces.
std::vector<std::size_t> column_starts(const std::u32string& header) {
  std::vector<std::size_t> out{0};
  for (std::size_t i = 2; i < header.size(); ++i) {
    if (header[i] != U' ' && header[i - 1] == U' ' && header[i - 2] == U' ') out.push_back(i);
  }
  return out;
}

// Every objective row (two spaces, then a cell; not a ladder step) has a cell starting at every
// column of the header, after at least two spaces; returns how many rows it checked.
int expect_aligned(const std::string& table, const std::string& header_start) {
  const auto lines = lines_of(table);
  std::size_t header = 0;
  while (header < lines.size() && lines[header].rfind(header_start, 0) != 0) ++header;
  EXPECT_LT(header, lines.size()) << "no header row starting with " << header_start << ":\n"
                                  << table;
  if (header == lines.size()) return 0;
  const auto starts = column_starts(code_points(lines[header]));
  EXPECT_GE(starts.size(), 8U) << lines[header];
  int rows = 0;
  for (std::size_t i = header + 1; i < lines.size() && !lines[i].empty(); ++i) {
    const std::u32string row = code_points(lines[i]);
    if (row.size() < 3 || row.substr(0, 2) != U"  " || row[2] == U' ' || row[2] == U'→') continue;
    ++rows;
    for (std::size_t c = 1; c < starts.size(); ++c) {
      const std::size_t at = starts[c];
      EXPECT_GT(row.size(), at) << "row ends before column " << c << ":\n" << lines[i];
      if (row.size() <= at) break;
      EXPECT_NE(row[at], U' ') << "column " << c << " does not start at " << at << ":\n"
                               << lines[header] << "\n"
                               << lines[i];
      EXPECT_EQ(row.substr(at - 2, 2), U"  ") << "column " << c << " runs into the one before:\n"
                                              << lines[i];
    }
  }
  return rows;
}

// Whether `word` occurs in `text` as a word of its own.
bool has_word(const std::string& text, const std::string& word) {
  return std::regex_search(text, std::regex("(^|[^A-Za-z])" + word + "([^A-Za-z]|$)"));
}

class TableCli : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_table_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    fs::create_directories(root_ / "data");
    std::ofstream(root_ / "contract.yaml") << kContract;
    std::ofstream(root_ / "data" / "tickets.csv") << tickets();
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }

  // `meetlat evaluate` of October on the case with `options`; stdout, after checking the exit.
  static std::string evaluate(const std::string& options, int exit_code = 0) {
    const RunResult r =
        run_meetlat("evaluate --data " + (root_ / "data").string() + " --contract " +
                        (root_ / "contract.yaml").string() +
                        " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00 " + options,
                    root_);
    EXPECT_EQ(r.exit_code, exit_code) << r.err;
    return r.out;
  }

  static fs::path root_;
};

fs::path TableCli::root_;

TEST_F(TableCli, EnglishNamesFiguresAndReasons) {
  const std::string t = evaluate("--format table");
  EXPECT_EQ(t.rfind("Example municipality service desk — October 2026, figures as of 5 November "
                    "2026 00:00\n",
                    0),
            0U)
      << t;
  EXPECT_EQ(t.find("table-case"), std::string::npos) << "the contract's id instead of its name";
  EXPECT_NE(t.find("\nKPI-01  Response times\n"), std::string::npos) << t;
  EXPECT_TRUE(std::regex_search(
      t, std::regex("\n  Critical tickets +2026-10 +97\\.50% +≥ 90% +1,200 +30 +0 +✓ met\n")))
      << t;
  EXPECT_TRUE(std::regex_search(
      t, std::regex("\n  High tickets +2026-10 +8\\.00% +≥ 90% +25 +23 +0 +✗ breached\n")))
      << t;
  EXPECT_TRUE(
      std::regex_search(t, std::regex("\n  P3 +2026-10 +- +≥ 90% +0 +0 +0 +– no data\n"
                                      "    Why no data: no item to measure in the period\n")))
      << t;
  EXPECT_NE(t.find("  → SLM meeting (client, due 10 November 2026): KPI-01 (High tickets) breached "
                   "this month"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("\nMalus: €0.00   Bonus: €0.00   Net: €0.00\n"), std::string::npos) << t;
  EXPECT_EQ(t.find("INC-"), std::string::npos) << "failing ids only with --failing";
  EXPECT_EQ(expect_aligned(t, "KPI / objective"), 3);
}

TEST_F(TableCli, DutchNamesFiguresAndReasons) {
  const std::string t = evaluate("--format table --lang nl");
  EXPECT_EQ(t.rfind("Servicedesk Gemeente Voorbeeld — oktober 2026, stand per 5 november 2026 "
                    "00:00\n",
                    0),
            0U)
      << t;
  EXPECT_NE(t.find("\nKPI-01  Responstijden\n"), std::string::npos) << t;
  EXPECT_TRUE(std::regex_search(
      t, std::regex("\n  Kritieke meldingen +2026-10 +97,50% +≥ 90% +1\\.200 +30 +0 +✓ gehaald\n")))
      << t;
  EXPECT_TRUE(std::regex_search(
      t, std::regex("\n  Hoge meldingen +2026-10 +8,00% +≥ 90% +25 +23 +0 +✗ niet gehaald\n")))
      << t;
  EXPECT_TRUE(std::regex_search(
      t, std::regex("\n  P3 +2026-10 +- +≥ 90% +0 +0 +0 +– geen gegevens\n"
                    "    Waarom geen gegevens: geen item om te meten in de periode\n")))
      << t;
  EXPECT_NE(t.find("  → SLM-overleg (opdrachtgever, uiterlijk 10 november 2026): KPI-01 (Hoge "
                   "meldingen) niet "
                   "gehaald deze maand"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("\nMalus: € 0,00   Bonus: € 0,00   Netto: € 0,00\n"), std::string::npos) << t;
  EXPECT_EQ(expect_aligned(t, "KPI / doelstelling"), 3);
}

// Each language's labels, written the other way in the other language: none shows up there.
TEST_F(TableCli, NoLabelOfTheOtherLanguage) {
  const std::string nl = evaluate("--format table --lang nl");
  const std::string en = evaluate("--format table --lang en");
  for (const char* english :
       {"objective", "Measured over", "Value", "Items", "Failing", "Still open", "met", "breached",
        "no data", "Why", "figures as of", "client", "due", "Net", "October", "November"}) {
    EXPECT_FALSE(has_word(nl, english)) << "'" << english << "' in the Dutch table:\n" << nl;
    EXPECT_TRUE(has_word(en, english)) << "'" << english << "' not in the English table:\n" << en;
  }
  for (const char* dutch :
       {"doelstelling", "Gemeten over", "Waarde", "Aantal", "Afwijkend", "Nog open", "gehaald",
        "niet gehaald", "geen gegevens", "Waarom", "stand per", "opdrachtgever", "uiterlijk",
        "Netto", "oktober", "november"}) {
    EXPECT_FALSE(has_word(en, dutch)) << "'" << dutch << "' in the English table:\n" << en;
    EXPECT_TRUE(has_word(nl, dutch)) << "'" << dutch << "' not in the Dutch table:\n" << nl;
  }
}

TEST_F(TableCli, FailingRecordsOnRequestElidedAfterTheLimit) {
  const std::string t = evaluate("--format table --failing");
  // P1: its 30 late tickets, the first twenty listed, then how many more.
  EXPECT_NE(t.find("    Failing records (30): INC-0040, INC-0080, INC-0120,"), std::string::npos)
      << t;
  EXPECT_NE(t.find("INC-0800 and 10 more\n"), std::string::npos) << t;
  EXPECT_EQ(t.find("INC-0840"), std::string::npos) << t;
  // P2: 23, twenty listed.
  EXPECT_NE(t.find("    Failing records (23): P2-01, P2-02,"), std::string::npos) << t;
  EXPECT_NE(t.find("P2-20 and 3 more\n"), std::string::npos) << t;
  EXPECT_EQ(t.find("P2-21"), std::string::npos) << t;
  // No line grows past the width the lists are wrapped at (100, and the 4 of the indent).
  for (const std::string& line : lines_of(t)) {
    if (line.find("INC-") != std::string::npos) {
      EXPECT_LE(line.size(), 104U) << line;
    }
  }
  EXPECT_EQ(expect_aligned(t, "KPI / objective"), 3);

  const std::string all = evaluate("--format table --failing --list-limit 0");
  EXPECT_NE(all.find("INC-1200\n"), std::string::npos) << all;
  EXPECT_NE(all.find("P2-22, P2-23\n"), std::string::npos) << all;
  EXPECT_EQ(all.find("more"), std::string::npos) << all;

  const std::string three = evaluate("--format table --lang nl --failing --list-limit 3");
  EXPECT_NE(three.find("    Afwijkende records (23): P2-01, P2-02, P2-03 en nog 20\n"),
            std::string::npos)
      << three;
}

TEST_F(TableCli, TableOptionsNeedTheTable) {
  EXPECT_EQ(evaluate("--lang nl", 2), "");
  EXPECT_EQ(evaluate("--failing", 2), "");
  EXPECT_EQ(evaluate("--format json --list-limit 5", 2), "");
  EXPECT_EQ(evaluate("--format table --list-limit -1", 2), "");
}

// The history grid: a value and a status symbol per month, in the language asked for.
TEST_F(TableCli, HistoryGridHoldsValues) {
  const RunResult r = run_meetlat("evaluate --data " + (root_ / "data").string() + " --contract " +
                                      (root_ / "contract.yaml").string() +
                                      " --from 2026-09 --to 2026-10 --as-of "
                                      "2026-11-05T00:00:00+01:00 --format table --lang nl",
                                  root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& t = r.out;
  EXPECT_NE(t.find("Servicedesk Gemeente Voorbeeld — september 2026 t/m oktober 2026"),
            std::string::npos)
      << t;
  // September has no ticket: no data; October as above, and P2's breach made the KPI breached
  // and fired a step.
  EXPECT_TRUE(std::regex_search(t, std::regex("\nKPI-01  Responstijden +– +✗!\n"))) << t;
  EXPECT_TRUE(std::regex_search(t, std::regex("\n  Kritieke meldingen +– +97,50% ✓\n"))) << t;
  EXPECT_TRUE(std::regex_search(t, std::regex("\n  Hoge meldingen +– +8,00% ✗\n"))) << t;
  EXPECT_NE(t.find("✓ gehaald, ✗ niet gehaald"), std::string::npos) << t;
  EXPECT_NE(t.find("SLM-overleg"), std::string::npos) << t;
}

}  // namespace

#include "evidence/load.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "time/parse.h"

namespace meetlat::evidence {
namespace {

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

FileLoad load(std::string_view kind, std::string_view text) {
  return load_evidence_text(*find_schema(kind), text, LoadOptions{amsterdam()});
}

std::vector<std::string> messages(const FileLoad& result) {
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(d.to_string());
  return out;
}

time::Instant utc(std::string_view text) {
  return time::parse_timestamp(text, amsterdam(), nullptr)->at;
}

TEST(LoadTest, ColumnsInAnyOrderAndUnknownColumnsIgnored) {
  const auto result = load("tickets",
                           "note,created_at,priority,id\n"
                           "\"hello, world\",2026-10-01T10:00:00Z,P2,T-7\n");
  ASSERT_TRUE(result.table);
  EXPECT_TRUE(result.diagnostics.empty());
  const Table& t = *result.table;
  ASSERT_EQ(t.rows(), 1u);
  EXPECT_EQ(t.text("id", 0), "T-7");
  EXPECT_EQ(t.text("priority", 0), "P2");
  EXPECT_EQ(t.instants("created_at")[0], utc("2026-10-01T10:00:00Z"));
  EXPECT_TRUE(is_missing(t.instants("responded_at")[0]));
  EXPECT_FALSE(t.in_file("responded_at"));
  EXPECT_EQ(t.lines()[0], 2u);
}

TEST(LoadTest, EveryTypedColumnIsReadWithMissingCellsMarked) {
  const auto result = load("outages",
                           "id,start,end,planned,service\n"
                           "O1,2026-10-05 09:00,2026-10-05T10:30:00+02:00,ja,portal\n"
                           "O2,2026-10-06T09:00:00Z,,,\n");
  ASSERT_TRUE(result.table);
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().to_string();
  const Table& t = *result.table;
  EXPECT_EQ(t.instants("start")[0], utc("2026-10-05T07:00:00Z"));  // CEST wall clock
  EXPECT_EQ(t.instants("end")[0], utc("2026-10-05T08:30:00Z"));
  EXPECT_EQ(t.bools("planned")[0], 1);
  EXPECT_EQ(t.bools("planned")[1], kMissingBool);
  EXPECT_TRUE(is_missing(t.instants("end")[1]));
  EXPECT_TRUE(is_missing_code(t.codes("service")[1]));

  const auto releases = load("releases", "id,released_at,regression_coverage\nR1,2026-10-01,93%\n");
  ASSERT_TRUE(releases.table);
  EXPECT_EQ(releases.table->numbers("regression_coverage")[0], 0.93);

  const auto trainings = load("trainings", "user_id,enrolled_on\nu1,2026-10-01T23:30:00Z\n");
  ASSERT_TRUE(trainings.table);  // a full time stamp in a date column: its date in the zone
  EXPECT_EQ(time::format_date(trainings.table->dates("enrolled_on")[0]), "2026-10-02");
}

TEST(LoadTest, InvalidTicketRowsNameLineColumnAndReason) {
  const auto result = load("tickets",
                           "id,priority,created_at\n"
                           "T1,P1,2026-13-01 10:00\n"
                           "T2,P4,2026-10-01T10:00Z\n"
                           "T3,,2026-10-01T10:00Z\n"
                           "T1,P2,2026-10-01T11:00Z\n"
                           "T5,P3,\"2026-10-01X\"\n"
                           "T6,P3,2026-10-01T12:00Z\n");
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one message, split in two
                "tickets.csv:2:12: created_at: bad time stamp '2026-13-01 10:00': month out of "
                "range",
                "tickets.csv:3:4: priority: unknown priority 'P4' (expected P1, P2, P3)",
                "tickets.csv:4:4: priority: required cell is empty",
                "tickets.csv:5:1: id: duplicate id 'T1' (first on line 2)",
                "tickets.csv:6:18: created_at: bad time stamp '2026-10-01X': " +
                    std::string(result.diagnostics.back().message.substr(
                        result.diagnostics.back().message.rfind(": ") + 2)),
            }));
  ASSERT_TRUE(result.table);
  ASSERT_EQ(result.table->rows(), 1u);  // invalid rows never enter the table
  EXPECT_EQ(result.table->text("id", 0), "T6");
  EXPECT_EQ(result.table->lines()[0], 7u);
  ASSERT_TRUE(result.skipped);
  EXPECT_EQ(result.skipped->to_string(),
            "left out 5 rows of tickets.csv: 1 missing required cell, 2 bad time stamp, "
            "1 unknown priority, 1 duplicate id");
}

TEST(LoadTest, SkippedRowsAreCountedPerReason) {
  const auto result = load("tickets",
                           "id,priority,created_at\n"
                           "T1,P1,2026-13-01 10:00\n"
                           "T1,P2,2026-10-01T11:00Z\n"
                           "T2,P9,bad\n"
                           "T3,P1,2026-10-01T11:00Z\n");
  ASSERT_TRUE(result.skipped);
  EXPECT_EQ(result.skipped->to_string(),
            "left out 3 rows of tickets.csv: 2 bad time stamp, 1 unknown priority, 1 duplicate id");
  EXPECT_EQ(result.table->rows(), 1u);
}

TEST(LoadTest, EndBeforeStartInEveryFileThatHasIt) {
  const auto tickets = load("tickets",
                            "id,priority,created_at,responded_at,resolved_at\n"
                            "T1,P1,2026-10-01T10:00:00Z,2026-10-01T09:00:00Z,\n");
  EXPECT_EQ(messages(tickets),
            (std::vector<std::string>{"tickets.csv:2:28: responded_at '2026-10-01T09:00:00Z' is "
                                      "before created_at '2026-10-01T10:00:00Z'"}));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"outages", "id,start,end\nO1,2026-10-02,2026-10-01\n"},
      {"security_incidents", "id,priority,detected_at,contained_at\nS,P1,2026-10-02,2026-10-01\n"},
      {"vulnerabilities", "id,severity,detected_at,patched_at\nV,high,2026-10-02,2026-10-01\n"},
      {"export_tests", "id,started_at,completed_at\nE,2026-10-02,2026-10-01\n"},
      {"trainings", "user_id,enrolled_on,passed_on\nu,2026-10-02,2026-10-01\n"},
      {"disputes", "id,opened_on,resolved_on\nD,2026-10-02,2026-10-01\n"},
      {"emissions", "period_start,period_end,tco2e\n2026-10-02,2026-10-01,3\n"},
  };
  for (const auto& [kind, text] : cases) {
    const auto result = load(kind, text);
    ASSERT_EQ(result.diagnostics.size(), 1u) << kind;
    EXPECT_EQ(result.diagnostics[0].kind, DiagnosticKind::kEndBeforeStart) << kind;
    EXPECT_EQ(result.diagnostics[0].at.line, 2u);
    const std::string row = text.substr(text.find('\n') + 1);
    EXPECT_EQ(result.diagnostics[0].at.column, row.find("2026-10-01") + 1) << kind;
    EXPECT_EQ(result.table->rows(), 0u);
  }
}

TEST(LoadTest, RatiosNumbersBooleansSeverities) {
  EXPECT_EQ(messages(load("releases",
                          "id,released_at,regression_coverage\n"
                          "R1,2026-10-01T10:00Z,120%\n"
                          "R2,2026-10-01T10:00Z,-0.1\n"
                          "R3,2026-10-01T10:00Z,lots\n")),
            (std::vector<std::string>{
                "releases.csv:2:22: regression_coverage: ratio '120%' is above 1",
                "releases.csv:3:22: regression_coverage: ratio '-0.1' is below 0",
                "releases.csv:4:22: regression_coverage: not a ratio 'lots' (expected e.g. 0.93 "
                "or 93%)"}));
  EXPECT_EQ(messages(load("transactions",
                          "at,name,duration_ms\n"
                          "2026-10-05T09:00:00Z,login,-5\n"
                          "2026-10-05T09:00:00Z,login,12ms\n")),
            (std::vector<std::string>{"transactions.csv:2:28: duration_ms: negative value '-5'",
                                      "transactions.csv:3:28: duration_ms: not a number '12ms'"}));
  EXPECT_EQ(messages(load("changes", "id,implemented_at,failed\nC1,2026-10-01,maybe\n")),
            (std::vector<std::string>{"changes.csv:2:15: failed: not a boolean 'maybe' (expected "
                                      "true/false, 1/0, ja/nee or yes/no)"}));
  EXPECT_EQ(messages(load("vulnerabilities", "id,severity,detected_at\nV1,urgent,2026-10-01\n")),
            (std::vector<std::string>{"vulnerabilities.csv:2:4: severity: unknown severity "
                                      "'urgent' (expected low, medium, high, critical)"}));
  const auto dates = load("slm_sessions", "id,planned_on\nS1,2026-02-30\n");
  ASSERT_EQ(dates.diagnostics.size(), 1u);
  EXPECT_EQ(dates.diagnostics[0].kind, DiagnosticKind::kBadDate);
  EXPECT_EQ(dates.diagnostics[0].at.column, 12u);  // the day, "30"
}

TEST(LoadTest, SiemKeyIsSourceAndPeriod) {
  const auto result = load("siem",
                           "source,period,events_emitted,events_received\n"
                           "fw,2026-10,10,10\nfw,2026-11,10,9\nfw,2026-10,1,1\n");
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                "siem.csv:4:1: source: duplicate id 'fw', '2026-10' (first on line 2)"}));
}

TEST(LoadTest, MalformedRowsAndLineNumbersAfterMultiLineCells) {
  const auto result = load("tickets",
                           "id,priority,created_at,category\n"
                           "T1,P1,2026-10-01T10:00Z,\"two\nlines\"\n"
                           "T2,P1,2026-10-01T10:00Z,x,extra\n"
                           "T3,P1,\"2026-10-01T10:00Z\"oops,x\n"
                           "T4,P1,2026-10-0,x\n");
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{"tickets.csv:4:27: row has 5 cells, the header has 4",
                                      "tickets.csv:5:26: text after the closing quote",
                                      "tickets.csv:6:16: created_at: bad time stamp '2026-10-0': " +
                                          result.diagnostics.back().message.substr(
                                              result.diagnostics.back().message.rfind(": ") + 2)}));
  ASSERT_EQ(result.table->rows(), 1u);
  EXPECT_EQ(result.table->text("category", 0), "two\nlines");
}

TEST(LoadTest, MissingRequiredColumnIsOneErrorForTheFile) {
  const auto result = load("tickets", "id,created_at\nT1,2026-10-01\nT2,2026-10-01\n");
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                "tickets.csv:1:1: missing required column: priority (columns found: id, "
                "created_at)"}));
  EXPECT_FALSE(result.table);
  ASSERT_TRUE(result.skipped);
  EXPECT_EQ(result.skipped->to_string(), "left out 2 rows of tickets.csv: 1 missing column");
}

TEST(LoadTest, RepeatedAndSkippedLocalHoursAreWarnedPerFileAndKind) {
  const auto result = load("transactions",
                           "at,name,duration_ms\n"
                           "2026-10-25 01:59:00,login,5\n"
                           "2026-10-25 02:30:00,login,5\n"
                           "2026-10-25 02:45:00,login,5\n"
                           "2026-10-25T02:50:00,login,5\n"
                           "2026-03-29 02:30:00,login,5\n");
  EXPECT_TRUE(result.diagnostics.empty());
  ASSERT_EQ(result.table->rows(), 5u);
  EXPECT_EQ(result.table->instants("at")[1], utc("2026-10-25T00:30:00Z"));  // the earlier one
  EXPECT_EQ(result.table->instants("at")[4], utc("2026-03-29T01:30:00Z"));  // 03:30 CEST
  ASSERT_EQ(result.warnings.size(), 2u);
  EXPECT_EQ(result.warnings[0].to_string(),
            "transactions.csv:3: 3 local times in the hour repeated on 2026-10-25 were read as "
            "the earlier instant");
  EXPECT_EQ(result.warnings[1].to_string(),
            "transactions.csv:6: 1 local time in the hour skipped on 2026-03-29 was moved "
            "forward by the gap");
}

std::string synthetic_tickets(int rows) {
  std::string text = "\xEF\xBB\xBFid,priority,created_at,category\r\n";
  for (int i = 0; i < rows; ++i) {
    const int id = i % 97 == 5 ? i - 1 : i;  // a few duplicates
    text += "T" + std::to_string(id) + ",P" + std::to_string(1 + i % 3) + ",2026-10-" +
            (i % 211 == 7 ? std::string("32") : std::to_string(10 + i % 18)) + " 10:00,";
    if (i % 5 == 0) text += "\"multi\r\nline, \"\"quoted\"\"\"";
    if (i % 7 == 0) text += "5\" screen";  // a stray quote in an unquoted cell
    text += "\r\n";
  }
  return text;
}

void expect_same(const FileLoad& a, const FileLoad& b) {
  ASSERT_TRUE(a.table && b.table);
  ASSERT_EQ(a.table->rows(), b.table->rows());
  EXPECT_TRUE(
      std::equal(a.table->lines().begin(), a.table->lines().end(), b.table->lines().begin()));
  for (std::size_t row = 0; row < a.table->rows(); ++row) {
    ASSERT_EQ(a.table->text("id", row), b.table->text("id", row));
    ASSERT_EQ(a.table->text("category", row), b.table->text("category", row));
    ASSERT_EQ(a.table->text("priority", row), b.table->text("priority", row));
    ASSERT_EQ(a.table->instants("created_at")[row], b.table->instants("created_at")[row]);
  }
  EXPECT_EQ(messages(a), messages(b));
  ASSERT_EQ(a.skipped.has_value(), b.skipped.has_value());
  if (a.skipped) {
    EXPECT_EQ(a.skipped->to_string(), b.skipped->to_string());
  }
}

// The tickets of `text` read by one thread, and by two however small the file.
std::pair<FileLoad, FileLoad> tickets_by_one_and_two_threads(const std::string& text) {
  LoadOptions one{amsterdam()};
  one.threads = 1;
  LoadOptions two{amsterdam()};
  two.split_threshold_bytes = 1;
  return {load_evidence_text(*find_schema("tickets"), text, one),
          load_evidence_text(*find_schema("tickets"), text, two)};
}

TEST(LoadTest, TwoThreadSplitGivesTheSameTableAsOneThread) {
  const std::string text = synthetic_tickets(3000);
  LoadOptions one{amsterdam()};
  one.threads = 1;
  const FileLoad single = load_evidence_text(*find_schema("tickets"), text, one);
  EXPECT_GT(single.diagnostics.size(), 20u);
  for (std::size_t threshold : {std::size_t{1}, text.size() / 3, text.size() / 2}) {
    LoadOptions two{amsterdam()};
    two.split_threshold_bytes = threshold;
    expect_same(single, load_evidence_text(*find_schema("tickets"), text, two));
  }
  // The first thread reads any share of the file (first_part_share): the same table.
  for (double share : {0.2, 0.43, 0.8}) {
    LoadOptions two{amsterdam()};
    two.split_threshold_bytes = 1;
    two.first_part_share = share;
    expect_same(single, load_evidence_text(*find_schema("tickets"), text, two));
  }
  // Without quotes the split needs no parity scan.
  std::string plain = "at,name,duration_ms\n";
  for (int i = 0; i < 5000; ++i) {
    plain += "2026-10-05T09:00:" + std::to_string(10 + i % 50) + "Z,t" + std::to_string(i % 13) +
             "," + std::to_string(i % 400 - 1) + "\n";
  }
  const FileLoad a = load_evidence_text(*find_schema("transactions"), plain, one);
  for (double share : {0.5, 0.3}) {
    LoadOptions two{amsterdam()};
    two.split_threshold_bytes = 1;
    two.first_part_share = share;
    const FileLoad b = load_evidence_text(*find_schema("transactions"), plain, two);
    EXPECT_EQ(messages(a), messages(b));
    ASSERT_EQ(a.table->rows(), b.table->rows());
    for (std::size_t row = 0; row < a.table->rows(); ++row) {
      ASSERT_EQ(a.table->text("name", row), b.table->text("name", row));
      ASSERT_EQ(a.table->numbers("duration_ms")[row], b.table->numbers("duration_ms")[row]);
      ASSERT_EQ(a.table->lines()[row], b.table->lines()[row]);
    }
  }
}

// A bare date in an instant column is the start of its day, flagged, and the flags stay with
// their rows when the file is read in two halves and invalid rows are dropped.
TEST(LoadTest, BareDatesInInstantColumnsAreFlaggedPerRow) {
  std::string text = "id,due_at,delivered_at\n";
  for (int i = 0; i < 400; ++i) {
    const std::string day = "2026-10-" + std::to_string(10 + i % 9);
    const bool bare = i % 7 == 3;
    const bool invalid = i % 11 == 5;
    text += "R" + std::to_string(i) + "," + day + (bare ? "" : "T12:00:00") + "," +
            (invalid ? "not a time" : day + "T10:00:00") + "\n";
  }
  LoadOptions one{amsterdam()};
  one.threads = 1;
  one.skip_invalid = true;
  LoadOptions two = one;
  two.threads = 2;
  two.split_threshold_bytes = 1;
  for (const LoadOptions& options : {one, two}) {
    const FileLoad loaded = load_evidence_text(*find_schema("reports"), text, options);
    const Table& t = *loaded.table;
    ASSERT_EQ(t.rows(), 400u - 36u);
    const auto due = t.instants("due_at");
    const auto bare = t.bare_dates("due_at");
    EXPECT_TRUE(t.bare_dates("delivered_at").empty());
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const int i = std::stoi(std::string(t.text("id", row)).substr(1));
      const std::string day = "2026-10-" + std::to_string(10 + i % 9);
      const bool flagged = row < bare.size() && bare[row] != 0;
      ASSERT_EQ(flagged, i % 7 == 3) << "row " << row;
      ASSERT_EQ(due[row], utc(day + (flagged ? "T00:00:00" : "T12:00:00"))) << "row " << row;
    }
  }
}

TEST(LoadTest, SplitFallsBackWhenStrayQuotesMisleadTheParityScan) {
  // Quote parity after the stray quote says "outside quotes" inside the multi-line cell, so the
  // second half is read from a wrong place and must be discarded.
  auto rows = [](char prefix) {
    std::string text;
    for (int i = 0; i < 200; ++i) text += prefix + std::to_string(i) + ",P1,2026-10-01T10:00Z,x\n";
    return text;
  };
  const std::string text = "id,priority,created_at,category\n" + rows('A') +
                           "S1,P1,2026-10-01T10:00Z,5\" screen\n"
                           "M1,P1,2026-10-01T10:00Z,\"first\nB1,P1,2026-10-01T10:00Z,x\n\"\n" +
                           rows('B');
  const auto [a, b] = tickets_by_one_and_two_threads(text);
  EXPECT_EQ(a.table->rows(), 402u);
  EXPECT_EQ(a.table->text("category", 201), "first\nB1,P1,2026-10-01T10:00Z,x\n");
  expect_same(a, b);
}

TEST(LoadTest, SplitFallsBackWhenALineStartInsideAQuotedCellIsTakenForARecord) {
  // No record of the first 64 KiB spans lines, so the second thread starts at the first line
  // after the middle without counting quotes: here that line lies inside a quoted cell of 2,000
  // lines, and the second half must be discarded and read again from the cell's end.
  std::string text = "id,priority,created_at,category\n";
  for (int i = 0; i < 2500; ++i) text += "A" + std::to_string(i) + ",P1,2026-10-01T10:00Z,x\n";
  text += "M1,P1,2026-10-01T10:00Z,\"first";
  for (int i = 0; i < 2000; ++i) text += "\nB" + std::to_string(i) + ",P1,2026-10-01T10:00Z,x";
  text += "\"\n";
  for (int i = 0; i < 1000; ++i) text += "C" + std::to_string(i) + ",P1,2026-10-01T10:00Z,x\n";
  ASSERT_GT(text.size() / 2, text.find("\"first"));
  ASSERT_LT(text.size() / 2, text.find("C0,"));
  const auto [a, b] = tickets_by_one_and_two_threads(text);
  ASSERT_EQ(a.table->rows(), 3501u);
  EXPECT_EQ(a.table->lines()[2501], 2000u + 2503u);  // C0, after the cell's 2,001 lines
  EXPECT_TRUE(messages(b).empty());
  expect_same(a, b);
}

// A sink that keeps what it was given, as text, and the split hooks it was called with.
class RecordingSink : public RowSink {
 public:
  void add(const Table& table, std::size_t row) override {
    EXPECT_FALSE(finished || followed) << "a row after finish() or follow()";
    rows.push_back(std::to_string(table.lines()[row]) + " " + std::string(table.text("name", row)) +
                   " " + std::to_string(table.numbers("duration_ms")[row]));
  }
  void lead(RowSink& next) override {
    EXPECT_TRUE(rows.empty());
    led = &next;
  }
  void finish() noexcept override { ++finished; }
  void follow(RowSink& next) override {
    EXPECT_EQ(&next, led);
    ++followed;
  }
  std::vector<std::string> rows;
  RowSink* led = nullptr;
  int finished = 0;
  int followed = 0;
};

struct Streamed {
  FileLoad load;
  std::vector<std::string> rows;  // every sink's, in file order
};

Streamed stream(std::string_view kind, const std::string& text, LoadOptions options) {
  options.sinks[std::string(kind)] = [] { return std::make_shared<RecordingSink>(); };
  Streamed out{load_evidence_text(*find_schema(kind), text, options), {}};
  for (const auto& sink : out.load.sinks) {
    const auto& rows = dynamic_cast<const RecordingSink&>(*sink).rows;
    out.rows.insert(out.rows.end(), rows.begin(), rows.end());
  }
  return out;
}

std::string transactions_text(int rows) {
  std::string text = "at,name,duration_ms\n";
  for (int i = 0; i < rows; ++i) {
    const std::string at = "2026-10-01T10:00:" + std::to_string(10 + i % 50) + "Z";
    if (i % 97 == 5) {
      text += at + ",search,-3\n";  // negative: invalid
    } else if (i % 89 == 7) {
      text += "yesterday,search,12\n";  // bad time stamp: invalid
    } else {
      text += at + (i % 2 ? ",search," : ",\"submit, form\",") + std::to_string(i) + "\n";
    }
  }
  return text;
}

TEST(LoadTest, StreamedRowsReachTheSinkValidOnlyAndTheTableStaysEmpty) {
  const std::string text = transactions_text(400);
  LoadOptions options{amsterdam()};
  options.threads = 1;
  const FileLoad stored = load_evidence_text(*find_schema("transactions"), text, options);
  const Streamed streamed = stream("transactions", text, options);
  ASSERT_TRUE(streamed.load.table);
  EXPECT_EQ(streamed.load.table->rows(), 0u);
  EXPECT_TRUE(streamed.load.table->in_file("duration_ms"));
  ASSERT_EQ(streamed.rows.size(), stored.table->rows());
  for (std::size_t row = 0; row < stored.table->rows(); ++row) {
    EXPECT_EQ(streamed.rows[row], std::to_string(stored.table->lines()[row]) + " " +
                                      std::string(stored.table->text("name", row)) + " " +
                                      std::to_string(stored.table->numbers("duration_ms")[row]));
  }
  EXPECT_FALSE(stored.diagnostics.empty());
  EXPECT_EQ(messages(streamed.load), messages(stored));
  ASSERT_TRUE(streamed.load.skipped && stored.skipped);
  EXPECT_EQ(streamed.load.skipped->to_string(), stored.skipped->to_string());
}

TEST(LoadTest, StreamedHalvesGoToOneSinkEachInFileOrder) {
  const std::string text = transactions_text(3000);
  LoadOptions one{amsterdam()};
  one.threads = 1;
  LoadOptions two{amsterdam()};
  two.split_threshold_bytes = 1;
  const Streamed a = stream("transactions", text, one);
  const Streamed b = stream("transactions", text, two);
  EXPECT_EQ(a.load.sinks.size(), 1u);
  ASSERT_EQ(b.load.sinks.size(), 2u);
  // The first part's sink led the second's and followed it once; the second was finished once.
  const auto& first = dynamic_cast<const RecordingSink&>(*b.load.sinks[0]);
  const auto& second = dynamic_cast<const RecordingSink&>(*b.load.sinks[1]);
  EXPECT_EQ(first.led, b.load.sinks[1].get());
  EXPECT_EQ(first.followed, 1);
  EXPECT_EQ(second.finished, 1);
  EXPECT_EQ(second.led, nullptr);
  const auto& whole = dynamic_cast<const RecordingSink&>(*a.load.sinks[0]);
  EXPECT_EQ(whole.led, nullptr);  // one thread: no hook is called
  EXPECT_EQ(whole.finished + whole.followed, 0);
  // Lines in a later part's sink count from that part's start (row_sink.h): compare the rest.
  auto without_lines = [](std::vector<std::string> rows) {
    for (auto& row : rows) row.erase(0, row.find(' '));
    return rows;
  };
  EXPECT_EQ(without_lines(a.rows), without_lines(b.rows));
  EXPECT_EQ(messages(a.load), messages(b.load));
}

// The column of a duplicate id is found again in the text (nothing is kept per row for it): a
// key that is not the first column, quoted, after a record spanning two lines, in either half
// of a file read on two threads.
TEST(LoadTest, DuplicateIdsPointAtTheirCell) {
  std::string text =
      "priority,created_at,id\n"
      "P1,2026-10-01T10:00Z,\"T1\"\n"
      "P1,\"2026-10-01T10:00Z\",\"T2\nsecond line\"\n";
  for (int i = 3; i < 200; ++i) text += "P2,2026-10-01T10:00Z,T" + std::to_string(i) + "\n";
  text += "P3,  2026-10-01T11:00Z, \"T1\"\n";  // line 202
  text += "P3,2026-10-01T11:00Z,T150\n";       // line 203
  for (const std::size_t split : {std::size_t{1} << 30, std::size_t{1}}) {
    LoadOptions options{amsterdam()};
    options.split_threshold_bytes = split;
    const FileLoad result = load_evidence_text(*find_schema("tickets"), text, options);
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "tickets.csv:202:26: id: duplicate id 'T1' (first on line 2)",
                  "tickets.csv:203:22: id: duplicate id 'T150' (first on line 152)"}))
        << "split threshold " << split;
  }
}

// Columns no measure reads are dropped after their cells are checked: the diagnostics are those
// of a full load, an order rule still compares a dropped column, and reading one is an error.
TEST(LoadTest, ColumnsNotKeptAreCheckedThenDropped) {
  const std::string text =
      "id,priority,created_at,responded_at,resolved_at,category\n"
      "T1,P1,2026-10-01T10:00Z,2026-10-01T10:05Z,2026-10-01T11:00Z,incident\n"
      "T2,P2,2026-10-01T10:00Z,2026-10-01T10:05Z,2026-10-01T09:00Z,incident\n"  // backwards
      "T3,P3,2026-10-01T10:00Z,2026-10-01T10:05Z,yesterday,change\n"            // bad stamp
      "T4,P1,2026-10-01T12:00Z,,,incident\n";
  LoadOptions all{amsterdam()};
  LoadOptions few{amsterdam()};
  few.kept_columns["tickets"] = {"priority", "created_at", "responded_at"};
  const FileLoad full = load_evidence_text(*find_schema("tickets"), text, all);
  const FileLoad kept = load_evidence_text(*find_schema("tickets"), text, few);
  EXPECT_EQ(messages(kept), messages(full));
  ASSERT_EQ(messages(kept).size(), 2u);
  ASSERT_TRUE(kept.table);
  const Table& table = *kept.table;
  EXPECT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.text("id", 1), "T4");  // the key is always kept
  EXPECT_EQ(table.text("priority", 1), "P1");
  EXPECT_EQ(table.instants("created_at").size(), 2u);
  EXPECT_TRUE(table.column_kept("responded_at"));
  EXPECT_FALSE(table.column_kept("resolved_at"));
  EXPECT_TRUE(table.in_file("resolved_at"));
  EXPECT_THROW(table.instants("resolved_at"), std::logic_error);
  EXPECT_THROW(table.codes("category"), std::logic_error);
}

TEST(LoadTest, KeyedKindsIgnoreASink) {
  const std::string text =
      "id,priority,created_at\nT1,P1,2026-10-01T10:00Z\nT1,P1,2026-10-01T11:00Z\n";
  LoadOptions options{amsterdam()};
  options.sinks["tickets"] = [] { return std::make_shared<RecordingSink>(); };
  const FileLoad result = load_evidence_text(*find_schema("tickets"), text, options);
  EXPECT_TRUE(result.sinks.empty());
  ASSERT_TRUE(result.table);
  EXPECT_EQ(result.table->rows(), 1u);
  EXPECT_EQ(messages(result).size(), 1u);  // the duplicate id
}

class LoadFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("meetlat_evidence_test_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(LoadFolderTest, AbsentFilesAreAbsentNotErrors) {
  write("tickets.csv", "id,priority,created_at\nT1,P1,2026-10-01T10:00Z\n");
  write("unrelated.csv", "whatever\n");
  const Evidence evidence = load_evidence(dir_, LoadOptions{amsterdam()});
  EXPECT_TRUE(evidence.diagnostics.empty());
  EXPECT_TRUE(evidence.usable());
  ASSERT_NE(evidence.find("tickets"), nullptr);
  EXPECT_EQ(evidence.find("tickets")->rows(), 1u);
  EXPECT_EQ(evidence.find("outages"), nullptr);
  EXPECT_EQ(evidence.tables.size(), 1u);
}

TEST_F(LoadFolderTest, SummaryListsErrorsOrSkippedRows) {
  write("tickets.csv", "id,priority,created_at\nT1,P7,2026-10-01T10:00Z\nT2,P1,x\n");
  LoadOptions options{amsterdam()};
  const Evidence refused = load_evidence(dir_, options);
  EXPECT_FALSE(refused.usable());
  EXPECT_EQ(refused.summary(1),
            "tickets.csv:2:4: priority: unknown priority 'P7' (expected P1, P2, P3)\n"
            "... and 1 more\n"
            "2 errors: 1 bad time stamp, 1 unknown priority\n");
  options.skip_invalid = true;
  const Evidence skipped = load_evidence(dir_, options);
  EXPECT_TRUE(skipped.usable());
  EXPECT_EQ(skipped.summary(),
            "left out 2 rows of tickets.csv: 1 bad time stamp, 1 unknown priority\n");
}

TEST_F(LoadFolderTest, StreamedKindIsPresentWithItsSinks) {
  write("transactions.csv", transactions_text(50));
  LoadOptions options{amsterdam()};
  options.sinks["transactions"] = [] { return std::make_shared<RecordingSink>(); };
  const Evidence evidence = load_evidence(dir_, options);
  ASSERT_NE(evidence.find("transactions"), nullptr);
  EXPECT_EQ(evidence.find("transactions")->rows(), 0u);
  ASSERT_EQ(evidence.sinks.count("transactions"), 1u);
  const auto& sinks = evidence.sinks.at("transactions");
  ASSERT_EQ(sinks.size(), 1u);
  EXPECT_EQ(dynamic_cast<const RecordingSink&>(*sinks[0]).rows.size(),
            50u - 2u);  // rows 5 and 7 invalid
  EXPECT_EQ(evidence.skipped.size(), 1u);
}

TEST_F(LoadFolderTest, UnreadableFileIsAnExceptionNamingThePath) {
  std::filesystem::create_directories(dir_ / "tickets.csv");  // a folder cannot be read as a file
  try {
    load_evidence(dir_, LoadOptions{amsterdam()});
    FAIL() << "expected EvidenceError";
  } catch (const EvidenceError& error) {
    EXPECT_NE(std::string(error.what()).find((dir_ / "tickets.csv").string()), std::string::npos);
  }
}

// A tool writes p1 or Critical where the contract says P1 and critical: the code is accepted in
// any letter case and kept as the contract spells it, so results, ids and the workspace show one
// spelling (issue 13).
TEST(LoadEvidence, PrioritiesAndSeveritiesMatchInAnyLetterCaseAndAreKeptAsTheContractSpellsThem) {
  const auto tickets = load("tickets",
                            "id,priority,created_at\n"
                            "T1,p1,2026-10-01T10:00Z\n"
                            "T2,P2,2026-10-01T10:00Z\n"
                            "T3,p4,2026-10-01T10:00Z\n");
  EXPECT_EQ(messages(tickets), (std::vector<std::string>{"tickets.csv:4:4: priority: unknown "
                                                         "priority 'p4' (expected P1, P2, P3)"}));
  ASSERT_TRUE(tickets.table);
  ASSERT_EQ(tickets.table->rows(), 2U);
  EXPECT_EQ(tickets.table->text("priority", 0), "P1");
  EXPECT_EQ(tickets.table->text("priority", 1), "P2");
  const auto vulnerabilities = load("vulnerabilities",
                                    "id,severity,detected_at\n"
                                    "CVE-1,Critical,2026-10-01\n"
                                    "CVE-2,HIGH,2026-10-01\n");
  EXPECT_TRUE(vulnerabilities.diagnostics.empty());
  ASSERT_TRUE(vulnerabilities.table);
  EXPECT_EQ(vulnerabilities.table->text("severity", 0), "critical");
  EXPECT_EQ(vulnerabilities.table->text("severity", 1), "high");
}

}  // namespace
}  // namespace meetlat::evidence

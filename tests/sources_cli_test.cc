// The built-in profiles through the real binary (docs/sources.md): each converts its example
// export under tests/sources/<profile>/export, and `evaluate` of the converted folder gives the
// same JSON, byte for byte, as `evaluate` of the hand-made evidence in expected/ that holds the
// same facts. Then the failure modes a user meets first, and check-data.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

const fs::path kSources = MEETLAT_SOURCES_DIR;
const std::string kEvaluate = " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00 --contract " +
                              std::string(MEETLAT_ENGINE_CONTRACT);

class Scratch : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "meetlat_sources_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }
  RunResult run(const std::string& args) const { return run_meetlat(args, root_); }
  // `convert --from PROFILE INPUT` into root_/converted, which it returns; it must succeed.
  fs::path converted(const std::string& profile, const fs::path& input) const {
    fs::path out = root_ / "converted";
    const RunResult r =
        run("convert --from " + profile + " " + input.string() + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return out;
  }
  // `evaluate OPTIONS` of `data`, which must succeed and print what the hand-made evidence in
  // `expected` gives; the evaluation of `data`.
  RunResult evaluated_as(const fs::path& data, const fs::path& expected,
                         const std::string& options) const {
    const RunResult want = run("evaluate --data " + expected.string() + options);
    EXPECT_EQ(want.exit_code, 0) << want.err;
    RunResult got = run("evaluate --data " + data.string() + options);
    EXPECT_EQ(got.exit_code, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_EQ(got.err, want.err);
    return got;
  }
  fs::path root_;
};

class BuiltInProfile : public Scratch, public ::testing::WithParamInterface<const char*> {};

TEST_P(BuiltInProfile, ConvertedExportEvaluatesAsTheHandMadeEvidence) {
  const fs::path dir = kSources / GetParam();
  const fs::path out = converted(GetParam(), dir / "export");
  for (const auto& entry : fs::directory_iterator(dir / "expected")) {
    EXPECT_TRUE(fs::exists(out / entry.path().filename())) << entry.path().filename();
  }
  const RunResult checked =
      run("check-data " + out.string() + " --contract " + std::string(MEETLAT_ENGINE_CONTRACT));
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  EXPECT_NE(checked.out.find("check-data: no problems"), std::string::npos) << checked.out;
  evaluated_as(out, dir / "expected", kEvaluate);
}

// `import --from` (docs/sources.md): the export converted straight into a workspace holds what
// the hand-made evidence holds, and importing it again changes nothing.
TEST_P(BuiltInProfile, ImportFromTheExportIsTheHandMadeEvidence) {
  const fs::path dir = kSources / GetParam();
  const fs::path ws = root_ / "workspace";
  ASSERT_EQ(
      run("init " + ws.string() + " --contract " + std::string(MEETLAT_ENGINE_CONTRACT)).exit_code,
      0);
  const std::string import_args = std::string("import --from ") + GetParam() + " " +
                                  (dir / "export").string() + " --workspace " + ws.string();
  const RunResult imported = run(import_args);
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  const RunResult expected = run("evaluate --data " + (dir / "expected").string() + kEvaluate);
  ASSERT_EQ(expected.exit_code, 0) << expected.err;
  const RunResult actual = run("evaluate --workspace " + ws.string() +
                               " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00");
  ASSERT_EQ(actual.exit_code, 0) << actual.err;
  // The same result; a warning about how a row was read is the import's (at the export's line),
  // not the evaluation's, since the workspace keeps the rows as they were read.
  auto without_read_warnings = [](const std::string& json) {
    std::string out;
    std::istringstream lines(json);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("local time") == std::string::npos) out += line + "\n";
    }
    return out;
  };
  EXPECT_EQ(without_read_warnings(actual.out), without_read_warnings(expected.out));
  if (expected.out.find("local time in the hour repeated") != std::string::npos) {
    EXPECT_NE(imported.err.find("warning: meldingen_oktober.csv:5: 1 local time in the hour "
                                "repeated on 2026-10-25"),
              std::string::npos)
        << imported.err;
  }

  const RunResult again = run(import_args);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.find(" accepted, 0 unchanged"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find(": 0 accepted, "), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find(" 1 corrected"), std::string::npos) << again.out;
}

// The TOPdesk export's on-hold periods become pauses.csv, and under a contract with pauses: true
// they stop the clock as the hand-made pauses do. M2610 002 (P3, Tuesday 6 October 14:03, 4h on
// office hours: 3h57m that day and 3 minutes on Wednesday, so 08:03) waited 15:00-16:00: an hour
// of office time, so its deadline moves to 09:03.
TEST_F(Scratch, TopdeskPausesStopTheClockAsTheHandMadeOnes) {
  const fs::path dir = kSources / "topdesk";
  const std::string paused_evaluation =
      " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00 --contract " +
      (kSources.parent_path() / "cases/pauses_stop_the_clock/contract.yaml").string();
  const RunResult actual =
      evaluated_as(converted("topdesk", dir / "export"), dir / "expected", paused_evaluation);
  EXPECT_NE(actual.out.find("M2610 002: 1h of office_hours time paused, in 1 stretch; deadline "
                            "2026-10-07T08:03:00+02:00 moved to 2026-10-07T09:03:00+02:00"),
            std::string::npos)
      << actual.out;
}

// The same month exported with cumulative temporality (tests/sources/otlp/cumulative-export: one
// file a day; the portal restarts each morning, a reset; the search API's one series runs over
// both files): the differenced export evaluates as the hand-made evidence of the delta example.
TEST_F(Scratch, OtlpCumulativeExportEvaluatesAsTheHandMadeEvidence) {
  const fs::path dir = kSources / "otlp";
  const fs::path out = converted("otlp", dir / "cumulative-export");
  EXPECT_EQ(read_file(out / "latency_histograms.csv").size(),
            read_file(dir / "expected" / "latency_histograms.csv").size());
  const RunResult checked =
      run("check-data " + out.string() + " --contract " + std::string(MEETLAT_ENGINE_CONTRACT));
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  evaluated_as(out, dir / "expected", kEvaluate);
}

INSTANTIATE_TEST_SUITE_P(Sources, BuiltInProfile,
                         ::testing::Values("topdesk", "uptime-kuma", "servicenow", "jira-sm",
                                           "prometheus", "otlp"),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

using SourcesCli = Scratch;

// uptime-kuma has one input, so every file goes to it (topdesk's two inputs would refuse the file
// for its name before reading it).
TEST_F(SourcesCli, PrometheusJsonGivenToACsvProfileSaysItIsJson) {
  const RunResult r = run("convert --from uptime-kuma " +
                          (kSources / "prometheus/export/probe_success.json").string() + " --out " +
                          (root_ / "out").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("probe_success.json:1:1: this file is JSON, not CSV: input 'heartbeats' "
                       "of the profile expects CSV (for a Prometheus query_range export use "
                       "--from prometheus)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(root_ / "out"));
}

TEST_F(SourcesCli, TopdeskExportUnderTheServiceNowProfileNamesTheSeparator) {
  fs::copy_file(kSources / "topdesk/export/meldingen_oktober.csv", root_ / "incident.csv");
  const RunResult r = run("convert --from servicenow " + (root_ / "incident.csv").string() +
                          " --out " + (root_ / "out").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("incident.csv:1:1: the header is one column separated by ';', but the "
                       "profile reads input 'incident' with separator ','"),
            std::string::npos)
      << r.err;
}

// A problem only the evidence loader sees (an id twice, a response before its ticket) is reported
// at the export's row and cell the converted row came from, and nothing is imported.
TEST_F(SourcesCli, ImportFromNamesTheExportsPlaceOfAProblemFoundAfterConverting) {
  std::string text = read_file(kSources / "topdesk/export/meldingen_oktober.csv");
  text += "M2610 002;Storing;P2 - Middel;07-10-2026 14:03;07-10-2026 16:30;;Werkplek;Tweede\r\n";
  text += "M2610 009;Storing;P2 - Middel;08-10-2026 14:03;08-10-2026 12:30;;Werkplek;Vroeg\r\n";
  fs::create_directories(root_ / "export");
  std::ofstream(root_ / "export/meldingen_oktober.csv", std::ios::binary) << text;
  const fs::path ws = root_ / "workspace";
  ASSERT_EQ(run("init " + ws.string()).exit_code, 0);
  const RunResult r =
      run("import --from topdesk " + (root_ / "export").string() + " --workspace " + ws.string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("meldingen_oktober.csv:7:1: tickets.csv (from 'Meldingnummer'): id: "
                       "duplicate id 'M2610 002' (first at meldingen_oktober.csv:3)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("meldingen_oktober.csv:8:48: tickets.csv (from 'Reactiedatum'): "
                       "responded_at '2026-10-08 12:30:00' is before created_at"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  // Nothing was: the good export afterwards is accepted in full.
  const RunResult good = run("import --from topdesk " + (kSources / "topdesk/export").string() +
                             " --workspace " + ws.string());
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("tickets.csv (converted by topdesk): 5 accepted, 0 unchanged"),
            std::string::npos)
      << good.out;
}

TEST_F(SourcesCli, AnUnknownProfileListsTheBuiltInOnes) {
  const RunResult r = run("convert --from topdsk x.csv --out " + (root_ / "out").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--from topdsk is neither a built-in profile (topdesk, uptime-kuma, "
                       "servicenow, jira-sm, prometheus, otlp) nor a profile file"),
            std::string::npos)
      << r.err;
}

TEST_F(SourcesCli, SkipInvalidWritesTheGoodRowsAndCountsTheOthers) {
  std::string text = read_file(kSources / "topdesk/export/meldingen_oktober.csv");
  text += "M2610 006;Storing;P4 - Geen;29-10-2026 10:00;;;Netwerk;Geen prioriteit\r\n";
  const fs::path file = root_ / "meldingen.csv";
  {
    FILE* f = fopen(file.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    fwrite(text.data(), 1, text.size(), f);
    fclose(f);
  }
  const std::string out = (root_ / "out").string();
  const RunResult refused = run("convert --from topdesk " + file.string() + " --out " + out);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("meldingen.csv:7:19: priority: value 'P4 - Geen' is not in the "
                             "profile's map"),
            std::string::npos)
      << refused.err;
  EXPECT_FALSE(fs::exists(out));
  const RunResult skipped =
      run("convert --from topdesk " + file.string() + " --out " + out + " --skip-invalid");
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("meldingen.csv: 6 rows read for tickets.csv; 1 left out with "
                             "problems"),
            std::string::npos)
      << skipped.out;
  EXPECT_NE(skipped.out.find("tickets.csv (5 rows)"), std::string::npos) << skipped.out;
}

TEST_F(SourcesCli, CheckDataListsFilesColumnsRowsAndRange) {
  const RunResult r = run("check-data " + (kSources / "servicenow/expected").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tickets.csv: 4 valid rows; columns id, priority, created_at, "
                       "responded_at, resolved_at, category, service; from "
                       "2026-10-05T09:12:00+02:00 to 2026-10-20T19:00:00+02:00"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("check-data: no problems"), std::string::npos) << r.out;
}

// A column meetlat does not know (notes) is ignored, a column the default contract does not read
// (resolved_at: KPI-01 reads id, priority, created_at, responded_at) is checked but unused, and a
// file no objective reads (pauses.csv: the default contract pauses no clock) is said to be so.
TEST_F(SourcesCli, CheckDataListsTheColumnsItDoesNotRead) {
  fs::create_directories(root_ / "data");
  const auto write = [&](const char* name, const std::string& text) {
    FILE* f = fopen((root_ / "data" / name).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    fwrite(text.data(), 1, text.size(), f);
    fclose(f);
  };
  write("tickets.csv",
        "id,priority,created_at,responded_at,resolved_at,notes\n"
        "T1,P1,2026-10-05 09:12,2026-10-05 09:20,2026-10-05 11:00,printer\n");
  write("pauses.csv", "ticket_id,paused_at,resumed_at\nT1,2026-10-05 09:14,2026-10-05 09:16\n");
  const RunResult r = run("check-data " + (root_ / "data").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tickets.csv: ignored columns notes (not columns of tickets.csv)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("tickets.csv: columns no objective of the contract reads: resolved_at "
                       "(checked, not used)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("pauses.csv: no objective of the contract reads this file\n"),
            std::string::npos)
      << r.out;
}

TEST_F(SourcesCli, CheckDataNamesEveryProblemAtItsPlace) {
  fs::create_directories(root_ / "data");
  {
    FILE* f = fopen((root_ / "data/tickets.csv").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string text =
        "id,priority,created_at\nT1,P1,2026-10-05 09:12\nT2,P9,2026-10-05 09:12\n";
    fwrite(text.data(), 1, text.size(), f);
    fclose(f);
  }
  const RunResult r = run("check-data " + (root_ / "data").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("tickets.csv: 1 valid row;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("left out 1 row of tickets.csv: 1 unknown priority"), std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("tickets.csv:3:4: priority: unknown priority 'P9'"), std::string::npos)
      << r.err;
}

}  // namespace

// The workspace through the real binary (docs/workspace.md): a generated year imported and
// evaluated gives the bytes evaluating its files gives; imports are idempotent, atomic and
// counted; the audit log finds changes made behind meetlat's back with the sqlite3 tool; an
// import killed at any point leaves the workspace as it was; a newer workspace is refused.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "run_meetlat.h"
#include "sample_edits.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::meetlat_binary;
using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::run_shell;
using meetlat::testing::RunResult;

constexpr const char* kAsOf = " --as-of 2027-01-05T00:00:00+01:00";

// One generated year (smaller volumes than the default, the same files) shared by the tests.
class WorkspaceCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_workspace_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = new fs::path(pattern);
    const RunResult r = run_meetlat("generate --out " + year().string() +
                                        " --months 12 --seed 7 --tickets-per-month 400"
                                        " --transactions-per-minute 1 --probe-locations 1",
                                    *root_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
  }

  static fs::path year() { return *root_ / "year"; }
  static fs::path scratch() { return *root_; }

  static RunResult meetlat(const std::string& args) { return run_meetlat(args, *root_); }

  // A new workspace with the year imported.
  static fs::path imported(const std::string& name) {
    const fs::path ws = *root_ / name;
    EXPECT_EQ(meetlat("init " + ws.string()).exit_code, 0);
    const RunResult r = meetlat("import --workspace " + ws.string() + " " + year().string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ws;
  }

  // `contract apply` of the amendment `yaml` (its lines without effective_from) to `ws` from
  // `month`, and the default contract with the same amendment, written to NAME-contract.yaml.
  struct Amended {
    RunResult applied;
    fs::path contract;
  };
  static Amended amend(const fs::path& ws, const std::string& month, const std::string& yaml,
                       const std::string& name) {
    const fs::path file = scratch() / (name + ".yaml");
    std::ofstream(file) << yaml;
    Amended out{meetlat("contract apply " + file.string() + " --effective-from " + month +
                        " --workspace " + ws.string()),
                scratch() / (name + "-contract.yaml")};
    std::string entry = "\namendments:\n  - effective_from: " + month;
    for (std::size_t at = 0; at < yaml.size();) {
      const std::size_t end = yaml.find('\n', at);
      entry += "\n    " + yaml.substr(at, end - at);
      at = end + 1;
    }
    std::string contract = read_file(MEETLAT_DEFAULT_CONTRACT);
    const std::size_t at = contract.find("\namendments: []");
    EXPECT_NE(at, std::string::npos);
    contract.replace(at, 16, entry);
    std::ofstream(out.contract) << contract;
    return out;
  }

  static RunResult sqlite(const fs::path& ws, const std::string& sql) {
    return run_shell("sqlite3 " + (ws / "workspace.sqlite").string() + " \"" + sql + "\" 2>&1");
  }

  static fs::path* root_;
};

fs::path* WorkspaceCli::root_ = nullptr;

TEST_F(WorkspaceCli, EvaluatesAGeneratedYearAsItsFilesDo) {
  const fs::path ws = imported("ws-same");
  for (const std::string request :
       {"evaluate --from 2026-01 --to 2026-12", "evaluate --period 2026-10",
        "evaluate --period 2026-Q2 --format table", "actions --period 2026-12 --format csv"}) {
    const RunResult files = meetlat(request + " --data " + year().string() + kAsOf);
    const RunResult stored = meetlat(request + " --workspace " + ws.string() + kAsOf);
    ASSERT_EQ(files.exit_code, 0) << files.err;
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    EXPECT_GT(files.out.size(), 1000U) << request;
    EXPECT_EQ(stored.out, files.out) << request;
  }
  // The current folder, when it is a workspace, is the default.
  const RunResult here = run_shell("cd " + ws.string() + " && " + meetlat_binary() +
                                   " evaluate --period 2026-10" + kAsOf);
  EXPECT_EQ(here.out, meetlat("evaluate --period 2026-10 --data " + year().string() + kAsOf).out);
}

TEST_F(WorkspaceCli, AFileWithoutRowsIsEvidenceThatThereWereNone) {
  // An empty migration.csv says "no batches" (KPI-02 pending), not "no evidence" (no_data).
  const fs::path data = scratch() / "empty-files";
  fs::create_directories(data);
  fs::copy_file(year() / "tickets.csv", data / "tickets.csv");
  std::ofstream(data / "migration.csv") << "batch,validated_on,records_total,records_correct\n";
  std::ofstream(data / "transactions.csv") << "at,name,duration_ms\n";
  const fs::path ws = scratch() / "ws-empty-files";
  ASSERT_EQ(meetlat("init " + ws.string()).exit_code, 0);
  const RunResult r = meetlat("import --workspace " + ws.string() + " " + data.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("migration.csv: 0 accepted, 0 unchanged"), std::string::npos) << r.out;
  const std::string october = "evaluate --period 2026-10" + std::string(kAsOf);
  const std::string files = meetlat(october + " --data " + data.string()).out;
  EXPECT_NE(files.find("no row in the period"), std::string::npos);
  EXPECT_EQ(meetlat(october + " --workspace " + ws.string()).out, files);
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
}

// pauses.csv and a file's own priority names go into a workspace and come out as from the files:
// the same paused deadlines and the same warning at the same place (pauses_stop_the_clock), the
// names kept as the priorities they name (priority_names_per_file).
TEST_F(WorkspaceCli, PausesAndPriorityNamesEvaluateAsFromTheirFiles) {
  const fs::path cases = fs::path(MEETLAT_WORKSPACES_DIR).parent_path() / "cases";
  for (const std::string name : {"pauses_stop_the_clock", "priority_names_per_file"}) {
    const fs::path data = cases / name / "data";
    const std::string contract = " --contract " + (cases / name / "contract.yaml").string();
    const fs::path ws = scratch() / ("ws-" + name);
    ASSERT_EQ(meetlat("init " + ws.string() + contract).exit_code, 0);
    const RunResult r = meetlat("import --workspace " + ws.string() + " " + data.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string october = "evaluate --period 2026-10 --as-of 2026-11-05T00:00:00+01:00";
    const RunResult files = meetlat(october + " --data " + data.string() + contract);
    const RunResult stored = meetlat(october + " --workspace " + ws.string());
    ASSERT_EQ(files.exit_code, 0) << files.err;
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    EXPECT_EQ(stored.out, files.out) << name;
  }
  const std::string paused =
      meetlat("evaluate --period 2026-10 --as-of 2026-11-05T00:00:00+01:00 --workspace " +
              (scratch() / "ws-pauses_stop_the_clock").string())
          .out;
  EXPECT_NE(paused.find("INC-01: 1h30m of office_hours time paused, in 1 stretch; deadline "
                        "2026-10-05T13:00:00+02:00 moved to 2026-10-05T14:30:00+02:00"),
            std::string::npos)
      << paused;
}

TEST_F(WorkspaceCli, ImportingTheSameEvidenceAgainChangesNothing) {
  const fs::path ws = imported("ws-again");
  const std::string before =
      meetlat("evaluate --period 2026-10 --workspace " + ws.string() + kAsOf).out;
  const RunResult again = meetlat("import --workspace " + ws.string() + " " + year().string());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("tickets.csv: 0 accepted, 4"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find(" corrected, 1"), std::string::npos);
  for (const char* kind : {"tickets", "transactions", "probes", "outages"}) {
    EXPECT_NE(again.out.find(std::string(kind) + ".csv: 0 accepted, "), std::string::npos) << kind;
  }
  EXPECT_EQ(meetlat("evaluate --period 2026-10 --workspace " + ws.string() + kAsOf).out, before);
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
}

TEST_F(WorkspaceCli, AChangedRowIsACorrectionCountedAndAudited) {
  const fs::path ws = imported("ws-correct");
  // The first ticket again with another priority, and one new ticket.
  std::ifstream in(year() / "tickets.csv");
  std::string header;
  std::string first;
  std::getline(in, header);
  std::getline(in, first);
  const std::size_t comma = first.find(',');
  std::string changed = first;
  const std::string priority = first.substr(comma + 1, 2);
  changed.replace(comma + 1, 2, priority == "P3" ? "P2" : "P3");
  const fs::path dir = scratch() / "correction";
  fs::create_directories(dir);
  std::ofstream(dir / "tickets.csv") << header << '\n'
                                     << changed << '\n'
                                     << "NEW-1,P1,2026-12-01 10:00:00\n";
  const RunResult r =
      meetlat("import --workspace " + ws.string() + " " + (dir / "tickets.csv").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tickets.csv: 1 accepted, 0 unchanged, 1 corrected, 0 rejected"),
            std::string::npos)
      << r.out;
  const RunResult log = meetlat("audit export --workspace " + ws.string());
  const std::string last = log.out.substr(log.out.rfind('\n', log.out.size() - 2) + 1);
  EXPECT_NE(last.find("\"action\":\"import\""), std::string::npos) << last;
  EXPECT_NE(last.find("\"corrections\":{\"count\":1"), std::string::npos) << last;
  const std::string id = first.substr(0, comma);
  EXPECT_EQ(sqlite(ws, "SELECT record FROM corrections").out, id + "\n");
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
  const RunResult syslog = meetlat("audit export --format syslog --workspace " + ws.string());
  EXPECT_EQ(syslog.out.rfind("<110>1 ", 0), 0U) << syslog.out;
  EXPECT_NE(syslog.out.find(" meetlat - import [meetlat@32473 seq=\"3\""), std::string::npos);
}

TEST_F(WorkspaceCli, AnImportWithAnInvalidRowImportsNothing) {
  const fs::path ws = imported("ws-refuse");
  const std::string log = meetlat("audit export --workspace " + ws.string()).out;
  const fs::path dir = scratch() / "refuse";
  fs::create_directories(dir);
  std::ofstream(dir / "milestones.csv") << "id,planned_on\nM-9,2026-12-01\n";
  std::ofstream(dir / "outages.csv") << "id,start\nO-9,2026-11-05 10:00\nO-10,2026-13-01 10:00\n";
  const RunResult r = meetlat("import --workspace " + ws.string() + " " + dir.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("outages.csv:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("import refused: nothing was imported"), std::string::npos) << r.err;
  EXPECT_EQ(meetlat("audit export --workspace " + ws.string()).out, log);
  EXPECT_EQ(sqlite(ws, "SELECT count(*) FROM imports").out, "1\n");

  const RunResult skipped =
      meetlat("import --skip-invalid --workspace " + ws.string() + " " + dir.string());
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("outages.csv: 1 accepted, 0 unchanged, 0 corrected, 1 rejected"),
            std::string::npos)
      << skipped.out;
  EXPECT_NE(skipped.err.find("outages.csv:3:"), std::string::npos) << skipped.err;
}

TEST_F(WorkspaceCli, AuditVerifyFindsWhatTheSqlite3ToolChanged) {
  const fs::path ws = imported("ws-audit");
  const fs::path fix = scratch() / "audit-fix";
  fs::create_directories(fix);
  std::ofstream(fix / "tickets.csv") << "id,priority,created_at\nNEW-2,P2,2026-12-02 10:00\n";
  ASSERT_EQ(
      meetlat("import --workspace " + ws.string() + " " + (fix / "tickets.csv").string()).exit_code,
      0);
  ASSERT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
  const struct {
    const char* sql;
    const char* found;
  } tampering[] = {
      {"UPDATE audit SET actor = 'someone' WHERE seq = 2", "event 2 (import): its content"},
      {"DELETE FROM audit WHERE seq = 2", "event 3: expected event 2"},
      {"INSERT INTO audit VALUES (4, '2026-12-02T00:00:00Z', 'x', 'import', '{}', '', '')",
       "event 4: does not follow"},
      {"DELETE FROM audit WHERE seq = 3", "import 2 is not in the audit log"},
      {"UPDATE segments SET rows = rows + 1, sha256 = 'x' WHERE kind = 'tickets'",
       "evidence segment tickets is not the version"},
      {"UPDATE segment_rows SET zstd = (SELECT zstd FROM segment_rows WHERE id = (SELECT rows_id "
       "FROM segments WHERE kind = 'milestones')) WHERE id = (SELECT rows_id FROM segments WHERE "
       "kind = 'outages')",
       "evidence segment outages: its rows were changed"},
      {"DELETE FROM segments WHERE kind = 'siem'", "evidence segment siem recorded by event 2"},
      {"UPDATE contract_versions SET yaml = yaml || ' '", "contract version 1 differs"},
      {"DELETE FROM imports WHERE id = 1", "import 1 recorded by event 2 is missing"},
  };
  for (const auto& t : tampering) {
    const fs::path copy = scratch() / "ws-audit-copy";
    fs::remove_all(copy);
    fs::copy(ws, copy);
    const RunResult edit = sqlite(copy, t.sql);
    ASSERT_EQ(edit.exit_code, 0) << t.sql << ": " << edit.out;
    const RunResult r = meetlat("audit verify --workspace " + copy.string());
    EXPECT_EQ(r.exit_code, 1) << t.sql;
    EXPECT_NE(r.err.find(t.found), std::string::npos) << t.sql << "\n" << r.err;
  }
}

TEST_F(WorkspaceCli, AnImportKilledAtAnyPointLeavesTheWorkspaceAsItWas) {
  // Before: the year's tickets; the import to kill: the whole year (millions of rows, seconds).
  const fs::path base = scratch() / "ws-kill-base";
  ASSERT_EQ(meetlat("init " + base.string()).exit_code, 0);
  ASSERT_EQ(meetlat("import --workspace " + base.string() + " " + (year() / "tickets.csv").string())
                .exit_code,
            0);
  const std::string request = " evaluate --period 2026-10" + std::string(kAsOf);
  const std::string before = meetlat(request + " --workspace " + base.string()).out;
  const std::string after = meetlat(request + " --data " + year().string()).out;
  ASSERT_NE(before, after);
  // How long the whole import takes here, to spread the kills over it.
  const fs::path timed = scratch() / "ws-kill-timed";
  fs::copy(base, timed);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(meetlat("import --workspace " + timed.string() + " " + year().string()).exit_code, 0);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int killed_before = 0;
  constexpr int kKills = 10;
  for (int k = 1; k <= kKills; ++k) {
    const fs::path ws = scratch() / "ws-kill";
    fs::remove_all(ws);
    fs::copy(base, ws);
    const double delay = seconds * k / (kKills + 1);
    const RunResult kill =
        run_shell("( " + meetlat_binary() + " import --workspace " + ws.string() + " " +
                  year().string() + " >/dev/null 2>&1 & pid=$!; sleep " + std::to_string(delay) +
                  "; kill -9 $pid; wait $pid; echo $? )");
    const bool was_killed = kill.out == "137\n";
    const std::string now = meetlat(request + " --workspace " + ws.string()).out;
    EXPECT_TRUE(now == (was_killed ? before : after) || (was_killed && now == after))
        << "kill " << k << " after " << delay << " s";
    if (was_killed && now == before) ++killed_before;
    const RunResult verify = meetlat("audit verify --workspace " + ws.string());
    EXPECT_EQ(verify.exit_code, 0) << "kill " << k << ": " << verify.err;
  }
  // Most kills land inside the import, before its commit.
  EXPECT_GE(killed_before, kKills / 2);
}

TEST_F(WorkspaceCli, AReaderDuringAnImportSeesBeforeOrAfter) {
  const fs::path ws = scratch() / "ws-reader";
  ASSERT_EQ(meetlat("init " + ws.string()).exit_code, 0);
  ASSERT_EQ(meetlat("import --workspace " + ws.string() + " " + (year() / "tickets.csv").string())
                .exit_code,
            0);
  const std::string request = " evaluate --period 2026-10" + std::string(kAsOf);
  const std::string before = meetlat(request + " --workspace " + ws.string()).out;
  const std::string after = meetlat(request + " --data " + year().string()).out;
  // Evaluations in a loop while the import runs: each one prints before or after, never a mix.
  const fs::path outputs = scratch() / "reader";
  fs::create_directories(outputs);
  const RunResult r = run_shell(
      "( " + meetlat_binary() + " import --workspace " + ws.string() + " " + year().string() +
      " >/dev/null 2>&1 & pid=$!; i=0; while kill -0 $pid 2>/dev/null; do i=$((i+1)); " +
      meetlat_binary() + request + " --workspace " + ws.string() + " > " + outputs.string() +
      "/$i.json 2>/dev/null; done; wait $pid; echo $i )");
  const int reads = std::atoi(r.out.c_str());
  EXPECT_GE(reads, 1);
  int saw_before = 0;
  for (int i = 1; i <= reads; ++i) {
    const std::string seen = read_file(outputs / (std::to_string(i) + ".json"));
    EXPECT_TRUE(seen == before || seen == after) << "read " << i << " of " << reads;
    if (seen == before) ++saw_before;
  }
  EXPECT_GE(saw_before, 1);
  EXPECT_EQ(meetlat(request + " --workspace " + ws.string()).out, after);
}

TEST_F(WorkspaceCli, AnAmendmentAppliesFromItsMonthAsInTheContractFile) {
  const fs::path ws = imported("ws-amend");
  const std::string history = "evaluate --from 2026-01 --to 2026-12" + std::string(kAsOf);
  const std::string unamended = meetlat(history + " --workspace " + ws.string()).out;
  const Amended amendment =
      amend(ws, "2026-07",
            "note: {nl: \"KPI-15 vervalt\", en: \"KPI-15 dropped\"}\nremove_kpis: [KPI-15]\n",
            "drop-kpi-15");
  ASSERT_EQ(amendment.applied.exit_code, 0) << amendment.applied.err;
  EXPECT_NE(amendment.applied.out.find("contract version 2"), std::string::npos)
      << amendment.applied.out;
  const std::string amended = meetlat(history + " --workspace " + ws.string()).out;
  EXPECT_EQ(amended, meetlat(history + " --data " + year().string() + " --contract " +
                             amendment.contract.string())
                         .out);
  EXPECT_NE(amended, unamended);
  // June keeps the version it had.
  const std::string june = "evaluate --period 2026-06" + std::string(kAsOf);
  EXPECT_EQ(meetlat(june + " --workspace " + ws.string()).out,
            meetlat(june + " --data " + year().string()).out);

  // An amendment that does not load is not stored.
  std::ofstream(scratch() / "bad.yaml") << "remove_kpis: [KPI-99]\n";
  const RunResult bad = meetlat("contract apply " + (scratch() / "bad.yaml").string() +
                                " --effective-from 2026-09 --workspace " + ws.string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.yaml:1:14: amendment: remove_kpis: no KPI 'KPI-99'"),
            std::string::npos)
      << bad.err;
  EXPECT_EQ(sqlite(ws, "SELECT count(*) FROM contract_versions").out, "2\n");
  const RunResult verify = meetlat("audit verify --workspace " + ws.string());
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.out.find("audit verify: 3 events"), std::string::npos) << verify.out;
}

TEST_F(WorkspaceCli, AClosedPeriodKeepsTheResultAgreed) {
  const fs::path ws = imported("ws-close");
  const std::string october = "evaluate --period 2026-10 --as-of 2026-11-05T00:00:00+01:00";
  const RunResult closed = meetlat(
      "close 2026-10 --note \"SLM 12 nov\" --as-of "
      "2026-11-05T00:00:00+01:00 --workspace " +
      ws.string());
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  // The result agreed is that of the evidence as the close leaves it: the actions it entered into
  // the register, fired for months before October and due in it, count in October's KPI-06
  // (docs/workspace.md, "Actions"), as they do in the workspace's export, a folder of evidence.
  const fs::path exported = scratch() / "closed-export";
  ASSERT_EQ(meetlat("export --out " + exported.string() + " --workspace " + ws.string()).exit_code,
            0);
  const std::string agreed = meetlat(october + " --data " + (exported / "evidence").string()).out;
  const auto actions_counted = [](const std::string& result) {
    const nlohmann::json parsed = nlohmann::json::parse(result);
    for (const auto& kpi : parsed.at("kpis")) {
      if (kpi.at("id") == "KPI-06") return kpi.at("objectives").at(1).at("count").get<int>();
    }
    return -1;
  };
  EXPECT_GT(actions_counted(agreed),
            actions_counted(meetlat(october + " --data " + year().string()).out));
  // Later, as of any moment, the agreed result, and a note that it is one.
  const std::string later = "evaluate --period 2026-10 --workspace " + ws.string();
  RunResult r = meetlat(later);
  EXPECT_EQ(r.out, agreed);
  EXPECT_NE(r.err.find("closed as agreed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a recomputation now gives the same result"), std::string::npos) << r.err;
  // The table frozen at the close is English; asked in Dutch, it is drawn from the recomputation
  // that equals the agreed result, and the note says so.
  const std::string frozen_table = meetlat(later + " --format table").out;
  EXPECT_NE(frozen_table.find("figures as of 5 November 2026 00:00"), std::string::npos)
      << frozen_table;
  r = meetlat(later + " --format table --lang nl");
  EXPECT_NE(r.out.find("stand per 5 november 2026 00:00"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("drawn as asked from a recomputation that equals the agreed result"),
            std::string::npos)
      << r.err;

  // Evidence arriving later is stored as a correction; the agreed result stands, and the note
  // says how a recomputation would differ.
  const auto rows = meetlat::testing::unanswered_p1_tickets(year() / "tickets.csv", "2026-10", 5);
  ASSERT_TRUE(rows);
  const fs::path late = scratch() / "late";
  fs::create_directories(late);
  std::ofstream(late / "tickets.csv") << *rows;
  const RunResult correction =
      meetlat("import --workspace " + ws.string() + " " + (late / "tickets.csv").string());
  EXPECT_NE(correction.out.find("5 corrected"), std::string::npos) << correction.out;
  r = meetlat(later + " --format table");
  EXPECT_EQ(r.out, frozen_table);
  // Now that a recomputation differs, a Dutch table cannot be drawn from it: the frozen one shows.
  r = meetlat(later + " --format table --lang nl");
  EXPECT_EQ(r.out, frozen_table);
  EXPECT_NE(r.err.find("the table is shown as frozen at the close"), std::string::npos) << r.err;
  r = meetlat(later);
  EXPECT_EQ(r.out, agreed);
  EXPECT_NE(r.err.find("a recomputation now would differ; the evidence changed since"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("\n  KPI-01 P1: "), std::string::npos) << r.err;

  // Neither a second close nor an amendment that reaches into it; a reopen, with its reason.
  EXPECT_EQ(meetlat("close 2026-10 --workspace " + ws.string()).exit_code, 1);
  std::ofstream(scratch() / "note.yaml") << "note: {nl: n, en: n}\n";
  const RunResult amend = meetlat("contract apply " + (scratch() / "note.yaml").string() +
                                  " --effective-from 2026-09 --workspace " + ws.string());
  EXPECT_EQ(amend.exit_code, 1);
  EXPECT_NE(amend.err.find("2026-10 is closed as agreed"), std::string::npos) << amend.err;
  EXPECT_EQ(meetlat("reopen 2026-10 --workspace " + ws.string()).exit_code, 2);  // no reason
  ASSERT_EQ(
      meetlat("reopen 2026-10 --reason \"5 late P1 tickets\" --workspace " + ws.string()).exit_code,
      0);
  r = meetlat(october + " --workspace " + ws.string());
  EXPECT_NE(r.out, agreed);
  EXPECT_EQ(r.err.find("closed as agreed"), std::string::npos) << r.err;
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
  EXPECT_EQ(sqlite(ws, "SELECT action || ' ' || text FROM closings ORDER BY id").out,
            "close SLM 12 nov\nreopen 5 late P1 tickets\n");

  // The frozen result is under the audit log too.
  ASSERT_EQ(sqlite(ws,
                   "UPDATE closings SET result_json = replace(result_json, 'breached', "
                   "'met') WHERE id = 1")
                .exit_code,
            0);
  const RunResult verify = meetlat("audit verify --workspace " + ws.string());
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.err.find("the close of 2026-10 (1) differs"), std::string::npos) << verify.err;
}

TEST_F(WorkspaceCli, AnExportRestoresToTheSameWorkspace) {
  const fs::path ws = imported("ws-exit");
  // Something of everything: an amendment, a correction, a closed and a reopened period.
  std::ofstream(scratch() / "exit-note.yaml") << "note: {nl: n, en: n}\n";
  ASSERT_EQ(meetlat("contract apply " + (scratch() / "exit-note.yaml").string() +
                    " --effective-from 2026-11 --workspace " + ws.string())
                .exit_code,
            0);
  const fs::path late = scratch() / "exit-late";
  fs::create_directories(late);
  std::ofstream(late / "outages.csv") << "id,start,end,planned\nX-1,2026-10-07 10:00,"
                                         "2026-10-07 10:20,false\n";
  ASSERT_EQ(meetlat("import --workspace " + ws.string() + " " + late.string()).exit_code, 0);
  const std::string as_of = " --as-of 2026-11-05T00:00:00+01:00";
  ASSERT_EQ(meetlat("close 2026-10 --note agreed --workspace " + ws.string() + as_of).exit_code, 0);
  ASSERT_EQ(meetlat("close 2026-09 --workspace " + ws.string() + as_of).exit_code, 0);
  ASSERT_EQ(meetlat("reopen 2026-09 --reason why --workspace " + ws.string()).exit_code, 0);
  const std::string ticket = read_file(year() / "tickets.csv")
                                 .substr(read_file(year() / "tickets.csv").find('\n') + 1, 10);
  ASSERT_EQ(
      meetlat("exempt --evidence tickets " + ticket + " --reason r --workspace " + ws.string())
          .exit_code,
      0);
  ASSERT_EQ(meetlat("approve 1 --reason ok --workspace " + ws.string()).exit_code, 0);

  const fs::path out = scratch() / "exit-export";
  const RunResult exported =
      meetlat("export --out " + out.string() + " --workspace " + ws.string());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  for (const char* file :
       {"manifest.json", "evidence/tickets.csv", "evidence/transactions.csv",
        "contract/version-1.yaml", "contract/version-2.yaml", "audit.jsonl", "closings.jsonl",
        "corrections.jsonl", "imports.jsonl", "exemptions.jsonl"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
  // The evidence files are evidence files: evaluating them as a folder gives what the
  // workspace gives for an open month.
  const std::string june = "evaluate --period 2026-06" + std::string(kAsOf);
  EXPECT_EQ(meetlat(june + " --data " + (out / "evidence").string()).out,
            meetlat(june + " --workspace " + ws.string()).out);

  const fs::path restored = scratch() / "ws-restored";
  const RunResult r = meetlat("init " + restored.string() + " --from-export " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const RunResult verify = meetlat("audit verify --workspace " + restored.string());
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  const std::string as_of_2027(kAsOf);
  for (const std::string& request : std::vector<std::string>{
           "evaluate --from 2026-01 --to 2026-12" + as_of_2027, "evaluate --period 2026-10",
           "evaluate --period 2026-09" + as_of_2027,
           "evaluate --period 2026-12 --format table" + as_of_2027}) {
    const RunResult a = meetlat(request + " --workspace " + ws.string());
    const RunResult b = meetlat(request + " --workspace " + restored.string());
    EXPECT_EQ(b.out, a.out) << request;
    EXPECT_EQ(b.err, a.err) << request;
  }

  // A changed export is refused, naming the file, and leaves no workspace.
  { std::ofstream(out / "evidence/outages.csv", std::ios::app) << "X-2,2026-10-08 10:00,,\n"; }
  const fs::path refused = scratch() / "ws-refused";
  const RunResult bad = meetlat("init " + refused.string() + " --from-export " + out.string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("evidence/outages.csv: its SHA-256 differs from the manifest's"),
            std::string::npos)
      << bad.err;
  EXPECT_FALSE(fs::exists(refused / "workspace.sqlite"));
  // Nor does an export replace a folder that is not an export.
  const RunResult over = meetlat("export --out " + year().string() + " --workspace " + ws.string());
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_TRUE(fs::exists(year() / "tickets.csv"));
}

TEST_F(WorkspaceCli, ApprovedExemptionsApplyAsExemptionsCsvRowsWould) {
  const fs::path ws = imported("ws-exempt");
  const std::string october = "evaluate --period 2026-10" + std::string(kAsOf);
  const std::string before = meetlat(october + " --workspace " + ws.string()).out;
  // Two failing tickets of October, from the result itself.
  std::string first;
  std::string second;
  const nlohmann::json result = nlohmann::json::parse(before);
  for (const auto& kpi : result.at("kpis")) {
    for (const auto& objective : kpi.at("objectives")) {
      const auto& failing = objective.at("failing_ids");
      if (first.empty() && failing.size() >= 2 &&
          failing[0].get<std::string>().rfind("INC-", 0) == 0) {
        first = failing[0].get<std::string>();
        second = failing[1].get<std::string>();
      }
    }
  }
  ASSERT_FALSE(first.empty());

  const std::string in = " --workspace " + ws.string();
  RunResult r =
      meetlat("exempt --evidence tickets " + first + " --reason \"D-1: wrong caller\"" + in);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = meetlat("exempt --evidence tickets " + second + " --reason \"D-2: not ours\"" + in);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Proposed only: nothing changes yet.
  EXPECT_EQ(meetlat(october + in).out, before);
  r = meetlat("approve 1 --reason \"agreed in the SLM meeting\"" + in);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t on = r.out.find(" on ");
  const std::string approved_on = r.out.substr(on + 4, 10);
  const std::string approved_by = r.out.substr(on + 18, r.out.size() - on - 19);
  ASSERT_EQ(meetlat("reject 2 --reason \"the supplier's own change\"" + in).exit_code, 0);
  EXPECT_EQ(meetlat("approve 2 --reason again" + in).exit_code, 1);

  // The same as the year's files with the approved exemption in exemptions.csv.
  const fs::path data = scratch() / "exempt-data";
  fs::create_directories(data);
  for (const auto& entry : fs::directory_iterator(year())) {
    fs::create_symlink(entry.path(), data / entry.path().filename());
  }
  std::ofstream(data / "exemptions.csv")
      << "evidence,record,reason,approved_by,approved_on\ntickets," << first
      << ",D-1: wrong caller," << approved_by << "," << approved_on << "\n";
  const std::string now = meetlat(october + in).out;
  EXPECT_NE(now, before);
  EXPECT_EQ(now, meetlat(october + " --data " + data.string()).out);
  const nlohmann::json exempted = nlohmann::json::parse(now);
  int found = 0;
  for (const auto& kpi : exempted.at("kpis")) {
    for (const auto& objective : kpi.at("objectives")) {
      if (objective.at("exempted_ids") == nlohmann::json::array({first})) ++found;
    }
  }
  EXPECT_EQ(found, 1);

  const RunResult listed = meetlat("exemptions" + in);
  EXPECT_NE(listed.out.find("1  approved  tickets " + first), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("2  rejected  tickets " + second), std::string::npos) << listed.out;
  // What cannot be exempted, or is not there.
  r = meetlat("exempt --evidence tickets INC-NONE --reason x" + in);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("tickets INC-NONE is not in the workspace's evidence"), std::string::npos);
  r = meetlat("exempt --evidence probes x --reason x" + in);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("records of 'probes' cannot be exempted"), std::string::npos) << r.err;

  EXPECT_EQ(meetlat("audit verify" + in).exit_code, 0);
  ASSERT_EQ(sqlite(ws, "UPDATE exemption_register SET status = 'approved' WHERE id = 2").exit_code,
            0);
  const RunResult verify = meetlat("audit verify" + in);
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.err.find("exemption 2 differs from what the audit log recorded"),
            std::string::npos)
      << verify.err;
}

TEST_F(WorkspaceCli, ALargeImportShowsProgressOnATerminalOnly) {
  // A month at 20 transactions a minute: 35 MB, above the 16 MB from which the bar shows.
  const fs::path month = scratch() / "progress-month";
  ASSERT_EQ(meetlat("generate --out " + month.string() +
                    " --months 1 --from 2026-10 --transactions-per-minute 20 --probe-locations 1")
                .exit_code,
            0);
  const fs::path on_tty = scratch() / "ws-progress-tty";
  const fs::path piped = scratch() / "ws-progress-piped";
  ASSERT_EQ(meetlat("init " + on_tty.string()).exit_code, 0);
  ASSERT_EQ(meetlat("init " + piped.string()).exit_code, 0);
  // script(1) gives the command a terminal; its output (stdout and stderr) lands in the file.
  const fs::path typescript = scratch() / "progress.typescript";
  const RunResult tty =
      run_shell("script -qfec '" + meetlat_binary() + " import --workspace " + on_tty.string() +
                " " + month.string() + "' /dev/null > " + typescript.string());
  ASSERT_EQ(tty.exit_code, 0);
  const std::string shown = read_file(typescript);
  for (const char* step : {"\r\033[Kimport: reading transactions.csv [", "import: preparing rows [",
                           "import: storing segments ["}) {
    EXPECT_NE(shown.find(step), std::string::npos) << step;
  }
  EXPECT_TRUE(std::regex_search(
      shown, std::regex(R"(reading transactions\.csv \[#*-*\] [0-9]+%  [0-9]+ of 3[0-9] MB)")));
  // The bar is cleared before the counts are printed.
  EXPECT_NE(shown.find("\r\033[K" + month.string() + "/tickets.csv: "), std::string::npos);
  EXPECT_NE(shown.find("transactions.csv: 893922 accepted"), std::string::npos);
  // Piped, nothing but the counts.
  const RunResult quiet = meetlat("import --workspace " + piped.string() + " " + month.string());
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out.find('\r'), std::string::npos);
  EXPECT_NE(quiet.out.find("transactions.csv: 893922 accepted"), std::string::npos);
}

TEST_F(WorkspaceCli, AWorkspaceOfSchemaVersion1IsMigrated) {
  // tests/workspaces/schema-v1.sql: a workspace as the first meetlat with a workspace wrote it.
  const fs::path ws = scratch() / "ws-v1";
  fs::create_directories(ws);
  ASSERT_EQ(run_shell("sqlite3 " + (ws / "workspace.sqlite").string() + " < " +
                      MEETLAT_WORKSPACES_DIR "/schema-v1.sql")
                .exit_code,
            0);
  ASSERT_EQ(sqlite(ws, "PRAGMA user_version").out, "1\n");
  const std::string january = "evaluate --period 2026-01 --as-of 2026-02-05T00:00:00+01:00";
  const RunResult r = meetlat(january + " --workspace " + ws.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, meetlat(january + " --data " MEETLAT_WORKSPACES_DIR "/schema-v1-evidence").out);
  EXPECT_EQ(sqlite(ws, "PRAGMA user_version").out, "7\n");
  EXPECT_EQ(sqlite(ws, "SELECT value FROM meta WHERE key = 'migrated_from_schema'").out, "1\n");
  // Version 5 moved each segment's rows into segment_rows, one row per segment; version 6 lets a
  // segment be several rows (frames), which a migrated segment is one of.
  EXPECT_EQ(sqlite(ws, "SELECT count(*) FROM segments JOIN segment_rows ON rows_id = id").out,
            sqlite(ws, "SELECT count(*) FROM segment_rows").out);
  EXPECT_EQ(sqlite(ws, "SELECT count(*) FROM segments WHERE frames <> 1").out, "0\n");
  // Version 7 records each segment's encoding: the migrated ones are canonical text.
  EXPECT_EQ(sqlite(ws, "SELECT DISTINCT encoding FROM segments").out, "csv\n");
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
  // Transactions imported now are kept in columns beside the text segments, and the workspace
  // evaluates as the files do.
  const fs::path data = scratch() / "v1-evidence-and-transactions";
  fs::copy(MEETLAT_WORKSPACES_DIR "/schema-v1-evidence", data);
  std::ofstream(data / "transactions.csv") << "at,name,duration_ms\n"
                                           << "2026-01-05 09:00,login,120\n"
                                           << "2026-01-05 09:01,login,2400.5\n"
                                           << "2026-01-31 23:30,search,80\n";
  const RunResult again = meetlat("import --workspace " + ws.string() + " " + data.string());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("tickets.csv: 0 accepted, "), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("transactions.csv: 3 accepted"), std::string::npos) << again.out;
  EXPECT_EQ(sqlite(ws,
                   "SELECT kind, encoding FROM segments WHERE kind IN ('tickets', "
                   "'transactions') ORDER BY kind")
                .out,
            "tickets|csv\ntransactions|columns\n");
  EXPECT_EQ(meetlat(january + " --workspace " + ws.string()).out,
            meetlat(january + " --data " + data.string()).out);
  // What versions 2, 3, 4 and 5 added works on it (a close also fills the action register).
  EXPECT_EQ(meetlat("close 2026-01 --workspace " + ws.string()).exit_code, 0);
  EXPECT_EQ(
      meetlat("exempt --evidence outages OUT-0001 --reason r --workspace " + ws.string()).exit_code,
      0);
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
}

TEST_F(WorkspaceCli, AWorkspaceOfSchemaVersion6KeepsItsTextSegmentsThroughExportAndImport) {
  // tests/workspaces/schema-v6.sql: a workspace as meetlat wrote it with schema version 6, whose
  // probes and transactions are canonical text (two months of transactions).
  const fs::path ws = scratch() / "ws-v6";
  fs::create_directories(ws);
  ASSERT_EQ(run_shell("sqlite3 " + (ws / "workspace.sqlite").string() + " < " +
                      MEETLAT_WORKSPACES_DIR "/schema-v6.sql")
                .exit_code,
            0);
  ASSERT_EQ(sqlite(ws, "PRAGMA user_version").out, "6\n");
  const std::string october = "evaluate --period 2026-10 --as-of 2026-11-05T00:00:00+01:00";
  const std::string evidence = MEETLAT_WORKSPACES_DIR "/schema-v6-evidence";
  const RunResult migrated = meetlat(october + " --workspace " + ws.string());
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_EQ(migrated.out, meetlat(october + " --data " + evidence).out);
  EXPECT_EQ(sqlite(ws, "PRAGMA user_version").out, "7\n");
  EXPECT_EQ(sqlite(ws, "SELECT DISTINCT encoding FROM segments").out, "csv\n");
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);

  // Exported and restored, the text segments stay text, with the digests the audit log recorded.
  const fs::path out = scratch() / "v6-export";
  ASSERT_EQ(meetlat("export --out " + out.string() + " --workspace " + ws.string()).exit_code, 0);
  const fs::path restored = scratch() / "ws-v6-restored";
  const RunResult restore = meetlat("init " + restored.string() + " --from-export " + out.string());
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_EQ(sqlite(restored, "SELECT kind, part, encoding, sha256 FROM segments").out,
            sqlite(ws, "SELECT kind, part, encoding, sha256 FROM segments").out);
  EXPECT_EQ(meetlat(october + " --workspace " + restored.string()).out, migrated.out);
  EXPECT_EQ(meetlat("audit verify --workspace " + restored.string()).exit_code, 0);

  // The same files again change nothing; a month with a row more is kept in columns from then on,
  // the other months stay text, and the workspace still evaluates as the files do.
  const RunResult same = meetlat("import --workspace " + ws.string() + " " + evidence);
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("transactions.csv: 0 accepted, 7 unchanged"), std::string::npos)
      << same.out;
  EXPECT_EQ(sqlite(ws, "SELECT DISTINCT encoding FROM segments").out, "csv\n");
  const fs::path more = scratch() / "v6-evidence-and-a-row";
  fs::copy(evidence, more);
  std::ofstream(more / "transactions.csv", std::ios::app) << "2026-10-20 12:00,search,640\n";
  const RunResult added = meetlat("import --workspace " + ws.string() + " " + more.string());
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("transactions.csv: 1 accepted, 7 unchanged"), std::string::npos)
      << added.out;
  EXPECT_EQ(sqlite(ws, "SELECT part, encoding FROM segments WHERE kind = 'transactions'").out,
            "2026-09|csv\n2026-10|columns\n");
  EXPECT_EQ(meetlat(october + " --workspace " + ws.string()).out,
            meetlat(october + " --data " + more.string()).out);
  EXPECT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
}

TEST_F(WorkspaceCli, ANewerWorkspaceIsRefusedAndLeftAlone) {
  const fs::path ws = scratch() / "ws-newer";
  ASSERT_EQ(meetlat("init " + ws.string()).exit_code, 0);
  ASSERT_EQ(sqlite(ws, "PRAGMA user_version = 99").exit_code, 0);
  const RunResult r = meetlat("evaluate --period 2026-10 --workspace " + ws.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("schema version 99, made by a newer meetlat"), std::string::npos) << r.err;
  EXPECT_EQ(sqlite(ws, "PRAGMA user_version").out, "99\n");
  // Neither a folder without one nor a second init.
  const RunResult none = meetlat("evaluate --period 2026-10 --workspace " + scratch().string());
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("not a meetlat workspace"), std::string::npos) << none.err;
  const RunResult twice = meetlat("init " + ws.string());
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("already a workspace"), std::string::npos) << twice.err;
}

}  // namespace

TEST_F(WorkspaceCli, KPI10IsReadFromTheTalliesKeptBesideEachMonth) {
  // docs/workspace.md, "Tallies": the first evaluation of a month reads its transactions and keeps
  // KPI-10's counts beside them; later ones read the counts, not the rows.
  const fs::path ws = imported("ws-tallies");
  const std::string kept = "SELECT count(*) FROM tallies";
  EXPECT_EQ(sqlite(ws, kept).out, "0\n");
  const std::string october = "evaluate --period 2026-10" + std::string(kAsOf);
  const std::string files = meetlat(october + " --data " + year().string()).out;
  ASSERT_NE(files.find("\"p95_office\""), std::string::npos);
  ASSERT_NE(files.find("\"probe_coverage\""), std::string::npos);  // KPI-03 reads the probes
  EXPECT_EQ(meetlat(october + " --workspace " + ws.string()).out, files);
  EXPECT_NE(sqlite(ws, kept).out, "0\n");

  // Within the month (as_of before its end) the rows are read: the result is the files' too.
  const std::string mid_october = "evaluate --period 2026-10 --as-of 2026-10-20T12:00:00+02:00";
  EXPECT_EQ(meetlat(mid_october + " --workspace " + ws.string()).out,
            meetlat(mid_october + " --data " + year().string()).out);

  // A damaged tally is not believed: the rows are read instead.
  const fs::path damaged_tally = scratch() / "ws-tallies-damaged";
  fs::copy(ws, damaged_tally);
  ASSERT_EQ(sqlite(damaged_tally, "UPDATE tallies SET bytes = x'00'").exit_code, 0);
  EXPECT_EQ(meetlat(october + " --workspace " + damaged_tally.string()).out, files);

  // With every month's transactions and probes damaged, October still evaluates from its tallies
  // alone (KPI-10's counts and KPI-03's votes); a request whose counts were never kept (a quarter)
  // has to read the rows and says they are damaged.
  ASSERT_EQ(sqlite(ws,
                   "UPDATE segment_rows SET zstd = x'00' WHERE id IN (SELECT rows_id FROM segments "
                   "WHERE kind IN ('transactions', 'probes'))")
                .exit_code,
            0);
  EXPECT_EQ(meetlat(october + " --workspace " + ws.string()).out, files);
  const RunResult quarter =
      meetlat("evaluate --period 2026-Q2 --workspace " + ws.string() + std::string(kAsOf));
  EXPECT_NE(quarter.exit_code, 0);
  EXPECT_NE(quarter.err.find("damaged"), std::string::npos) << quarter.err;
}

TEST_F(WorkspaceCli, AnAmendmentOfKPI10CountsTheMonthsAgain) {
  // Tallies kept under one contract version are not those of another that counts other
  // transactions: after the amendment, October is what the amended contract file gives.
  const fs::path ws = imported("ws-tallies-amended");
  const std::string october = "evaluate --period 2026-10" + std::string(kAsOf);
  const std::string before = meetlat(october + " --workspace " + ws.string()).out;
  ASSERT_EQ(before, meetlat(october + " --data " + year().string()).out);
  const Amended amendment = amend(ws, "2026-07",
                                  "note: {nl: \"Kerntransacties\", en: \"Core transactions\"}\n"
                                  "parameters: {core_transactions: [login, submit_form]}\n",
                                  "core-transactions");
  ASSERT_EQ(amendment.applied.exit_code, 0) << amendment.applied.err;
  const std::string after = meetlat(october + " --workspace " + ws.string()).out;
  EXPECT_EQ(after, meetlat(october + " --data " + year().string() + " --contract " +
                           amendment.contract.string())
                       .out);
  EXPECT_NE(after, before);
}

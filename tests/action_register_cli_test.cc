// The workspace's action register through the real binary (docs/workspace.md, "Actions"): a
// close enters the actions fired up to its period; `action done` closes one, with the days it was
// late; every step is audited and found when changed behind meetlat's back; KPI-06 measures the
// register as the same rows of actions.csv would be measured; the exit export carries it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::run_shell;
using meetlat::testing::RunResult;

constexpr const char* kClosedAsOf = " --as-of 2026-03-05T00:00:00+01:00";
constexpr const char* kListAsOf = " --as-of 2026-04-20T00:00:00+02:00";

// A CSV line's cells (RFC 4180 quotes).
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// The rows of `meetlat actions --format csv` by column name.
std::vector<std::map<std::string, std::string>> rows_of(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = cells(line);
  std::vector<std::map<std::string, std::string>> out;
  while (std::getline(in, line)) {
    const std::vector<std::string> row = cells(line);
    std::map<std::string, std::string> named;
    for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) named[header[i]] = row[i];
    out.push_back(std::move(named));
  }
  return out;
}

// Six generated months shared by the tests; each test makes its own workspace of them.
class ActionRegisterCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_register_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = new fs::path(pattern);
    const RunResult r = run_meetlat("generate --out " + data().string() +
                                        " --months 6 --seed 1 --tickets-per-month 400"
                                        " --transactions-per-minute 1 --probe-locations 1",
                                    *root_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
  }

  static fs::path data() { return *root_ / "data"; }
  static fs::path scratch() { return *root_; }
  static RunResult meetlat(const std::string& args) { return run_meetlat(args, *root_); }

  // A new workspace of the six months with February closed as agreed.
  static fs::path closed_february(const std::string& name) {
    const fs::path ws = *root_ / name;
    EXPECT_EQ(meetlat("init " + ws.string()).exit_code, 0);
    RunResult r = meetlat("import --workspace " + ws.string() + " " + data().string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = meetlat("close 2026-02 --workspace " + ws.string() + kClosedAsOf);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("entered the action register"), std::string::npos) << r.out;
    return ws;
  }

  static std::string listing(const fs::path& ws, const std::string& format = "csv") {
    const RunResult r = meetlat("actions --period 2026-04 --format " + format + " --workspace " +
                                ws.string() + kListAsOf);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  static RunResult sqlite(const fs::path& ws, const std::string& sql) {
    return run_shell("sqlite3 " + (ws / "workspace.sqlite").string() + " \"" + sql + "\" 2>&1");
  }

  static fs::path* root_;
};

fs::path* ActionRegisterCli::root_ = nullptr;

TEST_F(ActionRegisterCli, AClosePutsTheActionsFiredUpToItsPeriodInTheRegister) {
  const fs::path ws = closed_february("ws-close");
  // The register holds exactly the actions fired through February, as the files list them.
  const auto files = rows_of(
      meetlat("actions --period 2026-02 --format csv --data " + data().string() + kClosedAsOf).out);
  ASSERT_FALSE(files.empty());
  const auto rows = rows_of(listing(ws));
  std::vector<std::string> agreed;
  for (const auto& row : rows) {
    const bool through_february = row.at("period") <= "2026-02" && row.at("period") != "2026-Q1";
    EXPECT_EQ(row.at("register"), through_february ? "agreed" : "provisional") << row.at("id");
    if (row.at("register") == "agreed") agreed.push_back(row.at("id"));
  }
  std::vector<std::string> fired;
  for (const auto& row : files) fired.push_back(row.at("id"));
  EXPECT_EQ(agreed, fired);
  EXPECT_GT(rows.size(), agreed.size());  // March's and Q1's actions are not agreed yet
  // Closing March enters only what is new.
  const RunResult march =
      meetlat("close 2026-03 --workspace " + ws.string() + " --as-of 2026-04-05T00:00:00+02:00");
  ASSERT_EQ(march.exit_code, 0) << march.err;
  for (const std::string& id : agreed) EXPECT_EQ(march.out.find(id), std::string::npos) << id;
}

TEST_F(ActionRegisterCli, ActionDoneRecordsTheDateAndTheDaysLate) {
  const fs::path ws = closed_february("ws-done");
  const auto before = rows_of(listing(ws));
  ASSERT_GE(before.size(), 2U);
  // As of 2026-04-20 every agreed action of January is overdue, by the whole days since its
  // deadline's last day.
  const auto& first = before[0];
  const auto& second = before[1];
  ASSERT_EQ(first.at("status"), "overdue");
  ASSERT_EQ(second.at("status"), "overdue");
  ASSERT_FALSE(second.at("days_late").empty());

  // Done on its deadline: in time. Done on the listing's day: late by the days listed.
  RunResult r = meetlat("action done " + first.at("id") + " --on " + first.at("deadline") +
                        " --evidence \"minutes SLM, item 4\" --workspace " + ws.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("by its deadline"), std::string::npos) << r.out;
  r = meetlat("action done " + second.at("id") + " --on 2026-04-20 --workspace " + ws.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(second.at("days_late") + " days after its deadline"), std::string::npos)
      << r.out;

  const auto after = rows_of(listing(ws));
  ASSERT_EQ(after.size(), before.size());
  EXPECT_EQ(after[0].at("status"), "done");
  EXPECT_EQ(after[0].at("done_on"), first.at("deadline"));
  EXPECT_EQ(after[0].at("done_evidence"), "minutes SLM, item 4");
  EXPECT_EQ(after[0].at("days_late"), "");
  EXPECT_EQ(after[1].at("status"), "done");
  EXPECT_EQ(after[1].at("days_late"), second.at("days_late"));
  for (std::size_t i = 2; i < after.size(); ++i) EXPECT_EQ(after[i], before[i]);
  const std::string table = listing(ws, "table");
  EXPECT_NE(table.find("agreed"), std::string::npos) << table;
  EXPECT_NE(table.find("provisional"), std::string::npos) << table;

  // What cannot be done, said clearly, changing nothing.
  const std::string events = meetlat("audit export --workspace " + ws.string()).out;
  r = meetlat("action done " + first.at("id") + " --on 2026-04-21 --workspace " + ws.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("done already"), std::string::npos) << r.err;
  r = meetlat("action done " + before[2].at("id") + " --on 2026-01-15 --workspace " + ws.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("it was created on"), std::string::npos) << r.err;
  r = meetlat("action done KPI-01/2031-01/nothing --on 2026-04-20 --workspace " + ws.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no action KPI-01/2031-01/nothing in the register"), std::string::npos)
      << r.err;
  for (const auto& row : before) {
    if (row.at("register") != "provisional") continue;
    r = meetlat("action done " + row.at("id") + " --on 2026-04-20 --workspace " + ws.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("meetlat close P"), std::string::npos) << r.err;
    break;
  }
  r = meetlat("action done " + before[2].at("id") + " --on 2026-02-30 --workspace " + ws.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is not a date"), std::string::npos) << r.err;
  EXPECT_EQ(meetlat("audit export --workspace " + ws.string()).out, events);

  // Audited, and found when changed behind meetlat's back.
  EXPECT_NE(events.find("\"action\":\"action-done\""), std::string::npos);
  ASSERT_EQ(meetlat("audit verify --workspace " + ws.string()).exit_code, 0);
  ASSERT_EQ(
      sqlite(ws, "UPDATE action_register SET done_on = '2026-02-01' WHERE done_on <> ''").exit_code,
      0);
  r = meetlat("audit verify --workspace " + ws.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("action " + first.at("id") + " differs from what the audit log recorded"),
            std::string::npos)
      << r.err;
  ASSERT_EQ(sqlite(ws, "DELETE FROM action_register WHERE status = 'open'").exit_code, 0);
  r = meetlat("audit verify --workspace " + ws.string());
  EXPECT_NE(r.err.find(before[2].at("id") + " registered by event"), std::string::npos) << r.err;
}

TEST_F(ActionRegisterCli, Kpi06MeasuresTheRegisterAsActionsCsvRowsWouldBe) {
  const fs::path ws = closed_february("ws-kpi06");
  // The same evidence as files: the supplier's actions.csv with the register's rows after it.
  const fs::path files = scratch() / "with-register";
  fs::copy(data(), files, fs::copy_options::recursive);
  {
    std::ofstream actions(files / "actions.csv", std::ios::app);
    for (const auto& row : rows_of(listing(ws))) {
      if (row.at("register") != "agreed") continue;
      actions << row.at("id") << ',' << row.at("created_at") << ',' << row.at("owner") << ','
              << row.at("deadline") << ",open\n";
    }
  }
  const std::string march = "evaluate --period 2026-03 --as-of 2026-05-01T00:00:00+02:00";
  const RunResult from_ws = meetlat(march + " --workspace " + ws.string());
  ASSERT_EQ(from_ws.exit_code, 0) << from_ws.err;
  EXPECT_EQ(from_ws.out, meetlat(march + " --data " + files.string()).out);

  // February's actions, created on 2026-03-01, are March's: KPI-06 counts them.
  auto complete_count = [](const std::string& result) {
    const nlohmann::json parsed = nlohmann::json::parse(result);
    for (const auto& kpi : parsed.at("kpis")) {
      if (kpi.at("id") != "KPI-06") continue;
      for (const auto& o : kpi.at("objectives")) {
        if (o.at("id") == "actions_complete") return o.at("count").get<int>();
      }
    }
    return -1;
  };
  const int without = complete_count(meetlat(march + " --data " + data().string()).out);
  std::size_t february = 0;
  for (const auto& row : rows_of(listing(ws))) february += row.at("period") == "2026-02" ? 1 : 0;
  ASSERT_GT(february, 0U);
  EXPECT_EQ(complete_count(from_ws.out), without + static_cast<int>(february));

  // A file holding a registered action is refused whole: an id is in one place.
  const std::string events = meetlat("audit export --workspace " + ws.string()).out;
  const RunResult refused =
      meetlat("import --workspace " + ws.string() + " " + (files / "actions.csv").string());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("is in the workspace's action register"), std::string::npos)
      << refused.err;
  EXPECT_EQ(meetlat("audit export --workspace " + ws.string()).out, events);
}

TEST_F(ActionRegisterCli, TheExportCarriesTheRegisterAndRestoresIt) {
  const fs::path ws = closed_february("ws-exit");
  const auto rows = rows_of(listing(ws));
  ASSERT_EQ(meetlat("action done " + rows[0].at("id") + " --on 2026-03-20 --evidence report" +
                    " --workspace " + ws.string())
                .exit_code,
            0);
  const fs::path out = scratch() / "register-export";
  ASSERT_EQ(meetlat("export --out " + out.string() + " --workspace " + ws.string()).exit_code, 0);
  EXPECT_NE(read_file(out / "actions.jsonl").find("\"done_on\":\"2026-03-20\""), std::string::npos);
  // The evidence files evaluate as the workspace does, KPI-06 included.
  const std::string march = "evaluate --period 2026-03 --as-of 2026-05-01T00:00:00+02:00";
  EXPECT_EQ(meetlat(march + " --data " + (out / "evidence").string()).out,
            meetlat(march + " --workspace " + ws.string()).out);

  const fs::path restored = scratch() / "ws-exit-restored";
  const RunResult r = meetlat("init " + restored.string() + " --from-export " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(meetlat("audit verify --workspace " + restored.string()).exit_code, 0);
  EXPECT_EQ(listing(restored), listing(ws));
  EXPECT_EQ(meetlat(march + " --workspace " + restored.string()).out,
            meetlat(march + " --workspace " + ws.string()).out);
}

// The quarterly review's action register as PDCA (docs/reports.md): an action done in the register
// shows the day it was done, and the count of done actions follows.
TEST_F(ActionRegisterCli, TheQuarterlyReviewShowsTheDayAnActionWasDone) {
  const fs::path ws = closed_february("ws-review");
  std::string id;
  for (const auto& row : rows_of(listing(ws))) {
    if (row.at("register") == "agreed") {
      id = row.at("id");
      break;
    }
  }
  ASSERT_FALSE(id.empty());
  RunResult r = meetlat("action done " + id + " --on 2026-04-14 --workspace " + ws.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path out = *root_ / "review-q1.html";
  r = meetlat("report --workspace " + ws.string() + " --period 2026-Q1 --lang en" + kListAsOf +
              " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  const std::size_t at = html.find("<tr><th scope=\"row\">" + id + "</th>");
  ASSERT_NE(at, std::string::npos) << id;
  const std::string row = html.substr(at, html.find("</tr>", at) - at);
  EXPECT_NE(row.find("done on 14 April 2026"), std::string::npos) << row;
  EXPECT_NE(html.find(" planned, 1 done, "), std::string::npos);
}

}  // namespace

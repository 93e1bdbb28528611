// Every command and every flag of `meetlat`, run through the real binary twice: with stdout to a
// pipe and with stdout to a file, as scripts use it. Both must exit as expected and give the same,
// complete output. Wiring mistakes (an option bound to a value nothing keeps alive, output that is
// never flushed) show up here rather than in a user's redirected file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::read_file;

using Output = meetlat::testing::RunResult;

// Runs `command` with bash (pipefail, so a pipe keeps meetlat's exit status), capturing stdout.
Output shell(const std::string& command) {
  return meetlat::testing::run_shell("bash -c 'set -o pipefail; " + command + "'");
}

class CliWiring : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_wiring_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = new fs::path(pattern);
    // Two small months of sample evidence (generate itself is checked below, every flag).
    const Output g =
        shell(std::string(MEETLAT_BINARY) + " generate --out " + data().string() +
              " --months 2 --scale 0.05 --transactions-per-minute 1 --seed 3 >/dev/null");
    ASSERT_EQ(g.exit_code, 0);
    std::ofstream(*root_ / "contract.yaml") << read_file(MEETLAT_DEFAULT_CONTRACT);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
  }
  static fs::path data() { return *root_ / "data"; }
  static fs::path root() { return *root_; }

  // Runs `meetlat args` to a pipe and to a file; both must exit with `expected_exit` and print
  // the same. Returns that output.
  static std::string both_ways(const std::string& args, int expected_exit = 0) {
    return both_ways_timed(args, expected_exit, false);
  }
  // Same; with `timed`, a time taken ("in 0.3 s") may differ between the two runs.
  static std::string both_ways_timed(const std::string& args, int expected_exit, bool timed) {
    const std::string binary(MEETLAT_BINARY);
    const Output piped = shell(binary + " " + args + " 2>/dev/null | cat");
    const fs::path file = root() / "stdout.txt";
    const Output to_file = shell(binary + " " + args + " >" + file.string() + " 2>/dev/null");
    EXPECT_EQ(piped.exit_code, expected_exit) << args;
    EXPECT_EQ(to_file.exit_code, expected_exit) << args;
    const std::string written = read_file(file);
    const auto untimed = [timed](const std::string& text) {
      return timed ? std::regex_replace(text, std::regex(" in [0-9.]+ s\n"), " in (time) s\n")
                   : text;
    };
    EXPECT_EQ(untimed(written), untimed(piped.out)) << args;
    return written;
  }

 private:
  static fs::path* root_;
};

fs::path* CliWiring::root_ = nullptr;

constexpr const char* kAsOf = " --as-of 2026-03-05T00:00:00+01:00";

TEST_F(CliWiring, VersionNamesTheGitRevision) {
  // "meetlat 0.1.0 (git d1b4ebb)", "-dirty" when tracked files differed from the commit at build
  // time, "(unknown revision)" for sources that were not a git checkout.
  const std::string version = both_ways("--version");
  const std::string prefix = "meetlat " MEETLAT_VERSION " (";
  ASSERT_EQ(version.substr(0, prefix.size()), prefix);
  EXPECT_TRUE(std::regex_match(version.substr(prefix.size()),
                               std::regex(R"((git [0-9a-f]{7,}(-dirty)?|unknown revision)\)\n)")))
      << version;
}

TEST_F(CliWiring, VersionAndHelp) {
  for (const char* help :
       {"--help", "contract --help", "contract check --help", "contract show --help",
        "calendar --help", "calendar holidays --help", "calendar deadline --help",
        "evaluate --help", "actions --help", "generate --help"}) {
    EXPECT_NE(both_ways(help).find("Usage"), std::string::npos) << help;
  }
  EXPECT_EQ(both_ways("", 2), "");
  EXPECT_EQ(both_ways("evaluate --no-such-flag", 2), "");
}

TEST_F(CliWiring, ContractShowDefaultPrintsTheWholeShippedFile) {
  const std::string shipped = read_file(MEETLAT_DEFAULT_CONTRACT);
  EXPECT_EQ(both_ways("contract show --default"), shipped);
  EXPECT_EQ(both_ways("contract show"), shipped);
  const std::string summary =
      both_ways("contract show --contract " + (root() / "contract.yaml").string());
  EXPECT_NE(summary.find("KPI-16"), std::string::npos);
  EXPECT_EQ(both_ways("contract show --default --contract x.yaml", 2), "");
}

TEST_F(CliWiring, ContractCheck) {
  const fs::path file = root() / "contract.yaml";
  EXPECT_EQ(both_ways("contract check " + file.string()), file.string() + ": ok\n");
  EXPECT_EQ(both_ways("contract check " + (root() / "absent.yaml").string(), 1), "");
}

TEST_F(CliWiring, CalendarCommands) {
  const std::string contract = " --contract " + (root() / "contract.yaml").string();
  const std::string holidays = both_ways("calendar holidays --year 2026");
  EXPECT_NE(holidays.find("2026-04-27"), std::string::npos);  // Koningsdag
  EXPECT_EQ(both_ways("calendar holidays --year 2026" + contract), holidays);
  const std::string deadline =
      both_ways("calendar deadline --from 2026-10-02T17:00:00+02:00 --within 8h --on office_hours");
  EXPECT_NE(deadline.find("2026-10-05T15:00:00+02:00"), std::string::npos) << deadline;
  EXPECT_EQ(both_ways("calendar deadline --from 2026-10-02T17:00:00+02:00 --within 8h "
                      "--on office_hours" +
                      contract),
            deadline);
}

TEST_F(CliWiring, EvaluateEveryForm) {
  const std::string base = "evaluate --data " + data().string() + kAsOf;
  const std::string json = both_ways(base + " --period 2026-02");
  EXPECT_NE(json.find("\"KPI-16\""), std::string::npos);
  EXPECT_EQ(json.back(), '\n');
  EXPECT_EQ(both_ways(base + " --period 2026-02 --format json"), json);
  EXPECT_EQ(both_ways(base + " --period 2026-02 --skip-invalid"), json);
  EXPECT_EQ(both_ways(base + " --period 2026-02 --contract " + (root() / "contract.yaml").string())
                .size(),
            json.size());
  EXPECT_NE(both_ways(base + " --period 2026-02 --format table").find("KPI-01"), std::string::npos);
  const std::string history = both_ways(base + " --from 2026-01 --to 2026-02");
  EXPECT_NE(history.find("meetlat.history/1"), std::string::npos);
  EXPECT_NE(both_ways(base + " --from 2026-01 --to 2026-02 --format table").find("KPI-01"),
            std::string::npos);
  EXPECT_EQ(both_ways(base, 2), "");  // neither --period nor --from/--to
}

TEST_F(CliWiring, ActionsEveryFormat) {
  const std::string base = "actions --data " + data().string() + kAsOf + " --period 2026-02";
  const std::string table = both_ways(base);
  EXPECT_NE(table.find("KPI"), std::string::npos);
  EXPECT_EQ(both_ways(base + " --format table"), table);
  const std::string csv = both_ways(base + " --format csv");
  EXPECT_EQ(csv.rfind("id,created_at,owner,deadline,status", 0), 0U) << csv;
  EXPECT_EQ(both_ways(base + " --format csv --skip-invalid --contract " +
                      (root() / "contract.yaml").string()),
            csv);
  const fs::path out = root() / "actions.csv";
  EXPECT_EQ(both_ways(base + " --format csv --out " + out.string()), csv);
  EXPECT_EQ(read_file(out), csv);
}

TEST_F(CliWiring, GenerateEveryFlag) {
  const fs::path out = root() / "generated";
  const std::string summary =
      both_ways_timed("generate --out " + out.string() +
                          " --from 2026-02 --months 1 --seed 7 --scale 0.02 --tickets-per-month "
                          "100 --transactions-per-minute 1 --probe-locations 2 --threads 1",
                      0, true);
  EXPECT_NE(summary.find("wrote 23 files"), std::string::npos) << summary;
  EXPECT_TRUE(fs::exists(out / "tickets.csv"));
  EXPECT_EQ(both_ways("generate --out " + out.string() + " --months 0", 2), "");
}

}  // namespace

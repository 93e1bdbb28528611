// Hostile and broken inputs through the real binary, each the exact input that once crashed,
// hung or lost data: the command must end with a clear message and the documented exit status,
// never a signal, and leave no half-written output behind. (Inputs that fit in a data folder are
// scenario cases under tests/cases/; these need a FIFO, a link, a limit or a kill.)
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

constexpr const char* kTickets =
    "id,priority,created_at,responded_at\n"
    "T-1,P1,2026-10-05T09:00:00+02:00,2026-10-05T09:10:00+02:00\n";
constexpr const char* kPeriod = " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00";

class Hardening : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "meetlat_hardening_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    fs::create_directories(data());
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path data() const { return root_ / "data"; }

  // Runs meetlat with `args` (a hang ends at CTest's timeout for these tests, 120 s).
  RunResult run(const std::string& args) const { return run_meetlat(args, root_); }

  fs::path root_;
};

TEST_F(Hardening, AFifoAsEvidenceIsRefusedNotWaitedFor) {
  ASSERT_EQ(::mkfifo((data() / "tickets.csv").c_str(), 0600), 0);
  const RunResult r = run("evaluate --data " + data().string() + kPeriod);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("tickets.csv: is a named pipe (FIFO), not a regular file"),
            std::string::npos)
      << r.err;
}

TEST_F(Hardening, AFifoAsContractIsRefusedNotWaitedFor) {
  ASSERT_EQ(::mkfifo((root_ / "contract.yaml").c_str(), 0600), 0);
  const RunResult r = run("contract check " + (root_ / "contract.yaml").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("contract.yaml: is a named pipe (FIFO), not a regular file"),
            std::string::npos)
      << r.err;
}

TEST_F(Hardening, AFolderAsContractIsNamedAsAFolder) {
  const RunResult r = run("contract check " + data().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(data().string() + ": is a folder, not a regular file"), std::string::npos)
      << r.err;
}

TEST_F(Hardening, ADanglingLinkIsNotAnAbsentFile) {
  fs::create_symlink(root_ / "export" / "outages.csv", data() / "outages.csv");
  std::ofstream(data() / "tickets.csv") << kTickets;
  const RunResult r = run("evaluate --data " + data().string() + kPeriod);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("outages.csv: is a symbolic link to '" +
                       (root_ / "export" / "outages.csv").string() + "', which does not exist"),
            std::string::npos)
      << r.err;
}

TEST_F(Hardening, ALongDataNameAndALinkLoopAreNamed) {
  const RunResult long_name = run("evaluate --data " + std::string(5000, 'd') + kPeriod);
  EXPECT_EQ(long_name.exit_code, 1);
  EXPECT_NE(long_name.err.find("the name is too long (5000 characters)"), std::string::npos)
      << long_name.err;
  fs::create_symlink(data() / "b.csv", data() / "tickets.csv");
  fs::create_symlink(data() / "tickets.csv", data() / "b.csv");
  const RunResult loop = run("evaluate --data " + data().string() + kPeriod);
  EXPECT_EQ(loop.exit_code, 1);
  EXPECT_NE(loop.err.find("tickets.csv: symbolic links loop"), std::string::npos) << loop.err;
  const RunResult loop_data = run("evaluate --data " + (data() / "b.csv").string() + kPeriod);
  EXPECT_EQ(loop_data.exit_code, 1);
  EXPECT_NE(loop_data.err.find("symbolic links loop"), std::string::npos) << loop_data.err;
}

TEST_F(Hardening, ActionsOutThatCannotBeWrittenIsAnErrorAndKeepsTheOldFile) {
  const fs::path out = root_ / "actions.csv";
  std::ofstream(out) << "the register of last month\n";
  // A file size limit of 1 KiB (binding root too) fails the write as a full disk does; SIGXFSZ
  // is ignored so the write returns an error instead of killing the process.
  const std::string limited = "bash -c \"trap '' XFSZ; ulimit -f 1; exec " +
                              std::string(MEETLAT_BINARY) + " actions --data " + data().string() +
                              kPeriod + " --format csv --out " + out.string() + "\" 2>" +
                              (root_ / "err.txt").string() + " >/dev/null";
  // Many fired actions make the register longer than the limit: P1 tickets answered a day late
  // fire KPI-01's steps every month from January.
  std::ofstream tickets(data() / "tickets.csv");
  tickets << "id,priority,created_at,responded_at\n";
  for (int month = 1; month <= 10; ++month) {
    for (int i = 0; i < 3; ++i) {
      char line[160];
      std::snprintf(line, sizeof line,
                    "T-%d-%d,P1,2026-%02d-05T09:00:00+02:00,2026-%02d-06T09:00:00+02:00\n", month,
                    i, month, month);
      tickets << line;
    }
  }
  tickets.close();
  const int status = std::system(limited.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << read_file(root_ / "err.txt");
  EXPECT_NE(read_file(root_ / "err.txt").find("cannot write " + out.string()), std::string::npos)
      << read_file(root_ / "err.txt");
  EXPECT_EQ(read_file(out), "the register of last month\n");
  // Without the limit the same command writes the whole register.
  const RunResult r =
      run("actions --data " + data().string() + kPeriod + " --format csv --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(read_file(out).size(), 1024U);
  EXPECT_EQ(read_file(out), r.out);
}

TEST_F(Hardening, StdoutThatCannotBeWrittenIsAnError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "this machine has no /dev/full";
  const int status =
      std::system((std::string(MEETLAT_BINARY) + " contract show --default >/dev/full 2>" +
                   (root_ / "err.txt").string())
                      .c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(read_file(root_ / "err.txt").find("cannot write the output"), std::string::npos);
}

// SIGKILL at several moments of a generation: the folder holds either the earlier generation
// whole or the new one whole (when the kill came after the swap), never a folder of cut files.
TEST_F(Hardening, GenerateKilledAtAnyPointLeavesNoHalfFolder) {
  const fs::path out = root_ / "sample";
  const std::string generate =
      std::string(MEETLAT_BINARY) + " generate --months 1 " + "--transactions-per-minute 20 --out ";
  ASSERT_EQ(std::system((generate + (root_ / "new").string() + " --seed 6 >/dev/null").c_str()), 0);
  const std::string fresh = read_file(root_ / "new" / "transactions.csv");
  const std::string earlier_command = generate + out.string() + " --seed 5 >/dev/null";
  ASSERT_EQ(std::system(earlier_command.c_str()), 0);
  const std::string earlier = read_file(out / "transactions.csv");
  ASSERT_GT(earlier.size(), 1000000U);
  ASSERT_NE(earlier, fresh);
  for (const int delay_ms : {5, 20, 50, 100, 200, 400}) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      const std::string command = "exec " + generate + out.string() + " --seed 6 >/dev/null";
      execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    const std::string now = read_file(out / "transactions.csv");
    const bool whole = now == earlier || now == fresh;
    EXPECT_TRUE(whole) << "killed after " << delay_ms << " ms: " << now.size() << " bytes";
    for (const auto& entry : fs::directory_iterator(out)) {
      EXPECT_EQ(entry.path().extension(), ".csv") << entry.path();
    }
    if (now != earlier) {
      ASSERT_EQ(std::system(earlier_command.c_str()), 0);
    }
  }
  // The hidden folders killed generations left are removed by the next generation.
  ASSERT_EQ(std::system(earlier_command.c_str()), 0);
  for (const auto& entry : fs::directory_iterator(root_)) {
    EXPECT_EQ(entry.path().filename().string().find(".sample.partial-"), std::string::npos)
        << entry.path();
  }
}

TEST_F(Hardening, GenerateRefusesAFolderWithOtherFiles) {
  std::ofstream(data() / "notes.txt") << "mine";
  const RunResult r = run("generate --out " + data().string() + " --months 1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("holds notes.txt, which is not an evidence file"), std::string::npos)
      << r.err;
  EXPECT_EQ(read_file(data() / "notes.txt"), "mine");
}

}  // namespace

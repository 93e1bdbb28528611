// `meetlat actions` through the real binary, on transactions streamed into the latency
// accumulator (as `evaluate` does): a KPI-10 ladder step fired from the streamed samples must be
// in the register.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

TEST(ActionsCli, ListsAStepFiredByStreamedTransactions) {
  std::string pattern = (fs::temp_directory_path() / "meetlat_actions_XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path root = pattern;
  const fs::path data = root / "data";
  fs::create_directories(data);
  // Monday 5 October 2026, peak hours (09:00-11:00): p95 of 500, 510, 520 ms is 520 ms, 30% over
  // the 400 ms norm (the ladder's step is "more than 10%"). 08:10 is office hours, 100 ms: met.
  // The step is due 10 working days after Sat 31 October: Nov 2..6, 9..13.
  std::ofstream(data / "transactions.csv") << "at,name,duration_ms\n"
                                              "2026-10-05T09:15:00+02:00,login,500\n"
                                              "2026-10-05T09:20:00+02:00,login,510\n"
                                              "2026-10-05T09:25:00+02:00,search,520\n"
                                              "2026-10-05T08:10:00+02:00,login,100\n";
  const RunResult r = run_meetlat("actions --data " + data.string() +
                                      " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00"
                                      " --format csv",
                                  root);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("KPI-10/2026-10/performance-tuning-plan,2026-11-01T00:00:00+01:00,"
                       "supplier,2026-11-13,open,KPI-10,2026-10,"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("KPI-10 p95_peak misses its norm by 30.0% (more than 10.0%)"),
            std::string::npos)
      << r.out;
  fs::remove_all(root);
}

// The table keeps its columns when a cell is wider than its column: KPI-11's step label "Extra
// sessions and management update" is 36 characters, two more than the step column.
TEST(ActionsCli, ALongStepLabelWidensItsColumn) {
  std::string pattern = (fs::temp_directory_path() / "meetlat_actions_XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path root = pattern;
  const fs::path data = root / "data";
  fs::create_directories(data);
  // Enrolled in August, none passed within 60 days: KPI-11 breached in October.
  std::ofstream(data / "trainings.csv") << "user_id,enrolled_on,passed_on\n"
                                           "U1,2026-08-01,\n"
                                           "U2,2026-08-02,\n";
  const RunResult r = run_meetlat(
      "actions --data " + data.string() + " --period 2026-10 --as-of 2026-11-05T00:00:00+01:00",
      root);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::size_t label = r.out.find("Extra sessions and management update");
  ASSERT_NE(label, std::string::npos) << r.out;
  // The owner's column starts at the same place on every row, after a space.
  std::size_t owner_column = std::string::npos;
  std::size_t rows = 0;
  for (std::size_t start = 0; start < r.out.size();) {
    const std::size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    start = end == std::string::npos ? r.out.size() : end + 1;
    const std::size_t owner = line.find("supplier");
    if (!line.starts_with("KPI-") || owner == std::string::npos) continue;
    ++rows;
    EXPECT_EQ(line[owner - 1], ' ') << line;
    if (owner_column == std::string::npos) owner_column = owner;
    EXPECT_EQ(owner, owner_column) << r.out;
  }
  EXPECT_GE(rows, 2u) << r.out;
  fs::remove_all(root);
}

}  // namespace

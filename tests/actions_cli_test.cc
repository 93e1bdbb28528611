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

}  // namespace

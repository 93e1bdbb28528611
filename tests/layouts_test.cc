// The same month in every layout real exports use (sample/layout.h, docs/sample.md) gives the
// same verdicts, byte for byte: `meetlat generate --time-stamps … --durations … --quote-text
// --crlf` writes June 2026 in each layout, `meetlat evaluate` reads it, and the JSON must equal
// tests/layouts/expected-<durations>.json. Those two files were written by the reader of
// 3c073c3 (before the speed work of issue 11) from the generator's own layout, so a faster reader
// that changes any figure on any layout fails here. A change of the generator or of the default
// contract that moves a figure on purpose rewrites both files from the `mixed` layout.
//
// June has no DST change: a wall-clock time without offset cannot say which pass of the repeated
// October hour it means, which legitimately changes availability's observed minutes.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

struct LayoutCase {
  const char* name;      // the test's name
  const char* options;   // generate's layout options
  const char* expected;  // file under tests/layouts/
};

// gtest prints a parameter in a failing test's name.
void PrintTo(const LayoutCase& c, std::ostream* os) { *os << c.options; }

const std::vector<LayoutCase>& layouts() {
  static const std::vector<LayoutCase> all = {
      {"mixed", "--time-stamps mixed", "expected-integer.json"},
      {"local", "--time-stamps local", "expected-integer.json"},
      {"local_t", "--time-stamps local-t", "expected-integer.json"},
      {"local_ms", "--time-stamps local-ms", "expected-integer.json"},
      {"offset", "--time-stamps offset", "expected-integer.json"},
      {"utc", "--time-stamps utc", "expected-integer.json"},
      {"utc_ms", "--time-stamps utc-ms", "expected-integer.json"},
      {"local_quoted", "--time-stamps local --quote-text", "expected-integer.json"},
      {"local_crlf", "--time-stamps local --crlf", "expected-integer.json"},
      {"mixed_decimal", "--durations decimal", "expected-decimal.json"},
      {"local_decimal", "--time-stamps local --durations decimal", "expected-decimal.json"},
      {"offset_ms_decimal_quoted_crlf",
       "--time-stamps offset --durations decimal --quote-text --crlf", "expected-decimal.json"},
      {"local_ms_decimal_quoted_crlf",
       "--time-stamps local-ms --durations decimal --quote-text --crlf", "expected-decimal.json"},
  };
  return all;
}

class Layout : public testing::TestWithParam<LayoutCase> {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "meetlat_layout_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "cannot create a temp dir";
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }
  fs::path root_;
};

TEST_P(Layout, EvaluatesToTheSameJsonAsTheGeneratorsOwnLayout) {
  const LayoutCase& c = GetParam();
  const fs::path data = root_ / "data";
  const RunResult generated = run_meetlat(
      "generate --out " + data.string() +
          " --from 2026-06 --months 1 --tickets-per-month 2000 --transactions-per-minute 4 " +
          c.options,
      root_);
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const RunResult evaluated = run_meetlat("evaluate --data " + data.string() +
                                              " --period 2026-06 --as-of 2026-07-06T00:00:00+02:00"
                                              " --format json",
                                          root_);
  ASSERT_EQ(evaluated.exit_code, 0) << evaluated.err;
  const std::string expected = read_file(fs::path(MEETLAT_LAYOUTS_DIR) / c.expected);
  ASSERT_FALSE(expected.empty()) << "missing " << c.expected;
  EXPECT_TRUE(evaluated.out == expected)
      << c.name << " (" << c.options << "): the JSON differs from tests/layouts/" << c.expected;
}

INSTANTIATE_TEST_SUITE_P(Layouts, Layout, testing::ValuesIn(layouts()),
                         [](const testing::TestParamInfo<LayoutCase>& param) {
                           return std::string(param.param.name);
                         });

}  // namespace

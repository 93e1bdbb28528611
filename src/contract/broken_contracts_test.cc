// Data-driven: every tests/contracts/broken/NAME.yaml is loaded and its diagnostics compared
// with NAME.expected, one "file:line:column: message" a line. A new broken case is a new pair of
// files, no C++.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "contract/loader.h"

namespace meetlat::contract {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(MEETLAT_BROKEN_CONTRACTS_DIR)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class BrokenContract : public ::testing::TestWithParam<std::string> {};

TEST_P(BrokenContract, ReportsExactlyTheExpectedDiagnostics) {
  const fs::path dir(MEETLAT_BROKEN_CONTRACTS_DIR);
  const std::string name = GetParam();
  const LoadResult r = load_contract(read_text(dir / (name + ".yaml")), name + ".yaml");
  EXPECT_FALSE(r.ok());
  std::string actual;
  for (const Diagnostic& d : r.diagnostics) actual += d.to_string() + "\n";
  EXPECT_EQ(actual, read_text(dir / (name + ".expected")));
}

INSTANTIATE_TEST_SUITE_P(Files, BrokenContract, ::testing::ValuesIn(cases()),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
}  // namespace meetlat::contract

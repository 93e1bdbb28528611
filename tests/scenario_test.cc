// Runs every scenario folder under tests/cases/ through the real `meetlat` binary.
//
// A case folder holds:
//   args           the command line after `meetlat` (one line; `{data}` and `{case}` expand to the
//                  case's data/ folder and the case folder, `{engine_contract}` to
//                  tests/contracts/engine.yaml, the pinned copy of the shipped contract), e.g.
//                  evaluate --data {data} --period 2026-10 --as-of 2026-11-05T00:00:00+01:00
//                    --contract {engine_contract}
//                  An `evaluate` or `actions` case names its contract: {engine_contract}, or its
//                  own {case}/contract.yaml.
//   contract.yaml  optional; referred to from args as {case}/contract.yaml
//   shipped_contract optional; one line on why the case runs against the shipped contract
//                  (contracts/default.yaml, built in) without --contract: such a case tests the
//                  shipped contract itself and changes when the client agrees an example value
//   data/*.csv     the evidence
//   expected.json  the expected JSON on stdout (exit 0), matched as a subset: every key present in
//                  an expected object must be present and equal in the actual one; arrays must have
//                  the same length, except arrays of objects carrying an "id", which are matched by
//                  id (so a case states only the KPIs and objectives it is about); numbers are
//                  compared to 1e-9 relative.
//   expected.exit  optional exit status (default 0)
//   expected.stderr optional; every non-empty line must occur in stderr, in order
//   expected.stdout optional; the same for stdout (for a --format table case)
//   README         one line on why the case exists and how its values were computed by hand
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "run_meetlat.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
}

bool has_ids(const json& array) {
  if (!array.is_array() || array.empty()) return false;
  for (const auto& e : array) {
    if (!e.is_object() || !e.contains("id")) return false;
  }
  return true;
}

// Appends a line per mismatch between `expected` (a subset) and `actual` at `path`.
void match(const json& expected, const json& actual, const std::string& path,
           std::vector<std::string>& problems) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      problems.push_back(path + ": expected an object, got " + actual.dump());
      return;
    }
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) {
        problems.push_back(path + "." + key + ": missing");
        continue;
      }
      match(value, actual.at(key), path + "." + key, problems);
    }
    return;
  }
  if (expected.is_array()) {
    if (!actual.is_array()) {
      problems.push_back(path + ": expected an array, got " + actual.dump());
      return;
    }
    if (has_ids(expected) && has_ids(actual)) {
      for (const auto& e : expected) {
        const auto id = e.at("id");
        const auto it = std::find_if(actual.begin(), actual.end(),
                                     [&](const json& a) { return a.at("id") == id; });
        if (it == actual.end()) {
          problems.push_back(path + "[id=" + id.dump() + "]: missing");
        } else {
          match(e, *it, path + "[id=" + id.dump() + "]", problems);
        }
      }
      return;
    }
    if (expected.size() != actual.size()) {
      problems.push_back(path + ": expected " + std::to_string(expected.size()) +
                         " elements, got " + std::to_string(actual.size()) + ": " + actual.dump());
      return;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      match(expected[i], actual[i], path + "[" + std::to_string(i) + "]", problems);
    }
    return;
  }
  if (expected.is_number() && actual.is_number()) {
    const double e = expected.get<double>();
    const double a = actual.get<double>();
    if (std::abs(e - a) > 1e-9 * std::max(1.0, std::abs(e))) {
      problems.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
    }
    return;
  }
  if (expected != actual) {
    problems.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
  }
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  const fs::path root = MEETLAT_CASES_DIR;
  if (!fs::exists(root)) return names;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "args")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Scenario : public testing::TestWithParam<std::string> {};

TEST_P(Scenario, MatchesExpectedOutput) {
  const fs::path dir = fs::path(MEETLAT_CASES_DIR) / GetParam();
  std::string args = trim(read_file(dir / "args"));
  const bool names_contract = args.find("--contract") != std::string::npos;
  const bool runs_engine = args.rfind("evaluate", 0) == 0 || args.rfind("actions", 0) == 0;
  ASSERT_TRUE(names_contract || !runs_engine || fs::exists(dir / "shipped_contract"))
      << "the case runs against the shipped contract: pass --contract {engine_contract}, or say "
         "why in a shipped_contract file";
  replace_all(args, "{engine_contract}", MEETLAT_ENGINE_CONTRACT);
  replace_all(args, "{data}", (dir / "data").string());
  replace_all(args, "{case}", dir.string());
  const fs::path scratch = fs::temp_directory_path() / ("meetlat_case_" + GetParam());
  fs::create_directories(scratch);
  const RunResult r = run_meetlat(args, scratch);

  int expected_exit = 0;
  if (fs::exists(dir / "expected.exit")) {
    expected_exit = std::stoi(read_file(dir / "expected.exit"));
  }
  ASSERT_EQ(r.exit_code, expected_exit) << "stderr:\n" << r.err << "\nstdout:\n" << r.out;

  if (fs::exists(dir / "expected.json")) {
    const json expected = json::parse(read_file(dir / "expected.json"));
    json actual;
    ASSERT_NO_THROW(actual = json::parse(r.out)) << r.out;
    std::vector<std::string> problems;
    match(expected, actual, "$", problems);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    EXPECT_TRUE(problems.empty()) << all;
  }
  for (const auto& [file, stream, text] : {std::tuple{"expected.stderr", "stderr", &r.err},
                                           std::tuple{"expected.stdout", "stdout", &r.out}}) {
    if (!fs::exists(dir / file)) continue;
    std::istringstream lines(read_file(dir / file));
    std::size_t from = 0;
    for (std::string line; std::getline(lines, line);) {
      line = trim(line);
      if (line.empty()) continue;
      const auto at = text->find(line, from);
      EXPECT_NE(at, std::string::npos) << stream << " lacks (in order): " << line << "\n"
                                       << stream << ":\n"
                                       << *text;
      if (at != std::string::npos) from = at + line.size();
    }
  }
  fs::remove_all(scratch);
}

INSTANTIATE_TEST_SUITE_P(Cases, Scenario, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Scenario);

}  // namespace

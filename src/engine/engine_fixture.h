// The tests of the entry point share this: an evidence folder of their own (removed afterwards),
// the default contract, its zone, an as-of of 2026-11-05 and the period 2026-10.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "contract/default_contract.h"
#include "engine/engine.h"
#include "time/parse.h"

namespace meetlat::engine {

class EngineFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = testing::UnitTest::GetInstance()->current_test_info();
    folder_ = std::filesystem::temp_directory_path() /
              ("meetlat_" + std::string(test->test_suite_name()) + "_" + test->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(folder_ / name) << text;
  }
  Setting setting() const { return {&contract_, &zone_, as_of_, nullptr}; }

  contract::Contract contract_ = contract::default_contract();
  time::Zone zone_ = time::Zone::load("Europe/Amsterdam");
  time::Instant as_of_ = time::parse_timestamp("2026-11-05T00:00:00+01:00", zone_, nullptr)->at;
  time::Period october_ = *time::parse_period("2026-10");
  std::filesystem::path folder_;
};

}  // namespace meetlat::engine

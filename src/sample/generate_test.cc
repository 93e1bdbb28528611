#include "sample/generate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "sample/csv_file.h"
#include "time/parse.h"
#include "time/zone.h"

namespace meetlat::sample {
namespace {

namespace fs = std::filesystem;
using Row = std::vector<std::string>;

// The "Evidence files" table of spec/evidence-and-kpis.md, copied by hand.
const std::map<std::string, Row>& spec_headers() {
  static const std::map<std::string, Row> headers = {
      {"tickets.csv",
       {"id", "priority", "created_at", "responded_at", "resolved_at", "category", "service"}},
      {"milestones.csv", {"id", "planned_on", "achieved_on"}},
      {"migration.csv", {"batch", "validated_on", "records_total", "records_correct"}},
      {"outages.csv", {"id", "start", "end", "planned", "service"}},
      {"probes.csv", {"at", "location", "up"}},
      {"security_incidents.csv", {"id", "priority", "detected_at", "contained_at"}},
      {"vulnerabilities.csv", {"id", "severity", "detected_at", "patched_at"}},
      {"releases.csv", {"id", "released_at", "regression_coverage"}},
      {"changes.csv", {"id", "implemented_at", "failed"}},
      {"reports.csv", {"id", "due_at", "delivered_at", "kind"}},
      {"actions.csv", {"id", "created_at", "owner", "deadline", "status"}},
      {"emissions.csv", {"period_start", "period_end", "tco2e"}},
      {"doc_updates.csv", {"change_id", "changed_at", "doc_updated_at"}},
      {"rca.csv", {"incident_id", "priority", "resolved_at", "rca_delivered_at"}},
      {"transactions.csv", {"at", "name", "duration_ms"}},
      {"trainings.csv", {"user_id", "enrolled_on", "passed_on"}},
      {"slm_sessions.csv", {"id", "planned_on", "held_on"}},
      {"disputes.csv", {"id", "opened_on", "resolved_on"}},
      {"api_endpoints.csv", {"method", "path", "checked_on", "in_openapi", "oauth2"}},
      {"improvements.csv", {"id", "completed_on", "kpi", "effect_pct"}},
      {"dq_checks.csv", {"field", "checked_on"}},
      {"siem.csv", {"source", "period", "events_emitted", "events_received"}},
      {"export_tests.csv", {"id", "started_at", "completed_at"}},
  };
  return headers;
}

bool is_time_column(const std::string& c) {
  const auto ends = [&](std::string_view s) {
    return c.size() >= s.size() && c.compare(c.size() - s.size(), s.size(), s) == 0;
  };
  return ends("_at") || ends("_on") || c == "at" || c == "start" || c == "end" || c == "deadline" ||
         c == "period_start" || c == "period_end";
}

// RFC 4180 rows of a file (quotes, doubled quotes, commas inside quotes).
std::vector<Row> read_csv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::vector<Row> rows;
  Row row;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      cell.push_back(c);
    }
  }
  return rows;
}

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::int64_t rows_of(const std::vector<WrittenFile>& files, std::string_view name) {
  for (const auto& f : files) {
    if (f.name == name) return f.rows;
  }
  return -1;
}

GenerateOptions small_options() {
  GenerateOptions o;
  o.months = 2;
  o.first_month = std::chrono::year{2026} / std::chrono::month{3};  // spans the DST start
  o.tickets_per_month = 300;
  o.transactions_per_minute = 1;
  o.probe_locations = 2;
  return o;
}

class GenerateTest : public ::testing::Test {
 protected:
  fs::path dir(std::string_view name) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    fs::path p = fs::temp_directory_path() /
                 ("meetlat_sample_" + std::string(info->name()) + "_" + std::string(name));
    fs::remove_all(p);
    made_.push_back(p);
    return p;
  }
  void TearDown() override {
    for (const auto& p : made_) fs::remove_all(p);
  }
  std::vector<fs::path> made_;
};

TEST_F(GenerateTest, SameSeedGivesByteIdenticalFilesWhateverTheThreads) {
  GenerateOptions a = small_options();
  a.threads = 1;
  GenerateOptions b = small_options();
  b.threads = 2;
  const fs::path da = dir("a");
  const fs::path db = dir("b");
  const auto files = generate(a, da);
  generate(b, db);
  ASSERT_EQ(files.size(), 23u);
  for (const auto& f : files) {
    const std::string bytes = bytes_of(da / f.name);
    EXPECT_GT(bytes.size(), 10u) << f.name;
    EXPECT_EQ(bytes, bytes_of(db / f.name)) << f.name;
  }
}

TEST_F(GenerateTest, DifferentSeedGivesDifferentData) {
  GenerateOptions a = small_options();
  GenerateOptions b = small_options();
  b.seed = 2;
  const fs::path da = dir("a");
  const fs::path db = dir("b");
  generate(a, da);
  generate(b, db);
  for (const char* name : {"tickets.csv", "transactions.csv", "probes.csv", "outages.csv"}) {
    EXPECT_NE(bytes_of(da / name), bytes_of(db / name)) << name;
  }
}

TEST_F(GenerateTest, EveryFileHasExactlyTheSpecHeader) {
  const fs::path d = dir("out");
  const auto files = generate(small_options(), d);
  EXPECT_EQ(files.size(), spec_headers().size());
  for (const auto& [name, header] : spec_headers()) {
    ASSERT_TRUE(fs::exists(d / name)) << name;
    const auto rows = read_csv(d / name);
    ASSERT_FALSE(rows.empty()) << name;
    EXPECT_EQ(rows[0], header) << name;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i].size(), header.size()) << name << " line " << i + 1;
    }
  }
}

TEST_F(GenerateTest, EveryTimeStampParsesAndRequiredCellsAreFilled) {
  const fs::path d = dir("out");
  generate(small_options(), d);
  const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  for (const auto& [name, header] : spec_headers()) {
    const auto rows = read_csv(d / name);
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (!is_time_column(header[c])) continue;
      for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::string& cell = rows[i][c];
        if (cell.empty()) continue;
        time::ParseError error;
        EXPECT_TRUE(time::parse_timestamp(cell, zone, &error).has_value())
            << name << ":" << i + 1 << " " << header[c] << " \"" << cell << "\": " << error.message;
      }
    }
    // The first column of every file is required by the spec.
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_FALSE(rows[i][0].empty()) << name;
  }
}

TEST_F(GenerateTest, TicketsComeOnWeekdaysMostlyInOfficeHours) {
  GenerateOptions o;
  o.first_month = std::chrono::year{2026} / std::chrono::month{10};
  o.months = 1;
  o.transactions_per_minute = 0;
  const fs::path d = dir("out");
  generate(o, d);
  const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  const auto rows = read_csv(d / "tickets.csv");
  ASSERT_GT(rows.size(), 2000u);
  int office = 0, weekday = 0, weekend = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    time::ParseError error;
    const auto t = time::parse_timestamp(rows[i][2], zone, &error);
    ASSERT_TRUE(t.has_value());
    const auto local = zone.to_local(t->at);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const unsigned wd = std::chrono::weekday{day}.iso_encoding();
    const auto hour = std::chrono::floor<std::chrono::hours>(local - day).count();
    if (wd >= 6) {
      ++weekend;
    } else {
      ++weekday;
      office += hour >= 8 && hour < 18;
    }
  }
  // October 2026: 22 weekdays, 9 weekend days.
  EXPECT_GT(weekday / 22.0, 4 * (weekend / 9.0));
  EXPECT_GT(office, 0.75 * weekday);
}

// Wall-clock time stamps in the hour repeated when DST ends read back as the earlier instant; a
// response written there must still not come before its ticket (meetlat would refuse the row).
TEST_F(GenerateTest, NoTicketIsAnsweredOrResolvedBeforeItWasCreated) {
  GenerateOptions o;
  o.first_month = std::chrono::year{2026} / std::chrono::month{10};  // the night of 2026-10-25
  o.months = 1;
  o.tickets_per_month = 150000;
  o.transactions_per_minute = 0;
  const fs::path d = dir("out");
  generate(o, d);
  const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  const auto rows = read_csv(d / "tickets.csv");
  ASSERT_GT(rows.size(), 100000u);
  int in_repeated_hour = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    time::ParseError error;
    time::LocalTimeIssue issue = time::LocalTimeIssue::kNone;
    const auto created = time::parse_timestamp(rows[i][2], zone, &error);
    ASSERT_TRUE(created.has_value());
    for (const int column : {3, 4}) {
      if (rows[i][column].empty()) continue;
      const auto later = time::parse_timestamp(rows[i][column], zone, &error);
      ASSERT_TRUE(later.has_value());
      issue = later->issue;
      in_repeated_hour += issue == time::LocalTimeIssue::kRepeated;
      EXPECT_FALSE(later->at < created->at)
          << "line " << i + 1 << ": " << rows[i][column] << " before " << rows[i][2];
    }
  }
  EXPECT_GT(in_repeated_hour, 0);  // the night was exercised
}

TEST_F(GenerateTest, VolumesFollowTheOptions) {
  GenerateOptions o = small_options();
  o.first_month = std::chrono::year{2026} / std::chrono::month{10};
  o.months = 1;
  o.tickets_per_month = 1000;
  o.transactions_per_minute = 5;
  o.probe_locations = 3;
  const auto base = generate(o, dir("base"));
  o.scale = 2;
  o.probe_locations = 4;
  const auto scaled = generate(o, dir("scaled"));
  const double minutes = 31 * 24 * 60 + 60;  // October 2026 has a 25-hour day
  EXPECT_NEAR(rows_of(base, "tickets.csv"), 1000, 200);
  EXPECT_NEAR(rows_of(scaled, "tickets.csv"), 2000, 400);
  EXPECT_NEAR(rows_of(base, "transactions.csv"), 5 * minutes, 0.02 * 5 * minutes);
  EXPECT_NEAR(rows_of(scaled, "transactions.csv"), 10 * minutes, 0.02 * 10 * minutes);
  EXPECT_NEAR(rows_of(base, "probes.csv"), 3 * minutes, 0.01 * 3 * minutes);
  EXPECT_NEAR(rows_of(scaled, "probes.csv"), 4 * minutes, 0.01 * 4 * minutes);
}

TEST_F(GenerateTest, SomeMonthsBreachP2ResponseWhileMostMeet) {
  GenerateOptions o;
  o.transactions_per_minute = 0;
  o.probe_locations = 0;
  const fs::path d = dir("out");
  generate(o, d);
  const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  std::map<std::string, std::pair<int, int>> in_time_of_month;  // month → (in time, all)
  const auto rows = read_csv(d / "tickets.csv");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][1] != "P2" || rows[i][3].empty()) continue;
    time::ParseError error;
    const auto created = time::parse_timestamp(rows[i][2], zone, &error);
    const auto responded = time::parse_timestamp(rows[i][3], zone, &error);
    ASSERT_TRUE(created && responded);
    auto& m = in_time_of_month[rows[i][2].substr(0, 7)];
    m.first += responded->at - created->at <= std::chrono::minutes{60};
    m.second += 1;
  }
  ASSERT_EQ(in_time_of_month.size(), 12u);
  int breached = 0;
  for (const auto& [month, counts] : in_time_of_month) {
    breached += counts.first < 0.9 * counts.second;
  }
  EXPECT_GE(breached, 2);
  EXPECT_LE(breached, 5);
}

TEST_F(GenerateTest, UnwritableFolderNamesThePath) {
  const fs::path d = dir("blocked");
  { std::ofstream(d) << "a file, not a folder"; }
  try {
    generate(small_options(), d / "sub");
    FAIL() << "expected GenerateError";
  } catch (const GenerateError& e) {
    EXPECT_NE(std::string(e.what()).find(d.string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace meetlat::sample

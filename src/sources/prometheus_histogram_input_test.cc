#include "sources/prometheus_histogram_input.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace meetlat::sources {
namespace {

using nlohmann::json;

struct Read {
  InputTable table;
  std::vector<Diagnostic> problems;
  std::string cell(std::size_t row, const std::string& column) const {
    const int c = table.column_index(column);
    return c < 0 ? "<no column>" : table.rows.at(row).at(static_cast<std::size_t>(c));
  }
};

// Series of http_server_request_duration_seconds_bucket{route="/login"}, one per le, with the
// given counter values at 06:00, 06:10 and 06:20 UTC on 5 October 2026.
Read read(const std::vector<std::pair<std::string, std::vector<std::string>>>& series,
          const std::string& name = "http_server_request_duration_seconds_bucket") {
  json result = json::array();
  for (const auto& [le, values] : series) {
    json samples = json::array();
    for (std::size_t i = 0; i < values.size(); ++i) {
      samples.push_back(json::array({1791180000 + 600 * static_cast<int>(i), values[i]}));
    }
    result.push_back(
        {{"metric", {{"__name__", name}, {"route", "/login"}, {"le", le}}}, {"values", samples}});
  }
  Read r;
  r.table.file = "latency_bucket.json";
  read_prometheus_histograms(
      json{{"status", "success"}, {"data", {{"resultType", "matrix"}, {"result", result}}}},
      r.table, r.problems);
  return r;
}

TEST(PrometheusHistogram, ConsecutiveSamplesBecomeWindowsOfBucketIncreases) {
  // Listed out of order: le is sorted by value, "+Inf" last.
  const Read r = read({{"+Inf", {"100", "130", "131"}},
                       {"0.3", {"90", "115", "116"}},
                       {"0.1", {"40", "50", "50"}}});
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].to_string();
  // 06:00–06:10: (−inf, 100] 10, (100, 300] 15, (300, +inf) 5; 06:10–06:20: (100, 300] 1.
  ASSERT_EQ(r.table.rows.size(), 4u);
  EXPECT_EQ(r.cell(0, "from"), "2026-10-05T06:00:00Z");
  EXPECT_EQ(r.cell(0, "to"), "2026-10-05T06:10:00Z");
  EXPECT_EQ(r.cell(0, "above_ms"), "");
  EXPECT_EQ(r.cell(0, "at_most_ms"), "100");
  EXPECT_EQ(r.cell(0, "count"), "10");
  EXPECT_EQ(r.cell(1, "above_ms"), "100");
  EXPECT_EQ(r.cell(1, "at_most_ms"), "300");  // le="0.3" seconds, exactly
  EXPECT_EQ(r.cell(1, "count"), "15");
  EXPECT_EQ(r.cell(2, "above_ms"), "300");
  EXPECT_EQ(r.cell(2, "at_most_ms"), "");
  EXPECT_EQ(r.cell(2, "count"), "5");
  EXPECT_EQ(r.cell(3, "from"), "2026-10-05T06:10:00Z");
  EXPECT_EQ(r.cell(3, "count"), "1");
  EXPECT_EQ(r.cell(3, "metric.route"), "/login");
}

TEST(PrometheusHistogram, ACounterResetLeavesItsWindowOutAsAProblem) {
  const Read r = read({{"0.1", {"40", "3", "5"}}, {"+Inf", {"100", "4", "9"}}});
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].to_string(),
            "latency_bucket.json: data.result[0].values[1]: "
            "http_server_request_duration_seconds_bucket{route=\"/login\"} le=\"0.1\" fell from 40 "
            "to 3 between 1791180000 and 1791180600: the counter was reset, so the window's count "
            "is unknown");
  ASSERT_EQ(r.table.rows.size(), 2u);  // the next window, after the reset, is read
  EXPECT_EQ(r.cell(0, "from"), "2026-10-05T06:10:00Z");
}

TEST(PrometheusHistogram, MistakesAreNamed) {
  const Read no_inf = read({{"0.1", {"1", "2"}}});
  ASSERT_EQ(no_inf.problems.size(), 1u);
  EXPECT_NE(no_inf.problems[0].to_string().find("no le=\"+Inf\" series"), std::string::npos);

  const Read unit = read({{"+Inf", {"1", "2"}}}, "request_size_bytes_bucket");
  ASSERT_EQ(unit.problems.size(), 1u);
  EXPECT_NE(
      unit.problems[0].to_string().find("must end in _seconds_bucket or _milliseconds_bucket"),
      std::string::npos);

  const Read fraction = read({{"+Inf", {"1", "2.5"}}});
  ASSERT_EQ(fraction.problems.size(), 1u);
  EXPECT_NE(fraction.problems[0].to_string().find(
                "data.result[0].values[1]: "
                "http_server_request_duration_seconds_bucket{route=\"/login\"} le=\"+Inf\": "
                "expected a whole count"),
            std::string::npos)
      << fraction.problems[0].to_string();

  Read vector;
  vector.table.file = "x_bucket.json";
  EXPECT_FALSE(read_prometheus_histograms(
      json::parse(R"({"status":"success","data":{"resultType":"vector","result":[]}})"),
      vector.table, vector.problems));
  ASSERT_EQ(vector.problems.size(), 1u);
  EXPECT_NE(vector.problems[0].to_string().find("not the JSON of a Prometheus query_range"),
            std::string::npos);
}

}  // namespace
}  // namespace meetlat::sources

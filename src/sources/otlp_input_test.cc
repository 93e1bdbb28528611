#include "sources/otlp_input.h"

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

Read read(const std::string& metric) {
  Read r;
  r.table.file = "metrics.json";
  const json doc = json::parse(R"({"resourceMetrics": [{"resource": {"attributes": [
      {"key": "service.name", "value": {"stringValue": "portal"}}]},
      "scopeMetrics": [{"metrics": [)" +
                               metric + "]}]}]}");
  read_otlp(doc, r.table, r.problems);
  return r;
}

const std::string kPoint =
    R"("attributes": [{"key": "http.route", "value": {"stringValue": "/login"}}],
    "startTimeUnixNano": "1791180600000000000", "timeUnixNano": "1791181200000000001")";

TEST(OtlpInput, ExplicitBucketsInSecondsBecomeMillisecondsAsWritten) {
  const Read r = read(R"({"name": "http.server.request.duration", "unit": "s", "histogram": {
      "aggregationTemporality": 1, "dataPoints": [{)" +
                      kPoint + R"(, "explicitBounds": [0.1, 0.3, 1.5e-1],
      "bucketCounts": ["2", "0", "7", "1"]}]}})");
  // 1.5e-1 after 0.3 does not increase: the point is refused, naming where.
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].to_string(),
            "metrics.json: resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[0]"
            ".explicitBounds[2]: bounds must increase strictly");

  const Read ok = read(R"({"name": "http.server.request.duration", "unit": "s", "histogram": {
      "aggregationTemporality": 1, "dataPoints": [{)" +
                       kPoint + R"(, "explicitBounds": [0.1, 0.3],
      "bucketCounts": ["2", "0", 7]}]}})");
  EXPECT_TRUE(ok.problems.empty());
  ASSERT_EQ(ok.table.rows.size(), 2u);  // the empty bucket (0.1, 0.3] gives no row
  EXPECT_EQ(ok.cell(0, "above_ms"), "");
  EXPECT_EQ(ok.cell(0, "at_most_ms"), "100");
  EXPECT_EQ(ok.cell(0, "count"), "2");
  EXPECT_EQ(ok.cell(1, "above_ms"), "300");  // 0.3 s is 300 ms exactly, not 299.99999999999997
  EXPECT_EQ(ok.cell(1, "at_most_ms"), "");
  EXPECT_EQ(ok.cell(1, "count"), "7");
  EXPECT_EQ(ok.cell(0, "from"), "2026-10-05T06:10:00Z");
  EXPECT_EQ(ok.cell(0, "to"), "2026-10-05T06:20:00.000001Z");  // rounded up: never narrower
  EXPECT_EQ(ok.cell(0, "attributes.http.route"), "/login");
  EXPECT_EQ(ok.cell(0, "resource.service.name"), "portal");
  EXPECT_EQ(ok.cell(0, "metric"), "http.server.request.duration");
}

TEST(OtlpInput, ExponentialBucketsAreExactOrWidened) {
  const Read r = read(R"({"name": "d", "unit": "ms", "exponentialHistogram": {
      "aggregationTemporality": 1, "dataPoints": [{)" +
                      kPoint + R"(, "scale": 1, "zeroCount": "3", "zeroThreshold": 0,
      "positive": {"offset": 16, "bucketCounts": ["4", "5"]}}]}})");
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].to_string();
  ASSERT_EQ(r.table.rows.size(), 3u);
  EXPECT_EQ(r.cell(0, "above_ms"), "");  // the zero bucket
  EXPECT_EQ(r.cell(0, "at_most_ms"), "0");
  // base √2: bucket 16 is (2^8, 2^8.5], bucket 17 (2^8.5, 2^9]. 2^8.5 = 362.038671967...
  EXPECT_EQ(r.cell(1, "above_ms"), "256");
  const std::string upper = r.cell(1, "at_most_ms");
  const std::string lower = r.cell(2, "above_ms");
  EXPECT_EQ(upper.substr(0, 12), "362.03867196");
  EXPECT_GT(std::stold(upper), 362.0386719675123399L);  // rounded up
  EXPECT_LT(std::stold(lower), 362.0386719675123399L);  // rounded down
  EXPECT_EQ(r.cell(2, "at_most_ms"), "512");
}

TEST(OtlpInput, CumulativeTemporalityIsRefusedNamingTheMetric) {
  const Read r = read(R"({"name": "http.server.request.duration", "unit": "s", "histogram": {
      "aggregationTemporality": 2, "dataPoints": [{)" +
                      kPoint + R"(, "explicitBounds": [0.1], "bucketCounts": ["1", "1"]}]}})");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].to_string().find(
                "metrics[0].histogram.aggregationTemporality: metric "
                "'http.server.request.duration' is cumulative (2): only delta temporality (1)"),
            std::string::npos)
      << r.problems[0].to_string();
  EXPECT_TRUE(r.table.rows.empty());
}

TEST(OtlpInput, MalformedPointsAreNamedByTheirPath) {
  const Read counts =
      read(R"({"name": "d", "unit": "ms", "histogram": {
      "aggregationTemporality": 1, "dataPoints": [{)" +
           kPoint + R"(, "explicitBounds": [100, 300], "bucketCounts": ["1", "2"]}]}})");
  ASSERT_EQ(counts.problems.size(), 1u);
  EXPECT_EQ(counts.problems[0].to_string(),
            "metrics.json: resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[0]"
            ".bucketCounts: has 2 counts for 2 explicitBounds (expected one more count than "
            "bounds)");

  const Read negative =
      read(R"({"name": "d", "unit": "ms", "histogram": {
      "aggregationTemporality": 1, "dataPoints": [{)" +
           kPoint + R"(, "explicitBounds": [100], "bucketCounts": ["1", "-2"]}]}})");
  ASSERT_EQ(negative.problems.size(), 1u);
  EXPECT_NE(negative.problems[0].to_string().find("dataPoints[0].bucketCounts[1]: not a count"),
            std::string::npos);

  const Read no_time = read(R"({"name": "d", "unit": "ms", "histogram": {
      "aggregationTemporality": 1, "dataPoints": [{"explicitBounds": [], "bucketCounts": ["1"]}]}})");
  ASSERT_EQ(no_time.problems.size(), 1u);
  EXPECT_NE(no_time.problems[0].to_string().find(
                "dataPoints[0]: startTimeUnixNano and timeUnixNano must be set"),
            std::string::npos);

  const Read bytes = read(R"({"name": "d", "unit": "By", "histogram": {
      "aggregationTemporality": 1, "dataPoints": []}})");
  ASSERT_EQ(bytes.problems.size(), 1u);
  EXPECT_NE(bytes.problems[0].to_string().find(
                "metrics[0].unit: metric 'd' has unit 'By'; a latency histogram is in s, ms, us "
                "or ns"),
            std::string::npos);
}

TEST(OtlpInput, NotOtlpSaysWhatItExpects) {
  Read r;
  r.table.file = "probe_success.json";
  EXPECT_FALSE(read_otlp(json::parse(R"({"status": "success", "data": {}})"), r.table, r.problems));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].to_string().find("probe_success.json: not OTLP/JSON metrics"),
            std::string::npos);
}

}  // namespace
}  // namespace meetlat::sources

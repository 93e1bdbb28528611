#include "sources/otlp_input.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "sources/builtin_profiles.h"
#include "sources/convert.h"
#include "sources/profile_loader.h"

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

TEST(OtlpInput, OnlyDeltaAndCumulativeTemporalitiesAreRead) {
  const Read r = read(R"({"name": "http.server.request.duration", "unit": "s", "histogram": {
      "aggregationTemporality": 0, "dataPoints": [{)" +
                      kPoint + R"(, "explicitBounds": [0.1], "bucketCounts": ["1", "1"]}]}})");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].to_string(),
            "metrics.json: resourceMetrics[0].scopeMetrics[0].metrics[0].histogram."
            "aggregationTemporality: metric 'http.server.request.duration' is neither delta (1) "
            "nor cumulative (2): its points cannot be read as counts over a window");
  EXPECT_TRUE(r.table.rows.empty());
}

// A cumulative point alone gives every bucket, the empty ones too, with its counts since its
// start, and the bookkeeping the differencing reads (otlp_cumulative.h).
TEST(OtlpInput, ACumulativePointKeepsItsEmptyBucketsForTheDifferencing) {
  const Read r = read(R"({"name": "d", "unit": "ms", "histogram": {
      "aggregationTemporality": 2, "dataPoints": [{)" +
                      kPoint + R"(, "explicitBounds": [100], "bucketCounts": ["0", "4"]}]}})");
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].to_string();
  ASSERT_EQ(r.table.rows.size(), 2u);
  EXPECT_EQ(r.cell(0, "count"), "0");
  EXPECT_EQ(r.cell(1, "count"), "4");
  EXPECT_EQ(r.cell(0, "otlp:temporality"), "cumulative");
  EXPECT_EQ(r.cell(0, "otlp:time"), "1791181200000000001");
  EXPECT_EQ(r.cell(0, "otlp:layout"), "explicitBounds [100]");
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

// Cumulative points through a whole conversion (convert.h) with the built-in profile, against
// the same counts exported as delta: the evidence rows must be the same.

Profile otlp_profile() { return *load_profile(*builtin_profile_yaml("otlp"), "otlp").profile; }

constexpr std::uint64_t kBase = 1791180600000000000;  // 2026-10-05T06:10:00Z

std::string nanos(int minute) {
  return std::to_string(kBase + static_cast<std::uint64_t>(minute) * 60'000'000'000);
}

// A point of route `route` from minute `start` to `time` with `buckets` (the bucket fields).
std::string point(const std::string& route, int start, int time, const std::string& buckets) {
  return R"({"attributes": [{"key": "http.route", "value": {"stringValue": ")" + route +
         R"("}}], "startTimeUnixNano": ")" + nanos(start) + R"(", "timeUnixNano": ")" +
         nanos(time) + R"(", )" + buckets + "}";
}

std::string explicit_point(int start, int time, const std::string& counts,
                           const std::string& bounds = "[100, 300]") {
  return point("/login", start, time,
               R"("explicitBounds": )" + bounds + R"(, "bucketCounts": )" + counts);
}

std::string exponential_point(int start, int time, int scale, int zero, int offset,
                              const std::string& counts) {
  return point("/search", start, time,
               R"("scale": )" + std::to_string(scale) + R"(, "zeroCount": ")" +
                   std::to_string(zero) + R"(", "zeroThreshold": 0, "positive": {"offset": )" +
                   std::to_string(offset) + R"(, "bucketCounts": )" + counts + "}");
}

std::string joined_points(const std::vector<std::string>& points) {
  std::string out;
  for (const auto& p : points) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// An export of http.server.request.duration in ms: explicit points in one batch, exponential
// ones in another (of another resource), all of `temporality`.
std::string export_of(int temporality, const std::vector<std::string>& explicit_points,
                      const std::vector<std::string>& exponential_points = {}) {
  const std::string t = std::to_string(temporality);
  std::string doc = R"({"resourceMetrics": [{"resource": {"attributes": [{"key": "service.name",
      "value": {"stringValue": "portal"}}]}, "scopeMetrics": [{"metrics": [
      {"name": "http.server.request.duration", "unit": "ms", "histogram": {
      "aggregationTemporality": )" +
                    t + R"(, "dataPoints": [)" + joined_points(explicit_points) + "]}}]}]}";
  if (!exponential_points.empty()) {
    doc += R"(, {"resource": {"attributes": [{"key": "service.name",
      "value": {"stringValue": "search"}}]}, "scopeMetrics": [{"metrics": [
      {"name": "http.server.request.duration", "unit": "ms", "exponentialHistogram": {
      "aggregationTemporality": )" +
           t + R"(, "dataPoints": [)" + joined_points(exponential_points) + "]}}]}]}";
  }
  return doc + "]}";
}

// The evidence rows (the header first, the rows sorted) and the problems of a conversion.
struct Evidence {
  std::vector<std::string> rows;
  std::vector<std::string> problems;
};

Evidence evidence_of(const std::vector<InputFile>& files) {
  const Conversion c = convert(otlp_profile(), files);
  Evidence e;
  for (const auto& d : c.problems) e.problems.push_back(d.to_string());
  if (c.files.empty()) return e;
  std::string line;
  for (const char ch : c.files[0].csv) {
    if (ch != '\n') {
      line += ch;
      continue;
    }
    e.rows.push_back(line);
    line.clear();
  }
  std::sort(e.rows.begin() + (e.rows.empty() ? 0 : 1), e.rows.end());
  return e;
}

TEST(OtlpCumulative, TheSameCountsExportedCumulativeGiveTheDeltaExportsRows) {
  // Delta windows of 10 minutes; (20, 30] counted nothing.
  const Evidence delta =
      evidence_of({{"delta.json", export_of(1,
                                            {
                                                explicit_point(0, 10, "[2, 1, 0]"),
                                                explicit_point(10, 20, "[0, 3, 1]"),
                                                explicit_point(20, 30, "[0, 0, 0]"),
                                                explicit_point(30, 40, "[1, 0, 2]"),
                                            },
                                            {
                                                exponential_point(0, 10, 1, 3, 16, "[4, 5]"),
                                                exponential_point(10, 20, 1, 0, 15, "[1, 0, 2]"),
                                            })}});
  ASSERT_TRUE(delta.problems.empty()) << delta.problems[0];
  ASSERT_EQ(delta.rows.size(), 1u + 2 + 2 + 2 + 3 + 2);
  // The same counts since minute 0, over two files, out of order, the first point repeated in
  // the second file (the exponential series widens its range to bucket 15 at minute 20).
  const Evidence cumulative = evidence_of(
      {{"a.json",
        export_of(2, {explicit_point(0, 40, "[3, 4, 3]"), explicit_point(0, 10, "[2, 1, 0]")},
                  {exponential_point(0, 20, 1, 3, 15, "[1, 4, 7]")})},
       {"b.json", export_of(2,
                            {explicit_point(0, 30, "[2, 4, 1]"), explicit_point(0, 20, "[2, 4, 1]"),
                             explicit_point(0, 10, "[2, 1, 0]")},
                            {exponential_point(0, 10, 1, 3, 16, "[4, 5]")})}});
  EXPECT_TRUE(cumulative.problems.empty()) << cumulative.problems[0];
  EXPECT_EQ(cumulative.rows, delta.rows);
}

TEST(OtlpCumulative, ANewStartTimeIsAResetThatStartsANewSeries) {
  const Evidence delta =
      evidence_of({{"delta.json", export_of(1, {
                                                   explicit_point(0, 10, "[2, 1, 0]"),
                                                   explicit_point(10, 20, "[1, 0, 0]"),
                                                   explicit_point(20, 30, "[0, 1, 0]"),
                                                   explicit_point(30, 40, "[0, 2, 0]"),
                                               })}});
  ASSERT_TRUE(delta.problems.empty()) << delta.problems[0];
  // The process restarted at minute 20: its counts begin again from 0.
  const Evidence cumulative =
      evidence_of({{"metrics.json", export_of(2, {
                                                     explicit_point(0, 10, "[2, 1, 0]"),
                                                     explicit_point(0, 20, "[3, 1, 0]"),
                                                     explicit_point(20, 30, "[0, 1, 0]"),
                                                     explicit_point(20, 40, "[0, 3, 0]"),
                                                 })}});
  EXPECT_TRUE(cumulative.problems.empty()) << cumulative.problems[0];
  EXPECT_EQ(cumulative.rows, delta.rows);
  EXPECT_NE(std::find(cumulative.rows.begin(), cumulative.rows.end(),
                      "2026-10-05T06:40:00Z,2026-10-05T06:50:00Z,/login,100,300,2"),
            cumulative.rows.end())
      << ::testing::PrintToString(cumulative.rows);
}

const std::string kPath = "resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints";

TEST(OtlpCumulative, ACountThatDecreasesWithoutANewStartIsRefused) {
  const Evidence e =
      evidence_of({{"metrics.json", export_of(2, {
                                                     explicit_point(0, 10, "[2, 1, 0]"),
                                                     explicit_point(0, 20, "[1, 1, 0]"),
                                                 })}});
  EXPECT_EQ(e.problems,
            std::vector<std::string>{"metrics.json: " + kPath +
                                     "[1]: bucket (-inf, 100] ms counts 1, fewer than the 2 at "
                                     "metrics.json: " +
                                     kPath +
                                     "[0] (an earlier timeUnixNano), with the same "
                                     "startTimeUnixNano: a cumulative count only grows, and a "
                                     "reset must start a new startTimeUnixNano; the series is "
                                     "left out"});
  EXPECT_EQ(e.rows.size(), 1u);  // the header
}

TEST(OtlpCumulative, BoundsThatChangeWithinASeriesAreRefused) {
  const Evidence e = evidence_of(
      {{"metrics.json", export_of(2, {
                                         explicit_point(0, 10, "[2, 1, 0]"),
                                         explicit_point(0, 20, "[2, 1, 1]", "[100, 500]"),
                                     })}});
  EXPECT_EQ(e.problems,
            std::vector<std::string>{
                "metrics.json: " + kPath +
                "[1]: explicitBounds [100,500] differs from explicitBounds [100,300] at "
                "metrics.json: " +
                kPath +
                "[0] within one series (same attributes and startTimeUnixNano): "
                "counts in other buckets cannot be differenced; the series is left "
                "out"});
  EXPECT_EQ(e.rows.size(), 1u);
}

// SDKs lower the scale of a cumulative exponential histogram as its range grows, merging its
// buckets: at scale 1 buckets 16 and 17 (4 and 5) are bucket 8 at scale 0 (9).
TEST(OtlpCumulative, AScaleThatFallsIsDifferencedAtTheCoarserScale) {
  const Evidence delta =
      evidence_of({{"delta.json", export_of(1, {},
                                            {
                                                exponential_point(0, 10, 1, 3, 16, "[4, 5]"),
                                                exponential_point(10, 20, 0, 1, 8, "[3, 2]"),
                                            })}});
  ASSERT_TRUE(delta.problems.empty()) << delta.problems[0];
  const Evidence cumulative =
      evidence_of({{"metrics.json", export_of(2, {},
                                              {
                                                  exponential_point(0, 10, 1, 3, 16, "[4, 5]"),
                                                  exponential_point(0, 20, 0, 4, 8, "[12, 2]"),
                                              })}});
  EXPECT_TRUE(cumulative.problems.empty()) << cumulative.problems[0];
  EXPECT_EQ(cumulative.rows, delta.rows);
  EXPECT_NE(std::find(cumulative.rows.begin(), cumulative.rows.end(),
                      "2026-10-05T06:20:00Z,2026-10-05T06:30:00Z,/search,256,512,3"),
            cumulative.rows.end())
      << ::testing::PrintToString(cumulative.rows);
}

// Below 1 ms the indices are negative: merging rounds them down (bucket -3 at scale 1,
// (2^-1.5, 2^-1], lies in bucket -2 at scale 0, (2^-2, 2^-1]), not toward 0.
TEST(OtlpCumulative, NegativeIndicesMergeIntoTheBucketThatHoldsThem) {
  const Evidence delta =
      evidence_of({{"delta.json", export_of(1, {},
                                            {
                                                exponential_point(0, 10, 1, 0, -3, "[1, 1]"),
                                                exponential_point(10, 20, 0, 0, -2, "[1, 0]"),
                                            })}});
  ASSERT_TRUE(delta.problems.empty()) << delta.problems[0];
  const Evidence cumulative =
      evidence_of({{"metrics.json", export_of(2, {},
                                              {
                                                  exponential_point(0, 10, 1, 0, -3, "[1, 1]"),
                                                  exponential_point(0, 20, 0, 0, -2, "[2, 1]"),
                                              })}});
  EXPECT_TRUE(cumulative.problems.empty()) << cumulative.problems[0];
  EXPECT_EQ(cumulative.rows, delta.rows);
  EXPECT_NE(std::find(cumulative.rows.begin(), cumulative.rows.end(),
                      "2026-10-05T06:20:00Z,2026-10-05T06:30:00Z,/search,0.25,0.5,1"),
            cumulative.rows.end())
      << ::testing::PrintToString(cumulative.rows);
}

TEST(OtlpCumulative, AScaleThatRisesWithinASeriesIsRefused) {
  const Evidence e =
      evidence_of({{"metrics.json", export_of(2, {},
                                              {
                                                  exponential_point(0, 10, 0, 0, 8, "[9]"),
                                                  exponential_point(0, 20, 1, 0, 16, "[4, 6]"),
                                              })}});
  const std::string path =
      "resourceMetrics[1].scopeMetrics[0].metrics[0].exponentialHistogram.dataPoints";
  EXPECT_EQ(e.problems,
            std::vector<std::string>{
                "metrics.json: " + path +
                "[1]: scale 1 is finer than the scale 0 at metrics.json: " + path +
                "[0] within one series (same attributes and startTimeUnixNano): counts of "
                "coarser buckets cannot be split into finer ones; the series is left out"});
  EXPECT_EQ(e.rows.size(), 1u);
}

TEST(OtlpCumulative, AZeroThresholdThatChangesWithinASeriesIsRefused) {
  const std::string changed = point("/search", 0, 20,
                                    R"("scale": 1, "zeroCount": "3", "zeroThreshold": 0.5, )"
                                    R"("positive": {"offset": 16, "bucketCounts": [4, 5]})");
  const Evidence e =
      evidence_of({{"metrics.json",
                    export_of(2, {}, {exponential_point(0, 10, 1, 3, 16, "[4, 5]"), changed})}});
  ASSERT_EQ(e.problems.size(), 1u);
  EXPECT_NE(e.problems[0].find("dataPoints[1]: zeroThreshold 0.5 differs from zeroThreshold 0 at "
                               "metrics.json: "),
            std::string::npos)
      << e.problems[0];
  EXPECT_EQ(e.rows.size(), 1u);
}

TEST(OtlpCumulative, TwoPointsAtOneTimeWithOtherCountsAreRefusedNamingBoth) {
  const Evidence e = evidence_of({{"a.json", export_of(2, {explicit_point(0, 10, "[2, 1, 0]")})},
                                  {"b.json", export_of(2, {explicit_point(0, 10, "[2, 2, 0]")})}});
  EXPECT_EQ(e.problems, std::vector<std::string>{
                            "b.json: " + kPath + "[0]: timeUnixNano " + nanos(10) +
                            " is also the time of a.json: " + kPath +
                            "[0], with other counts, in the same series (same attributes and "
                            "startTimeUnixNano); the series is left out"});
  EXPECT_EQ(e.rows.size(), 1u);
}

TEST(OtlpCumulative, OneMetricInBothTemporalitiesIsRefused) {
  const Evidence e = evidence_of({{"a.json", export_of(1, {explicit_point(0, 10, "[2, 1, 0]")})},
                                  {"b.json", export_of(2, {explicit_point(10, 20, "[2, 2, 0]")})}});
  EXPECT_EQ(e.problems, std::vector<std::string>{
                            "b.json: " + kPath +
                            "[0]: metric 'http.server.request.duration' is cumulative here and "
                            "delta at a.json: " +
                            kPath +
                            "[0]: one metric is read with one temporality; all its points are "
                            "left out"});
  EXPECT_EQ(e.rows.size(), 1u);
}

}  // namespace
}  // namespace meetlat::sources

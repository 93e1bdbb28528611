// Reading OpenTelemetry metrics in OTLP/JSON (an ExportMetricsServiceRequest as the collector's
// file exporter or an OTLP/HTTP JSON body writes it) as latency histogram buckets, one row per
// bucket with a count above 0 (docs/sources.md, profile `otlp`).
//
// resourceMetrics[] → scopeMetrics[] → metrics[]; a metric with `histogram` (explicitBounds,
// bucketCounts) or `exponentialHistogram` (scale, zeroCount, zeroThreshold, positive.offset,
// positive.bucketCounts) gives rows; other metrics (sum, gauge, summary) are not latency
// histograms and give none. Columns of a row:
//   from, to        startTimeUnixNano and timeUnixNano as UTC ISO 8601 (`from` rounded down and
//                   `to` up to the microsecond: a window only ever widens)
//   metric, unit    the metric's name and unit
//   above_ms, at_most_ms, count
//                   the bucket (above, at_most] in milliseconds, empty when unbounded
//   attributes.K, resource.K
//                   the data point's and the resource's attributes, by key
// Bounds in s, ms, us or ns (the metric's `unit`, UCUM) are scaled to ms in decimal, exactly as
// the export writes them (0.3 s is 300 ms). Exponential bucket i is (base^i, base^(i+1)] with
// base = 2^(2^-scale); with scale <= 0 the bounds are powers of two, written exactly; with
// scale > 0 they are irrational and written to 17 significant digits rounded outward (the lower
// bound down, the upper up), so a bucket only widens and a verdict made on it holds for the
// exact one. The zero bucket is (−inf, zeroThreshold].
//
// int64 fields (counts, times) are read from JSON strings, as OTLP/JSON encodes them, or numbers.
// Delta (aggregationTemporality 1) and cumulative (2) points are read; other temporalities are
// refused, naming the metric. A cumulative point's rows hold its counts since its start, every
// bucket (empty ones too: an exponential point's zero bucket and each explicit bucket), and the
// bookkeeping columns below; only once every file of a conversion has been read can its series
// be differenced into windows (otlp_cumulative.h), which also drops those columns.
// Problems name the JSON path ("resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.
// dataPoints[2].bucketCounts: ...").
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "sources/input_table.h"

namespace meetlat::sources {

// Bookkeeping columns of the rows read_otlp gives (no attribute can be named so: those are
// `attributes.K` and `resource.K`). Every row: the point's temporality ("delta" or "cumulative")
// and its JSON path. A cumulative row also: its series (kind, metric name and unit, resource and
// data point attributes, startTimeUnixNano), its timeUnixNano in decimal, and what must stay the
// same within the series (explicitBounds, or zeroThreshold); an exponential row also its scale
// and its bucket's index ("" for the zero bucket).
inline constexpr std::string_view kOtlpColumnPrefix = "otlp:";
inline constexpr const char* kOtlpTemporality = "otlp:temporality";
inline constexpr const char* kOtlpPoint = "otlp:point";
inline constexpr const char* kOtlpSeries = "otlp:series";
inline constexpr const char* kOtlpTime = "otlp:time";
inline constexpr const char* kOtlpLayout = "otlp:layout";
inline constexpr const char* kOtlpScale = "otlp:scale";
inline constexpr const char* kOtlpIndex = "otlp:index";

// Adds the rows of OTLP/JSON document `doc` (already parsed, of file table.file) to `table`.
// False, after one problem, when `doc` is not OTLP/JSON metrics; problems in data points are
// reported each and those points skipped.
bool read_otlp(const nlohmann::json& doc, InputTable& table, std::vector<Diagnostic>& problems);

}  // namespace meetlat::sources

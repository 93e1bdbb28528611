#include "sources/otlp_input.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "sources/exact_text.h"

namespace meetlat::sources {
namespace {

using nlohmann::json;

// A problem at a JSON path of the export.
struct Place {
  InputTable& table;
  std::vector<Diagnostic>& problems;
  void report(const std::string& path, const std::string& message) const {
    problems.push_back(Diagnostic{table.file, 0, 0, path + ": " + message});
  }
};

// An unsigned 64-bit integer written as OTLP/JSON writes int64 fields: a decimal string, or a
// number.
std::optional<std::uint64_t> uint64_of(const json& value) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  if (value.is_number_integer()) {
    const auto v = value.get<std::int64_t>();
    if (v >= 0) return static_cast<std::uint64_t>(v);
    return std::nullopt;
  }
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  std::uint64_t out = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return out;
}

std::optional<std::int64_t> int64_of(const json& value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  std::int64_t out = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return out;
}

// The shortest decimal that reads back as `v` (what the exporter wrote for a bound).
std::string shortest(double v) {
  char text[40];
  const auto [end, error] = std::to_chars(text, text + sizeof text, v);
  (void)error;
  return std::string(text, end);
}

// 2^k exactly, as a decimal.
std::string power_of_two(std::int64_t k) {
  char text[1200];
  const auto [end, error] =
      std::to_chars(text, text + sizeof text, std::ldexp(1.0, static_cast<int>(k)),
                    std::chars_format::fixed, k < 0 ? static_cast<int>(-k) : 0);
  (void)error;
  return std::string(text, end);
}

// base^index with base = 2^(2^-scale), as a decimal, rounded down or up when not exact.
std::string exponential_bound(int scale, std::int64_t index, bool round_up) {
  if (scale <= 0) return power_of_two(index * (std::int64_t{1} << -scale));
  const std::int64_t per_doubling = std::int64_t{1} << scale;
  if (index % per_doubling == 0) return power_of_two(index / per_doubling);
  const long double exact =
      std::exp2l(static_cast<long double>(index) / static_cast<long double>(per_doubling));
  // 17 significant digits, moved one unit in the last place outward: the error of exp2l is far
  // below that unit, so the written bound lies outside the exact one.
  char text[64];
  std::snprintf(text, sizeof text, "%.16Le", exact);
  std::string s = text;  // d.dddddddddddddddde±XX
  const auto e = s.find('e');
  std::string digits = s.substr(0, 1) + s.substr(2, e - 2);
  const int exponent = std::stoi(s.substr(e + 1)) - static_cast<int>(digits.size() - 1);
  auto value = std::stoull(digits);
  value = round_up ? value + 1 : value - 1;
  return plain_decimal(std::to_string(value), exponent, false);
}

// 10^shift from a UCUM duration unit to milliseconds; nullopt for other units.
std::optional<int> ms_shift(const std::string& unit) {
  if (unit == "ms") return 0;
  if (unit == "s") return 3;
  if (unit == "us") return -3;
  if (unit == "ns") return -6;
  return std::nullopt;
}

// The attributes of `node` (a KeyValue list) as cells `prefix.key`.
void add_attributes(const json& node, const std::string& prefix,
                    std::map<std::string, std::string>& out) {
  if (!node.is_object() || !node.contains("attributes")) return;
  const json& list = node.at("attributes");
  if (!list.is_array()) return;
  for (const json& kv : list) {
    if (!kv.is_object() || !kv.contains("key") || !kv.at("key").is_string()) continue;
    std::string text;
    if (kv.contains("value") && kv.at("value").is_object()) {
      for (const auto& item : kv.at("value").items()) {
        text = item.value().is_string() ? item.value().get<std::string>() : item.value().dump();
      }
    }
    out[prefix + "." + kv.at("key").get<std::string>()] = text;
  }
}

struct Bucket {
  std::string above;    // "" unbounded
  std::string at_most;  // "" unbounded
  std::uint64_t count = 0;
  std::string index;  // an exponential positive bucket's index, in decimal; "" for the others
};

// The buckets of an explicit-bounds point; false after a problem.
bool explicit_buckets(const json& point, const std::string& path, int shift, bool keep_empty,
                      const Place& place, std::vector<Bucket>& out) {
  const json empty = json::array();
  const json& bounds = point.contains("explicitBounds") ? point.at("explicitBounds") : empty;
  const json& counts = point.contains("bucketCounts") ? point.at("bucketCounts") : empty;
  if (!bounds.is_array() || !counts.is_array()) {
    place.report(path, "explicitBounds and bucketCounts must be arrays");
    return false;
  }
  if (counts.size() != bounds.size() + 1) {
    place.report(path + ".bucketCounts", "has " + std::to_string(counts.size()) + " counts for " +
                                             std::to_string(bounds.size()) +
                                             " explicitBounds (expected one more count than "
                                             "bounds)");
    return false;
  }
  std::string above;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const auto count = uint64_of(counts[i]);
    if (!count) {
      place.report(
          path + ".bucketCounts[" + std::to_string(i) + "]",
          "not a count (a non-negative integer, as a string or a number): " + counts[i].dump());
      return false;
    }
    std::string at_most;
    if (i < bounds.size()) {
      if (!bounds[i].is_number()) {
        place.report(path + ".explicitBounds[" + std::to_string(i) + "]",
                     "not a number: " + bounds[i].dump());
        return false;
      }
      at_most = shifted_decimal(shortest(bounds[i].get<double>()), shift);
      if (i > 0 && !(bounds[i - 1].get<double>() < bounds[i].get<double>())) {
        place.report(path + ".explicitBounds[" + std::to_string(i) + "]",
                     "bounds must increase strictly");
        return false;
      }
    }
    if (*count > 0 || keep_empty) out.push_back({above, at_most, *count, ""});
    above = at_most;
  }
  return true;
}

// The buckets of an exponential point; false after a problem.
bool exponential_buckets(const json& point, const std::string& path, int shift, bool keep_empty,
                         const Place& place, std::vector<Bucket>& out) {
  const auto scale = point.contains("scale") ? int64_of(point.at("scale")) : std::int64_t{0};
  if (!scale || *scale < -10 || *scale > 20) {
    place.report(path + ".scale", "must be an integer from -10 to 20");
    return false;
  }
  if (point.contains("negative") && point.at("negative").contains("bucketCounts")) {
    for (const json& c : point.at("negative").at("bucketCounts")) {
      if (uint64_of(c).value_or(1) != 0) {
        place.report(path + ".negative", "negative durations cannot be latencies");
        return false;
      }
    }
  }
  const auto zero = point.contains("zeroCount") ? uint64_of(point.at("zeroCount"))
                                                : std::optional<std::uint64_t>(0);
  if (!zero) {
    place.report(path + ".zeroCount", "not a count: " + point.at("zeroCount").dump());
    return false;
  }
  double threshold = 0;
  if (point.contains("zeroThreshold")) {
    if (!point.at("zeroThreshold").is_number()) {
      place.report(path + ".zeroThreshold", "not a number");
      return false;
    }
    threshold = point.at("zeroThreshold").get<double>();
  }
  if (*zero > 0 || keep_empty) {
    out.push_back({"", shifted_decimal(shortest(threshold), shift), *zero, ""});
  }
  if (!point.contains("positive")) return true;
  const json& positive = point.at("positive");
  const auto offset =
      positive.contains("offset") ? int64_of(positive.at("offset")) : std::int64_t{0};
  if (!offset) {
    place.report(path + ".positive.offset", "not an integer");
    return false;
  }
  if (!positive.contains("bucketCounts")) return true;
  const json& counts = positive.at("bucketCounts");
  if (!counts.is_array()) {
    place.report(path + ".positive.bucketCounts", "must be an array");
    return false;
  }
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const auto count = uint64_of(counts[k]);
    if (!count) {
      place.report(
          path + ".positive.bucketCounts[" + std::to_string(k) + "]",
          "not a count (a non-negative integer, as a string or a number): " + counts[k].dump());
      return false;
    }
    if (*count == 0) continue;
    const std::int64_t index = *offset + static_cast<std::int64_t>(k);
    const int s = static_cast<int>(*scale);
    const std::int64_t doublings = s <= 0 ? index * (std::int64_t{1} << -s) : index >> s;
    if (doublings < -1000 || doublings > 1000) {
      place.report(path + ".positive.offset",
                   "bucket " + std::to_string(index) + " lies outside the range of durations");
      return false;
    }
    out.push_back({shifted_decimal(exponential_bound(s, index, false), shift),
                   shifted_decimal(exponential_bound(s, index + 1, true), shift), *count,
                   std::to_string(index)});
  }
  return true;
}

// What must stay the same for the counts of two points to be differenced, in the export's own
// terms: the explicitBounds, or an exponential point's zeroThreshold (its scale may fall: the
// finer buckets are then merged, otlp_cumulative.h).
std::string layout_of(const json& point, bool exponential) {
  if (!exponential) {
    return "explicitBounds " +
           (point.contains("explicitBounds") ? point.at("explicitBounds").dump() : "[]");
  }
  const double threshold =
      point.contains("zeroThreshold") ? point.at("zeroThreshold").get<double>() : 0.0;
  return "zeroThreshold " + shortest(threshold);
}

struct Metric {
  const json& node;
  std::string path;
  std::map<std::string, std::string> resource;
};

void read_metric(const Metric& m, const Place& place,
                 std::vector<std::map<std::string, std::string>>& records) {
  const bool exponential = m.node.contains("exponentialHistogram");
  if (!exponential && !m.node.contains("histogram")) return;  // not a histogram
  const std::string kind = exponential ? "exponentialHistogram" : "histogram";
  const json& data = m.node.at(kind);
  const std::string name = m.node.contains("name") && m.node.at("name").is_string()
                               ? m.node.at("name").get<std::string>()
                               : "";
  const std::string unit = m.node.contains("unit") && m.node.at("unit").is_string()
                               ? m.node.at("unit").get<std::string>()
                               : "";
  const auto shift = ms_shift(unit);
  if (!shift) {
    place.report(m.path + ".unit", "metric '" + name + "' has unit '" + unit +
                                       "'; a latency histogram is in s, ms, us or ns");
    return;
  }
  const auto temporality =
      data.contains("aggregationTemporality") ? int64_of(data.at("aggregationTemporality")) : 0;
  if (temporality != 1 && temporality != 2) {
    place.report(m.path + "." + kind + ".aggregationTemporality",
                 "metric '" + name +
                     "' is neither delta (1) nor cumulative (2): its points cannot be read as "
                     "counts over a window");
    return;
  }
  const bool cumulative = temporality == 2;
  if (!data.contains("dataPoints") || !data.at("dataPoints").is_array()) return;
  const json& points = data.at("dataPoints");
  for (std::size_t p = 0; p < points.size(); ++p) {
    const json& point = points[p];
    const std::string path = m.path + "." + kind + ".dataPoints[" + std::to_string(p) + "]";
    const auto start =
        point.contains("startTimeUnixNano") ? uint64_of(point.at("startTimeUnixNano")) : 0;
    const auto time = point.contains("timeUnixNano") ? uint64_of(point.at("timeUnixNano")) : 0;
    if (!start || *start == 0 || !time || *time == 0) {
      place.report(path, std::string("startTimeUnixNano and timeUnixNano must be set (unix "
                                     "nanoseconds, as strings): ") +
                             (cumulative ? "a cumulative point counts from start to time"
                                         : "a delta point's window is [start, time)"));
      continue;
    }
    if (*time < *start) {
      place.report(path + ".timeUnixNano", "lies before startTimeUnixNano");
      continue;
    }
    std::vector<Bucket> buckets;
    const bool ok = exponential
                        ? exponential_buckets(point, path, *shift, cumulative, place, buckets)
                        : explicit_buckets(point, path, *shift, cumulative, place, buckets);
    if (!ok) continue;
    std::map<std::string, std::string> common = m.resource;
    add_attributes(point, "attributes", common);
    std::map<std::string, std::string> bookkeeping;
    bookkeeping[kOtlpTemporality] = cumulative ? "cumulative" : "delta";
    bookkeeping[kOtlpPoint] = path;
    if (cumulative) {
      bookkeeping[kOtlpSeries] = kind + "\n" + name + "\n" + unit + "\n" +
                                 json(common).dump(-1, ' ', false, json::error_handler_t::replace) +
                                 "\n" + std::to_string(*start);
      bookkeeping[kOtlpTime] = std::to_string(*time);
      bookkeeping[kOtlpLayout] = layout_of(point, exponential);
      if (exponential) {
        const auto scale = point.contains("scale") ? int64_of(point.at("scale")) : std::int64_t{0};
        bookkeeping[kOtlpScale] = std::to_string(scale.value_or(0));
      }
    }
    common.merge(bookkeeping);
    common["metric"] = name;
    common["unit"] = unit;
    common["from"] = stamp(*start, false);
    common["to"] = stamp(*time, true);
    for (const Bucket& b : buckets) {
      auto record = common;
      record["above_ms"] = b.above;
      record["at_most_ms"] = b.at_most;
      record["count"] = std::to_string(b.count);
      if (cumulative && exponential) record[kOtlpIndex] = b.index;
      records.push_back(std::move(record));
    }
  }
}

}  // namespace

bool read_otlp(const json& doc, InputTable& table, std::vector<Diagnostic>& problems) {
  const Place place{table, problems};
  if (!doc.is_object() || !doc.contains("resourceMetrics") ||
      !doc.at("resourceMetrics").is_array()) {
    problems.push_back(Diagnostic{table.file, 0, 0,
                                  "not OTLP/JSON metrics (expected {\"resourceMetrics\": [{"
                                  "\"scopeMetrics\": [{\"metrics\": [...]}]}]})"});
    return false;
  }
  std::vector<std::map<std::string, std::string>> records;
  const json& resources = doc.at("resourceMetrics");
  for (std::size_t r = 0; r < resources.size(); ++r) {
    const std::string rpath = "resourceMetrics[" + std::to_string(r) + "]";
    std::map<std::string, std::string> resource;
    if (resources[r].contains("resource")) {
      add_attributes(resources[r].at("resource"), "resource", resource);
    }
    if (!resources[r].contains("scopeMetrics")) continue;
    const json& scopes = resources[r].at("scopeMetrics");
    for (std::size_t s = 0; s < scopes.size(); ++s) {
      const std::string spath = rpath + ".scopeMetrics[" + std::to_string(s) + "]";
      if (!scopes[s].contains("metrics") || !scopes[s].at("metrics").is_array()) continue;
      const json& metrics = scopes[s].at("metrics");
      for (std::size_t k = 0; k < metrics.size(); ++k) {
        read_metric({metrics[k], spath + ".metrics[" + std::to_string(k) + "]", resource}, place,
                    records);
      }
    }
  }
  fill_records(table, records);
  return true;
}

}  // namespace meetlat::sources

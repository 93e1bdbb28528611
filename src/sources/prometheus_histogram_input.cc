#include "sources/prometheus_histogram_input.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "sources/exact_text.h"

namespace meetlat::sources {
namespace {

using nlohmann::json;

struct LeSeries {
  std::string le;  // as written: "0.3", "+Inf"
  double bound = 0;
  std::size_t index = 0;                                     // in data.result, for messages
  std::vector<std::pair<std::string, std::string>> samples;  // (unix time, value) as written
};

struct Group {
  std::map<std::string, std::string> labels;  // metric.<label>, without le
  std::string name;                           // __name__
  std::vector<LeSeries> buckets;
};

std::string group_text(const Group& g) {
  std::string out = g.name + "{";
  bool first = true;
  for (const auto& [key, value] : g.labels) {
    if (key == "metric.__name__") continue;
    out += (first ? "" : ",") + key.substr(7) + "=\"" + value + "\"";
    first = false;
  }
  return out + "}";
}

std::optional<std::int64_t> whole(const std::string& text) {
  double v = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (!std::isfinite(v) || v < 0 || v != std::floor(v) || v > 9e15) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

// Unix seconds as Prometheus writes them (1791180600, 1791180600.5) to nanoseconds.
std::optional<std::uint64_t> unix_nanos(const json& t) {
  std::string text = t.is_string() ? t.get<std::string>() : t.dump();
  const auto dot = text.find('.');
  std::string seconds = text.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (fraction.size() > 9) return std::nullopt;
  fraction.resize(9, '0');
  std::uint64_t s = 0;
  std::uint64_t f = 0;
  if (std::from_chars(seconds.data(), seconds.data() + seconds.size(), s).ec != std::errc() ||
      std::from_chars(fraction.data(), fraction.data() + fraction.size(), f).ec != std::errc()) {
    return std::nullopt;
  }
  return s * 1000000000ull + f;
}

// The groups of `result`; false after a problem.
bool group_series(const json& result, InputTable& table, std::vector<Diagnostic>& problems,
                  std::vector<Group>& groups) {
  std::map<std::map<std::string, std::string>, std::size_t> index;
  for (std::size_t i = 0; i < result.size(); ++i) {
    const json& series = result[i];
    const std::string path = "data.result[" + std::to_string(i) + "]";
    if (!series.contains("metric") || !series.at("metric").is_object() ||
        !series.contains("values") || !series.at("values").is_array()) {
      problems.push_back(
          {table.file, 0, 0, path + ": expected {\"metric\": {...}, \"values\": [...]}"});
      return false;
    }
    std::map<std::string, std::string> labels;
    std::string le;
    for (const auto& item : series.at("metric").items()) {
      const std::string value = item.value().is_string() ? item.value().get<std::string>() : "";
      if (item.key() == "le") {
        le = value;
      } else {
        labels["metric." + item.key()] = value;
      }
    }
    if (le.empty()) {
      problems.push_back({table.file, 0, 0,
                          path + ": a series without the label le: not a histogram bucket series "
                                 "(query the raw <name>_bucket counters)"});
      return false;
    }
    LeSeries bucket{le, 0, i, {}};
    if (le == "+Inf") {
      bucket.bound = INFINITY;
    } else {
      const auto [end, error] = std::from_chars(le.data(), le.data() + le.size(), bucket.bound);
      if (error != std::errc() || end != le.data() + le.size() || !std::isfinite(bucket.bound)) {
        problems.push_back({table.file, 0, 0, path + ".metric.le: not a bound: \"" + le + "\""});
        return false;
      }
    }
    for (const json& sample : series.at("values")) {
      if (!sample.is_array() || sample.size() != 2 || !sample[1].is_string()) {
        problems.push_back(
            {table.file, 0, 0, path + ".values: a sample is [unix time, \"value\"]"});
        return false;
      }
      bucket.samples.emplace_back(
          sample[0].is_string() ? sample[0].get<std::string>() : sample[0].dump(),
          sample[1].get<std::string>());
    }
    const auto [it, added] = index.emplace(labels, groups.size());
    if (added) {
      Group g;
      g.labels = labels;
      g.name = labels.count("metric.__name__") != 0 ? labels.at("metric.__name__") : "";
      groups.push_back(std::move(g));
    }
    groups[it->second].buckets.push_back(std::move(bucket));
  }
  return true;
}

// 10^shift from the metric name's unit to milliseconds.
std::optional<int> ms_shift(const std::string& name) {
  const auto ends = [&name](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends("_seconds_bucket")) return 3;
  if (ends("_milliseconds_bucket")) return 0;
  return std::nullopt;
}

void read_group(Group& g, InputTable& table, std::vector<Diagnostic>& problems,
                std::vector<std::map<std::string, std::string>>& records) {
  const std::string what = group_text(g);
  const auto shift = ms_shift(g.name);
  if (!shift) {
    problems.push_back({table.file, 0, 0,
                        what + ": the metric name must end in _seconds_bucket or "
                               "_milliseconds_bucket, so that the unit of le is known"});
    return;
  }
  std::sort(g.buckets.begin(), g.buckets.end(),
            [](const LeSeries& a, const LeSeries& b) { return a.bound < b.bound; });
  if (g.buckets.empty() || !std::isinf(g.buckets.back().bound)) {
    problems.push_back({table.file, 0, 0, what + ": no le=\"+Inf\" series (the total count)"});
    return;
  }
  for (const LeSeries& b : g.buckets) {
    if (b.samples.size() != g.buckets.front().samples.size()) {
      problems.push_back({table.file, 0, 0,
                          "data.result[" + std::to_string(b.index) + "]: " + what + " le=\"" +
                              b.le + "\" has " + std::to_string(b.samples.size()) +
                              " samples, le=\"" + g.buckets.front().le + "\" " +
                              std::to_string(g.buckets.front().samples.size()) +
                              ": every le needs the same sample times"});
      return;
    }
  }
  const std::size_t times = g.buckets.front().samples.size();
  for (std::size_t t = 1; t < times; ++t) {
    const auto t0 = unix_nanos(json(g.buckets.front().samples[t - 1].first));
    const auto t1 = unix_nanos(json(g.buckets.front().samples[t].first));
    const std::string window = "between " + g.buckets.front().samples[t - 1].first + " and " +
                               g.buckets.front().samples[t].first;
    if (!t0 || !t1 || !(*t0 < *t1)) {
      problems.push_back(
          {table.file, 0, 0, what + ": sample times must increase (" + window + ")"});
      return;
    }
    std::vector<std::int64_t> increase;
    bool ok = true;
    for (const LeSeries& b : g.buckets) {
      const auto v0 = whole(b.samples[t - 1].second);
      const auto v1 = whole(b.samples[t].second);
      if (b.samples[t].first != g.buckets.front().samples[t].first || !v0 || !v1) {
        problems.push_back({table.file, 0, 0,
                            "data.result[" + std::to_string(b.index) + "].values[" +
                                std::to_string(t) + "]: " + what + " le=\"" + b.le +
                                "\": expected a whole count at the same time as the other le"});
        return;
      }
      if (*v1 < *v0) {
        problems.push_back({table.file, 0, 0,
                            "data.result[" + std::to_string(b.index) + "].values[" +
                                std::to_string(t) + "]: " + what + " le=\"" + b.le +
                                "\" fell from " + b.samples[t - 1].second + " to " +
                                b.samples[t].second + " " + window +
                                ": the counter was reset, so the window's count is unknown"});
        ok = false;
        break;
      }
      increase.push_back(*v1 - *v0);
    }
    if (!ok) continue;
    std::string above;
    for (std::size_t i = 0; i < increase.size(); ++i) {
      const std::int64_t count = increase[i] - (i == 0 ? 0 : increase[i - 1]);
      if (count < 0) {
        problems.push_back({table.file, 0, 0,
                            what + ": le=\"" + g.buckets[i].le + "\" grew less than le=\"" +
                                g.buckets[i - 1].le + "\" " + window +
                                ": bucket counters must be cumulative over le"});
        break;
      }
      const std::string at_most =
          std::isinf(g.buckets[i].bound) ? "" : shifted_decimal(g.buckets[i].le, *shift);
      if (count > 0) {
        auto record = g.labels;
        record["from"] = stamp(*t0, false);
        record["to"] = stamp(*t1, true);
        record["above_ms"] = above;
        record["at_most_ms"] = at_most;
        record["count"] = std::to_string(count);
        records.push_back(std::move(record));
      }
      above = at_most;
    }
  }
}

}  // namespace

bool read_prometheus_histograms(const json& doc, InputTable& table,
                                std::vector<Diagnostic>& problems) {
  const json* result = nullptr;
  if (doc.is_object() && doc.contains("data") && doc.at("data").is_object() &&
      doc.at("data").contains("result") && doc.at("data").contains("resultType") &&
      doc.at("data").at("resultType") == "matrix") {
    result = &doc.at("data").at("result");
  }
  if (result == nullptr || !result->is_array()) {
    problems.push_back({table.file, 0, 0,
                        "not the JSON of a Prometheus query_range response with a matrix of "
                        "<name>_bucket series (expected {\"status\":\"success\",\"data\":{"
                        "\"resultType\":\"matrix\",\"result\":[...]}})"});
    return false;
  }
  std::vector<Group> groups;
  if (!group_series(*result, table, problems, groups)) return false;
  std::vector<std::map<std::string, std::string>> records;
  for (Group& g : groups) read_group(g, table, problems, records);
  fill_records(table, records);
  return true;
}

}  // namespace meetlat::sources

#include "sources/json_input.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "sources/otlp_input.h"
#include "sources/prometheus_histogram_input.h"

namespace meetlat::sources {
namespace {

using nlohmann::json;

std::string scalar_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

void flatten(const json& value, const std::string& prefix,
             std::map<std::string, std::string>& out) {
  if (value.is_object()) {
    for (const auto& item : value.items()) {
      flatten(item.value(), prefix.empty() ? item.key() : prefix + "." + item.key(), out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten(value[i], prefix.empty() ? std::to_string(i) : prefix + "." + std::to_string(i), out);
    }
  } else {
    out[prefix] = scalar_text(value);
  }
}

// The node at a dotted path of object keys, or nullptr.
const json* at_path(const json& root, std::string_view path) {
  const json* node = &root;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    const std::string key(path.substr(0, dot));
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node;
}

bool read_prometheus(const json& doc, InputTable& table, std::vector<Diagnostic>& problems) {
  const json* result = at_path(doc, "data.result");
  const json* type = at_path(doc, "data.resultType");
  if (result == nullptr || !result->is_array() || type == nullptr || !type->is_string()) {
    problems.push_back(Diagnostic{table.file, 0, 0,
                                  "not the JSON of a Prometheus query_range response (expected "
                                  "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                                  "\"result\":[...]}})"});
    return false;
  }
  if (type->get<std::string>() != "matrix") {
    problems.push_back(Diagnostic{table.file, 0, 0,
                                  "data.resultType is '" + type->get<std::string>() +
                                      "': the profile reads a range query's matrix "
                                      "(/api/v1/query_range), not an instant query"});
    return false;
  }
  std::vector<std::map<std::string, std::string>> records;
  std::vector<std::uint32_t> numbers;
  for (const json& series : *result) {
    std::map<std::string, std::string> labels;
    if (series.contains("metric")) flatten(series.at("metric"), "metric", labels);
    if (!series.contains("values") || !series.at("values").is_array()) continue;
    for (const json& sample : series.at("values")) {
      auto record = labels;
      if (sample.is_array() && sample.size() == 2) {
        record["timestamp"] = scalar_text(sample[0]);
        record["value"] = scalar_text(sample[1]);
      }
      records.push_back(std::move(record));
      numbers.push_back(static_cast<std::uint32_t>(records.size()));
    }
  }
  fill_records(table, records, numbers);
  return true;
}

void read_records(const json& doc, const Input& input, InputTable& table,
                  std::vector<Diagnostic>& problems) {
  const json* array = input.records.empty() ? &doc : at_path(doc, input.records);
  if (array == nullptr || !array->is_array()) {
    problems.push_back(Diagnostic{table.file, 0, 0,
                                  input.records.empty()
                                      ? std::string("expected a JSON array of records")
                                      : "expected an array of records at '" + input.records + "'"});
    return;
  }
  std::vector<std::map<std::string, std::string>> records;
  std::vector<std::uint32_t> numbers;
  std::uint32_t number = 0;
  for (const json& record : *array) {
    ++number;
    const json* inner = input.explode.empty() ? nullptr : at_path(record, input.explode);
    if (inner == nullptr || !inner->is_array()) {
      std::map<std::string, std::string> flat;
      flatten(record, "", flat);
      records.push_back(std::move(flat));
      numbers.push_back(number);
      continue;
    }
    for (const json& item : *inner) {
      std::map<std::string, std::string> flat;
      flatten(record, "", flat);
      std::erase_if(flat, [&input](const auto& cell) {
        return cell.first.rfind(input.explode + ".", 0) == 0;
      });
      flatten(item, input.explode, flat);
      records.push_back(std::move(flat));
      numbers.push_back(number);
    }
  }
  fill_records(table, records, numbers);
}

}  // namespace

InputTable read_json_input(std::string_view bytes, std::string_view file, const Input& input,
                           std::vector<Diagnostic>& problems) {
  InputTable table;
  table.file = std::string(file);
  table.json = true;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  json doc;
  try {
    doc = json::parse(bytes);
  } catch (const json::exception& e) {  // a syntax error, or a number beyond a double (406)
    problems.push_back(Diagnostic{table.file, 0, 0,
                                  "not JSON (" + std::string(e.what()) + "): input '" + input.name +
                                      "' of the profile expects JSON"});
    return table;
  }
  if (input.format == InputFormat::kPrometheus) {
    read_prometheus(doc, table, problems);
  } else if (input.format == InputFormat::kOtlp) {
    read_otlp(doc, table, problems);
  } else if (input.format == InputFormat::kPrometheusHistogram) {
    read_prometheus_histograms(doc, table, problems);
  } else {
    read_records(doc, input, table, problems);
  }
  return table;
}

}  // namespace meetlat::sources

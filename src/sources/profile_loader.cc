#include "sources/profile_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "contract/yaml_reader.h"
#include "evidence/schema.h"
#include "sources/stamp_format.h"
#include "text/did_you_mean.h"

namespace meetlat::sources {
namespace {

using contract::detail::MapReader;
using contract::detail::YamlReader;

ProfileMark mark_of(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.is_null() || m.line < 0) return {};
  return ProfileMark{m.line + 1, m.column + 1};
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::optional<std::map<std::string, std::string>> read_value_map(YamlReader& reader,
                                                                 const YAML::Node& node,
                                                                 const std::string& what) {
  if (!node.IsMap()) {
    reader.error(node, what + " must be a map of values (source value: evidence value)");
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  for (const auto& kv : node) {
    const auto from = reader.string(kv.first, what);
    const auto to = reader.string(kv.second, what);
    if (from && to) out[*from] = *to;
  }
  return out;
}

std::vector<Filter> read_filters(YamlReader& reader, const YAML::Node& node,
                                 const std::string& what) {
  std::vector<Filter> out;
  if (!node.IsSequence()) {
    reader.error(node, what + " must be a list of conditions ({column: C, in: [values]})");
    return out;
  }
  for (const auto& item : node) {
    MapReader map(reader, item, what, {"column", "in", "not_in"});
    if (!map.is_map()) continue;
    Filter filter;
    filter.mark = mark_of(item);
    if (auto column = map.string("column", true)) filter.column = *column;
    const bool has_in = map.has("in");
    const bool has_not_in = map.has("not_in");
    if (has_in == has_not_in) {
      reader.error(item, what + ": give exactly one of 'in' and 'not_in'");
      continue;
    }
    filter.negate = has_not_in;
    if (auto values = map.strings(has_in ? "in" : "not_in", true)) filter.values = *values;
    out.push_back(std::move(filter));
  }
  return out;
}

std::optional<Input> read_input(YamlReader& reader, const std::string& name,
                                const YAML::Node& node) {
  const std::string what = "input " + quoted(name);
  MapReader map(reader, node, what,
                {"match", "format", "separator", "encoding", "records", "explode"});
  if (!map.is_map()) return std::nullopt;
  Input input;
  input.name = name;
  if (auto match = map.strings("match", true)) input.match = *match;
  if (auto format = map.string("format", false)) {
    if (*format == "csv") {
      input.format = InputFormat::kCsv;
    } else if (*format == "json") {
      input.format = InputFormat::kJson;
    } else if (*format == "prometheus") {
      input.format = InputFormat::kPrometheus;
    } else if (*format == "otlp") {
      input.format = InputFormat::kOtlp;
    } else if (*format == "prometheus_histogram") {
      input.format = InputFormat::kPrometheusHistogram;
    } else {
      reader.error(*map.find("format"), what +
                                            ": format must be csv, json, prometheus, "
                                            "prometheus_histogram or otlp, not " +
                                            quoted(*format));
    }
  }
  if (auto separator = map.string("separator", false)) {
    if (*separator == "\\t" || *separator == "tab") {
      input.separator = '\t';
    } else if (separator->size() == 1) {
      input.separator = (*separator)[0];
    } else {
      reader.error(*map.find("separator"),
                   what + ": separator must be one character (or tab), not " + quoted(*separator));
    }
  }
  if (auto encoding = map.string("encoding", false)) {
    if (*encoding == "utf-8") {
      input.encoding = Encoding::kUtf8;
    } else if (*encoding == "windows-1252") {
      input.encoding = Encoding::kWindows1252;
    } else {
      reader.error(*map.find("encoding"),
                   what + ": encoding must be utf-8 or windows-1252, not " + quoted(*encoding));
    }
  }
  if (auto records = map.string("records", false)) input.records = *records;
  if (auto explode = map.string("explode", false)) input.explode = *explode;
  return input;
}

std::optional<Lookup> read_lookup(YamlReader& reader, const YAML::Node& node,
                                  const std::string& what) {
  MapReader map(reader, node, what, {"input", "key", "match", "column", "where", "pick"});
  if (!map.is_map()) return std::nullopt;
  Lookup lookup;
  if (auto v = map.string("input", true)) lookup.input = *v;
  if (auto v = map.string("key", true)) lookup.key = *v;
  if (auto v = map.string("match", true)) lookup.match = *v;
  if (auto v = map.string("column", true)) lookup.column = *v;
  if (auto where = map.find("where")) lookup.where = read_filters(reader, *where, what + ": where");
  if (auto pick = map.string("pick", false)) {
    if (*pick == "earliest") {
      lookup.earliest = true;
    } else if (*pick != "first") {
      reader.error(*map.find("pick"), what + ": pick must be first or earliest");
    }
  }
  return lookup;
}

void check_format(YamlReader& reader, const YAML::Node& node, const std::string& what,
                  const std::string& format) {
  const auto checked = check_stamp_format(format);
  if (const auto* error = std::get_if<StampError>(&checked)) {
    reader.error(node, what + ": " + error->message);
  }
}

std::optional<ColumnRule> read_column(YamlReader& reader, const std::string& target,
                                      const YAML::Node& node, const std::string& file) {
  const std::string what = file + " column " + quoted(target);
  ColumnRule rule;
  rule.target = target;
  rule.mark = mark_of(node);
  if (node.IsScalar()) {
    rule.column = node.Scalar();
    return rule;
  }
  MapReader map(reader, node, what, {"column", "value", "lookup", "format", "map"});
  if (!map.is_map()) return std::nullopt;
  const int sources = static_cast<int>(map.has("column")) + static_cast<int>(map.has("value")) +
                      static_cast<int>(map.has("lookup"));
  if (sources != 1) {
    reader.error(node, what + ": give exactly one of 'column', 'value' and 'lookup'");
    return std::nullopt;
  }
  if (auto v = map.string("column", false)) rule.column = *v;
  if (auto v = map.string("value", false)) rule.constant = *v;
  if (auto n = map.find("lookup")) rule.lookup = read_lookup(reader, *n, what + ": lookup");
  if (auto v = map.string("format", false)) {
    rule.format = *v;
    check_format(reader, *map.find("format"), what, *v);
  }
  if (auto n = map.find("map")) {
    if (auto m = read_value_map(reader, *n, what + ": map")) rule.map = *m;
  }
  return rule;
}

std::optional<Intervals> read_intervals(YamlReader& reader, const YAML::Node& node,
                                        const std::string& what) {
  MapReader map(reader, node, what, {"group", "at", "state", "states"});
  if (!map.is_map()) return std::nullopt;
  Intervals intervals;
  intervals.mark = mark_of(node);
  if (auto v = map.string("group", true)) intervals.group = *v;
  if (auto v = map.string("at", true)) intervals.at = *v;
  if (auto v = map.string("state", true)) intervals.state = *v;
  if (auto n = map.require("states")) {
    if (auto m = read_value_map(reader, *n, what + ": states")) {
      intervals.states = *m;
      for (const auto& kv : *n) {
        if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
        const std::string& state = kv.second.Scalar();
        if (state != "up" && state != "down" && state != "planned") {
          reader.error(kv.second, what + ": states: " + quoted(kv.first.Scalar()) +
                                      " must map to up, down or planned, not " + quoted(state));
        }
      }
    }
  }
  return intervals;
}

void check_mapping(YamlReader& reader, const YAML::Node& node, const EvidenceMapping& mapping,
                   const evidence::FileSchema& schema) {
  std::set<std::string, std::less<>> mapped;
  for (const ColumnRule& rule : mapping.columns) mapped.insert(rule.target);
  if (mapping.intervals) {
    if (schema.kind != "outages") {
      reader.error(node, "evidence " + quoted(mapping.file) +
                             ": intervals can only write outages (id, start, end, planned)");
    }
    for (std::string_view c : {"id", "start", "end", "planned"}) mapped.emplace(c);
  }
  for (const evidence::ColumnSchema& column : schema.columns) {
    if (column.required && mapped.count(column.name) == 0) {
      reader.error(node, "evidence " + quoted(mapping.file) + ": required column " +
                             quoted(column.name) + " is not mapped");
    }
  }
}

std::optional<EvidenceMapping> read_mapping(YamlReader& reader, const YAML::Node& node) {
  MapReader map(reader, node, "evidence",
                {"file", "from", "zone", "format", "where", "intervals", "columns"});
  if (!map.is_map()) return std::nullopt;
  EvidenceMapping mapping;
  mapping.mark = mark_of(node);
  if (auto v = map.string("file", true)) mapping.file = *v;
  const evidence::FileSchema* schema = evidence::find_schema(mapping.file);
  if (!mapping.file.empty() && schema == nullptr) {
    std::vector<std::string_view> kinds;
    for (const auto& s : evidence::all_schemas()) kinds.push_back(s.kind);
    const auto guess = text::did_you_mean(mapping.file, kinds);
    reader.error(*map.find("file"), "unknown evidence file " + quoted(mapping.file) +
                                        (guess ? "; did you mean " + quoted(*guess) + "?" : ""));
  }
  if (auto v = map.string("from", true)) mapping.input = *v;
  if (auto v = map.string("zone", false)) {
    if (*v == "utc") {
      mapping.zone = NaiveZone::kUtc;
    } else if (*v != "local") {
      reader.error(*map.find("zone"), "evidence " + quoted(mapping.file) +
                                          ": zone must be local (the contract's) or utc, not " +
                                          quoted(*v));
    }
  }
  if (auto v = map.string("format", false)) {
    mapping.format = *v;
    check_format(reader, *map.find("format"), "evidence " + quoted(mapping.file), *v);
  }
  const std::string what = "evidence " + quoted(mapping.file);
  if (auto n = map.find("where")) mapping.where = read_filters(reader, *n, what + ": where");
  if (auto n = map.find("intervals")) {
    mapping.intervals = read_intervals(reader, *n, what + ": intervals");
  }
  if (auto n = map.require("columns")) {
    if (!n->IsMap()) {
      reader.error(*n, what + ": columns must be a map (evidence column: source)");
    } else {
      for (const auto& kv : *n) {
        const auto target = reader.string(kv.first, what + " column");
        if (!target) continue;
        if (schema != nullptr && schema->column_index(*target) < 0) {
          std::vector<std::string_view> names;
          for (const auto& c : schema->columns) names.push_back(c.name);
          const auto guess = text::did_you_mean(*target, names);
          std::string known;
          for (std::string_view name : names)
            known += (known.empty() ? "" : ", ") + std::string(name);
          reader.error(kv.first, what + ": no column " + quoted(*target) + " in " +
                                     std::string(schema->file_name) +
                                     (guess ? "; did you mean " + quoted(*guess) + "?"
                                            : " (its columns: " + known + ")"));
          continue;
        }
        if (auto rule = read_column(reader, *target, kv.second, mapping.file)) {
          mapping.columns.push_back(std::move(*rule));
        }
      }
    }
  }
  if (schema != nullptr) check_mapping(reader, node, mapping, *schema);
  return mapping;
}

}  // namespace

const Input* Profile::find_input(const std::string& input_name) const {
  for (const Input& input : inputs) {
    if (input.name == input_name) return &input;
  }
  return nullptr;
}

ProfileLoad load_profile(std::string_view yaml_text, std::string_view file_name) {
  ProfileLoad out;
  std::vector<Diagnostic> warnings;
  YamlReader reader(file_name, out.diagnostics, warnings);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    const bool known = e.mark.line >= 0 && !e.mark.is_null();
    out.diagnostics.push_back(Diagnostic{std::string(file_name), known ? e.mark.line + 1 : 0,
                                         known ? e.mark.column + 1 : 0,
                                         "not valid YAML: " + e.msg});
    return out;
  }
  reader.report_duplicate_keys(root);
  MapReader top(reader, root, "profile", {"profile", "description", "inputs", "evidence"});
  if (!top.is_map()) return out;
  Profile profile;
  profile.file_name = std::string(file_name);
  if (auto v = top.string("profile", true)) profile.name = *v;
  if (auto v = top.string("description", false)) profile.description = *v;
  if (auto n = top.require("inputs")) {
    if (!n->IsMap()) {
      reader.error(*n, "inputs must be a map (input name: how it is read)");
    } else {
      for (const auto& kv : *n) {
        const auto name = reader.string(kv.first, "input name");
        if (!name) continue;
        if (auto input = read_input(reader, *name, kv.second)) {
          profile.inputs.push_back(std::move(*input));
        }
      }
    }
  }
  if (auto n = top.require("evidence")) {
    if (!n->IsSequence()) {
      reader.error(*n, "evidence must be a list of evidence files ({file: tickets, ...})");
    } else {
      for (const auto& item : *n) {
        if (auto mapping = read_mapping(reader, item)) {
          for (const ColumnRule& rule : mapping->columns) {
            if (rule.lookup && profile.find_input(rule.lookup->input) == nullptr) {
              reader.error(item, "evidence " + quoted(mapping->file) + " column " +
                                     quoted(rule.target) + ": lookup input " +
                                     quoted(rule.lookup->input) +
                                     " is not an input of the profile");
            }
          }
          if (!mapping->input.empty() && profile.find_input(mapping->input) == nullptr) {
            reader.error(item, "evidence " + quoted(mapping->file) + ": from " +
                                   quoted(mapping->input) + " is not an input of the profile");
          }
          for (const EvidenceMapping& earlier : profile.evidence) {
            if (earlier.file == mapping->file) {
              reader.error(item, "evidence " + quoted(mapping->file) +
                                     " is written twice (first at line " +
                                     std::to_string(earlier.mark.line) + ")");
            }
          }
          profile.evidence.push_back(std::move(*mapping));
        }
      }
    }
  }
  contract::sort_diagnostics(out.diagnostics);
  if (out.diagnostics.empty()) out.profile = std::move(profile);
  return out;
}

}  // namespace meetlat::sources

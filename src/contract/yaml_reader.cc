#include "contract/yaml_reader.h"

#include <charconv>
#include <map>

#include "text/did_you_mean.h"
#include "time/parse.h"
#include "time/supported_years.h"

namespace meetlat::contract::detail {
namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

}  // namespace

std::string peek_scalar(const YAML::Node& map, std::string_view key, std::string fallback) {
  if (!map.IsMap()) return fallback;
  for (const auto& kv : map) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key && kv.second.IsScalar()) {
      return kv.second.Scalar();
    }
  }
  return fallback;
}

Diagnostic YamlReader::at(const YAML::Mark& mark, std::string message) const {
  const bool known = mark.line >= 0 && !mark.is_null();
  return Diagnostic{file_, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0,
                    std::move(message)};
}

void YamlReader::error(const YAML::Mark& mark, std::string message) {
  out_.push_back(at(mark, std::move(message)));
}

void YamlReader::warning(const YAML::Node& node, std::string message) {
  warnings_.push_back(at(node.Mark(), std::move(message)));
}

void YamlReader::report_duplicate_keys(const YAML::Node& root) {
  if (root.IsMap()) {
    std::map<std::string, YAML::Mark> seen;
    for (const auto& kv : root) {
      if (!kv.first.IsScalar()) continue;
      const auto [it, inserted] = seen.emplace(kv.first.Scalar(), kv.first.Mark());
      if (!inserted) {
        error(kv.first, "duplicate key " + quoted(kv.first.Scalar()) + " (first at line " +
                            std::to_string(it->second.line + 1) + ")");
      }
      report_duplicate_keys(kv.second);
    }
  } else if (root.IsSequence()) {
    for (const auto& item : root) report_duplicate_keys(item);
  }
}

std::optional<std::string> YamlReader::string(const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    error(n, std::string(what) + " must be a single value (text)");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<int> YamlReader::integer(const YAML::Node& n, std::string_view what, int min,
                                       int max) {
  if (!n.IsScalar()) {
    error(n, std::string(what) + " must be a whole number");
    return std::nullopt;
  }
  const std::string& s = n.Scalar();
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || s.empty()) {
    error(n, std::string(what) + " must be a whole number, not " + quoted(s));
    return std::nullopt;
  }
  if (v < min || v > max) {
    error(n, std::string(what) + " must lie between " + std::to_string(min) + " and " +
                 std::to_string(max) + ", not " + s);
    return std::nullopt;
  }
  return v;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& n, std::string_view what) {
  if (n.IsScalar() && (n.Scalar() == "true" || n.Scalar() == "false")) {
    return n.Scalar() == "true";
  }
  error(n, std::string(what) + " must be true or false");
  return std::nullopt;
}

std::optional<time::Date> YamlReader::date(const YAML::Node& n, std::string_view what) {
  std::optional<std::string> s = string(n, what);
  if (!s) return std::nullopt;
  time::ParseError pe;
  std::optional<time::Date> d = time::parse_date(*s, &pe);
  if (!d || s->size() != 10) {
    error(n, std::string(what) + " must be a date YYYY-MM-DD, not " + quoted(*s));
    return std::nullopt;
  }
  if (!time::is_supported(*d)) {
    error(n, std::string(what) + ": " + *s + " lies outside the supported years " +
                 std::string(time::kSupportedYears));
    return std::nullopt;
  }
  return d;
}

std::optional<Text> YamlReader::text(const YAML::Node& n, std::string_view what) {
  MapReader map(*this, n, std::string(what), {"nl", "en"});
  if (!map.is_map()) return std::nullopt;
  std::optional<std::string> nl = map.string("nl", true);
  std::optional<std::string> en = map.string("en", true);
  if (!nl || !en) return std::nullopt;
  return Text{*nl, *en};
}

std::optional<std::vector<std::string>> YamlReader::strings(const YAML::Node& n,
                                                            std::string_view what) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
    return out;
  }
  if (!n.IsSequence()) {
    error(n, std::string(what) + " must be a list of values");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& item : n) {
    std::optional<std::string> s = string(item, what);
    if (s) {
      out.push_back(*s);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

MapReader::MapReader(YamlReader& reader, const YAML::Node& node, std::string what,
                     std::initializer_list<std::string_view> known)
    : reader_(reader), node_(node), what_(std::move(what)), is_map_(node.IsMap()) {
  if (!is_map_) {
    reader_.error(node_, what_ + " must be a map of keys and values");
    return;
  }
  const std::vector<std::string_view> candidates(known);
  for (const auto& kv : node_) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
    if (std::find(candidates.begin(), candidates.end(), key) != candidates.end()) continue;
    const std::optional<std::string> guess = ::meetlat::text::did_you_mean(key, candidates);
    reader_.error(kv.first, "unknown key " + quoted(key) + " in " + what_ +
                                (guess ? "; did you mean " + quoted(*guess) + "?"
                                       : " (known keys: " + join(known) + ")"));
  }
}

std::optional<YAML::Node> MapReader::find(std::string_view key) const {
  if (!is_map_) return std::nullopt;
  for (const auto& kv : node_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key)
      return std::optional<YAML::Node>(kv.second);
  }
  return std::nullopt;
}

std::optional<YAML::Node> MapReader::require(std::string_view key) const {
  std::optional<YAML::Node> n = find(key);
  if (!n && is_map_) reader_.error(node_, what_ + ": missing key " + quoted(key));
  return n;
}

std::string MapReader::label(std::string_view key) const { return what_ + ": " + std::string(key); }

std::optional<std::string> MapReader::string(std::string_view key, bool required) const {
  const std::optional<YAML::Node> n = required ? require(key) : find(key);
  return n ? reader_.string(*n, label(key)) : std::nullopt;
}

std::optional<int> MapReader::integer(std::string_view key, bool required, int min, int max) const {
  const std::optional<YAML::Node> n = required ? require(key) : find(key);
  return n ? reader_.integer(*n, label(key), min, max) : std::nullopt;
}

std::optional<bool> MapReader::boolean(std::string_view key) const {
  const std::optional<YAML::Node> n = find(key);
  return n ? reader_.boolean(*n, label(key)) : std::nullopt;
}

std::optional<time::Date> MapReader::date(std::string_view key, bool required) const {
  const std::optional<YAML::Node> n = required ? require(key) : find(key);
  return n ? reader_.date(*n, label(key)) : std::nullopt;
}

std::optional<Text> MapReader::text(std::string_view key, bool required) const {
  const std::optional<YAML::Node> n = required ? require(key) : find(key);
  return n ? reader_.text(*n, label(key)) : std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::strings(std::string_view key,
                                                           bool required) const {
  const std::optional<YAML::Node> n = required ? require(key) : find(key);
  return n ? reader_.strings(*n, label(key)) : std::nullopt;
}

}  // namespace meetlat::contract::detail

// Checked access to a parsed YAML document, for the contract loader only (internal header).
//
// Every problem becomes a Diagnostic at the node's 1-based line and column; nothing throws on bad
// input. yaml-cpp pitfalls handled here once: keys are looked up by walking the map (never
// operator[], which may insert), a Node is never assigned to (Node::operator= writes through to
// the document), and duplicate keys, which yaml-cpp 0.7 accepts silently, are reported by
// report_duplicate_keys.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "contract/diagnostic.h"
#include "contract/model.h"
#include "time/instant.h"

namespace meetlat::contract::detail {

class YamlReader {
 public:
  YamlReader(std::string_view file_name, std::vector<Diagnostic>& out,
             std::vector<Diagnostic>& warnings)
      : file_(file_name), out_(out), warnings_(warnings) {}

  void error(const YAML::Mark& mark, std::string message);
  void error(const YAML::Node& node, std::string message) {
    error(node.Mark(), std::move(message));
  }
  std::size_t error_count() const { return out_.size(); }
  // Something legal but probably unintended (a ladder step without a deadline).
  void warning(const YAML::Node& node, std::string message);

  // Reports every key that appears twice in one map, anywhere under `root`.
  void report_duplicate_keys(const YAML::Node& root);

  // Typed scalars; each reports a wrong type at the node and returns nullopt.
  std::optional<std::string> string(const YAML::Node& n, std::string_view what);
  std::optional<int> integer(const YAML::Node& n, std::string_view what, int min, int max);
  std::optional<bool> boolean(const YAML::Node& n, std::string_view what);
  std::optional<time::Date> date(const YAML::Node& n, std::string_view what);
  std::optional<Text> text(const YAML::Node& n, std::string_view what);
  // A sequence of strings; a single scalar is read as a list of one.
  std::optional<std::vector<std::string>> strings(const YAML::Node& n, std::string_view what);

 private:
  Diagnostic at(const YAML::Mark& mark, std::string message) const;

  std::string file_;
  std::vector<Diagnostic>& out_;
  std::vector<Diagnostic>& warnings_;
};

// The scalar value of `key` in `map`, or `fallback` (for naming a block before reading it).
std::string peek_scalar(const YAML::Node& map, std::string_view key, std::string fallback);

// A YAML map whose keys were checked against the known ones when it was opened: unknown keys are
// reported with a did-you-mean. `what` names the map in messages ("objective P1").
class MapReader {
 public:
  MapReader(YamlReader& reader, const YAML::Node& node, std::string what,
            std::initializer_list<std::string_view> known);

  bool is_map() const { return is_map_; }
  const YAML::Node& node() const { return node_; }
  const std::string& what() const { return what_; }
  YamlReader& reader() const { return reader_; }

  // The value of `key`, when present.
  std::optional<YAML::Node> find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key).has_value(); }
  // The value of `key`; reports "missing key" at the map when absent.
  std::optional<YAML::Node> require(std::string_view key) const;

  std::optional<std::string> string(std::string_view key, bool required) const;
  std::optional<int> integer(std::string_view key, bool required, int min, int max) const;
  std::optional<bool> boolean(std::string_view key) const;  // optional key
  std::optional<time::Date> date(std::string_view key, bool required) const;
  std::optional<Text> text(std::string_view key, bool required) const;
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required) const;

 private:
  std::string label(std::string_view key) const;

  YamlReader& reader_;
  YAML::Node node_;
  std::string what_;
  bool is_map_ = false;
};

}  // namespace meetlat::contract::detail

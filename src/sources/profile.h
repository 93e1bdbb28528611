// A profile: how the exports of one tool (TOPdesk, ServiceNow, an uptime monitor, Prometheus)
// become meetlat's evidence files (docs/sources.md describes every key). A profile is data: it is
// read from YAML (profile_loader.h) and applied by convert.h; nothing in it is code.
//
// A profile names its inputs (the files a tool exports, recognised by their file names) and, per
// evidence file it writes, where each of that file's columns comes from: a column of the input,
// with a time format, the zone of stamps without offset and a map of values; a constant; or a
// value looked up in another input, joined on a key. Rows can be filtered, and a sequence of
// status samples can be turned into intervals (the outages of an uptime monitor).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meetlat::sources {

// Where a position in the profile's YAML is, for messages about a value found in a row.
struct ProfileMark {
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
};

enum class InputFormat {
  kCsv,         // text with a header row and a separator
  kJson,        // a JSON array of records (or one at `records`), nested keys joined by dots
  kPrometheus,  // the JSON of Prometheus' /api/v1/query_range (resultType matrix)
  kOtlp,        // OpenTelemetry metrics in OTLP/JSON: histogram buckets (otlp_input.h)
  kPrometheusHistogram,  // query_range JSON of <name>_bucket counters
                         // (prometheus_histogram_input.h)
};

enum class Encoding { kUtf8, kWindows1252 };

// One kind of file a tool exports.
struct Input {
  std::string name;                // "incidents", the key in the profile
  std::vector<std::string> match;  // file-name patterns (`*` any text, `?` one character)
  InputFormat format = InputFormat::kCsv;
  char separator = ',';  // CSV only
  Encoding encoding = Encoding::kUtf8;
  std::string records;  // JSON only: the dotted path of the array of records
  std::string explode;  // JSON only: a nested array whose items become the rows
};

// The zone of a time stamp written without offset.
enum class NaiveZone {
  kLocal,  // wall-clock time in the contract's zone (written without offset)
  kUtc,    // UTC (written with Z)
};

// A condition on a row: the cell of `column` is one of `in` (or, with `not_in`, none of them).
struct Filter {
  std::string column;
  std::vector<std::string> values;
  bool negate = false;
  ProfileMark mark;
};

// A value taken from another input: the rows of `input` whose `match` column equals this row's
// `key` cell (and that pass `where`); of them the cell of `column`, the earliest time stamp when
// `pick` is earliest, else the first in file order.
struct Lookup {
  std::string input;
  std::string key;
  std::string match;
  std::string column;
  std::vector<Filter> where;
  bool earliest = false;
};

// Where one column of an evidence file comes from. Exactly one of `column`, `constant` and
// `lookup` is set.
struct ColumnRule {
  std::string target;  // the evidence column ("created_at")
  std::optional<std::string> column;
  std::optional<std::string> constant;
  std::optional<Lookup> lookup;
  // Time stamps: how the cell is written (docs/sources.md, "Time formats"); empty: as meetlat
  // reads it (ISO 8601).
  std::string format;
  // Values: a source value to its evidence value; a value not in a non-empty map is an error.
  std::map<std::string, std::string> map;
  ProfileMark mark;
};

// Status samples turned into intervals: the rows of each `group` in time order; a run of samples
// whose state maps to down (or planned) becomes one interval from its first sample to the next
// sample in another state (open when none follows).
struct Intervals {
  std::string group;                          // column naming what the samples are of (a monitor)
  std::string at;                             // column of the sample's time
  std::string state;                          // column of the sample's state
  std::map<std::string, std::string> states;  // value -> up, down or planned
  ProfileMark mark;
};

// One evidence file the profile writes.
struct EvidenceMapping {
  std::string file;   // evidence kind ("tickets")
  std::string input;  // the input its rows come from
  NaiveZone zone = NaiveZone::kLocal;
  std::string format;  // default time format of the file's stamp columns
  std::vector<Filter> where;
  std::optional<Intervals> intervals;
  std::vector<ColumnRule> columns;
  ProfileMark mark;
};

struct Profile {
  std::string name;
  std::string description;
  std::vector<Input> inputs;
  std::vector<EvidenceMapping> evidence;
  std::string file_name;  // where it was read from ("topdesk (built in)", "my.yaml")

  const Input* find_input(const std::string& input_name) const;
};

}  // namespace meetlat::sources

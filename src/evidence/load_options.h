// What loading evidence needs from the contract, passed in so that evidence does not depend on
// the contract module.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "evidence/row_sink.h"
#include "time/zone.h"

namespace meetlat::evidence {

struct LoadOptions {
  // The contract's zone: time stamps without offset are wall-clock time in it, and *_on columns
  // holding a full time stamp take its date in it. Must outlive the load.
  const time::Zone& zone;
  // Accepted values of the priority columns (tickets, security_incidents, rca), exact match.
  std::vector<std::string> priorities = {"P1", "P2", "P3"};
  // Per kind ("security_incidents"), names its priority column may hold instead of a priority,
  // each mapped to one of `priorities` ("Critical" → "P1"), matched in any letter case and kept
  // as the priority; the priorities themselves stay accepted. A kind not listed has none.
  std::map<std::string, std::map<std::string, std::string>, std::less<>> priority_names = {};
  // Accepted values of vulnerabilities.severity, exact match.
  std::vector<std::string> severities = {"low", "medium", "high", "critical"};
  // Whether the caller goes on without invalid rows (--skip-invalid). Loading is the same either
  // way — invalid rows never enter a table — but Evidence::usable() and the summary follow it.
  bool skip_invalid = false;
  // Files with at least this many bytes of rows are parsed in two halves on two threads.
  std::size_t split_threshold_bytes = std::size_t{32} << 20;
  // 1 disables the split.
  unsigned threads = 2;
  // The share of such a file's bytes the first thread reads: less than half when the first part's
  // sink does more (RowSink::follow), so that both threads finish together.
  double first_part_share = 0.5;
  // Kinds ("transactions") whose valid rows go to a sink instead of the table (row_sink.h). The
  // kind's table is then still in Evidence, with its columns (in_file as in the header) but no
  // rows; Evidence::sinks holds the sinks. Ignored for kinds with a key.
  std::map<std::string, RowSinkFactory, std::less<>> sinks = {};
  // Per kind ("tickets"), the columns to keep in its table besides the key (and, for a kind
  // without a key, its identity columns: record_id.h, which give its rows' ids); a kind not listed
  // keeps every column. Every cell of every column is still read and checked (the diagnostics do
  // not change); the others are dropped after the check, which saves memory and time when the
  // contract reads few of a large file's columns (Table::column_kept()).
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> kept_columns = {};
  // When set, told the bytes of rows read since it was last told, every 8 MiB or so of a file,
  // from the reading threads (so it must be thread-safe): a progress bar's feed.
  std::function<void(std::size_t bytes)> on_bytes_read = {};
};

}  // namespace meetlat::evidence

// Streaming the valid rows of an evidence file to the caller instead of keeping them in a Table
// (LoadOptions::sinks): a month of APM transactions is 30 million rows that a quantile needs only
// as counts per distinct duration, so storing them would make memory grow with the traffic.
//
// Only kinds whose schema has no key (transactions, probes, ...) can be streamed: the duplicate
// check of keyed files runs after both halves of a file are read, and a streamed row is gone by
// then. A sink named for a keyed kind is ignored (the rows go into the table as usual).
//
// The loader makes one sink per part of the file it parses (one per thread, from the factory)
// and calls add() on that part's thread with each VALID row, in file order within the part;
// invalid rows never reach a sink, and their diagnostics, warnings and skipped counts are exactly
// those of a load without sinks. The sinks that received rows are returned in file order
// (Evidence::sinks): the caller merges them. When a part had to be re-read (a split inside a
// quoted cell), the sink of the abandoned part is dropped, never returned.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/period.h"

namespace meetlat::evidence {

class Table;

class RowSink {
 public:
  virtual ~RowSink() = default;
  // One valid row: row `row` of `table` (the part's table; its columns and dictionaries are those
  // of the file's schema, and the row is removed again after the call). Codes of category
  // columns are stable within one sink: they index table.dictionary() of the same part. The
  // row's line (table.lines()) counts from the start of the part: exact in the first part, not
  // in later ones (diagnostics are shifted to file lines afterwards; streamed rows cannot be).
  virtual void add(const Table& table, std::size_t row) = 0;

  // A file read in two parts at once (LoadOptions::split_threshold_bytes) has a sink per part.
  // The hooks below let the first part's sink do work that needs both parts' rows in file order
  // (a digest of the rows) while the second part is still being read:
  //
  // lead(): called on the loading thread before either part is read; this sink takes the first
  // part's rows and `next` the second's.
  virtual void lead(RowSink& next) { static_cast<void>(next); }
  // finish(): called on the second part's thread after its last row, also when reading it failed
  // (the sink is then dropped).
  virtual void finish() noexcept {}
  // follow(): called on the first part's thread once its rows are all read and the second part
  // is kept, while `next` may still be taking rows; returns when the work is done (it may wait
  // for next.finish()). No row is added to either sink after it.
  virtual void follow(RowSink& next) { static_cast<void>(next); }
};

// A sink whose intake from a block of rows can be kept as summaries and later added back instead of
// the rows: the workspace keeps the KPI-10 tallies of each month of transactions beside it
// (store/workspace_source.h), so that a month's verdict does not read three years of rows.
//
// A summary is what a fresh sink took from the block for one key (one slot of one objective, say);
// the key names everything that decides it except the rows, so that equal keys over equal rows
// give equal summaries, and a key changes when the sink would count the rows differently (a
// contract version with other windows). Adding every key's summary of a block is the same as
// adding the block's rows.
class SummarisingSink : public RowSink {
 public:
  // The keys of the summaries this sink takes from a block whose rows' times all lie in `span`,
  // in a fixed order without repeats; std::nullopt when the rows cannot be replaced by summaries
  // (the sink would leave some of them out by a rule the key does not name: rows after its
  // as_of). An empty list: the sink takes nothing from such a block (it need not be read).
  virtual std::optional<std::vector<std::string>> summary_keys(const time::Window& span) const = 0;
  // What this sink took for `key` (one of summary_keys), as bytes for add_summary.
  virtual std::string summary(std::string_view key) const = 0;
  // Adds a summary made by summary() for `key` under an equal key. False, adding nothing, when
  // `bytes` is not one (a damaged cache entry: the caller reads the rows instead).
  virtual bool add_summary(std::string_view key, std::string_view bytes) = 0;
};

// Makes the sink of one part; called on the loading thread before the part is parsed.
using RowSinkFactory = std::function<std::shared_ptr<RowSink>()>;

}  // namespace meetlat::evidence

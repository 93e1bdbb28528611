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
};

// Makes the sink of one part; called on the loading thread before the part is parsed.
using RowSinkFactory = std::function<std::shared_ptr<RowSink>()>;

}  // namespace meetlat::evidence

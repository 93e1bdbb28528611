// Reading evidence rows the way objectives need them, whatever the column's type: the instant of
// a row, whether it passes a filter, and the id it is known by.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "evidence/record_id.h"
#include "evidence/table.h"
#include "time/zone.h"

namespace meetlat::evaluate {

// When a date cell is read as an instant: the start (00:00) or the end (24:00) of that day.
enum class DayEdge { kStart, kEnd };

// The instant of every row in `column`: date columns, and the cells of an instant column that
// hold a bare date, at the start (kStart) or the end (kEnd, 24:00) of the day in `zone`; other
// instants as they are; text columns holding a period name ("2026-10", siem.period) at the start
// of the period's first day. Missing or unreadable cells: evidence::kMissingInstant.
std::vector<time::Instant> row_instants(const evidence::Table& table, std::string_view column,
                                        const time::Zone& zone, DayEdge edge = DayEdge::kStart);

// row_instants without a copy where none is needed: a view of an instant column, else the
// converted values. Valid while `table` is.
class InstantColumn {
 public:
  InstantColumn(const evidence::Table& table, std::string_view column, const time::Zone& zone,
                DayEdge edge = DayEdge::kStart);
  time::Instant operator[](std::size_t row) const { return view_[row]; }
  std::size_t size() const { return view_.size(); }

 private:
  std::vector<time::Instant> owned_;
  std::span<const time::Instant> view_;
};

// Whether a row passes every condition of a filter, the conditions prepared once. Valid while
// `table` is; const calls may run on several threads.
class RowFilter {
 public:
  RowFilter(const evidence::Table& table, const contract::Filter& filter);
  bool operator()(std::size_t row) const {
    for (const auto& test : tests_) {
      if (!test(row)) return false;
    }
    return true;
  }

 private:
  std::vector<std::function<bool(std::size_t)>> tests_;
};

// 1 for every row that passes every condition of `filter`, else 0.
std::vector<std::uint8_t> row_filter(const evidence::Table& table, const contract::Filter& filter);

// The id a row is known by in results (evidence/record_id.h): its key columns joined by " "
// (tickets.id, "fw 2026-10"); for files without a key (probes, transactions, ...) its identity
// columns, canonicalised, with " #2", " #3" for repeated rows — never a position in the file.
std::string row_id(const evidence::Table& table, std::size_t row);

// row_id for many rows of one table, with its columns looked up once. Valid while `table` is;
// not thread-safe (evidence::RecordIds).
class RowIds {
 public:
  explicit RowIds(const evidence::Table& table) : ids_(table) {}
  std::string operator()(std::size_t row) const { return ids_(row); }

 private:
  evidence::RecordIds ids_;
};

}  // namespace meetlat::evaluate

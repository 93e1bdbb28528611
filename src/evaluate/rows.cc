#include "evaluate/rows.h"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <set>

#include "parallel/parallel_for.h"
#include "time/parse.h"
#include "time/period.h"

namespace meetlat::evaluate {

using evidence::ColumnType;

std::vector<time::Instant> row_instants(const evidence::Table& table, std::string_view column,
                                        const time::Zone& zone, DayEdge edge) {
  const int index = table.schema().column_index(column);
  if (index < 0) throw std::logic_error("no column " + std::string(column));
  const ColumnType type = table.schema().columns[static_cast<std::size_t>(index)].type;
  std::vector<time::Instant> out(table.rows(), evidence::kMissingInstant);
  if (type == ColumnType::kInstant) {
    const auto in = table.instants(column);
    out.assign(in.begin(), in.end());
    if (edge == DayEdge::kEnd) {  // a bare date as a `to` or a deadline: 24:00 of that day
      const auto bare = table.bare_dates(column);
      for (std::size_t i = 0; i < bare.size(); ++i) {
        if (bare[i] != 0) out[i] = zone.start_of_day(zone.date_of(out[i]) + std::chrono::days{1});
      }
    }
  } else if (type == ColumnType::kDate) {
    const auto days = table.dates(column);
    for (std::size_t i = 0; i < days.size(); ++i) {
      if (evidence::is_missing(days[i])) continue;
      out[i] =
          zone.start_of_day(edge == DayEdge::kStart ? days[i] : days[i] + std::chrono::days{1});
    }
  } else {
    for (std::size_t i = 0; i < table.rows(); ++i) {
      const auto p = time::parse_period(table.text(column, i));
      if (p) out[i] = zone.start_of_day(p->first_day);
    }
  }
  return out;
}

InstantColumn::InstantColumn(const evidence::Table& table, std::string_view column,
                             const time::Zone& zone, DayEdge edge) {
  const int index = table.schema().column_index(column);
  if (index >= 0 &&
      table.schema().columns[static_cast<std::size_t>(index)].type == ColumnType::kInstant &&
      (edge == DayEdge::kStart || table.bare_dates(column).empty())) {
    view_ = table.instants(column);
  } else {
    owned_ = row_instants(table, column, zone, edge);
    view_ = owned_;
  }
}

RowFilter::RowFilter(const evidence::Table& table, const contract::Filter& filter) {
  std::vector<std::function<bool(std::size_t)>>& tests = tests_;
  for (const auto& condition : filter) {
    const int index = table.schema().column_index(condition.column);
    if (index < 0) throw std::logic_error("no column " + condition.column);
    const ColumnType type = table.schema().columns[static_cast<std::size_t>(index)].type;
    if (condition.op) {
      const contract::Norm compare{*condition.op, condition.value, contract::Unit::kCount, false};
      const auto numbers = table.numbers(condition.column);
      tests.emplace_back([numbers, compare](std::size_t i) {
        return !evidence::is_missing(numbers[i]) && compare.holds(numbers[i]);
      });
      continue;
    }
    if (type == ColumnType::kBool) {
      std::array<bool, 2> wanted{false, false};  // by value: false, true
      for (const auto& v : condition.one_of) {
        wanted[(v == "true" || v == "1" || v == "yes" || v == "ja") ? 1 : 0] = true;
      }
      const auto bools = table.bools(condition.column);
      tests.emplace_back([bools, wanted](std::size_t i) {
        return bools[i] != evidence::kMissingBool && wanted[bools[i] != 0 ? 1 : 0];
      });
      continue;
    }
    const auto codes = table.codes(condition.column);
    const auto& dictionary = table.dictionary(condition.column);
    auto accepted = std::make_shared<std::vector<std::uint8_t>>(dictionary.size(), 0);
    if (dictionary.distinct()) {
      // A key column (ids; equal strings may have several codes): one pass over its strings.
      const std::set<std::string_view> wanted(condition.one_of.begin(), condition.one_of.end());
      for (std::uint32_t code = 0; code < dictionary.size(); ++code) {
        if (wanted.contains(dictionary.text(code))) (*accepted)[code] = 1;
      }
    } else {
      for (const auto& v : condition.one_of) {
        if (const auto code = dictionary.find(v)) (*accepted)[*code] = 1;
      }
    }
    tests.emplace_back([codes, accepted](std::size_t i) {
      return !evidence::is_missing_code(codes[i]) && (*accepted)[codes[i]] != 0;
    });
  }
}

std::vector<std::uint8_t> row_filter(const evidence::Table& table, const contract::Filter& filter) {
  const RowFilter passes(table, filter);
  // The rows in pieces on all cores.
  const parallel::Pieces pieces{table.rows(), std::size_t{1} << 18};
  std::vector<std::uint8_t> pass(table.rows());
  parallel::parallel_for(pieces.count(), [&](std::size_t p) {
    for (std::size_t i = pieces.begin(p); i < pieces.end(p); ++i) pass[i] = passes(i) ? 1 : 0;
  });
  return pass;
}

std::string row_id(const evidence::Table& table, std::size_t row) { return RowIds(table)(row); }

}  // namespace meetlat::evaluate

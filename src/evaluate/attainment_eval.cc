// Attainment objectives: tickets, security incidents, vulnerabilities, reports, doc updates,
// RCAs, trainings, disputes, SLM sessions.
//
// How cells become instants (docs/kpis.md): a `from` date is the start of its day; a `to` or a
// deadline date is the end (24:00) of its day, so "resolved on the 10th day" is in time; a
// deadline of whole days after a `from` date is counted in calendar days (end of the day
// from + N), so a DST change inside the window does not shift it by an hour. An item belongs to
// the period of its deadline (at 24:00 of a period's last day it still belongs to that period)
// or, with count_in: from, to the period of its `from` instant.
#include <algorithm>
#include <chrono>
#include <numeric>

#include "evaluate/objective_eval.h"
#include "evaluate/rows.h"
#include "evidence/schema.h"
#include "measure/attainment.h"
#include "parallel/parallel_for.h"

namespace meetlat::evaluate {
namespace {

bool is_date_column(const evidence::Table& t, std::string_view column) {
  const int i = t.schema().column_index(column);
  return i >= 0 &&
         t.schema().columns[static_cast<std::size_t>(i)].type == evidence::ColumnType::kDate;
}

// The deadline of a row, computed when asked: a calendar deadline for every ticket is the
// costly part of a large tickets.csv, so only the rows an objective counts pay for one.
// kMissingInstant when the row's `from` (or its deadline cell) is missing.
class Deadlines {
 public:
  Deadlines(const Context& ctx, const evidence::Table& table, const contract::AttainmentMeasure& m,
            const InstantColumn& from)
      : from_(from) {
    if (const auto* column = std::get_if<contract::DeadlineColumn>(&m.deadline)) {
      column_.emplace(table, column->column, ctx.zone(), DayEdge::kEnd);
      return;
    }
    if (const auto* days = std::get_if<contract::WithinOpenDays>(&m.deadline)) {
      calendar_ = &ctx.calendar(days->calendar);
      open_days_ = days->days;
      return;
    }
    const auto& within = std::get<contract::WithinOnCalendar>(m.deadline);
    const auto day = std::chrono::duration_cast<time::Micros>(std::chrono::hours{24});
    if (within.calendar == "24x7" && within.within.count() % day.count() == 0 &&
        is_date_column(table, m.from_column)) {
      // Whole days after a date: the end of day from + N, in calendar days.
      dates_ = table.dates(m.from_column);
      whole_days_ = std::chrono::days{within.within / day};
      zone_ = &ctx.zone();
      return;
    }
    calendar_ = &ctx.calendar(within.calendar);
    within_ = within.within;
  }

  time::Instant operator()(std::size_t row) const {
    if (column_) return (*column_)[row];
    if (evidence::is_missing(from_[row])) return evidence::kMissingInstant;
    if (zone_ != nullptr)
      return zone_->start_of_day(dates_[row] + whole_days_ + std::chrono::days{1});
    if (open_days_) return calendar_->open_days_deadline(from_[row], *open_days_);
    return calendar_->deadline(from_[row], within_);
  }

 private:
  const InstantColumn& from_;
  std::optional<InstantColumn> column_;  // a deadline column
  const time::Calendar* calendar_ = nullptr;
  std::optional<int> open_days_;       // N open days on calendar_
  time::Micros within_{};              // a duration on calendar_
  std::span<const time::Date> dates_;  // whole days after a date column, in zone_
  std::chrono::days whole_days_{};
  const time::Zone* zone_ = nullptr;
};

}  // namespace

std::vector<ObjectiveResult> evaluate_attainment(const Context& ctx, const contract::Objective& o,
                                                 const contract::AttainmentMeasure& m,
                                                 std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));

  const InstantColumn from(*table, m.from_column, ctx.zone(), DayEdge::kStart);
  const InstantColumn to(*table, m.to_column, ctx.zone(), DayEdge::kEnd);
  const RowFilter passes(*table, m.where);
  const Deadlines deadline_of(ctx, *table, m, from);
  const auto exempted = exempted_rows(ctx, *table);

  // An item that starts after as_of did not exist yet (evidence exported later must not change
  // an earlier evaluation), unless its deadline is a column: a scheduled item (a report due, a
  // session planned) is known in advance and pending until then.
  const bool scheduled = std::holds_alternative<contract::DeadlineColumn>(m.deadline);
  // The rows in pieces on all cores; each piece tallies its items per slot and keeps the rows
  // of its failing and exempted items, which are then joined in row order.
  struct Piece {
    std::vector<measure::AttainmentTally> tallies;
    std::vector<std::vector<std::size_t>> failing;   // per slot, rows
    std::vector<std::vector<std::size_t>> exempted;  // per slot, rows
  };
  const parallel::Pieces rows{table->rows(), std::size_t{1} << 18};
  std::vector<Piece> pieces(rows.count());
  parallel::parallel_for(pieces.size(), [&](std::size_t p) {
    Piece& piece = pieces[p];
    piece.tallies.resize(slots.size());
    piece.failing.resize(slots.size());
    piece.exempted.resize(slots.size());
    int last_slot = -1;
    for (std::size_t row = rows.begin(p); row < rows.end(p); ++row) {
      if (!passes(row) || evidence::is_missing(from[row]) ||
          (!scheduled && ctx.as_of() < from[row])) {
        continue;
      }
      const time::Instant deadline = deadline_of(row);
      if (evidence::is_missing(deadline)) continue;
      const time::Instant key =
          m.count_in == contract::CountIn::kFrom ? from[row] : deadline - time::Micros{1};
      // Rows mostly come in time order: try the previous row's slot first.
      if (last_slot < 0 || !slots[static_cast<std::size_t>(last_slot)].window.contains(key)) {
        last_slot = slot_of(slots, key);
      }
      const int slot = last_slot;
      if (slot < 0) continue;
      const auto s = static_cast<std::size_t>(slot);
      if (!exempted.empty() && exempted[row] != 0) {
        piece.exempted[s].push_back(row);
        continue;
      }
      std::optional<time::Instant> end;
      if (!evidence::is_missing(to[row])) end = to[row];
      const auto outcome = piece.tallies[s].add({end, deadline}, ctx.as_of());
      if (outcome == measure::ItemOutcome::kLate || outcome == measure::ItemOutcome::kOverdue) {
        piece.failing[s].push_back(row);
      }
    }
  });
  parallel::parallel_for(slots.size(), [&](std::size_t s) {
    measure::AttainmentTally tally;
    std::vector<std::size_t> failing;
    for (const Piece& piece : pieces) {
      tally.merge(piece.tallies[s]);
      failing.insert(failing.end(), piece.failing[s].begin(), piece.failing[s].end());
      for (const std::size_t row : piece.exempted[s]) note_exempted(*table, row, results[s]);
    }
    measure::MeasureResult r = tally.result(o.norm);
    r.failing_items.resize(failing.size());
    std::iota(r.failing_items.begin(), r.failing_items.end(), 0);  // indices into `failing`
    apply_measure(r, *table, failing, results[s]);
  });
  return results;
}

}  // namespace meetlat::evaluate

// Attainment objectives: tickets, security incidents, vulnerabilities, reports, doc updates,
// RCAs, trainings, disputes, SLM sessions.
//
// How cells become instants (docs/kpis.md): a `from` date is the start of its day; a `to` or a
// deadline date is the end (24:00) of its day, so "resolved on the 10th day" is in time; a
// deadline of whole days after a `from` date is counted in calendar days (end of the day
// from + N), so a DST change inside the window does not shift it by an hour. An item belongs to
// the period of its deadline (at 24:00 of a period's last day it still belongs to that period)
// or, with count_in: from, to the period of its `from` instant. With `pauses: true` a ticket's
// deadline is moved by the open time it was paused (pauses.h), and the period's details name
// every ticket a pause stopped.
#include <algorithm>
#include <chrono>
#include <numeric>

#include "evaluate/objective_eval.h"
#include "evaluate/pauses.h"
#include "evaluate/rows.h"
#include "evidence/schema.h"
#include "measure/attainment.h"
#include "measure/paused_clock.h"
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

  // The calendar a duration is counted on ("within 8h on office_hours"); nullptr for a deadline
  // column, open days or whole days after a date.
  const time::Calendar* counting_calendar() const {
    return open_days_ || within_.count() == 0 ? nullptr : calendar_;
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

// The clocks of the tickets of an objective with `pauses: true` (pauses.h): a ticket's clock
// stands still while it is paused, from its `from` up to its `to` when that came by as_of, else
// up to as_of. Inactive for an objective without pauses.
class PausedClocks {
 public:
  PausedClocks(const Context& ctx, const evidence::Table& table,
               const contract::AttainmentMeasure& m, const InstantColumn& from,
               const InstantColumn& to)
      : table_(table), from_(from), to_(to), as_of_(ctx.as_of()) {
    const auto* within = std::get_if<contract::WithinOnCalendar>(&m.deadline);
    if (!m.pauses || within == nullptr) return;  // the loader allows pauses only with within
    pauses_.emplace(ctx.evidence(), ctx.zone());
    calendar_ = &ctx.calendar(within->calendar);
    within_ = within->within;
    id_column_ = table.schema().key.front();
  }

  bool active() const { return calendar_ != nullptr; }
  const time::Calendar& calendar() const { return *calendar_; }

  // The clock of `row` when a pause stopped it (a pause inside its running time, even one in
  // closed hours, so that it is shown); nullopt otherwise.
  std::optional<measure::PausedClock> operator()(std::size_t row) const {
    if (!active()) return std::nullopt;
    const auto pauses = pauses_->of(table_.text(id_column_, row));
    if (pauses.empty()) return std::nullopt;
    const bool closed = !evidence::is_missing(to_[row]) && to_[row] <= as_of_;
    const time::Instant stop = closed ? to_[row] : as_of_;
    measure::PausedClock clock =
        measure::paused_clock(*calendar_, from_[row], within_, stop, pauses);
    if (clock.pauses == 0) return std::nullopt;
    return clock;
  }

 private:
  const evidence::Table& table_;
  const InstantColumn& from_;
  const InstantColumn& to_;
  time::Instant as_of_;
  std::optional<TicketPauses> pauses_;
  const time::Calendar* calendar_ = nullptr;
  time::Micros within_{};
  std::string_view id_column_;
};

// The figures behind the paused time of one period (docs/output.md): how many tickets a pause
// stopped, the open time paused in minutes, and a line per ticket naming its pauses and how far
// its deadline moved.
void add_paused_details(const Context& ctx, const evidence::Table& table,
                        const PausedClocks& clocks, const Deadlines& deadline_of,
                        std::span<const std::size_t> rows, ObjectiveResult& out) {
  time::Micros paused{0};
  std::vector<std::string> lines;
  const RowIds ids(table);
  for (const std::size_t row : rows) {
    const std::optional<measure::PausedClock> clock = clocks(row);
    if (!clock) continue;
    paused += clock->paused;
    lines.push_back(
        paused_line(ids(row), *clock, deadline_of(row), clocks.calendar().name(), ctx.zone()));
  }
  out.details.push_back({"paused_tickets", static_cast<std::int64_t>(lines.size())});
  out.details.push_back({"paused_minutes", static_cast<double>(paused.count()) / 60e6});
  for (auto& line : lines) out.details.push_back({"paused", std::move(line)});
}

// The figures behind record `row` (RecordFigures): what its verdict rests on.
RecordFigures record_figures(const Context& ctx, const RowIds& ids, const InstantColumn& from,
                             const InstantColumn& to, const Deadlines& deadline_of,
                             const PausedClocks& clock_of, std::size_t row, bool exempted) {
  RecordFigures f;
  f.id = ids(row);
  f.exempted = exempted;
  f.start = from[row];
  if (!evidence::is_missing(to[row]) && to[row] <= ctx.as_of()) f.end = to[row];
  f.deadline = deadline_of(row);
  const std::optional<measure::PausedClock> clock = clock_of(row);
  if (clock) f.deadline = clock->deadline;
  if (const time::Calendar* calendar = deadline_of.counting_calendar()) {
    f.calendar = calendar->name();
    time::Micros counted = calendar->elapsed(f.start, f.end.value_or(ctx.as_of()));
    if (clock) counted -= clock->paused;
    f.counted = counted;
  }
  return f;
}

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
  const PausedClocks clock_of(ctx, *table, m, from, to);
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
    std::vector<std::vector<std::size_t>> paused;    // per slot, rows a pause stopped
  };
  const parallel::Pieces rows{table->rows(), std::size_t{1} << 18};
  std::vector<Piece> pieces(rows.count());
  parallel::parallel_for(pieces.size(), [&](std::size_t p) {
    Piece& piece = pieces[p];
    piece.tallies.resize(slots.size());
    piece.failing.resize(slots.size());
    piece.exempted.resize(slots.size());
    piece.paused.resize(slots.size());
    int last_slot = -1;
    for (std::size_t row = rows.begin(p); row < rows.end(p); ++row) {
      if (!passes(row) || evidence::is_missing(from[row]) ||
          (!scheduled && ctx.as_of() < from[row])) {
        continue;
      }
      time::Instant deadline = deadline_of(row);
      if (evidence::is_missing(deadline)) continue;
      const std::optional<measure::PausedClock> clock = clock_of(row);
      if (clock) deadline = clock->deadline;
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
      if (clock) piece.paused[s].push_back(row);
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
    std::vector<std::size_t> paused;
    for (const Piece& piece : pieces) {
      tally.merge(piece.tallies[s]);
      failing.insert(failing.end(), piece.failing[s].begin(), piece.failing[s].end());
      paused.insert(paused.end(), piece.paused[s].begin(), piece.paused[s].end());
      for (const std::size_t row : piece.exempted[s]) note_exempted(*table, row, results[s]);
    }
    measure::MeasureResult r = tally.result(o.norm);
    r.failing_items.resize(failing.size());
    std::iota(r.failing_items.begin(), r.failing_items.end(), 0);  // indices into `failing`
    apply_measure(r, *table, failing, results[s]);
    auto& figures = results[s].record_figures;
    const RowIds ids(*table);
    for (const std::size_t row : failing)
      figures.push_back(record_figures(ctx, ids, from, to, deadline_of, clock_of, row, false));
    for (const Piece& piece : pieces) {
      for (const std::size_t row : piece.exempted[s])
        figures.push_back(record_figures(ctx, ids, from, to, deadline_of, clock_of, row, true));
    }
    if (clock_of.active())
      add_paused_details(ctx, *table, clock_of, deadline_of, paused, results[s]);
  });
  return results;
}

}  // namespace meetlat::evaluate

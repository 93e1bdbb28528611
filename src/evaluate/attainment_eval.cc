// Attainment objectives: tickets, security incidents, vulnerabilities, reports, doc updates,
// RCAs, trainings, disputes, SLM sessions.
//
// How cells become instants (docs/kpis.md): a `from` date is the start of its day; a `to` or a
// deadline date is the end (24:00) of its day, so "resolved on the 10th day" is in time; a
// deadline of whole days after a `from` date is counted in calendar days (end of the day
// from + N), so a DST change inside the window does not shift it by an hour. An item belongs to
// the period of its deadline (at 24:00 of a period's last day it still belongs to that period)
// or, with count_in: from, to the period of its `from` instant.
#include <chrono>

#include "evaluate/objective_eval.h"
#include "evaluate/rows.h"
#include "evidence/schema.h"
#include "measure/attainment.h"

namespace meetlat::evaluate {
namespace {

bool is_date_column(const evidence::Table& t, std::string_view column) {
  const int i = t.schema().column_index(column);
  return i >= 0 &&
         t.schema().columns[static_cast<std::size_t>(i)].type == evidence::ColumnType::kDate;
}

// Deadlines of the rows that pass the filter (kMissingInstant elsewhere, and where `from` is
// missing): a calendar deadline for every ticket is the costly part of a large tickets.csv.
std::vector<time::Instant> deadlines(const Context& ctx, const evidence::Table& table,
                                     const contract::AttainmentMeasure& m,
                                     const InstantColumn& from,
                                     const std::vector<std::uint8_t>& pass) {
  std::vector<time::Instant> out(from.size(), evidence::kMissingInstant);
  if (const auto* column = std::get_if<contract::DeadlineColumn>(&m.deadline)) {
    return row_instants(table, column->column, ctx.zone(), DayEdge::kEnd);
  }
  auto each = [&](auto&& deadline_of) {
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (pass[i] != 0 && !evidence::is_missing(from[i])) out[i] = deadline_of(i);
    }
  };
  if (const auto* days = std::get_if<contract::WithinOpenDays>(&m.deadline)) {
    const auto& calendar = ctx.calendar(days->calendar);
    each([&](std::size_t i) { return calendar.open_days_deadline(from[i], days->days); });
    return out;
  }
  const auto& within = std::get<contract::WithinOnCalendar>(m.deadline);
  const auto day = std::chrono::duration_cast<time::Micros>(std::chrono::hours{24});
  const bool whole_days = within.calendar == "24x7" && within.within.count() % day.count() == 0;
  if (whole_days && is_date_column(table, m.from_column)) {
    const auto dates = table.dates(m.from_column);
    const auto n = date::days{within.within / day};
    for (std::size_t i = 0; i < dates.size(); ++i) {
      if (pass[i] != 0 && !evidence::is_missing(dates[i])) {
        out[i] = ctx.zone().start_of_day(dates[i] + n + date::days{1});
      }
    }
    return out;
  }
  const auto& calendar = ctx.calendar(within.calendar);
  each([&](std::size_t i) { return calendar.deadline(from[i], within.within); });
  return out;
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
  const auto pass = row_filter(*table, m.where);
  const auto deadline = deadlines(ctx, *table, m, from, pass);
  const auto exempted = exempted_rows(ctx, *table);

  struct Bucket {
    std::vector<measure::AttainmentItem> items;
    std::vector<std::size_t> rows;
  };
  std::vector<Bucket> buckets(slots.size());
  // An item that starts after as_of did not exist yet (evidence exported later must not change
  // an earlier evaluation), unless its deadline is a column: a scheduled item (a report due, a
  // session planned) is known in advance and pending until then.
  const bool scheduled = std::holds_alternative<contract::DeadlineColumn>(m.deadline);
  for (std::size_t row = 0; row < table->rows(); ++row) {
    if (pass[row] == 0 || evidence::is_missing(from[row]) || evidence::is_missing(deadline[row]) ||
        (!scheduled && ctx.as_of() < from[row])) {
      continue;
    }
    const time::Instant key =
        m.count_in == contract::CountIn::kFrom ? from[row] : deadline[row] - time::Micros{1};
    const int slot = slot_of(slots, key);
    if (slot < 0) continue;
    if (!exempted.empty() && exempted[row] != 0) {
      note_exempted(*table, row, results[static_cast<std::size_t>(slot)]);
      continue;
    }
    auto& bucket = buckets[static_cast<std::size_t>(slot)];
    std::optional<time::Instant> end;
    if (!evidence::is_missing(to[row])) end = to[row];
    bucket.items.push_back({from[row], end, deadline[row]});
    bucket.rows.push_back(row);
  }
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto r = measure::attainment(buckets[s].items, ctx.as_of(), o.norm);
    apply_measure(r.result, *table, buckets[s].rows, results[s]);
  }
  return results;
}

}  // namespace meetlat::evaluate

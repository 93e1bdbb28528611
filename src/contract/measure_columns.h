// The evidence columns each kind of measure reads: one declaration per kind
// (evidence_columns() in measure_columns.cc), the only list there is. Three users follow it:
//
//  - the contract loader checks every column it lists against the evidence catalog
//    (evidence_catalog.h): the column exists in its kind and holds what the reader needs, also
//    when the column is a default (quantile `value` absent: duration_ms) or fixed by the kind
//    (availability reads outages.start), so such a contract is refused with a diagnostic instead
//    of failing in the evaluator. (It checks a column named by a key already as it reads the
//    key, with the Holds below, to report it at the key among the measure's other errors.)
//  - evaluate::columns_read keeps exactly these columns when loading evidence, and
//    evaluate::missing_columns_reason names a file that lacks a needed one;
//  - the evaluators (src/evaluate/*_eval.cc) read exactly these columns: a column the contract
//    names through the measure's field, a fixed one through the constants below.
//    evaluate/columns_read_test.cc evaluates every kind with only these columns kept and fails
//    when an evaluator reads another one or leaves one of them unread.
//
// A new column for a kind: read it in the evaluator and list it here; the loader and the kept
// columns follow.
//
// Pure, no state; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "contract/evidence_catalog.h"
#include "contract/model.h"

namespace meetlat::contract {

// What an evaluator can read from a column, as the column types it accepts and the words a
// diagnostic uses for them ("a time column").
struct Holds {
  bool (*accepts)(ColumnType);
  std::string_view what;
};

inline bool accepts_any(ColumnType) { return true; }
inline bool accepts_timestamp(ColumnType t) { return t == ColumnType::kTimestamp; }
inline bool accepts_date(ColumnType t) { return t == ColumnType::kDate; }
inline bool accepts_boolean(ColumnType t) { return t == ColumnType::kBoolean; }
// A time, or a text naming a period (siem.period "2026-10": the start of its first day).
inline bool accepts_time_or_period(ColumnType t) { return is_time_column(t) || is_text_column(t); }
// A `where` condition: one of some texts or booleans, or a comparison of a number.
inline bool accepts_filter(ColumnType t) { return !is_time_column(t); }

inline constexpr Holds kAnyColumn{accepts_any, "a column"};
inline constexpr Holds kTimeColumn{is_time_column, "a time column"};
inline constexpr Holds kTimestampColumn{accepts_timestamp, "a time stamp column"};
inline constexpr Holds kDateColumn{accepts_date, "a date column"};
inline constexpr Holds kNumberColumn{is_number_column, "a number column"};
inline constexpr Holds kBooleanColumn{accepts_boolean, "a boolean column"};
inline constexpr Holds kTextColumn{is_text_column, "a text column"};
inline constexpr Holds kPeriodColumn{accepts_time_or_period, "a time column or a period"};
inline constexpr Holds kFilterColumn{accepts_filter, "a text, boolean or number column"};

// One column a measure reads.
struct MeasureColumn {
  std::string_view evidence;  // the evidence kind it is a column of: "tickets"
  std::string_view column;    // "responded_at"
  // The measure's key that names the column ("to", "where"), or "" for a column the measure's
  // kind fixes (outages.start) or derives (emissions.period_end).
  std::string_view key;
  Holds holds = kAnyColumn;
  // False when a file without the column can still be measured and its absence has a documented
  // meaning (docs/kpis.md): outages without `planned` have no planned outage, outages without
  // `service` concern the one service. A file that lacks a needed column makes the objective
  // no_data (evaluate::missing_columns_reason).
  bool needed = true;
};

// The columns fixed by the measure kind rather than named in the contract.
namespace outage_columns {  // availability: the outage register (AvailabilityMeasure::outages)
inline constexpr std::string_view kStart = "start";
inline constexpr std::string_view kEnd = "end";
inline constexpr std::string_view kPlanned = "planned";
inline constexpr std::string_view kService = "service";  // read only to filter on `services`
}  // namespace outage_columns
namespace probe_columns {  // availability: the fallback (AvailabilityMeasure::probes)
inline constexpr std::string_view kAt = "at";
inline constexpr std::string_view kLocation = "location";
inline constexpr std::string_view kUp = "up";
}  // namespace probe_columns
namespace histogram_columns {  // quantile: the fallback (QuantileMeasure::histograms)
inline constexpr std::string_view kFrom = "from";
inline constexpr std::string_view kTo = "to";
inline constexpr std::string_view kName = "name";
inline constexpr std::string_view kAboveMs = "above_ms";
inline constexpr std::string_view kAtMostMs = "at_most_ms";
inline constexpr std::string_view kCount = "count";
}  // namespace histogram_columns
namespace milestone_columns {  // milestone: MilestoneMeasure::evidence
inline constexpr std::string_view kId = "id";
inline constexpr std::string_view kAchievedOn = "achieved_on";
inline constexpr std::string_view kPlannedOn = "planned_on";
}  // namespace milestone_columns

namespace pause_columns {  // attainment with `pauses: true`: pauses.csv (evaluate/pauses.h)
inline constexpr std::string_view kKind = "pauses";
inline constexpr std::string_view kTicketId = "ticket_id";
inline constexpr std::string_view kPausedAt = "paused_at";
inline constexpr std::string_view kResumedAt = "resumed_at";  // empty: still paused
}  // namespace pause_columns

// Every column the evaluator of `measure` reads, each once per role (a column in two roles is
// listed twice). The views point into `measure` and static strings: valid while `measure` is.
std::vector<MeasureColumn> evidence_columns(const Measure& measure);

}  // namespace meetlat::contract

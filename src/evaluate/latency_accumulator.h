// KPI-10 without keeping the transactions: each sample is classified once, while the evidence is
// read, into the (quantile objective, slot) it counts in, and counted per distinct duration
// (value_counts.h). evaluate() then reads the quantiles from the counts instead of a table
// (quantile_eval.cc), with exactly the values, counts and statuses it reads from the table.
//
// Built from what evaluate() will be asked: the contract as loaded (with its amendments), its zone,
// as_of and the requested period. It plans every quantile objective over `kind` ("transactions")
// on the slots evaluate() uses (track.h plan_tracks, under the version in force in each, and
// slots.h aggregate_slot), and, for each period of `also_whole` (the ISO weeks of a monthly
// report, weekly_kpis.h), on the aggregate slot an evaluation of that period would add (a week of
// a `weekly` KPI; nothing for a period that has none), under the version in force on its first
// day: one reading of the rows then counts the month and its weeks. It classifies a sample like
// quantile_eval.cc: at or before as_of, a counted name, in a slot, inside the `in` calendar and
// outside the `outside` calendar. The plan keeps its own copy of the contract's versions;
// the counts are found by objective id and slot window, so evaluate() may be given any copy of
// the contract. evaluate() treats an objective over the streamed kind that the accumulator did not
// plan as an error, never as an empty table.
//
// As an evidence::SummarisingSink (row_sink.h) its intake from a block of rows is kept per slot:
// the key of a slot names the evidence columns, the counted names, the slot's window and the
// intervals counted in it (so a contract version with other calendars or windows has other keys),
// and its summary is the slot's counts (ValueCounts::bytes). A block can be summarised when every
// row of it is at or before as_of.
//
// As an evidence::RowSink it takes rows of `kind`'s table (columns at, name, duration_ms by the
// measure's column names). One accumulator per parser thread: fresh() makes an empty one with the
// same plan; merge() adds another's counts. Not thread-safe; distinct accumulators are independent.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/value_counts.h"
#include "evidence/row_sink.h"
#include "evidence/table.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::evaluate {

class LatencyAccumulator : public evidence::SummarisingSink {
 public:
  LatencyAccumulator(const contract::Contract& contract, const time::Zone& zone,
                     time::Instant as_of, const time::Period& requested,
                     std::string_view kind = "transactions",
                     const std::vector<time::Period>& also_whole = {});

  // Whether streaming `kind` loses nothing `contract` reads: every measure on `kind`, in every
  // version of the contract, is a quantile measure, and no exemption applies to it (kinds without
  // key have none).
  static bool can_stream(const contract::Contract& contract, std::string_view kind);

  // An empty accumulator with the same plan (for another parser thread).
  std::shared_ptr<LatencyAccumulator> fresh() const;

  // One sample: its time, transaction name and duration in milliseconds (not NaN).
  void add(time::Instant at, std::string_view name, double duration_ms);
  // evidence::RowSink: row `row` of a table of `kind`.
  void add(const evidence::Table& table, std::size_t row) override;
  // Adds `other`'s counts (same plan).
  void merge(const LatencyAccumulator& other);

  // evidence::SummarisingSink.
  std::optional<std::vector<std::string>> summary_keys(const time::Window& span) const override;
  std::string summary(std::string_view key) const override;
  bool add_summary(std::string_view key, std::string_view bytes) override;

  // The evidence kind streamed into it ("transactions").
  const std::string& kind() const;
  // Whether the objective with this id was planned.
  bool plans(std::string_view objective_id) const;
  // The samples of that objective in the slot whose window is `window`; nullptr when not planned.
  const ValueCounts* counts(std::string_view objective_id, const time::Window& window) const;

 private:
  struct Plan;
  // Each on its own cache lines: the accumulators of the two parser threads are allocated side by
  // side, and last_slot/last_interval are written for every sample (false sharing cost 15%).
  struct alignas(
      64) SlotRun {  // one run of slots of one objective (the track, or the aggregate slot)
    std::vector<ValueCounts> counts;  // per slot
    int last_slot = -1;
    std::size_t last_interval = 0;
  };
  struct ObjectiveState {
    std::vector<SlotRun> runs;
    std::vector<std::int8_t> name_counted;  // per name code of this accumulator's dictionary; -1
  };
  explicit LatencyAccumulator(std::shared_ptr<const Plan> plan);
  static std::shared_ptr<const Plan> make_plan(const contract::Contract& contract,
                                               const time::Zone& zone, time::Instant as_of,
                                               const time::Period& requested, std::string_view kind,
                                               const std::vector<time::Period>& also_whole);
  void count(std::size_t objective, time::Instant at, double duration_ms);
  bool name_counted(std::size_t objective, std::uint32_t code, const evidence::Dictionary& names);

  std::shared_ptr<const Plan> plan_;
  std::vector<ObjectiveState> state_;  // per planned objective
};

}  // namespace meetlat::evaluate

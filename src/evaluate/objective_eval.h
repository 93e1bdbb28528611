// Evaluating one objective over a run of periods: reads the evidence its measure names, puts each
// item into its period, calls the pure measure function per period and turns item indices into
// evidence ids.
//
// `slots` are sorted, adjacent periods of the objective's cadence (a milestone uses its KPI's);
// the result has one ObjectiveResult per slot, in order. Each item is read once whatever the
// number of slots, so a history of 36 months costs about as much as one month.
#pragma once

#include <span>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/evaluation.h"

namespace meetlat::evaluate {

std::vector<ObjectiveResult> evaluate_objective(const Context& ctx, const contract::Objective& o,
                                                std::span<const Slot> slots);

// Per measure kind (one file each).
std::vector<ObjectiveResult> evaluate_attainment(const Context& ctx, const contract::Objective& o,
                                                 const contract::AttainmentMeasure& m,
                                                 std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_availability(const Context& ctx, const contract::Objective& o,
                                                   const contract::AvailabilityMeasure& m,
                                                   std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_quantile(const Context& ctx, const contract::Objective& o,
                                               const contract::QuantileMeasure& m,
                                               std::span<const Slot> slots);
// The quantile from latency histograms (`table`, of m.histograms), when m.evidence is absent.
std::vector<ObjectiveResult> evaluate_quantile_histograms(const Context& ctx,
                                                          const contract::Objective& o,
                                                          const contract::QuantileMeasure& m,
                                                          const evidence::Table& table,
                                                          std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_ratio_of_sums(const Context& ctx,
                                                    const contract::Objective& o,
                                                    const contract::RatioOfSumsMeasure& m,
                                                    std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_share(const Context& ctx, const contract::Objective& o,
                                            const contract::ShareMeasure& m,
                                            std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_extreme(const Context& ctx, const contract::Objective& o,
                                              const contract::ExtremeMeasure& m,
                                              std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_count(const Context& ctx, const contract::Objective& o,
                                            const contract::CountMeasure& m,
                                            std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_coverage(const Context& ctx, const contract::Objective& o,
                                               const contract::CoverageMeasure& m,
                                               std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_milestone(const Context& ctx, const contract::Objective& o,
                                                const contract::MilestoneMeasure& m,
                                                std::span<const Slot> slots);
std::vector<ObjectiveResult> evaluate_trajectory(const Context& ctx, const contract::Objective& o,
                                                 const contract::TrajectoryMeasure& m,
                                                 std::span<const Slot> slots);

// Helpers shared by the kind files.

// One no_data result per slot, carrying the objective's id, unit and norm, and `reason`.
std::vector<ObjectiveResult> blank_results(const contract::Objective& o, std::size_t slots,
                                           const std::string& reason);
// Copies a measure result into `out`: value, counts, status, and the ids of the failing items
// (item i is row `rows[i]` of `table`).
void apply_measure(const measure::MeasureResult& m, const evidence::Table& table,
                   std::span<const std::size_t> rows, ObjectiveResult& out);
// The rows of `table` per slot, by the instant of `column` (rows_instants' reading); rows dated
// after as_of (not yet there at as_of) and rows with `pass[row] == 0` are left out.
std::vector<std::vector<std::size_t>> rows_by_slot(const Context& ctx, const evidence::Table& table,
                                                   std::string_view column,
                                                   std::span<const Slot> slots,
                                                   const std::vector<std::uint8_t>* pass = nullptr);
// The time a quantile measure counts within `window`: open on its `in` calendar and, when it has
// one, not open on its `outside` calendar; sorted, disjoint intervals.
std::vector<time::Window> quantile_counted_time(const Context& ctx,
                                                const contract::QuantileMeasure& m,
                                                time::Window window);
// The reason of a result whose evidence file is absent.
std::string absent_file_reason(std::string_view kind);
// One flag per row of `table`, 1 for the rows approved exemptions take out (exemptions.h);
// empty when none is exempted.
std::vector<std::uint8_t> exempted_rows(const Context& ctx, const evidence::Table& table);
// Records exempted row `row` of `table` in `out` (exempted, exempted_ids).
void note_exempted(const evidence::Table& table, std::size_t row, ObjectiveResult& out);
// Adds the warnings of `objectives` (the results of `kpi` for `period_name`) to `out`, each as
// "KPI-03 availability 2026-10: …", leaving out one that is already there.
void repeat_warnings(std::string_view kpi_id, const std::string& period_name,
                     std::span<const ObjectiveResult> objectives, std::vector<std::string>& out);
// Takes the rows flagged in `exempted` out of each slot's rows, noting them in `results`.
void drop_exempted(const std::vector<std::uint8_t>& exempted, const evidence::Table& table,
                   std::vector<std::vector<std::size_t>>& per_slot,
                   std::vector<ObjectiveResult>& results);

}  // namespace meetlat::evaluate

// Quantiles of transaction durations in calendar windows (KPI-10 p95 in office hours outside
// peak hours, and in peak hours).
//
// The counted time of each period is built once as a short sorted list of intervals (open in
// `in`, minus open in `outside`); each sample is then placed by one binary search over it. Samples
// after as_of are not yet there and are left out.
//
// When the transactions were streamed (ctx.latency(), latency_accumulator.h) the samples were
// classified the same way while loading, and each slot's quantile is read from its counts per
// distinct duration: the same value, counts and status.
#include <algorithm>
#include <stdexcept>

#include "evaluate/latency_accumulator.h"
#include "evaluate/objective_eval.h"
#include "measure/quantile.h"

namespace meetlat::evaluate {
namespace {

// `a` minus `b`, both sorted and disjoint.
std::vector<time::Window> subtract(const std::vector<time::Window>& a,
                                   const std::vector<time::Window>& b) {
  std::vector<time::Window> out;
  std::size_t j = 0;
  for (const auto& w : a) {
    time::Instant cursor = w.from;
    while (j < b.size() && !(w.from < b[j].to)) ++j;
    for (std::size_t k = j; k < b.size() && b[k].from < w.to; ++k) {
      if (cursor < b[k].from) out.push_back({cursor, b[k].from});
      cursor = std::max(cursor, b[k].to);
    }
    if (cursor < w.to) out.push_back({cursor, w.to});
  }
  return out;
}

bool inside(const std::vector<time::Window>& counted, time::Instant t) {
  const auto it =
      std::upper_bound(counted.begin(), counted.end(), t,
                       [](time::Instant x, const time::Window& w) { return x < w.from; });
  return it != counted.begin() && std::prev(it)->contains(t);
}

std::vector<std::uint8_t> name_mask(const evidence::Table& table,
                                    const contract::QuantileMeasure& m) {
  const auto& dictionary = table.dictionary(m.name_column);
  std::vector<std::uint8_t> counted(dictionary.size(), m.names.empty() ? 1 : 0);
  for (const auto& name : m.names) {
    if (const auto code = dictionary.find(name)) counted[*code] = 1;
  }
  return counted;
}

// The result of one slot from its quantile.
void note_quantile(const measure::MeasureResult& r, const evidence::Table& table,
                   ObjectiveResult& out) {
  apply_measure(r, table, {}, out);
  out.details.push_back({"samples", r.count});
  out.details.push_back({"samples_missing_norm", r.failing});
  if (out.status == Status::kNoData) out.reason = "no sample in the period";
}

}  // namespace

std::vector<time::Window> quantile_counted_time(const Context& ctx,
                                                const contract::QuantileMeasure& m,
                                                time::Window window) {
  auto counted = ctx.calendar(m.in_calendar).open_intervals(window.from, window.to);
  if (!m.outside_calendar) return counted;
  return subtract(counted,
                  ctx.calendar(*m.outside_calendar).open_intervals(window.from, window.to));
}

std::vector<ObjectiveResult> evaluate_quantile(const Context& ctx, const contract::Objective& o,
                                               const contract::QuantileMeasure& m,
                                               std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "no sample in the period");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  if (table == nullptr && m.histograms) {
    if (const evidence::Table* histograms = ctx.evidence().find(*m.histograms)) {
      return evaluate_quantile_histograms(ctx, o, m, *histograms, slots);
    }
  }
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));
  const measure::QuantileLevel level{
      static_cast<std::uint64_t>(m.q.units),
      static_cast<std::uint64_t>(std::llround(std::pow(10.0, m.q.scale)))};
  if (ctx.latency() != nullptr && ctx.latency()->kind() == m.evidence) {
    // The rows were streamed: the table is empty, and only the accumulator holds the samples.
    if (!ctx.latency()->plans(o.id)) {
      throw std::logic_error(m.evidence + " was streamed without a plan for objective " + o.id);
    }
    for (std::size_t s = 0; s < slots.size(); ++s) {
      const ValueCounts* counts = ctx.latency()->counts(o.id, slots[s].window);
      if (counts == nullptr) throw std::logic_error("latency accumulator lacks a slot of " + o.id);
      note_quantile(nearest_rank_quantile(*counts, level, o.norm), *table, results[s]);
    }
    return results;
  }

  std::vector<std::vector<time::Window>> counted(slots.size());
  for (std::size_t s = 0; s < slots.size(); ++s) {
    counted[s] = quantile_counted_time(ctx, m, slots[s].window);
  }
  const auto at = table->instants(m.time_column);
  const auto value = table->numbers(m.value_column);
  const auto name = table->codes(m.name_column);
  const auto name_counted = name_mask(*table, m);
  std::vector<std::vector<double>> samples(slots.size());
  int last_slot = -1;
  for (std::size_t row = 0; row < table->rows(); ++row) {
    const time::Instant t = at[row];
    if (ctx.as_of() < t || evidence::is_missing(value[row])) continue;
    if (evidence::is_missing_code(name[row]) || name_counted[name[row]] == 0) continue;
    // Rows are mostly in time order: try the previous row's slot before searching.
    if (last_slot < 0 || !slots[static_cast<std::size_t>(last_slot)].window.contains(t)) {
      last_slot = slot_of(slots, t);
      if (last_slot < 0) continue;
    }
    const auto s = static_cast<std::size_t>(last_slot);
    if (inside(counted[s], t)) samples[s].push_back(value[row]);
  }
  for (std::size_t s = 0; s < slots.size(); ++s) {
    note_quantile(measure::nearest_rank_quantile(samples[s], level, o.norm), *table, results[s]);
  }
  return results;
}

}  // namespace meetlat::evaluate

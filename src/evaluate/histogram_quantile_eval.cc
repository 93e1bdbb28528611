// A quantile objective from latency histograms (docs/evidence.md latency_histograms.csv), read
// when its raw-sample file (transactions.csv) is absent.
//
// A bucket row counts in a slot when its whole window [from, to) lies in the time the objective
// counts there (quantile_counted_time: the `in` calendar, minus the `outside` one, within the
// slot) and it had ended at as_of; a row with a zero-length window is placed by its `from`. A
// window wholly outside the counted time is left out, as a raw sample there would be. A window
// partly inside cannot be split — how many of its samples fell on each side is unknown — so it
// makes each slot it touches undecidable (never met or breached on a guess), naming the first
// such row. The norm is then decided from the buckets (measure/histogram_quantile.h).
#include <algorithm>
#include <cmath>

#include "contract/measure_columns.h"
#include "evaluate/objective_eval.h"
#include "measure/histogram_quantile.h"

namespace meetlat::evaluate {
namespace {

namespace columns = contract::histogram_columns;

// Microseconds of [from, to) inside `counted` (sorted, disjoint).
std::int64_t overlap_us(const std::vector<time::Window>& counted, time::Instant from,
                        time::Instant to) {
  std::int64_t total = 0;
  for (const auto& w : counted) {
    if (!(w.from < to)) break;
    const auto lo = std::max(w.from, from);
    const auto hi = std::min(w.to, to);
    if (lo < hi) total += (hi - lo).count();
  }
  return total;
}

struct SlotBuckets {
  std::vector<measure::Bucket> buckets;
  std::int64_t straddling = 0;
  std::uint32_t first_straddling_line = 0;
};

std::optional<double> bound(std::span<const double> column, std::size_t row) {
  if (row >= column.size() || evidence::is_missing(column[row])) return std::nullopt;
  return column[row];
}

std::string bound_text(std::optional<double> b, bool lower) {
  if (!b) return lower ? "-inf" : "+inf";
  std::string text = std::to_string(*b);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

void note_histogram_quantile(const contract::Objective& o, const contract::QuantileMeasure& m,
                             const SlotBuckets& in, std::string_view file, ObjectiveResult& out) {
  const measure::QuantileLevel level{
      static_cast<std::uint64_t>(m.q.units),
      static_cast<std::uint64_t>(std::llround(std::pow(10.0, m.q.scale)))};
  const measure::HistogramQuantile h = measure::histogram_quantile(in.buckets, level, o.norm);
  out.value.reset();
  out.count = static_cast<std::int64_t>(h.count);
  out.failing = static_cast<std::int64_t>(h.failing);
  out.details.push_back({"samples", static_cast<std::int64_t>(h.count)});
  out.details.push_back({"samples_missing_norm", static_cast<std::int64_t>(h.failing)});
  out.details.push_back({"samples_undetermined", static_cast<std::int64_t>(h.undetermined)});
  const std::string norm = contract::format_norm(o.norm);
  if (in.straddling > 0) {
    out.status = Status::kNoData;
    out.undecidable = true;
    out.details.push_back({"windows_straddling", in.straddling});
    out.reason = "undecidable: " + std::to_string(in.straddling) +
                 " histogram window(s) lie partly outside the counted time and cannot be split "
                 "(first: " +
                 std::string(file) + ":" + std::to_string(in.first_straddling_line) + ")";
    return;
  }
  if (h.count == 0) {
    out.status = Status::kNoData;
    out.reason = "no histogram bucket in the period";
    return;
  }
  out.bounds = ValueBounds{h.above, h.at_most};
  out.details.push_back({"value_above", h.above ? Detail{"", *h.above}.value
                                                : Detail{"", std::string("-inf")}.value});
  out.details.push_back({"value_at_most", h.at_most ? Detail{"", *h.at_most}.value
                                                    : Detail{"", std::string("+inf")}.value});
  out.status = h.status;
  out.reason.reset();
  // The least miss the buckets prove, for a ladder's deviation rule: from the bound nearest the
  // norm (for "< 400", the p95 lies above A, so it misses by more than A − 400).
  const auto& nearest = o.norm.higher_is_better() ? h.at_most : h.above;
  if (h.status == Status::kBreached && nearest) {
    const double threshold = o.norm.threshold.to_double();
    out.miss_absolute = o.norm.higher_is_better() ? threshold - *nearest : *nearest - threshold;
    if (threshold != 0) out.miss_relative = *out.miss_absolute / threshold;
  }
  if (h.undecidable) {
    out.undecidable = true;
    out.reason = "undecidable: the buckets place the value in (" + bound_text(h.above, true) +
                 ", " + bound_text(h.at_most, false) + "], on both sides of the norm " + norm;
  }
}

}  // namespace

std::vector<ObjectiveResult> evaluate_quantile_histograms(const Context& ctx,
                                                          const contract::Objective& o,
                                                          const contract::QuantileMeasure& m,
                                                          const evidence::Table& table,
                                                          std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "no histogram bucket in the period");
  std::vector<std::vector<time::Window>> counted(slots.size());
  for (std::size_t s = 0; s < slots.size(); ++s) {
    counted[s] = quantile_counted_time(ctx, m, slots[s].window);
  }
  const auto from = table.instants(columns::kFrom);
  const auto to = table.instants(columns::kTo);
  const auto name = table.codes(columns::kName);
  const auto count = table.numbers(columns::kCount);
  const auto above = table.in_file(columns::kAboveMs) ? table.numbers(columns::kAboveMs)
                                                      : std::span<const double>{};
  const auto at_most = table.in_file(columns::kAtMostMs) ? table.numbers(columns::kAtMostMs)
                                                         : std::span<const double>{};
  const auto& names = table.dictionary(columns::kName);
  std::vector<std::uint8_t> name_counted(names.size(), m.names.empty() ? 1 : 0);
  for (const auto& n : m.names) {
    if (const auto code = names.find(n)) name_counted[*code] = 1;
  }
  std::vector<SlotBuckets> per_slot(slots.size());
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (ctx.as_of() < to[row] || evidence::is_missing(count[row]) || count[row] == 0) continue;
    if (evidence::is_missing_code(name[row]) || name_counted[name[row]] == 0) continue;
    const measure::Bucket bucket{bound(above, row), bound(at_most, row),
                                 static_cast<std::uint64_t>(count[row])};
    const auto length = (to[row] - from[row]).count();
    std::vector<std::size_t> touched;
    bool whole = false;
    for (std::size_t s = 0; s < slots.size() && !whole; ++s) {
      const auto& w = slots[s].window;
      if (length == 0) {
        if (!w.contains(from[row])) continue;
        const bool in = overlap_us(counted[s], from[row], from[row] + time::Micros(1)) > 0;
        if (in) per_slot[s].buckets.push_back(bucket);
        whole = true;
        continue;
      }
      if (!(w.from < to[row]) || !(from[row] < w.to)) continue;
      const std::int64_t inside = overlap_us(counted[s], from[row], to[row]);
      if (inside == length) {
        per_slot[s].buckets.push_back(bucket);
        whole = true;
      } else if (inside > 0) {
        touched.push_back(s);  // partly in the counted time, or across the slot's edge
      }
    }
    if (whole) continue;
    for (const std::size_t s : touched) {
      if (per_slot[s].straddling++ == 0) per_slot[s].first_straddling_line = table.lines()[row];
    }
  }
  const std::string file(table.schema().file_name);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    note_histogram_quantile(o, m, per_slot[s], file, results[s]);
  }
  return results;
}

}  // namespace meetlat::evaluate

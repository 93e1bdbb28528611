// Availability (KPI-03): decided from the contract's source (outages.csv) when present, else
// from its fallback (probes.csv). When both are present, the probes are measured beside the
// register as the client's check on it: their figure goes into the details, and down time the
// register does not hold becomes a warning.
#include <algorithm>
#include <cstdio>

#include "contract/measure_columns.h"
#include "evaluate/objective_eval.h"
#include "evaluate/probe_minutes.h"
#include "evaluate/rows.h"
#include "measure/availability.h"
#include "measure/probe_availability.h"
#include "measure/register_check.h"

namespace meetlat::evaluate {
namespace {

// The columns of the outage register and of the probes, as their descriptor lists them.
namespace outage_columns = contract::outage_columns;
namespace probe_columns = contract::probe_columns;

double minutes(time::Micros d) { return static_cast<double>(d.count()) / 60e6; }

void add_availability_details(const measure::AvailabilityResult& a, ObjectiveResult& r) {
  r.details.push_back({"downtime_minutes", minutes(a.downtime)});
  r.details.push_back({"planned_minutes", minutes(a.planned)});
  r.details.push_back({"measured_minutes", minutes(a.measured)});
}

void note_exempted_outage(const Context& ctx, const evidence::Table& table, std::size_t row,
                          std::span<const Slot> slots, std::vector<ObjectiveResult>& results) {
  const time::Instant start = table.instants(outage_columns::kStart)[row];
  const time::Instant end = table.instants(outage_columns::kEnd)[row];
  if (ctx.as_of() < start) return;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto& w = slots[s].window;
    if (start < w.to && (evidence::is_missing(end) || w.from < end)) {
      note_exempted(table, row, results[s]);
      const time::Instant to =
          std::min({evidence::is_missing(end) ? ctx.as_of() : end, ctx.as_of(), w.to});
      const time::Micros inside = std::max(to - std::max(start, w.from), time::Micros{0});
      results[s].record_downtime.push_back({results[s].exempted_ids.back(), true, inside});
    }
  }
}

// The outage register's records that pass the contract's service filter.
struct Register {
  std::vector<measure::Outage> counted;  // not exempted: these decide the value
  std::vector<std::size_t> rows;         // the row of each counted record
  std::vector<measure::Outage> all;      // exempted ones too: all hold their time
};

Register read_register(const Context& ctx, const contract::AvailabilityMeasure& m,
                       const evidence::Table& table, std::span<const Slot> slots,
                       std::vector<ObjectiveResult>& results) {
  const auto start = table.instants(outage_columns::kStart);
  const auto end = table.instants(outage_columns::kEnd);
  const auto planned = table.bools(outage_columns::kPlanned);
  contract::Filter filter;
  if (!m.services.empty()) {
    filter.push_back({std::string(outage_columns::kService), m.services, std::nullopt, {}});
  }
  const auto pass = row_filter(table, filter);
  // An exempted outage is not downtime; it is listed in the periods it overlaps.
  const auto exempted = exempted_rows(ctx, table);
  Register out;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (pass[row] == 0) continue;
    std::optional<time::Instant> e;
    if (!evidence::is_missing(end[row])) e = end[row];
    const measure::Outage outage{start[row], e, planned[row] == 1};
    out.all.push_back(outage);
    if (!exempted.empty() && exempted[row] != 0) {
      note_exempted_outage(ctx, table, row, slots, results);
      continue;
    }
    out.counted.push_back(outage);
    out.rows.push_back(row);
  }
  return out;
}

std::vector<ObjectiveResult> from_outages(const Context& ctx, const contract::Objective& o,
                                          const evidence::Table& table, const Register& reg,
                                          std::span<const Slot> slots,
                                          std::vector<ObjectiveResult> results) {
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto a = measure::outage_availability(reg.counted, slots[s].window, ctx.as_of(), o.norm);
    apply_measure(a.result, table, reg.rows, results[s]);
    // The failing records' down time before the exempted ones', which read_register noted.
    auto& downtime = results[s].record_downtime;
    std::vector<RecordDowntime> failing;
    failing.reserve(results[s].failing_ids.size() + downtime.size());
    for (std::size_t i = 0; i < results[s].failing_ids.size(); ++i) {
      failing.push_back({results[s].failing_ids[i], false, a.failing_downtime.at(i)});
    }
    failing.insert(failing.end(), downtime.begin(), downtime.end());
    downtime = std::move(failing);
    results[s].details.push_back({"source", std::string("outages.csv")});
    add_availability_details(a, results[s]);
  }
  return results;
}

// The minutes of each slot's elapsed window, observed and down (probe_availability.h): from the
// votes taken while the probes were read when they were streamed (probe_minutes.h), else from the
// table.
std::vector<measure::MinuteTally> minutes_by_slot(const Context& ctx, const evidence::Table& table,
                                                  std::span<const Slot> slots) {
  std::vector<measure::MinuteTally> out(slots.size());
  auto elapsed = [&](const Slot& slot) {
    return time::Window{slot.window.from, std::min(slot.window.to, ctx.as_of())};
  };
  if (const ProbeMinutes* streamed = ProbeMinutes::streamed(ctx.evidence())) {
    for (std::size_t s = 0; s < slots.size(); ++s) out[s] = streamed->tally(elapsed(slots[s]));
    return out;
  }
  const auto at = table.instants(probe_columns::kAt);
  const auto location = table.codes(probe_columns::kLocation);
  const auto up = table.bools(probe_columns::kUp);
  const auto per_slot = rows_by_slot(ctx, table, probe_columns::kAt, slots);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    std::vector<measure::Probe> probes;
    probes.reserve(per_slot[s].size());
    for (const auto row : per_slot[s]) probes.push_back({at[row], location[row], up[row] == 1});
    const time::Window w = elapsed(slots[s]);
    out[s] = measure::tally_minutes(measure::votes_per_minute(probes, w), w);
  }
  return out;
}

std::string interval_text(const Context& ctx, time::Window w) {
  return ctx.zone().format(w.from) + "/" + ctx.zone().format(w.to);
}

// Minutes as a reader counts them: whole when whole, else to the second.
std::string minutes_text(time::Micros d) {
  const double m = minutes(d);
  char buffer[32];
  if (d.count() % 60'000'000 == 0) {
    std::snprintf(buffer, sizeof buffer, "%.0f", m);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", m);
  }
  return buffer;
}

// Measures the probes beside the register that decided `results`: the probes' own figure (with
// the register's planned outages as planned, so both figures share a denominator) and the down
// time the register does not hold, which becomes a warning.
void check_register(const Context& ctx, const contract::Objective& o, const Register& reg,
                    const evidence::Table& probes, std::span<const Slot> slots,
                    std::vector<ObjectiveResult>& results) {
  const auto per_slot = minutes_by_slot(ctx, probes, slots);
  std::vector<time::Window> planned;
  for (const auto& outage : reg.all) {
    if (outage.planned) planned.push_back({outage.start, outage.end.value_or(ctx.as_of())});
  }
  for (std::size_t s = 0; s < slots.size(); ++s) {
    auto& r = results[s];
    const auto p =
        measure::tally_availability(per_slot[s], planned, slots[s].window, ctx.as_of(), o.norm);
    const auto gap =
        measure::unrecorded_downtime(p.down_intervals, reg.all, slots[s].window, ctx.as_of());
    if (p.availability.result.value) {
      r.details.push_back({"probe_availability", *p.availability.result.value});
    }
    r.details.push_back({"probe_downtime_minutes", minutes(p.availability.downtime)});
    r.details.push_back({"probe_coverage", p.coverage});
    r.details.push_back({"unrecorded_downtime_minutes", minutes(gap.total)});
    r.probe_check_spans = p.down_intervals;
    if (gap.unrecorded.empty()) continue;
    std::string w = "the probes saw " + minutes_text(gap.total) +
                    " minutes of downtime that outages.csv does not hold (";
    for (std::size_t i = 0; i < gap.unrecorded.size(); ++i) {
      w += (i == 0 ? "" : ", ") + interval_text(ctx, gap.unrecorded[i]);
    }
    w += "); the verdict follows outages.csv, the contract's source";
    r.warnings.push_back(std::move(w));
  }
}

std::vector<ObjectiveResult> from_probes(const Context& ctx, const contract::Objective& o,
                                         const evidence::Table& table,
                                         std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "");
  const auto per_slot = minutes_by_slot(ctx, table, slots);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto p =
        measure::tally_availability(per_slot[s], {}, slots[s].window, ctx.as_of(), o.norm);
    auto& r = results[s];
    apply_measure(p.availability.result, table, {}, r);
    for (const auto& w : p.down_intervals)
      r.failing_ids.push_back("probes " + interval_text(ctx, w));
    r.down_spans = p.availability.down;
    r.details.push_back({"source", std::string("probes.csv")});
    add_availability_details(p.availability, r);
    r.details.push_back({"coverage", p.coverage});
    r.details.push_back({"observed_minutes", p.observed_minutes});
    r.details.push_back({"window_minutes", p.window_minutes});
    if (r.status == Status::kNoData) r.reason = "no probe in the period";
  }
  return results;
}

}  // namespace

std::vector<ObjectiveResult> evaluate_availability(const Context& ctx, const contract::Objective& o,
                                                   const contract::AvailabilityMeasure& m,
                                                   std::span<const Slot> slots) {
  const evidence::Table* probes = m.probes ? ctx.evidence().find(*m.probes) : nullptr;
  if (const auto* outages = ctx.evidence().find(m.outages)) {
    auto results = blank_results(o, slots.size(), "");
    const Register reg = read_register(ctx, m, *outages, slots, results);
    results = from_outages(ctx, o, *outages, reg, slots, std::move(results));
    if (probes != nullptr) check_register(ctx, o, reg, *probes, slots, results);
    return results;
  }
  if (probes != nullptr) return from_probes(ctx, o, *probes, slots);
  return blank_results(o, slots.size(),
                       "no evidence supplied: no outages.csv or probes.csv in the data folder");
}

}  // namespace meetlat::evaluate

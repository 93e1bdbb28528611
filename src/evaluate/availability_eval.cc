// Availability (KPI-03): from outages.csv when present, else from probes.csv.
#include "evaluate/objective_eval.h"
#include "evaluate/rows.h"
#include "measure/availability.h"
#include "measure/probe_availability.h"

namespace meetlat::evaluate {
namespace {

double minutes(time::Micros d) { return static_cast<double>(d.count()) / 60e6; }

void add_availability_details(const measure::AvailabilityResult& a, ObjectiveResult& r) {
  r.details.push_back({"downtime_minutes", minutes(a.downtime)});
  r.details.push_back({"planned_minutes", minutes(a.planned)});
  r.details.push_back({"measured_minutes", minutes(a.measured)});
}

void note_exempted_outage(const Context& ctx, const evidence::Table& table, std::size_t row,
                          std::span<const Slot> slots, std::vector<ObjectiveResult>& results) {
  const time::Instant start = table.instants("start")[row];
  const time::Instant end = table.instants("end")[row];
  if (ctx.as_of() < start) return;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto& w = slots[s].window;
    if (start < w.to && (evidence::is_missing(end) || w.from < end)) {
      note_exempted(table, row, results[s]);
    }
  }
}

std::vector<ObjectiveResult> from_outages(const Context& ctx, const contract::Objective& o,
                                          const contract::AvailabilityMeasure& m,
                                          const evidence::Table& table,
                                          std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "");
  const auto start = table.instants("start");
  const auto end = table.instants("end");
  const auto planned = table.bools("planned");
  contract::Filter filter;
  if (!m.services.empty()) filter.push_back({"service", m.services, std::nullopt, {}});
  const auto pass = row_filter(table, filter);
  // An exempted outage is not downtime; it is listed in the periods it overlaps.
  const auto exempted = exempted_rows(ctx, table);
  std::vector<measure::Outage> outages;
  std::vector<std::size_t> rows;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (pass[row] == 0) continue;
    if (!exempted.empty() && exempted[row] != 0) {
      note_exempted_outage(ctx, table, row, slots, results);
      continue;
    }
    std::optional<time::Instant> e;
    if (!evidence::is_missing(end[row])) e = end[row];
    outages.push_back({start[row], e, planned[row] == 1});
    rows.push_back(row);
  }
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto a = measure::outage_availability(outages, slots[s].window, ctx.as_of(), o.norm);
    apply_measure(a.result, table, rows, results[s]);
    results[s].details.push_back({"source", std::string("outages.csv")});
    add_availability_details(a, results[s]);
  }
  return results;
}

std::vector<ObjectiveResult> from_probes(const Context& ctx, const contract::Objective& o,
                                         const evidence::Table& table,
                                         std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "");
  const auto at = table.instants("at");
  const auto location = table.codes("location");
  const auto up = table.bools("up");
  const auto per_slot = rows_by_slot(ctx, table, "at", slots);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    std::vector<measure::Probe> probes;
    probes.reserve(per_slot[s].size());
    for (const auto row : per_slot[s]) probes.push_back({at[row], location[row], up[row] == 1});
    const auto p = measure::probe_availability(probes, {}, slots[s].window, ctx.as_of(), o.norm);
    auto& r = results[s];
    apply_measure(p.availability.result, table, {}, r);
    for (const auto& w : p.down_intervals) {
      r.failing_ids.push_back("probes " + ctx.zone().format(w.from) + "/" +
                              ctx.zone().format(w.to));
    }
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
  if (const auto* outages = ctx.evidence().find(m.outages)) {
    return from_outages(ctx, o, m, *outages, slots);
  }
  if (m.probes) {
    if (const auto* probes = ctx.evidence().find(*m.probes)) {
      return from_probes(ctx, o, *probes, slots);
    }
  }
  return blank_results(o, slots.size(),
                       "no evidence supplied: no outages.csv or probes.csv in the data folder");
}

}  // namespace meetlat::evaluate

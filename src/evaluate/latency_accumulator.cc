#include "evaluate/latency_accumulator.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <type_traits>

#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"
#include "evaluate/track.h"
#include "evidence/load.h"

namespace meetlat::evaluate {
namespace {

int column_of(std::string_view kind, std::string_view column) {
  const auto* schema = evidence::find_schema(kind);
  if (schema == nullptr) throw std::logic_error("no evidence kind " + std::string(kind));
  const int index = schema->column_index(column);
  if (index < 0) throw std::logic_error("no column " + std::string(column));
  return index;
}

void put_field(std::string_view text, std::string& out) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
  out += ' ';
}

void put_instant(time::Instant t, std::string& out) {
  out += std::to_string(t.time_since_epoch().count());
}

// The summary key of a slot (latency_accumulator.h): what decides its counts besides the rows.
std::string slot_key(std::string_view kind, const contract::QuantileMeasure& m, int at, int name,
                     int value, const time::Window& window,
                     const std::vector<time::Window>& counted) {
  std::string key = "latency-counts 1\nkind ";
  put_field(kind, key);
  key += "\ncolumns " + std::to_string(at) + ' ' + std::to_string(name) + ' ' +
         std::to_string(value) + "\nnames ";
  for (const std::string& n : m.names) put_field(n, key);
  key += "\nwindow ";
  put_instant(window.from, key);
  key += ' ';
  put_instant(window.to, key);
  key += "\ncounted";
  for (const time::Window& w : counted) {
    key += ' ';
    put_instant(w.from, key);
    key += '-';
    put_instant(w.to, key);
  }
  key += '\n';
  return key;
}

}  // namespace

struct LatencyAccumulator::Plan {
  struct Run {
    std::vector<Slot> slots;
    std::vector<std::vector<time::Window>> counted;  // per slot: in `in`, outside `outside`
    std::vector<std::string> keys;                   // per slot: its summary key
  };
  struct Place {  // of a slot: objective, run, slot
    std::size_t objective, run, slot;
  };
  struct Objective {
    std::string id;                            // the objective's id, unique within the contract
    const contract::QuantileMeasure* measure;  // read while accumulating only
    std::vector<Run> runs;
    int at = -1, name = -1, value = -1;  // schema column indices
  };
  std::shared_ptr<const contract::Versions> versions;  // the measures point into it
  std::vector<Objective> objectives;                   // an id once per version of its measure
  time::Instant as_of;
  std::string kind;
  std::map<std::string, std::vector<Place>, std::less<>> places;  // by summary key
};

LatencyAccumulator::LatencyAccumulator(const contract::Contract& contract, const time::Zone& zone,
                                       time::Instant as_of, const time::Period& requested,
                                       std::string_view kind,
                                       const std::vector<time::Period>& also_whole)
    : LatencyAccumulator(make_plan(contract, zone, as_of, requested, kind, also_whole)) {}

std::shared_ptr<const LatencyAccumulator::Plan> LatencyAccumulator::make_plan(
    const contract::Contract& contract, const time::Zone& zone, time::Instant as_of,
    const time::Period& requested, std::string_view kind,
    const std::vector<time::Period>& also_whole) {
  auto plan = std::make_shared<Plan>();
  plan->versions = std::make_shared<const contract::Versions>(contract);
  plan->as_of = as_of;
  plan->kind = std::string(kind);
  const evidence::Evidence none;
  const Context ctx(*plan->versions, none, zone, as_of);
  // Each objective of each run of slots under the same terms (track.h), and the aggregate slot
  // under the terms in force on the request's first day.
  auto add = [&](const contract::Kpi& terms, const std::vector<Slot>& slots) {
    for (const auto& o : terms.objectives) {
      const auto* m = std::get_if<contract::QuantileMeasure>(&o.measure);
      if (m == nullptr || m->evidence != kind) continue;
      Plan::Run run;
      for (const Slot& slot : slots) {
        run.counted.push_back(quantile_counted_time(ctx, *m, slot.window));
      }
      run.slots = slots;
      const auto same = std::find_if(plan->objectives.begin(), plan->objectives.end(),
                                     [&](const Plan::Objective& p) { return p.measure == m; });
      if (same != plan->objectives.end()) {  // another run under the same terms
        same->runs.push_back(std::move(run));
        continue;
      }
      plan->objectives.push_back({o.id,
                                  m,
                                  {std::move(run)},
                                  column_of(kind, m->time_column),
                                  column_of(kind, m->name_column),
                                  column_of(kind, m->value_column)});
    }
  };
  for (const KpiTrack& track : plan_tracks(ctx, requested)) {
    if (track.slots.empty()) continue;
    for (std::size_t first = 0, end = 0; first < track.slots.size(); first = end) {
      end = first + 1;
      while (end < track.slots.size() && track.terms[end] == track.terms[first]) ++end;
      add(*track.terms[first], {track.slots.begin() + static_cast<long>(first),
                                track.slots.begin() + static_cast<long>(end)});
    }
    if (auto whole = aggregate_slot(ctx, *track.terms.front(), requested)) {
      if (const contract::Kpi* terms = terms_for(ctx, track.id, requested)) add(*terms, {*whole});
    }
  }
  // The aggregate slots of the further periods, as an evaluation of each would plan them: those
  // of one KPI under the same terms in one run (in order and disjoint: one search per sample).
  std::vector<std::pair<const contract::Kpi*, std::vector<Slot>>> also;
  for (const time::Period& period : also_whole) {
    for (const KpiTrack& track : plan_tracks(ctx, period)) {
      if (track.slots.empty()) continue;
      const auto whole = aggregate_slot(ctx, *track.terms.front(), period);
      const contract::Kpi* terms = whole ? terms_for(ctx, track.id, period) : nullptr;
      if (terms == nullptr) continue;
      const auto run = std::find_if(also.begin(), also.end(),
                                    [terms](const auto& a) { return a.first == terms; });
      if (run != also.end() && run->second.back().window.to <= whole->window.from) {
        run->second.push_back(*whole);
      } else {
        also.emplace_back(terms, std::vector<Slot>{*whole});
      }
    }
  }
  for (const auto& [terms, slots] : also) add(*terms, slots);
  for (std::size_t i = 0; i < plan->objectives.size(); ++i) {
    Plan::Objective& o = plan->objectives[i];
    for (std::size_t r = 0; r < o.runs.size(); ++r) {
      Plan::Run& run = o.runs[r];
      for (std::size_t s = 0; s < run.slots.size(); ++s) {
        run.keys.push_back(
            slot_key(kind, *o.measure, o.at, o.name, o.value, run.slots[s].window, run.counted[s]));
        plan->places[run.keys.back()].push_back({i, r, s});
      }
    }
  }
  return plan;
}

LatencyAccumulator::LatencyAccumulator(std::shared_ptr<const Plan> plan) : plan_(std::move(plan)) {
  state_.resize(plan_->objectives.size());
  for (std::size_t i = 0; i < state_.size(); ++i) {
    for (const auto& run : plan_->objectives[i].runs) {
      state_[i].runs.push_back({std::vector<ValueCounts>(run.slots.size()), -1, 0});
    }
  }
}

bool LatencyAccumulator::can_stream(const contract::Contract& contract, std::string_view kind) {
  const contract::Versions versions(contract);
  for (const auto& version : versions.all()) {
    for (const auto& kpi : version.terms.kpis) {
      for (const auto& o : kpi.objectives) {
        const bool reads = std::visit(
            [&](const auto& m) {
              using M = std::decay_t<decltype(m)>;
              if constexpr (std::is_same_v<M, contract::QuantileMeasure>) {
                return false;
              } else if constexpr (std::is_same_v<M, contract::AvailabilityMeasure>) {
                return m.outages == kind || (m.probes && *m.probes == kind);
              } else {
                return m.evidence == kind;
              }
            },
            o.measure);
        if (reads) return false;
      }
    }
  }
  const auto* schema = evidence::find_schema(kind);
  return schema != nullptr && schema->key.empty();
}

std::shared_ptr<LatencyAccumulator> LatencyAccumulator::fresh() const {
  return std::shared_ptr<LatencyAccumulator>(new LatencyAccumulator(plan_));
}

void LatencyAccumulator::count(std::size_t objective, time::Instant at, double duration_ms) {
  const auto& planned = plan_->objectives[objective];
  for (std::size_t r = 0; r < planned.runs.size(); ++r) {
    const Plan::Run& run = planned.runs[r];
    SlotRun& state = state_[objective].runs[r];
    // Samples are mostly in time order: try the previous sample's slot and interval first.
    if (state.last_slot < 0 ||
        !run.slots[static_cast<std::size_t>(state.last_slot)].window.contains(at)) {
      state.last_slot = slot_of(run.slots, at);
      if (state.last_slot < 0) continue;
      state.last_interval = 0;
    }
    const auto s = static_cast<std::size_t>(state.last_slot);
    const auto& counted = run.counted[s];
    // last_interval is the first interval not wholly before the previous sample; a sample inside
    // it, or in the gap before it, is decided without a search (most samples lie outside).
    std::size_t i = state.last_interval;
    const bool after_previous = i == 0 || !(at < counted[i - 1].to);
    const bool before_next = i == counted.size() || at < counted[i].to;
    if (!after_previous || !before_next) {
      i = static_cast<std::size_t>(
          std::upper_bound(counted.begin(), counted.end(), at,
                           [](time::Instant x, const time::Window& w) { return x < w.to; }) -
          counted.begin());
      state.last_interval = i;
    }
    if (i == counted.size() || at < counted[i].from) continue;
    state.counts[s].add(duration_ms);
  }
}

bool LatencyAccumulator::name_counted(std::size_t objective, std::uint32_t code,
                                      const evidence::Dictionary& names) {
  auto& known = state_[objective].name_counted;
  if (code >= known.size()) known.resize(static_cast<std::size_t>(code) + 1, -1);
  if (known[code] < 0) {
    const auto& wanted = plan_->objectives[objective].measure->names;
    const bool counted =
        wanted.empty() || std::find(wanted.begin(), wanted.end(), names.text(code)) != wanted.end();
    known[code] = counted ? 1 : 0;
  }
  return known[code] != 0;
}

void LatencyAccumulator::add(time::Instant at, std::string_view name, double duration_ms) {
  if (plan_->as_of < at) return;
  for (std::size_t i = 0; i < state_.size(); ++i) {
    const auto& wanted = plan_->objectives[i].measure->names;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
    count(i, at, duration_ms);
  }
}

void LatencyAccumulator::add(const evidence::Table& table, std::size_t row) {
  for (std::size_t i = 0; i < state_.size(); ++i) {
    const auto& planned = plan_->objectives[i];
    const time::Instant at = table.column(static_cast<std::size_t>(planned.at)).instants[row];
    if (plan_->as_of < at || evidence::is_missing(at)) continue;
    const double value = table.column(static_cast<std::size_t>(planned.value)).numbers[row];
    if (evidence::is_missing(value)) continue;
    const evidence::Column& names = table.column(static_cast<std::size_t>(planned.name));
    const std::uint32_t code = names.codes[row];
    if (evidence::is_missing_code(code)) continue;
    const auto& known = state_[i].name_counted;
    if (code < known.size() && known[code] >= 0) {
      if (known[code] == 0) continue;
    } else if (!name_counted(i, code, names.dictionary)) {
      continue;
    }
    count(i, at, value);
  }
}

void LatencyAccumulator::merge(const LatencyAccumulator& other) {
  if (other.plan_ != plan_) throw std::logic_error("merging accumulators of different plans");
  for (std::size_t i = 0; i < state_.size(); ++i) {
    for (std::size_t r = 0; r < state_[i].runs.size(); ++r) {
      auto& mine = state_[i].runs[r].counts;
      const auto& theirs = other.state_[i].runs[r].counts;
      for (std::size_t s = 0; s < mine.size(); ++s) mine[s].merge(theirs[s]);
    }
  }
}

std::optional<std::vector<std::string>> LatencyAccumulator::summary_keys(
    const time::Window& span) const {
  std::vector<std::string> keys;
  // Rows after as_of are not counted: a block that starts after it gives nothing; one that ends
  // after it gives what its rows up to as_of give, which no key names.
  if (plan_->as_of < span.from) return keys;
  for (const auto& o : plan_->objectives) {
    for (const auto& run : o.runs) {
      for (std::size_t s = 0; s < run.slots.size(); ++s) {
        const time::Window& w = run.slots[s].window;
        if (!(w.from < span.to && span.from < w.to)) continue;
        if (std::find(keys.begin(), keys.end(), run.keys[s]) == keys.end()) {
          keys.push_back(run.keys[s]);
        }
      }
    }
  }
  // Every row of the block is before span.to: all are counted when the last possible one is. A
  // block no slot overlaps gives nothing, whatever as_of.
  if (!keys.empty() && plan_->as_of < span.to - time::Micros{1}) return std::nullopt;
  return keys;
}

std::string LatencyAccumulator::summary(std::string_view key) const {
  const auto it = plan_->places.find(key);
  if (it == plan_->places.end()) return ValueCounts{}.bytes();
  const Plan::Place& p = it->second.front();
  return state_[p.objective].runs[p.run].counts[p.slot].bytes();
}

bool LatencyAccumulator::add_summary(std::string_view key, std::string_view bytes) {
  ValueCounts counts;
  if (!counts.add_bytes(bytes)) return false;
  const auto it = plan_->places.find(key);
  if (it == plan_->places.end()) return true;  // no slot of this plan has the key
  for (const Plan::Place& p : it->second) {
    state_[p.objective].runs[p.run].counts[p.slot].merge(counts);
  }
  return true;
}

const std::string& LatencyAccumulator::kind() const { return plan_->kind; }

bool LatencyAccumulator::plans(std::string_view objective_id) const {
  return std::any_of(plan_->objectives.begin(), plan_->objectives.end(),
                     [&](const Plan::Objective& p) { return p.id == objective_id; });
}

const ValueCounts* LatencyAccumulator::counts(std::string_view objective_id,
                                              const time::Window& window) const {
  for (std::size_t i = 0; i < state_.size(); ++i) {
    if (plan_->objectives[i].id != objective_id) continue;
    for (std::size_t r = 0; r < state_[i].runs.size(); ++r) {
      const auto& slots = plan_->objectives[i].runs[r].slots;
      for (std::size_t s = 0; s < slots.size(); ++s) {
        if (slots[s].window.from == window.from && slots[s].window.to == window.to) {
          return &state_[i].runs[r].counts[s];
        }
      }
    }
  }
  return nullptr;
}

}  // namespace meetlat::evaluate

#include "engine/engine.h"

#include <map>
#include <utility>

#include "evaluate/columns_read.h"
#include "evaluate/evaluate.h"
#include "evaluate/exemptions.h"
#include "evaluate/pauses.h"
#include "evaluate/probe_minutes.h"

namespace meetlat::engine {
namespace {

constexpr std::string_view kStreamedKind = "transactions";

using RowSinks = std::map<std::string, evidence::RowSinkFactory, std::less<>>;

// The accumulators that received the streamed transactions, merged; nullptr when none did (no
// streaming, or no transactions.csv).
std::shared_ptr<evaluate::LatencyAccumulator> merged_latency(const evidence::Evidence& evidence) {
  const auto it = evidence.sinks.find(kStreamedKind);
  if (it == evidence.sinks.end() || it->second.empty()) return nullptr;
  auto merged = std::dynamic_pointer_cast<evaluate::LatencyAccumulator>(it->second.front());
  for (std::size_t i = 1; i < it->second.size(); ++i) {
    merged->merge(dynamic_cast<const evaluate::LatencyAccumulator&>(*it->second[i]));
  }
  return merged;
}

// The contract's versions and the evidence an evaluation of `period` reads; the streamed samples
// are also counted over the aggregate slots of `also_whole` (latency_accumulator.h).
std::variant<Loaded, Refused> load(const Setting& setting, const evidence::EvidenceSource& source,
                                   const time::Period& period,
                                   const std::vector<time::Period>& also_whole) {
  const parallel::ScopedExecutor use(setting.executor);
  const contract::Contract& contract = *setting.contract;
  Loaded out;
  out.versions = std::make_shared<const contract::Versions>(contract);
  RowSinks sinks;
  if (evaluate::LatencyAccumulator::can_stream(contract, kStreamedKind)) {
    auto plan = std::make_shared<const evaluate::LatencyAccumulator>(
        contract, *setting.zone, setting.as_of, period, kStreamedKind, also_whole);
    sinks.emplace(kStreamedKind, [plan] { return plan->fresh(); });
  }
  if (evaluate::ProbeMinutes::can_stream(contract)) {
    sinks.emplace(evaluate::ProbeMinutes::kKind, [as_of = setting.as_of] {
      return std::make_shared<evaluate::ProbeMinutes>(as_of);
    });
  }
  evidence::LoadOptions options = checking_options(contract, *setting.zone);
  options.sinks = std::move(sinks);
  options.skip_invalid = source.skip_invalid();
  options.kept_columns = evaluate::columns_read(contract);
  out.evidence = source.read(options);
  if (out.evidence.find("exemptions") != nullptr) evaluate::check_exemptions(out.evidence, source);
  if (!out.evidence.usable()) {
    return Refused{out.evidence.diagnostics, out.evidence.summary()};
  }
  for (const auto& s : out.evidence.skipped) out.warnings.push_back(s.to_string());
  for (const auto& w : out.evidence.warnings) out.warnings.push_back(w.to_string());
  const auto notes = evaluate::exemption_warnings(out.evidence, *setting.zone, setting.as_of);
  out.warnings.insert(out.warnings.end(), notes.begin(), notes.end());
  const auto pauses = evaluate::pause_warnings(out.evidence, source, contract);
  out.warnings.insert(out.warnings.end(), pauses.begin(), pauses.end());
  out.latency = merged_latency(out.evidence);
  evaluate::ProbeMinutes::merge_streamed(out.evidence);
  return out;
}

// Loads for `period` (and the aggregate slots of `also_whole`) and runs `compute` on what was
// loaded; the source's warnings come before the result's own.
template <typename Result, typename Compute>
Outcome<Result> run(const Setting& setting, const evidence::EvidenceSource& source,
                    const time::Period& period, Compute compute,
                    const std::vector<time::Period>& also_whole = {}) {
  auto loaded = load(setting, source, period, also_whole);
  if (auto* refused = std::get_if<Refused>(&loaded)) return std::move(*refused);
  Loaded& in = std::get<Loaded>(loaded);
  const parallel::ScopedExecutor use(setting.executor);
  Result result = compute(in);
  return Computed<Result>{std::move(in), std::move(result)};
}

// Puts `first` before `warnings`.
void prepend(const std::vector<std::string>& first, std::vector<std::string>& warnings) {
  warnings.insert(warnings.begin(), first.begin(), first.end());
}

}  // namespace

evidence::LoadOptions checking_options(const contract::Contract& contract, const time::Zone& zone) {
  evidence::LoadOptions options{zone};
  options.priorities.clear();
  for (const auto& p : contract.priorities) options.priorities.push_back(p.id);
  options.priority_names = contract.priority_names;
  options.severities = contract.severities;
  return options;
}

Outcome<evaluate::Evaluation> evaluate_period(const Setting& setting,
                                              const evidence::EvidenceSource& source,
                                              const time::Period& period) {
  return run<evaluate::Evaluation>(setting, source, period, [&](const Loaded& in) {
    auto result = evaluate::evaluate(*in.versions, in.evidence, *setting.zone,
                                     {period, setting.as_of, in.latency.get()});
    prepend(in.warnings, result.warnings);
    return result;
  });
}

Outcome<evaluate::History> evaluate_months(const Setting& setting,
                                           const evidence::EvidenceSource& source,
                                           const time::Period& from, const time::Period& to,
                                           const std::vector<time::Period>& weeks) {
  // The history's tracks are those of an evaluation of `to` (history.h); its weeks are counted
  // in the same reading of the transactions.
  return run<evaluate::History>(
      setting, source, to,
      [&](const Loaded& in) {
        auto history =
            evaluate::evaluate_history(*in.versions, in.evidence, *setting.zone,
                                       {from, to, setting.as_of, in.latency.get(), weeks});
        prepend(in.warnings, history.warnings);
        return history;
      },
      weeks);
}

Outcome<std::vector<evaluate::Action>> actions_through(const Setting& setting,
                                                       const evidence::EvidenceSource& source,
                                                       const time::Period& period) {
  return run<std::vector<evaluate::Action>>(setting, source, period, [&](const Loaded& in) {
    return evaluate::evaluate_actions(*in.versions, in.evidence, *setting.zone,
                                      {period, setting.as_of, in.latency.get()});
  });
}

Outcome<PeriodAndActions> evaluate_period_and_actions(const Setting& setting,
                                                      const evidence::EvidenceSource& source,
                                                      const time::Period& period) {
  return run<PeriodAndActions>(setting, source, period, [&](const Loaded& in) {
    PeriodAndActions out;
    out.evaluation = evaluate::evaluate(*in.versions, in.evidence, *setting.zone,
                                        {period, setting.as_of, in.latency.get()});
    prepend(in.warnings, out.evaluation.warnings);
    out.actions = evaluate::evaluate_actions(*in.versions, in.evidence, *setting.zone,
                                             {period, setting.as_of, in.latency.get()});
    return out;
  });
}

Outcome<MonthsAndLast> evaluate_months_and_last(const Setting& setting,
                                                const evidence::EvidenceSource& source,
                                                const time::Period& from, const time::Period& to,
                                                const std::vector<time::Period>& weeks) {
  return run<MonthsAndLast>(
      setting, source, to,
      [&](const Loaded& in) {
        MonthsAndLast out;
        out.history =
            evaluate::evaluate_history(*in.versions, in.evidence, *setting.zone,
                                       {from, to, setting.as_of, in.latency.get(), weeks});
        prepend(in.warnings, out.history.warnings);
        out.last = evaluate::evaluate(*in.versions, in.evidence, *setting.zone,
                                      {to, setting.as_of, in.latency.get()});
        prepend(in.warnings, out.last.warnings);
        return out;
      },
      weeks);
}

}  // namespace meetlat::engine

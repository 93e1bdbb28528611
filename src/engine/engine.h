// The library entry point: an evaluation of a contract over an evidence source for a request —
// one period, a range of months, or the action register — with the source's problems returned
// as values. The CLI calls it; the workspace, the report writer and the server are to call it too.
// Nothing in here prints.
//
// What it decides, so that every caller gets the same answer:
// - the contract's versions (contract/versions.h): every period is evaluated under the version
//   in force on its first day, in a history and in the ladder walk alike;
// - which columns are kept (evaluate::columns_read) and whether the transactions are streamed
//   into exact latency accumulators instead of a table (evaluate/latency_accumulator.h: when
//   nothing else of the contract in force reads them), planned on the slots the request uses;
//   and whether the probes are reduced to their votes per location and minute while they are
//   read (evaluate/probe_minutes.h: when only availability reads them);
// - the exemptions checked against the evidence (evaluate/exemptions.h);
// - refusal: evidence with invalid rows is refused unless the source says to skip them;
// - the warnings (rows left out, DST readings, exemption notes, then the evaluation's own).
//
// Errors a source cannot turn into diagnostics (an unreadable folder, a file that changes while
// read: io::FileError; a time the zone cannot place: time::TimeError) are thrown.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "contract/model.h"
#include "contract/versions.h"
#include "evaluate/actions.h"
#include "evaluate/evaluation.h"
#include "evaluate/history.h"
#include "evaluate/latency_accumulator.h"
#include "evidence/load.h"
#include "evidence/source.h"
#include "parallel/executor.h"
#include "time/instant.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::engine {

// Evidence files in a folder (docs/evidence.md): `{path, skip_invalid}`, the CLI's source. Any
// evidence::EvidenceSource (evidence/source.h) can be evaluated; its skip_invalid() leaves
// invalid rows out (counted in the warnings) instead of refusing.
using EvidenceFolder = evidence::FolderSource;

// What every request names: the contract as loaded (with its amendments), its zone, the moment
// of evaluation, and the threads to run on (nullptr: the calling thread's executor).
struct Setting {
  const contract::Contract* contract = nullptr;
  const time::Zone* zone = nullptr;
  time::Instant as_of;
  parallel::Executor* executor = nullptr;
};

// The evidence was refused: it has invalid rows and the source does not skip them.
struct Refused {
  std::vector<evidence::Diagnostic> diagnostics;  // every file, schema order, then line order
  std::string summary;  // for a reader: the diagnostics (at most 50) and the warnings
};

// What an evaluation of one request read. The results below point into `versions`, which they
// share.
struct Loaded {
  std::shared_ptr<const contract::Versions> versions;
  evidence::Evidence evidence;
  std::shared_ptr<evaluate::LatencyAccumulator> latency;  // nullptr: not streamed
  std::vector<std::string> warnings;
};

template <typename Result>
struct Computed {
  Loaded inputs;  // keeps the contract version the result points into
  Result result;
};

template <typename Result>
using Outcome = std::variant<Computed<Result>, Refused>;

// The options evidence is read and checked with under `contract` (in `zone`, which must outlive
// them): its priorities (and the files' own names for them) and severities; every column kept,
// nothing streamed. An evaluation reads with these (plus its own column and streaming choices),
// so a row they accept is a row every evaluation accepts: what `import` checks evidence with
// before it enters a workspace.
evidence::LoadOptions checking_options(const contract::Contract& contract, const time::Zone& zone);

// One period (spec: a month, quarter, half-year, year or ISO week).
Outcome<evaluate::Evaluation> evaluate_period(const Setting& setting,
                                              const evidence::EvidenceSource& source,
                                              const time::Period& period);

// Every month from `from` to `to` (months, from ≤ to), each under the version in force for it,
// and over each ISO week of `weeks` the KPIs measured per week (history.h History::weeks, the
// figures `evaluate_period` of the week gives), from the same one reading of the evidence.
Outcome<evaluate::History> evaluate_months(const Setting& setting,
                                           const evidence::EvidenceSource& source,
                                           const time::Period& from, const time::Period& to,
                                           const std::vector<time::Period>& weeks = {});

// The action register: every ladder step fired from the contract start up to `period`.
Outcome<std::vector<evaluate::Action>> actions_through(const Setting& setting,
                                                       const evidence::EvidenceSource& source,
                                                       const time::Period& period);

// One period's evaluation and the action register through it, from one reading of the evidence
// (what closing a period stores): evaluate_period and actions_through in one.
struct PeriodAndActions {
  evaluate::Evaluation evaluation;
  std::vector<evaluate::Action> actions;
};
Outcome<PeriodAndActions> evaluate_period_and_actions(const Setting& setting,
                                                      const evidence::EvidenceSource& source,
                                                      const time::Period& period);

// A history of months (evaluate_months) and the evaluation of its last month `to`
// (evaluate_period), from one reading of the evidence: what a report of a month closed as agreed
// needs (the recomputation it checks against the agreed result, and the months it shows).
struct MonthsAndLast {
  evaluate::History history;
  evaluate::Evaluation last;
};
Outcome<MonthsAndLast> evaluate_months_and_last(const Setting& setting,
                                                const evidence::EvidenceSource& source,
                                                const time::Period& from, const time::Period& to,
                                                const std::vector<time::Period>& weeks = {});

}  // namespace meetlat::engine

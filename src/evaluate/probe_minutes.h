// KPI-03's probes without keeping them: while the evidence is read, each probe (probes.csv) becomes
// its location's vote in its UTC minute, which is all that availability reads of the probes
// (measure/probe_availability.h: a location is down in a minute when any of its probes in that
// minute reported down; the minute's verdict is the majority of the locations that reported).
// A month of probes from three locations is 130,000 rows, and the votes of a minute are two bits
// per location, so three years of votes take a few megabytes instead of the rows.
//
// Probes at or after as_of are left out, as availability leaves them out (its elapsed window
// ends at as_of). The votes are exact: votes(window) gives what
// measure::votes_per_minute gives for the same probes, for every window whose edges are whole UTC
// minutes (period windows are: contract zones have whole-minute offsets).
//
// As an evidence::SummarisingSink (row_sink.h) its intake from a block of rows (a month of the
// workspace) is one summary, under one key that names no contract term (the votes depend on the
// rows alone): everything the sink took, as each location's name and its two bits (reported, down)
// per minute. Summaries add like their rows (a location's bits are or-ed), so a block may be
// summarised part by part. A block can be summarised when it ends at or before as_of; one that
// starts at or after as_of gives nothing.
//
// One sink per parser thread; merge() adds another's votes (locations matched by name). Not
// thread-safe; distinct sinks are independent.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "evidence/load.h"
#include "evidence/row_sink.h"
#include "measure/probe_availability.h"
#include "time/instant.h"
#include "time/period.h"

namespace meetlat::evaluate {

class ProbeMinutes : public evidence::SummarisingSink {
 public:
  // The evidence kind the contract's availability measures read as probes.
  static constexpr std::string_view kKind = "probes";

  explicit ProbeMinutes(time::Instant as_of) : as_of_(as_of) {}
  // Movable, not copyable (it points into its own pages).
  ProbeMinutes(ProbeMinutes&&) = default;
  ProbeMinutes& operator=(ProbeMinutes&&) = default;
  ProbeMinutes(const ProbeMinutes&) = delete;
  ProbeMinutes& operator=(const ProbeMinutes&) = delete;

  // Whether reducing the probes to votes loses nothing `contract` reads: in every version, every
  // measure that reads the probes kind is an availability measure reading it as its probes.
  static bool can_stream(const contract::Contract& contract);
  // Merges the ProbeMinutes sinks the probes of `evidence` were streamed into (one per part of
  // the file, evidence::Evidence::sinks) into the first, and drops the others. The engine calls it
  // once after loading, before evaluating.
  static void merge_streamed(evidence::Evidence& evidence);
  // The votes of the probes of `evidence` when they were streamed into a ProbeMinutes sink and
  // merged (merge_streamed); nullptr when they were not streamed (the probes are in the table, or
  // there were none). Throws std::logic_error when they were streamed and not merged.
  static const ProbeMinutes* streamed(const evidence::Evidence& evidence);

  // One probe.
  void add(time::Instant at, std::string_view location, bool up);
  // evidence::RowSink: row `row` of a probes table.
  void add(const evidence::Table& table, std::size_t row) override;
  // Adds `other`'s votes.
  void merge(const ProbeMinutes& other);

  // evidence::SummarisingSink.
  std::optional<std::vector<std::string>> summary_keys(const time::Window& span) const override;
  std::string summary(std::string_view key) const override;
  bool add_summary(std::string_view key, std::string_view bytes) override;

  // The votes of each minute that has a vote and starts in [floor(window.from), window.to), in
  // time order.
  std::vector<measure::MinuteVotes> votes(const time::Window& window) const;
  // measure::tally_minutes of those votes, counted on the bits.
  measure::MinuteTally tally(const time::Window& window) const;

 private:
  static constexpr std::int64_t kPageMinutes = 1024;
  static constexpr std::size_t kPageWords = kPageMinutes / 64;
  using Bits = std::array<std::uint64_t, kPageWords>;
  struct Votes {  // one location's votes in one page of minutes
    Bits reported{};
    Bits down{};
  };
  using Page = std::vector<Votes>;  // by location

  // Calls visit(first minute of the word, page, word index, mask) for every word of minutes of a
  // page that has minutes starting in [floor(window.from), window.to); the mask marks those.
  template <typename Visit>
  void for_each_word(const time::Window& window, Visit visit) const;
  std::size_t location_id(std::string_view name);
  Votes& votes_of(std::int64_t minute, std::size_t location);
  void set(std::int64_t minute, std::size_t location, bool down);

  time::Instant as_of_;
  std::vector<std::string> locations_;          // by id
  std::map<std::int64_t, Page> pages_;          // by page: minute / kPageMinutes
  std::int64_t last_page_ = -1;                 // the page of the last probe added
  Page* last_ = nullptr;                        // ... and where it is
  const void* codes_of_ = nullptr;              // the dictionary location_of_code_ maps
  std::vector<std::int64_t> location_of_code_;  // its codes' location ids; -1: not seen
};

}  // namespace meetlat::evaluate

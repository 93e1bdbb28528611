// Fuzzes the tallies a workspace keeps beside its month segments (docs/workspace.md, "Tallies"):
// the bytes of evaluate::ValueCounts (KPI-10's counts) and of evaluate::ProbeMinutes (KPI-03's
// votes), as read back from a damaged or foreign `tallies` row. The first byte picks the reader.
//
// The laws (row_sink.h, value_counts.h): bytes that are refused add nothing; bytes that are taken
// are a summary, and the summary of what they added reads back to the same thing (the printed
// bytes are a fixed point after one round).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "evaluate/probe_minutes.h"
#include "evaluate/value_counts.h"
#include "fuzz/check.h"

namespace {

using meetlat::fuzz::check;
namespace evaluate = meetlat::evaluate;
namespace time = meetlat::time;

const time::Instant kAsOf = time::Instant(std::chrono::sys_days(std::chrono::year{2027} / 1 / 1));
const time::Window kAll{time::Instant(std::chrono::sys_days(std::chrono::year{1970} / 1 / 1)),
                        kAsOf};

std::string votes_text(const evaluate::ProbeMinutes& m) {
  std::string out;
  for (const auto& v : m.votes(kAll)) {
    out += std::to_string(v.minute.time_since_epoch().count()) + ":" + std::to_string(v.locations) +
           "/" + std::to_string(v.down) + ",";
  }
  return out;
}

void fuzz_counts(std::string_view bytes, std::string_view input) {
  evaluate::ValueCounts counts;
  if (!counts.add_bytes(bytes)) {
    check(counts.total() == 0, "refused count bytes add nothing", input);
    return;
  }
  const std::string once = counts.bytes();
  evaluate::ValueCounts again;
  check(again.add_bytes(once), "the counts' own bytes are taken", input);
  check(again.bytes() == once, "the counts' bytes read back to themselves", input);
}

void fuzz_votes(std::string_view bytes, std::string_view input) {
  evaluate::ProbeMinutes votes(kAsOf);
  const auto keys = votes.summary_keys({kAsOf - std::chrono::hours{24}, kAsOf});
  check(keys && keys->size() == 1, "a month before as_of has one key", input);
  const std::string& key = keys->front();
  if (!votes.add_summary(key, bytes)) {
    check(votes_text(votes).empty(), "refused vote bytes add nothing", input);
    return;
  }
  const std::string once = votes.summary(key);
  evaluate::ProbeMinutes again(kAsOf);
  check(again.add_summary(key, once), "the votes' own summary is taken", input);
  check(votes_text(again) == votes_text(votes), "the votes' summary reads back to them", input);
  check(again.summary(key) == once, "the votes' summary is a fixed point", input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.empty()) return 0;
  const std::string_view bytes = input.substr(1);
  if ((static_cast<unsigned char>(input[0]) & 1) == 0) {
    fuzz_counts(bytes, input);
  } else {
    fuzz_votes(bytes, input);
  }
  return 0;
}

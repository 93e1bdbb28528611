// The probes reduced to votes while read (probe_minutes.h) must give availability exactly the votes
// the probes give (measure::votes_per_minute), however the rows are split between parser threads
// and whether a month comes as rows or as its summary.
#include "evaluate/probe_minutes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "measure/probe_availability.h"
#include "time/parse.h"
#include "time/zone.h"

namespace meetlat::evaluate {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const std::vector<std::string> kLocations = {"ams", "fra", "lon"};

// An instant written with its offset ("Z").
time::Instant utc(const char* text) {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return time::parse_timestamp(text, zone, nullptr)->at;
}

// Probes every minute or so from three locations over [from, to): some minutes without any, some
// with several probes of one location that disagree, some from one or two locations only.
std::vector<measure::Probe> probes_between(time::Instant from, time::Instant to, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<measure::Probe> out;
  for (time::Instant m = from; m < to; m += minutes{1}) {
    if (rng() % 17 == 0) continue;  // a gap
    for (std::uint32_t l = 0; l < kLocations.size(); ++l) {
      if (rng() % 9 == 0) continue;  // this location did not report
      const int probes = 1 + static_cast<int>(rng() % 3);
      for (int p = 0; p < probes; ++p) {
        const auto at = m + seconds{static_cast<int>(rng() % 60)} +
                        std::chrono::microseconds{static_cast<int>(rng() % 1000)};
        out.push_back({at, l, rng() % 5 != 0});
      }
    }
  }
  std::shuffle(out.begin(), out.end(), rng);  // files need not be in time order
  return out;
}

void add_all(ProbeMinutes& sink, const std::vector<measure::Probe>& probes, std::size_t first,
             std::size_t end) {
  for (std::size_t i = first; i < end; ++i) {
    sink.add(probes[i].at, kLocations[probes[i].location], probes[i].up);
  }
}

void expect_same_votes(const std::vector<measure::MinuteVotes>& got,
                       const std::vector<measure::MinuteVotes>& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].minute, expected[i].minute) << i;
    EXPECT_EQ(got[i].locations, expected[i].locations) << i;
    EXPECT_EQ(got[i].down, expected[i].down) << i;
  }
}

TEST(ProbeMinutesTest, VotesAreThoseOfTheProbesHoweverTheRowsAreSplit) {
  const time::Instant from = utc("2026-10-24T22:00:00Z");
  const time::Instant to = utc("2026-10-27T02:00:00Z");
  const auto probes = probes_between(from, to, 11);
  // as_of inside a minute: that minute's probes before it count, the later ones do not.
  const time::Instant as_of = utc("2026-10-26T13:37:20Z");
  for (const std::size_t split : {std::size_t{0}, probes.size() / 3, probes.size()}) {
    ProbeMinutes first(as_of);
    ProbeMinutes second(as_of);
    add_all(first, probes, 0, split);
    add_all(second, probes, split, probes.size());
    first.merge(second);
    for (const time::Window window :
         {time::Window{from, to}, time::Window{utc("2026-10-25T00:00:00Z"), to},
          time::Window{utc("2026-10-25T23:00:00Z"), utc("2026-10-26T23:00:00Z")},
          // Edges inside a word of minutes and inside a page of them.
          time::Window{from + minutes{37}, from + minutes{3013}}}) {
      const time::Window elapsed{window.from, std::min(window.to, as_of)};
      const auto expected = measure::votes_per_minute(probes, elapsed);
      ASSERT_FALSE(expected.empty());
      expect_same_votes(first.votes(elapsed), expected);
      const auto tally = first.tally(elapsed);
      const auto expected_tally = measure::tally_minutes(expected, elapsed);
      EXPECT_EQ(tally.observed, expected_tally.observed);
      EXPECT_EQ(tally.down, expected_tally.down);
      EXPECT_FALSE(tally.down.empty());
    }
  }
}

TEST(ProbeMinutesTest, EachMonthsSummaryReplacesItsRows) {
  const time::Instant september = utc("2026-09-01T00:00:00Z");
  const time::Instant october = utc("2026-10-01T00:00:00Z");
  const time::Instant november = utc("2026-11-01T00:00:00Z");
  const time::Instant december = utc("2026-12-01T00:00:00Z");
  const time::Instant as_of = utc("2026-11-03T08:00:30Z");
  const std::vector<time::Window> months = {
      {september, october}, {october, november}, {november, december}};
  std::vector<std::vector<measure::Probe>> rows;
  for (std::size_t i = 0; i < months.size(); ++i) {
    // Four days from the month's start (November's go past as_of), and a probe in the month's
    // last second: it is the month's, not the next one's.
    rows.push_back(probes_between(months[i].from, months[i].from + minutes{4 * 24 * 60},
                                  static_cast<unsigned>(i)));
    rows.back().push_back({months[i].to - std::chrono::microseconds{1}, 2, false});
  }
  ProbeMinutes all(as_of);
  for (const auto& month : rows) add_all(all, month, 0, month.size());

  // September and October end before as_of: one key each; November does not: no summary; a block
  // that starts after as_of gives nothing.
  const ProbeMinutes blank(as_of);
  const auto keys = blank.summary_keys(months[0]);
  ASSERT_TRUE(keys);
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(blank.summary_keys(months[1]), keys);
  EXPECT_FALSE(blank.summary_keys(months[2]));
  EXPECT_EQ(blank.summary_keys({december, december + minutes{60}}), std::vector<std::string>{});

  ProbeMinutes from_summaries(as_of);
  for (std::size_t i = 0; i < 2; ++i) {
    // Each month read by two parser threads, its summary made of theirs.
    ProbeMinutes one(as_of);
    ProbeMinutes two(as_of);
    add_all(one, rows[i], 0, rows[i].size() / 2);
    add_all(two, rows[i], rows[i].size() / 2, rows[i].size());
    ProbeMinutes month(as_of);
    ASSERT_TRUE(month.add_summary(keys->front(), one.summary(keys->front())));
    ASSERT_TRUE(month.add_summary(keys->front(), two.summary(keys->front())));
    ASSERT_TRUE(from_summaries.add_summary(keys->front(), month.summary(keys->front())));
  }
  add_all(from_summaries, rows[2], 0, rows[2].size());
  const time::Window quarter{september, december};
  expect_same_votes(from_summaries.votes(quarter), all.votes(quarter));
  EXPECT_FALSE(all.votes(months[0]).empty());
  EXPECT_FALSE(all.votes(months[2]).empty());
}

TEST(ProbeMinutesTest, ADamagedSummaryIsRefusedAndAddsNothing) {
  const time::Instant as_of = utc("2026-12-01T00:00:00Z");
  ProbeMinutes source(as_of);
  source.add(utc("2026-10-05T10:00:10Z"), "ams", false);
  source.add(utc("2026-10-05T10:00:50Z"), "fra", true);
  const std::string key = source.summary_keys({utc("2026-10-01T00:00:00Z"), as_of})->front();
  const std::string good = source.summary(key);

  ProbeMinutes sink(as_of);
  sink.add(utc("2026-10-05T10:01:00Z"), "lon", true);
  const auto before = sink.votes({utc("2026-10-01T00:00:00Z"), as_of});
  std::string down_without_report = good;
  // Every down bit of the last word set: most of those minutes had no report.
  down_without_report.replace(down_without_report.size() - 8, 8, 8, '\xff');
  for (const std::string& bad :
       {std::string(), std::string("junk"), good.substr(0, good.size() - 1), good + "x",
        down_without_report}) {
    EXPECT_FALSE(sink.add_summary(key, bad));
  }
  EXPECT_FALSE(sink.add_summary("another key", good));
  const auto after = sink.votes({utc("2026-10-01T00:00:00Z"), as_of});
  expect_same_votes(after, before);

  ASSERT_TRUE(sink.add_summary(key, good));
  const auto both = sink.votes({utc("2026-10-01T00:00:00Z"), as_of});
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].locations, 2);  // 10:00, ams down and fra up: not a majority
  EXPECT_EQ(both[0].down, 1);
  EXPECT_EQ(both[1].locations, 1);
}

}  // namespace
}  // namespace meetlat::evaluate

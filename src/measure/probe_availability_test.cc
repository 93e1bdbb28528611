#include "measure/probe_availability.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::ratio;

// A 100-minute window; norm ">= 99%" allows 1 minute down.
const time::Instant kFrom = time::Instant{std::chrono::hours{24 * 20000}};
const time::Window kWindow{kFrom, kFrom + minutes{100}};
const time::Instant kEnd = kWindow.to;
const contract::Norm kNorm = ratio(Op::kGe, 99, 2);

// Three locations probing every minute of the window, all up, at second 10.
std::vector<Probe> all_up() {
  std::vector<Probe> probes;
  for (int m = 0; m < 100; ++m) {
    for (std::uint32_t loc = 0; loc < 3; ++loc) {
      probes.push_back({kFrom + minutes{m} + seconds{10}, loc, true});
    }
  }
  return probes;
}

void set_down(std::vector<Probe>& probes, int minute, std::uint32_t location) {
  probes[static_cast<std::size_t>(minute * 3) + location].up = false;
}

TEST(ProbeAvailability, MinorityDownIsNotDowntime) {
  // Minutes 10–19: one of three locations down → not a down minute.
  std::vector<Probe> probes = all_up();
  for (int m = 10; m < 20; ++m) set_down(probes, m, 0);
  const ProbeAvailabilityResult p = probe_availability(probes, {}, kWindow, kEnd, kNorm);
  EXPECT_EQ(p.availability.result.value, 1.0);
  EXPECT_EQ(p.availability.result.status, Status::kMet);
  EXPECT_EQ(p.availability.result.count, 100);
  EXPECT_EQ(p.availability.result.failing, 0);
  EXPECT_EQ(p.coverage, 1.0);
}

TEST(ProbeAvailability, MajorityDownMinutesBecomeDownIntervals) {
  // Minutes 10, 11 (2 of 3 down) and 50 (3 of 3 down): 3 down minutes, intervals [10,12), [50,51).
  // Value 1 − 3/100 = 0.97 < 0.99 → breached.
  std::vector<Probe> probes = all_up();
  for (int m : {10, 11}) {
    set_down(probes, m, 0);
    set_down(probes, m, 2);
  }
  for (std::uint32_t loc = 0; loc < 3; ++loc) set_down(probes, 50, loc);
  const ProbeAvailabilityResult p = probe_availability(probes, {}, kWindow, kEnd, kNorm);
  EXPECT_DOUBLE_EQ(*p.availability.result.value, 0.97);
  EXPECT_EQ(p.availability.result.status, Status::kBreached);
  EXPECT_EQ(p.availability.result.failing, 3);
  EXPECT_TRUE(p.availability.result.failing_items.empty());
  ASSERT_EQ(p.down_intervals.size(), 2u);
  EXPECT_EQ(p.down_intervals[0].from, kFrom + minutes{10});
  EXPECT_EQ(p.down_intervals[0].to, kFrom + minutes{12});
  EXPECT_EQ(p.down_intervals[1].from, kFrom + minutes{50});
}

TEST(ProbeAvailability, TieBetweenLocationsIsNotAMajority) {
  // Only locations 0 and 1 report in minute 5; one down, one up: 1 of 2 is no majority.
  std::vector<Probe> probes = {{kFrom + minutes{5}, 0, false}, {kFrom + minutes{5}, 1, true}};
  const ProbeAvailabilityResult p = probe_availability(probes, {}, kWindow, kEnd, kNorm);
  EXPECT_EQ(p.availability.result.failing, 0);
  EXPECT_EQ(p.availability.result.value, 1.0);
}

TEST(ProbeAvailability, OneLocationIsDownInAMinuteWhenAnyOfItsProbesIs) {
  // Location 0 probes twice in minute 7 (down, then up on retry), location 1 is down once, and
  // location 2 is up: locations 0 and 1 vote down, 2 of 3 → down minute.
  std::vector<Probe> probes = all_up();
  probes.push_back({kFrom + minutes{7} + seconds{40}, 0, false});
  set_down(probes, 7, 1);
  const ProbeAvailabilityResult p = probe_availability(probes, {}, kWindow, kEnd, kNorm);
  EXPECT_EQ(p.availability.result.failing, 1);
  EXPECT_EQ(p.availability.downtime, minutes{1});
}

TEST(ProbeAvailability, GapsLowerCoverageNotAvailability) {
  // Probes only in minutes 0–59; minutes 60–99 have none. Coverage 60/100; one down minute in
  // 100 minutes: value 0.99 → met.
  std::vector<Probe> probes = all_up();
  probes.resize(std::size_t{60} * 3);
  for (std::uint32_t loc = 0; loc < 3; ++loc) set_down(probes, 30, loc);
  const ProbeAvailabilityResult p = probe_availability(probes, {}, kWindow, kEnd, kNorm);
  EXPECT_EQ(p.observed_minutes, 60);
  EXPECT_EQ(p.window_minutes, 100);
  EXPECT_DOUBLE_EQ(p.coverage, 0.6);
  EXPECT_DOUBLE_EQ(*p.availability.result.value, 0.99);
  EXPECT_EQ(p.availability.result.status, Status::kMet);
}

TEST(ProbeAvailability, PlannedDowntimeIsTakenOutOfTheDenominator) {
  // Down minutes 20–21 inside planned [20, 40): measured 80 minutes, no downtime counted.
  std::vector<Probe> probes = all_up();
  for (int m : {20, 21}) {
    for (std::uint32_t loc = 0; loc < 3; ++loc) set_down(probes, m, loc);
  }
  const std::vector<time::Window> planned = {{kFrom + minutes{20}, kFrom + minutes{40}}};
  const ProbeAvailabilityResult p = probe_availability(probes, planned, kWindow, kEnd, kNorm);
  EXPECT_EQ(p.availability.measured, minutes{80});
  EXPECT_EQ(p.availability.downtime, minutes{0});
  EXPECT_EQ(p.availability.result.status, Status::kMet);
}

TEST(ProbeAvailability, WindowCutAtAsOfAndNoProbesIsNoData) {
  // as_of at minute 30 and 20 s: elapsed minutes 0..30 → 31 minutes touched, probes after as_of
  // ignored.
  const ProbeAvailabilityResult p =
      probe_availability(all_up(), {}, kWindow, kFrom + minutes{30} + seconds{20}, kNorm);
  EXPECT_EQ(p.window_minutes, 31);
  EXPECT_EQ(p.observed_minutes, 31);
  const ProbeAvailabilityResult none = probe_availability({}, {}, kWindow, kEnd, kNorm);
  EXPECT_EQ(none.availability.result.status, Status::kNoData);
  EXPECT_EQ(none.coverage, 0.0);
}

// The down spans (availability.down) are the tally's down minutes merged: consecutive minutes
// make one span, and together the spans hold exactly the minutes the value counts as down.
TEST(ProbeAvailability, DownSpansHoldEveryDownMinuteOfTheTallyOnce) {
  MinuteTally tally;
  tally.observed = 100;
  // Runs of 1, 2, ... 7 down minutes, each followed by an up minute: 28 down minutes in 7 spans.
  for (int m = 0, run = 1; run <= 7; m += run + 1, ++run) {
    for (int i = 0; i < run; ++i) tally.down.push_back(kFrom + minutes{m + i});
  }
  const ProbeAvailabilityResult p = tally_availability(tally, {}, kWindow, kEnd, kNorm);
  ASSERT_EQ(p.availability.down.size(), 7u);
  std::int64_t minutes_down = 0;
  for (std::size_t i = 0; i < p.availability.down.size(); ++i) {
    const time::Window& w = p.availability.down[i];
    EXPECT_EQ(w.to - w.from, minutes{static_cast<std::int64_t>(i) + 1}) << i;
    if (i > 0) {
      EXPECT_LT(p.availability.down[i - 1].to, w.from) << "spans apart by an up minute";
    }
    minutes_down += std::chrono::duration_cast<minutes>(w.to - w.from).count();
  }
  EXPECT_EQ(minutes_down, static_cast<std::int64_t>(tally.down.size()));
  EXPECT_EQ(minutes_down, p.availability.result.failing);
  EXPECT_EQ(p.availability.downtime, minutes{28});
  EXPECT_DOUBLE_EQ(*p.availability.result.value, 0.72);
}

// The spans leave out what the value leaves out: planned downtime, and the part of a minute after
// as_of; the down intervals listed as failing ids keep the planned minutes.
TEST(ProbeAvailability, DownSpansLeavePlannedTimeAndTimeAfterAsOfOut) {
  MinuteTally tally;
  tally.observed = 31;
  for (int m : {3, 4, 5, 9, 20, 21, 22, 30}) tally.down.push_back(kFrom + minutes{m});
  const std::vector<time::Window> planned = {{kFrom + minutes{21}, kFrom + minutes{25}}};
  const time::Instant as_of = kFrom + minutes{30} + seconds{20};
  const ProbeAvailabilityResult p = tally_availability(tally, planned, kWindow, as_of, kNorm);
  const std::vector<time::Window> expected = {{kFrom + minutes{3}, kFrom + minutes{6}},
                                              {kFrom + minutes{9}, kFrom + minutes{10}},
                                              {kFrom + minutes{20}, kFrom + minutes{21}},
                                              {kFrom + minutes{30}, as_of}};
  ASSERT_EQ(p.availability.down.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(p.availability.down[i].from, expected[i].from) << i;
    EXPECT_EQ(p.availability.down[i].to, expected[i].to) << i;
  }
  EXPECT_EQ(p.availability.downtime, minutes{5} + seconds{20});
  EXPECT_EQ(p.down_intervals.size(), 4u) << "20–23 is one interval, planned minutes included";
}

}  // namespace
}  // namespace meetlat::measure

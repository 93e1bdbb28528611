#include "measure/availability.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using std::chrono::minutes;
using ::testing::ElementsAre;
using testing::ratio;

// A 30-day window of 43200 minutes; norm ">= 99.95%" allows 21.6 minutes of downtime.
const time::Instant kFrom = time::Instant{std::chrono::hours{24 * 20000}};
const time::Instant kTo = kFrom + minutes{43200};
const time::Window kWindow{kFrom, kTo};
const contract::Norm kNorm = ratio(Op::kGe, 9995, 4);

Outage outage(int start_min, std::optional<int> end_min, bool planned = false) {
  std::optional<time::Instant> end;
  if (end_min) end = kFrom + minutes{*end_min};
  return {kFrom + minutes{start_min}, end, planned};
}

TEST(OutageAvailability, NoOutagesIsFullyAvailable) {
  const AvailabilityResult a = outage_availability({}, kWindow, kTo, kNorm);
  EXPECT_EQ(a.result.value, 1.0);
  EXPECT_EQ(a.result.status, Status::kMet);
  EXPECT_EQ(a.result.count, 0);
  EXPECT_EQ(a.measured, minutes{43200});
}

TEST(OutageAvailability, OverlappingOutagesAreMergedAndCutAtTheEdges) {
  // [-10, 5) is cut to [0, 5): 5 min. [100, 120) and [110, 130) merge to [100, 130): 30 min.
  // [43190, 43260) is cut to [43190, 43200): 10 min. Downtime 45 min.
  // Value 1 − 45/43200 = 0.998958…; 45 > 21.6 → breached. [50000, 50010) is outside.
  const std::vector<Outage> outages = {outage(-10, 5), outage(100, 120), outage(110, 130),
                                       outage(43190, 43260), outage(50000, 50010)};
  const AvailabilityResult a = outage_availability(outages, kWindow, kTo, kNorm);
  EXPECT_EQ(a.downtime, minutes{45});
  EXPECT_DOUBLE_EQ(*a.result.value, 1.0 - 45.0 / 43200.0);
  EXPECT_EQ(a.result.status, Status::kBreached);
  EXPECT_EQ(a.result.count, 4);
  EXPECT_THAT(a.result.failing_items, ElementsAre(0, 1, 2, 3));
}

TEST(OutageAvailability, ExactlyAtTheNormIsMet) {
  // 0.9995 × 43200 = 43178.4 min up; 21.6 min = 21 min 36 s down is exactly on the norm.
  std::vector<Outage> outages = {{kFrom, kFrom + minutes{21} + std::chrono::seconds{36}, false}};
  EXPECT_EQ(outage_availability(outages, kWindow, kTo, kNorm).result.status, Status::kMet);
  outages[0].end = *outages[0].end + time::Micros{1};  // one microsecond more
  EXPECT_EQ(outage_availability(outages, kWindow, kTo, kNorm).result.status, Status::kBreached);
}

TEST(OutageAvailability, PlannedDowntimeLeavesTheDenominatorAndWinsOverlaps) {
  // Planned [1000, 1240): 240 min, measured 43200 − 240 = 42960.
  // Unplanned [1200, 1230) lies inside planned: counts as planned, not as downtime.
  // Unplanned [1230, 1260): 1230–1240 planned, 1240–1260 = 20 min down.
  // Value 1 − 20/42960 = 0.999534… >= 0.9995 → met (allowed 21.48 min).
  const std::vector<Outage> outages = {outage(1000, 1240, true), outage(1200, 1230),
                                       outage(1230, 1260)};
  const AvailabilityResult a = outage_availability(outages, kWindow, kTo, kNorm);
  EXPECT_EQ(a.planned, minutes{240});
  EXPECT_EQ(a.downtime, minutes{20});
  EXPECT_EQ(a.measured, minutes{42960});
  EXPECT_DOUBLE_EQ(*a.result.value, 1.0 - 20.0 / 42960.0);
  EXPECT_EQ(a.result.status, Status::kMet);
  EXPECT_EQ(a.result.count, 3);
  // Only the outage with downtime outside maintenance is listed.
  EXPECT_THAT(a.result.failing_items, ElementsAre(2));
}

TEST(OutageAvailability, OpenOutageLastsUntilAsOfAndTheWindowIsCutThere) {
  // as_of at minute 1440 (day 1): elapsed window 1440 min. Open outage from 1400: 40 min down.
  // An outage whose end lies after as_of is still open at as_of: [1430, 2000) → 10 min, merged
  // with the first. Value 1 − 40/1440.
  const time::Instant as_of = kFrom + minutes{1440};
  const std::vector<Outage> outages = {outage(1400, std::nullopt), outage(1430, 2000)};
  const AvailabilityResult a = outage_availability(outages, kWindow, as_of, kNorm);
  EXPECT_EQ(a.measured, minutes{1440});
  EXPECT_EQ(a.downtime, minutes{40});
  EXPECT_DOUBLE_EQ(*a.result.value, 1.0 - 40.0 / 1440.0);
  EXPECT_EQ(a.result.status, Status::kBreached);
}

TEST(OutageAvailability, EachFailingOutageHoldsItsShareOfTheDowntimeOnce) {
  // Unplanned [100, 160) and [130, 190) overlap: 60 min for the first, the 30 after it for the
  // second. [140, 150) lies inside the first: 0. Planned [1000, 1020) takes [1010, 1020) of
  // unplanned [1010, 1040): 20 min. An open outage from 43190 until an as-of at 43195: 5 min.
  const time::Instant as_of = kFrom + minutes{43195};
  const std::vector<Outage> outages = {outage(100, 160),   outage(130, 190),
                                       outage(140, 150),   outage(1000, 1020, true),
                                       outage(1010, 1040), outage(43190, std::nullopt)};
  const AvailabilityResult a = outage_availability(outages, kWindow, as_of, kNorm);
  EXPECT_THAT(a.result.failing_items, ElementsAre(0, 1, 2, 4, 5));
  EXPECT_THAT(a.failing_downtime,
              ElementsAre(minutes{60}, minutes{30}, minutes{0}, minutes{20}, minutes{5}));
  // The shares sum to the down time the value counts, whatever the order of the rows.
  time::Micros sum{0};
  for (const auto d : a.failing_downtime) sum += d;
  EXPECT_EQ(sum, a.downtime);
  const std::vector<Outage> reversed(outages.rbegin(), outages.rend());
  const AvailabilityResult b = outage_availability(reversed, kWindow, as_of, kNorm);
  EXPECT_THAT(b.failing_downtime,
              ElementsAre(minutes{5}, minutes{20}, minutes{10}, minutes{50}, minutes{30}));
}

TEST(OutageAvailability, NothingElapsedOrAllPlannedIsNoData) {
  EXPECT_EQ(outage_availability({}, kWindow, kFrom, kNorm).result.status, Status::kNoData);
  const std::vector<Outage> all_planned = {outage(-5, 43300, true)};
  const AvailabilityResult a = outage_availability(all_planned, kWindow, kTo, kNorm);
  EXPECT_EQ(a.result.status, Status::kNoData);
  EXPECT_FALSE(a.result.value.has_value());
}

}  // namespace
}  // namespace meetlat::measure

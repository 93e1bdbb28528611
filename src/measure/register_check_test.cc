#include "measure/register_check.h"

#include <gtest/gtest.h>

#include <vector>

namespace meetlat::measure {
namespace {

using std::chrono::minutes;

// A 100-minute window.
const time::Instant kFrom = time::Instant{std::chrono::hours{24 * 20000}};
const time::Window kWindow{kFrom, kFrom + minutes{100}};

time::Instant at(int minute) { return kFrom + minutes{minute}; }

TEST(RegisterCheck, DownTimeInsideARecordIsHeld) {
  const std::vector<time::Window> down = {{at(10), at(20)}};
  const std::vector<Outage> records = {{at(5), at(25), false}};
  const RegisterGap gap = unrecorded_downtime(down, records, kWindow, kWindow.to);
  EXPECT_TRUE(gap.unrecorded.empty());
  EXPECT_EQ(gap.total, time::Micros{0});
}

TEST(RegisterCheck, DownTimeOutsideEveryRecordIsUnrecorded) {
  // Probes down 10–20 and 50–53; the register holds 15–30 (planned counts as held).
  const std::vector<time::Window> down = {{at(10), at(20)}, {at(50), at(53)}};
  const std::vector<Outage> records = {{at(15), at(30), true}};
  const RegisterGap gap = unrecorded_downtime(down, records, kWindow, kWindow.to);
  ASSERT_EQ(gap.unrecorded.size(), 2u);
  EXPECT_EQ(gap.unrecorded[0].from, at(10));
  EXPECT_EQ(gap.unrecorded[0].to, at(15));
  EXPECT_EQ(gap.unrecorded[1].from, at(50));
  EXPECT_EQ(gap.unrecorded[1].to, at(53));
  EXPECT_EQ(gap.total, minutes{8});
}

TEST(RegisterCheck, ARecordHoldsEveryMinuteItTouches) {
  // Probes down in minutes 10 and 20; the register holds 10:30 s to 19:59 s (at most seconds
  // apart from the probes' minutes): both minutes are held, nothing is unrecorded.
  const std::vector<time::Window> down = {{at(10), at(11)}, {at(19), at(20)}};
  const std::vector<Outage> records = {
      {at(10) + std::chrono::seconds{30}, at(19) + std::chrono::seconds{59}, false}};
  const RegisterGap gap = unrecorded_downtime(down, records, kWindow, kWindow.to);
  EXPECT_TRUE(gap.unrecorded.empty());
}

TEST(RegisterCheck, AnOpenRecordHoldsUntilAsOf) {
  // As of minute 60; the open record from 40 holds 40–60, so the probes' 45–55 is held.
  const std::vector<time::Window> down = {{at(45), at(55)}};
  const std::vector<Outage> records = {{at(40), std::nullopt, false}};
  const RegisterGap gap = unrecorded_downtime(down, records, kWindow, at(60));
  EXPECT_EQ(gap.total, time::Micros{0});
}

TEST(RegisterCheck, OnlyTheElapsedWindowIsCompared) {
  // Down 90–110 crosses the window's end; as of minute 95 only 90–95 is compared.
  const std::vector<time::Window> down = {{at(90), at(110)}};
  const RegisterGap gap = unrecorded_downtime(down, {}, kWindow, at(95));
  ASSERT_EQ(gap.unrecorded.size(), 1u);
  EXPECT_EQ(gap.unrecorded[0].to, at(95));
  EXPECT_EQ(gap.total, minutes{5});
}

}  // namespace
}  // namespace meetlat::measure

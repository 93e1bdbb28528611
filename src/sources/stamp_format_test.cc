#include "sources/stamp_format.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace meetlat::sources {
namespace {

std::string ok(std::string_view cell, std::string_view format, NaiveZone zone) {
  const auto out = convert_stamp(cell, format, zone);
  if (const auto* error = std::get_if<StampError>(&out)) return "error: " + error->message;
  return std::get<std::string>(out);
}

TEST(ConvertStamp, TopdeskDayMonthYearStaysLocal) {
  EXPECT_EQ(ok("05-10-2026 09:12", "%d-%m-%Y %H:%M", NaiveZone::kLocal), "2026-10-05 09:12:00");
}

TEST(ConvertStamp, UptimeKumaUtcWithoutZIsWrittenWithZ) {
  EXPECT_EQ(ok("2026-10-07 00:02:00", "iso", NaiveZone::kUtc), "2026-10-07T00:02:00Z");
  EXPECT_EQ(ok("2026-10-07 00:02:00.527", "iso", NaiveZone::kUtc), "2026-10-07T00:02:00.527Z");
}

TEST(ConvertStamp, JiraTwelveHourClockWithMonthNames) {
  EXPECT_EQ(ok("05/Oct/26 9:12 AM", "%d/%b/%y %I:%M %p", NaiveZone::kLocal), "2026-10-05 09:12:00");
  EXPECT_EQ(ok("06/Oct/26 2:03 PM", "%d/%b/%y %I:%M %p", NaiveZone::kLocal), "2026-10-06 14:03:00");
}

TEST(ConvertStamp, OffsetsGiveExactInstantsInUtc) {
  EXPECT_EQ(ok("2026-10-05T09:20:00+0200", "iso", NaiveZone::kLocal), "2026-10-05T07:20:00Z");
  EXPECT_EQ(ok("2026-10-05T09:20:00+02:00", "iso", NaiveZone::kLocal), "2026-10-05T07:20:00Z");
  EXPECT_EQ(ok("2026-10-05T07:20:00Z", "iso", NaiveZone::kLocal), "2026-10-05T07:20:00Z");
}

TEST(ConvertStamp, UnixSecondsAndMilliseconds) {
  EXPECT_EQ(ok("1791338280", "unix", NaiveZone::kUtc), "2026-10-07T01:58:00Z");
  EXPECT_EQ(ok("1791338280.5", "unix", NaiveZone::kUtc), "2026-10-07T01:58:00.5Z");
  EXPECT_EQ(ok("1791184800000", "unix_ms", NaiveZone::kUtc), "2026-10-05T07:20:00Z");
}

TEST(ConvertStamp, AStampInAnotherFormatNamesTheFormatExpected) {
  EXPECT_EQ(ok("2026-10-05 09:12", "%d-%m-%Y %H:%M", NaiveZone::kLocal),
            "error: expected a time stamp written as '%d-%m-%Y %H:%M', not '2026-10-05 09:12'");
  EXPECT_EQ(ok("05-10-2026 09:12 extra", "%d-%m-%Y %H:%M", NaiveZone::kLocal),
            "error: expected a time stamp written as '%d-%m-%Y %H:%M', not '05-10-2026 09:12 "
            "extra'");
  EXPECT_EQ(ok("soon", "unix", NaiveZone::kUtc),
            "error: expected a Unix time stamp (a number), not 'soon'");
}

TEST(ConvertStamp, YearsOutsideTheSupportedOnesAreRefused) {
  EXPECT_EQ(ok("05-10-1926 09:12", "%d-%m-%Y %H:%M", NaiveZone::kLocal),
            "error: '05-10-1926 09:12' is outside 2000-2099");
}

}  // namespace
}  // namespace meetlat::sources

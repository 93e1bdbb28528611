// The calendar keys of the contract file (docs/calendars.md "Writing a calendar"): each new
// form read from YAML gives the calendar its words say, checked on deadlines worked out by hand.
// The arithmetic itself is checked in src/time (calendar_shapes_test, calendar_oracle_test).
#include <gtest/gtest.h>

#include <string>

#include "contract/loader.h"
#include "time/calendar.h"
#include "time/parse.h"

namespace meetlat::contract {
namespace {

using std::chrono::hours;

const std::string kContract = R"(contract:
  id: shapes
  name: {nl: "Vormen", en: "Shapes"}
  parties: {client: A, supplier: B}
  start: 2026-01-01
  term_months: 24
  timezone: Europe/Amsterdam
  monthly_fee: {amount: 1000, currency: EUR}
holidays:
  public: nl-termijnenwet
  add:
    - {date: 2026-04-03, name: Goede Vrijdag}
    - {first: 2026-07-20, last: 2026-07-31, name: Zomersluiting}
    - {month: 12, day: 31, name: Oudejaarsdag}
  closures:
    - {month: 12, day: 24, from: "12:00", name: Kerstavond}
calendars:
  office_hours: {days: mon-fri, hours: ["08:00-18:00"]}
  desk: {hours: {mon-fri: ["08:00-18:00"], sat: ["09:00-13:00"]}}
  mwf: {days: [mon, wed, fri], hours: ["09:00-17:00"]}
  nights: {days: mon-fri, hours: ["22:00-06:00"]}
  golive: {days: mon-fri, hours: ["08:00-18:00"], open: [{date: 2026-12-27, hours: ["10:00-14:00"]}]}
  always: {days: mon-sun, holidays: false}
priorities:
  P1: {nl: a, en: a}
kpis: []
)";

class CalendarKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    const LoadResult r = load_contract(kContract, "shapes.yaml");
    for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << d.to_string();
    ASSERT_TRUE(r.ok());
    contract_ = *r.contract;
  }
  time::Calendar calendar(std::string_view name) const {
    const CalendarDef* def = contract_.find_calendar(name);
    EXPECT_NE(def, nullptr) << name;
    return time::Calendar::build(def->spec, zone_);
  }
  time::Instant at(std::string_view text) const {
    time::ParseError e;
    return time::parse_timestamp(text, zone_, &e)->at;
  }
  std::string due(std::string_view cal, std::string_view from, time::Micros within) const {
    return zone_.format(calendar(cal).deadline(at(from), within));
  }

  Contract contract_;
  time::Zone zone_ = time::Zone::load("Europe/Amsterdam");
};

TEST_F(CalendarKeys, HoursPerWeekday) {
  // Friday 16 Oct 2026 17:00 + 3 h: 1 h Friday, Saturday 09:00 + 2 h.
  EXPECT_EQ(due("desk", "2026-10-16 17:00", hours{3}), "2026-10-17T11:00:00+02:00");
  // office_hours has no Saturday: Monday 08:00 + 2 h.
  EXPECT_EQ(due("office_hours", "2026-10-16 17:00", hours{3}), "2026-10-19T10:00:00+02:00");
}

TEST_F(CalendarKeys, WeekdaySet) {
  // Monday 19 Oct 2026 16:00 + 2 h: 1 h Monday, Tuesday closed, Wednesday 09:00 + 1 h.
  EXPECT_EQ(due("mwf", "2026-10-19 16:00", hours{2}), "2026-10-21T10:00:00+02:00");
}

TEST_F(CalendarKeys, NightShift) {
  // Friday 16 Oct 2026 23:00 + 8 h: 7 h until Saturday 06:00, then Monday 22:00 + 1 h.
  EXPECT_EQ(due("nights", "2026-10-16 23:00", hours{8}), "2026-10-19T23:00:00+02:00");
}

TEST_F(CalendarKeys, ExtraOpeningAndYearlyClosure) {
  // Thursday 24 Dec 2026 10:00 + 3 h: closed from 12:00 every 24 Dec (2 h), 25 and 26 Dec public
  // holidays, Sunday 27 Dec open 10:00–14:00: + 1 h.
  EXPECT_EQ(due("golive", "2026-12-24 10:00", hours{3}), "2026-12-27T11:00:00+01:00");
  // office_hours has no extra Sunday: 28 Dec 08:00 + 1 h.
  EXPECT_EQ(due("office_hours", "2026-12-24 10:00", hours{3}), "2026-12-28T09:00:00+01:00");
}

TEST_F(CalendarKeys, RangeAndYearlyHolidays) {
  const time::Calendar office = calendar("office_hours");
  const auto day = [](int y, unsigned m, unsigned d) {
    return time::Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
  };
  EXPECT_TRUE(office.is_open_day(day(2026, 7, 17)));    // Friday before the summer closing
  EXPECT_FALSE(office.is_open_day(day(2026, 7, 20)));   // its first day
  EXPECT_FALSE(office.is_open_day(day(2026, 7, 31)));   // its last
  EXPECT_TRUE(office.is_open_day(day(2026, 8, 3)));     // Monday after
  EXPECT_FALSE(office.is_open_day(day(2026, 12, 31)));  // Oudejaarsdag, a Thursday
  EXPECT_FALSE(office.is_open_day(day(2027, 12, 31)));  // and a Friday the year after
  // holidays: false keeps every day open.
  EXPECT_TRUE(calendar("always").is_open_day(day(2026, 12, 31)));
  EXPECT_EQ(due("always", "2026-12-24 10:00", hours{3}), "2026-12-24T13:00:00+01:00");
}

}  // namespace
}  // namespace meetlat::contract

// Fuzzes time::parse_period (time/period.h) with arbitrary text.
//
// A period that parses is held to the header's laws: period_name writes it the way parse_period
// reads it (a round trip to the same period); it is non-empty, and period_containing its first and
// last day gives it back; the period after it starts where it ends; its window in the zone is a
// non-empty range of instants. Years are four digits, so the laws that print a year are checked
// only where the year stays within 0000–9999.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/check.h"
#include "time/period.h"
#include "time/zone.h"

namespace {

using meetlat::fuzz::check;
namespace time = meetlat::time;

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

bool printable_year(time::Date d) {
  const std::chrono::year_month_day ymd{d};
  return ymd.year() >= std::chrono::year{0} && ymd.year() <= std::chrono::year{9999};
}

void check_period(const time::Period& p, std::string_view text) {
  check(p.first_day < p.end_day, "a period is not empty", text);
  const time::Date last = p.end_day - std::chrono::days{1};
  check(time::period_containing(p.cadence, p.first_day) == p,
        "period_containing(first day) is the period", text);
  check(time::period_containing(p.cadence, last) == p, "period_containing(last day) is the period",
        text);
  const time::Window w = time::window(p, amsterdam());
  check(w.from < w.to, "a period's window is not empty", text);
  check(w.from == amsterdam().start_of_day(p.first_day), "a window starts at the first midnight",
        text);
  const time::Period next = time::next_period(p);
  check(next.cadence == p.cadence && next.first_day == p.end_day,
        "the next period starts where the period ends", text);
  if (printable_year(p.first_day) && printable_year(last)) {
    const std::string name = time::period_name(p);
    const auto again = time::parse_period(name);
    check(again.has_value() && *again == p, "period_name parses back to the period: " + name, text);
  }
}

// The contract year holding the period's last day, for a contract that starts on its first day.
void check_contract_year(const time::Period& p, std::string_view text) {
  const time::Date last = p.end_day - std::chrono::days{1};
  const time::Period cy = time::period_containing(time::Cadence::kContractYear, last, p.first_day);
  check(cy.first_day <= last && last < cy.end_day, "a contract year holds its day", text);
  // period_name takes Date{} (1970-01-01) for "no contract start".
  if (p.first_day != meetlat::time::Date{} && printable_year(cy.first_day) &&
      printable_year(cy.end_day)) {
    const std::string name = time::period_name(cy, p.first_day);
    check(name.starts_with("CY"), "a contract year from the start is named CYn: " + name, text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)time::parse_cadence(text);
  const auto period = time::parse_period(text);
  if (!period) return 0;
  check_period(*period, text);
  check_contract_year(*period, text);
  return 0;
}

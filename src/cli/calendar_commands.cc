// `meetlat calendar holidays --year Y [--contract FILE]` and
// `meetlat calendar deadline --from T --within D --on C [--contract FILE]` (docs/contract.md).
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/contract_source.h"
#include "contract/default_contract.h"
#include "contract/loader.h"
#include "contract/value_parsers.h"
#include "time/calendar.h"
#include "time/holidays.h"
#include "time/parse.h"
#include "time/time_error.h"
#include "time/zone.h"

namespace meetlat::cli {
namespace {

using contract::Contract;

struct DayLine {
  time::Date date;
  std::string text;
};

std::string hhmm(std::chrono::minutes m) {
  const auto two = [](long v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return two(m.count() / 60) + ":" + two(m.count() % 60);
}

// The contract's closing days of `year`: public holidays less the removed ones, added days (of
// that year, and the every-year ones on their date in it), and partial closures
// ("2026-12-24 Kerstavond (closed 12:00-24:00)").
std::vector<DayLine> holiday_lines(const Contract& c, int year) {
  std::vector<DayLine> lines;
  const auto in_year = [&](time::Date d) {
    return static_cast<int>(std::chrono::year_month_day{d}.year()) == year;
  };
  // The date of an every-year day in `year`, when that year has it (29 February).
  const auto dated = [&](time::MonthDay md) -> std::optional<time::Date> {
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{md.month},
                                          std::chrono::day{md.day}};
    if (!ymd.ok()) return std::nullopt;
    return time::Date{ymd};
  };
  if (c.holidays.termijnenwet) {
    for (const time::Holiday& h : time::termijnenwet_holidays(year)) {
      const bool removed =
          std::any_of(c.holidays.removed.begin(), c.holidays.removed.end(),
                      [&](const contract::NamedDay& r) { return r.date == h.date; });
      if (!removed) lines.push_back({h.date, std::string(h.name_nl)});
    }
  }
  for (const contract::NamedDay& d : c.holidays.added) {
    if (in_year(d.date)) lines.push_back({d.date, d.name});
  }
  for (const contract::NamedMonthDay& d : c.holidays.added_yearly) {
    if (const std::optional<time::Date> date = dated(d.day)) lines.push_back({*date, d.name});
  }
  const auto closed = [](const std::string& name, std::chrono::minutes from,
                         std::chrono::minutes to) {
    return name + " (closed " + hhmm(from) + "-" + hhmm(to) + ")";
  };
  for (std::size_t i = 0; i < c.holidays.closures.size(); ++i) {
    const time::Closure& cl = c.holidays.closures[i];
    if (!in_year(cl.date)) continue;
    lines.push_back({cl.date, closed(c.holidays.closure_names[i], cl.from, cl.to)});
  }
  for (std::size_t i = 0; i < c.holidays.yearly_closures.size(); ++i) {
    const time::YearlyClosure& cl = c.holidays.yearly_closures[i];
    if (const std::optional<time::Date> date = dated(cl.day)) {
      lines.push_back({*date, closed(c.holidays.yearly_closure_names[i], cl.from, cl.to)});
    }
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const DayLine& a, const DayLine& b) { return a.date < b.date; });
  return lines;
}

// "24x7, office_hours, peak_hours, working_days": the calendars of `c`, by name.
std::string calendar_names(const Contract& c) {
  std::string out;
  for (const auto& [name, def] : c.calendars) out += (out.empty() ? "" : ", ") + name;
  return out;
}

int deadline(const DeadlineArgs& args) {
  const std::optional<Contract> c = contract_from(args.contract_file);
  if (!c) return kExitBadInput;
  if (args.on.empty()) {
    std::cerr << "meetlat calendar deadline: --on: name a calendar of the contract: "
              << calendar_names(*c) << "\n";
    return kExitBadInput;
  }
  const contract::CalendarDef* def = c->find_calendar(args.on);
  if (def == nullptr) {
    std::cerr << "meetlat calendar deadline: --on: the contract has no calendar \"" << args.on
              << "\"; its calendars: " << calendar_names(*c) << "\n";
    return kExitBadInput;
  }
  const time::Zone zone = time::Zone::load(c->timezone);
  time::ParseError pe;
  const std::optional<time::ParsedTimestamp> from = time::parse_timestamp(args.from, zone, &pe);
  if (!from) {
    std::cerr << "meetlat calendar deadline: --from: " << pe.message << " at column "
              << pe.column + 1 << " of \"" << args.from << "\"\n";
    return kExitBadInput;
  }
  const time::Calendar calendar = time::Calendar::build(def->spec, zone);
  // On working_days, "10d" means ten working days: the end of the 10th working day after the day
  // of `from`. "10 working days" says so on any calendar.
  if (const std::optional<std::string> refused = contract::refused_fraction(args.within)) {
    std::cerr << "meetlat calendar deadline: --within: " << *refused << '\n';
    return kExitBadInput;
  }
  std::optional<int> open_days = contract::parse_working_days(args.within);
  if (!open_days && args.on == "working_days" && args.within.ends_with('d')) {
    open_days = contract::parse_working_days(args.within.substr(0, args.within.size() - 1) +
                                             " working days");
  }
  if (open_days) {
    std::cout << zone.format(calendar.open_days_deadline(from->at, *open_days)) << '\n';
    return kExitOk;
  }
  const std::optional<time::Micros> within = time::parse_duration(args.within, &pe);
  if (!within || within->count() < 0) {
    std::cerr << "meetlat calendar deadline: --within: expected a duration like 15m, 8h or 10d, "
                 "not \""
              << args.within << "\"\n";
    return kExitBadInput;
  }
  std::cout << zone.format(calendar.deadline(from->at, *within)) << '\n';
  return kExitOk;
}

}  // namespace

int run_calendar_holidays(int year, const std::string& contract_file) {
  const std::optional<Contract> c = contract_from(contract_file);
  if (!c) return kExitBadInput;
  for (const DayLine& l : holiday_lines(*c, year)) {
    std::cout << time::format_date(l.date) << ' ' << l.text << '\n';
  }
  return kExitOk;
}

int run_calendar_deadline(const DeadlineArgs& args) {
  try {
    return deadline(args);
  } catch (const time::TimeError& e) {
    std::cerr << "meetlat calendar deadline: " << e.what() << '\n';
    return kExitBadInput;
  }
}

}  // namespace meetlat::cli

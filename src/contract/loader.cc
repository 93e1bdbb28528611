#include "contract/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <utility>

#include "contract/loader_internal.h"
#include "contract/source_text.h"
#include "contract/value_parsers.h"
#include "text/did_you_mean.h"
#include "time/holidays.h"
#include "time/period.h"
#include "time/supported_years.h"
#include "time/time_error.h"
#include "time/zone.h"

namespace meetlat::contract {
namespace {

// "; did you mean 'Europe/Amsterdam'?" for a misspelt zone name (case is ignored), else "".
std::string zone_suggestion(std::string_view name) {
  const auto lower = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::vector<std::string> names = time::Zone::names();
  std::vector<std::string> lowered;
  lowered.reserve(names.size());
  for (const std::string& n : names) lowered.push_back(lower(n));
  const std::vector<std::string_view> candidates(lowered.begin(), lowered.end());
  const std::optional<std::string> best = text::did_you_mean(lower(name), candidates);
  if (!best) return "";
  const auto at = std::find(lowered.begin(), lowered.end(), *best) - lowered.begin();
  return "; did you mean '" + names[static_cast<std::size_t>(at)] + "'?";
}

using detail::LoadContext;
using detail::MapReader;
using detail::YamlReader;

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

void read_money(YamlReader& r, const YAML::Node& node, Money& fee) {
  MapReader m(r, node, "monthly_fee", {"amount", "currency", "example"});
  if (const std::optional<std::string> amount = m.string("amount", true)) {
    Parsed<std::int64_t> cents = parse_amount_cents(*amount);
    if (cents.value) {
      fee.cents = *cents.value;
    } else {
      r.error(*m.find("amount"), "monthly_fee: amount: " + cents.error);
    }
  }
  fee.currency = m.string("currency", true).value_or("EUR");
  fee.example = m.boolean("example").value_or(false);
}

std::optional<Percent> read_percent(YamlReader& r, const MapReader& m, std::string_view key) {
  const std::optional<std::string> text = m.string(key, false);
  if (!text) return std::nullopt;
  Parsed<Decimal> pct = parse_percent(*text);
  if (!pct.value) r.error(*m.find(key), m.what() + ": " + std::string(key) + ": " + pct.error);
  return pct.value;
}

void read_contract_block(YamlReader& r, const YAML::Node& node, Contract& c) {
  MapReader m(r, node, "contract",
              {"id", "name", "parties", "start", "term_months", "timezone", "monthly_fee", "caps"});
  c.id = m.string("id", true).value_or("");
  c.name = m.text("name", true).value_or(Text{});
  if (const std::optional<YAML::Node> parties = m.require("parties")) {
    MapReader p(r, *parties, "parties", {"client", "supplier"});
    c.parties.client = p.string("client", true).value_or("");
    c.parties.supplier = p.string("supplier", true).value_or("");
  }
  const std::optional<time::Date> start = m.date("start", true);
  if (start) c.start = *start;
  c.term_months = m.integer("term_months", true, 1, 1200).value_or(36);
  const time::Date end{std::chrono::year_month_day{c.start} + std::chrono::months{c.term_months}};
  if (start && end > time::kEndOfSupportedDays) {
    r.error(*m.find("start"), "contract: the term from " + time::format_date(c.start) + " for " +
                                  std::to_string(c.term_months) +
                                  " months must lie inside the supported years " +
                                  std::string(time::kSupportedYears));
  }
  if (const std::optional<std::string> zone = m.string("timezone", true)) {
    try {
      time::Zone::load(*zone);
      c.timezone = *zone;
    } catch (const time::TimeError&) {
      r.error(*m.find("timezone"), "unknown time zone " + quoted(*zone) + zone_suggestion(*zone) +
                                       " (an IANA name such as Europe/Amsterdam)");
    }
  }
  if (const std::optional<YAML::Node> fee = m.require("monthly_fee"))
    read_money(r, *fee, c.monthly_fee);
  if (const std::optional<YAML::Node> caps = m.find("caps")) {
    MapReader cm(r, *caps, "caps", {"malus_per_month", "malus_per_year", "example"});
    c.caps.malus_per_month_pct = read_percent(r, cm, "malus_per_month");
    c.caps.malus_per_year_pct = read_percent(r, cm, "malus_per_year");
    c.caps.example = cm.boolean("example").value_or(false);
  }
}

void read_removed_holiday(YamlReader& r, const YAML::Node& node, Holidays& h) {
  std::optional<time::Date> d = r.date(node, "holidays: remove");
  if (!d) return;
  const int year = static_cast<int>(std::chrono::year_month_day{*d}.year());
  for (const time::Holiday& hol : time::termijnenwet_holidays(year)) {
    if (hol.date == *d) {
      h.removed.push_back(NamedDay{*d, std::string(hol.name_nl)});
      return;
    }
  }
  r.error(node, "holidays: remove: " + time::format_date(*d) +
                    " is not a public holiday of nl-termijnenwet");
}

// The month and day of an every-year entry ({month: 12, day: 24}); nullopt (reported) when
// missing or when no year has that day.
std::optional<time::MonthDay> read_month_day(YamlReader& r, const MapReader& m) {
  const std::optional<int> month = m.integer("month", true, 1, 12);
  const std::optional<int> day = m.integer("day", true, 1, 31);
  if (!month || !day) return std::nullopt;
  const time::MonthDay md{static_cast<unsigned>(*month), static_cast<unsigned>(*day)};
  if (!(std::chrono::year{2000} / std::chrono::month{md.month} / std::chrono::day{md.day}).ok()) {
    r.error(*m.find("day"), m.what() + ": no month " + std::to_string(*month) + " has a day " +
                                std::to_string(*day));
    return std::nullopt;
  }
  return md;
}

// Which day an entry of holidays names: a date, a range of dates (first and last), or a month
// and day of every year. Reports a mix or none at the entry; kNone then.
enum class DayForm { kNone, kDate, kRange, kYearly };
DayForm day_form(YamlReader& r, const MapReader& m, bool ranges_allowed) {
  const bool date = m.has("date");
  const bool range = m.has("first") || m.has("last");
  const bool yearly = m.has("month") || m.has("day");
  if (date + range + yearly == 1) {
    return date ? DayForm::kDate : range ? DayForm::kRange : DayForm::kYearly;
  }
  r.error(m.node(), m.what() +
                        (ranges_allowed ? ": give date, or first and last, or month and day"
                                        : ": give date, or month and day") +
                        " (every year)" + (date + range + yearly > 1 ? ", one of them" : ""));
  return DayForm::kNone;
}

void read_added_day(YamlReader& r, const YAML::Node& node, Holidays& h) {
  MapReader m(r, node, "holidays: add", {"date", "first", "last", "month", "day", "name"});
  if (!m.is_map()) return;
  const DayForm form = day_form(r, m, true);
  const std::optional<std::string> name = m.string("name", true);
  switch (form) {
    case DayForm::kNone:
      return;
    case DayForm::kDate: {
      const std::optional<time::Date> d = m.date("date", true);
      if (d && name) h.added.push_back(NamedDay{*d, *name});
      return;
    }
    case DayForm::kRange: {
      const std::optional<time::Date> first = m.date("first", true);
      const std::optional<time::Date> last = m.date("last", true);
      if (!first || !last) return;
      if (*last < *first) {
        r.error(*m.find("last"), "holidays: add: last " + time::format_date(*last) +
                                     " lies before first " + time::format_date(*first));
        return;
      }
      if (*last - *first >= std::chrono::days{366}) {
        r.error(*m.find("last"), "holidays: add: " + time::format_date(*first) + " to " +
                                     time::format_date(*last) +
                                     " is more than a year of closed days; give each period "
                                     "its own entry");
        return;
      }
      if (!name) return;
      for (time::Date d = *first; d <= *last; d += std::chrono::days{1}) {
        h.added.push_back(NamedDay{d, *name});
      }
      return;
    }
    case DayForm::kYearly: {
      const std::optional<time::MonthDay> md = read_month_day(r, m);
      if (md && name) h.added_yearly.push_back(NamedMonthDay{*md, *name});
      return;
    }
  }
}

void read_closure(YamlReader& r, const YAML::Node& node, Holidays& h) {
  // first and last are known here only to be refused with a message that says what to write.
  MapReader m(r, node, "holidays: closures",
              {"date", "month", "day", "from", "to", "name", "first", "last"});
  if (!m.is_map()) return;
  const DayForm form = day_form(r, m, false);
  std::optional<time::Date> d;
  std::optional<time::MonthDay> md;
  if (form == DayForm::kDate) d = m.date("date", true);
  if (form == DayForm::kYearly) md = read_month_day(r, m);
  if (form == DayForm::kRange) {
    r.error(*m.find(m.has("first") ? "first" : "last"),
            "holidays: closures: a closure is part of one day (date, or month and day); close "
            "whole days with holidays: add: {first, last}");
  }
  time::Closure closure;
  bool ok = d.has_value() || md.has_value();
  for (std::string_view key : {"from", "to"}) {
    const std::optional<std::string> text = m.string(key, false);
    if (!text) continue;
    Parsed<std::chrono::minutes> t = parse_time_of_day(*text);
    if (!t.value) {
      r.error(*m.find(key), "closure " + std::string(key) + ": " + t.error);
      ok = false;
    } else {
      (key == "from" ? closure.from : closure.to) = *t.value;
    }
  }
  if (ok && closure.to <= closure.from) {
    r.error(node, "holidays: closures: the closure must end after it starts");
    ok = false;
  }
  const std::string name = m.string("name", false).value_or("");
  if (!ok) return;
  if (md) {
    h.yearly_closures.push_back(time::YearlyClosure{*md, closure.from, closure.to});
    h.yearly_closure_names.push_back(name);
    return;
  }
  closure.date = *d;
  h.closures.push_back(closure);
  h.closure_names.push_back(name);
}

void read_holidays(YamlReader& r, const YAML::Node& node, Holidays& h) {
  MapReader m(r, node, "holidays", {"public", "add", "remove", "closures"});
  if (!m.is_map()) return;
  if (const std::optional<std::string> pub = m.string("public", true)) {
    if (*pub == "none" || *pub == "nl-termijnenwet") {
      h.termijnenwet = *pub == "nl-termijnenwet";
    } else {
      r.error(*m.find("public"),
              "holidays: public must be nl-termijnenwet or none, not " + quoted(*pub));
    }
  }
  const auto each = [&](std::string_view key, auto read_one) {
    const std::optional<YAML::Node> list = m.find(key);
    if (!list) return;
    if (!list->IsSequence()) {
      r.error(*list, "holidays: " + std::string(key) + " must be a list");
      return;
    }
    for (const auto& item : *list) read_one(item);
  };
  each("add", [&](const YAML::Node& n) { read_added_day(r, n, h); });
  each("remove", [&](const YAML::Node& n) { read_removed_holiday(r, n, h); });
  each("closures", [&](const YAML::Node& n) { read_closure(r, n, h); });
}

time::CalendarSpec always_open() {
  time::CalendarSpec spec;
  spec.name = "24x7";
  for (auto& day : spec.hours)
    day = {time::MinuteRange{std::chrono::minutes{0}, std::chrono::minutes{24 * 60}}};
  spec.termijnenwet_holidays = false;
  return spec;
}

constexpr std::array<std::string_view, 7> kWeekdayNames{"mon", "tue", "wed", "thu",
                                                        "fri", "sat", "sun"};

// Weekdays: "mon-fri", or a list of them (["mon", "wed", "fri"], ["mon-wed", "sat"]). A day
// named twice is reported.
std::optional<std::array<bool, 7>> read_days(YamlReader& r, const MapReader& m) {
  const std::optional<std::vector<std::string>> texts = m.strings("days", true);
  if (!texts) return std::nullopt;
  if (texts->empty()) {
    r.error(*m.find("days"), m.what() +
                                 ": days: an empty list names no day and would keep the calendar "
                                 "closed for ever; give days like mon-fri or [mon, wed, fri]");
    return std::nullopt;
  }
  std::array<bool, 7> days{};
  bool ok = true;
  for (const std::string& text : *texts) {
    Parsed<std::array<bool, 7>> parsed = parse_weekdays(text);
    if (!parsed.value) {
      r.error(*m.find("days"), m.what() + ": " + parsed.error);
      ok = false;
      continue;
    }
    for (std::size_t d = 0; d < 7; ++d) {
      if ((*parsed.value)[d] && days[d]) {
        r.error(*m.find("days"),
                m.what() + ": days: " + std::string(kWeekdayNames[d]) + " is named twice");
        ok = false;
      }
      days[d] = days[d] || (*parsed.value)[d];
    }
  }
  if (!ok) return std::nullopt;
  return days;
}

// A list of opening hours ("08:00-18:00", "22:00-06:00" into the next day) under `key` of
// `what`, sorted; reports an empty list, a bad range and ranges that overlap at `node`.
std::vector<time::MinuteRange> read_ranges(YamlReader& r, const YAML::Node& node,
                                           const std::string& what, const std::string& key) {
  const std::optional<std::vector<std::string>> texts = r.strings(node, what + ": " + key);
  if (!texts) return {};
  if (texts->empty() && key == "hours" && what.ends_with(": open")) {
    r.error(node, what +
                      ": hours: an empty list opens nothing; list opening hours like "
                      "\"10:00-14:00\"");
  } else if (texts->empty() && key.starts_with("hours: ")) {
    r.error(node, what + ": " + key +
                      ": an empty list; leave the day out of hours to keep it closed, or list "
                      "opening hours like \"08:00-18:00\"");
  } else if (texts->empty()) {
    r.error(node, what + ": " + key +
                      ": an empty list would keep the calendar closed for "
                      "ever; leave hours out for whole days, or list opening hours "
                      "like \"08:00-18:00\"");
  }
  // "calendar desk: " for the one list of hours (as before weekday keys), else with the key.
  const std::string prefix = what + (key == "hours" ? "" : ": " + key);
  std::vector<time::MinuteRange> hours;
  for (const std::string& text : *texts) {
    Parsed<time::MinuteRange> range = parse_minute_range(text);
    if (range.value) {
      hours.push_back(*range.value);
    } else {
      r.error(node, prefix + ": " + range.error);
    }
  }
  std::sort(hours.begin(), hours.end(), [](auto& a, auto& b) { return a.from < b.from; });
  for (std::size_t i = 1; i < hours.size(); ++i) {
    if (hours[i].from < hours[i - 1].to) r.error(node, prefix + ": opening hours overlap");
  }
  return hours;
}

// `hours: {mon-fri: [...], sat: [...]}`: opening hours per weekday; a day named by two keys is
// reported at the second.
void read_hours_per_weekday(YamlReader& r, const MapReader& m, const YAML::Node& node,
                            std::array<std::vector<time::MinuteRange>, 7>& week) {
  if (node.size() == 0) {
    r.error(node, m.what() +
                      ": hours: names no weekday and would keep the calendar closed for ever; "
                      "give hours like {mon-fri: [\"08:00-18:00\"]}");
    return;
  }
  std::array<bool, 7> seen{};
  for (const auto& kv : node) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
    Parsed<std::array<bool, 7>> days = parse_weekdays(key);
    if (!days.value) {
      r.error(kv.first, m.what() + ": hours: " + days.error);
      continue;
    }
    const std::vector<time::MinuteRange> ranges =
        read_ranges(r, kv.second, m.what(), "hours: " + key);
    for (std::size_t d = 0; d < 7; ++d) {
      if (!(*days.value)[d]) continue;
      if (seen[d]) {
        r.error(kv.first,
                m.what() + ": hours: " + std::string(kWeekdayNames[d]) + " already has its hours");
      }
      seen[d] = true;
      week[d] = ranges;
    }
  }
}

// Reports the first range past 24:00 that runs into the next weekday's opening hours.
void check_nights(YamlReader& r, const MapReader& m, const YAML::Node& node,
                  const std::array<std::vector<time::MinuteRange>, 7>& week) {
  constexpr std::chrono::minutes kDay{24 * 60};
  for (std::size_t d = 0; d < 7; ++d) {
    const std::vector<time::MinuteRange>& next = week[(d + 1) % 7];
    for (const time::MinuteRange& night : week[d]) {
      if (night.to <= kDay || next.empty() || next.front().from >= night.to - kDay) continue;
      r.error(node, m.what() + ": the hours of " + std::string(kWeekdayNames[d]) +
                        " run past 24:00 into those of " + std::string(kWeekdayNames[(d + 1) % 7]));
      return;
    }
  }
}

// `open: [{date: 2026-12-27, hours: ["10:00-14:00"]}]`: opening time added on dates.
void read_openings(YamlReader& r, const MapReader& m, std::vector<time::ExtraOpening>& out) {
  const std::optional<YAML::Node> list = m.find("open");
  if (!list) return;
  if (!list->IsSequence()) {
    r.error(*list, m.what() + ": open must be a list of {date, hours}");
    return;
  }
  for (const auto& item : *list) {
    MapReader o(r, item, m.what() + ": open", {"date", "hours", "name"});
    if (!o.is_map()) continue;
    const std::optional<time::Date> d = o.date("date", true);
    const std::optional<YAML::Node> hours = o.require("hours");
    static_cast<void>(o.string("name", false));  // a note for the reader; only checked
    if (!hours) continue;
    std::vector<time::MinuteRange> ranges = read_ranges(r, *hours, o.what(), "hours");
    if (d && !ranges.empty()) out.push_back(time::ExtraOpening{*d, std::move(ranges)});
  }
}

std::optional<CalendarDef> read_calendar(YamlReader& r, const std::string& name,
                                         const YAML::Node& node, const Holidays& h) {
  MapReader m(r, node, "calendar " + name, {"days", "hours", "open", "holidays", "example"});
  if (!m.is_map()) return std::nullopt;
  const std::size_t errors_before = r.error_count();
  CalendarDef def;
  def.spec.name = name;
  const std::optional<YAML::Node> hours_node = m.find("hours");
  if (hours_node && hours_node->IsMap()) {
    if (m.has("days")) {
      r.error(*m.find("days"), m.what() +
                                   ": days: leave days out when hours names the weekdays "
                                   "(hours: {mon-fri: [...], sat: [...]})");
    }
    read_hours_per_weekday(r, m, *hours_node, def.spec.hours);
  } else {
    const std::array<bool, 7> days = read_days(r, m).value_or(std::array<bool, 7>{});
    const std::vector<time::MinuteRange> hours =
        hours_node ? read_ranges(r, *hours_node, m.what(), "hours")
                   : std::vector<time::MinuteRange>{
                         {std::chrono::minutes{0}, std::chrono::minutes{24 * 60}}};
    for (std::size_t d = 0; d < 7; ++d) {
      if (days[d]) def.spec.hours[d] = hours;
    }
  }
  if (hours_node && r.error_count() == errors_before)
    check_nights(r, m, *hours_node, def.spec.hours);
  read_openings(r, m, def.spec.extra_openings);
  def.closed_on_holidays = m.boolean("holidays").value_or(true);
  def.example = m.boolean("example").value_or(false);
  if (def.closed_on_holidays) {
    def.spec.termijnenwet_holidays = h.termijnenwet;
    for (const NamedDay& d : h.added) def.spec.extra_closed_days.push_back(d.date);
    for (const NamedMonthDay& d : h.added_yearly) def.spec.yearly_closed_days.push_back(d.day);
    for (const NamedDay& d : h.removed) def.spec.removed_holidays.push_back(d.date);
    def.spec.closures = h.closures;
    def.spec.yearly_closures = h.yearly_closures;
  } else {
    def.spec.termijnenwet_holidays = false;
  }
  if (r.error_count() != errors_before) return std::nullopt;
  return def;
}

void read_calendars(YamlReader& r, const YAML::Node& node, Contract& c) {
  c.calendars["24x7"] = CalendarDef{always_open(), false, false};
  if (!node.IsMap()) {
    r.error(node, "calendars must be a map of name: calendar");
    return;
  }
  for (const auto& kv : node) {
    const std::string name = kv.first.Scalar();
    if (name == "24x7") {
      r.error(kv.first, "calendar '24x7' is built in and cannot be redefined");
      continue;
    }
    if (std::optional<CalendarDef> def = read_calendar(r, name, kv.second, c.holidays)) {
      c.calendars.emplace(name, std::move(*def));
    }
  }
}

void read_priorities(YamlReader& r, const YAML::Node& node, Contract& c) {
  if (!node.IsMap()) {
    r.error(node, "priorities must be a map of id: {nl, en}, highest first");
    return;
  }
  for (const auto& kv : node) {
    MapReader m(r, kv.second, "priority " + kv.first.Scalar(), {"nl", "en", "example"});
    if (!m.is_map()) continue;
    Priority p{kv.first.Scalar(),
               Text{m.string("nl", true).value_or(""), m.string("en", true).value_or("")},
               m.boolean("example").value_or(false)};
    c.priorities.push_back(std::move(p));
  }
}

// Reads the keys present in a parameters block over `p` (absent keys keep their value).
void read_parameters(YamlReader& r, const YAML::Node& node, Parameters& p) {
  MapReader m(r, node, "parameters", {"core_transactions", "critical_fields", "co2_baseline"});
  if (auto names = m.strings("core_transactions", false)) p.core_transactions = std::move(*names);
  if (const std::optional<YAML::Node> fields = m.find("critical_fields")) {
    if (fields->IsMap()) {  // {fields: [...], example: true}
      MapReader f(r, *fields, "critical_fields", {"fields", "example"});
      if (auto names = f.strings("fields", true)) p.critical_fields = std::move(*names);
      p.critical_fields_example = f.boolean("example").value_or(false);
    } else if (auto names = m.strings("critical_fields", false)) {
      p.critical_fields = std::move(*names);
      p.critical_fields_example = false;
    }
  }
  if (const std::optional<YAML::Node> baseline = m.find("co2_baseline")) {
    MapReader b(r, *baseline, "co2_baseline", {"tco2e_per_quarter", "example"});
    if (const std::optional<std::string> text = b.string("tco2e_per_quarter", true)) {
      Parsed<Decimal> d = parse_decimal(*text);
      if (d.value && d.value->units > 0) {
        p.co2_baseline_tco2e_per_quarter = *d.value;
      } else {
        r.error(*b.find("tco2e_per_quarter"),
                "co2_baseline: tco2e_per_quarter must be a positive number of tCO2e");
      }
    }
    p.co2_baseline_example = b.boolean("example").value_or(false);
  }
}

std::optional<time::Date> read_month(YamlReader& r, const MapReader& m) {
  const std::optional<std::string> text = m.string("effective_from", true);
  if (!text) return std::nullopt;
  const std::optional<time::Period> p = time::parse_period(*text);
  if (!p || p->cadence != time::Cadence::kMonth) {
    r.error(*m.find("effective_from"),
            "amendment: effective_from must be a month YYYY-MM, not " + quoted(*text));
    return std::nullopt;
  }
  return p->first_day;
}

// The KPI `id` as the contract stood before the amendment being read: the latest amendment that
// states it, else the contract's own KPIs; nullptr for a new id.
const Kpi* previous_terms(const Contract& c, const std::string& id) {
  for (auto a = c.amendments.rbegin(); a != c.amendments.rend(); ++a) {
    for (const Kpi& k : a->kpis) {
      if (k.id == id) return &k;
    }
  }
  return c.find_kpi(id);
}

// The block with `id` in a list of blocks (its `key` when it has one), for the position of a
// diagnostic; the list itself when there is none.
YAML::Node block_with_id(const YAML::Node& list, const std::string& id, const char* key) {
  for (const auto& item : list) {
    if (item.IsMap() && item["id"] && item["id"].IsScalar() && item["id"].Scalar() == id) {
      return item[key] ? item[key] : item;
    }
  }
  return list;
}

// An amended KPI keeps its periods: its cadence, `weekly` and its objectives' own cadences, since
// its escalation runs on across versions (versions.h).
void check_same_periods(LoadContext& ctx, const YAML::Node& kpis, const Contract& c,
                        const Kpi& changed) {
  const Kpi* before = previous_terms(c, changed.id);
  if (before == nullptr) return;
  const std::string advice =
      ": its periods and its ladder run on across versions; to change them, remove it and add a "
      "KPI with a new id";
  if (before->cadence != changed.cadence) {
    ctx.reader.error(block_with_id(kpis, changed.id, "cadence").Mark(),
                     "amendment: " + changed.id + " keeps its cadence " +
                         quoted(std::string(cadence_name(before->cadence))) + advice);
  }
  if (before->weekly != changed.weekly) {
    ctx.reader.error(block_with_id(kpis, changed.id, "weekly").Mark(),
                     "amendment: " + changed.id +
                         " keeps weekly: " + (before->weekly ? "true" : "false") + advice);
  }
  for (const Objective& o : changed.objectives) {
    for (const Objective& was : before->objectives) {
      if (was.id != o.id || objective_cadence(*before, was) == objective_cadence(changed, o)) {
        continue;
      }
      ctx.reader.error(
          block_with_id(block_with_id(kpis, changed.id, "objectives"), o.id, "cadence").Mark(),
          "amendment: " + changed.id + " " + o.id + " keeps its cadence " +
              quoted(std::string(cadence_name(objective_cadence(*before, was)))) + advice);
    }
  }
}

void read_amendment(LoadContext& ctx, const YAML::Node& node, Contract& c, Parameters& in_force,
                    std::set<std::string>& kpi_ids) {
  static constexpr std::array<std::string_view, 6> kNotYet{
      "contract", "calendars", "holidays", "priorities", "priority_names", "severities"};
  for (const auto& kv : node.IsMap() ? node : YAML::Node()) {
    const std::string key = kv.first.Scalar();
    if (std::find(kNotYet.begin(), kNotYet.end(), key) != kNotYet.end()) {
      ctx.reader.error(kv.first, "an amendment cannot yet change " + key +
                                     "; state it in a new version of the contract file");
    }
  }
  MapReader m(ctx.reader, node, "amendment",
              {"effective_from", "note", "kpis", "remove_kpis", "parameters", "contract",
               "calendars", "holidays", "priorities", "priority_names", "severities"});
  if (!m.is_map()) return;
  Amendment a;
  const std::optional<time::Date> month = read_month(ctx.reader, m);
  if (month && *month <= c.start) {
    ctx.reader.error(*m.find("effective_from"),
                     "amendment: effective_from must lie after the "
                     "contract start " +
                         time::format_date(c.start));
  } else if (month && !c.amendments.empty() && *month <= c.amendments.back().effective_from) {
    ctx.reader.error(*m.find("effective_from"),
                     "amendment: effective_from must lie after the previous amendment's");
  }
  a.effective_from = month.value_or(time::Date{});
  a.note = m.text("note", false).value_or(Text{});
  if (const std::optional<YAML::Node> params = m.find("parameters")) {
    read_parameters(ctx.reader, *params, in_force);
    a.parameters = in_force;
  }
  if (const std::optional<YAML::Node> kpis = m.find("kpis")) {
    a.kpis = detail::read_kpis(ctx, *kpis, "amendment: kpis");
    for (const Kpi& k : a.kpis) check_same_periods(ctx, *kpis, c, k);
  }
  for (const std::string& id :
       m.strings("remove_kpis", false).value_or(std::vector<std::string>{})) {
    if (kpi_ids.erase(id) == 0) {
      ctx.reader.error(*m.find("remove_kpis"), "amendment: remove_kpis: no KPI " + quoted(id));
    }
    a.removed_kpis.push_back(id);
  }
  for (const Kpi& k : a.kpis) kpi_ids.insert(k.id);
  c.amendments.push_back(std::move(a));
}

// What reading amendments carries from one to the next: the parameters and KPI ids in force.
struct AmendmentState {
  Parameters in_force;
  std::set<std::string> kpi_ids;
};

void read_document(YamlReader& r, const YAML::Node& root, Contract& c, AmendmentState& state) {
  MapReader top(r, root, "the contract file",
                {"contract", "holidays", "calendars", "priorities", "priority_names", "severities",
                 "parameters", "kpis", "amendments"});
  if (!top.is_map()) return;
  if (const std::optional<YAML::Node> n = top.require("contract")) read_contract_block(r, *n, c);
  if (const std::optional<YAML::Node> n = top.find("holidays")) read_holidays(r, *n, c.holidays);
  if (const std::optional<YAML::Node> n = top.find("calendars")) {
    read_calendars(r, *n, c);
  } else {
    c.calendars["24x7"] = CalendarDef{always_open(), false, false};
  }
  if (const std::optional<YAML::Node> n = top.require("priorities")) read_priorities(r, *n, c);
  if (const std::optional<YAML::Node> n = top.find("priority_names")) {
    detail::read_priority_names(r, *n, c);
  }
  if (const std::optional<std::vector<std::string>> s = top.strings("severities", false)) {
    c.severities = *s;
  }
  if (const std::optional<YAML::Node> n = top.find("parameters"))
    read_parameters(r, *n, c.parameters);
  LoadContext ctx{r, c};
  if (const std::optional<YAML::Node> n = top.require("kpis")) {
    c.kpis = detail::read_kpis(ctx, *n, "kpis");
  }
  for (Kpi& k : c.kpis) resolve_parameters(k, c.parameters);
  state.in_force = c.parameters;
  for (const Kpi& k : c.kpis) state.kpi_ids.insert(k.id);
  if (const std::optional<YAML::Node> n = top.find("amendments")) {
    if (!n->IsSequence()) {
      r.error(*n, "amendments must be a list");
      return;
    }
    for (const auto& item : *n) read_amendment(ctx, item, c, state.in_force, state.kpi_ids);
  }
}

// Reads `text` into `root`, reporting an empty document or a syntax error; false when there is
// nothing to read.
bool parse_yaml(std::string_view text, std::string_view file_name, YamlReader& reader,
                std::vector<Diagnostic>& diagnostics, YAML::Node& root) {
  try {
    if (!detail::check_source_text(text, file_name, diagnostics)) return false;
    root = YAML::Load(std::string(text));
    if (!root.IsDefined() || root.IsNull()) {
      reader.error(YAML::Mark::null_mark(),
                   std::string(text.find_first_not_of(" \t\r\n") == std::string_view::npos
                                   ? "the file is empty"
                                   : "the file holds no YAML document, only comments") +
                       "; start from `meetlat contract show --default`");
      return false;
    }
    reader.report_duplicate_keys(root);
    return true;
  } catch (const YAML::Exception& e) {
    const bool known = e.mark.line >= 0 && !e.mark.is_null();
    diagnostics.push_back(detail::yaml_syntax_error(text, file_name, known ? e.mark.line : -1,
                                                    known ? e.mark.column : -1, e.msg));
    return false;
  }
}

}  // namespace

LoadResult load_contract(std::string_view yaml_text, std::string_view file_name) {
  return load_contract(yaml_text, file_name, {});
}

LoadResult load_contract(std::string_view yaml_text, std::string_view file_name,
                         std::span<const AmendmentText> amendments) {
  LoadResult result;
  YamlReader reader(file_name, result.diagnostics, result.warnings);
  Contract contract;
  AmendmentState state;
  YAML::Node root;
  if (parse_yaml(yaml_text, file_name, reader, result.diagnostics, root)) {
    read_document(reader, root, contract, state);
  }
  const bool base_loaded = result.diagnostics.empty();
  for (const AmendmentText& amendment : amendments) {
    if (!base_loaded) break;  // an amendment to a broken contract says nothing
    YamlReader amendment_reader(amendment.name, result.diagnostics, result.warnings);
    YAML::Node node;
    if (!parse_yaml(amendment.yaml, amendment.name, amendment_reader, result.diagnostics, node)) {
      continue;
    }
    if (!node.IsMap()) {
      amendment_reader.error(node, "an amendment is a map of note, parameters, kpis, remove_kpis");
      continue;
    }
    if (const YAML::Node given = std::as_const(node)["effective_from"]; given.IsDefined()) {
      if (!given.IsScalar() || given.Scalar() != amendment.effective_from) {
        amendment_reader.error(given, "amendment: effective_from here differs from the " +
                                          amendment.effective_from + " it is applied from");
        continue;
      }
    } else {
      node["effective_from"] = amendment.effective_from;
    }
    LoadContext ctx{amendment_reader, contract};
    read_amendment(ctx, node, contract, state.in_force, state.kpi_ids);
  }
  sort_diagnostics(result.diagnostics);
  sort_diagnostics(result.warnings);
  if (result.diagnostics.empty()) result.contract = std::move(contract);
  return result;
}

}  // namespace meetlat::contract

#include "cli/action_register.h"

#include <algorithm>
#include <set>

#include "time/parse.h"

namespace meetlat::cli {

std::vector<store::RegisteredAction> register_entries(const std::vector<evaluate::Action>& fired,
                                                      const contract::Versions& versions,
                                                      const time::Zone& zone) {
  const std::vector<report::ActionRow> rows = report::action_rows(fired, versions, zone);
  std::vector<store::RegisteredAction> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const report::ActionRow& r = rows[i];
    store::RegisteredAction a;
    a.id = r.id;
    a.created_at = r.created_at;
    a.owner = r.owner;
    a.deadline = r.deadline;
    a.kpi = r.kpi;
    a.period = r.period;
    a.action = r.action;
    a.label_nl = r.label_nl;
    a.label_en = r.label_en;
    a.malus_pct = r.malus_pct;
    a.because = r.because;
    a.contract_version = fired[i].contract_version;
    a.status = "open";
    out.push_back(std::move(a));
  }
  return out;
}

namespace {

report::ActionRow agreed_row(const store::RegisteredAction& a, time::Date today) {
  report::ActionRow r;
  r.id = a.id;
  r.created_at = a.created_at;
  r.owner = a.owner;
  r.deadline = a.deadline;
  r.kpi = a.kpi;
  r.period = a.period;
  r.action = a.action;
  r.label_nl = a.label_nl;
  r.label_en = a.label_en;
  r.malus_pct = a.malus_pct;
  r.because = a.because;
  r.agreed = true;
  if (a.status == "done") {
    r.status = "done";
    r.done_on = a.done_on;
    r.done_evidence = a.done_evidence;
    if (const auto on = time::parse_date(a.done_on, nullptr)) {
      r.days_late = report::days_after(a.deadline, *on);
    }
  } else {
    r.days_late = report::days_after(a.deadline, today);
    r.status = r.days_late > 0 ? "overdue" : "open";
  }
  return r;
}

}  // namespace

std::vector<report::ActionRow> register_through(
    const std::vector<report::ActionRow>& computed,
    const std::vector<store::RegisteredAction>& registered, const time::Period& period,
    time::Instant as_of, const time::Zone& zone) {
  const time::Instant end = zone.start_of_day(period.end_day);
  const time::Date today = zone.date_of(as_of);
  struct Entry {
    time::Instant created;
    report::ActionRow row;
  };
  std::vector<Entry> entries;
  std::set<std::string> ids;
  for (const store::RegisteredAction& a : registered) {
    const auto created = time::parse_timestamp(a.created_at, zone, nullptr);
    if (!created || end < created->at) continue;
    ids.insert(a.id);
    entries.push_back({created->at, agreed_row(a, today)});
  }
  for (const report::ActionRow& r : computed) {
    if (ids.contains(r.id)) continue;
    const auto created = time::parse_timestamp(r.created_at, zone, nullptr);
    entries.push_back({created ? created->at : end, r});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.created < b.created; });
  std::vector<report::ActionRow> out;
  out.reserve(entries.size());
  for (Entry& e : entries) out.push_back(std::move(e.row));
  return out;
}

}  // namespace meetlat::cli

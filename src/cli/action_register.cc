#include "cli/action_register.h"

#include <algorithm>
#include <set>

#include "time/parse.h"

namespace meetlat::cli {

namespace {

// The texts an action is listed and registered with: RegisteredAction and ActionRow name them
// alike.
template <class From, class To>
void copy_texts(const From& from, To& to) {
  to.id = from.id;
  to.created_at = from.created_at;
  to.owner = from.owner;
  to.deadline = from.deadline;
  to.kpi = from.kpi;
  to.period = from.period;
  to.action = from.action;
  to.label_nl = from.label_nl;
  to.label_en = from.label_en;
  to.malus_pct = from.malus_pct;
  to.because = from.because;
}

}  // namespace

std::vector<store::RegisteredAction> register_entries(const std::vector<evaluate::Action>& fired,
                                                      const contract::Versions& versions,
                                                      const time::Zone& zone) {
  const std::vector<report::ActionRow> rows = report::action_rows(fired, versions, zone);
  std::vector<store::RegisteredAction> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    store::RegisteredAction a;
    copy_texts(rows[i], a);
    a.contract_version = fired[i].contract_version;
    a.status = "open";
    out.push_back(std::move(a));
  }
  return out;
}

namespace {

report::ActionRow agreed_row(const store::RegisteredAction& a, time::Date today) {
  report::ActionRow r;
  copy_texts(a, r);
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
    if (ids.contains(r.id)) {
      // The register keeps why in English; the same reason computed now has its Dutch.
      for (Entry& e : entries) {
        if (e.row.id == r.id && e.row.because == r.because) e.row.because_nl = r.because_nl;
      }
      continue;
    }
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

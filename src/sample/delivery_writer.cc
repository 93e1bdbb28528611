#include "sample/delivery_writer.h"

#include <algorithm>
#include <cmath>

namespace meetlat::sample {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

Day contract_day(int n) { return first_day_of(kContractStart) + std::chrono::days{n}; }

void write_milestones(Generation& g, Rng& rng) {
  CsvFile file = g.open("milestones.csv", {"id", "planned_on", "achieved_on"});
  struct Milestone {
    std::string_view id;
    int planned_day;
    std::int64_t achieved_from, achieved_to;
  };
  const Milestone milestones[] = {
      {"golive", 41, 38, 41}, {"manual", 30, 33, 39}, {"exit_runbook", 30, 20, 28}};
  for (const Milestone& m : milestones) {
    const Day achieved =
        contract_day(static_cast<int>(rng.between(m.achieved_from, m.achieved_to)));
    file.text(m.id);
    file.day(contract_day(m.planned_day));
    LocalSeconds{achieved} < g.clock.snapshot() ? file.day(achieved) : file.empty();
    file.end_row();
  }
  g.finish(file);
}

void write_migration(Generation& g, Rng& rng) {
  CsvFile file =
      g.open("migration.csv", {"batch", "validated_on", "records_total", "records_correct"});
  int batch = 0;
  for (const MonthPlan& month : g.plan) {
    if (month.contract_month > 1) continue;
    const bool poor_batch_month = month.contract_month == 1 && rng.chance(0.5);
    const int count = 4;
    const auto poor = static_cast<int>(rng.below(count));
    for (int i = 0; i < count; ++i) {
      const Day thursday = nth_weekday(month.month, 4, i + 1);
      const auto total =
          static_cast<std::int64_t>(std::max(100.0, g.scaled(20000 + 100000 * rng.uniform())));
      const double error_rate =
          poor_batch_month && i == poor ? 0.004 + 0.004 * rng.uniform() : 0.0006 * rng.uniform();
      const auto errors =
          static_cast<std::int64_t>(std::floor(static_cast<double>(total) * error_rate));
      file.text(make_id("B", ++batch, 2));
      file.day(g.clock.working_day_on_or_after(thursday));
      file.integer(total);
      file.integer(total - errors);
      file.end_row();
    }
  }
  g.finish(file);
}

void write_releases(Generation& g, Rng& rng) {
  CsvFile file = g.open("releases.csv", {"id", "released_at", "regression_coverage"});
  int n = 0;
  Day d = nth_weekday(g.plan.front().month, 2, 1);
  std::size_t month_index = 0;
  bool low_done = false;
  for (; d < g.clock.end_day(); d += std::chrono::days{14}) {
    const auto ym = std::chrono::year_month_day{d}.year() / std::chrono::year_month_day{d}.month();
    while (month_index + 1 < g.plan.size() && g.plan[month_index].month < ym) {
      ++month_index;
      low_done = false;
    }
    const bool low = g.plan[month_index].low_coverage_release && !low_done;
    low_done = low_done || low;
    file.text(make_id("REL-", ++n, 4));
    file.local(d + hours{20} + minutes{rng.between(0, 45)});
    file.fixed(low ? 0.84 + 0.05 * rng.uniform() : 0.91 + 0.07 * rng.uniform(), 2);
    file.end_row();
  }
  g.finish(file);
}

struct Change {
  std::string id;
  LocalSeconds at;
};

std::vector<Change> write_changes(Generation& g, Rng& rng) {
  CsvFile file = g.open("changes.csv", {"id", "implemented_at", "failed"});
  std::vector<Change> changes;
  for (const MonthPlan& month : g.plan) {
    const int count = static_cast<int>(rng.between(10, 16));
    std::vector<LocalSeconds> at;
    for (int i = 0; i < count; ++i) {
      const Day d = working_day_in(g.clock, month.month, rng);
      at.emplace_back(d + hours{18} + minutes{rng.between(0, 239)});
    }
    std::sort(at.begin(), at.end());
    const int failures = month.failed_changes ? count / 10 + static_cast<int>(rng.between(1, 2))
                                              : static_cast<int>(rng.below(count / 10 + 1));
    const std::vector<int> failed = rng.pick(count, failures);
    for (int i = 0; i < count; ++i) {
      Change c{make_id("CHG-", static_cast<std::int64_t>(changes.size()) + 1, 4),
               at[std::size_t(i)]};
      file.text(c.id);
      file.local(c.at);
      file.boolean(std::binary_search(failed.begin(), failed.end(), i));
      file.end_row();
      changes.push_back(std::move(c));
    }
  }
  g.finish(file);
  return changes;
}

void write_doc_updates(Generation& g, Rng& rng, const std::vector<Change>& changes) {
  CsvFile file = g.open("doc_updates.csv", {"change_id", "changed_at", "doc_updated_at"});
  std::size_t month_index = 0;
  int late_left = 0;
  std::chrono::year_month current{};
  for (const Change& c : changes) {
    const Day day = std::chrono::floor<std::chrono::days>(c.at);
    const auto ym =
        std::chrono::year_month_day{day}.year() / std::chrono::year_month_day{day}.month();
    if (ym != current) {
      current = ym;
      while (month_index + 1 < g.plan.size() && g.plan[month_index].month < ym) ++month_index;
      late_left = g.plan[month_index].late_doc_update ? static_cast<int>(rng.between(1, 2)) : 0;
    }
    const bool late = late_left > 0 && rng.chance(0.3);
    late_left -= late ? 1 : 0;
    const int days =
        late ? static_cast<int>(rng.between(6, 9)) : static_cast<int>(rng.between(0, 4));
    const LocalSeconds updated = days == 0
                                     ? c.at + minutes{rng.between(20, 90)}
                                     : office_moment(g.clock.add_working_days(day, days), rng);
    file.text(c.id);
    file.local(c.at);
    updated < g.clock.snapshot() ? file.local(updated) : file.empty();
    file.end_row();
  }
  g.finish(file);
}

void write_export_tests(Generation& g, Rng& rng) {
  CsvFile file = g.open("export_tests.csv", {"id", "started_at", "completed_at"});
  int n = 0;
  for (const MonthPlan& month : g.plan) {
    if (month.contract_month % 6 != 4) continue;
    const LocalSeconds start = nth_weekday(month.month, 2, 2) + hours{9};
    const double days = rng.chance(0.2) ? 5.3 + 1.5 * rng.uniform() : 1.5 + 3.0 * rng.uniform();
    const LocalSeconds done =
        start + std::chrono::seconds{static_cast<std::int64_t>(days * 86400 / 60) * 60};
    file.text(make_id("EXP-", ++n, 2));
    file.local(start);
    done < g.clock.snapshot() ? file.local(done) : file.empty();
    file.end_row();
  }
  g.finish(file);
}

}  // namespace

void write_delivery(Generation& g) {
  Rng rng = g.rng(Stream::kDelivery);
  write_milestones(g, rng);
  write_migration(g, rng);
  write_releases(g, rng);
  const std::vector<Change> changes = write_changes(g, rng);
  write_doc_updates(g, rng, changes);
  write_export_tests(g, rng);
}

}  // namespace meetlat::sample

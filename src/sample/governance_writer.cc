#include "sample/governance_writer.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace meetlat::sample {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr std::array<std::string_view, 7> kOwners = {
    "de Vries, Anna", "Jansen, Pieter", "Bakker, Sanne",  "Visser, Mohammed",
    "Smit, Eva",      "Meijer, Daan",   "Service Manager"};

std::string month_name(std::chrono::year_month m) {
  char text[kMaxFormattedChars];
  return std::string(text, static_cast<std::size_t>(put_date(text, first_day_of(m)) - 3 - text));
}

void closing(Generation& g, CsvFile& file, LocalSeconds at) {
  at < g.clock.snapshot() ? file.local(at) : file.empty();
}
void closing_day(Generation& g, CsvFile& file, Day d) {
  LocalSeconds{d} < g.clock.snapshot() ? file.day(d) : file.empty();
}

void write_report(Generation& g, Rng& rng, CsvFile& file, const std::string& id, Day due_day,
                  bool late, std::string_view kind) {
  const LocalSeconds due = due_day + hours{17};
  const LocalSeconds delivered =
      late ? office_moment(g.clock.add_working_days(due_day, static_cast<int>(rng.between(1, 3))),
                           rng)
           : due - minutes{rng.between(30, std::int64_t{60} * 24 * 3)};
  file.text(id);
  file.local(due);
  closing(g, file, delivered);
  file.text(kind);
  file.end_row();
}

void write_reports(Generation& g, Rng& rng) {
  CsvFile file = g.open("reports.csv", {"id", "due_at", "delivered_at", "kind"});
  for (const MonthPlan& month : g.plan) {
    const Day next = first_day_of(month.month + std::chrono::months{1});
    const Day due = g.clock.add_working_days(next - std::chrono::days{1}, 5);
    write_report(g, rng, file, "RPT-" + month_name(month.month), due, month.late_report, "monthly");
    const unsigned m = static_cast<unsigned>(month.month.month());
    if (m % 3 == 0) {
      const int y = static_cast<int>(month.month.year());
      const Day qbr_due = g.clock.add_working_days(next - std::chrono::days{1}, 15);
      write_report(g, rng, file, "RPT-" + std::to_string(y) + "-Q" + std::to_string(m / 3), qbr_due,
                   false, "qbr");
    }
  }
  g.finish(file);
}

void write_actions(Generation& g, Rng& rng) {
  CsvFile file = g.open("actions.csv", {"id", "created_at", "owner", "deadline", "status"});
  int n = 0;
  for (const MonthPlan& month : g.plan) {
    const int count = static_cast<int>(rng.between(4, 10));
    std::vector<LocalSeconds> created;
    created.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i) {
      created.push_back(office_moment(working_day_in(g.clock, month.month, rng), rng));
    }
    std::sort(created.begin(), created.end());
    const auto incomplete = static_cast<int>(rng.below(static_cast<std::uint64_t>(count)));
    for (int i = 0; i < count; ++i) {
      const bool missing = month.action_without_owner && i == incomplete;
      const Day deadline = std::chrono::floor<std::chrono::days>(created[std::size_t(i)]) +
                           std::chrono::days{rng.between(14, 30)};
      file.text(make_id("ACT-", ++n, 4));
      file.local(created[std::size_t(i)]);
      missing ? file.empty() : file.text(kOwners[rng.below(kOwners.size())]);
      file.day(deadline);
      const bool done = LocalSeconds{deadline} < g.clock.snapshot() && rng.chance(0.9);
      file.text(done ? "done" : (rng.chance(0.5) ? "open" : "in_progress"));
      file.end_row();
    }
  }
  g.finish(file);
}

void write_emissions(Generation& g, Rng& rng) {
  CsvFile file = g.open("emissions.csv", {"period_start", "period_end", "tco2e"});
  for (const MonthPlan& month : g.plan) {
    if ((static_cast<unsigned>(month.month.month()) - 1) % 3 != 0) continue;
    const int months_to_end = std::min(36, month.contract_month + 3);
    const double trajectory = 0.25 * months_to_end / 36.0;
    const double margin =
        rng.chance(0.25) ? -(0.02 + 0.05 * rng.uniform()) : 0.005 + 0.02 * rng.uniform();
    file.day(first_day_of(month.month));
    file.day(first_day_of(month.month + std::chrono::months{3}) - std::chrono::days{1});
    file.fixed(100.0 * (1.0 - trajectory - margin), 1);
    file.end_row();
  }
  g.finish(file);
}

void write_trainings(Generation& g, Rng& rng) {
  CsvFile file = g.open("trainings.csv", {"user_id", "enrolled_on", "passed_on"});
  int n = 0;
  for (const MonthPlan& month : g.plan) {
    const int count = jittered_count(g.scaled(25), rng);
    const double pass_share = month.poor_training ? 0.70 : 0.92;
    for (int i = 0; i < count; ++i) {
      const Day enrolled = working_day_in(g.clock, month.month, rng);
      file.text(make_id("U-", ++n, 5));
      file.day(enrolled);
      const double u = rng.uniform();
      if (u < pass_share) {
        closing_day(g, file, enrolled + std::chrono::days{rng.between(5, 58)});
      } else if (u < pass_share + 0.04) {
        closing_day(g, file, enrolled + std::chrono::days{rng.between(62, 90)});
      } else {
        file.empty();
      }
      file.end_row();
    }
  }
  g.finish(file);
}

void write_slm_sessions(Generation& g, Rng& rng) {
  CsvFile file = g.open("slm_sessions.csv", {"id", "planned_on", "held_on"});
  for (const MonthPlan& month : g.plan) {
    const Day planned = nth_weekday(month.month, 2, 2);
    file.text("SLM-" + month_name(month.month));
    file.day(planned);
    if (month.missed_slm_session) {
      file.empty();
    } else {
      closing_day(g, file,
                  rng.chance(0.8) ? planned : planned + std::chrono::days{rng.between(1, 3)});
    }
    file.end_row();
  }
  g.finish(file);
}

void write_disputes(Generation& g, Rng& rng) {
  CsvFile file = g.open("disputes.csv", {"id", "opened_on", "resolved_on"});
  int n = 0;
  for (const MonthPlan& month : g.plan) {
    if (!rng.chance(0.5)) continue;
    const Day opened = working_day_in(g.clock, month.month, rng);
    const auto days = rng.chance(1.0 / 6) ? rng.between(12, 20) : rng.between(2, 9);
    file.text(make_id("DSP-", ++n, 4));
    file.day(opened);
    closing_day(g, file, opened + std::chrono::days{days});
    file.end_row();
  }
  g.finish(file);
}

void write_api_endpoints(Generation& g, Rng& rng) {
  struct Endpoint {
    std::string_view method, path;
  };
  static constexpr Endpoint kEndpoints[] = {
      {"GET", "/v1/tickets"},        {"POST", "/v1/tickets"},       {"GET", "/v1/tickets/{id}"},
      {"PATCH", "/v1/tickets/{id}"}, {"GET", "/v1/cases"},          {"GET", "/v1/cases/{id}"},
      {"POST", "/v1/documents"},     {"GET", "/v1/documents/{id}"}, {"GET", "/v1/reports"},
      {"POST", "/v1/exports"},       {"GET", "/v1/exports/{id}"},   {"GET", "/v1/health"}};
  constexpr auto kCount = std::size(kEndpoints);
  CsvFile file =
      g.open("api_endpoints.csv", {"method", "path", "checked_on", "in_openapi", "oauth2"});
  for (const MonthPlan& month : g.plan) {
    const Day checked = g.clock.working_day_on_or_after(first_day_of(month.month));
    const auto odd = rng.below(kCount);
    const bool odd_in_openapi = rng.chance(0.5);
    for (std::size_t i = 0; i < kCount; ++i) {
      const bool bad = month.nonconform_endpoint && i == odd;
      file.text(kEndpoints[i].method);
      file.text(kEndpoints[i].path);
      file.day(checked);
      file.boolean(!(bad && !odd_in_openapi));
      file.boolean(!(bad && odd_in_openapi));
      file.end_row();
    }
  }
  g.finish(file);
}

void write_improvements(Generation& g, Rng& rng) {
  CsvFile file = g.open("improvements.csv", {"id", "completed_on", "kpi", "effect_pct"});
  int n = 0;
  for (const MonthPlan& month : g.plan) {
    if (!rng.chance(0.55)) continue;
    const Day done = working_day_in(g.clock, month.month, rng);
    if (LocalSeconds{done} >= g.clock.snapshot()) continue;
    file.text(make_id("IMP-", ++n, 3));
    file.day(done);
    file.text(make_id("KPI-", rng.between(1, 16), 2));
    file.fixed(3.0 + 12.0 * rng.uniform(), 1);
    file.end_row();
  }
  g.finish(file);
}

void write_dq_checks(Generation& g) {
  static constexpr std::string_view kFields[] = {"customer_id", "postcode", "iban", "email",
                                                 "birth_date"};
  CsvFile file = g.open("dq_checks.csv", {"field", "checked_on"});
  for (Day d = g.clock.first_day(); d < g.clock.end_day(); d += std::chrono::days{1}) {
    if (weekday_iso(d) != 1) continue;
    const Day checked = g.clock.working_day_on_or_after(d);
    if (checked >= g.clock.end_day()) continue;
    for (std::string_view f : kFields) {
      file.text(f);
      file.day(checked);
      file.end_row();
    }
  }
  g.finish(file);
}

}  // namespace

void write_governance(Generation& g) {
  Rng rng = g.rng(Stream::kGovernance);
  write_reports(g, rng);
  write_actions(g, rng);
  write_emissions(g, rng);
  write_trainings(g, rng);
  write_slm_sessions(g, rng);
  write_disputes(g, rng);
  write_api_endpoints(g, rng);
  write_improvements(g, rng);
  write_dq_checks(g);
}

}  // namespace meetlat::sample

#include "sample/security_writer.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace meetlat::sample {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr double kIncidentsPerMonth = 4;
constexpr double kVulnerabilitiesPerMonth = 30;

struct SiemSource {
  std::string_view name;
  double events_per_month;
};
constexpr std::array<SiemSource, 5> kSiemSources = {{{"firewall", 1.8e6},
                                                     {"identity-provider", 4.2e5},
                                                     {"application", 9.5e5},
                                                     {"database", 2.6e5},
                                                     {"reverse-proxy", 1.2e6}}};

void closing(CsvFile& file, LocalSeconds at, LocalSeconds snapshot) {
  at < snapshot ? file.local(at) : file.empty();
}

void write_incidents(Generation& g, Rng& rng, CsvFile& file, int& next_id) {
  for (const MonthPlan& month : g.plan) {
    const int count =
        std::max(jittered_count(g.scaled(kIncidentsPerMonth), rng), month.slow_containment ? 1 : 0);
    std::vector<LocalSeconds> detected;
    detected.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i) detected.push_back(moment_in_month(month.month, rng));
    std::sort(detected.begin(), detected.end());
    const auto slow = static_cast<int>(rng.below(static_cast<std::uint64_t>(std::max(count, 1))));
    for (int i = 0; i < count; ++i) {
      const bool slow_p1 = month.slow_containment && i == slow;
      const double u = rng.uniform();
      const int priority = slow_p1 || u < 0.25 ? 1 : (u < 0.6 ? 2 : 3);
      minutes took{0};
      if (slow_p1) {
        took = minutes{rng.between(270, 540)};
      } else if (priority == 1) {
        took = minutes{rng.between(20, 210)};
      } else {
        took = minutes{rng.between(60, 2880)};
      }
      const LocalSeconds contained =
          g.clock.to_local(g.clock.to_instant(detected[std::size_t(i)]) + took);
      file.text(make_id("SEC-", ++next_id, 4));
      file.text(priority == 1 ? "P1" : (priority == 2 ? "P2" : "P3"));
      file.local(detected[std::size_t(i)]);
      closing(file, contained, g.clock.snapshot());
      file.end_row();
    }
  }
}

std::string_view severity(double u) {
  if (u < 0.04) return "critical";
  if (u < 0.20) return "high";
  return u < 0.60 ? "medium" : "low";
}

// Days to a patch by severity; some low ones are never patched (nullopt → empty cell).
std::int64_t patch_days(std::string_view sev, Rng& rng) {
  if (sev == "critical") return rng.between(1, 12);
  if (sev == "high") return rng.between(3, 30);
  if (sev == "medium") return rng.between(10, 60);
  return rng.chance(0.2) ? 100000 : rng.between(20, 120);
}

void write_vulnerabilities(Generation& g, Rng& rng, CsvFile& file, int& next_id) {
  for (const MonthPlan& month : g.plan) {
    const int count = jittered_count(g.scaled(kVulnerabilitiesPerMonth), rng);
    std::vector<LocalSeconds> detected;
    detected.reserve(static_cast<std::size_t>(std::max(count, 0)) + 1);
    for (int i = 0; i < count; ++i) {
      detected.push_back(office_moment(working_day_in(g.clock, month.month, rng), rng));
    }
    if (month.late_critical_patch)
      detected.push_back(office_moment(
          g.clock.working_day_on_or_after(first_day_of(month.month) + std::chrono::days{3}), rng));
    std::sort(detected.begin(), detected.end());
    const auto late = static_cast<std::size_t>(rng.below(detected.size()));
    for (std::size_t i = 0; i < detected.size(); ++i) {
      const bool late_critical = month.late_critical_patch && i == late;
      const std::string_view sev = late_critical ? "critical" : severity(rng.uniform());
      const std::int64_t days = late_critical ? rng.between(15, 25) : patch_days(sev, rng);
      const LocalSeconds patched = office_moment(
          std::chrono::floor<std::chrono::days>(detected[i]) + std::chrono::days{days}, rng);
      file.text(make_id("VULN-", ++next_id, 4));
      file.text(sev);
      file.local(detected[i]);
      closing(file, patched, g.clock.snapshot());
      file.end_row();
    }
  }
}

void write_siem(Generation& g, Rng& rng) {
  CsvFile file = g.open("siem.csv", {"source", "period", "events_emitted", "events_received"});
  for (const MonthPlan& month : g.plan) {
    const auto lossy = rng.below(kSiemSources.size());
    char period[kMaxFormattedChars];
    char* end = put_date(period, first_day_of(month.month)) - 3;  // "2026-10"
    for (std::size_t s = 0; s < kSiemSources.size(); ++s) {
      const auto emitted = static_cast<std::int64_t>(
          std::max(1.0, g.scaled(kSiemSources[s].events_per_month) * (0.9 + 0.2 * rng.uniform())));
      std::int64_t received = emitted;
      if (month.siem_gap && s == lossy) received -= std::min(emitted, rng.between(40, 4000));
      file.text(kSiemSources[s].name);
      file.text(std::string_view(period, static_cast<std::size_t>(end - period)));
      file.integer(emitted);
      file.integer(received);
      file.end_row();
    }
  }
  g.finish(file);
}

}  // namespace

void write_security(Generation& g) {
  Rng rng = g.rng(Stream::kSecurity);
  int next_id = 0;
  CsvFile incidents =
      g.open("security_incidents.csv", {"id", "priority", "detected_at", "contained_at"});
  write_incidents(g, rng, incidents, next_id);
  g.finish(incidents);
  next_id = 0;
  CsvFile vulnerabilities =
      g.open("vulnerabilities.csv", {"id", "severity", "detected_at", "patched_at"});
  write_vulnerabilities(g, rng, vulnerabilities, next_id);
  g.finish(vulnerabilities);
  write_siem(g, rng);
}

}  // namespace meetlat::sample

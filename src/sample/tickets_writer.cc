#include "sample/tickets_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace meetlat::sample {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<std::string_view, 6> kServices = {"portal",    "api",     "identity",
                                                       "workplace", "network", "mail"};
constexpr double kShareP1 = 0.015;
constexpr double kShareP2 = 0.12;
constexpr double kLateShareNormal = 0.03;
constexpr double kLateShareBad = 0.2;
constexpr double kLateShareBadP1 = 0.3;
constexpr double kRcaShareP2 = 0.04;

struct Ticket {
  LocalSeconds created;
  int priority = 3;
};

// Creation times of one month's tickets, sorted, following the hourly load.
std::vector<LocalSeconds> arrivals(const ServiceClock& clock, std::chrono::year_month m, int count,
                                   Rng& rng) {
  std::vector<LocalSeconds> hour_start;
  std::vector<double> cumulative;
  double total = 0;
  for (Day d = first_day_of(m); d < first_day_of(m + std::chrono::months{1});
       d += std::chrono::days{1}) {
    for (int h = 0; h < 24; ++h) {
      if (!clock.hour_exists(d, h)) continue;
      total += clock.ticket_load(d, h);
      hour_start.emplace_back(d + std::chrono::hours{h});
      cumulative.push_back(total);
    }
  }
  std::vector<LocalSeconds> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const double u = rng.uniform() * total;
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    const auto slot = std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()),
                                            hour_start.size() - 1);
    out.push_back(hour_start[slot] + seconds{rng.below(3600)});
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The wall-clock time of `at`, as a time stamp without offset that reads back to `at` or a little
// later: in the hour repeated when DST ends, the second pass of the hour is written as 03:00, so
// that a response is never read back (as the earlier instant) before the ticket it answers.
LocalSeconds local_not_before(const ServiceClock& clock, time::Instant at) {
  const LocalSeconds local = clock.to_local(at);
  if (!(clock.to_instant(local) < at)) return local;
  return std::chrono::floor<std::chrono::hours>(local) + std::chrono::hours{1};
}

// Response delay on the priority's calendar: within target, or late.
LocalSeconds responded(const ServiceClock& clock, LocalSeconds created, int priority, bool late,
                       Rng& rng) {
  if (priority == 3) {
    const double target_s = 8 * 3600.0;
    const double s = late ? target_s + 300 + rng.exponential(5 * 3600.0)
                          : 600 + std::pow(rng.uniform(), 1.3) * (target_s - 900);
    return clock.add_office_time(created, seconds{static_cast<std::int64_t>(s)});
  }
  const double target_s = priority == 1 ? 15 * 60.0 : 60 * 60.0;
  const double s = late ? target_s + 30 + rng.exponential(target_s)
                        : 45 + std::pow(rng.uniform(), 1.4) * (target_s - 60);
  const time::Instant at = clock.to_instant(created) + seconds{static_cast<std::int64_t>(s)};
  return local_not_before(clock, at);
}

LocalSeconds resolved(const ServiceClock& clock, LocalSeconds response, int priority, Rng& rng) {
  if (priority == 3) {
    const double s = 1800 + rng.exponential(14 * 3600.0);
    return clock.add_office_time(response, seconds{static_cast<std::int64_t>(s)});
  }
  const double mean_s = priority == 1 ? 2.5 * 3600 : 8 * 3600;
  const double s = 600 + rng.exponential(mean_s);
  return local_not_before(clock,
                          clock.to_instant(response) + seconds{static_cast<std::int64_t>(s)});
}

std::string_view category(int priority, Rng& rng) {
  const double u = rng.uniform();
  if (priority < 3) return u < 0.92 ? "incident" : "service_request";
  return u < 0.55 ? "incident" : (u < 0.9 ? "service_request" : "question");
}

// One RCA row; late ones (in a planned month) miss the 10-working-day deadline.
void write_rca(Generation& g, CsvFile& rca, std::string_view id, int priority,
               LocalSeconds resolved_at, bool late_month, Rng& rng) {
  const Day day = std::chrono::floor<std::chrono::days>(resolved_at);
  const bool late = late_month && rng.chance(0.3);
  const int working_days =
      late ? static_cast<int>(rng.between(11, 16)) : static_cast<int>(rng.between(1, 9));
  const LocalSeconds delivered = office_moment(g.clock.add_working_days(day, working_days), rng);
  rca.text(id);
  rca.text(priority == 1 ? "P1" : "P2");
  rca.local(resolved_at);
  if (delivered < g.clock.snapshot()) {
    rca.local(delivered);
  } else {
    rca.empty();
  }
  rca.end_row();
}

}  // namespace

void write_tickets_and_rca(Generation& g) {
  CsvFile tickets = g.open("tickets.csv", {"id", "priority", "created_at", "responded_at",
                                           "resolved_at", "category", "service"});
  CsvFile rca = g.open("rca.csv", {"incident_id", "priority", "resolved_at", "rca_delivered_at"});
  const LocalSeconds snapshot = g.clock.snapshot();
  std::int64_t next_id = 1;
  for (const MonthPlan& month : g.plan) {
    Rng rng = g.rng(Stream::kTickets, static_cast<std::uint64_t>(month.contract_month));
    // ±5% a month: the option is what a month holds, give or take.
    const int count = static_cast<int>(
        std::lround(g.scaled(g.options.tickets_per_month) * (0.95 + 0.1 * rng.uniform())));
    for (LocalSeconds created : arrivals(g.clock, month.month, count, rng)) {
      const double u = rng.uniform();
      const int priority = u < kShareP1 ? 1 : (u < kShareP1 + kShareP2 ? 2 : 3);
      const bool bad = (priority == 1 && month.late_p1) || (priority == 2 && month.late_p2) ||
                       (priority == 3 && month.late_p3);
      const bool late =
          rng.chance(bad ? (priority == 1 ? kLateShareBadP1 : kLateShareBad) : kLateShareNormal);
      const LocalSeconds response = responded(g.clock, created, priority, late, rng);
      const LocalSeconds resolution = resolved(g.clock, response, priority, rng);
      const std::string_view cat = category(priority, rng);
      const std::string id = make_id("INC-", next_id++, 6);
      tickets.text(id);
      tickets.text(priority == 1 ? "P1" : (priority == 2 ? "P2" : "P3"));
      tickets.local(created);
      response < snapshot ? tickets.local(response) : tickets.empty();
      resolution < snapshot ? tickets.local(resolution) : tickets.empty();
      tickets.text(cat);
      tickets.text(kServices[rng.below(kServices.size())]);
      tickets.end_row();
      const bool needs_rca =
          cat == "incident" && (priority == 1 || (priority == 2 && rng.chance(kRcaShareP2)));
      if (needs_rca && resolution < snapshot) {
        write_rca(g, rca, id, priority, resolution, month.late_rca, rng);
      }
    }
  }
  g.finish(tickets);
  g.finish(rca);
}

}  // namespace meetlat::sample

#include "sample/generate.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <system_error>

#include "sample/availability_writer.h"
#include "sample/delivery_writer.h"
#include "sample/governance_writer.h"
#include "sample/month_plan.h"
#include "sample/security_writer.h"
#include "sample/service_clock.h"
#include "sample/tickets_writer.h"
#include "sample/transactions_writer.h"

namespace meetlat::sample {

namespace {

// The spec's table order, for the summary.
constexpr std::array<std::string_view, 23> kSpecOrder = {
    "tickets.csv",         "milestones.csv",
    "migration.csv",       "outages.csv",
    "probes.csv",          "security_incidents.csv",
    "vulnerabilities.csv", "releases.csv",
    "changes.csv",         "reports.csv",
    "actions.csv",         "emissions.csv",
    "doc_updates.csv",     "rca.csv",
    "transactions.csv",    "trainings.csv",
    "slm_sessions.csv",    "disputes.csv",
    "api_endpoints.csv",   "improvements.csv",
    "dq_checks.csv",       "siem.csv",
    "export_tests.csv"};

std::size_t spec_position(const WrittenFile& f) {
  return static_cast<std::size_t>(std::find(kSpecOrder.begin(), kSpecOrder.end(), f.name) -
                                  kSpecOrder.begin());
}

}  // namespace

std::vector<WrittenFile> generate(const GenerateOptions& options,
                                  const std::filesystem::path& out) {
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) throw GenerateError("cannot create " + out.string() + ": " + ec.message());
  const Day first = first_day_of(options.first_month);
  const Day end = first_day_of(options.first_month + date::months{options.months});
  const ServiceClock clock(time::Zone::load(kContractZone), first, end);
  const std::vector<MonthPlan> plan = make_plan(options);
  Generation g{options, clock, plan, out, {}};
  write_tickets_and_rca(g);
  write_outages_and_probes(g);
  write_security(g);
  write_delivery(g);
  write_governance(g);
  write_transactions(g);
  std::stable_sort(g.written.begin(), g.written.end(),
                   [](const WrittenFile& a, const WrittenFile& b) {
                     return spec_position(a) < spec_position(b);
                   });
  return std::move(g.written);
}

}  // namespace meetlat::sample

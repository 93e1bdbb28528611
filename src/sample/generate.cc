#include "sample/generate.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <system_error>

#include "io/atomic_write.h"
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

// Refuses an `out` that holds anything but evidence files: replacing it would delete them.
void check_replaceable(const std::filesystem::path& out) {
  std::error_code ec;
  const auto status = std::filesystem::status(out, ec);
  if (status.type() == std::filesystem::file_type::not_found) return;
  if (ec) throw GenerateError("cannot use " + out.string() + ": " + ec.message());
  if (!std::filesystem::is_directory(status)) {
    throw GenerateError(out.string() + " exists and is not a folder");
  }
  for (const auto& entry : std::filesystem::directory_iterator(out, ec)) {
    const std::string name = entry.path().filename().string();
    if (std::find(kSpecOrder.begin(), kSpecOrder.end(), name) == kSpecOrder.end()) {
      throw GenerateError(out.string() + " holds " + name +
                          ", which is not an evidence file: give a new or empty folder, or one "
                          "that meetlat generate wrote");
    }
  }
  if (ec) throw GenerateError("cannot read " + out.string() + ": " + ec.message());
}

// Writes every file into `dir`.
std::vector<WrittenFile> write_all(const GenerateOptions& options,
                                   const std::filesystem::path& dir) {
  const Day first = first_day_of(options.first_month);
  const Day end = first_day_of(options.first_month + std::chrono::months{options.months});
  const ServiceClock clock(time::Zone::load(kContractZone), first, end);
  const std::vector<MonthPlan> plan = make_plan(options);
  Generation g{options, clock, plan, dir, {}};
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

}  // namespace

std::vector<WrittenFile> generate(const GenerateOptions& options,
                                  const std::filesystem::path& out) {
  check_replaceable(out);
  std::vector<WrittenFile> written;
  try {
    io::replace_folder_atomically(
        out, [&](const std::filesystem::path& dir) { written = write_all(options, dir); });
  } catch (const io::FileError& e) {
    throw GenerateError(e.what());
  }
  return written;
}

}  // namespace meetlat::sample

#include "evaluate/pauses.h"

#include <algorithm>
#include <unordered_set>

#include "contract/measure_columns.h"
#include "evaluate/columns_read.h"
#include "evaluate/rows.h"
#include "time/parse.h"

namespace meetlat::evaluate {
namespace {

namespace pause_columns = contract::pause_columns;

constexpr std::size_t kMaxListed = 20;

}  // namespace

TicketPauses::TicketPauses(const evidence::Evidence& evidence, const time::Zone& zone) {
  const evidence::Table* table = evidence.find(pause_columns::kKind);
  if (table == nullptr) return;
  const InstantColumn paused(*table, pause_columns::kPausedAt, zone, DayEdge::kStart);
  const InstantColumn resumed(*table, pause_columns::kResumedAt, zone, DayEdge::kEnd);
  for (std::size_t row = 0; row < table->rows(); ++row) {
    if (evidence::is_missing(paused[row])) continue;  // a required cell: not in a usable table
    const time::Instant end =
        evidence::is_missing(resumed[row]) ? time::Instant::max() : resumed[row];
    auto& pauses = by_ticket_[std::string(table->text(pause_columns::kTicketId, row))];
    pauses.push_back({paused[row], end});
  }
}

std::span<const time::Window> TicketPauses::of(std::string_view id) const {
  const auto it = by_ticket_.find(id);
  if (it == by_ticket_.end()) return {};
  return it->second;
}

std::string paused_line(std::string_view id, const measure::PausedClock& clock,
                        time::Instant unpaused_deadline, std::string_view calendar,
                        const time::Zone& zone) {
  std::string line(id);
  line += ": " + time::format_duration(clock.paused) + " of ";
  line += calendar;
  line += " time paused, in " + std::to_string(clock.pauses) +
          (clock.pauses == 1 ? " stretch" : " stretches") + "; deadline " +
          zone.format(unpaused_deadline);
  if (clock.deadline == unpaused_deadline) return line + " unchanged";
  return line + " moved to " + zone.format(clock.deadline);
}

std::vector<std::string> pause_warnings(const evidence::Evidence& evidence,
                                        const evidence::EvidenceSource& source,
                                        const contract::Contract& contract) {
  const evidence::Table* pauses = evidence.find(pause_columns::kKind);
  if (pauses == nullptr || pauses->rows() == 0) return {};
  const std::string file(pauses->schema().file_name);
  if (!columns_read(contract).contains(pause_columns::kKind)) {
    return {file + ": no objective of the contract has pauses: true, so its " +
            std::to_string(pauses->rows()) +
            (pauses->rows() == 1 ? " pause stops" : " pauses stop") + " no clock"};
  }
  std::unordered_set<std::string_view> tickets;  // views into the tickets table
  if (const evidence::Table* table = evidence.find("tickets")) {
    tickets.reserve(table->rows());
    for (std::size_t row = 0; row < table->rows(); ++row) tickets.insert(table->text("id", row));
  }
  std::vector<std::uint32_t> lines;
  std::vector<std::string> ids;
  for (std::size_t row = 0; row < pauses->rows(); ++row) {
    const std::string_view id = pauses->text(pause_columns::kTicketId, row);
    if (tickets.contains(id)) continue;
    lines.push_back(pauses->lines()[row]);
    ids.emplace_back(id);
  }
  if (lines.empty()) return {};
  const std::size_t listed = std::min(lines.size(), kMaxListed);
  const std::vector<evidence::RecordPosition> at =
      source.locate(pause_columns::kKind, pause_columns::kTicketId,
                    std::span<const std::uint32_t>(lines).first(listed));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < listed; ++i) {
    out.push_back(at[i].to_string() + ": ticket " + ids[i] +
                  " is not in tickets.csv: the pause stops no clock");
  }
  if (lines.size() > listed) {
    out.push_back(file + ": " + std::to_string(lines.size() - listed) +
                  " more pauses of tickets that are not in tickets.csv");
  }
  return out;
}

}  // namespace meetlat::evaluate

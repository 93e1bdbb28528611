// Edits of the generator's sample evidence that tests import after a period was closed: evidence
// arriving late, which a recomputation would count.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace meetlat::testing {

// The header of the generator's tickets.csv at `file` (id, priority, created_at, responded_at, …)
// and the first `count` of its P1 tickets created in `month` ("2026-03") that were responded to,
// now not responded to after all (responded_at empty); nullopt when the file has fewer.
std::optional<std::string> unanswered_p1_tickets(const std::filesystem::path& file,
                                                 std::string_view month, int count);

}  // namespace meetlat::testing

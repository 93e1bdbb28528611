#include "evaluate/columns_read.h"

#include <gtest/gtest.h>

#include "contract/default_contract.h"

namespace meetlat::evaluate {
namespace {

using Columns = std::set<std::string, std::less<>>;

TEST(ColumnsRead, TheDefaultContractReadsThreeOfTheTicketColumns) {
  const ColumnsRead read = columns_read(contract::default_contract());
  EXPECT_EQ(read.at("tickets"), (Columns{"created_at", "priority", "responded_at"}));
  EXPECT_EQ(read.at("transactions"), (Columns{"at", "duration_ms", "name"}));
  EXPECT_EQ(read.at("probes"), (Columns{"at", "location", "up"}));
  EXPECT_EQ(read.at("outages"), (Columns{"end", "planned", "service", "start"}));
  EXPECT_EQ(read.at("reports"), (Columns{"delivered_at", "due_at"}));
  EXPECT_EQ(read.at("api_endpoints"),
            (Columns{"checked_on", "in_openapi", "method", "oauth2", "path"}));
  EXPECT_FALSE(read.contains("exemptions"));  // read by other code: every column kept
}

}  // namespace
}  // namespace meetlat::evaluate

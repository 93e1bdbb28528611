#include "evidence/record_id.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "evidence/load.h"

namespace meetlat::evidence {
namespace {

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

Table load(std::string_view kind, std::string_view text,
           const LoadOptions& options = LoadOptions{amsterdam()}) {
  FileLoad loaded = load_evidence_text(*find_schema(kind), text, options);
  EXPECT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.front().to_string();
  return std::move(*loaded.table);
}

std::vector<std::string> ids(const Table& table) {
  const RecordIds id_of(table);
  std::vector<std::string> out;
  for (std::size_t row = 0; row < table.rows(); ++row) out.push_back(id_of(row));
  return out;
}

// Each id with the row's measured value, so a comparison sees which row has which id.
std::map<std::string, bool> probe_ids(const Table& table) {
  const auto ids_of_rows = ids(table);
  std::map<std::string, bool> out;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    out[ids_of_rows[row]] = table.bools("up")[row] != 0;
  }
  return out;
}

TEST(RecordIdTest, AKeyedRowIsKnownByItsKey) {
  EXPECT_EQ(ids(load("tickets", "id,priority,created_at\nINC-7,P1,2026-10-05 09:00\n")),
            (std::vector<std::string>{"INC-7"}));
  EXPECT_EQ(ids(load("siem", "source,period,events_emitted,events_received\nfw,2026-10,10,10\n")),
            (std::vector<std::string>{"fw 2026-10"}));
}

TEST(RecordIdTest, AKeylessRowIsKnownByItsCanonicalContent) {
  const Table probes = load("probes",
                            "at,location,up\n"
                            "2026-10-05 09:00,ams,true\n"
                            "2026-10-05T07:01:00.250Z,fra,0\n"
                            "2026-10-05T09:00:00+02:00,ams,false\n");
  EXPECT_EQ(ids(probes),
            (std::vector<std::string>{"2026-10-05T07:00:00Z ams", "2026-10-05T07:01:00.25Z fra",
                                      "2026-10-05T07:00:00Z ams #2"}));
  EXPECT_EQ(ids(load("api_endpoints",
                     "method,path,checked_on,in_openapi,oauth2\nGET,/v1/x,2026-10-01,1,ja\n")),
            (std::vector<std::string>{"GET /v1/x 2026-10-01"}));
}

// Re-importing must not change an id: not for the same file, not for its rows in another order,
// not when other rows are added before them.
TEST(RecordIdTest, AKeylessRowKeepsItsIdWhenRowsMoveOrAreAdded) {
  const std::string header = "at,location,up\n";
  const std::string a = "2026-10-05 09:00,ams,true\n";
  const std::string b = "2026-10-05 09:01,ams,false\n";
  const std::string c = "2026-10-05 09:00,fra,true\n";
  const auto first = probe_ids(load("probes", header + a + b + c));
  EXPECT_EQ(probe_ids(load("probes", header + a + b + c)), first);
  EXPECT_EQ(probe_ids(load("probes", header + c + a + b)), first);
  auto added = probe_ids(load("probes", header + "2026-10-06 09:00,ams,true\n" + b + c + a));
  EXPECT_EQ(added.erase("2026-10-06T07:00:00Z ams"), 1u);
  EXPECT_EQ(added, first);
}

TEST(RecordIdTest, IdentityColumnsAreKeptWhateverTheContractReads) {
  LoadOptions options{amsterdam()};
  options.kept_columns["api_endpoints"] = {"in_openapi"};
  const Table table =
      load("api_endpoints", "method,path,checked_on,in_openapi,oauth2\nGET,/v1/x,2026-10-01,1,ja\n",
           options);
  EXPECT_FALSE(table.column_kept("oauth2"));
  EXPECT_EQ(ids(table), (std::vector<std::string>{"GET /v1/x 2026-10-01"}));
}

}  // namespace
}  // namespace meetlat::evidence

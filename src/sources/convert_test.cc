#include "sources/convert.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/builtin_profiles.h"
#include "sources/profile_loader.h"

namespace meetlat::sources {
namespace {

Profile builtin(std::string_view name) {
  return *load_profile(*builtin_profile_yaml(name), name).profile;
}

std::vector<std::string> messages(const Conversion& c) {
  std::vector<std::string> out;
  for (const auto& d : c.problems) out.push_back(d.to_string());
  return out;
}

TEST(Convert, TopdeskUnknownPriorityAndBadStampAreNamedAtTheirCell) {
  const Conversion c =
      convert(builtin("topdesk"),
              {{"meldingen.csv",
                "Meldingnummer;Prioriteit;Aanmelddatum;Reactiedatum;Datum gereed;Categorie\n"
                "M1;P1 - Hoog;05-10-2026 09:12;05-10-2026 09:20;;Netwerk\n"
                "M2;P4 - Geen;05-10-2026 10:00;;;Netwerk\n"
                "M3;P2 - Middel;2026-10-05 11:00;;;Netwerk\n"}});
  EXPECT_EQ(messages(c),
            (std::vector<std::string>{
                "meldingen.csv:3:4: priority: value 'P4 - Geen' is not in the profile's map (it "
                "maps 'P1 - Hoog', 'P2 - Middel', 'P3 - Laag')",
                "meldingen.csv:4:16: created_at: expected a time stamp written as '%d-%m-%Y "
                "%H:%M', not '2026-10-05 11:00'"}));
  ASSERT_EQ(c.files.size(), 1U);
  EXPECT_EQ(c.files[0].csv,
            "id,priority,created_at,responded_at,resolved_at,category\n"
            "M1,P1,2026-10-05 09:12:00,2026-10-05 09:20:00,,Netwerk\n");
  EXPECT_EQ(c.account.front(),
            "meldingen.csv: 3 rows read for tickets.csv; 2 left out with problems");
}

TEST(Convert, AMissingColumnNamesTheColumnsFound) {
  const Conversion c =
      convert(builtin("topdesk"), {{"m.csv", "Nummer;Prioriteit\nM1;P1 - Hoog\n"}});
  ASSERT_FALSE(c.problems.empty());
  EXPECT_EQ(c.problems[0].to_string(),
            "m.csv:1:1: no column 'Meldingnummer' (tickets column 'id' reads it); the columns are "
            "Nummer, Prioriteit");
}

TEST(Convert, UptimeKumaPendingAndMaintenanceAreStatesNotBooleans) {
  const Conversion c = convert(builtin("uptime-kuma"), {{"beats.csv",
                                                         "monitor_id,monitor,status,time\n"
                                                         "1,portal,2,2026-10-07 00:01:00\n"
                                                         "1,portal,0,2026-10-07 00:02:00\n"
                                                         "1,portal,1,2026-10-07 00:40:00\n"
                                                         "1,portal,3,2026-10-08 20:00:00\n"
                                                         "1,portal,1,2026-10-08 21:00:00\n"
                                                         "1,portal,7,2026-10-08 22:00:00\n"}});
  EXPECT_EQ(messages(c), (std::vector<std::string>{
                             "beats.csv:7:10: status: status '7' is not in the profile's states "
                             "('0' down, '1' up, '2' up, '3' planned)"}));
  ASSERT_EQ(c.files.size(), 1U);
  EXPECT_EQ(c.files[0].csv,
            "id,start,end,planned,service\n"
            "portal 2026-10-07T00:02:00Z,2026-10-07T00:02:00Z,2026-10-07T00:40:00Z,false,portal\n"
            "portal 2026-10-08T20:00:00Z,2026-10-08T20:00:00Z,2026-10-08T21:00:00Z,true,portal\n");
}

TEST(Convert, AnOutageStillGoingOnHasNoEnd) {
  const Conversion c = convert(builtin("uptime-kuma"), {{"beats.csv",
                                                         "monitor,status,time\n"
                                                         "api,1,2026-10-07 00:01:00\n"
                                                         "api,0,2026-10-07 00:02:00\n"
                                                         "api,0,2026-10-07 00:03:00\n"}});
  ASSERT_EQ(c.files.size(), 1U);
  EXPECT_EQ(c.files[0].csv,
            "id,start,end,planned,service\n"
            "api 2026-10-07T00:02:00Z,2026-10-07T00:02:00Z,,false,api\n");
}

TEST(Convert, PrometheusInstantQueryIsNotARangeQuery) {
  const Conversion c =
      convert(builtin("prometheus"),
              {{"q.json", R"({"status":"success","data":{"resultType":"vector","result":[]}})"}});
  EXPECT_EQ(messages(c), (std::vector<std::string>{
                             "q.json: data.resultType is 'vector': the profile reads a range "
                             "query's matrix (/api/v1/query_range), not an instant query"}));
}

TEST(Convert, AFileThatFitsNoInputNamesThePatterns) {
  const Conversion c = convert(builtin("servicenow"), {{"export.csv", "number\nINC1\n"}});
  EXPECT_EQ(messages(c), (std::vector<std::string>{
                             "export.csv: matches no input of profile 'servicenow'; its inputs "
                             "are incident (incident*.csv); task_sla (task_sla*.csv)"}));
}

TEST(NameMatches, StarsQuestionMarksAndLetterCase) {
  EXPECT_TRUE(name_matches("incident*.csv", "Incident_2026-10.CSV"));
  EXPECT_TRUE(name_matches("*.json", "q.json"));
  EXPECT_FALSE(name_matches("task_sla*.csv", "incident.csv"));
  EXPECT_TRUE(name_matches("?.csv", "a.csv"));
}

// A number beyond a double is not JSON meetlat can read: a problem naming the file, never a crash
// (found by fuzz/sources_fuzz.cc: nlohmann's out_of_range 406, not a parse_error).
TEST(Convert, ANumberBeyondADoubleIsAProblemOfTheFile) {
  const Conversion c = convert(
      builtin("prometheus"),
      {{"probe_success.json", R"({"status": "success", "data": {"result": [17E91338640]}})"}});
  ASSERT_EQ(c.problems.size(), 1U);
  EXPECT_NE(c.problems[0].to_string().find("probe_success.json: not JSON ("), std::string::npos)
      << c.problems[0].to_string();
  EXPECT_TRUE(c.files.empty());
}

}  // namespace
}  // namespace meetlat::sources

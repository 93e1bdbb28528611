#include "sources/profile_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/builtin_profiles.h"

namespace meetlat::sources {
namespace {

// Every diagnostic, one a line.
std::string diagnostics(std::string_view yaml) {
  std::string out;
  for (const auto& d : load_profile(yaml, "my.yaml").diagnostics) out += d.to_string() + "\n";
  return out;
}

TEST(ProfileLoader, EveryBuiltInProfileLoads) {
  for (std::string_view name : builtin_profile_names()) {
    const ProfileLoad loaded = load_profile(*builtin_profile_yaml(name), name);
    EXPECT_TRUE(loaded.profile.has_value()) << name << ": " << loaded.diagnostics[0].to_string();
    EXPECT_EQ(loaded.profile->name, name);
  }
  EXPECT_EQ(builtin_profile_names(),
            (std::vector<std::string_view>{"topdesk", "uptime-kuma", "servicenow", "jira-sm",
                                           "prometheus", "otlp"}));
}

TEST(ProfileLoader, MistakesAreReportedAtTheirLineAndColumn) {
  const std::string yaml =
      "profile: mine\n"
      "inputs:\n"
      "  calls:\n"
      "    match: '*.csv'\n"
      "    separatr: ';'\n"
      "    encoding: latin-1\n"
      "evidence:\n"
      "  - file: ticket\n"
      "    from: calls\n"
      "  - file: tickets\n"
      "    from: cals\n"
      "    format: dd-mm-yyyy\n"
      "    columns:\n"
      "      id: Nummer\n"
      "      created: Datum\n"
      "      priority: {column: Prio, value: P1}\n";
  EXPECT_EQ(diagnostics(yaml),
            "my.yaml:5:5: unknown key 'separatr' in input 'calls'; did you mean 'separator'?\n"
            "my.yaml:6:15: input 'calls': encoding must be utf-8 or windows-1252, not 'latin-1'\n"
            "my.yaml:8:5: evidence: missing key 'columns'\n"
            "my.yaml:8:11: unknown evidence file 'ticket'; did you mean 'tickets'?\n"
            "my.yaml:10:5: evidence 'tickets': required column 'priority' is not mapped\n"
            "my.yaml:10:5: evidence 'tickets': required column 'created_at' is not mapped\n"
            "my.yaml:10:5: evidence 'tickets': from 'cals' is not an input of the profile\n"
            "my.yaml:12:13: evidence 'tickets': a time format is iso, unix, unix_ms or a pattern "
            "such as '%d-%m-%Y %H:%M'\n"
            "my.yaml:15:7: evidence 'tickets': no column 'created' in tickets.csv (its columns: "
            "id, priority, created_at, responded_at, resolved_at, category, service)\n"
            "my.yaml:16:17: tickets column 'priority': give exactly one of 'column', 'value' and "
            "'lookup'\n");
}

TEST(ProfileLoader, StatesOfIntervalsMustBeUpDownOrPlanned) {
  const std::string yaml =
      "profile: kuma\n"
      "inputs: {beats: {match: '*.csv'}}\n"
      "evidence:\n"
      "  - file: outages\n"
      "    from: beats\n"
      "    intervals: {group: monitor, at: time, state: status, states: {'0': kapot}}\n"
      "    columns: {service: monitor}\n";
  EXPECT_EQ(diagnostics(yaml),
            "my.yaml:6:72: evidence 'outages': intervals: states: '0' must map to up, down or "
            "planned, not 'kapot'\n");
}

TEST(ProfileLoader, AnEvidenceFileIsWrittenOnce) {
  const std::string yaml =
      "profile: twice\n"
      "inputs: {a: {match: 'a*.csv'}, b: {match: 'b*.csv'}}\n"
      "evidence:\n"
      "  - {file: probes, from: a, columns: {at: t, location: l, up: u}}\n"
      "  - {file: probes, from: b, columns: {at: t, location: l, up: u}}\n";
  EXPECT_EQ(diagnostics(yaml),
            "my.yaml:5:5: evidence 'probes' is written twice (first at line 4)\n");
}

TEST(ProfileLoader, NotYamlIsOneMessage) {
  const std::string d = diagnostics("profile: [unclosed\n");
  EXPECT_EQ(std::count(d.begin(), d.end(), '\n'), 1);
  EXPECT_EQ(d.rfind("my.yaml:", 0), 0U) << d;
  EXPECT_NE(d.find("not valid YAML"), std::string::npos) << d;
}

}  // namespace
}  // namespace meetlat::sources

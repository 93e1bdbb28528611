#include "sources/csv_input.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace meetlat::sources {
namespace {

Input semicolons() {
  Input input;
  input.name = "incidents";
  input.separator = ';';
  return input;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& problems) {
  std::vector<std::string> out;
  out.reserve(problems.size());
  for (const auto& d : problems) out.push_back(d.to_string());
  return out;
}

TEST(CsvInput, SemicolonsByteOrderMarkQuotesAndCrlf) {
  std::vector<Diagnostic> problems;
  const InputTable t =
      read_csv_input("\xEF\xBB\xBFMeldingnummer;Omschrijving\r\nM1;\"a; b \"\"c\"\"\"\r\nM2;\r\n",
                     "m.csv", semicolons(), problems);
  EXPECT_TRUE(problems.empty()) << messages(problems).front();
  ASSERT_EQ(t.columns, (std::vector<std::string>{"Meldingnummer", "Omschrijving"}));
  ASSERT_EQ(t.rows.size(), 2U);
  EXPECT_EQ(t.rows[0][1], "a; b \"c\"");
  EXPECT_EQ(t.rows[1][1], "");
  EXPECT_EQ(t.lines[1], 3U);
  EXPECT_EQ(t.at(1, 1, "x").to_string(), "m.csv:3:4: x");
}

TEST(CsvInput, Windows1252IsConvertedToUtf8) {
  Input input = semicolons();
  input.encoding = Encoding::kWindows1252;
  std::vector<Diagnostic> problems;
  const InputTable t = read_csv_input("Naam;Bedrag\nCaf\xE9;\x80 5\n", "w.csv", input, problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(t.rows.size(), 1U);
  EXPECT_EQ(t.rows[0][0], "Caf\xC3\xA9");
  EXPECT_EQ(t.rows[0][1], "\xE2\x82\xAC 5");
}

TEST(CsvInput, Windows1252ReadAsUtf8SaysWhichEncodingToSet) {
  std::vector<Diagnostic> problems;
  read_csv_input("Naam;Bedrag\nCaf\xE9;5\n", "w.csv", semicolons(), problems);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_NE(problems[0].to_string().find("w.csv:2:1: a byte that is not UTF-8"), std::string::npos);
  EXPECT_NE(problems[0].message.find("encoding: windows-1252"), std::string::npos);
}

TEST(CsvInput, JsonWhereCsvIsExpectedSaysItIsJson) {
  std::vector<Diagnostic> problems;
  const InputTable t =
      read_csv_input("  {\"status\":\"success\"}", "q.json", semicolons(), problems);
  EXPECT_TRUE(t.rows.empty());
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].to_string(),
            "q.json:1:3: this file is JSON, not CSV: input 'incidents' of the profile expects "
            "CSV (for a Prometheus query_range export use --from prometheus)");
}

TEST(CsvInput, AnotherSeparatorThanTheProfileSaysIsNamed) {
  Input input = semicolons();
  input.separator = ',';
  std::vector<Diagnostic> problems;
  const InputTable t = read_csv_input("a;b;c\n1;2;3\n", "m.csv", input, problems);
  EXPECT_TRUE(t.rows.empty());
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].to_string(),
            "m.csv:1:1: the header is one column separated by ';', but the profile reads input "
            "'incidents' with separator ','");
}

TEST(CsvInput, MalformedRowsAreReportedAtTheirPlaceAndLeftOut) {
  std::vector<Diagnostic> problems;
  const InputTable t =
      read_csv_input("a;b\n1;2;3\n\"x\"y;2\n4;5\n", "m.csv", semicolons(), problems);
  ASSERT_EQ(t.rows.size(), 1U);
  EXPECT_EQ(t.rows[0][0], "4");
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0].to_string(), "m.csv:2:5: more cells (3) than the header has columns (2)");
  EXPECT_EQ(problems[1].to_string(), "m.csv:3:4: text after a closing quote");
}

}  // namespace
}  // namespace meetlat::sources

#include "evidence/table.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace meetlat::evidence {
namespace {

TEST(TableTest, AccessorsFailLoudlyOnWrongTypeOrName) {
  const Table table(*find_schema("tickets"));
  EXPECT_NO_THROW(table.instants("created_at"));
  EXPECT_NO_THROW(table.codes("priority"));
  EXPECT_THROW(table.numbers("created_at"), std::logic_error);
  EXPECT_THROW(table.instants("priority"), std::logic_error);
  EXPECT_THROW(table.instants("no_such_column"), std::logic_error);
}

TEST(TableTest, AppendRecodesStringsAndKeepRowsFilters) {
  const FileSchema& schema = *find_schema("probes");
  Table a(schema), b(schema);
  const auto location = static_cast<std::size_t>(schema.column_index("location"));
  auto add = [&](Table& t, std::string_view where, std::uint32_t line) {
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      Column& column = t.column(c);
      if (c == location) column.codes.push_back(column.dictionary.intern(where));
      if (column.schema->type == ColumnType::kInstant) column.instants.push_back(kMissingInstant);
      if (column.schema->type == ColumnType::kBool) column.bools.push_back(1);
    }
    t.mutable_lines().push_back(line);
  };
  add(a, "ams", 2);
  add(b, "rtm", 3);
  add(b, "ams", 4);
  a.append(std::move(b));
  ASSERT_EQ(a.rows(), 3u);
  EXPECT_EQ(a.text("location", 1), "rtm");
  EXPECT_EQ(a.codes("location")[2], a.codes("location")[0]);
  a.keep_rows({1, 0, 1});
  ASSERT_EQ(a.rows(), 2u);
  EXPECT_EQ(a.lines()[1], 4u);
  EXPECT_EQ(a.text("location", 1), "ams");
}

TEST(SchemaTest, AllTwentyThreeFilesWithTheirRequiredColumns) {
  EXPECT_EQ(all_schemas().size(), 26u);  // the 23 of the spec, latency_histograms.csv, pauses.csv
                                         // and exemptions.csv
  const FileSchema* siem = find_schema("siem");
  ASSERT_NE(siem, nullptr);
  EXPECT_EQ(siem->file_name, "siem.csv");
  EXPECT_EQ(siem->key.size(), 2u);
  for (const FileSchema& schema : all_schemas()) {
    EXPECT_TRUE(schema.columns.front().required) << schema.kind;
    for (std::string_view key : schema.key) EXPECT_GE(schema.column_index(key), 0);
    for (const OrderRule& rule : schema.order_rules) {
      EXPECT_GE(schema.column_index(rule.start), 0);
      EXPECT_GE(schema.column_index(rule.end), 0);
    }
  }
}

}  // namespace
}  // namespace meetlat::evidence

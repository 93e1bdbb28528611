#include "store/canonical_rows.h"

#include <gtest/gtest.h>

#include "evidence/load.h"
#include "store/compression.h"
#include "store/digest.h"
#include "store/store_test_support.h"

namespace meetlat::store {
namespace {

using testing::amsterdam;

evidence::Table load(std::string_view kind, const std::string& text) {
  return testing::load_table(kind, text);
}

// The transactions of `file` streamed through CanonicalRowsSinks, read in two halves.
evidence::FileLoad streamed_in_halves(const std::string& file) {
  evidence::LoadOptions options{amsterdam()};
  options.split_threshold_bytes = 1;
  options.sinks["transactions"] = [] { return std::make_shared<CanonicalRowsSink>(amsterdam()); };
  return evidence::load_evidence_text(*evidence::find_schema("transactions"), file, options);
}

std::string rows_of(const evidence::Table& table) {
  std::string out;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    append_canonical_row(table, row, amsterdam(), out);
  }
  return out;
}

TEST(CanonicalRows, OneSpellingPerValue) {
  // Local time with a space, an offset, and UTC are one instant; quoted and trimmed text is the
  // text; a percentage is its fraction; a bare date stays a date.
  const auto table = load("tickets",
                          "id,priority,created_at,responded_at,resolved_at,category,service\n"
                          "INC-1, P1 ,2026-10-05 09:00,2026-10-05T09:30:00+02:00,2026-10-06,"
                          "\"net, wan\",\"mail \"\"x\"\"\"\n");
  EXPECT_EQ(rows_of(table),
            "INC-1,P1,2026-10-05T07:00:00Z,2026-10-05T07:30:00Z,2026-10-06,\"net, wan\","
            "\"mail \"\"x\"\"\"\n");
  const auto numbers = load("releases",
                            "id,released_at,regression_coverage\nR1,2026-10-05T07:00:00.120Z,93%\n"
                            "R2,2026-10-05T07:00:00Z,0.930\n");
  EXPECT_EQ(rows_of(numbers), "R1,2026-10-05T07:00:00.12Z,0.93\nR2,2026-10-05T07:00:00Z,0.93\n");
  const auto decimals = load("transactions",
                             "at,name,duration_ms\n2026-10-05 09:00,a,143.40\n2026-10-05 09:00,a,"
                             "1e3\n2026-10-05 09:00,a,0.000001\n");
  EXPECT_EQ(rows_of(decimals),
            "2026-10-05T07:00:00Z,a,143.4\n2026-10-05T07:00:00Z,a,1000\n"
            "2026-10-05T07:00:00Z,a,0.000001\n");
}

TEST(CanonicalRows, ReadBackGivesTheSameRows) {
  const std::string file =
      "id,priority,created_at,responded_at,resolved_at,category,service\n"
      "INC-1,P1,2026-10-25 02:30,2026-10-25T03:10:00+01:00,2026-10-27,\"a\nb\",x\n"
      "INC-2,P2,2026-03-29 12:00:00.5,,,,\n";
  const auto table = load("tickets", file);
  const std::string rows = rows_of(table);
  const auto again = load("tickets", canonical_header(table.schema()) + rows);
  EXPECT_EQ(rows_of(again), rows);
  ASSERT_EQ(again.rows(), 2U);
  EXPECT_EQ(again.instants("created_at")[0], table.instants("created_at")[0]);
  EXPECT_EQ(again.bare_dates("resolved_at")[0], 1);
}

TEST(CanonicalRows, TransactionsArePartedByUtcMonth) {
  const auto table = load("transactions",
                          "at,name,duration_ms\n2026-10-31T23:30:00Z,a,1\n2026-11-01 00:30,a,2\n"
                          "2026-11-01T00:30:00Z,a,3\n");
  const auto parts = canonical_parts(table, amsterdam());
  ASSERT_EQ(parts.size(), 2U);
  // 2026-11-01 00:30 in Amsterdam is 2026-10-31T23:30Z: October.
  EXPECT_EQ(parts.at("2026-10").rows, 2U);
  EXPECT_EQ(parts.at("2026-11").rows, 1U);
  const auto tickets = load("milestones", "id,planned_on\nM1,2026-10-01\n");
  EXPECT_EQ(canonical_parts(tickets, amsterdam()).begin()->first, "");
}

TEST(CanonicalRows, StreamedRowsGiveTheTablesParts) {
  // Months out of order, a large file read in two halves (split_threshold_bytes), rows in both:
  // the sinks' joined parts are canonical_parts of the table of the same file.
  std::string file = "at,name,duration_ms\n";
  for (int i = 0; i < 3000; ++i) {
    const int month = 9 + (i * 7) % 3;
    file += (month == 9 ? "2026-09" : "2026-" + std::to_string(month)) +
            "-15 10:" + std::to_string(10 + i % 50) + ",n" + std::to_string(i % 4) + "," +
            std::to_string(i % 500) + ".5\n";
  }
  const auto table = load("transactions", file);
  const evidence::FileLoad streamed = streamed_in_halves(file);
  ASSERT_EQ(streamed.sinks.size(), 2U);
  EXPECT_EQ(streamed.table->rows(), 0U);
  auto from_sinks = join_parts(streamed.sinks);
  const auto in_columns = column_parts(table, amsterdam());
  for (auto& [part, rows] : from_sinks) {
    // Encoded, compressed and hashed while read: columns whose digest is that of the content of
    // both halves' rows, the same as for the rows of the table, and which decode to the rows.
    EXPECT_TRUE(rows.text.empty());
    EXPECT_EQ(rows.encoding, kColumnsEncoding);
    EXPECT_FALSE(rows.frames.empty()) << part;
    std::string stored;
    for (const std::string& frame : rows.frames) stored += frame;
    EXPECT_EQ(rows.sha256, sha256_hex(decompress(stored))) << part;
    EXPECT_EQ(rows.sha256, in_columns.at(part).sha256) << part;
    rows.join(table.schema());
    EXPECT_TRUE(rows.frames.empty());
    EXPECT_EQ(rows.encoding, kCsvEncoding);
  }
  const auto from_table = canonical_parts(table, amsterdam());
  ASSERT_EQ(from_sinks.size(), 3U);
  ASSERT_EQ(from_table.size(), 3U);
  for (const auto& [part, rows] : from_table) {
    EXPECT_EQ(from_sinks.at(part).text, rows.text) << part;
    EXPECT_EQ(from_sinks.at(part).rows, rows.rows) << part;
  }
}

TEST(CanonicalRows, ASplitFoundByCountingQuotesKeepsTheDigestInFileOrder) {
  // A quoted line break early in the file makes the loader count quotes to find where the second
  // half starts (evidence/load.cc); the first half's thread then takes over the second half's
  // rows (follow()): each month's digest is still that of its rows in file order.
  std::string file = "at,name,duration_ms\n2026-10-01 10:00,\"two\nlines\",1\n";
  for (int i = 0; i < 5000; ++i) {
    file += "2026-" + std::string(i % 3 == 0 ? "09" : "10") +
            "-15 10:" + std::to_string(10 + i % 50) + ",n" + std::to_string(i % 4) + "," +
            std::to_string(i % 500) + ".5\n";
  }
  const evidence::FileLoad streamed = streamed_in_halves(file);
  ASSERT_EQ(streamed.sinks.size(), 2U);
  auto parts = join_parts(streamed.sinks);
  const auto table = load("transactions", file);
  const auto from_table = canonical_parts(table, amsterdam());
  const auto in_columns = column_parts(table, amsterdam());
  ASSERT_EQ(parts.size(), 2U);
  for (auto& [part, rows] : parts) {
    EXPECT_EQ(rows.sha256, in_columns.at(part).sha256) << part;
    rows.join(table.schema());
    EXPECT_EQ(rows.text, from_table.at(part).text) << part;
  }
}

TEST(CanonicalRows, AMonthLargerThanAPieceIsFramesOfItsRowsInOrder) {
  // 24 MB of one month's rows read in two halves: in columns they fill more than one piece of
  // 4 MB, so the part is several frames, and its digest runs over both halves' rows in order.
  std::string file = "at,name,duration_ms\n";
  for (int i = 0; i < 700'000; ++i) {
    file += "2026-10-" + std::to_string(10 + i / 100'000) + " 10:" + std::to_string(10 + i % 50) +
            ":" + std::to_string(10 + i % 37) + ",search_case_by_number_" + std::to_string(i % 7) +
            "," + std::to_string(i % 5000) + "." + std::to_string(i % 10) + "\n";
  }
  ASSERT_GT(file.size(), std::size_t{24} << 20);
  const evidence::FileLoad streamed = streamed_in_halves(file);
  ASSERT_EQ(streamed.sinks.size(), 2U);
  auto parts = join_parts(streamed.sinks);
  ASSERT_EQ(parts.size(), 1U);
  PartRows& rows = parts.at("2026-10");
  EXPECT_GE(rows.frames.size(), 2U);
  const auto table = load("transactions", file);
  EXPECT_EQ(rows.sha256, column_parts(table, amsterdam()).at("2026-10").sha256);
  rows.join(table.schema());
  EXPECT_EQ(rows.rows, 700'000U);
  EXPECT_EQ(rows.text, canonical_parts(table, amsterdam()).at("2026-10").text);
}

TEST(CanonicalRows, AMonthLeftIsSealedAndEachMonthKeepsItsRows) {
  // Four months in time order, about 2 MB each, read in two halves: each half leaves months
  // behind (sealed then, their room freed) and one month is in both halves; every month's frames
  // and digest are its rows'.
  std::string file = "at,name,duration_ms\n";
  for (int month = 7; month <= 10; ++month) {
    for (int i = 0; i < 60'000; ++i) {
      file += "2026-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-" +
              std::to_string(10 + i / 6'000) + " 11:" + std::to_string(10 + i % 50) +
              ",search_case_" + std::to_string(i % 3) + "," + std::to_string(i % 900) + ".5\n";
    }
  }
  const evidence::FileLoad streamed = streamed_in_halves(file);
  auto parts = join_parts(streamed.sinks);
  const auto table = load("transactions", file);
  const auto from_table = canonical_parts(table, amsterdam());
  const auto in_columns = column_parts(table, amsterdam());
  ASSERT_EQ(parts.size(), 4U);
  for (auto& [part, rows] : parts) {
    EXPECT_FALSE(rows.frames.empty());
    EXPECT_EQ(rows.sha256, in_columns.at(part).sha256) << part;
    rows.join(table.schema());
    EXPECT_EQ(rows.text, from_table.at(part).text) << part;
  }
}

TEST(CanonicalRows, RecordIdsOfStoredRows) {
  const auto& probes = *evidence::find_schema("probes");
  const auto records =
      canonical_records(probes,
                        "2026-10-05T07:00:00Z,ams,true\n2026-10-05T07:00:00Z,ams,false\n"
                        "2026-10-05T07:00:00Z,rtm,true\n");
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[0].id, "2026-10-05T07:00:00Z ams");
  EXPECT_EQ(records[1].id, "2026-10-05T07:00:00Z ams #2");
  EXPECT_EQ(records[1].row, "2026-10-05T07:00:00Z,ams,false\n");
  EXPECT_EQ(records[2].id, "2026-10-05T07:00:00Z rtm");
  const auto& tickets = *evidence::find_schema("tickets");
  const auto keyed = canonical_records(tickets, "INC-1,P1,2026-10-05T07:00:00Z,,,\"a\nb\",\n");
  ASSERT_EQ(keyed.size(), 1U);
  EXPECT_EQ(keyed[0].id, "INC-1");
  EXPECT_EQ(keyed[0].row, "INC-1,P1,2026-10-05T07:00:00Z,,,\"a\nb\",\n");
}

TEST(CanonicalRows, ColumnLists) {
  const auto& tickets = *evidence::find_schema("tickets");
  EXPECT_EQ(union_columns(tickets, "service", "responded_at,category"),
            "responded_at,category,service");
  EXPECT_TRUE(column_listed("responded_at,category", "category"));
  EXPECT_FALSE(column_listed("responded_at,category", "resolved_at"));
  EXPECT_FALSE(column_listed("", "service"));
  const auto table = load("tickets", "id,priority,created_at,service\nA,P1,2026-10-01,x\n");
  EXPECT_EQ(present_columns(table), "service");
}

}  // namespace
}  // namespace meetlat::store

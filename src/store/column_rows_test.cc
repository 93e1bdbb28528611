#include "store/column_rows.h"

#include <gtest/gtest.h>

#include "evidence/load.h"
#include "store/canonical_rows.h"
#include "store/store_error.h"
#include "store/store_test_support.h"

namespace meetlat::store {
namespace {

using testing::amsterdam;

evidence::Table load(std::string_view kind, const std::string& text) {
  return testing::load_table(kind, text);
}

std::string canonical_text(const evidence::Table& table) {
  std::string out;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    append_canonical_row(table, row, amsterdam(), out);
  }
  return out;
}

// The rows of `table` in columns, in two pieces: the rows before `split`, then the others.
std::pair<std::string, std::string> encoded(const evidence::Table& table, std::size_t split) {
  ColumnRowsEncoder encoder(table.schema(), amsterdam());
  std::pair<std::string, std::string> pieces;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    encoder.add(table, row, row < split ? pieces.first : pieces.second);
  }
  return pieces;
}

std::string decoded(const evidence::FileSchema& schema, std::string_view first,
                    std::string_view second) {
  ColumnRowsDecoder decoder(schema);
  std::string text;
  decoder.append_text(first, text);
  decoder.append_text(second, text);
  return text;
}

// Files of every column type, with the values that are hard to keep: missing cells, bare dates,
// time stamps out of order and with fractions, numbers with more than three decimals, -0, huge
// and tiny, text with commas, quotes and line breaks, a string used again after others.
const std::vector<std::pair<std::string, std::string>>& files() {
  static const std::vector<std::pair<std::string, std::string>> all = {
      {"transactions",
       "at,name,duration_ms\n"
       "2026-10-05 09:00,login,120\n"
       "2026-10-05T07:00:00.123456Z,\"search, by \"\"name\"\"\",0.0001\n"
       "2026-10-04 23:59:59.5,\"two\nlines\",-0\n"
       "2026-10-05,login,9999999999.999\n"
       "2000-01-01 00:00,login,0.1\n"
       "2026-10-31T23:59:59.999999Z,search,123456.789\n"
       "2026-10-06 10:00,\"search, by \"\"name\"\"\",1e-300\n"},
      {"probes",
       "at,location,up\n"
       "2026-10-01 00:00,ams,true\n"
       "2026-10-01 00:01,fra,0\n"
       "2026-10-01 00:01,ams,nee\n"
       "2026-10-01 00:00,fra,yes\n"},
      {"outages",
       "id,start,end,planned,service\n"
       "O-1,2026-10-01 10:00,2026-10-01 11:30,true,mail\n"
       "O-2,2026-10-02,,,\n"
       "O-3,2026-10-03 08:00,2026-10-04,false,\"a,b\"\n"},
      {"trainings",
       "user_id,enrolled_on,passed_on\n"
       "u1,2026-01-15,2026-02-01\n"
       "u2,2025-12-31,\n"
       "u3,2000-01-01,2099-06-30\n"},
      {"releases",
       "id,released_at,regression_coverage\n"
       "R1,2026-10-01 12:00,93%\n"
       "R2,2026-10-02 12:00,0.333333333\n"
       "R3,2026-10-03 12:00,1\n"},
      {"emissions",
       "period_start,period_end,tco2e\n"
       "2026-01-01,2026-03-31,12.5\n"
       "2026-04-01,2026-06-30,0.1234567\n"},
  };
  return all;
}

TEST(ColumnRows, DecodeToTheCanonicalRowsOfEveryColumnType) {
  for (const auto& [kind, file] : files()) {
    const evidence::Table table = load(kind, file);
    const std::string canonical = canonical_text(table);
    for (std::size_t split = 0; split <= table.rows(); ++split) {
      const auto [first, second] = encoded(table, split);
      EXPECT_EQ(decoded(table.schema(), first, second), canonical) << kind << " split " << split;
      EXPECT_EQ(first + second, encoded(table, table.rows()).first) << kind;
    }
  }
}

TEST(ColumnRows, BareDatesDecodeToTheirDateInAnyZone) {
  // A bare date is kept as its date: decoding needs no zone, and a workspace whose contract
  // changes its zone still reads "2026-10-02".
  const evidence::Table table = load("outages", "id,start\nO-2,2026-10-02\n");
  const std::string content = encoded(table, 1).first;
  EXPECT_EQ(decoded(table.schema(), content, ""), "O-2,2026-10-02,,,\n");
}

TEST(ColumnRows, DecodedRowsEncodeToTheSameContent) {
  // What a later sink's rows become when the first sink takes them over (CanonicalRowsSink::
  // follow): decoding and encoding again after the rows before them gives the content of all the
  // rows encoded at once.
  for (const auto& [kind, file] : files()) {
    const evidence::Table table = load(kind, file);
    const std::size_t split = table.rows() / 2;
    const auto [first, second] = encoded(table, split);
    // The second piece as a sink of its own would make it: from a fresh encoder.
    ColumnRowsEncoder alone(table.schema(), amsterdam());
    std::string own;
    for (std::size_t row = split; row < table.rows(); ++row) alone.add(table, row, own);
    // Taken over: the first piece's encoder goes on with the decoded rows.
    ColumnRowsEncoder taker(table.schema(), amsterdam());
    std::string taken;
    for (std::size_t row = 0; row < split; ++row) taker.add(table, row, taken);
    ColumnRowsDecoder decoder(table.schema());
    decoder.feed(own);
    std::vector<ColumnCell> row;
    while (decoder.next(row)) taker.add(decoder, row, taken);
    EXPECT_EQ(taken, first + second) << kind;
  }
}

TEST(ColumnRows, AMonthOfTransactionsTakesAFractionOfItsText) {
  std::string file = "at,name,duration_ms\n";
  for (int i = 0; i < 20'000; ++i) {
    file += "2026-10-05 09:" + std::to_string(10 + i / 1000) + ":" + std::to_string(10 + i % 50) +
            ".250," + "case_search_by_number_" + std::to_string(i % 7) + "," +
            std::to_string(100 + i % 5000) + "." + std::to_string(i % 10) + "\n";
  }
  const evidence::Table table = load("transactions", file);
  const std::string content = encoded(table, table.rows()).first;
  EXPECT_LT(content.size() * 5, canonical_text(table).size()) << content.size();
}

TEST(ColumnRows, DamagedContentIsAnError) {
  const evidence::Table table = load("transactions", files().front().second);
  const std::string content = encoded(table, table.rows()).first;
  const evidence::FileSchema& schema = table.schema();
  std::string text;
  EXPECT_THROW(ColumnRowsDecoder(schema).append_text("at,name\n", text), StoreError);
  EXPECT_THROW(ColumnRowsDecoder(schema).append_text(content.substr(0, content.size() - 1), text),
               StoreError);
  std::size_t name = 4;  // after "MLC1" and the first row's time stamp: its name
  while ((static_cast<unsigned char>(content[name]) & 0x80U) != 0) ++name;
  std::string unknown_string = content;
  unknown_string[name + 1] = '\x40';  // a code no string was given for
  EXPECT_THROW(ColumnRowsDecoder(schema).append_text(unknown_string, text), StoreError);
  // A time stamp of 1970 (a difference of 0 from the start): no stored row has one.
  EXPECT_THROW(ColumnRowsDecoder(schema).append_text(std::string("MLC1\x01\x01\x00\x00", 8), text),
               StoreError);
}

}  // namespace
}  // namespace meetlat::store

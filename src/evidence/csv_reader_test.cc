#include "evidence/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace meetlat::evidence {
namespace {

struct Row {
  std::uint32_t line;
  std::vector<std::string> cells;
  std::string problem;
};

std::vector<Row> read_all(std::string_view text) {
  std::vector<Row> rows;
  CsvParser parser(text, skip_bom(text), text.size(), 1);
  CsvRecord record;
  while (parser.next(record)) {
    Row row{record.line, {}, std::string(record.problem.message)};
    for (const CsvCell& cell : record.cells) row.cells.emplace_back(cell.text);
    rows.push_back(row);
  }
  return rows;
}

TEST(CsvReaderTest, QuotedCellsHoldQuotesSeparatorsAndLineBreaks) {
  const auto rows = read_all("a,b,c\n\"say \"\"hi\"\"\",\"x,y\",\"two\nlines\"\nnext,2,3\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"say \"hi\"", "x,y", "two\nlines"}));
  EXPECT_EQ(rows[2].line, 4u);  // the quoted line break advanced the count
  EXPECT_EQ(rows[2].cells[0], "next");
}

TEST(CsvReaderTest, CrlfLineEndsAndByteOrderMark) {
  const auto rows = read_all("\xEF\xBB\xBFid,x\r\n1,\"a\r\nb\"\r\n2,c\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells[0], "id");
  EXPECT_EQ(rows[1].cells[1], "a\r\nb");
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_EQ(rows[2].cells[1], "c");
}

TEST(CsvReaderTest, EmptyCellsAndBlankLines) {
  const auto rows = read_all("a,b\n,\n\n  \nx,\"\"\ny");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"", ""}));
  EXPECT_EQ(rows[2].line, 5u);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"x", ""}));
  EXPECT_EQ(rows[3].cells, (std::vector<std::string>{"y"}));  // no final line end
}

TEST(CsvReaderTest, SpacesAroundCellsAreTrimmed) {
  const auto rows = read_all(" a , \"b c\" ,\tz\n");
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a", "b c", "z"}));
}

TEST(CsvReaderTest, UnterminatedQuoteIsAProblemAtTheQuote) {
  const std::string text = "a,b\n1,\"open\n2,3\n";
  CsvParser parser(text, 0, text.size(), 1);
  CsvRecord record;
  ASSERT_TRUE(parser.next(record));
  ASSERT_TRUE(parser.next(record));
  EXPECT_EQ(record.problem.message, "quoted cell is not closed");
  EXPECT_EQ(record.problem.line, 2u);
  EXPECT_EQ(display_column(text, record.problem.line_start, record.problem.offset), 3u);
  EXPECT_FALSE(parser.next(record));
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAProblemAndReadingGoesOn) {
  const std::string text = "a,b\n\"x\"y,2\n3,4\n";
  CsvParser parser(text, 0, text.size(), 1);
  CsvRecord record;
  parser.next(record);
  ASSERT_TRUE(parser.next(record));
  EXPECT_EQ(record.problem.message, "text after the closing quote");
  EXPECT_EQ(display_column(text, record.problem.line_start, record.problem.offset), 4u);
  ASSERT_TRUE(parser.next(record));
  EXPECT_EQ(record.cells[0].text, "3");
  EXPECT_TRUE(record.problem.message.empty());
}

TEST(CsvReaderTest, ColumnsCountCharactersNotBytes) {
  const std::string text = "\xC3\xA9t\xC3\xA9,x";  // "été,x"
  EXPECT_EQ(display_column(text, 0, text.find(',') + 1), 5u);
}

TEST(CsvReaderTest, SplitPointWithoutQuotesIsTheNextLineStart) {
  const std::string text = "h\naaaa\nbbbb\ncccc\n";
  EXPECT_EQ(find_split_point(text, 2, text.size(), 8), 12u);
}

TEST(CsvReaderTest, SplitPointIsNeverInsideAQuotedCell) {
  const std::string text = "h\n\"a\nb\nc\nd\"\nx\ny\n";
  // Line feeds inside the quoted cell are skipped; the first record start after it is chosen.
  const std::size_t split = find_split_point(text, 2, text.size(), 4);
  EXPECT_EQ(text.substr(split), "x\ny\n");
}

}  // namespace
}  // namespace meetlat::evidence

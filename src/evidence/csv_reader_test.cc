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

// Long lines (read 16 bytes at a time) of every kind mixed: plain, with blanks to trim, empty
// cells, quoted cells holding separators, quotes and line breaks, CRLF ends, blank lines, a
// lone CR as data, and a last line without a line end. Cells, lines and offsets must come out
// as written, whichever way each record is read.
TEST(CsvReaderTest, LongRecordsOfEveryKindReadAsWritten) {
  struct Written {
    std::uint32_t line;
    std::vector<std::string> cells;
  };
  std::string text;
  std::vector<Written> written;
  std::uint32_t line = 1;
  for (int r = 0; r < 200; ++r) {
    Written w{line, {}};
    std::string record;
    for (int c = 0; c < 7; ++c) {
      std::string value = "cell-" + std::to_string(r) + "-" + std::to_string(c) +
                          std::string(static_cast<std::size_t>((r * 7 + c) % 23), 'x');
      if (c > 0) record += ',';
      // Two records in three are plain lines (blanks and empty cells only).
      const int kind = r % 3 == 0 || (r + c) % 9 < 2 ? (r + c) % 9 : 8;
      switch (kind) {
        case 0:
          record += "  " + value + "\t";  // trimmed
          break;
        case 1:
          value.clear();  // empty cell
          break;
        case 2:
          record += "\"" + value + ", \"\"quoted\"\"\"";
          value += ", \"quoted\"";
          break;
        case 3:
          if (r % 5 == 0) {
            record += "\"" + value + "\nnext line\"";
            value += "\nnext line";
            ++line;
            break;
          }
          record += value;
          break;
        case 4:
          record += "\"" + value + "\ry\"";  // a lone CR inside quotes is data
          value += "\ry";
          break;
        case 5:
          record += "\"" + value + ", quoted\"";  // quoted, as exports quote every text
          value += ", quoted";
          break;
        case 6:
          record += "\"\"";  // quoted and empty
          value.clear();
          break;
        default:
          record += value;
      }
      w.cells.push_back(value);
    }
    text += record;
    written.push_back(w);
    if (r == 199) break;  // no line end after the last record
    text += r % 4 == 0 ? "\r\n" : "\n";
    ++line;
    if (r % 13 == 0) {
      text += r % 2 == 0 ? "\n" : "\r\n";  // a blank line
      ++line;
    }
  }
  const auto rows = read_all(text);
  ASSERT_EQ(rows.size(), written.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].line, written[i].line) << "record " << i;
    EXPECT_EQ(rows[i].cells, written[i].cells) << "record " << i;
    EXPECT_EQ(rows[i].problem, "") << "record " << i;
  }
}

TEST(CsvReaderTest, AQuotedEmptyCellIsARecordNotABlankLine) {
  const auto rows = read_all("a\n\"\"\n\n\"x\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{""}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"x"}));
  EXPECT_EQ(rows[2].line, 4u);
}

TEST(CsvReaderTest, CellOffsetsPointAtTheFirstCharacterAfterBlanks) {
  const std::string text =
      "id,name,when\n  INC-000000000001 , some long name here,2026-01-01 00:00:00\n";
  CsvParser parser(text, 0, text.size(), 1);
  CsvRecord record;
  ASSERT_TRUE(parser.next(record));
  ASSERT_TRUE(parser.next(record));
  ASSERT_EQ(record.cells.size(), 3u);
  EXPECT_EQ(record.cells[0].offset, text.find("INC"));
  EXPECT_EQ(record.cells[1].offset, text.find("some"));
  EXPECT_EQ(record.cells[2].offset, text.find("2026"));
  EXPECT_EQ(record.cells[2].line, 2u);
  EXPECT_EQ(record.cells[2].line_start, text.find("  INC"));
  EXPECT_FALSE(parser.next(record));
}

TEST(CsvReaderTest, AQuotedCellIsAtItsOpeningQuote) {
  for (const std::string end : {"\n", "\r\n"}) {
    const std::string text = "\"x,y\",\"z\"" + end + "\"a\"\"b\",c" + end;
    CsvParser parser(text, 0, text.size(), 1);
    CsvRecord record;
    ASSERT_TRUE(parser.next(record));
    ASSERT_EQ(record.cells.size(), 2u);
    EXPECT_EQ(record.cells[0].text, "x,y");
    EXPECT_TRUE(record.cells[0].quoted);
    EXPECT_EQ(record.cells[0].offset, 0u);
    EXPECT_EQ(record.cells[1].text, "z");
    EXPECT_EQ(record.cells[1].offset, 6u);
    ASSERT_TRUE(parser.next(record));  // a doubled quote: the general reader
    EXPECT_EQ(record.line, 2u);
    EXPECT_EQ(record.cells[0].text, "a\"b");
    EXPECT_EQ(record.cells[0].offset, text.find("\"a"));
    EXPECT_EQ(record.cells[1].text, "c");
    EXPECT_FALSE(parser.next(record));
  }
}

TEST(CsvReaderTest, ALoneCarriageReturnOutsideQuotesIsAProblemAtIt) {
  // The first 2 line ends of this file are CR only: lines 1-3 are one line to the parser, and the
  // problem points at the first CR (byte 3 of line 1) instead of rows vanishing silently.
  const std::string text = "a,b\r1,2\r3,4\n5,6\n";
  CsvParser parser(text, 0, text.size(), 1);
  CsvRecord record;
  ASSERT_TRUE(parser.next(record));
  EXPECT_EQ(record.line, 1u);
  EXPECT_NE(record.problem.message.find("carriage return (CR) without a line feed"),
            std::string_view::npos);
  EXPECT_EQ(record.problem.offset, 3u);
  ASSERT_TRUE(parser.next(record));
  EXPECT_EQ(record.line, 2u);
  EXPECT_EQ(record.problem.message, "");
  EXPECT_FALSE(parser.next(record));
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

TEST(CsvReaderTest, SplitPointMovedLaterCountsTheQuotesOnTheWay) {
  // Retargeted from the first line into the quoted cell: the quote passed on the way counts, so
  // the split is still the first record start after the cell.
  const std::string text = "h\naaaa\n\"a\nb\nc\nd\"\nx\ny\n";
  std::size_t asked = 0;
  const std::size_t split = find_split_point(text, 2, text.size(), 3, {}, [&](std::size_t target) {
    asked = target;
    return text.find('b');
  });
  EXPECT_EQ(asked, 3u);
  EXPECT_EQ(text.substr(split), "x\ny\n");
  // An earlier position than the target is ignored; one past the end means no split.
  EXPECT_EQ(find_split_point(text, 2, text.size(), 3, {}, [](std::size_t) { return 0; }),
            text.find("\"a"));
  EXPECT_EQ(find_split_point(text, 2, text.size(), 3, {}, [&](std::size_t) { return text.size(); }),
            text.size());
}

}  // namespace
}  // namespace meetlat::evidence

// Aligned columns: every cell of a column starts (left) or ends (right) at the same offset,
// counted in code points, with two spaces between columns however long a cell is.
#include "report/text_columns.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace meetlat::report {
namespace {

TEST(TextColumns, WidthCountsCodePoints) {
  EXPECT_EQ(display_width("≥ 99,95%"), 8U);
  EXPECT_EQ(display_width("✓ gehaald"), 9U);
  EXPECT_EQ(display_width(""), 0U);
}

TEST(TextColumns, ColumnsStartAtTheSameOffsetsAndNeverRunTogether) {
  TextColumns t({"KPI", "value", "items", "status"},
                {TextColumns::Align::kLeft, TextColumns::Align::kLeft, TextColumns::Align::kRight,
                 TextColumns::Align::kLeft});
  t.row({"KPI-01", "≥ 99.95%", "5,236", "✓ met (to date)"});
  t.line("    a note, as it is");
  t.row({"KPI-10", "312 ms", "7", "✗ breached"});
  EXPECT_EQ(t.render(),
            "KPI     value     items  status\n"
            "KPI-01  ≥ 99.95%  5,236  ✓ met (to date)\n"
            "    a note, as it is\n"
            "KPI-10  312 ms        7  ✗ breached\n");
}

TEST(TextColumns, MissingCellsAreEmptyAndNoLineEndsInSpaces) {
  TextColumns t({"a", "b", "c"});
  t.row({"long cell"});
  EXPECT_EQ(t.render(), "a          b  c\nlong cell\n");
  EXPECT_THROW(t.row({"1", "2", "3", "4"}), std::invalid_argument);
}

}  // namespace
}  // namespace meetlat::report

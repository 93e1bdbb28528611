// The two catalogues are complete against each other: a label missing in one language would end
// a report with an exception, or show a reader the other language. Each message names the same
// placeholders in both, so a value is never dropped in translation.
#include "report/catalogue.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace meetlat::report {
namespace {

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    out.emplace(text.substr(open + 1, close - open - 1));
  }
  return out;
}

void expect_complete_against(const Catalogue& a, const Catalogue& b) {
  for (const auto& [id, text] : a.messages) {
    const auto it = b.messages.find(id);
    ASSERT_NE(it, b.messages.end())
        << id << " is in " << a.language << " but not in " << b.language;
    EXPECT_EQ(placeholders(text), placeholders(it->second))
        << id << ": " << a.language << " and " << b.language << " name other placeholders";
    EXPECT_FALSE(it->second.empty()) << id << " is empty in " << b.language;
  }
}

TEST(Catalogue, EveryKeyInBothLanguages) {
  expect_complete_against(english(), dutch());
  expect_complete_against(dutch(), english());
  EXPECT_EQ(english().messages.size(), dutch().messages.size());
}

TEST(Catalogue, EveryMonthAndStatusIsTranslated) {
  for (int m = 1; m <= 12; ++m) {
    EXPECT_NO_THROW(dutch().say("month." + std::to_string(m), {}));
    EXPECT_NO_THROW(english().say("month_short." + std::to_string(m), {}));
  }
  EXPECT_EQ(dutch().say("status.breached", {}), "niet gehaald");
  EXPECT_EQ(english().say("status.breached", {}), "breached");
}

}  // namespace
}  // namespace meetlat::report

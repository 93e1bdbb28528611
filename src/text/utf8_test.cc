#include "text/utf8.h"

#include <gtest/gtest.h>

namespace meetlat::text {
namespace {

TEST(Utf8, AcceptsAsciiAndWellFormedSequences) {
  EXPECT_TRUE(is_utf8(""));
  EXPECT_TRUE(is_utf8("T-1,P1"));
  EXPECT_TRUE(is_utf8("Beschikbaarheid \xE2\x80\x93 \xC3\xA9\xC3\xA9n"));  // en dash, één
  EXPECT_TRUE(is_utf8("\xF0\x9F\x98\x80"));                                // U+1F600
  EXPECT_TRUE(is_utf8("\xF4\x8F\xBF\xBF"));                                // U+10FFFF
}

TEST(Utf8, FindsTheFirstBadByte) {
  // Windows-1252 é (0xE9) as it comes from a Dutch export.
  EXPECT_EQ(first_invalid_utf8("caf\xE9 open"), 3U);
  EXPECT_EQ(first_invalid_utf8("ok \xC3"), 3U);             // cut sequence at the end
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0U);            // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xE0\x80\xAF"), 0U);        // overlong, three bytes
  EXPECT_EQ(first_invalid_utf8("a\xED\xA0\x80"), 1U);       // a surrogate
  EXPECT_EQ(first_invalid_utf8("ab\xF4\x90\x80\x80"), 2U);  // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("\x80"), 0U);                // a lone continuation byte
  EXPECT_EQ(first_invalid_utf8("\xE2\x80"), 0U);            // three-byte sequence cut short
  EXPECT_FALSE(is_utf8("id\xFF"));
}

}  // namespace
}  // namespace meetlat::text

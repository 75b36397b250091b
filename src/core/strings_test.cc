#include "core/strings.h"

#include <gtest/gtest.h>

#include "core/status.h"

namespace loket {
namespace {

TEST(StringsTest, SplitKeepsEmptyParts) {
  EXPECT_EQ(Split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Split("", ','), (std::vector<std::string>{""}));
}

TEST(StringsTest, TrimRemovesSurroundingWhitespace) {
  EXPECT_EQ(Trim("  x y \n"), "x y");
  EXPECT_EQ(Trim(" \t "), "");
}

TEST(StringsTest, CollapseSpacesLeavesOneSpaceOfEachRun) {
  EXPECT_EQ(CollapseSpaces("Tweede Kamer,   nr. 48        2"), "Tweede Kamer, nr. 48 2");
  EXPECT_EQ(CollapseSpaces("  a\n\n b "), " a\n\n b ");
  EXPECT_EQ(CollapseSpaces(""), "");
}

TEST(StringsTest, SlugRules) {
  EXPECT_TRUE(IsSlug("paspoort-aanvragen-buitenland"));
  EXPECT_TRUE(IsSlug("a1-verklaring"));
  EXPECT_FALSE(IsSlug("Paspoort"));
  EXPECT_FALSE(IsSlug("a--b"));
  EXPECT_FALSE(IsSlug("-a"));
  EXPECT_FALSE(IsSlug("../etc"));
  EXPECT_FALSE(IsSlug(""));
}

TEST(StringsTest, HtmlEscapeEscapesMarkup) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(StatusTest, ResultCarriesValueOrStatus) {
  Result<int> good = 3;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  Result<int> bad = NotFound("nope");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(bad.status().ToString(), "not_found: nope");
}

TEST(StringsTest, AsciiCaseLeavesOtherBytesAlone) {
  EXPECT_EQ(AsciiLower("A.Jansen@MINBUZA.nl"), "a.jansen@minbuza.nl");
  EXPECT_EQ(AsciiUpper("de"), "DE");
  EXPECT_EQ(AsciiLower("ÉÉN Ëen"), "ÉÉn Ëen");  // UTF-8 bytes untouched
}

}  // namespace
}  // namespace loket

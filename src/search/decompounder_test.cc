#include "search/decompounder.h"

#include <gtest/gtest.h>

namespace loket::search {
namespace {

using Parts = std::vector<std::string>;

std::unique_ptr<Decompounder> OpenDutch() {
  auto d = Decompounder::Open("/usr/share/hunspell/nl");
  EXPECT_NE(d, nullptr) << "hunspell-nl is not installed (scripts/setup.sh installs it)";
  return d;
}

TEST(DecompounderTest, SplitsCompoundsIntoKnownWords) {
  auto d = OpenDutch();
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Split("informatiebeveiliging"), (Parts{"informatie", "beveiliging"}));
  EXPECT_EQ(d->Split("ambassadepersoneel"), (Parts{"ambassade", "personeel"}));
  EXPECT_EQ(d->Split("klimaatfinanciering"), (Parts{"klimaat", "financiering"}));
}

TEST(DecompounderTest, DropsTheLinkingS) {
  auto d = OpenDutch();
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Split("beveiligingsincidenten"), (Parts{"beveiliging", "incidenten"}));
  EXPECT_EQ(d->Split("verzekeringsbranche"), (Parts{"verzekering", "branche"}));
}

TEST(DecompounderTest, LeavesWordsThatAreNoCompoundAlone) {
  auto d = OpenDutch();
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->Split("paspoort").empty());  // "pas" + "poort": parts too short
  EXPECT_TRUE(d->Split("ambassade").empty());
  EXPECT_TRUE(d->Split("xqzvbnmlkjh").empty());
  EXPECT_TRUE(d->Split("covid19vaccin").empty());  // not only letters
  EXPECT_TRUE(d->Split("").empty());
}

TEST(DecompounderTest, TellsListedWordsFromWordsFormedOfParts) {
  auto d = OpenDutch();
  ASSERT_NE(d, nullptr);
  // Listed as words of their own, however they split.
  EXPECT_TRUE(d->Listed("minister"));     // "mini" + "ster"
  EXPECT_TRUE(d->Listed("maatregelen"));  // "maat" + "regelen"
  EXPECT_TRUE(d->Listed("nederland"));    // listed with its capital
  EXPECT_TRUE(d->Listed("sanctiepakket"));
  // Formed from parts by the dictionary's compounding rules.
  EXPECT_FALSE(d->Listed("klimaatfinanciering"));
  EXPECT_FALSE(d->Listed("ambassadepersoneel"));
  // Not words at all.
  EXPECT_FALSE(d->Listed("xqzvbnmlkjh"));
  EXPECT_FALSE(d->Listed(""));
}

TEST(DecompounderTest, SameAnswerFromTheCache) {
  auto d = OpenDutch();
  ASSERT_NE(d, nullptr);
  Parts first = d->Split("visumaanvragen");
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(d->Split("visumaanvragen"), first);
}

TEST(DecompounderTest, MissingDictionaryIsNull) {
  EXPECT_EQ(Decompounder::Open("/nonexistent/nl"), nullptr);
}

}  // namespace
}  // namespace loket::search

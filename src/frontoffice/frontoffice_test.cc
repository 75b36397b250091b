#include <date/tz.h>
#include <gtest/gtest.h>

#include "frontoffice/article_text.h"
#include "frontoffice/opening_hours.h"
#include "site/paths.h"

namespace loket::frontoffice {
namespace paths = site::paths;
namespace {

using namespace std::chrono_literals;

catalogue::Post Post(const std::string& tz, std::vector<catalogue::OpeningHours> hours) {
  catalogue::Post p;
  p.id = "p";
  p.timezone = tz;
  p.hours = std::move(hours);
  return p;
}

std::chrono::system_clock::time_point Utc(int y, unsigned m, unsigned d, int h, int min) {
  return date::sys_days{date::year{y} / m / d} + std::chrono::hours(h) + std::chrono::minutes(min);
}

TEST(PathsTest, DutchAndEnglishUrls) {
  EXPECT_EQ(paths::Service(Lang::kNl, "noodpaspoort"), "/diensten/noodpaspoort");
  EXPECT_EQ(paths::Service(Lang::kEn, "noodpaspoort"), "/en/services/noodpaspoort");
  EXPECT_EQ(paths::Country(Lang::kNl, "DE"), "/landen/de");
  EXPECT_EQ(paths::Home(Lang::kEn), "/en");
  EXPECT_EQ(paths::EncodeQuery("paspoort & visum/é"), "paspoort+%26+visum%2F%C3%A9");
}

TEST(OpeningHoursTest, DayRangesIncludingWrapAround) {
  EXPECT_TRUE(DayInRange("mon-fri", 0));
  EXPECT_TRUE(DayInRange("mon-fri", 4));
  EXPECT_FALSE(DayInRange("mon-fri", 5));
  EXPECT_TRUE(DayInRange("sun-thu", 6));
  EXPECT_TRUE(DayInRange("sun-thu", 3));
  EXPECT_FALSE(DayInRange("sun-thu", 4));
  EXPECT_TRUE(DayInRange("sat", 5));
  EXPECT_FALSE(DayInRange("bogus", 0));
}

TEST(OpeningHoursTest, OpenNowUsesThePostsTimeZone) {
  auto post = Post("America/New_York", {{"mon-fri", "09:00", "12:30"}});
  // Wednesday 25 November 2026, 15:00 UTC is 10:00 in New York (EST, UTC-5).
  LocalStatus s = StatusAt(post, Utc(2026, 11, 25, 15, 0));
  ASSERT_TRUE(s.known);
  EXPECT_EQ(s.local_time, "10:00");
  EXPECT_EQ(s.weekday, 2);
  EXPECT_TRUE(s.open);
  // 12:00 UTC is 07:00 in New York: closed, although open in Amsterdam time.
  EXPECT_FALSE(StatusAt(post, Utc(2026, 11, 25, 12, 0)).open);
  // Summer time: 1 July 2026 13:30 UTC is 09:30 EDT (UTC-4).
  EXPECT_TRUE(StatusAt(post, Utc(2026, 7, 1, 13, 30)).open);
}

TEST(OpeningHoursTest, LocalDayDiffersFromUtcDay) {
  auto post = Post("Asia/Tokyo", {{"mon-fri", "09:00", "12:00"}});
  // Friday 27 Nov 2026 23:30 UTC is Saturday 08:30 in Tokyo.
  LocalStatus s = StatusAt(post, Utc(2026, 11, 27, 23, 30));
  EXPECT_EQ(s.weekday, 5);
  EXPECT_FALSE(s.open);
  EXPECT_FALSE(StatusAt(Post("Nowhere/Nothing", {}), Utc(2026, 1, 1, 0, 0)).known);
}

// An article's text as blocks: a paragraph with its line breaks, the items
// of a list, a table whose columns stand apart by runs of spaces (its first
// row the head), each in its place.
TEST(ArticleBlocksTest, ParagraphsListsAndTables) {
  const nlohmann::json blocks = ArticleBlocks(
      "Het kabinet zet drie stappen:\n– meer vulpunten;\n– langere openingstijden.\n\n"
      "De aantallen:\nCategorie      2024     2025\nOverlijden    2.530    2.140\n"
      "Totaal       17.500   14.870\nBron: CIS.\n\nEen regel\nen nog een.");
  ASSERT_EQ(blocks.size(), 6u) << blocks.dump();
  EXPECT_EQ(blocks[0]["text"], "Het kabinet zet drie stappen:");
  EXPECT_EQ(blocks[1]["list"]["items"],
            nlohmann::json({"meer vulpunten;", "langere openingstijden."}));
  EXPECT_TRUE(blocks[1]["text"].is_null());
  EXPECT_EQ(blocks[2]["text"], "De aantallen:");
  EXPECT_EQ(blocks[3]["table"]["head"], nlohmann::json({"Categorie", "2024", "2025"}));
  EXPECT_EQ(blocks[3]["table"]["rows"],
            nlohmann::json({{{"cells", {"Overlijden", "2.530", "2.140"}}},
                            {{"cells", {"Totaal", "17.500", "14.870"}}}}));
  EXPECT_EQ(blocks[4]["text"], "Bron: CIS.");
  EXPECT_EQ(blocks[5]["text"], "Een regel\nen nog een.");
  // One line with a wide gap is no table.
  EXPECT_EQ(ArticleBlocks("Zie  hieronder.")[0]["text"], "Zie  hieronder.");
}

}  // namespace
}  // namespace loket::frontoffice

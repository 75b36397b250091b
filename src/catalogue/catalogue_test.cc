#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "catalogue/catalogue.h"
#include "catalogue/content_loader.h"
#include "storage/migrations.h"
#include "storage/sqlite/sqlite_database.h"

namespace loket::catalogue {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("catalogue-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

Content SmallContent() {
  Content c;
  c.organisations.push_back({"bz", "BZ", {"Buitenlandse Zaken", "Foreign Affairs"}, {}, "https://x"});
  Service s;
  s.id = "paspoort";
  s.organisation_id = "bz";
  s.title = {"Paspoort", "Passport"};
  s.summary = {"Vraag een paspoort aan.", "Apply for a passport."};
  s.needs = {{"pasfoto"}, {"photo"}};
  s.channels = {"post-counter"};
  s.counter_service = "passport";
  s.popularity = 90;
  c.services.push_back(s);
  s.id = "visum";
  s.title = {"Visum", "Visa"};
  s.popularity = 80;
  c.services.push_back(s);
  c.life_events.push_back({"emigreren", {"Emigreren", "Emigrating"}, {}, {{"paspoort", {"Eerst", "First"}}}, 0});
  c.countries.push_back({"DE", {"Duitsland", "Germany"}});
  c.posts.push_back({"ambassade-berlijn", "embassy", "DE", {"Berlijn", "Berlin"},
                     {"Ambassade in Berlijn", "Embassy in Berlin"}, "Klosterstraße 50",
                     "Europe/Berlin", "", "", {{"mon-fri", "09:00", "12:30"}}, {"passport"}});
  return c;
}

std::unique_ptr<storage::Database> OpenDb(const TempDir& dir) {
  auto db = storage::OpenSqlite({(dir.path() / "loket.db").string()});
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE(storage::ApplyMigrations(**db, CatalogueMigrations()).ok());
  return std::move(db).value();
}

TEST(ContentLoaderTest, ShippedContentIsValidAndComplete) {
  auto content = LoadContentDirectory(LOKET_DATA_DIR);
  ASSERT_TRUE(content.ok()) << content.status().message();
  EXPECT_GE(content->services.size(), 60u);
  EXPECT_GE(content->organisations.size(), 11u);
  EXPECT_GE(content->countries.size(), 240u);
  EXPECT_GE(content->posts.size(), 140u);
  EXPECT_GE(content->life_events.size(), 4u);
  for (const Service& s : content->services) {
    EXPECT_FALSE(s.title.en.empty()) << s.id;
    EXPECT_FALSE(s.summary.en.empty()) << s.id;
    EXPECT_FALSE(s.how.nl.empty()) << s.id;
  }
}

TEST(ContentLoaderTest, ReportsBrokenReferences) {
  Content c = SmallContent();
  c.services[0].organisation_id = "nobody";
  c.life_events[0].steps.push_back({"does-not-exist", {}});
  c.posts[0].timezone = "Mars/Olympus";
  c.posts[0].hours[0].close = "08:00";
  Status s = ValidateContent(c);
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unknown organisation \"nobody\""), std::string::npos);
  EXPECT_NE(s.message().find("unknown service \"does-not-exist\""), std::string::npos);
  EXPECT_NE(s.message().find("unknown time zone"), std::string::npos);
  EXPECT_NE(s.message().find("bad opening hours"), std::string::npos);
  EXPECT_TRUE(ValidateContent(SmallContent()).ok());
}

TEST(ContentLoaderTest, MalformedFileIsAClearError) {
  TempDir dir;
  std::ofstream(dir.path() / "organisations.json") << "[{\"id\": ";
  auto content = LoadContentDirectory(dir.path());
  ASSERT_FALSE(content.ok());
  EXPECT_NE(content.status().message().find("organisations.json"), std::string::npos);
}

TEST(CatalogueTest, StoreAndLoadRoundTrip) {
  TempDir dir;
  auto db = OpenDb(dir);
  auto repo = NewSqlCatalogueRepository(*db);
  Catalogue catalogue(*repo, std::chrono::milliseconds(0));
  EXPECT_TRUE(catalogue.Empty());
  Content c = SmallContent();
  ASSERT_TRUE(catalogue.Replace(c).ok());
  auto snap = catalogue.Current();
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->content().services, c.services);
  EXPECT_EQ(snap->content().posts, c.posts);
  EXPECT_EQ(snap->content().life_events, c.life_events);
  ASSERT_NE(snap->FindService("paspoort"), nullptr);
  EXPECT_EQ(snap->PostsOffering("passport").size(), 1u);
  EXPECT_EQ(snap->PostsIn("DE").size(), 1u);
  EXPECT_EQ(snap->LifeEventsWith("paspoort").size(), 1u);
  EXPECT_EQ(snap->MostPopular(1)[0]->id, "paspoort");
}

TEST(CatalogueTest, ReloadUnpublishesRemovedServicesAndBumpsVersion) {
  TempDir dir;
  auto db = OpenDb(dir);
  auto repo = NewSqlCatalogueRepository(*db);
  Catalogue catalogue(*repo, std::chrono::milliseconds(0));
  Content c = SmallContent();
  ASSERT_TRUE(catalogue.Replace(c).ok());
  int64_t v1 = catalogue.Current()->version();
  c.services.pop_back();  // "visum" removed from the files
  c.services[0].title.en = "Passport (new)";
  c.posts.clear();
  ASSERT_TRUE(catalogue.Replace(c).ok());
  auto snap = catalogue.Current();
  EXPECT_GT(snap->version(), v1);
  EXPECT_EQ(snap->FindService("visum"), nullptr);
  EXPECT_EQ(snap->FindService("paspoort")->title.en, "Passport (new)");
  EXPECT_TRUE(snap->content().posts.empty());
}

TEST(CatalogueTest, SecondCatalogueOnSameDatabaseSeesChanges) {
  TempDir dir;
  auto db = OpenDb(dir);
  auto repo = NewSqlCatalogueRepository(*db);
  Catalogue writer(*repo, std::chrono::milliseconds(0));
  Catalogue reader(*repo, std::chrono::milliseconds(0));
  ASSERT_TRUE(reader.Refresh().ok());
  EXPECT_TRUE(reader.Empty());
  ASSERT_TRUE(writer.Replace(SmallContent()).ok());
  EXPECT_FALSE(reader.Empty());
}

}  // namespace
}  // namespace loket::catalogue

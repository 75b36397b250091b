// Content loading and the command line: reloading content while a server
// runs, bad content changing nothing, and the PostgreSQL backend.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "integration/server_process.h"

namespace loket::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A copy of the shipped content that a test may change.
fs::path CopyContent(const TempDir& dir) {
  fs::path content = dir.path() / "content";
  fs::copy(SourceDir() / "data", content, fs::copy_options::recursive);
  return content;
}

void SetServiceTitle(const fs::path& content, const std::string& id, const std::string& nl) {
  fs::path file = content / "services" / (id + ".json");
  json j = json::parse(std::ifstream(file));
  j["title"]["nl"] = nl;
  std::ofstream(file) << j.dump(2);
}

bool WaitFor(const std::function<bool()>& condition) {
  for (int i = 0; i < 100; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(ContentTest, LoadContentWhileServingUpdatesPagesAndSearch) {
  TempDir dir;
  fs::path content = CopyContent(dir);
  std::string data = (dir.path() / "data").string();
  ServerProcess server({"--data-dir", data, "--content-dir", content.string()});
  ASSERT_TRUE(server.started());

  SetServiceTitle(content, "noodpaspoort", "Noodpaspoort of zeppelinreisdocument aanvragen");
  std::string out;
  ASSERT_EQ(RunLoket({"load-content", "--data-dir", data, "--content-dir", content.string()}, &out),
            0)
      << out;
  EXPECT_TRUE(WaitFor([&] {
    return server.Get("/diensten/noodpaspoort").body.find("zeppelinreisdocument") !=
           std::string::npos;
  }));
  EXPECT_TRUE(WaitFor([&] {
    json j = json::parse(server.Get("/api/v1/search?q=zeppelinreisdocument&lang=nl").body);
    return !j["results"].empty() && j["results"][0]["id"] == "noodpaspoort";
  }));
}

TEST(ContentTest, InvalidContentIsRejectedAndChangesNothing) {
  TempDir dir;
  fs::path content = CopyContent(dir);
  std::string data = (dir.path() / "data").string();
  std::string out;
  ASSERT_EQ(RunLoket({"load-content", "--data-dir", data, "--content-dir", content.string()}, &out),
            0)
      << out;
  // A broken reference and a changed title in the same load: neither lands.
  SetServiceTitle(content, "reisadvies", "Gewijzigde titel");
  fs::path file = content / "services" / "schengenvisum.json";
  json j = json::parse(std::ifstream(file));
  j["organisation"] = "bestaat-niet";
  std::ofstream(file) << j.dump(2);
  EXPECT_EQ(RunLoket({"load-content", "--data-dir", data, "--content-dir", content.string()}, &out),
            1);
  EXPECT_NE(out.find("unknown organisation \"bestaat-niet\""), std::string::npos) << out;
  EXPECT_NE(RunLoket({"check-content", "--content-dir", content.string()}, &out), 0);

  ServerProcess server({"--data-dir", data, "--content-dir", content.string()});
  ASSERT_TRUE(server.started());
  json service = json::parse(server.Get("/api/v1/services/reisadvies").body);
  EXPECT_NE(service["title"]["nl"], "Gewijzigde titel");
}

TEST(ContentTest, CommandLineRejectsBadUsage) {
  std::string out;
  EXPECT_EQ(RunLoket({"frobnicate"}, &out), 1);
  EXPECT_NE(out.find("unknown command"), std::string::npos);
  EXPECT_EQ(RunLoket({"serve", "--port", "99999"}, &out), 2);
  EXPECT_NE(out.find("port must be"), std::string::npos);
  EXPECT_EQ(RunLoket({"help"}, &out), 0);
  EXPECT_NE(out.find("load-content"), std::string::npos);
}

TEST(ContentTest, ReindexRebuildsTheSearchIndex) {
  TempDir dir;
  std::string data = (dir.path() / "data").string();
  std::string out;
  ASSERT_EQ(RunLoket({"load-content", "--data-dir", data}, &out), 0) << out;
  ASSERT_EQ(RunLoket({"reindex", "--data-dir", data}, &out), 0) << out;
  EXPECT_NE(out.find("search index rebuilt"), std::string::npos);
}

// The same site on PostgreSQL: a fresh database per run.
TEST(PostgresTest, ServesTheSiteFromPostgres) {
  const char* url = std::getenv("LOKET_TEST_PG_URL");
  if (!url) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL() << "LOKET_TEST_PG_URL must be set in CI";
    GTEST_SKIP() << "LOKET_TEST_PG_URL not set";
  }
  std::string db = "loket_it_" + std::to_string(::getpid());
  PGconn* admin = PQconnectdb(url);
  ASSERT_EQ(PQstatus(admin), CONNECTION_OK) << PQerrorMessage(admin);
  PQclear(PQexec(admin, ("DROP DATABASE IF EXISTS " + db).c_str()));
  PGresult* created = PQexec(admin, ("CREATE DATABASE " + db).c_str());
  ASSERT_EQ(PQresultStatus(created), PGRES_COMMAND_OK) << PQerrorMessage(admin);
  PQclear(created);
  std::string db_url = url;
  db_url = db_url.substr(0, db_url.rfind('/') + 1) + db;
  {
    TempDir dir;
    ServerProcess server({"--data-dir", dir.path().string(), "--database-url", db_url});
    ASSERT_TRUE(server.started());
    json services = json::parse(server.Get("/api/v1/services?pageSize=1").body);
    EXPECT_GE(services["total"].get<int>(), 60);
    EXPECT_EQ(server.Get("/diensten/noodpaspoort").status, 200);
    json hits = json::parse(server.Get("/api/v1/search?q=paspoort&type=service&limit=3").body);
    EXPECT_FALSE(hits["results"].empty());
    std::string out;
    // The knowledge base on PostgreSQL, imported next to the running server.
    EXPECT_EQ(RunLoket({"import-document", "--database-url", db_url,
                        (SourceDir() / "data/documents/kamerbrief-postennet-2018.txt").string()},
                       &out),
              0)
        << out;
    EXPECT_TRUE(WaitFor([&] {
      json k = json::parse(
          server.Get("/api/v1/search?q=Loket+Buitenland+one+stop+shop&type=knowledge&limit=3")
              .body);
      return !k["results"].empty() &&
             k["results"][0]["source"]["reference"] == "Kamerstuk 32 734, nr. 32";
    }));
    EXPECT_EQ(RunLoket({"migrate", "--database-url", db_url}, &out), 0);
    EXPECT_NE(out.find("0 migration(s) applied"), std::string::npos) << out;
  }
  PQclear(PQexec(admin, ("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)").c_str()));
  PQfinish(admin);
}

}  // namespace
}  // namespace loket::testing

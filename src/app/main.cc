// `loket`: the web server and the admin command line. This is the only
// place that knows every module and chooses the concrete backends.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "app/config.h"
#include "catalogue/catalogue.h"
#include "catalogue/content_loader.h"
#include "core/files.h"
#include "core/log.h"
#include "frontoffice/documents.h"
#include "frontoffice/front_office.h"
#include "http/server.h"
#include "http/static_files.h"
#include "http/templates.h"
#include "search/xapian_index.h"
#include "storage/migrations.h"
#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace loket::app {
namespace {

namespace fs = std::filesystem;

std::vector<storage::Migration> AllMigrations() {
  std::vector<storage::Migration> all;
  for (const auto& m : catalogue::CatalogueMigrations()) all.push_back(m);
  return all;
}

Result<std::unique_ptr<storage::Database>> OpenDatabase(const Config& c) {
  if (!c.database_url.empty()) return storage::OpenPostgres({c.database_url});
  std::error_code ec;
  fs::create_directories(c.data_dir, ec);
  if (ec) return Unavailable("cannot create data directory " + c.data_dir.string());
  return storage::OpenSqlite({(c.data_dir / "loket.db").string()});
}

Result<std::unique_ptr<search::SearchIndex>> OpenIndex(const Config& c) {
  search::XapianOptions options;
  options.directory = c.data_dir / "search";
  auto synonyms = ReadFile(c.content_dir / "synonyms.txt");
  if (synonyms.ok()) options.synonyms = search::ParseSynonyms(*synonyms);
  return search::OpenXapianIndex(options);
}

// Rebuilds the index from one snapshot; returns the content version indexed.
Result<int64_t> IndexSnapshot(const catalogue::Snapshot& snapshot, search::SearchIndex& index) {
  auto docs = frontoffice::BuildSearchDocuments(snapshot);
  LOKET_RETURN_IF_ERROR(index.Rebuild(docs));
  Log(LogLevel::kInfo, "search_index_rebuilt",
      std::to_string(docs.size()) + " documents, content version " +
          std::to_string(snapshot.version()));
  return snapshot.version();
}

Result<int64_t> Reindex(catalogue::Catalogue& catalogue, search::SearchIndex& index) {
  LOKET_RETURN_IF_ERROR(catalogue.Refresh());
  return IndexSnapshot(*catalogue.Current(), index);
}

Status LoadContent(const Config& c, catalogue::Catalogue& catalogue) {
  LOKET_ASSIGN_OR_RETURN(catalogue::Content content,
                         catalogue::LoadContentDirectory(c.content_dir));
  LOKET_RETURN_IF_ERROR(catalogue.Replace(content));
  Log(LogLevel::kInfo, "content_loaded",
      std::to_string(content.services.size()) + " services, " +
          std::to_string(content.posts.size()) + " posts, " +
          std::to_string(content.countries.size()) + " countries");
  return {};
}

// Blocks until SIGINT or SIGTERM.
void WaitForSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
}

Status Serve(const Config& c) {
  // Signals are taken by WaitForSignal(), not by whichever thread runs.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  LOKET_ASSIGN_OR_RETURN(auto db, OpenDatabase(c));
  auto migrations = AllMigrations();
  LOKET_RETURN_IF_ERROR(storage::ApplyMigrations(*db, migrations).status());
  auto repository = catalogue::NewSqlCatalogueRepository(*db);
  catalogue::Catalogue catalogue(*repository);
  LOKET_RETURN_IF_ERROR(catalogue.Refresh());
  if (catalogue.Empty()) LOKET_RETURN_IF_ERROR(LoadContent(c, catalogue));

  LOKET_ASSIGN_OR_RETURN(auto index, OpenIndex(c));
  LOKET_ASSIGN_OR_RETURN(int64_t indexed_at_start, Reindex(catalogue, *index));

  LOKET_ASSIGN_OR_RETURN(auto templates, http::Templates::Load(c.web_dir / "templates"));
  LOKET_ASSIGN_OR_RETURN(auto texts, frontoffice::UiTexts::Load(c.web_dir / "i18n"));
  LOKET_ASSIGN_OR_RETURN(auto statics, http::StaticFiles::Load(c.web_dir / "static"));
  if (!statics->Has("vendor/components.css")) {
    Log(LogLevel::kWarn, "vendor_css_missing",
        "run scripts/setup.sh to install the NL Design System styles");
  }
  LOKET_ASSIGN_OR_RETURN(std::string openapi, ReadFile(c.web_dir / "openapi.json"));

  frontoffice::FrontOffice front(catalogue, *index, *templates, std::move(texts),
                                 [] { return std::chrono::system_clock::now(); });
  http::Metrics metrics;
  metrics.AddGauge("loket_search_documents", "Documents in the search index.",
                   [&] { return static_cast<double>(index->DocumentCount()); });
  metrics.AddGauge("loket_content_version", "Version of the loaded content.",
                   [&] { return static_cast<double>(catalogue.Current()->version()); });

  http::ServerOptions options;
  options.address = c.address;
  options.port = c.port;
  options.threads = c.threads;
  http::Server server(options, &metrics);
  front.RegisterPages(server);
  front.RegisterApi(server, std::move(openapi));
  server.Route(http::Method::kGet, "/static/:path(.*)", [&](const http::Request& r) {
    return statics->Serve(r.Param("path"));
  });
  server.Route(http::Method::kGet, "/healthz", [&](const http::Request&) {
    // Ready means: the database answers and the index holds documents.
    Status s = catalogue.Refresh();
    bool ok = s.ok() && index->DocumentCount() > 0;
    return http::JsonResponse(ok ? 200 : 503, ok ? R"({"status":"ok"})" : R"({"status":"unavailable"})");
  });
  server.Route(http::Method::kGet, "/metrics", [&](const http::Request&) {
    return http::TextResponse(200, "text/plain; version=0.0.4; charset=utf-8", metrics.Render());
  });
  server.SetFallback([&](const http::Request& r) { return front.NotFound(r); });
  LOKET_RETURN_IF_ERROR(server.Start());

  // Keeps the search index in step with content changed by other
  // processes (`loket load-content`, other nodes).
  std::atomic<bool> stopping{false};
  std::thread sync([&] {
    int64_t indexed = indexed_at_start;
    while (!stopping) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      auto snapshot = catalogue.Current();
      if (snapshot && snapshot->version() != indexed) {
        auto version = IndexSnapshot(*snapshot, *index);
        if (version.ok()) {
          indexed = *version;
        } else {
          Log(LogLevel::kError, "search_index_rebuild_failed", version.status().ToString());
        }
      }
    }
  });

  std::printf("Loket Buitenland is running at http://%s:%u/\n", c.address.c_str(),
              static_cast<unsigned>(server.port()));
  std::fflush(stdout);
  Log(LogLevel::kInfo, "listening", c.address + ":" + std::to_string(server.port()));
  WaitForSignal();
  Log(LogLevel::kInfo, "stopping");
  stopping = true;
  sync.join();
  server.Stop();
  return {};
}

Status RunCommand(const Config& c) {
  if (c.command == "serve") return Serve(c);
  if (c.command == "check-content") {
    LOKET_ASSIGN_OR_RETURN(auto content, catalogue::LoadContentDirectory(c.content_dir));
    std::printf("content is valid: %zu services, %zu life events, %zu countries, %zu posts\n",
                content.services.size(), content.life_events.size(), content.countries.size(),
                content.posts.size());
    return {};
  }
  LOKET_ASSIGN_OR_RETURN(auto db, OpenDatabase(c));
  auto migrations = AllMigrations();
  LOKET_ASSIGN_OR_RETURN(int applied, storage::ApplyMigrations(*db, migrations));
  if (c.command == "migrate") {
    std::printf("%d migration(s) applied\n", applied);
    return {};
  }
  auto repository = catalogue::NewSqlCatalogueRepository(*db);
  catalogue::Catalogue catalogue(*repository);
  if (c.command == "load-content") {
    LOKET_RETURN_IF_ERROR(LoadContent(c, catalogue));
    std::printf("content loaded\n");
    return {};
  }
  if (c.command == "reindex") {
    LOKET_ASSIGN_OR_RETURN(auto index, OpenIndex(c));
    LOKET_RETURN_IF_ERROR(Reindex(catalogue, *index).status());
    std::printf("search index rebuilt: %zu documents\n", index->DocumentCount());
    return {};
  }
  return InvalidArgument("unknown command '" + c.command + "'");
}

}  // namespace
}  // namespace loket::app

int main(int argc, char** argv) {
  using loket::app::Usage;
  if (argc >= 2 && (std::string(argv[1]) == "help" || std::string(argv[1]) == "--help")) {
    std::printf("%s", Usage().c_str());
    return 0;
  }
  auto config = loket::app::ParseConfig(argc, argv);
  if (!config.ok()) {
    std::fprintf(stderr, "loket: %s\n\n%s", config.status().message().c_str(), Usage().c_str());
    return 2;
  }
  loket::Status s = loket::app::RunCommand(*config);
  if (!s.ok()) {
    std::fprintf(stderr, "loket: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}

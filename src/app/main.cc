// `loket`: the web server and the admin command line. This is the only
// place that knows every module and chooses the concrete backends.
#include <arpa/inet.h>
#include <date/date.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "app/config.h"
#include "app/staff_command.h"
#include "audit/audit_log.h"
#include "audit/repository.h"
#include "auth/guard.h"
#include "auth/me_api.h"
#include "auth/public_access.h"
#include "auth/staff_access.h"
#include "catalogue/catalogue.h"
#include "catalogue/content_loader.h"
#include "core/files.h"
#include "core/log.h"
#include "core/secrets.h"
#include "core/strings.h"
#include "devidp/provider.h"
#include "editorial/knowledge_editor.h"
#include "frontoffice/documents.h"
#include "frontoffice/front_office.h"
#include "http/server.h"
#include "http/static_files.h"
#include "http/templates.h"
#include "identity/applicant_accounts.h"
#include "identity/sessions.h"
#include "identity/staff_directory.h"
#include "knowledge/document_parser.h"
#include "knowledge/knowledge_base.h"
#include "notify/directory_mailer.h"
#include "notify/smtp_mailer.h"
#include "oidc/client.h"
#include "search/xapian_index.h"
#include "site/site.h"
#include "storage/migrations.h"
#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace loket::app {
namespace {

namespace fs = std::filesystem;

std::vector<storage::Migration> AllMigrations() {
  std::vector<storage::Migration> all;
  for (const auto& m : catalogue::CatalogueMigrations()) all.push_back(m);
  for (const auto& m : knowledge::KnowledgeMigrations()) all.push_back(m);
  for (const auto& m : identity::IdentityMigrations()) all.push_back(m);
  for (const auto& m : identity::SessionMigrations()) all.push_back(m);
  for (const auto& m : identity::ApplicantMigrations()) all.push_back(m);
  for (const auto& m : audit::AuditMigrations()) all.push_back(m);
  return all;
}

Result<std::unique_ptr<storage::Database>> OpenDatabase(const Config& c) {
  if (!c.database_url.empty()) return storage::OpenPostgres({c.database_url});
  std::error_code ec;
  fs::create_directories(c.data_dir, ec);
  if (ec) return Unavailable("cannot create data directory " + c.data_dir.string());
  return storage::OpenSqlite({(c.data_dir / "loket.db").string()});
}

// The search index, with the word lists of the content directory; the
// catalogue's country names are left alone by the stemmers.
Result<std::unique_ptr<search::SearchIndex>> OpenIndex(const Config& c,
                                                       catalogue::Catalogue& catalogue) {
  search::XapianOptions options;
  options.directory = c.data_dir / "search";
  if (auto snapshot = catalogue.Current()) {
    for (const catalogue::Country& country : snapshot->content().countries) {
      options.names.push_back(country.name.nl);
      options.names.push_back(country.name.en);
    }
  }
  auto synonyms = ReadFile(c.content_dir / "synonyms.txt");
  if (synonyms.ok()) options.synonyms = search::ParseSynonyms(*synonyms);
  auto related = ReadFile(c.content_dir / "thesaurus.txt");
  if (related.ok()) options.related = search::ParseSynonyms(*related);
  options.compound_dictionary = c.compound_dictionary;
  return search::OpenXapianIndex(options);
}

std::string TodayUtc() {
  return date::format("%F", date::floor<date::days>(std::chrono::system_clock::now()));
}

// What the search index was built from: when any of it changes, the index
// is rebuilt (a new day may end an article's validity).
struct IndexedState {
  int64_t catalogue = -1;
  int64_t knowledge = -1;
  std::string day;
  bool operator==(const IndexedState&) const = default;
};

// The sources of the search index: the catalogue and the knowledge base.
struct Sources {
  catalogue::Catalogue& catalogue;
  knowledge::KnowledgeBase& knowledge;

  IndexedState Current() const {
    auto c = catalogue.Current();
    auto k = knowledge.Current();
    return {c ? c->version() : -1, k ? k->version() : -1, TodayUtc()};
  }
};

// Rebuilds the index from the current snapshots; returns what it indexed.
Result<IndexedState> Reindex(const Sources& sources, search::SearchIndex& index) {
  auto catalogue = sources.catalogue.Current();
  auto knowledge = sources.knowledge.Current();
  if (!catalogue || !knowledge) return Unavailable("the database cannot be read");
  IndexedState state{catalogue->version(), knowledge->version(), TodayUtc()};
  auto docs = frontoffice::BuildSearchDocuments(*catalogue, *knowledge, state.day);
  LOKET_RETURN_IF_ERROR(index.Rebuild(docs));
  Log(LogLevel::kInfo, "search_index_rebuilt",
      std::to_string(docs.size()) + " documents, content version " +
          std::to_string(state.catalogue) + ", knowledge version " +
          std::to_string(state.knowledge));
  return state;
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

// The official documents shipped in <content-dir>/documents, imported into
// an empty knowledge base.
Status LoadDocuments(const Config& c, knowledge::KnowledgeBase& knowledge) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(c.content_dir / "documents", ec)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    LOKET_ASSIGN_OR_RETURN(std::string text, ReadFile(file));
    auto report = knowledge.Import(text, file.string());
    if (!report.ok()) return InvalidArgument(file.string() + ": " + report.status().message());
    Log(LogLevel::kInfo, "document_imported",
        file.filename().string() + ": " + std::to_string(report->articles) + " articles");
  }
  return {};
}

// Imports every file, or none: all are read and parsed first, then stored
// in one transaction.
Status ImportDocuments(const Config& c, knowledge::KnowledgeBase& knowledge) {
  if (c.args.empty()) return InvalidArgument("import-document needs one or more FILEs");
  if (!c.title.empty() && c.args.size() > 1) {
    return InvalidArgument("--title applies to one file; import the files one at a time");
  }
  std::vector<knowledge::ParsedDocument> documents;
  for (const std::string& file : c.args) {
    auto text = ReadFile(file);
    if (!text.ok()) return InvalidArgument(file + ": cannot be read");
    auto parsed = knowledge::ParseDocument(*text, file);
    if (!parsed.ok()) {
      return InvalidArgument(file + ": " + parsed.status().message() + "; nothing imported");
    }
    documents.push_back(std::move(parsed).value());
  }
  if (!Trim(c.title).empty()) documents.front().document.title = std::string(Trim(c.title));
  LOKET_ASSIGN_OR_RETURN(std::vector<knowledge::ImportReport> reports,
                         knowledge.StoreAll(std::move(documents)));
  for (size_t i = 0; i < c.args.size(); ++i) {
    const knowledge::ImportReport& report = reports[i];
    const knowledge::SourceDocument& d = report.document;
    std::printf("%s: %s%s%s: %zu %s (%zu new, %zu updated, %zu removed)\n", c.args[i].c_str(),
                d.title.c_str(), d.reference.empty() ? "" : ", ", d.reference.c_str(),
                report.articles,
                d.kind == knowledge::DocumentKind::kQuestions
                    ? (report.articles == 1 ? "question" : "questions")
                    : (report.articles == 1 ? "passage" : "passages"),
                report.changes.added, report.changes.updated, report.changes.removed);
    if (!report.missing_numbers.empty()) {
      std::printf("  warning: no question found for number(s) %s\n",
                  Join(report.missing_numbers, ", ").c_str());
    }
  }
  return {};
}

// A free TCP port on `address`, for a server started with port 0 that
// must know its own URL before it starts (development and tests).
Result<uint16_t> FreePort(const std::string& address) {
  int fd = socket(address.find(':') == std::string::npos ? AF_INET : AF_INET6, SOCK_STREAM, 0);
  if (fd < 0) return Unavailable("cannot create a socket");
  sockaddr_storage storage{};
  socklen_t length = 0;
  if (address.find(':') == std::string::npos) {
    auto* in = reinterpret_cast<sockaddr_in*>(&storage);
    in->sin_family = AF_INET;
    inet_pton(AF_INET, address.c_str(), &in->sin_addr);
    length = sizeof(sockaddr_in);
  } else {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
    in6->sin6_family = AF_INET6;
    inet_pton(AF_INET6, address.c_str(), &in6->sin6_addr);
    length = sizeof(sockaddr_in6);
  }
  uint16_t port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&storage), length) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) == 0) {
    port =
        ntohs(storage.ss_family == AF_INET ? reinterpret_cast<sockaddr_in*>(&storage)->sin_port
                                           : reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port);
  }
  close(fd);
  if (port == 0) return Unavailable("cannot find a free port on " + address);
  return port;
}

// The origin people reach the server at: the configured public URL, or
// plain HTTP on the listening address (loopback only: see
// auth::SettingsForOrigin).
Result<std::string> PublicOrigin(Config& c) {
  if (!c.public_url.empty()) return c.public_url;
  if (c.port == 0) {
    LOKET_ASSIGN_OR_RETURN(c.port, FreePort(c.address));
  }
  std::string host = c.address.find(':') == std::string::npos ? c.address : "[" + c.address + "]";
  return "http://" + host + ":" + std::to_string(c.port);
}

Result<std::unique_ptr<notify::Mailer>> NewMailer(const Config& c) {
  if (!notify::IsPlausibleAddress(c.mail_from)) {
    return InvalidArgument("--mail-from " + c.mail_from + " is not an e-mail address");
  }
  notify::Sender from{c.mail_from, "Loket Buitenland"};
  if (c.smtp_url.empty()) {
    return std::unique_ptr<notify::Mailer>(
        std::make_unique<notify::DirectoryMailer>(c.data_dir / "mail", from));
  }
  notify::SmtpSettings smtp;
  smtp.url = c.smtp_url;
  smtp.username = c.smtp_username;
  smtp.password = c.smtp_password;
  smtp.from = from;
  return std::unique_ptr<notify::Mailer>(std::make_unique<notify::SmtpMailer>(smtp));
}

// Citizens' login: the configured OpenID provider, or with --demo the
// built-in Test-DigiD (which then also needs its routes).
struct Digid {
  std::unique_ptr<devidp::DevIdentityProvider> dev_provider;
  std::unique_ptr<oidc::Client> client;
};

Result<Digid> NewDigid(const Config& c, const std::string& origin, const http::Templates& templates,
                       const Clock& now) {
  Digid d;
  oidc::ProviderSettings rp;
  rp.redirect_uri = origin + site::paths::DigidReturn();
  rp.bsn_claim = c.oidc_bsn_claim;
  if (c.demo) {
    if (!c.oidc_issuer.empty()) {
      return InvalidArgument("--demo brings its own login provider; leave out --oidc-issuer");
    }
    devidp::DevProviderSettings dev;
    dev.issuer = origin + std::string(devidp::DevIdentityProvider::kPathPrefix);
    dev.client_id = "loket";
    dev.client_secret = RandomToken();
    dev.redirect_uris = {rp.redirect_uri};
    rp.issuer = dev.issuer;
    rp.client_id = dev.client_id;
    rp.client_secret = dev.client_secret;
    d.dev_provider = std::make_unique<devidp::DevIdentityProvider>(dev, templates, now);
  } else if (!c.oidc_issuer.empty()) {
    rp.issuer = c.oidc_issuer;
    rp.client_id = c.oidc_client_id;
    rp.client_secret = c.oidc_client_secret;
  } else {
    return d;  // no citizen login here; the login page says so
  }
  LOKET_RETURN_IF_ERROR(oidc::CheckSettings(rp));
  d.client = std::make_unique<oidc::Client>(rp, now);
  return d;
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

Status Serve(Config c) {
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
  auto knowledge_repository = knowledge::NewSqlKnowledgeRepository(*db);
  knowledge::KnowledgeBase knowledge(*knowledge_repository);
  LOKET_RETURN_IF_ERROR(knowledge.Refresh());
  if (knowledge.Current()->articles().empty()) LOKET_RETURN_IF_ERROR(LoadDocuments(c, knowledge));
  const Sources sources{catalogue, knowledge};
  const auto now = [] { return std::chrono::system_clock::now(); };
  auto audit_repository = audit::NewSqlAuditRepository(*db);
  audit::AuditLog audit_log(*audit_repository, now);
  auto session_repository = identity::NewSqlSessionRepository(*db);
  identity::SessionStore sessions(*session_repository, now);
  auto throttle_repository = identity::NewSqlThrottleRepository(*db);
  identity::LoginThrottle throttle(*throttle_repository, now);
  auto staff_repository = identity::NewSqlStaffRepository(*db);
  identity::StaffDirectory staff(*staff_repository, now);
  LOKET_ASSIGN_OR_RETURN(std::string origin, PublicOrigin(c));
  LOKET_ASSIGN_OR_RETURN(auth::WebSettings web, auth::SettingsForOrigin(origin));
  LOKET_ASSIGN_OR_RETURN(auto mailer, NewMailer(c));
  auto applicant_repository = identity::NewSqlApplicantRepository(*db);
  identity::ApplicantAccounts applicants(*applicant_repository, *mailer, {origin}, now);

  LOKET_ASSIGN_OR_RETURN(auto index, OpenIndex(c, catalogue));
  LOKET_ASSIGN_OR_RETURN(IndexedState indexed_at_start, Reindex(sources, *index));

  LOKET_ASSIGN_OR_RETURN(auto templates, http::Templates::Load(c.web_dir / "templates"));
  LOKET_ASSIGN_OR_RETURN(auto texts, site::UiTexts::Load(c.web_dir / "i18n"));
  LOKET_ASSIGN_OR_RETURN(auto statics, http::StaticFiles::Load(c.web_dir / "static"));
  if (!statics->Has("vendor/components.css")) {
    Log(LogLevel::kWarn, "vendor_css_missing",
        "run scripts/setup.sh to install the NL Design System styles");
  }
  LOKET_ASSIGN_OR_RETURN(std::string openapi, ReadFile(c.web_dir / "openapi.json"));

  site::Site site(*templates, std::move(texts));
  frontoffice::FrontOffice front(catalogue, knowledge, *index, site, now);
  auth::Guard guard(sessions, audit_log, site, web);
  auth::StaffAccess staff_access(guard, staff, throttle, audit_log, now);
  editorial::KnowledgeEditor knowledge_editor(guard, knowledge, now);
  LOKET_ASSIGN_OR_RETURN(Digid digid, NewDigid(c, origin, *templates, now));
  auth::PublicAccess public_access(guard, digid.client.get(), applicants, throttle, now);
  http::Metrics metrics;
  metrics.AddGauge("loket_search_documents", "Documents in the search index.",
                   [&] { return static_cast<double>(index->DocumentCount()); });
  metrics.AddGauge("loket_content_version", "Version of the loaded content.",
                   [&] { return static_cast<double>(catalogue.Current()->version()); });

  http::ServerOptions options;
  options.address = c.address;
  options.port = c.port;
  options.threads = c.threads;
  options.hsts = web.secure_cookies;
  options.trusted_proxies = c.trusted_proxies;
  http::Server server(options, &metrics);
  front.RegisterPages(server);
  front.RegisterApi(server, std::move(openapi));
  staff_access.Register(server);
  knowledge_editor.Register(server);
  public_access.Register(server);
  if (digid.dev_provider) digid.dev_provider->Register(server);
  auth::RegisterMeApi(server, guard);
  server.Route(http::Method::kGet, "/static/:path(.*)",
               [&](const http::Request& r) { return statics->Serve(r.Param("path")); });
  server.Route(http::Method::kGet, "/healthz", [&](const http::Request&) {
    // Ready means: the database answers and the index holds documents.
    Status s = catalogue.Refresh();
    if (s.ok()) s = knowledge.Refresh();
    bool ok = s.ok() && index->DocumentCount() > 0;
    return http::JsonResponse(ok ? 200 : 503,
                              ok ? R"({"status":"ok"})" : R"({"status":"unavailable"})");
  });
  server.Route(http::Method::kGet, "/metrics", [&](const http::Request&) {
    return http::TextResponse(200, "text/plain; version=0.0.4; charset=utf-8", metrics.Render());
  });
  server.SetFallback([&](const http::Request& r) { return front.NotFound(r); });
  LOKET_RETURN_IF_ERROR(server.Start());

  // Keeps the search index in step with content and knowledge changed by
  // other processes (`loket load-content`, `loket import-document`, other
  // nodes).
  std::atomic<bool> stopping{false};
  // It also ends expired sessions and applies the audit log's retention.
  std::thread sync([&] {
    IndexedState indexed = indexed_at_start;
    auto last_purge = std::chrono::steady_clock::time_point();
    while (!stopping) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      if (std::chrono::steady_clock::now() - last_purge > std::chrono::minutes(10)) {
        last_purge = std::chrono::steady_clock::now();
        auto purged = sessions.Purge();
        if (!purged.ok()) Log(LogLevel::kError, "session_purge_failed", purged.status().ToString());
        auto links = applicants.PurgeExpiredLinks();
        if (!links.ok()) Log(LogLevel::kError, "link_purge_failed", links.status().ToString());
        auto removed = audit_log.ApplyRetention(std::chrono::hours(24) * c.audit_retention_days);
        if (!removed.ok()) {
          Log(LogLevel::kError, "audit_retention_failed", removed.status().ToString());
        } else if (*removed > 0) {
          Log(LogLevel::kInfo, "audit_retention", std::to_string(*removed) + " events removed");
        }
      }
      if (sources.Current() == indexed) continue;
      auto state = Reindex(sources, *index);
      if (state.ok()) {
        indexed = *state;
      } else {
        Log(LogLevel::kError, "search_index_rebuild_failed", state.status().ToString());
      }
    }
  });

  std::printf("Loket Buitenland is running at %s/\n", origin.c_str());
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
  if (c.command == "staff") return RunStaffCommand(c, *db);
  auto repository = catalogue::NewSqlCatalogueRepository(*db);
  catalogue::Catalogue catalogue(*repository);
  if (c.command == "load-content") {
    LOKET_RETURN_IF_ERROR(LoadContent(c, catalogue));
    std::printf("content loaded\n");
    return {};
  }
  auto knowledge_repository = knowledge::NewSqlKnowledgeRepository(*db);
  knowledge::KnowledgeBase knowledge(*knowledge_repository);
  if (c.command == "import-document") return ImportDocuments(c, knowledge);
  if (c.command == "reindex") {
    LOKET_ASSIGN_OR_RETURN(auto index, OpenIndex(c, catalogue));
    LOKET_RETURN_IF_ERROR(Reindex(Sources{catalogue, knowledge}, *index).status());
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

// The public site and API, end to end against the real binary on the
// embedded default (SQLite, demo content).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/server_process.h"

namespace loket::testing {
namespace {

using nlohmann::json;

class SiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServerProcess({"--data-dir", dir_->path().string()});
    ASSERT_TRUE(server_->started()) << "server did not start";
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static json GetJson(const std::string& target, long expect_status = 200) {
    HttpResult r = server_->Get(target);
    EXPECT_EQ(r.status, expect_status) << target << ": " << r.body;
    return json::parse(r.body, nullptr, false);
  }

  // The ids of the first `n` services found for `q`.
  static std::vector<std::string> TopServices(const std::string& q, const std::string& lang,
                                              size_t n = 3) {
    std::string target = "/api/v1/search?type=service&limit=" + std::to_string(n) +
                         "&lang=" + lang + "&q=" + Encode(q);
    json j = GetJson(target);
    std::vector<std::string> ids;
    for (const auto& hit : j["results"]) ids.push_back(hit["id"]);
    return ids;
  }

  static std::string Encode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
      if (std::isalnum(c)) {
        out += static_cast<char>(c);
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
    return out;
  }

  static inline TempDir* dir_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
};

TEST_F(SiteTest, HealthzAnswersOnceReady) {
  HttpResult r = server_->Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok"})");
}

TEST_F(SiteTest, ServicesArePaginatedWithTotal) {
  json first = GetJson("/api/v1/services?page=1&pageSize=25");
  EXPECT_GE(first["total"].get<int>(), 60);
  EXPECT_EQ(first["results"].size(), 25u);
  EXPECT_EQ(first["pageSize"], 25);
  EXPECT_TRUE(first["_links"].contains("next"));
  EXPECT_FALSE(first["_links"].contains("prev"));
  json second = GetJson("/api/v1/services?page=2&pageSize=25");
  EXPECT_NE(first["results"][0]["id"], second["results"][0]["id"]);
  // Every service has Dutch and English texts.
  json all = GetJson("/api/v1/services?pageSize=100");
  for (const auto& s : all["results"]) {
    EXPECT_FALSE(s["title"]["nl"].get<std::string>().empty()) << s["id"];
    EXPECT_FALSE(s["title"]["en"].get<std::string>().empty()) << s["id"];
  }
  json filtered = GetJson("/api/v1/services?organisation=svb&pageSize=2");
  for (const auto& s : filtered["results"]) EXPECT_EQ(s["organisation"], "svb");
  EXPECT_NE(filtered["_links"]["self"]["href"].get<std::string>().find("organisation=svb"),
            std::string::npos);
}

TEST_F(SiteTest, BadParametersGiveProblemJsonAndNameTheParameter) {
  for (const std::string target : {"/api/v1/services?pageSize=0", "/api/v1/services?pageSize=1000",
                                   "/api/v1/services?page=abc", "/api/v1/search?q=x&lang=de",
                                   "/api/v1/search?q=x&type=car", "/api/v1/search?q=x&limit=-1"}) {
    HttpResult r = server_->Get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json") << target;
    json j = json::parse(r.body);
    EXPECT_EQ(j["status"], 400);
    EXPECT_FALSE(j["detail"].get<std::string>().empty());
  }
  HttpResult missing = server_->Get("/api/v1/services/does-not-exist");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers["content-type"], "application/problem+json");
}

TEST_F(SiteTest, SearchContractAndRanking) {
  json j = GetJson("/api/v1/search?q=paspoort&lang=nl&type=service&limit=5");
  ASSERT_TRUE(j.contains("total"));
  ASSERT_TRUE(j.contains("suggestion"));
  ASSERT_FALSE(j["results"].empty());
  for (const auto& hit : j["results"]) {
    for (const char* field : {"type", "id", "title", "url", "snippet"}) {
      EXPECT_TRUE(hit.contains(field)) << field;
    }
    EXPECT_EQ(hit["type"], "service");
  }
  double previous = 1e9;
  for (const auto& hit : j["results"]) {
    EXPECT_LE(hit["score"].get<double>(), previous);  // best first
    previous = hit["score"];
  }
  EXPECT_LE(j["results"].size(), 5u);
}

struct Expectation {
  const char* query;
  const char* lang;
  const char* service;
};

// Questions typed the way people type them: a typo, English on the Dutch
// site, everyday words. The right service must be in the top three.
TEST_F(SiteTest, PeopleFindTheRightServiceInTheTopThree) {
  const Expectation cases[] = {
      {"paspoort aanvragen", "nl", "paspoort-aanvragen-buitenland"},
      {"paspport aanvragen", "nl", "paspoort-aanvragen-buitenland"},
      {"pasport", "nl", "paspoort-aanvragen-buitenland"},
      {"renew passport", "en", "paspoort-aanvragen-buitenland"},
      {"passport", "nl", "paspoort-aanvragen-buitenland"},
      {"paspoort kwijt", "nl", "paspoort-kwijt-gestolen-buitenland"},
      {"passport stolen", "en", "paspoort-kwijt-gestolen-buitenland"},
      {"noodpaspoort", "nl", "noodpaspoort"},
      {"emergency passport", "en", "noodpaspoort"},
      {"visum nederland", "nl", "schengenvisum"},
      {"schengen visa", "en", "schengenvisum"},
      {"visa curacao", "en", "caribisch-visum"},
      {"digid buitenland", "nl", "digid-aanvragen-buitenland"},
      {"digid activeren videobellen", "nl", "digid-activeren-videobellen"},
      {"aow buitenland", "nl", "aow-buitenland"},
      {"pensioen buitenland", "nl", "aow-buitenland"},
      {"state pension abroad", "en", "aow-buitenland"},
      {"rijbewijs verlengen", "nl", "rijbewijs-verlengen-buitenland"},
      {"rijbewjis verlengen", "nl", "rijbewijs-verlengen-buitenland"},
      {"driving licence renew", "en", "rijbewijs-verlengen-buitenland"},
      {"stemmen vanuit buitenland", "nl", "stemmen-buitenland-registreren"},
      {"vote from abroad", "en", "stemmen-buitenland-registreren"},
      {"belasting emigreren", "nl", "belasting-emigreren"},
      {"studiefinanciering buitenland", "nl", "studiefinanciering-buitenland"},
      {"student finance abroad", "en", "studiefinanciering-buitenland"},
      {"legaliseren", "nl", "legalisatie-buitenlandse-documenten"},
      {"nederlanderschap behouden", "nl", "verklaring-behoud-nederlanderschap"},
      {"keep dutch nationality", "en", "verklaring-behoud-nederlanderschap"},
      {"geboorte registreren", "nl", "geboorte-buitenland-registreren"},
      {"overleden in het buitenland", "nl", "overlijden-buitenland"},
      {"gearresteerd", "nl", "arrestatie-detentie-buitenland"},
      {"arrested abroad", "en", "arrestatie-detentie-buitenland"},
      {"vermist", "nl", "vermissing-buitenland"},
      {"reisadvies", "nl", "reisadvies"},
      {"travel advice", "en", "reisadvies"},
      {"rni inschrijving", "nl", "rni-inschrijving"},
      {"bsn aanvragen", "nl", "rni-inschrijving"},
      {"kinderbijslag buitenland", "nl", "kinderbijslag-buitenland"},
      {"ww uitkering buitenland", "nl", "ww-uitkering-buitenland"},
  };
  int failures = 0;
  for (const auto& c : cases) {
    auto top = TopServices(c.query, c.lang);
    bool found = std::find(top.begin(), top.end(), c.service) != top.end();
    if (!found) ++failures;
    EXPECT_TRUE(found) << "\"" << c.query << "\" (" << c.lang << ") should find " << c.service
                       << "; top 3: " << (top.size() > 0 ? top[0] : "") << ", "
                       << (top.size() > 1 ? top[1] : "") << ", " << (top.size() > 2 ? top[2] : "");
  }
}

TEST_F(SiteTest, MisspeltQueryGetsASuggestion) {
  json j = GetJson("/api/v1/search?q=rijbewjis&lang=nl&limit=3");
  ASSERT_TRUE(j["suggestion"].is_string());
  EXPECT_EQ(j["suggestion"], "rijbewijs");
  HttpResult page = server_->Get("/zoeken?q=rijbewjis");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("rijbewijs"), std::string::npos);
}

TEST_F(SiteTest, PagesRenderInDutchAndEnglish) {
  struct Page {
    std::string path;
    std::string lang;
    std::string expect;
  };
  const Page pages[] = {
      {"/", "nl", "Waar kunnen we u mee helpen?"},
      {"/en", "en", "How can we help you?"},
      {"/zoeken?q=paspoort", "nl", "Paspoort aanvragen in het buitenland"},
      {"/en/search?q=passport", "en", "Applying for a passport abroad"},
      {"/diensten", "nl", "Alle diensten"},
      {"/diensten/paspoort-aanvragen-buitenland", "nl", "Wat heeft u nodig"},
      {"/en/services/paspoort-aanvragen-buitenland", "en", "What you need"},
      {"/levensgebeurtenissen/emigreren", "nl", "Wat moet u regelen?"},
      {"/en/life-events/emigreren", "en", "What do you need to arrange?"},
      {"/landen", "nl", "Landen en ambassades"},
      {"/landen/us", "nl", "Ambassade in Washington"},
      {"/en/countries/us", "en", "Embassy in Washington"},
      {"/posten/ambassade-washington", "nl", "Openingstijden"},
      {"/en/posts/ambassade-washington", "en", "Opening hours"},
  };
  for (const auto& p : pages) {
    HttpResult r = server_->Get(p.path);
    EXPECT_EQ(r.status, 200) << p.path;
    EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8") << p.path;
    EXPECT_NE(r.body.find("<html lang=\"" + p.lang + "\">"), std::string::npos) << p.path;
    EXPECT_NE(r.body.find(p.expect), std::string::npos) << p.path << " lacks " << p.expect;
  }
}

TEST_F(SiteTest, LanguageSwitchLeadsToTheSamePage) {
  HttpResult nl = server_->Get("/diensten/noodpaspoort");
  EXPECT_NE(nl.body.find("href=\"/en/services/noodpaspoort\""), std::string::npos);
  HttpResult en = server_->Get("/en/services/noodpaspoort");
  EXPECT_NE(en.body.find("href=\"/diensten/noodpaspoort\""), std::string::npos);
  HttpResult search = server_->Get("/zoeken?q=visum");
  EXPECT_NE(search.body.find("href=\"/en/search?q=visum\""), std::string::npos);
}

TEST_F(SiteTest, ServicePageListsPostsInTheChosenCountry) {
  HttpResult r = server_->Get("/diensten/paspoort-aanvragen-buitenland?land=DE");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Ambassade in Berlijn"), std::string::npos);
  EXPECT_EQ(r.body.find("Ambassade in Washington"), std::string::npos);
}

TEST_F(SiteTest, UnknownThingsAre404PagesNotErrors) {
  for (const std::string path : {"/diensten/bestaat-niet", "/landen/zz", "/posten/nergens",
                                 "/levensgebeurtenissen/niets", "/nope", "/en/nope"}) {
    HttpResult r = server_->Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_NE(r.body.find("<!DOCTYPE html>"), std::string::npos) << path;
  }
  EXPECT_NE(server_->Get("/en/nope").body.find("Page not found"), std::string::npos);
  EXPECT_NE(server_->Get("/nope").body.find("Pagina niet gevonden"), std::string::npos);
}

TEST_F(SiteTest, UserInputIsEscaped) {
  HttpResult r = server_->Get("/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(SiteTest, SecurityHeadersOnEveryKindOfResponse) {
  for (const std::string path : {"/", "/api/v1/services", "/nope", "/api/v1/nope",
                                 "/static/css/site.css", "/healthz", "/api/v1/search?lang=xx"}) {
    HttpResult r = server_->Get(path);
    EXPECT_NE(r.headers["content-security-policy"].find("frame-ancestors 'none'"),
              std::string::npos)
        << path;
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << path;
    EXPECT_FALSE(r.headers["referrer-policy"].empty()) << path;
  }
}

TEST_F(SiteTest, TheDevelopmentLoginProviderDoesNotExistWithoutDemo) {
  for (const std::string path :
       {"/dev-idp/.well-known/openid-configuration", "/dev-idp/jwks", "/dev-idp/authorize",
        "/dev-idp/authorize?client_id=loket&response_type=code"}) {
    EXPECT_EQ(server_->Get(path).status, 404) << path;
  }
  // Without a configured provider, DigiD login says it is not available.
  HttpResult choice = server_->Get("/inloggen");
  EXPECT_EQ(choice.status, 200);
  EXPECT_NE(choice.body.find("niet ingesteld"), std::string::npos);
  // A page without forms starts no session.
  EXPECT_EQ(choice.headers.count("set-cookie"), 0u);
  EXPECT_EQ(server_->Get("/inloggen/digid").status, 404);
}

TEST_F(SiteTest, MeAnswers401ProblemWithoutASession) {
  HttpResult r = server_->Get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  json j = json::parse(r.body, nullptr, false);
  EXPECT_EQ(j.value("status", 0), 401);
  // A made-up cookie is no session either.
  r = server_->Get("/api/v1/me", {"Cookie: loket-session=" + std::string(43, 'A')});
  EXPECT_EQ(r.status, 401);
}

TEST_F(SiteTest, PagesBehindALoginSendVisitorsToTheLoginPage) {
  HttpResult r = server_->Get("/mijn-loket");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["location"], "/inloggen?next=%2Fmijn-loket");
  r = server_->Get("/medewerkers/auditlog");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["location"].rfind("/medewerkers/inloggen?next=", 0), 0u);
}

TEST_F(SiteTest, OpenApiDocumentDescribesTheApi) {
  json doc = GetJson("/api/v1/openapi.json");
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_TRUE(doc["paths"].contains("/services"));
  EXPECT_TRUE(doc["paths"].contains("/search"));
  EXPECT_TRUE(doc["paths"].contains("/knowledge/{id}"));
}

TEST_F(SiteTest, MetricsInPrometheusFormat) {
  server_->Get("/");
  HttpResult r = server_->Get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("# TYPE loket_http_requests_total counter"), std::string::npos);
  EXPECT_NE(r.body.find("loket_http_requests_total{route=\"/\",method=\"GET\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(r.body.find("loket_search_documents "), std::string::npos);
}

TEST_F(SiteTest, OversizedRequestsAreRefused) {
  HttpResult r = server_->Get("/zoeken?q=" + std::string(20000, 'a'));
  EXPECT_NE(r.status, 200);
}

}  // namespace
}  // namespace loket::testing

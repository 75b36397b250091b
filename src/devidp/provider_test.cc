// Test-DigiD on a real HTTP server (port 0), driven by the real relying
// party (oidc::Client) for the back-channel and by libcurl, acting as the
// browser, for the front-channel: redirects are not followed, so that each
// Location can be checked.
#include "devidp/provider.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <set>

#include "core/secrets.h"
#include "core/strings.h"
#include "oidc/client.h"
#include "oidc/encoding.h"

namespace loket::devidp {
namespace {

using nlohmann::json;

constexpr char kClientId[] = "loket-demo";
constexpr char kSecret[] = "demo secret: not for production";
constexpr char kCallbackPath[] = "/inloggen/terug";

struct Fetched {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t AppendHeader(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    (*static_cast<std::map<std::string, std::string>*>(out))[AsciiLower(line.substr(0, colon))] =
        value;
  }
  return size * n;
}

// One request as a browser (or a client) makes it; never follows redirects.
Fetched Fetch(const std::string& url, const std::string* form_body = nullptr,
              const std::vector<std::string>& headers = {}) {
  Fetched f;
  CURL* curl = curl_easy_init();
  curl_slist* list = nullptr;
  for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
  if (form_body) {
    list = curl_slist_append(list, "Content-Type: application/x-www-form-urlencoded");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form_body->c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &f.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &f.headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  CURLcode rc = curl_easy_perform(curl);
  EXPECT_EQ(rc, CURLE_OK) << curl_easy_strerror(rc);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &f.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return f;
}

std::string HtmlUnescape(std::string s) {
  for (const auto& [entity, text] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (size_t pos = s.find(entity); pos != std::string::npos; pos = s.find(entity, pos + 1)) {
      s.replace(pos, entity.size(), text);
    }
  }
  return s;
}

// The hidden fields of the page's form, as a browser would submit them.
oidc::FormFields HiddenFields(const std::string& html) {
  oidc::FormFields fields;
  static const std::regex kHidden(R"re(<input type="hidden" name="([^"]+)" value="([^"]*)">)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kHidden);
       it != std::sregex_iterator(); ++it) {
    fields.emplace_back(HtmlUnescape((*it)[1]), HtmlUnescape((*it)[2]));
  }
  return fields;
}

std::map<std::string, std::string> QueryOf(const std::string& url) {
  size_t q = url.find('?');
  if (q == std::string::npos) return {};
  return oidc::ParseForm(url.substr(q + 1)).value_or(std::map<std::string, std::string>{});
}

bool PassesElevenTest(const std::string& bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (bsn[i] - '0') * (9 - i);
  sum -= bsn[8] - '0';
  return sum % 11 == 0;
}

class DevIdpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = http::Templates::Load(std::string(LOKET_SOURCE_DIR) + "/web/templates");
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    templates_ = std::move(loaded).value().release();
  }

  DevIdpTest()
      : seconds_(std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()),
        server_(Options(), nullptr),
        provider_(Settings(), *templates_, [this] { return Now(); }) {
    provider_.Register(server_);
    EXPECT_TRUE(server_.Start().ok());
    base_ = "http://127.0.0.1:" + std::to_string(server_.port());
    provider_.SetIssuer(base_ + "/dev-idp");
  }

  static http::ServerOptions Options() {
    http::ServerOptions o;
    o.port = 0;
    o.threads = 2;
    return o;
  }

  static DevProviderSettings Settings() {
    DevProviderSettings s;
    s.client_id = kClientId;
    s.client_secret = kSecret;
    s.redirect_uris = {kCallbackPath, "https://loket.example/inloggen/terug"};
    return s;
  }

  std::chrono::system_clock::time_point Now() const {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds_.load()));
  }

  std::string Issuer() const { return base_ + "/dev-idp"; }
  std::string Callback() const { return base_ + kCallbackPath; }

  oidc::ProviderSettings ClientSettings(std::string secret = kSecret) const {
    oidc::ProviderSettings s;
    s.issuer = Issuer();
    s.client_id = kClientId;
    s.client_secret = std::move(secret);
    s.redirect_uri = Callback();
    s.scopes = "openid profile";
    return s;
  }

  std::unique_ptr<oidc::Client> NewClient(std::string secret = kSecret) {
    return std::make_unique<oidc::Client>(ClientSettings(std::move(secret)),
                                          [this] { return Now(); });
  }

  // The browser's part: shows the page, submits the form as `person` (or
  // with the cancel button) and returns the Location it is sent to.
  std::string ChooseInBrowser(const oidc::PendingLogin& pending, const std::string& person) {
    Fetched page = Fetch(pending.authorize_url);
    EXPECT_EQ(page.status, 200) << page.body;
    oidc::FormFields form = HiddenFields(page.body);
    if (person == "cancel") {
      form.emplace_back("cancel", "1");
    } else {
      form.emplace_back("person", person);
    }
    std::string body = oidc::FormEncode(form);
    Fetched decision = Fetch(base_ + "/dev-idp/authorize", &body, {"Origin: " + base_});
    EXPECT_EQ(decision.status, 303) << decision.body;
    return decision.Header("location");
  }

  // A login up to the redirect back: the pending login and the code.
  std::pair<oidc::PendingLogin, std::string> LoginUntilCallback(oidc::Client& client,
                                                                const std::string& person) {
    auto pending = client.Begin("nl");
    EXPECT_TRUE(pending.ok()) << pending.status().ToString();
    std::string location = ChooseInBrowser(*pending, person);
    auto query = QueryOf(location);
    EXPECT_EQ(query["state"], pending->state);
    return {*pending, query["code"]};
  }

  // The token endpoint called by hand, with client_secret_basic unless the
  // form carries the secret.
  Fetched RedeemByHand(const std::string& code, const std::string& verifier,
                       const std::string& secret = kSecret, std::string redirect_uri = "") {
    if (redirect_uri.empty()) redirect_uri = Callback();
    std::string body = oidc::FormEncode({{"grant_type", "authorization_code"},
                                         {"code", code},
                                         {"redirect_uri", redirect_uri},
                                         {"code_verifier", verifier}});
    return Fetch(base_ + "/dev-idp/token", &body,
                 {"Authorization: " + oidc::BasicAuthorization(kClientId, secret)});
  }

  // An authorization request with the parameters a good client sends,
  // changed as a test wants.
  std::string AuthorizeUrl(const std::map<std::string, std::string>& changes) {
    std::map<std::string, std::string> params = {
        {"client_id", kClientId},
        {"redirect_uri", Callback()},
        {"response_type", "code"},
        {"scope", "openid"},
        {"state", "state-1"},
        {"nonce", "nonce-1"},
        {"code_challenge", oidc::PkceChallenge(RandomToken())},
        {"code_challenge_method", "S256"}};
    for (const auto& [name, value] : changes) {
      if (value == "<absent>") {
        params.erase(name);
      } else {
        params[name] = value;
      }
    }
    return base_ + "/dev-idp/authorize?" +
           oidc::FormEncode(oidc::FormFields(params.begin(), params.end()));
  }

  static http::Templates* templates_;
  std::atomic<int64_t> seconds_;
  http::Server server_;
  DevIdentityProvider provider_;
  std::string base_;
};

http::Templates* DevIdpTest::templates_ = nullptr;

TEST(TestPersonsTest, AreFictitiousAndDistinct) {
  std::set<std::string> subjects;
  ASSERT_GE(TestPersons().size(), 3u);
  for (const TestPerson& p : TestPersons()) {
    EXPECT_TRUE(PassesElevenTest(p.bsn)) << p.bsn;
    EXPECT_EQ(p.bsn.rfind("99999", 0), 0u) << "not in the test range: " << p.bsn;
    EXPECT_EQ(p.subject.find(p.bsn), std::string::npos);
    subjects.insert(p.subject);
  }
  EXPECT_EQ(subjects.size(), TestPersons().size());
}

TEST_F(DevIdpTest, PublishesDiscoveryAndKeys) {
  Fetched discovery = Fetch(Issuer() + "/.well-known/openid-configuration");
  ASSERT_EQ(discovery.status, 200) << discovery.body;
  json doc = json::parse(discovery.body);
  EXPECT_EQ(doc["issuer"], Issuer());
  EXPECT_EQ(doc["authorization_endpoint"], Issuer() + "/authorize");
  EXPECT_EQ(doc["token_endpoint"], Issuer() + "/token");
  EXPECT_EQ(doc["jwks_uri"], Issuer() + "/jwks");
  EXPECT_EQ(doc["response_types_supported"], json({"code"}));
  EXPECT_EQ(doc["id_token_signing_alg_values_supported"], json({"RS256"}));
  EXPECT_EQ(doc["code_challenge_methods_supported"], json({"S256"}));
  EXPECT_EQ(doc["token_endpoint_auth_methods_supported"],
            json({"client_secret_basic", "client_secret_post"}));
  EXPECT_TRUE(doc.contains("subject_types_supported"));
  EXPECT_TRUE(doc.contains("scopes_supported"));
  EXPECT_TRUE(doc.contains("claims_supported"));

  Fetched keys = Fetch(Issuer() + "/jwks");
  ASSERT_EQ(keys.status, 200);
  auto jwks = oidc::Jwks::Parse(keys.body);
  ASSERT_TRUE(jwks.ok()) << jwks.status().ToString();
  ASSERT_EQ(jwks->keys().size(), 1u);
  EXPECT_EQ(jwks->keys()[0].alg, "RS256");
}

TEST_F(DevIdpTest, ACompleteLoginGivesThePersonsBsnAndName) {
  auto client = NewClient();
  auto pending = client->Begin("nl");
  ASSERT_TRUE(pending.ok()) << pending.status().ToString();

  Fetched page = Fetch(pending->authorize_url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(page.body.find("Test-DigiD — geen echte DigiD"), std::string::npos);
  EXPECT_NE(page.body.find("utrecht-alert--warning"), std::string::npos);
  for (const TestPerson& p : TestPersons()) {
    EXPECT_NE(page.body.find(p.name()), std::string::npos) << p.name();
    EXPECT_NE(page.body.find(p.bsn), std::string::npos) << p.bsn;
  }
  EXPECT_EQ(page.body.find("<script"), std::string::npos);
  EXPECT_EQ(page.body.find("style="), std::string::npos);
  EXPECT_EQ(page.Header("cache-control"), "no-store");

  std::string location = ChooseInBrowser(*pending, "sanne");
  ASSERT_EQ(location.rfind(Callback() + "?code=", 0), 0u) << location;
  auto query = QueryOf(location);
  EXPECT_EQ(query["state"], pending->state);

  auto citizen = client->Complete(query["code"], query["state"], *pending);
  ASSERT_TRUE(citizen.ok()) << citizen.status().ToString();
  EXPECT_EQ(citizen->bsn, "999993653");
  EXPECT_EQ(citizen->name, "Sanne Jansen");
  EXPECT_EQ(citizen->issuer, Issuer());
  EXPECT_EQ(citizen->subject, TestPersons()[2].subject);
  EXPECT_EQ(citizen->claims["acr"], "urn:test-digid");
  EXPECT_EQ(citizen->claims["aud"], kClientId);
  EXPECT_EQ(citizen->claims["exp"].get<int64_t>() - citizen->claims["iat"].get<int64_t>(), 300);
  EXPECT_TRUE(citizen->claims.contains("auth_time"));
}

TEST_F(DevIdpTest, ThePageIsInEnglishOnRequest) {
  auto client = NewClient();
  auto pending = client->Begin("en");
  ASSERT_TRUE(pending.ok());
  Fetched page = Fetch(pending->authorize_url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(page.body.find("Test-DigiD — not the real DigiD"), std::string::npos);
  EXPECT_NE(page.body.find("Log in as Anna de Boer"), std::string::npos);
  // The language switch keeps the request and asks for Dutch.
  std::smatch link;
  ASSERT_TRUE(
      std::regex_search(page.body, link, std::regex(R"re(href="([^"]+)" hreflang="nl")re")));
  std::string dutch_url = base_ + HtmlUnescape(link[1]);
  EXPECT_EQ(QueryOf(dutch_url)["ui_locales"], "nl");
  EXPECT_EQ(QueryOf(dutch_url)["state"], pending->state);
  Fetched dutch = Fetch(dutch_url);
  EXPECT_NE(dutch.body.find("<html lang=\"nl\">"), std::string::npos);
  // The hidden fields carry the language to the decision and its errors.
  bool has_locale = false;
  for (const auto& [name, value] : HiddenFields(page.body)) {
    if (name == "ui_locales") has_locale = value == "en";
  }
  EXPECT_TRUE(has_locale);
}

TEST_F(DevIdpTest, ACodeWorksOnce) {
  auto client = NewClient();
  auto [pending, code] = LoginUntilCallback(*client, "anna");
  ASSERT_TRUE(client->Complete(code, pending.state, pending).ok());
  Status again = client->Complete(code, pending.state, pending).status();
  EXPECT_EQ(again.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(again.message().find("invalid_grant"), std::string::npos) << again.message();

  auto [second, code2] = LoginUntilCallback(*client, "anna");
  Fetched first_use = RedeemByHand(code2, second.code_verifier);
  EXPECT_EQ(first_use.status, 200) << first_use.body;
  EXPECT_EQ(first_use.Header("cache-control"), "no-store");
  json tokens = json::parse(first_use.body);
  EXPECT_EQ(tokens["token_type"], "Bearer");
  EXPECT_EQ(tokens["expires_in"], 300);
  EXPECT_TRUE(tokens["access_token"].is_string());
  Fetched second_use = RedeemByHand(code2, second.code_verifier);
  EXPECT_EQ(second_use.status, 400);
  EXPECT_EQ(json::parse(second_use.body)["error"], "invalid_grant");
  EXPECT_EQ(second_use.Header("cache-control"), "no-store");
}

TEST_F(DevIdpTest, AWrongPkceVerifierFailsAndSpendsTheCode) {
  auto client = NewClient();
  auto [pending, code] = LoginUntilCallback(*client, "mohamed");
  oidc::PendingLogin forged = pending;
  forged.code_verifier = RandomToken();
  Status st = client->Complete(code, pending.state, forged).status();
  EXPECT_EQ(st.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(st.message().find("invalid_grant"), std::string::npos) << st.message();
  // The right verifier comes too late: the code is gone.
  EXPECT_EQ(client->Complete(code, pending.state, pending).status().code(),
            StatusCode::kUnauthenticated);

  auto [other, code2] = LoginUntilCallback(*client, "mohamed");
  Fetched malformed = RedeemByHand(code2, "short");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(json::parse(malformed.body)["error"], "invalid_grant");
}

TEST_F(DevIdpTest, AWrongClientSecretIsRefused) {
  auto good = NewClient();
  auto bad = NewClient("wrong secret");
  auto [pending, code] = LoginUntilCallback(*good, "pieter");
  Status st = bad->Complete(code, pending.state, pending).status();
  EXPECT_EQ(st.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(st.message().find("invalid_client"), std::string::npos) << st.message();

  auto [p2, code2] = LoginUntilCallback(*good, "pieter");
  Fetched refused = RedeemByHand(code2, p2.code_verifier, "wrong secret");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(json::parse(refused.body)["error"], "invalid_client");
  EXPECT_NE(refused.Header("www-authenticate").find("Basic"), std::string::npos);
  // The code survives a request from someone who is not the client.
  EXPECT_EQ(RedeemByHand(code2, p2.code_verifier).status, 200);

  // client_secret_post works too, but not both methods at once.
  auto [p3, code3] = LoginUntilCallback(*good, "pieter");
  oidc::FormFields form = {
      {"grant_type", "authorization_code"}, {"code", code3},          {"redirect_uri", Callback()},
      {"code_verifier", p3.code_verifier},  {"client_id", kClientId}, {"client_secret", kSecret}};
  std::string body = oidc::FormEncode(form);
  Fetched both = Fetch(base_ + "/dev-idp/token", &body,
                       {"Authorization: " + oidc::BasicAuthorization(kClientId, kSecret)});
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(json::parse(both.body)["error"], "invalid_request");
  Fetched post = Fetch(base_ + "/dev-idp/token", &body);
  EXPECT_EQ(post.status, 200) << post.body;
}

TEST_F(DevIdpTest, TheTokenEndpointChecksRedirectUriAndGrantType) {
  auto client = NewClient();
  auto [pending, code] = LoginUntilCallback(*client, "anna");
  Fetched other_uri =
      RedeemByHand(code, pending.code_verifier, kSecret, "https://loket.example/inloggen/terug");
  EXPECT_EQ(other_uri.status, 400);
  EXPECT_EQ(json::parse(other_uri.body)["error"], "invalid_grant");

  std::string body = oidc::FormEncode({{"grant_type", "password"}, {"username", "x"}});
  Fetched password = Fetch(base_ + "/dev-idp/token", &body,
                           {"Authorization: " + oidc::BasicAuthorization(kClientId, kSecret)});
  EXPECT_EQ(password.status, 400);
  EXPECT_EQ(json::parse(password.body)["error"], "unsupported_grant_type");
}

TEST_F(DevIdpTest, AnExpiredCodeIsRefused) {
  auto client = NewClient();
  auto [pending, code] = LoginUntilCallback(*client, "anna");
  seconds_ += 61;
  Status st = client->Complete(code, pending.state, pending).status();
  EXPECT_EQ(st.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(st.message().find("invalid_grant"), std::string::npos) << st.message();
}

TEST_F(DevIdpTest, AnUnknownRedirectUriGetsAnErrorPageNotARedirect) {
  for (const std::string& uri :
       {std::string("https://evil.example/inloggen/terug"), Callback() + "/extra",
        Callback() + "?x=1", std::string(kCallbackPath), std::string("<absent>")}) {
    Fetched page = Fetch(AuthorizeUrl({{"redirect_uri", uri}}));
    EXPECT_EQ(page.status, 400) << uri;
    EXPECT_EQ(page.Header("location"), "") << uri;
    EXPECT_NE(page.body.find("Inloggen met Test-DigiD lukt niet"), std::string::npos);
  }
  // The absolute one in the settings is fine.
  Fetched ok = Fetch(AuthorizeUrl({{"redirect_uri", "https://loket.example/inloggen/terug"}}));
  EXPECT_EQ(ok.status, 200);

  Fetched unknown_client = Fetch(AuthorizeUrl({{"client_id", "someone"}}));
  EXPECT_EQ(unknown_client.status, 400);
  EXPECT_EQ(unknown_client.Header("location"), "");

  // Nor when the form is posted.
  auto fields = QueryOf(AuthorizeUrl({{"redirect_uri", "https://evil.example/cb"}}));
  fields["person"] = "anna";
  std::string body = oidc::FormEncode(oidc::FormFields(fields.begin(), fields.end()));
  Fetched posted = Fetch(base_ + "/dev-idp/authorize", &body, {"Origin: " + base_});
  EXPECT_EQ(posted.status, 400);
  EXPECT_EQ(posted.Header("location"), "");

  // A parameter given twice makes the request ambiguous.
  Fetched twice = Fetch(AuthorizeUrl({}) + "&redirect_uri=https%3A%2F%2Fevil.example%2F");
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(twice.Header("location"), "");
}

TEST_F(DevIdpTest, OtherRequestErrorsGoBackToTheClient) {
  struct Case {
    std::map<std::string, std::string> changes;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {{{"response_type", "token"}}, "unsupported_response_type"},
           {{{"scope", "profile"}}, "invalid_scope"},
           {{{"code_challenge", "<absent>"}}, "invalid_request"},
           {{{"code_challenge_method", "plain"}}, "invalid_request"},
           {{{"code_challenge_method", "<absent>"}}, "invalid_request"},
           {{{"nonce", "<absent>"}}, "invalid_request"},
       }) {
    Fetched answer = Fetch(AuthorizeUrl(c.changes));
    EXPECT_EQ(answer.status, 303) << c.error;
    std::string location = answer.Header("location");
    EXPECT_EQ(location.rfind(Callback() + "?", 0), 0u) << location;
    EXPECT_EQ(QueryOf(location)["error"], c.error) << location;
    EXPECT_EQ(QueryOf(location)["state"], "state-1") << location;
  }
}

TEST_F(DevIdpTest, AWrongStateIsRefusedAndTheCodeIsNotSpent) {
  auto client = NewClient();
  auto [pending, code] = LoginUntilCallback(*client, "sanne");
  auto other = client->Begin("nl");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(client->Complete(code, other->state, pending).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(client->Complete(code, "", pending).status().code(), StatusCode::kUnauthenticated);
  // Nothing reached the token endpoint, so the right callback still works.
  EXPECT_TRUE(client->Complete(code, pending.state, pending).ok());
}

TEST_F(DevIdpTest, CancelReturnsAccessDenied) {
  auto client = NewClient();
  auto pending = client->Begin("nl");
  ASSERT_TRUE(pending.ok());
  std::string location = ChooseInBrowser(*pending, "cancel");
  ASSERT_EQ(location.rfind(Callback() + "?", 0), 0u) << location;
  auto query = QueryOf(location);
  EXPECT_EQ(query["error"], "access_denied");
  EXPECT_EQ(query["state"], pending->state);
  EXPECT_EQ(query.count("code"), 0u);
}

TEST_F(DevIdpTest, TheFormOnlyWorksFromTheProvidersOwnOrigin) {
  auto client = NewClient();
  auto pending = client->Begin("nl");
  ASSERT_TRUE(pending.ok());
  Fetched page = Fetch(pending->authorize_url);
  oidc::FormFields form = HiddenFields(page.body);
  form.emplace_back("person", "anna");
  std::string body = oidc::FormEncode(form);
  for (const std::string& origin :
       {std::string("https://evil.example"), std::string("null"), base_ + ".evil.example"}) {
    Fetched foreign = Fetch(base_ + "/dev-idp/authorize", &body, {"Origin: " + origin});
    EXPECT_EQ(foreign.status, 403) << origin;
    EXPECT_EQ(foreign.Header("location"), "");
  }
  // Without Origin (older clients) the form is accepted.
  Fetched plain = Fetch(base_ + "/dev-idp/authorize", &body);
  EXPECT_EQ(plain.status, 303);

  form.back().second = "nobody";
  body = oidc::FormEncode(form);
  Fetched unknown = Fetch(base_ + "/dev-idp/authorize", &body, {"Origin: " + base_});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.Header("location"), "");
}

}  // namespace
}  // namespace loket::devidp

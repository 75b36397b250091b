// The relying party against a scripted provider on a real HTTP server
// (port 0), so that discovery, caching, key rotation and every way a
// provider can fail are exercised over the network code that production
// uses. devidp_test drives the same client against the development
// provider.
#include "oidc/client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "http/server.h"
#include "oidc/encoding.h"
#include "oidc/internal/http_fetch.h"

namespace loket::oidc {
namespace {

using nlohmann::json;

constexpr char kClientId[] = "loket";
constexpr char kSecret[] = "s3cret:with/odd chars";
constexpr char kRedirect[] = "http://127.0.0.1:9/inloggen/terug";

std::chrono::system_clock::time_point Now() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
}

// A provider whose every answer a test can change.
class ScriptedProvider {
 public:
  ScriptedProvider() : server_(Options(), nullptr) {
    server_.Route(http::Method::kGet, "/idp/.well-known/openid-configuration",
                  [this](const http::Request&) {
                    ++discovery_hits;
                    std::lock_guard lock(mutex_);
                    if (discovery_delay.count() > 0) std::this_thread::sleep_for(discovery_delay);
                    if (discovery_body) return http::JsonResponse(200, *discovery_body);
                    json doc = {{"issuer", issuer},
                                {"authorization_endpoint", issuer + "/authorize?tenant=t1"},
                                {"token_endpoint", issuer + "/token"},
                                {"jwks_uri", issuer + "/jwks"}};
                    doc.update(discovery_patch);
                    return http::JsonResponse(200, doc.dump());
                  });
    server_.Route(http::Method::kGet, "/idp/jwks", [this](const http::Request&) {
      ++jwks_hits;
      std::lock_guard lock(mutex_);
      json keys = json::array();
      for (const SigningKey& k : published) keys.push_back(k.PublicJwk());
      return http::JsonResponse(200, json{{"keys", keys}}.dump());
    });
    server_.Route(http::Method::kPost, "/idp/token", [this](const http::Request& r) {
      ++token_hits;
      std::lock_guard lock(mutex_);
      last_token_request = r;
      if (token_response) return *token_response;
      json claims = {{"iss", issuer},          {"sub", "sub-1"},       {"aud", kClientId},
                     {"exp", 1'700'000'300},   {"iat", 1'700'000'000}, {"nonce", nonce},
                     {"name", "Anna de Boer"}, {"bsn", "999990019"}};
      for (const auto& [name, value] : claims_patch.items()) {
        if (value.is_null()) {
          claims.erase(name);  // null in a patch removes the claim
        } else {
          claims[name] = value;
        }
      }
      auto token = signer->Sign(claims);
      return http::JsonResponse(
          200, json{{"access_token", "at"}, {"token_type", "Bearer"}, {"id_token", *token}}.dump());
    });
    EXPECT_TRUE(server_.Start().ok());
    issuer = "http://127.0.0.1:" + std::to_string(server_.port()) + "/idp";
  }

  ProviderSettings Settings() const {
    ProviderSettings s;
    s.issuer = issuer;
    s.client_id = kClientId;
    s.client_secret = kSecret;
    s.redirect_uri = kRedirect;
    s.scopes = "openid profile";
    return s;
  }

  std::mutex& mutex() { return mutex_; }

  // Set before requests arrive or under mutex().
  std::string issuer;
  std::optional<std::string> discovery_body;
  json discovery_patch = json::object();
  std::chrono::milliseconds discovery_delay{0};
  std::vector<SigningKey> published;
  const SigningKey* signer = nullptr;
  std::string nonce;
  json claims_patch = json::object();
  std::optional<http::Response> token_response;
  http::Request last_token_request;
  std::atomic<int> discovery_hits{0};
  std::atomic<int> jwks_hits{0};
  std::atomic<int> token_hits{0};

 private:
  static http::ServerOptions Options() {
    http::ServerOptions o;
    o.port = 0;
    o.threads = 2;
    return o;
  }

  std::mutex mutex_;
  http::Server server_;
};

struct Keys {
  SigningKey first = SigningKey::Generate("key-1").value();
  SigningKey second = SigningKey::Generate("key-2").value();
};
const Keys& K() {
  static const Keys* keys = new Keys();
  return *keys;
}

std::map<std::string, std::string> QueryOf(const std::string& url) {
  return ParseForm(url.substr(url.find('?') + 1)).value();
}

class ClientTest : public ::testing::Test {
 protected:
  ClientTest() {
    provider.published = {K().first};
    provider.signer = &K().first;
  }

  // Begins a login and lets the provider put its nonce in the next token.
  PendingLogin BeginLogin(Client& client) {
    auto pending = client.Begin("en");
    EXPECT_TRUE(pending.ok()) << pending.status().ToString();
    std::lock_guard lock(provider.mutex());
    provider.nonce = pending->nonce;
    return *pending;
  }

  ScriptedProvider provider;
};

TEST(ProviderUrlTest, HttpsEverywhereHttpOnlyOnLoopback) {
  using internal::CheckProviderUrl;
  EXPECT_TRUE(CheckProviderUrl("https://idp.example/oidc").ok());
  EXPECT_TRUE(CheckProviderUrl("HTTPS://idp.example:8443").ok());
  EXPECT_TRUE(CheckProviderUrl("http://127.0.0.1:8080/dev-idp").ok());
  EXPECT_TRUE(CheckProviderUrl("http://localhost/dev-idp").ok());
  EXPECT_TRUE(CheckProviderUrl("http://[::1]:9000/").ok());
  EXPECT_FALSE(CheckProviderUrl("http://idp.example/").ok());
  EXPECT_FALSE(CheckProviderUrl("http://127.0.0.1.idp.example/").ok());
  EXPECT_FALSE(CheckProviderUrl("http://localhost.idp.example/").ok());
  EXPECT_FALSE(CheckProviderUrl("ftp://idp.example/").ok());
  EXPECT_FALSE(CheckProviderUrl("file:///etc/passwd").ok());
  EXPECT_FALSE(CheckProviderUrl("https://user:pw@idp.example/").ok());
  EXPECT_FALSE(CheckProviderUrl("https://idp.example/#frag").ok());
  EXPECT_FALSE(CheckProviderUrl("/relative").ok());
  EXPECT_FALSE(CheckProviderUrl("").ok());
}

TEST(ProviderUrlTest, SettingsAreChecked) {
  ProviderSettings s;
  s.issuer = "https://idp.example";
  s.client_id = "c";
  s.client_secret = "s";
  s.redirect_uri = "https://loket.example/inloggen/terug";
  EXPECT_TRUE(CheckSettings(s).ok());
  auto broken = [&](auto change) {
    ProviderSettings copy = s;
    change(copy);
    return CheckSettings(copy).code() == StatusCode::kInvalidArgument;
  };
  EXPECT_TRUE(broken([](ProviderSettings& c) { c.issuer = "http://idp.example"; }));
  EXPECT_TRUE(broken([](ProviderSettings& c) { c.issuer = "https://idp.example?x=1"; }));
  EXPECT_TRUE(broken([](ProviderSettings& c) { c.redirect_uri = "/relative"; }));
  EXPECT_TRUE(broken([](ProviderSettings& c) { c.client_id.clear(); }));
  EXPECT_TRUE(broken([](ProviderSettings& c) { c.client_secret.clear(); }));
  EXPECT_TRUE(broken([](ProviderSettings& c) { c.scopes = "profile openidx"; }));
  EXPECT_TRUE(broken([](ProviderSettings& c) { c.timeouts.total = {}; }));
  // Nothing is fetched for a refused issuer.
  s.issuer = "http://idp.example";
  Client client(s, Now);
  EXPECT_EQ(client.Begin("nl").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ClientTest, BeginBuildsTheAuthorizationUrl) {
  Client client(provider.Settings(), Now);
  PendingLogin login = BeginLogin(client);
  EXPECT_EQ(login.authorize_url.rfind(provider.issuer + "/authorize?tenant=t1&", 0), 0u);
  auto q = QueryOf(login.authorize_url);
  EXPECT_EQ(q["tenant"], "t1");  // the endpoint's own query is kept
  EXPECT_EQ(q["response_type"], "code");
  EXPECT_EQ(q["client_id"], kClientId);
  EXPECT_EQ(q["redirect_uri"], kRedirect);
  EXPECT_EQ(q["scope"], "openid profile");
  EXPECT_EQ(q["state"], login.state);
  EXPECT_EQ(q["nonce"], login.nonce);
  EXPECT_EQ(q["code_challenge"], PkceChallenge(login.code_verifier));
  EXPECT_EQ(q["code_challenge_method"], "S256");
  EXPECT_EQ(q["ui_locales"], "en");
  EXPECT_EQ(q.count("code_verifier"), 0u);
  EXPECT_EQ(login.state.size(), 43u);
  EXPECT_TRUE(IsValidPkceVerifier(login.code_verifier));

  PendingLogin second = BeginLogin(client);
  EXPECT_NE(second.state, login.state);
  EXPECT_NE(second.nonce, login.nonce);
  EXPECT_NE(second.code_verifier, login.code_verifier);
  EXPECT_EQ(provider.discovery_hits, 1);  // cached
}

TEST_F(ClientTest, CompletesALoginAndCachesMetadataAndKeys) {
  Client client(provider.Settings(), Now);
  PendingLogin login = BeginLogin(client);
  auto citizen = client.Complete("code-1", login.state, login);
  ASSERT_TRUE(citizen.ok()) << citizen.status().ToString();
  EXPECT_EQ(citizen->issuer, provider.issuer);
  EXPECT_EQ(citizen->subject, "sub-1");
  EXPECT_EQ(citizen->name, "Anna de Boer");
  EXPECT_EQ(citizen->bsn, "999990019");
  EXPECT_EQ(citizen->claims["nonce"], login.nonce);

  // What the token endpoint was sent.
  http::Request r;
  {
    std::lock_guard lock(provider.mutex());
    r = provider.last_token_request;
  }
  auto auth = ParseBasicAuthorization(r.Header("authorization"));
  ASSERT_TRUE(auth.has_value());
  EXPECT_EQ(auth->first, kClientId);
  EXPECT_EQ(auth->second, kSecret);
  auto form = ParseForm(r.body).value();
  EXPECT_EQ(form["grant_type"], "authorization_code");
  EXPECT_EQ(form["code"], "code-1");
  EXPECT_EQ(form["redirect_uri"], kRedirect);
  EXPECT_EQ(form["code_verifier"], login.code_verifier);
  EXPECT_EQ(form.count("client_secret"), 0u);

  PendingLogin again = BeginLogin(client);
  ASSERT_TRUE(client.Complete("code-2", again.state, again).ok());
  EXPECT_EQ(provider.discovery_hits, 1);
  EXPECT_EQ(provider.jwks_hits, 1);
}

TEST_F(ClientTest, FetchesTheKeysAgainWhenTheProviderRotates) {
  Client client(provider.Settings(), Now);
  PendingLogin login = BeginLogin(client);
  ASSERT_TRUE(client.Complete("c", login.state, login).ok());
  {
    std::lock_guard lock(provider.mutex());
    provider.published = {K().second};
    provider.signer = &K().second;
  }
  login = BeginLogin(client);
  auto citizen = client.Complete("c", login.state, login);
  ASSERT_TRUE(citizen.ok()) << citizen.status().ToString();
  EXPECT_EQ(provider.jwks_hits, 2);

  // A kid the provider does not publish either: one more fetch, then no.
  auto stranger = SigningKey::Generate("key-3").value();
  {
    std::lock_guard lock(provider.mutex());
    provider.signer = &stranger;
  }
  login = BeginLogin(client);
  EXPECT_EQ(client.Complete("c", login.state, login).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(provider.jwks_hits, 3);
}

TEST_F(ClientTest, MetadataIsFetchedAgainAfterItsTimeToLive) {
  std::atomic<int64_t> seconds{1'700'000'000};
  Client client(provider.Settings(), [&] {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds.load()));
  });
  ASSERT_TRUE(client.Begin("").ok());
  seconds += 3599;
  ASSERT_TRUE(client.Begin("").ok());
  EXPECT_EQ(provider.discovery_hits, 1);
  seconds += 2;
  auto login = client.Begin("");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(provider.discovery_hits, 2);
  EXPECT_EQ(QueryOf(login->authorize_url).count("ui_locales"), 0u);
}

TEST_F(ClientTest, AWrongStateIsRefusedBeforeTheCodeIsRedeemed) {
  Client client(provider.Settings(), Now);
  PendingLogin login = BeginLogin(client);
  for (const std::string& state :
       {std::string(), login.state + "x", login.state.substr(1), BeginLogin(client).state}) {
    EXPECT_EQ(client.Complete("code", state, login).status().code(), StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(client.Complete("code", "", PendingLogin{}).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(client.Complete("", login.state, login).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(provider.token_hits, 0);
}

TEST_F(ClientTest, DiscoveryMustNameTheConfiguredIssuer) {
  provider.discovery_patch = {{"issuer", "http://127.0.0.1:1/other"}};
  Client client(provider.Settings(), Now);
  Status st = client.Begin("nl").status();
  EXPECT_EQ(st.code(), StatusCode::kUnavailable);
  EXPECT_NE(st.message().find("differs from the configured"), std::string::npos) << st.message();
}

TEST_F(ClientTest, DiscoveryEndpointsMustBeSafeUrls) {
  provider.discovery_patch = {{"token_endpoint", "http://idp.example/token"}};
  Client client(provider.Settings(), Now);
  Status st = client.Begin("nl").status();
  EXPECT_EQ(st.code(), StatusCode::kUnavailable);
  EXPECT_NE(st.message().find("token_endpoint"), std::string::npos) << st.message();
}

TEST_F(ClientTest, NonJsonAndOversizedAnswersAreUnavailable) {
  provider.discovery_body = "<html>maintenance</html>";
  Client client(provider.Settings(), Now);
  EXPECT_EQ(client.Begin("nl").status().code(), StatusCode::kUnavailable);
  {
    std::lock_guard lock(provider.mutex());
    provider.discovery_body = "\"" + std::string(size_t{300} * 1024, 'x') + "\"";
  }
  Status st = client.Begin("nl").status();
  EXPECT_EQ(st.code(), StatusCode::kUnavailable);
  EXPECT_NE(st.message().find("larger than"), std::string::npos) << st.message();
}

TEST_F(ClientTest, ASlowProviderTimesOut) {
  provider.discovery_delay = std::chrono::milliseconds(1500);
  ProviderSettings s = provider.Settings();
  s.timeouts.total = std::chrono::milliseconds(300);
  Client client(s, Now);
  auto start = std::chrono::steady_clock::now();
  Status st = client.Begin("nl").status();
  EXPECT_EQ(st.code(), StatusCode::kUnavailable);
  EXPECT_NE(st.message().find("timed out"), std::string::npos) << st.message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1400));
}

TEST_F(ClientTest, AnUnreachableProviderIsUnavailable) {
  ProviderSettings s = provider.Settings();
  s.issuer = "http://127.0.0.1:1/idp";  // nothing listens on port 1
  Client client(s, Now);
  EXPECT_EQ(client.Begin("nl").status().code(), StatusCode::kUnavailable);
}

TEST_F(ClientTest, TokenEndpointFailures) {
  Client client(provider.Settings(), Now);
  auto complete_with = [&](http::Response response) {
    {
      std::lock_guard lock(provider.mutex());
      provider.token_response = std::move(response);
    }
    PendingLogin login = BeginLogin(client);
    return client.Complete("code", login.state, login).status();
  };
  Status refused = complete_with(
      http::JsonResponse(400, R"({"error":"invalid_grant","error_description":"used"})"));
  EXPECT_EQ(refused.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(refused.message().find("invalid_grant"), std::string::npos) << refused.message();
  EXPECT_EQ(complete_with(http::JsonResponse(401, R"({"error":"invalid_client"})")).code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(complete_with(http::JsonResponse(500, R"({"error":"server_error"})")).code(),
            StatusCode::kUnavailable);
  EXPECT_EQ(complete_with(http::HtmlResponse(400, "<p>bad</p>")).code(), StatusCode::kUnavailable);
  EXPECT_EQ(complete_with(http::HtmlResponse(200, "<p>hello</p>")).code(),
            StatusCode::kUnavailable);
  EXPECT_EQ(complete_with(http::JsonResponse(200, R"({"token_type":"Bearer"})")).code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(
      complete_with(http::JsonResponse(200, R"({"token_type":"mac","id_token":"a.b.c"})")).code(),
      StatusCode::kUnauthenticated);
  EXPECT_EQ(complete_with(http::JsonResponse(200, R"({"token_type":"Bearer","id_token":"a.b.c"})"))
                .code(),
            StatusCode::kUnauthenticated);
}

TEST_F(ClientTest, TheIdTokenIsVerified) {
  Client client(provider.Settings(), Now);
  auto complete_with = [&](json patch) {
    {
      std::lock_guard lock(provider.mutex());
      provider.claims_patch = std::move(patch);
    }
    PendingLogin login = BeginLogin(client);
    return client.Complete("code", login.state, login);
  };
  EXPECT_EQ(complete_with({{"nonce", "replayed"}}).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(complete_with({{"aud", "other-client"}}).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(complete_with({{"exp", 1'699'999'000}}).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(complete_with({{"bsn", 999990019}}).status().code(), StatusCode::kUnauthenticated);

  auto by_parts =
      complete_with({{"name", nullptr}, {"given_name", "Jan"}, {"family_name", "Smit"}});
  ASSERT_TRUE(by_parts.ok()) << by_parts.status().ToString();
  EXPECT_EQ(by_parts->name, "Jan Smit");
  auto no_bsn = complete_with({{"bsn", nullptr}});
  ASSERT_TRUE(no_bsn.ok());
  EXPECT_EQ(no_bsn->bsn, "");
}

}  // namespace
}  // namespace loket::oidc

#include "devidp/provider.h"

#include <algorithm>
#include <utility>

#include "core/clock.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/secrets.h"
#include "core/strings.h"
#include "devidp/internal/texts.h"
#include "oidc/encoding.h"

namespace loket::devidp {
namespace {

using nlohmann::json;

// Longer protocol values are garbage; they would also end up in the page.
constexpr size_t kMaxValueBytes = 1024;
constexpr char kAcr[] = "urn:test-digid";

// The request parameters of the authorization endpoint (RFC 6749 4.1.1,
// OpenID Connect Core 3.1.2.1, RFC 7636 4.3), in the order they are echoed.
constexpr const char* kAuthorizeParams[] = {
    "client_id", "redirect_uri",   "response_type",         "scope",     "state",
    "nonce",     "code_challenge", "code_challenge_method", "ui_locales"};

using Fields = std::map<std::string, std::string>;

std::string Field(const Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

// "http://127.0.0.1:8080" for "http://127.0.0.1:8080/dev-idp".
std::string OriginOf(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  return url.substr(0, url.find('/', scheme + 3));
}

Lang PickLang(const std::string& ui_locales) {
  for (const std::string& tag : Split(ui_locales, ' ')) {
    std::string primary = AsciiLower(tag.substr(0, tag.find('-')));
    if (primary == "en") return Lang::kEn;
    if (primary == "nl") return Lang::kNl;
  }
  return Lang::kNl;
}

bool HasScope(const std::string& scopes, std::string_view wanted) {
  for (const std::string& scope : Split(scopes, ' ')) {
    if (scope == wanted) return true;
  }
  return false;
}

// The query parameters, or nothing when one is repeated (RFC 6749 3.1).
std::optional<Fields> QueryFields(const http::Request& request) {
  Fields fields;
  for (const auto& [name, value] : request.query) {
    if (!fields.emplace(name, value).second) return std::nullopt;
  }
  return fields;
}

std::optional<Fields> FormFields(const http::Request& request) {
  if (AsciiLower(request.Header("content-type")).rfind("application/x-www-form-urlencoded", 0) !=
      0) {
    return std::nullopt;
  }
  return oidc::ParseForm(request.body);
}

const TestPerson* FindPerson(const std::string& id) {
  for (const TestPerson& p : TestPersons()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

http::Response NoStore(http::Response response) {
  // Pages and answers carry state, codes and tokens: never cache them.
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("Pragma", "no-cache");
  response.SetHeader("X-Robots-Tag", "noindex, nofollow");
  return response;
}

// What is wrong with an authorization request. A bad client or redirect
// URI is shown to the person; anything else goes back to the (verified)
// redirect URI as an error code (RFC 6749 4.1.2.1).
struct Problem {
  bool redirect = false;
  std::string reason;  // page text key, or the error code when redirecting
  std::string description;
};

}  // namespace

const std::vector<TestPerson>& TestPersons() {
  static const std::vector<TestPerson> kPersons = {
      {"anna", "tdg-3447a44a3717411e", "Anna", "de Boer", "999990019"},
      {"mohamed", "tdg-54e9935b53b1a0d8", "Mohamed", "El Amrani", "999991772"},
      {"sanne", "tdg-d6aeeb82c6942c3a", "Sanne", "Jansen", "999993653"},
      {"pieter", "tdg-19e4923c4f29551b", "Pieter", "van den Berg", "999994189"},
  };
  return kPersons;
}

DevIdentityProvider::DevIdentityProvider(DevProviderSettings settings,
                                         const http::Templates& templates, Clock clock)
    : settings_(std::move(settings)),
      templates_(templates),
      clock_(std::move(clock)),
      issuer_(settings_.issuer) {
  auto key = oidc::SigningKey::Generate("test-digid-" + RandomToken(6));
  if (key.ok()) {
    key_ = std::move(key).value();
  } else {
    Log(LogLevel::kError, "devidp_no_signing_key", key.status().message());
  }
}

DevIdentityProvider::~DevIdentityProvider() = default;

void DevIdentityProvider::SetIssuer(std::string issuer) {
  std::lock_guard lock(mutex_);
  issuer_ = std::move(issuer);
}

std::string DevIdentityProvider::issuer() const {
  std::lock_guard lock(mutex_);
  return issuer_;
}

bool DevIdentityProvider::Ready() const {
  // Without a client id and secret anyone would match the empty ones.
  return key_ && !issuer().empty() && !settings_.client_id.empty() &&
         !settings_.client_secret.empty();
}

void DevIdentityProvider::Register(http::Server& server) {
  const std::string prefix(kPathPrefix);
  server.Route(http::Method::kGet, prefix + "/.well-known/openid-configuration",
               [this](const http::Request&) { return Discovery(); });
  server.Route(http::Method::kGet, prefix + "/jwks",
               [this](const http::Request&) { return KeySet(); });
  server.Route(http::Method::kGet, prefix + "/authorize",
               [this](const http::Request& r) { return AuthorizePage(r); });
  server.Route(http::Method::kPost, prefix + "/authorize",
               [this](const http::Request& r) { return AuthorizeDecision(r); });
  server.Route(http::Method::kPost, prefix + "/token",
               [this](const http::Request& r) { return Token(r); });
}

http::Response DevIdentityProvider::Discovery() const {
  if (!Ready()) return http::JsonResponse(503, R"({"error":"temporarily_unavailable"})");
  const std::string iss = issuer();
  json doc = {
      {"issuer", iss},
      {"authorization_endpoint", iss + "/authorize"},
      {"token_endpoint", iss + "/token"},
      {"jwks_uri", iss + "/jwks"},
      {"response_types_supported", {"code"}},
      {"response_modes_supported", {"query"}},
      {"grant_types_supported", {"authorization_code"}},
      {"subject_types_supported", {"public"}},
      {"id_token_signing_alg_values_supported", {"RS256"}},
      {"code_challenge_methods_supported", {"S256"}},
      {"token_endpoint_auth_methods_supported", {"client_secret_basic", "client_secret_post"}},
      {"scopes_supported", {"openid", "profile"}},
      {"claims_supported",
       {"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr", "name", "given_name",
        "family_name", "bsn"}},
      {"acr_values_supported", {kAcr}},
      {"ui_locales_supported", {"nl", "en"}},
  };
  return http::JsonResponse(200, doc.dump());
}

http::Response DevIdentityProvider::KeySet() const {
  if (!key_) return http::JsonResponse(503, R"({"error":"temporarily_unavailable"})");
  return http::JsonResponse(200, json{{"keys", {key_->PublicJwk()}}}.dump());
}

http::Response DevIdentityProvider::ErrorPage(int status, std::string_view lang_code,
                                              std::string_view reason) const {
  Lang lang = lang_code == "en" ? Lang::kEn : Lang::kNl;
  const json& t = internal::PageTexts(lang);
  // An empty text would render the login form instead of the error.
  std::string text = t.value("error_" + std::string(reason), "");
  if (text.empty()) text = t.value("error_bad_request", "");
  json context = {{"lang", LangCode(lang)}, {"t", t}, {"error", text}};
  auto html = templates_.Render("devidp_authorize", context);
  if (!html.ok()) {
    Log(LogLevel::kError, "devidp_render_failed", html.status().message());
    return http::TextResponse(500, "text/plain; charset=utf-8", "Test-DigiD: error");
  }
  return NoStore(http::HtmlResponse(status, std::move(*html)));
}

namespace {

// Checks an authorization request against the settings; nothing when it
// is acceptable.
std::optional<Problem> Validate(const Fields& p, const DevProviderSettings& settings,
                                const std::string& issuer) {
  for (const auto& [name, value] : p) {
    if (value.size() > kMaxValueBytes) return Problem{false, "bad_request", name + " too long"};
  }
  if (Field(p, "client_id") != settings.client_id) return Problem{false, "unknown_client", ""};
  const std::string redirect_uri = Field(p, "redirect_uri");
  const bool allowed =
      !redirect_uri.empty() &&
      std::any_of(settings.redirect_uris.begin(), settings.redirect_uris.end(),
                  [&](const std::string& uri) {
                    return redirect_uri == (uri.rfind('/', 0) == 0 ? OriginOf(issuer) + uri : uri);
                  });
  if (!allowed) return Problem{false, "unknown_redirect", ""};
  // From here on the redirect URI is trusted and errors go back to it.
  if (Field(p, "response_type") != "code") {
    return Problem{true, "unsupported_response_type", "only the authorization code flow"};
  }
  if (!HasScope(Field(p, "scope"), "openid")) {
    return Problem{true, "invalid_scope", "the openid scope is required"};
  }
  const std::string challenge = Field(p, "code_challenge");
  if (Field(p, "code_challenge_method") != "S256" || challenge.size() != 43 ||
      !oidc::Base64UrlDecode(challenge)) {
    return Problem{true, "invalid_request", "PKCE with S256 is required"};
  }
  if (Field(p, "state").empty()) return Problem{true, "invalid_request", "state is required"};
  if (Field(p, "nonce").empty()) return Problem{true, "invalid_request", "nonce is required"};
  return std::nullopt;
}

http::Response RedirectWithError(const Fields& p, const std::string& error,
                                 const std::string& description) {
  oidc::FormFields answer = {{"error", error}};
  if (!description.empty()) answer.emplace_back("error_description", description);
  if (std::string state = Field(p, "state"); !state.empty()) answer.emplace_back("state", state);
  return NoStore(http::RedirectResponse(
      303, oidc::AppendQuery(Field(p, "redirect_uri"), oidc::FormEncode(answer))));
}

}  // namespace

http::Response DevIdentityProvider::AuthorizePage(const http::Request& request) const {
  auto fields = QueryFields(request);
  if (!fields) return ErrorPage(400, "nl", "bad_request");
  const Lang lang = PickLang(Field(*fields, "ui_locales"));
  if (!Ready()) return ErrorPage(503, LangCode(lang), "not_ready");
  if (auto problem = Validate(*fields, settings_, issuer())) {
    if (problem->redirect) return RedirectWithError(*fields, problem->reason, problem->description);
    return ErrorPage(400, LangCode(lang), problem->reason);
  }

  json hidden = json::array();
  oidc::FormFields other_lang;
  const std::string other = lang == Lang::kNl ? "en" : "nl";
  for (const char* name : kAuthorizeParams) {
    std::string value = Field(*fields, name);
    if (!value.empty()) hidden.push_back({{"name", name}, {"value", value}});
    if (std::string_view(name) == "ui_locales") value = other;
    if (!value.empty()) other_lang.emplace_back(name, value);
  }
  json persons = json::array();
  for (const TestPerson& p : TestPersons()) {
    persons.push_back({{"id", p.id}, {"name", p.name()}, {"bsn", p.bsn}});
  }
  json context = {
      {"lang", LangCode(lang)},
      {"t", internal::PageTexts(lang)},
      {"action", std::string(kPathPrefix) + "/authorize"},
      {"switch_url", std::string(kPathPrefix) + "/authorize?" + oidc::FormEncode(other_lang)},
      {"fields", hidden},
      {"persons", persons}};
  auto html = templates_.Render("devidp_authorize", context);
  if (!html.ok()) {
    Log(LogLevel::kError, "devidp_render_failed", html.status().message());
    return http::TextResponse(500, "text/plain; charset=utf-8", "Test-DigiD: error");
  }
  return NoStore(http::HtmlResponse(200, std::move(*html)));
}

http::Response DevIdentityProvider::AuthorizeDecision(const http::Request& request) {
  auto fields = FormFields(request);
  const Lang lang = fields ? PickLang(Field(*fields, "ui_locales")) : Lang::kNl;
  if (!Ready()) return ErrorPage(503, LangCode(lang), "not_ready");
  const std::string iss = issuer();
  // Browsers send Origin with every form POST; another site's page must
  // not be able to log a visitor in as a test person (login CSRF).
  const std::string origin = request.Header("origin");
  if (!origin.empty() && origin != OriginOf(iss)) {
    return ErrorPage(403, LangCode(lang), "foreign_origin");
  }
  if (!fields) return ErrorPage(400, LangCode(lang), "bad_request");
  if (auto problem = Validate(*fields, settings_, iss)) {
    if (problem->redirect) return RedirectWithError(*fields, problem->reason, problem->description);
    return ErrorPage(400, LangCode(lang), problem->reason);
  }
  if (fields->count("cancel")) {
    return RedirectWithError(*fields, "access_denied", "the person cancelled the login");
  }
  const TestPerson* person = FindPerson(Field(*fields, "person"));
  if (!person) return ErrorPage(400, LangCode(lang), "unknown_person");

  const auto now = clock_();
  Grant grant{Field(*fields, "client_id"),
              Field(*fields, "redirect_uri"),
              Field(*fields, "code_challenge"),
              Field(*fields, "nonce"),
              person,
              now,
              now + settings_.code_lifetime};
  auto code = IssueCode(std::move(grant));
  if (!code.ok()) return ErrorPage(503, LangCode(lang), "busy");
  oidc::FormFields answer = {{"code", *code}, {"state", Field(*fields, "state")}};
  return NoStore(http::RedirectResponse(
      303, oidc::AppendQuery(Field(*fields, "redirect_uri"), oidc::FormEncode(answer))));
}

Result<std::string> DevIdentityProvider::IssueCode(Grant grant) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  std::erase_if(codes_, [&](const auto& entry) { return entry.second.expires <= now; });
  if (codes_.size() >= settings_.max_pending_codes) {
    return Status(StatusCode::kResourceExhausted, "too many pending authorization codes");
  }
  std::string code = RandomToken();
  codes_.emplace(code, std::move(grant));
  return code;
}

std::optional<DevIdentityProvider::Grant> DevIdentityProvider::RedeemCode(const std::string& code) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  auto it = codes_.find(code);
  if (it == codes_.end()) return std::nullopt;
  // Taken out before anything else is checked: a code works at most once,
  // even when this attempt fails (RFC 6749 4.1.2).
  Grant grant = std::move(it->second);
  codes_.erase(it);
  if (grant.expires <= now) return std::nullopt;
  return grant;
}

http::Response DevIdentityProvider::TokenError(int status, std::string_view error,
                                               std::string_view description,
                                               bool basic_challenge) const {
  json body = {{"error", error}};
  if (!description.empty()) body["error_description"] = description;
  http::Response response = NoStore(http::JsonResponse(status, body.dump()));
  if (basic_challenge) response.SetHeader("WWW-Authenticate", "Basic realm=\"Test-DigiD\"");
  return response;
}

http::Response DevIdentityProvider::Token(const http::Request& request) {
  if (!Ready()) return TokenError(503, "temporarily_unavailable", "");
  auto fields = FormFields(request);
  if (!fields) return TokenError(400, "invalid_request", "expected one form-encoded body");

  // Client authentication (RFC 6749 2.3.1): HTTP Basic or in the body, not both.
  const std::string authorization = request.Header("authorization");
  const bool basic = !authorization.empty();
  std::string client_id;
  std::string client_secret;
  if (basic) {
    if (fields->count("client_secret")) {
      return TokenError(400, "invalid_request", "more than one client authentication method");
    }
    auto credentials = oidc::ParseBasicAuthorization(authorization);
    if (!credentials) return TokenError(401, "invalid_client", "malformed credentials", true);
    client_id = std::move(credentials->first);
    client_secret = std::move(credentials->second);
    if (fields->count("client_id") && Field(*fields, "client_id") != client_id) {
      return TokenError(401, "invalid_client", "client_id differs from the credentials", true);
    }
  } else {
    client_id = Field(*fields, "client_id");
    client_secret = Field(*fields, "client_secret");
  }
  // Both compared in full, so the time taken says nothing about which failed.
  const bool id_ok = SecretsEqual(client_id, settings_.client_id);
  const bool secret_ok = SecretsEqual(client_secret, settings_.client_secret);
  if (!id_ok || !secret_ok || client_secret.empty()) {
    return TokenError(401, "invalid_client", "client authentication failed", basic);
  }

  if (!fields->count("grant_type")) return TokenError(400, "invalid_request", "grant_type missing");
  if (Field(*fields, "grant_type") != "authorization_code") {
    return TokenError(400, "unsupported_grant_type", "only authorization_code");
  }
  const std::string code = Field(*fields, "code");
  if (code.empty()) return TokenError(400, "invalid_request", "code missing");
  auto grant = RedeemCode(code);
  if (!grant) return TokenError(400, "invalid_grant", "unknown, used or expired code");
  if (grant->client_id != client_id) {
    return TokenError(400, "invalid_grant", "code issued to another client");
  }
  if (Field(*fields, "redirect_uri") != grant->redirect_uri) {
    return TokenError(400, "invalid_grant", "redirect_uri differs from the authorization request");
  }
  const std::string verifier = Field(*fields, "code_verifier");
  if (!oidc::IsValidPkceVerifier(verifier) ||
      !SecretsEqual(oidc::PkceChallenge(verifier), grant->code_challenge)) {
    return TokenError(400, "invalid_grant", "code_verifier does not match the code_challenge");
  }

  const auto now = clock_();
  const TestPerson& person = *grant->person;
  json claims = {{"iss", issuer()},
                 {"sub", person.subject},
                 {"aud", client_id},
                 {"exp", UnixSeconds(now + settings_.token_lifetime)},
                 {"iat", UnixSeconds(now)},
                 {"auth_time", UnixSeconds(grant->auth_time)},
                 {"nonce", grant->nonce},
                 {"acr", kAcr},
                 {"name", person.name()},
                 {"given_name", person.given_name},
                 {"family_name", person.family_name},
                 {"bsn", person.bsn}};
  auto id_token = key_->Sign(claims);
  if (!id_token.ok()) {
    Log(LogLevel::kError, "devidp_sign_failed", id_token.status().message());
    return TokenError(500, "server_error", "");
  }
  json body = {{"access_token", RandomToken()},
               {"token_type", "Bearer"},
               {"expires_in", settings_.token_lifetime.count()},
               {"id_token", *id_token}};
  return NoStore(http::JsonResponse(200, body.dump()));
}

}  // namespace loket::devidp

#include "oidc/client.h"

#include <strings.h>

#include <utility>

#include "core/secrets.h"
#include "core/strings.h"
#include "oidc/encoding.h"
#include "oidc/internal/http_fetch.h"
#include "oidc/internal/json.h"

namespace loket::oidc {
namespace {

using nlohmann::json;

// Codes are short opaque strings; a long one is garbage or an attack.
constexpr size_t kMaxCodeBytes = 2048;

Status Unauthenticated(std::string message) {
  return {StatusCode::kUnauthenticated, std::move(message)};
}

internal::FetchLimits Limits(const ProviderSettings& s) {
  return {s.timeouts.connect, s.timeouts.total, s.max_response_bytes};
}

std::string StringMember(const json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool HasScope(std::string_view scopes, std::string_view wanted) {
  for (const std::string& scope : Split(scopes, ' ')) {
    if (scope == wanted) return true;
  }
  return false;
}

// The provider's answer as a JSON object; kUnavailable when it is not one.
Result<json> JsonObject(const internal::FetchedResponse& response, const std::string& what) {
  auto doc = internal::ParseJson(response.body);
  if (!doc || !doc->is_object()) return Unavailable(what + ": the answer is not a JSON object");
  return std::move(*doc);
}

}  // namespace

struct Client::Metadata {
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::chrono::system_clock::time_point fetched_at;
};

struct Client::KeySet {
  Jwks jwks;
  std::string jwks_uri;
  std::chrono::system_clock::time_point fetched_at;
};

Status CheckSettings(const ProviderSettings& s) {
  if (Status st = internal::CheckProviderUrl(s.issuer); !st.ok()) {
    return InvalidArgument("issuer: " + st.message());
  }
  // OpenID Connect Discovery 3: the issuer has no query or fragment.
  if (s.issuer.find('?') != std::string::npos) return InvalidArgument("issuer: has a query");
  if (Status st = internal::CheckProviderUrl(s.redirect_uri); !st.ok()) {
    return InvalidArgument("redirect_uri: " + st.message());
  }
  if (s.client_id.empty()) return InvalidArgument("client_id: empty");
  if (s.client_secret.empty()) return InvalidArgument("client_secret: empty");
  if (!HasScope(s.scopes, "openid")) return InvalidArgument("scopes: openid is missing");
  if (s.timeouts.connect.count() <= 0 || s.timeouts.total.count() <= 0) {
    return InvalidArgument("timeouts: must be positive");
  }
  if (s.max_response_bytes == 0) return InvalidArgument("max_response_bytes: zero");
  return {};
}

Client::Client(ProviderSettings settings, Clock clock)
    : settings_(std::move(settings)), clock_(std::move(clock)) {}

Client::~Client() = default;

Result<std::shared_ptr<const Client::Metadata>> Client::GetMetadata() {
  const auto now = clock_();
  {
    std::lock_guard lock(mutex_);
    if (metadata_ && now - metadata_->fetched_at < settings_.metadata_ttl) return metadata_;
  }
  std::string base = settings_.issuer;
  if (!base.empty() && base.back() == '/') base.pop_back();
  const std::string url = base + "/.well-known/openid-configuration";
  LOKET_ASSIGN_OR_RETURN(auto response, internal::HttpGet(url, Limits(settings_)));
  if (response.status != 200) {
    return Unavailable("discovery: HTTP " + std::to_string(response.status) + " from " + url);
  }
  LOKET_ASSIGN_OR_RETURN(json doc, JsonObject(response, "discovery"));
  // OpenID Connect Discovery 4.3: a document for another issuer is not
  // this provider's, whoever served it.
  if (StringMember(doc, "issuer") != settings_.issuer) {
    return Unavailable("discovery: issuer \"" + StringMember(doc, "issuer") +
                       "\" differs from the configured \"" + settings_.issuer + "\"");
  }
  auto metadata = std::make_shared<Metadata>();
  metadata->authorization_endpoint = StringMember(doc, "authorization_endpoint");
  metadata->token_endpoint = StringMember(doc, "token_endpoint");
  metadata->jwks_uri = StringMember(doc, "jwks_uri");
  metadata->fetched_at = now;
  for (const auto& [name, value] :
       {std::pair{"authorization_endpoint", &metadata->authorization_endpoint},
        std::pair{"token_endpoint", &metadata->token_endpoint},
        std::pair{"jwks_uri", &metadata->jwks_uri}}) {
    if (Status st = internal::CheckProviderUrl(*value); !st.ok()) {
      return Unavailable(std::string("discovery: ") + name + ": " + st.message());
    }
  }
  std::lock_guard lock(mutex_);
  metadata_ = metadata;
  return std::shared_ptr<const Metadata>(metadata);
}

Result<std::shared_ptr<const Client::KeySet>> Client::GetKeys(const Metadata& metadata,
                                                              bool refresh) {
  const auto now = clock_();
  {
    std::lock_guard lock(mutex_);
    if (!refresh && keys_ && keys_->jwks_uri == metadata.jwks_uri &&
        now - keys_->fetched_at < settings_.metadata_ttl) {
      return keys_;
    }
  }
  LOKET_ASSIGN_OR_RETURN(auto response, internal::HttpGet(metadata.jwks_uri, Limits(settings_)));
  if (response.status != 200) {
    return Unavailable("jwks: HTTP " + std::to_string(response.status) + " from " +
                       metadata.jwks_uri);
  }
  auto jwks = Jwks::Parse(response.body);
  if (!jwks.ok()) return Unavailable("jwks: " + jwks.status().message());
  auto keys = std::make_shared<KeySet>();
  keys->jwks = std::move(jwks).value();
  keys->jwks_uri = metadata.jwks_uri;
  keys->fetched_at = now;
  std::lock_guard lock(mutex_);
  keys_ = keys;
  return std::shared_ptr<const KeySet>(keys);
}

Result<PendingLogin> Client::Begin(std::string_view ui_locale) {
  LOKET_RETURN_IF_ERROR(CheckSettings(settings_));
  LOKET_ASSIGN_OR_RETURN(auto metadata, GetMetadata());
  PendingLogin login;
  login.state = RandomToken();
  login.nonce = RandomToken();
  login.code_verifier = RandomToken();
  FormFields query = {{"response_type", "code"},
                      {"client_id", settings_.client_id},
                      {"redirect_uri", settings_.redirect_uri},
                      {"scope", settings_.scopes},
                      {"state", login.state},
                      {"nonce", login.nonce},
                      {"code_challenge", PkceChallenge(login.code_verifier)},
                      {"code_challenge_method", "S256"}};
  if (settings_.max_age) query.emplace_back("max_age", std::to_string(settings_.max_age->count()));
  if (!ui_locale.empty()) query.emplace_back("ui_locales", std::string(ui_locale));
  login.authorize_url = AppendQuery(metadata->authorization_endpoint, FormEncode(query));
  return login;
}

Result<std::string> Client::ExchangeCode(const Metadata& metadata, std::string_view code,
                                         const PendingLogin& pending) {
  const std::string body = FormEncode({{"grant_type", "authorization_code"},
                                       {"code", std::string(code)},
                                       {"redirect_uri", settings_.redirect_uri},
                                       {"code_verifier", pending.code_verifier}});
  const std::vector<std::string> headers = {
      "Authorization: " + BasicAuthorization(settings_.client_id, settings_.client_secret)};
  LOKET_ASSIGN_OR_RETURN(auto response, internal::HttpPostForm(metadata.token_endpoint, body,
                                                               headers, Limits(settings_)));
  if (response.status != 200) {
    // RFC 6749 section 5.2: a refused grant or client is a 400 or 401 with
    // an error code; anything else means the provider is in trouble.
    auto doc = internal::ParseJson(response.body);
    if ((response.status == 400 || response.status == 401) && doc && doc->is_object() &&
        !StringMember(*doc, "error").empty()) {
      std::string description = StringMember(*doc, "error_description");
      return Unauthenticated("token endpoint refused: " + StringMember(*doc, "error") +
                             (description.empty() ? "" : " (" + description + ")"));
    }
    return Unavailable("token endpoint: HTTP " + std::to_string(response.status));
  }
  LOKET_ASSIGN_OR_RETURN(json doc, JsonObject(response, "token endpoint"));
  if (strcasecmp(StringMember(doc, "token_type").c_str(), "Bearer") != 0) {
    return Unauthenticated("token endpoint: token_type is not Bearer");
  }
  std::string id_token = StringMember(doc, "id_token");
  if (id_token.empty()) return Unauthenticated("token endpoint: no id_token");
  return id_token;
}

Result<Citizen> Client::Complete(std::string_view code, std::string_view returned_state,
                                 const PendingLogin& pending) {
  LOKET_RETURN_IF_ERROR(CheckSettings(settings_));
  if (pending.state.empty() || pending.nonce.empty() || pending.code_verifier.empty()) {
    return Unauthenticated("no login is pending");
  }
  // Checked before anything is sent: a mismatch is a forged or crossed
  // callback (CSRF), and its code must not be redeemed for this browser.
  if (!SecretsEqual(returned_state, pending.state)) {
    return Unauthenticated("state does not match the pending login");
  }
  if (code.empty() || code.size() > kMaxCodeBytes) {
    return Unauthenticated("authorization code missing or too long");
  }
  LOKET_ASSIGN_OR_RETURN(auto metadata, GetMetadata());
  LOKET_ASSIGN_OR_RETURN(std::string id_token, ExchangeCode(*metadata, code, pending));

  LOKET_ASSIGN_OR_RETURN(std::string kid, TokenKeyId(id_token));
  LOKET_ASSIGN_OR_RETURN(auto keys, GetKeys(*metadata, /*refresh=*/false));
  if (!kid.empty() && !keys->jwks.Find(kid)) {
    // A key we have not seen: the provider may have rotated its keys.
    LOKET_ASSIGN_OR_RETURN(keys, GetKeys(*metadata, /*refresh=*/true));
  }
  Expectations expect;
  expect.issuer = settings_.issuer;
  expect.audience = settings_.client_id;
  expect.nonce = pending.nonce;
  expect.now = clock_();
  expect.max_skew = settings_.max_skew;
  expect.max_age = settings_.max_age;
  LOKET_ASSIGN_OR_RETURN(json claims, VerifyIdToken(id_token, keys->jwks, expect));
  return ToCitizen(std::move(claims));
}

Result<Citizen> Client::ToCitizen(nlohmann::json claims) const {
  Citizen citizen;
  citizen.issuer = settings_.issuer;
  citizen.subject = StringMember(claims, "sub");
  citizen.name = StringMember(claims, "name");
  if (citizen.name.empty()) {
    citizen.name = std::string(
        Trim(StringMember(claims, "given_name") + " " + StringMember(claims, "family_name")));
  }
  if (!settings_.bsn_claim.empty() && claims.contains(settings_.bsn_claim)) {
    const json& bsn = claims[settings_.bsn_claim];
    // A number would have lost the leading zeros a BSN may have.
    if (!bsn.is_string())
      return Unauthenticated("claim " + settings_.bsn_claim + " is not a string");
    citizen.bsn = bsn.get<std::string>();
  }
  citizen.claims = std::move(claims);
  return citizen;
}

}  // namespace loket::oidc

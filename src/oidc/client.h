// The OpenID Connect relying party through which citizens log in: the
// authorization code flow with PKCE (S256), a confidential client
// authenticating with client_secret_basic, and ID tokens verified as
// oidc/jwt.h describes. DigiD is reached through such a provider (a broker)
// in practice; devidp/ is a stand-in for development.
//
// What the caller keeps between Begin() and Complete() (the PendingLogin)
// is secret and must stay on the server side or in an encrypted,
// integrity-protected cookie bound to the browser; it is never put in a URL.
//
// The provider's metadata and key set are fetched over HTTPS (plain HTTP
// only on loopback) and cached; the key set is fetched again once when a
// token names a key it does not hold, so that key rotation needs no
// restart. Errors are kUnavailable when the provider cannot be reached or
// answers nonsense, and kUnauthenticated when the login itself fails; the
// messages are for logs, never for the citizen.
// Thread-safety: all methods are thread-safe; network calls are made
// without holding the cache lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "oidc/jwt.h"

namespace loket::oidc {

struct ProviderSettings {
  std::string issuer;  // exactly as the provider's metadata states it
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;       // registered with the provider, exactly
  std::string scopes = "openid";  // space-separated; must include openid
  std::string bsn_claim = "bsn";  // the claim that carries the BSN
  struct Timeouts {
    std::chrono::milliseconds connect{3000};
    std::chrono::milliseconds total{10000};  // one whole request
  } timeouts;
  size_t max_response_bytes = size_t{256} * 1024;
  std::chrono::seconds max_skew{60};
  // When set, sent as max_age and enforced through the token's auth_time.
  std::optional<std::chrono::seconds> max_age;
  // How long fetched metadata and keys are trusted before being fetched again.
  std::chrono::seconds metadata_ttl{3600};
};

// Issuer and client settings that cannot work: kInvalidArgument naming the
// setting (URLs that are not https or loopback http, empty client id, no
// openid scope, …). Begin() and Complete() check the same.
Status CheckSettings(const ProviderSettings& settings);

// One login in progress, from Begin() to Complete().
struct PendingLogin {
  std::string authorize_url;  // where to send the browser (303)
  std::string state;
  std::string nonce;
  std::string code_verifier;
};

// A citizen as the provider vouches for them.
struct Citizen {
  std::string issuer;
  std::string subject;    // `sub`: stable per person at this provider
  std::string name;       // `name`, else given and family name; may be empty
  std::string bsn;        // the configured claim; empty when not released
  nlohmann::json claims;  // every verified claim of the ID token
};

class Client {
 public:
  Client(ProviderSettings settings, Clock clock);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Starts a login: fresh state, nonce and PKCE verifier (32 random bytes
  // each) and the authorization URL carrying them. `ui_locale` (e.g. "nl",
  // "en") is passed as ui_locales when not empty.
  Result<PendingLogin> Begin(std::string_view ui_locale);

  // Finishes a login on the redirect back: the returned state must match
  // (compared in constant time), then the code is exchanged at the token
  // endpoint and the ID token verified.
  Result<Citizen> Complete(std::string_view code, std::string_view returned_state,
                           const PendingLogin& pending);

 private:
  struct Metadata;
  struct KeySet;

  Result<std::shared_ptr<const Metadata>> GetMetadata();
  Result<std::shared_ptr<const KeySet>> GetKeys(const Metadata& metadata, bool refresh);
  Result<std::string> ExchangeCode(const Metadata& metadata, std::string_view code,
                                   const PendingLogin& pending);
  Result<Citizen> ToCitizen(nlohmann::json claims) const;

  const ProviderSettings settings_;
  const Clock clock_;
  std::mutex mutex_;  // guards the two caches below
  std::shared_ptr<const Metadata> metadata_;
  std::shared_ptr<const KeySet> keys_;
};

}  // namespace loket::oidc

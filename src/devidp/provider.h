// Test-DigiD: a development OpenID Connect provider that runs inside loket
// under /dev-idp/, so that citizen login works in demos and tests without
// a real DigiD broker (`loket serve --demo` only).
//
// It is not real and says so on every page: anyone can log in as one of a
// few fictitious test persons (test-range BSNs). Otherwise it follows the
// protocol strictly, so that the relying party is exercised as a real
// provider would: authorization code flow only, PKCE S256 required, exact
// redirect URIs (an unknown one gets an error page, never a redirect),
// one-time codes valid for 60 seconds, client_secret_basic or _post, RS256
// ID tokens, RFC 6749 error responses. Codes and the signing key live in
// memory: a restart forgets them, and two nodes do not share them.
// Thread-safety: handlers may run concurrently; SetIssuer() may be called
// from any thread.
// Ownership: keeps a reference to the templates, which must outlive it; the
// handlers Register() adds keep a pointer to the provider, which must
// outlive the server.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "http/request.h"
#include "http/server.h"
#include "http/templates.h"
#include "oidc/jwt.h"

namespace loket::devidp {

struct DevProviderSettings {
  // The origin followed by the path prefix, e.g. "http://127.0.0.1:8080/dev-idp".
  // May be set later with SetIssuer() when the port is only known once the
  // server listens (port 0).
  std::string issuer;
  std::string client_id;
  std::string client_secret;
  // Compared exactly. An entry that starts with "/" is a path on the
  // issuer's own origin, for a loket that is its own client and learns its
  // port only once it listens.
  std::vector<std::string> redirect_uris;
  std::chrono::seconds code_lifetime{60};
  std::chrono::seconds token_lifetime{300};
  size_t max_pending_codes = 10000;  // beyond this, logins wait (503)
};

// A fictitious person one can log in as.
struct TestPerson {
  std::string id;       // the form value that picks the person
  std::string subject;  // `sub`: stable, and not the BSN
  std::string given_name;
  std::string family_name;
  std::string bsn;  // from the test range, passes the eleven-test

  std::string name() const { return given_name + " " + family_name; }
};
const std::vector<TestPerson>& TestPersons();

class DevIdentityProvider {
 public:
  static constexpr std::string_view kPathPrefix = "/dev-idp";

  DevIdentityProvider(DevProviderSettings settings, const http::Templates& templates, Clock clock);
  ~DevIdentityProvider();
  DevIdentityProvider(const DevIdentityProvider&) = delete;
  DevIdentityProvider& operator=(const DevIdentityProvider&) = delete;

  // Adds GET /dev-idp/.well-known/openid-configuration, GET /dev-idp/jwks,
  // GET and POST /dev-idp/authorize and POST /dev-idp/token.
  void Register(http::Server& server);

  void SetIssuer(std::string issuer);
  std::string issuer() const;

 private:
  struct Grant {
    std::string client_id;
    std::string redirect_uri;
    std::string code_challenge;
    std::string nonce;
    const TestPerson* person = nullptr;
    std::chrono::system_clock::time_point auth_time;
    std::chrono::system_clock::time_point expires;
  };

  bool Ready() const;
  http::Response Discovery() const;
  http::Response KeySet() const;
  http::Response AuthorizePage(const http::Request& request) const;
  http::Response AuthorizeDecision(const http::Request& request);
  http::Response Token(const http::Request& request);
  http::Response ErrorPage(int status, std::string_view lang, std::string_view reason) const;
  http::Response TokenError(int status, std::string_view error, std::string_view description,
                            bool basic_challenge = false) const;
  Result<std::string> IssueCode(Grant grant);
  std::optional<Grant> RedeemCode(const std::string& code);

  const DevProviderSettings settings_;
  const http::Templates& templates_;
  const Clock clock_;
  std::optional<oidc::SigningKey> key_;  // empty if OpenSSL could not make one

  mutable std::mutex mutex_;  // guards issuer_ and codes_
  std::string issuer_;
  std::map<std::string, Grant> codes_;
};

}  // namespace loket::devidp

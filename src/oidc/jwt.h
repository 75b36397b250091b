// JSON Web Tokens for OpenID Connect: signing (for the development
// provider), parsing key sets, verifying ID tokens, and PKCE.
//
// Only asymmetric signatures are accepted: RS256/RS384/RS512 with RSA keys
// of at least 2048 bits and ES256 with P-256 keys. "none" and the HS*
// algorithms are refused whatever the key set holds, so that a public key
// can never be used as an HMAC secret. Every verification failure is
// kUnauthenticated; its message says what failed, for logs only.
// Thread-safety: SigningKey and Jwks are immutable after construction and
// may be shared between threads; the functions are pure.
// Ownership: keys are held by shared pointer; copies share them.
#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace loket::oidc {

namespace internal {
struct Key;  // an OpenSSL key; see internal/key.h
}  // namespace internal

enum class KeyType { kRsa, kEcP256 };

// A private key that signs compact JWS tokens, with its public half as a
// JWK for the provider's key set.
class SigningKey {
 public:
  enum class Algorithm { kRs256, kEs256 };

  // A new RSA-2048 (RS256) or P-256 (ES256) key named `kid`.
  static Result<SigningKey> Generate(std::string kid, Algorithm algorithm = Algorithm::kRs256);

  // The compact JWS of `claims`, with header {alg, kid, typ: "JWT"} (no
  // kid when the key has an empty name).
  // Fails only when OpenSSL does (out of memory).
  Result<std::string> Sign(const nlohmann::json& claims) const;
  // {kty, n, e | crv, x, y, kid, alg, use: "sig"}.
  nlohmann::json PublicJwk() const;

  const std::string& kid() const { return kid_; }
  std::string_view alg() const;

 private:
  SigningKey(std::string kid, Algorithm algorithm, std::shared_ptr<const internal::Key> key);

  std::string kid_;
  Algorithm algorithm_;
  std::shared_ptr<const internal::Key> key_;
};

// One public key of a key set.
struct JsonWebKey {
  std::string kid;  // may be empty
  KeyType type = KeyType::kRsa;
  std::string alg;  // as the set states it; empty when it does not
  std::shared_ptr<const internal::Key> key;

  // Whether a token signed with JWS algorithm `jws_alg` may be checked with
  // this key: the algorithm family fits the key type and, when the set
  // names an algorithm for the key, it is that one.
  bool Allows(std::string_view jws_alg) const;
};

// A provider's JSON Web Key Set (RFC 7517).
class Jwks {
 public:
  Jwks() = default;

  // Keeps the RSA and P-256 signature keys; skips keys it cannot use
  // (encryption keys, other types and curves, short RSA moduli) and later
  // keys with a kid seen before. kInvalidArgument when the document is not a
  // key set or holds no usable key.
  static Result<Jwks> FromJson(const nlohmann::json& document);
  static Result<Jwks> Parse(std::string_view text);

  // The key named `kid`, or null.
  const JsonWebKey* Find(std::string_view kid) const;
  const std::vector<JsonWebKey>& keys() const { return keys_; }

 private:
  std::vector<JsonWebKey> keys_;
};

// What an ID token must say to be accepted (OpenID Connect Core 3.1.3.7).
struct Expectations {
  std::string issuer;    // `iss`, compared exactly
  std::string audience;  // the client id: in `aud`, and `azp` when present
  std::string nonce;     // the nonce sent with the authorization request
  std::chrono::system_clock::time_point now;
  std::chrono::seconds max_skew{60};  // tolerated clock difference
  // When set, `auth_time` is required and may be at most this long ago.
  std::optional<std::chrono::seconds> max_age;
};

// The verified claims of `token`: signature checked with the key its
// header's kid names (or the only key, when the header names none and the
// set holds one), then iss, aud, azp, exp, iat, nbf, nonce, sub and
// auth_time as `expect` says. kUnauthenticated for any failure.
Result<nlohmann::json> VerifyIdToken(std::string_view token, const Jwks& jwks,
                                     const Expectations& expect);

// The kid in a token's header, unverified, for choosing which key set to
// verify with; empty when the header has none. kUnauthenticated when the
// token is not a compact JWS.
Result<std::string> TokenKeyId(std::string_view token);

// PKCE (RFC 7636): the S256 code challenge of a verifier,
// BASE64URL(SHA-256(verifier)).
std::string PkceChallenge(std::string_view verifier);
// Whether a verifier has the form RFC 7636 section 4.1 prescribes: 43 to
// 128 characters of A-Z, a-z, 0-9, "-", ".", "_", "~".
bool IsValidPkceVerifier(std::string_view verifier);

}  // namespace loket::oidc

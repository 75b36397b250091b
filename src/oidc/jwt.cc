#include "oidc/jwt.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>

#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

#include "core/secrets.h"
#include "oidc/encoding.h"
#include "oidc/internal/json.h"
#include "oidc/internal/key.h"

namespace loket::oidc {
namespace {

using nlohmann::json;

// Far larger than any ID token; bounds the work an odd token can cause.
constexpr size_t kMaxTokenBytes = size_t{16} * 1024;
constexpr int kMinRsaBits = 2048;
constexpr size_t kP256CoordinateBytes = 32;
constexpr size_t kMaxSubjectBytes = 255;  // OpenID Connect Core 2
// 9999-12-31T23:59:59Z: later "dates" are garbage and would overflow sums.
constexpr int64_t kMaxNumericDate = 253402300799;

Status Unauthenticated(std::string message) {
  return {StatusCode::kUnauthenticated, std::move(message)};
}

struct BnDeleter {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
struct ParamBldDeleter {
  void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamDeleter {
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct PkeyCtxDeleter {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct EcdsaSigDeleter {
  void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); }
};
using Bn = std::unique_ptr<BIGNUM, BnDeleter>;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool IsRsaAlg(std::string_view alg) { return alg == "RS256" || alg == "RS384" || alg == "RS512"; }

const EVP_MD* DigestFor(std::string_view alg) {
  if (alg == "RS256" || alg == "ES256") return EVP_sha256();
  if (alg == "RS384") return EVP_sha384();
  if (alg == "RS512") return EVP_sha512();
  return nullptr;
}

std::string BnBytes(const BIGNUM* bn, size_t width = 0) {
  size_t size = width ? width : static_cast<size_t>(BN_num_bytes(bn));
  std::string out(size, '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(size));
  return out;
}

std::string BnParamBase64Url(EVP_PKEY* pkey, const char* name, size_t width = 0) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &raw) != 1) return {};
  Bn bn(raw);
  return Base64UrlEncode(BnBytes(bn.get(), width));
}

// Builds a public key from OpenSSL parameters, as EVP_PKEY_fromdata wants.
std::shared_ptr<const internal::Key> KeyFromParams(const char* type, OSSL_PARAM_BLD* builder) {
  std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(builder));
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* pkey = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) return nullptr;
  auto key = std::make_shared<const internal::Key>(pkey);
  // fromdata does not promise to validate what it was given; a point off
  // the curve must not get as far as a signature check.
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> check(
      EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) return nullptr;
  return key;
}

// A string member, or "" when it is absent or not a string.
std::string StringMember(const json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> MemberBytes(const json& jwk, const char* name) {
  auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) return std::nullopt;
  auto bytes = Base64UrlDecode(it->get_ref<const std::string&>());
  if (!bytes || bytes->empty()) return std::nullopt;
  return bytes;
}

std::shared_ptr<const internal::Key> RsaKeyFromJwk(const json& jwk) {
  auto n = MemberBytes(jwk, "n");
  auto e = MemberBytes(jwk, "e");
  if (!n || !e || e->size() > 8) return nullptr;
  Bn bn_n(BN_bin2bn(Bytes(*n), static_cast<int>(n->size()), nullptr));
  Bn bn_e(BN_bin2bn(Bytes(*e), static_cast<int>(e->size()), nullptr));
  if (!bn_n || !bn_e || BN_num_bits(bn_n.get()) < kMinRsaBits || !BN_is_odd(bn_e.get()) ||
      BN_is_one(bn_e.get())) {
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1) {
    return nullptr;
  }
  return KeyFromParams("RSA", builder.get());
}

std::shared_ptr<const internal::Key> EcKeyFromJwk(const json& jwk) {
  if (StringMember(jwk, "crv") != "P-256") return nullptr;
  auto x = MemberBytes(jwk, "x");
  auto y = MemberBytes(jwk, "y");
  if (!x || !y || x->size() != kP256CoordinateBytes || y->size() != kP256CoordinateBytes) {
    return nullptr;
  }
  std::string point = "\x04" + *x + *y;  // uncompressed SEC 1 encoding
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME,
                                      SN_X9_62_prime256v1, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return nullptr;
  }
  return KeyFromParams("EC", builder.get());
}

// JOSE carries ECDSA signatures as R || S (RFC 7518 section 3.4); OpenSSL
// produces and expects DER.
std::optional<std::string> EcdsaDerToRaw(std::string_view der) {
  const unsigned char* p = Bytes(der);
  std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter> sig(
      d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig) return std::nullopt;
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  return BnBytes(r, kP256CoordinateBytes) + BnBytes(s, kP256CoordinateBytes);
}

std::optional<std::string> EcdsaRawToDer(std::string_view raw) {
  if (raw.size() != 2 * kP256CoordinateBytes) return std::nullopt;
  constexpr int kWidth = static_cast<int>(kP256CoordinateBytes);
  Bn r(BN_bin2bn(Bytes(raw), kWidth, nullptr));
  Bn s(BN_bin2bn(Bytes(raw) + kWidth, kWidth, nullptr));
  std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter> sig(ECDSA_SIG_new());
  if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) return std::nullopt;
  static_cast<void>(r.release());  // owned by sig now
  static_cast<void>(s.release());
  int length = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (length <= 0) return std::nullopt;
  std::string der(static_cast<size_t>(length), '\0');
  auto* out = reinterpret_cast<unsigned char*>(der.data());
  if (i2d_ECDSA_SIG(sig.get(), &out) != length) return std::nullopt;
  return der;
}

bool VerifySignature(const JsonWebKey& key, std::string_view alg, std::string_view input,
                     std::string_view signature) {
  std::string der;
  if (key.type == KeyType::kEcP256) {
    auto converted = EcdsaRawToDer(signature);
    if (!converted) return false;
    der = std::move(*converted);
    signature = der;
  }
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  return ctx &&
         EVP_DigestVerifyInit(ctx.get(), nullptr, DigestFor(alg), nullptr, key.key->pkey) == 1 &&
         EVP_DigestVerify(ctx.get(), Bytes(signature), signature.size(), Bytes(input),
                          input.size()) == 1;
}

struct DecodedToken {
  json header;
  json payload;
  std::string signing_input;  // "header.payload" as received
  std::string signature;
};

Result<json> DecodeObject(std::string_view part, const char* what) {
  auto bytes = Base64UrlDecode(part);
  if (!bytes) return Unauthenticated(std::string("token ") + what + " is not base64url");
  auto value = internal::ParseJson(*bytes);
  if (!value || !value->is_object()) {
    return Unauthenticated(std::string("token ") + what + " is not a JSON object");
  }
  return std::move(*value);
}

Result<DecodedToken> Decode(std::string_view token, bool with_payload) {
  if (token.size() > kMaxTokenBytes) return Unauthenticated("token too long");
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return Unauthenticated("token is not a compact JWS of three parts");
  }
  DecodedToken decoded;
  LOKET_ASSIGN_OR_RETURN(decoded.header, DecodeObject(token.substr(0, first), "header"));
  if (!with_payload) return decoded;
  LOKET_ASSIGN_OR_RETURN(decoded.payload,
                         DecodeObject(token.substr(first + 1, second - first - 1), "payload"));
  auto signature = Base64UrlDecode(token.substr(second + 1));
  if (!signature) return Unauthenticated("token signature is not base64url");
  decoded.signature = std::move(*signature);
  decoded.signing_input = std::string(token.substr(0, second));
  return decoded;
}

// A NumericDate claim (RFC 7519 section 2): nothing when absent.
Result<std::optional<int64_t>> ReadDate(const json& claims, const char* name) {
  auto it = claims.find(name);
  if (it == claims.end()) return std::optional<int64_t>();
  double seconds = 0;
  if (it->is_number_unsigned()) {
    auto v = it->get<uint64_t>();
    seconds = v > static_cast<uint64_t>(kMaxNumericDate) ? -1 : static_cast<double>(v);
  } else if (it->is_number()) {
    seconds = it->get<double>();
  } else {
    return Unauthenticated(std::string("claim ") + name + " is not a number");
  }
  if (!std::isfinite(seconds) || seconds < 0 || seconds > static_cast<double>(kMaxNumericDate)) {
    return Unauthenticated(std::string("claim ") + name + " is out of range");
  }
  return std::optional<int64_t>(static_cast<int64_t>(std::floor(seconds)));
}

Status CheckAudience(const json& claims, const std::string& client_id) {
  auto aud = claims.find("aud");
  if (aud == claims.end()) return Unauthenticated("token has no aud");
  bool several = false;
  if (aud->is_string()) {
    if (*aud != client_id) return Unauthenticated("token aud is not this client");
  } else if (aud->is_array() && !aud->empty()) {
    bool found = false;
    for (const json& a : *aud) {
      if (!a.is_string()) return Unauthenticated("token aud holds a non-string");
      if (a == client_id) found = true;
    }
    if (!found) return Unauthenticated("token aud does not include this client");
    several = aud->size() > 1;
  } else {
    return Unauthenticated("token aud is neither a string nor a list");
  }
  auto azp = claims.find("azp");
  if (azp == claims.end()) {
    if (several) return Unauthenticated("token has several audiences but no azp");
  } else if (!azp->is_string() || *azp != client_id) {
    return Unauthenticated("token azp is not this client");
  }
  return {};
}

Status CheckClaims(const json& claims, const Expectations& expect) {
  auto iss = claims.find("iss");
  if (iss == claims.end() || !iss->is_string() || *iss != expect.issuer) {
    return Unauthenticated("token iss is not the expected issuer");
  }
  auto sub = claims.find("sub");
  if (sub == claims.end() || !sub->is_string() || sub->get_ref<const std::string&>().empty() ||
      sub->get_ref<const std::string&>().size() > kMaxSubjectBytes) {
    return Unauthenticated("token sub is missing or malformed");
  }
  LOKET_RETURN_IF_ERROR(CheckAudience(claims, expect.audience));

  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(expect.now.time_since_epoch()).count();
  const int64_t skew = expect.max_skew.count();
  LOKET_ASSIGN_OR_RETURN(auto exp, ReadDate(claims, "exp"));
  if (!exp) return Unauthenticated("token has no exp");
  if (*exp + skew <= now) return Unauthenticated("token expired");
  LOKET_ASSIGN_OR_RETURN(auto iat, ReadDate(claims, "iat"));
  if (!iat) return Unauthenticated("token has no iat");
  if (*iat > now + skew) return Unauthenticated("token iat is in the future");
  LOKET_ASSIGN_OR_RETURN(auto nbf, ReadDate(claims, "nbf"));
  if (nbf && *nbf > now + skew) return Unauthenticated("token is not valid yet (nbf)");
  LOKET_ASSIGN_OR_RETURN(auto auth_time, ReadDate(claims, "auth_time"));
  if (expect.max_age) {
    if (!auth_time) return Unauthenticated("token has no auth_time although max_age was asked");
    if (*auth_time + expect.max_age->count() + skew < now) {
      return Unauthenticated("authentication is older than max_age");
    }
  }

  if (expect.nonce.empty()) return Unauthenticated("no nonce to compare the token with");
  auto nonce = claims.find("nonce");
  if (nonce == claims.end() || !nonce->is_string()) return Unauthenticated("token has no nonce");
  if (!SecretsEqual(nonce->get_ref<const std::string&>(), expect.nonce)) {
    return Unauthenticated("token nonce does not match");
  }
  return {};
}

}  // namespace

// --- SigningKey -------------------------------------------------------------

SigningKey::SigningKey(std::string kid, Algorithm algorithm,
                       std::shared_ptr<const internal::Key> key)
    : kid_(std::move(kid)), algorithm_(algorithm), key_(std::move(key)) {}

Result<SigningKey> SigningKey::Generate(std::string kid, Algorithm algorithm) {
  // EVP_RSA_gen and EVP_EC_gen are macros around this call with C casts.
  EVP_PKEY* pkey = algorithm == Algorithm::kRs256
                       ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048})
                       : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", SN_X9_62_prime256v1);
  if (!pkey) return Internal("cannot generate a signing key");
  return SigningKey(std::move(kid), algorithm, std::make_shared<const internal::Key>(pkey));
}

std::string_view SigningKey::alg() const {
  return algorithm_ == Algorithm::kRs256 ? "RS256" : "ES256";
}

Result<std::string> SigningKey::Sign(const nlohmann::json& claims) const {
  std::string input;
  try {
    json header = {{"alg", alg()}, {"typ", "JWT"}};
    if (!kid_.empty()) header["kid"] = kid_;
    input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(claims.dump());
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("claims cannot be serialised: ") + e.what());
  }
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  size_t length = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, DigestFor(alg()), nullptr, key_->pkey) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, Bytes(input), input.size()) != 1) {
    return Internal("cannot start signing");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     Bytes(input), input.size()) != 1) {
    return Internal("cannot sign");
  }
  signature.resize(length);
  if (algorithm_ == Algorithm::kEs256) {
    auto raw = EcdsaDerToRaw(signature);
    if (!raw) return Internal("cannot convert the ECDSA signature");
    signature = std::move(*raw);
  }
  return input + "." + Base64UrlEncode(signature);
}

nlohmann::json SigningKey::PublicJwk() const {
  json jwk;
  if (algorithm_ == Algorithm::kRs256) {
    jwk = {{"kty", "RSA"},
           {"n", BnParamBase64Url(key_->pkey, OSSL_PKEY_PARAM_RSA_N)},
           {"e", BnParamBase64Url(key_->pkey, OSSL_PKEY_PARAM_RSA_E)}};
  } else {
    jwk = {{"kty", "EC"},
           {"crv", "P-256"},
           {"x", BnParamBase64Url(key_->pkey, OSSL_PKEY_PARAM_EC_PUB_X, kP256CoordinateBytes)},
           {"y", BnParamBase64Url(key_->pkey, OSSL_PKEY_PARAM_EC_PUB_Y, kP256CoordinateBytes)}};
  }
  if (!kid_.empty()) jwk["kid"] = kid_;
  jwk["alg"] = alg();
  jwk["use"] = "sig";
  return jwk;
}

// --- Jwks -------------------------------------------------------------------

bool JsonWebKey::Allows(std::string_view jws_alg) const {
  bool family = type == KeyType::kRsa ? IsRsaAlg(jws_alg) : jws_alg == "ES256";
  return family && (alg.empty() || alg == jws_alg);
}

Result<Jwks> Jwks::FromJson(const nlohmann::json& document) {
  if (!document.is_object() || !document.contains("keys") || !document["keys"].is_array()) {
    return InvalidArgument("not a JSON Web Key Set");
  }
  Jwks set;
  std::set<std::string> kids;
  for (const json& jwk : document["keys"]) {
    if (!jwk.is_object()) continue;
    std::string kty = StringMember(jwk, "kty");
    if (jwk.contains("use") && jwk["use"] != "sig") continue;  // e.g. encryption keys
    JsonWebKey key;
    if (jwk.contains("kid")) {
      if (!jwk["kid"].is_string()) continue;
      key.kid = jwk["kid"].get<std::string>();
    }
    if (jwk.contains("alg")) {
      if (!jwk["alg"].is_string()) continue;
      key.alg = jwk["alg"].get<std::string>();
    }
    if (kty == "RSA") {
      key.type = KeyType::kRsa;
      key.key = RsaKeyFromJwk(jwk);
    } else if (kty == "EC") {
      key.type = KeyType::kEcP256;
      key.key = EcKeyFromJwk(jwk);
    }
    if (!key.key || (!key.alg.empty() && !key.Allows(key.alg))) continue;
    // With two keys of one name, which one verifies would depend on order.
    if (!key.kid.empty() && !kids.insert(key.kid).second) continue;
    set.keys_.push_back(std::move(key));
  }
  if (set.keys_.empty()) return InvalidArgument("the key set holds no usable signature key");
  return set;
}

Result<Jwks> Jwks::Parse(std::string_view text) {
  auto document = internal::ParseJson(text);
  if (!document) return InvalidArgument("the key set is not JSON");
  return FromJson(*document);
}

const JsonWebKey* Jwks::Find(std::string_view kid) const {
  for (const JsonWebKey& key : keys_) {
    if (key.kid == kid) return &key;
  }
  return nullptr;
}

// --- Verification -----------------------------------------------------------

Result<std::string> TokenKeyId(std::string_view token) {
  LOKET_ASSIGN_OR_RETURN(DecodedToken decoded, Decode(token, /*with_payload=*/false));
  auto kid = decoded.header.find("kid");
  if (kid == decoded.header.end()) return std::string();
  if (!kid->is_string()) return Unauthenticated("token kid is not a string");
  return kid->get<std::string>();
}

Result<nlohmann::json> VerifyIdToken(std::string_view token, const Jwks& jwks,
                                     const Expectations& expect) {
  LOKET_ASSIGN_OR_RETURN(DecodedToken decoded, Decode(token, /*with_payload=*/true));
  const json& header = decoded.header;

  auto alg_it = header.find("alg");
  if (alg_it == header.end() || !alg_it->is_string()) return Unauthenticated("token has no alg");
  const std::string& alg = alg_it->get_ref<const std::string&>();
  if (alg == "none" || alg.empty()) return Unauthenticated("unsigned token (alg none) refused");
  if (alg.rfind("HS", 0) == 0) return Unauthenticated("symmetric token alg " + alg + " refused");
  if (!DigestFor(alg)) return Unauthenticated("unsupported token alg " + alg);
  // RFC 7515 section 4.1.11: extensions we do not understand must fail.
  if (header.contains("crit")) return Unauthenticated("token header has crit extensions");

  const JsonWebKey* key = nullptr;
  auto kid = header.find("kid");
  if (kid != header.end()) {
    if (!kid->is_string()) return Unauthenticated("token kid is not a string");
    key = jwks.Find(kid->get_ref<const std::string&>());
    if (!key) return Unauthenticated("no key with the token's kid");
  } else if (jwks.keys().size() == 1) {
    key = &jwks.keys().front();  // OpenID Connect Core 10.1: kid may be left out then
  } else {
    return Unauthenticated("token has no kid and the key set holds several keys");
  }
  if (!key->Allows(alg)) return Unauthenticated("token alg " + alg + " does not fit its key");
  if (decoded.signature.empty()) return Unauthenticated("token signature is missing");
  if (!VerifySignature(*key, alg, decoded.signing_input, decoded.signature)) {
    return Unauthenticated("token signature is invalid");
  }
  LOKET_RETURN_IF_ERROR(CheckClaims(decoded.payload, expect));
  return std::move(decoded.payload);
}

// --- PKCE -------------------------------------------------------------------

std::string PkceChallenge(std::string_view verifier) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(verifier.data(), verifier.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    return {};  // matches no challenge
  }
  return Base64UrlEncode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

bool IsValidPkceVerifier(std::string_view verifier) {
  if (verifier.size() < 43 || verifier.size() > 128) return false;
  for (char c : verifier) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == '_' || c == '~';
    if (!ok) return false;
  }
  return true;
}

}  // namespace loket::oidc

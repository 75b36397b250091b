#include "oidc/jwt.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <optional>
#include <string>

#include "core/secrets.h"
#include "oidc/encoding.h"

namespace loket::oidc {
namespace {

using nlohmann::json;
using std::chrono::seconds;

constexpr char kIssuer[] = "https://idp.example";
constexpr char kClient[] = "loket";
constexpr char kNonce[] = "n-0S6_WzA2Mj";

// Keys are slow to generate; every test shares these.
struct Keys {
  SigningKey rsa = SigningKey::Generate("rsa-1").value();
  SigningKey rsa_same_kid = SigningKey::Generate("rsa-1").value();  // another key, same name
  SigningKey ec = SigningKey::Generate("ec-1", SigningKey::Algorithm::kEs256).value();
};
const Keys& K() {
  static const Keys* keys = new Keys();
  return *keys;
}

Jwks KeySet() {
  return Jwks::FromJson(json{{"keys", {K().rsa.PublicJwk(), K().ec.PublicJwk()}}}).value();
}

std::chrono::system_clock::time_point Now() {
  return std::chrono::system_clock::time_point(seconds(1'700'000'000));
}
int64_t NowSeconds() { return 1'700'000'000; }

json Claims() {
  return {{"iss", kIssuer},      {"sub", "subject-1"},
          {"aud", kClient},      {"exp", NowSeconds() + 300},
          {"iat", NowSeconds()}, {"nonce", kNonce}};
}

Expectations Expect() {
  Expectations e;
  e.issuer = kIssuer;
  e.audience = kClient;
  e.nonce = kNonce;
  e.now = Now();
  return e;
}

std::string Sign(const json& claims, const SigningKey& key = K().rsa) {
  return key.Sign(claims).value();
}

// A token with any header and signature, for the cases a signer refuses to
// produce.
std::string Assemble(const json& header, const json& claims, std::string_view signature) {
  return Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(claims.dump()) + "." +
         Base64UrlEncode(signature);
}

std::string SignatureOf(const std::string& token) { return token.substr(token.rfind('.') + 1); }

Status Verify(const std::string& token, const Expectations& e = Expect()) {
  return VerifyIdToken(token, KeySet(), e).status();
}

void ExpectRejected(const std::string& token, std::string_view reason,
                    const Expectations& e = Expect()) {
  Status st = Verify(token, e);
  EXPECT_EQ(st.code(), StatusCode::kUnauthenticated) << st.ToString();
  EXPECT_NE(st.message().find(reason), std::string::npos) << st.message();
}

TEST(JwtTest, AcceptsAValidRs256Token) {
  auto claims = VerifyIdToken(Sign(Claims()), KeySet(), Expect());
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  EXPECT_EQ((*claims)["sub"], "subject-1");
}

TEST(JwtTest, AcceptsAValidEs256Token) {
  auto claims = VerifyIdToken(Sign(Claims(), K().ec), KeySet(), Expect());
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  EXPECT_EQ((*claims)["nonce"], kNonce);
}

TEST(JwtTest, HeaderNamesAlgorithmAndKey) {
  std::string token = Sign(Claims());
  auto header = json::parse(*Base64UrlDecode(token.substr(0, token.find('.'))));
  EXPECT_EQ(header["alg"], "RS256");
  EXPECT_EQ(header["kid"], "rsa-1");
  EXPECT_EQ(TokenKeyId(token).value(), "rsa-1");
  EXPECT_FALSE(TokenKeyId("garbage").ok());
}

TEST(JwtTest, RejectsAWrongSignature) {
  ExpectRejected(Sign(Claims(), K().rsa_same_kid), "signature is invalid");
  // The same signature over changed claims.
  json changed = Claims();
  changed["sub"] = "someone-else";
  std::string good = Sign(Claims());
  ExpectRejected(Assemble({{"alg", "RS256"}, {"kid", "rsa-1"}, {"typ", "JWT"}}, changed,
                          *Base64UrlDecode(SignatureOf(good))),
                 "signature is invalid");
  // An ES256 signature with one bit flipped.
  std::string ec = Sign(Claims(), K().ec);
  std::string sig = *Base64UrlDecode(SignatureOf(ec));
  sig[5] = static_cast<char>(sig[5] ^ 1);
  ExpectRejected(ec.substr(0, ec.rfind('.') + 1) + Base64UrlEncode(sig), "signature is invalid");
}

TEST(JwtTest, RejectsAnUnknownKid) {
  auto other = SigningKey::Generate("rsa-2").value();
  ExpectRejected(Sign(Claims(), other), "no key with the token's kid");
}

TEST(JwtTest, WithoutKidOnlyASingleKeyIsUsed) {
  auto unnamed = SigningKey::Generate("").value();
  std::string token = Sign(Claims(), unnamed);
  EXPECT_EQ(TokenKeyId(token).value(), "");
  Jwks one = Jwks::FromJson(json{{"keys", {unnamed.PublicJwk()}}}).value();
  EXPECT_TRUE(VerifyIdToken(token, one, Expect()).ok());
  Jwks two = Jwks::FromJson(json{{"keys", {unnamed.PublicJwk(), K().ec.PublicJwk()}}}).value();
  Status st = VerifyIdToken(token, two, Expect()).status();
  EXPECT_EQ(st.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(st.message().find("no kid"), std::string::npos) << st.message();
}

TEST(JwtTest, RejectsAlgNone) {
  ExpectRejected(Assemble({{"alg", "none"}, {"kid", "rsa-1"}}, Claims(), ""), "alg none");
  ExpectRejected(Assemble({{"alg", "none"}}, Claims(), ""), "alg none");
  ExpectRejected(Assemble({{"alg", "none"}, {"kid", "rsa-1"}}, Claims(), "x"), "alg none");
  ExpectRejected(Assemble({{"kid", "rsa-1"}}, Claims(), "x"), "no alg");
}

TEST(JwtTest, RejectsHs256WithThePublicKeyAsSecret) {
  json header = {{"alg", "HS256"}, {"kid", "rsa-1"}, {"typ", "JWT"}};
  std::string input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(Claims().dump());
  for (const std::string& secret :
       {K().rsa.PublicJwk().dump(),
        *Base64UrlDecode(K().rsa.PublicJwk()["n"].get<std::string>())}) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    ASSERT_NE(
        HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
             reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &length),
        nullptr);
    std::string token =
        input + "." + Base64UrlEncode(std::string(reinterpret_cast<char*>(mac), length));
    ExpectRejected(token, "symmetric token alg HS256 refused");
  }
}

TEST(JwtTest, RejectsAlgorithmsThatDoNotFitTheKeyOrAreUnknown) {
  std::string sig = *Base64UrlDecode(SignatureOf(Sign(Claims())));
  ExpectRejected(Assemble({{"alg", "ES256"}, {"kid", "rsa-1"}}, Claims(), sig),
                 "does not fit its key");
  ExpectRejected(Assemble({{"alg", "RS256"}, {"kid", "ec-1"}}, Claims(), sig),
                 "does not fit its key");
  ExpectRejected(Assemble({{"alg", "PS256"}, {"kid", "rsa-1"}}, Claims(), sig), "unsupported");
  ExpectRejected(Assemble({{"alg", "RS256"}, {"kid", "rsa-1"}, {"crit", {"exp"}}}, Claims(), sig),
                 "crit");
  // The key set says the key is for RS384 only.
  json jwk = K().rsa.PublicJwk();
  jwk["alg"] = "RS384";
  Jwks rs384 = Jwks::FromJson(json{{"keys", {jwk}}}).value();
  EXPECT_EQ(VerifyIdToken(Sign(Claims()), rs384, Expect()).status().code(),
            StatusCode::kUnauthenticated);
}

TEST(JwtTest, RejectsAWrongIssuer) {
  json claims = Claims();
  claims["iss"] = "https://idp.example/";
  ExpectRejected(Sign(claims), "iss");
  claims.erase("iss");
  ExpectRejected(Sign(claims), "iss");
}

TEST(JwtTest, ChecksTheAudienceAndAuthorizedParty) {
  json claims = Claims();
  claims["aud"] = "someone-else";
  ExpectRejected(Sign(claims), "aud is not this client");
  claims["aud"] = json::array({"someone-else", "third"});
  ExpectRejected(Sign(claims), "does not include this client");
  claims["aud"] = json::array({kClient, "third"});
  ExpectRejected(Sign(claims), "no azp");
  claims["azp"] = "third";
  ExpectRejected(Sign(claims), "azp is not this client");
  claims["azp"] = kClient;
  EXPECT_TRUE(Verify(Sign(claims)).ok());
  claims["aud"] = json::array({kClient});
  claims.erase("azp");
  EXPECT_TRUE(Verify(Sign(claims)).ok());
  claims["aud"] = 7;
  ExpectRejected(Sign(claims), "neither a string nor a list");
  claims.erase("aud");
  ExpectRejected(Sign(claims), "no aud");
}

TEST(JwtTest, ExpiryAllowsTheClockSkewAndNoMore) {
  json claims = Claims();
  claims["exp"] = NowSeconds() - 30;  // within the 60 s skew
  EXPECT_TRUE(Verify(Sign(claims)).ok());
  claims["exp"] = NowSeconds() - 60;
  ExpectRejected(Sign(claims), "expired");
  claims["exp"] = NowSeconds() - 3600;
  ExpectRejected(Sign(claims), "expired");
  claims["exp"] = static_cast<double>(NowSeconds()) + 10.5;  // fractional seconds are allowed
  EXPECT_TRUE(Verify(Sign(claims)).ok());
  claims["exp"] = "tomorrow";
  ExpectRejected(Sign(claims), "not a number");
  claims["exp"] = 1e300;
  ExpectRejected(Sign(claims), "out of range");
  claims.erase("exp");
  ExpectRejected(Sign(claims), "no exp");
  Expectations strict = Expect();
  strict.max_skew = seconds(0);
  claims["exp"] = NowSeconds() - 1;
  ExpectRejected(Sign(claims), "expired", strict);
}

TEST(JwtTest, RejectsTokensIssuedInTheFutureOrNotYetValid) {
  json claims = Claims();
  claims["iat"] = NowSeconds() + 30;
  EXPECT_TRUE(Verify(Sign(claims)).ok());
  claims["iat"] = NowSeconds() + 120;
  ExpectRejected(Sign(claims), "iat is in the future");
  claims.erase("iat");
  ExpectRejected(Sign(claims), "no iat");
  claims = Claims();
  claims["nbf"] = NowSeconds() + 120;
  ExpectRejected(Sign(claims), "nbf");
  claims["nbf"] = NowSeconds() - 10;
  EXPECT_TRUE(Verify(Sign(claims)).ok());
}

TEST(JwtTest, RejectsANonceMismatch) {
  json claims = Claims();
  claims["nonce"] = "another-nonce";
  ExpectRejected(Sign(claims), "nonce does not match");
  claims.erase("nonce");
  ExpectRejected(Sign(claims), "no nonce");
  Expectations no_nonce = Expect();
  no_nonce.nonce.clear();
  ExpectRejected(Sign(Claims()), "no nonce", no_nonce);
}

TEST(JwtTest, RequiresASubject) {
  json claims = Claims();
  claims["sub"] = "";
  ExpectRejected(Sign(claims), "sub");
  claims["sub"] = std::string(300, 'x');
  ExpectRejected(Sign(claims), "sub");
  claims.erase("sub");
  ExpectRejected(Sign(claims), "sub");
}

TEST(JwtTest, MaxAgeNeedsARecentAuthTime) {
  Expectations e = Expect();
  e.max_age = seconds(600);
  json claims = Claims();
  ExpectRejected(Sign(claims), "no auth_time", e);
  claims["auth_time"] = NowSeconds() - 300;
  EXPECT_TRUE(Verify(Sign(claims), e).ok());
  claims["auth_time"] = NowSeconds() - 900;
  ExpectRejected(Sign(claims), "older than max_age", e);
}

TEST(JwtTest, RejectsMalformedTokens) {
  std::string good = Sign(Claims());
  std::string header = good.substr(0, good.find('.'));
  std::string payload = good.substr(good.find('.') + 1, good.rfind('.') - good.find('.') - 1);
  std::string signature = SignatureOf(good);
  for (const std::string& token : {
           std::string(),
           std::string("abc"),
           header + "." + payload,
           header + "." + payload + "." + signature + ".x",
           header + "." + payload + ".",               // no signature
           "." + payload + "." + signature,            // no header
           header + ".." + signature,                  // no payload
           header + "=." + payload + "." + signature,  // padding
           header + "." + payload + "." + signature + "==",
           "!!!." + payload + "." + signature,  // not base64url
           Base64UrlEncode("not json") + "." + payload + "." + signature,
           Base64UrlEncode("[1,2]") + "." + payload + "." + signature,
           header + "." + Base64UrlEncode("[1,2]") + "." + signature,
           header + "." + Base64UrlEncode(std::string(200, '[') + std::string(200, ']')) + "." +
               signature,
           header + "." + std::string(20000, 'A') + "." + signature,
       }) {
    Status st = Verify(token);
    EXPECT_EQ(st.code(), StatusCode::kUnauthenticated) << token.substr(0, 80);
  }
  EXPECT_TRUE(Verify(good).ok());
}

TEST(JwksTest, ParsesRsaAndEcKeysAndFindsThemByKid) {
  Jwks set = KeySet();
  ASSERT_EQ(set.keys().size(), 2u);
  ASSERT_NE(set.Find("rsa-1"), nullptr);
  EXPECT_EQ(set.Find("rsa-1")->type, KeyType::kRsa);
  EXPECT_EQ(set.Find("ec-1")->type, KeyType::kEcP256);
  EXPECT_EQ(set.Find("nope"), nullptr);
  json jwk = K().rsa.PublicJwk();
  EXPECT_EQ(jwk["kty"], "RSA");
  EXPECT_EQ(jwk["e"], "AQAB");
  EXPECT_EQ(Base64UrlDecode(jwk["n"].get<std::string>())->size(), 256u);  // 2048 bits
  EXPECT_EQ(jwk["use"], "sig");
  EXPECT_EQ(jwk["alg"], "RS256");
  auto parsed = Jwks::Parse(json{{"keys", {jwk}}}.dump());
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(VerifyIdToken(Sign(Claims()), *parsed, Expect()).ok());
}

TEST(JwksTest, SkipsKeysItCannotUse) {
  json rsa = K().rsa.PublicJwk();
  json ec = K().ec.PublicJwk();
  json encryption = rsa;
  encryption["kid"] = "enc";
  encryption["use"] = "enc";
  json short_rsa = {{"kty", "RSA"},
                    {"kid", "short"},
                    {"n", Base64UrlEncode(std::string(128, '\xC3'))},
                    {"e", "AQAB"}};
  json other_curve = ec;
  other_curve["kid"] = "p384";
  other_curve["crv"] = "P-384";
  json off_curve = ec;
  off_curve["kid"] = "off";
  off_curve["y"] = Base64UrlEncode(std::string(32, '\x01'));
  json symmetric = {{"kty", "oct"}, {"kid", "hmac"}, {"k", "c2VjcmV0"}};
  json wrong_alg = rsa;
  wrong_alg["kid"] = "wrong-alg";
  wrong_alg["alg"] = "ES256";
  json duplicate = K().rsa_same_kid.PublicJwk();  // kid rsa-1 again
  json doc = {{"keys",
               {rsa, encryption, short_rsa, other_curve, off_curve, symmetric, wrong_alg, duplicate,
                42, json::object({{"kty", 5}})}}};
  auto set = Jwks::FromJson(doc);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->keys().size(), 1u);
  EXPECT_EQ(set->keys()[0].kid, "rsa-1");
  // The first rsa-1 is kept, so its tokens verify.
  EXPECT_TRUE(VerifyIdToken(Sign(Claims()), *set, Expect()).ok());
}

TEST(JwksTest, RejectsDocumentsThatAreNoKeySet) {
  EXPECT_EQ(Jwks::Parse("not json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(Jwks::FromJson(json::array()).ok());
  EXPECT_FALSE(Jwks::FromJson(json{{"keys", "x"}}).ok());
  EXPECT_FALSE(Jwks::FromJson(json{{"keys", json::array()}}).ok());
}

TEST(PkceTest, MatchesRfc7636AppendixB) {
  const std::string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  EXPECT_EQ(PkceChallenge(verifier), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  EXPECT_TRUE(IsValidPkceVerifier(verifier));
  EXPECT_TRUE(IsValidPkceVerifier(RandomToken()));
  EXPECT_FALSE(IsValidPkceVerifier(std::string(42, 'a')));
  EXPECT_TRUE(IsValidPkceVerifier(std::string(128, '~')));
  EXPECT_FALSE(IsValidPkceVerifier(std::string(129, 'a')));
  EXPECT_FALSE(IsValidPkceVerifier(std::string(42, 'a') + "+"));
}

}  // namespace
}  // namespace loket::oidc

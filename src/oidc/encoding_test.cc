#include "oidc/encoding.h"

#include "core/secrets.h"

#include <gtest/gtest.h>

#include <set>

namespace loket::oidc {
namespace {

TEST(EncodingTest, Base64UrlRoundTripsWithoutPadding) {
  for (const std::string& bytes : {std::string(), std::string("f"), std::string("fo"),
                                   std::string("foo"), std::string("\xff\xfe\x00\x01", 4)}) {
    std::string encoded = Base64UrlEncode(bytes);
    EXPECT_EQ(encoded.find('='), std::string::npos);
    EXPECT_EQ(Base64UrlDecode(encoded), bytes);
  }
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_FALSE(Base64UrlDecode("Zg==").has_value());  // padded
  EXPECT_FALSE(Base64UrlDecode("+/8").has_value());   // standard alphabet
  EXPECT_FALSE(Base64UrlDecode("Zh").has_value());    // non-zero trailing bits
  EXPECT_FALSE(Base64UrlDecode("Z").has_value());
}

TEST(EncodingTest, RandomTokensAreBase64Url) {
  EXPECT_EQ(Base64UrlDecode(RandomToken())->size(), 32u);
}

TEST(EncodingTest, FormEncodingRoundTrips) {
  FormFields fields = {{"redirect_uri", "https://loket.example/inloggen/terug?x=1&y=2"},
                       {"scope", "openid profile"},
                       {"name", "Zoë + Jan/ß"},
                       {"empty", ""}};
  std::string encoded = FormEncode(fields);
  EXPECT_EQ(encoded.find(' '), std::string::npos);
  EXPECT_NE(encoded.find("scope=openid%20profile"), std::string::npos);
  auto parsed = ParseForm(encoded);
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->size(), fields.size());
  for (const auto& [name, value] : fields) EXPECT_EQ(parsed->at(name), value);
}

TEST(EncodingTest, ParseFormAcceptsPlusAndRejectsAmbiguity) {
  auto parsed = ParseForm("a=one+two&b=%2B&c&&d=");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->at("a"), "one two");
  EXPECT_EQ(parsed->at("b"), "+");
  EXPECT_EQ(parsed->at("c"), "");
  EXPECT_EQ(parsed->at("d"), "");
  EXPECT_TRUE(ParseForm("")->empty());
  EXPECT_FALSE(ParseForm("a=1&a=2").has_value());  // RFC 6749 3.1: once only
  EXPECT_FALSE(ParseForm("a=%zz").has_value());
  EXPECT_FALSE(ParseForm("a=%4").has_value());
  EXPECT_FALSE(ParseForm("a=%00").has_value());
  EXPECT_FALSE(ParseForm("=x").has_value());
  EXPECT_EQ(FormDecode("%41%62c+d"), "Abc d");
}

TEST(EncodingTest, AppendQuery) {
  EXPECT_EQ(AppendQuery("https://a.example/cb", "code=1"), "https://a.example/cb?code=1");
  EXPECT_EQ(AppendQuery("https://a.example/cb?x=y", "code=1"), "https://a.example/cb?x=y&code=1");
  EXPECT_EQ(AppendQuery("https://a.example/cb?", "code=1"), "https://a.example/cb?code=1");
  EXPECT_EQ(AppendQuery("https://a.example/cb", ""), "https://a.example/cb");
}

TEST(EncodingTest, BasicAuthorizationRoundTrips) {
  // RFC 6749 2.3.1: id and secret are form-encoded first, so ':' survives.
  std::string header = BasicAuthorization("client:one", "s3cr3t with spaces/+");
  EXPECT_EQ(header.rfind("Basic ", 0), 0u);
  auto parsed = ParseBasicAuthorization(header);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->first, "client:one");
  EXPECT_EQ(parsed->second, "s3cr3t with spaces/+");
  EXPECT_EQ(ParseBasicAuthorization("basic Y2xpZW50OnNlY3JldA==")->second, "secret");
  EXPECT_FALSE(ParseBasicAuthorization("Bearer abc").has_value());
  EXPECT_FALSE(ParseBasicAuthorization("Basic !!!").has_value());
  EXPECT_FALSE(ParseBasicAuthorization("Basic bm9jb2xvbg==").has_value());  // "nocolon"
  EXPECT_FALSE(ParseBasicAuthorization("").has_value());
}

}  // namespace
}  // namespace loket::oidc

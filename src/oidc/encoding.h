// Encodings that OpenID Connect messages use on both sides of the protocol:
// base64url (JOSE, PKCE), form and query encoding (RFC 6749 appendix B),
// HTTP Basic client credentials (RFC 6749 section 2.3.1). Random tokens
// and comparing secrets are in core/secrets.h.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loket::oidc {

// Base64url without padding (RFC 7515 section 2).
std::string Base64UrlEncode(std::string_view bytes);
// Nothing for text that is not canonical unpadded base64url.
std::optional<std::string> Base64UrlDecode(std::string_view text);

// Percent-encodes everything except the unreserved characters of RFC 3986.
std::string UrlEncode(std::string_view text);
// Undoes form encoding ('+' is a space); nothing for a malformed escape.
std::optional<std::string> FormDecode(std::string_view text);

using FormFields = std::vector<std::pair<std::string, std::string>>;
// "a=1&b=two%20words", in the given order.
std::string FormEncode(const FormFields& fields);
// Parses an application/x-www-form-urlencoded body or query string. Nothing
// when it is malformed or names a parameter twice, which RFC 6749 section
// 3.1 forbids and which would make it ambiguous which value was checked.
std::optional<std::map<std::string, std::string>> ParseForm(std::string_view text);
// The URL with the encoded query appended after '?' or, when it already has
// a query, after '&'.
std::string AppendQuery(std::string_view url, std::string_view encoded_query);

// The value of an Authorization header for client_secret_basic: both parts
// form-encoded before base64, as RFC 6749 section 2.3.1 requires.
std::string BasicAuthorization(std::string_view client_id, std::string_view client_secret);
// The client id and secret of such a header; nothing when it is not one.
std::optional<std::pair<std::string, std::string>> ParseBasicAuthorization(std::string_view header);

}  // namespace loket::oidc

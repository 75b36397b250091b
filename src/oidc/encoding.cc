#include "oidc/encoding.h"

#include <curl/curl.h>
#include <sodium.h>
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>


namespace loket::oidc {
namespace {

struct CurlFree {
  void operator()(char* p) const { curl_free(p); }
};

std::string Base64(std::string_view bytes, int variant) {
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(out.size() - 1);  // the terminating NUL libsodium writes
  return out;
}

std::optional<std::string> FromBase64(std::string_view text, int variant) {
  std::string out(text.size(), '\0');
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, &end, variant) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
  return Base64(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  return FromBase64(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string UrlEncode(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > INT_MAX) return {};
  // libcurl accepts a null handle for escaping since 7.82.
  std::unique_ptr<char, CurlFree> escaped(
      curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size())));
  return escaped ? std::string(escaped.get()) : std::string();
}

std::optional<std::string> FormDecode(std::string_view text) {
  if (text.size() > INT_MAX) return std::nullopt;
  std::string plus_as_space(text);
  for (size_t i = 0; i < plus_as_space.size(); ++i) {
    char& c = plus_as_space[i];
    if (c == '+') c = ' ';
    // libcurl leaves a malformed escape as it is; here it makes the input
    // invalid instead, so that two readers cannot disagree about it.
    if (c == '%' && (i + 2 >= plus_as_space.size() ||
                     !std::isxdigit(static_cast<unsigned char>(plus_as_space[i + 1])) ||
                     !std::isxdigit(static_cast<unsigned char>(plus_as_space[i + 2])))) {
      return std::nullopt;
    }
  }
  if (plus_as_space.empty()) return std::string();
  int length = 0;
  std::unique_ptr<char, CurlFree> decoded(curl_easy_unescape(
      nullptr, plus_as_space.data(), static_cast<int>(plus_as_space.size()), &length));
  if (!decoded) return std::nullopt;
  std::string out(decoded.get(), static_cast<size_t>(length));
  // No protocol value contains a NUL byte; one would be cut short by C APIs.
  if (out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

std::string FormEncode(const FormFields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += UrlEncode(name);
    out += '=';
    out += UrlEncode(value);
  }
  return out;
}

std::optional<std::map<std::string, std::string>> ParseForm(std::string_view text) {
  std::map<std::string, std::string> fields;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view pair = text.substr(start, end - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      auto name = FormDecode(pair.substr(0, eq));
      auto value =
          FormDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
      if (!name || !value || name->empty()) return std::nullopt;
      if (!fields.emplace(std::move(*name), std::move(*value)).second) return std::nullopt;
    }
    start = end + 1;
  }
  return fields;
}

std::string AppendQuery(std::string_view url, std::string_view encoded_query) {
  std::string out(url);
  if (encoded_query.empty()) return out;
  if (out.find('?') == std::string::npos) {
    out += '?';
  } else if (out.back() != '?' && out.back() != '&') {
    out += '&';
  }
  out += encoded_query;
  return out;
}

std::string BasicAuthorization(std::string_view client_id, std::string_view client_secret) {
  std::string credentials = UrlEncode(client_id) + ":" + UrlEncode(client_secret);
  return "Basic " + Base64(credentials, sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::pair<std::string, std::string>> ParseBasicAuthorization(
    std::string_view header) {
  constexpr std::string_view kScheme = "basic ";
  if (header.size() <= kScheme.size() ||
      strncasecmp(header.data(), kScheme.data(), kScheme.size()) != 0) {
    return std::nullopt;
  }
  std::string_view encoded = header.substr(kScheme.size());
  while (!encoded.empty() && encoded.front() == ' ') encoded.remove_prefix(1);
  auto decoded = FromBase64(encoded, sodium_base64_VARIANT_ORIGINAL);
  if (!decoded) return std::nullopt;
  size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  auto id = FormDecode(std::string_view(*decoded).substr(0, colon));
  auto secret = FormDecode(std::string_view(*decoded).substr(colon + 1));
  if (!id || !secret) return std::nullopt;
  return std::make_pair(std::move(*id), std::move(*secret));
}

}  // namespace loket::oidc

// The HTTP request and response as the rest of the program sees them.
//
// Handlers in every module work on these plain types; only server.cc knows
// RESTinio. Header names are lower-case.
// Thread-safety: value types.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loket::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

// A file sent in a multipart/form-data body. Everything but `data` is what
// the client claimed: check the content itself before trusting its type.
struct UploadedFile {
  std::string name;          // the form field's name
  std::string filename;      // as sent; may be empty, or a path on the client
  std::string content_type;  // as sent, e.g. "application/pdf"; may be empty
  std::string data;
};

struct Request {
  Method method = Method::kGet;
  std::string path;  // decoded path without the query string
  std::string target;  // path and query string as received
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;
  std::map<std::string, std::string> params;  // route parameters (":id")
  std::string body;
  // The fields of an application/x-www-form-urlencoded body, or the
  // fields without a file of a multipart/form-data body.
  std::multimap<std::string, std::string> form;
  // The files of a multipart/form-data body, in the order sent.
  std::vector<UploadedFile> files;
  std::string remote_address;

  // The first value of a query parameter, if present.
  std::optional<std::string> Query(const std::string& name) const;
  std::string QueryOr(const std::string& name, std::string fallback) const;
  std::string Header(const std::string& lower_name) const;
  const std::string& Param(const std::string& name) const;
  // The first value of a form field, or "" when absent.
  std::string Form(const std::string& name) const;
  // The first file sent in the form field `name`, or null.
  const UploadedFile* File(const std::string& name) const;
  // The value of a cookie, or "" when absent.
  std::string Cookie(std::string_view name) const;
  // Whether the method may change state (everything but GET, HEAD, OPTIONS).
  bool Unsafe() const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& SetHeader(std::string name, std::string value);
  const std::string* FindHeader(std::string_view name) const;
};

// The client's address: `peer` (who connected), or, when the peer is one
// of the `trusted_proxies` (nginx in front), the address its
// X-Forwarded-For names: the rightmost entry that is not itself a trusted
// proxy. Entries that are not IP addresses make it fall back to `peer`.
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

// The standard reason phrase of an HTTP status code, e.g. "Not Found".
const char* ReasonPhrase(int status);

Response HtmlResponse(int status, std::string body);
Response JsonResponse(int status, std::string body);
Response TextResponse(int status, std::string content_type, std::string body);
Response RedirectResponse(int status, std::string location);

}  // namespace loket::http

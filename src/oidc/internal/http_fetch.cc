#include "oidc/internal/http_fetch.h"

#include <curl/curl.h>
#include <strings.h>

#include <memory>
#include <mutex>
#include <optional>

namespace loket::oidc::internal {
namespace {

void EnsureCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlStringDeleter {
  void operator()(char* p) const { curl_free(p); }
};
struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "[::1]" || strcasecmp(host.c_str(), "localhost") == 0;
}

struct Sink {
  std::string body;
  size_t max = 0;
  bool too_big = false;
};

size_t Write(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  size_t n = size * count;
  if (sink->body.size() + n > sink->max) {
    sink->too_big = true;
    return 0;  // makes libcurl abort the transfer
  }
  sink->body.append(data, n);
  return n;
}

Result<FetchedResponse> Perform(const std::string& url, const std::string* post_body,
                                const std::vector<std::string>& headers,
                                const FetchLimits& limits) {
  LOKET_RETURN_IF_ERROR(CheckProviderUrl(url));
  EnsureCurl();
  std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
  if (!curl) return Unavailable("cannot create a curl handle");
  curl_slist* raw_list = nullptr;
  for (const std::string& h : headers) {
    curl_slist* next = curl_slist_append(raw_list, h.c_str());
    if (!next) {
      curl_slist_free_all(raw_list);
      return Unavailable("cannot build request headers");
    }
    raw_list = next;
  }
  std::unique_ptr<curl_slist, ListDeleter> list(raw_list);
  Sink sink;
  sink.max = limits.max_body_bytes;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  // Redirects are not followed: every URL the client fetches comes from the
  // configuration or the provider's metadata and has been checked.
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // required for timeouts in threads
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total_timeout.count()));
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_body_bytes));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "loket-oidc");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &Write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  if (list) curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
  if (post_body) {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, post_body->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body->size()));
  }
  CURLcode rc = curl_easy_perform(c);
  if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
    return Unavailable(url + ": response larger than " + std::to_string(limits.max_body_bytes) +
                       " bytes");
  }
  if (rc == CURLE_OPERATION_TIMEDOUT) return Unavailable(url + ": timed out");
  if (rc != CURLE_OK) return Unavailable(url + ": " + curl_easy_strerror(rc));
  FetchedResponse response;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  char* type = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) {
    response.content_type = type;
  }
  response.body = std::move(sink.body);
  return response;
}

}  // namespace

Status CheckProviderUrl(std::string_view url) {
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed) return Internal("cannot create a curl URL handle");
  std::string text(url);
  if (curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return InvalidArgument("not an absolute URL: " + text);
  }
  auto part = [&](CURLUPart which) -> std::optional<std::string> {
    char* value = nullptr;
    if (curl_url_get(parsed.get(), which, &value, 0) != CURLUE_OK || !value) return std::nullopt;
    std::unique_ptr<char, CurlStringDeleter> owned(value);
    return std::string(owned.get());
  };
  auto scheme = part(CURLUPART_SCHEME);
  auto host = part(CURLUPART_HOST);
  if (!scheme || !host || host->empty()) return InvalidArgument("URL without a host: " + text);
  if (part(CURLUPART_USER) || part(CURLUPART_FRAGMENT)) {
    return InvalidArgument("URL with credentials or a fragment: " + text);
  }
  if (strcasecmp(scheme->c_str(), "https") == 0) return {};
  if (strcasecmp(scheme->c_str(), "http") == 0 && IsLoopback(*host)) return {};
  return InvalidArgument("provider URLs must use https (http only on loopback): " + text);
}

Result<FetchedResponse> HttpGet(const std::string& url, const FetchLimits& limits) {
  return Perform(url, nullptr, {"Accept: application/json"}, limits);
}

Result<FetchedResponse> HttpPostForm(const std::string& url, const std::string& body,
                                     const std::vector<std::string>& headers,
                                     const FetchLimits& limits) {
  std::vector<std::string> all = {"Accept: application/json",
                                  "Content-Type: application/x-www-form-urlencoded"};
  all.insert(all.end(), headers.begin(), headers.end());
  return Perform(url, &body, all, limits);
}

}  // namespace loket::oidc::internal

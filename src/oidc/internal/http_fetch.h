// The relying party's HTTP client: libcurl with explicit timeouts, a cap on
// the response size, no redirects and only the URLs CheckProviderUrl allows.
// Thread-safety: every call uses its own curl handle; safe from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace loket::oidc::internal {

// https anywhere; plain http only on the loopback interface (127.0.0.1,
// [::1], localhost), for development and tests. kInvalidArgument otherwise.
Status CheckProviderUrl(std::string_view url);

struct FetchLimits {
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds total_timeout{10000};
  size_t max_body_bytes = size_t{256} * 1024;
};

struct FetchedResponse {
  long status = 0;
  std::string content_type;
  std::string body;
};

// kUnavailable for a refused URL, a transport error, a timeout or a body
// over the limit; any HTTP status is a successful fetch.
Result<FetchedResponse> HttpGet(const std::string& url, const FetchLimits& limits);
// POSTs an application/x-www-form-urlencoded body with extra header lines
// ("Name: value").
Result<FetchedResponse> HttpPostForm(const std::string& url, const std::string& body,
                                     const std::vector<std::string>& headers,
                                     const FetchLimits& limits);

}  // namespace loket::oidc::internal

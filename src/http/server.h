// The HTTP server: routes, limits, security headers, metrics.
//
// A thin adapter over RESTinio; nothing outside server.cc sees its types.
// Every input limit and timeout is set explicitly (RESTinio's defaults are
// unlimited). The number of open connections is limited by the reverse
// proxy (nginx), not here: see Traits in server.cc. Handlers run on the
// server's thread pool and may block on the database.
// Thread-safety: register routes before Start(); Stop() from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "http/metrics.h"
#include "http/request.h"

namespace loket::http {

using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port; see Server::port()
  size_t threads = 4;
  size_t max_url_bytes = 8 * 1024;
  size_t max_header_name_bytes = 256;
  size_t max_header_value_bytes = 8 * 1024;
  size_t max_header_count = 100;
  size_t max_body_bytes = 1024 * 1024;
  std::chrono::seconds read_timeout{15};     // reading the next request (keep-alive)
  std::chrono::seconds write_timeout{15};
  std::chrono::seconds handler_timeout{30};
  // Sent as Strict-Transport-Security when serving behind TLS.
  bool hsts = false;
  // Reverse proxies whose X-Forwarded-For is believed (see ClientAddress).
  std::vector<std::string> trusted_proxies;
};

class Server {
 public:
  Server(ServerOptions options, Metrics* metrics);
  ~Server();

  // Pattern syntax: "/services/:id" (a parameter matches one path segment).
  void Route(Method method, const std::string& pattern, Handler handler);
  // Answers requests no route matched (404 pages and problems).
  void SetFallback(Handler handler);

  // Starts listening; returns once the port is bound.
  Status Start();
  uint16_t port() const;
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The security headers every response carries; exposed for tests.
void ApplySecurityHeaders(Response& response, bool hsts);

}  // namespace loket::http

#include "http/problem.h"

#include <nlohmann/json.hpp>

#include "core/log.h"

namespace loket::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kConflict: return 409;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kResourceExhausted: return 429;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

Response ProblemResponse(int status, std::string_view title, std::string_view detail,
                         std::string_view instance) {
  nlohmann::json body = {{"type", "about:blank"}, {"title", std::string(title)}, {"status", status}};
  if (!detail.empty()) body["detail"] = std::string(detail);
  if (!instance.empty()) body["instance"] = std::string(instance);
  Response r = TextResponse(status, "application/problem+json",
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return r;
}

Response ProblemFromStatus(const Status& status, std::string_view instance) {
  int code = HttpStatusFor(status.code());
  Log(code >= 500 ? LogLevel::kError : LogLevel::kInfo, "request_failed", status.ToString());
  return ProblemResponse(code, ReasonPhrase(code), {}, instance);
}

}  // namespace loket::http

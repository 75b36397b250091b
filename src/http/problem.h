// Maps a Status to HTTP: the one place where failure codes become status
// codes. API clients get RFC 7807 problem+json; the text they see is derived
// from the code, never from the internal message.
#pragma once

#include <string_view>

#include "core/status.h"
#include "http/request.h"

namespace loket::http {

int HttpStatusFor(StatusCode code);

// A problem+json response. `detail`, when given, must be safe to show to
// the client (e.g. which parameter was wrong); internal messages are logged,
// not sent.
Response ProblemResponse(int status, std::string_view title, std::string_view detail = {},
                         std::string_view instance = {});
Response ProblemFromStatus(const Status& status, std::string_view instance = {});

}  // namespace loket::http

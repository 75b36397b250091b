// GET /api/v1/me: who the caller is (kind, name, roles), from the staff or
// the public session cookie; 401 problem+json without a session.
// Thread-safety: the handler may run on many threads at once.
#pragma once

#include "auth/guard.h"
#include "http/server.h"

namespace loket::auth {

void RegisterMeApi(http::Server& server, const Guard& guard);

}  // namespace loket::auth

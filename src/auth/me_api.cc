#include "auth/me_api.h"

#include <nlohmann/json.hpp>

namespace loket::auth {

void RegisterMeApi(http::Server& server, const Guard& guard) {
  server.Route(http::Method::kGet, "/api/v1/me",
               guard.RequireApi(nullptr, [](const http::Request&, Visit& v) {
                 const identity::Principal& p = v.session.principal;
                 nlohmann::json roles = nlohmann::json::array();
                 for (identity::Role role : p.roles) {
                   roles.push_back(std::string(identity::RoleName(role)));
                 }
                 nlohmann::json me = {{"kind", std::string(identity::PrincipalKindName(p.kind))},
                                      {"subject", p.subject},
                                      {"name", p.name},
                                      {"roles", roles}};
                 if (!p.email.empty()) me["email"] = p.email;
                 if (!p.bsn.empty()) me["bsn"] = p.bsn;
                 if (!p.post.empty()) me["post"] = p.post;
                 return http::JsonResponse(200, me.dump());
               }));
}

}  // namespace loket::auth

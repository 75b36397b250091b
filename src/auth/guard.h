// The guard every page and API call behind a login goes through: it finds
// the session from its cookie, checks CSRF on every state-changing
// request, and asks the identity module's access rules whether the person
// may see the page. Who is not signed in is sent to the login page; who is
// signed in but may not see something gets 404, exactly as for something
// that does not exist, so that ids cannot be probed.
//
// Cookies: `__Host-` names, Secure, HttpOnly, Path=/, SameSite=Lax for the
// public site (a provider's redirect back must carry it) and Strict for
// staff. Only a site served over plain HTTP on loopback, for development,
// drops Secure and with it the `__Host-` prefix (browsers refuse the
// prefix without Secure).
// Thread-safety: handlers may run on many threads at once.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "audit/audit_log.h"
#include "core/lang.h"
#include "http/request.h"
#include "http/server.h"
#include "identity/principal.h"
#include "identity/sessions.h"
#include "site/site.h"

namespace loket::auth {

struct WebSettings {
  // The site's own origin, "https://loket.example.nl": requests that say
  // they come from elsewhere may not change anything.
  std::string origin;
  bool secure_cookies = true;
};

// Checks `origin` (scheme://host[:port]) and decides the cookie rules:
// https gives Secure cookies; plain http is refused except on loopback.
Result<WebSettings> SettingsForOrigin(const std::string& origin);

// What a guarded handler gets besides the request.
struct Visit {
  Lang lang = Lang::kNl;
  identity::Realm realm = identity::Realm::kPublic;
  identity::Session session;
  std::string token;      // the session's token, to replace or end it
  site::Viewer viewer;    // for the page header, when signed in
  std::string new_token;  // set by the guard when it started the session

  const site::Viewer* ViewerOrNull() const {
    return session.principal.signed_in() ? &viewer : nullptr;
  }
  // A page of this visit's area and language, with the viewer when signed
  // in. `alternate` is the page's URL in the other language.
  site::Page Page(std::string template_name, nlohmann::json context, std::string title,
                  std::string alternate, int status = 200) const;
};

class Guard {
 public:
  using Handler = std::function<http::Response(const http::Request&, Visit&)>;
  using Rule = std::function<bool(const identity::Principal&)>;

  Guard(identity::SessionStore& sessions, audit::AuditLog& audit, const site::Site& site,
        WebSettings settings);

  // A page anyone may use that has forms (a login page): a session is
  // started when there is none, so that its forms carry a CSRF token.
  http::Handler Open(identity::Realm realm, Lang lang, Handler handler) const;
  // A page without forms that anyone may see, shown differently to a
  // signed-in person: the session is looked up but never started.
  http::Handler Peek(identity::Realm realm, Lang lang, Handler handler) const;
  // A page behind a login. `rule` decides, for a signed-in person of the
  // realm's kind, whether the page exists for them.
  http::Handler Require(identity::Realm realm, Lang lang, Rule rule, Handler handler) const;
  // An API call behind a login: 401 problem without a session, 404 when
  // `rule` says no.
  http::Handler RequireApi(Rule rule, Handler handler) const;

  // The live session of the request in `realm`, with its token.
  std::optional<std::pair<identity::Session, std::string>> Find(const http::Request& request,
                                                                identity::Realm realm) const;
  void SetCookie(http::Response& response, identity::Realm realm, const std::string& token) const;
  void ClearCookie(http::Response& response, identity::Realm realm) const;
  std::string CookieName(identity::Realm realm) const;
  // Whether a state-changing request may go ahead: same origin, and the
  // form's or header's CSRF token equals the session's.
  bool CsrfOk(const http::Request& request, const identity::Session& session) const;
  // Whether the request came from the site itself (Origin/Sec-Fetch-Site).
  bool SameOrigin(const http::Request& request) const;
  // Appends to the audit log what happened in this request (its client
  // address is added); a failure to record is logged.
  void Audit(const http::Request& request, std::string actor, std::string action,
             std::string object_type, std::string object_id = "",
             audit::Outcome outcome = audit::Outcome::kSuccess, std::string detail = "") const;

  const site::Site& site() const { return site_; }
  identity::SessionStore& sessions() const { return sessions_; }

 private:
  http::Response Refused(const Visit& visit, int status, const std::string& text_key) const;
  http::Response NotFoundFor(const http::Request& request, const Visit& visit) const;
  // A visit of `realm` in `lang`, with the request's live session if any.
  Visit Begin(const http::Request& request, identity::Realm realm, Lang lang) const;
  void Prepare(Visit& visit) const;

  identity::SessionStore& sessions_;
  audit::AuditLog& audit_;
  const site::Site& site_;
  WebSettings settings_;
};

// `next` when it is a path on this site, else `fallback`: a login never
// sends anyone to another site.
std::string LocalPathOr(const std::string& next, const std::string& fallback);

// The signed-in kinds of each realm.
bool BelongsTo(const identity::Principal& principal, identity::Realm realm);

}  // namespace loket::auth

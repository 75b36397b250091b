#include "auth/guard.h"

#include "core/log.h"
#include "core/strings.h"
#include "http/problem.h"
#include "site/paths.h"

namespace loket::auth {
namespace {

using identity::Principal;
using identity::PrincipalKind;
using identity::Realm;

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "[::1]" ||
         (host.rfind("127.", 0) == 0 && host.find_first_not_of("0123456789.") == host.npos);
}

std::string LoginPath(Realm realm, Lang lang) {
  return realm == Realm::kStaff ? site::paths::StaffLogin(lang) : site::paths::Login(lang);
}

}  // namespace

Result<WebSettings> SettingsForOrigin(const std::string& origin) {
  WebSettings s;
  s.origin = origin;
  while (!s.origin.empty() && s.origin.back() == '/') s.origin.pop_back();
  std::string_view o = s.origin;
  size_t scheme_end = o.find("://");
  if (scheme_end != std::string_view::npos &&
      o.find_first_of("/?#@\\", scheme_end + 3) != std::string_view::npos) {
    return InvalidArgument("the public URL " + s.origin +
                           " must be scheme://host[:port], without a path");
  }
  if (o.rfind("https://", 0) == 0 && o.size() > 8) {
    s.secure_cookies = true;
    return s;
  }
  if (o.rfind("http://", 0) == 0 && o.size() > 7) {
    std::string_view host = o.substr(7);
    host =
        host.front() == '[' ? host.substr(0, host.find(']') + 1) : host.substr(0, host.find(':'));
    if (IsLoopbackHost(host)) {
      s.secure_cookies = false;
      return s;
    }
    return InvalidArgument("the public URL " + s.origin +
                           " is plain HTTP on a public address; use https:// (plain HTTP is "
                           "only for loopback)");
  }
  return InvalidArgument("the public URL must start with https:// (or http:// on loopback)");
}

std::string LocalPathOr(const std::string& next, const std::string& fallback) {
  if (next.size() < 1 || next[0] != '/' || next.size() > 2000) return fallback;
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return fallback;
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return fallback;
  }
  return next;
}

bool BelongsTo(const Principal& p, Realm realm) {
  if (realm == Realm::kStaff) return p.kind == PrincipalKind::kStaff;
  return p.kind == PrincipalKind::kCitizen || p.kind == PrincipalKind::kApplicant;
}

site::Page Visit::Page(std::string template_name, nlohmann::json context, std::string title,
                       std::string alternate, int status) const {
  site::Page page;
  page.status = status;
  page.lang = lang;
  page.template_name = std::move(template_name);
  page.context = std::move(context);
  page.title = std::move(title);
  page.alternate = std::move(alternate);
  page.area = realm == Realm::kStaff ? site::Area::kStaff : site::Area::kPublic;
  page.viewer = ViewerOrNull();
  return page;
}

Guard::Guard(identity::SessionStore& sessions, audit::AuditLog& audit, const site::Site& site,
             WebSettings settings)
    : sessions_(sessions), audit_(audit), site_(site), settings_(std::move(settings)) {}

std::string Guard::CookieName(Realm realm) const {
  std::string name = realm == Realm::kStaff ? "loket-staff" : "loket-session";
  return settings_.secure_cookies ? "__Host-" + name : name;
}

void Guard::SetCookie(http::Response& r, Realm realm, const std::string& token) const {
  std::string cookie = CookieName(realm) + "=" + token + "; Path=/; HttpOnly; SameSite=" +
                       (realm == Realm::kStaff ? "Strict" : "Lax");
  if (settings_.secure_cookies) cookie += "; Secure";
  r.headers.emplace_back("Set-Cookie", std::move(cookie));
  r.SetHeader("Cache-Control", "no-store");
}

void Guard::ClearCookie(http::Response& r, Realm realm) const {
  std::string cookie = CookieName(realm) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=" +
                       (realm == Realm::kStaff ? "Strict" : "Lax");
  if (settings_.secure_cookies) cookie += "; Secure";
  r.headers.emplace_back("Set-Cookie", std::move(cookie));
  r.SetHeader("Cache-Control", "no-store");
}

std::optional<std::pair<identity::Session, std::string>> Guard::Find(const http::Request& request,
                                                                     Realm realm) const {
  std::string token = request.Cookie(CookieName(realm));
  if (token.empty()) return std::nullopt;
  auto session = sessions_.Resume(realm, token);
  if (!session.ok()) {
    Log(LogLevel::kError, "session_lookup_failed", session.status().ToString());
    return std::nullopt;
  }
  if (!session->has_value()) return std::nullopt;
  return std::make_pair(std::move(**session), std::move(token));
}

bool Guard::SameOrigin(const http::Request& r) const {
  std::string site = r.Header("sec-fetch-site");
  if (!site.empty() && site != "same-origin" && site != "none") return false;
  std::string origin = r.Header("origin");
  if (!origin.empty() && origin != settings_.origin) return false;
  return true;
}

bool Guard::CsrfOk(const http::Request& r, const identity::Session& session) const {
  if (!SameOrigin(r)) return false;
  std::string token = r.Form("csrf_token");
  if (token.empty()) token = r.Header("x-csrf-token");
  return !token.empty() && SecretsEqual(token, session.csrf_token);
}

void Guard::Prepare(Visit& v) const {
  const Principal& p = v.session.principal;
  v.viewer.name = p.name;
  v.viewer.csrf_token = v.session.csrf_token;
  if (v.realm == Realm::kStaff) {
    v.viewer.home_url = site::paths::Staff(v.lang);
    v.viewer.logout_url = site::paths::StaffLogout(v.lang);
    if (identity::Allows(p, identity::Permission::kReadAuditLog)) {
      v.viewer.links.push_back({site::paths::AuditLog(v.lang), "nav_audit_log"});
    }
    if (identity::Allows(p, identity::Permission::kEditKnowledge)) {
      v.viewer.links.push_back({site::paths::KnowledgeEditor(v.lang), "nav_knowledge_editor"});
    }
  } else {
    v.viewer.home_url = site::paths::MyLoket(v.lang);
    v.viewer.logout_url = site::paths::Logout(v.lang);
  }
}

http::Response Guard::Refused(const Visit& v, int status, const std::string& text_key) const {
  return site_.ErrorPage(status, v.lang, "form_expired_heading", text_key,
                         v.realm == Realm::kStaff ? site::Area::kStaff : site::Area::kPublic,
                         v.ViewerOrNull());
}

void Guard::Audit(const http::Request& r, std::string actor, std::string action,
                  std::string object_type, std::string object_id, audit::Outcome outcome,
                  std::string detail) const {
  audit::Entry entry;
  entry.actor = std::move(actor);
  entry.action = std::move(action);
  entry.object_type = std::move(object_type);
  entry.object_id = std::move(object_id);
  entry.address = r.remote_address;
  entry.outcome = outcome;
  entry.detail = std::move(detail);
  auto event = audit_.Record(entry);
  if (!event.ok()) Log(LogLevel::kError, "audit_failed", event.status().ToString());
}

http::Response Guard::NotFoundFor(const http::Request& r, const Visit& v) const {
  Audit(r, v.session.principal.Actor(), "access_denied", "page", r.path, audit::Outcome::kDenied);
  return site_.ErrorPage(404, v.lang, "not_found_heading", "not_found_text",
                         v.realm == Realm::kStaff ? site::Area::kStaff : site::Area::kPublic,
                         v.ViewerOrNull());
}

Visit Guard::Begin(const http::Request& r, Realm realm, Lang lang) const {
  Visit v;
  v.lang = lang;
  v.realm = realm;
  if (auto found = Find(r, realm)) {
    v.session = std::move(found->first);
    v.token = std::move(found->second);
  }
  return v;
}

http::Handler Guard::Open(Realm realm, Lang lang, Handler handler) const {
  return [this, realm, lang, handler = std::move(handler)](const http::Request& r) {
    Visit v = Begin(r, realm, lang);
    if (v.token.empty()) {
      // A form sent without a live session cannot carry a valid token.
      if (r.Unsafe()) return Refused(v, 403, "form_expired_text");
      auto issued = sessions_.Start(realm, Principal{});
      if (!issued.ok()) {
        Log(LogLevel::kError, "session_start_failed", issued.status().ToString());
        return site_.ErrorPage(503, lang, "error_heading", "error_text");
      }
      v.session = std::move(issued->session);
      v.token = v.new_token = std::move(issued->token);
    }
    if (r.Unsafe() && !CsrfOk(r, v.session)) return Refused(v, 403, "form_expired_text");
    Prepare(v);
    http::Response response = handler(r, v);
    if (!v.new_token.empty()) SetCookie(response, realm, v.new_token);
    return response;
  };
}

http::Handler Guard::Peek(Realm realm, Lang lang, Handler handler) const {
  return [this, realm, lang, handler = std::move(handler)](const http::Request& r) {
    Visit v = Begin(r, realm, lang);
    Prepare(v);
    return handler(r, v);
  };
}

http::Handler Guard::Require(Realm realm, Lang lang, Rule rule, Handler handler) const {
  return [this, realm, lang, rule = std::move(rule),
          handler = std::move(handler)](const http::Request& r) {
    Visit v = Begin(r, realm, lang);
    if (v.token.empty() || !BelongsTo(v.session.principal, realm)) {
      std::string login = LoginPath(realm, lang);
      if (!r.Unsafe()) login += "?next=" + site::paths::EncodeQuery(r.target);
      return http::RedirectResponse(303, login);
    }
    Prepare(v);
    if (rule && !rule(v.session.principal)) return NotFoundFor(r, v);
    if (r.Unsafe() && !CsrfOk(r, v.session)) return Refused(v, 403, "form_expired_text");
    http::Response response = handler(r, v);
    response.SetHeader("Cache-Control", "no-store");
    return response;
  };
}

http::Handler Guard::RequireApi(Rule rule, Handler handler) const {
  return [this, rule = std::move(rule), handler = std::move(handler)](const http::Request& r) {
    Visit v;
    for (Realm realm : {Realm::kStaff, Realm::kPublic}) {
      auto found = Find(r, realm);
      if (found && BelongsTo(found->first.principal, realm)) {
        v.realm = realm;
        v.session = std::move(found->first);
        v.token = std::move(found->second);
        break;
      }
    }
    if (!v.session.principal.signed_in()) {
      http::Response p =
          http::ProblemResponse(401, "Unauthorized", "Log in to use this resource.", r.path);
      p.SetHeader("Cache-Control", "no-store");
      return p;
    }
    if (rule && !rule(v.session.principal)) {
      return http::ProblemResponse(404, "Not Found", "There is no such resource.", r.path);
    }
    if (r.Unsafe() && !CsrfOk(r, v.session)) {
      return http::ProblemResponse(403, "Forbidden", "The request lacks a valid CSRF token.",
                                   r.path);
    }
    http::Response response = handler(r, v);
    response.SetHeader("Cache-Control", "no-store");
    return response;
  };
}

}  // namespace loket::auth

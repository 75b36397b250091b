#include "auth/staff_access.h"

#include <date/date.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/log.h"
#include "core/strings.h"
#include "identity/email.h"
#include "site/paths.h"

namespace loket::auth {
namespace {

using identity::Principal;
using identity::PrincipalKind;
using identity::Realm;
using nlohmann::json;
namespace paths = site::paths;

// How long the code may take after the password was right.
constexpr std::chrono::minutes kCodeStepLimit{5};

// The audit log's view of an event, for the page.
json EventRow(const audit::Event& e, const json& t) {
  const audit::Entry& x = e.entry;
  std::string object = x.object_type;
  if (!x.object_id.empty()) object += (object.empty() ? "" : " ") + x.object_id;
  return {{"sequence", e.sequence},
          {"at", e.at},
          {"actor", x.actor},
          {"action", x.action},
          {"object", object},
          {"case_id", x.case_id},
          {"address", x.address},
          {"outcome", t.value("audit_outcome_" + std::string(audit::OutcomeName(x.outcome)),
                              std::string(audit::OutcomeName(x.outcome)))},
          {"detail", x.detail}};
}

}  // namespace

StaffAccess::StaffAccess(const Guard& guard, identity::StaffDirectory& staff,
                         identity::LoginThrottle& throttle, audit::AuditLog& audit, Clock clock)
    : guard_(guard), staff_(staff), throttle_(throttle), audit_(audit), clock_(std::move(clock)) {}

void StaffAccess::Register(http::Server& server) {
  using http::Method;
  auto bind = [this](auto member) {
    return [this, member](const http::Request& r, Visit& v) { return (this->*member)(r, v); };
  };
  auto any_staff = [](const Principal& p) {
    return identity::Allows(p, identity::Permission::kStaffArea);
  };
  auto auditors = [](const Principal& p) {
    return identity::Allows(p, identity::Permission::kReadAuditLog);
  };
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    const std::string login = paths::StaffLogin(lang);
    const std::string code = login + (lang == Lang::kNl ? "/code" : "/code");
    server.Route(Method::kGet, login,
                 guard_.Open(Realm::kStaff, lang, bind(&StaffAccess::LoginForm)));
    server.Route(Method::kPost, login, guard_.Open(Realm::kStaff, lang, bind(&StaffAccess::Login)));
    server.Route(Method::kGet, code,
                 guard_.Open(Realm::kStaff, lang, bind(&StaffAccess::CodeForm)));
    server.Route(Method::kPost, code, guard_.Open(Realm::kStaff, lang, bind(&StaffAccess::Code)));
    server.Route(Method::kPost, paths::StaffLogout(lang),
                 guard_.Require(Realm::kStaff, lang, nullptr, bind(&StaffAccess::Logout)));
    server.Route(Method::kGet, paths::Staff(lang),
                 guard_.Require(Realm::kStaff, lang, any_staff, bind(&StaffAccess::Home)));
    server.Route(Method::kGet, paths::AuditLog(lang),
                 guard_.Require(Realm::kStaff, lang, auditors, bind(&StaffAccess::AuditLogPage)));
  }
}

http::Response StaffAccess::ShowLogin(const Visit& v, int status, const std::string& email,
                                      const std::string& error_key, const std::string& next,
                                      const std::string& notice_key) const {
  const json& t = guard_.site().Texts(v.lang);
  json ctx = {{"action", paths::StaffLogin(v.lang)},
              {"csrf_token", v.session.csrf_token},
              {"email", email},
              {"next", next}};
  if (!error_key.empty()) ctx["error"] = t.value(error_key, "");
  if (!notice_key.empty()) ctx["notice"] = t.value(notice_key, "");
  return guard_.site().Render(v.Page("staff_login", ctx, t.value("staff_login_heading", ""),
                                     paths::StaffLogin(OtherLang(v.lang)), status));
}

http::Response StaffAccess::LoginForm(const http::Request& r, Visit& v) const {
  if (BelongsTo(v.session.principal, Realm::kStaff)) {
    return http::RedirectResponse(303, paths::Staff(v.lang));
  }
  std::string notice;
  if (r.Query("uitgelogd") || r.Query("logged-out")) notice = "staff_logged_out";
  if (r.Query("verlopen") || r.Query("expired")) notice = "staff_login_again";
  return ShowLogin(v, 200, "", "", r.QueryOr("next", ""), notice);
}

http::Response StaffAccess::Login(const http::Request& r, Visit& v) const {
  std::string email = identity::NormalisedEmail(r.Form("email"));
  std::string password = r.Form("password");
  std::string next = r.Form("next");
  if (email.empty() || password.empty()) {
    return ShowLogin(v, 422, email, "staff_login_missing", next);
  }
  Status allowed = throttle_.Check(email, r.remote_address);
  if (!allowed.ok()) {
    guard_.Audit(r, "anonymous", "login_refused", "staff_account", email, audit::Outcome::kDenied,
                 "too many failed logins");
    return ShowLogin(v, 429, email, "staff_login_throttled", next);
  }
  auto member = staff_.CheckPassword(email, password);
  if (!member.ok()) {
    if (member.status().code() != StatusCode::kUnauthenticated) {
      Log(LogLevel::kError, "staff_login_failed", member.status().ToString());
      return guard_.site().ErrorPage(503, v.lang, "error_heading", "error_text",
                                     site::Area::kStaff);
    }
    (void)throttle_.RecordFailure(email, r.remote_address);
    guard_.Audit(r, "anonymous", "login_failed", "staff_account", email, audit::Outcome::kFailed,
                 "password");
    return ShowLogin(v, 401, email, "staff_login_wrong", next);
  }
  // The password was right; the session is replaced, and holds only the
  // promise to ask for the code.
  json pending = {{"step", "totp"},
                  {"staff", member->id},
                  {"email", email},
                  {"at", UnixSeconds(clock_())},
                  {"next", next}};
  auto issued = guard_.sessions().Replace(Realm::kStaff, v.token, Principal{}, pending.dump());
  if (!issued.ok()) {
    Log(LogLevel::kError, "session_start_failed", issued.status().ToString());
    return guard_.site().ErrorPage(503, v.lang, "error_heading", "error_text", site::Area::kStaff);
  }
  http::Response response = http::RedirectResponse(303, paths::StaffLogin(v.lang) + "/code");
  guard_.SetCookie(response, Realm::kStaff, issued->token);
  v.new_token.clear();
  return response;
}

http::Response StaffAccess::ShowCode(const Visit& v, int status,
                                     const std::string& error_key) const {
  const json& t = guard_.site().Texts(v.lang);
  json ctx = {{"action", paths::StaffLogin(v.lang) + "/code"},
              {"csrf_token", v.session.csrf_token}};
  if (!error_key.empty()) ctx["error"] = t.value(error_key, "");
  return guard_.site().Render(v.Page("staff_code", ctx, t.value("staff_code_heading", ""),
                                     paths::StaffLogin(OtherLang(v.lang)) + "/code", status));
}

namespace {
// The staff member who gave the right password, while the code step is
// still open.
std::optional<json> CodeStep(const identity::Session& s,
                             std::chrono::system_clock::time_point now) {
  json p = json::parse(s.pending, nullptr, false);
  if (!p.is_object() || p.value("step", "") != "totp") return std::nullopt;
  int64_t at = p.value("at", int64_t{0});
  if (UnixSeconds(now) - at > std::chrono::seconds(kCodeStepLimit).count()) return std::nullopt;
  return p;
}
}  // namespace

http::Response StaffAccess::CodeForm(const http::Request&, Visit& v) const {
  if (!CodeStep(v.session, clock_())) {
    return http::RedirectResponse(303, paths::StaffLogin(v.lang) + "?" +
                                           (v.lang == Lang::kNl ? "verlopen" : "expired") + "=1");
  }
  return ShowCode(v, 200, "");
}

http::Response StaffAccess::Code(const http::Request& r, Visit& v) const {
  auto step = CodeStep(v.session, clock_());
  if (!step) {
    return http::RedirectResponse(303, paths::StaffLogin(v.lang) + "?" +
                                           (v.lang == Lang::kNl ? "verlopen" : "expired") + "=1");
  }
  const std::string email = step->value("email", "");
  const int64_t id = step->value("staff", int64_t{0});
  std::string code;
  for (char c : r.Form("code")) {
    if (c != ' ' && c != '-') code += c;
  }
  if (!throttle_.Check(email, r.remote_address).ok()) {
    guard_.Audit(r, "staff:" + std::to_string(id), "login_refused", "staff_account", email,
                 audit::Outcome::kDenied, "too many failed logins");
    return ShowCode(v, 429, "staff_login_throttled");
  }
  if (code.empty()) return ShowCode(v, 422, "staff_code_missing");
  Status checked = staff_.CheckTotp(id, code);
  if (!checked.ok()) {
    if (checked.code() != StatusCode::kUnauthenticated) {
      Log(LogLevel::kError, "staff_login_failed", checked.ToString());
      return guard_.site().ErrorPage(503, v.lang, "error_heading", "error_text",
                                     site::Area::kStaff);
    }
    (void)throttle_.RecordFailure(email, r.remote_address);
    guard_.Audit(r, "staff:" + std::to_string(id), "login_failed", "staff_account", email,
                 audit::Outcome::kFailed, "totp");
    return ShowCode(v, 401, "staff_code_wrong");
  }
  auto member = staff_.Find(id);
  if (!member.ok()) {
    Log(LogLevel::kError, "staff_login_failed", member.status().ToString());
    return guard_.site().ErrorPage(503, v.lang, "error_heading", "error_text", site::Area::kStaff);
  }
  Principal p;
  p.kind = PrincipalKind::kStaff;
  p.subject = std::to_string(member->id);
  p.name = member->name;
  p.email = member->email;
  p.roles = member->roles;
  p.post = member->post;
  auto issued = guard_.sessions().Replace(Realm::kStaff, v.token, p);
  if (!issued.ok()) {
    Log(LogLevel::kError, "session_start_failed", issued.status().ToString());
    return guard_.site().ErrorPage(503, v.lang, "error_heading", "error_text", site::Area::kStaff);
  }
  (void)throttle_.RecordSuccess(email);
  guard_.Audit(r, p.Actor(), "login", "session", "", audit::Outcome::kSuccess, "");
  http::Response response =
      http::RedirectResponse(303, LocalPathOr(step->value("next", ""), paths::Staff(v.lang)));
  guard_.SetCookie(response, Realm::kStaff, issued->token);
  return response;
}

http::Response StaffAccess::Logout(const http::Request& r, Visit& v) const {
  Status ended = guard_.sessions().End(v.token);
  if (!ended.ok()) {
    Log(LogLevel::kError, "logout_failed", ended.ToString());
    return guard_.site().ErrorPage(503, v.lang, "error_heading", "error_text", site::Area::kStaff);
  }
  guard_.Audit(r, v.session.principal.Actor(), "logout", "session", "", audit::Outcome::kSuccess,
               "");
  http::Response response =
      http::RedirectResponse(303, paths::StaffLogin(v.lang) + "?" +
                                      (v.lang == Lang::kNl ? "uitgelogd" : "logged-out") + "=1");
  guard_.ClearCookie(response, Realm::kStaff);
  return response;
}

http::Response StaffAccess::Home(const http::Request&, Visit& v) const {
  const json& t = guard_.site().Texts(v.lang);
  const Principal& p = v.session.principal;
  json roles = json::array();
  for (identity::Role role : p.roles) {
    roles.push_back(t.value("role_" + std::string(identity::RoleName(role)), ""));
  }
  json tasks = json::array();
  if (identity::Allows(p, identity::Permission::kReadAuditLog)) {
    tasks.push_back({{"url", paths::AuditLog(v.lang)},
                     {"title", t.value("nav_audit_log", "")},
                     {"text", t.value("task_audit_log", "")}});
  }
  if (identity::Allows(p, identity::Permission::kEditKnowledge)) {
    tasks.push_back({{"url", paths::KnowledgeEditor(v.lang)},
                     {"title", t.value("nav_knowledge_editor", "")},
                     {"text", t.value("task_knowledge_editor", "")}});
  }
  json ctx = {{"name", p.name}, {"roles", roles}, {"post", p.post}, {"tasks", tasks}};
  return guard_.site().Render(v.Page("staff_home", ctx, t.value("staff_home_heading", ""),
                                     paths::Staff(OtherLang(v.lang))));
}

http::Response StaffAccess::AuditLogPage(const http::Request& r, Visit& v) const {
  const json& t = guard_.site().Texts(v.lang);
  audit::Query q;
  json form = json::object();
  auto field = [&](const char* name, std::optional<std::string>& slot) {
    std::string value(Trim(r.QueryOr(name, "")));
    form[name] = value;
    if (!value.empty()) slot = value;
  };
  field("actor", q.actor);
  field("action", q.action);
  field("object_type", q.object_type);
  field("object_id", q.object_id);
  field("case_id", q.case_id);
  field("from", q.from);
  field("until", q.until);
  // A date alone means the whole day.
  if (q.until && q.until->size() == 10) *q.until += "T23:59:59.999Z";
  constexpr size_t kPage = 50;
  q.limit = kPage + 1;
  try {
    q.offset = std::min<size_t>(std::stoul(r.QueryOr("offset", "0")), 1'000'000);
  } catch (const std::exception&) {
    q.offset = 0;
  }
  auto events = audit_.Search(q);
  if (!events.ok()) {
    Log(LogLevel::kError, "audit_search_failed", events.status().ToString());
    return guard_.site().ErrorPage(503, v.lang, "error_heading", "error_text", site::Area::kStaff,
                                   v.ViewerOrNull());
  }
  bool more = events->size() > kPage;
  if (more) events->pop_back();
  json rows = json::array();
  for (const audit::Event& e : *events) rows.push_back(EventRow(e, t));
  json ctx = {{"form", form}, {"events", rows}, {"action", paths::AuditLog(v.lang)}};
  ctx["empty"] = rows.empty();
  std::string query_string;
  for (const auto& [name, value] : form.items()) {
    std::string s = value.get<std::string>();
    if (!s.empty()) query_string += name + "=" + paths::EncodeQuery(s) + "&";
  }
  if (more) {
    ctx["older_url"] =
        paths::AuditLog(v.lang) + "?" + query_string + "offset=" + std::to_string(q.offset + kPage);
  }
  if (r.Query("verify")) {
    auto verification = audit_.Verify();
    if (verification.ok()) {
      ctx["verification"] = {
          {"intact", verification->intact},
          {"events", verification->events},
          {"broken_at", verification->broken_at ? std::to_string(*verification->broken_at) : ""}};
    }
  }
  // Reading the log is itself an access to personal data.
  guard_.Audit(r, v.session.principal.Actor(), "read", "audit_log", "", audit::Outcome::kSuccess,
               query_string);
  return guard_.site().Render(v.Page("audit_log", ctx, t.value("audit_log_heading", ""),
                                     paths::AuditLog(OtherLang(v.lang))));
}

}  // namespace loket::auth

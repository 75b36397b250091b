#include "auth/public_access.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/log.h"
#include "identity/email.h"
#include "site/paths.h"

namespace loket::auth {
namespace {

using identity::Principal;
using identity::PrincipalKind;
using identity::Realm;
using nlohmann::json;
namespace paths = site::paths;

// How long a citizen may take at the provider.
constexpr int64_t kDigidStepSeconds = 600;

// The e-mail requests of one address are counted like failed logins, so
// that no one can have the loket send an address mail after mail.
std::string MailKey(const std::string& email) { return "mail:" + email; }

Principal ApplicantPrincipal(const identity::Applicant& a) {
  Principal p;
  p.kind = PrincipalKind::kApplicant;
  p.subject = std::to_string(a.id);
  p.name = a.email;
  p.email = a.email;
  return p;
}

}  // namespace

PublicAccess::PublicAccess(const Guard& guard, oidc::Client* digid,
                           identity::ApplicantAccounts& applicants,
                           identity::LoginThrottle& throttle, Clock clock)
    : guard_(guard),
      digid_(digid),
      applicants_(applicants),
      throttle_(throttle),
      clock_(std::move(clock)) {}

void PublicAccess::Register(http::Server& server) {
  using http::Method;
  auto bind = [this](auto member) {
    return [this, member](const http::Request& r, Visit& v) { return (this->*member)(r, v); };
  };
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    auto open = [&](Method method, const std::string& path, auto member) {
      server.Route(method, path, guard_.Open(Realm::kPublic, lang, bind(member)));
    };
    server.Route(Method::kGet, paths::Login(lang),
                 guard_.Peek(Realm::kPublic, lang, bind(&PublicAccess::LoginChoice)));
    open(Method::kGet, paths::DigidLogin(lang), &PublicAccess::DigidStart);
    open(Method::kGet, paths::ApplicantRegister(lang), &PublicAccess::RegisterForm);
    open(Method::kPost, paths::ApplicantRegister(lang), &PublicAccess::RegisterSubmit);
    open(Method::kGet, paths::ApplicantVerify(lang), &PublicAccess::VerifyForm);
    open(Method::kPost, paths::ApplicantVerify(lang), &PublicAccess::VerifySubmit);
    open(Method::kGet, paths::ApplicantLogin(lang), &PublicAccess::ApplicantLoginForm);
    open(Method::kPost, paths::ApplicantLogin(lang), &PublicAccess::ApplicantLogin);
    open(Method::kPost, paths::ApplicantRequestLink(lang), &PublicAccess::RequestLink);
    open(Method::kGet, paths::ApplicantLoginLink(lang), &PublicAccess::LinkForm);
    open(Method::kPost, paths::ApplicantLoginLink(lang), &PublicAccess::LinkSubmit);
    server.Route(Method::kGet, paths::MyLoket(lang),
                 guard_.Require(Realm::kPublic, lang, nullptr, bind(&PublicAccess::MyLoket)));
    server.Route(Method::kPost, paths::Logout(lang),
                 guard_.Require(Realm::kPublic, lang, nullptr, bind(&PublicAccess::Logout)));
  }
  server.Route(Method::kGet, paths::DigidReturn(),
               guard_.Open(Realm::kPublic, Lang::kNl, bind(&PublicAccess::DigidReturn)));
}

http::Response PublicAccess::Message(const Visit& v, int status, const std::string& heading_key,
                                     const std::string& text_key, const std::string& link_url,
                                     const std::string& link_key) const {
  const json& t = guard_.site().Texts(v.lang);
  json ctx = {{"heading", t.value(heading_key, "")}, {"text", t.value(text_key, "")}};
  if (!link_url.empty()) ctx["link"] = {{"url", link_url}, {"label", t.value(link_key, "")}};
  return guard_.site().Render(v.Page("message", std::move(ctx), t.value(heading_key, ""),
                                     paths::Login(OtherLang(v.lang)), status));
}

http::Response PublicAccess::Unavailable(const Visit& v) const {
  return Message(v, 503, "error_heading", "error_text");
}

http::Response PublicAccess::SignIn(const http::Request& r, Visit& v, Principal principal,
                                    const std::string& next) const {
  auto issued = guard_.sessions().Replace(Realm::kPublic, v.token, principal);
  if (!issued.ok()) {
    Log(LogLevel::kError, "session_start_failed", issued.status().ToString());
    return Unavailable(v);
  }
  v.new_token.clear();  // replaced: the guard must not set the old one
  guard_.Audit(r, principal.Actor(), "login", "session", "", audit::Outcome::kSuccess,
               std::string(identity::PrincipalKindName(principal.kind)));
  http::Response response = http::RedirectResponse(303, LocalPathOr(next, paths::MyLoket(v.lang)));
  guard_.SetCookie(response, Realm::kPublic, issued->token);
  return response;
}

http::Response PublicAccess::LoginChoice(const http::Request& r, Visit& v) const {
  if (BelongsTo(v.session.principal, Realm::kPublic)) {
    return http::RedirectResponse(303, paths::MyLoket(v.lang));
  }
  const json& t = guard_.site().Texts(v.lang);
  std::string next = r.QueryOr("next", "");
  std::string digid_url = paths::DigidLogin(v.lang);
  if (!next.empty()) digid_url += "?next=" + paths::EncodeQuery(next);
  json ctx = {{"digid", digid_ != nullptr},
              {"digid_url", digid_url},
              {"applicant_login_url", paths::ApplicantLogin(v.lang)},
              {"applicant_register_url", paths::ApplicantRegister(v.lang)}};
  if (r.Query("uitgelogd") || r.Query("logged-out")) ctx["notice"] = t.value("logged_out", "");
  return guard_.site().Render(v.Page("login", std::move(ctx), t.value("login_heading", ""),
                                     paths::Login(OtherLang(v.lang))));
}

http::Response PublicAccess::DigidStart(const http::Request& r, Visit& v) const {
  if (!digid_) return Message(v, 404, "digid_unavailable_heading", "digid_unavailable_text");
  auto pending = digid_->Begin(LangCode(v.lang));
  if (!pending.ok()) {
    Log(LogLevel::kError, "digid_begin_failed", pending.status().ToString());
    return Message(v, 503, "digid_unreachable_heading", "digid_unreachable_text");
  }
  json step = {{"oidc",
                {{"state", pending->state},
                 {"nonce", pending->nonce},
                 {"verifier", pending->code_verifier}}},
               {"at", UnixSeconds(clock_())},
               {"lang", std::string(LangCode(v.lang))},
               {"next", r.QueryOr("next", "")}};
  Status saved = guard_.sessions().SetPending(v.token, step.dump());
  if (!saved.ok()) {
    Log(LogLevel::kError, "session_update_failed", saved.ToString());
    return Unavailable(v);
  }
  return http::RedirectResponse(303, pending->authorize_url);
}

http::Response PublicAccess::DigidReturn(const http::Request& r, Visit& v) const {
  json step = json::parse(v.session.pending, nullptr, false);
  // The login step is used once, whatever the outcome.
  if (!v.session.pending.empty()) (void)guard_.sessions().SetPending(v.token, "");
  if (step.is_object() && step.value("lang", "nl") == "en") {
    v.lang = Lang::kEn;
  }
  const std::string retry = paths::Login(v.lang);
  if (!digid_) return Message(v, 404, "digid_unavailable_heading", "digid_unavailable_text");
  if (!step.is_object() || !step.contains("oidc") ||
      UnixSeconds(clock_()) - step.value("at", int64_t{0}) > kDigidStepSeconds) {
    return Message(v, 400, "digid_expired_heading", "digid_expired_text", retry, "try_again");
  }
  if (auto error = r.Query("error")) {
    guard_.Audit(r, "anonymous", "login_failed", "session", "", audit::Outcome::kFailed,
                 "digid: " + error->substr(0, 64));
    return Message(v, 401, "digid_cancelled_heading", "digid_cancelled_text", retry, "try_again");
  }
  oidc::PendingLogin pending;
  pending.state = step["oidc"].value("state", "");
  pending.nonce = step["oidc"].value("nonce", "");
  pending.code_verifier = step["oidc"].value("verifier", "");
  auto citizen = digid_->Complete(r.QueryOr("code", ""), r.QueryOr("state", ""), pending);
  if (!citizen.ok()) {
    Log(LogLevel::kWarn, "digid_login_failed", citizen.status().ToString());
    if (citizen.status().code() == StatusCode::kUnavailable) {
      return Message(v, 503, "digid_unreachable_heading", "digid_unreachable_text", retry,
                     "try_again");
    }
    guard_.Audit(r, "anonymous", "login_failed", "session", "", audit::Outcome::kFailed, "digid");
    return Message(v, 401, "digid_failed_heading", "digid_failed_text", retry, "try_again");
  }
  Principal p;
  p.kind = PrincipalKind::kCitizen;
  p.subject = citizen->subject;
  p.name = citizen->name;
  p.bsn = citizen->bsn;
  return SignIn(r, v, std::move(p), step.value("next", ""));
}

http::Response PublicAccess::MyLoket(const http::Request&, Visit& v) const {
  const json& t = guard_.site().Texts(v.lang);
  const Principal& p = v.session.principal;
  json ctx = {{"name", p.name},
              {"citizen", p.kind == PrincipalKind::kCitizen},
              {"applicant", p.kind == PrincipalKind::kApplicant},
              {"bsn", p.bsn},
              {"email", p.email},
              {"services_url", paths::Services(v.lang)}};
  return guard_.site().Render(v.Page("my_loket", std::move(ctx), t.value("my_loket_heading", ""),
                                     paths::MyLoket(OtherLang(v.lang))));
}

http::Response PublicAccess::Logout(const http::Request& r, Visit& v) const {
  Status ended = guard_.sessions().End(v.token);
  if (!ended.ok()) {
    Log(LogLevel::kError, "logout_failed", ended.ToString());
    return Unavailable(v);
  }
  guard_.Audit(r, v.session.principal.Actor(), "logout", "session", "", audit::Outcome::kSuccess);
  http::Response response = http::RedirectResponse(
      303, paths::Login(v.lang) + (v.lang == Lang::kNl ? "?uitgelogd=1" : "?logged-out=1"));
  guard_.ClearCookie(response, Realm::kPublic);
  return response;
}

http::Response PublicAccess::ShowRegister(const Visit& v, int status, const std::string& email,
                                          const std::string& email_error,
                                          const std::string& password_error) const {
  const json& t = guard_.site().Texts(v.lang);
  json ctx = {{"action", paths::ApplicantRegister(v.lang)},
              {"csrf_token", v.session.csrf_token},
              {"email", email},
              {"login_url", paths::ApplicantLogin(v.lang)}};
  json errors = json::array();
  if (!email_error.empty()) {
    ctx["email_error"] = t.value(email_error, "");
    errors.push_back({{"field", "register-email"}, {"text", t.value(email_error, "")}});
  }
  if (!password_error.empty()) {
    ctx["password_error"] = t.value(password_error, "");
    errors.push_back({{"field", "register-password"}, {"text", t.value(password_error, "")}});
  }
  ctx["has_errors"] = !errors.empty();
  ctx["errors"] = errors;
  return guard_.site().Render(v.Page("applicant_register", std::move(ctx),
                                     t.value("register_heading", ""),
                                     paths::ApplicantRegister(OtherLang(v.lang)), status));
}

http::Response PublicAccess::RegisterForm(const http::Request&, Visit& v) const {
  return ShowRegister(v, 200, "", "", "");
}

http::Response PublicAccess::RegisterSubmit(const http::Request& r, Visit& v) const {
  const std::string email = identity::NormalisedEmail(r.Form("email"));
  const std::string password = r.Form("password");
  if (email.empty() || password.empty()) {
    return ShowRegister(v, 422, email, email.empty() ? "register_email_missing" : "",
                        password.empty() ? "register_password_missing" : "");
  }
  if (password != r.Form("password_again")) {
    return ShowRegister(v, 422, email, "", "register_password_mismatch");
  }
  if (!throttle_.Check(MailKey(email), r.remote_address).ok()) {
    return Message(v, 429, "too_many_heading", "too_many_text");
  }
  Status registered = applicants_.Register(email, password, v.lang);
  if (registered.code() == StatusCode::kInvalidArgument) {
    bool email_wrong = registered.message().rfind("email", 0) == 0;
    return ShowRegister(v, 422, email, email_wrong ? "register_email_invalid" : "",
                        email_wrong ? "" : "register_password_rules");
  }
  if (!registered.ok()) {
    Log(LogLevel::kError, "applicant_register_failed", registered.ToString());
    return Message(v, 503, "mail_unavailable_heading", "mail_unavailable_text");
  }
  (void)throttle_.RecordFailure(MailKey(email), r.remote_address);
  return Message(v, 200, "register_sent_heading", "register_sent_text");
}

http::Response PublicAccess::ShowLink(const Visit& v, bool verify, const std::string& token) const {
  const json& t = guard_.site().Texts(v.lang);
  json ctx = {
      {"action", verify ? paths::ApplicantVerify(v.lang) : paths::ApplicantLoginLink(v.lang)},
      {"csrf_token", v.session.csrf_token},
      {"token", token},
      {"heading", t.value(verify ? "verify_heading" : "login_link_heading", "")},
      {"text", t.value(verify ? "verify_text" : "login_link_text", "")},
      {"button", t.value(verify ? "verify_button" : "login_button", "")}};
  // The other language's page keeps the token: it is the same link.
  std::string alternate = (verify ? paths::ApplicantVerify(OtherLang(v.lang))
                                  : paths::ApplicantLoginLink(OtherLang(v.lang))) +
                          "?token=" + paths::EncodeQuery(token);
  http::Response response = guard_.site().Render(
      v.Page("link_confirm", std::move(ctx),
             t.value(verify ? "verify_heading" : "login_link_heading", ""), alternate));
  // The token is in this page's URL: it must not leak to other sites.
  response.SetHeader("Referrer-Policy", "no-referrer");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response PublicAccess::VerifyForm(const http::Request& r, Visit& v) const {
  return ShowLink(v, true, r.QueryOr("token", ""));
}

http::Response PublicAccess::VerifySubmit(const http::Request& r, Visit& v) const {
  auto applicant = applicants_.Verify(r.Form("token"));
  if (!applicant.ok()) {
    if (applicant.status().code() == StatusCode::kUnavailable ||
        applicant.status().code() == StatusCode::kInternal) {
      Log(LogLevel::kError, "applicant_verify_failed", applicant.status().ToString());
      return Unavailable(v);
    }
    return Message(v, 400, "link_invalid_heading", "link_invalid_text",
                   paths::ApplicantLogin(v.lang), "link_invalid_action");
  }
  return SignIn(r, v, ApplicantPrincipal(*applicant), "");
}

http::Response PublicAccess::ShowApplicantLogin(const Visit& v, int status,
                                                const std::string& email,
                                                const std::string& error_key,
                                                const std::string& notice_key,
                                                const std::string& next) const {
  const json& t = guard_.site().Texts(v.lang);
  json ctx = {{"action", paths::ApplicantLogin(v.lang)},
              {"link_action", paths::ApplicantRequestLink(v.lang)},
              {"register_url", paths::ApplicantRegister(v.lang)},
              {"csrf_token", v.session.csrf_token},
              {"email", email},
              {"next", next}};
  if (!error_key.empty()) ctx["error"] = t.value(error_key, "");
  if (!notice_key.empty()) ctx["notice"] = t.value(notice_key, "");
  return guard_.site().Render(v.Page("applicant_login", std::move(ctx),
                                     t.value("applicant_login_heading", ""),
                                     paths::ApplicantLogin(OtherLang(v.lang)), status));
}

http::Response PublicAccess::ApplicantLoginForm(const http::Request& r, Visit& v) const {
  if (BelongsTo(v.session.principal, Realm::kPublic)) {
    return http::RedirectResponse(303, paths::MyLoket(v.lang));
  }
  return ShowApplicantLogin(v, 200, "", "", "", r.QueryOr("next", ""));
}

http::Response PublicAccess::ApplicantLogin(const http::Request& r, Visit& v) const {
  const std::string email = identity::NormalisedEmail(r.Form("email"));
  const std::string password = r.Form("password");
  const std::string next = r.Form("next");
  if (email.empty() || password.empty()) {
    return ShowApplicantLogin(v, 422, email, "applicant_login_missing", "", next);
  }
  if (!throttle_.Check(email, r.remote_address).ok()) {
    guard_.Audit(r, "anonymous", "login_refused", "session", "", audit::Outcome::kDenied,
                 "applicant: too many");
    return ShowApplicantLogin(v, 429, email, "login_throttled", "", next);
  }
  auto applicant = applicants_.CheckPassword(email, password);
  if (!applicant.ok()) {
    StatusCode code = applicant.status().code();
    if (code == StatusCode::kPermissionDenied) {
      return ShowApplicantLogin(v, 403, email, "applicant_not_verified", "", next);
    }
    if (code != StatusCode::kUnauthenticated) {
      Log(LogLevel::kError, "applicant_login_failed", applicant.status().ToString());
      return Unavailable(v);
    }
    (void)throttle_.RecordFailure(email, r.remote_address);
    guard_.Audit(r, "anonymous", "login_failed", "session", "", audit::Outcome::kFailed,
                 "applicant password");
    return ShowApplicantLogin(v, 401, email, "applicant_login_wrong", "", next);
  }
  (void)throttle_.RecordSuccess(email);
  return SignIn(r, v, ApplicantPrincipal(*applicant), next);
}

http::Response PublicAccess::RequestLink(const http::Request& r, Visit& v) const {
  const std::string email = identity::NormalisedEmail(r.Form("email"));
  if (email.empty()) return ShowApplicantLogin(v, 422, email, "register_email_missing", "", "");
  if (!throttle_.Check(MailKey(email), r.remote_address).ok()) {
    return Message(v, 429, "too_many_heading", "too_many_text");
  }
  Status sent = applicants_.SendLoginLink(email, v.lang);
  if (sent.code() == StatusCode::kInvalidArgument) {
    return ShowApplicantLogin(v, 422, email, "register_email_invalid", "", "");
  }
  if (!sent.ok()) {
    Log(LogLevel::kError, "applicant_link_failed", sent.ToString());
    return Message(v, 503, "mail_unavailable_heading", "mail_unavailable_text");
  }
  (void)throttle_.RecordFailure(MailKey(email), r.remote_address);
  return Message(v, 200, "link_sent_heading", "link_sent_text");
}

http::Response PublicAccess::LinkForm(const http::Request& r, Visit& v) const {
  return ShowLink(v, false, r.QueryOr("token", ""));
}

http::Response PublicAccess::LinkSubmit(const http::Request& r, Visit& v) const {
  auto applicant = applicants_.RedeemLoginLink(r.Form("token"));
  if (!applicant.ok()) {
    if (applicant.status().code() == StatusCode::kUnavailable ||
        applicant.status().code() == StatusCode::kInternal) {
      Log(LogLevel::kError, "applicant_link_failed", applicant.status().ToString());
      return Unavailable(v);
    }
    guard_.Audit(r, "anonymous", "login_failed", "session", "", audit::Outcome::kFailed,
                 "applicant login link");
    return Message(v, 400, "link_invalid_heading", "link_invalid_text",
                   paths::ApplicantLogin(v.lang), "link_invalid_action");
  }
  return SignIn(r, v, ApplicantPrincipal(*applicant), "");
}

}  // namespace loket::auth

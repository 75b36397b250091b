// The staff area's entrance over real HTTP, on both storage backends:
// login with password and TOTP code, session replacement, CSRF and origin
// checks, logout, idle and absolute timeouts, cookie attributes, security
// headers, throttling of failed logins, access to the audit log, the
// `/api/v1/me` call and redirects after login. The clock is fake: the test
// moves it forward instead of waiting.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_log.h"
#include "audit/repository.h"
#include "auth/guard.h"
#include "auth/testing/browser.h"
#include "auth/testing/staff_site.h"
#include "http/server.h"
#include "identity/sessions.h"
#include "site/site.h"

namespace loket::auth {
namespace {

using namespace std::chrono_literals;
using auth::testing::Account;
using auth::testing::Browser;
using auth::testing::CsrfIn;
using auth::testing::Fields;
using auth::testing::ParseSetCookie;
using auth::testing::Reply;
using auth::testing::SetCookie;
using auth::testing::TotpCode;
using identity::Realm;
using identity::Role;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

void ExpectSecurityHeaders(const Reply& r, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_TRUE(Contains(r.Header("content-security-policy"), "frame-ancestors 'none'"))
      << r.Header("content-security-policy");
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(r.Header("referrer-policy").empty());
}

// The staff login pages, `/api/v1/me` and a 404 page (StaffSiteTest).
class AuthTest : public testing::StaffSiteTest {};

TEST_P(AuthTest, StaffLogInWithPasswordAndCode) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();

  Reply form = b.Get("/medewerkers/inloggen");
  EXPECT_EQ(form.status, 200);
  EXPECT_FALSE(b.Cookie("loket-staff").empty());
  const std::string csrf = CsrfIn(form.body);
  EXPECT_EQ(csrf.size(), 43u);

  Reply password = b.Post("/medewerkers/inloggen", {{"csrf_token", csrf},
                                                    {"email", " A.Jansen@MINBUZA.nl "},
                                                    {"password", anna.password},
                                                    {"next", ""}});
  EXPECT_EQ(password.status, 303);
  EXPECT_EQ(password.Header("location"), "/medewerkers/inloggen/code");
  // Between the steps the session is nobody's yet.
  EXPECT_EQ(b.Get("/medewerkers").status, 303);
  EXPECT_EQ(b.Get("/api/v1/me").status, 401);

  Reply code = EnterCode(b, TotpCode(anna.secret, now_.load()));
  EXPECT_EQ(code.status, 303);
  EXPECT_EQ(code.Header("location"), "/medewerkers");

  Reply home = b.Get("/medewerkers");
  EXPECT_EQ(home.status, 200);
  EXPECT_TRUE(Contains(home.body, "Anna Jansen")) << home.body;
  Reply me = b.Get("/api/v1/me");
  EXPECT_EQ(me.status, 200);
  auto json = nlohmann::json::parse(me.body, nullptr, false);
  ASSERT_TRUE(json.is_object()) << me.body;
  EXPECT_EQ(json.value("kind", ""), "staff");
  EXPECT_EQ(json.value("name", ""), "Anna Jansen");
  EXPECT_EQ(json.value("subject", ""), std::to_string(anna.id));
  EXPECT_EQ(json["roles"], nlohmann::json::array({"agent"}));

  auto logins = Events("login");
  ASSERT_EQ(logins.size(), 1u);
  EXPECT_EQ(logins[0].entry.actor, anna.Actor());
  EXPECT_EQ(logins[0].entry.address, "127.0.0.1");
  // Signed in, the login page sends the member on.
  Reply again = b.Get("/medewerkers/inloggen");
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.Header("location"), "/medewerkers");
}

TEST_P(AuthTest, EveryLoginStepReplacesTheSession) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  ASSERT_EQ(b.Get("/medewerkers/inloggen").status, 200);
  const std::string anonymous = b.Cookie("loket-staff");
  Browser before_login = b;

  ASSERT_EQ(EnterPassword(b, anna).status, 303);
  const std::string pending = b.Cookie("loket-staff");
  Browser between_steps = b;

  ASSERT_EQ(EnterCode(b, TotpCode(anna.secret, now_.load())).status, 303);
  const std::string signed_in = b.Cookie("loket-staff");

  EXPECT_FALSE(anonymous.empty());
  EXPECT_NE(anonymous, pending);
  EXPECT_NE(pending, signed_in);
  EXPECT_NE(anonymous, signed_in);
  EXPECT_EQ(b.Get("/medewerkers").status, 200);

  // A token known before login (planted, or read off the screen) is worth
  // nothing afterwards.
  for (Browser* old : {&before_login, &between_steps}) {
    Reply home = old->Get("/medewerkers");
    EXPECT_EQ(home.status, 303);
    EXPECT_EQ(home.Header("location").rfind("/medewerkers/inloggen", 0), 0u);
    EXPECT_EQ(old->Get("/api/v1/me").status, 401);
    EXPECT_EQ(old->Post("/medewerkers/inloggen/code", {{"code", "123456"}}).status, 403);
  }
  auto resumed = sessions_->Resume(Realm::kStaff, anonymous);
  ASSERT_TRUE(resumed.ok());
  EXPECT_FALSE(resumed->has_value());
  resumed = sessions_->Resume(Realm::kStaff, pending);
  ASSERT_TRUE(resumed.ok());
  EXPECT_FALSE(resumed->has_value());
}

TEST_P(AuthTest, FormsWithoutAValidCsrfTokenChangeNothing) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  Reply form = b.Get("/medewerkers/inloggen");
  const std::string csrf = CsrfIn(form.body);
  const std::string cookie = b.Cookie("loket-staff");
  const Fields login = {{"email", anna.email}, {"password", anna.password}};
  auto with = [](Fields fields, std::string name, std::string value) {
    fields.emplace_back(std::move(name), std::move(value));
    return fields;
  };

  Reply missing = b.Post("/medewerkers/inloggen", login);
  EXPECT_EQ(missing.status, 403);
  EXPECT_TRUE(Contains(missing.body, "Dit formulier is verlopen")) << missing.body;
  EXPECT_EQ(b.Post("/medewerkers/inloggen", with(login, "csrf_token", csrf + "x")).status, 403);
  std::string other = csrf;
  other[0] = other[0] == 'A' ? 'B' : 'A';
  EXPECT_EQ(b.Post("/medewerkers/inloggen", with(login, "csrf_token", other)).status, 403);
  EXPECT_EQ(b.Post("/medewerkers/inloggen", with(login, "csrf_token", csrf),
                   {{"Origin", "https://evil.example"}})
                .status,
            403);
  EXPECT_EQ(b.Post("/medewerkers/inloggen", with(login, "csrf_token", csrf),
                   {{"Sec-Fetch-Site", "cross-site"}})
                .status,
            403);
  EXPECT_EQ(b.Post("/medewerkers/inloggen", with(login, "csrf_token", csrf),
                   {{"Sec-Fetch-Site", "same-site"}})
                .status,
            403);
  // No cookie at all: there is no session whose token the form could carry.
  Browser stranger = NewBrowser();
  EXPECT_EQ(stranger.Post("/medewerkers/inloggen", with(login, "csrf_token", csrf)).status, 403);
  EXPECT_TRUE(stranger.Cookie("loket-staff").empty());

  // Nothing happened: the same anonymous session, no audit event, no
  // failure counted.
  EXPECT_EQ(b.Cookie("loket-staff"), cookie);
  EXPECT_EQ(b.Get("/api/v1/me").status, 401);
  auto all = audit_log_->Search({});
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
  EXPECT_TRUE(throttle_->Check(anna.email, "127.0.0.1").ok());

  // The same form from the site itself goes through.
  Reply same = b.Post("/medewerkers/inloggen", with(login, "csrf_token", csrf),
                      {{"Origin", kOrigin}, {"Sec-Fetch-Site", "same-origin"}});
  EXPECT_EQ(same.status, 303);
  ASSERT_EQ(EnterCode(b, TotpCode(anna.secret, now_.load())).status, 303);

  // Logging out is a change too.
  Reply home = b.Get("/medewerkers");
  const std::string token = CsrfIn(home.body);
  ASSERT_FALSE(token.empty()) << home.body;
  EXPECT_EQ(b.Post("/medewerkers/uitloggen", {}).status, 403);
  EXPECT_EQ(b.Post("/medewerkers/uitloggen", {{"csrf_token", "wrong"}}).status, 403);
  EXPECT_EQ(
      b.Post("/medewerkers/uitloggen", {}, {{"X-CSRF-Token", token}, {"Origin", "null"}}).status,
      403);
  EXPECT_EQ(b.Get("/medewerkers").status, 200);
  EXPECT_TRUE(Events("logout").empty());
  // The header is as good as the form field.
  EXPECT_EQ(b.Post("/medewerkers/uitloggen", {}, {{"X-CSRF-Token", token}}).status, 303);
  EXPECT_EQ(Events("logout").size(), 1u);
}

TEST_P(AuthTest, LogoutEndsTheSessionAndClearsTheCookie) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  ASSERT_EQ(LogIn(b, anna).status, 303);
  Reply home = b.Get("/medewerkers");
  ASSERT_EQ(home.status, 200);
  Browser copy = b;

  Reply out = b.Post("/medewerkers/uitloggen", {{"csrf_token", CsrfIn(home.body)}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.Header("location"), "/medewerkers/inloggen?uitgelogd=1");
  auto cookies = out.All("set-cookie");
  ASSERT_EQ(cookies.size(), 1u);
  SetCookie cleared = ParseSetCookie(cookies[0]);
  EXPECT_EQ(cleared.name, "loket-staff");
  EXPECT_EQ(cleared.value, "");
  EXPECT_TRUE(cleared.Has("Max-Age=0")) << cookies[0];
  EXPECT_TRUE(cleared.Has("Path=/")) << cookies[0];
  EXPECT_TRUE(b.Cookie("loket-staff").empty());

  Reply notice = b.Get("/medewerkers/inloggen?uitgelogd=1");
  EXPECT_EQ(notice.status, 200);
  EXPECT_TRUE(Contains(notice.body, "U bent uitgelogd.")) << notice.body;

  // The session is gone on the server, not only in this browser.
  Reply old_home = copy.Get("/medewerkers");
  EXPECT_EQ(old_home.status, 303);
  EXPECT_EQ(old_home.Header("location"), "/medewerkers/inloggen?next=%2Fmedewerkers");
  EXPECT_EQ(copy.Get("/api/v1/me").status, 401);

  auto logouts = Events("logout");
  ASSERT_EQ(logouts.size(), 1u);
  EXPECT_EQ(logouts[0].entry.actor, anna.Actor());
  EXPECT_EQ(logouts[0].entry.object_type, "session");
  EXPECT_EQ(logouts[0].entry.outcome, audit::Outcome::kSuccess);
}

TEST_P(AuthTest, SessionsEndAfterFifteenIdleMinutes) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  ASSERT_EQ(LogIn(b, anna).status, 303);
  Advance(14min);
  EXPECT_EQ(b.Get("/medewerkers").status, 200);
  Advance(14min);  // counted from the last request
  EXPECT_EQ(b.Get("/api/v1/me").status, 200);
  Advance(16min);
  Reply home = b.Get("/medewerkers");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.Header("location").rfind("/medewerkers/inloggen?next=", 0), 0u);
  EXPECT_EQ(b.Get("/api/v1/me").status, 401);
}

TEST_P(AuthTest, SessionsEndTwelveHoursAfterLogin) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  ASSERT_EQ(LogIn(b, anna).status, 303);
  for (int i = 1; i < 72; ++i) {
    Advance(10min);
    ASSERT_EQ(b.Get("/medewerkers").status, 200) << "after " << i * 10 << " minutes";
  }
  Advance(10min);  // 12 hours
  Reply home = b.Get("/medewerkers");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.Header("location").rfind("/medewerkers/inloggen?next=", 0), 0u);
  EXPECT_EQ(b.Get("/api/v1/me").status, 401);
}

TEST_P(AuthTest, CookiesAreHttpOnlyStrictAndSecureOverHttps) {
  Browser b = NewBrowser();
  Reply form = b.Get("/medewerkers/inloggen");
  auto lines = form.All("set-cookie");
  ASSERT_EQ(lines.size(), 1u);
  SetCookie c = ParseSetCookie(lines[0]);
  EXPECT_EQ(c.name, "loket-staff");
  EXPECT_EQ(c.value.size(), 43u);
  EXPECT_TRUE(c.Has("HttpOnly")) << lines[0];
  EXPECT_TRUE(c.Has("SameSite=Strict")) << lines[0];
  EXPECT_TRUE(c.Has("Path=/")) << lines[0];
  EXPECT_FALSE(c.Has("Secure")) << lines[0];  // plain HTTP on loopback
  EXPECT_EQ(form.Header("cache-control"), "no-store");

  // Over https: the `__Host-` prefix and Secure.
  auto https = SettingsForOrigin("https://loket.example.nl/");
  ASSERT_TRUE(https.ok()) << https.status().ToString();
  EXPECT_EQ(https->origin, "https://loket.example.nl");
  EXPECT_TRUE(https->secure_cookies);
  Guard secure(*sessions_, *audit_log_, *site_, *https);
  EXPECT_EQ(secure.CookieName(Realm::kStaff), "__Host-loket-staff");
  EXPECT_EQ(secure.CookieName(Realm::kPublic), "__Host-loket-session");
  http::Handler open = secure.Open(Realm::kStaff, Lang::kNl, [](const http::Request&, Visit&) {
    return http::HtmlResponse(200, "form");
  });
  http::Request get;
  get.method = http::Method::kGet;
  get.path = get.target = "/medewerkers/inloggen";
  http::Response issued = open(get);
  std::vector<std::string> set;
  for (const auto& [name, value] : issued.headers) {
    if (Lower(name) == "set-cookie") set.push_back(value);
  }
  ASSERT_EQ(set.size(), 1u);
  SetCookie host = ParseSetCookie(set[0]);
  EXPECT_EQ(host.name, "__Host-loket-staff");
  EXPECT_TRUE(host.Has("Secure")) << set[0];
  EXPECT_TRUE(host.Has("HttpOnly")) << set[0];
  EXPECT_TRUE(host.Has("SameSite=Strict")) << set[0];
  EXPECT_TRUE(host.Has("Path=/")) << set[0];
  EXPECT_FALSE(Contains(Lower(set[0]), "domain=")) << set[0];
  // The session is found under the prefixed name only.
  http::Request back = get;
  back.headers["cookie"] = "__Host-loket-staff=" + host.value;
  EXPECT_TRUE(secure.Find(back, Realm::kStaff).has_value());
  back.headers["cookie"] = "loket-staff=" + host.value;
  EXPECT_FALSE(secure.Find(back, Realm::kStaff).has_value());
  // The public realm's cookie must survive a provider's redirect back.
  http::Response response;
  secure.SetCookie(response, Realm::kPublic, "token");
  ASSERT_EQ(response.headers.size(), 2u);  // the cookie and Cache-Control
  EXPECT_EQ(response.headers[0].second,
            "__Host-loket-session=token; Path=/; HttpOnly; SameSite=Lax; Secure");
  http::Response clearing;
  secure.ClearCookie(clearing, Realm::kStaff);
  SetCookie gone = ParseSetCookie(clearing.headers[0].second);
  EXPECT_EQ(gone.name, "__Host-loket-staff");
  EXPECT_TRUE(gone.Has("Max-Age=0") && gone.Has("Secure")) << clearing.headers[0].second;

  // Plain HTTP only on loopback.
  EXPECT_EQ(SettingsForOrigin("http://loket.example.nl").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SettingsForOrigin("http://10.0.0.8:8080").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SettingsForOrigin("ftp://loket.example.nl").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SettingsForOrigin("").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SettingsForOrigin("http://").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SettingsForOrigin("http:///").status().code(), StatusCode::kInvalidArgument);
  // Public names that merely start like a loopback address are not loopback.
  for (const char* lookalike : {"http://127.0.0.1.nip.io:8080", "http://127.evil.example",
                                "http://localhost.evil.example"}) {
    EXPECT_EQ(SettingsForOrigin(lookalike).status().code(), StatusCode::kInvalidArgument)
        << lookalike;
  }
  for (const char* loopback :
       {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080", "http://localhost"}) {
    auto s = SettingsForOrigin(loopback);
    ASSERT_TRUE(s.ok()) << loopback << ": " << s.status().ToString();
    EXPECT_FALSE(s->secure_cookies) << loopback;
    EXPECT_EQ(s->origin, loopback);
  }
}

TEST_P(AuthTest, EveryResponseCarriesSecurityHeaders) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser anonymous = NewBrowser();
  Reply page = anonymous.Get("/medewerkers/inloggen");
  EXPECT_EQ(page.status, 200);
  ExpectSecurityHeaders(page, "a page");
  Reply redirect = NewBrowser().Get("/medewerkers");
  EXPECT_EQ(redirect.status, 303);
  ExpectSecurityHeaders(redirect, "a redirect");
  Reply missing = anonymous.Get("/bestaat-niet");
  EXPECT_EQ(missing.status, 404);
  ExpectSecurityHeaders(missing, "a 404");
  Reply api = NewBrowser().Get("/api/v1/me");
  EXPECT_EQ(api.status, 401);
  ExpectSecurityHeaders(api, "an API 401");
  Reply refused = NewBrowser().Post("/medewerkers/inloggen", {});
  EXPECT_EQ(refused.status, 403);
  ExpectSecurityHeaders(refused, "a 403");

  Browser b = NewBrowser();
  Reply login = LogIn(b, anna);
  ExpectSecurityHeaders(login, "the login's redirect");
  EXPECT_EQ(login.Header("cache-control"), "no-store");
  for (const char* target : {"/medewerkers", "/en/staff", "/api/v1/me"}) {
    Reply r = b.Get(target);
    EXPECT_EQ(r.status, 200) << target;
    ExpectSecurityHeaders(r, target);
    EXPECT_EQ(r.Header("cache-control"), "no-store") << target;
  }
  // Error pages shown to a signed-in member carry their name and CSRF
  // token, so they are not stored either.
  Reply hidden = b.Get("/medewerkers/auditlog");
  EXPECT_EQ(hidden.status, 404);
  ExpectSecurityHeaders(hidden, "a 404 behind login");
  EXPECT_EQ(hidden.Header("cache-control"), "no-store");
  Reply forbidden = b.Post("/medewerkers/uitloggen", {});
  EXPECT_EQ(forbidden.status, 403);
  ExpectSecurityHeaders(forbidden, "a 403 behind login");
  EXPECT_EQ(forbidden.Header("cache-control"), "no-store");
}

TEST_P(AuthTest, FailedLoginsAreThrottledPerAccount) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  Reply form = b.Get("/medewerkers/inloggen");
  const std::string csrf = CsrfIn(form.body);
  auto attempt = [&](const std::string& password) {
    return b.Post("/medewerkers/inloggen",
                  {{"csrf_token", csrf}, {"email", anna.email}, {"password", password}});
  };
  for (int i = 0; i < 5; ++i) {
    Reply wrong = attempt("wrong horse battery staple");
    EXPECT_EQ(wrong.status, 401) << "attempt " << i + 1;
    EXPECT_TRUE(Contains(wrong.body, "Het e-mailadres of het wachtwoord klopt niet."));
  }
  const std::string cookie = b.Cookie("loket-staff");
  Reply refused = attempt(anna.password);
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(refused.All("set-cookie").empty());
  EXPECT_TRUE(Contains(refused.body, "Probeer het over 15 minuten opnieuw.")) << refused.body;
  EXPECT_EQ(b.Cookie("loket-staff"), cookie);
  EXPECT_EQ(b.Get("/medewerkers/inloggen/code").status, 303);  // no code step either
  EXPECT_EQ(b.Get("/api/v1/me").status, 401);

  auto failed = Events("login_failed");
  ASSERT_EQ(failed.size(), 5u);
  for (const audit::Event& e : failed) {
    EXPECT_EQ(e.entry.object_id, anna.email);
    EXPECT_EQ(e.entry.detail, "password");
    EXPECT_EQ(e.entry.outcome, audit::Outcome::kFailed);
  }
  auto refusals = Events("login_refused");
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].entry.object_id, anna.email);
  EXPECT_EQ(refusals[0].entry.outcome, audit::Outcome::kDenied);
  EXPECT_TRUE(Events("login").empty());

  // After the window the right password works again. The anonymous session
  // has ended by then, so the form is fetched anew.
  Advance(16min);
  Reply login = LogIn(b, anna);
  EXPECT_EQ(login.status, 303);
  EXPECT_EQ(login.Header("location"), "/medewerkers");
}

TEST_P(AuthTest, FailedLoginsAreThrottledPerAddress) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  const std::string csrf = CsrfIn(b.Get("/medewerkers/inloggen").body);
  for (int i = 0; i < 20; ++i) {
    Reply wrong =
        b.Post("/medewerkers/inloggen", {{"csrf_token", csrf},
                                         {"email", "guess" + std::to_string(i) + "@minbuza.nl"},
                                         {"password", "wrong horse battery staple"}});
    ASSERT_EQ(wrong.status, 401) << "attempt " << i + 1;
  }
  // An account no one has tried yet, with its right password, from the
  // same address.
  Reply refused =
      b.Post("/medewerkers/inloggen",
             {{"csrf_token", csrf}, {"email", anna.email}, {"password", anna.password}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(Events("login_failed").size(), 20u);
  auto refusals = Events("login_refused");
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].entry.object_id, anna.email);
  EXPECT_EQ(refusals[0].entry.address, "127.0.0.1");
}

TEST_P(AuthTest, WrongAndReplayedCodesAreRefused) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  ASSERT_EQ(EnterPassword(b, anna).status, 303);
  const std::string right = TotpCode(anna.secret, now_.load());
  // A code that is not that of this, the previous or the next time step.
  std::string wrong = right;
  for (char d = '0'; d <= '9'; ++d) {
    wrong[0] = d;
    if (wrong != right && wrong != TotpCode(anna.secret, now_.load() - 30s) &&
        wrong != TotpCode(anna.secret, now_.load() + 30s)) {
      break;
    }
  }
  Reply refused = EnterCode(b, wrong);
  EXPECT_EQ(refused.status, 401);
  EXPECT_TRUE(Contains(refused.body, "De code klopt niet")) << refused.body;
  EXPECT_EQ(b.Get("/api/v1/me").status, 401);
  auto failed = Events("login_failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].entry.detail, "totp");
  EXPECT_EQ(failed[0].entry.actor, anna.Actor());
  EXPECT_EQ(failed[0].entry.object_id, anna.email);

  // The right code still works in the same code step.
  Reply accepted = EnterCode(b, right.substr(0, 3) + " " + right.substr(3));
  EXPECT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.Header("location"), "/medewerkers");

  // The same code once more, for a second login: refused.
  Browser other = NewBrowser();
  ASSERT_EQ(EnterPassword(other, anna).status, 303);
  Reply replayed = EnterCode(other, right);
  EXPECT_EQ(replayed.status, 401);
  EXPECT_EQ(other.Get("/medewerkers").status, 303);
  EXPECT_EQ(Events("login_failed").size(), 2u);
  // The next code works.
  Advance(30s);
  EXPECT_EQ(EnterCode(other, TotpCode(anna.secret, now_.load())).status, 303);
  EXPECT_EQ(other.Get("/medewerkers").status, 200);
  EXPECT_EQ(Events("login").size(), 2u);
}

TEST_P(AuthTest, TheCodeStepEndsFiveMinutesAfterThePassword) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Browser b = NewBrowser();
  ASSERT_EQ(EnterPassword(b, anna).status, 303);
  Advance(4min + 50s);
  Reply form = b.Get("/medewerkers/inloggen/code");
  EXPECT_EQ(form.status, 200);
  Advance(20s);
  Reply late = b.Post("/medewerkers/inloggen/code", {{"csrf_token", CsrfIn(form.body)},
                                                     {"code", TotpCode(anna.secret, now_.load())}});
  EXPECT_EQ(late.status, 303);
  EXPECT_EQ(late.Header("location"), "/medewerkers/inloggen?verlopen=1");
  EXPECT_EQ(b.Get("/medewerkers/inloggen/code").Header("location"),
            "/medewerkers/inloggen?verlopen=1");
  EXPECT_EQ(b.Get("/medewerkers").status, 303);
  Reply again = b.Get("/medewerkers/inloggen?verlopen=1");
  EXPECT_EQ(again.status, 200);
  EXPECT_TRUE(Contains(again.body, "Het inloggen duurde te lang.")) << again.body;
  EXPECT_TRUE(Events("login").empty());
}

TEST_P(AuthTest, OnlyAdministratorsSeeTheAuditLog) {
  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  Account bram = AddStaff("b.bakker@minbuza.nl", "Bram Bakker", {Role::kAdministrator});
  EXPECT_EQ(NewBrowser().Get("/medewerkers/auditlog").status, 303);

  Browser agent = NewBrowser();
  ASSERT_EQ(LogIn(agent, anna).status, 303);
  // The start page offers the audit log as a task to administrators only.
  const std::string task =
      "utrecht-heading-3\"><a class=\"utrecht-link\" href=\"/medewerkers/auditlog\"";
  EXPECT_FALSE(Contains(agent.Get("/medewerkers").body, task));
  for (const char* target : {"/medewerkers/auditlog", "/en/staff/audit-log"}) {
    Reply denied = agent.Get(target);
    EXPECT_EQ(denied.status, 404) << target;  // as if there were no such page
    EXPECT_TRUE(Contains(denied.body, "Pagina niet gevonden") ||
                Contains(denied.body, "Page not found"))
        << denied.body;
  }
  auto denials = Events("access_denied");
  ASSERT_EQ(denials.size(), 2u);
  EXPECT_EQ(denials[1].entry.actor, anna.Actor());
  EXPECT_EQ(denials[1].entry.object_id, "/medewerkers/auditlog");
  EXPECT_EQ(denials[1].entry.outcome, audit::Outcome::kDenied);
  EXPECT_TRUE(Events("read").empty());

  Browser admin = NewBrowser();
  ASSERT_EQ(LogIn(admin, bram).status, 303);
  EXPECT_TRUE(Contains(admin.Get("/medewerkers").body, task));
  Reply log = admin.Get("/medewerkers/auditlog");
  EXPECT_EQ(log.status, 200);
  EXPECT_EQ(log.Header("cache-control"), "no-store");
  for (const std::string& cell :
       {std::string(">login</td>"), ">" + anna.Actor() + "</td>", ">" + bram.Actor() + "</td>",
        std::string(">access_denied</td>")}) {
    EXPECT_TRUE(Contains(log.body, cell)) << cell;
  }
  auto reads = Events("read");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].entry.actor, bram.Actor());
  EXPECT_EQ(reads[0].entry.object_type, "audit_log");
  // A filtered read is recorded with its filter.
  Reply filtered = admin.Get("/medewerkers/auditlog?action=login_failed");
  EXPECT_EQ(filtered.status, 200);
  EXPECT_FALSE(Contains(filtered.body, ">access_denied</td>"));
  reads = Events("read");
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_TRUE(Contains(reads[0].entry.detail, "action=login_failed")) << reads[0].entry.detail;
}

TEST_P(AuthTest, MeWithoutASessionIsAProblem) {
  Reply none = NewBrowser().Get("/api/v1/me");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.Header("content-type"), "application/problem+json");
  auto problem = nlohmann::json::parse(none.body, nullptr, false);
  ASSERT_TRUE(problem.is_object()) << none.body;
  EXPECT_EQ(problem.value("status", 0), 401);
  EXPECT_EQ(none.Header("cache-control"), "no-store");

  // Neither a made-up token nor an anonymous session is anyone.
  Browser forged = NewBrowser();
  forged.SetCookieValue("loket-staff", std::string(43, 'A'));
  EXPECT_EQ(forged.Get("/api/v1/me").status, 401);
  Browser anonymous = NewBrowser();
  ASSERT_EQ(anonymous.Get("/medewerkers/inloggen").status, 200);
  Reply still = anonymous.Get("/api/v1/me");
  EXPECT_EQ(still.status, 401);
  EXPECT_EQ(still.Header("content-type"), "application/problem+json");
}

TEST_P(AuthTest, LoginsRedirectOnlyWithinTheSite) {
  EXPECT_EQ(LocalPathOr("/medewerkers", "/x"), "/medewerkers");
  EXPECT_EQ(LocalPathOr("/en/staff?tab=1", "/x"), "/en/staff?tab=1");
  EXPECT_EQ(LocalPathOr("/", "/x"), "/");
  for (const std::string& bad :
       {std::string("//evil.example"), std::string("https://evil.example"), std::string("/\\evil"),
        std::string(""), std::string("evil.example"), std::string("javascript:alert(1)"),
        std::string("/a\\b"), std::string("/a\nb"), std::string("\\\\evil"),
        "/" + std::string(2000, 'a')}) {
    EXPECT_EQ(LocalPathOr(bad, "/x"), "/x") << bad;
  }

  Account anna = AddStaff("a.jansen@minbuza.nl", "Anna Jansen", {Role::kAgent});
  // A guarded page sends to the login with itself as `next`, and the form
  // keeps it.
  Browser b = NewBrowser();
  Reply guarded = b.Get("/en/staff");
  EXPECT_EQ(guarded.status, 303);
  EXPECT_EQ(guarded.Header("location"), "/en/staff/login?next=%2Fen%2Fstaff");
  Reply form = b.Get(guarded.Header("location"));
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "name=\"next\" value=\"/en/staff\"") ||
              Contains(form.body, "name=\"next\" value=\"&#x2F;en&#x2F;staff\"") ||
              Contains(form.body, "name=\"next\" value=\"&#47;en&#47;staff\""))
      << form.body;

  Reply home = LogIn(b, anna, "/en/staff");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.Header("location"), "/en/staff");

  for (const char* away : {"//evil.example", "https://evil.example/", "/\\evil.example"}) {
    Advance(30s);  // a new code for every login
    Browser other = NewBrowser();
    Reply r = LogIn(other, anna, away);
    EXPECT_EQ(r.status, 303) << away;
    EXPECT_EQ(r.Header("location"), "/medewerkers") << away;
  }
}

LOKET_ON_EVERY_BACKEND(AuthTest);

}  // namespace
}  // namespace loket::auth

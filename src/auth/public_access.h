// The public site's logins: citizens through an OpenID Connect provider
// (DigiD through a broker; Test-DigiD in demos), visa applicants with an
// e-mail account (password or a one-time link), their own overview page
// ("Mijn Loket"), and logout. Logins, failed logins and logouts go to the
// audit log; password and e-mail requests are throttled.
// Thread-safety: handlers may run on many threads at once.
#pragma once

#include "auth/guard.h"
#include "http/server.h"
#include "identity/applicant_accounts.h"
#include "identity/sessions.h"
#include "oidc/client.h"

namespace loket::auth {

class PublicAccess {
 public:
  // `digid` may be null: no provider is configured, and the login page
  // says that DigiD login is not available here.
  PublicAccess(const Guard& guard, oidc::Client* digid, identity::ApplicantAccounts& applicants,
               identity::LoginThrottle& throttle, Clock clock);

  void Register(http::Server& server);

 private:
  http::Response LoginChoice(const http::Request& r, Visit& v) const;
  http::Response DigidStart(const http::Request& r, Visit& v) const;
  http::Response DigidReturn(const http::Request& r, Visit& v) const;
  http::Response MyLoket(const http::Request& r, Visit& v) const;
  http::Response Logout(const http::Request& r, Visit& v) const;
  http::Response RegisterForm(const http::Request& r, Visit& v) const;
  http::Response RegisterSubmit(const http::Request& r, Visit& v) const;
  http::Response VerifyForm(const http::Request& r, Visit& v) const;
  http::Response VerifySubmit(const http::Request& r, Visit& v) const;
  http::Response ApplicantLoginForm(const http::Request& r, Visit& v) const;
  http::Response ApplicantLogin(const http::Request& r, Visit& v) const;
  http::Response RequestLink(const http::Request& r, Visit& v) const;
  http::Response LinkForm(const http::Request& r, Visit& v) const;
  http::Response LinkSubmit(const http::Request& r, Visit& v) const;

  // Starts the signed-in session (a new token) and sends the person on.
  http::Response SignIn(const http::Request& r, Visit& v, identity::Principal principal,
                        const std::string& next) const;
  http::Response Message(const Visit& v, int status, const std::string& heading_key,
                         const std::string& text_key, const std::string& link_url = "",
                         const std::string& link_key = "") const;
  http::Response ShowRegister(const Visit& v, int status, const std::string& email,
                              const std::string& email_error,
                              const std::string& password_error) const;
  http::Response ShowApplicantLogin(const Visit& v, int status, const std::string& email,
                                    const std::string& error_key, const std::string& notice_key,
                                    const std::string& next) const;
  http::Response ShowLink(const Visit& v, bool verify, const std::string& token) const;
  http::Response Unavailable(const Visit& v) const;

  const Guard& guard_;
  oidc::Client* digid_;
  identity::ApplicantAccounts& applicants_;
  identity::LoginThrottle& throttle_;
  Clock clock_;
};

}  // namespace loket::auth

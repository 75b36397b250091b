// The staff area's entrance: login with password and TOTP code, logout,
// the start page, and the audit log for administrators. Every login,
// failed login and logout is written to the audit log, and failed logins
// are throttled per account and per address.
// Thread-safety: handlers may run on many threads at once.
#pragma once

#include "audit/audit_log.h"
#include "auth/guard.h"
#include "http/server.h"
#include "identity/sessions.h"
#include "identity/staff_directory.h"

namespace loket::auth {

class StaffAccess {
 public:
  StaffAccess(const Guard& guard, identity::StaffDirectory& staff,
              identity::LoginThrottle& throttle, audit::AuditLog& audit, Clock clock);

  void Register(http::Server& server);

 private:
  http::Response LoginForm(const http::Request& r, Visit& v) const;
  http::Response Login(const http::Request& r, Visit& v) const;
  http::Response CodeForm(const http::Request& r, Visit& v) const;
  http::Response Code(const http::Request& r, Visit& v) const;
  http::Response Logout(const http::Request& r, Visit& v) const;
  http::Response Home(const http::Request& r, Visit& v) const;
  http::Response AuditLogPage(const http::Request& r, Visit& v) const;

  http::Response ShowLogin(const Visit& v, int status, const std::string& email,
                           const std::string& error_key, const std::string& next,
                           const std::string& notice_key = "") const;
  http::Response ShowCode(const Visit& v, int status, const std::string& error_key) const;

  const Guard& guard_;
  identity::StaffDirectory& staff_;
  identity::LoginThrottle& throttle_;
  audit::AuditLog& audit_;
  Clock clock_;
};

}  // namespace loket::auth

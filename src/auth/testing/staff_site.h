// A GoogleTest fixture for tests of the staff area over real HTTP, on both
// storage backends: the identity, session and audit tables, the audit log,
// sessions, login throttle and staff directory on a fake clock (`now_`),
// the site's templates and texts, a guard for the origin kOrigin, the
// staff login pages, `/api/v1/me` and a 404 page, served on a free port.
// Helpers add a staff member and log one in with a Browser.
//
//   class MyTest : public auth::testing::StaffSiteTest {
//    protected:
//     std::span<const storage::Migration> ExtraMigrations() const override { … }
//     void BeforeStart(http::Server& server) override { … Register(server); }
//   };
//   TEST_P(MyTest, …) { Browser b = NewBrowser(); LogIn(b, AddStaff(…)); … }
//   LOKET_ON_EVERY_BACKEND(MyTest);
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "audit/repository.h"
#include "auth/guard.h"
#include "auth/staff_access.h"
#include "auth/testing/browser.h"
#include "http/server.h"
#include "http/templates.h"
#include "identity/sessions.h"
#include "identity/staff_directory.h"
#include "site/site.h"
#include "storage/migrations.h"
#include "storage/testing/backend_test.h"

namespace loket::auth::testing {

// A staff member the test created, with what logging in takes.
struct Account {
  int64_t id = 0;
  std::string email;
  std::string password;
  std::string secret;
  std::string Actor() const { return "staff:" + std::to_string(id); }
};

class StaffSiteTest : public storage::BackendTest {
 protected:
  // The origin the guard compares Origin headers with; the server itself
  // listens on a free port, which browsers in these tests never announce.
  static constexpr const char* kOrigin = "http://127.0.0.1:8080";

  // Derived fixtures that override these call them first and return when
  // the test is skipped or failed (`if (!db_) return;`).
  void SetUp() override;
  void TearDown() override;

  // Migrations after the identity, session and audit ones.
  virtual std::span<const storage::Migration> ExtraMigrations() const { return {}; }
  // Called with the server before it starts, once every service above is
  // in place: a derived fixture builds its own services and registers
  // their routes here. A fatal failure here ends SetUp.
  virtual void BeforeStart(http::Server& server) { (void)server; }

  void Advance(std::chrono::seconds by) { now_ = now_.load() + by; }

  // A browser for which a request without an answer is a failure.
  Browser NewBrowser() const;

  // A new staff member with these roles; its id is 0 if adding failed.
  Account AddStaff(const std::string& email, const std::string& name,
                   std::vector<identity::Role> roles);

  // The password step from a fresh login form; returns its answer.
  Reply EnterPassword(Browser& b, const Account& a, const std::string& next = "",
                      const std::string& password = "");
  // The code step, with the code form's CSRF token; returns its answer.
  Reply EnterCode(Browser& b, const std::string& code);
  // Both steps; returns the answer to the code step.
  Reply LogIn(Browser& b, const Account& a, const std::string& next = "");

  // The audit log's events with this action (and object type, unless
  // empty).
  std::vector<audit::Event> Events(const std::string& action, const std::string& object_type = "");

  std::atomic<std::chrono::system_clock::time_point> now_{
      std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + std::chrono::hours(9)};
  Clock clock_ = [this] { return now_.load(); };
  std::unique_ptr<audit::AuditRepository> audit_repository_;
  std::unique_ptr<audit::AuditLog> audit_log_;
  std::unique_ptr<identity::SessionRepository> session_repository_;
  std::unique_ptr<identity::SessionStore> sessions_;
  std::unique_ptr<identity::ThrottleRepository> throttle_repository_;
  std::unique_ptr<identity::LoginThrottle> throttle_;
  std::unique_ptr<identity::StaffRepository> staff_repository_;
  std::unique_ptr<identity::StaffDirectory> staff_;
  std::unique_ptr<http::Templates> templates_;
  std::unique_ptr<site::Site> site_;
  std::unique_ptr<Guard> guard_;
  std::unique_ptr<StaffAccess> access_;
  std::unique_ptr<http::Server> server_;  // stopped by TearDown
};

}  // namespace loket::auth::testing

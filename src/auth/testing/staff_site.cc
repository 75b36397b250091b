#include "auth/testing/staff_site.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <utility>

#include "auth/me_api.h"

namespace loket::auth::testing {

void StaffSiteTest::SetUp() {
  BackendTest::SetUp();
  if (!db_) return;
  std::vector<storage::Migration> migrations;
  for (auto part : {identity::IdentityMigrations(), identity::SessionMigrations(),
                    audit::AuditMigrations(), ExtraMigrations()}) {
    migrations.insert(migrations.end(), part.begin(), part.end());
  }
  auto applied = storage::ApplyMigrations(*db_, migrations);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  audit_repository_ = audit::NewSqlAuditRepository(*db_);
  audit_log_ = std::make_unique<audit::AuditLog>(*audit_repository_, clock_);
  session_repository_ = identity::NewSqlSessionRepository(*db_);
  sessions_ = std::make_unique<identity::SessionStore>(*session_repository_, clock_);
  throttle_repository_ = identity::NewSqlThrottleRepository(*db_);
  throttle_ = std::make_unique<identity::LoginThrottle>(*throttle_repository_, clock_);
  staff_repository_ = identity::NewSqlStaffRepository(*db_);
  staff_ = std::make_unique<identity::StaffDirectory>(*staff_repository_, clock_);

  const std::filesystem::path web = LOKET_TEST_WEB_DIR;
  auto templates = http::Templates::Load(web / "templates");
  ASSERT_TRUE(templates.ok()) << templates.status().ToString();
  templates_ = std::move(templates).value();
  auto texts = site::UiTexts::Load(web / "i18n");
  ASSERT_TRUE(texts.ok()) << texts.status().ToString();
  site_ = std::make_unique<site::Site>(*templates_, std::move(texts).value());
  auto settings = SettingsForOrigin(kOrigin);
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  guard_ = std::make_unique<Guard>(*sessions_, *audit_log_, *site_, *settings);
  access_ = std::make_unique<StaffAccess>(*guard_, *staff_, *throttle_, *audit_log_, clock_);

  http::ServerOptions options;  // the default body limit: 1 MiB
  options.port = 0;
  options.threads = 2;
  server_ = std::make_unique<http::Server>(options, nullptr);
  access_->Register(*server_);
  RegisterMeApi(*server_, *guard_);
  server_->SetFallback([this](const http::Request&) {
    return site_->ErrorPage(404, Lang::kNl, "not_found_heading", "not_found_text");
  });
  BeforeStart(*server_);
  if (HasFatalFailure()) return;
  Status started = server_->Start();
  ASSERT_TRUE(started.ok()) << started.ToString();
}

void StaffSiteTest::TearDown() {
  if (server_) server_->Stop();
}

Browser StaffSiteTest::NewBrowser() const {
  Browser b(server_->port());
  b.FailWithoutAnswer();
  return b;
}

Account StaffSiteTest::AddStaff(const std::string& email, const std::string& name,
                                std::vector<identity::Role> roles) {
  Account a;
  a.email = email;
  a.password = "correct horse battery staple";
  auto added = staff_->Add({email, name, std::move(roles), "", a.password});
  EXPECT_TRUE(added.ok()) << added.status().ToString();
  if (!added.ok()) return a;
  a.id = added->first.id;
  a.secret = added->second.secret;
  return a;
}

Reply StaffSiteTest::EnterPassword(Browser& b, const Account& a, const std::string& next,
                                   const std::string& password) {
  Reply form = b.Get("/medewerkers/inloggen");
  EXPECT_EQ(form.status, 200);
  return b.Post("/medewerkers/inloggen", {{"csrf_token", CsrfIn(form.body)},
                                          {"email", a.email},
                                          {"password", password.empty() ? a.password : password},
                                          {"next", next}});
}

Reply StaffSiteTest::EnterCode(Browser& b, const std::string& code) {
  Reply form = b.Get("/medewerkers/inloggen/code");
  EXPECT_EQ(form.status, 200);
  return b.Post("/medewerkers/inloggen/code", {{"csrf_token", CsrfIn(form.body)}, {"code", code}});
}

Reply StaffSiteTest::LogIn(Browser& b, const Account& a, const std::string& next) {
  Reply password = EnterPassword(b, a, next);
  EXPECT_EQ(password.status, 303);
  EXPECT_EQ(password.Header("location"), "/medewerkers/inloggen/code");
  return EnterCode(b, TotpCode(a.secret, now_.load()));
}

std::vector<audit::Event> StaffSiteTest::Events(const std::string& action,
                                                const std::string& object_type) {
  audit::Query q;
  q.action = action;
  if (!object_type.empty()) q.object_type = object_type;
  q.limit = 1000;
  auto events = audit_log_->Search(q);
  EXPECT_TRUE(events.ok()) << events.status().ToString();
  return events.ok() ? *events : std::vector<audit::Event>();
}

}  // namespace loket::auth::testing

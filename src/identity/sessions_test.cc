#include "identity/sessions.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "storage/testing/backend_test.h"

namespace loket::identity {
namespace {

using namespace std::chrono_literals;
using std::chrono::system_clock;

class SessionsTest : public storage::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!db_) return;
    ASSERT_TRUE(storage::ApplyMigrations(*db_, SessionMigrations()).ok());
    sessions_repo_ = NewSqlSessionRepository(*db_);
    throttle_repo_ = NewSqlThrottleRepository(*db_);
    store_ = std::make_unique<SessionStore>(*sessions_repo_, [this] { return now_; });
    throttle_ = std::make_unique<LoginThrottle>(*throttle_repo_, [this] { return now_; });
  }

  static Principal Staff() {
    Principal p;
    p.kind = PrincipalKind::kStaff;
    p.subject = "7";
    p.name = "Anna de Vries";
    p.email = "anna@example.org";
    p.roles = {Role::kBackOffice, Role::kEditor};
    p.post = "ma-rabat";
    return p;
  }

  system_clock::time_point now_ = system_clock::time_point(1'800'000'000s);
  std::unique_ptr<SessionRepository> sessions_repo_;
  std::unique_ptr<ThrottleRepository> throttle_repo_;
  std::unique_ptr<SessionStore> store_;
  std::unique_ptr<LoginThrottle> throttle_;
};

TEST_P(SessionsTest, StartedSessionIsFoundByItsTokenWithItsPrincipal) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kStaff, Staff(), R"({"step":"totp"})");
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  EXPECT_EQ(issued->token.size(), 43u);
  EXPECT_EQ(issued->session.csrf_token.size(), 43u);
  EXPECT_NE(issued->token, issued->session.csrf_token);

  auto found = store_->Resume(Realm::kStaff, issued->token);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  const Session& s = **found;
  EXPECT_EQ(s.principal.kind, PrincipalKind::kStaff);
  EXPECT_EQ(s.principal.subject, "7");
  EXPECT_EQ(s.principal.name, "Anna de Vries");
  EXPECT_EQ(s.principal.post, "ma-rabat");
  EXPECT_TRUE(s.principal.Has(Role::kEditor));
  EXPECT_FALSE(s.principal.Has(Role::kAdministrator));
  EXPECT_EQ(s.csrf_token, issued->session.csrf_token);
  EXPECT_EQ(s.pending, R"({"step":"totp"})");
}

TEST_P(SessionsTest, OnlyTheHashOfTheTokenIsStored) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kPublic, Staff());
  ASSERT_TRUE(issued.ok());
  auto tx = db_->BeginRead();
  ASSERT_TRUE(tx.ok());
  auto rows = (*tx)->Query("SELECT token_hash FROM session");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), TokenHash(issued->token));
  EXPECT_EQ((*rows)[0].Text(0).find(issued->token), std::string::npos);
}

TEST_P(SessionsTest, UnknownMalformedAndOtherRealmTokensFindNothing) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kPublic, Staff());
  ASSERT_TRUE(issued.ok());
  for (std::string token : {std::string(), std::string("x"), RandomToken()}) {
    auto found = store_->Resume(Realm::kPublic, token);
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value()) << token;
  }
  auto other_realm = store_->Resume(Realm::kStaff, issued->token);
  ASSERT_TRUE(other_realm.ok());
  EXPECT_FALSE(other_realm->has_value());
}

TEST_P(SessionsTest, StaffSessionEndsAfterFifteenIdleMinutes) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kStaff, Staff());
  ASSERT_TRUE(issued.ok());
  now_ += 14min;
  ASSERT_TRUE(store_->Resume(Realm::kStaff, issued->token)->has_value());
  now_ += 14min;  // 14 minutes after the last request
  ASSERT_TRUE(store_->Resume(Realm::kStaff, issued->token)->has_value());
  now_ += 15min;
  EXPECT_FALSE(store_->Resume(Realm::kStaff, issued->token)->has_value());
  now_ -= 15min;  // once expired, it is gone, also for a clock that went back
  EXPECT_FALSE(store_->Resume(Realm::kStaff, issued->token)->has_value());
}

TEST_P(SessionsTest, StaffSessionEndsAfterTwelveHoursHoweverActive) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kStaff, Staff());
  ASSERT_TRUE(issued.ok());
  for (int i = 0; i < 71; ++i) {  // a request every 10 minutes for 11 h 50 min
    now_ += 10min;
    ASSERT_TRUE(store_->Resume(Realm::kStaff, issued->token)->has_value()) << i;
  }
  now_ += 10min;
  EXPECT_FALSE(store_->Resume(Realm::kStaff, issued->token)->has_value());
}

TEST_P(SessionsTest, PublicSessionAllowsThirtyIdleMinutes) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kPublic, Principal{});
  ASSERT_TRUE(issued.ok());
  now_ += 29min;
  EXPECT_TRUE(store_->Resume(Realm::kPublic, issued->token)->has_value());
  now_ += 30min;
  EXPECT_FALSE(store_->Resume(Realm::kPublic, issued->token)->has_value());
}

TEST_P(SessionsTest, ReplaceGivesANewTokenAndTheOldOneStopsWorking) {
  if (!db_) return;
  auto before = store_->Start(Realm::kStaff, Principal{});
  ASSERT_TRUE(before.ok());
  auto after = store_->Replace(Realm::kStaff, before->token, Staff());
  ASSERT_TRUE(after.ok());
  EXPECT_NE(after->token, before->token);
  EXPECT_NE(after->session.csrf_token, before->session.csrf_token);
  EXPECT_FALSE(store_->Resume(Realm::kStaff, before->token)->has_value());
  auto found = store_->Resume(Realm::kStaff, after->token);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->principal.subject, "7");
}

TEST_P(SessionsTest, EndDeletesTheSession) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kPublic, Staff());
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(store_->End(issued->token).ok());
  EXPECT_FALSE(store_->Resume(Realm::kPublic, issued->token)->has_value());
}

TEST_P(SessionsTest, PendingStepCanBeChanged) {
  if (!db_) return;
  auto issued = store_->Start(Realm::kPublic, Principal{});
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(store_->SetPending(issued->token, R"({"state":"abc"})").ok());
  EXPECT_EQ((*store_->Resume(Realm::kPublic, issued->token))->pending, R"({"state":"abc"})");
}

TEST_P(SessionsTest, PurgeRemovesOnlyExpiredSessions) {
  if (!db_) return;
  auto old_staff = store_->Start(Realm::kStaff, Staff());
  auto old_public = store_->Start(Realm::kPublic, Principal{});
  now_ += 20min;
  auto fresh = store_->Start(Realm::kStaff, Staff());
  ASSERT_TRUE(old_staff.ok() && old_public.ok() && fresh.ok());
  auto purged = store_->Purge();
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1u);  // the idle staff session; the public one has 30 minutes
  EXPECT_TRUE(store_->Resume(Realm::kPublic, old_public->token)->has_value());
  EXPECT_TRUE(store_->Resume(Realm::kStaff, fresh->token)->has_value());
}

TEST_P(SessionsTest, ThrottleRefusesAnAccountAfterFiveFailuresUntilTheWindowPasses) {
  if (!db_) return;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(throttle_->Check("anna@example.org", "192.0.2.1").ok()) << i;
    ASSERT_TRUE(throttle_->RecordFailure("anna@example.org", "192.0.2.1").ok());
  }
  Status refused = throttle_->Check("anna@example.org", "198.51.100.9");  // from anywhere
  EXPECT_EQ(refused.code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(throttle_->Check("bob@example.org", "198.51.100.9").ok());
  now_ += 16min;
  EXPECT_TRUE(throttle_->Check("anna@example.org", "192.0.2.1").ok());
}

TEST_P(SessionsTest, ThrottleRefusesAnAddressTryingManyAccounts) {
  if (!db_) return;
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(
        throttle_->RecordFailure("user" + std::to_string(i) + "@example.org", "203.0.113.5").ok());
  }
  EXPECT_EQ(throttle_->Check("new@example.org", "203.0.113.5").code(),
            StatusCode::kResourceExhausted);
  EXPECT_TRUE(throttle_->Check("new@example.org", "203.0.113.6").ok());
}

TEST_P(SessionsTest, SuccessfulLoginResetsTheAccountCount) {
  if (!db_) return;
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(throttle_->RecordFailure("a@example.org", "192.0.2.1").ok());
  ASSERT_TRUE(throttle_->RecordSuccess("a@example.org").ok());
  ASSERT_TRUE(throttle_->RecordFailure("a@example.org", "192.0.2.1").ok());
  EXPECT_TRUE(throttle_->Check("a@example.org", "192.0.2.2").ok());
}

TEST(PrincipalTest, AccessRules) {
  Principal citizen{PrincipalKind::kCitizen, "abc", "Jan", "999990019", "", {}, ""};
  EXPECT_EQ(citizen.Actor(), "citizen:abc");
  EXPECT_TRUE(Owns(citizen, "citizen:abc"));
  EXPECT_FALSE(Owns(citizen, "citizen:abd"));
  EXPECT_FALSE(Allows(citizen, Permission::kStaffArea));
  EXPECT_FALSE(Owns(Principal{}, "anonymous"));

  Principal admin{PrincipalKind::kStaff, "1", "A", "", "a@x.nl", {Role::kAdministrator}, ""};
  EXPECT_TRUE(Allows(admin, Permission::kStaffArea));
  EXPECT_TRUE(Allows(admin, Permission::kReadAuditLog));
  EXPECT_FALSE(Allows(admin, Permission::kEditKnowledge));
  // A citizen with a role name in their data is still no staff member.
  citizen.roles = {Role::kAdministrator};
  EXPECT_FALSE(Allows(citizen, Permission::kReadAuditLog));
}

LOKET_ON_EVERY_BACKEND(SessionsTest);

}  // namespace
}  // namespace loket::identity

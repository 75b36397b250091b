// Staff accounts on both storage backends: checks on new accounts,
// argon2id passwords, TOTP codes with replay protection.
#include "identity/staff_directory.h"

#include <gtest/gtest.h>
#include <liboath/oath.h>

#include "storage/migrations.h"
#include "storage/testing/backend_test.h"

namespace loket::identity {
namespace {

using namespace std::chrono_literals;

NewStaff Agent() {
  return {"A.Jansen@minbuza.nl", "Anna Jansen", {Role::kAgent}, "", "correct horse battery"};
}

// The code an authenticator app shows for `secret` (base32) at `at`.
std::string CodeAt(const std::string& secret, std::chrono::system_clock::time_point at) {
  char* raw = nullptr;
  size_t length = 0;
  EXPECT_EQ(oath_base32_decode(secret.data(), secret.size(), &raw, &length), OATH_OK);
  char code[7] = {};
  EXPECT_EQ(
      oath_totp_generate(raw, length, std::chrono::system_clock::to_time_t(at), 30, 0, 6, code),
      OATH_OK);
  free(raw);
  return code;
}

class StaffDirectoryTest : public storage::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!db_) return;
    ASSERT_TRUE(storage::ApplyMigrations(*db_, IdentityMigrations()).ok());
    repository_ = NewSqlStaffRepository(*db_);
    staff_ = std::make_unique<StaffDirectory>(*repository_, [this] { return now_; });
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + 9h;
  std::unique_ptr<StaffRepository> repository_;
  std::unique_ptr<StaffDirectory> staff_;
};

TEST_P(StaffDirectoryTest, NewAccountsAreChecked) {
  auto bad = [&](NewStaff s, const std::string& field) {
    auto r = staff_->Add(s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message().rfind(field, 0), 0u) << r.status().message();
  };
  NewStaff s = Agent();
  s.email = "not-an-address";
  bad(s, "email");
  s = Agent();
  s.name = " ";
  bad(s, "name");
  s = Agent();
  s.roles.clear();
  bad(s, "role");
  s = Agent();
  s.roles = {Role::kBackOffice};
  bad(s, "post");  // a back-office officer needs a post
  s.post = "ambassade-berlijn";
  s.password = "short";
  bad(s, "password");
  s = Agent();
  s.post = "cso";
  bad(s, "post");  // an agent has none
  s = Agent();
  s.password = "a.jansen@minbuza.nl";
  bad(s, "password");
  auto none = repository_->FindByEmail("a.jansen@minbuza.nl");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_P(StaffDirectoryTest, AnAccountWithArgon2idAndATotpEnrolment) {
  auto added = staff_->Add(Agent());
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  const auto& [member, enrolment] = *added;
  EXPECT_GT(member.id, 0);
  EXPECT_EQ(member.email, "a.jansen@minbuza.nl");
  EXPECT_EQ(enrolment.secret.size(), 32u);  // 160 bits in base32
  EXPECT_EQ(
      enrolment.uri.rfind(
          "otpauth://totp/Loket%20Buitenland:a.jansen@minbuza.nl?secret=" + enrolment.secret, 0),
      0u)
      << enrolment.uri;
  auto stored = repository_->FindByEmail("a.jansen@minbuza.nl");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ((*stored)->password_hash.find("correct horse"), std::string::npos);

  NewStaff again = Agent();
  again.email = "a.jansen@MINBUZA.nl";
  EXPECT_EQ(staff_->Add(again).status().code(), StatusCode::kAlreadyExists);
}

TEST_P(StaffDirectoryTest, PasswordsAreChecked) {
  ASSERT_TRUE(staff_->Add(Agent()).ok());
  auto ok = staff_->CheckPassword(" A.JANSEN@minbuza.nl", "correct horse battery");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->name, "Anna Jansen");
  auto wrong = staff_->CheckPassword("a.jansen@minbuza.nl", "correct horse batter");
  auto unknown = staff_->CheckPassword("b.bakker@minbuza.nl", "correct horse battery");
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(unknown.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());  // no probing
}

TEST_P(StaffDirectoryTest, TotpCodesWorkOnceAndOnlyNearNow) {
  auto added = staff_->Add(Agent());
  ASSERT_TRUE(added.ok());
  const int64_t id = added->first.id;
  const std::string& secret = added->second.secret;
  EXPECT_TRUE(staff_->CheckTotp(id, CodeAt(secret, now_)).ok());
  // The same code again is a replay.
  EXPECT_EQ(staff_->CheckTotp(id, CodeAt(secret, now_)).code(), StatusCode::kUnauthenticated);
  // The previous step's code is older than the one used.
  EXPECT_FALSE(staff_->CheckTotp(id, CodeAt(secret, now_ - 30s)).ok());
  // Two minutes later: the current code works, one from long ago not.
  now_ += 2min;
  EXPECT_FALSE(staff_->CheckTotp(id, CodeAt(secret, now_ - 10min)).ok());
  EXPECT_TRUE(staff_->CheckTotp(id, CodeAt(secret, now_ + 30s)).ok());  // clock drift
  EXPECT_FALSE(staff_->CheckTotp(id, "12345").ok());
  EXPECT_FALSE(staff_->CheckTotp(id, "abcdef").ok());
  EXPECT_FALSE(staff_->CheckTotp(id + 1000, CodeAt(secret, now_ + 60s)).ok());
}

LOKET_ON_EVERY_BACKEND(StaffDirectoryTest);

}  // namespace
}  // namespace loket::identity

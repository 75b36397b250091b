// Visa applicant accounts on both storage backends: registration and
// proof of the address, password login, login links, and answers that do
// not reveal which addresses have an account. E-mail goes to a recording
// mailer; time is a fake clock.
#include "identity/applicant_accounts.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <regex>
#include <thread>

#include "storage/migrations.h"
#include "storage/testing/backend_test.h"

namespace loket::identity {
namespace {

using namespace std::chrono_literals;

constexpr char kEmail[] = "visa.applicant@example.org";
constexpr char kPassword[] = "a long and good password";

class RecordingMailer final : public notify::Mailer {
 public:
  Status Send(const notify::Mail& mail) override {
    std::lock_guard lock(mutex_);
    if (down_) return Unavailable("the mail server is down");
    sent_.push_back(mail);
    return {};
  }

  void set_down(bool down) {
    std::lock_guard lock(mutex_);
    down_ = down;
  }
  std::vector<notify::Mail> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  mutable std::mutex mutex_;
  bool down_ = false;
  std::vector<notify::Mail> sent_;
};

// The link in a mail, and the token in it.
struct Link {
  std::string url;
  std::string token;
};

Link LinkIn(const notify::Mail& mail) {
  std::smatch m;
  static const std::regex kLink("(https://\\S+\\?token=)([A-Za-z0-9_-]+)");
  if (!std::regex_search(mail.text, m, kLink)) return {};
  return {m[1].str(), m[2].str()};
}

class ApplicantAccountsTest : public storage::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!db_) return;
    ASSERT_TRUE(storage::ApplyMigrations(*db_, ApplicantMigrations()).ok());
    repository_ = NewSqlApplicantRepository(*db_);
    accounts_ = std::make_unique<ApplicantAccounts>(*repository_, mailer_,
                                                    ApplicantMailSettings{"https://loket.example/"},
                                                    [this] { return now_; });
  }

  int64_t Count(const std::string& sql) {
    auto tx = db_->BeginRead();
    EXPECT_TRUE(tx.ok());
    auto rows = (*tx)->Query(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() && !rows->empty() ? (*rows)[0].Int(0) : -1;
  }

  // The link in the newest mail.
  Link LastLink() {
    auto sent = mailer_.sent();
    return sent.empty() ? Link() : LinkIn(sent.back());
  }

  // A verified account; returns it.
  Applicant Registered(const std::string& email = kEmail, const std::string& password = kPassword) {
    Status registered = accounts_->Register(email, password, Lang::kEn);
    EXPECT_TRUE(registered.ok()) << registered.ToString();
    auto verified = accounts_->Verify(LastLink().token);
    EXPECT_TRUE(verified.ok()) << verified.status().ToString();
    return verified.ok() ? *verified : Applicant();
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + 9h;
  RecordingMailer mailer_;
  std::unique_ptr<ApplicantRepository> repository_;
  std::unique_ptr<ApplicantAccounts> accounts_;
};

TEST_P(ApplicantAccountsTest, RegisterVerifyAndLogInWithThePassword) {
  ASSERT_TRUE(accounts_->Register(" Visa.Applicant@EXAMPLE.org ", kPassword, Lang::kEn).ok());
  auto sent = mailer_.sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].to, kEmail);
  EXPECT_EQ(sent[0].subject, "Confirm your e-mail address");
  EXPECT_NE(sent[0].text.find("24 hours"), std::string::npos) << sent[0].text;
  Link link = LinkIn(sent[0]);
  EXPECT_EQ(link.url, "https://loket.example/en/visa/account/verify?token=");
  EXPECT_EQ(link.token.size(), 43u);  // 32 random bytes, base64url

  // Only a hash of the token is stored, and no password until it is proven.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_links WHERE token_hash = '" + link.token + "'"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_links WHERE LENGTH(token_hash) = 64"), 1);
  auto stored = repository_->FindByEmail(kEmail);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_FALSE((*stored)->applicant.verified);
  EXPECT_EQ((*stored)->password_hash, "");

  auto verified = accounts_->Verify(link.token);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_GT(verified->id, 0);
  EXPECT_EQ(verified->email, kEmail);
  EXPECT_TRUE(verified->verified);
  EXPECT_EQ(verified->created_at, "2026-11-25T09:00:00Z");
  EXPECT_EQ(verified->lang, "en");
  stored = repository_->FindByEmail(kEmail);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->password_hash.rfind("$argon2id$", 0), 0u);

  auto login = accounts_->CheckPassword("VISA.applicant@example.org", kPassword);
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(login->id, verified->id);
  EXPECT_TRUE(login->verified);

  // The link worked once.
  auto again = accounts_->Verify(link.token);
  EXPECT_EQ(again.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(again.status().message().find("used"), std::string::npos);
  EXPECT_EQ(accounts_->Verify("no-such-token").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(accounts_->Verify(std::string(43, 'A')).status().code(), StatusCode::kNotFound);
}

TEST_P(ApplicantAccountsTest, DutchMailsHaveDutchLinks) {
  ASSERT_TRUE(accounts_->Register(kEmail, kPassword, Lang::kNl).ok());
  auto sent = mailer_.sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].subject, "Bevestig uw e-mailadres");
  EXPECT_NE(sent[0].text.find("De link werkt 24 uur"), std::string::npos) << sent[0].text;
  EXPECT_EQ(LinkIn(sent[0]).url, "https://loket.example/visum/account/bevestigen?token=");
  auto verified = accounts_->Verify(LinkIn(sent[0]).token);
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->lang, "nl");

  ASSERT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kNl).ok());
  sent = mailer_.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1].subject, "Uw inloglink");
  EXPECT_NE(sent[1].text.find("15 minuten"), std::string::npos);
  EXPECT_EQ(LinkIn(sent[1]).url, "https://loket.example/visum/account/inloggen/link?token=");
}

TEST_P(ApplicantAccountsTest, RegisteringATakenAddressMailsItsOwnerAndCreatesNothing) {
  const Applicant owner = Registered();
  ASSERT_EQ(mailer_.sent().size(), 1u);

  Status again = accounts_->Register(kEmail, "another long password", Lang::kNl);
  EXPECT_TRUE(again.ok()) << again.ToString();  // as for a new address
  auto sent = mailer_.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1].to, kEmail);
  EXPECT_EQ(sent[1].subject, "U heeft al een account");
  EXPECT_NE(sent[1].text.find("https://loket.example/visum/account/inloggen\n"), std::string::npos)
      << sent[1].text;
  EXPECT_EQ(sent[1].text.find("token="), std::string::npos);

  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_accounts"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_links WHERE used_at IS NULL"), 0);
  EXPECT_TRUE(accounts_->CheckPassword(kEmail, kPassword).ok());
  EXPECT_EQ(accounts_->CheckPassword(kEmail, "another long password").status().code(),
            StatusCode::kUnauthenticated);

  // In English, the login page is the English one.
  ASSERT_TRUE(accounts_->Register(kEmail, "another long password", Lang::kEn).ok());
  EXPECT_EQ(mailer_.sent().back().subject, "You already have an account");
  EXPECT_NE(mailer_.sent().back().text.find("https://loket.example/en/visa/account/login\n"),
            std::string::npos);
  EXPECT_EQ(owner.email, kEmail);
}

TEST_P(ApplicantAccountsTest, AnUnverifiedAccountCannotLogIn) {
  ASSERT_TRUE(accounts_->Register(kEmail, kPassword, Lang::kEn).ok());
  auto right = accounts_->CheckPassword(kEmail, kPassword);
  auto wrong = accounts_->CheckPassword(kEmail, "not the password at all");
  auto unknown = accounts_->CheckPassword("someone.else@example.org", kPassword);
  // Only the right password learns that the address is not proven yet.
  EXPECT_EQ(right.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(unknown.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());

  // No login link either, and the same answer as for a verified account.
  EXPECT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kEn).ok());
  EXPECT_EQ(mailer_.sent().size(), 1u);
}

TEST_P(ApplicantAccountsTest, WrongPasswordsAndUnknownAddressesAnswerAlike) {
  Registered();
  auto wrong = accounts_->CheckPassword(kEmail, "a long and good passwort");
  auto unknown = accounts_->CheckPassword("nobody@example.org", kPassword);
  auto empty = accounts_->CheckPassword(kEmail, "");
  auto huge = accounts_->CheckPassword(kEmail, std::string(10'000, 'x'));
  for (const auto* r : {&wrong, &unknown, &empty, &huge}) {
    EXPECT_EQ(r->status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(r->status().message(), wrong.status().message());
  }
}

TEST_P(ApplicantAccountsTest, SomeoneElsesEarlierRegistrationCannotSetThePassword) {
  // Someone registers the address first, with a password of their own.
  ASSERT_TRUE(accounts_->Register(kEmail, "the intruder's password", Lang::kEn).ok());
  const Link intruders = LastLink();
  // The owner registers as well and follows their own link.
  ASSERT_TRUE(accounts_->Register(kEmail, kPassword, Lang::kEn).ok());
  ASSERT_EQ(mailer_.sent().size(), 2u);
  const Link owners = LastLink();
  EXPECT_NE(owners.token, intruders.token);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_accounts"), 1);
  ASSERT_TRUE(accounts_->Verify(owners.token).ok());

  EXPECT_TRUE(accounts_->CheckPassword(kEmail, kPassword).ok());
  EXPECT_EQ(accounts_->CheckPassword(kEmail, "the intruder's password").status().code(),
            StatusCode::kUnauthenticated);
  // The other link is void now.
  EXPECT_EQ(accounts_->Verify(intruders.token).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(accounts_->CheckPassword(kEmail, kPassword).ok());
}

TEST_P(ApplicantAccountsTest, LoginLinksWorkOnceAndFor15Minutes) {
  const Applicant applicant = Registered();
  ASSERT_TRUE(accounts_->SendLoginLink(" VISA.applicant@example.org", Lang::kEn).ok());
  auto sent = mailer_.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1].to, kEmail);
  EXPECT_EQ(sent[1].subject, "Your login link");
  Link link = LinkIn(sent[1]);
  EXPECT_EQ(link.url, "https://loket.example/en/visa/account/login/link?token=");

  auto redeemed = accounts_->RedeemLoginLink(link.token);
  ASSERT_TRUE(redeemed.ok()) << redeemed.status().ToString();
  EXPECT_EQ(redeemed->id, applicant.id);
  EXPECT_TRUE(redeemed->verified);
  auto second = accounts_->RedeemLoginLink(link.token);
  EXPECT_EQ(second.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(second.status().message().find("used"), std::string::npos);

  ASSERT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kEn).ok());
  link = LastLink();
  now_ += 15min + 1s;
  auto late = accounts_->RedeemLoginLink(link.token);
  EXPECT_EQ(late.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(late.status().message().find("expired"), std::string::npos);

  ASSERT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kEn).ok());
  link = LastLink();
  now_ += 14min;
  EXPECT_TRUE(accounts_->RedeemLoginLink(link.token).ok());

  // A link is only good for what it was sent for.
  ASSERT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kEn).ok());
  EXPECT_EQ(accounts_->Verify(LastLink().token).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(accounts_->RedeemLoginLink(LastLink().token).ok());

  // An unknown address: the same answer, no mail.
  const size_t mails = mailer_.sent().size();
  EXPECT_TRUE(accounts_->SendLoginLink("nobody@example.org", Lang::kEn).ok());
  EXPECT_EQ(mailer_.sent().size(), mails);
  EXPECT_EQ(accounts_->SendLoginLink("nobody", Lang::kEn).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->RedeemLoginLink("").status().code(), StatusCode::kNotFound);
}

TEST_P(ApplicantAccountsTest, VerificationLinksExpireAfter24Hours) {
  ASSERT_TRUE(accounts_->Register(kEmail, kPassword, Lang::kEn).ok());
  const Link link = LastLink();
  now_ += 24h + 1s;
  auto late = accounts_->Verify(link.token);
  EXPECT_EQ(late.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(late.status().message().find("expired"), std::string::npos);
  // Logging in explains what is missing (the password is right) …
  EXPECT_EQ(accounts_->CheckPassword(kEmail, kPassword).status().code(),
            StatusCode::kPermissionDenied);
  // … and registering again sends a link that works.
  ASSERT_TRUE(accounts_->Register(kEmail, kPassword, Lang::kEn).ok());
  ASSERT_EQ(mailer_.sent().size(), 2u);
  EXPECT_TRUE(accounts_->Verify(LastLink().token).ok());
  EXPECT_TRUE(accounts_->CheckPassword(kEmail, kPassword).ok());
}

TEST_P(ApplicantAccountsTest, AddressesAndPasswordsAreChecked) {
  auto refused = [&](const std::string& email, const std::string& password,
                     const std::string& field) {
    Status s = accounts_->Register(email, password, Lang::kEn);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << email << " " << password;
    EXPECT_EQ(s.message().rfind(field, 0), 0u) << s.message();
  };
  refused("", kPassword, "email");
  refused("not-an-address", kPassword, "email");
  refused("a@localhost", kPassword, "email");
  refused("visa applicant@example.org", kPassword, "email");
  refused("a@example.org\r\nBcc: b@example.org", kPassword, "email");
  refused(kEmail, "too short", "password");
  refused(kEmail, std::string(129, 'x'), "password");
  refused(kEmail, "Visa.Applicant@Example.org", "password");
  EXPECT_TRUE(mailer_.sent().empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_accounts"), 0);
  // The limits themselves are fine.
  EXPECT_TRUE(accounts_->Register(kEmail, std::string(12, 'x'), Lang::kEn).ok());
  EXPECT_TRUE(accounts_->Register("b@example.org", std::string(128, 'x'), Lang::kEn).ok());
}

TEST_P(ApplicantAccountsTest, WhenMailCannotBeSentTryingAgainWorks) {
  mailer_.set_down(true);
  EXPECT_EQ(accounts_->Register(kEmail, kPassword, Lang::kEn).code(), StatusCode::kUnavailable);
  // No link that nobody received stays usable.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_links"), 0);
  mailer_.set_down(false);
  ASSERT_TRUE(accounts_->Register(kEmail, kPassword, Lang::kEn).ok());
  ASSERT_EQ(mailer_.sent().size(), 1u);
  ASSERT_TRUE(accounts_->Verify(LastLink().token).ok());
  EXPECT_TRUE(accounts_->CheckPassword(kEmail, kPassword).ok());

  mailer_.set_down(true);
  EXPECT_EQ(accounts_->SendLoginLink(kEmail, Lang::kEn).code(), StatusCode::kUnavailable);
  EXPECT_EQ(accounts_->Register(kEmail, kPassword, Lang::kEn).code(), StatusCode::kUnavailable);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applicant_links WHERE used_at IS NULL"), 0);
  mailer_.set_down(false);
  ASSERT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kEn).ok());
  EXPECT_TRUE(accounts_->RedeemLoginLink(LastLink().token).ok());
}

TEST_P(ApplicantAccountsTest, ALinkRedeemedAtOnceFromManyThreadsWorksOnce) {
  Registered();
  ASSERT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kEn).ok());
  const std::string token = LastLink().token;
  std::atomic<int> ok{0};
  std::atomic<int> used{0};
  constexpr int kThreads = 6;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto r = accounts_->RedeemLoginLink(token);
      if (r.ok()) ++ok;
      if (r.status().code() == StatusCode::kInvalidArgument) ++used;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(used.load(), kThreads - 1);
}

TEST_P(ApplicantAccountsTest, ExpiredLinksArePurgedAfterAWeek) {
  Registered();
  ASSERT_TRUE(accounts_->SendLoginLink(kEmail, Lang::kEn).ok());
  const std::string token = LastLink().token;
  now_ += 24h * 7;
  auto kept = accounts_->PurgeExpiredLinks();
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, 0);
  EXPECT_EQ(accounts_->RedeemLoginLink(token).status().code(), StatusCode::kInvalidArgument);
  now_ += 25h;  // a week after the verification link expired, too
  auto purged = accounts_->PurgeExpiredLinks();
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 2);  // the verification link and the login link
  EXPECT_EQ(accounts_->RedeemLoginLink(token).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(accounts_->CheckPassword(kEmail, kPassword).ok());
}

LOKET_ON_EVERY_BACKEND(ApplicantAccountsTest);

}  // namespace
}  // namespace loket::identity

#include "identity/applicant_accounts.h"

#include <date/date.h>
#include <sodium.h>

#include <mutex>

#include "core/clock.h"
#include "core/log.h"
#include "identity/email.h"
#include "identity/passwords.h"
#include "identity/sessions.h"

namespace loket::identity {
namespace {

using std::chrono::system_clock;

constexpr std::chrono::hours kVerifyLifetime{24};
constexpr std::chrono::minutes kLoginLifetime{15};
constexpr std::chrono::days kKeepExpired{7};
// How many registrations of one unverified address a login compares the
// password with: argon2id is slow on purpose, so the number is bounded.
constexpr int kPendingChecked = 3;
// The base64url form of 32 random bytes (RandomToken).
constexpr size_t kTokenLength = 43;
constexpr char kWrongLogin[] = "e-mail address or password is wrong";

// The texts of the e-mails, in plain language. `{link}` is replaced.
struct MailText {
  const char* subject;
  const char* body;
};

constexpr const char* kSignature[] = {
    // Dutch
    "\nMet vriendelijke groet,\n"
    "Loket Buitenland\n"
    "\n"
    "Dit is een automatisch bericht. U kunt hierop niet antwoorden.\n",
    // English
    "\nKind regards,\n"
    "Loket Buitenland\n"
    "\n"
    "This is an automatic message. You cannot reply to it.\n",
};

constexpr MailText kVerifyText[] = {
    {"Bevestig uw e-mailadres",
     "Goedendag,\n"
     "\n"
     "U heeft een account aangemaakt bij Loket Buitenland om een visum aan te vragen. "
     "Bevestig uw e-mailadres met deze link:\n"
     "\n"
     "{link}\n"
     "\n"
     "De link werkt 24 uur en maar één keer. Geef de link aan niemand anders.\n"
     "\n"
     "Heeft u geen account aangemaakt? Dan hoeft u niets te doen. Zonder bevestiging kan niemand "
     "het account gebruiken.\n"},
    {"Confirm your e-mail address",
     "Hello,\n"
     "\n"
     "You created an account with Loket Buitenland to apply for a visa. "
     "Please confirm your e-mail address with this link:\n"
     "\n"
     "{link}\n"
     "\n"
     "The link works for 24 hours and only once. Do not give the link to anyone else.\n"
     "\n"
     "Did you not create an account? Then you do not need to do anything. Without confirmation, "
     "nobody can use the account.\n"},
};

constexpr MailText kAccountExistsText[] = {
    {"U heeft al een account",
     "Goedendag,\n"
     "\n"
     "Iemand wilde een account aanmaken bij Loket Buitenland met dit e-mailadres. Maar er is al "
     "een account met dit e-mailadres.\n"
     "\n"
     "Was u dat? Log dan in met uw wachtwoord. Weet u uw wachtwoord niet meer? Vraag dan een "
     "inloglink aan. Die krijgt u per e-mail. U kunt allebei doen op deze pagina:\n"
     "\n"
     "{link}\n"
     "\n"
     "Was u dit niet? Dan hoeft u niets te doen. Uw account blijft zoals het is.\n"},
    {"You already have an account",
     "Hello,\n"
     "\n"
     "Someone tried to create an account with Loket Buitenland with this e-mail address. But "
     "there already is an account with this e-mail address.\n"
     "\n"
     "Was this you? Then log in with your password. Forgot your password? Then ask for a login "
     "link. You will get it by e-mail. You can do both on this page:\n"
     "\n"
     "{link}\n"
     "\n"
     "Was this not you? Then you do not need to do anything. Your account stays as it is.\n"},
};

constexpr MailText kLoginText[] = {
    {"Uw inloglink",
     "Goedendag,\n"
     "\n"
     "U vroeg om een link om in te loggen bij Loket Buitenland. Log in met deze link:\n"
     "\n"
     "{link}\n"
     "\n"
     "De link werkt 15 minuten en maar één keer. Geef de link aan niemand anders.\n"
     "\n"
     "Heeft u niet om een inloglink gevraagd? Dan hoeft u niets te doen.\n"},
    {"Your login link",
     "Hello,\n"
     "\n"
     "You asked for a link to log in to Loket Buitenland. Log in with this link:\n"
     "\n"
     "{link}\n"
     "\n"
     "The link works for 15 minutes and only once. Do not give the link to anyone else.\n"
     "\n"
     "Did you not ask for a login link? Then you do not need to do anything.\n"},
};

// Paths on the public site (ADR 0003: Dutch paths, English under /en).
constexpr const char* kVerifyPath[] = {"/visum/account/bevestigen?token=",
                                       "/en/visa/account/verify?token="};
constexpr const char* kLoginLinkPath[] = {"/visum/account/inloggen/link?token=",
                                          "/en/visa/account/login/link?token="};
constexpr const char* kLoginPagePath[] = {"/visum/account/inloggen", "/en/visa/account/login"};

size_t Index(Lang lang) { return lang == Lang::kEn ? 1 : 0; }

notify::Mail Compose(const std::string& to, const MailText& text, Lang lang,
                     const std::string& link) {
  std::string body = text.body;
  body.replace(body.find("{link}"), 6, link);
  body += kSignature[Index(lang)];
  return {to, text.subject, body};
}

}  // namespace

ApplicantAccounts::ApplicantAccounts(ApplicantRepository& repository, notify::Mailer& mailer,
                                     ApplicantMailSettings settings, Clock clock)
    : repository_(repository),
      mailer_(mailer),
      base_url_(std::move(settings.base_url)),
      clock_(std::move(clock)) {
  if (sodium_init() < 0) Log(LogLevel::kError, "sodium_init_failed", "libsodium cannot be used");
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

Status ApplicantAccounts::Register(const std::string& email_in, const std::string& password,
                                   Lang lang) {
  const std::string email = NormalisedEmail(email_in);
  if (!notify::IsPlausibleAddress(email)) return InvalidArgument("email: not an e-mail address");
  LOKET_RETURN_IF_ERROR(CheckPasswordRules(password, email));
  // Hashed before anything is looked up, so that a taken address takes as
  // long to answer as a new one.
  LOKET_ASSIGN_OR_RETURN(std::string password_hash, HashPassword(password));

  LOKET_ASSIGN_OR_RETURN(auto found, repository_.FindByEmail(email));
  if (!found) {
    Applicant applicant;
    applicant.email = email;
    applicant.created_at = date::format("%FT%TZ", date::floor<std::chrono::seconds>(clock_()));
    applicant.lang = std::string(LangCode(lang));
    auto id = repository_.Insert(applicant);
    if (id.ok()) {
      applicant.id = *id;
      found = StoredApplicant{applicant, ""};
    } else if (id.status().code() == StatusCode::kAlreadyExists) {
      // Registered at the same moment by another request.
      LOKET_ASSIGN_OR_RETURN(found, repository_.FindByEmail(email));
      if (!found) return Conflict("applicant " + email + " vanished while registering");
    } else {
      return id.status();
    }
  }
  if (found->applicant.verified) return SendAccountExists(email, lang);
  return SendLink(*found, ApplicantLinkPurpose::kVerify, password_hash, lang);
}

Result<Applicant> ApplicantAccounts::Verify(const std::string& token) {
  return Redeem(token, ApplicantLinkPurpose::kVerify);
}

Result<Applicant> ApplicantAccounts::CheckPassword(const std::string& email,
                                                   const std::string& password) {
  const Status wrong(StatusCode::kUnauthenticated, kWrongLogin);
  LOKET_ASSIGN_OR_RETURN(auto found, repository_.FindByEmail(NormalisedEmail(email)));
  if (!found) {
    CheckAgainstNothing(password);
    return wrong;
  }
  if (found->applicant.verified) {
    if (!PasswordMatches(found->password_hash, password)) return wrong;
    return found->applicant;
  }
  LOKET_ASSIGN_OR_RETURN(auto pending,
                         repository_.PendingPasswordHashes(found->applicant.id, kPendingChecked));
  if (pending.empty()) CheckAgainstNothing(password);
  for (const std::string& hash : pending) {
    if (PasswordMatches(hash, password)) {
      return Status(StatusCode::kPermissionDenied,
                    "the e-mail address is not confirmed yet: follow the link in the e-mail, or "
                    "register again for a new one");
    }
  }
  return wrong;
}

Status ApplicantAccounts::SendLoginLink(const std::string& email_in, Lang lang) {
  const std::string email = NormalisedEmail(email_in);
  if (!notify::IsPlausibleAddress(email)) return InvalidArgument("email: not an e-mail address");
  LOKET_ASSIGN_OR_RETURN(auto found, repository_.FindByEmail(email));
  if (!found || !found->applicant.verified) return {};
  return SendLink(*found, ApplicantLinkPurpose::kLogin, "", lang);
}

Result<Applicant> ApplicantAccounts::RedeemLoginLink(const std::string& token) {
  return Redeem(token, ApplicantLinkPurpose::kLogin);
}

Result<int64_t> ApplicantAccounts::PurgeExpiredLinks() {
  return repository_.DeleteLinksExpiredBefore(UnixSeconds(clock_() - kKeepExpired));
}

Status ApplicantAccounts::SendLink(const StoredApplicant& account, ApplicantLinkPurpose purpose,
                                   const std::string& password_hash, Lang lang) {
  const bool verify = purpose == ApplicantLinkPurpose::kVerify;
  const std::string token = RandomToken();
  ApplicantLink link;
  link.token_hash = TokenHash(token);
  link.applicant_id = account.applicant.id;
  link.purpose = purpose;
  link.expires_at = UnixSeconds(clock_() + (verify ? std::chrono::seconds(kVerifyLifetime)
                                                   : std::chrono::seconds(kLoginLifetime)));
  link.password_hash = password_hash;
  LOKET_ASSIGN_OR_RETURN(bool stored, repository_.InsertLink(link));
  if (!stored) {
    // Verified since it was read: a registration now meets an existing
    // account, a login link request an account that is (no longer) usable.
    return verify ? SendAccountExists(account.applicant.email, lang) : Status();
  }
  const std::string url = base_url_ + (verify ? kVerifyPath : kLoginLinkPath)[Index(lang)] + token;
  Status sent = mailer_.Send(Compose(account.applicant.email,
                                     (verify ? kVerifyText : kLoginText)[Index(lang)], lang, url));
  if (!sent.ok()) {
    // A link nobody received must not stay usable.
    Status deleted = repository_.DeleteLink(link.token_hash);
    if (!deleted.ok()) Log(LogLevel::kWarn, "applicant_link_not_deleted", deleted.ToString());
    return Unavailable("e-mail not sent: " + sent.ToString());
  }
  return {};
}

Status ApplicantAccounts::SendAccountExists(const std::string& email, Lang lang) {
  Status sent = mailer_.Send(Compose(email, kAccountExistsText[Index(lang)], lang,
                                     base_url_ + kLoginPagePath[Index(lang)]));
  if (!sent.ok()) return Unavailable("e-mail not sent: " + sent.ToString());
  return {};
}

Result<Applicant> ApplicantAccounts::Redeem(const std::string& token,
                                            ApplicantLinkPurpose purpose) {
  const Status unknown = NotFound("the link is not known; ask for a new one");
  if (token.size() != kTokenLength) return unknown;
  LOKET_ASSIGN_OR_RETURN(auto redeemed,
                         repository_.Redeem(TokenHash(token), purpose, UnixSeconds(clock_())));
  switch (redeemed.state) {
    case ApplicantLinkState::kRedeemed:
      return redeemed.applicant;
    case ApplicantLinkState::kUsed:
      return InvalidArgument("the link was used before; ask for a new one");
    case ApplicantLinkState::kExpired:
      return InvalidArgument("the link has expired; ask for a new one");
    case ApplicantLinkState::kUnknown:
      break;
  }
  return unknown;
}

}  // namespace loket::identity

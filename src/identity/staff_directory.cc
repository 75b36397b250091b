#include "identity/staff_directory.h"

#include <date/date.h>
#include <liboath/oath.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <regex>

#include "core/log.h"
#include "core/strings.h"
#include "identity/email.h"
#include "identity/passwords.h"

namespace loket::identity {
namespace {

constexpr size_t kSecretBytes = 20;  // 160 bits, as RFC 4226 recommends
constexpr unsigned kStepSeconds = 30;
constexpr unsigned kDigits = 6;
constexpr size_t kWindow = 1;  // one step either side, for clock drift
constexpr char kIssuer[] = "Loket Buitenland";

void InitLibraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) Log(LogLevel::kError, "sodium_init_failed", "");
    if (oath_init() != OATH_OK) Log(LogLevel::kError, "oath_init_failed", "");
  });
}

std::string PercentEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Result<std::string> NewTotpSecret() {
  unsigned char raw[kSecretBytes];
  randombytes_buf(raw, sizeof raw);
  char* encoded = nullptr;
  size_t length = 0;
  if (oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &encoded, &length) !=
      OATH_OK) {
    return Internal("cannot encode the TOTP secret");
  }
  std::string secret(encoded, length);
  free(encoded);  // allocated by liboath
  secret.erase(std::remove(secret.begin(), secret.end(), '='), secret.end());
  return secret;
}

}  // namespace

StaffDirectory::StaffDirectory(StaffRepository& repository, Clock clock)
    : repository_(repository), clock_(std::move(clock)) {
  InitLibraries();
}

Result<std::pair<StaffMember, TotpEnrolment>> StaffDirectory::Add(const NewStaff& staff) {
  static const std::regex email_re("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  StoredStaff s;
  s.member.email = NormalisedEmail(staff.email);
  s.member.name = std::string(Trim(staff.name));
  s.member.roles = staff.roles;
  std::sort(s.member.roles.begin(), s.member.roles.end());
  s.member.roles.erase(std::unique(s.member.roles.begin(), s.member.roles.end()),
                       s.member.roles.end());
  s.member.post = std::string(Trim(staff.post));
  if (s.member.email.size() > 254 || !std::regex_match(s.member.email, email_re)) {
    return InvalidArgument("email: not an e-mail address");
  }
  if (s.member.name.empty() || s.member.name.size() > 200) {
    return InvalidArgument("name: 1 to 200 characters");
  }
  if (s.member.roles.empty()) return InvalidArgument("role: at least one");
  if (s.member.Has(Role::kBackOffice) != !s.member.post.empty()) {
    return InvalidArgument(
        "post: a back-office officer works for one post (or \"cso\"), other roles for none");
  }
  if (!s.member.post.empty() && !IsSlug(s.member.post)) return InvalidArgument("post: a post id");
  LOKET_RETURN_IF_ERROR(CheckPasswordRules(staff.password, s.member.email));
  LOKET_ASSIGN_OR_RETURN(s.password_hash, HashPassword(staff.password));
  LOKET_ASSIGN_OR_RETURN(s.totp_secret, NewTotpSecret());
  s.member.created_at = date::format("%FT%TZ", date::floor<std::chrono::seconds>(clock_()));
  auto id = repository_.Insert(s);
  if (!id.ok() && id.status().code() == StatusCode::kAlreadyExists) {
    return Status(StatusCode::kAlreadyExists, "email: there is an account with this address");
  }
  LOKET_ASSIGN_OR_RETURN(s.member.id, std::move(id));
  TotpEnrolment enrolment;
  enrolment.secret = s.totp_secret;
  enrolment.uri = "otpauth://totp/" + PercentEncode(kIssuer) + ":" + PercentEncode(s.member.email) +
                  "?secret=" + s.totp_secret + "&issuer=" + PercentEncode(kIssuer) +
                  "&algorithm=SHA1&digits=6&period=30";
  return std::make_pair(s.member, enrolment);
}

Result<StaffMember> StaffDirectory::CheckPassword(const std::string& email,
                                                  const std::string& password) {
  LOKET_ASSIGN_OR_RETURN(auto found, repository_.FindByEmail(NormalisedEmail(email)));
  bool matches = found && !found->member.disabled ? PasswordMatches(found->password_hash, password)
                                                  : CheckAgainstNothing(password);
  if (!matches) {
    return Status(StatusCode::kUnauthenticated, "e-mail address or password is wrong");
  }
  return found->member;
}

Result<StaffMember> StaffDirectory::Find(int64_t id) {
  LOKET_ASSIGN_OR_RETURN(auto stored, repository_.FindById(id));
  if (!stored || stored->member.disabled) return NotFound("no such staff member");
  return stored->member;
}

Status StaffDirectory::CheckTotp(int64_t id, const std::string& code) {
  const Status wrong(StatusCode::kUnauthenticated, "the code is wrong or was used before");
  if (code.size() != kDigits || !std::all_of(code.begin(), code.end(), ::isdigit)) return wrong;
  LOKET_ASSIGN_OR_RETURN(auto found, repository_.FindById(id));
  if (!found || found->member.disabled) return wrong;
  char* raw = nullptr;
  size_t raw_length = 0;
  if (oath_base32_decode(found->totp_secret.data(), found->totp_secret.size(), &raw, &raw_length) !=
      OATH_OK) {
    return Internal("a stored TOTP secret is not base32");
  }
  std::string secret(raw, raw_length);
  sodium_memzero(raw, raw_length);
  free(raw);  // allocated by liboath
  time_t now = std::chrono::system_clock::to_time_t(clock_());
  int offset = 0;
  int rc = oath_totp_validate2(secret.data(), secret.size(), now, kStepSeconds, 0, kWindow, &offset,
                               code.c_str());
  sodium_memzero(secret.data(), secret.size());
  if (rc < 0) return wrong;
  int64_t step = static_cast<int64_t>(now / kStepSeconds) + offset;
  LOKET_ASSIGN_OR_RETURN(bool fresh, repository_.UseTotpStep(id, step));
  return fresh ? Status() : wrong;
}

}  // namespace loket::identity

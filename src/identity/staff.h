// Staff accounts: contact-centre agents, back-office officers, supervisors,
// editors, crisis coordinators and administrators. Each has a password
// (stored as an argon2id hash, libsodium) and a TOTP second factor
// (RFC 6238, 30-second steps, 6 digits; liboath), enrolled with a QR code.
// Thread-safety: value types and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loket::identity {

enum class Role { kAgent, kBackOffice, kSupervisor, kEditor, kCrisisCoordinator, kAdministrator };

std::string_view RoleName(Role role);  // "agent", "back-office", …
std::optional<Role> ParseRole(std::string_view name);

struct StaffMember {
  int64_t id = 0;
  std::string email;  // lower case, unique
  std::string name;
  std::vector<Role> roles;
  // The post a back-office officer works for (a post id, or "cso" for the
  // Consular Service Organisation); empty for other roles.
  std::string post;
  bool disabled = false;
  std::string created_at;  // UTC, ISO 8601

  bool Has(Role role) const;
};

// A new account as an administrator enters it.
struct NewStaff {
  std::string email;
  std::string name;
  std::vector<Role> roles;
  std::string post;
  std::string password;
};

// What the new member scans into an authenticator app.
struct TotpEnrolment {
  std::string secret;  // base32, as apps accept it typed in
  std::string uri;     // otpauth://totp/…, the QR code's content
};

}  // namespace loket::identity

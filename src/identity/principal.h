// Who is asking: the identity a session carries, and the rules for what
// each kind of person may do. Access decisions are made here, in one
// place; the web layer asks and answers 404 when the answer is no, so that
// the existence of an object someone may not see is not revealed.
// Thread-safety: value types and pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "identity/staff.h"

namespace loket::identity {

enum class PrincipalKind { kAnonymous, kCitizen, kApplicant, kStaff };

std::string_view PrincipalKindName(PrincipalKind kind);  // "citizen", …

struct Principal {
  PrincipalKind kind = PrincipalKind::kAnonymous;
  // Citizens: the provider's subject; applicants and staff: their id.
  std::string subject;
  std::string name;
  std::string bsn;    // citizens, when the provider gives it
  std::string email;  // applicants and staff
  std::vector<Role> roles;
  std::string post;  // back-office officers

  bool signed_in() const { return kind != PrincipalKind::kAnonymous; }
  bool Has(Role role) const;
  // How the audit log names this person: "staff:42", "citizen:<subject>".
  std::string Actor() const;
};

// What a request may need beyond being signed in.
enum class Permission {
  kStaffArea,      // any staff member
  kReadAuditLog,   // administrators
  kEditKnowledge,  // editors
};

bool Allows(const Principal& principal, Permission permission);

// Whether `principal` may see an object that belongs to `owner` (the
// owner's Actor() name): only the owner may.
bool Owns(const Principal& principal, std::string_view owner);

}  // namespace loket::identity

#include "identity/principal.h"

#include <algorithm>

namespace loket::identity {

std::string_view PrincipalKindName(PrincipalKind kind) {
  switch (kind) {
    case PrincipalKind::kAnonymous:
      return "anonymous";
    case PrincipalKind::kCitizen:
      return "citizen";
    case PrincipalKind::kApplicant:
      return "applicant";
    case PrincipalKind::kStaff:
      return "staff";
  }
  return "anonymous";
}

bool Principal::Has(Role role) const {
  return kind == PrincipalKind::kStaff &&
         std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string Principal::Actor() const {
  if (kind == PrincipalKind::kAnonymous) return "anonymous";
  return std::string(PrincipalKindName(kind)) + ":" + subject;
}

bool Allows(const Principal& p, Permission permission) {
  switch (permission) {
    case Permission::kStaffArea:
      return p.kind == PrincipalKind::kStaff && !p.roles.empty();
    case Permission::kReadAuditLog:
      return p.Has(Role::kAdministrator);
    case Permission::kEditKnowledge:
      return p.Has(Role::kEditor);
  }
  return false;
}

bool Owns(const Principal& p, std::string_view owner) {
  return p.signed_in() && !p.subject.empty() && p.Actor() == owner;
}

}  // namespace loket::identity

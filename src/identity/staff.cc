#include "identity/staff.h"

#include <algorithm>
#include <array>
#include <utility>

namespace loket::identity {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles = {{
    {Role::kAgent, "agent"},
    {Role::kBackOffice, "back-office"},
    {Role::kSupervisor, "supervisor"},
    {Role::kEditor, "editor"},
    {Role::kCrisisCoordinator, "crisis-coordinator"},
    {Role::kAdministrator, "administrator"},
}};

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoles) {
    if (n == name) return r;
  }
  return std::nullopt;
}

bool StaffMember::Has(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace loket::identity

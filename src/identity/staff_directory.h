// The staff directory: creating accounts and checking a staff member's
// password and TOTP code. Checks answer alike for an unknown e-mail
// address and a wrong password, so that accounts cannot be probed.
// Thread-safety: all methods are thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "core/clock.h"
#include "core/status.h"
#include "identity/staff.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace loket::identity {

struct StoredStaff {
  StaffMember member;
  std::string password_hash;
  std::string totp_secret;     // base32
  int64_t totp_last_step = 0;  // the last time step a code was accepted for
};

class StaffRepository {
 public:
  virtual ~StaffRepository() = default;
  // kAlreadyExists when the e-mail address is taken.
  virtual Result<int64_t> Insert(const StoredStaff& staff) = 0;
  virtual Result<std::optional<StoredStaff>> FindByEmail(const std::string& email) = 0;
  virtual Result<std::optional<StoredStaff>> FindById(int64_t id) = 0;
  // Records that a code of `step` was used, if it is later than the last
  // one; false when it was not (a replayed code).
  virtual Result<bool> UseTotpStep(int64_t id, int64_t step) = 0;
};

std::unique_ptr<StaffRepository> NewSqlStaffRepository(storage::Database& db);
std::span<const storage::Migration> IdentityMigrations();

class StaffDirectory {
 public:
  StaffDirectory(StaffRepository& repository, Clock clock);

  // Checks and stores a new account; returns it with the TOTP enrolment to
  // show once. InvalidArgument names the field; AlreadyExists for a taken
  // e-mail address.
  Result<std::pair<StaffMember, TotpEnrolment>> Add(const NewStaff& staff);
  // The member with this e-mail address and password; Unauthenticated for
  // any mismatch, an unknown address or a disabled account.
  Result<StaffMember> CheckPassword(const std::string& email, const std::string& password);
  // The member with this id; NotFound for an unknown or disabled account.
  Result<StaffMember> Find(int64_t id);
  // Accepts a code of the current or the neighbouring time step, once.
  Status CheckTotp(int64_t id, const std::string& code);

 private:
  StaffRepository& repository_;
  Clock clock_;
};

}  // namespace loket::identity

// The audit log: every read or change of personal data by staff and every
// login, logout and failed login, with who, what object, when, from where,
// the result and the case it was for.
//
// Append-only: there is no way to change an event, and the only deletion is
// the retention rule (events older than the retention period go, oldest
// first). Each event carries a hash over its own fields and the previous
// event's hash (BLAKE2b-256), so that a changed, inserted or removed event
// shows when the chain is verified; what retention removed is remembered by
// the hash the remaining chain starts from.
// Thread-safety: all methods are thread-safe; concurrent appends from any
// number of processes form one chain.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"

namespace loket::audit {

enum class Outcome { kSuccess, kDenied, kFailed };

// What happened, as the caller reports it.
struct Entry {
  std::string actor;        // "staff:42", "citizen:<subject>", "anonymous"
  std::string action;       // "login", "login_failed", "logout", "read", "update", …
  std::string object_type;  // "application", "person", "session", … or empty
  std::string object_id;
  std::string case_id;  // the case the access was for, or empty
  std::string address;  // the client's IP address
  Outcome outcome = Outcome::kSuccess;
  std::string detail;  // short, free text; never personal data itself
};

// A recorded event.
struct Event {
  int64_t sequence = 0;  // 1, 2, 3, … in order of recording
  std::string at;        // UTC, ISO 8601 with milliseconds
  Entry entry;
  std::string previous_hash;  // hex
  std::string hash;           // hex, over the fields above and previous_hash
};

struct Query {
  std::optional<std::string> actor, action, object_type, object_id, case_id;
  std::optional<std::string> from, until;  // ISO 8601 bounds on `at`, inclusive
  size_t offset = 0;
  size_t limit = 100;  // at most 1000
};

struct Verification {
  bool intact = true;
  size_t events = 0;  // checked
  // The first event whose hash or link does not match, when not intact.
  std::optional<int64_t> broken_at;
};

class AuditRepository;

class AuditLog {
 public:
  AuditLog(AuditRepository& repository, Clock clock);

  // Records one event and returns it. Fails with InvalidArgument for an
  // entry without actor or action (nothing is recorded).
  Result<Event> Record(const Entry& entry);
  // Events matching the query, newest first.
  Result<std::vector<Event>> Search(const Query& query);
  // Recomputes every hash and link of the chain.
  Result<Verification> Verify();
  // Removes the events recorded before now - retention; returns how many.
  Result<size_t> ApplyRetention(std::chrono::hours retention);

 private:
  AuditRepository& repository_;
  Clock clock_;
};

std::string_view OutcomeName(Outcome outcome);
// The hash of an event: its fields and the previous hash, hex.
std::string EventHash(const Event& event);

}  // namespace loket::audit

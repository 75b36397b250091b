#include "audit/audit_log.h"

#include <date/date.h>
#include <sodium.h>

#include "audit/repository.h"
#include "core/log.h"

namespace loket::audit {
namespace {

constexpr size_t kMaxField = 500;
constexpr size_t kMaxLimit = 1000;
constexpr size_t kVerifyBatch = 1000;

std::string Hex(const unsigned char* bytes, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

// Each field with its length in front, so that no two events serialise
// alike ("ab" + "c" is not "a" + "bc").
void Add(crypto_generichash_state& state, std::string_view field) {
  std::string length = std::to_string(field.size()) + ":";
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()),
                            length.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field.data()),
                            field.size());
}

}  // namespace

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSuccess:
      return "success";
    case Outcome::kDenied:
      return "denied";
    case Outcome::kFailed:
      return "failed";
  }
  return "failed";
}

std::string EventHash(const Event& e) {
  crypto_generichash_state state;
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash_init(&state, nullptr, 0, sizeof out);
  Add(state, std::to_string(e.sequence));
  Add(state, e.at);
  const Entry& x = e.entry;
  for (std::string_view field :
       {std::string_view(x.actor), std::string_view(x.action), std::string_view(x.object_type),
        std::string_view(x.object_id), std::string_view(x.case_id), std::string_view(x.address),
        OutcomeName(x.outcome), std::string_view(x.detail)}) {
    Add(state, field);
  }
  Add(state, e.previous_hash);
  crypto_generichash_final(&state, out, sizeof out);
  return Hex(out, sizeof out);
}

AuditLog::AuditLog(AuditRepository& repository, Clock clock)
    : repository_(repository), clock_(std::move(clock)) {
  if (sodium_init() < 0) Log(LogLevel::kError, "sodium_init_failed", "libsodium cannot be used");
}

Result<Event> AuditLog::Record(const Entry& entry) {
  if (entry.actor.empty() || entry.action.empty()) {
    return InvalidArgument("an audit event needs an actor and an action");
  }
  for (const std::string* field :
       {&entry.actor, &entry.action, &entry.object_type, &entry.object_id, &entry.case_id,
        &entry.address, &entry.detail}) {
    if (field->size() > kMaxField) return InvalidArgument("an audit field is too long");
  }
  std::string at = date::format("%FT%TZ", date::floor<std::chrono::milliseconds>(clock_()));
  return repository_.Append([&](const Anchor& end) {
    Event e;
    e.sequence = end.sequence + 1;
    e.at = at;
    e.entry = entry;
    e.previous_hash = end.hash;
    e.hash = EventHash(e);
    return e;
  });
}

Result<std::vector<Event>> AuditLog::Search(const Query& query) {
  Query q = query;
  q.limit = std::min(q.limit, kMaxLimit);
  return repository_.Search(q);
}

Result<Verification> AuditLog::Verify() {
  Verification v;
  LOKET_ASSIGN_OR_RETURN(Anchor end, repository_.Start());
  for (;;) {
    LOKET_ASSIGN_OR_RETURN(auto batch, repository_.After(end.sequence, kVerifyBatch));
    for (const Event& e : batch) {
      ++v.events;
      if (e.sequence != end.sequence + 1 || e.previous_hash != end.hash || EventHash(e) != e.hash) {
        v.intact = false;
        v.broken_at = e.sequence;
        return v;
      }
      end = {e.sequence, e.hash};
    }
    if (batch.size() < kVerifyBatch) return v;
  }
}

Result<size_t> AuditLog::ApplyRetention(std::chrono::hours retention) {
  std::string before =
      date::format("%FT%TZ", date::floor<std::chrono::milliseconds>(clock_() - retention));
  return repository_.RemoveBefore(before);
}

}  // namespace loket::audit

// Status and Result<T>: expected failures as values.
//
// A small fixed set of codes, mapped to HTTP in exactly one place
// (http/problem.cc). The message is for logs and developers; what a client
// sees is derived from the code, never from internal text.
// Thread-safety: value types, safe to copy between threads.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace loket {

enum class StatusCode {
  kOk,
  kInvalidArgument,   // bad input from a caller; nothing changed
  kNotFound,          // no such object, or not visible to the caller
  kAlreadyExists,     // unique constraint
  kConflict,          // concurrent change, retry may succeed
  kUnauthenticated,   // no (valid) identity
  kPermissionDenied,  // identity known, not allowed
  kResourceExhausted, // rate or size limit
  kUnavailable,       // backend down or busy; retry later
  kInternal,          // a bug or broken invariant
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status Conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }
inline Status Unauthenticated(std::string m) {
  return {StatusCode::kUnauthenticated, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace loket

// Propagates a non-ok Status (or the Status of a failed Result) to the caller.
#define LOKET_RETURN_IF_ERROR(expr)            \
  do {                                         \
    auto loket_status_ = (expr);               \
    if (!loket_status_.ok()) return loket_status_; \
  } while (0)

#define LOKET_CONCAT_INNER_(a, b) a##b
#define LOKET_CONCAT_(a, b) LOKET_CONCAT_INNER_(a, b)
// `tmp` and `lhs` name or declare variables, so they cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define LOKET_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
// Assigns the value of a Result to lhs, or returns its Status.
#define LOKET_ASSIGN_OR_RETURN(lhs, expr) \
  LOKET_ASSIGN_OR_RETURN_IMPL_(LOKET_CONCAT_(loket_result_, __LINE__), lhs, expr)

// A value read from storage and read again when the stored version
// changes: the in-memory snapshot behind the catalogue and the knowledge
// base. The version is checked at most once per `interval` on Current()
// and always on Refresh(); a failed read keeps the last good value.
// Thread-safety: all methods are thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "core/status.h"

namespace loket {

template <typename T>  // T has `int64_t version() const`
class Versioned {
 public:
  using VersionFn = std::function<Result<int64_t>()>;
  // Loads the value for `version` (read before the value: a change in
  // between is loaded again at the next check, its version being newer).
  using LoadFn = std::function<Result<std::shared_ptr<const T>>(int64_t version)>;

  Versioned(VersionFn version, LoadFn load, std::chrono::milliseconds interval)
      : version_(std::move(version)), load_(std::move(load)), interval_(interval) {}

  // The current value. Null until a Refresh() has succeeded.
  std::shared_ptr<const T> Current() {
    {
      std::lock_guard lock(mu_);
      if (current_ && std::chrono::steady_clock::now() - checked_ < interval_) return current_;
    }
    Refresh().ok();  // a failed check keeps serving the last good value
    std::lock_guard lock(mu_);
    return current_;
  }

  // Reloads if the stored version changed.
  Status Refresh() {
    LOKET_ASSIGN_OR_RETURN(int64_t version, version_());
    {
      std::lock_guard lock(mu_);
      checked_ = std::chrono::steady_clock::now();
      if (current_ && current_->version() == version) return {};
    }
    LOKET_ASSIGN_OR_RETURN(std::shared_ptr<const T> value, load_(version));
    std::lock_guard lock(mu_);
    if (!current_ || current_->version() <= version) current_ = std::move(value);
    return {};
  }

 private:
  const VersionFn version_;
  const LoadFn load_;
  const std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::shared_ptr<const T> current_;
  std::chrono::steady_clock::time_point checked_{};
};

}  // namespace loket

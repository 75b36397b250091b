// What an uploaded file is, judged by its content with libmagic: never by
// its name or the type the browser sent.
// Thread-safety: Identify() may be called from many threads (one libmagic
// handle, used under a mutex: libmagic handles are not thread-safe).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/status.h"

namespace loket::editorial::internal {

struct ContentType {
  std::string mime_type;  // "text/plain", "application/pdf", …
  std::string charset;    // "utf-8", "us-ascii", "binary", …; may be empty

  // Plain text in UTF-8 (ASCII included): what the document parser reads.
  bool IsPlainUtf8Text() const;
};

class ContentSniffer {
 public:
  // Loads the system's magic database (Debian: libmagic-mgc).
  static Result<std::unique_ptr<ContentSniffer>> Open();
  ~ContentSniffer();
  ContentSniffer(const ContentSniffer&) = delete;
  ContentSniffer& operator=(const ContentSniffer&) = delete;

  Result<ContentType> Identify(std::string_view data) const;

 private:
  struct Handle;
  explicit ContentSniffer(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
  mutable std::mutex mutex_;
};

}  // namespace loket::editorial::internal

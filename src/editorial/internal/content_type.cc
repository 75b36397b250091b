#include "editorial/internal/content_type.h"

#include <magic.h>

#include "core/strings.h"

namespace loket::editorial::internal {

struct ContentSniffer::Handle {
  magic_t cookie = nullptr;
  ~Handle() {
    if (cookie) magic_close(cookie);
  }
};

bool ContentType::IsPlainUtf8Text() const {
  return mime_type == "text/plain" && (charset == "utf-8" || charset == "us-ascii");
}

Result<std::unique_ptr<ContentSniffer>> ContentSniffer::Open() {
  auto handle = std::make_unique<Handle>();
  // Compressed content is never unpacked. CSV is not told apart from
  // plain text: prose with commas on every line looks like CSV, and a
  // real CSV file is refused by the document parser anyway.
  handle->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_MIME_ENCODING | MAGIC_ERROR |
                              MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_CSV);
  if (!handle->cookie) return Internal("libmagic: cannot allocate a handle");
  if (magic_load(handle->cookie, nullptr) != 0) {
    return Unavailable(std::string("libmagic: cannot load the magic database: ") +
                       magic_error(handle->cookie));
  }
  // The encoding is checked over the whole upload, not only its first 64 KiB.
  size_t encoding_max = size_t{4} * 1024 * 1024;
  if (magic_setparam(handle->cookie, MAGIC_PARAM_ENCODING_MAX, &encoding_max) != 0) {
    return Internal("libmagic: cannot set the encoding limit");
  }
  return std::unique_ptr<ContentSniffer>(new ContentSniffer(std::move(handle)));
}

ContentSniffer::ContentSniffer(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}

ContentSniffer::~ContentSniffer() = default;

Result<ContentType> ContentSniffer::Identify(std::string_view data) const {
  std::string answer;
  {
    std::lock_guard lock(mutex_);
    const char* found = magic_buffer(handle_->cookie, data.data(), data.size());
    if (!found) {
      const char* error = magic_error(handle_->cookie);
      return Internal(std::string("libmagic: ") + (error ? error : "no answer"));
    }
    answer = found;
  }
  // "text/plain; charset=utf-8"
  ContentType type;
  size_t semicolon = answer.find(';');
  type.mime_type = AsciiLower(Trim(std::string_view(answer).substr(0, semicolon)));
  if (semicolon != std::string::npos) {
    std::string_view rest = Trim(std::string_view(answer).substr(semicolon + 1));
    if (rest.rfind("charset=", 0) == 0) type.charset = AsciiLower(rest.substr(8));
  }
  return type;
}

}  // namespace loket::editorial::internal

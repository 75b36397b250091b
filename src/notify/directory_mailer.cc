#include "notify/directory_mailer.h"

#include <date/date.h>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "core/log.h"
#include "notify/internal/message.h"

namespace loket::notify {
namespace {

std::string ErrnoText() { return std::error_code(errno, std::generic_category()).message(); }

// Writes the whole of `data` to a new file at `path`, on disk before it
// returns, so that the rename that follows never exposes an empty file.
Status WriteNewFile(const std::filesystem::path& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("mail file " + path.string() + ": " + ErrnoText());
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status failed = Unavailable("mail file " + path.string() + ": " + ErrnoText());
      ::close(fd);
      return failed;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  if (::fsync(fd) != 0) {
    Status failed = Unavailable("mail file " + path.string() + ": " + ErrnoText());
    ::close(fd);
    return failed;
  }
  if (::close(fd) != 0) return Unavailable("mail file " + path.string() + ": " + ErrnoText());
  return {};
}

}  // namespace

DirectoryMailer::DirectoryMailer(std::filesystem::path dir, Sender from)
    : dir_(std::move(dir)), from_(std::move(from)) {
  if (sodium_init() < 0) Log(LogLevel::kError, "sodium_init_failed", "libsodium cannot be used");
}

Status DirectoryMailer::Send(const Mail& mail) {
  const auto now = std::chrono::system_clock::now();
  LOKET_ASSIGN_OR_RETURN(std::string message,
                         internal::FormatMessage(mail, from_, now, internal::NewMessageId(from_)));
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return Unavailable("mail directory " + dir_.string() + ": " + ec.message());

  unsigned char random[8];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  // UTC with milliseconds first: a directory listing is in sending order.
  const std::string name =
      date::format("%Y%m%dT%H%M%SZ", date::floor<std::chrono::milliseconds>(now)) + "-" + hex;
  // The temporary name does not end in .eml, so that nobody picks up a
  // message that is still being written; same directory, so the rename is
  // atomic.
  const auto temporary = dir_ / ("." + name + ".tmp");
  const auto final_path = dir_ / (name + ".eml");
  if (Status written = WriteNewFile(temporary, message); !written.ok()) {
    std::filesystem::remove(temporary, ec);
    return written;
  }
  std::filesystem::rename(temporary, final_path, ec);
  if (ec) {
    Status failed = Unavailable("mail file " + final_path.string() + ": " + ec.message());
    std::filesystem::remove(temporary, ec);
    return failed;
  }
  return {};
}

}  // namespace loket::notify

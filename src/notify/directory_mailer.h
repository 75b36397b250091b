// Writes each message as a file `<timestamp>-<random>.eml` in a directory
// instead of sending it: the embedded default without a mail server, so
// that the mail a demo or a developer triggers can be opened and read.
// Files appear whole (written under a temporary name, then renamed) and
// are readable by the owner only, as they may hold login links.
// Thread-safety: Send() may run on many threads at once.
// Ownership: the mailer keeps a copy of its settings.
#pragma once

#include <filesystem>

#include "notify/mailer.h"

namespace loket::notify {

class DirectoryMailer final : public Mailer {
 public:
  // The directory is created on the first Send() if it does not exist.
  DirectoryMailer(std::filesystem::path dir, Sender from);

  // Unavailable when the file cannot be written.
  Status Send(const Mail& mail) override;

 private:
  std::filesystem::path dir_;
  Sender from_;
};

}  // namespace loket::notify

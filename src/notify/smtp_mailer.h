// Sends e-mail to a mail server over SMTP (libcurl), with STARTTLS or
// implicit TLS, optionally authenticating.
// Thread-safety: Send() may run on many threads at once; each call uses its
// own connection.
// Ownership: the mailer keeps a copy of its settings.
#pragma once

#include <chrono>
#include <string>

#include "notify/mailer.h"

namespace loket::notify {

enum class StartTls {
  kRequired,  // refuse to send over a connection that is not encrypted
  kOptional,  // encrypt when the server offers it (a relay on localhost)
};

struct SmtpSettings {
  // "smtp://host:port" (STARTTLS as below) or "smtps://host:port" (TLS from
  // the first byte). Other schemes are refused.
  std::string url;
  std::string username;  // empty: no authentication
  std::string password;
  Sender from;
  StartTls starttls = StartTls::kRequired;
  // A PEM file of certificate authorities to trust instead of the system's
  // (a private relay); empty for the system's.
  std::string ca_file;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{60'000};  // the whole exchange
};

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings);

  // Unavailable when the server cannot be reached, TLS cannot be set up as
  // required, authentication fails or the server refuses the message; the
  // message then names the cause for the log.
  Status Send(const Mail& mail) override;

 private:
  SmtpSettings settings_;
};

}  // namespace loket::notify

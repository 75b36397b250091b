// Sending e-mail: a message as domain code writes it, and the interface
// through which it leaves the program (smtp_mailer.h for a mail server,
// directory_mailer.h for files when there is none).
//
// Messages are plain UTF-8 text to one recipient. Mailers turn them into
// RFC 5322 form themselves, so callers never build headers and cannot
// inject any.
// Thread-safety: every Mailer here may be used from any thread at once.
// Ownership: callers hold a Mailer& that outlives them; app/ owns the object.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace loket::notify {

struct Mail {
  std::string to;       // one address, e.g. "a.jansen@example.org"
  std::string subject;  // one line of UTF-8
  std::string text;     // UTF-8; "\n" or "\r\n" line ends
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Hands the message over for delivery. InvalidArgument when it cannot be
  // sent as it is (a bad address, a line break in the subject, text that is
  // not UTF-8); Unavailable when it could not be handed over now, in which
  // case nothing was sent and trying again later may work.
  virtual Status Send(const Mail& mail) = 0;
};

// Who messages come from: the envelope and From address, and the name a
// mail program shows for it (may be empty or non-ASCII).
struct Sender {
  std::string address;
  std::string name;
};

// Whether `address` is a plain ASCII address we can send to: one '@', a
// local part and a dotted domain, no spaces, quotes, brackets or control
// characters, at most 254 characters. Addresses with non-ASCII characters
// (SMTPUTF8) are not supported.
bool IsPlausibleAddress(std::string_view address);

}  // namespace loket::notify

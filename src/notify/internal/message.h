// The RFC 5322 form of a Mail, shared by every mailer so that a message in
// a file is exactly what would have gone to the mail server.
// Thread-safety: pure functions, apart from the randomness in NewMessageId.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/status.h"
#include "notify/mailer.h"

namespace loket::notify::internal {

// The whole message with CRLF line ends: Date, From, To, Subject,
// Message-ID, MIME headers and a quoted-printable UTF-8 body.
// InvalidArgument names the field that cannot be sent as it is.
Result<std::string> FormatMessage(const Mail& mail, const Sender& from,
                                  std::chrono::system_clock::time_point date,
                                  std::string_view message_id);

// "<random@domain>", the domain taken from the sender's address.
std::string NewMessageId(const Sender& from);

// `Subject:`-style header text: as it is when it is short printable ASCII,
// otherwise RFC 2047 encoded words ("=?UTF-8?B?…?="), folded so that no
// line, `header_name` and ": " included, exceeds 78 characters.
std::string EncodeHeaderText(std::string_view header_name, std::string_view text);

// RFC 2045 quoted-printable with CRLF hard line breaks and lines of at most
// 76 characters.
std::string QuotedPrintable(std::string_view text);

bool IsUtf8(std::string_view text);

}  // namespace loket::notify::internal

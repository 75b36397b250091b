#include "notify/internal/message.h"

#include <date/date.h>
#include <sodium.h>

#include <locale>
#include <vector>

namespace loket::notify::internal {
namespace {

// RFC 5322 recommends lines of at most 78 characters; encoded words may be
// at most 75 (RFC 2047).
constexpr size_t kMaxHeaderLine = 78;
constexpr size_t kMaxQuotedPrintableLine = 76;
constexpr std::string_view kWordStart = "=?UTF-8?B?";
constexpr std::string_view kWordEnd = "?=";

bool IsPrintableAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

bool HasControl(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Splits UTF-8 text into pieces of at most `max_bytes` without cutting a
// character in two: each encoded word must decode to whole characters.
std::vector<std::string_view> SplitUtf8(std::string_view text, size_t max_bytes) {
  std::vector<std::string_view> pieces;
  while (!text.empty()) {
    size_t n = std::min(max_bytes, text.size());
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xc0) == 0x80) --n;
    if (n == 0) n = std::min(max_bytes, text.size());  // not UTF-8; cannot happen after IsUtf8
    pieces.push_back(text.substr(0, n));
    text.remove_prefix(n);
  }
  return pieces;
}

bool IsAtextOrSpace(std::string_view text) {
  static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~ ";
  for (char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && kSpecials.find(c) == std::string_view::npos) return false;
  }
  return true;
}

Result<std::string> FormatMailbox(const Sender& from) {
  if (!IsPlausibleAddress(from.address)) return InvalidArgument("from: not an e-mail address");
  if (from.name.empty()) return from.address;
  if (HasControl(from.name) || !IsUtf8(from.name)) {
    return InvalidArgument("from: the name is not one line of UTF-8");
  }
  const std::string address = " <" + from.address + ">";
  if (IsAtextOrSpace(from.name) && from.name.front() != ' ' && from.name.back() != ' ') {
    return from.name + address;
  }
  if (IsPrintableAscii(from.name)) {
    std::string quoted = "\"";
    for (char c : from.name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\"" + address;
  }
  // Encoded words may not appear inside a quoted string (RFC 2047 §5).
  return EncodeHeaderText("From", from.name) + address;
}

}  // namespace

bool IsUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    size_t extra;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      extra = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;  // cut off at the end
    for (size_t k = 1; k <= extra; ++k) {
      if ((byte(i + k) & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (byte(i + k) & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points beyond Unicode.
    static constexpr uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[extra] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return false;
    i += extra + 1;
  }
  return true;
}

std::string EncodeHeaderText(std::string_view header_name, std::string_view text) {
  const size_t prefix = header_name.size() + 2;  // "Subject: "
  if (IsPrintableAscii(text) && prefix + text.size() <= kMaxHeaderLine &&
      text.find("=?") == std::string_view::npos) {
    return std::string(text);
  }
  // 42 bytes become 56 base64 characters: a 68-character word fits after
  // "Subject: " and on continuation lines alike.
  constexpr size_t kWordBytes = 42;
  std::string out;
  for (std::string_view piece : SplitUtf8(text, kWordBytes)) {
    if (!out.empty()) out += "\r\n ";  // folding; decoders drop the space between words
    out += kWordStart;
    out += Base64(piece);
    out += kWordEnd;
  }
  return out;
}

std::string QuotedPrintable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    bool last_line = end == std::string_view::npos;
    if (last_line) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t column = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      auto c = static_cast<unsigned char>(line[i]);
      // Trailing white space may be dropped in transit, so it is encoded.
      bool literal =
          (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && i + 1 < line.size());
      size_t width = literal ? 1 : 3;
      if (column + width > kMaxQuotedPrintableLine - 1) {  // room for the soft break's '='
        out += "=\r\n";
        column = 0;
      }
      // A '.' opening a line could end the SMTP DATA phase on a server that
      // mishandles it; encoded, it cannot.
      if (c == '.' && column == 0) literal = false;
      if (literal) {
        out += static_cast<char>(c);
        ++column;
      } else {
        out += '=';
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
        column += 3;
      }
    }
    if (last_line) {
      if (!line.empty()) out += "\r\n";
      break;
    }
    out += "\r\n";
    start = end + 1;
  }
  return out;
}

std::string NewMessageId(const Sender& from) {
  unsigned char random[16];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  size_t at = from.address.rfind('@');
  std::string domain = at == std::string::npos ? "localhost" : from.address.substr(at + 1);
  return "<" + std::string(hex) + "@" + domain + ">";
}

Result<std::string> FormatMessage(const Mail& mail, const Sender& from,
                                  std::chrono::system_clock::time_point date,
                                  std::string_view message_id) {
  // Checking the address also rules out CR and LF, so no header can be
  // smuggled in through it.
  if (!IsPlausibleAddress(mail.to)) return InvalidArgument("to: not an e-mail address");
  if (HasControl(mail.subject) || !IsUtf8(mail.subject)) {
    return InvalidArgument("subject: one line of UTF-8 without control characters");
  }
  if (!IsUtf8(mail.text)) return InvalidArgument("text: not UTF-8");
  LOKET_ASSIGN_OR_RETURN(std::string from_header, FormatMailbox(from));
  if (HasControl(message_id)) return InvalidArgument("message id: control characters");

  std::string out;
  // The C locale: day and month names in a Date header are always English.
  out += "Date: " +
         date::format(std::locale::classic(), "%a, %d %b %Y %H:%M:%S +0000",
                      date::floor<std::chrono::seconds>(date)) +
         "\r\n";
  out += "From: " + from_header + "\r\n";
  out += "To: " + mail.to + "\r\n";
  out += "Subject: " + EncodeHeaderText("Subject", mail.subject) + "\r\n";
  out += "Message-ID: " + std::string(message_id) + "\r\n";
  // RFC 3834: out-of-office replies and the like are not sent back to us.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "\r\n";
  out += QuotedPrintable(mail.text);
  return out;
}

}  // namespace loket::notify::internal

#include "notify/mailer.h"

namespace loket::notify {
namespace {

constexpr size_t kMaxAddress = 254;  // RFC 5321 path limit, less the brackets
constexpr size_t kMaxLocalPart = 64;
constexpr size_t kMaxLabel = 63;

bool IsDomain(std::string_view domain) {
  size_t labels = 0;
  size_t start = 0;
  while (true) {
    size_t dot = domain.find('.', start);
    std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > kMaxLabel || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      bool ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

bool IsLocalPart(std::string_view local) {
  // Quoted local parts and the specials they allow are legal but so rare
  // in practice that refusing them costs less than handling them.
  static constexpr std::string_view kRefused = "\"(),:;<>@[\\]";
  if (local.empty() || local.size() > kMaxLocalPart || local.front() == '.' ||
      local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  for (unsigned char c : local) {
    if (c <= 0x20 || c >= 0x7f || kRefused.find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsPlausibleAddress(std::string_view address) {
  if (address.size() > kMaxAddress) return false;
  size_t at = address.find('@');
  if (at == std::string_view::npos) return false;
  return IsLocalPart(address.substr(0, at)) && IsDomain(address.substr(at + 1));
}

}  // namespace loket::notify

#include "notify/smtp_mailer.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include "core/log.h"
#include "notify/internal/message.h"

namespace loket::notify {
namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// libcurl reads the message to send through this callback.
struct Upload {
  std::string_view remaining;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t n = std::min(size * count, upload->remaining.size());
  std::memcpy(buffer, upload->remaining.data(), n);
  upload->remaining.remove_prefix(n);
  return n;
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {
  // curl_global_init is not safe to race with other threads using libcurl,
  // so it runs once, before the first mailer can send.
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      Log(LogLevel::kError, "curl_global_init_failed", "e-mail cannot be sent");
    }
  });
  if (sodium_init() < 0) Log(LogLevel::kError, "sodium_init_failed", "libsodium cannot be used");
}

Status SmtpMailer::Send(const Mail& mail) {
  LOKET_ASSIGN_OR_RETURN(
      std::string message,
      internal::FormatMessage(mail, settings_.from, std::chrono::system_clock::now(),
                              internal::NewMessageId(settings_.from)));
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Unavailable("smtp: cannot start libcurl");
  const std::string mail_from = "<" + settings_.from.address + ">";
  std::unique_ptr<curl_slist, CurlDeleter> recipients(
      curl_slist_append(nullptr, ("<" + mail.to + ">").c_str()));
  if (!recipients) return Unavailable("smtp: out of memory");
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = "";

  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  // A configuration mistake must not turn the mailer into a general URL
  // fetcher.
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   settings_.starttls == StartTls::kRequired ? static_cast<long>(CURLUSESSL_ALL)
                                                             : static_cast<long>(CURLUSESSL_TRY));
  if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  if (!settings_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(settings_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
  // Signals for timeouts are not safe in a multi-threaded server.
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    std::string detail = error[0] != '\0' ? error : curl_easy_strerror(rc);
    return Unavailable("smtp: " + detail);
  }
  return {};
}

}  // namespace loket::notify

#include "auth/testing/browser.h"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <liboath/oath.h>

#include <cctype>
#include <cstdlib>

namespace loket::auth::testing {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

size_t KeepBody(char* data, size_t size, size_t n, void* reply) {
  static_cast<Reply*>(reply)->body.append(data, size * n);
  return size * n;
}

size_t KeepHeader(char* data, size_t size, size_t n, void* reply) {
  std::string line(data, size * n);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  size_t colon = line.find(':');
  if (line.rfind("HTTP/", 0) != 0 && colon != std::string::npos) {
    size_t value = line.find_first_not_of(' ', colon + 1);
    static_cast<Reply*>(reply)->headers.emplace_back(
        Lower(line.substr(0, colon)), value == std::string::npos ? "" : line.substr(value));
  }
  return size * n;
}

}  // namespace

std::string Reply::Header(const std::string& lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

std::vector<std::string> Reply::All(const std::string& lower_name) const {
  std::vector<std::string> values;
  for (const auto& [name, value] : headers) {
    if (name == lower_name) values.push_back(value);
  }
  return values;
}

bool SetCookie::Has(const std::string& attribute) const {
  for (const std::string& a : attributes) {
    if (Lower(a) == Lower(attribute)) return true;
  }
  return false;
}

SetCookie ParseSetCookie(const std::string& line) {
  SetCookie c;
  size_t start = 0;
  bool first = true;
  while (start <= line.size()) {
    size_t end = line.find(';', start);
    if (end == std::string::npos) end = line.size();
    std::string part = line.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (first) {
      size_t eq = part.find('=');
      c.name = part.substr(0, eq);
      c.value = eq == std::string::npos ? "" : part.substr(eq + 1);
      first = false;
    } else if (!part.empty()) {
      c.attributes.push_back(part);
    }
    start = end + 1;
  }
  return c;
}

// What a post sends: a ready body, or multipart parts for libcurl to encode.
struct Browser::Body {
  std::string content_type;  // for `raw`
  std::string raw;
  const Fields* fields = nullptr;
  const std::vector<FilePart>* files = nullptr;
};

Reply Browser::Get(const std::string& target, const Fields& headers) {
  return Send(target, nullptr, headers);
}

Reply Browser::Post(const std::string& target, const Fields& form, const Fields& headers) {
  Body body;
  body.content_type = "application/x-www-form-urlencoded";
  CURL* curl = curl_easy_init();
  for (const auto& [name, value] : form) {
    char* escaped = curl_easy_escape(curl, value.data(), static_cast<int>(value.size()));
    body.raw += (body.raw.empty() ? "" : "&") + name + "=" + escaped;
    curl_free(escaped);
  }
  curl_easy_cleanup(curl);
  return Send(target, &body, headers);
}

Reply Browser::PostMultipart(const std::string& target, const Fields& fields,
                             const std::vector<FilePart>& files) {
  Body body;
  body.fields = &fields;
  body.files = &files;
  return Send(target, &body, {});
}

Reply Browser::PostRaw(const std::string& target, const std::string& content_type,
                       const std::string& raw) {
  Body body;
  body.content_type = content_type;
  body.raw = raw;
  return Send(target, &body, {});
}

std::string Browser::Cookie(const std::string& name) const {
  auto it = cookies_.find(name);
  return it == cookies_.end() ? std::string() : it->second;
}

Reply Browser::Send(const std::string& target, const Body* body, const Fields& headers) {
  Reply reply;
  CURL* curl = curl_easy_init();
  const std::string url = "http://127.0.0.1:" + std::to_string(port_) + target;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &KeepBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &KeepHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply);
  // No "Expect: 100-continue": the whole request goes at once.
  curl_slist* list = curl_slist_append(nullptr, "Expect:");
  curl_mime* mime = nullptr;
  if (body && (body->fields || body->files)) {
    mime = curl_mime_init(curl);
    for (const auto& [name, value] : *body->fields) {
      curl_mimepart* part = curl_mime_addpart(mime);
      curl_mime_name(part, name.c_str());
      curl_mime_data(part, value.data(), value.size());
    }
    for (const FilePart& file : *body->files) {
      curl_mimepart* part = curl_mime_addpart(mime);
      curl_mime_name(part, file.field.c_str());
      curl_mime_filename(part, file.filename.c_str());
      curl_mime_data(part, file.data.data(), file.data.size());
      if (!file.content_type.empty()) curl_mime_type(part, file.content_type.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
  } else if (body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->raw.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->raw.size()));
    list = curl_slist_append(list, ("Content-Type: " + body->content_type).c_str());
  }
  std::string cookies;
  for (const auto& [name, value] : cookies_) {
    if (!cookies.empty()) cookies += "; ";
    cookies += name;
    cookies += '=';
    cookies += value;
  }
  if (!cookies.empty()) list = curl_slist_append(list, ("Cookie: " + cookies).c_str());
  for (const auto& [name, value] : headers) {
    std::string line = name;
    line += ": ";
    line += value;
    list = curl_slist_append(list, line.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    reply.body = std::string("curl: ") + curl_easy_strerror(rc);
    if (fail_without_answer_) ADD_FAILURE() << target << ": " << curl_easy_strerror(rc);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  curl_mime_free(mime);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  for (const std::string& line : reply.All("set-cookie")) {
    SetCookie c = ParseSetCookie(line);
    if (c.Has("Max-Age=0")) {
      cookies_.erase(c.name);
    } else {
      cookies_[c.name] = c.value;
    }
  }
  return reply;
}

std::string HiddenField(const std::string& page, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  size_t at = page.find(marker);
  if (at == std::string::npos) return {};
  at += marker.size();
  return page.substr(at, page.find('"', at) - at);
}

std::string TotpCode(const std::string& secret, std::chrono::system_clock::time_point at) {
  char* key = nullptr;
  size_t key_length = 0;
  EXPECT_EQ(oath_base32_decode(secret.c_str(), secret.size(), &key, &key_length), OATH_OK);
  char code[7] = {};
  EXPECT_EQ(
      oath_totp_generate(key, key_length, std::chrono::system_clock::to_time_t(at),
                         OATH_TOTP_DEFAULT_TIME_STEP_SIZE, OATH_TOTP_DEFAULT_START_TIME, 6, code),
      OATH_OK);
  std::free(key);  // liboath allocates with malloc
  return code;
}

}  // namespace loket::auth::testing

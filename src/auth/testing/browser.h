// Test helpers for pages behind a login, over real HTTP with libcurl: a
// browser that keeps its cookies and follows no redirects, form and
// multipart posts, hidden form fields, and the TOTP code of a staff
// member's authenticator at a given (fake) time.
//
//   auth::testing::Browser b(server.port());
//   Reply form = b.Get("/medewerkers/inloggen");
//   b.Post("/medewerkers/inloggen", {{"csrf_token", CsrfIn(form.body)}, …});
// Thread-safety: a Browser is used by one thread; the functions are pure.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace loket::auth::testing {

using Fields = std::vector<std::pair<std::string, std::string>>;

// One answer; header names in lower case.
struct Reply {
  long status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string Header(const std::string& lower_name) const;
};

// A file part of a multipart/form-data post.
struct FilePart {
  std::string field;
  std::string filename;
  std::string content_type;  // what the browser claims; empty: libcurl's default
  std::string data;
};

class Browser {
 public:
  explicit Browser(uint16_t port) : port_(port) {}

  Reply Get(const std::string& target, const Fields& headers = {});
  // An application/x-www-form-urlencoded post.
  Reply Post(const std::string& target, const Fields& form, const Fields& headers = {});
  // A multipart/form-data post, as a browser sends a form with a file.
  Reply PostMultipart(const std::string& target, const Fields& fields,
                      const std::vector<FilePart>& files);
  // A post of exactly `body` with this Content-Type.
  Reply PostRaw(const std::string& target, const std::string& content_type,
                const std::string& body);

  std::string Cookie(const std::string& name) const;

 private:
  struct Body;
  Reply Send(const std::string& target, const Body* body, const Fields& headers);

  uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

// The value of the first `<input … name="NAME" value="…">` in a page
// (HTML-escaped as the page has it).
std::string HiddenField(const std::string& page, const std::string& name);
inline std::string CsrfIn(const std::string& page) { return HiddenField(page, "csrf_token"); }

// The 6-digit code an authenticator shows for the base32 `secret` at `at`.
std::string TotpCode(const std::string& secret, std::chrono::system_clock::time_point at);

}  // namespace loket::auth::testing

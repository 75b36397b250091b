// Test helpers for pages behind a login, over real HTTP with libcurl: a
// browser that keeps its cookies and follows no redirects, form and
// multipart posts, Set-Cookie lines taken apart, hidden form fields, and
// the TOTP code of a staff member's authenticator at a given (fake) time.
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

  // The first value of a header; empty if there is none.
  std::string Header(const std::string& lower_name) const;
  // Every value of a header, in order (e.g. all Set-Cookie lines).
  std::vector<std::string> All(const std::string& lower_name) const;
};

// A Set-Cookie line taken apart: name, value, and the attributes as given
// ("Path=/", "HttpOnly", …), without surrounding spaces.
struct SetCookie {
  std::string name;
  std::string value;
  std::vector<std::string> attributes;

  // Whether `attribute` is among them, ignoring case ("Max-Age=0").
  bool Has(const std::string& attribute) const;
};
SetCookie ParseSetCookie(const std::string& line);

// A file part of a multipart/form-data post.
struct FilePart {
  std::string field;
  std::string filename;
  std::string content_type;  // what the browser claims; empty: libcurl's default
  std::string data;
};

// A browser whose cookie jar is a plain map, so that a test controls
// exactly what is sent: every request carries all its cookies, and each
// answer's Set-Cookie lines update them (Max-Age=0 removes one). Copying
// it copies the cookies: a copy taken before a step still holds the old
// ones.
class Browser {
 public:
  explicit Browser(uint16_t port) : port_(port) {}

  // Makes a request that gets no answer at all (refused, cut off, timed
  // out) a test failure. Otherwise its Reply has status 0 and curl's
  // reason in the body, for tests in which the server hangs up.
  void FailWithoutAnswer() { fail_without_answer_ = true; }

  Reply Get(const std::string& target, const Fields& headers = {});
  // An application/x-www-form-urlencoded post.
  Reply Post(const std::string& target, const Fields& form, const Fields& headers = {});
  // A multipart/form-data post, as a browser sends a form with a file.
  Reply PostMultipart(const std::string& target, const Fields& fields,
                      const std::vector<FilePart>& files);
  // A post of exactly `body` with this Content-Type.
  Reply PostRaw(const std::string& target, const std::string& content_type,
                const std::string& body);

  // The value of a cookie in the jar; empty if there is none.
  std::string Cookie(const std::string& name) const;
  // Puts a cookie in the jar as if the server had set it (a forged or
  // planted one).
  void SetCookieValue(const std::string& name, const std::string& value) { cookies_[name] = value; }

 private:
  struct Body;
  Reply Send(const std::string& target, const Body* body, const Fields& headers);

  uint16_t port_;
  bool fail_without_answer_ = false;
  std::map<std::string, std::string> cookies_;
};

// The value of the first `<input … name="NAME" value="…">` in a page
// (HTML-escaped as the page has it).
std::string HiddenField(const std::string& page, const std::string& name);
inline std::string CsrfIn(const std::string& page) { return HiddenField(page, "csrf_token"); }

// The 6-digit code an authenticator shows for the base32 `secret` at `at`.
std::string TotpCode(const std::string& secret, std::chrono::system_clock::time_point at);

}  // namespace loket::auth::testing

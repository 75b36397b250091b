#include <curl/curl.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "http/problem.h"
#include "http/server.h"
#include "http/templates.h"

namespace loket::http {
namespace {

struct Fetched {
  long status = 0;
  std::string body;
  std::string headers;
};

size_t Append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

Fetched Fetch(uint16_t port, const std::string& target) {
  Fetched f;
  CURL* curl = curl_easy_init();
  std::string url = "http://127.0.0.1:" + std::to_string(port) + target;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &f.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &Append);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &f.headers);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) f.body = std::string("curl error: ") + curl_easy_strerror(rc);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &f.status);
  curl_easy_cleanup(curl);
  return f;
}

TEST(ServerTest, RoutesParamsQueryAndSecurityHeaders) {
  Metrics metrics;
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.max_url_bytes = 200;
  Server server(options, &metrics);
  server.Route(Method::kGet, "/items/:id", [](const Request& r) {
    return TextResponse(200, "text/plain", r.Param("id") + "|" + r.QueryOr("q", "-"));
  });
  ASSERT_TRUE(server.Start().ok());
  ASSERT_NE(server.port(), 0);

  Fetched ok = Fetch(server.port(), "/items/abc?q=hello+world%21");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "abc|hello world!");
  EXPECT_NE(ok.headers.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
  EXPECT_NE(ok.headers.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_NE(ok.headers.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(ok.headers.find("Referrer-Policy:"), std::string::npos);

  Fetched missing = Fetch(server.port(), "/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.headers.find("application/problem+json"), std::string::npos);
  EXPECT_NE(missing.headers.find("X-Content-Type-Options: nosniff"), std::string::npos);

  // The URL limit is enforced: the connection is refused an answer.
  Fetched too_long = Fetch(server.port(), "/items/" + std::string(400, 'x'));
  EXPECT_NE(too_long.status, 200);

  EXPECT_NE(metrics.Render().find("loket_http_requests_total{route=\"/items/:id\",method=\"GET\","
                                  "status=\"200\"} 1"),
            std::string::npos);
  server.Stop();
}

// Posts `body` with the given Content-Type and returns the answer.
Fetched PostBody(uint16_t port, const std::string& target, const std::string& content_type,
                 const std::string& body) {
  Fetched f;
  CURL* curl = curl_easy_init();
  std::string url = "http://127.0.0.1:" + std::to_string(port) + target;
  curl_slist* headers = curl_slist_append(nullptr, ("Content-Type: " + content_type).c_str());
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &f.body);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) f.body = std::string("curl error: ") + curl_easy_strerror(rc);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &f.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return f;
}

TEST(ServerTest, MultipartFormsGiveFieldsAndFiles) {
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.max_body_bytes = 64 * 1024;
  Server server(options, nullptr);
  server.Route(Method::kPost, "/upload", [](const Request& r) {
    std::string out = "title=" + r.Form("title") + "|files=" + std::to_string(r.files.size());
    for (const UploadedFile& f : r.files) {
      out += "|" + f.name + ":" + f.filename + ":" + f.content_type + ":" + f.data;
    }
    return TextResponse(200, "text/plain", out);
  });
  ASSERT_TRUE(server.Start().ok());
  const std::string type = "multipart/form-data; boundary=----b0undary";
  const std::string body =
      "------b0undary\r\n"
      "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
      "Een titel\r\n"
      "------b0undary\r\n"
      "Content-Disposition: form-data; name=\"document\"; filename=\"vragen.txt\"\r\n"
      "Content-Type: application/pdf\r\n\r\n"
      "regel 1\r\nregel 2\r\n"
      "------b0undary\r\n"
      "Content-Disposition: form-data; name=\"other\"; filename*=UTF-8''Belgi%C3%AB.txt\r\n\r\n"
      "x\r\n"
      "------b0undary--\r\n";
  Fetched ok = PostBody(server.port(), "/upload", type, body);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body,
            "title=Een titel|files=2|document:vragen.txt:application/pdf:regel 1\r\nregel 2"
            "|other:Belgi\xC3\xAB.txt::x");

  // No closing boundary, a part without a name, no boundary at all.
  EXPECT_EQ(PostBody(server.port(), "/upload", type,
                     "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx")
                .status,
            400);
  EXPECT_EQ(PostBody(server.port(), "/upload", type,
                     "------b0undary\r\nContent-Disposition: form-data\r\n\r\nx\r\n"
                     "------b0undary--\r\n")
                .status,
            400);
  Fetched no_boundary = PostBody(server.port(), "/upload", "multipart/form-data", "x");
  EXPECT_EQ(no_boundary.status, 400);
  EXPECT_NE(no_boundary.body.find("multipart/form-data body is malformed"), std::string::npos);
  // Over the body limit RESTinio answers nothing: it closes the connection.
  Fetched too_big = PostBody(server.port(), "/upload", type, std::string(100 * 1024, 'x'));
  EXPECT_EQ(too_big.status, 0) << too_big.body;
  EXPECT_EQ(PostBody(server.port(), "/upload", type, body).status, 200) << "still serving";
  server.Stop();
}

TEST(ClientAddressTest, ForwardedForIsBelievedOnlyFromTrustedProxies) {
  const std::vector<std::string> nginx = {"127.0.0.1", "10.0.0.5"};
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7", nginx), "203.0.113.7");
  // The client may send its own header: only the entry nginx added counts.
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1, 203.0.113.7", nginx), "203.0.113.7");
  // Through two trusted proxies.
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7, 10.0.0.5", nginx), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "2001:db8::1", nginx), "2001:db8::1");
  // Not from a trusted proxy, no header, or nonsense: the peer itself.
  EXPECT_EQ(ClientAddress("192.0.2.9", "203.0.113.7", nginx), "192.0.2.9");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", nginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7, evil", nginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7", {}), "127.0.0.1");
}

TEST(ProblemTest, InternalMessagesAreNotSent) {
  Response r = ProblemFromStatus(Internal("secret table name"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  EXPECT_EQ(ProblemFromStatus(NotFound("x")).status, 404);
}

TEST(TemplatesTest, RendersAndEscapes) {
  auto dir = std::filesystem::temp_directory_path() / ("tpl-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "page.mustache")
      << "<p>{{name}}</p>{{#items}}[{{.}}]{{/items}}{{{raw}}}{{#empty}}hidden{{/empty}}{{empty}}";
  auto t = Templates::Load(dir);
  ASSERT_TRUE(t.ok());
  nlohmann::json ctx = {
      {"name", "<b>x</b>"}, {"items", {"a", "b"}}, {"raw", "<i>ok</i>"}, {"empty", ""}};
  auto html = (*t)->Render("page", ctx);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(*html, "<p>&lt;b&gt;x&lt;/b&gt;</p>[a][b]<i>ok</i>");
  EXPECT_FALSE((*t)->Render("missing", ctx).ok());
  // Shared data fills in what the context lacks; the context wins.
  auto shared = Templates::Prepare({{"name", "shared"}, {"raw", "<b>r</b>"}});
  auto mixed = (*t)->Render("page", {{"name", "own"}}, shared.get());
  ASSERT_TRUE(mixed.ok());
  EXPECT_EQ(*mixed, "<p>own</p><b>r</b>");
  std::filesystem::remove_all(dir);
}

// A template whose name starts with "_" is a partial, rendered in the
// context of the place that includes it.
TEST(TemplatesTest, PartialsRenderInTheirPlacesContext) {
  auto dir = std::filesystem::temp_directory_path() / ("tpl-partial-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "_item.mustache") << "<li lang=\"{{lang}}\">{{name}}</li>";
  std::ofstream(dir / "list.mustache") << "<ul>{{#items}}{{> _item}}{{/items}}</ul>";
  auto t = Templates::Load(dir);
  ASSERT_TRUE(t.ok());
  auto html =
      (*t)->Render("list", {{"lang", "nl"}, {"items", {{{"name", "a<"}}, {{"name", "b"}}}}});
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(*html, "<ul><li lang=\"nl\">a&lt;</li><li lang=\"nl\">b</li></ul>");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace loket::http

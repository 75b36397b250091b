// The JSON API under /api/v1, following the NL API Design Rules: plural
// resource names, pagination with page/pageSize and a total, problem+json
// errors, an OpenAPI 3 description.
#include <algorithm>
#include <charconv>

#include "core/log.h"
#include "core/strings.h"
#include "frontoffice/documents.h"
#include "frontoffice/front_office.h"
#include "http/problem.h"
#include "site/paths.h"

namespace loket::frontoffice {
namespace {

using nlohmann::json;

constexpr size_t kDefaultPageSize = 20;
constexpr size_t kMaxPageSize = 100;

struct Paging {
  size_t page = 1;
  size_t size = kDefaultPageSize;
};

std::optional<size_t> ParseCount(const std::string& s) {
  size_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// Parses a whole-number query parameter within [min, max]; problem text names it.
std::optional<http::Response> ReadCount(const http::Request& r, const std::string& name, size_t min,
                                        size_t max, size_t& out) {
  auto raw = r.Query(name);
  if (!raw) return std::nullopt;
  auto v = ParseCount(*raw);
  if (!v || *v < min || *v > max) {
    return http::ProblemResponse(400, "Bad Request",
                                 "Parameter '" + name + "' must be a whole number from " +
                                     std::to_string(min) + " to " + std::to_string(max) + ".",
                                 r.target);
  }
  out = *v;
  return std::nullopt;
}

std::optional<http::Response> ReadPaging(const http::Request& r, Paging& p) {
  if (auto bad = ReadCount(r, "page", 1, 100000, p.page)) return bad;
  if (auto bad = ReadCount(r, "pageSize", 1, kMaxPageSize, p.size)) return bad;
  return std::nullopt;
}

std::optional<http::Response> ReadLang(const http::Request& r, Lang& lang) {
  std::string code = r.QueryOr("lang", "nl");
  auto parsed = ParseLang(code);
  if (!parsed) {
    return http::ProblemResponse(400, "Bad Request", "Parameter 'lang' must be 'nl' or 'en'.",
                                 r.target);
  }
  lang = *parsed;
  return std::nullopt;
}

http::Response Json(const json& body) {
  return http::JsonResponse(200, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

json TextJson(const Text& t) { return {{"nl", t.nl}, {"en", t.en}}; }

// A page of `items` with the total and links to neighbouring pages.
template <typename T, typename F>
json Page(const std::vector<T>& items, const Paging& p, const std::string& base, F to_json) {
  json results = json::array();
  size_t start = (p.page - 1) * p.size;
  for (size_t i = start; i < items.size() && i < start + p.size; ++i) {
    results.push_back(to_json(items[i]));
  }
  // `base` may carry the request's filters; the links keep them.
  const char* sep = base.find('?') == std::string::npos ? "?" : "&";
  auto link = [&](size_t page) {
    return json{{"href", base + sep + "page=" + std::to_string(page) +
                             "&pageSize=" + std::to_string(p.size)}};
  };
  json links = {{"self", link(p.page)}};
  if (p.page > 1) links["prev"] = link(p.page - 1);
  if (start + p.size < items.size()) links["next"] = link(p.page + 1);
  return {{"total", items.size()},
          {"page", p.page},
          {"pageSize", p.size},
          {"results", results},
          {"_links", links}};
}

// An article in one language: the text is the whole passage (question and
// answer, with the answers an answer refers to); Dutch where there is no
// translation.
json ArticleJson(const knowledge::Snapshot& snap, const knowledge::Article& a, Lang lang,
                 std::string_view today) {
  Lang content = a.ContentLang(lang);
  const knowledge::Source& s = a.source;
  return {{"id", a.id},
          {"lang", std::string(LangCode(content))},
          {"title", a.title.In(content)},
          {"question", a.question.In(content)},
          {"answer", a.body.In(content)},
          {"text", snap.CompleteText(a, content, today)},
          {"heading", a.heading},
          {"tags", a.tags},
          {"validUntil", a.valid_until.empty() ? json(nullptr) : json(a.valid_until)},
          {"source",
           {{"document", s.document},
            {"reference", s.reference},
            {"date", s.date},
            {"number", s.number}}},
          {"url", paths::KnowledgeArticle(lang, a.id)},
          {"_links", {{"self", {{"href", "/api/v1/knowledge/" + a.id}}}}}};
}

json ServiceJson(const catalogue::Service& s) {
  return {{"id", s.id},
          {"organisation", s.organisation_id},
          {"title", TextJson(s.title)},
          {"summary", TextJson(s.summary)},
          {"audience", TextJson(s.audience)},
          {"needs", {{"nl", s.needs.nl}, {"en", s.needs.en}}},
          {"cost", TextJson(s.cost)},
          {"duration", TextJson(s.duration)},
          {"channels", s.channels},
          {"how", TextJson(s.how)},
          {"referral", {{"url", s.referral_url}, {"label", TextJson(s.referral_label)}}},
          {"counterService", s.counter_service.empty() ? json(nullptr) : json(s.counter_service)},
          {"keywords", {{"nl", s.keywords.nl}, {"en", s.keywords.en}}},
          {"_links",
           {{"self", {{"href", "/api/v1/services/" + s.id}}},
            {"html", {{"href", paths::Service(Lang::kNl, s.id)}}},
            {"htmlEn", {{"href", paths::Service(Lang::kEn, s.id)}}}}}};
}

json LifeEventJson(const catalogue::LifeEvent& e) {
  json steps = json::array();
  for (const auto& s : e.steps) {
    steps.push_back({{"service", s.service_id}, {"note", TextJson(s.note)}});
  }
  return {{"id", e.id},
          {"title", TextJson(e.title)},
          {"summary", TextJson(e.summary)},
          {"steps", steps},
          {"_links",
           {{"self", {{"href", "/api/v1/life-events/" + e.id}}},
            {"html", {{"href", paths::LifeEvent(Lang::kNl, e.id)}}}}}};
}

json CountryJson(const catalogue::Country& c) {
  return {{"code", c.code},
          {"name", TextJson(c.name)},
          {"_links",
           {{"self", {{"href", "/api/v1/countries/" + c.code}}},
            {"html", {{"href", paths::Country(Lang::kNl, c.code)}}}}}};
}

json PostJson(const catalogue::Post& p) {
  json hours = json::array();
  for (const auto& h : p.hours) {
    hours.push_back({{"days", h.days}, {"open", h.open}, {"close", h.close}});
  }
  return {{"id", p.id},
          {"type", p.type},
          {"country", p.country_code},
          {"city", TextJson(p.city)},
          {"name", TextJson(p.name)},
          {"address", p.address},
          {"timezone", p.timezone},
          {"phone", p.phone.empty() ? json(nullptr) : json(p.phone)},
          {"email", p.email.empty() ? json(nullptr) : json(p.email)},
          {"openingHours", hours},
          {"counterServices", p.counter_services},
          {"_links",
           {{"self", {{"href", "/api/v1/posts/" + p.id}}},
            {"html", {{"href", paths::Post(Lang::kNl, p.id)}}}}}};
}

http::Response NotFoundProblem(const http::Request& r) {
  return http::ProblemResponse(404, "Not Found", "There is no such resource.", r.target);
}

}  // namespace

void FrontOffice::RegisterApi(http::Server& server, std::string openapi_json) {
  using http::Method;
  using http::Request;
  auto route = [&](const std::string& pattern, auto member) {
    server.Route(Method::kGet, pattern,
                 [this, member](const Request& r) { return (this->*member)(r); });
  };
  route("/api/v1/services", &FrontOffice::ApiServices);
  route("/api/v1/services/:id", &FrontOffice::ApiService);
  route("/api/v1/life-events", &FrontOffice::ApiLifeEvents);
  route("/api/v1/life-events/:id", &FrontOffice::ApiLifeEvent);
  route("/api/v1/countries", &FrontOffice::ApiCountries);
  route("/api/v1/countries/:code", &FrontOffice::ApiCountry);
  route("/api/v1/posts", &FrontOffice::ApiPosts);
  route("/api/v1/posts/:id", &FrontOffice::ApiPost);
  route("/api/v1/organisations", &FrontOffice::ApiOrganisations);
  route("/api/v1/search", &FrontOffice::ApiSearch);
  route("/api/v1/knowledge", &FrontOffice::ApiKnowledge);
  route("/api/v1/knowledge/:id", &FrontOffice::ApiArticle);
  server.Route(Method::kGet, "/api/v1/openapi.json",
               [doc = std::move(openapi_json)](const Request&) {
                 http::Response r = http::JsonResponse(200, doc);
                 r.SetHeader("Cache-Control", "public, max-age=3600");
                 return r;
               });
}

http::Response FrontOffice::ApiServices(const http::Request& r) const {
  Paging p;
  if (auto bad = ReadPaging(r, p)) return *bad;
  auto snap = Snapshot();
  std::vector<const catalogue::Service*> list;
  std::string org = r.QueryOr("organisation", "");
  for (const auto& s : snap->content().services) {
    if (s.published && (org.empty() || s.organisation_id == org)) list.push_back(&s);
  }
  std::string base = "/api/v1/services";
  if (!org.empty()) base += "?organisation=" + paths::EncodeQuery(org);
  return Json(Page(list, p, base, [](auto* s) { return ServiceJson(*s); }));
}

http::Response FrontOffice::ApiService(const http::Request& r) const {
  auto snap = Snapshot();
  const auto* s = snap->FindService(r.Param("id"));
  return s ? Json(ServiceJson(*s)) : NotFoundProblem(r);
}

http::Response FrontOffice::ApiLifeEvents(const http::Request& r) const {
  Paging p;
  if (auto bad = ReadPaging(r, p)) return *bad;
  auto snap = Snapshot();
  return Json(Page(snap->content().life_events, p, "/api/v1/life-events", LifeEventJson));
}

http::Response FrontOffice::ApiLifeEvent(const http::Request& r) const {
  auto snap = Snapshot();
  const auto* e = snap->FindLifeEvent(r.Param("id"));
  return e ? Json(LifeEventJson(*e)) : NotFoundProblem(r);
}

http::Response FrontOffice::ApiCountries(const http::Request& r) const {
  Paging p;
  p.size = kMaxPageSize;
  if (auto bad = ReadPaging(r, p)) return *bad;
  auto snap = Snapshot();
  return Json(Page(snap->content().countries, p, "/api/v1/countries", CountryJson));
}

http::Response FrontOffice::ApiCountry(const http::Request& r) const {
  auto snap = Snapshot();
  std::string code = AsciiUpper(r.Param("code"));
  const auto* c = snap->FindCountry(code);
  if (!c) return NotFoundProblem(r);
  json body = CountryJson(*c);
  json posts = json::array();
  for (const auto* post : snap->PostsIn(code)) posts.push_back(PostJson(*post));
  body["posts"] = posts;
  return Json(body);
}

http::Response FrontOffice::ApiPosts(const http::Request& r) const {
  Paging p;
  if (auto bad = ReadPaging(r, p)) return *bad;
  auto snap = Snapshot();
  std::string country = AsciiUpper(r.QueryOr("country", ""));
  std::string service = r.QueryOr("counterService", "");
  std::vector<const catalogue::Post*> list;
  for (const auto& post : snap->content().posts) {
    bool offers = service.empty() ||
                  std::find(post.counter_services.begin(), post.counter_services.end(), service) !=
                      post.counter_services.end();
    if ((country.empty() || post.country_code == country) && offers) list.push_back(&post);
  }
  std::string base = "/api/v1/posts";
  std::string filters;
  if (!country.empty()) filters += "&country=" + paths::EncodeQuery(country);
  if (!service.empty()) filters += "&counterService=" + paths::EncodeQuery(service);
  if (!filters.empty()) base += "?" + filters.substr(1);
  return Json(Page(list, p, base, [](auto* post) { return PostJson(*post); }));
}

http::Response FrontOffice::ApiPost(const http::Request& r) const {
  auto snap = Snapshot();
  const auto* post = snap->FindPost(r.Param("id"));
  return post ? Json(PostJson(*post)) : NotFoundProblem(r);
}

http::Response FrontOffice::ApiOrganisations(const http::Request& r) const {
  Paging p;
  if (auto bad = ReadPaging(r, p)) return *bad;
  auto snap = Snapshot();
  return Json(Page(snap->content().organisations, p, "/api/v1/organisations",
                   [](const catalogue::Organisation& o) {
                     return json{{"id", o.id},
                                 {"abbreviation", o.abbreviation},
                                 {"name", TextJson(o.name)},
                                 {"description", TextJson(o.description)},
                                 {"website", o.website}};
                   }));
}

http::Response FrontOffice::ApiSearch(const http::Request& r) const {
  search::Query q;
  q.text = r.QueryOr("q", "");
  if (q.text.size() > 500) {
    return http::ProblemResponse(400, "Bad Request", "Parameter 'q' is longer than 500 bytes.",
                                 r.target);
  }
  if (auto bad = ReadLang(r, q.lang)) return *bad;
  if (auto type = r.Query("type")) {
    if (!IsSearchType(*type)) {
      return http::ProblemResponse(
          400, "Bad Request",
          "Parameter 'type' must be one of: service, life-event, country, post, knowledge.",
          r.target);
    }
    q.type = *type;
  }
  for (const char* facet : {"organisation", "life-event"}) {
    if (auto v = r.Query(facet)) q.facet_filters[facet] = *v;
  }
  if (auto v = r.Query("country")) {
    q.facet_filters["country"] = AsciiUpper(*v);
  }
  if (auto bad = ReadCount(r, "limit", 1, kMaxPageSize, q.limit)) return *bad;
  if (auto bad = ReadCount(r, "offset", 0, 10000, q.offset)) return *bad;
  auto results = index_.Search(q);
  if (!results.ok()) return http::ProblemFromStatus(results.status(), r.target);
  json hits = json::array();
  for (const auto& h : results->hits) {
    json hit = {{"type", h.type},   {"id", h.id},      {"lang", std::string(LangCode(h.lang))},
                {"title", h.title}, {"url", h.url},    {"snippet", h.snippet},
                {"text", h.text},   {"score", h.score}};
    if (!h.attributes.empty()) hit["source"] = h.attributes;
    hits.push_back(std::move(hit));
  }
  json facets = json::object();
  for (const auto& [name, counts] : results->facets) {
    json list = json::array();
    for (const auto& fc : counts) list.push_back({{"value", fc.value}, {"count", fc.count}});
    facets[name] = list;
  }
  return Json({{"total", results->total},
               {"results", hits},
               {"suggestion", results->suggestion ? json(*results->suggestion) : json(nullptr)},
               {"corrected", results->corrected},
               {"facets", facets}});
}

http::Response FrontOffice::ApiKnowledge(const http::Request& r) const {
  Paging p;
  if (auto bad = ReadPaging(r, p)) return *bad;
  Lang lang = Lang::kNl;
  if (auto bad = ReadLang(r, lang)) return *bad;
  auto snap = knowledge_.Current();
  std::vector<const knowledge::Article*> list;
  const std::string today = Today();
  if (snap) list = snap->Visible(today);
  std::string base = "/api/v1/knowledge";
  if (lang == Lang::kEn) base += "?lang=en";
  return Json(Page(list, p, base, [&](auto* a) { return ArticleJson(*snap, *a, lang, today); }));
}

http::Response FrontOffice::ApiArticle(const http::Request& r) const {
  Lang lang = Lang::kNl;
  if (auto bad = ReadLang(r, lang)) return *bad;
  auto snap = knowledge_.Current();
  const knowledge::Article* a = snap ? snap->Find(r.Param("id")) : nullptr;
  const std::string today = Today();
  if (!a || !knowledge::IsVisible(*a, today)) return NotFoundProblem(r);
  return Json(ArticleJson(*snap, *a, lang, today));
}

}  // namespace loket::frontoffice

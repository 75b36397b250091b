#include <date/date.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/log.h"
#include "core/strings.h"
#include "frontoffice/article_text.h"
#include "frontoffice/documents.h"
#include "frontoffice/front_office.h"
#include "frontoffice/opening_hours.h"
#include "http/problem.h"
#include "site/paths.h"

namespace loket::frontoffice {
namespace {

using nlohmann::json;
constexpr size_t kResultsPerPage = 10;

// "8 maart 2022" for "2022-03-08"; the text as it is when it is no date.
std::string HumanDate(const std::string& iso, const json& t) {
  if (iso.size() != 10) return iso;
  try {
    int month = std::stoi(iso.substr(5, 2));
    int day = std::stoi(iso.substr(8, 2));
    return std::to_string(day) + " " + t.value("month_" + std::to_string(month), "") + " " +
           iso.substr(0, 4);
  } catch (const std::exception&) {
    return iso;
  }
}

// Where an article comes from, for people: "Vragen en antwoorden,
// Kamerstuk 35 830 V, nr. 8, vraag 12".
std::string SourceLabel(const knowledge::Source& s, const json& t) {
  std::vector<std::string> parts;
  if (!s.document.empty()) parts.push_back(s.document);
  if (!s.reference.empty()) parts.push_back(s.reference);
  if (!s.number.empty()) parts.push_back(t.value("question_number", "") + " " + s.number);
  return Join(parts, ", ");
}

// Splits text into paragraphs at blank lines.
json Paragraphs(const std::string& text) {
  json out = json::array();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    std::string_view para = Trim(std::string_view(text).substr(
        start, end == std::string::npos ? std::string::npos : end - start));
    if (!para.empty()) out.push_back(std::string(para));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

json ServiceCard(const catalogue::Service& s, const catalogue::Snapshot& snap, Lang lang) {
  const catalogue::Organisation* org = snap.FindOrganisation(s.organisation_id);
  return {{"id", s.id},
          {"title", s.title.In(lang)},
          {"summary", s.summary.In(lang)},
          {"url", paths::Service(lang, s.id)},
          {"organisation", org ? org->name.In(lang) : ""}};
}

json PostCard(const catalogue::Post& p, const catalogue::Snapshot& snap, const json& t, Lang lang) {
  const catalogue::Country* country = snap.FindCountry(p.country_code);
  return {{"id", p.id},
          {"name", p.name.In(lang)},
          {"url", paths::Post(lang, p.id)},
          {"city", p.city.In(lang)},
          {"country", country ? country->name.In(lang) : p.country_code},
          {"type", t.value("post_type_" + p.type, p.type)},
          {"address", p.address}};
}

// Countries sorted by their name in `lang`, for selection lists.
json CountryOptions(const catalogue::Snapshot& snap, Lang lang, const std::string& selected) {
  std::vector<const catalogue::Country*> list;
  for (const auto& c : snap.content().countries) list.push_back(&c);
  std::sort(list.begin(), list.end(),
            [lang](auto* a, auto* b) { return a->name.In(lang) < b->name.In(lang); });
  json out = json::array();
  for (const auto* c : list) {
    out.push_back({{"code", c->code},
                   {"name", c->name.In(lang)},
                   {"url", paths::Country(lang, c->code)},
                   {"selected", c->code == selected}});
  }
  return out;
}

// Names of the search page's filter parameters, in the page's language.
struct SearchParams {
  const char* organisation;
  const char* life_event;
  const char* type;
  const char* page;
};

SearchParams SearchParamsIn(Lang lang) {
  if (lang == Lang::kNl) return {"organisatie", "levensgebeurtenis", "soort", "pagina"};
  return {"organisation", "life-event", "type", "page"};
}

}  // namespace

FrontOffice::FrontOffice(catalogue::Catalogue& catalogue, knowledge::KnowledgeBase& knowledge,
                         const search::SearchIndex& index, const site::Site& site, Clock clock)
    : catalogue_(catalogue),
      knowledge_(knowledge),
      index_(index),
      site_(site),
      clock_(std::move(clock)) {}

std::shared_ptr<const catalogue::Snapshot> FrontOffice::Snapshot() const {
  return catalogue_.Current();
}

std::string FrontOffice::Today() const {
  return date::format("%F", date::floor<date::days>(clock_()));
}

void FrontOffice::RegisterPages(http::Server& server) {
  using http::Method;
  using http::Request;
  auto page = [&](const std::string& nl, const std::string& en, auto member) {
    server.Route(Method::kGet, nl,
                 [this, member](const Request& r) { return (this->*member)(r, Lang::kNl); });
    server.Route(Method::kGet, en,
                 [this, member](const Request& r) { return (this->*member)(r, Lang::kEn); });
  };
  page("/", "/en", &FrontOffice::Home);
  page("/zoeken", "/en/search", &FrontOffice::SearchPage);
  page("/diensten", "/en/services", &FrontOffice::ServicesPage);
  page("/diensten/:id", "/en/services/:id", &FrontOffice::ServicePage);
  page("/levensgebeurtenissen/:id", "/en/life-events/:id", &FrontOffice::LifeEventPage);
  page("/landen", "/en/countries", &FrontOffice::CountriesPage);
  page("/landen/:code", "/en/countries/:code", &FrontOffice::CountryPage);
  page("/posten/:id", "/en/posts/:id", &FrontOffice::PostPage);
  page("/kennisbank", "/en/knowledge", &FrontOffice::KnowledgePage);
  page("/kennisbank/:id", "/en/knowledge/:id", &FrontOffice::ArticlePage);
  page("/kennisbank/documenten/:key", "/en/knowledge/documents/:key", &FrontOffice::DocumentPage);
}

http::Response FrontOffice::Render(int status, Lang lang, const std::string& page, json context,
                                   const std::string& title, const std::string& alternate) const {
  site::Page p;
  p.status = status;
  p.lang = lang;
  p.template_name = page;
  p.context = std::move(context);
  p.title = title;
  p.alternate = alternate;
  return site_.Render(std::move(p));
}

http::Response FrontOffice::ErrorPage(int status, Lang lang, const std::string& heading_key,
                                      const std::string& text_key) const {
  return site_.ErrorPage(status, lang, heading_key, text_key);
}

http::Response FrontOffice::NotFound(const http::Request& r) const {
  if (r.path.rfind("/api/", 0) == 0) {
    return http::ProblemResponse(404, "Not Found", "There is no such resource.", r.path);
  }
  Lang lang = r.path == "/en" || r.path.rfind("/en/", 0) == 0 ? Lang::kEn : Lang::kNl;
  return ErrorPage(404, lang, "not_found_heading", "not_found_text");
}

http::Response FrontOffice::Home(const http::Request&, Lang lang) const {
  auto snap = Snapshot();
  const json& t = site_.Texts(lang);
  json events = json::array();
  for (const auto& e : snap->content().life_events) {
    events.push_back({{"title", e.title.In(lang)},
                      {"summary", e.summary.In(lang)},
                      {"url", paths::LifeEvent(lang, e.id)}});
  }
  json popular = json::array();
  for (const auto* s : snap->MostPopular(9)) popular.push_back(ServiceCard(*s, *snap, lang));
  json ctx = {{"life_events", events},
              {"popular", popular},
              {"search_url", paths::Search(lang)},
              {"services_url", paths::Services(lang)}};
  return Render(200, lang, "home", ctx, t.value("site_name", ""), paths::Home(OtherLang(lang)));
}

http::Response FrontOffice::SearchPage(const http::Request& r, Lang lang) const {
  auto snap = Snapshot();
  const json& t = site_.Texts(lang);
  std::string q = std::string(Trim(r.QueryOr("q", "")));
  if (q.size() > 200) q.resize(200);
  // Either language's parameter names are accepted, so a link keeps working
  // after a language switch.
  const SearchParams nl = SearchParamsIn(Lang::kNl), en = SearchParamsIn(Lang::kEn);
  std::string org = r.QueryOr(nl.organisation, r.QueryOr(en.organisation, ""));
  std::string event = r.QueryOr(nl.life_event, r.QueryOr(en.life_event, ""));
  std::string type = r.QueryOr(nl.type, r.QueryOr(en.type, ""));
  size_t page = 1;
  try {
    page = std::clamp<size_t>(std::stoul(r.QueryOr(nl.page, r.QueryOr(en.page, "1"))), 1, 100);
  } catch (const std::exception&) {
    page = 1;
  }
  if (!type.empty() && !IsSearchType(type)) type.clear();

  search::Query query;
  query.text = q;
  query.lang = lang;
  if (!type.empty()) query.type = type;
  if (!org.empty()) query.facet_filters["organisation"] = org;
  if (!event.empty()) query.facet_filters["life-event"] = event;
  query.offset = (page - 1) * kResultsPerPage;
  query.limit = kResultsPerPage;

  const SearchParams params = SearchParamsIn(lang);
  auto url = [&](const std::string& in_lang_base, const std::string& o, const std::string& e,
                 const std::string& ty, size_t p, Lang l) {
    const SearchParams names = SearchParamsIn(l);
    std::string u = in_lang_base + "?q=" + paths::EncodeQuery(q);
    if (!o.empty()) u += std::string("&") + names.organisation + "=" + paths::EncodeQuery(o);
    if (!e.empty()) u += std::string("&") + names.life_event + "=" + paths::EncodeQuery(e);
    if (!ty.empty()) u += std::string("&") + names.type + "=" + paths::EncodeQuery(ty);
    if (p > 1) u += std::string("&") + names.page + "=" + std::to_string(p);
    return u;
  };
  std::string base = paths::Search(lang);

  json ctx = {{"q", q},
              {"searched", !q.empty()},
              {"search_url", base},
              {"org_param", params.organisation},
              {"event_param", params.life_event},
              {"type_param", params.type},
              {"page_param", params.page}};
  if (!q.empty()) {
    auto results = index_.Search(query);
    if (!results.ok()) {
      Log(LogLevel::kError, "search_failed", results.status().ToString());
      return ErrorPage(503, lang, "error_heading", "error_text");
    }
    json hits = json::array();
    for (const auto& h : results->hits) {
      json hit = {{"title", h.title},
                  {"url", h.url},
                  {"snippet", h.snippet},
                  {"type_label", t.value("type_" + h.type, h.type)}};
      // Where a knowledge article comes from: "Kamerstuk 35 830 V, nr. 8, vraag 12".
      if (h.type == "knowledge") {
        knowledge::Source source;
        auto at = [&](const char* key) {
          auto it = h.attributes.find(key);
          return it == h.attributes.end() ? std::string() : it->second;
        };
        source.document = at("document");
        source.reference = at("reference");
        source.number = at("number");
        hit["source"] = SourceLabel(source, t);
        // A letter's passage has no number: its section says where it stands.
        if (source.number.empty() && !at("heading").empty()) hit["section"] = at("heading");
      }
      hits.push_back(std::move(hit));
    }
    ctx["hits"] = hits;
    ctx["total"] = std::to_string(results->total);
    ctx["has_results"] = !hits.empty();
    ctx["one_result"] = results->total == 1;
    if (results->suggestion) {
      ctx["suggestion"] = *results->suggestion;
      ctx["suggestion_url"] = base + "?q=" + paths::EncodeQuery(*results->suggestion);
      ctx["corrected"] = results->corrected;
    }
    // Facets, with labels; each option is a radio in a GET form so the
    // filters work without JavaScript.
    auto facet = [&](const std::string& name, const std::string& selected, auto label) {
      json options = json::array();
      auto it = results->facets.find(name);
      if (it != results->facets.end()) {
        for (const auto& fc : it->second) {
          std::string text = label(fc.value);
          if (text.empty()) continue;
          options.push_back({{"value", fc.value},
                             {"label", text},
                             {"count", std::to_string(fc.count)},
                             {"selected", fc.value == selected}});
        }
      }
      return options;
    };
    ctx["org_options"] = facet("organisation", org, [&](const std::string& id) {
      const auto* o = snap->FindOrganisation(id);
      return o ? o->name.In(lang) : std::string();
    });
    ctx["event_options"] = facet("life-event", event, [&](const std::string& id) {
      const auto* e = snap->FindLifeEvent(id);
      return e ? e->title.In(lang) : std::string();
    });
    ctx["has_org_options"] = !ctx["org_options"].empty();
    ctx["has_event_options"] = !ctx["event_options"].empty();
    json type_options = json::array();
    for (std::string_view ty : kSearchTypes) {
      type_options.push_back({{"value", ty},
                              {"label", t.value("type_" + std::string(ty), std::string(ty))},
                              {"selected", ty == type}});
    }
    ctx["type_options"] = type_options;
    ctx["no_org"] = org.empty();
    ctx["no_event"] = event.empty();
    ctx["no_type"] = type.empty();
    ctx["filtered"] = !org.empty() || !event.empty() || !type.empty();
    ctx["clear_url"] = url(base, "", "", "", 1, lang);
    size_t pages = (results->total + kResultsPerPage - 1) / kResultsPerPage;
    if (page > 1) ctx["prev_url"] = url(base, org, event, type, page - 1, lang);
    if (page < pages) ctx["next_url"] = url(base, org, event, type, page + 1, lang);
    ctx["paginated"] = pages > 1;
    ctx["page_label"] = t.value("page", "") + " " + std::to_string(page) + " / " +
                        std::to_string(std::max<size_t>(pages, 1));
  }
  std::string title =
      q.empty() ? t.value("results_heading", "") : t.value("results_heading", "") + ": " + q;
  return Render(200, lang, "search", ctx, title,
                url(paths::Search(OtherLang(lang)), org, event, type, page, OtherLang(lang)));
}

http::Response FrontOffice::ServicesPage(const http::Request&, Lang lang) const {
  auto snap = Snapshot();
  const json& t = site_.Texts(lang);
  std::vector<const catalogue::Service*> list;
  for (const auto& s : snap->content().services) {
    if (s.published) list.push_back(&s);
  }
  std::sort(list.begin(), list.end(),
            [lang](auto* a, auto* b) { return a->title.In(lang) < b->title.In(lang); });
  // Grouped by organisation, in the order of their names.
  std::vector<const catalogue::Organisation*> orgs;
  for (const auto& o : snap->content().organisations) orgs.push_back(&o);
  std::sort(orgs.begin(), orgs.end(),
            [lang](auto* a, auto* b) { return a->name.In(lang) < b->name.In(lang); });
  json groups = json::array();
  for (const auto* o : orgs) {
    json items = json::array();
    for (const auto* s : list) {
      if (s->organisation_id == o->id) items.push_back(ServiceCard(*s, *snap, lang));
    }
    if (!items.empty()) {
      groups.push_back({{"name", o->name.In(lang)}, {"id", o->id}, {"services", items}});
    }
  }
  return Render(200, lang, "services", {{"groups", groups}}, t.value("services_heading", ""),
                paths::Services(OtherLang(lang)));
}

http::Response FrontOffice::ServicePage(const http::Request& r, Lang lang) const {
  auto snap = Snapshot();
  const json& t = site_.Texts(lang);
  const std::string& id = r.Param("id");
  const catalogue::Service* s = snap->FindService(id);
  if (!s) return ErrorPage(404, lang, "not_found_heading", "not_found_text");
  const catalogue::Organisation* org = snap->FindOrganisation(s->organisation_id);
  json channels = json::array();
  for (const auto& ch : s->channels) channels.push_back(t.value("channel_" + ch, ch));
  json events = json::array();
  for (const auto* e : snap->LifeEventsWith(s->id)) {
    events.push_back({{"title", e->title.In(lang)}, {"url", paths::LifeEvent(lang, e->id)}});
  }
  json ctx = {{"title", s->title.In(lang)},
              {"summary", s->summary.In(lang)},
              {"audience", s->audience.In(lang)},
              {"needs", s->needs.In(lang)},
              {"has_needs", !s->needs.In(lang).empty()},
              {"cost", s->cost.In(lang)},
              {"duration", s->duration.In(lang)},
              {"how", Paragraphs(s->how.In(lang))},
              {"channels", channels},
              {"has_channels", !channels.empty()},
              {"life_events", events},
              {"has_life_events", !events.empty()},
              {"organisation", org ? org->name.In(lang) : ""},
              {"organisation_description", org ? org->description.In(lang) : ""},
              {"referral_url", s->referral_url},
              {"referral_label",
               s->referral_label.In(lang).empty()
                   ? t.value("referral_default", "") + " " + (org ? org->name.In(lang) : "")
                   : s->referral_label.In(lang)},
              {"services_url", paths::Services(lang)},
              {"home_url", paths::Home(lang)}};
  std::string alternate = paths::Service(OtherLang(lang), s->id);
  if (!s->counter_service.empty()) {
    std::string country = AsciiUpper(r.QueryOr("land", r.QueryOr("country", "")));
    ctx["has_where"] = true;
    ctx["country_param"] = lang == Lang::kNl ? "land" : "country";
    ctx["form_url"] = paths::Service(lang, s->id);
    ctx["countries"] = CountryOptions(*snap, lang, country);
    if (snap->FindCountry(country)) {
      json posts = json::array();
      for (const auto* p : snap->PostsOffering(s->counter_service)) {
        if (p->country_code == country) posts.push_back(PostCard(*p, *snap, t, lang));
      }
      ctx["country_chosen"] = true;
      ctx["where_posts"] = posts;
      ctx["where_none"] = posts.empty();
      alternate += std::string(lang == Lang::kNl ? "?country=" : "?land=") + country;
    }
  }
  return Render(200, lang, "service", ctx, s->title.In(lang), alternate);
}

http::Response FrontOffice::LifeEventPage(const http::Request& r, Lang lang) const {
  auto snap = Snapshot();
  const catalogue::LifeEvent* e = snap->FindLifeEvent(r.Param("id"));
  if (!e) return ErrorPage(404, lang, "not_found_heading", "not_found_text");
  json steps = json::array();
  int n = 0;
  for (const auto& step : e->steps) {
    const catalogue::Service* s = snap->FindService(step.service_id);
    if (!s) continue;
    json card = ServiceCard(*s, *snap, lang);
    card["number"] = std::to_string(++n);
    card["note"] = step.note.In(lang);
    steps.push_back(card);
  }
  json ctx = {{"title", e->title.In(lang)},
              {"summary", e->summary.In(lang)},
              {"steps", steps},
              {"home_url", paths::Home(lang)}};
  return Render(200, lang, "life_event", ctx, e->title.In(lang),
                paths::LifeEvent(OtherLang(lang), e->id));
}

http::Response FrontOffice::CountriesPage(const http::Request&, Lang lang) const {
  auto snap = Snapshot();
  const json& t = site_.Texts(lang);
  json countries = CountryOptions(*snap, lang, "");
  // Grouped by first letter for a scannable A-Z list.
  json groups = json::array();
  std::string current;
  for (auto& c : countries) {
    std::string name = c["name"];
    // First letter, keeping multi-byte UTF-8 characters whole.
    size_t len = 1;
    while (len < name.size() && (static_cast<unsigned char>(name[len]) & 0xC0) == 0x80) ++len;
    std::string letter = name.substr(0, len);
    c["posts"] = std::to_string(snap->PostsIn(c["code"]).size());
    if (groups.empty() || letter != current) {
      current = letter;
      groups.push_back({{"letter", letter}, {"countries", json::array()}});
    }
    groups.back()["countries"].push_back(c);
  }
  return Render(200, lang, "countries", {{"groups", groups}}, t.value("countries_heading", ""),
                paths::Countries(OtherLang(lang)));
}

http::Response FrontOffice::CountryPage(const http::Request& r, Lang lang) const {
  auto snap = Snapshot();
  const json& t = site_.Texts(lang);
  std::string code = AsciiUpper(r.Param("code"));
  const catalogue::Country* c = snap->FindCountry(code);
  if (!c) return ErrorPage(404, lang, "not_found_heading", "not_found_text");
  json posts = json::array();
  for (const auto* p : snap->PostsIn(code)) posts.push_back(PostCard(*p, *snap, t, lang));
  json ctx = {{"name", c->name.In(lang)},
              {"posts", posts},
              {"has_posts", !posts.empty()},
              {"countries_url", paths::Countries(lang)},
              {"home_url", paths::Home(lang)}};
  if (snap->FindService("reisadvies"))
    ctx["travel_advice_url"] = paths::Service(lang, "reisadvies");
  return Render(200, lang, "country", ctx, c->name.In(lang), paths::Country(OtherLang(lang), code));
}

http::Response FrontOffice::PostPage(const http::Request& r, Lang lang) const {
  auto snap = Snapshot();
  const json& t = site_.Texts(lang);
  const catalogue::Post* p = snap->FindPost(r.Param("id"));
  if (!p) return ErrorPage(404, lang, "not_found_heading", "not_found_text");
  const catalogue::Country* country = snap->FindCountry(p->country_code);
  LocalStatus now = StatusAt(*p, clock_());
  static const char* kDayKeys[] = {"day_mon", "day_tue", "day_wed", "day_thu",
                                   "day_fri", "day_sat", "day_sun"};
  json hours = json::array();
  for (const auto& h : p->hours) {
    auto days = Split(h.days, '-');
    auto label = [&](const std::string& d) { return t.value("day_" + d, d); };
    std::string day_label = label(days[0]);
    if (days.size() > 1) day_label += " " + t.value("to", "-") + " " + label(days[1]);
    hours.push_back({{"days", day_label},
                     {"open", h.open},
                     {"close", h.close},
                     {"today", now.known && DayInRange(h.days, now.weekday)}});
  }
  json services = json::array();
  for (const auto& cs : p->counter_services) {
    json item = {{"label", t.value("counter_service_" + cs, cs)}};
    // Link to the service that needs this counter, when there is one.
    for (const auto& s : snap->content().services) {
      if (s.published && s.counter_service == cs) {
        item["url"] = paths::Service(lang, s.id);
        break;
      }
    }
    services.push_back(item);
  }
  json ctx = PostCard(*p, *snap, t, lang);
  ctx["country_url"] = paths::Country(lang, p->country_code);
  ctx["phone"] = p->phone;
  ctx["email"] = p->email;
  ctx["has_contact"] = !p->phone.empty() || !p->email.empty();
  ctx["hours"] = hours;
  ctx["has_hours"] = !hours.empty();
  ctx["timezone"] = p->timezone;
  ctx["time_known"] = now.known;
  ctx["local_time"] = now.local_time;
  ctx["local_day"] = now.known ? t.value(kDayKeys[now.weekday], "") : "";
  ctx["open_now"] = now.open;
  ctx["counter_services"] = services;
  ctx["has_counter_services"] = !services.empty();
  ctx["home_url"] = paths::Home(lang);
  ctx["country_name"] = country ? country->name.In(lang) : p->country_code;
  return Render(200, lang, "post", ctx, p->name.In(lang), paths::Post(OtherLang(lang), p->id));
}

namespace {

std::string Capitalised(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

json ArticleLink(const knowledge::Article& a, Lang lang) {
  const Lang content_lang = a.ContentLang(lang);
  json link = {{"title", a.title.In(content_lang)},
               {"url", paths::KnowledgeArticle(lang, a.id)},
               {"content_lang", std::string(LangCode(content_lang))}};
  if (!a.source.number.empty()) link["number"] = a.source.number;
  return link;
}

// An imported document's articles, in their order; empty when there is no
// such document or nothing of it is visible.
std::vector<const knowledge::Article*> DocumentArticles(const knowledge::Snapshot* snap,
                                                        const std::string& key,
                                                        std::string_view today) {
  std::vector<const knowledge::Article*> out;
  if (!snap || key.empty()) return out;
  for (const knowledge::Article* a : snap->Visible(today)) {
    if (a->source.document_key == key) out.push_back(a);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto* a, const auto* b) { return a->ordinal < b->ordinal; });
  return out;
}

// What a document holds: "31 vragen", "78 passages" (questions when every
// article is one).
std::string ArticleCount(size_t articles, size_t questions, const json& t) {
  const bool asked = questions == articles;
  std::string word =
      asked ? (articles == 1 ? "knowledge_count_question" : "knowledge_count_questions")
            : (articles == 1 ? "knowledge_count_passage" : "knowledge_count_passages");
  return std::to_string(articles) + " " + t.value(word, "");
}

// A document as the knowledge base names it: title, reference and date.
json DocumentFacts(const knowledge::Article& a, const json& t) {
  return {{"title", a.source.document},
          {"reference", a.source.reference},
          {"date", HumanDate(a.source.date, t)},
          {"date_iso", a.source.date},
          {"has_date", !a.source.date.empty()}};
}

}  // namespace

http::Response FrontOffice::KnowledgePage(const http::Request&, Lang lang) const {
  auto snap = knowledge_.Current();
  const json& t = site_.Texts(lang);
  // The documents, in the knowledge base's order (newest first), each
  // linking to its own page; editors' own articles last.
  struct Counts {
    size_t articles = 0, questions = 0;
  };
  json documents = json::array();
  std::vector<Counts> counts;
  std::map<std::string, size_t> document_of;
  json own = json::array();
  for (const knowledge::Article* a :
       snap ? snap->Visible(Today()) : std::vector<const knowledge::Article*>{}) {
    if (a->source.document_key.empty()) {
      own.push_back(ArticleLink(*a, lang));
      continue;
    }
    auto [it, added] = document_of.emplace(a->source.document_key, documents.size());
    if (added) {
      json d = DocumentFacts(*a, t);
      d["url"] = paths::KnowledgeDocument(lang, a->source.document_key);
      documents.push_back(std::move(d));
      counts.emplace_back();
    }
    ++counts[it->second].articles;
    if (!a->source.number.empty()) ++counts[it->second].questions;
  }
  for (size_t i = 0; i < documents.size(); ++i) {
    documents[i]["count"] = ArticleCount(counts[i].articles, counts[i].questions, t);
  }
  json ctx = {{"documents", documents},
              {"has_documents", !documents.empty()},
              {"own", own},
              {"has_own", !own.empty()},
              {"search_url", paths::Search(lang)},
              {"type_param", SearchParamsIn(lang).type},
              {"home_url", paths::Home(lang)}};
  return Render(200, lang, "knowledge", ctx, t.value("knowledge_heading", ""),
                paths::Knowledge(OtherLang(lang)));
}

http::Response FrontOffice::DocumentPage(const http::Request& r, Lang lang) const {
  auto snap = knowledge_.Current();
  const json& t = site_.Texts(lang);
  const std::string key = r.Param("key");
  std::vector<const knowledge::Article*> articles = DocumentArticles(snap.get(), key, Today());
  if (articles.empty()) return ErrorPage(404, lang, "not_found_heading", "not_found_text");
  // The articles under their section headings, in the document's order; a
  // list of questions (or a letter's opening) may stand under none.
  json sections = json::array();
  size_t questions = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    const knowledge::Article& a = *articles[i];
    if (!a.source.number.empty()) ++questions;
    if (sections.empty() || sections.back()["heading"] != a.heading) {
      sections.push_back({{"heading", a.heading},
                          {"has_heading", !a.heading.empty()},
                          {"id", "section-" + std::to_string(sections.size() + 1)},
                          {"start", i + 1},  // a letter's passages are numbered on
                          {"articles", json::array()}});
    }
    sections.back()["articles"].push_back(ArticleLink(a, lang));
  }
  // A list of questions goes by the questions' own numbers.
  if (questions == articles.size()) {
    for (json& s : sections) s["questions"] = true;
  }
  const knowledge::Article& first = *articles.front();
  json ctx = DocumentFacts(first, t);
  ctx["count"] = ArticleCount(articles.size(), questions, t);
  ctx["sections"] = std::move(sections);
  ctx["knowledge_url"] = paths::Knowledge(lang);
  ctx["home_url"] = paths::Home(lang);
  return Render(200, lang, "knowledge_document", ctx, first.source.document,
                paths::KnowledgeDocument(OtherLang(lang), key));
}

http::Response FrontOffice::ArticlePage(const http::Request& r, Lang lang) const {
  auto snap = knowledge_.Current();
  const json& t = site_.Texts(lang);
  const knowledge::Article* a = snap ? snap->Find(r.Param("id")) : nullptr;
  const std::string today = Today();
  if (!a || !knowledge::IsVisible(*a, today)) {
    return ErrorPage(404, lang, "not_found_heading", "not_found_text");
  }
  // Imported articles are in Dutch; the English site shows them as they
  // are, marked as Dutch.
  Lang content_lang = a->ContentLang(lang);
  bool translated = content_lang == lang;
  // The breadcrumb names a question by its number ("Vraag 12"), a long
  // question sentence would not fit.
  bool numbered = !a->source.number.empty();
  std::string crumb = numbered
                          ? Capitalised(t.value("question_number", "")) + " " + a->source.number
                          : a->title.In(content_lang);
  json ctx = {{"title", a->title.In(content_lang)},
              {"crumb", crumb},
              {"crumb_translated", numbered || translated},
              {"heading", a->heading},
              {"question", ArticleBlocks(a->question.In(content_lang))},
              {"has_question", !a->question.In(content_lang).empty()},
              {"body", ArticleBlocks(a->body.In(content_lang))},
              {"source", SourceLabel(a->source, t)},
              {"has_source", !a->source.document.empty()},
              {"date", HumanDate(a->source.date, t)},
              {"date_iso", a->source.date},
              {"has_date", !a->source.date.empty()},
              {"tags", a->tags},
              {"has_tags", !a->tags.empty()},
              {"valid_until", HumanDate(a->valid_until, t)},
              {"has_valid_until", !a->valid_until.empty()},
              {"content_lang", std::string(LangCode(content_lang))},
              {"untranslated", !translated},
              {"knowledge_url", paths::Knowledge(lang)},
              {"home_url", paths::Home(lang)}};
  if (!a->source.document_key.empty()) {
    ctx["document"] = {{"title", a->source.document},
                       {"url", paths::KnowledgeDocument(lang, a->source.document_key)}};
  }
  // The neighbouring articles of the same document.
  const std::vector<const knowledge::Article*> siblings =
      DocumentArticles(snap.get(), a->source.document_key, today);
  const auto self = std::find(siblings.begin(), siblings.end(), a);
  const knowledge::Article* prev = nullptr;
  const knowledge::Article* next = nullptr;
  if (self != siblings.end()) {
    if (self != siblings.begin()) prev = *(self - 1);
    if (self + 1 != siblings.end()) next = *(self + 1);
  }
  // An answer that only refers to others ("Zie het antwoord op vraag 11.")
  // shows them below it.
  json referred = json::array();
  for (const knowledge::Article* other : snap->Referred(*a, today)) {
    Lang other_lang = other->ContentLang(lang);
    json link = ArticleLink(*other, lang);
    link["id"] = other->id;
    link["body"] = ArticleBlocks(other->body.In(other_lang));
    link["content_lang"] = std::string(LangCode(other_lang));
    referred.push_back(std::move(link));
  }
  ctx["referred"] = std::move(referred);
  if (prev) ctx["prev"] = ArticleLink(*prev, lang);
  if (next) ctx["next"] = ArticleLink(*next, lang);
  ctx["has_neighbours"] = prev || next;
  return Render(200, lang, "article", ctx, a->title.In(content_lang),
                paths::KnowledgeArticle(OtherLang(lang), a->id));
}

}  // namespace loket::frontoffice

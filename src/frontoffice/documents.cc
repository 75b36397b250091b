#include "frontoffice/documents.h"

#include <algorithm>

#include "core/strings.h"
#include "site/paths.h"

namespace loket::frontoffice {
namespace paths = site::paths;

namespace {

// A knowledge article: the question weighs like a summary (people ask in
// their own words what the document asked), the answer or passage like a
// body, a letter's section heading as part of it. The title (a question
// sentence, a heading) is shown, not searched: weighting it drowned the
// rest of the passage. An answer that only refers to others ("Zie het
// antwoord op vraag 11.") is searched and shown with them. A hit carries
// the whole passage and its source.
void AddArticles(const knowledge::Snapshot& knowledge, std::string_view today,
                 std::vector<search::Document>& docs) {
  for (const knowledge::Article* a : knowledge.Visible(today)) {
    for (Lang lang : {Lang::kNl, Lang::kEn}) {
      if (a->ContentLang(lang) != lang) continue;  // no translation
      search::Document d;
      d.type = "knowledge";
      d.id = a->id;
      d.lang = lang;
      d.title = a->title.In(lang);
      d.index_title = false;
      d.summary = a->question.In(lang);
      d.body = knowledge.CompleteAnswer(*a, lang, today);
      if (d.summary.empty() && !a->heading.empty()) d.body = a->heading + "\n\n" + d.body;
      d.keywords = a->tags;
      d.full_text = knowledge.CompleteText(*a, lang, today);
      d.url = paths::KnowledgeArticle(lang, a->id);
      if (!a->source.document_key.empty()) d.facets["document"] = {a->source.document_key};
      const knowledge::Source& s = a->source;
      d.attributes = {{"document", s.document},
                      {"reference", s.reference},
                      {"date", s.date},
                      {"number", s.number},
                      {"heading", a->heading}};
      docs.push_back(std::move(d));
    }
  }
}

}  // namespace

bool IsSearchType(std::string_view type) {
  return std::find(kSearchTypes.begin(), kSearchTypes.end(), type) != kSearchTypes.end();
}

std::vector<search::Document> BuildSearchDocuments(const catalogue::Snapshot& snapshot,
                                                   const knowledge::Snapshot& knowledge,
                                                   std::string_view today) {
  std::vector<search::Document> docs;
  const catalogue::Content& c = snapshot.content();
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    for (const catalogue::Service& s : c.services) {
      if (!s.published) continue;
      search::Document d;
      d.type = "service";
      d.id = s.id;
      d.lang = lang;
      d.title = s.title.In(lang);
      d.summary = s.summary.In(lang);
      const catalogue::Organisation* org = snapshot.FindOrganisation(s.organisation_id);
      std::vector<std::string> body = {s.audience.In(lang), Join(s.needs.In(lang), ". "),
                                       s.how.In(lang), s.cost.In(lang), s.duration.In(lang)};
      if (org) body.push_back(org->name.In(lang) + " " + org->abbreviation);
      d.body = Join(body, "\n");
      d.keywords = s.keywords.In(lang);
      d.url = paths::Service(lang, s.id);
      d.facets["organisation"] = {s.organisation_id};
      for (const catalogue::LifeEvent* e : snapshot.LifeEventsWith(s.id)) {
        d.facets["life-event"].push_back(e->id);
      }
      d.popularity = s.popularity;
      docs.push_back(std::move(d));
    }
    for (const catalogue::LifeEvent& e : c.life_events) {
      search::Document d;
      d.type = "life-event";
      d.id = e.id;
      d.lang = lang;
      d.title = e.title.In(lang);
      d.summary = e.summary.In(lang);
      std::vector<std::string> body;
      for (const auto& step : e.steps) {
        if (const catalogue::Service* s = snapshot.FindService(step.service_id)) {
          body.push_back(s->title.In(lang));
        }
      }
      d.body = Join(body, ". ");
      d.url = paths::LifeEvent(lang, e.id);
      d.facets["life-event"] = {e.id};
      d.popularity = 60;
      docs.push_back(std::move(d));
    }
    for (const catalogue::Country& country : c.countries) {
      search::Document d;
      d.type = "country";
      d.id = country.code;
      d.lang = lang;
      d.title = country.name.In(lang);
      std::vector<std::string> posts;
      for (const catalogue::Post* p : snapshot.PostsIn(country.code)) {
        posts.push_back(p->name.In(lang));
      }
      d.summary = Join(posts, ", ");
      d.keywords = {country.name.nl, country.name.en};
      d.url = paths::Country(lang, country.code);
      d.facets["country"] = {country.code};
      d.popularity = 10;
      docs.push_back(std::move(d));
    }
    for (const catalogue::Post& p : c.posts) {
      search::Document d;
      d.type = "post";
      d.id = p.id;
      d.lang = lang;
      d.title = p.name.In(lang);
      const catalogue::Country* country = snapshot.FindCountry(p.country_code);
      d.summary = p.city.In(lang) + (country ? ", " + country->name.In(lang) : "");
      d.body = p.address;
      d.keywords = {p.city.nl, p.city.en};
      if (country) {
        d.keywords.push_back(country->name.nl);
        d.keywords.push_back(country->name.en);
      }
      d.url = paths::Post(lang, p.id);
      d.facets["country"] = {p.country_code};
      d.popularity = 5;
      docs.push_back(std::move(d));
    }
  }
  AddArticles(knowledge, today, docs);
  return docs;
}

}  // namespace loket::frontoffice

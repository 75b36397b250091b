// The public front office: the HTML pages in Dutch and English and the
// JSON API under /api/v1. Handlers parse the request, call the catalogue or
// the search index, and render; they hold no state of their own.
// Thread-safety: handlers may run on many threads at once.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "catalogue/catalogue.h"
#include "core/clock.h"
#include "core/lang.h"
#include "http/request.h"
#include "http/server.h"
#include "knowledge/knowledge_base.h"
#include "search/search_index.h"
#include "site/paths.h"
#include "site/site.h"

namespace loket::frontoffice {

namespace paths = site::paths;

class FrontOffice {
 public:
  FrontOffice(catalogue::Catalogue& catalogue, knowledge::KnowledgeBase& knowledge,
              const search::SearchIndex& index, const site::Site& site, Clock clock);

  void RegisterPages(http::Server& server);
  void RegisterApi(http::Server& server, std::string openapi_json);
  // The 404 page (HTML) or problem (API), for requests no route matched.
  http::Response NotFound(const http::Request& request) const;

 private:
  http::Response Home(const http::Request& r, Lang lang) const;
  http::Response SearchPage(const http::Request& r, Lang lang) const;
  http::Response ServicesPage(const http::Request& r, Lang lang) const;
  http::Response ServicePage(const http::Request& r, Lang lang) const;
  http::Response LifeEventPage(const http::Request& r, Lang lang) const;
  http::Response CountriesPage(const http::Request& r, Lang lang) const;
  http::Response CountryPage(const http::Request& r, Lang lang) const;
  http::Response PostPage(const http::Request& r, Lang lang) const;
  http::Response KnowledgePage(const http::Request& r, Lang lang) const;
  http::Response ArticlePage(const http::Request& r, Lang lang) const;
  http::Response DocumentPage(const http::Request& r, Lang lang) const;

  http::Response ApiServices(const http::Request& r) const;
  http::Response ApiService(const http::Request& r) const;
  http::Response ApiLifeEvents(const http::Request& r) const;
  http::Response ApiLifeEvent(const http::Request& r) const;
  http::Response ApiCountries(const http::Request& r) const;
  http::Response ApiCountry(const http::Request& r) const;
  http::Response ApiPosts(const http::Request& r) const;
  http::Response ApiPost(const http::Request& r) const;
  http::Response ApiOrganisations(const http::Request& r) const;
  http::Response ApiSearch(const http::Request& r) const;
  http::Response ApiKnowledge(const http::Request& r) const;
  http::Response ApiArticle(const http::Request& r) const;

  // Renders `page` inside the layout. `alternate` is this page's URL in the
  // other language.
  http::Response Render(int status, Lang lang, const std::string& page, nlohmann::json context,
                        const std::string& title, const std::string& alternate) const;
  http::Response ErrorPage(int status, Lang lang, const std::string& heading_key,
                           const std::string& text_key) const;
  std::shared_ptr<const catalogue::Snapshot> Snapshot() const;
  // Today's date (YYYY-MM-DD, UTC): knowledge articles past their validity
  // are no longer shown.
  std::string Today() const;

  catalogue::Catalogue& catalogue_;
  knowledge::KnowledgeBase& knowledge_;
  const search::SearchIndex& index_;
  const site::Site& site_;
  Clock clock_;
};

}  // namespace loket::frontoffice

// The site's pages: interface texts per language and the layout every HTML
// page is rendered in, for the public site, the pages behind a login and
// the staff area alike.
// Thread-safety: Render() and the accessors may be called from many
// threads; the object is immutable after construction.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/lang.h"
#include "core/status.h"
#include "http/request.h"
#include "http/templates.h"

namespace loket::site {

// Interface texts per language, from web/i18n/<lang>.json.
struct UiTexts {
  nlohmann::json nl;
  nlohmann::json en;
  const nlohmann::json& In(Lang lang) const { return lang == Lang::kNl ? nl : en; }
  static Result<UiTexts> Load(const std::filesystem::path& directory);
};

// Which part of the site a page belongs to: it decides the navigation.
enum class Area { kPublic, kStaff };

// The signed-in person a page is shown to, for the header: their name and
// a button to log out (a form, so it carries the CSRF token).
struct Viewer {
  struct Link {
    std::string url;
    std::string label_key;  // a key of the interface texts
  };
  std::string name;
  // In the staff area: the menu items this person may use.
  std::vector<Link> links;
  std::string home_url;  // their own start page
  std::string logout_url;
  std::string csrf_token;
};

struct Page {
  int status = 200;
  Lang lang = Lang::kNl;
  std::string template_name;
  nlohmann::json context = nlohmann::json::object();
  std::string title;
  std::string alternate;  // this page's URL in the other language
  Area area = Area::kPublic;
  const Viewer* viewer = nullptr;
};

class Site {
 public:
  Site(const http::Templates& templates, UiTexts texts);

  // Renders the page's template inside the layout.
  http::Response Render(Page page) const;
  // A page with a heading and a text (both keys of the interface texts).
  http::Response ErrorPage(int status, Lang lang, const std::string& heading_key,
                           const std::string& text_key, Area area = Area::kPublic,
                           const Viewer* viewer = nullptr) const;
  const nlohmann::json& Texts(Lang lang) const { return texts_.In(lang); }

 private:
  const http::Templates& templates_;
  UiTexts texts_;
  // {"t": texts} per language, converted for the templates once.
  std::shared_ptr<const http::Templates::Shared> shared_nl_, shared_en_;
};

}  // namespace loket::site

#include "site/site.h"

#include <fstream>

#include "core/log.h"
#include "site/paths.h"

namespace loket::site {
namespace {

using nlohmann::json;

http::Response RenderFailed(const Status& status) {
  Log(LogLevel::kError, "render_failed", status.ToString());
  return http::HtmlResponse(500, "<!doctype html><title>Error</title><p>Error</p>");
}

json Navigation(Area area, Lang lang, const json& t, const Viewer* viewer) {
  json nav = json::array();
  auto add = [&](const std::string& url, const std::string& key) {
    nav.push_back({{"url", url}, {"label", t.value(key, "")}});
  };
  if (area == Area::kStaff) {
    add(paths::Staff(lang), "nav_staff_home");
    if (viewer) {
      for (const Viewer::Link& link : viewer->links) add(link.url, link.label_key);
    }
  } else {
    add(paths::Services(lang), "nav_services");
    add(paths::Countries(lang), "nav_countries");
    add(paths::Knowledge(lang), "nav_knowledge");
    add(paths::MyLoket(lang), "nav_my_loket");
  }
  return nav;
}

}  // namespace

Result<UiTexts> UiTexts::Load(const std::filesystem::path& directory) {
  UiTexts texts;
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    std::ifstream in(directory / (std::string(LangCode(lang)) + ".json"));
    if (!in) return NotFound("interface texts missing in " + directory.string());
    json j = json::parse(in, nullptr, false);
    if (!j.is_object()) return InvalidArgument("interface texts are not a JSON object");
    (lang == Lang::kNl ? texts.nl : texts.en) = std::move(j);
  }
  return texts;
}

Site::Site(const http::Templates& templates, UiTexts texts)
    : templates_(templates),
      texts_(std::move(texts)),
      shared_nl_(http::Templates::Prepare({{"t", texts_.nl}})),
      shared_en_(http::Templates::Prepare({{"t", texts_.en}})) {}

http::Response Site::Render(Page page) const {
  const Lang lang = page.lang;
  const http::Templates::Shared* shared = lang == Lang::kNl ? shared_nl_.get() : shared_en_.get();
  page.context["lang"] = std::string(LangCode(lang));
  auto body = templates_.Render(page.template_name, page.context, shared);
  if (!body.ok()) return RenderFailed(body.status());
  json layout = {{"lang", std::string(LangCode(lang))},
                 {"title", page.title},
                 {"body", *body},
                 {"alternate_url", page.alternate},
                 {"alternate_lang", std::string(LangCode(OtherLang(lang)))},
                 {"home_url", page.area == Area::kStaff ? paths::Staff(lang) : paths::Home(lang)},
                 {"nav", Navigation(page.area, lang, Texts(lang), page.viewer)},
                 {"staff", page.area == Area::kStaff},
                 {"search_url", paths::Search(lang)},
                 {"q", page.context.value("q", "")}};
  if (page.viewer) {
    layout["viewer"] = {{"name", page.viewer->name},
                        {"home_url", page.viewer->home_url},
                        {"logout_url", page.viewer->logout_url},
                        {"csrf_token", page.viewer->csrf_token}};
  }
  auto html = templates_.Render("layout", layout, shared);
  if (!html.ok()) return RenderFailed(html.status());
  http::Response r = http::HtmlResponse(page.status, std::move(html).value());
  r.SetHeader("Content-Language", std::string(LangCode(lang)));
  // Pages behind a login are personal: no cache may keep them.
  if (page.viewer) r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::Response Site::ErrorPage(int status, Lang lang, const std::string& heading_key,
                               const std::string& text_key, Area area, const Viewer* viewer) const {
  const json& t = Texts(lang);
  Page page;
  page.status = status;
  page.lang = lang;
  page.template_name = "error";
  page.context = {{"heading", t.value(heading_key, "")},
                  {"text", t.value(text_key, "")},
                  {"search_url", paths::Search(lang)},
                  {"home_url", area == Area::kStaff ? paths::Staff(lang) : paths::Home(lang)}};
  page.title = t.value(heading_key, "");
  page.alternate =
      area == Area::kStaff ? paths::Staff(OtherLang(lang)) : paths::Home(OtherLang(lang));
  page.area = area;
  page.viewer = viewer;
  return Render(std::move(page));
}

}  // namespace loket::site

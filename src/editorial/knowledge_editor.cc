#include "editorial/knowledge_editor.h"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "core/log.h"
#include "core/strings.h"
#include "editorial/internal/content_type.h"
#include "identity/principal.h"
#include "site/paths.h"

namespace loket::editorial {
namespace {

using identity::Principal;
using identity::Realm;
using knowledge::Article;
using nlohmann::json;
namespace paths = site::paths;

constexpr size_t kMaxDocumentTitle = 300;
constexpr size_t kMaxSuggestedId = 80;

// Ids the editor's own paths use: an article with one of them could not
// be opened for editing.
constexpr std::array<std::string_view, 4> kReservedIds = {"nieuw", "new", "importeren", "import"};

// A text as typed in a form: browsers send CRLF line breaks; the knowledge
// base splits paragraphs at "\n\n".
std::string Multiline(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += text[i];
    }
  }
  return std::string(Trim(out));
}

// The article form as the editor filled it in.
struct ArticleForm {
  std::string id;
  std::string title_nl, title_en;
  std::string question_nl, question_en;
  std::string body_nl, body_en;
  std::string heading;
  std::string tags;  // comma-separated
  std::string valid_until;
  bool published = false;
  std::string changed;  // the article's updated_at when the form was opened
};

ArticleForm ReadForm(const http::Request& r) {
  ArticleForm f;
  f.id = AsciiLower(Trim(r.Form("id")));
  f.title_nl = Trim(r.Form("title_nl"));
  f.title_en = Trim(r.Form("title_en"));
  f.question_nl = Multiline(r.Form("question_nl"));
  f.question_en = Multiline(r.Form("question_en"));
  f.body_nl = Multiline(r.Form("body_nl"));
  f.body_en = Multiline(r.Form("body_en"));
  f.heading = Trim(r.Form("heading"));
  f.tags = Trim(r.Form("tags"));
  f.valid_until = Trim(r.Form("valid_until"));
  f.published = !r.Form("published").empty();
  f.changed = r.Form("changed");
  return f;
}

ArticleForm FormOf(const Article& a) {
  return {.id = a.id,
          .title_nl = a.title.nl,
          .title_en = a.title.en,
          .question_nl = a.question.nl,
          .question_en = a.question.en,
          .body_nl = a.body.nl,
          .body_en = a.body.en,
          .heading = a.heading,
          .tags = Join(a.tags, ", "),
          .valid_until = a.valid_until,
          .published = a.published,
          .changed = a.updated_at};
}

// Everything the form changes; the id and the source stay.
void Apply(const ArticleForm& f, Article& a) {
  a.title = {f.title_nl, f.title_en};
  a.question = {f.question_nl, f.question_en};
  a.body = {f.body_nl, f.body_en};
  a.heading = f.heading;
  a.tags.clear();
  for (const std::string& tag : Split(f.tags, ',')) {
    std::string_view trimmed = Trim(tag);
    if (!trimmed.empty()) a.tags.emplace_back(trimmed);
  }
  a.valid_until = f.valid_until;
  a.published = f.published;
}

// Where each field the knowledge base names in its errors is on the form,
// and the text that explains it ("id_taken" is the editor's own check).
struct FieldError {
  std::string_view field;
  std::string_view element;
  std::string_view text_key;
};
constexpr std::array<FieldError, 6> kFieldErrors = {{
    {"id", "editor-id", "editor_error_id"},
    {"id_taken", "editor-id", "editor_error_id_taken"},
    {"title", "editor-title-nl", "editor_error_title"},
    {"body", "editor-body-nl", "editor_error_body"},
    {"tags", "editor-tags", "editor_error_tags"},
    {"valid_until", "editor-valid-until", "editor_error_valid_until"},
}};

// "title: at most 300 characters" → "title".
std::string FieldOf(const Status& status) {
  const std::string& m = status.message();
  size_t colon = m.find(':');
  return colon == std::string::npos ? std::string() : m.substr(0, colon);
}

// Every field ValidateArticle finds wrong, not only the first: each wrong
// field is replaced by a valid stand-in and the article checked again.
std::vector<std::string> InvalidFields(Article a) {
  std::vector<std::string> fields;
  for (size_t round = 0; round <= kFieldErrors.size(); ++round) {
    Status checked = knowledge::ValidateArticle(a);
    if (checked.ok()) break;
    std::string field = FieldOf(checked);
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) break;
    fields.push_back(field);
    if (field == "id") {
      a.id = "x";
    } else if (field == "title") {
      a.title = {"x", ""};
    } else if (field == "body") {
      a.body = {"x", ""};
      a.question = {};
    } else if (field == "tags") {
      a.tags.clear();
    } else if (field == "valid_until") {
      a.valid_until.clear();
    } else {
      break;  // a rule this form does not know: shown as a general error
    }
  }
  return fields;
}

// Latin letters with accents as their plain letters, for ids suggested from
// Dutch titles ("België" → "belgie"); U+00C0…U+00FF, '-' for none.
constexpr std::array<std::string_view, 64> kLatin1Letters = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "-", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "-", "o", "u", "u", "u", "u", "y", "th", "y"};

// An id made from a title: "Paspoort kwijt in België?" → "paspoort-kwijt-in-belgie".
std::string Slugify(std::string_view title) {
  std::string raw;
  for (size_t i = 0; i < title.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    if (std::isalnum(c)) {
      raw += static_cast<char>(std::tolower(c));
    } else if (c == '\'') {
      // "Nederland's" → "nederlands"
    } else if (c == 0xC3 && i + 1 < title.size()) {
      unsigned char next = static_cast<unsigned char>(title[++i]);
      raw += next >= 0x80 && next <= 0xBF ? kLatin1Letters[next - 0x80] : "-";
    } else if (title.substr(i, 3) == "\u2019") {  // a typographic apostrophe
      i += 2;
    } else {
      raw += '-';
    }
  }
  std::string slug;
  for (char c : raw) {
    if (c == '-' && (slug.empty() || slug.back() == '-')) continue;
    slug += c;
  }
  if (slug.size() > kMaxSuggestedId) {
    size_t cut = slug.rfind('-', kMaxSuggestedId);
    slug.resize(cut == std::string::npos || cut == 0 ? kMaxSuggestedId : cut);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

// Whether a YYYY-MM-DD date exists on the calendar (the knowledge base
// checks the pattern only).
bool RealDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const date::year_month_day day{date::year{std::stoi(text.substr(0, 4))},
                                 date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  return day.ok();
}

// The fields wrong in `a`, by the knowledge base's rules and the calendar.
std::vector<std::string> FormErrors(const Article& a) {
  std::vector<std::string> errors = InvalidFields(a);
  if (!a.valid_until.empty() && !RealDate(a.valid_until) &&
      std::find(errors.begin(), errors.end(), "valid_until") == errors.end()) {
    errors.push_back("valid_until");
  }
  return errors;
}

bool Reserved(std::string_view id) {
  return std::find(kReservedIds.begin(), kReservedIds.end(), id) != kReservedIds.end();
}

// "2026-11-25T09:30:00Z" → "2026-11-25 09:30 UTC".
std::string ChangedAt(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

json StatusOf(const Article& a, const std::string& today, const json& t) {
  if (!a.published) {
    return {{"text", t.value("editor_status_unpublished", "")}, {"class", "status-unpublished"}};
  }
  if (!knowledge::IsVisible(a, today)) {
    return {{"text", t.value("editor_status_expired", "")}, {"class", "status-expired"}};
  }
  return {{"text", t.value("editor_status_published", "")}, {"class", "status-published"}};
}

// The button that publishes or unpublishes `a`; `back` says where to
// return to: "list" or "article".
json PublicationButton(Lang lang, const Article& a, const std::string& back, const json& t) {
  return {
      {"action", paths::KnowledgeEditorPublication(lang, a.id)},
      {"value", a.published ? "0" : "1"},
      {"back", back},
      {"label", t.value(a.published ? "editor_unpublish_button" : "editor_publish_button", "")}};
}

// The notices shown after a redirect, by their query parameter per language.
enum NoticeKind : size_t { kSaved, kPublished, kUnpublished };
struct Notice {
  const char* nl;
  const char* en;
  const char* text_key;
};
constexpr std::array<Notice, 3> kNotices = {{
    {"opgeslagen", "saved", "editor_notice_saved"},
    {"gepubliceerd", "published", "editor_notice_published"},
    {"offline", "unpublished", "editor_notice_unpublished"},
}};

std::string WithNotice(Lang lang, const std::string& url, NoticeKind notice,
                       const std::string& id) {
  const Notice& n = kNotices[notice];
  return url + "?" + (lang == Lang::kNl ? n.nl : n.en) + "=" + paths::EncodeQuery(id);
}

// The notice a redirect asked for, with a link to the article it was about.
void AddNotice(const http::Request& r, Lang lang, const knowledge::Snapshot& snap, const json& t,
               json& ctx) {
  for (const Notice& n : kNotices) {
    auto id = r.Query(lang == Lang::kNl ? n.nl : n.en);
    if (!id) continue;
    ctx["notice"] = t.value(n.text_key, "");
    if (const Article* a = snap.Find(*id)) {
      ctx["notice_title"] = a->title.nl;
      ctx["notice_url"] = paths::KnowledgeEditorArticle(lang, a->id);
    }
    return;
  }
}

// The upload's file name without the client's directories.
std::string BaseName(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  return std::string(Trim(name));
}

}  // namespace

KnowledgeEditor::KnowledgeEditor(const auth::Guard& guard, knowledge::KnowledgeBase& knowledge,
                                 Clock clock)
    : guard_(guard), knowledge_(knowledge), clock_(std::move(clock)) {
  auto sniffer = internal::ContentSniffer::Open();
  if (sniffer.ok()) {
    sniffer_ = std::move(sniffer).value();
  } else {
    Log(LogLevel::kError, "libmagic_unavailable", sniffer.status().ToString());
  }
}

KnowledgeEditor::~KnowledgeEditor() = default;

void KnowledgeEditor::Register(http::Server& server) {
  using http::Method;
  auto editors = [](const Principal& p) {
    return identity::Allows(p, identity::Permission::kEditKnowledge);
  };
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    auto route = [&](Method method, const std::string& pattern, auto member) {
      server.Route(method, pattern,
                   guard_.Require(Realm::kStaff, lang, editors,
                                  [this, member](const http::Request& r, auth::Visit& v) {
                                    return (this->*member)(r, v);
                                  }));
    };
    // The fixed paths before the article's: the router takes the first match.
    route(Method::kGet, paths::KnowledgeEditor(lang), &KnowledgeEditor::List);
    route(Method::kGet, paths::KnowledgeEditorNew(lang), &KnowledgeEditor::NewForm);
    route(Method::kPost, paths::KnowledgeEditorNew(lang), &KnowledgeEditor::Create);
    route(Method::kGet, paths::KnowledgeEditorImport(lang), &KnowledgeEditor::ImportForm);
    route(Method::kPost, paths::KnowledgeEditorImport(lang), &KnowledgeEditor::Import);
    route(Method::kGet, paths::KnowledgeEditorArticle(lang, ":id"), &KnowledgeEditor::EditForm);
    route(Method::kPost, paths::KnowledgeEditorArticle(lang, ":id"), &KnowledgeEditor::Update);
    route(Method::kPost, paths::KnowledgeEditorPublication(lang, ":id"),
          &KnowledgeEditor::Publication);
  }
}

std::string KnowledgeEditor::Today() const {
  return date::format("%F", date::floor<date::days>(clock_()));
}

void KnowledgeEditor::Audit(const http::Request& r, const auth::Visit& v, std::string action,
                            std::string object_type, std::string object_id, audit::Outcome outcome,
                            std::string detail) const {
  guard_.Audit(r, v.session.principal.Actor(), std::move(action), std::move(object_type),
               std::move(object_id), outcome, std::move(detail));
}

namespace {

http::Response ServiceUnavailable(const site::Site& site, const auth::Visit& v, const char* what,
                                  const Status& status) {
  Log(LogLevel::kError, what, status.ToString());
  return site.ErrorPage(503, v.lang, "error_heading", "error_text", site::Area::kStaff,
                        v.ViewerOrNull());
}

http::Response NotFoundPage(const site::Site& site, const auth::Visit& v) {
  return site.ErrorPage(404, v.lang, "not_found_heading", "not_found_text", site::Area::kStaff,
                        v.ViewerOrNull());
}

// The article form, new or for `existing`, with the values `f` and the
// errors found in them.
http::Response ShowForm(const site::Site& site, const auth::Visit& v, const ArticleForm& f,
                        const Article* existing, const std::vector<std::string>& error_fields,
                        const std::string& today, int status, const json& extra = json::object()) {
  const Lang lang = v.lang;
  const json& t = site.Texts(lang);
  const bool creating = existing == nullptr;
  json ctx = {{"creating", creating},
              {"action", creating ? paths::KnowledgeEditorNew(lang)
                                  : paths::KnowledgeEditorArticle(lang, existing->id)},
              {"csrf_token", v.session.csrf_token},
              {"list_url", paths::KnowledgeEditor(lang)},
              {"id", f.id},
              {"title_nl", f.title_nl},
              {"title_en", f.title_en},
              {"question_nl", f.question_nl},
              {"question_en", f.question_en},
              {"body_nl", f.body_nl},
              {"body_en", f.body_en},
              {"heading", f.heading},
              {"tags", f.tags},
              {"valid_until", f.valid_until},
              {"published", f.published},
              {"changed", f.changed}};
  json errors = json::array();
  for (const std::string& field : error_fields) {
    auto known = std::find_if(kFieldErrors.begin(), kFieldErrors.end(),
                              [&](const FieldError& e) { return e.field == field; });
    if (known == kFieldErrors.end()) {
      errors.push_back(
          {{"element", "editor-title-nl"}, {"text", t.value("editor_error_other", "")}});
      continue;
    }
    std::string text = t.value(std::string(known->text_key), "");
    errors.push_back({{"element", known->element}, {"text", text}});
    // "editor-title-nl" → "title_nl_error"
    std::string slot = std::string(known->element.substr(7));
    std::replace(slot.begin(), slot.end(), '-', '_');
    ctx[slot + "_error"] = text;
  }
  ctx.update(extra);
  ctx["has_field_errors"] = !errors.empty();
  ctx["has_errors"] = !errors.empty() || ctx.contains("conflict");
  ctx["errors"] = std::move(errors);
  std::string heading = t.value(creating ? "editor_new_heading" : "editor_edit_heading", "");
  std::string alternate = paths::KnowledgeEditorNew(OtherLang(lang));
  if (existing) {
    alternate = paths::KnowledgeEditorArticle(OtherLang(lang), existing->id);
    json article = {{"status", StatusOf(*existing, today, t)},
                    {"changed_at", ChangedAt(existing->updated_at)},
                    {"publication", PublicationButton(lang, *existing, "article", t)}};
    if (knowledge::IsVisible(*existing, today)) {
      article["public_url"] = paths::KnowledgeArticle(lang, existing->id);
    }
    if (!existing->source.document_key.empty()) {
      std::vector<std::string> parts = {existing->source.document, existing->source.reference};
      if (!existing->source.number.empty()) {
        parts.push_back(t.value("question_number", "") + " " + existing->source.number);
      }
      std::erase_if(parts, [](const std::string& s) { return s.empty(); });
      article["source"] = Join(parts, ", ");
    }
    ctx["article"] = article;
  }
  return site.Render(v.Page("knowledge_editor_form", ctx, heading, alternate, status));
}

}  // namespace

http::Response KnowledgeEditor::List(const http::Request& r, auth::Visit& v) const {
  const Lang lang = v.lang;
  const json& t = guard_.site().Texts(lang);
  auto snap = knowledge_.Current();
  if (!snap)
    return ServiceUnavailable(guard_.site(), v, "knowledge_unavailable", Internal("no snapshot"));
  const std::string today = Today();
  // Editors' own articles first, then one group per document in the
  // knowledge base's order.
  json own = {{"id", "own-articles"},
              {"title", t.value("editor_own_heading", "")},
              {"articles", json::array()}};
  json groups = json::array();
  std::map<std::string, size_t> group_of;
  size_t published = 0;
  for (const Article& a : snap->articles()) {
    published += knowledge::IsVisible(a, today);
    json row = {{"url", paths::KnowledgeEditorArticle(lang, a.id)},
                {"title", a.title.nl},
                {"number", a.source.number},
                {"status", StatusOf(a, today, t)},
                {"changed_at", ChangedAt(a.updated_at)},
                {"publication", PublicationButton(lang, a, "list", t)}};
    if (a.source.document_key.empty()) {
      own["articles"].push_back(std::move(row));
      continue;
    }
    auto [it, added] = group_of.emplace(a.source.document_key, groups.size());
    if (added) {
      groups.push_back({{"id", "doc-" + a.source.document_key},
                        {"title", a.source.document},
                        {"reference", a.source.reference},
                        {"date", a.source.date},
                        {"articles", json::array()}});
    }
    groups[it->second]["articles"].push_back(std::move(row));
  }
  own["empty"] = own["articles"].empty();
  groups.insert(groups.begin(), std::move(own));
  json ctx = {{"groups", groups},
              {"total", snap->articles().size()},
              {"published", published},
              {"csrf_token", v.session.csrf_token},
              {"new_url", paths::KnowledgeEditorNew(lang)},
              {"import_url", paths::KnowledgeEditorImport(lang)}};
  AddNotice(r, lang, *snap, t, ctx);
  return guard_.site().Render(v.Page("knowledge_editor", ctx, t.value("editor_heading", ""),
                                     paths::KnowledgeEditor(OtherLang(lang))));
}

http::Response KnowledgeEditor::NewForm(const http::Request&, auth::Visit& v) const {
  return ShowForm(guard_.site(), v, ArticleForm{}, nullptr, {}, Today(), 200);
}

http::Response KnowledgeEditor::Create(const http::Request& r, auth::Visit& v) const {
  ArticleForm f = ReadForm(r);
  // The latest articles, so that an id taken a moment ago elsewhere is seen.
  Status refreshed = knowledge_.Refresh();
  if (!refreshed.ok())
    return ServiceUnavailable(guard_.site(), v, "knowledge_unavailable", refreshed);
  auto snap = knowledge_.Current();
  const bool suggested = f.id.empty();
  Article a;
  if (suggested) {
    // An id from the title, made unique: "paspoort-kwijt", "paspoort-kwijt-2", …
    std::string base = Slugify(f.title_nl);
    a.id = base;
    for (int n = 2; !base.empty() && (snap->Find(a.id) || Reserved(a.id)) && n < 1000; ++n) {
      a.id = base + "-" + std::to_string(n);
    }
  } else {
    a.id = f.id;
  }
  Apply(f, a);
  a.source = {};
  std::vector<std::string> errors = FormErrors(a);
  // Without a title there is nothing to make an id from: the title's
  // error says what to do.
  if (suggested && a.id.empty()) std::erase(errors, "id");
  if (!suggested && IsSlug(a.id) && (snap->Find(a.id) || Reserved(a.id))) {
    errors.insert(errors.begin(), "id_taken");
  }
  if (!errors.empty()) return ShowForm(guard_.site(), v, f, nullptr, errors, Today(), 422);
  Status saved = knowledge_.Save(a);
  if (saved.code() == StatusCode::kInvalidArgument) {
    return ShowForm(guard_.site(), v, f, nullptr, {FieldOf(saved)}, Today(), 422);
  }
  if (!saved.ok()) return ServiceUnavailable(guard_.site(), v, "knowledge_save_failed", saved);
  Audit(r, v, "create", "knowledge_article", a.id, audit::Outcome::kSuccess,
        a.published ? "published" : "not published");
  return http::RedirectResponse(303,
                                WithNotice(v.lang, paths::KnowledgeEditor(v.lang), kSaved, a.id));
}

http::Response KnowledgeEditor::EditForm(const http::Request& r, auth::Visit& v) const {
  auto snap = knowledge_.Current();
  const Article* a = snap ? snap->Find(r.Param("id")) : nullptr;
  if (!a) return NotFoundPage(guard_.site(), v);
  json notice = json::object();
  AddNotice(r, v.lang, *snap, guard_.site().Texts(v.lang), notice);
  return ShowForm(guard_.site(), v, FormOf(*a), a, {}, Today(), 200, notice);
}

http::Response KnowledgeEditor::Update(const http::Request& r, auth::Visit& v) const {
  Status refreshed = knowledge_.Refresh();
  if (!refreshed.ok())
    return ServiceUnavailable(guard_.site(), v, "knowledge_unavailable", refreshed);
  auto snap = knowledge_.Current();
  const Article* existing = snap->Find(r.Param("id"));
  if (!existing) return NotFoundPage(guard_.site(), v);
  ArticleForm f = ReadForm(r);
  f.id = existing->id;
  // Someone else saved the article after this form was opened: their
  // change is not overwritten unseen. The form keeps this editor's text
  // and now carries the newer time, so saving again is a decision.
  if (f.changed != existing->updated_at) {
    f.changed = existing->updated_at;
    json conflict = {{"conflict", guard_.site().Texts(v.lang).value("editor_error_changed", "")}};
    return ShowForm(guard_.site(), v, f, existing, {}, Today(), 409, conflict);
  }
  Article a = *existing;
  Apply(f, a);
  std::vector<std::string> errors = FormErrors(a);
  if (!errors.empty()) return ShowForm(guard_.site(), v, f, existing, errors, Today(), 422);
  Status saved = knowledge_.Save(a);
  if (saved.code() == StatusCode::kInvalidArgument) {
    return ShowForm(guard_.site(), v, f, existing, {FieldOf(saved)}, Today(), 422);
  }
  if (!saved.ok()) return ServiceUnavailable(guard_.site(), v, "knowledge_save_failed", saved);
  Audit(r, v, "update", "knowledge_article", a.id);
  if (a.published != existing->published) {
    Audit(r, v, a.published ? "publish" : "unpublish", "knowledge_article", a.id);
  }
  return http::RedirectResponse(303,
                                WithNotice(v.lang, paths::KnowledgeEditor(v.lang), kSaved, a.id));
}

http::Response KnowledgeEditor::Publication(const http::Request& r, auth::Visit& v) const {
  const std::string& id = r.Param("id");
  const std::string value = r.Form("published");
  if (value != "0" && value != "1") {
    return guard_.site().ErrorPage(400, v.lang, "error_heading", "error_text", site::Area::kStaff,
                                   v.ViewerOrNull());
  }
  const bool publish = value == "1";
  Status changed = knowledge_.SetPublished(id, publish);
  if (changed.code() == StatusCode::kNotFound) return NotFoundPage(guard_.site(), v);
  if (!changed.ok()) return ServiceUnavailable(guard_.site(), v, "knowledge_save_failed", changed);
  Audit(r, v, publish ? "publish" : "unpublish", "knowledge_article", id);
  const std::string back = r.Form("back") == "article" ? paths::KnowledgeEditorArticle(v.lang, id)
                                                       : paths::KnowledgeEditor(v.lang);
  return http::RedirectResponse(303,
                                WithNotice(v.lang, back, publish ? kPublished : kUnpublished, id));
}

namespace {

// The upload form, with the errors found and the parser's reason, or the
// report of a finished import.
struct ImportView {
  std::string title;
  std::vector<std::pair<std::string, std::string>> errors;  // element, text
  std::string reason;                                       // the document parser's, in English
  const knowledge::ImportReport* report = nullptr;
};

http::Response ShowImport(const site::Site& site, const auth::Visit& v, const ImportView& view,
                          int status) {
  const Lang lang = v.lang;
  const json& t = site.Texts(lang);
  json ctx = {{"action", paths::KnowledgeEditorImport(lang)},
              {"csrf_token", v.session.csrf_token},
              {"list_url", paths::KnowledgeEditor(lang)},
              {"title", view.title},
              {"reason", view.reason}};
  json errors = json::array();
  for (const auto& [element, text] : view.errors) {
    errors.push_back({{"element", element}, {"text", text}});
    ctx[element == "editor-file" ? "file_error" : "title_error"] = text;
  }
  ctx["errors"] = errors;
  ctx["has_errors"] = !errors.empty();
  std::string heading = t.value("editor_import_heading", "");
  if (const knowledge::ImportReport* report = view.report) {
    const knowledge::SourceDocument& d = report->document;
    ctx["report"] = {
        {"title", d.title},
        {"reference", d.reference},
        {"date", d.date},
        {"kind", t.value(d.kind == knowledge::DocumentKind::kQuestions ? "editor_kind_questions"
                                                                       : "editor_kind_letter",
                         "")},
        {"articles", report->articles},
        {"added", report->changes.added},
        {"updated", report->changes.updated},
        {"removed", report->changes.removed},
        {"missing", Join(report->missing_numbers, ", ")},
        {"list_url", paths::KnowledgeEditor(lang) + "#doc-" + d.key}};
    heading = t.value("editor_report_heading", "");
  }
  return site.Render(v.Page("knowledge_editor_import", ctx, heading,
                            paths::KnowledgeEditorImport(OtherLang(lang)), status));
}

}  // namespace

http::Response KnowledgeEditor::ImportForm(const http::Request&, auth::Visit& v) const {
  return ShowImport(guard_.site(), v, {}, 200);
}

http::Response KnowledgeEditor::Import(const http::Request& r, auth::Visit& v) const {
  const site::Site& site = guard_.site();
  const json& t = site.Texts(v.lang);
  ImportView view;
  view.title = Trim(r.Form("title"));
  const http::UploadedFile* file = r.File("document");
  if (view.title.size() > kMaxDocumentTitle) {
    view.errors.emplace_back("editor-title", t.value("editor_error_document_title", ""));
  }
  if (!file || (file->filename.empty() && file->data.empty())) {
    view.errors.emplace_back("editor-file", t.value("editor_error_file_missing", ""));
  } else if (file->data.empty()) {
    view.errors.emplace_back("editor-file", t.value("editor_error_file_empty", ""));
  }
  if (!view.errors.empty()) return ShowImport(site, v, view, 422);

  std::string name = BaseName(file->filename);
  if (name.empty()) name = "document.txt";
  if (!sniffer_) {
    return ServiceUnavailable(site, v, "libmagic_unavailable", Internal("no magic database"));
  }
  auto type = sniffer_->Identify(file->data);
  if (!type.ok()) return ServiceUnavailable(site, v, "libmagic_failed", type.status());
  if (!type->IsPlainUtf8Text()) {
    std::string text;
    if (type->mime_type == "application/pdf") {
      text = t.value("editor_error_file_pdf", "");
    } else if (type->mime_type == "text/plain") {
      text = t.value("editor_error_file_charset", "");
    } else {
      text = t.value("editor_error_file_type", "") + " " + t.value("editor_error_file_found", "") +
             " " + type->mime_type + ".";
    }
    view.errors.emplace_back("editor-file", text);
    Audit(r, v, "import", "document", name, audit::Outcome::kFailed,
          "not plain UTF-8 text: " + type->mime_type + "; charset=" + type->charset);
    return ShowImport(site, v, view, 415);
  }
  auto report = knowledge_.Import(file->data, name, view.title);
  if (!report.ok()) {
    if (report.status().code() != StatusCode::kInvalidArgument) {
      return ServiceUnavailable(site, v, "knowledge_import_failed", report.status());
    }
    // A motion or an amendment is named as such; other text is no document.
    std::string refusal = "editor_error_not_document";
    if (auto paper = knowledge::RefusedPaperIn(file->data)) {
      refusal = *paper == knowledge::RefusedPaper::kMotion ? "editor_error_motion"
                                                           : "editor_error_amendment";
    }
    view.errors.emplace_back("editor-file", t.value(refusal, ""));
    view.reason = report.status().message();
    Audit(r, v, "import", "document", name, audit::Outcome::kFailed, "refused by the parser");
    return ShowImport(site, v, view, 422);
  }
  Audit(r, v, "import", "document", report->document.key, audit::Outcome::kSuccess,
        name + ": " + std::to_string(report->articles) + " articles, " +
            std::to_string(report->changes.added) + " added, " +
            std::to_string(report->changes.updated) + " updated, " +
            std::to_string(report->changes.removed) + " removed");
  view.report = &*report;
  return ShowImport(site, v, view, 200);
}

}  // namespace loket::editorial

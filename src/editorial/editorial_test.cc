// The knowledge base's editor pages over real HTTP, on both storage
// backends: an editor writes, changes, unpublishes and republishes
// articles; wrong input changes nothing; other staff find nothing (404);
// forms without a CSRF token are refused; documents are uploaded as
// multipart/form-data, recognised by their content, imported and imported
// again; every change is in the audit log. The clock is fake.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "audit/audit_log.h"
#include "auth/testing/browser.h"
#include "auth/testing/staff_site.h"
#include "editorial/knowledge_editor.h"
#include "http/server.h"
#include "knowledge/knowledge_base.h"
#include "knowledge/repository.h"
#include "storage/migrations.h"

namespace loket::editorial {
namespace {

using namespace std::chrono_literals;
using auth::testing::Account;
using auth::testing::Browser;
using auth::testing::CsrfIn;
using auth::testing::Fields;
using auth::testing::HiddenField;
using auth::testing::Reply;
using identity::Role;
using knowledge::Article;

constexpr const char* kList = "/medewerkers/kennisbank";
constexpr const char* kNew = "/medewerkers/kennisbank/nieuw";
constexpr const char* kImport = "/medewerkers/kennisbank/importeren";

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string ReadDocument(const std::string& name) {
  std::ifstream in(std::string(LOKET_DOCUMENTS_DIR) + "/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The start of a PDF file as a PDF writer makes it.
std::string PdfBytes() {
  return std::string(
      "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n"
      "endobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
      "trailer\n<< /Root 1 0 R >>\n%%EOF\n");
}

// A 1x1 PNG image.
std::string PngBytes() {
  const unsigned char png[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
      0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
      0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
      0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00,
      0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(png), sizeof(png));
}

// An editor's article with a Dutch title and text.
Article Simple(const std::string& id, const std::string& title, const std::string& body) {
  Article a;
  a.id = id;
  a.title.nl = title;
  a.body.nl = body;
  return a;
}

// The staff area of StaffSiteTest with the knowledge base and its editor.
class EditorialTest : public auth::testing::StaffSiteTest {
 protected:
  std::span<const storage::Migration> ExtraMigrations() const override {
    return knowledge::KnowledgeMigrations();
  }

  void BeforeStart(http::Server& server) override {
    knowledge_repository_ = knowledge::NewSqlKnowledgeRepository(*db_);
    knowledge_ = std::make_unique<knowledge::KnowledgeBase>(*knowledge_repository_, 0ms);
    ASSERT_TRUE(knowledge_->Refresh().ok());
    editor_ = std::make_unique<KnowledgeEditor>(*guard_, *knowledge_, clock_);
    editor_->Register(server);
  }

  // A browser signed in as a new staff member with these roles.
  Browser SignedIn(const std::string& email, std::vector<Role> roles) {
    Account a = AddStaff(email, "Test " + email, std::move(roles));
    Browser b(server_->port());
    if (a.id == 0) return b;
    Reply done = LogIn(b, a);
    EXPECT_EQ(done.status, 303) << done.body;
    return b;
  }

  Browser Editor() { return SignedIn("redacteur@minbuza.nl", {Role::kEditor}); }

  // The CSRF token of the staff session, from any page of the area.
  std::string Csrf(Browser& b, const std::string& page = kList) {
    Reply r = b.Get(page);
    EXPECT_EQ(r.status, 200) << page;
    return CsrfIn(r.body);
  }

  Fields ArticleFields(Browser& b, Fields fields) {
    fields.insert(fields.begin(), {"csrf_token", Csrf(b, kNew)});
    return fields;
  }

  std::optional<Article> Find(const std::string& id) {
    EXPECT_TRUE(knowledge_->Refresh().ok());
    const Article* a = knowledge_->Current()->Find(id);
    return a ? std::optional<Article>(*a) : std::nullopt;
  }

  size_t ArticleCount() {
    EXPECT_TRUE(knowledge_->Refresh().ok());
    return knowledge_->Current()->articles().size();
  }

  Reply Upload(Browser& b, const std::string& filename, const std::string& data,
               const std::string& content_type = "text/plain", const std::string& title = "") {
    return b.PostMultipart(kImport, {{"csrf_token", Csrf(b, kImport)}, {"title", title}},
                           {{"document", filename, content_type, data}});
  }

  std::unique_ptr<knowledge::KnowledgeRepository> knowledge_repository_;
  std::unique_ptr<knowledge::KnowledgeBase> knowledge_;
  std::unique_ptr<KnowledgeEditor> editor_;
};

TEST_P(EditorialTest, EditorCreatesEditsUnpublishesAndRepublishes) {
  Browser b = Editor();
  Reply home = b.Get("/medewerkers");
  EXPECT_TRUE(Contains(home.body, "href=\"/medewerkers/kennisbank\"")) << "task and menu link";

  Reply created = b.Post(kNew, ArticleFields(b, {{"id", "paspoort-kwijt"},
                                                 {"title_nl", "Paspoort kwijt in het buitenland"},
                                                 {"title_en", "Lost passport abroad"},
                                                 {"question_nl",
                                                  "Wat doe ik als mijn paspoort "
                                                  "kwijt is?"},
                                                 {"body_nl",
                                                  "Doe aangifte.\r\n\r\nVraag een "
                                                  "noodpaspoort aan."},
                                                 {"heading", "Reisdocumenten"},
                                                 {"tags", "paspoort, kwijt , ,noodpaspoort"},
                                                 {"valid_until", "2027-12-31"},
                                                 {"published", "1"}}));
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(created.Header("location"), "/medewerkers/kennisbank?opgeslagen=paspoort-kwijt");
  auto a = Find("paspoort-kwijt");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->title.nl, "Paspoort kwijt in het buitenland");
  EXPECT_EQ(a->title.en, "Lost passport abroad");
  EXPECT_EQ(a->body.nl, "Doe aangifte.\n\nVraag een noodpaspoort aan.") << "CRLF from browsers";
  EXPECT_EQ(a->tags, (std::vector<std::string>{"paspoort", "kwijt", "noodpaspoort"}));
  EXPECT_EQ(a->valid_until, "2027-12-31");
  EXPECT_EQ(a->heading, "Reisdocumenten");
  EXPECT_TRUE(a->published);
  EXPECT_TRUE(a->source.document_key.empty());

  Reply list = b.Get("/medewerkers/kennisbank?opgeslagen=paspoort-kwijt");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "role=\"status\"")) << "the saved notice";
  EXPECT_TRUE(Contains(list.body, "href=\"/medewerkers/kennisbank/paspoort-kwijt\""));
  EXPECT_TRUE(Contains(list.body, "Gepubliceerd"));

  // Editing: the form shows the stored values.
  Reply form = b.Get("/medewerkers/kennisbank/paspoort-kwijt");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"Paspoort kwijt in het buitenland\""));
  EXPECT_TRUE(Contains(form.body, "value=\"paspoort, kwijt, noodpaspoort\""));
  EXPECT_TRUE(Contains(form.body, "href=\"/kennisbank/paspoort-kwijt\"")) << "public link";
  Reply updated = b.Post("/medewerkers/kennisbank/paspoort-kwijt",
                         {{"csrf_token", CsrfIn(form.body)},
                          {"changed", HiddenField(form.body, "changed")},
                          {"id", "ignored-on-update"},
                          {"title_nl", "Paspoort kwijt of gestolen"},
                          {"body_nl", "Doe aangifte bij de politie."},
                          {"tags", ""},
                          {"valid_until", ""},
                          {"published", "1"}});
  ASSERT_EQ(updated.status, 303) << updated.body;
  a = Find("paspoort-kwijt");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->title.nl, "Paspoort kwijt of gestolen");
  EXPECT_TRUE(a->title.en.empty());
  EXPECT_TRUE(a->tags.empty());
  EXPECT_TRUE(a->valid_until.empty());
  EXPECT_FALSE(Find("ignored-on-update"));

  // Unpublishing from the list, republishing from the edit page.
  Reply off = b.Post("/medewerkers/kennisbank/paspoort-kwijt/publicatie",
                     {{"csrf_token", Csrf(b)}, {"published", "0"}, {"back", "list"}});
  ASSERT_EQ(off.status, 303);
  EXPECT_EQ(off.Header("location"), "/medewerkers/kennisbank?offline=paspoort-kwijt");
  a = Find("paspoort-kwijt");
  EXPECT_FALSE(a->published);
  EXPECT_TRUE(knowledge_->Current()->Visible("2026-11-25").empty()) << "gone from the public";
  EXPECT_TRUE(Contains(b.Get(kList).body, "Niet gepubliceerd"));
  Reply on = b.Post("/en/staff/knowledge/paspoort-kwijt/publication",
                    {{"csrf_token", Csrf(b)}, {"published", "1"}, {"back", "article"}});
  ASSERT_EQ(on.status, 303);
  EXPECT_EQ(on.Header("location"), "/en/staff/knowledge/paspoort-kwijt?published=paspoort-kwijt");
  EXPECT_TRUE(Find("paspoort-kwijt")->published);
  EXPECT_EQ(knowledge_->Current()->Visible("2026-11-25").size(), 1u);
  Reply english = b.Get(on.Header("location"));
  EXPECT_EQ(english.status, 200);
  EXPECT_TRUE(Contains(english.body, "The article is now on the website"));
  EXPECT_TRUE(Contains(english.body, "<html lang=\"en\""));

  // Unpublishing through the form's checkbox.
  Reply form2 = b.Get("/medewerkers/kennisbank/paspoort-kwijt");
  Reply unchecked = b.Post("/medewerkers/kennisbank/paspoort-kwijt",
                           {{"csrf_token", CsrfIn(form2.body)},
                            {"changed", HiddenField(form2.body, "changed")},
                            {"title_nl", "Paspoort kwijt of gestolen"},
                            {"body_nl", "Doe aangifte bij de politie."}});
  ASSERT_EQ(unchecked.status, 303) << unchecked.body;
  EXPECT_FALSE(Find("paspoort-kwijt")->published);

  // Every change is in the audit log, with who did it.
  auto creates = Events("create", "knowledge_article");
  ASSERT_EQ(creates.size(), 1u);
  EXPECT_EQ(creates[0].entry.object_id, "paspoort-kwijt");
  EXPECT_EQ(creates[0].entry.actor.rfind("staff:", 0), 0u);
  EXPECT_EQ(creates[0].entry.address, "127.0.0.1");
  EXPECT_EQ(Events("update", "knowledge_article").size(), 2u);
  EXPECT_EQ(Events("unpublish", "knowledge_article").size(), 2u);
  EXPECT_EQ(Events("publish", "knowledge_article").size(), 1u);
}

TEST_P(EditorialTest, AnIdIsSuggestedFromTheTitleAndNeverReused) {
  Browser b = Editor();
  for (int i = 0; i < 2; ++i) {
    Reply r = b.Post(kNew, ArticleFields(b, {{"id", ""},
                                             {"title_nl", "Trouwen in België: wat moet ik doen?"},
                                             {"body_nl", "Vraag de gemeente."}}));
    ASSERT_EQ(r.status, 303) << r.body;
  }
  ASSERT_TRUE(Find("trouwen-in-belgie-wat-moet-ik-doen"));
  ASSERT_TRUE(Find("trouwen-in-belgie-wat-moet-ik-doen-2"));
  EXPECT_FALSE(Find("trouwen-in-belgie-wat-moet-ik-doen")->published) << "new: not published";
  // A title that is one of the editor's own paths gets a number.
  ASSERT_EQ(b.Post(kNew, ArticleFields(b, {{"title_nl", "Nieuw"}, {"body_nl", "Tekst."}})).status,
            303);
  EXPECT_TRUE(Find("nieuw-2"));
  EXPECT_FALSE(Find("nieuw"));
}

TEST_P(EditorialTest, WrongInputChangesNothingAndKeepsWhatWasTyped) {
  Browser b = Editor();
  ASSERT_EQ(b.Post(kNew, ArticleFields(b, {{"id", "bestaat"},
                                           {"title_nl", "Bestaat al"},
                                           {"body_nl", "Tekst."},
                                           {"published", "1"}}))
                .status,
            303);
  const size_t before = ArticleCount();
  const size_t events_before = Events("create", "knowledge_article").size();

  // Every wrong field at once, each with its own message and link.
  Reply bad = b.Post(kNew, ArticleFields(b, {{"id", "Geen Slug!"},
                                             {"title_nl", ""},
                                             {"title_en", "Kept English title"},
                                             {"body_nl", " "},
                                             {"tags", "goed, " + std::string(61, 'x')},
                                             {"valid_until", "2027-02-30x"}}));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "role=\"alert\""));
  for (const char* anchor : {"#editor-id", "#editor-title-nl", "#editor-body-nl", "#editor-tags",
                             "#editor-valid-until"}) {
    EXPECT_TRUE(Contains(bad.body, std::string("href=\"") + anchor + "\"")) << anchor;
  }
  EXPECT_TRUE(Contains(bad.body, "Gebruik voor de korte naam alleen kleine letters"));
  EXPECT_TRUE(Contains(bad.body, "Vul een Nederlandse titel in"));
  EXPECT_TRUE(Contains(bad.body, "Vul een bestaande datum in"));
  EXPECT_TRUE(Contains(bad.body, "aria-invalid=\"true\""));
  EXPECT_TRUE(Contains(bad.body, "value=\"Kept English title\"")) << "typed values stay";
  EXPECT_TRUE(Contains(bad.body, "value=\"2027-02-30x\""));
  EXPECT_FALSE(Contains(bad.body, "YYYY-MM-DD")) << "no internal message is shown";
  EXPECT_FALSE(Contains(bad.body, "at most"));

  // English texts on the English form.
  Reply bad_en = b.Post("/en/staff/knowledge/new",
                        {{"csrf_token", Csrf(b)}, {"id", "ok-id"}, {"body_nl", "Tekst."}});
  EXPECT_EQ(bad_en.status, 422);
  EXPECT_TRUE(Contains(bad_en.body, "Enter a Dutch title")) << bad_en.body;

  // A taken id is not overwritten.
  Reply taken = b.Post(
      kNew, ArticleFields(
                b, {{"id", "bestaat"}, {"title_nl", "Iets anders"}, {"body_nl", "Andere tekst."}}));
  EXPECT_EQ(taken.status, 422);
  EXPECT_TRUE(Contains(taken.body, "al in gebruik"));
  EXPECT_EQ(Find("bestaat")->title.nl, "Bestaat al");
  Reply reserved =
      b.Post(kNew, ArticleFields(b, {{"id", "importeren"}, {"title_nl", "X"}, {"body_nl", "Y"}}));
  EXPECT_EQ(reserved.status, 422);

  // Editing with an error keeps the stored article as it was.
  Reply form = b.Get("/medewerkers/kennisbank/bestaat");
  Reply bad_edit =
      b.Post("/medewerkers/kennisbank/bestaat", {{"csrf_token", CsrfIn(form.body)},
                                                 {"changed", HiddenField(form.body, "changed")},
                                                 {"title_nl", "Nieuwe titel"},
                                                 {"body_nl", ""},
                                                 {"published", "1"}});
  EXPECT_EQ(bad_edit.status, 422);
  EXPECT_TRUE(Contains(bad_edit.body, "value=\"Nieuwe titel\""));
  EXPECT_EQ(Find("bestaat")->title.nl, "Bestaat al");
  EXPECT_EQ(Find("bestaat")->body.nl, "Tekst.");

  // An unknown article, and a publication value that is neither 0 nor 1.
  EXPECT_EQ(b.Get("/medewerkers/kennisbank/bestaat-niet").status, 404);
  EXPECT_EQ(b.Post("/medewerkers/kennisbank/bestaat-niet/publicatie",
                   {{"csrf_token", Csrf(b)}, {"published", "0"}})
                .status,
            404);
  EXPECT_EQ(b.Post("/medewerkers/kennisbank/bestaat/publicatie",
                   {{"csrf_token", Csrf(b)}, {"published", "ja"}})
                .status,
            400);
  EXPECT_TRUE(Find("bestaat")->published);

  EXPECT_EQ(ArticleCount(), before);
  EXPECT_EQ(Events("create", "knowledge_article").size(), events_before);
  EXPECT_TRUE(Events("update", "knowledge_article").empty());
}

TEST_P(EditorialTest, AChangeSomeoneElseMadeIsNotOverwrittenUnseen) {
  Browser b = Editor();
  ASSERT_EQ(
      b.Post(kNew, ArticleFields(b, {{"id", "gedeeld"}, {"title_nl", "Eerst"}, {"body_nl", "A"}}))
          .status,
      303);
  Reply form = b.Get("/medewerkers/kennisbank/gedeeld");
  // Another editor saves in between (a second later: times are in seconds).
  std::this_thread::sleep_for(1100ms);
  Article other = *Find("gedeeld");
  other.title.nl = "Van een ander";
  ASSERT_TRUE(knowledge_->Save(other).ok());

  Reply stale =
      b.Post("/medewerkers/kennisbank/gedeeld", {{"csrf_token", CsrfIn(form.body)},
                                                 {"changed", HiddenField(form.body, "changed")},
                                                 {"title_nl", "Mijn versie"},
                                                 {"body_nl", "B"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(Contains(stale.body, "Iemand anders heeft dit artikel veranderd"));
  EXPECT_TRUE(Contains(stale.body, "value=\"Mijn versie\""));
  EXPECT_EQ(Find("gedeeld")->title.nl, "Van een ander");
  // Saving again is a decision: the form now carries the newer time.
  Reply again =
      b.Post("/medewerkers/kennisbank/gedeeld", {{"csrf_token", CsrfIn(stale.body)},
                                                 {"changed", HiddenField(stale.body, "changed")},
                                                 {"title_nl", "Mijn versie"},
                                                 {"body_nl", "B"}});
  EXPECT_EQ(again.status, 303) << again.body;
  EXPECT_EQ(Find("gedeeld")->title.nl, "Mijn versie");
}

TEST_P(EditorialTest, OtherStaffFindNothing) {
  ASSERT_TRUE(knowledge_->Save(Simple("bestaat", "T", "B")).ok());
  Browser agent = SignedIn("agent@minbuza.nl", {Role::kAgent});
  Browser admin = SignedIn("beheer@minbuza.nl", {Role::kAdministrator});
  const std::vector<std::string> gets = {kList,
                                         kNew,
                                         kImport,
                                         "/medewerkers/kennisbank/bestaat",
                                         "/en/staff/knowledge",
                                         "/en/staff/knowledge/new",
                                         "/en/staff/knowledge/import",
                                         "/en/staff/knowledge/bestaat"};
  const std::vector<std::string> posts = {kNew,
                                          kImport,
                                          "/medewerkers/kennisbank/bestaat",
                                          "/medewerkers/kennisbank/bestaat/publicatie",
                                          "/en/staff/knowledge/new",
                                          "/en/staff/knowledge/import",
                                          "/en/staff/knowledge/bestaat",
                                          "/en/staff/knowledge/bestaat/publication"};
  for (Browser* b : {&agent, &admin}) {
    const std::string csrf = Csrf(*b, "/medewerkers");
    Reply home = b->Get("/medewerkers");
    EXPECT_FALSE(Contains(home.body, "/medewerkers/kennisbank")) << "no task, no menu link";
    for (const std::string& path : gets) EXPECT_EQ(b->Get(path).status, 404) << path;
    for (const std::string& path : posts) {
      Reply r = b->Post(path, {{"csrf_token", csrf},
                               {"title_nl", "Overgenomen"},
                               {"body_nl", "X"},
                               {"published", "0"}});
      EXPECT_EQ(r.status, 404) << path;
    }
    Reply upload = b->PostMultipart(kImport, {{"csrf_token", csrf}},
                                    {{"document", "vragen.txt", "text/plain",
                                      ReadDocument("verslag-jaarverslag-bz-2020.txt")}});
    EXPECT_EQ(upload.status, 404);
  }
  EXPECT_EQ(ArticleCount(), 1u);
  EXPECT_EQ(Find("bestaat")->title.nl, "T");
  EXPECT_TRUE(Find("bestaat")->published);
  EXPECT_FALSE(Events("access_denied", "page").empty()) << "refusals are audited";
  // Without a session: the login page, for pages and forms alike.
  Browser anonymous(server_->port());
  Reply r = anonymous.Get(kList);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location").rfind("/medewerkers/inloggen?next=", 0), 0u);
  EXPECT_EQ(anonymous.Post(kNew, {{"title_nl", "X"}, {"body_nl", "Y"}}).status, 303);
  EXPECT_EQ(ArticleCount(), 1u);
}

TEST_P(EditorialTest, FormsWithoutTheCsrfTokenAreRefused) {
  ASSERT_TRUE(knowledge_->Save(Simple("bestaat", "T", "B")).ok());
  Browser b = Editor();
  Reply form = b.Get("/medewerkers/kennisbank/bestaat");
  const Fields article = {{"changed", HiddenField(form.body, "changed")},
                          {"id", "nieuw-artikel"},
                          {"title_nl", "Veranderd"},
                          {"body_nl", "Veranderd"}};
  for (const std::string& token : {std::string(), std::string(43, 'A')}) {
    Fields fields = article;
    if (!token.empty()) fields.emplace_back("csrf_token", token);
    EXPECT_EQ(b.Post(kNew, fields).status, 403);
    EXPECT_EQ(b.Post("/medewerkers/kennisbank/bestaat", fields).status, 403);
    EXPECT_EQ(b.Post("/medewerkers/kennisbank/bestaat/publicatie", {{"published", "0"}}).status,
              403);
    Fields upload_fields;
    if (!token.empty()) upload_fields.emplace_back("csrf_token", token);
    Reply upload = b.PostMultipart(kImport, upload_fields,
                                   {{"document", "vragen.txt", "text/plain",
                                     ReadDocument("verslag-jaarverslag-bz-2020.txt")}});
    EXPECT_EQ(upload.status, 403);
  }
  // The right token from another site is refused too.
  Reply cross =
      b.Post(kNew, {{"csrf_token", CsrfIn(form.body)}, {"title_nl", "X"}, {"body_nl", "Y"}},
             {{"Origin", "https://evil.example"}});
  EXPECT_EQ(cross.status, 403);
  EXPECT_EQ(ArticleCount(), 1u);
  EXPECT_EQ(Find("bestaat")->title.nl, "T");
  EXPECT_TRUE(Find("bestaat")->published);
  EXPECT_TRUE(Events("create", "knowledge_article").empty());
  EXPECT_TRUE(Events("import", "document").empty());
}

TEST_P(EditorialTest, UploadedQuestionsAreImportedAndUpdatedOnTheNextUpload) {
  Browser b = Editor();
  const std::string text = ReadDocument("verslag-jaarverslag-bz-2020.txt");
  ASSERT_FALSE(text.empty());
  // Browsers may claim any type: only the content counts.
  Reply first = Upload(b, "verslag-jaarverslag-bz-2020.txt", text, "application/octet-stream");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(Contains(first.body, "Het document is geïmporteerd"));
  const size_t imported = ArticleCount();
  ASSERT_GT(imported, 20u);
  EXPECT_TRUE(Contains(first.body, "<dd>" + std::to_string(imported) + "</dd>"));
  EXPECT_TRUE(Contains(first.body, "Kamerstuk")) << "the reference";
  std::string key = knowledge_->Current()->articles().front().source.document_key;
  EXPECT_TRUE(Contains(first.body, "href=\"/medewerkers/kennisbank#doc-" + key + "\""));

  // An editor's decisions stay; the text comes from the document again.
  const std::string id = knowledge_->Current()->articles().front().id;
  ASSERT_EQ(b.Post("/medewerkers/kennisbank/" + id + "/publicatie",
                   {{"csrf_token", Csrf(b)}, {"published", "0"}})
                .status,
            303);
  Reply second = Upload(b, "verslag.txt", text, "text/plain", "Verslag jaarverslag BZ 2020");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(ArticleCount(), imported) << "no duplicates";
  EXPECT_TRUE(Contains(second.body, "Verslag jaarverslag BZ 2020"));
  EXPECT_TRUE(Contains(second.body, "<dt>Bijgewerkt</dt><dd>" + std::to_string(imported)));
  EXPECT_TRUE(Contains(second.body, "<dt>Nieuw</dt><dd>0</dd>"));
  EXPECT_FALSE(Find(id)->published);
  EXPECT_EQ(Find(id)->source.document, "Verslag jaarverslag BZ 2020");

  // The list groups the imported articles under their document.
  Reply list = b.Get(kList);
  EXPECT_TRUE(Contains(list.body, "id=\"doc-" + key + "\""));
  EXPECT_TRUE(Contains(list.body, "Verslag jaarverslag BZ 2020"));

  // Editing an imported article keeps its source and place.
  const Article before = *Find(id);
  Reply form = b.Get("/medewerkers/kennisbank/" + id);
  EXPECT_TRUE(Contains(form.body, "Dit artikel komt uit een document"));
  ASSERT_EQ(b.Post("/medewerkers/kennisbank/" + id, {{"csrf_token", CsrfIn(form.body)},
                                                     {"changed", HiddenField(form.body, "changed")},
                                                     {"title_nl", "Eigen titel"},
                                                     {"body_nl", "Eigen antwoord."},
                                                     {"published", "1"}})
                .status,
            303);
  const Article after = *Find(id);
  EXPECT_EQ(after.title.nl, "Eigen titel");
  EXPECT_EQ(after.source, before.source);
  EXPECT_EQ(after.ordinal, before.ordinal);

  auto imports = Events("import", "document");
  ASSERT_EQ(imports.size(), 2u);
  EXPECT_EQ(imports[0].entry.object_id, key);
  EXPECT_EQ(imports[0].entry.outcome, audit::Outcome::kSuccess);
  EXPECT_TRUE(Contains(imports[0].entry.detail, "updated"));
}

TEST_P(EditorialTest, ALetterIsImportedPerParagraphInEnglishToo) {
  Browser b = Editor();
  Reply r = b.PostMultipart("/en/staff/knowledge/import",
                            {{"csrf_token", Csrf(b, "/en/staff/knowledge/import")}},
                            {{"document", "kamerbrief-postennet-2018.txt", "text/plain",
                              ReadDocument("kamerbrief-postennet-2018.txt")}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Contains(r.body, "The document has been imported"));
  EXPECT_TRUE(Contains(r.body, "Letter or report"));
  EXPECT_GT(ArticleCount(), 10u);
}

TEST_P(EditorialTest, FilesThatAreNotPlainTextAreRefusedByContent) {
  Browser b = Editor();
  struct Case {
    std::string filename, claimed, data;
    int status;
    std::string says;
  };
  const std::vector<Case> cases = {
      // A PDF, even when named and sent as text.
      {"vragen.txt", "text/plain", PdfBytes(), 415, "Dit is een PDF-bestand"},
      {"image.png", "image/png", PngBytes(), 415, "image/png"},
      {"vragen.txt", "text/plain", PngBytes(), 415, "geen platte tekst"},
      // Latin-1 text: plain, but not UTF-8.
      {"latin1.txt", "text/plain",
       "De ambassade in Brussel heeft een nieuwe openingstijd. Caf\xE9 en d\xE9j\xE0 vu zijn "
       "geen vragen.\n",
       415, "niet opgeslagen als UTF-8"},
      {"leeg.txt", "text/plain", "", 422, "Het bestand is leeg"},
      // UTF-8 text that is neither questions and answers nor a letter.
      {"boodschappen.txt", "text/plain", "Melk\nBrood\nKaas\n", 422,
       "Dit is geen lijst met vragen en antwoorden"},
      // A motion is named as one.
      {"motie.txt", "text/plain",
       "Nr. 34 MOTIE VAN HET LID SJOERDSMA C.S.\n\nVoorgesteld 15 november 2023\n\n"
       "De Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering het aantal mobiele "
       "vulpunten te verdubbelen,\n\nen gaat over tot de orde van de dag.\n",
       422, "Dit is een motie."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.filename + " " + c.says);
    Reply r = Upload(b, c.filename, c.data, c.claimed);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_TRUE(Contains(r.body, c.says));
    EXPECT_TRUE(Contains(r.body, "href=\"#editor-file\""));
    EXPECT_TRUE(Contains(r.body, "enctype=\"multipart/form-data\"")) << "the form again";
  }
  // The parser's reason is there for whoever wants it.
  Reply refused = Upload(b, "boodschappen.txt", "Melk\nBrood\nKaas\n");
  EXPECT_TRUE(Contains(refused.body, "<details"));
  EXPECT_TRUE(Contains(refused.body, "neither a list of questions"));
  // No file chosen: a browser sends an empty part without a name.
  Reply none = b.PostMultipart(kImport, {{"csrf_token", Csrf(b, kImport)}},
                               {{"document", "", "application/octet-stream", ""}});
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(Contains(none.body, "Kies een bestand"));
  Reply no_part = b.PostMultipart(kImport, {{"csrf_token", Csrf(b, kImport)}}, {});
  EXPECT_EQ(no_part.status, 422);

  EXPECT_EQ(ArticleCount(), 0u);
  auto failed = Events("import", "document");
  EXPECT_EQ(failed.size(), 7u) << "refused types and refused texts are audited";
  for (const audit::Event& e : failed) EXPECT_EQ(e.entry.outcome, audit::Outcome::kFailed);
}

TEST_P(EditorialTest, MalformedAndOversizedUploadsAreRefused) {
  Browser b = Editor();
  const std::string csrf = Csrf(b, kImport);
  // A boundary that never comes.
  Reply malformed =
      b.PostRaw(kImport, "multipart/form-data; boundary=XYZ",
                "--ABC\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + csrf +
                    "\r\n--ABC--\r\n");
  EXPECT_EQ(malformed.status, 400);
  // A part without a name.
  Reply nameless = b.PostRaw(kImport, "multipart/form-data; boundary=XYZ",
                             "--XYZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XYZ--\r\n");
  EXPECT_EQ(nameless.status, 400);
  // More than the 1 MiB body limit: the server ends the connection.
  std::string big = ReadDocument("verslag-jaarverslag-bz-2020.txt");
  while (big.size() <= size_t{1024} * 1024) big += big;
  Reply too_big = Upload(b, "groot.txt", big);
  EXPECT_NE(too_big.status, 200);
  EXPECT_EQ(ArticleCount(), 0u);
  // The server still answers afterwards.
  EXPECT_EQ(b.Get(kImport).status, 200);
}

LOKET_ON_EVERY_BACKEND(EditorialTest);

}  // namespace
}  // namespace loket::editorial

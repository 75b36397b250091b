// The knowledge base end to end: `loket import-document` next to a running
// server, the search contract other tools rely on, the article pages.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

#include "integration/server_process.h"
#include "oidc/encoding.h"

namespace loket::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Document(const std::string& name) {
  return (SourceDir() / "data" / "documents" / name).string();
}

bool WaitFor(const std::function<bool()>& condition) {
  for (int i = 0; i < 100; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

json GetJson(const ServerProcess& server, const std::string& target) {
  HttpResult r = server.Get(target);
  json j = json::parse(r.body, nullptr, false);
  return j.is_discarded() ? json::object() : j;
}

// The shipped content without its documents: an empty knowledge base.
fs::path ContentWithoutDocuments(const TempDir& dir) {
  fs::path content = dir.path() / "content";
  fs::copy(SourceDir() / "data", content, fs::copy_options::recursive);
  fs::remove_all(content / "documents");
  return content;
}

TEST(KnowledgeTest, ImportWhileServingAndFindTheAnswer) {
  TempDir dir;
  std::string data = (dir.path() / "data").string();
  std::string content = ContentWithoutDocuments(dir).string();
  ServerProcess server({"--data-dir", data, "--content-dir", content});
  ASSERT_TRUE(server.started());
  EXPECT_EQ(GetJson(server, "/api/v1/knowledge")["total"], 0);

  std::string out;
  ASSERT_EQ(
      RunLoket({"import-document", "--data-dir", data, Document("verslag-jaarverslag-bz-2020.txt")},
               &out),
      0)
      << out;
  EXPECT_NE(out.find("31 questions (31 new"), std::string::npos) << out;

  // The contract: best first, the whole passage in `text`, the document and
  // the question's number in `source`.
  const std::string query =
      "/api/v1/search?lang=nl&type=knowledge&limit=5&q=hoeveel+DigiD+activeringscodes+per+"
      "videocall";
  ASSERT_TRUE(WaitFor([&] { return !GetJson(server, query)["results"].empty(); }));
  json best = GetJson(server, query)["results"][0];
  EXPECT_EQ(best["type"], "knowledge");
  EXPECT_EQ(best["source"]["number"], "1");
  EXPECT_EQ(best["source"]["reference"], "Kamerstuk 35 830 V, nr. 8");
  std::string text = best["text"];
  EXPECT_NE(text.find("Worden de gebeurtenissen, activiteiten en effecten geëvalueerd"),
            std::string::npos);
  EXPECT_NE(text.find("In totaal werden 114 activeringscodes verstrekt."), std::string::npos);
  EXPECT_NE(text.find("structureel kan worden aangeboden."), std::string::npos);  // its end
  EXPECT_EQ(text.find("Tweede Kamer, vergaderjaar"), std::string::npos);

  // Importing again updates, never duplicates.
  ASSERT_EQ(
      RunLoket({"import-document", "--data-dir", data, Document("verslag-jaarverslag-bz-2020.txt")},
               &out),
      0);
  EXPECT_NE(out.find("(0 new, 31 updated, 0 removed)"), std::string::npos) << out;
  EXPECT_TRUE(WaitFor([&] { return GetJson(server, "/api/v1/knowledge")["total"] == 31; }));

  // The article's pages in both languages, and its API resource.
  std::string id = best["id"];
  HttpResult page = server.Get("/kennisbank/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("114 activeringscodes"), std::string::npos);
  HttpResult english = server.Get("/en/knowledge/" + id);
  EXPECT_EQ(english.status, 200);
  EXPECT_NE(english.body.find("only available in Dutch"), std::string::npos);
  EXPECT_NE(english.body.find("lang=\"nl\""), std::string::npos);
  json article = GetJson(server, "/api/v1/knowledge/" + id);
  EXPECT_EQ(article["source"]["number"], "1");
  EXPECT_EQ(server.Get("/kennisbank/no-such-article").status, 404);
  EXPECT_EQ(server.Get("/api/v1/knowledge/no-such-article").status, 404);
  HttpResult index = server.Get("/kennisbank");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("Kamerstuk 35 830 V, nr. 8"), std::string::npos);
}

TEST(KnowledgeTest, AFileThatIsNoDocumentImportsNothing) {
  TempDir dir;
  std::string data = (dir.path() / "data").string();
  fs::path bad = dir.path() / "boodschappen.txt";
  std::ofstream(bad) << "melk\nbrood\nkaas\n";
  std::string out;
  EXPECT_EQ(RunLoket({"import-document", "--data-dir", data, Document("beleidsbrief-bz-2022.txt"),
                      bad.string()},
                     &out),
            1);
  EXPECT_NE(out.find("boodschappen.txt"), std::string::npos) << out;
  EXPECT_NE(out.find("nothing imported"), std::string::npos) << out;
  EXPECT_EQ(RunLoket({"import-document", "--data-dir", data, (dir.path() / "missing.txt").string()},
                     &out),
            1);
  EXPECT_EQ(RunLoket({"import-document", "--data-dir", data}, &out), 1);

  ServerProcess server(
      {"--data-dir", data, "--content-dir", ContentWithoutDocuments(dir).string()});
  ASSERT_TRUE(server.started());
  EXPECT_EQ(GetJson(server, "/api/v1/knowledge")["total"], 0);
}

TEST(KnowledgeTest, ImportWarnsOfASkippedQuestionNumber) {
  TempDir dir;
  std::string data = (dir.path() / "data").string();
  fs::path file = dir.path() / "vragen.txt";
  std::ofstream(file) << "Lijst van vragen en antwoorden\n\nVastgesteld 20 november 2023\n\n"
                         "1\nHoeveel Nederlanders kregen in 2023 consulaire bijstand?\n\n"
                         "Antwoord\nIn 2023 kregen 2.114 Nederlanders consulaire bijstand.\n\n"
                         "2\nHoeveel paspoorten zijn aan de balie aangevraagd?\n\n"
                         "Antwoord\nAan de balie zijn ruim 95.000 paspoorten aangevraagd.\n\n"
                         "4\nWelke maatregelen verkorten de wachttijden?\n\n"
                         "Antwoord\nHet ministerie zet mobiele vulpunten in.\n\n"
                         "Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 1\n";
  std::string out;
  EXPECT_EQ(RunLoket({"import-document", "--data-dir", data, file.string()}, &out), 0) << out;
  EXPECT_NE(out.find(": 3 questions (3 new"), std::string::npos) << out;
  EXPECT_NE(out.find("warning: no question found for number(s) 3\n"), std::string::npos) << out;
}

TEST(KnowledgeTest, AFirstStartImportsTheShippedDocuments) {
  TempDir dir;
  ServerProcess server({"--data-dir", (dir.path() / "data").string()});
  ASSERT_TRUE(server.started());
  json all = GetJson(server, "/api/v1/knowledge?pageSize=1");
  EXPECT_GT(all["total"].get<int>(), 150);
  EXPECT_EQ(server.Get("/kennisbank/35-830-v-nr-8-31").status, 200);

  // Question 18 is answered with "Zie het antwoord op vraag 11.": its page,
  // its API resource and its search hit carry that answer too.
  const std::string answer11 = "Het gebouw aan Rijnstraat 8";
  HttpResult page = server.Get("/kennisbank/35-830-v-nr-8-18");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Het antwoord op vraag 11"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/kennisbank/35-830-v-nr-8-11\""), std::string::npos);
  EXPECT_NE(page.body.find(answer11), std::string::npos);
  json article = GetJson(server, "/api/v1/knowledge/35-830-v-nr-8-18");
  EXPECT_EQ(article["answer"], "Zie het antwoord op vraag 11");
  EXPECT_NE(article["text"].get<std::string>().find(answer11), std::string::npos);
  json hits = GetJson(server,
                      "/api/v1/search?lang=nl&type=knowledge&limit=3&q=UNRWA+Strafhof+versneld+"
                      "pakket+geld+vrijgespeeld");
  ASSERT_FALSE(hits["results"].empty());
  EXPECT_EQ(hits["results"][0]["id"], "35-830-v-nr-8-18");
  EXPECT_NE(hits["results"][0]["text"].get<std::string>().find(answer11), std::string::npos);
  // An answer that says more is shown as it is.
  EXPECT_EQ(server.Get("/kennisbank/35-830-v-nr-8-11").body.find("Het antwoord op vraag"),
            std::string::npos);
  // A letter's passage found on the search page says which section it is from.
  HttpResult results =
      server.Get("/zoeken?q=interdepartementale+samenwerking+cyberdiplomatie&type=knowledge");
  EXPECT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("Kamerstuk 35 925 V, nr. 84<br>Cyberdiplomatie als prioriteit</p>"),
            std::string::npos)
      << results.body;
}

// The knowledge base lists its documents; a document's page lists its
// articles under their section headings, and each article leads back to it.
TEST(KnowledgeTest, EachDocumentHasAPageOfItsArticles) {
  TempDir dir;
  ServerProcess server({"--data-dir", (dir.path() / "data").string()});
  ASSERT_TRUE(server.started());
  const std::string letter = "/kennisbank/documenten/35-925-v-nr-84";
  HttpResult index = server.Get("/kennisbank");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("href=\"" + letter + "\""), std::string::npos);
  EXPECT_NE(index.body.find("Kamerstuk 35 830 V, nr. 8 · 31 vragen"), std::string::npos)
      << index.body;
  EXPECT_EQ(index.body.find("href=\"/kennisbank/35-925-v-nr-84-p1\""), std::string::npos);

  HttpResult page = server.Get(letter);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Kamerstuk 35 925 V, nr. 84 · <time datetime=\"2022-03-08\">"),
            std::string::npos);
  // A passage stands under its section's heading, after the heading before.
  const std::string section = ">Cyberdiplomatie als prioriteit</h2>";
  size_t heading = page.body.find(section);
  size_t passage = page.body.find("href=\"/kennisbank/35-925-v-nr-84-p45\"");
  ASSERT_NE(heading, std::string::npos) << page.body;
  ASSERT_NE(passage, std::string::npos);
  EXPECT_LT(heading, passage);
  EXPECT_GT(page.body.find("</h2>", heading + section.size()), passage);
  EXPECT_EQ(page.body.find("href=\"/kennisbank/35-830-v-nr-8-1\""), std::string::npos);
  // The passages are numbered on across the sections: the opening passage and
  // the eleven of the introduction come before "Partners en uitdagers".
  EXPECT_NE(
      page.body.find(">Partners en uitdagers</h2>\n  <ol class=\"knowledge-list\" start=\"13\">"),
      std::string::npos);

  HttpResult questions = server.Get("/en/knowledge/documents/35-830-v-nr-8");
  EXPECT_EQ(questions.status, 200);
  EXPECT_NE(questions.body.find("31 questions"), std::string::npos);
  EXPECT_NE(questions.body.find("href=\"/en/knowledge/35-830-v-nr-8-31\""), std::string::npos);
  EXPECT_NE(questions.body.find("hreflang=\"nl\" href=\"/kennisbank/documenten/35-830-v-nr-8\""),
            std::string::npos);

  EXPECT_NE(server.Get("/kennisbank/35-925-v-nr-84-p41").body.find("href=\"" + letter + "\""),
            std::string::npos);
  EXPECT_EQ(server.Get("/kennisbank/documenten/no-such-document").status, 404);
}

// data/thesaurus.txt: a word the documents never use finds the passage in
// the words they do use ("steekpenningen" for corruption); without the
// thesaurus it finds nothing.
TEST(KnowledgeTest, TheThesaurusFindsPassagesInOtherWords) {
  const std::string query = "/api/v1/search?lang=nl&type=knowledge&limit=5&q=steekpenningen";
  TempDir dir;
  ServerProcess server({"--data-dir", (dir.path() / "data").string()});
  ASSERT_TRUE(server.started());
  json found = GetJson(server, query);
  ASSERT_FALSE(found["results"].empty()) << found.dump();
  const std::string text = found["results"][0]["text"].get<std::string>();
  EXPECT_NE(text.find("corruptie"), std::string::npos) << text;
  EXPECT_EQ(text.find("steekpenningen"), std::string::npos) << text;
  EXPECT_FALSE(found.contains("suggestion") && found["suggestion"].is_string()) << found.dump();

  TempDir bare;
  fs::path content = bare.path() / "content";
  fs::copy(SourceDir() / "data", content, fs::copy_options::recursive);
  fs::remove(content / "thesaurus.txt");
  ServerProcess without(
      {"--data-dir", (bare.path() / "data").string(), "--content-dir", content.string()});
  ASSERT_TRUE(without.started());
  EXPECT_TRUE(GetJson(without, query)["results"].empty());
}

// An answer's table and a letter's list are marked up as such: a table
// with its head, a list of its items.
TEST(KnowledgeTest, AnArticlesTablesAndListsAreMarkedUp) {
  TempDir dir;
  const std::string data = (dir.path() / "data").string();
  ServerProcess server({"--data-dir", data});
  ASSERT_TRUE(server.started());
  std::string out;
  ASSERT_EQ(RunLoket({"import-document", "--data-dir", data,
                      (SourceDir() / "src" / "knowledge" / "testdata" /
                       "lijst-tabel-met-paginaverwijzingen.txt")
                          .string()},
                     &out),
            0)
      << out;
  ASSERT_TRUE(WaitFor([&] { return server.Get("/kennisbank/36-600-v-nr-17-1").status == 200; }));
  const std::string table = server.Get("/kennisbank/36-600-v-nr-17-1").body;
  EXPECT_NE(table.find("<table class=\"knowledge-table\""), std::string::npos) << table;
  EXPECT_NE(table.find("<th scope=\"col\">"), std::string::npos) << table;
  const std::string list = server.Get("/kennisbank/32-734-nr-32-p31").body;
  EXPECT_NE(list.find("<li class=\"utrecht-unordered-list__item\">De posten in Ankara*"),
            std::string::npos)
      << list;
  EXPECT_EQ(list.find("– De posten"), std::string::npos) << list;
}

// Every query of a benchmark set is answered, over the shipped documents
// and the set's own. One of them ("… waar de overheid afraadt om naartoe
// te gaan?", its unknown word corrected) once brought the server down:
// the probe of what the typed words find let Xapian 1.4.22 end the match
// early, which crashes on such a query.
TEST(KnowledgeTest, EveryQueryOfABlindSetIsAnswered) {
  TempDir dir;
  const std::string data = (dir.path() / "data").string();
  ServerProcess server({"--data-dir", data});
  ASSERT_TRUE(server.started());
  const fs::path bench = SourceDir() / "bench" / "knowledge";
  std::vector<std::string> args = {"import-document", "--data-dir", data};
  for (const auto& entry : fs::directory_iterator(bench / "documents")) {
    if (entry.path().filename().string().starts_with("blind6-")) args.push_back(entry.path());
  }
  ASSERT_EQ(args.size(), 7u);
  std::string out;
  ASSERT_EQ(RunLoket(args, &out), 0) << out;
  const std::string search = "/api/v1/search?lang=nl&type=knowledge&limit=10&q=";
  ASSERT_TRUE(WaitFor(
      [&] { return !GetJson(server, search + "emigranten+levensbewijs")["results"].empty(); }));
  std::ifstream queries(bench / "blind-6.jsonl");
  int asked = 0;
  for (std::string line; std::getline(queries, line);) {
    const std::string question = json::parse(line)["question"];
    EXPECT_EQ(server.Get(search + oidc::UrlEncode(question)).status, 200) << question;
    ++asked;
  }
  EXPECT_EQ(asked, 64);
}

TEST(KnowledgeTest, SearchTypeIsChecked) {
  TempDir dir;
  ServerProcess server({"--data-dir", (dir.path() / "data").string()});
  ASSERT_TRUE(server.started());
  EXPECT_EQ(server.Get("/api/v1/search?q=paspoort&type=knowledge").status, 200);
  HttpResult bad = server.Get("/api/v1/search?q=paspoort&type=bogus");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("knowledge"), std::string::npos);
}

}  // namespace
}  // namespace loket::testing

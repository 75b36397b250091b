// The knowledge base service on both storage backends.
#include "knowledge/knowledge_base.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "knowledge/document_parser.h"
#include "knowledge/question_labels.h"
#include "storage/migrations.h"
#include "storage/testing/backend_test.h"

namespace loket::knowledge {
namespace {

std::string ReadDocument(const std::string& name) {
  std::ifstream in(std::string(LOKET_DOCUMENTS_DIR) + "/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A small list of questions and answers; `questions` of them.
std::string SmallQuestions(int questions) {
  std::string text = "Lijst van vragen en antwoorden\n\n";
  const char* asks[] = {"Hoeveel paspoorten gaven de ambassades in 2023 uit?",
                        "Hoe lang duurt het aanvragen van een visum kort verblijf?",
                        "Kunt u aangeven hoeveel Nederlanders consulaire bijstand kregen?"};
  const char* answers[] = {"De ambassades gaven in 2023 ruim 130.000 paspoorten uit.",
                           "Een beslissing volgt binnen vijftien dagen na de aanvraag.",
                           "In 2023 kregen ruim 2.000 Nederlanders consulaire bijstand."};
  for (int i = 0; i < questions; ++i) {
    text += std::to_string(i + 1) + "\n" + asks[i] + "\n\nAntwoord\n" + answers[i] + "\n\n";
    if (i == 0) text += "Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 99 2\n\n";
  }
  return text + "Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 99 3\n";
}

class KnowledgeBaseTest : public storage::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!db_) return;
    ASSERT_TRUE(storage::ApplyMigrations(*db_, KnowledgeMigrations()).ok());
    repository_ = NewSqlKnowledgeRepository(*db_);
    kb_ = std::make_unique<KnowledgeBase>(*repository_, std::chrono::milliseconds(0));
  }

  size_t CountFromDocument(const std::string& key) {
    size_t n = 0;
    for (const Article& a : kb_->Current()->articles()) n += a.source.document_key == key;
    return n;
  }

  std::unique_ptr<KnowledgeRepository> repository_;
  std::unique_ptr<KnowledgeBase> kb_;
};

TEST_P(KnowledgeBaseTest, ImportingAgainUpdatesAndNeverDuplicates) {
  std::string text = ReadDocument("verslag-jaarverslag-bz-2020.txt");
  auto first = kb_->Import(text, "verslag.txt");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->articles, 31u);
  EXPECT_EQ(first->changes.added, 31u);
  auto again = kb_->Import(text, "another-name.txt");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->changes.added, 0u);
  EXPECT_EQ(again->changes.updated, 31u);
  EXPECT_EQ(kb_->Current()->articles().size(), 31u);
  const Article* a = kb_->Current()->Find(first->document.key + "-12");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source.number, "12");
  EXPECT_EQ(a->source.reference, "Kamerstuk 35 830 V, nr. 8");
  EXPECT_NE(a->body.nl.find("De OESO publiceert jaarlijks"), std::string::npos);
  EXPECT_NE(a->question.nl.find("Waarom niet?"), std::string::npos);
}

// Several documents are stored as one change: a reader (a running server)
// sees all of them or none, never a part.
TEST_P(KnowledgeBaseTest, SeveralDocumentsAreStoredAsOneChange) {
  ASSERT_TRUE(kb_->Import(SmallQuestions(3), "lijst.txt").ok());
  const int64_t version = kb_->Current()->version();
  std::vector<ParsedDocument> parsed;
  for (const auto& [text, name] :
       {std::pair{ReadDocument("verslag-jaarverslag-bz-2020.txt"), "verslag.txt"},
        std::pair{SmallQuestions(2), "lijst.txt"}}) {
    auto p = ParseDocument(text, name);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    parsed.push_back(std::move(p).value());
  }
  auto reports = kb_->StoreAll(std::move(parsed));
  ASSERT_TRUE(reports.ok()) << reports.status().ToString();
  ASSERT_EQ(reports->size(), 2u);
  EXPECT_EQ((*reports)[0].changes.added, 31u);
  EXPECT_EQ((*reports)[1].changes.updated, 2u);
  EXPECT_EQ((*reports)[1].changes.removed, 1u);
  EXPECT_EQ(kb_->Current()->version(), version + 1);
  EXPECT_EQ(kb_->Current()->articles().size(), 33u);
}

TEST_P(KnowledgeBaseTest, QuestionsNoLongerInTheDocumentAreRemoved) {
  auto three = kb_->Import(SmallQuestions(3), "lijst.txt");
  ASSERT_TRUE(three.ok()) << three.status().ToString();
  EXPECT_EQ(three->articles, 3u);
  auto two = kb_->Import(SmallQuestions(2), "lijst.txt");
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two->changes.removed, 1u);
  EXPECT_EQ(CountFromDocument(three->document.key), 2u);
}

TEST_P(KnowledgeBaseTest, ImportingAgainKeepsWhatEditorsDecided) {
  auto report = kb_->Import(SmallQuestions(3), "lijst.txt");
  ASSERT_TRUE(report.ok());
  const std::string id = report->document.key + "-2";
  ASSERT_TRUE(kb_->SetPublished(id, false).ok());
  ASSERT_TRUE(kb_->Import(SmallQuestions(3), "lijst.txt").ok());
  const Article* a = kb_->Current()->Find(id);
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->published);
  EXPECT_EQ(kb_->Current()->Visible("2026-01-01").size(), 2u);
}

TEST_P(KnowledgeBaseTest, AFileThatIsNoDocumentImportsNothing) {
  ASSERT_TRUE(kb_->Import(SmallQuestions(2), "lijst.txt").ok());
  int64_t version = kb_->Current()->version();
  for (std::string bad : {std::string("melk, brood, kaas"),
                          std::string("\x89PNG\r\n\x1a\n\0\0", 10), std::string("")}) {
    auto r = kb_->Import(bad, "bad.txt");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_FALSE(r.status().message().empty());
  }
  ASSERT_TRUE(kb_->Refresh().ok());
  EXPECT_EQ(kb_->Current()->version(), version);
  EXPECT_EQ(kb_->Current()->articles().size(), 2u);
}

TEST_P(KnowledgeBaseTest, EditorsArticlesAreCheckedAndStored) {
  Article a;
  a.id = "Not A Slug";
  a.title.nl = "Titel";
  a.body.nl = "Tekst";
  Status bad = kb_->Save(a);
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("id"), std::string::npos);
  a.id = "reisadvies-uitleg";
  a.title.nl = " ";
  EXPECT_EQ(kb_->Save(a).code(), StatusCode::kInvalidArgument);
  a.title = {"Wat betekenen de kleuren van het reisadvies?", "What do the colours mean?"};
  a.valid_until = "31-12-2026";
  EXPECT_EQ(kb_->Save(a).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(kb_->Current()->articles().empty());

  a.valid_until = "2026-12-31";
  a.body = {"Groen: geen bijzondere risico's.", "Green: no special risks."};
  a.tags = {"reisadvies"};
  ASSERT_TRUE(kb_->Save(a).ok());
  const Article* stored = kb_->Current()->Find("reisadvies-uitleg");
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(stored->title, a.title);
  EXPECT_EQ(stored->tags, a.tags);
  EXPECT_TRUE(stored->source.document_key.empty());
  EXPECT_FALSE(stored->updated_at.empty());
}

TEST_P(KnowledgeBaseTest, ArticlesPastTheirValidityAreNotVisible) {
  Article a;
  a.id = "tijdelijk";
  a.title.nl = "Tijdelijke maatregel";
  a.body.nl = "Geldt tot het einde van het jaar.";
  a.valid_until = "2026-12-31";
  ASSERT_TRUE(kb_->Save(a).ok());
  auto snap = kb_->Current();
  EXPECT_EQ(snap->Visible("2026-12-31").size(), 1u);
  EXPECT_EQ(snap->Visible("2027-01-01").size(), 0u);
  ASSERT_TRUE(kb_->SetPublished("tijdelijk", false).ok());
  EXPECT_EQ(kb_->Current()->Visible("2026-06-01").size(), 0u);
  EXPECT_EQ(kb_->SetPublished("no-such-article", true).code(), StatusCode::kNotFound);
}

TEST_P(KnowledgeBaseTest, AnotherProcessSeesAnImport) {
  auto other_db = test_db_->Open();
  ASSERT_TRUE(other_db.ok());
  auto other_repository = NewSqlKnowledgeRepository(**other_db);
  KnowledgeBase other(*other_repository, std::chrono::milliseconds(0));
  ASSERT_TRUE(other.Refresh().ok());
  EXPECT_TRUE(other.Current()->articles().empty());
  ASSERT_TRUE(kb_->Import(SmallQuestions(3), "lijst.txt").ok());
  EXPECT_EQ(other.Current()->articles().size(), 3u);
}

LOKET_ON_EVERY_BACKEND(KnowledgeBaseTest);

// Answers that only refer to other answers.

TEST(ReferredQuestionNumbersTest, ReadsTheNumbersOfAReference) {
  using V = std::vector<std::string>;
  EXPECT_EQ(ReferredQuestionNumbers("Zie het antwoord op vraag 11."), V{"11"});
  EXPECT_EQ(ReferredQuestionNumbers("Zie antwoord vraag 3"), V{"3"});
  EXPECT_EQ(ReferredQuestionNumbers("Zie de antwoorden op de vragen 2, 3 en 4."),
            (V{"2", "3", "4"}));
  EXPECT_EQ(ReferredQuestionNumbers("Zie het antwoord op de vragen 5 t/m 7."), (V{"5", "6", "7"}));
  EXPECT_EQ(ReferredQuestionNumbers("Ik verwijs naar het antwoord op vraag 4B."), V{"4b"});
  EXPECT_EQ(ReferredQuestionNumbers(
                "Voor de beantwoording van deze vraag wordt verwezen naar het antwoord op "
                "vraag 12 en het antwoord op vraag 14."),
            (V{"12", "14"}));
  EXPECT_EQ(ReferredQuestionNumbers("Verwezen wordt naar de beantwoording van vraag 5."), V{"5"});
  EXPECT_EQ(ReferredQuestionNumbers("Zie vraag 7."), V{"7"});
  EXPECT_EQ(ReferredQuestionNumbers("Zie het antwoord op vraag 2.14."), V{"2.14"});
  EXPECT_EQ(ReferredQuestionNumbers("Zie de antwoorden op de vragen 2.3 t/m 2.5."),
            (V{"2.3", "2.4", "2.5"}));
  EXPECT_EQ(ReferredQuestionNumbers("Deze vraag is beantwoord bij vraag 2."), V{"2"});
}

TEST(ReferredQuestionNumbersTest, AnAnswerThatSaysMoreIsNoReference) {
  EXPECT_TRUE(ReferredQuestionNumbers("").empty());
  EXPECT_TRUE(ReferredQuestionNumbers("Het antwoord op vraag 3 is ja.").empty());
  EXPECT_TRUE(ReferredQuestionNumbers("Zie de brief van 12 maart 2022.").empty());
  EXPECT_TRUE(ReferredQuestionNumbers("Vraag 3 gaat over paspoorten.").empty());
  EXPECT_TRUE(ReferredQuestionNumbers(
                  "Zie het antwoord op vraag 11. Daarnaast heeft het ministerie in 2021 een "
                  "nieuw toegangssysteem laten ontwerpen, dat in 2023 in gebruik wordt genomen "
                  "op alle locaties in Den Haag; de kosten daarvan bedragen ruim twee miljoen "
                  "euro en worden gedekt uit de begroting voor bedrijfsvoering van het ministerie.")
                  .empty());
}

Article Question(const std::string& key, const std::string& number, const std::string& question,
                 const std::string& answer) {
  Article a;
  a.id = key + "-" + number;
  a.title.nl = question;
  a.question.nl = question;
  a.body.nl = answer;
  a.source.document_key = key;
  a.source.number = number;
  return a;
}

TEST(SnapshotTest, AReferenceBringsTheAnswerItRefersTo) {
  Snapshot snap(
      {Question("lijst", "3 en 4", "Hoeveel posten zijn er?", "Er zijn 140 posten."),
       Question("lijst", "11", "Is het pand beveiligd?", "Het pand krijgt poortjes."),
       Question("lijst", "18", "Wanneer is de toegang op orde?", "Zie het antwoord op vraag 11."),
       Question("lijst", "19", "En de posten?", "Zie de antwoorden op vraag 4 en 18."),
       Question("andere", "20", "Hoeveel?", "Zie het antwoord op vraag 11.")},
      1);
  const Article& a18 = snap.articles()[2];
  ASSERT_EQ(snap.Referred(a18, "2026-01-01").size(), 1u);
  EXPECT_EQ(snap.Referred(a18, "2026-01-01")[0]->id, "lijst-11");
  EXPECT_EQ(snap.CompleteAnswer(a18, Lang::kNl, "2026-01-01"),
            "Zie het antwoord op vraag 11.\n\nHet pand krijgt poortjes.");
  EXPECT_EQ(snap.CompleteText(a18, Lang::kNl, "2026-01-01"),
            "Wanneer is de toegang op orde?\n\nZie het antwoord op vraag 11.\n\nHet pand "
            "krijgt poortjes.");
  // A question answered together with another is found by either number; a
  // reference to a reference is not followed.
  EXPECT_EQ(snap.CompleteAnswer(snap.articles()[3], Lang::kNl, "2026-01-01"),
            "Zie de antwoorden op vraag 4 en 18.\n\nEr zijn 140 posten.");
  // Only the same document's questions are meant.
  EXPECT_TRUE(snap.Referred(snap.articles()[4], "2026-01-01").empty());
  // An answer that is not visible is not shown through another.
  Article hidden = Question("lijst", "11", "Is het pand beveiligd?", "Het pand krijgt poortjes.");
  hidden.published = false;
  Snapshot without({hidden, a18}, 2);
  EXPECT_EQ(without.CompleteAnswer(without.articles()[1], Lang::kNl, "2026-01-01"),
            "Zie het antwoord op vraag 11.");
}

}  // namespace
}  // namespace loket::knowledge

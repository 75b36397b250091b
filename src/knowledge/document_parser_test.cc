#include "knowledge/document_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "knowledge/pdf_text.h"

namespace loket::knowledge {
namespace {

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Helpers

std::string ReadDocument(const std::string& file, const std::string& dir = LOKET_DOCUMENTS_DIR) {
  std::ifstream in(dir + "/" + file, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << file;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

ParsedDocument MustParse(std::string_view text, std::string_view name = "document.txt") {
  Result<ParsedDocument> parsed = ParseDocument(text, name);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? std::move(parsed).value() : ParsedDocument{};
}

// `text` with the first `from` replaced by `to` (the test fails when absent).
std::string Replaced(std::string text, std::string_view from, std::string_view to) {
  size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << "not in the document: " << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// The first passage whose text starts with `start`, or an empty one.
ParsedPassage StartingWith(const ParsedDocument& doc, std::string_view start) {
  auto it = std::find_if(doc.passages.begin(), doc.passages.end(),
                         [&](const ParsedPassage& p) { return p.text.starts_with(start); });
  return it == doc.passages.end() ? ParsedPassage{} : *it;
}

// Every question and passage text of a document, one block after another.
std::string AllText(const ParsedDocument& doc) {
  std::string out;
  for (const ParsedPassage& p : doc.passages) {
    out += p.heading + "\n" + p.question + "\n" + p.text + "\n\n";
  }
  return out;
}

// The document must outlive the pointer: no temporaries.
const ParsedPassage* PassageContaining(ParsedDocument&& doc, std::string_view needle) = delete;
const ParsedPassage* PassageContaining(const ParsedDocument& doc, std::string_view needle) {
  for (const ParsedPassage& p : doc.passages) {
    if (p.text.find(needle) != std::string::npos) return &p;
  }
  return nullptr;
}

struct Qa {
  std::string number;
  std::string question;
  std::string answer;
};

void ExpectQuestions(const ParsedDocument& doc, const std::vector<Qa>& want) {
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_TRUE(doc.missing_numbers.empty());
  ASSERT_EQ(doc.passages.size(), want.size()) << AllText(doc);
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE("question " + want[i].number);
    EXPECT_EQ(doc.passages[i].number, want[i].number);
    EXPECT_EQ(doc.passages[i].question, want[i].question);
    EXPECT_EQ(doc.passages[i].text, want[i].answer);
  }
}

Line L(std::string text, bool page_start = false, bool bullet = false, bool number_only = false) {
  return Line{std::move(text), page_start, bullet, number_only};
}

// Pages of a document as pdftotext gives them: separated by form feeds.
std::string Pages(const std::vector<std::string>& pages) {
  std::string out;
  for (const std::string& page : pages) out += (out.empty() ? "" : "\f") + page;
  return out;
}

// The heading each passage stands under.
std::vector<std::string> Headings(const ParsedDocument& doc) {
  std::vector<std::string> headings;
  for (const ParsedPassage& p : doc.passages) headings.push_back(p.heading);
  return headings;
}

// The report of a written consultation, parsed once.
const ParsedDocument& Verslag() {
  static const ParsedDocument doc =
      MustParse(ReadDocument("verslag-jaarverslag-bz-2020.txt"), "verslag.txt");
  return doc;
}

// The list of questions on a budget that the search benchmark uses
// (bench/knowledge/documents): 45 questions, the number alone on a line,
// an "Antwoord" line, the first page's masthead and colophon, footers.
TEST(BenchDocumentTest, InventedBudgetListGivesEveryQuestionClean) {
  ParsedDocument doc =
      MustParse(ReadDocument("lijst-vragen-begroting-2024-invented.txt", LOKET_BENCH_DOCUMENTS_DIR),
                "lijst.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_EQ(doc.document.reference, "Kamerstuk 36 410 V, nr. 9");
  EXPECT_TRUE(doc.missing_numbers.empty());
  ASSERT_EQ(doc.passages.size(), 45u);
  for (size_t i = 0; i < doc.passages.size(); ++i) {
    const ParsedPassage& p = doc.passages[i];
    SCOPED_TRACE("question " + p.number);
    EXPECT_EQ(p.number, std::to_string(i + 1));
    EXPECT_FALSE(p.question.empty());
    EXPECT_FALSE(p.text.empty());
    for (const char* artefact : {"Tweede Kamer", "kst-36410", "ISSN", "Gravenhage", "\f"}) {
      EXPECT_THAT(p.question + p.text, Not(HasSubstr(artefact)));
    }
  }
  EXPECT_THAT(doc.passages[0].text, HasSubstr("uit het coalitieakkoord"));
  EXPECT_THAT(doc.passages[1].text, HasSubstr("versterking van de capaciteit voor sanctiebeleid"));
}

// The sixty-four documents of the search benchmark's blind sets
// (bench/knowledge/documents/blind-*.txt, blind2-*, blind3-*), written by
// annotators who saw neither this parser nor its test documents: each comes
// out whole, with its kind, numbers, headings and title, and no layout left
// in any passage.
TEST(BenchDocumentTest, BlindDocumentsComeOutWhole) {
  struct Expected {
    const char* file;
    DocumentKind kind;
    size_t passages;
    const char* reference;
    const char* title_start;
  };
  const Expected documents[] = {
      {"blind-lijst-nummer-en-vraag-op-een-regel.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 600 V, nr. 77", "Lijst van vragen en antwoorden"},
      {"blind-aanhangsel-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 8,
       "Aanhangsel Handelingen II 2024/25, nr. 1534", "Vragen van het lid Dijkhuizen (NSC)"},
      {"blind-brief-met-genummerde-paragrafen.txt", DocumentKind::kLetter, 14,
       "Kamerstuk 30 010, nr. 52", "Kamerbrief: Consulaire dienstverlening"},
      {"blind-verslag-schriftelijk-overleg-met-reactie.txt", DocumentKind::kLetter, 10,
       "Kamerstuk 21 501-02, nr. 3012", "Verslag van een schriftelijk overleg"},
      // The extraction the seed documents come in: no masthead, a space at
      // each line's end, no form feeds.
      {"blind2-lijst-vragen-antwoorden.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 740 V, nr. 7", "Lijst van vragen en antwoorden over het Jaarverslag"},
      {"blind2-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 9,
       "Aanhangsel Handelingen II 2024/25, nr. 1387", "Vragen van het lid Brouwer-Janssen (NSC)"},
      {"blind2-kamerbrief.txt", DocumentKind::kLetter, 17, "Kamerstuk 30 010, nr. 58",
       "Kamerbrief"},
      {"blind2-verslag-schriftelijk-overleg.txt", DocumentKind::kQuestions, 10,
       "Kamerstuk 21 501-02, nr. 3064", "Vragen en antwoorden"},
      {"blind3-nota-naar-aanleiding-van-het-verslag.txt", DocumentKind::kLetter, 11,
       "Kamerstuk 36 512, nr. 6", "Nota naar aanleiding van het verslag"},
      {"blind3-schriftelijke-antwoorden-eerste-termijn.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 600 V, nr. 18", "Schriftelijke antwoorden op vragen gesteld in de eerste"},
      {"blind3-kamerbrief-genummerd-met-tabel.txt", DocumentKind::kLetter, 16,
       "Kamerstuk 36 245, nr. 8", "Voortgang herziening postennet"},
      {"blind3-lijst-vraag-en-nummer-op-een-regel-zonder-antwoordlabel.txt",
       DocumentKind::kQuestions, 14, "Kamerstuk 36 740 V, nr. 4", "Lijst van vragen en antwoorden"},
      // Without blank lines between paragraphs, a masthead without the
      // chamber's name, footers of the Aanhangsel.
      {"blind4-antwoord-kamervragen.txt", DocumentKind::kQuestions, 8,
       "Aanhangsel Handelingen II 2025/26, nr. 812", "Vragen van het lid Boudewijns (D66)"},
      {"blind4-verslag-schriftelijk-overleg.txt", DocumentKind::kLetter, 13,
       "Kamerstuk 36 800 V, nr. 58", "Verslag van een schriftelijk overleg"},
      {"blind4-kamerbrief-reisdocumenten.txt", DocumentKind::kLetter, 11,
       "Kamerstuk 36 800 V, nr. 61",
       "Kamerbrief: Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken "
       "(V) voor het jaar 2026"},
      {"blind4-lijst-vragen-antwoorden.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 800 V, nr. 14", "Lijst van vragen en antwoorden"},
      // A nota in numbered sections, a letter answering a committee's
      // numbered questions, a committee debate, a letter with a table.
      {"blind5-nota-nav-verslag.txt", DocumentKind::kLetter, 15, "Kamerstuk 36 812, nr. 6",
       "Nota naar aanleiding van het verslag"},
      {"blind5-beantwoording-commissievragen.txt", DocumentKind::kQuestions, 10,
       "Kamerstuk 36 800 V, nr. 21",
       "Antwoorden op vragen van de vaste commissie voor Buitenlandse Zaken over de consulaire"},
      {"blind5-verslag-commissiedebat.txt", DocumentKind::kLetter, 15, "Kamerstuk 36 800 V, nr. 64",
       "Verslag van een commissiedebat"},
      {"blind5-kamerbrief-reisadviezen.txt", DocumentKind::kLetter, 13, "Kamerstuk 36 845, nr. 1",
       "Kamerbrief: Reisadviezen en crisisrespons"},
      // Two in `-layout`'s extraction (a list laid out as a table, answers
      // to two members' questions), two without a masthead.
      {"blind6-lijst-vragen-tabel.txt", DocumentKind::kQuestions, 14, "Kamerstuk 36 871, nr. 3",
       "Lijst van vragen en antwoorden"},
      {"blind6-kamervragen-gedetineerden.txt", DocumentKind::kQuestions, 8,
       "Aanhangsel Handelingen II 2025/26, nr. 1187", "Vragen van de leden Oosterhuis"},
      {"blind6-kamerbrief-emigranten.txt", DocumentKind::kLetter, 15, "Kamerstuk 36 871, nr. 5",
       "Kamerbrief"},
      {"blind6-verslag-schriftelijk-overleg.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 871, nr. 6", "Vragen en antwoorden"},
      // The Eerste Kamer's memorie van antwoord, an annotated agenda,
      // answers to factual questions sent as a letter, a letter of
      // numbered paragraphs.
      {"blind7-memorie-van-antwoord.txt", DocumentKind::kLetter, 17,
       "Kamerstukken I 2025/26, 36 790, C", "Memorie van antwoord"},
      {"blind7-geannoteerde-agenda.txt", DocumentKind::kLetter, 20, "Kamerstuk 21 501-02, nr. 3101",
       "Geannoteerde agenda Raad Buitenlandse Zaken van 23 februari 2026"},
      {"blind7-feitelijke-vragen.txt", DocumentKind::kQuestions, 12, "Kamerstuk 36 412, nr. 8",
       "Antwoorden op vragen van de vaste commissie voor Buitenlandse Zaken over de Staat van het "
       "Consulair 2025"},
      {"blind7-kamerbrief-consulaire-dienstverlening.txt", DocumentKind::kLetter, 15,
       "Kamerstuk 36 412, nr. 11", "Kamerbrief"},
      // A template letter in `-layout`'s extraction with its sidebar, a list
      // of 2013, a notaoverleg's report, answers labelled "Vraag 1:".
      {"blind8-kamerbrief-template.txt", DocumentKind::kLetter, 14, "BZ2603155",
       "Wachttijden paspoortaanvragen op de posten"},
      {"blind8-lijst-vragen-2013.txt", DocumentKind::kQuestions, 14, "Kamerstuk 33 400 V, nr. 115",
       "Lijst van vragen en antwoorden"},
      {"blind8-verslag-notaoverleg.txt", DocumentKind::kLetter, 13, "Kamerstuk 36 790, nr. 5",
       "Verslag van een notaoverleg"},
      {"blind8-aanhangsel-antwoorden.txt", DocumentKind::kQuestions, 8,
       "Aanhangsel Handelingen II 2025/26, nr. 1503", "Vragen van de leden Paternotte (D66)"},
      // A report whose minister replies after each party, a list in
      // `-layout`'s extraction with tables, answers labelled "Vraag 1" /
      // "Antwoord 1", a template letter whose sidebar heads every page.
      {"blind9-verslag-so-raad.txt", DocumentKind::kQuestions, 11, "Kamerstuk 21 501-02, nr. 3218",
       "Verslag van een schriftelijk overleg"},
      {"blind9-lijst-begroting.txt", DocumentKind::kQuestions, 25, "Kamerstuk 36 800 V, nr. 9",
       "Lijst van vragen en antwoorden"},
      {"blind9-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 15,
       "Aanhangsel Handelingen II 2025/26, nr. 1587",
       "Vragen van het lid Verhoeven-de Lange (CDA)"},
      {"blind9-kamerbrief.txt", DocumentKind::kLetter, 18, "BZ2611873",
       "Consulaire crisisrespons en vernieuwing van de reisadviezen"},
      // The Eerste Kamer's nadere memorie van antwoord without `-layout`, a
      // letter copied from the website, answers to several questions at
      // once in `-layout`, a list without "Antwoord" labels.
      {"blind10-nadere-memorie.txt", DocumentKind::kLetter, 14, "Kamerstukken I 2025/26, 36 748, E",
       "Nadere memorie van antwoord"},
      {"blind10-kamerbrief-website.txt", DocumentKind::kLetter, 24, "",
       "Kamerbrief over de toegang tot DigiD en het burgerservicenummer"},
      {"blind10-aanhangsel-layout.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 1312", "Vragen van het lid Ouali-Dekker"},
      {"blind10-lijst-zonder-antwoordlabel.txt", DocumentKind::kQuestions, 27,
       "Kamerstuk 30 010, nr. 68", "Lijst van vragen en antwoorden"},
      // Answers to written questions copied from the website, a letter
      // with its answers in an annex, a committee debate in `-layout`
      // (justified), a list with lettered parts.
      {"blind11-kamervragen-website.txt", DocumentKind::kQuestions, 12, "",
       "Vragen van het lid Ouali (GroenLinks-PvdA) aan de minister van Buitenlandse Zaken over "
       "het bericht"},
      {"blind11-kamerbrief-met-bijlage.txt", DocumentKind::kQuestions, 23,
       "Kamerstuk 30 010, nr. 76", "Kamerbrief: Consulaire dienstverlening"},
      {"blind11-commissiedebat-layout.txt", DocumentKind::kLetter, 32, "Kamerstuk 30 010, nr. 79",
       "Verslag van een commissiedebat"},
      {"blind11-lijst-deelvragen.txt", DocumentKind::kQuestions, 16, "Kamerstuk 30 010, nr. 80",
       "Lijst van vragen en antwoorden"},
      // A nota in `-layout` with justified lines, a report whose questions
      // are numbered anew under each party, answers to written questions
      // on the template, a chapter of the annual report with its table.
      {"blind12-nota-layout.txt", DocumentKind::kLetter, 14, "Kamerstuk 36 912, nr. 6",
       "Nota naar aanleiding van het verslag"},
      {"blind12-verslag-genummerd.txt", DocumentKind::kQuestions, 13, "Kamerstuk 36 433, nr. 7",
       "Verslag van een schriftelijk overleg"},
      {"blind12-kamervragen-brief.txt", DocumentKind::kQuestions, 8, "2026Z01562",
       "Beantwoording vragen van het lid Van der Lingen"},
      {"blind12-jaarverslag.txt", DocumentKind::kLetter, 26, "Kamerstuk 36 760 V, nr. 1",
       "Jaarverslag en slotwet Ministerie van Buitenlandse Zaken 2025"},
      {"blind13-kamerbrief.txt", DocumentKind::kLetter, 22, "BZ2706381",
       "Jaarrapportage consulaire dienstverlening 2026"},
      {"blind13-lijst-vragen-antwoorden.txt", DocumentKind::kQuestions, 13,
       "Kamerstuk 37 000 V, nr. 9", "Lijst van vragen en antwoorden"},
      {"blind13-schriftelijk-overleg.txt", DocumentKind::kQuestions, 10,
       "Kamerstuk 37 000 V, nr. 45", "Verslag van een schriftelijk overleg"},
      {"blind13-schriftelijke-vragen.txt", DocumentKind::kQuestions, 9,
       "Aanhangsel Handelingen II 2026/27, nr. 412", "Vragen van het lid Van Rooijen-Teunissen"},
      {"blind14-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 8, "2026Z19377",
       "Vragen van de leden Ceder (ChristenUnie) en Dobbe (SP)"},
      {"blind14-kamerbrief-modernisering.txt", DocumentKind::kLetter, 14,
       "Kamerstuk 30 010, nr. 57",
       "Voortgang modernisering consulaire dienstverlening en herziening reisadviezen"},
      {"blind14-lijst-van-vragen.txt", DocumentKind::kQuestions, 20, "Kamerstuk 36 600 V, nr. 9",
       "Lijst van vragen en antwoorden"},
      {"blind14-verslag-commissiedebat.txt", DocumentKind::kLetter, 20, "Kamerstuk 30 010, nr. 56",
       "Verslag van een commissiedebat"},
      {"blind15-handelingen.txt", DocumentKind::kLetter, 25,
       "Handelingen II 2025/26, nr. 34, item 7", "Plenair debat: Consulaire dienstverlening"},
      {"blind15-kamerbrief.txt", DocumentKind::kLetter, 12, "BZ2612874",
       "Voortgang modernisering consulaire dienstverlening"},
      {"blind15-memorie-van-antwoord.txt", DocumentKind::kLetter, 13,
       "Kamerstukken I 2026/27, 36 812, C", "Memorie van antwoord"},
      {"blind15-schriftelijk-overleg.txt", DocumentKind::kQuestions, 15, "Kamerstuk 36 744, nr. 6",
       "Verslag van een schriftelijk overleg"},
      {"blind16-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2026/27, nr. 1234", "Vragen van het lid El Khatib"},
      {"blind16-kamerbrief-markdown.txt", DocumentKind::kLetter, 19, "BZ2718844",
       "Voortgangsbrief consulaire dienstverlening 2027"},
      {"blind16-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 28,
       "Kamerstuk 36 955 V, nr. 7", "Lijst van vragen en antwoorden"},
      {"blind16-verslag-commissiedebat.txt", DocumentKind::kLetter, 25, "Kamerstuk 36 180, nr. 31",
       "Verslag van een commissiedebat, gehouden op 18 februari"},
      // A list in `-layout` with page references, a template letter copied
      // from a PDF viewer, a report answering party by party, answers in
      // `-layout` with two questions answered together.
      {"blind17-lijst-vragen.txt", DocumentKind::kQuestions, 18, "Kamerstuk 36 945 V, nr. 12",
       "Lijst van vragen en antwoorden"},
      {"blind17-kamerbrief.txt", DocumentKind::kLetter, 15, "BZ2614876",
       "Crisisparaatheid van het postennetwerk"},
      {"blind17-verslag-so.txt", DocumentKind::kLetter, 14, "Kamerstuk 21 501-02, nr. 3142",
       "Verslag van een schriftelijk overleg"},
      {"blind17-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 13,
       "Aanhangsel Handelingen II 2025/26, nr. 1234", "Vragen van de leden Van der Veen (VVD)"},
      // A nota without `-layout`, a `-layout` letter in numbered sections,
      // answers with lettered parts copied from the website, a committee
      // debate in `-layout`.
      {"blind18-nota-verslag.txt", DocumentKind::kLetter, 14, "Kamerstuk 36 812, nr. 8",
       "Nota naar aanleiding van het verslag"},
      {"blind18-kamerbrief-netwerk.txt", DocumentKind::kLetter, 17, "BZ2615432",
       "Staat van het consulaire netwerk 2026"},
      {"blind18-antwoorden-web.txt", DocumentKind::kQuestions, 10, "2026Z15873",
       "Vragen van het lid Terpstra-Boon (NSC)"},
      {"blind18-verslag-commissiedebat.txt", DocumentKind::kLetter, 33, "Kamerstuk 30 010, nr. 54",
       "Verslag van een commissiedebat"},
      // A letter saved from a word processor as text, a list in Markdown,
      // answers copied from officielebekendmakingen.nl, a policy reaction
      // to an evaluation's recommendations.
      {"blind19-kamerbrief.txt", DocumentKind::kLetter, 18, "BZ2542817",
       "Voortgangsbrief consulaire dienstverlening 2025"},
      {"blind19-lijst-vragen.txt", DocumentKind::kQuestions, 16, "Kamerstuk 36 742 V, nr. 7",
       "Lijst van vragen en antwoorden"},
      {"blind19-aanhangsel.txt", DocumentKind::kQuestions, 12, "2025Z20871",
       "Vragen van het lid Van Rooijen-Kaya (GL-PvdA)"},
      {"blind19-beleidsreactie.txt", DocumentKind::kLetter, 17, "",
       "Beleidsreactie evaluatie visumdienstverlening 2019–2024"},
      // A list of 2011 in `-layout`, a letter with headings in capitals
      // and the template's lines on every page, questions with the
      // member's explanations, a report answering all questions at its end.
      {"blind20-lijst-vragen-2011.txt", DocumentKind::kQuestions, 21, "Kamerstuk 33 000 V, nr. 9",
       "Lijst van vragen en antwoorden"},
      {"blind20-kamerbrief.txt", DocumentKind::kLetter, 25, "BZ2612345",
       "Voortgang consulaire dienstverlening 2026"},
      {"blind20-kamervragen.txt", DocumentKind::kQuestions, 12, "2026Z18342",
       "Vragen van het lid Kamminga (VVD)"},
      {"blind20-schriftelijk-overleg.txt", DocumentKind::kQuestions, 16,
       "Kamerstuk 21 501-02, nr. 3214", "Verslag van een schriftelijk overleg"},
      // The Eerste Kamer's answers to written questions, a report of 2015
      // in reported speech, a letter of numbered paragraphs, a list whose
      // questions and answers run over page breaks.
      {"blind21-ek-aanhangsel.txt", DocumentKind::kQuestions, 11,
       "Aanhangsel Handelingen I 2025/26, nr. 12", "Vragen van het lid Oosterhout-Meijer (CDA)"},
      {"blind21-ao-verslag-2015.txt", DocumentKind::kLetter, 15, "Kamerstuk 30 010, nr. 24",
       "Verslag van een algemeen overleg"},
      {"blind21-kamerbrief-genummerd.txt", DocumentKind::kLetter, 23, "BZ2539120",
       "Voortgang postennet, consulaire dienstverlening en visumverlening"},
      {"blind21-lijst-vragen.txt", DocumentKind::kQuestions, 15, "Kamerstuk 36 980 V, nr. 5",
       "Lijst van vragen en antwoorden"},
      // "Antwoord van het kabinet:" after each question, a PDF viewer's copy
      // with ligatures and "- 3 -" page numbers, a list saved from a word
      // processor, a cover letter with its report.
      {"blind22-verslag-so.txt", DocumentKind::kQuestions, 12, "Kamerstuk 30 010, nr. 61",
       "Verslag van een schriftelijk overleg"},
      {"blind22-kamerbrief.txt", DocumentKind::kLetter, 15, "BZ2529641",
       "Herijking postennetwerk en financiering consulaire dienstverlening"},
      {"blind22-lijst-vragen.txt", DocumentKind::kQuestions, 15, "",
       "Lijst van vragen en antwoorden"},
      {"blind22-rapportage.txt", DocumentKind::kLetter, 27, "BZ2531874",
       "Rapportage crisisbijstand 2025"},
      // Questions listed, then repeated with their answers; a letter whose
      // annex answers "Ad 1."; a debate copied from tweedekamer.nl; a list
      // printed as a table whose column heads stand one under the other.
      {"blind23-antwoorden-gedetineerden.txt", DocumentKind::kQuestions, 9, "2025Z16112",
       "Vragen van het lid Vermeulen (CDA)"},
      {"blind23-kamerbrief-commissiebrief.txt", DocumentKind::kLetter, 20, "BZ2522873",
       "Reactie op commissiebrief over dienstverlening aan Nederlanders in het buitenland"},
      {"blind23-verslag-commissiedebat.txt", DocumentKind::kLetter, 27,
       "Kamerstuk 36 600 V, nr. 84", "Verslag van een commissiedebat"},
      {"blind23-lijst-vragen-begroting.txt", DocumentKind::kQuestions, 16,
       "Kamerstuk 36 800 V, nr. 13", "Lijst van vragen en antwoorden"},
      // A `-layout` letter with the sidebar beside the text on every page,
      // a nota without marks of who speaks, answers numbered "1)" in a PDF
      // viewer's copy, a report whose questions are numbered per party.
      {"blind24-kamerbrief-reisadviezen.txt", DocumentKind::kLetter, 21, "BZ2610022",
       "Stand van zaken reisadviezen en consulaire crisisrespons"},
      {"blind24-nota-nav-verslag.txt", DocumentKind::kLetter, 15, "Kamerstuk 36 842, nr. 6",
       "Nota naar aanleiding van het verslag"},
      {"blind24-beantwoording-vragen.txt", DocumentKind::kQuestions, 10, "2026Z07418",
       "Vragen van het lid Roelofsen (CDA)"},
      {"blind24-vso-jbz-raad.txt", DocumentKind::kQuestions, 11, "Kamerstuk 32 317, nr. 1012",
       "Verslag van een schriftelijk overleg"},
      // A list whose question numbers may stand at a page's foot, above
      // the footer and the page's number, an annotated agenda in `-layout`,
      // answers copied from rijksoverheid.nl, a report that answers all
      // parties after their questions.
      {"blind25-antwoorden-kamervragen-webpagina.txt", DocumentKind::kQuestions, 13, "2025Z24518",
       "Vragen van het lid Ten Hoeve (NSC) over"},
      {"blind25-geannoteerde-agenda-rbz.txt", DocumentKind::kLetter, 22, "BZ2601873",
       "Geannoteerde agenda Raad Buitenlandse"},
      {"blind25-lijst-vragen-begroting-bho.txt", DocumentKind::kQuestions, 40,
       "Kamerstuk 36 800 XVII, nr. 9", "Lijst van vragen en antwoorden"},
      {"blind25-verslag-schriftelijk-overleg-consulair.txt", DocumentKind::kLetter, 10,
       "Kamerstuk 30 010, nr. 64", "Verslag van een schriftelijk overleg"},
      // A nota, a PDF viewer's copy of a letter with "Aanbeveling 1:" and
      // "Reactie:" and no blank lines, answers to two members in `-layout`
      // with the identifier before the footer, a committee debate of a
      // paragraph per line under a masthead.
      {"blind26-antwoorden-kamervragen-gedetineerden-buitenland.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 612", "Vragen van de leden Kroon (GL-PvdA) en"},
      {"blind26-kamerbrief-beleidsreactie-evaluatie-reisadviezen.txt", DocumentKind::kLetter, 17,
       "BZ2523691", "Beleidsreactie op de IOB-evaluatie van"},
      {"blind26-nota-naar-aanleiding-verslag-paspoortwet.txt", DocumentKind::kLetter, 16,
       "Kamerstuk 36 742, nr. 6", "Nota naar aanleiding van het verslag"},
      {"blind26-verslag-commissiedebat-consulaire-zaken.txt", DocumentKind::kLetter, 24,
       "Kamerstuk 36 600 V, nr. 48", "Verslag van een commissiedebat"},
      // Answers with lone footnote numbers, a template letter whose date
      // repeats under "Datum" on every page and whose numbered headings
      // look like footnotes, a `-layout` list with page references, an
      // Eerste Kamer memorie van antwoord.
      {"blind27-aanhangsel-antwoorden-nepal.txt", DocumentKind::kQuestions, 13,
       "Aanhangsel Handelingen II 2025/26, nr. 412", "Vragen van het lid Veltman-de Ruiter"},
      {"blind27-kamerbrief-voortgangsrapportage.txt", DocumentKind::kLetter, 16, "BZ2525871",
       "Vierde voortgangsrapportage Consulaire"},
      {"blind27-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 16,
       "Kamerstuk 36 740 V, nr. 8", "Lijst van vragen en antwoorden"},
      {"blind27-memorie-van-antwoord-verdrag.txt", DocumentKind::kLetter, 12,
       "Kamerstukken I 2025/26, 36 548 (R2214), C", "Memorie van antwoord"},
      // A letter converted to Markdown with "[^1]" notes and the website's
      // list of documents, a template letter of numbered motions and
      // commitments, a list with question and answer side by side, a report
      // with "Antwoord van het kabinet" after each party.
      {"blind28-kamerbrief-stemmen-buitenland-rni.txt", DocumentKind::kLetter, 19, "BZ2603118",
       "Kamerbrief over stemmen vanuit het"},
      {"blind28-kamerbrief-toezeggingen-moties.txt", DocumentKind::kLetter, 14, "BZ2601874",
       "Overzicht toezeggingen en moties"},
      {"blind28-lijst-vragen-begroting-bz-2026.txt", DocumentKind::kQuestions, 17,
       "Kamerstuk 36 800 V, nr. 15", "Lijst van vragen en antwoorden"},
      {"blind28-verslag-so-raad-algemene-zaken.txt", DocumentKind::kQuestions, 5,
       "Kamerstuk 21 501-02, nr. 3187", "Verslag van een schriftelijk overleg"},
      {"blind29-verslag-schriftelijk-overleg-raad-handel.txt", DocumentKind::kQuestions, 6,
       "Kamerstuk 21 501-02, nr. 215", "Verslag van een schriftelijk overleg"},
      {"blind30-lijst-vragen-suppletoire-begroting.txt", DocumentKind::kQuestions, 10,
       "Kamerstuk 36 870 V, nr. 244", "Lijst van vragen en antwoorden"},
      {"blind30-vraag-antwoord-wonen-buitenland.txt", DocumentKind::kQuestions, 11, "",
       "Vraag en antwoord: wonen in het buitenland"},
      {"blind29-handelingen-vragenuur-gestrande-nederlanders.txt", DocumentKind::kLetter, 13,
       "Handelingen II 2025/26, nr. 214, item 5", "Vragenuur: Vragen van het lid"},
      {"blind32-memorie-antwoord-overbrenging.txt", DocumentKind::kQuestions, 10,
       "Kamerstukken I 2025/26, 36 857, C", "Memorie van antwoord"},
      {"blind31-jaarverslag-beleidsartikel-consulair.txt", DocumentKind::kLetter, 23,
       "Kamerstuk 36 930 V, nr. 281", "Artikel 4. Consulaire dienstverlening"},
      {"blind34-verslag-schriftelijk-overleg.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 918, nr. 403", "Verslag van een schriftelijk overleg"},
      {"blind34-jaarverslag-staat-consulair.txt", DocumentKind::kLetter, 22, "",
       "Staat van het Consulair 2025"},
      {"blind35-lijst-vragen-staat-consulaire.txt", DocumentKind::kQuestions, 21,
       "Kamerstuk 32 734, nr. 463", "Lijst van vragen en antwoorden"},
      {"blind35-verslag-commissiedebat-consulaire-zaken.txt", DocumentKind::kLetter, 21,
       "Kamerstuk 32 734, nr. 478", "Verslag van een commissiedebat"},
      {"blind32-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 18,
       "Kamerstuk 36 935 V, nr. 324", "Lijst van vragen en antwoorden"},
      // The documents of the everyday sets.
      {"everyday1-antwoorden-kamervragen-gedetineerden.txt", DocumentKind::kQuestions, 14,
       "Aanhangsel Handelingen II 2025/26, nr. 414", "Vragen van het lid Koopmans-Dekker"},
      {"everyday1-kamerbrief-consulaire-dienstverlening.txt", DocumentKind::kLetter, 17,
       "Kamerstuk 30 010, nr. 62", "Kamerbrief: Consulaire dienstverlening"},
      {"everyday1-kamerbrief-visumbeleid-kort-verblijf.txt", DocumentKind::kLetter, 18,
       "Kamerstuk 30 573, nr. 228", "Kamerbrief: Migratiebeleid"},
      {"everyday1-lijst-vragen-begroting-bz.txt", DocumentKind::kQuestions, 30,
       "Kamerstuk 36 800 V, nr. 11", "Lijst van vragen en antwoorden"},
      {"everyday2-kamerbrief-dienstverlening-nederlanders-buitenland.txt", DocumentKind::kLetter,
       14, "Kamerstuk 32 734, nr. 47", "Kamerbrief: Consulaire dienstverlening"},
      {"everyday2-kamerbrief-reisadviezen-crisisrespons.txt", DocumentKind::kLetter, 16,
       "BZ2610447", "Reisadviezen en consulaire"},
      {"everyday2-nota-naar-aanleiding-verslag-postennetwerk.txt", DocumentKind::kLetter, 13,
       "Kamerstuk 36 794, nr. 6", "Nota naar aanleiding van het verslag"},
      {"everyday2-verslag-schriftelijk-overleg-ontwikkelingshulp.txt", DocumentKind::kQuestions, 11,
       "Kamerstuk 32 605, nr. 289", "Verslag van een schriftelijk overleg"},
      // Answers that cite an Aanhangsel in their text.
      {"blind29-antwoorden-kamervragen-aow-levensbewijs.txt", DocumentKind::kQuestions, 10,
       "2025Z24418", "Vragen van de leden Wolters (CDA) en El Bouzidi (GroenLinks-PvdA)"},
      {"blind31-antwoorden-kamervragen-paspoort.txt", DocumentKind::kQuestions, 12, "2025Z22814",
       "Vragen van het lid Verhoeven-Daal (CDA)"},
      // The common forms: a list with the number alone above each question,
      // answers under the ministry's masthead, a letter in numbered sections,
      // a report with "Antwoord van het kabinet" after each party.
      {"blind37-lijst-vragen-begroting.txt", DocumentKind::kQuestions, 15,
       "Kamerstuk 36 950 V, nr. 521", "Lijst van vragen en antwoorden"},
      {"blind37-antwoorden-kamervragen-gedetineerden.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 3715", "Vragen van het lid Wijnants-Bos (CDA)"},
      {"blind37-brief-herziening-reisadviezen.txt", DocumentKind::kLetter, 17,
       "Kamerstuk 36 940, nr. 530", "Kamerbrief: Consulaire dienstverlening"},
      {"blind37-verslag-schriftelijk-overleg-rbz.txt", DocumentKind::kQuestions, 8,
       "Kamerstuk 21 501-02, nr. 545", "Verslag van een schriftelijk overleg"},
      // A `-layout` list without "Antwoord", answers copied from
      // officielebekendmakingen.nl, a PDF viewer's copy of a letter, a
      // committee debate.
      {"blind38-lijst-vragen-suppletoire-begroting-bho.txt", DocumentKind::kQuestions, 13,
       "Kamerstuk 36 935 XVII, nr. 563", "Lijst van vragen en antwoorden"},
      {"blind38-antwoorden-kamervragen-paspoort.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 3817", "Vragen van de leden Doorn (D66)"},
      {"blind38-kamerbrief-consulaire-strategie.txt", DocumentKind::kLetter, 16, "BZ2603417",
       "Consulaire strategie 2026–2030"},
      {"blind38-verslag-commissiedebat-consulaire-zaken.txt", DocumentKind::kLetter, 27,
       "Kamerstuk 36 918, nr. 578", "Verslag van een commissiedebat"},
      // An Eerste Kamer memorie van antwoord, factual answers in an annex,
      // "Reactie van de minister" in `-layout`, `pdftotext -raw`.
      {"blind39-memorie-van-antwoord-consulaire-bijstand.txt", DocumentKind::kLetter, 14,
       "Kamerstukken I 2025/26, 36 947 (R2213), C", "Memorie van antwoord"},
      {"blind39-brief-antwoorden-feitelijke-vragen-jaarverslag.txt", DocumentKind::kQuestions, 15,
       "Kamerstuk 36 955 V, nr. 607", "Antwoorden op feitelijke vragen over het Jaarverslag"},
      {"blind39-verslag-schriftelijk-overleg-nederlanders-buitenland.txt", DocumentKind::kQuestions,
       8, "Kamerstuk 36 972, nr. 624", "Verslag van een schriftelijk overleg"},
      {"blind39-brief-mensenrechtenbeleid.txt", DocumentKind::kLetter, 19,
       "Kamerstuk 32 735, nr. 631", "Kamerbrief: Mensenrechten in het buitenlands beleid"},
      // A header on every page, answers to two members, a letter from
      // rijksoverheid.nl, a nota without labels.
      {"blind40-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 760 V, nr. 643", "Lijst van vragen en antwoorden"},
      {"blind40-antwoorden-kamervragen-paspoort-digid.txt", DocumentKind::kQuestions, 11,
       "Aanhangsel Handelingen II 2025/26, nr. 4023", "Vragen van de leden Kramer-Dijkstra (CDA)"},
      {"blind40-kamerbrief-evacuatie-haiti.txt", DocumentKind::kLetter, 13, "",
       "Kamerbrief over de evacuatie van Nederlanders uit Haïti"},
      {"blind40-nota-naar-aanleiding-verslag.txt", DocumentKind::kLetter, 15,
       "Kamerstuk 36 934 (R2198), nr. 667", "Nota naar aanleiding van het verslag"},
      // Questions in full above their answers, a `-layout` letter with its
      // sidebar, "Reactie van het kabinet" in `-layout`, bullets in answers.
      {"blind41-lijst-vragen-begroting-bho.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 948 XVII, nr. 685", "Lijst van vragen en antwoorden"},
      {"blind41-brief-staat-van-het-consulair.txt", DocumentKind::kLetter, 19, "BZ2617045",
       "Staat van het Consulair 2026"},
      {"blind41-verslag-schriftelijk-overleg-raz.txt", DocumentKind::kQuestions, 7,
       "Kamerstuk 21 501-02, nr. 694", "Verslag van een schriftelijk overleg"},
      {"blind41-antwoorden-kamervragen-vermissing.txt", DocumentKind::kQuestions, 11,
       "Aanhangsel Handelingen II 2025/26, nr. 4117", "Vragen van het lid Zwaneveld (D66)"},
      // Answers to questions answered together, the Eerste Kamer's
      // Aanhangsel, an annotated agenda, a PDF viewer's copy of a letter.
      {"blind42-lijst-vragen-hgis-nota.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 990 V, nr. 724", "Lijst van vragen en antwoorden"},
      {"blind42-aanhangsel-vragen-eerste-kamer.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen I 2025/26, nr. 4217", "Vragen van de leden Ten Hoeve"},
      {"blind42-geannoteerde-agenda-rbz.txt", DocumentKind::kLetter, 16,
       "Kamerstuk 21 501-02, nr. 743", "Geannoteerde agenda Raad Buitenlandse Zaken"},
      {"blind42-reactie-verzoek-commissie.txt", DocumentKind::kLetter, 13, "BZ2609114",
       "Reactie op verzoek commissie"},
      // A list copied from officielebekendmakingen.nl, a `-layout` letter of
      // numbered paragraphs, a notaoverleg, a report numbered in one run.
      {"blind43-lijst-vragen-verdrag-colombia.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 853, nr. 763", "Lijst van vragen en antwoorden"},
      {"blind43-brief-postennet.txt", DocumentKind::kLetter, 19, "Kamerstuk 32 734, nr. 772",
       "Kamerbrief: Modernisering van de diplomatie"},
      {"blind43-verslag-notaoverleg-gedetineerden.txt", DocumentKind::kLetter, 29,
       "Kamerstuk 36 742, nr. 785", "Verslag van een notaoverleg"},
      {"blind43-verslag-schriftelijk-overleg-consulair.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 861, nr. 791", "Verslag van een schriftelijk overleg"},
      // Unlabelled answers whose questions run over a page break, a plenary
      // record, a budget's chapter in `-layout`, a letter with bullets.
      {"blind44-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 11,
       "Aanhangsel Handelingen II 2025/26, nr. 4417", "Vragen van het lid Brouwer-Kamminga (VVD)"},
      {"blind44-handelingen-begrotingsdebat.txt", DocumentKind::kLetter, 20,
       "Handelingen II 2026/27, nr. 19, item 7", "Plenair debat: Begroting Buitenlandse Zaken"},
      {"blind44-begroting-beleidsartikel-4.txt", DocumentKind::kLetter, 26,
       "Kamerstuk 36 960 V, nr. 812", "Beleidsartikel 4 Consulaire dienstverlening"},
      {"blind44-kamerbrief-aardbeving-turkije.txt", DocumentKind::kLetter, 12,
       "Kamerstuk 36 972, nr. 827", "Kamerbrief: Aardbeving in Zuidwest-Turkije"},
      // Page references in a `-layout` list's margin, questions answered
      // together, a letter copied from officielebekendmakingen.nl, "1.
      // Antwoord" after each question.
      {"blind45-lijst-vragen-begroting.txt", DocumentKind::kQuestions, 17,
       "Kamerstuk 37 000 V, nr. 845", "Lijst van vragen en antwoorden"},
      {"blind45-antwoorden-schengenvisum-familiebezoek.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 4517", "Vragen van het lid Bouzerda"},
      {"blind45-kamerbrief-modernisering-consulaire-dienstverlening.txt", DocumentKind::kLetter, 18,
       "Kamerstuk 36 912, nr. 852", "Voortgang modernisering consulaire dienstverlening 2026"},
      {"blind45-verslag-schriftelijk-overleg-europese-raad.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 21 501-20, nr. 876", "Verslag van een schriftelijk overleg"},
      // A nota under party headings in `-layout`, a chapter of the annual
      // report, a PDF viewer's letter with its answers in an annex, an
      // Eerste Kamer committee's letter with the minister's reply.
      {"blind46-nota-naar-aanleiding-verslag.txt", DocumentKind::kLetter, 15,
       "Kamerstuk 36 912, nr. 887", "Nota naar aanleiding van het verslag"},
      {"blind46-jaarverslag-consulaire-dienstverlening.txt", DocumentKind::kLetter, 18,
       "Kamerstuk 36 940 V, nr. 893", "Beleidsartikel 4 Consulaire dienstverlening"},
      {"blind46-brief-beantwoording-vragen.txt", DocumentKind::kQuestions, 13, "BZ2605118",
       "Beantwoording vragen van de vaste commissie voor Buitenlandse Zaken"},
      {"blind46-verslag-schriftelijk-overleg-eerste-kamer.txt", DocumentKind::kQuestions, 9,
       "Kamerstuk 36 975, nr. 902", "Verslag van een schriftelijk overleg"},
      // Answers copied from rijksoverheid.nl, a committee debate from
      // officielebekendmakingen.nl, a policy note with text boxes.
      {"blind47-lijst-vragen-jaarverslag-bho.txt", DocumentKind::kQuestions, 15,
       "Kamerstuk 36 915 XVII, nr. 924", "Lijst van vragen en antwoorden"},
      {"blind47-antwoorden-kamervragen-paspoort-buitenland.txt", DocumentKind::kQuestions, 11,
       "Aanhangsel Handelingen II 2025/26, nr. 4703", "Vragen van de leden Tuinstra (VVD)"},
      {"blind47-verslag-commissiedebat-consulaire-zaken.txt", DocumentKind::kLetter, 23,
       "Kamerstuk 36 930, nr. 941", "Verslag van een commissiedebat"},
      {"blind47-beleidsnota-handel-ontwikkelingshulp.txt", DocumentKind::kLetter, 21,
       "Kamerstuk 33 625, nr. 955", "Kamerbrief: Ontwikkelingssamenwerking en handelsbeleid"},
      // Questions in lettered parts answered "Ad a.", a report of 2014 in
      // reported speech, a letter with an annex table.
      {"blind48-lijst-vragen-verdrag-peru.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 914 (R2213), nr. 967", "Lijst van vragen en antwoorden"},
      {"blind48-antwoorden-kamervragen-paspoort.txt", DocumentKind::kQuestions, 9,
       "Aanhangsel Handelingen II 2025/26, nr. 4817", "Vragen van de leden Verhoeven-Brink (NSC)"},
      {"blind48-verslag-algemeen-overleg-consulair.txt", DocumentKind::kLetter, 26,
       "Kamerstuk 33 814, nr. 974", "Verslag van een algemeen overleg"},
      {"blind48-brief-postennetwerk.txt", DocumentKind::kLetter, 15, "Kamerstuk 32 734, nr. 988",
       "Kamerbrief: Nederlandse diplomatie en het postennetwerk"},
      // The common forms again: a table of questions and answers in two
      // columns, answers copied from officielebekendmakingen.nl, a debate
      // of a dossier with a sub-number, a kabinetsreactie by recommendation.
      {"blind49-antwoorden-kamervragen-gedetineerde.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 4917", "Vragen van de leden Hoekstra-Bakker"},
      {"blind49-kamerbrief-reisadviessysteem.txt", DocumentKind::kLetter, 16,
       "Kamerstuk 36 918, nr. 1023", "Kamerbrief: Consulaire dienstverlening"},
      {"blind49-lijst-vragen-begroting.txt", DocumentKind::kQuestions, 15,
       "Kamerstuk 36 960 V, nr. 1004", "Lijst van vragen en antwoorden"},
      {"blind49-verslag-schriftelijk-overleg-rbz.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 21 501-02, nr. 1034", "Verslag van een schriftelijk overleg"},
      {"blind50-antwoorden-kamervragen-gedetineerden.txt", DocumentKind::kQuestions, 11,
       "Aanhangsel Handelingen II 2025/26, nr. 5012", "Vragen van het lid Hermans-Vos (CDA)"},
      {"blind50-kamerbrief-paspoorten-buitenland.txt", DocumentKind::kLetter, 14, "BZ2589104",
       "Reisdocumenten voor Nederlanders in het"},
      {"blind50-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 13,
       "Kamerstuk 36 935 V, nr. 1052", "Lijst van vragen en antwoorden"},
      {"blind50-verslag-commissiedebat-consulaire-zaken.txt", DocumentKind::kLetter, 26,
       "Kamerstuk 36 944, nr. 1063", "Verslag van een commissiedebat"},
      {"blind51-antwoorden-kamervragen-paspoort.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 5104", "Vragen van de leden Vermeulen-Kroes"},
      {"blind51-jaarverslag-ontwikkelingssamenwerking.txt", DocumentKind::kLetter, 21,
       "Kamerstuk 36 945 XVII, nr. 1096", "Beleidsartikel 2 Duurzaam water"},
      {"blind51-kamerbrief-sanctiepakket-rusland.txt", DocumentKind::kLetter, 11, "BZ2614087",
       "Kamerbrief over gevolgen van het"},
      {"blind51-nota-verslag-stemmen-buitenland.txt", DocumentKind::kLetter, 13,
       "Kamerstuk 36 912, nr. 1081", "Nota naar aanleiding van het verslag"},
      {"blind52-antwoorden-kamervragen-aardbeving.txt", DocumentKind::kQuestions, 13,
       "Aanhangsel Handelingen II 2025/26, nr. 5214", "Vragen van het lid Dijkhuizen (CDA) aan"},
      {"blind52-brief-handelsagenda.txt", DocumentKind::kLetter, 17, "Kamerstuk 34 952, nr. 1153",
       "Kamerbrief: Beleidsnota Buitenlandse"},
      {"blind52-handelingen-debat-visumbeleid.txt", DocumentKind::kLetter, 27,
       "Handelingen II 2025/26, nr. 52, item 9", "Plenair debat: Visumbeleid"},
      {"blind52-lijst-vragen-suppletoire-begroting.txt", DocumentKind::kQuestions, 16,
       "Kamerstuk 36 942 V, nr. 1124", "Lijst van vragen en antwoorden"},
      {"blind53-antwoord-kamervragen-paspoort.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 5318", "Vragen van de leden Kuipers-de Wit"},
      {"blind53-brief-levensbewijs-aow-buitenland.txt", DocumentKind::kLetter, 14,
       "2026-0000081346", "Voortgang levensbewijs en"},
      {"blind53-lijst-vragen-suppletoire-begroting.txt", DocumentKind::kQuestions, 13,
       "Kamerstuk 36 935 XVII, nr. 1164", "Lijst van vragen en antwoorden"},
      {"blind53-memorie-van-antwoord-consulaire-bijstand.txt", DocumentKind::kLetter, 11,
       "Kamerstukken I 2025/26, 36 914, C", "Memorie van antwoord"},
      {"blind54-antwoorden-kamervragen-paspoortwachttijden.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 5417", "Vragen van de leden Kuipers (NSC) en"},
      {"blind54-brief-digid-nederlanders-buitenland.txt", DocumentKind::kLetter, 17,
       "Kamerstuk 26 643, nr. 1218", "Kamerbrief: Informatie- en"},
      {"blind54-lijst-vragen-verdrag-overbrenging-peru.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 914 (R2213), nr. 1206", "Lijst van vragen en antwoorden"},
      {"blind54-verslag-algemeen-overleg-ontwikkelingssamenwerking.txt", DocumentKind::kLetter, 14,
       "Kamerstuk 36 947, nr. 1231", "Verslag van een algemeen overleg"},
      {"blind55-antwoorden-kamervragen-legalisatie.txt", DocumentKind::kQuestions, 13,
       "Aanhangsel Handelingen II 2025/26, nr. 5517", "Vragen van het lid Kuiper-de Wit (NSC)"},
      {"blind55-brief-vernieuwing-postennet.txt", DocumentKind::kLetter, 16,
       "Kamerstuk 36 941, nr. 1271", "Opening en sluiting van posten"},
      {"blind55-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 15,
       "Kamerstuk 36 960 V, nr. 1241", "Lijst van vragen en antwoorden"},
      {"blind55-verslag-schriftelijk-overleg-visumbeleid.txt", DocumentKind::kQuestions, 6,
       "Kamerstuk 36 947, nr. 1258", "Verslag van een schriftelijk overleg"},
      {"blind56-antwoorden-kamervragen-mensenrechtenverdedigers.txt", DocumentKind::kQuestions, 13,
       "Aanhangsel Handelingen II 2025/26, nr. 5617", "Vragen van het lid Özdemir"},
      {"blind56-kabinetsreactie-aiv-advies-consulaire-dienstverlening.txt", DocumentKind::kLetter,
       12, "Kamerstuk 36 947, nr. 1307", "Kamerbrief: Consulaire dienstverlening"},
      {"blind56-lijst-vragen-crisisbijstand.txt", DocumentKind::kQuestions, 17,
       "Kamerstuk 36 912, nr. 1283", "Lijst van vragen en antwoorden"},
      {"blind56-verslag-commissiedebat-raad-buitenlandse-zaken.txt", DocumentKind::kLetter, 29,
       "Kamerstuk 21 501-02, nr. 1296", "Verslag van een commissiedebat"},
      // A plenary record whose footer has the sitting's date between its
      // lines, a letter with a table headed "Onderwerp", a budget's article.
      {"blind57-antwoorden-kamervragen-gestrande-reizigers.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 5718", "Vragen van de leden Van Rooijen (D66)"},
      {"blind57-lijst-vragen-begroting.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 980 V, nr. 1324", "Lijst van vragen en antwoorden"},
      {"blind57-verslag-commissiedebat-visumbeleid.txt", DocumentKind::kLetter, 25,
       "Kamerstuk 36 957, nr. 1355", "Verslag van een commissiedebat"},
      {"blind57-voortgangsbrief-consulaire-dienstverlening.txt", DocumentKind::kLetter, 16,
       "Kamerstuk 36 934, nr. 1342", "Kamerbrief: Consulaire dienstverlening"},
      {"blind58-antwoorden-kamervragen-digid-buitenland.txt", DocumentKind::kQuestions, 11,
       "Aanhangsel Handelingen II 2025/26, nr. 5812", "Vragen van het lid Kamminga-de Boer"},
      {"blind58-beleidsbrief-gedetineerden-buitenland.txt", DocumentKind::kLetter, 16, "BZ2532871",
       "Beleidsbrief ondersteuning Nederlandse"},
      {"blind58-lijst-vragen-antwoorden-goedkeuringswet-verdrag.txt", DocumentKind::kQuestions, 15,
       "Kamerstuk 36 947, nr. 1379", "Lijst van vragen en antwoorden"},
      {"blind58-verslag-schriftelijk-overleg-raad-algemene-zaken.txt", DocumentKind::kQuestions, 9,
       "Kamerstuk 21 501-02, nr. 1368", "Verslag van een schriftelijk overleg"},
      {"blind59-antwoorden-kamervragen-briefstemmen.txt", DocumentKind::kQuestions, 14,
       "Aanhangsel Handelingen II 2025/26, nr. 5903", "Vragen van het lid Van Leeuwen (Volt)"},
      {"blind59-handelingen-debat-consulaire-dienstverlening.txt", DocumentKind::kLetter, 36,
       "Handelingen II 2025/26, nr. 48, item 7", "Plenair debat: Consulaire"},
      {"blind59-kamerbrief-reisadvies-libanon.txt", DocumentKind::kLetter, 16, "",
       "Kamerbrief over aanpassing reisadvies"},
      {"blind59-lijst-vragen-jaarverslag-bho.txt", DocumentKind::kQuestions, 16,
       "Kamerstuk 36 950 XVII, nr. 1403", "Lijst van vragen en antwoorden"},
      {"blind60-antwoorden-kamervragen-paspoort-buitenland.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 6017", "Vragen van de leden Brouwer-Kok (VVD)"},
      {"blind60-begroting-artikel4-consulaire-dienstverlening.txt", DocumentKind::kLetter, 31,
       "Kamerstuk 37 000 V, nr. 1452", "Artikel 4 Consulaire dienstverlening en"},
      {"blind60-nota-verslag-consulaire-bijstand.txt", DocumentKind::kLetter, 14,
       "Kamerstuk 36 912, nr. 1446", "Nota naar aanleiding van het verslag"},
      {"blind60-verslag-algemeen-overleg-consulaire-zaken.txt", DocumentKind::kLetter, 21,
       "Kamerstuk 36 947, nr. 1463", "Verslag van een algemeen overleg"},
      {"blind61-antwoorden-kamervragen-paspoort-australie.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 6107", "Antwoorden op Kamervragen over de"},
      {"blind61-kamerbrief-legalisatie-apostille.txt", DocumentKind::kLetter, 13,
       "Kamerstuk 36 912, nr. 1495", "Kamerbrief: Modernisering van de"},
      {"blind61-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 13,
       "Kamerstuk 36 945 V, nr. 1484", "Lijst van vragen en antwoorden"},
      {"blind61-verslag-schriftelijk-overleg-eerste-kamer.txt", DocumentKind::kQuestions, 10,
       "Kamerstuk 36 921, nr. 1503", "Verslag van een schriftelijk overleg"},
      {"blind62-antwoorden-vragen-aardbeving-nepal.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 6217", "Vragen van de leden Hoekstra-Visser"},
      {"blind62-beleidsbrief-mensenrechten.txt", DocumentKind::kLetter, 19,
       "Kamerstuk 32 735, nr. 1544", "Kamerbrief: Mensenrechten in het"},
      {"blind62-lijst-vragen-najaarsnota.txt", DocumentKind::kQuestions, 11,
       "Kamerstuk 36 861 V, nr. 1529", "Lijst van vragen en antwoorden"},
      {"blind62-verslag-commissiedebat-ontwikkelingssamenwerking.txt", DocumentKind::kLetter, 28,
       "Kamerstuk 36 914, nr. 1538", "Verslag van een commissiedebat"},
      {"blind63-antwoord-kamervragen-paspoort.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 6312", "Vragen van de leden Terpstra (D66) en"},
      {"blind63-kamerbrief-honorair-consuls.txt", DocumentKind::kLetter, 13, "BZ2604418",
       "Versterking van het netwerk van"},
      {"blind63-lijst-vragen-begroting-bho.txt", DocumentKind::kQuestions, 13,
       "Kamerstuk 36 930 XVII, nr. 1562", "Lijst van vragen en antwoorden"},
      {"blind63-verslag-schriftelijk-overleg-europese-raad.txt", DocumentKind::kLetter, 13,
       "Kamerstuk 21 501-20, nr. 1583", "Verslag van een schriftelijk overleg"},
      {"blind64-antwoorden-kamervragen-paspoortkosten.txt", DocumentKind::kQuestions, 10,
       "Aanhangsel Handelingen II 2025/26, nr. 6418", "Vragen van het lid Kortenhoeven (NSC)"},
      {"blind64-handelingen-wetsvoorstel-consulaire-dienstverlening.txt", DocumentKind::kLetter, 20,
       "Handelingen II 2025/26, nr. 47, item 9", "Plenair debat: Wet consulaire"},
      {"blind64-kamerbrief-evacuaties-crisishulp.txt", DocumentKind::kLetter, 15,
       "Kamerstuk 36 958, nr. 1623", "Kamerbrief: Consulaire bijstand en"},
      {"blind64-lijst-vragen-jaarverslag.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 36 945 V, nr. 1614", "Lijst van vragen en antwoorden"},
      {"blind65-aanhangsel-antwoorden.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 6501", "Vragen van het lid Ter Haar-Smit (CDA)"},
      {"blind65-kamerbrief.txt", DocumentKind::kLetter, 12, "BZ2608817",
       "Stand van zaken visumdienstverlening"},
      {"blind65-verslag-commissiedebat.txt", DocumentKind::kLetter, 24,
       "Kamerstuk 36 512, nr. 1642", "Verslag van een commissiedebat"},
      {"blind65-vragenlijst-begroting-2027.txt", DocumentKind::kQuestions, 15,
       "Kamerstuk 36 950 V, nr. 1641", "Lijst van vragen en antwoorden"},
      {"blind66-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 13, "2026Z01986",
       "Vragen van het lid Oudeman (NSC) over"},
      {"blind66-kamerbrief.txt", DocumentKind::kLetter, 12, "Kamerstuk 30 010, nr. 1682",
       "Kamerbrief: Consulaire dienstverlening"},
      {"blind66-nota-naar-aanleiding-van-het-verslag.txt", DocumentKind::kLetter, 12,
       "Kamerstuk 36 918, nr. 1683", "Nota naar aanleiding van het verslag"},
      {"blind66-verslag-schriftelijk-overleg.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 21 501-02, nr. 1681", "Verslag van een schriftelijk overleg"},
      {"blind67-kamerbrief-rijksoverheid.txt", DocumentKind::kLetter, 13, "BZ2604118",
       "Kamerbrief over verbetering van de"},
      {"blind67-lijst-vragen-antwoorden-begroting.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 840 V, nr. 1721", "Lijst van vragen en antwoorden"},
      {"blind67-memorie-van-antwoord-eerste-kamer.txt", DocumentKind::kLetter, 11,
       "Kamerstukken I 2025/26, 36 702, C", "Memorie van antwoord"},
      {"blind67-verslag-algemeen-overleg.txt", DocumentKind::kLetter, 12,
       "Kamerstuk 36 719, nr. 1722", "Verslag van een algemeen overleg"},
      {"blind68-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 9,
       "Aanhangsel Handelingen II 2025/26, nr. 6621", "Vragen van het lid Brouwers-de Vlieger"},
      {"blind68-bnc-fiche.txt", DocumentKind::kLetter, 23, "Kamerstuk 22 112, nr. 1762",
       "Fiche: Verordening Uniekader consulaire"},
      {"blind68-handelingen-plenair-debat.txt", DocumentKind::kLetter, 22,
       "Handelingen II 2025/26, nr. 47, item 8", "Plenair debat: Postennetwerk en"},
      {"blind68-lijst-van-vragen-en-antwoorden.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 910 V, nr. 1761", "Lijst van vragen en antwoorden"},
      {"blind69-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 6661", "Vragen van het lid Brouwer-Kalkman"},
      {"blind69-geannoteerde-agenda.txt", DocumentKind::kLetter, 19,
       "Kamerstuk 21 501-02, nr. 1803", "Geannoteerde agenda Raad Buitenlandse"},
      {"blind69-jaarverslag-vragen.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 920 V, nr. 1801", "Lijst van vragen en antwoorden"},
      {"blind69-kamerbrief.txt", DocumentKind::kLetter, 13, "BZ2614877",
       "Versterking consulaire crisisrespons en"},
      {"blind70-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 13,
       "Aanhangsel Handelingen II 2025/26, nr. 6701", "Vragen van het lid El Bouzidi-Veenstra"},
      {"blind70-beleidsbrief.txt", DocumentKind::kLetter, 19, "Kamerstuk 36 800 V, nr. 1842",
       "Kamerbrief: Vaststelling van de"},
      {"blind70-staat-van-het-consulair.txt", DocumentKind::kLetter, 23, "",
       "Staat van het Consulair 2026"},
      {"blind70-verslag-schriftelijk-overleg.txt", DocumentKind::kQuestions, 12,
       "Kamerstuk 30 010, nr. 1841", "Verslag van een schriftelijk overleg"},
      {"blind71-antwoorden-kamervragen.txt", DocumentKind::kQuestions, 13,
       "Aanhangsel Handelingen II 2025/26, nr. 6741", "Vragen van het lid Jansma-Okafor (CDA)"},
      {"blind71-lijst-vragen-antwoorden-verdrag.txt", DocumentKind::kQuestions, 14,
       "Kamerstuk 36 912 (R2198), nr. 1882", "Lijst van vragen en antwoorden"},
      {"blind71-nota-naar-aanleiding-van-het-verslag.txt", DocumentKind::kLetter, 10,
       "Kamerstuk 36 921, nr. 1881", "Nota naar aanleiding van het verslag"},
      {"blind71-verslag-commissiedebat.txt", DocumentKind::kLetter, 22,
       "Kamerstuk 36 457, nr. 1883", "Verslag van een commissiedebat"},
      {"blind72-antwoorden-kamervragen-twee-leden.txt", DocumentKind::kQuestions, 12,
       "Aanhangsel Handelingen II 2025/26, nr. 6781", "Vragen van het lid Van Rijswijk (D66)"},
      {"blind72-brief-bijlage-antwoorden-commissievragen.txt", DocumentKind::kQuestions, 19,
       "Kamerstuk 33 417, nr. 1922", "Antwoorden op vragen van de commissie"},
      {"blind72-kabinetsreactie-evaluatie.txt", DocumentKind::kLetter, 13,
       "Kamerstuk 36 688, nr. 1923", "Kamerbrief: Consulaire bijstand aan"},
      {"blind72-lijst-vragen-antwoorden-tabel.txt", DocumentKind::kQuestions, 13,
       "Kamerstuk 36 915 V, nr. 1921", "Lijst van vragen en antwoorden"},
  };
  // A page's footer left in the text: "Aanhangsel Handelingen II 2025/26,
  // nr. 1187 2" (an answer may cite that paper, without a page number).
  static const std::regex aanhangsel_footer(
      "Handelingen I{1,2} [0-9]{4}/[0-9]{2}, nr\\. [0-9]+ +[0-9]{1,3}\\b");
  for (const Expected& e : documents) {
    SCOPED_TRACE(e.file);
    ParsedDocument doc = MustParse(ReadDocument(e.file, LOKET_BENCH_DOCUMENTS_DIR), e.file);
    EXPECT_EQ(doc.document.kind, e.kind);
    EXPECT_EQ(doc.document.reference, e.reference);
    EXPECT_THAT(doc.document.title, StartsWith(e.title_start));
    EXPECT_TRUE(doc.missing_numbers.empty());
    ASSERT_EQ(doc.passages.size(), e.passages) << AllText(doc);
    for (const ParsedPassage& p : doc.passages) {
      EXPECT_FALSE(std::regex_search(p.heading + p.question + p.text, aanhangsel_footer))
          << p.number;
      for (const char* artefact :
           {"Tweede Kamer, vergaderjaar", "ah-tk-", "kst-", "ISSN", "'s-Gravenhage 20", "\f",
            "voorzitter van de commissie", "Inhoudsopgave", "Onze referentie", "Pagina ",
            "Documentdetails", "Kamerstuk |", "Officiële bekendmakingen", "Naar boven",
            "Overheid.nl", "Noten", "[^", "(PDF |", "PDF document |"}) {
        EXPECT_THAT(p.heading + p.question + p.text, Not(HasSubstr(artefact))) << p.number;
      }
    }
  }
}

// What `blind-11`'s documents needed: a letter's passages before its annex
// of answers, questions asked in lettered parts, a table printed one cell
// per line, the title of answers copied from the website, justified lines.
TEST(BenchDocumentTest, AnnexLetteredPartsCellTablesAndJustifiedLines) {
  auto read = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument annex = read("blind11-kamerbrief-met-bijlage.txt");
  const ParsedPassage* loans = PassageContaining(annex, "In 2025 verstrekten ambassades");
  ASSERT_NE(loans, nullptr);
  EXPECT_TRUE(loans->number.empty());
  EXPECT_EQ(loans->heading, "Gebruik in 2025");
  std::vector<Article> articles = ToArticles(annex);
  EXPECT_EQ(articles.front().id, "30-010-nr-76-p1");
  EXPECT_EQ(articles.back().id, "30-010-nr-76-10");
  EXPECT_THAT(AllText(annex), Not(HasSubstr("BRIEF VAN DE MINISTER")));

  ParsedDocument parts = read("blind11-lijst-deelvragen.txt");
  const ParsedPassage* lost = PassageContaining(parts, "In 2023 verloren 6.170 personen");
  ASSERT_NE(lost, nullptr);
  EXPECT_EQ(lost->number, "2");
  EXPECT_THAT(lost->question, StartsWith("a) Hoeveel personen hebben in 2023"));
  EXPECT_THAT(lost->text, HasSubstr("\nVerliesgrond  2023  2024  2025\n"));
  EXPECT_THAT(lost->text, HasSubstr("\nMeegaand verlies minderjarigen  610  590  655\n"));

  ParsedDocument web = read("blind11-kamervragen-website.txt");
  EXPECT_THAT(web.document.title, EndsWith("niet terug in de klas’"));
  EXPECT_EQ(web.document.date, "2026-02-05");

  ParsedDocument debate = read("blind11-commissiedebat-layout.txt");
  EXPECT_THAT(AllText(debate), Not(HasSubstr("De vaste  commissie")));
  EXPECT_THAT(AllText(debate), HasSubstr("met de heer Verhoeven, Minister van Buitenlandse Zaken"));
  // A member's turn after the chair's words and over several paragraphs
  // goes with the answer that names the member in one of its paragraphs;
  // the chair's closing words, naming a member, answer no one.
  auto turn = [&](std::string_view member) {
    auto it = std::find_if(debate.passages.begin(), debate.passages.end(), [&](const auto& p) {
      return p.question.find(member) != std::string::npos;
    });
    return it == debate.passages.end() ? ParsedPassage{} : *it;
  };
  ParsedPassage hendriks = turn("Mevrouw Hendriks (CDA):");
  EXPECT_THAT(hendriks.question, HasSubstr("Ook wil ik de minister vragen naar de herdenking."));
  EXPECT_THAT(hendriks.text, HasSubstr("Mevrouw Hendriks vroeg naar de nazorg"));
  EXPECT_THAT(turn("De heer Veenstra (VVD):").text,
              StartsWith("De heer Veenstra vroeg hoe we ervoor zorgen"));
  EXPECT_THAT(turn("Mevrouw Bosman (GroenLinks-PvdA):").text,
              Not(HasSubstr("tweeminutendebat aangevraagd")));
}

// Questions numbered anew under each party's heading take the party's
// numbering, and a row of figures on its own heads nothing.
TEST(BenchDocumentTest, PartyNumberingAndFigureRows) {
  for (const char* file :
       {"blind12-verslag-genummerd.txt", "blind6-verslag-schriftelijk-overleg.txt"}) {
    SCOPED_TRACE(file);
    ParsedDocument doc = MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
    for (const ParsedPassage& p : doc.passages) {
      EXPECT_THAT(p.number, ::testing::MatchesRegex("[A-Za-z0-9-]+-[0-9]+")) << p.question;
      EXPECT_THAT(p.question, ::testing::ContainsRegex("^[A-Z]")) << p.number;
    }
  }
  constexpr char kReport[] = "blind12-jaarverslag.txt";
  ParsedDocument report = MustParse(ReadDocument(kReport, LOKET_BENCH_DOCUMENTS_DIR), kReport);
  for (const std::string& heading : Headings(report)) {
    EXPECT_THAT(heading, Not(HasSubstr("47.118"))) << heading;
  }
  EXPECT_THAT(AllText(report),
              HasSubstr("\nOpdrachten 24.912 27.655 31.940 34.208 38.471 36.300 2.171\n"));
}

// What `blind-13`'s and `blind-14`'s documents needed: a template's sidebar
// above the page number of a copy without page breaks, a table's rows and
// its source kept together, a numbered heading after a sentence; a copy
// from officielebekendmakingen.nl named as the paper it copies, without the
// site's head, foot and notes; a question answered without a label between
// ones with "Antwoord"; a table of one figure per row printed one cell per
// line; a debate's answer from where it names the member.
TEST(BenchDocumentTest, SidebarsWebCopiesAndUnlabelledAnswers) {
  auto read = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument letter = read("blind13-kamerbrief.txt");
  const std::string letter_text = AllText(letter);
  EXPECT_THAT(letter_text, HasSubstr("binnen twee minuten aan; de doelstelling van 80 procent"));
  EXPECT_THAT(letter_text, Not(HasSubstr("Visumbeleid")));
  EXPECT_THAT(Headings(letter), ::testing::Contains("3. Crisisbeheersing en reisadviezen – 3.1 "
                                                    "Reisadviezen"));
  EXPECT_THAT(letter_text, HasSubstr("\nVerstrekte noodleningen 251 274 309\nBron: Ministerie"));
  EXPECT_THAT(letter_text, HasSubstr("\nContacten 24/7 BZ 486.000 512.000 547.300\n"));

  ParsedDocument list = read("blind13-lijst-vragen-antwoorden.txt");
  EXPECT_EQ(ToArticles(list).front().id, "37-000-v-nr-9-1");
  EXPECT_THAT(list.passages.back().text, EndsWith("bij de Informatieservice kunnen aanmelden."));
  EXPECT_THAT(AllText(list), HasSubstr("vastgesteld in de Visumcode. De leges"));

  ParsedDocument web = read("blind14-kamerbrief-modernisering.txt");
  EXPECT_THAT(web.passages.front().text, StartsWith("Tijdens het commissiedebat Consulaire"));
  EXPECT_THAT(web.passages.back().text, EndsWith("rapporteer ik over de resultaten."));

  ParsedDocument budget = read("blind14-lijst-van-vragen.txt");
  ASSERT_EQ(budget.passages.size(), 20u);
  EXPECT_THAT(budget.passages[7].text, StartsWith("Voor 2027 is € 640.000 gereserveerd."));
  EXPECT_THAT(budget.passages[8].question, StartsWith("Hoeveel Nederlanders waren op 1 januari"));
  EXPECT_THAT(budget.passages[8].text, HasSubstr("\nEuropa buiten de EU   96\n"));
  EXPECT_THAT(budget.passages[8].text, HasSubstr("\nRegio   Aantal gedetineerden\n"));
  EXPECT_THAT(budget.passages[19].text, StartsWith("In 2025 zijn 322 consulaire leningen"));

  ParsedDocument answers = read("blind14-antwoorden-kamervragen.txt");
  EXPECT_THAT(answers.document.title, EndsWith("van Nederlandse jongeren in het buitenland"));

  ParsedDocument debate = read("blind14-verslag-commissiedebat.txt");
  auto turn = std::find_if(debate.passages.begin(), debate.passages.end(), [](const auto& p) {
    return p.question.starts_with("Mevrouw El Amrani (GroenLinks-PvdA): Voorzitter");
  });
  ASSERT_NE(turn, debate.passages.end());
  EXPECT_THAT(turn->text, StartsWith("Dan kom ik bij mevrouw El Amrani."));
  EXPECT_THAT(AllText(debate), HasSubstr("Minister Veldkamp: Dat zal ik doen."));
}

// What `blind-15`'s and `blind-16`'s documents needed: the record of a
// plenary debate (Handelingen) read as a report, named by its footer; a
// web copy with a paragraph per line and no blank lines; a debate's answer
// that names the member in its second sentence, an interruption that is
// no member's turn, and one that goes with the reply to it; a letter a converter wrote in Markdown
// with HTML superscripts, bold labels on one line and pipe tables.
TEST(BenchDocumentTest, HandelingenUnwrappedWebCopiesAndMarkdownTables) {
  auto read = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument plenary = read("blind15-handelingen.txt");
  EXPECT_EQ(plenary.document.date, "2025-12-11");
  EXPECT_EQ(ToArticles(plenary).front().id.substr(0, 37), "h-handelingen-ii-2025-26-nr-34-item-7");
  const std::string plenary_text = AllText(plenary);
  EXPECT_THAT(plenary_text, Not(HasSubstr("TK 34")));
  EXPECT_THAT(plenary_text, Not(HasSubstr("Tweede Kamer Consulaire dienstverlening")));
  auto turn_of = [](const ParsedDocument& doc, std::string_view opening) {
    auto it = std::find_if(doc.passages.begin(), doc.passages.end(), [&](const auto& p) {
      return p.question.find(opening) != std::string::npos;
    });
    return it == doc.passages.end() ? ParsedPassage{} : *it;
  };
  // Mevrouw Stoop's interruption of the heer Verhoeckx is no turn of hers:
  // the answer to her goes with her own turn.
  EXPECT_THAT(turn_of(plenary, "Mevrouw Stoop (SP): Voorzitter").text,
              StartsWith("Mevrouw Stoop vroeg naar de leges."));

  // An interruption of the answers that asks goes with the reply to it.
  EXPECT_THAT(turn_of(plenary, "De heer Verhoeckx (VVD): Ik hoor de minister zeggen").text,
              StartsWith("Minister Van Leeuwenhorst: Op een zitdag kan één medewerker"));

  ParsedDocument debate = read("blind16-verslag-commissiedebat.txt");
  EXPECT_THAT(turn_of(debate, "De heer Boswijk (CDA): Dank u wel").text,
              StartsWith("Allereerst de slachtoffers. De heer Boswijk schetste"));
  EXPECT_THAT(AllText(debate), Not(HasSubstr("Datum publicatie")));

  ParsedDocument markdown = read("blind16-kamerbrief-markdown.txt");
  const std::string letter = AllText(markdown);
  EXPECT_THAT(letter, HasSubstr("Consulaire zaken van 18 februari 2027."));
  EXPECT_THAT(letter, Not(HasSubstr("<sup>")));
  EXPECT_THAT(letter, Not(HasSubstr("Kamerstuk 32 175, nr. 520")));
  EXPECT_THAT(letter, HasSubstr("\nRegionale consulaire hubs   4,1   1,6   1,2   1,2\n"));
  EXPECT_THAT(Headings(markdown), ::testing::Contains("11. Tot slot"));
}

// A letter saved as text by a word processor, its notes in brackets; a
// letter's own reference, not the Kamer's or a cited paper's; a caption
// with its table; headings that stand close to the text or right above a
// subsection's; a recommendation with its reaction; a report's title; a
// website's foot; the last page's footer; questions sent in but not yet
// dated by their answer; a list's section headings between answers.
TEST(BenchDocumentTest, SideBySideListsLoneNoteNumbersAndTemplateDates) {
  auto read = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument side = read("blind28-lijst-vragen-begroting-bz-2026.txt");
  ASSERT_FALSE(side.passages.empty());
  EXPECT_EQ(side.passages[0].question,
            "Kunt u aangeven hoeveel posten het postennetwerk op 1 januari 2026 telt en of er in "
            "2026 posten worden geopend of gesloten?");
  EXPECT_THAT(side.passages[0].text,
              StartsWith("Op 1 januari 2026 telt het postennetwerk naar verwachting 145 posten:"));

  ParsedDocument progress = read("blind27-kamerbrief-voortgangsrapportage.txt");
  const ParsedPassage background = StartingWith(progress, "De Consulaire Strategie rust op");
  EXPECT_EQ(background.heading, "1 Inleiding – 1.1 Achtergrond");
  EXPECT_THAT(background.text, HasSubstr("De vraag naar consulaire dienstverlening blijft"));
  const ParsedPassage contact = StartingWith(progress, "Het BZ Contactcenter handelde");
  EXPECT_THAT(contact.heading, HasSubstr("3.1 Reisadviezen en crisisvoorbereiding"));
  EXPECT_THAT(contact.text, HasSubstr("De reisadviezen zijn in deze periode 318 keer aangepast."));
  EXPECT_THAT(AllText(progress), Not(HasSubstr("Directie Consulaire Zaken en dienstverlening")));
  EXPECT_THAT(AllText(progress), Not(HasSubstr("het wetsvoorstel tot goedkeuring ligt thans")));

  ParsedDocument reaction = read("blind26-kamerbrief-beleidsreactie-evaluatie-reisadviezen.txt");
  EXPECT_THAT(
      StartingWith(reaction, "Aanbeveling 1:").text,
      HasSubstr("Reactie: Deze aanbeveling wordt overgenomen. Vanaf het voorjaar van 2026"));
  EXPECT_THAT(StartingWith(reaction, "Aanbeveling 2:").text,
              HasSubstr("Reactie: Deze aanbeveling wordt gedeeltelijk overgenomen."));

  ParsedDocument notes = read("everyday1-antwoorden-kamervragen-gedetineerden.txt");
  ASSERT_FALSE(notes.passages.empty());
  EXPECT_THAT(notes.passages[0].question, EndsWith("niets van Buitenlandse Zaken’»?"));
  EXPECT_THAT(AllText(notes), Not(HasSubstr("NOS.nl")));
  EXPECT_THAT(AllText(notes), HasSubstr("de details van deze individuele zaak."));

  // The minister turns to a second member in the middle of a paragraph.
  ParsedDocument debate = read("blind26-verslag-commissiedebat-consulaire-zaken.txt");
  auto turn = std::find_if(debate.passages.begin(), debate.passages.end(), [](const auto& p) {
    return p.question.starts_with("De heer Van Dijk (PVV): Dank u wel");
  });
  ASSERT_NE(turn, debate.passages.end());
  EXPECT_THAT(turn->text, StartsWith("Dan de vraag van de heer Van Dijk over het verhalen van "
                                     "evacuatiekosten."));

  // A party's only question is asked in its opening paragraph.
  ParsedDocument opening = read("everyday2-verslag-schriftelijk-overleg-ontwikkelingshulp.txt");
  ASSERT_FALSE(opening.passages.empty());
  EXPECT_THAT(opening.passages[0].question,
              StartsWith("De leden van de PVV-fractie hebben kennisgenomen"));

  // Answers copied from rijksoverheid.nl are dated by their page.
  EXPECT_EQ(read("blind25-antwoorden-kamervragen-webpagina.txt").document.date, "2026-01-23");

  ParsedDocument pages = read("blind27-lijst-vragen-jaarverslag.txt");
  ASSERT_FALSE(pages.passages.empty());
  EXPECT_THAT(pages.passages[0].question, StartsWith("Hoeveel bedroeg de onderuitputting"));

  ParsedDocument commitments = read("blind28-kamerbrief-toezeggingen-moties.txt");
  EXPECT_THAT(StartingWith(commitments, "11. Toezegging").text,
              HasSubstr("Stand van zaken: Het externe onderzoek"));
}

TEST(BenchDocumentTest, WordTextTemplateReferencesAndSectionHeadings) {
  auto read = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument word = read("blind19-kamerbrief.txt");
  EXPECT_EQ(word.document.date, "2025-11-14");
  const std::string word_text = AllText(word);
  EXPECT_THAT(word_text, HasSubstr("Beleidsvisie Consulaire Dienstverlening 2024-2028. Ook"));
  EXPECT_THAT(word_text, Not(HasSubstr("[1]")));
  EXPECT_THAT(word_text, Not(HasSubstr("Rijkswet op het Nederlanderschap, artikel 15")));
  EXPECT_THAT(StartingWith(word, "Tabel 1. Aanvragen reisdocumenten").text,
              HasSubstr("\nTotaal  111.400  121.400  5 weken"));
  EXPECT_EQ(StartingWith(word, "De langste wachttijden").heading,
            "Paspoorten en identiteitskaarten in het buitenland");

  ParsedDocument reaction = read("blind19-beleidsreactie.txt");
  EXPECT_THAT(StartingWith(reaction, "Aanbeveling 7:").text, Not(HasSubstr("Aanbeveling 8")));
  EXPECT_THAT(StartingWith(reaction, "Aanbeveling 8:").text, HasSubstr("Netherlandsandyou.nl"));

  ParsedDocument list = read("blind19-lijst-vragen.txt");
  ASSERT_GE(list.passages.size(), 3u);
  EXPECT_THAT(list.passages[1].text, Not(HasSubstr("Postennetwerk en personeel")));
  EXPECT_EQ(list.passages[2].heading, "Postennetwerk en personeel");

  ParsedDocument sections = read("blind18-kamerbrief-netwerk.txt");
  EXPECT_EQ(StartingWith(sections, "Op 1 september 2026 telde").heading,
            "1. Het postennetwerk – 1.1 Omvang en spreiding");
  ParsedDocument capitals = read("blind20-kamerbrief.txt");
  EXPECT_EQ(StartingWith(capitals, "Op 1 oktober 2026 zaten").heading,
            "Nederlanders die in het buitenland gedetineerd zijn");
  ParsedDocument viewer = read("blind17-kamerbrief.txt");
  EXPECT_THAT(viewer.passages.front().text, StartsWith("Tijdens het commissiedebat"));

  // A debate in `-layout`: the minister's paragraphs, without blank lines
  // between them, each go with the member they answer.
  ParsedDocument debate = read("blind18-verslag-commissiedebat.txt");
  auto answer_to = [&](std::string_view member) {
    auto it = std::find_if(debate.passages.begin(), debate.passages.end(), [&](const auto& p) {
      return p.question.find(member) != std::string::npos;
    });
    return it == debate.passages.end() ? std::string() : it->text;
  };
  EXPECT_THAT(answer_to("De heer Verbeek (NSC): Dank u wel"),
              StartsWith("De heer Verbeek vroeg naar de Informatieservice."));
  EXPECT_THAT(answer_to("De heer Kok (SP): Dank u, voorzitter."),
              StartsWith("De heer Kok vroeg om de consulaire toeslag"));
  // Answers that run on from one member to the next in one paragraph, and
  // a member's second answer in a later block, go with their turns; an
  // interruption the chair announces is no turn of the member's.
  EXPECT_THAT(answer_to("Mevrouw El Khatib (GroenLinks-PvdA): Voorzitter."),
              StartsWith("Mevrouw El Khatib vroeg naar achterlating."));
  const std::string wouters = answer_to("De heer Wouters (PVV): Voorzitter.");
  EXPECT_THAT(wouters, StartsWith("De heer Wouters vroeg naar de kosten van evacuaties."));
  EXPECT_THAT(wouters, HasSubstr("De heer Wouters vroeg hoeveel mensen na afloop van hun visum"));
  EXPECT_THAT(wouters, Not(HasSubstr("Mevrouw Pieters")));

  ParsedDocument web = read("blind18-antwoorden-web.txt");
  EXPECT_THAT(
      web.passages.back().text,
      ::testing::EndsWith("De vragen zijn afzonderlijk en zo spoedig mogelijk beantwoord."));
  ParsedDocument sent_in = read("blind20-kamervragen.txt");
  EXPECT_EQ(sent_in.document.date, "2026-10-08");
  EXPECT_THAT(AllText(sent_in), Not(HasSubstr("2026D41234")));
  EXPECT_EQ(read("blind16-kamerbrief-markdown.txt").document.date, "2027-06-25");
  // A list printed as a table, its column heads one under the other on
  // every page ("Nr." / "Vraag" / "Antwoord"), and no label per answer.
  ParsedDocument table = read("blind23-lijst-vragen-begroting.txt");
  ASSERT_EQ(table.passages.size(), 16u);
  EXPECT_THAT(table.passages[0].question, StartsWith("Hoeveel bedraagt het totale budget"));
  EXPECT_THAT(table.passages[0].text, StartsWith("Op artikel 4 (Consulaire dienstverlening"));
  // A debate copied from tweedekamer.nl loses the site's head and foot.
  const std::string website = AllText(read("blind23-verslag-commissiedebat.txt"));
  EXPECT_THAT(website, Not(HasSubstr("Home > Kamerstukken")));
  EXPECT_THAT(website, Not(HasSubstr("Terug naar boven")));
  EXPECT_THAT(website, Not(HasSubstr("Deel deze pagina")));
  // "Vraag nr. 17", under the rule above a page's footnotes.
  ParsedDocument labelled = read("blind20-lijst-vragen-2011.txt");
  ASSERT_EQ(labelled.passages.size(), 21u);
  EXPECT_THAT(labelled.passages[16].question, StartsWith("Hoe vaak heeft het ministerie in 2010"));
  EXPECT_THAT(AllText(labelled), Not(HasSubstr("Vraag nr.")));
  EXPECT_THAT(AllText(labelled), Not(HasSubstr("___")));
}

// A letter copied without blank lines between its paragraphs keeps them
// apart, its headings and its table's rows, and loses its footnotes.
TEST(BenchDocumentTest, LetterWithoutBlankLinesKeepsItsParagraphs) {
  constexpr char kFile[] = "blind4-kamerbrief-reisdocumenten.txt";
  ParsedDocument doc = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_THAT(Headings(doc), ::testing::IsSupersetOf({"Noodpaspoorten", "Maatregelen in 2026",
                                                      "Reisdocumenten voor minderjarigen"}));
  const std::string all = AllText(doc);
  EXPECT_THAT(all, Not(HasSubstr("Noodpaspoorten Wie")));
  // Each row of the table on a line of its own.
  for (const char* row : {"\n2021 98.700 91%\n", "\n2022 121.300 84%\n", "\n2025 156.400 92%"}) {
    EXPECT_THAT(all, HasSubstr(row));
  }
  EXPECT_THAT(all, HasSubstr("van 9 oktober 2025, over de stand"));
  EXPECT_THAT(all, HasSubstr("in de zomermaanden van 2025 op tot tien weken."));
  EXPECT_THAT(all, Not(HasSubstr("Kamerstuk 36 600 V")));
  EXPECT_THAT(all, Not(HasSubstr("BRIEF VAN DE MINISTER")));
}

// A question that runs over a page break keeps its end; a table at the
// foot of a page ends its paragraph; a debate's chair and clerk head
// nothing.
TEST(BenchDocumentTest, PageBreaksAndADebatesStaff) {
  auto parse = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument answers = parse("blind5-beantwoording-commissievragen.txt");
  ASSERT_GE(answers.passages.size(), 7u);
  EXPECT_THAT(answers.passages[6].question,
              EndsWith("als het land niet is aangesloten bij het Haags Kinderontvoeringsverdrag?"));
  EXPECT_THAT(answers.passages[6].text, StartsWith("In die gevallen staan geen"));

  ParsedDocument letter = parse("blind5-kamerbrief-reisadviezen.txt");
  auto table = std::find_if(letter.passages.begin(), letter.passages.end(),
                            [](const ParsedPassage& p) { return p.text.starts_with("Tabel 1"); });
  ASSERT_NE(table, letter.passages.end()) << AllText(letter);
  EXPECT_THAT(table->text, EndsWith("2.760"));
  ParsedDocument debate = parse("blind5-verslag-commissiedebat.txt");
  for (const ParsedPassage& p : debate.passages) {
    EXPECT_THAT(p.heading, Not(HasSubstr("Voorzitter:"))) << p.text;
  }
}

// An annotated agenda's labels that recur under every item ("Nederlandse
// inzet") stand under the item; the Eerste Kamer's groups ("De leden van de
// fractie van de BBB vragen …") ask as the Tweede Kamer's do, so that each
// question goes with its answer.
TEST(BenchDocumentTest, RecurringLabelsAndTheEersteKamersGroups) {
  auto parse = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument agenda = parse("blind7-geannoteerde-agenda.txt");
  EXPECT_THAT(Headings(agenda), ::testing::Contains("Sahel – Nederlandse inzet"));
  EXPECT_THAT(Headings(agenda), Not(::testing::Contains("Nederlandse inzet")));
  ParsedDocument memorie = parse("blind7-memorie-van-antwoord.txt");
  auto bbb = std::find_if(memorie.passages.begin(), memorie.passages.end(), [](const auto& p) {
    return p.question.starts_with("De leden van de fractie van de BBB vragen");
  });
  ASSERT_NE(bbb, memorie.passages.end()) << AllText(memorie);
  EXPECT_FALSE(bbb->text.empty());  // the answer after the question
}

// A committee debate: each member's turn goes with the minister's answers
// that name the member; the rest stay passages of their own.
TEST(BenchDocumentTest, ADebatesTurnsGoWithTheirAnswers) {
  constexpr char kFile[] = "blind5-verslag-commissiedebat.txt";
  ParsedDocument debate = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto turn = [&](std::string_view start) {
    auto it = std::find_if(debate.passages.begin(), debate.passages.end(),
                           [&](const ParsedPassage& p) { return p.question.starts_with(start); });
    return it == debate.passages.end() ? ParsedPassage{} : *it;
  };
  ParsedPassage van_dijk = turn("De heer Van Dijk (CDA): Dank u wel");
  EXPECT_THAT(van_dijk.text, StartsWith("Ik begin met de vraag van de heer Van Dijk"));
  EXPECT_THAT(van_dijk.text, HasSubstr("\n\nWat betreft kinderontvoering deel ik de zorg"));
  ParsedPassage koster = turn("Mevrouw Koster (VVD):");
  EXPECT_THAT(koster.text, StartsWith("Dan de paspoorten, waarover mevrouw Koster vroeg."));
  EXPECT_THAT(koster.text, HasSubstr("Mevrouw Koster vroeg ook naar de hogere kosten."));
  // An interruption that asks goes with the reply right after it; an
  // answer that names no one stands alone.
  EXPECT_TRUE(std::any_of(debate.passages.begin(), debate.passages.end(), [](const auto& p) {
    return p.question.starts_with("De heer Van Dijk (CDA): Dat is goed nieuws.") &&
           p.text.starts_with("Minister De Graaf: Ja, dat zeg ik toe.");
  }));
  EXPECT_TRUE(std::any_of(debate.passages.begin(), debate.passages.end(), [](const auto& p) {
    return p.question.empty() && p.text.starts_with("Over de kosten van evacuaties");
  }));
}

// A question hour copied from officielebekendmakingen.nl: named by the
// breadcrumb trail, titled by its item, without the site's links; the
// minister's answer runs on over its paragraphs, the chair's words stay
// apart.
TEST(BenchDocumentTest, AQuestionHoursAnswerGoesWithItsQuestion) {
  constexpr char kFile[] = "blind29-handelingen-vragenuur-gestrande-nederlanders.txt";
  ParsedDocument hour = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(hour.document.reference, "Handelingen II 2025/26, nr. 214, item 5");
  EXPECT_EQ(hour.document.date, "2026-03-10");
  EXPECT_THAT(hour.document.title,
              StartsWith("Vragenuur: Vragen van het lid Sahin-Verbeek aan de minister"));
  auto question = std::find_if(hour.passages.begin(), hour.passages.end(), [](const auto& p) {
    return p.question.starts_with("Mevrouw Sahin-Verbeek (D66): Dank u wel, voorzitter.");
  });
  ASSERT_NE(question, hour.passages.end()) << AllText(hour);
  EXPECT_THAT(question->text, StartsWith("Minister Ter Laak: Dank u wel, voorzitter."));
  EXPECT_THAT(question->text, HasSubstr("\n\nDan de eerste vraag."));
  EXPECT_THAT(question->text, HasSubstr("\n\nDe tweede vraag ging over de aantallen."));
  EXPECT_THAT(question->text, HasSubstr("\n\nDan de derde vraag, over een eigen vlucht."));
  EXPECT_THAT(question->text, Not(HasSubstr("De voorzitter")));
  EXPECT_TRUE(std::any_of(hour.passages.begin(), hour.passages.end(), [](const auto& p) {
    return p.text == "De voorzitter: Mevrouw Sahin-Verbeek.";
  }));
  for (const ParsedPassage& p : hour.passages) {
    EXPECT_THAT(p.text, Not(HasSubstr("Over deze site")));
    EXPECT_THAT(p.text, Not(HasSubstr("Publicatiedatum")));
  }
}

// A letter that sends answers in an annex whose title wraps after a word
// that cannot end it: the whole title.
TEST(BenchDocumentTest, ATitleWrappedAfterAWordThatCannotEndItIsWhole) {
  constexpr char kFile[] = "blind39-brief-antwoorden-feitelijke-vragen-jaarverslag.txt";
  ParsedDocument answers = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(answers.document.title,
            "Antwoorden op feitelijke vragen over het Jaarverslag van het Ministerie van "
            "Buitenlandse Zaken over 2025");
}

// The record of a plenary debate whose page footer is printed on two lines
// ("TK 19" / "19-7-1") under the chamber, the debate's name and the date on
// lines of their own: read as the record, named by its item.
TEST(BenchDocumentTest, ARecordWhoseFooterStandsOnTwoLines) {
  constexpr char kFile[] = "blind44-handelingen-begrotingsdebat.txt";
  ParsedDocument record = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(record.document.reference, "Handelingen II 2026/27, nr. 19, item 7");
  EXPECT_EQ(record.document.title, "Plenair debat: Begroting Buitenlandse Zaken 2027");
  const std::string all = AllText(record);
  for (const char* left : {"TK 19", "19-7-1", "12 november 2026", "Tweede Kamer\n"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  auto turn = std::find_if(record.passages.begin(), record.passages.end(), [](const auto& p) {
    return p.question.find("Hoe vaak komt er nou eigenlijk iemand") != std::string::npos;
  });
  ASSERT_NE(turn, record.passages.end()) << all;
  EXPECT_THAT(turn->text, StartsWith("Minister Verbeek: In landen waar de detentieomstandigheden"));
}

// A report in reported speech: each member's turn goes with the
// minister's answers that name the member; an answer that names no one,
// and a member's words in the second round, stand alone.
TEST(BenchDocumentTest, AReportedTurnGoesWithTheAnswersThatNameTheMember) {
  constexpr char kFile[] = "blind54-verslag-algemeen-overleg-ontwikkelingssamenwerking.txt";
  ParsedDocument report = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto turn = [&](std::string_view start) {
    auto it = std::find_if(report.passages.begin(), report.passages.end(),
                           [&](const ParsedPassage& p) { return p.question.starts_with(start); });
    return it == report.passages.end() ? ParsedPassage{} : *it;
  };
  EXPECT_THAT(turn("De heer Bosman (VVD) steunt").text,
              StartsWith("Over migratie zegt de minister tegen de heer Bosman"));
  EXPECT_THAT(turn("Mevrouw Dijkhuizen (NSC) maakt zich zorgen").text,
              StartsWith("Mevrouw Dijkhuizen krijgt van de minister het antwoord"));
  EXPECT_NE(PassageContaining(report, "De minister zegt dat het Dutch Good Growth Fund"), nullptr);
  const ParsedPassage* second = PassageContaining(report, "Mevrouw Van Leeuwen dient een motie in");
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(second->question.empty());
}

// A `-layout` list whose page references stand in the left margin of
// each question's first line ("blz. 3             Hoe hoog …").
TEST(BenchDocumentTest, PageReferencesInTheMarginOfAQuestion) {
  constexpr char kFile[] = "blind53-lijst-vragen-suppletoire-begroting.txt";
  ParsedDocument list = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  ASSERT_FALSE(list.passages.empty());
  EXPECT_THAT(list.passages.front().question, StartsWith("Hoe hoog zijn de totale uitgaven"));
  for (const ParsedPassage& p : list.passages) {
    EXPECT_THAT(p.question, Not(HasSubstr("blz."))) << p.number;
  }
}

// A footnote whose number stands on a line of its own and whose text opens
// in lower case ("3" / "de Volkskrant, «…»"): it goes, and so does its
// marker ("drugsdelicten?3").
TEST(BenchDocumentTest, AFootnoteThatOpensInLowerCase) {
  constexpr char kFile[] = "blind49-antwoorden-kamervragen-gedetineerde.txt";
  ParsedDocument answers = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_THAT(AllText(answers), Not(HasSubstr("de Volkskrant")));
  EXPECT_THAT(AllText(answers), HasSubstr("straffen op drugsdelicten?\n"));
}

// A written consultation whose questions are tagged "(vraag 1)" and
// answered after all of them under the same numbers ("1. De Europese Raad
// heeft …"): each question with its reply, without the tag or the number.
TEST(BenchDocumentTest, QuestionsTaggedWithTheNumbersOfTheirReplies) {
  constexpr char kFile[] = "blind63-verslag-schriftelijk-overleg-europese-raad.txt";
  ParsedDocument report = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto numbered = [&](std::string_view number) {
    auto it = std::find_if(report.passages.begin(), report.passages.end(),
                           [&](const ParsedPassage& p) { return p.number == number; });
    return it == report.passages.end() ? ParsedPassage{} : *it;
  };
  const ParsedPassage second = numbered("2");
  EXPECT_THAT(second.question, StartsWith("Ook vragen deze leden naar de stand van"));
  EXPECT_THAT(second.question, Not(HasSubstr("(vraag")));
  EXPECT_THAT(second.text, StartsWith("Het kabinet kan instemmen met het openen"));
  EXPECT_THAT(numbered("11").text, StartsWith("Nederland heeft geen lening aangevraagd"));
}

// A party's heading at the foot of a page, in `-layout` as wide as the
// text's lines, heads the party's questions on the next page.
TEST(BenchDocumentTest, APartysHeadingAtAPagesFootHeadsTheNextPage) {
  constexpr char kFile[] = "blind55-verslag-schriftelijk-overleg-visumbeleid.txt";
  ParsedDocument report = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto d66 = std::find_if(report.passages.begin(), report.passages.end(), [](const auto& p) {
    return p.question.starts_with("De leden van de D66-fractie wijzen op het belang");
  });
  ASSERT_NE(d66, report.passages.end()) << AllText(report);
  EXPECT_EQ(d66->heading, "Vragen en opmerkingen van de leden van de D66-fractie");
}

// A debate copied from officielebekendmakingen.nl, of a dossier with a
// sub-number ("Kamerstuk 21501-02, nr. 1296"): named by it, the site's
// head gone; a plenary record named by its item, not the item's number.
TEST(BenchDocumentTest, ADossiersSubNumberAndAnItemsNumber) {
  constexpr char kDebate[] = "blind56-verslag-commissiedebat-raad-buitenlandse-zaken.txt";
  ParsedDocument debate = MustParse(ReadDocument(kDebate, LOKET_BENCH_DOCUMENTS_DIR), kDebate);
  EXPECT_EQ(debate.document.reference, "Kamerstuk 21 501-02, nr. 1296");
  EXPECT_THAT(AllText(debate), Not(HasSubstr("Ga direct naar inhoud")));
  // A member whose name opens with a capital outside ASCII has turns too.
  EXPECT_TRUE(std::any_of(debate.passages.begin(), debate.passages.end(), [](const auto& p) {
    return p.question.starts_with("Mevrouw Özdemir (GroenLinks-PvdA): Dank, voorzitter.") &&
           !p.text.empty();
  }));
  constexpr char kRecord[] = "blind52-handelingen-debat-visumbeleid.txt";
  ParsedDocument record = MustParse(ReadDocument(kRecord, LOKET_BENCH_DOCUMENTS_DIR), kRecord);
  EXPECT_EQ(record.document.title, "Plenair debat: Visumbeleid");
}

// A plenary record whose footer prints the sitting's date between its
// lines ("TK 48" / "12 februari 2026" / "48-7-1"); a letter whose table is
// headed "Onderwerp 2024 2025", named by its dossier; a budget's chapter
// named by its article, not by its first lettered heading.
TEST(BenchDocumentTest, AFootersDateATablesHeaderAndABudgetsArticle) {
  auto read = [](const char* file) {
    return MustParse(ReadDocument(file, LOKET_BENCH_DOCUMENTS_DIR), file);
  };
  ParsedDocument record = read("blind59-handelingen-debat-consulaire-dienstverlening.txt");
  EXPECT_EQ(record.document.reference, "Handelingen II 2025/26, nr. 48, item 7");
  EXPECT_EQ(record.document.date, "2026-02-12");
  EXPECT_THAT(AllText(record), Not(HasSubstr("TK 48")));
  EXPECT_THAT(AllText(record), Not(HasSubstr("12 februari 2026")));
  EXPECT_EQ(read("blind57-voortgangsbrief-consulaire-dienstverlening.txt").document.title,
            "Kamerbrief: Consulaire dienstverlening");
  EXPECT_EQ(read("blind60-begroting-artikel4-consulaire-dienstverlening.txt").document.title,
            "Artikel 4 Consulaire dienstverlening en uitdragen Nederlandse waarden");
}

// A plenary record whose minister goes on after an interruption without a
// new label, turning to the next member ("Dan de vragen van de heer Van
// Rooijen."); a member's interruption that names another member in its
// first sentence is no turn of the member's, the later turn is.
TEST(BenchDocumentTest, AnswersAfterAnInterruptionAndAnInterruptionBeforeTheTurn) {
  constexpr char kFile[] = "blind52-handelingen-debat-visumbeleid.txt";
  ParsedDocument record = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto turn = [&](std::string_view start) {
    auto it = std::find_if(record.passages.begin(), record.passages.end(),
                           [&](const ParsedPassage& p) { return p.question.starts_with(start); });
    return it == record.passages.end() ? ParsedPassage{} : *it;
  };
  EXPECT_THAT(turn("De heer Van Rooijen (PVV): Voorzitter.").text,
              StartsWith("Dan de vragen van de heer Van Rooijen."));
  EXPECT_THAT(turn("Mevrouw Sluiter (VVD): Dank u, voorzitter.").text,
              StartsWith("Mevrouw Sluiter vroeg naar bedrijven."));
  EXPECT_THAT(turn("De heer Boersma (CDA): Voorzitter.").text,
              StartsWith("De heer Boersma vroeg naar de motivering van weigeringen."));
}

// Answers copied from officielebekendmakingen.nl whose notes read "1)
// NOS.nl, …" under "Noten", the marker "1)" in the question: both go.
TEST(BenchDocumentTest, EndnotesNumberedWithAParenthesis) {
  constexpr char kFile[] = "blind50-antwoorden-kamervragen-gedetineerden.txt";
  ParsedDocument answers = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(answers.document.reference, "Aanhangsel Handelingen II 2025/26, nr. 5012");
  ASSERT_FALSE(answers.passages.empty());
  EXPECT_THAT(answers.passages.front().question, EndsWith("zonder vonnis»?"));
  EXPECT_THAT(AllText(answers), Not(HasSubstr("NOS.nl")));
}

// A PDF viewer's copy of a template letter whose block above each page's
// number holds the date, which repeats: the whole block goes.
TEST(BenchDocumentTest, ATemplatesBlockAboveThePageNumberGoesWhole) {
  constexpr char kFile[] = "blind42-reactie-verzoek-commissie.txt";
  ParsedDocument letter = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  for (const ParsedPassage& p : letter.passages) {
    EXPECT_THAT(p.heading, Not(HasSubstr("Visumbeleid")));
    EXPECT_THAT(p.text, Not(HasSubstr("Datum")));
  }
  const ParsedPassage* rest = PassageContaining(letter, "bij problemen eerst contact op");
  ASSERT_NE(rest, nullptr);
  EXPECT_THAT(rest->text,
              HasSubstr("sluiten een reis- en zorgverzekering af en nemen bij problemen"));
}

// A table printed one cell per line whose header's label stands before a
// page break and its years after it: the header is a row.
TEST(BenchDocumentTest, ATablesHeaderAcrossAPageBreakIsARow) {
  constexpr char kFile[] = "blind32-lijst-vragen-jaarverslag.txt";
  ParsedDocument list = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_THAT(AllText(list),
              HasSubstr("\nCategorie  2023  2024  2025\nGedetineerden  1.012  968  1.041\n"));
}

// A letter as `pdftotext -raw` gives it: the first page's colophon and its
// footer on one line.
TEST(BenchDocumentTest, ARawExtractionsColophonAndFooterOnOneLineGo) {
  constexpr char kFile[] = "blind39-brief-mensenrechtenbeleid.txt";
  ParsedDocument letter = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  const std::string all = AllText(letter);
  for (const char* left : {"ISSN", "kst-32735", "vergaderjaar"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  EXPECT_NE(PassageContaining(letter, "Het kabinet maakt zich zorgen"), nullptr);
  // Numbered headings run into their paragraphs head them.
  const ParsedPassage* rights = PassageContaining(letter, "In ruim zestig landen");
  ASSERT_NE(rights, nullptr);
  EXPECT_EQ(rights->heading, "2. Prioriteiten – 2.3 Gelijke rechten");
  EXPECT_THAT(rights->text, StartsWith("In ruim zestig landen"));
}

// Answers to written questions copied from officielebekendmakingen.nl:
// named by the Aanhangsel the site's head names.
TEST(BenchDocumentTest, AnswersCopiedFromTheSiteAreNamedByTheirAanhangsel) {
  constexpr char kFile[] = "blind38-antwoorden-kamervragen-paspoort.txt";
  ParsedDocument answers = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(answers.document.reference, "Aanhangsel Handelingen II 2025/26, nr. 3817");
  std::vector<Article> articles = ToArticles(answers);
  ASSERT_FALSE(articles.empty());
  EXPECT_EQ(articles.front().id, "ah-ii-2025-26-3817-1");
  EXPECT_EQ(articles.front().source.number, "1");
}

// An Eerste Kamer memorie van antwoord copied from officielebekendmakingen.nl
// without blank lines: its numbered sections head the members' questions,
// two of them in some, each with its "Antwoord:".
TEST(BenchDocumentTest, AMemorieVanAntwoordsSectionsHeadItsQuestions) {
  constexpr char kFile[] = "blind32-memorie-antwoord-overbrenging.txt";
  ParsedDocument mva = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  ASSERT_EQ(mva.passages.size(), 10u) << AllText(mva);
  EXPECT_THAT(mva.passages[1].question,
              StartsWith("De leden van de fractie van GroenLinks-PvdA vragen voorts of een "
                         "overbrenging altijd met instemming"));
  EXPECT_THAT(mva.passages[1].text, StartsWith("Ja, een overbrenging op grond van dit verdrag"));
  EXPECT_THAT(mva.passages[0].text, Not(HasSubstr("De leden")));
  EXPECT_EQ(mva.passages[0].heading, "1. Detentieomstandigheden en consulaire bijstand");
  EXPECT_THAT(mva.passages[0].question, StartsWith("De leden van de fractie van GroenLinks-PvdA"));
  EXPECT_EQ(mva.passages[1].heading, "1. Detentieomstandigheden en consulaire bijstand");
  EXPECT_EQ(mva.passages[2].heading, "2. Strafomzetting en aanzuigende werking");
  EXPECT_THAT(mva.passages[1].text, Not(HasSubstr("Strafomzetting")));
}

// A BNC fiche: named as it names itself, its lettered subsections ("a)
// Inhoud voorstel") under their numbered sections' headings.
TEST(BenchDocumentTest, AFichesLetteredSubsectionsHeadTheirParagraphs) {
  constexpr char kFile[] = "blind33-bnc-fiche-consulaire-bescherming.txt";
  ParsedDocument fiche = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(fiche.document.title,
            "Fiche: Richtlijn consulaire bescherming niet-vertegenwoordigde Unieburgers");
  EXPECT_EQ(fiche.document.reference, "Kamerstuk 22 112, nr. 374");
  auto under = [&](std::string_view start) { return StartingWith(fiche, start).heading; };
  EXPECT_EQ(under("Iedere burger van de Unie"), "2. Essentie voorstel – a) Inhoud voorstel");
  EXPECT_EQ(under("Het kabinet hecht aan goede consulaire dienstverlening"),
            "3. Nederlandse positie ten aanzien van het voorstel – a) Essentie Nederlands beleid");
}

// A nota whose members note something and ask it outright ("De leden …
// lezen dat …. Kan de regering toelichten …?"): the reply goes with it.
TEST(BenchDocumentTest, ANotasQuestionWithoutAVerbOfAskingGoesWithItsReply) {
  constexpr char kFile[] = "blind36-nota-naar-aanleiding-verslag.txt";
  ParsedDocument nota = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto it = std::find_if(nota.passages.begin(), nota.passages.end(), [](const auto& p) {
    return p.question.starts_with("De leden van de D66-fractie lezen dat");
  });
  ASSERT_NE(it, nota.passages.end()) << AllText(nota);
  EXPECT_THAT(it->text, StartsWith("Het wetsvoorstel regelt welke vormen van bijstand"));
}

// A committee debate copied from tweedekamer.nl (the site's menu, a
// numbered breadcrumb trail, speakers in bold): named as the paper, and a
// member who asks without a question mark ("Verder wil ik weten …") gets
// the answers that name her.
TEST(BenchDocumentTest, ADebateCopiedFromTheChambersSite) {
  constexpr char kFile[] = "blind35-verslag-commissiedebat-consulaire-zaken.txt";
  ParsedDocument debate = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(debate.document.reference, "Kamerstuk 32 734, nr. 478");
  for (const ParsedPassage& p : debate.passages) {
    EXPECT_THAT(p.text, Not(HasSubstr("Zoeken in de site")));
  }
  auto turn = std::find_if(debate.passages.begin(), debate.passages.end(), [](const auto& p) {
    return p.question.find("Mevrouw Hoekstra (D66): Voorzitter.") != std::string::npos;
  });
  ASSERT_NE(turn, debate.passages.end()) << AllText(debate);
  EXPECT_THAT(turn->text,
              StartsWith("Mevrouw Hoekstra vroeg naar het stemmen vanuit het buitenland."));
}

// A report whose minister reacts after each party's block: where the block
// asks in as many paragraphs as the reaction answers in, each question goes
// with its own answer; an opening that has taken note ("… hebben met
// belangstelling kennisgenomen …") and asks is a question too.
TEST(BenchDocumentTest, EachPartysQuestionsWithTheirOwnAnswers) {
  constexpr char kFile[] = "blind29-verslag-schriftelijk-overleg-raad-handel.txt";
  ParsedDocument report = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  ASSERT_EQ(report.passages.size(), 6u) << AllText(report);
  EXPECT_THAT(report.passages[0].question,
              StartsWith("De leden van de D66-fractie hebben met belangstelling kennisgenomen"));
  EXPECT_THAT(report.passages[0].text, StartsWith("Het kabinet verwacht niet dat MC14"));
  EXPECT_THAT(report.passages[1].question, StartsWith("Voorts vragen de leden van de D66-fractie"));
  EXPECT_THAT(report.passages[1].text,
              StartsWith("De onderhandelingen over het vrijhandelsakkoord"));
  EXPECT_EQ(report.passages[1].number, "2");
  EXPECT_EQ(report.passages[2].number, "3");
}

// A report whose party's questions stand in one block, with a paragraph
// that asks nothing first, and whose reaction answers them paragraph by
// paragraph: each question goes with its own answer.
TEST(BenchDocumentTest, ReactionsAnswerTheirQuestionsParagraphByParagraph) {
  constexpr char kFile[] = "blind4-verslag-schriftelijk-overleg.txt";
  ParsedDocument doc = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  std::vector<const ParsedPassage*> vvd;
  for (const ParsedPassage& p : doc.passages) {
    if (p.heading.ends_with("VVD-fractie")) vvd.push_back(&p);
  }
  ASSERT_EQ(vvd.size(), 2u) << AllText(doc);
  EXPECT_THAT(vvd[0]->question,
              StartsWith("De leden van de VVD-fractie hebben met belangstelling"));
  EXPECT_THAT(vvd[0]->question, HasSubstr("Zij vragen hoeveel Nederlanders"));
  EXPECT_THAT(vvd[0]->text, StartsWith("De leden van de VVD-fractie vragen hoeveel Nederlanders"));
  EXPECT_THAT(vvd[1]->question, StartsWith("De leden van de VVD-fractie vragen of Nederlanders"));
  EXPECT_THAT(vvd[1]->text, StartsWith("De leden van de VVD-fractie vragen of voor een"));
}

std::vector<std::string> Words(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string FirstWords(std::string_view text, size_t n = 8) {
  std::vector<std::string> words = Words(text);
  words.resize(std::min(words.size(), n));
  return Join(words, " ");
}

std::string LastWords(std::string_view text, size_t n = 8) {
  std::vector<std::string> words = Words(text);
  words.erase(words.begin(), words.end() - static_cast<long>(std::min(words.size(), n)));
  return Join(words, " ");
}

// Answers copied from rijksoverheid.nl: notes "1) …" at the end without
// a heading, their markers set apart ("paspoort’? 1)"), the paper named in
// a line under them ("… gepubliceerd als Aanhangsel van de Handelingen II,
// vergaderjaar 2025–2026, nr. 6741.") and the page's "Documentgegevens".
TEST(BenchDocumentTest, AnswersCopiedFromTheGovernmentsSiteWithTheirNotes) {
  constexpr char kFile[] = "blind71-antwoorden-kamervragen.txt";
  ParsedDocument answers = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(answers.document.reference, "Aanhangsel Handelingen II 2025/26, nr. 6741");
  ASSERT_EQ(answers.passages.size(), 13u);
  EXPECT_THAT(answers.passages[0].question, EndsWith("nieuw paspoort’?"));
  EXPECT_THAT(answers.passages.back().text, EndsWith("die dit najaar verschijnt."));
  for (const ParsedPassage& p : answers.passages) {
    EXPECT_THAT(p.question + p.text, Not(HasSubstr(" 2)"))) << p.number;
  }
}

// An annotated agenda copied from officielebekendmakingen.nl, a paragraph
// a line: a numbered item's heading right above its paragraph's line heads
// it, however long the heading ("4. Betrekkingen tussen de EU en China").
TEST(BenchDocumentTest, HeadingsAboveParagraphsOfALineEach) {
  constexpr char kFile[] = "blind69-geannoteerde-agenda.txt";
  ParsedDocument agenda = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto under = [&](std::string_view start) { return StartingWith(agenda, start).heading; };
  EXPECT_EQ(under("De Raad bereidt de EU-Chinatop voor"), "4. Betrekkingen tussen de EU en China");
  EXPECT_EQ(under("De Raad zal spreken over de voortzetting"),
            "1. Russische agressie tegen Oekraïne");
}

// A kabinetsreactie whose every recommendation is followed by its
// reaction under the same label ("Aanbeveling 2" / … / "Reactie" / …):
// each reaction with its recommendation.
TEST(BenchDocumentTest, EachReactionWithItsRecommendation) {
  constexpr char kFile[] = "blind72-kabinetsreactie-evaluatie.txt";
  ParsedDocument reaction = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  auto it = std::find_if(reaction.passages.begin(), reaction.passages.end(), [](const auto& p) {
    return p.text.starts_with("Verbeter de informatievoorziening aan familieleden");
  });
  ASSERT_NE(it, reaction.passages.end()) << AllText(reaction);
  EXPECT_EQ(it->heading, "Aanbeveling 2");
  EXPECT_THAT(it->text, HasSubstr("aanspreekpunt.\n\nHet kabinet neemt deze aanbeveling over."));
  for (const ParsedPassage& p : reaction.passages) {
    EXPECT_THAT(p.heading, Not(EndsWith("Reactie"))) << p.text;
  }
}

// A chapter of the ministry's own report ("Staat van het Consulair"), as
// `-layout` prints it: no paper's marks, but numbered sections. A box's
// source ("Bron: …") stays with its figures, and the next section stands
// under its chapter, not under the box.
TEST(BenchDocumentTest, AChapterOfTheMinistrysReport) {
  constexpr char kFile[] = "blind70-staat-van-het-consulair.txt";
  ParsedDocument report = MustParse(ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR), kFile);
  EXPECT_EQ(report.document.kind, DocumentKind::kLetter);
  EXPECT_EQ(report.document.title, "Staat van het Consulair 2026");
  auto starting = [&](std::string_view start) { return StartingWith(report, start); };
  EXPECT_EQ(starting("Na goedkeuring van de aanvraag").heading,
            "Staat van het Consulair 2026 – 3 Reisdocumenten en legalisatie – 3.3 Levertijd en "
            "uitreiking");
  EXPECT_THAT(starting("Paspoorten aangevraagd bij posten").text,
              EndsWith("\nBron: ministerie van Buitenlandse Zaken"));
  for (const ParsedPassage& p : report.passages) {
    EXPECT_THAT(p.heading, Not(HasSubstr("Bron:"))) << p.text;
    EXPECT_THAT(p.text, Not(HasSubstr("Hoofdstuk 3 |"))) << p.text;
  }
  // Without the ministry, numbered sections make no report of it.
  std::string other = ReadDocument(kFile, LOKET_BENCH_DOCUMENTS_DIR);
  other = std::regex_replace(other, std::regex("[Mm]inister"), "bureau");
  EXPECT_FALSE(ParseDocument(other, kFile).ok());
}

// src/knowledge/testdata: a document of each layout, and what its import
// must give (see the README there).
TEST(LayoutCorpus, EveryDocumentGivesItsPassages) {
  namespace fs = std::filesystem;
  size_t documents = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(LOKET_LAYOUT_DOCUMENTS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    ++documents;
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    std::ifstream expected(fs::path(entry.path()).replace_extension(".json"));
    ASSERT_TRUE(expected.good()) << "no .json beside " << name;
    const nlohmann::json want = nlohmann::json::parse(expected);
    ParsedDocument doc = MustParse(ReadDocument(name, LOKET_LAYOUT_DOCUMENTS_DIR), name);
    EXPECT_EQ(doc.document.kind == DocumentKind::kQuestions ? "questions" : "letter", want["kind"]);
    EXPECT_EQ(doc.document.title, want["title"]);
    EXPECT_EQ(doc.document.reference, want["reference"]);
    EXPECT_EQ(doc.document.date, want["date"]);
    EXPECT_TRUE(doc.missing_numbers.empty());
    ASSERT_EQ(doc.passages.size(), want["passages"].size()) << AllText(doc);
    for (size_t i = 0; i < doc.passages.size(); ++i) {
      const ParsedPassage& p = doc.passages[i];
      const nlohmann::json& w = want["passages"][i];
      SCOPED_TRACE("passage " + std::to_string(i + 1) + " " + p.number);
      EXPECT_EQ(p.number, w.value("number", ""));
      EXPECT_EQ(p.heading, w["heading"]);
      EXPECT_EQ(FirstWords(p.question), w.value("question_starts", ""));
      EXPECT_EQ(FirstWords(p.text), w["text_starts"]);
      EXPECT_EQ(LastWords(p.text), w["text_ends"]);
      for (const char* artefact : {"vergaderjaar", "kst-", "ah-tk-", "ISSN", "Gravenhage", "\f"}) {
        EXPECT_THAT(p.heading + p.question + p.text, Not(HasSubstr(artefact)));
      }
    }
  }
  EXPECT_GE(documents, 11u);
}

void ExpectInvalid(std::string_view text) {
  Result<ParsedDocument> parsed = ParseDocument(text, "upload.txt");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(parsed.status().message().empty());
}

// Synthetic documents. Each has a running footer and a form feed inside an
// answer.

// (a) The number alone on a line, the question below it, an "Antwoord" line.
const std::string kNumberAlone =
    Pages({R"(Lijst van vragen en antwoorden

Vastgesteld 20 november 2023

1
Hoeveel Nederlanders hebben in 2023 consulaire bijstand gekregen?

Antwoord
In 2023 hebben 2.114 Nederlanders consulaire bijstand gekregen. Het gaat
vooral om gedetineerden, zieken en slachtoffers van misdrijven.

2
Hoeveel paspoorten zijn er aan de balie van de ambassades aangevraagd?

Antwoord
Aan de balie van de ambassades zijn ruim 95.000 paspoorten aangevraagd. Dat
is iets meer dan in 2022, toen de consulaire
Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 3
)",
           R"(balies door de pandemie nog beperkt open waren. Het aantal aanvragen via de
gemeente Den Haag bleef gelijk.

3
Het aantal klachten over de wachttijden is in 2023 gestegen. Welke
maatregelen neemt u om de wachttijden bij de balies te verkorten?

Antwoord
Het ministerie breidt de capaciteit uit met mobiele vulpunten en plant meer
afspraken in de avonduren.
)"});

const std::vector<Qa> kNumberAloneWant = {
    {"1", "Hoeveel Nederlanders hebben in 2023 consulaire bijstand gekregen?",
     "In 2023 hebben 2.114 Nederlanders consulaire bijstand gekregen. Het gaat vooral om "
     "gedetineerden, zieken en slachtoffers van misdrijven."},
    {"2", "Hoeveel paspoorten zijn er aan de balie van de ambassades aangevraagd?",
     "Aan de balie van de ambassades zijn ruim 95.000 paspoorten aangevraagd. Dat is iets meer "
     "dan in 2022, toen de consulaire balies door de pandemie nog beperkt open waren. Het aantal "
     "aanvragen via de gemeente Den Haag bleef gelijk."},
    {"3",
     "Het aantal klachten over de wachttijden is in 2023 gestegen. Welke maatregelen neemt u om "
     "de wachttijden bij de balies te verkorten?",
     "Het ministerie breidt de capaciteit uit met mobiele vulpunten en plant meer afspraken in de "
     "avonduren."},
};

// (b)-(d): the same questions and answers laid out otherwise, with the
// question numbers and the "Antwoord" lines of (a) replaced.
std::string Relayout(const std::vector<std::string>& numbers,
                     const std::vector<std::string>& markers) {
  std::string text = kNumberAlone;
  for (size_t i = 0; i < 3; ++i) {
    text = Replaced(text, "\n" + std::to_string(i + 1) + "\n", "\n" + numbers[i]);
    text = Replaced(text, "\nAntwoord\n", "\n" + markers[i]);
  }
  return text;
}

// (d) No "Antwoord" marker: the answer follows the question.
std::string NoMarker() { return Relayout({"1 ", "2 ", "3 "}, {"", "", ""}); }

// (e)-(h) and the cases further on are variations on layout (a).
std::string WithAnswer1(std::string_view answer) {
  return Replaced(kNumberAlone,
                  "In 2023 hebben 2.114 Nederlanders consulaire bijstand gekregen. Het gaat\n"
                  "vooral om gedetineerden, zieken en slachtoffers van misdrijven.",
                  answer);
}

const char kNumberedListAnswer[] = R"(Het kabinet zet drie stappen:
1. Het kabinet breidt het aantal mobiele vulpunten uit naar twintig.
2. Het Loket Buitenland wordt zeven dagen per week bereikbaar.
3. Aanvragen voor een paspoort kunnen volledig digitaal worden gevolgd.
Daarmee wordt de wachttijd korter.)";

const char kTableAnswer[] = R"(Het aantal aanvragen per regio staat hieronder.

Regio          2022      2023
Europa         1.200     1.350
Azië             310       420
Amerika          275       344
Aanvragen bij de gemeente Den Haag zijn niet meegeteld.)";

// A letter to parliament: headings, a two-line heading, a footnote, a
// paragraph broken by a page break, a list.
const std::string kLetter = Pages({R"(Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 april 2024

Met deze brief informeer ik uw Kamer over de consulaire dienstverlening
aan Nederlanders in het buitenland. Ik ga daarbij in op het rapport van
de Nationale ombudsman en op de plannen van het kabinet voor dit jaar.

Paspoorten en identiteitskaarten

Nederlanders in het buitenland kunnen een paspoort aanvragen bij een
ambassade, een consulaat-generaal of een mobiel vulpunt. In 2023 zijn
ruim 95.000 aanvragen in behandeling genomen. De gemiddelde wachttijd
voor een afspraak is gedaald van zes naar drie weken.

Het kabinet wil de wachttijd verder verkorten. Daarom komen er in 2024
vijf nieuwe mobiele vulpunten bij, vooral in landen waar veel
Nederlanders wonen op grote afstand van een ambassade.

Consulaire bijstand bij
detentie en overlijden

Ambassades bieden bijstand aan Nederlanders die in het buitenland
gedetineerd zijn. De ombudsman stelt vast dat familieleden de ambassade
soms moeilijk konden bereiken. Het kabinet onderschrijft deze conclusie
van het rapport.3 Sinds januari is het contactcentrum daarom dag en
nacht bereikbaar, ook in het weekend, zodat familie en advocaten ook
buiten kantoortijden terechtkunnen bij

3 Nationale ombudsman, Bereikbaar in nood, rapport 2024/012.
Tweede Kamer, vergaderjaar 2023–2024, 36 180, nr. 94 2
)",
                                   R"( medewerkers die de zaak kennen.

De bijstand omvat onder meer:
• het bezoeken van gedetineerden;
– het informeren van familie in Nederland;
- het bemiddelen bij medische zorg.

De Minister van Buitenlandse Zaken,
H.G.J. Bruins Slot
)"});

// The fixtures: the report of a written consultation and two letters

TEST(VerslagFixture, HasThirtyOneNumberedQuestionsWithAnswers) {
  const ParsedDocument& doc = Verslag();
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_EQ(doc.document.reference, "Kamerstuk 35 830 V, nr. 8");
  EXPECT_TRUE(doc.missing_numbers.empty());
  ASSERT_EQ(doc.passages.size(), 31u);
  for (size_t i = 0; i < doc.passages.size(); ++i) {
    EXPECT_EQ(doc.passages[i].number, std::to_string(i + 1));
    EXPECT_FALSE(doc.passages[i].question.empty()) << "question " << i + 1;
    EXPECT_FALSE(doc.passages[i].text.empty()) << "answer " << i + 1;
  }
}

TEST(VerslagFixture, LeavesNoFootersPageNumbersFootnotesOrAgenda) {
  ASSERT_FALSE(Verslag().passages.empty());
  for (const ParsedPassage& p : Verslag().passages) {
    SCOPED_TRACE("question " + p.number);
    for (const std::string* text : {&p.question, &p.text}) {
      for (const char* unwanted : {"Tweede Kamer, vergaderjaar", "The Wall Street Journal",
                                   "EUObserver", "Business Insider", "Volledige agenda"}) {
        EXPECT_THAT(*text, Not(HasSubstr(unwanted)));
      }
      std::istringstream lines(*text);
      for (std::string line; std::getline(lines, line);) {
        bool only_number = !line.empty() && line.find_first_not_of("0123456789 ") == line.npos;
        EXPECT_FALSE(only_number) << "a line that is only a number: " << line;
      }
    }
  }
}

TEST(VerslagFixture, ReferringAnswerAndAnswerOverAPageWithFootnotes) {
  ASSERT_EQ(Verslag().passages.size(), 31u);
  EXPECT_EQ(Verslag().passages[20].text, "Zie het antwoord op vraag 2.");
  EXPECT_THAT(Verslag().passages[19].text, HasSubstr("Vanaf januari 2020 tot heden"));
  EXPECT_THAT(Verslag().passages[19].text,
              HasSubstr("Op 11 juni 2021 verstuurde Ambassade Washington"));
}

TEST(VerslagFixture, JoinsHyphenatedWords) {
  std::string all = AllText(Verslag());
  EXPECT_THAT(all, HasSubstr("informatiebeveiliging"));
  EXPECT_THAT(all, HasSubstr("repatriëring"));
  EXPECT_THAT(all, Not(HasSubstr("informatiebevei- liging")));
  EXPECT_THAT(all, Not(HasSubstr("repatri- ëring")));
}

TEST(LetterFixtures, AreLettersWithHeadedPassages) {
  for (const char* file : {"kamerbrief-postennet-2018.txt", "beleidsbrief-bz-2022.txt"}) {
    SCOPED_TRACE(file);
    ParsedDocument doc = MustParse(ReadDocument(file), file);
    EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
    EXPECT_GE(doc.passages.size(), 10u);
    size_t headed = 0;
    for (const ParsedPassage& p : doc.passages) {
      EXPECT_TRUE(p.number.empty() && p.question.empty());
      EXPECT_FALSE(p.text.empty());
      headed += p.heading.empty() ? 0 : 1;
    }
    EXPECT_GE(headed, doc.passages.size() / 2);
  }
}

TEST(LetterFixtures, BeleidsbriefHeadingAndDate) {
  ParsedDocument doc = MustParse(ReadDocument("beleidsbrief-bz-2022.txt"), "beleidsbrief.txt");
  EXPECT_EQ(doc.document.date, "2022-03-08");
  EXPECT_EQ(doc.document.reference, "Kamerstuk 35 925 V, nr. 84");
  EXPECT_TRUE(std::any_of(doc.passages.begin(), doc.passages.end(), [](const ParsedPassage& p) {
    return p.heading.find("Consulaire dienstverlening") != std::string::npos;
  }));
}

TEST(LetterFixtures, PostennetFootnotesGoneDecimalsKept) {
  std::string all = AllText(MustParse(ReadDocument("kamerbrief-postennet-2018.txt"), "p.txt"));
  EXPECT_THAT(all, Not(HasSubstr("CBS, Internationaliseringsmonitor")));
  EXPECT_THAT(all, Not(HasSubstr("Peildatum medio 2018")));
  EXPECT_THAT(all, HasSubstr("goederen. Ons land"));
  EXPECT_THAT(all, Not(HasSubstr("goederen.1 Ons land")));
  EXPECT_THAT(all, HasSubstr("3,1 miljoen"));
  EXPECT_THAT(all, Not(HasSubstr("Tweede Kamer, vergaderjaar")));
}

// A passage that is a list is named by its first item, without the dash.
TEST(LetterFixtures, AListIsNamedByItsFirstItem) {
  std::vector<Article> articles =
      ToArticles(MustParse(ReadDocument("kamerbrief-postennet-2018.txt"), "p.txt"));
  auto list = std::find_if(articles.begin(), articles.end(),
                           [](const Article& a) { return a.body.nl.starts_with("– De posten"); });
  ASSERT_NE(list, articles.end());
  EXPECT_THAT(list->title.nl, StartsWith("De posten in Ankara*, Kiev* en Genève"));
  for (const Article& a : articles) EXPECT_THAT(a.title.nl, Not(StartsWith("– "))) << a.id;
}

// Layouts of answers to questions

TEST(QuestionLayouts, NumberAloneThenQuestionThenAntwoord) {
  ExpectQuestions(MustParse(kNumberAlone), kNumberAloneWant);
}

// A number the numbering skips is reported: a question the layout hid.
TEST(QuestionLayouts, SkippedNumberIsReported) {
  ParsedDocument doc = MustParse(Replaced(kNumberAlone, "\n3\n", "\n4\n"));
  EXPECT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.missing_numbers, std::vector<std::string>{"3"});
}

TEST(QuestionLayouts, NumberAndQuestionOnOneLine) {
  ExpectQuestions(
      MustParse(Relayout({"1. ", "2 ", "3. "}, {"Antwoord:\n", "Antwoord:\n", "Antwoord:\n"})),
      kNumberAloneWant);
}

TEST(QuestionLayouts, AnswerOnTheMarkerLine) {
  ExpectQuestions(
      MustParse(Relayout({"1. ", "2. ", "3. "}, {"Antwoord: ", "Antwoord: ", "Antwoord: "})),
      kNumberAloneWant);
}

TEST(QuestionLayouts, VraagAndAntwoordWithNumbers) {
  ExpectQuestions(MustParse(Relayout({"Vraag 1\n", "Vraag 2\n", "Vraag 3\n"},
                                     {"Antwoord 1\n", "Antwoord op vraag 2\n", "Antwoord 3\n"})),
                  kNumberAloneWant);
}

TEST(QuestionLayouts, NoAntwoordMarker) {
  ExpectQuestions(MustParse(NoMarker()), kNumberAloneWant);
}

// Without a marker or a blank line after it, a question may ask in
// mid-line and end with a request: "… gekregen? Graag een" / "toelichting
// per regio.", the answer on the next line.
TEST(QuestionLayouts, NoAntwoordMarkerQuestionEndingWithARequest) {
  ParsedDocument doc = MustParse(
      Replaced(NoMarker(), "consulaire bijstand gekregen?\n\nIn 2023",
               "consulaire bijstand gekregen? Graag een\ntoelichting per regio.\nIn 2023"));
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].question,
            "Hoeveel Nederlanders hebben in 2023 consulaire bijstand gekregen? Graag een "
            "toelichting per regio.");
  EXPECT_EQ(doc.passages[0].text, kNumberAloneWant[0].answer);
}

// A list of questions and answers as the paper prints it: the heading of
// the paper, the committee's introduction, the table's column heads on
// every page, page references after the questions, a table in an answer.
constexpr char kPrintedList[] = R"doc(Tweede Kamer der Staten-Generaal
Vergaderjaar 2023–2024

36 410 V Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2024

Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN
Vastgesteld 20 november 2023

De vaste commissie voor Buitenlandse Zaken heeft een aantal vragen voorgelegd aan de Minister van Buitenlandse Zaken over de begroting (Kamerstuk 36 410 V, nr. 1).

De Minister heeft deze vragen beantwoord bij brief van 17 november 2023. Vragen en antwoorden zijn hieronder afgedrukt.

De voorzitter van de commissie,
Agema

De griffier van de commissie,
Westerhoff

Nr Vraag Blz. (van) t/m
1 Hoeveel Nederlanders hebben in 2022 consulaire bijstand gekregen bij een 12 12
arrestatie of detentie in het buitenland?
Antwoord:
In 2022 kregen 1.412 Nederlanders consulaire bijstand na een arrestatie of
detentie. Het merendeel van hen zat vast in Duitsland, Spanje en België.

2 Kunt u aangeven hoeveel noodpaspoorten in 2022 zijn verstrekt? 14 14
Antwoord:
In 2022 zijn 8.730 noodpaspoorten verstrekt, tegen 6.105 in 2021. De stijging
hangt samen met het herstel van het reizen na de coronapandemie.

Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 2

Nr Vraag Blz. (van) t/m
3 Wat zijn de gemiddelde wachttijden voor een afspraak aan de balie van de
ambassades, uitgesplitst per regio? 15 16
Antwoord:
De gemiddelde wachttijd voor een afspraak bedroeg in 2022:
Regio          Wachttijd (dagen)
Europa         9
Azië           21
Afrika         17
In de meeste landen is binnen drie weken een afspraak mogelijk.

4 Hoeveel medewerkers werken er bij het 24/7 BZ Contact Center? 20 20
Antwoord:
Bij het 24/7 BZ Contact Center werken 152 medewerkers (128 fte), verdeeld over
Den Haag en de locaties in het buitenland.

Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 3
)doc";

TEST(QuestionLayouts, ListOfQuestionsAsPrinted) {
  ParsedDocument doc = MustParse(kPrintedList, "lijst.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_EQ(doc.document.title, "Lijst van vragen en antwoorden");
  EXPECT_EQ(doc.document.reference, "Kamerstuk 36 410 V, nr. 12");
  EXPECT_EQ(doc.document.date, "2023-11-20");
  ASSERT_EQ(doc.passages.size(), 4u);
  EXPECT_EQ(doc.passages[0].question,
            "Hoeveel Nederlanders hebben in 2022 consulaire bijstand gekregen bij een arrestatie "
            "of detentie in het buitenland?");
  EXPECT_EQ(doc.passages[1].question,
            "Kunt u aangeven hoeveel noodpaspoorten in 2022 zijn verstrekt?");
  EXPECT_EQ(doc.passages[2].text,
            "De gemiddelde wachttijd voor een afspraak bedroeg in 2022:\n"
            "Regio          Wachttijd (dagen)\nEuropa         9\nAzië           21\n"
            "Afrika         17\nIn de meeste landen is binnen drie weken een afspraak mogelijk.");
  for (const auto& p : doc.passages) {
    EXPECT_THAT(p.question + p.text, Not(HasSubstr("Nr Vraag")));
    EXPECT_THAT(p.question + p.text, Not(HasSubstr("Tweede Kamer")));
  }
}

// Answers to written questions (Aanhangsel van de Handelingen), with two
// questions answered together.
constexpr char kWrittenQuestions[] = R"doc(Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden

2023Z04512

Vragen van het lid Sjoerdsma (D66) aan de Minister van Buitenlandse Zaken over gestrande Nederlanders in Soedan (ingezonden 20 april 2023).

Antwoord van Minister Hoekstra (Buitenlandse Zaken) (ontvangen 12 mei 2023).

Vraag 1
Bent u bekend met het bericht dat tientallen Nederlanders vastzitten in Khartoem?

Antwoord 1
Ja.

Vraag 2
Hoeveel Nederlanders zijn met de evacuatievluchten uit Soedan gehaald?

Antwoord 2
Met de evacuatievluchten van Nederland en partnerlanden zijn in totaal 102
Nederlanders uit Soedan vertrokken. Daarnaast zijn enkele Nederlanders over
land naar Egypte gereisd.

Vraag 3 en 4
Welke hulp kregen Nederlanders die niet mee konden met de vluchten? Hoe is
met hen contact gehouden?

Antwoord op vragen 3 en 4
Het 24/7 BZ Contact Center hield dagelijks contact met alle geregistreerde
Nederlanders via het Informatieservice-systeem.
)doc";

TEST(QuestionLayouts, WrittenQuestionsAnsweredTogether) {
  ParsedDocument doc = MustParse(kWrittenQuestions, "kamervragen.txt");
  EXPECT_EQ(doc.document.title,
            "Vragen van het lid Sjoerdsma (D66) aan de Minister van Buitenlandse Zaken over "
            "gestrande Nederlanders in Soedan");
  EXPECT_EQ(doc.document.reference, "2023Z04512");
  EXPECT_EQ(doc.document.date, "2023-05-12");
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[0].text, "Ja.");
  EXPECT_EQ(doc.passages[2].number, "3 en 4");
  EXPECT_EQ(doc.passages[2].question,
            "Welke hulp kregen Nederlanders die niet mee konden met de vluchten? Hoe is met hen "
            "contact gehouden?");
  std::vector<Article> articles = ToArticles(doc);
  EXPECT_EQ(articles[2].id, "2023z04512-3");
  EXPECT_EQ(articles[2].source.number, "3 en 4");
}

// Written questions that ask one thing only are one article, not a letter.
TEST(QuestionLayouts, WrittenQuestionsOfOneQuestion) {
  std::string text(kWrittenQuestions);
  text = text.substr(0, text.find("Vraag 1\n")) + text.substr(text.find("Vraag 2\n"));
  text = text.substr(0, text.find("Vraag 3 en 4"));
  text = Replaced(Replaced(text, "Vraag 2\n", "Vraag 1\n"), "Antwoord 2\n", "Antwoord 1\n");
  ParsedDocument doc = MustParse(text, "kamervragen.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_EQ(doc.document.reference, "2023Z04512");
  ASSERT_EQ(doc.passages.size(), 1u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].number, "1");
  EXPECT_EQ(doc.passages[0].question,
            "Hoeveel Nederlanders zijn met de evacuatievluchten uit Soedan gehaald?");
  EXPECT_THAT(doc.passages[0].text,
              AllOf(StartsWith("Met de evacuatievluchten"), EndsWith("naar Egypte gereisd.")));
}

// A report that prints all questions first, by party, and the answers
// after them.
constexpr char kQuestionsThenAnswers[] = R"doc(VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
Vastgesteld 14 juni 2023

De vaste commissie voor Buitenlandse Zaken heeft vragen en opmerkingen voorgelegd aan de
Minister van Buitenlandse Zaken over de Staat van het Consulaire 2022.

I Vragen en opmerkingen vanuit de fracties

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie hebben met belangstelling kennisgenomen van de Staat
van het Consulaire 2022. Deze leden hebben nog enkele vragen.

1. De leden van de VVD-fractie lezen dat het aantal paspoortaanvragen in 2022 met 30
procent is gestegen. Hoeveel extra baliemedewerkers zijn er ingezet?

2. Deze leden vragen hoe vaak een beroep is gedaan op het Reisdocumen-
tenbureau in Den Haag.

Vragen en opmerkingen van de leden van de SP-fractie

3. Hoe lang was de gemiddelde wachttijd van het Contactcenter tijdens de evacuatie uit
Soedan?

4. Welke lessen trekt de Minister hieruit?

5. Is de Minister bereid de leges voor een noodpaspoort kwijt te schelden?

II Reactie van de Minister

Antwoord op vraag 1
Er zijn 38 tijdelijke baliemedewerkers ingezet.

Antwoord op vraag 2
Het Reisdocumentenbureau nam 4.212 aanvragen in behandeling.

Antwoord op vraag 3
De gemiddelde wachttijd bedroeg 11 minuten. De lessen betrek ik bij de evaluatie.

Antwoord op vraag 5
In bijzondere situaties kan het ministerie de leges niet in rekening brengen.

De Minister van Buitenlandse Zaken,
W.B. Hoekstra
)doc";

// A party's heading right above its block, without the blank line under
// it, as some extractions print it.
TEST(QuestionLayouts, PartyHeadingRightAboveItsBlock) {
  const std::string tight =
      Replaced(Replaced(kQuestionsThenAnswers, "VVD-fractie\n\n", "VVD-fractie\n"),
               "SP-fractie\n\n", "SP-fractie\n");
  ParsedDocument doc = MustParse(tight, "verslag.txt");
  ParsedDocument spaced = MustParse(kQuestionsThenAnswers, "verslag.txt");
  EXPECT_EQ(Headings(doc), Headings(spaced));
  EXPECT_EQ(AllText(doc), AllText(spaced));
}

// Three questions answered together: "2, 3 en 4".
TEST(QuestionLayouts, ThreeQuestionsAnsweredTogether) {
  ParsedDocument doc = MustParse(
      Replaced(kQuestionsThenAnswers,
               "Antwoord op vraag 5\nIn bijzondere situaties kan het ministerie de leges niet in "
               "rekening brengen.\n",
               ""),
      "verslag.txt");
  EXPECT_THAT(AllText(doc), HasSubstr("Welke lessen"));
  std::vector<std::string> numbers;
  for (const auto& p : doc.passages) numbers.push_back(p.number);
  EXPECT_THAT(numbers, ::testing::Contains("3, 4 en 5")) << AllText(doc);
}

TEST(QuestionLayouts, QuestionsFirstAnswersAfterThem) {
  ParsedDocument doc = MustParse(kQuestionsThenAnswers, "verslag.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].number, "1");
  EXPECT_EQ(doc.passages[0].heading, "Vragen en opmerkingen van de leden van de VVD-fractie");
  EXPECT_EQ(doc.passages[0].question,
            "De leden van de VVD-fractie lezen dat het aantal paspoortaanvragen in 2022 met 30 "
            "procent is gestegen. Hoeveel extra baliemedewerkers zijn er ingezet?");
  EXPECT_EQ(doc.passages[0].text, "Er zijn 38 tijdelijke baliemedewerkers ingezet.");
  EXPECT_EQ(doc.passages[1].question,
            "Deze leden vragen hoe vaak een beroep is gedaan op het Reisdocumentenbureau in Den "
            "Haag.");
  // Question 4 has no answer of its own: the answer to 3 answers it too.
  EXPECT_EQ(doc.passages[2].number, "3 en 4");
  EXPECT_EQ(doc.passages[2].heading, "Vragen en opmerkingen van de leden van de SP-fractie");
  EXPECT_EQ(doc.passages[2].question,
            "Hoe lang was de gemiddelde wachttijd van het Contactcenter tijdens de evacuatie uit "
            "Soedan?\n\nWelke lessen trekt de Minister hieruit?");
  EXPECT_EQ(doc.passages[3].number, "5");
  EXPECT_EQ(doc.passages[3].text,
            "In bijzondere situaties kan het ministerie de leges niet in rekening brengen.");
  EXPECT_TRUE(doc.missing_numbers.empty());
  EXPECT_THAT(AllText(doc), Not(HasSubstr("Reactie van de Minister")));
  EXPECT_THAT(AllText(doc), Not(HasSubstr("Hoekstra")));
}

// A report whose questions have no numbers and whose answers open with
// "Reactie van de Minister".
constexpr char kUnnumberedReport[] = R"doc(Verslag van een schriftelijk overleg

Vastgesteld 2 februari 2024

Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie

De leden van de GroenLinks-PvdA-fractie hebben kennisgenomen van de brief over de consulaire dienstverlening. Zij hebben nog enkele vragen.

De leden lezen dat de wachttijden voor een paspoortafspraak bij sommige ambassades oplopen tot acht weken. Hoe wil de Minister deze wachttijden terugdringen?

Reactie van de Minister
De wachttijden worden teruggedrongen door extra mobiele vulpunten in te zetten en door
de balies op drukke posten vaker open te stellen. In 2024 komen er tien mobiele vulpunten
bij.

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie vragen hoeveel Nederlanders zich hebben geregistreerd bij de Informatieservice. Is dat aantal gestegen?

Reactie van de Minister
Eind 2023 stonden 48.000 Nederlanders geregistreerd bij de Informatieservice, 6.000 meer
dan een jaar eerder.

Tweede Kamer, vergaderjaar 2023–2024, 36 180, nr. 101 2
)doc";

// The committee's preamble and a party without questions ask nothing.
TEST(QuestionLayouts, PreambleAndPartiesWithoutQuestionsAreNoQuestion) {
  std::string text = Replaced(
      kUnnumberedReport, "Vastgesteld 2 februari 2024\n",
      "Vastgesteld 2 februari 2024\n\nDe vaste commissie voor Buitenlandse Zaken heeft een "
      "aantal vragen en opmerkingen voorgelegd aan de Minister over de consulaire "
      "dienstverlening.\n\nDe voorzitter van de commissie,\nKlaver\n");
  text = Replaced(text, "Vragen en opmerkingen van de leden van de VVD-fractie\n",
                  "Vragen en opmerkingen van de leden van de BBB-fractie\n\nDe leden van de "
                  "BBB-fractie hebben geen vragen.\n\nVragen en opmerkingen van de leden van de "
                  "VVD-fractie\n");
  ParsedDocument doc = MustParse(text, "verslag.txt");
  ASSERT_EQ(doc.passages.size(), 2u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].question,
            "De leden lezen dat de wachttijden voor een paspoortafspraak bij sommige ambassades "
            "oplopen tot acht weken. Hoe wil de Minister deze wachttijden terugdringen?");
  EXPECT_EQ(doc.passages[1].question,
            "De leden van de VVD-fractie vragen hoeveel Nederlanders zich hebben geregistreerd bij "
            "de Informatieservice. Is dat aantal gestegen?");
  EXPECT_EQ(doc.passages[1].heading, "Vragen en opmerkingen van de leden van de VVD-fractie");
}

// Each question under its own label, one answer for both.
TEST(QuestionLayouts, QuestionsAskedApartAnsweredTogether) {
  ParsedDocument doc = MustParse(
      Replaced(kWrittenQuestions,
               "Vraag 3 en 4\nWelke hulp kregen Nederlanders die niet mee konden met de vluchten? "
               "Hoe is\nmet hen contact gehouden?",
               "Vraag 3\nWelke hulp kregen Nederlanders die niet mee konden met de vluchten?\n\n"
               "Vraag 4\nHoe is met hen contact gehouden?"),
      "kamervragen.txt");
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_EQ(doc.passages[2].number, "3 en 4");
  EXPECT_EQ(doc.passages[2].question,
            "Welke hulp kregen Nederlanders die niet mee konden met de vluchten?\n\n"
            "Hoe is met hen contact gehouden?");
  EXPECT_THAT(doc.passages[2].text, HasSubstr("Het 24/7 BZ Contact Center"));
  EXPECT_TRUE(doc.missing_numbers.empty());
}

// The colophon of the first page names answers to written questions.
TEST(QuestionLayouts, WrittenQuestionsNamedByTheirColophon) {
  ParsedDocument doc = MustParse(
      Replaced(Replaced(kWrittenQuestions, "2023Z04512\n", ""), "Vraag 2\n",
               "ah-tk-20222023-2104\nISSN 0921 - 7398\n’s-Gravenhage 2023            Tweede "
               "Kamer, vergaderjaar 2022–2023, Aanhangsel        1\n\fVraag 2\n"),
      "kamervragen.txt");
  EXPECT_EQ(doc.document.reference, "Aanhangsel Handelingen II 2022/23, nr. 2104");
  EXPECT_EQ(doc.document.key, "ah-ii-2022-23-2104");
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_THAT(AllText(doc), Not(HasSubstr("ISSN")));
}

TEST(QuestionLayouts, UnnumberedQuestionsWithReactions) {
  ParsedDocument doc = MustParse(kUnnumberedReport, "verslag.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_EQ(doc.document.title, "Verslag van een schriftelijk overleg");
  ASSERT_EQ(doc.passages.size(), 2u);
  EXPECT_EQ(doc.passages[0].number, "1");
  EXPECT_EQ(doc.passages[0].question,
            "De leden lezen dat de wachttijden voor een paspoortafspraak bij sommige ambassades "
            "oplopen tot acht weken. Hoe wil de Minister deze wachttijden terugdringen?");
  EXPECT_EQ(doc.passages[0].heading,
            "Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie");
  EXPECT_EQ(doc.passages[1].number, "2");
  EXPECT_EQ(doc.passages[1].text,
            "Eind 2023 stonden 48.000 Nederlanders geregistreerd bij de Informatieservice, 6.000 "
            "meer dan een jaar eerder.");
}

TEST(QuestionLayouts, NoAntwoordMarkerQuestionOfTwoSentences) {
  ParsedDocument doc =
      MustParse(Replaced(NoMarker(), "gekregen?\n", "gekregen?\nWaar was dat het vaakst?\n"));
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[0].question, kNumberAloneWant[0].question + " Waar was dat het vaakst?");
  EXPECT_EQ(doc.passages[0].text, kNumberAloneWant[0].answer);
}

TEST(QuestionLayouts, MarginPageReferencesLeaveTheQuestion) {
  std::string text = Replaced(kNumberAlone, "gekregen?\n", "gekregen? 12 13\n");
  text = Replaced(text, "aangevraagd?\n", "aangevraagd? 14\n");
  ExpectQuestions(MustParse(Replaced(text, "verkorten?\n", "verkorten? 15–17\n")),
                  kNumberAloneWant);
}

// The annex a question refers to, in its own column ("Bijlage 2   7   7").
TEST(QuestionLayouts, MarginAnnexReferencesLeaveTheQuestion) {
  std::string text =
      Replaced(kNumberAlone, "gekregen?\n", "gekregen?        Bijlage 2   7            7\n");
  ExpectQuestions(MustParse(Replaced(text, "aangevraagd?\n", "aangevraagd?    Bijlage B   14\n")),
                  kNumberAloneWant);
}

// A year at the end of a question's first line is no page; an annex's
// number may stand alone in its column before the pages.
TEST(QuestionLayouts, MarginReferencesBesideAYearOrAnAnnexNumber) {
  std::string text =
      Replaced(kNumberAlone, "Het aantal klachten over de wachttijden is in 2023 gestegen. Welke\n",
               "Het aantal klachten over de wachttijden steeg in 2023              23\n"
               "en 2024. Welke\n");
  ParsedDocument doc = MustParse(text);
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_EQ(doc.passages[2].question,
            "Het aantal klachten over de wachttijden steeg in 2023 en 2024. Welke maatregelen "
            "neemt u om de wachttijden bij de balies te verkorten?");
  ExpectQuestions(MustParse(Replaced(kNumberAlone, "gestegen. Welke\n",
                                     "gestegen. Welke       2          61         62\n")),
                  kNumberAloneWant);
}

TEST(QuestionLayouts, NumberedListInAnswerStartsNoQuestion) {
  ParsedDocument doc = MustParse(WithAnswer1(kNumberedListAnswer));
  ASSERT_EQ(doc.passages.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(doc.passages[i].number, kNumberAloneWant[i].number);
    EXPECT_EQ(doc.passages[i].question, kNumberAloneWant[i].question);
  }
  for (size_t i = 1; i < 3; ++i) EXPECT_EQ(doc.passages[i].text, kNumberAloneWant[i].answer);
  EXPECT_THAT(doc.passages[0].text,
              AllOf(HasSubstr("Het kabinet breidt het aantal mobiele vulpunten"),
                    HasSubstr("zeven dagen per week bereikbaar."), HasSubstr("wachttijd korter.")));
}

TEST(QuestionLayouts, NumberedListItemsKeepALineEach) {
  ParsedDocument doc = MustParse(WithAnswer1(kNumberedListAnswer));
  ASSERT_FALSE(doc.passages.empty());
  EXPECT_THAT(doc.passages[0].text,
              HasSubstr("stappen:\n1. Het kabinet breidt het aantal mobiele vulpunten uit naar "
                        "twintig.\n2. Het Loket Buitenland wordt zeven dagen per week "
                        "bereikbaar.\n3. Aanvragen"));
}

TEST(QuestionLayouts, TableInAnswerKeepsARowPerLine) {
  ParsedDocument doc = MustParse(WithAnswer1(kTableAnswer));
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[0].text,
            "Het aantal aanvragen per regio staat hieronder.\n\n"
            "Regio          2022      2023\n"
            "Europa         1.200     1.350\n"
            "Azië             310       420\n"
            "Amerika          275       344\n"
            "Aanvragen bij de gemeente Den Haag zijn niet meegeteld.");
  EXPECT_EQ(doc.passages[1].question, kNumberAloneWant[1].question);
}

// A table's note ("* tot en met oktober") at the foot of a page is no list
// item, and the paragraph on the next page does not go on from it.
TEST(QuestionLayouts, TableNoteAtThePageFootEndsTheTable) {
  std::string text =
      Replaced(kNumberAlone,
               "Aan de balie van de ambassades zijn ruim 95.000 paspoorten aangevraagd. Dat\n"
               "is iets meer dan in 2022, toen de consulaire\n",
               "Aan de balie van de ambassades zijn ruim 95.000 paspoorten aangevraagd.\n\n"
               "Aanvragen van paspoorten aan de balie per regio, 2022–2023\n"
               "Regio          2022      2023*\n"
               "Europa         1.200     1.350\n"
               "Azië             310       420\n"
               "* tot en met 31 oktober 2023\n\n");
  text = Replaced(text,
                  "balies door de pandemie nog beperkt open waren. Het aantal aanvragen via de\n"
                  "gemeente Den Haag bleef gelijk.",
                  "Het aantal aanvragen via de gemeente Den Haag bleef gelijk.");
  ParsedDocument doc = MustParse(text);
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[1].text,
            "Aan de balie van de ambassades zijn ruim 95.000 paspoorten aangevraagd.\n\n"
            "Aanvragen van paspoorten aan de balie per regio, 2022–2023\n"
            "Regio          2022      2023*\n"
            "Europa         1.200     1.350\n"
            "Azië             310       420\n"
            "* tot en met 31 oktober 2023\n\n"
            "Het aantal aanvragen via de gemeente Den Haag bleef gelijk.");
}

TEST(QuestionLayouts, AnswerOverAPageBreakWithHyphenatedWord) {
  std::string text = Replaced(kNumberAlone, "toen de consulaire\n", "toen de consu-\n");
  ExpectQuestions(MustParse(Replaced(text, "\fbalies", "\f4\nlaire balies")), kNumberAloneWant);
}

TEST(QuestionLayouts, QuestionOverAPageBreakKeepsItsNumber) {
  ParsedDocument doc = MustParse(
      Replaced(kNumberAlone, "aangevraagd?\n",
               "aangevraagd door\nTweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 2\n\f3\n"
               "Nederlanders die in Duitsland wonen?\n"));
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[1].number, "2");
  EXPECT_EQ(doc.passages[1].question,
            "Hoeveel paspoorten zijn er aan de balie van de ambassades aangevraagd door "
            "Nederlanders die in Duitsland wonen?");
  EXPECT_EQ(doc.passages[0].text, kNumberAloneWant[0].answer);
}

// The number at the page's foot, the question on the next page, with the
// footer and the page's number on lines of their own between them.
TEST(QuestionLayouts, NumberAtThePageFootAboveTheFooterAndPageNumber) {
  ParsedDocument doc = MustParse(Replaced(
      kNumberAlone, "\n\n3\nHet aantal",
      "\n\n3\n\nTweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12\n\n4\n\n\fHet aantal"));
  ExpectQuestions(doc, kNumberAloneWant);
}

// A list printed as a table with question and answer side by side, as
// `pdftotext -layout` prints it: the columns are read one after the other,
// an answer goes on over the page break, a question may run a little into
// the answer's column.
TEST(QuestionLayouts, QuestionAndAnswerSideBySide) {
  const std::string text = Pages(
      {"Lijst van vragen en antwoorden\n"
       "Vastgesteld 7 november 2025\n\n"
       "Nr.   Vraag                                     Antwoord\n\n"
       "1     Hoeveel posten telt het postennetwerk     Op 1 januari 2026 telt het netwerk 145\n"
       "      op 1 januari 2026?                        posten, van wie 109 ambassades.\n\n"
       "2     Hoeveel Nederlanders zitten gedetineerd   Op 1 september 2025 zaten 1.742\n"
       "      in het buitenland?                        Nederlanders gedetineerd in het\n"
       "                                                buitenland, van wie 612 in een\n\n"
       "Tweede Kamer, vergaderjaar 2025–2026, 36 800 V, nr. 9                        2\n",
       "Nr.   Vraag                                     Antwoord\n\n"
       "                                                andere lidstaat van de Unie.\n\n"
       "3     Wat kost een paspoort dat bij een post wordt Een volwassene betaalt in 2026\n"
       "      aangevraagd?                              € 157,75.\n\n"
       "Tweede Kamer, vergaderjaar 2025–2026, 36 800 V, nr. 9                        3\n"});
  ExpectQuestions(
      MustParse(text),
      {{"1", "Hoeveel posten telt het postennetwerk op 1 januari 2026?",
        "Op 1 januari 2026 telt het netwerk 145 posten, van wie 109 ambassades."},
       {"2", "Hoeveel Nederlanders zitten gedetineerd in het buitenland?",
        "Op 1 september 2025 zaten 1.742 Nederlanders gedetineerd in het buitenland, van wie 612 "
        "in een andere lidstaat van de Unie."},
       {"3", "Wat kost een paspoort dat bij een post wordt aangevraagd?",
        "Een volwassene betaalt in 2026 € 157,75."}});
}

TEST(QuestionLayouts, AnswerToARangeOfQuestions) {
  const std::string text =
      "Lijst van vragen en antwoorden\n\n"
      "4 Hoe vaak worden gedetineerden bezocht?\n\n"
      "5 Worden gedetineerden in zware omstandigheden vaker bezocht?\n\n"
      "6 Welke rol spelen vrijwilligers?\n\n"
      "Antwoord op vragen 4 tot en met 6:\n"
      "Eenmaal per jaar, in zware omstandigheden tweemaal; vrijwilligers bezoeken hen ook.\n\n"
      "7 Hoeveel gedetineerden zijn overgebracht?\n\n"
      "Antwoord:\n"
      "Het waren er 96.\n";
  ParsedDocument doc = MustParse(text);
  EXPECT_TRUE(doc.missing_numbers.empty());
  ASSERT_EQ(doc.passages.size(), 2u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].number, "4, 5 en 6");
  EXPECT_EQ(doc.passages[0].question,
            "Hoe vaak worden gedetineerden bezocht?\n\nWorden gedetineerden in zware "
            "omstandigheden vaker bezocht?\n\nWelke rol spelen vrijwilligers?");
  EXPECT_EQ(doc.passages[1].text, "Het waren er 96.");
}

TEST(QuestionLayouts, QuestionsNumberedPerChapter) {
  const std::string text =
      "Lijst van vragen en antwoorden\n\n"
      "Hoofdstuk 1 Algemeen\n\n"
      "1.1\n"
      "Hoe hoog waren de uitgaven in 2025?\n\n"
      "Antwoord\n\n"
      "De uitgaven bedroegen € 1.912 miljoen.\n\n"
      "1.2\n"
      "Welk deel is meegenomen naar 2026?\n\n"
      "Antwoord\n\n"
      "Van de onderuitputting is € 19 miljoen meegenomen.\n\n"
      "Hoofdstuk 2 Beleidsverslag\n\n"
      "2.1\n"
      "Hoeveel Nederlanders kregen consulaire bijstand?\n\n"
      "Antwoord\n\n"
      "Het waren er 9.870.\n\n"
      "2.2 Hoe vaak zijn de reisadviezen gewijzigd?\n\n"
      "Antwoord\n\n"
      "In totaal 1.264 keer.\n";
  ParsedDocument doc = MustParse(text);
  ExpectQuestions(
      doc,
      {{"1.1", "Hoe hoog waren de uitgaven in 2025?", "De uitgaven bedroegen € 1.912 miljoen."},
       {"1.2", "Welk deel is meegenomen naar 2026?",
        "Van de onderuitputting is € 19 miljoen meegenomen."},
       {"2.1", "Hoeveel Nederlanders kregen consulaire bijstand?", "Het waren er 9.870."},
       {"2.2", "Hoe vaak zijn de reisadviezen gewijzigd?", "In totaal 1.264 keer."}});
  EXPECT_EQ(doc.passages[0].heading, "Hoofdstuk 1 Algemeen");
  EXPECT_EQ(doc.passages[3].heading, "Hoofdstuk 2 Beleidsverslag");
}

// An Eerste Kamer's written consultation: the committee's letter numbers
// its questions, the minister's reply answers them under the same numbers
// without a label.
TEST(QuestionLayouts, ACommitteesLetterAndTheMinistersReplyUnderTheSameNumbers) {
  const std::string text =
      "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n"
      "BRIEF VAN DE VASTE COMMISSIE VOOR BUITENLANDSE ZAKEN\n\n"
      "Vragen en opmerkingen van de leden van de BBB-fractie\n\n"
      "1. De leden van de BBB-fractie vragen of Nederlanders in het EES worden\n"
      "geregistreerd. Geldt dat ook voor hun gezinsleden?\n\n"
      "2. Deze leden vragen hoe lang reizigers op Schiphol moesten wachten.\n\n"
      "3. Kunt u aangeven wat een reisautorisatie kost?\n\n"
      "De leden van de commissie zien de beantwoording met belangstelling tegemoet.\n\n"
      "Hoogachtend,\n\n"
      "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n"
      "Hierbij ontvangt u de antwoorden onder dezelfde nummers.\n\n"
      "1. Nee, Nederlanders worden niet geregistreerd. Gezinsleden met een\n"
      "verblijfskaart evenmin.\n\n"
      "2. Op piekmomenten liep de wachttijd op tot ruim een uur.\n\n"
      "3. Een reisautorisatie kost € 20 en is drie jaar geldig.\n\n"
      "De Minister van Buitenlandse Zaken,\n"
      "J.A. Verbeek\n";
  ParsedDocument doc = MustParse(text);
  ExpectQuestions(
      doc, {{"1",
             "De leden van de BBB-fractie vragen of Nederlanders in het EES worden geregistreerd. "
             "Geldt dat ook voor hun gezinsleden?",
             "Nee, Nederlanders worden niet geregistreerd. Gezinsleden met een verblijfskaart "
             "evenmin."},
            {"2", "Deze leden vragen hoe lang reizigers op Schiphol moesten wachten.",
             "Op piekmomenten liep de wachttijd op tot ruim een uur."},
            {"3", "Kunt u aangeven wat een reisautorisatie kost?",
             "Een reisautorisatie kost € 20 en is drie jaar geldig."}});
  EXPECT_EQ(doc.passages[2].heading, "Vragen en opmerkingen van de leden van de BBB-fractie");
}

// Questions tagged with the numbers of the replies after them all: each
// with its reply, the words after a passage's last tag with its question,
// a reply's second paragraph with it.
TEST(QuestionLayouts, QuestionsTaggedWithTheNumbersOfTheRepliesAfterThem) {
  const std::string text =
      "Tweede Kamer der Staten-Generaal\n"
      "Vergaderjaar 2025–2026\n\n"
      "21 501-20 Europese Raad\n\n"
      "Nr. 1583 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n"
      "Vastgesteld 12 maart 2026\n\n"
      "Vragen en opmerkingen van de leden van de D66-fractie\n\n"
      "De leden van de D66-fractie hebben met belangstelling kennisgenomen van de agenda voor\n"
      "de Europese Raad. Kan het kabinet aangeven hoe het staat met de lening aan Oekraïne\n"
      "en welk risico Nederland daarbij loopt? (vraag 1) Ook vragen deze leden naar de\n"
      "toetreding van Moldavië. Welke voorwaarden stelt het kabinet aan het openen van het\n"
      "eerste cluster? (vraag 2) Deze leden zien de antwoorden met belangstelling tegemoet.\n\n"
      "Vragen en opmerkingen van de leden van de CDA-fractie\n\n"
      "De leden van de CDA-fractie vragen naar het Meerjarig Financieel Kader voor de jaren\n"
      "na 2027. Deelt het kabinet de opvatting dat het kader als deel van het bni niet mag\n"
      "groeien, en hoe wil het dat bereiken? (vraag 3)\n\n"
      "Reactie van het kabinet\n\n"
      "1. De lening aan Oekraïne is voor 2026 volledig verstrekt. Het risico voor Nederland\n"
      "is beperkt, omdat de lening wordt gedekt door de marge van de begroting van de Unie.\n\n"
      "2. Moldavië moet eerst de hervormingen van de rechtsstaat afronden voordat het eerste\n"
      "cluster kan worden geopend, zoals de Commissie in haar verslag heeft vastgesteld.\n\n"
      "Het kabinet weegt daarbij ook het oordeel van de Raad van Europa over de rechtspraak.\n\n"
      "3. Het kabinet zet in op een kader dat als percentage van het bni niet groeit, met\n"
      "meer ruimte voor defensie, migratie en concurrentievermogen binnen dat kader.\n\n"
      "Tweede Kamer, vergaderjaar 2025–2026, 21 501-20, nr. 1583 1\n";
  ParsedDocument doc = MustParse(text);
  auto numbered = [&](std::string_view number) {
    auto it = std::find_if(doc.passages.begin(), doc.passages.end(),
                           [&](const ParsedPassage& p) { return p.number == number; });
    return it == doc.passages.end() ? ParsedPassage{} : *it;
  };
  EXPECT_THAT(numbered("1").question, HasSubstr("hoe het staat met de lening aan Oekraïne"));
  EXPECT_THAT(numbered("1").text, StartsWith("De lening aan Oekraïne is voor 2026"));
  EXPECT_THAT(numbered("2").question,
              EndsWith("Deze leden zien de antwoorden met belangstelling tegemoet."));
  EXPECT_THAT(numbered("2").text, HasSubstr("\n\nHet kabinet weegt daarbij ook"));
  EXPECT_THAT(numbered("3").heading, HasSubstr("CDA-fractie"));
  EXPECT_THAT(numbered("3").text, StartsWith("Het kabinet zet in op een kader"));
}

TEST(QuestionLayouts, QuestionsAndAnswersInAMarkdownTable) {
  const std::string text =
      "# Tweede Kamer der Staten-Generaal\n\n"
      "**Nr. 403 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG**\n\n"
      "| Nr | Fractie | Vraag | Antwoord |\n"
      "|----|---------|-------|----------|\n"
      "| 1 | PVV | De leden van de PVV-fractie vragen hoe lang de wachttijd is. | Gemiddeld 17 "
      "werkdagen. |\n"
      "| 2 | VVD | Hoe vaak is het mobiele vulpunt ingezet? | In 2025 ging het 214 keer op pad. |\n"
      "\n"
      "Tweede Kamer, vergaderjaar 2025–2026, 36 918, nr. 403 2\n";
  ExpectQuestions(
      MustParse(text),
      {{"1", "De leden van de PVV-fractie vragen hoe lang de wachttijd is.",
        "Gemiddeld 17 werkdagen."},
       {"2", "Hoe vaak is het mobiele vulpunt ingezet?", "In 2025 ging het 214 keer op pad."}});
}

TEST(QuestionLayouts, LastAnswerWithALineStartingDeMinister) {
  ParsedDocument doc = MustParse(Replaced(kNumberAlone, "in de avonduren.",
                                          "in de avonduren.\nDe Minister van Buitenlandse "
                                          "Zaken informeert uw Kamer\nna de zomer."));
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[2].text, kNumberAloneWant[2].answer +
                                      " De Minister van Buitenlandse Zaken informeert uw Kamer "
                                      "na de zomer.");
}

TEST(QuestionLayouts, RepeatedReferralAnswersAreKept) {
  std::string text =
      "Lijst van vragen en antwoorden\n\n1\nHoeveel Nederlanders zitten in het "
      "buitenland gedetineerd?\n\nAntwoord\nHet zijn er 1.842.\n";
  int n = 1;
  for (const char* land : {"Duitsland", "Spanje", "België"}) {
    text += "\n" + std::to_string(++n) + "\nHoeveel Nederlanders zitten in " + land +
            " gedetineerd?\n\nAntwoord\nZie het antwoord op vraag 1.\n";
  }
  ParsedDocument doc = MustParse(text);
  ASSERT_EQ(doc.passages.size(), 4u);
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(doc.passages[i].text, "Zie het antwoord op vraag 1.");
}

// Answers to written questions as `pdftotext -layout` prints them: the
// Aanhangsel's masthead, the text in its right-hand column, the colophon
// under the first page and the identifier with the page number under the
// next, a footnote, a compound hyphenated at a line end that the text
// prints whole too, and the explanation the questions close with.
const std::string kAanhangsel =
    Pages({R"(Tweede Kamer der Staten-Generaal                                                  2
Vergaderjaar 2022–2023                      Aanhangsel van de Handelingen
                                            Vragen gesteld door de leden der Kamer, met de daarop door de
                                            regering gegeven antwoorden

2634
                    Vragen van de leden Brekelmans en Van Wijngaarden (beiden VVD) aan de Minister
                    van Buitenlandse Zaken over de wachttijden voor een paspoortafspraak in Noord-
                    Amerika (ingezonden 14 april 2023).

                    Antwoord van Minister Hoekstra (Buitenlandse Zaken) (ontvangen 12 mei 2023).

                    Vraag 1
                    Bent u bekend met het bericht «Nederlanders in Canada wachten maanden op een
                    nieuw paspoort»?1

                    Antwoord 1
                    Ja.

                    Vraag 2
                    Hoe lang moeten Nederlanders wachten op een afspraak bij het consulaat-
                    generaal in Vancouver?

                    Antwoord 2
                    Bij het consulaat-generaal in Vancouver bedroeg de wachttijd in maart gemid-
                    deld elf weken. Omdat een paspoort tien jaar geldig is en velen de vernieuwing

                    1 CBC News, 2 april 2023.

ah-tk-20222023-2634
ISSN 0921 - 7398
’s-Gravenhage 2023                               Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel          1
)",
           R"(                    tijdens de pandemie uitstelden, blijft de vraag voorlopig hoog.

                    Vraag 3
                    Wilt u deze vragen afzonderlijk beantwoorden?

                    Antwoord 3
                    Ja.

                    Toelichting:
                    Deze vragen dienen ter aanvulling op eerdere vragen terzake van het lid Sjoerdsma
                    (D66), ingezonden 3 april 2023 (vraagnummer 2023Z06112).

ah-tk-20222023-2634                                                                                   2
)"});

TEST(QuestionLayouts, WrittenQuestionsAsPrinted) {
  ParsedDocument doc = MustParse(kAanhangsel, "kamervragen.txt");
  EXPECT_EQ(doc.document.reference, "Aanhangsel Handelingen II 2022/23, nr. 2634");
  EXPECT_EQ(doc.document.title,
            "Vragen van de leden Brekelmans en Van Wijngaarden (beiden VVD) aan de Minister van "
            "Buitenlandse Zaken over de wachttijden voor een paspoortafspraak in Noord-Amerika");
  EXPECT_EQ(doc.document.date, "2023-05-12");
  ExpectQuestions(
      doc, {{"1",
             "Bent u bekend met het bericht «Nederlanders in Canada wachten maanden op een nieuw "
             "paspoort»?",
             "Ja."},
            {"2",
             "Hoe lang moeten Nederlanders wachten op een afspraak bij het consulaat-generaal in "
             "Vancouver?",
             "Bij het consulaat-generaal in Vancouver bedroeg de wachttijd in maart gemiddeld elf "
             "weken. Omdat een paspoort tien jaar geldig is en velen de vernieuwing tijdens de "
             "pandemie uitstelden, blijft de vraag voorlopig hoog."},
            {"3", "Wilt u deze vragen afzonderlijk beantwoorden?", "Ja."}});
  // The paper's number may stand in the margin of the title's first line.
  ParsedDocument margin = MustParse(
      Replaced(kAanhangsel, "2634\n                    Vragen", "2634                Vragen"),
      "kamervragen.txt");
  EXPECT_EQ(margin.document.title, doc.document.title);
}

// The footer of the pages after the first, the paper's identifier and the
// page number, goes also where it stands too seldom to repeat.
TEST(Layout, FooterOfIdentifierAndPageNumberIsRemoved) {
  CleanText clean = CleanPdfText(kAanhangsel);
  for (const Line& l : clean.lines) EXPECT_THAT(l.text, Not(HasSubstr("ah-tk"))) << l.text;
  EXPECT_THAT(clean.footers, ::testing::Contains("ah-tk-20222023-2634 2"));
}

// "Toelichting: Deze vragen dienen ter aanvulling …" after the last answer
// belongs to the questions, not to that answer.
TEST(QuestionLayouts, ExplanationClosingTheQuestionsIsNoPartOfTheLastAnswer) {
  ParsedDocument doc = MustParse(
      Replaced(kAanhangsel, "Toelichting:\n                    Deze", "Toelichting: Deze"),
      "kamervragen.txt");
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_EQ(doc.passages[2].text, "Ja.");
  EXPECT_THAT(AllText(doc), Not(HasSubstr("aanvulling")));
}

// Answers to written questions as a PDF-to-Markdown converter writes them:
// "#" headings, bold and italic type, "[1 ]" for a footnote's superscript
// marker and "-----" between pages.
constexpr char kMarkdownAanhangsel[] = R"doc(# 2

#### Vergaderjaar 2024–2025 Aanhangsel van de Handelingen

**Vragen gesteld door de leden der Kamer, met de daarop door de**
**regering gegeven antwoorden**

### 512

Vragen van het lid Koops (NSC) aan de Minister van Buitenlandse Zaken over
_de wachttijden voor een paspoortafspraak bij de ambassade in Lima_
_(ingezonden 4 maart 2025)._

Antwoord van Minister Veldkamp (Buitenlandse Zaken) (ontvangen
27 maart 2025).

Vraag 1
Bent u bekend met het bericht «Maanden wachten op een paspoort in Peru»[1 ]?

Antwoord 1
Ja. Sinds de verhuizing van de ambassade in januari zijn er minder balies
beschikbaar, zodat Nederlanders in Peru tot de 11[e ] week van het jaar op een
afspraak moesten wachten. Inmiddels is een derde balie in gebruik en is de


1 NOS, 2 maart 2025, «Maanden wachten op een paspoort in Peru».


ah tk 20242025 512


-----

wachttijd teruggebracht tot drie weken.

Vraag 2
Kunnen Nederlanders in Peru hun paspoort ook bij een mobiel vulstation
aanvragen?[2]

Antwoord 2
Ja. In april en oktober bezoekt een mobiel vulstation Cusco en Arequipa.

2 Kamerstuk 36 600 V, nr. 41


-----
)doc";

TEST(QuestionLayouts, MarkdownFromAPdfConverter) {
  ParsedDocument doc = MustParse(kMarkdownAanhangsel, "ah-markdown.md");
  ASSERT_EQ(doc.passages.size(), 2u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].question,
            "Bent u bekend met het bericht «Maanden wachten op een paspoort in Peru»?");
  EXPECT_EQ(doc.passages[0].text,
            "Ja. Sinds de verhuizing van de ambassade in januari zijn er minder balies "
            "beschikbaar, zodat Nederlanders in Peru tot de 11e week van het jaar op een afspraak "
            "moesten wachten. Inmiddels is een derde balie in gebruik en is de wachttijd "
            "teruggebracht tot drie weken.");
  EXPECT_EQ(doc.passages[1].question,
            "Kunnen Nederlanders in Peru hun paspoort ook bij een mobiel vulstation aanvragen?");
  EXPECT_EQ(doc.passages[1].text,
            "Ja. In april en oktober bezoekt een mobiel vulstation Cusco en Arequipa.");
  EXPECT_THAT(doc.document.title, AllOf(StartsWith("Vragen van het lid Koops"),
                                        HasSubstr("over de wachttijden"), Not(HasSubstr("_"))));
}

// One footnote under three numbers, each at the foot of its page (a form
// feed between pages, as pdftotext writes them), repeats
// like a running footer; it is a footnote all the same, and its markers go.
constexpr char kRepeatedFootnote[] =
    R"doc(Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken over
de evacuatie van Nederlanders uit Nagorno-Karabach (ingezonden 2 oktober 2023).

Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen
13 november 2023).

Vraag 1
Hoeveel Nederlanders zijn uit de regio geëvacueerd?

Antwoord 1
Het ministerie heeft elf Nederlanders geholpen de regio te verlaten, conform
de motie van de leden Bikker en Omtzigt.1

1 Motie Bikker en Omtzigt, Kamerstuk 36 410, nr. 31
Vraag 2
Welke steun krijgt Armenië voor de opvang van vluchtelingen?

Antwoord 2
Nederland draagt 2 miljoen euro bij aan het Rode Kruis in Armenië en heeft in
de Raad steun uitgesproken voor gepaste maatregelen.2

2 Motie Bikker en Omtzigt, Kamerstuk 36 410, nr. 31
Vraag 3
Overweegt het kabinet sancties?

Antwoord 3
Het kabinet bespreekt in EU-kader maatregelen tegen wie de exodus heeft
veroorzaakt, zoals de Kamer heeft gevraagd.3

3 Motie Bikker en Omtzigt, Kamerstuk 36 410, nr. 31
)doc";

TEST(Layout, FootnoteRepeatedOnEveryPageIsNoRunningFooter) {
  ParsedDocument doc = MustParse(kRepeatedFootnote, "kamervragen.txt");
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_THAT(doc.passages[0].text, EndsWith("de motie van de leden Bikker en Omtzigt."));
  EXPECT_THAT(doc.passages[1].text, EndsWith("steun uitgesproken voor gepaste maatregelen."));
  EXPECT_THAT(doc.passages[2].text, EndsWith("zoals de Kamer heeft gevraagd."));
  EXPECT_THAT(AllText(doc), Not(HasSubstr("nr. 31")));
}

// Answers to written questions in the older layout: the number alone, an
// "Antwoord" line, the date sent after the title's full stop, a numbered
// list in an answer with the text after it.
constexpr char kOlderWrittenQuestions[] = R"doc(1987
Vragen van het lid Ormel (CDA) aan de minister van Buitenlandse Zaken over Nederlanders
die in Thailand gedetineerd zijn. (Ingezonden 11 februari 2010)

Antwoord van minister Verhagen (Buitenlandse Zaken). (Ontvangen 8 maart 2010)

1
Hoeveel Nederlanders zijn in Thailand gedetineerd?

Antwoord
Op 1 maart 2010 waren in Thailand 19 Nederlanders gedetineerd.

2
Welke mogelijkheden zijn er om deze gedetineerden hun straf in Nederland te laten
uitzitten?

Antwoord
Voor een overbrenging moet aan de volgende voorwaarden worden voldaan:
1. de gedetineerde heeft de Nederlandse nationaliteit en stemt in met de overbren-
   ging;
2. de gedetineerde heeft in Thailand ten minste vier jaar van de straf uitgezeten; en
3. zowel Thailand als Nederland stemt in met de overbrenging.
Op dit moment lopen er zes verzoeken tot overbrenging.

3
Is het waar dat gedetineerden in Bangkok niet altijd medische zorg krijgen?

Antwoord
Zie het antwoord op vraag 2.
)doc";

TEST(QuestionLayouts, OlderWrittenQuestionsTitleWithoutTheDateSent) {
  ParsedDocument doc = MustParse(kOlderWrittenQuestions, "kamervragen.txt");
  EXPECT_EQ(doc.document.title,
            "Vragen van het lid Ormel (CDA) aan de minister van Buitenlandse Zaken over "
            "Nederlanders die in Thailand gedetineerd zijn");
  EXPECT_EQ(doc.document.date, "2010-03-08");
}

TEST(QuestionLayouts, TextAfterANumberedListOpensAParagraph) {
  ExpectQuestions(
      MustParse(kOlderWrittenQuestions, "kamervragen.txt"),
      {{"1", "Hoeveel Nederlanders zijn in Thailand gedetineerd?",
        "Op 1 maart 2010 waren in Thailand 19 Nederlanders gedetineerd."},
       {"2",
        "Welke mogelijkheden zijn er om deze gedetineerden hun straf in Nederland te laten "
        "uitzitten?",
        "Voor een overbrenging moet aan de volgende voorwaarden worden voldaan:\n"
        "1. de gedetineerde heeft de Nederlandse nationaliteit en stemt in met de "
        "overbrenging;\n"
        "2. de gedetineerde heeft in Thailand ten minste vier jaar van de straf uitgezeten; en\n"
        "3. zowel Thailand als Nederland stemt in met de overbrenging.\n\n"
        "Op dit moment lopen er zes verzoeken tot overbrenging."},
       {"3", "Is het waar dat gedetineerden in Bangkok niet altijd medische zorg krijgen?",
        "Zie het antwoord op vraag 2."}});
}

// A list of questions printed as a table ("Nr  Vraag  Bijlage  Blz. (van)
// t/m"): a question's first line carries its page in the far right column,
// alone where the question names no last page, after the annex where it
// names one.
constexpr char kQuestionTable[] = R"doc(Lijst van vragen en antwoorden

Nr   Vraag                                                                    Bijlage   Blz. (van)   t/m

1    Wat is de reden dat de ontvangsten uit leges voor visa in 2022 € 6,2 miljoen hoger    29
     uitvielen dan begroot?
     Het aantal visumaanvragen lag in 2022 hoger dan bij het opstellen van de begroting
     werd verwacht.

2    Hoe vaak is in 2022 de Informatieservice ingezet om geregis-                              38
     treerde Nederlanders te waarschuwen?
     De Informatieservice is in 2022 bij 27 gebeurtenissen ingezet.

3    Welk deel van de paspoortaanvragen is in 2022 afgehandeld binnen de norm van        1      34
     vier weken?
     Van de paspoortaanvragen is 91 procent binnen vier weken afgehandeld.
)doc";

const std::vector<Qa> kQuestionTableWant = {
    {"1",
     "Wat is de reden dat de ontvangsten uit leges voor visa in 2022 € 6,2 miljoen hoger "
     "uitvielen dan begroot?",
     "Het aantal visumaanvragen lag in 2022 hoger dan bij het opstellen van de begroting werd "
     "verwacht."},
    {"2",
     "Hoe vaak is in 2022 de Informatieservice ingezet om geregistreerde Nederlanders te "
     "waarschuwen?",
     "De Informatieservice is in 2022 bij 27 gebeurtenissen ingezet."},
    {"3",
     "Welk deel van de paspoortaanvragen is in 2022 afgehandeld binnen de norm van vier weken?",
     "Van de paspoortaanvragen is 91 procent binnen vier weken afgehandeld."}};

TEST(QuestionLayouts, OnePageReferenceFarRightOfAWrappedQuestionLine) {
  ExpectQuestions(MustParse(kQuestionTable, "lijst.txt"), kQuestionTableWant);
}

// A question's first line at the foot of a page, the rest under the
// column heads of the next: no section heading.
TEST(QuestionLayouts, QuestionLineAtThePageFootOpensItsQuestion) {
  std::string text =
      Replaced(kQuestionTable, "ingezet om geregis-                              38\n     treerde",
               "ingezet om geregis-                              38\n\n"
               "Tweede Kamer, vergaderjaar 2022–2023, 36 360 V, nr. 7                         1\n"
               "\fNr   Vraag                                        Bijlage   Blz. (van)   t/m\n\n"
               "     treerde");
  ExpectQuestions(MustParse(text, "lijst.txt"), kQuestionTableWant);
}

// The report of a written consultation with its table of contents; part I
// prints the parties' questions, part II the minister's reply, which
// repeats each question (a paragraph, or a block of them) before its
// "Reactie van de minister".
constexpr char kReportRepeatingItsQuestions[] = R"doc(Verslag van een schriftelijk overleg

Vastgesteld 22 juni 2023

De vaste commissie voor Buitenlandse Zaken heeft een aantal vragen en opmerkingen voorgelegd
aan de Minister van Buitenlandse Zaken over de Staat van het Consulaire 2022.

Inhoudsopgave                                                          blz.

I     Vragen en opmerkingen vanuit de fracties                           2
      Vragen en opmerkingen van de leden van de VVD-fractie              2
      Vragen en opmerkingen van de leden van de SP-fractie               2
II    Reactie van de bewindspersoon                                      3

I Vragen en opmerkingen vanuit de fracties

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie hebben met belangstelling kennisgenomen van de Staat van het
Consulaire 2022.

Kan de Minister aangeven in welke landen de meeste arrestaties plaatsvonden?

Vragen en opmerkingen van de leden van de SP-fractie

De leden van de SP-fractie vragen naar de wachttijden bij de ambassades in Noord-Amerika.

Is de Minister bereid er meer mobiele vulpunten in te zetten?

II Reactie van de bewindspersoon

Hierbij bied ik u de antwoorden aan op de vragen en opmerkingen van de vaste commissie.

Vragen en opmerkingen van de leden van de VVD-fractie

Kan de Minister aangeven in welke landen de meeste arrestaties plaatsvonden?

Reactie van de minister
De meeste arrestaties vonden plaats in Duitsland, Spanje en België.

Vragen en opmerkingen van de leden van de SP-fractie

De leden van de SP-fractie vragen naar de wachttijden bij de ambassades in Noord-Amerika.

Is de Minister bereid er meer mobiele vulpunten in te zetten?

Reactie van de minister
De wachttijden bedragen zes tot acht weken. In 2023 komen er vijf mobiele vulpunten bij.
)doc";

TEST(QuestionLayouts, ReportWhoseReplyRepeatsTheQuestions) {
  ParsedDocument doc = MustParse(kReportRepeatingItsQuestions, "verslag.txt");
  ExpectQuestions(
      doc, {{"1", "Kan de Minister aangeven in welke landen de meeste arrestaties plaatsvonden?",
             "De meeste arrestaties vonden plaats in Duitsland, Spanje en België."},
            {"2",
             "De leden van de SP-fractie vragen naar de wachttijden bij de ambassades in "
             "Noord-Amerika.\n\nIs de Minister bereid er meer mobiele vulpunten in te zetten?",
             "De wachttijden bedragen zes tot acht weken. In 2023 komen er vijf mobiele "
             "vulpunten bij."}});
  ASSERT_EQ(doc.passages.size(), 2u);
  EXPECT_EQ(doc.passages[0].heading, "Vragen en opmerkingen van de leden van de VVD-fractie");
  EXPECT_EQ(doc.passages[1].heading, "Vragen en opmerkingen van de leden van de SP-fractie");
}

// Lettered questions ("2a", "2b") and parties' own numberings ("VVD-1")

// `text` with every `from` replaced by `to`.
std::string ReplacedAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// `text` with each first text replaced by its second, one after another
// (a pair repeated replaces the next occurrence).
std::string Rewritten(std::string text,
                      const std::vector<std::pair<std::string, std::string>>& changes) {
  for (const auto& [from, to] : changes) text = Replaced(std::move(text), from, to);
  return text;
}

std::vector<std::string> ArticleIds(const ParsedDocument& doc) {
  std::vector<std::string> ids;
  for (const Article& a : ToArticles(doc)) ids.push_back(a.id);
  return ids;
}

// Two further questions after question 1, numbered "2a" and "2b", each
// number alone above its question.
const std::string kLettered = Pages({R"(Lijst van vragen en antwoorden

Vastgesteld 20 november 2023

1
Hoeveel Nederlanders hebben in 2023 consulaire bijstand gekregen?

Antwoord
In 2023 hebben 2.114 Nederlanders consulaire bijstand gekregen, van wie 1.412 na een
arrestatie of detentie.

2a
Klopt het dat de wachttijd voor een paspoortafspraak bij de ambassade in Londen is
opgelopen tot acht weken?

Antwoord
Nee. De wachttijd in Londen bedroeg in oktober gemiddeld drie weken. In de zomer liep
zij op tot vijf weken, toen veel Nederlanders
Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 2
)",
                                     R"(tegelijk een nieuw paspoort aanvroegen.

2b
Hoe verhoudt die wachttijd zich tot de wachttijden bij de ambassades in Parijs en Berlijn?

Antwoord
In Parijs was de wachttijd gemiddeld twee weken, in Berlijn tien dagen.

3
Welke maatregelen neemt u om de wachttijden bij de balies te verkorten?

Antwoord
Het ministerie breidt de capaciteit uit met mobiele vulpunten en plant meer afspraken in
de avonduren.
Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 3
)"});

const std::vector<Qa> kLetteredWant = {
    {"1", "Hoeveel Nederlanders hebben in 2023 consulaire bijstand gekregen?",
     "In 2023 hebben 2.114 Nederlanders consulaire bijstand gekregen, van wie 1.412 na een "
     "arrestatie of detentie."},
    {"2a",
     "Klopt het dat de wachttijd voor een paspoortafspraak bij de ambassade in Londen is "
     "opgelopen tot acht weken?",
     "Nee. De wachttijd in Londen bedroeg in oktober gemiddeld drie weken. In de zomer liep zij "
     "op tot vijf weken, toen veel Nederlanders tegelijk een nieuw paspoort aanvroegen."},
    {"2b",
     "Hoe verhoudt die wachttijd zich tot de wachttijden bij de ambassades in Parijs en Berlijn?",
     "In Parijs was de wachttijd gemiddeld twee weken, in Berlijn tien dagen."},
    {"3", "Welke maatregelen neemt u om de wachttijden bij de balies te verkorten?",
     "Het ministerie breidt de capaciteit uit met mobiele vulpunten en plant meer afspraken in de "
     "avonduren."},
};

// kLettered with its numbers on the questions' lines ("2a. Klopt het …").
std::string LetteredOnTheQuestionLines() {
  return Rewritten(
      kLettered,
      {{"\n1\n", "\n1. "}, {"\n2a\n", "\n2a. "}, {"\n2b\n", "\n2b. "}, {"\n3\n", "\n3. "}});
}

TEST(LetteredQuestions, NumberAloneThenQuestionThenAntwoord) {
  ParsedDocument doc = MustParse(kLettered, "lijst.txt");
  ExpectQuestions(doc, kLetteredWant);
  EXPECT_EQ(ArticleIds(doc), (std::vector<std::string>{"36-410-v-nr-12-1", "36-410-v-nr-12-2a",
                                                       "36-410-v-nr-12-2b", "36-410-v-nr-12-3"}));
}

TEST(LetteredQuestions, NumberAndQuestionOnOneLine) {
  ExpectQuestions(
      MustParse(Rewritten(LetteredOnTheQuestionLines(), {{"\nAntwoord\n", "\nAntwoord:\n"},
                                                         {"\nAntwoord\n", "\nAntwoord:\n"},
                                                         {"\nAntwoord\n", "\nAntwoord:\n"},
                                                         {"\nAntwoord\n", "\nAntwoord:\n"}})),
      kLetteredWant);
}

TEST(LetteredQuestions, VraagAndAntwoordWithLetters) {
  ParsedDocument doc =
      MustParse(Rewritten(kLettered, {{"\n1\n", "\nVraag 1\n"},
                                      {"\nAntwoord\n", "\nAntwoord 1\n"},
                                      {"\n2a\n", "\nVraag 2a\n"},
                                      {"\nAntwoord\n", "\nAntwoord 2a\n"},
                                      {"\n2b\n", "\nVraag 2b:\n"},
                                      {"\nAntwoord\n", "\nAntwoord op vraag 2b:\n"},
                                      {"\n3\n", "\nVraag 3\n"},
                                      {"\nAntwoord\n", "\nAntwoord 3\n"}}),
                "lijst.txt");
  ExpectQuestions(doc, kLetteredWant);
  EXPECT_EQ(ArticleIds(doc), (std::vector<std::string>{"36-410-v-nr-12-1", "36-410-v-nr-12-2a",
                                                       "36-410-v-nr-12-2b", "36-410-v-nr-12-3"}));
}

TEST(LetteredQuestions, NoAntwoordMarker) {
  ExpectQuestions(MustParse(ReplacedAll(LetteredOnTheQuestionLines(), "\nAntwoord\n", "\n")),
                  kLetteredWant);
}

// The rarer order: question 2, then 2a and 2b asked after it.
TEST(LetteredQuestions, LetteredQuestionsAfterTheirNumber) {
  std::string text = Replaced(kLettered, "\n2a\n",
                              "\n2\nHoeveel paspoorten zijn in 2023 aangevraagd bij de ambassade "
                              "in Londen?\n\nAntwoord\nIn Londen zijn 6.240 paspoorten "
                              "aangevraagd.\n\n2a\n");
  std::vector<Qa> want = kLetteredWant;
  want.insert(want.begin() + 1,
              Qa{"2", "Hoeveel paspoorten zijn in 2023 aangevraagd bij de ambassade in Londen?",
                 "In Londen zijn 6.240 paspoorten aangevraagd."});
  ParsedDocument doc = MustParse(text, "lijst.txt");
  ExpectQuestions(doc, want);
  EXPECT_EQ(ArticleIds(doc),
            (std::vector<std::string>{"36-410-v-nr-12-1", "36-410-v-nr-12-2", "36-410-v-nr-12-2a",
                                      "36-410-v-nr-12-2b", "36-410-v-nr-12-3"}));
  ExpectQuestions(MustParse(ReplacedAll(text, "\nAntwoord\n", "\n\n")), want);
}

// "Vraag 2a" and "Vraag 2b" above "Antwoord 2a en 2b": one article, its id
// after the first.
TEST(LetteredQuestions, AskedApartAnsweredTogether) {
  ParsedDocument doc = MustParse(
      Rewritten(kLettered, {{"\n2a\n", "\nVraag 2a\n"},
                            {"\nAntwoord\nNee.",
                             "\nVraag 2b\nKunt u de wachttijden in Parijs en "
                             "Berlijn noemen?\n\nAntwoord 2a en 2b\nNee."},
                            {"\n2b\nHoe verhoudt die wachttijd zich tot de wachttijden bij de "
                             "ambassades in Parijs en Berlijn?\n\nAntwoord\nIn Parijs was de "
                             "wachttijd gemiddeld twee weken, in Berlijn tien dagen.\n",
                             ""}}),
      "lijst.txt");
  ExpectQuestions(
      doc, {kLetteredWant[0],
            {"2a en 2b",
             "Klopt het dat de wachttijd voor een paspoortafspraak bij de ambassade in Londen is "
             "opgelopen tot acht weken?\n\nKunt u de wachttijden in Parijs en Berlijn noemen?",
             kLetteredWant[1].answer},
            kLetteredWant[3]});
  EXPECT_EQ(ArticleIds(doc), (std::vector<std::string>{"36-410-v-nr-12-1", "36-410-v-nr-12-2a",
                                                       "36-410-v-nr-12-3"}));
}

// All questions first, the answers after them ("Antwoord op vraag 2a").
TEST(LetteredQuestions, QuestionsFirstAnswersAfterThem) {
  std::string text =
      Rewritten(kQuestionsThenAnswers,
                {{"2. Deze leden vragen", "2a. Deze leden vragen"},
                 {"Haag.\n",
                  "Haag.\n\n2b. Hoeveel van die aanvragen kwamen van Nederlanders die buiten "
                  "Europa wonen?\n"},
                 {"Antwoord op vraag 2\n", "Antwoord op vraag 2a\n"},
                 {"Antwoord op vraag 3\n",
                  "Antwoord op vraag 2b\nVan die aanvragen kwamen er 1.906 van "
                  "Nederlanders buiten Europa.\n\nAntwoord op vraag 3\n"}});
  ParsedDocument doc = MustParse(text, "verslag.txt");
  ASSERT_EQ(doc.passages.size(), 5u) << AllText(doc);
  std::vector<std::string> numbers;
  for (const auto& p : doc.passages) numbers.push_back(p.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"1", "2a", "2b", "3 en 4", "5"}));
  EXPECT_EQ(doc.passages[1].question,
            "Deze leden vragen hoe vaak een beroep is gedaan op het Reisdocumentenbureau in Den "
            "Haag.");
  EXPECT_EQ(doc.passages[1].text, "Het Reisdocumentenbureau nam 4.212 aanvragen in behandeling.");
  EXPECT_EQ(doc.passages[2].question,
            "Hoeveel van die aanvragen kwamen van Nederlanders die buiten Europa wonen?");
  EXPECT_EQ(doc.passages[2].text,
            "Van die aanvragen kwamen er 1.906 van Nederlanders buiten Europa.");
  EXPECT_EQ(doc.passages[2].heading, "Vragen en opmerkingen van de leden van de VVD-fractie");
  EXPECT_TRUE(doc.missing_numbers.empty());
}

// A numbered list in the answer to 2a ("3." comes after "2a" too) stays in
// that answer; 2b is the next question.
TEST(LetteredQuestions, NumberedListInAnswerStartsNoQuestion) {
  const std::string answer =
      "Nee. De wachttijd in Londen bedroeg in oktober gemiddeld drie weken. In de zomer liep\n"
      "zij op tot vijf weken, toen veel Nederlanders";
  std::string text = Replaced(kLettered, answer, kNumberedListAnswer);
  text = Replaced(text, "tegelijk een nieuw paspoort aanvroegen.\n", "");
  std::vector<Qa> want = kLetteredWant;
  want[1].answer =
      "Het kabinet zet drie stappen:\n"
      "1. Het kabinet breidt het aantal mobiele vulpunten uit naar twintig.\n"
      "2. Het Loket Buitenland wordt zeven dagen per week bereikbaar.\n"
      "3. Aanvragen voor een paspoort kunnen volledig digitaal worden gevolgd. Daarmee wordt de "
      "wachttijd korter.";
  ExpectQuestions(MustParse(text), want);
  ExpectQuestions(MustParse(ReplacedAll(text, "\nAntwoord\n", "\n\n")), want);
}

// A report whose parties number their own questions, each label alone
// above its question; a party's heading and introduction open its block.
const std::string kPartyReport = Pages({R"(Verslag van een schriftelijk overleg

Vastgesteld 14 maart 2024

De vaste commissie voor Buitenlandse Zaken heeft een aantal vragen en opmerkingen voorgelegd
aan de Minister van Buitenlandse Zaken over de Staat van het Consulaire 2023.

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie hebben met belangstelling kennisgenomen van de Staat van het
Consulaire 2023. Zij hebben nog enkele vragen.

VVD-1
De leden van de VVD-fractie lezen dat het aantal paspoortaanvragen bij de ambassades met
20 procent is gestegen. Hoeveel extra baliemedewerkers zijn daarvoor ingezet?

Antwoord
Het ministerie heeft in 2023 26 tijdelijke baliemedewerkers ingezet, vooral in Europa.

VVD-2
Deze leden vragen of de mobiele vulpunten ook in 2024 worden ingezet. Zo ja, in welke
landen?

Antwoord
Ja. In 2024 worden de mobiele vulpunten ingezet in Canada, Australië en Nieuw-Zeeland.

Tweede Kamer, vergaderjaar 2023–2024, 36 180, nr. 102 1
)",
                                        R"(Vragen en opmerkingen van de leden van de D66-fractie

De leden van de D66-fractie hebben kennisgenomen van de Staat van het Consulaire 2023.

D66-1
De leden van de D66-fractie vragen hoeveel Nederlanders zich hebben geregistreerd bij de
Informatieservice. Is dat aantal gestegen ten opzichte van 2022?

Antwoord
Eind 2023 stonden 48.000 Nederlanders geregistreerd, 6.000 meer dan een jaar eerder.

D66-2
Is de Minister bereid de leges voor een noodpaspoort te verlagen?

Antwoord
Nee. De leges dekken de kosten van het noodpaspoort.

De Minister van Buitenlandse Zaken,
H.G.J. Bruins Slot

Tweede Kamer, vergaderjaar 2023–2024, 36 180, nr. 102 2
)"});

const std::vector<Qa> kPartyReportWant = {
    {"VVD-1",
     "De leden van de VVD-fractie lezen dat het aantal paspoortaanvragen bij de ambassades met 20 "
     "procent is gestegen. Hoeveel extra baliemedewerkers zijn daarvoor ingezet?",
     "Het ministerie heeft in 2023 26 tijdelijke baliemedewerkers ingezet, vooral in Europa."},
    {"VVD-2",
     "Deze leden vragen of de mobiele vulpunten ook in 2024 worden ingezet. Zo ja, in welke "
     "landen?",
     "Ja. In 2024 worden de mobiele vulpunten ingezet in Canada, Australië en Nieuw-Zeeland."},
    {"D66-1",
     "De leden van de D66-fractie vragen hoeveel Nederlanders zich hebben geregistreerd bij de "
     "Informatieservice. Is dat aantal gestegen ten opzichte van 2022?",
     "Eind 2023 stonden 48.000 Nederlanders geregistreerd, 6.000 meer dan een jaar eerder."},
    {"D66-2", "Is de Minister bereid de leges voor een noodpaspoort te verlagen?",
     "Nee. De leges dekken de kosten van het noodpaspoort."},
};

const std::vector<std::string> kPartyHeadings = {
    "Vragen en opmerkingen van de leden van de VVD-fractie",
    "Vragen en opmerkingen van de leden van de VVD-fractie",
    "Vragen en opmerkingen van de leden van de D66-fractie",
    "Vragen en opmerkingen van de leden van de D66-fractie"};

TEST(PartyNumbers, LabelAloneThenQuestionThenAntwoord) {
  ParsedDocument doc = MustParse(kPartyReport, "verslag.txt");
  ExpectQuestions(doc, kPartyReportWant);
  EXPECT_EQ(Headings(doc), kPartyHeadings);
  EXPECT_EQ(ArticleIds(doc),
            (std::vector<std::string>{"36-180-nr-102-vvd-1", "36-180-nr-102-vvd-2",
                                      "36-180-nr-102-d66-1", "36-180-nr-102-d66-2"}));
}

// Each party's numbering is checked on its own.
TEST(PartyNumbers, SkippedNumberOfAPartyIsReported) {
  ParsedDocument doc = MustParse(Replaced(kPartyReport, "\nVVD-2\n", "\nVVD-3\n"), "verslag.txt");
  EXPECT_EQ(doc.passages.size(), 4u);
  EXPECT_EQ(doc.missing_numbers, std::vector<std::string>{"VVD-2"});
}

TEST(PartyNumbers, LabelOnTheQuestionLineWithoutAntwoord) {
  std::string text = ReplacedAll(kPartyReport, "\nAntwoord\n", "\n\n");
  for (const char* label : {"VVD-1", "VVD-2", "D66-1", "D66-2"}) {
    text = Replaced(text, "\n" + std::string(label) + "\n", "\n" + std::string(label) + " ");
  }
  ParsedDocument doc = MustParse(text, "verslag.txt");
  ExpectQuestions(doc, kPartyReportWant);
  EXPECT_EQ(Headings(doc), kPartyHeadings);
}

// "PVV 1" set apart by a space, "GL-PvdA-1" of a joint party's name.
TEST(PartyNumbers, SpacedAndCompoundPartyNames) {
  std::string text = ReplacedAll(ReplacedAll(kPartyReport, "VVD", "PVV"), "D66", "GL-PvdA");
  text = ReplacedAll(text, "\nPVV-", "\nPVV ");
  std::vector<Qa> want = kPartyReportWant;
  for (Qa& qa : want) {
    qa.number = ReplacedAll(ReplacedAll(qa.number, "VVD-", "PVV "), "D66", "GL-PvdA");
    qa.question = ReplacedAll(ReplacedAll(qa.question, "VVD", "PVV"), "D66", "GL-PvdA");
  }
  ParsedDocument doc = MustParse(text, "verslag.txt");
  ExpectQuestions(doc, want);
  EXPECT_EQ(ArticleIds(doc),
            (std::vector<std::string>{"36-180-nr-102-pvv-1", "36-180-nr-102-pvv-2",
                                      "36-180-nr-102-gl-pvda-1", "36-180-nr-102-gl-pvda-2"}));
}

// Only a heading that names a party's fractie opens its questions: the
// heading of answers to written questions ("Vragen gesteld door de leden
// der Kamer") heads none, and the title under it is no part of question 1.
TEST(PartyNumbers, HeadingOfWrittenQuestionsIsNoPartyHeading) {
  ParsedDocument doc = MustParse(
      Replaced(kWrittenQuestions, "Handelingen\nVragen gesteld", "Handelingen\n\nVragen gesteld"),
      "kamervragen.txt");
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].heading, "");
  EXPECT_EQ(doc.passages[0].question,
            "Bent u bekend met het bericht dat tientallen Nederlanders vastzitten in Khartoem?");
}

// The party heading above a plain-numbered question ends the answer before
// it and heads the questions after it.
TEST(PartyNumbers, PartyHeadingEndsTheAnswerBeforeIt) {
  std::string text = kPartyReport;
  for (const auto& [label, number] : std::vector<std::pair<std::string, std::string>>{
           {"VVD-1", "1"}, {"VVD-2", "2"}, {"D66-1", "3"}, {"D66-2", "4"}}) {
    text = Replaced(text, "\n" + label + "\n", "\n" + number + "\n");
  }
  std::vector<Qa> want = kPartyReportWant;
  for (size_t i = 0; i < want.size(); ++i) want[i].number = std::to_string(i + 1);
  ParsedDocument doc = MustParse(text, "verslag.txt");
  ExpectQuestions(doc, want);
  EXPECT_EQ(Headings(doc), kPartyHeadings);
}

// Letters

TEST(Letters, HeadingsAndTwoLineHeading) {
  ParsedDocument doc = MustParse(kLetter, "brief.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  EXPECT_EQ(doc.document.date, "2024-04-03");
  EXPECT_EQ(doc.document.reference, "Kamerstuk 36 180, nr. 94");
  for (const char* passage : {"Nederlanders in het buitenland kunnen", "Het kabinet wil"}) {
    const ParsedPassage* p = PassageContaining(doc, passage);
    ASSERT_NE(p, nullptr) << passage;
    EXPECT_EQ(p->heading, "Paspoorten en identiteitskaarten");
  }
  const ParsedPassage* detention = PassageContaining(doc, "Ambassades bieden bijstand");
  ASSERT_NE(detention, nullptr);
  EXPECT_EQ(detention->heading, "Consulaire bijstand bij detentie en overlijden");
  EXPECT_THAT(AllText(doc), Not(HasSubstr("Bruins Slot")));
}

// A letter on the ministries' template repeats its sidebar at the top of
// every later page: not a heading, and no part of the paragraph that goes
// on over the page break.
TEST(Letters, TemplateBlockAtEveryPagesTopIsRemoved) {
  const std::string block =
      "Directie Consulaire Zaken en\nVisumbeleid\n\nDatum\n10 maart 2026\n\n"
      "Onze referentie\nBZ2611873\n\n";
  const std::string text = Pages(
      {"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
       "Datum 10 maart 2026\nBetreft Consulaire crisisrespons\n\n"
       "Geachte voorzitter,\n\n"
       "Met deze brief informeer ik uw Kamer over de consulaire crisisrespons in 2025,\n"
       "zoals toegezegd tijdens het commissiedebat Consulaire zaken van 2 oktober 2025.\n\n"
       "Nederlanders reizen meer dan ooit. In 2025 maakten zij naar schatting 23,6\n"
       "miljoen vakantiereizen naar het buitenland, en ruim een miljoen Nederlanders woont\n"
       "permanent buiten het Koninkrijk. Het overgrote deel van deze reizen verloopt zonder\n"
       "problemen. Maar wanneer een conflict uitbreekt of een natuurramp toeslaat, verwachten\n"
       "reizigers en hun familie snel duidelijkheid en hulp van het ministerie.\n\n"
       "1. Crisisrespons\n\n"
       "Het ministerie heeft in de periode van 13 tot\n\nPagina 1 van 3\n",
       block + "en met 30 juni 2025 ruim 4.800 telefoontjes ontvangen van Nederlanders in de\n"
               "regio en hun familie.\n\n"
               "Samen met het ministerie van Defensie zijn twee overheidsvluchten uitgevoerd,\n"
               "vanuit Amman en Larnaca naar Eindhoven, met in totaal 412 Nederlanders.\n\n"
               "2. Reisadviezen\n\n"
               "De reisadviezen zijn in 2025 31,4 miljoen keer bekeken via de website en de\n\n"
               "Pagina 2 van 3\n",
       block +
           "Reisapp, een stijging van 9 procent ten opzichte van 2024.\n\n"
           "Vanaf 1 juni 2026 komt per land een kaart waarop reizigers per provincie of regio\n"
           "kunnen zien welke kleurcode geldt. Het reisadvies vermeldt voortaan ook of er in\n"
           "het land een Nederlandse ambassade of een consulaat is, en welke hulp in een crisis\n"
           "wel en niet te verwachten is. De adviezen komen ook in het Engels beschikbaar.\n\n"
           "De minister van Buitenlandse Zaken,\n\nA.C. de Bruijn\n\nPagina 3 van 3\n"});
  ParsedDocument doc = MustParse(text, "brief.txt");
  EXPECT_EQ(doc.document.date, "2026-03-10");
  const ParsedPassage* calls = PassageContaining(doc, "Het ministerie heeft");
  ASSERT_NE(calls, nullptr);
  EXPECT_THAT(calls->text,
              StartsWith("Het ministerie heeft in de periode van 13 tot en met 30 juni 2025 ruim "
                         "4.800 telefoontjes ontvangen van Nederlanders in de regio en hun "
                         "familie.\n\nSamen met"));
  EXPECT_EQ(calls->heading, "1. Crisisrespons");
  const ParsedPassage* advice = PassageContaining(doc, "De reisadviezen zijn");
  ASSERT_NE(advice, nullptr);
  EXPECT_EQ(advice->heading, "2. Reisadviezen");
  EXPECT_THAT(advice->text, HasSubstr("via de website en de Reisapp, een stijging van 9 procent "
                                      "ten opzichte van 2024.\n\nVanaf 1 juni"));
  for (const char* left : {"Directie", "Onze referentie", "BZ2611873", "Visumbeleid"}) {
    EXPECT_THAT(AllText(doc), Not(HasSubstr(left))) << left;
    for (const std::string& heading : Headings(doc)) {
      EXPECT_THAT(heading, Not(HasSubstr(left))) << left;
    }
  }
}

TEST(Letters, AddresseeIsNoHeading) {
  ParsedDocument doc = MustParse(kLetter, "brief.txt");
  const ParsedPassage* intro = PassageContaining(doc, "Met deze brief informeer ik");
  ASSERT_NE(intro, nullptr);
  EXPECT_THAT(intro->heading, Not(HasSubstr("Aan de Voorzitter")));
  EXPECT_THAT(intro->heading, Not(HasSubstr("Den Haag")));
}

TEST(Letters, BulletsBecomeListItems) {
  ParsedDocument doc = MustParse(kLetter, "brief.txt");
  const ParsedPassage* list = PassageContaining(doc, "De bijstand omvat onder meer:");
  ASSERT_NE(list, nullptr);
  EXPECT_THAT(list->text, HasSubstr("De bijstand omvat onder meer:\n"
                                    "– het bezoeken van gedetineerden;\n"
                                    "– het informeren van familie in Nederland;\n"
                                    "– het bemiddelen bij medische zorg."));
}

TEST(Letters, SymbolFontBulletBecomesListItem) {
  ParsedDocument doc =
      MustParse(Replaced(kLetter, "– het informeren", "\uF0B7 het informeren"), "brief.txt");
  const ParsedPassage* list = PassageContaining(doc, "De bijstand omvat onder meer:");
  ASSERT_NE(list, nullptr);
  EXPECT_THAT(list->text, HasSubstr("– het bezoeken van gedetineerden;\n"
                                    "– het informeren van familie in Nederland;\n"));
}

TEST(Letters, FootnoteAndItsMarkerRemoved) {
  std::string all = AllText(MustParse(kLetter, "brief.txt"));
  EXPECT_THAT(all, Not(HasSubstr("Bereikbaar in nood")));
  EXPECT_THAT(all, Not(HasSubstr("rapport.3")));
  EXPECT_THAT(all, HasSubstr("van het rapport. Sinds januari"));
  EXPECT_THAT(all, Not(HasSubstr("Tweede Kamer, vergaderjaar")));
}

// The footnote's number on a line of its own above its text.
TEST(Letters, FootnoteWithItsNumberOnALineOfItsOwnRemoved) {
  std::string all = AllText(MustParse(Replaced(kLetter, "3 Nationale ombudsman, Bereikbaar",
                                               "3\n\nNationale ombudsman, Bereikbaar"),
                                      "brief.txt"));
  EXPECT_THAT(all, Not(HasSubstr("Bereikbaar in nood")));
  EXPECT_THAT(all, Not(HasSubstr("rapport.3")));
  EXPECT_THAT(all, HasSubstr("van het rapport. Sinds januari"));
}

TEST(Letters, ParagraphBrokenByPageBreakRejoined) {
  ParsedDocument doc = MustParse(kLetter, "brief.txt");
  const ParsedPassage* p = PassageContaining(doc, "Ambassades bieden bijstand");
  ASSERT_NE(p, nullptr);
  EXPECT_THAT(p->text, HasSubstr("terechtkunnen bij medewerkers die de zaak kennen."));
}

TEST(Letters, ParagraphBrokenBeforeACapitalRejoined) {
  ParsedDocument doc = MustParse(
      Replaced(kLetter, " medewerkers die de zaak kennen.", " Nederlandse advocaten in de regio."),
      "brief.txt");
  const ParsedPassage* p = PassageContaining(doc, "Ambassades bieden bijstand");
  ASSERT_NE(p, nullptr);
  EXPECT_THAT(p->text, HasSubstr("terechtkunnen bij Nederlandse advocaten in de regio."));
}

// A letter on the ministries' template as `pdftotext -layout` prints it:
// the return address, the addressee without "Aan", the sidebar beside the
// text, numbered sections with subsections, a list, "Pagina 1 van 2".
const std::string kTemplateLetter =
    Pages({R"(> Retouradres Postbus 20061 2500 EB Den Haag


De Voorzitter van de Tweede Kamer                                     Ministerie van Buitenlandse Zaken
der Staten-Generaal                                                   Rijnstraat 8
Prinses Irenestraat 6                                                 2515 XP Den Haag
2595 BD Den Haag                                                      Postbus 20061

                                                                      Ons kenmerk
                                                                      BZ2319876
Datum        15 mei 2023
Betreft      Stand van zaken consulaire dienstverlening

Geachte voorzitter,

Hierbij informeer ik uw Kamer over de stand van zaken van de consulaire
dienstverlening aan Nederlanders in het buitenland, zoals toegezegd in
het commissiedebat Consulaire zaken van 8 maart 2023.

1. Inleiding

De vraag naar consulaire dienstverlening is na de coronapandemie snel
gestegen. Nederlanders reizen weer volop en wonen, werken en studeren
in toenemende mate in het buitenland. Tegelijk vroegen crises zoals de
evacuatie uit Soedan veel van de capaciteit van de posten en van het
Contactcenter. In deze brief ga ik in op de maatregelen die het kabinet
neemt om de dienstverlening op peil te houden.

2. Consulaire dienstverlening

2.1 Paspoorten

In 2022 zijn bij de posten ruim 130.000 aanvragen voor een paspoort of                Pagina 1 van 2
)",
           R"(                                                                      Ons kenmerk
identiteitskaart ingediend, 18 procent meer dan in 2019. Daarom zet het   BZ2319876
ministerie meer mobiele vulpunten in, vooral in landen waar veel
Nederlanders ver van een post wonen, en kan een paspoort ook in een
grensgemeente of op Schiphol worden aangevraagd.

2.2 Consulaire bijstand

Nederlanders die in het buitenland in de problemen komen, kunnen dag
en nacht terecht bij het 24/7 BZ Contactcenter. In 2022 ging het onder
meer om:
– 1.412 arrestaties;
– 2.136 overlijdensgevallen;
– 318 vermissingen.
Het Contactcenter voerde in totaal 712.000 gesprekken.

De Minister van Buitenlandse Zaken,


W.B. Hoekstra
                                                                                      Pagina 2 van 2
)"});

// The template's addressee makes a letter to parliament, named by the
// subject in its letterhead.
TEST(Letters, TemplateLetterIsNamedByItsSubjectWithoutItsLetterhead) {
  ParsedDocument doc = MustParse(kTemplateLetter, "brief.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  EXPECT_EQ(doc.document.title, "Stand van zaken consulaire dienstverlening");
  EXPECT_EQ(doc.document.date, "2023-05-15");
  std::string all = AllText(doc);
  for (const char* left : {"Voorzitter", "Irenestraat", "Retouradres", "kenmerk", "BZ2319876",
                           "Betreft", "Geachte", "Pagina", "Hoekstra"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
}

// "2.2" stands under "2." as "2.1" right below it does.
TEST(Letters, SubsectionsStandUnderTheirSection) {
  ParsedDocument doc = MustParse(kTemplateLetter, "brief.txt");
  EXPECT_EQ(Headings(doc), (std::vector<std::string>{
                               "", "1. Inleiding", "2. Consulaire dienstverlening – 2.1 Paspoorten",
                               "2. Consulaire dienstverlening – 2.2 Consulaire bijstand"}));
}

// The text after a list's last item is a paragraph of its own; a sentence
// too short for a passage goes with the passage above it.
TEST(Letters, ShortSentenceAfterAListStaysWithIt) {
  ParsedDocument doc = MustParse(kTemplateLetter, "brief.txt");
  ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
  EXPECT_EQ(doc.passages[3].text,
            "Nederlanders die in het buitenland in de problemen komen, kunnen dag en nacht terecht "
            "bij het 24/7 BZ Contactcenter. In 2022 ging het onder meer om:\n"
            "– 1.412 arrestaties;\n– 2.136 overlijdensgevallen;\n– 318 vermissingen.\n\n"
            "Het Contactcenter voerde in totaal 712.000 gesprekken.");
}

// A table of contents repeats the headings; it is no passage.
TEST(Letters, TableOfContentsIsRemoved) {
  ParsedDocument doc = MustParse(
      Replaced(kLetter, "Den Haag, 3 april 2024\n",
               "Den Haag, 3 april 2024\n\nInhoudsopgave                                 blz.\n\n"
               "Paspoorten en identiteitskaarten              1\n"
               "Consulaire bijstand bij detentie en\n"
               "overlijden                                    2\n"),
      "brief.txt");
  EXPECT_EQ(AllText(doc), AllText(MustParse(kLetter, "brief.txt")));
  // Extracted without the columns: one space before the page number.
  doc = MustParse(Replaced(kLetter, "Den Haag, 3 april 2024\n",
                           "Den Haag, 3 april 2024\n\nInhoudsopgave blz.\n"
                           "Paspoorten en identiteitskaarten 1\n"
                           "Consulaire bijstand bij detentie en overlijden 2\n"),
                  "brief.txt");
  EXPECT_EQ(AllText(doc), AllText(MustParse(kLetter, "brief.txt")));
}

// The government's reply to a committee's report on a bill, as
// `pdftotext -layout` prints it: the members' questions quoted in
// paragraphs under numbered section headings, each followed by the reply,
// and two signatures.
const std::string kNota =
    Pages({R"(Tweede Kamer der Staten-Generaal                                             2
Vergaderjaar 2023–2024

36 455               Wijziging van de Paspoortwet in verband met de verlenging van de
                     geldigheidsduur van de Nederlandse identiteitskaart en het paspoort

Nr. 6                NOTA NAAR AANLEIDING VAN HET VERSLAG
                     Ontvangen 12 april 2024

De regering dankt de leden van de vaste commissie voor Binnenlandse Zaken voor hun
inbreng bij het wetsvoorstel. In deze nota wordt ingegaan op de vragen en opmerkingen in
het verslag, in de volgorde en onder de kopjes daarvan. Waar vragen samenhangen, zijn
zij samen beantwoord.

1. Inleiding

De leden van de VVD-fractie hebben met belangstelling kennisgenomen van het
wetsvoorstel. Zij vragen waarom de regering er niet voor kiest om ook de geldigheidsduur
van de identiteitskaart voor minderjarigen te verlengen. Kan de regering dat toelichten?

De regering heeft ervoor gekozen de geldigheidsduur voor minderjarigen ongewijzigd te
laten, omdat het uiterlijk van kinderen sneller verandert. Een verlenging zou de
betrouwbaarheid van de gezichtsvergelijking bij de grens verminderen.

De leden van de D66-fractie vragen hoeveel Nederlanders in het buitenland jaarlijks een
paspoort aanvragen bij een ambassade of consulaat. Kan de regering aangeven hoe dat
aantal zich de afgelopen vijf jaar heeft ontwikkeld?

In 2023 zijn bij de ambassades en consulaten ruim 95.000 paspoorten aangevraagd. Dat
aantal is sinds 2019 gestegen met ongeveer 15 procent, vooral door de inhaalvraag na de
coronapandemie. De regering verwacht dat de verlenging van de geldigheidsduur het
aantal aanvragen vanaf 2034 met ongeveer een derde vermindert.

2. Hoofdlijnen van het wetsvoorstel

2.1 Geldigheidsduur

De leden van de CDA-fractie vragen of de regering de gevolgen van de langere
geldigheidsduur voor de fraudebestendigheid van het document heeft onderzocht. Zo ja,
wat waren de uitkomsten?

kst-36455-6
ISSN 0921 - 7371
’s-Gravenhage 2024                          Tweede Kamer, vergaderjaar 2023–2024, 36 455, nr. 6        1
)",
           R"(De regering heeft de Rijksdienst voor Identiteitsgegevens gevraagd de gevolgen te
onderzoeken. Uit dat onderzoek blijkt dat de echtheidskenmerken van het huidige
document ook na tien jaar betrouwbaar te controleren zijn. Het document wordt bovendien
voorzien van een chip die niet eerder verloopt dan het document zelf.

De leden van de SP-fractie vragen of de kosten van een paspoort voor Nederlanders in
het buitenland omlaag kunnen, nu zij minder vaak een nieuw paspoort hoeven aan te
vragen.

De leges voor een paspoort worden jaarlijks vastgesteld op basis van de kosten. Voor
aanvragen in het buitenland geldt een toeslag voor de kosten van de consulaire
dienstverlening. De regering ziet geen aanleiding om die toeslag te verlagen.

3. Uitvoering

De leden van de VVD-fractie vragen hoe de ambassades worden voorbereid op de
invoering van de nieuwe geldigheidsduur. Krijgen de baliemedewerkers een aanvullende
training?

De ambassades worden via de gebruikelijke kanalen geïnformeerd. Het ministerie past
de informatie op Nederland Wereldwijd aan en stelt een handreiking op voor de
medewerkers aan de balie.

De Minister van Binnenlandse Zaken en Koninkrijksrelaties,
H.M. de Jonge

De Minister van Buitenlandse Zaken,
H.G.J. Bruins Slot

Tweede Kamer, vergaderjaar 2023–2024, 36 455, nr. 6                                  2
)"});

// Read as a report under its section headings, the members' questions
// each with the reply below them; the numbered headings open no question.
TEST(Letters, NotaNaarAanleidingVanHetVerslag) {
  ParsedDocument doc = MustParse(kNota, "nota.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  EXPECT_EQ(doc.document.title, "Nota naar aanleiding van het verslag");
  EXPECT_EQ(doc.document.reference, "Kamerstuk 36 455, nr. 6");
  EXPECT_EQ(doc.document.date, "2024-04-12");
  const std::string inleiding = "1. Inleiding";
  const std::string hoofdlijnen = "2. Hoofdlijnen van het wetsvoorstel – 2.1 Geldigheidsduur";
  EXPECT_EQ(Headings(doc), (std::vector<std::string>{"", inleiding, inleiding, hoofdlijnen,
                                                     hoofdlijnen, "3. Uitvoering"}));
  ASSERT_EQ(doc.passages.size(), 6u) << AllText(doc);
  // The members' question is each passage's question, the government's
  // answer its text; the introduction asks nothing.
  for (const ParsedPassage& p : doc.passages) EXPECT_TRUE(p.number.empty()) << p.number;
  EXPECT_TRUE(doc.passages[0].question.empty());
  EXPECT_THAT(doc.passages[1].question,
              AllOf(StartsWith("De leden van de VVD-fractie hebben met belangstelling"),
                    EndsWith("Kan de regering dat toelichten?")));
  EXPECT_THAT(doc.passages[1].text, AllOf(StartsWith("De regering heeft ervoor gekozen"),
                                          EndsWith("bij de grens verminderen.")));
  EXPECT_EQ(doc.passages[3].question,
            "De leden van de CDA-fractie vragen of de regering de gevolgen van de langere "
            "geldigheidsduur voor de fraudebestendigheid van het document heeft onderzocht. Zo "
            "ja, wat waren de uitkomsten?");
  EXPECT_EQ(doc.passages[3].text,
            "De regering heeft de Rijksdienst voor "
            "Identiteitsgegevens gevraagd de gevolgen te onderzoeken. Uit dat onderzoek blijkt "
            "dat de echtheidskenmerken van het huidige document ook na tien jaar betrouwbaar te "
            "controleren zijn. Het document wordt bovendien voorzien van een chip die niet eerder "
            "verloopt dan het document zelf.");
  EXPECT_EQ(doc.passages[5].question,
            "De leden van de VVD-fractie vragen hoe de ambassades worden voorbereid op de "
            "invoering van de nieuwe geldigheidsduur. Krijgen de baliemedewerkers een "
            "aanvullende training?");
  EXPECT_EQ(doc.passages[5].text,
            "De ambassades worden via de gebruikelijke kanalen "
            "geïnformeerd. Het ministerie past de informatie op Nederland Wereldwijd aan en stelt "
            "een handreiking op voor de medewerkers aan de balie.");
  EXPECT_EQ(ToArticles(doc)[3].title.nl,
            "De leden van de CDA-fractie vragen of de regering de gevolgen van de langere "
            "geldigheidsduur voor de fraudebestendigheid van het document heeft onderzocht.");
  std::string all = AllText(doc);
  for (const char* left : {"NOTA NAAR", "Ontvangen", "vergaderjaar", "kst-", "De Minister van",
                           "de Jonge", "Bruins Slot"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
}

// As `pdftotext -layout` prints a paper: the masthead at the top of the
// first page, its colophon above the first footer, runs of spaces before
// page numbers and after footnote numbers.
constexpr char kLayoutLetter[] =
    "Tweede Kamer der Staten-Generaal                                             2\n"
    "Vergaderjaar 2022–2023\n"
    "\n"
    "36 180               Consulaire dienstverlening\n"
    "\n"
    "Nr. 48               BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n"
    "\n"
    "                     Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    "\n"
    "                     Den Haag, 5 mei 2023\n"
    "\n"
    "Met deze brief informeer ik uw Kamer over de consulaire bijstand aan Nederlanders\n"
    "die Soedan wilden verlaten na het uitbreken van de gevechten. Een sterk postennet is\n"
    "daarvoor onmisbaar, zoals ook de Adviesraad Internationale Vraagstukken schreef (mei\n"
    "2017).\n"
    "\n"
    "Via de ambassade in Khartoem en het 24/7 BZ Contactcenter zijn Nederlanders\n"
    "opgeroepen zich te registreren bij de Informatieservice van het ministerie.1 Op 20 april\n"
    "waren er 178 Nederlanders en hun gezinsleden geregistreerd. Daarnaast hebben 41\n"
    "Nederlanders\n"
    "\n"
    "1    Zie www.nederlandwereldwijd.nl/informatieservice.\n"
    "kst-36180-48\n"
    "ISSN 0921 - 7371\n"
    "’s-Gravenhage 2023                          Tweede Kamer, vergaderjaar 2022–2023, 36 180, nr. "
    "48        1\n"
    "\f"
    "het land verlaten met vluchten van partnerlanden of over land via Port Soedan en\n"
    "Egypte. Het ambassadepersoneel is op 23 april met de eerste vlucht vertrokken.\n"
    "\n"
    "Bij aankomst in Amman werden de geëvacueerden opgevangen door medewerkers van de\n"
    "ambassade en van het Crisisteam Consulaire Zaken. Zij kregen medische zorg, onderdak\n"
    "en hulp bij het regelen van de verdere reis naar Nederland. Voor personen zonder geldig\n"
    "reisdocument zijn ter plaatse noodpaspoorten verstrekt.\n"
    "\n"
    "Het ministerie zal de consulaire inzet tijdens de crisis evalueren, zoals gebruikelijk\n"
    "na een evacuatie, en ik zal uw Kamer over de uitkomsten informeren. Tot slot spreek ik\n"
    "mijn waardering uit voor de medewerkers van de ambassade en van het Crisisteam.\n"
    "\n"
    "De Minister van Buitenlandse Zaken,\n"
    "W.B. Hoekstra\n"
    "\n"
    "Tweede Kamer, vergaderjaar 2022–2023, 36 180, nr. 48                                  2\n";

TEST(Layout, MastheadColophonAndSpacedFootersAreRemoved) {
  ParsedDocument doc = MustParse(kLayoutLetter, "brief.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  EXPECT_EQ(doc.document.reference, "Kamerstuk 36 180, nr. 48");
  EXPECT_EQ(doc.document.key, "36-180-nr-48");
  EXPECT_EQ(doc.document.date, "2023-05-05");
  // The masthead's dossier names the letter.
  EXPECT_EQ(doc.document.title, "Kamerbrief: Consulaire dienstverlening");
  ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
  std::string all = AllText(doc);
  for (const char* left : {"Staten-Generaal", "Vergaderjaar", "BRIEF VAN", "36 180", "kst-", "ISSN",
                           "Gravenhage", "vergaderjaar"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  // The paragraph that the first page break cut goes on.
  EXPECT_THAT(doc.passages[1].text,
              HasSubstr("Daarnaast hebben 41 Nederlanders het land verlaten met vluchten"));
}

// The addressee wrapped beside the ministry's own address, as -layout
// prints the template's two columns: all of it is letterhead.
TEST(Layout, AddresseeBesideTheMinistrysAddressIsLetterhead) {
  std::string text = Replaced(
      kLayoutLetter,
      "                     Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n",
      "Aan de Voorzitter van de Tweede Kamer der           Ministerie van Buitenlandse Zaken\n"
      "Staten-Generaal                                     Directie Consulaire Zaken\n"
      "                                                    Postbus 20061\n"
      "                                                    2500 EB Den Haag\n");
  ParsedDocument doc = MustParse(text, "brief.txt");
  ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
  std::string all = AllText(doc);
  for (const char* left : {"Staten-Generaal", "Directie", "Postbus", "2500 EB"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  // "Postbus 20061" is no year with footnote 1 glued to it.
  EXPECT_THAT(all, HasSubstr("van het ministerie. Op 20 april"));
}

// A covering letter's signature with the name under it, then the report
// it covers: the report's first heading is a heading, not a name.
TEST(Layout, AHeadingAfterTheSignatureOfACoveringLetter) {
  ParsedDocument doc = MustParse(
      Replaced(kLayoutLetter, "W.B. Hoekstra\n",
               "W.B. Hoekstra\n De evacuatie uit Soedan\n\nIn de nacht van 22 op 23 april "
               "vertrokken de eerste vluchten uit Soedan. Aan boord waren Nederlanders en "
               "onderdanen van andere landen, die in Jordanië werden opgevangen door het "
               "crisisteam en de ambassade, en daarna met lijnvluchten naar huis reisden.\n"),
      "brief.txt");
  const ParsedPassage* report = PassageContaining(doc, "In de nacht van 22 op 23 april");
  ASSERT_NE(report, nullptr) << AllText(doc);
  EXPECT_EQ(report->heading, "De evacuatie uit Soedan");
  EXPECT_THAT(AllText(doc), Not(HasSubstr("Hoekstra")));
}

TEST(Layout, FootnoteWithSpacesAfterItsNumberIsRemoved) {
  std::string all = AllText(MustParse(kLayoutLetter, "brief.txt"));
  EXPECT_THAT(all, Not(HasSubstr("nederlandwereldwijd.nl")));
  EXPECT_THAT(all, HasSubstr("Informatieservice van het ministerie. Op 20 april"));
}

TEST(Layout, AWrappedLineOfOnlyAYearIsText) {
  ParsedDocument doc = MustParse(kLayoutLetter, "brief.txt");
  ASSERT_FALSE(doc.passages.empty());
  EXPECT_THAT(doc.passages[0].text, HasSubstr("Vraagstukken schreef (mei 2017)."));
  doc =
      MustParse(Replaced(kLayoutLetter, "schreef (mei\n2017).", "schreef in\n2017."), "brief.txt");
  ASSERT_FALSE(doc.passages.empty());
  EXPECT_THAT(doc.passages[0].text, HasSubstr("Vraagstukken schreef in 2017."));
}

// A letter on the ministries' template, as `pdftotext -layout` prints it:
// the sidebar ("Onze referentie", "Datum", the directorate) stands beside
// the text, further right where a line of text runs long.
constexpr char kSidebarLetter[] =
    "> Retouradres Postbus 20061 2500 EB Den Haag\n"
    "\n"
    "Aan de Voorzitter van de                                                Directie Consulaire "
    "Zaken en\n"
    "Tweede Kamer der Staten-Generaal                                        Visumbeleid\n"
    "Binnenhof 4                                                             Rijnstraat 8\n"
    "                                                                        Postbus 20061\n"
    "                                                                        www.rijksoverheid.nl\n"
    "\n"
    "                                                                        Onze referentie\n"
    "Datum       4 april 2022                                                BZ2205871\n"
    "Betreft     Beantwoording vragen van het lid Van der Lee over           \n"
    "            noodpaspoorten voor Nederlanders in Oekraïne                Uw referentie\n"
    "                                                                        2022Z04411\n"
    "\n"
    "Hierbij zend ik u de antwoorden op de schriftelijke vragen van het lid Van der Lee.\n"
    "\n"
    "De Minister van Buitenlandse Zaken,\n"
    "\n"
    "W.B. Hoekstra\n"
    "\n"
    "                                                                                   Pagina 1 "
    "van 2\n"
    "\f\n"
    "                                                                        Directie Consulaire "
    "Zaken en\n"
    "1.                                                                      Visumbeleid\n"
    "Hoeveel Nederlanders hebben sinds 24 februari 2022 bij de ambassade     Datum\n"
    "in Warschau een noodpaspoort aangevraagd?                               4 april 2022\n"
    "\n"
    "Antwoord                                                                Onze referentie\n"
    "Tussen 24 februari en 31 maart 2022 zijn in Warschau 214 noodpaspoorten verstrekt   "
    "BZ2205871\n"
    "aan Nederlanders die Oekraïne zijn ontvlucht.\n"
    "\n"
    "2.\n"
    "Worden de leges voor het noodpaspoort kwijtgescholden?\n"
    "\n"
    "Antwoord\n"
    "Ja. Het kabinet heeft hiertoe op 2 maart 2022 besloten.\n"
    "\n"
    "                                                                                   Pagina 2 "
    "van 2\n";

TEST(Layout, TheTemplatesSidebarIsRemoved) {
  ParsedDocument doc = MustParse(kSidebarLetter, "antwoorden.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_EQ(doc.document.reference, "2022Z04411");
  EXPECT_EQ(doc.document.title,
            "Beantwoording vragen van het lid Van der Lee over noodpaspoorten voor Nederlanders "
            "in Oekraïne");
  ASSERT_EQ(doc.passages.size(), 2u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].question,
            "Hoeveel Nederlanders hebben sinds 24 februari 2022 bij de ambassade in Warschau een "
            "noodpaspoort aangevraagd?");
  EXPECT_EQ(doc.passages[0].text,
            "Tussen 24 februari en 31 maart 2022 zijn in Warschau 214 noodpaspoorten verstrekt "
            "aan Nederlanders die Oekraïne zijn ontvlucht.");
  for (const char* left : {"referentie", "Visumbeleid", "Directie", "Datum", "BZ2205871"}) {
    EXPECT_THAT(AllText(doc), Not(HasSubstr(left))) << left;
  }
}

// Footnote markers: a section number ("artikel 4.1", "2.1 Voorbereiding")
// is none; a marker after a question mark and a quote is one.
TEST(Layout, FootnoteMarkersAreNotSectionNumbers) {
  std::string text = Replaced(kLayoutLetter, "Informatieservice van het ministerie.1 Op 20 april",
                              "Informatieservice (artikel 4.1) van het ministerie.1 Op 20 april");
  std::string all = AllText(MustParse(text, "brief.txt"));
  EXPECT_THAT(all, HasSubstr("Informatieservice (artikel 4.1) van het ministerie. Op 20 april"));
  all = AllText(
      MustParse(Replaced(kLayoutLetter, "ministerie.1 Op", "ministerie»?1 Op"), "brief.txt"));
  EXPECT_THAT(all, HasSubstr("ministerie»? Op 20 april"));
}

// A marker glued to a year ("20241." for 2024 and footnote 1) or before a
// question mark goes with its footnote.
TEST(Layout, FootnoteMarkerAfterAYearOrBeforeAQuestionMark) {
  std::string all = AllText(MustParse(
      Replaced(kLayoutLetter, "het ministerie.1 Op", "het ministerie in 20231. Op"), "brief.txt"));
  EXPECT_THAT(all, AllOf(HasSubstr("van het ministerie in 2023. Op 20 april"),
                         Not(HasSubstr("20231")), Not(HasSubstr("nederlandwereldwijd"))));
  all = AllText(
      MustParse(Replaced(kLayoutLetter, "ministerie.1 Op", "ministerie1? Op"), "brief.txt"));
  EXPECT_THAT(all,
              AllOf(HasSubstr("ministerie? Op 20 april"), Not(HasSubstr("nederlandwereldwijd"))));
}

// The place and year of printing on a line of their own are colophon too.
TEST(Layout, PlaceAndYearOfPrintingAloneAreRemoved) {
  std::string text = Replaced(kLayoutLetter, "’s-Gravenhage 2023                          Tweede",
                              "’s-Gravenhage 2023\n\nTweede");
  EXPECT_THAT(AllText(MustParse(text, "brief.txt")), Not(HasSubstr("Gravenhage")));
}

// A line as wide as the text, ending a page mid-sentence, goes on with
// the next page even where that starts with a capital.
TEST(Layout, FullLineAtAPageEndGoesOnAfterACapital) {
  std::string text = Replaced(
      kLayoutLetter,
      "Via de ambassade in Khartoem en het 24/7 BZ Contactcenter zijn Nederlanders\n"
      "opgeroepen zich te registreren bij de Informatieservice van het ministerie.1 Op 20 april\n"
      "waren er 178 Nederlanders en hun gezinsleden geregistreerd. Daarnaast hebben 41\n"
      "Nederlanders\n",
      "Via de ambassade in Khartoem en het Contactcenter1 hebben 41 Nederlanders met\n");
  text = Replaced(text, "het land verlaten met vluchten van partnerlanden of over land",
                  "Europese vluchten van partnerlanden het land verlaten of over land");
  EXPECT_THAT(AllText(MustParse(text, "brief.txt")),
              HasSubstr("Via de ambassade in Khartoem en het Contactcenter hebben 41 Nederlanders "
                        "met Europese vluchten van partnerlanden het land verlaten of over land"));
}

// A question in two paragraphs ("Voorts vragen deze leden …") and the reply
// below it are one passage; members who "have questions" ask nothing yet.
TEST(Letters, NotaQuestionInTwoParagraphsWithItsReply) {
  std::string text = Replaced(kNota, "hoeven aan te\nvragen.\n",
                              "hoeven aan te\nvragen.\n\nVoorts vragen deze leden of de toeslag "
                              "voor aanvragen in het buitenland\nwordt herzien.\n");
  text = Replaced(text, "De leden van de VVD-fractie vragen hoe de ambassades",
                  "De leden van de VVD-fractie hebben nog enkele vragen over de uitvoering.\n\n"
                  "De leden van de VVD-fractie vragen hoe de ambassades");
  ParsedDocument doc = MustParse(text, "nota.txt");
  ASSERT_EQ(doc.passages.size(), 7u) << AllText(doc);
  EXPECT_THAT(doc.passages[4].question,
              AllOf(StartsWith("De leden van de SP-fractie vragen"),
                    HasSubstr("aan te vragen.\n\nVoorts vragen deze leden of de toeslag"),
                    EndsWith("wordt herzien.")));
  EXPECT_THAT(doc.passages[4].text, AllOf(StartsWith("De leges voor een paspoort"),
                                          EndsWith("om die toeslag te verlagen.")));
  EXPECT_EQ(doc.passages[5].text,
            "De leden van de VVD-fractie hebben nog enkele vragen over de uitvoering.");
  EXPECT_THAT(doc.passages[6].question, StartsWith("De leden van de VVD-fractie vragen hoe"));
  EXPECT_THAT(doc.passages[6].text,
              StartsWith("De ambassades worden via de gebruikelijke kanalen"));
}

// Sections numbered in Roman numerals, lettered subsections under them,
// and a list (its labels set apart) that goes with the sentence announcing
// it.
constexpr char kRomanLetter[] =
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
    "Den Haag, 3 maart 2025\n\n"
    "I. Inleiding\n\n"
    "Met deze brief informeer ik uw Kamer over de stand van het postennetwerk in 2025\n"
    "en over de plannen van het kabinet voor de komende jaren. Daarbij betrek ik de\n"
    "adviezen van de Adviesraad Internationale Vraagstukken en de ervaringen van de posten.\n\n"
    "II. Het postennetwerk\n\n"
    "Het netwerk wordt in 2025 op een beperkt aantal plaatsen aangepast, in lijn met de\n"
    "uitgangspunten van vorig jaar. Het kabinet neemt daarom de volgende maatregelen:\n\n"
    "1)  de posten in de Baltische staten worden versterkt met zes fte;\n"
    "2)  het consulaat-generaal in Antwerpen wordt omgevormd tot een handelskantoor.\n\n"
    "a. Europa\n\n"
    "In Europa wordt de capaciteit van de posten in de Baltische staten en in Polen\n"
    "versterkt met in totaal zes fte, vanwege de veiligheidssituatie aan de oostgrens.\n"
    "De consulaire taken van het consulaat-generaal in Antwerpen gaan naar de ambassade\n"
    "in Brussel, die daarvoor twee extra medewerkers krijgt.\n\n"
    "b) Afrika\n\n"
    "In Afrika wordt de aanwezigheid in de Hoorn van Afrika versterkt met twee fte voor\n"
    "migratiesamenwerking en een nieuw kantoor in Djibouti. De ambassade in Bamako blijft\n"
    "voorlopig gesloten; de consulaire dienstverlening voor Mali loopt via Dakar, waar een\n"
    "medewerker voor deze taak is vrijgemaakt.\n\n"
    "De Minister van Buitenlandse Zaken,\n"
    "C.C.J. Veldkamp\n";

TEST(Letters, RomanSectionsLetteredSubsectionsAndAnnouncedList) {
  ParsedDocument doc = MustParse(kRomanLetter, "brief.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  EXPECT_EQ(Headings(doc), (std::vector<std::string>{"I. Inleiding", "II. Het postennetwerk",
                                                     "II. Het postennetwerk – a. Europa",
                                                     "II. Het postennetwerk – b) Afrika"}));
  ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
  EXPECT_THAT(doc.passages[1].text,
              HasSubstr("de volgende maatregelen:\n1) de posten in de Baltische staten"));
}

// A report signed by the committee's chair and clerk above its sections:
// their signature is no heading.
TEST(Letters, CommitteeSignatureIsNoHeading) {
  ParsedDocument doc =
      MustParse(Replaced(kRomanLetter, "I. Inleiding\n\n",
                         "De voorzitter van de commissie,\nVan Helvoirt\n\n"
                         "De adjunct-griffier van de commissie,\nBouwmeester\n\nI. Inleiding\n\n"),
                "verslag.txt");
  EXPECT_EQ(Headings(doc), (std::vector<std::string>{"I. Inleiding", "II. Het postennetwerk",
                                                     "II. Het postennetwerk – a. Europa",
                                                     "II. Het postennetwerk – b) Afrika"}));
  EXPECT_THAT(AllText(doc), Not(HasSubstr("Bouwmeester")));
}

// A report whose minister's reaction follows all the questions, per party
// and without repeating them: each question goes with its reaction where
// the party asks in as many paragraphs as the reaction has, else the
// party's questions go with the whole reaction to them.
constexpr char kReactionAfterTheQuestions[] =
    "Nr. 3012 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n"
    "Vastgesteld 9 april 2025\n\n"
    "De vaste commissie voor Buitenlandse Zaken heeft vragen en opmerkingen voorgelegd aan de\n"
    "Minister van Buitenlandse Zaken over de geannoteerde agenda.\n\n"
    "I. Vragen en opmerkingen vanuit de fracties\n\n"
    "Vragen en opmerkingen van de leden van de VVD-fractie\n\n"
    "De leden van de VVD-fractie lezen dat de Raad spreekt over een nieuw sanctiepakket. Worden\n"
    "daarin ook de schepen van de schaduwvloot aangepakt?\n\n"
    "Voorts vragen deze leden hoeveel meldingen van omzeiling van sancties de\n"
    "toezichthouders in 2024 hebben ontvangen.\n\n"
    "Vragen en opmerkingen van de leden van de SP-fractie\n\n"
    "De leden van de SP-fractie vragen waarom het kabinet de uitgaven voor\n"
    "ontwikkelingssamenwerking verlaagt, en op welke programma's het eerst wordt bezuinigd.\n\n"
    "II. Reactie van de minister\n\n"
    "Reactie op de vragen en opmerkingen van de leden van de VVD-fractie\n\n"
    "Nederland zet in op een ambitieus pakket, met ten minste honderd schepen van de\n"
    "schaduwvloot op de lijst van schepen met een haven- en dienstverbod, en met maatregelen\n"
    "tegen de verzekeraars en de registers die deze schepen bedienen en zo de sancties helpen\n"
    "omzeilen.\n\n"
    "In 2024 ontvingen de toezichthouders 214 meldingen van mogelijke omzeiling van sancties\n"
    "via derde landen. In 31 gevallen volgde een strafrechtelijk onderzoek door het Openbaar\n"
    "Ministerie, in de meeste gevallen naar de uitvoer van goederen voor militair gebruik.\n\n"
    "Reactie op de vragen en opmerkingen van de leden van de SP-fractie\n\n"
    "Het kabinet heeft in het hoofdlijnenakkoord gekozen voor een herziening van de uitgaven\n"
    "voor ontwikkelingssamenwerking, met de nadruk op handel en ontwikkeling, water,\n"
    "voedselzekerheid en migratie, omdat Nederland daar het meeste verschil kan maken.\n\n"
    "Welke programma's het eerst worden herzien, werkt het kabinet in de loop van 2025 uit,\n"
    "in overleg met de partners in de landen waar Nederland actief is. Ik informeer uw Kamer\n"
    "daarover voor de zomer.\n\n"
    "De Minister van Buitenlandse Zaken,\n"
    "C.C.J. Veldkamp\n";

TEST(Letters, ReactionAfterTheQuestionsGoesWithThem) {
  ParsedDocument doc = MustParse(kReactionAfterTheQuestions, "verslag.txt");
  ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
  EXPECT_EQ(doc.passages[0].question, "");  // the committee's introduction
  // The VVD asks in two paragraphs, and is answered in two.
  EXPECT_THAT(doc.passages[1].question, StartsWith("De leden van de VVD-fractie lezen dat"));
  EXPECT_THAT(doc.passages[1].text, StartsWith("Nederland zet in op een ambitieus pakket"));
  EXPECT_THAT(doc.passages[1].text, Not(HasSubstr("214")));
  EXPECT_THAT(doc.passages[2].question, StartsWith("Voorts vragen deze leden hoeveel meldingen"));
  EXPECT_THAT(doc.passages[2].text, StartsWith("In 2024 ontvingen de toezichthouders 214"));
  EXPECT_THAT(doc.passages[2].heading, EndsWith("van de leden van de VVD-fractie"));
  // The SP asks in one and is answered in two: the whole reaction.
  EXPECT_THAT(doc.passages[3].question, StartsWith("De leden van de SP-fractie vragen waarom"));
  EXPECT_THAT(doc.passages[3].text,
              AllOf(StartsWith("Het kabinet heeft in het hoofdlijnenakkoord"),
                    EndsWith("Ik informeer uw Kamer daarover voor de zomer.")));
  std::vector<Article> articles = ToArticles(doc);
  EXPECT_THAT(articles[3].title.nl, StartsWith("De leden van de SP-fractie vragen waarom"));
  EXPECT_THAT(articles[1].title.nl, StartsWith("Worden daarin ook de schepen"));
}

// Short headings right above their paragraphs, without the blank line
// under them, in the extraction the seed documents come in (a space at
// each line's end): a heading, a heading with a subheading.
TEST(Letters, ShortHeadingsRightAboveTheirParagraphs) {
  const std::string letter =
      " Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
      "Den Haag, 14 maart 2025 \n\n"
      "Hierbij bied ik uw Kamer de jaarlijkse brief over de consulaire dienstverlening \n"
      "aan. Daarin ga ik in op de bijstand aan Nederlanders in nood, de reisdocumenten \n"
      "en de voorbereiding op crises in het afgelopen jaar. \n\n"
      "Consulaire bijstand \n"
      "Het ministerie heeft in 2024 ruim 7.900 Nederlanders in nood in het buitenland \n"
      "bijgestaan. Het gaat onder meer om slachtoffers van een misdrijf, zieken en \n"
      "gedetineerden, en om de nabestaanden van wie in het buitenland overleed. De \n"
      "meeste zaken betroffen Nederlanders die op reis waren in Europa, maar het aantal \n"
      "zaken buiten Europa nam opnieuw toe, vooral in Zuidoost-Azië. \n\n"
      "Crisisbeheersing \n"
      "Evacuatie uit Libanon \n"
      "In het najaar van 2024 verslechterde de veiligheidssituatie in Libanon snel. Het \n"
      "ministerie heeft toen samen met Defensie twee vluchten georganiseerd waarmee 312 \n"
      "Nederlanders en hun gezinsleden het land konden verlaten. Wie niet met die \n"
      "vluchten mee kon, kreeg hulp bij het vertrek over land of via een vlucht van \n"
      "een andere lidstaat van de Europese Unie, waarmee de ambassade nauw samenwerkte. \n\n"
      "De Minister van Buitenlandse Zaken, \n"
      "M.A. Verhoeven \n";
  ParsedDocument doc = MustParse(letter, "brief.txt");
  EXPECT_EQ(Headings(doc), (std::vector<std::string>{"", "Consulaire bijstand",
                                                     "Crisisbeheersing – Evacuatie uit Libanon"}));
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_THAT(doc.passages[1].text, StartsWith("Het ministerie heeft in 2024"));
  EXPECT_THAT(doc.passages[2].text, StartsWith("In het najaar van 2024"));
}

// A heading without a number between two numbered sections is part of the
// first; after the last numbered section ("Tot slot") it stands on its own.
TEST(Letters, UnnumberedHeadingsBetweenNumberedSectionsArePartOfTheFirst) {
  std::string letter = Replaced(kRomanLetter, "II. Het postennetwerk\n\n",
                                "Achtergrond\n\n"
                                "Het netwerk telt op 1 januari 2025 in totaal 148 posten, van "
                                "ambassades tot consulaten-generaal.\n\n"
                                "II. Het postennetwerk\n\n");
  letter = Replaced(letter, "De Minister van Buitenlandse Zaken,",
                    "Tot slot\n\n"
                    "Over de uitvoering van deze plannen informeer ik uw Kamer in het "
                    "najaar.\n\n"
                    "De Minister van Buitenlandse Zaken,");
  ParsedDocument doc = MustParse(letter, "brief.txt");
  EXPECT_EQ(Headings(doc),
            (std::vector<std::string>{"I. Inleiding", "I. Inleiding – Achtergrond",
                                      "II. Het postennetwerk", "II. Het postennetwerk – a. Europa",
                                      "II. Het postennetwerk – b) Afrika", "Tot slot"}));
}

// The courtesy that closes a letter says nothing of its own: no passage
// holds it, whether it stands alone or ends the last paragraph. A sentence
// that only looks like it stays.
TEST(Letters, ClosingCourtesyIsNoPassage) {
  const std::string last = "medewerker voor deze taak is vrijgemaakt.";
  for (const char* closing : {"Ik vertrouw erop uw Kamer hiermee voldoende te hebben geïnformeerd.",
                              "Hiermee hoop ik uw Kamer voldoende te hebben geïnformeerd.",
                              "Ik hoop de vragen van de leden hiermee te hebben beantwoord."}) {
    ParsedDocument doc =
        MustParse(Replaced(kRomanLetter, last, last + "\n\n" + closing), "brief.txt");
    EXPECT_THAT(AllText(doc), Not(HasSubstr(closing)));
    ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
    doc = MustParse(Replaced(kRomanLetter, last, last + " " + closing), "brief.txt");
    ASSERT_EQ(doc.passages.size(), 4u) << AllText(doc);
    EXPECT_TRUE(doc.passages[3].text.ends_with(last)) << doc.passages[3].text;
  }
  const std::string lookalike =
      "Ik hoop dat de Commissie de lidstaten hiermee tijdig heeft geïnformeerd.";
  ParsedDocument doc = MustParse(Replaced(kRomanLetter, last, last + " " + lookalike), "brief.txt");
  EXPECT_TRUE(doc.passages.back().text.ends_with(lookalike)) << doc.passages.back().text;
}

// The same letter as a PDF viewer copies it: no blank lines around the
// letterhead and the signature, a numbered list over a page break, an
// abbreviation hyphenated at a line end.
constexpr char kCopiedLetter[] =
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    "Den Haag, 4 juli 2024\n"
    "Met deze brief informeer ik uw Kamer, zoals toegezegd tijdens het commissiedebat\n"
    "consulaire zaken, over de hulp aan Nederlanders die in het buitenland slachtoffer\n"
    "worden van een misdrijf, en over wat het kabinet daarin wil verbeteren.\n"
    "\n"
    "Het ministerie werkt bij de hulp aan slachtoffers nauw samen met andere EU-\n"
    "lidstaten. Waar Nederland geen ambassade heeft, kan een slachtoffer aankloppen bij\n"
    "de ambassade van een andere lidstaat, die dan dezelfde bijstand verleent. Dat is\n"
    "vastgelegd in een Europese richtlijn, die alle lidstaten in hun eigen regels hebben\n"
    "opgenomen. In de praktijk gaat het vooral om hulp bij het aanvragen van een\n"
    "noodpaspoort, het vinden van een advocaat en het informeren van familie.\n"
    "\n"
    "Het kabinet neemt daarom de volgende maatregelen, in overleg met de partners:\n"
    "1. de informatie op de website wordt per land aangevuld;\n"
    "2. de posten krijgen een vast aanspreekpunt voor slachtofferhulp;\n"
    "Tweede Kamer, vergaderjaar 2023–2024, 36 180, nr. 73 2\n"
    "3. het Contactcenter verwijst slachtoffers direct door;\n"
    "4. de afspraken met Slachtofferhulp Nederland worden uitgebreid.\n"
    "\n"
    "Over de uitvoering van deze maatregelen informeer ik uw Kamer in de Staat van het\n"
    "Consulaire 2024, die ik u in het voorjaar zal sturen. Daarin staat ook hoeveel\n"
    "Nederlanders in dat jaar een beroep op deze hulp hebben gedaan, en hoe zij de hulp\n"
    "van de ambassades en het Contactcenter hebben ervaren.\n"
    "De Minister van Buitenlandse Zaken,\n"
    "H.G.J. Bruins Slot\n"
    "Tweede Kamer, vergaderjaar 2023–2024, 36 180, nr. 73 3\n";

// A letter copied from the government's website: its title and date above
// it, a table with tabs between its cells, and the page's downloads,
// details and related documents below the signature.
constexpr char kWebLetter[] =
    "Kamerbrief over DigiD voor Nederlanders in het buitenland\n"
    "Kamerstuk | 12-03-2026\n"
    "\n"
    "Geachte voorzitter,\n"
    "\n"
    "Met deze brief informeer ik uw Kamer over de toegang van Nederlanders in het buitenland tot "
    "DigiD. Steeds meer zaken met de overheid zijn alleen nog digitaal te regelen, en wie in het "
    "buitenland woont, wacht vaak weken op de brief met de activeringscode.\n"
    "\n"
    "DigiD-balies\n"
    "\n"
    "Wie geen geschikte smartphone heeft, kan terecht bij een DigiD-balie op een ambassade of "
    "een consulaat-generaal. Een medewerker controleert daar de identiteit en geeft de "
    "activeringscode direct mee. In 2025 werden zo ruim 14.000 accounts geactiveerd.\n"
    "\n"
    "Locatie\tSoort\tActiveringen 2025\n"
    "Ambassade Rabat\tambassade\t3.318\n"
    "Consulaat-generaal Istanbul\tconsulaat-generaal\t2.655\n"
    "\n"
    "Het kabinet opent in 2026 vier nieuwe balies, in Lissabon, Dubai, Johannesburg en Bangkok, "
    "waar veel Nederlanders wonen die nu ver moeten reizen om hun DigiD te activeren.\n"
    "\n"
    "Sms-controle\n"
    "\n"
    "Een terugkerend probleem is de sms-controle. Wie inlogt met gebruikersnaam en wachtwoord "
    "en daarbij een sms-code moet invoeren, is afhankelijk van buitenlandse telefoonaanbieders. "
    "In een aantal landen komt de sms vertraagd of helemaal niet aan.\n"
    "\n"
    "Logius heeft in 2025 met drie internationale sms-aanbieders afspraken gemaakt over een "
    "betere bezorging. Het aandeel berichten naar buitenlandse nummers dat binnen vijf minuten "
    "aankomt, is daardoor gestegen van 81 naar 94 procent.\n"
    "\n"
    "Hoogachtend,\n"
    "\n"
    "De minister van Buitenlandse Zaken,\n"
    "M.C. de Graaf\n"
    "\n"
    "Downloads\n"
    "Kamerbrief over DigiD voor Nederlanders in het buitenland\n"
    "PDF document | 6 pagina's | 318 kB\n"
    "Documentdetails\n"
    "Publicatiedatum\n"
    "12-03-2026\n"
    "Gerelateerde documenten\n"
    "Kamerbrief over de Staat van het Consulair 2025\n"
    "Kamerstuk | 27-11-2025\n"
    "Is deze informatie nuttig?\n"
    "Ja\n"
    "Nee\n";

// The same letter as rijksoverheid.nl shows it now: the page's documents
// under "Documenten", each with its "Downloaden" button, then "Zie ook" and
// the site's links.
TEST(Layout, ALetterCopiedFromTheWebsiteWithItsDocumentsBelow) {
  const std::string page =
      std::string(kWebLetter).substr(0, std::string(kWebLetter).find("Downloads\n")) +
      "Documenten\n"
      "Kamerbrief over DigiD voor Nederlanders in het buitenland\n"
      "Kamerbrief van de minister over de toegang tot DigiD vanuit het buitenland.\n"
      "PDF document | 6 pagina's | 318 kB\n"
      "Downloaden\n"
      "Zie ook\n"
      "DigiD aanvragen vanuit het buitenland\n"
      "Onderwerpen\n"
      "Digitale overheid\n"
      "Naar boven\n"
      "Service\n"
      "Contact\n"
      "Sitemap\n"
      "Rijksoverheid.nl is de website van de Nederlandse rijksoverheid\n";
  ParsedDocument doc = MustParse(page, "digid.txt");
  const std::string all = AllText(doc);
  for (const char* left : {"Documenten", "Downloaden", "PDF document", "toegang tot DigiD vanuit",
                           "Zie ook", "Sitemap"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  EXPECT_THAT(all, HasSubstr("gestegen van 81 naar 94 procent."));
}

TEST(Layout, ALetterCopiedFromTheWebsite) {
  ParsedDocument doc = MustParse(kWebLetter, "digid.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  EXPECT_EQ(doc.document.title, "Kamerbrief over DigiD voor Nederlanders in het buitenland");
  EXPECT_EQ(doc.document.date, "2026-03-12");
  const std::string all = AllText(doc);
  for (const char* left : {"Kamerstuk |", "Downloads", "Documentdetails", "Publicatiedatum",
                           "Gerelateerde", "nuttig", "PDF document"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  // Cells set apart by tabs stay apart: the rows are a table's.
  EXPECT_THAT(all,
              HasSubstr("Locatie  Soort  Activeringen 2025\nAmbassade Rabat  ambassade  3.318\n"));
  const ParsedPassage* last = PassageContaining(doc, "vier nieuwe balies");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->heading, "DigiD-balies");
}

// The Eerste Kamer's masthead as `pdftotext` without `-layout` prints it:
// the paper's letter and its name in capitals on lines of their own.
TEST(Layout, EersteKamerMastheadWithTheLetterOnItsOwnLine) {
  const std::string text =
      "Eerste Kamer der Staten-Generaal\n\nVergaderjaar 2025–2026\n\n36 748\n\n"
      "Wijziging van de Kieswet in verband met de automatische registratie van kiezers\n"
      "buiten Nederland\n\nE\n\nNADERE MEMORIE VAN ANTWOORD\nOntvangen 11 maart 2026\n\n"
      "Met belangstelling heb ik kennisgenomen van het nader voorlopig verslag van de vaste\n"
      "commissie voor Binnenlandse Zaken. Ik beantwoord de vragen in de volgorde van het "
      "verslag.\n\n"
      "1. Algemeen\n\n"
      "De leden van de fractie van de SGP vragen hoeveel Nederlanders in het buitenland\n"
      "kiesgerechtigd zijn en welk deel van hen bij de laatste verkiezing heeft gestemd.\n\n"
      "Naar schatting zijn ruim 900.000 Nederlanders in het buitenland kiesgerechtigd. Bij de\n"
      "Tweede Kamerverkiezing van 2025 stonden 102.000 van hen geregistreerd; 78 procent van\n"
      "de geregistreerde kiezers heeft een stem uitgebracht.\n\n"
      "2. Registratie van kiezers\n\n"
      "De leden van de fractie van de VVD vragen of de automatische registratie op basis van\n"
      "de RNI niet leidt tot het versturen van grote aantallen stembewijzen naar oude adressen.\n\n"
      "Dat risico is er. In de RNI staan adressen die niet meer kloppen, omdat mensen een\n"
      "verhuizing binnen het buitenland niet altijd doorgeven. Daarom krijgt iedere kiezer\n"
      "vooraf een bericht met het adres waarnaar de stembescheiden worden gestuurd, en kan hij\n"
      "dat adres tot zes weken voor de dag van stemming zelf wijzigen.\n\n"
      "Eerste Kamer, vergaderjaar 2025–2026, 36 748, E 1\n";
  ParsedDocument doc = MustParse(text, "nmva.txt");
  EXPECT_EQ(doc.document.title, "Nadere memorie van antwoord");
  EXPECT_EQ(doc.document.date, "2026-03-11");
  EXPECT_THAT(AllText(doc), Not(HasSubstr("Wijziging van de Kieswet")));
  for (const std::string& heading : Headings(doc)) EXPECT_THAT(heading, Not(HasSubstr("36 748")));
}

TEST(Layout, ALetterCopiedFromAPdfViewer) {
  ParsedDocument doc = MustParse(kCopiedLetter, "brief.txt");
  EXPECT_EQ(doc.document.date, "2024-07-04");
  std::string all = AllText(doc);
  for (const char* left : {"Voorzitter", "Den Haag", "De Minister van", "Bruins Slot"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  EXPECT_THAT(all, HasSubstr("samen met andere EU-lidstaten."));
  const ParsedPassage* list = PassageContaining(doc, "de volgende maatregelen");
  ASSERT_NE(list, nullptr) << all;
  EXPECT_THAT(list->text, HasSubstr("door;\n4. de afspraken"));
  EXPECT_THAT(list->text, HasSubstr("slachtofferhulp;\n3. het Contactcenter"));
}

// A web address and "e-mail" broken at a line end; the template's return
// address, subject, salutation and closing, and a signature in capitals.
TEST(Layout, ALetterOnTheTemplateCopiedFromAPdfViewer) {
  std::string text = Replaced(kCopiedLetter, "Aan de Voorzitter",
                              "> Retouradres Postbus 20061 2500 EB Den Haag\nAan de Voorzitter");
  text = Replaced(text, "Den Haag, 4 juli 2024\n",
                  "Den Haag, 4 juli 2024\nBetreft Slachtofferhulp in het buitenland\n"
                  "Geachte Voorzitter,\n");
  text = Replaced(text, "familie.\n",
                  "familie; meer staat op https://www.nederlandwereldwijd.nl/\nslachtofferhulp "
                  "en vragen kunnen per e-\nmail.\n");
  text = Replaced(text, "De Minister van Buitenlandse Zaken,\n",
                  "Hoogachtend,\nDE MINISTER VAN BUITENLANDSE ZAKEN,\n");
  ParsedDocument doc = MustParse(text, "brief.txt");
  std::string all = AllText(doc);
  for (const char* left :
       {"Retouradres", "Betreft", "Geachte", "Hoogachtend", "MINISTER", "Bruins Slot"}) {
    EXPECT_THAT(all, Not(HasSubstr(left))) << left;
  }
  EXPECT_THAT(all, HasSubstr("https://www.nederlandwereldwijd.nl/slachtofferhulp en"));
  EXPECT_THAT(all, HasSubstr("per e-mail."));
}

// Answers to written questions as a PDF viewer copies them: the number of
// question 4 right under question 3, the date of the answer over two lines.
constexpr char kCopiedWrittenQuestions[] =
    "Vragen gesteld door de leden der Kamer, met de daarop door de\n"
    "regering gegeven antwoorden\n"
    "Vragen van het lid Sjoerdsma (D66) aan de Minister van Buitenlandse Zaken\n"
    "over Nederlanders die vastzitten in Libanon (ingezonden 16 januari 2024).\n"
    "Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 20\n"
    "februari 2024).\n"
    "1\n"
    "Bent u bekend met het bericht «Tientallen Nederlanders kunnen Libanon niet uit»?\n"
    "Antwoord 1\n"
    "Ja.\n"
    "2\n"
    "Hoeveel Nederlanders verblijven op dit moment in Libanon?\n"
    "Antwoord 2\n"
    "Op 15 februari 2024 stonden 1.382 Nederlanders geregistreerd.\n"
    "3\n"
    "Welke mogelijkheden hebben Nederlanders om Libanon te verlaten?\n"
    "4\n"
    "Is het ministerie bereid een evacuatie voor te bereiden?\n"
    "Antwoord 3 en 4\n"
    "Er vertrekken nog dagelijks commerciële vluchten uit Beiroet. Het ministerie bereidt\n"
    "samen met andere lidstaten scenario's voor.\n";

TEST(QuestionLayouts, WrittenQuestionsCopiedFromAPdfViewer) {
  ParsedDocument doc = MustParse(kCopiedWrittenQuestions, "kamervragen.txt");
  EXPECT_EQ(doc.document.title,
            "Vragen van het lid Sjoerdsma (D66) aan de Minister van Buitenlandse Zaken over "
            "Nederlanders die vastzitten in Libanon");
  EXPECT_EQ(doc.document.date, "2024-02-20");
  ASSERT_EQ(doc.passages.size(), 3u) << AllText(doc);
  EXPECT_EQ(doc.passages[2].number, "3 en 4");
  EXPECT_EQ(doc.passages[2].question,
            "Welke mogelijkheden hebben Nederlanders om Libanon te verlaten?\n\n"
            "Is het ministerie bereid een evacuatie voor te bereiden?");
  EXPECT_TRUE(doc.missing_numbers.empty());
}

// Written answers to what members asked in a plenary debate: the members'
// headings, then unnumbered "Vraag" and "Antwoord" lines; the questions
// are numbered in order.
constexpr char kDebateAnswers[] = R"doc(Directie Financieel-Economische Zaken
Rijnstraat 8
2515 XP Den Haag

> Retouradres Postbus 20061 2500 EB Den Haag

De Voorzitter van de Tweede Kamer
der Staten-Generaal
Prinses Irenestraat 6
Den Haag

Datum 19 november 2025
Betreft Schriftelijke antwoorden op vragen gesteld tijdens de eerste termijn van de
begrotingsbehandeling Buitenlandse Zaken

Geachte voorzitter,

Hierbij treft u de schriftelijke antwoorden aan op vragen gesteld tijdens de eerste
termijn van de begrotingsbehandeling Buitenlandse Zaken op 18 november jl.

De minister van Buitenlandse Zaken,

A.B. de Vries

Vragen van het lid Jansen (D66)

Vraag
Hoeveel consulaire medewerkers werken er op dit moment in Zuid-Amerika?

Antwoord
Op de posten in Zuid-Amerika werken op dit moment 46 consulaire medewerkers, van wie
twaalf uitgezonden en 34 lokaal aangenomen.

Vraag
Is de minister bereid het mobiele vulpunt vaker naar Patagonië te sturen?

Antwoord
Ja. Het mobiele vulpunt gaat in 2026 twee keer naar Patagonië, in april en in
oktober.

Vragen van de leden Bakker en Smit (CDA)

Vraag
Wanneer kunnen Nederlanders in het buitenland hun paspoort online verlengen?

Antwoord
Een online aanvraag is voorzien vanaf 2027; de identiteit wordt dan op afstand
vastgesteld.
)doc";

TEST(QuestionLayouts, UnnumberedVraagAndAntwoordUnderTheMembersWhoAsked) {
  const std::vector<Qa> want = {
      {"1", "Hoeveel consulaire medewerkers werken er op dit moment in Zuid-Amerika?",
       "Op de posten in Zuid-Amerika werken op dit moment 46 consulaire medewerkers, van wie "
       "twaalf uitgezonden en 34 lokaal aangenomen."},
      {"2", "Is de minister bereid het mobiele vulpunt vaker naar Patagonië te sturen?",
       "Ja. Het mobiele vulpunt gaat in 2026 twee keer naar Patagonië, in april en in oktober."},
      {"3", "Wanneer kunnen Nederlanders in het buitenland hun paspoort online verlengen?",
       "Een online aanvraag is voorzien vanaf 2027; de identiteit wordt dan op afstand "
       "vastgesteld."}};
  ParsedDocument doc = MustParse(kDebateAnswers, "antwoorden.txt");
  EXPECT_EQ(doc.document.title,
            "Schriftelijke antwoorden op vragen gesteld tijdens de eerste termijn van de "
            "begrotingsbehandeling Buitenlandse Zaken");
  EXPECT_EQ(doc.document.date, "2025-11-19");
  ExpectQuestions(doc, want);
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[0].heading, "Vragen van het lid Jansen (D66)");
  EXPECT_EQ(doc.passages[1].heading, "Vragen van het lid Jansen (D66)");
  EXPECT_EQ(doc.passages[2].heading, "Vragen van de leden Bakker en Smit (CDA)");

  // The same copied from a PDF viewer: no blank lines.
  std::string copied;
  for (const std::string& line : Split(kDebateAnswers, '\n')) {
    if (!Trim(line).empty()) copied += line + "\n";
  }
  ParsedDocument copy = MustParse(copied, "antwoorden.txt");
  ExpectQuestions(copy, want);
  ASSERT_EQ(copy.passages.size(), 3u);
  EXPECT_EQ(copy.passages[2].heading, "Vragen van de leden Bakker en Smit (CDA)");
}

// Errors

TEST(Errors, EmptyText) {
  ExpectInvalid("");
  ExpectInvalid(" \n\n  \n");
}

TEST(Errors, BinaryTextWithNulByte) {
  ASSERT_TRUE(ParseDocument(kLetter, "brief.txt").ok());
  ExpectInvalid(Replaced(kLetter, "Paspoorten en", std::string("Paspoorten\0en", 13)));
}

TEST(Errors, InvalidUtf8) {
  ASSERT_TRUE(ParseDocument(kLetter, "brief.txt").ok());
  ExpectInvalid(Replaced(kLetter, "Paspoorten en", "Paspoorten\xC3 en"));  // a lead byte alone
  ExpectInvalid(Replaced(kLetter, "Paspoorten", "Pasp\xF6orten"));         // Latin-1 "ö"
}

TEST(Errors, EncodedSurrogateIsInvalidUtf8) {
  ExpectInvalid(Replaced(kLetter, "Paspoorten", "Pasp\xED\xA0\x80orten"));
}

TEST(Errors, ShortNonDocument) { ExpectInvalid("boodschappenlijst: melk, brood"); }

// Prose without an addressee, a dated letterhead, a signature, a
// parliamentary footer or any mention of parliament: a newsletter.
TEST(Errors, ProseThatIsNoLetterToParliament) {
  std::string newsletter =
      "NIEUWSBRIEF NEDERLANDERS IN HET BUITENLAND\n\n"
      "Bent u deze zomer in Nederland? Dan kunt u uw paspoort ook aanvragen bij een van de "
      "grensgemeenten. Maak op tijd een afspraak, want in de zomer is het druk bij de balies en "
      "de wachttijden lopen dan snel op.\n\n"
      "Op 15 maart kiest Nederland nieuwe leden van de Provinciale Staten en de Waterschappen. "
      "Nederlanders in het buitenland kunnen stemmen voor de Waterschappen als zij zich op tijd "
      "registreren bij de gemeente Den Haag.\n\n"
      "Datum           Plaats                 Post\n"
      "4 april         Chiang Mai             Ambassade Bangkok\n"
      "18 april        Phuket                 Ambassade Bangkok\n\n"
      "Reist u binnenkort? Kijk dan altijd eerst naar het reisadvies van het land waar u naartoe "
      "gaat, en download de reisapp zodat u meldingen krijgt als er iets verandert. Zo bent u "
      "altijd op de hoogte van de veiligheid ter plaatse en weet u wat u moet doen als er iets "
      "gebeurt tijdens uw reis naar het buitenland of tijdens uw verblijf daar.\n\n"
      "U ontvangt deze nieuwsbrief omdat u zich hebt aangemeld. Afmelden kan op elk moment via "
      "de link onderaan deze e-mail, en uw gegevens worden dan direct verwijderd uit ons "
      "bestand.\n";
  ExpectInvalid(newsletter);
  // The same prose as a letter to parliament is a letter.
  EXPECT_TRUE(
      ParseDocument("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n" + newsletter,
                    "brief.txt")
          .ok());
  // So is the same prose with the date parliament received it, as a
  // paper's copy on a website prints it without its masthead and footers.
  Result<ParsedDocument> received = ParseDocument(
      "NOTA NAAR AANLEIDING VAN HET VERSLAG\n\nOntvangen 16 juli 2008\n\n" + newsletter,
      "nota.txt");
  ASSERT_TRUE(received.ok()) << received.status().message();
  EXPECT_EQ(received->document.date, "2008-07-16");
}

// A motion as `pdftotext -layout` prints it.
constexpr char kMotion[] =
    R"(Tweede Kamer der Staten-Generaal                                             2
Vergaderjaar 2023–2024

36 410 V             Vaststelling van de begrotingsstaten van het Ministerie van
                     Buitenlandse Zaken (V) voor het jaar 2024

Nr. 34               MOTIE VAN HET LID SJOERDSMA C.S.
                     Voorgesteld 15 november 2023

De Kamer,

gehoord de beraadslaging,

constaterende dat Nederlanders in het buitenland voor een paspoortafspraak bij sommige
ambassades maanden moeten wachten;

overwegende dat mobiele vulpunten de wachttijden aantoonbaar verkorten;

verzoekt de regering, het aantal mobiele vulpunten in 2024 ten minste te verdubbelen en de
Kamer voor de zomer te informeren over de wachttijden per post,

en gaat over tot de orde van de dag.

Sjoerdsma
Brekelmans
Dassen

Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 34                               1
)";

// An amendment as a PDF viewer copies it: no blank lines, no masthead
// recognised.
constexpr char kAmendment[] =
    "36 410 V Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken\n"
    "(V) voor het jaar 2024\n"
    "Nr. 21 AMENDEMENT VAN HET LID BRUGGE\n"
    "Ontvangen 9 november 2023\n"
    "De ondergetekende stelt het volgende amendement voor:\n"
    "I\n"
    "In de begrotingsstaat van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2024\n"
    "wordt het verplichtingenbedrag en het uitgavenbedrag van artikel 4 Consulaire\n"
    "dienstverlening en uitdragen Nederlandse waarden verhoogd met € 5.000 (x € 1.000).\n"
    "Toelichting\n"
    "Dit amendement regelt dat er in 2024 vijf miljoen euro extra beschikbaar komt voor\n"
    "consulaire dienstverlening aan Nederlanders in het buitenland, in het bijzonder voor extra\n"
    "mobiele vulpunten en voor het verkorten van de wachttijden bij de ambassades.\n"
    "Brugge\n";

void ExpectRefused(std::string_view text, std::string_view kind) {
  Result<ParsedDocument> parsed = ParseDocument(text, "upload.txt");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(),
            "this is " + std::string(kind) +
                ": only letters, reports and answers to questions can be imported");
}

TEST(Errors, MotionIsRefusedAsAMotion) {
  ExpectRefused(kMotion, "a motion");
  // Copied without its masthead, the opening formula names it.
  std::string_view motion(kMotion);
  ExpectRefused(motion.substr(motion.find("De Kamer,")), "a motion");
}

TEST(Errors, AmendmentIsRefusedAsAnAmendment) {
  ExpectRefused(kAmendment, "an amendment");
  ExpectRefused(Replaced(kAmendment, "Nr. 21 AMENDEMENT VAN HET LID BRUGGE\n", ""), "an amendment");
}

// What a refused paper is, for a message in the reader's language.
TEST(Errors, RefusedPaperSaysWhatItIs) {
  EXPECT_EQ(RefusedPaperIn(kMotion), RefusedPaper::kMotion);
  EXPECT_EQ(RefusedPaperIn(kAmendment), RefusedPaper::kAmendment);
  EXPECT_EQ(RefusedPaperIn(kLetter), std::nullopt);
  EXPECT_EQ(RefusedPaperIn("Melk\nBrood\n"), std::nullopt);
  EXPECT_EQ(RefusedPaperIn(std::string("\xff\xfe", 2)), std::nullopt);
}

// A letter that quotes a motion's request is a letter.
TEST(Errors, LetterQuotingAMotionIsALetter) {
  ParsedDocument doc = MustParse(
      Replaced(kLetter, "Paspoorten en identiteitskaarten\n",
               "In de motie van het lid Sjoerdsma c.s. (Kamerstuk 36 410 V, nr. 34) verzoekt de "
               "Kamer de regering het aantal mobiele vulpunten te verdubbelen. Aan dat verzoek "
               "geeft het kabinet als volgt uitvoering.\n\nPaspoorten en identiteitskaarten\n"),
      "brief.txt");
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  EXPECT_NE(PassageContaining(doc, "In de motie van het lid Sjoerdsma"), nullptr);
}

// Articles

TEST(ToArticles, QuestionIdsTitlesAndSources) {
  std::vector<Article> articles = ToArticles(MustParse(kNumberAlone, "lijst.txt"));
  ASSERT_EQ(articles.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const Article& a = articles[i];
    EXPECT_EQ(a.id, "36-410-v-nr-12-" + kNumberAloneWant[i].number);
    EXPECT_EQ(a.ordinal, static_cast<int>(i + 1));
    EXPECT_EQ(a.source,
              (Source{"36-410-v-nr-12", "Lijst van vragen en antwoorden",
                      "Kamerstuk 36 410 V, nr. 12", "2023-11-20", kNumberAloneWant[i].number}));
    EXPECT_EQ(a.question.nl, kNumberAloneWant[i].question);
    EXPECT_EQ(a.body.nl, kNumberAloneWant[i].answer);
  }
  EXPECT_EQ(articles[0].title.nl, kNumberAloneWant[0].question);
  // The question's sentence, without the introduction before it.
  EXPECT_EQ(articles[2].title.nl,
            "Welke maatregelen neemt u om de wachttijden bij de balies te verkorten?");
}

TEST(ToArticles, KeyFromFileNameWithoutReference) {
  std::string text =
      Replaced(kNumberAlone, "Tweede Kamer, vergaderjaar 2023–2024, 36 410 V, nr. 12 3\n", "");
  std::vector<Article> articles =
      ToArticles(MustParse(text, "uploads/Antwoorden paspoorten 2024.txt"));
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[0].source.document_key, "antwoorden-paspoorten-2024");
  EXPECT_EQ(articles[1].id, "antwoorden-paspoorten-2024-2");
  EXPECT_TRUE(articles[1].source.reference.empty());
}

TEST(ToArticles, LetterPassageIdsAndTitles) {
  ParsedDocument doc = MustParse(kLetter, "brief.txt");
  std::vector<Article> articles = ToArticles(doc);
  ASSERT_EQ(articles.size(), doc.passages.size());
  ASSERT_GE(articles.size(), 4u);
  for (size_t i = 0; i < articles.size(); ++i) {
    EXPECT_EQ(articles[i].id, "36-180-nr-94-p" + std::to_string(i + 1));
    EXPECT_TRUE(articles[i].question.nl.empty());
    EXPECT_EQ(articles[i].body.nl, doc.passages[i].text);
    EXPECT_EQ(articles[i].heading, doc.passages[i].heading);
    EXPECT_EQ(articles[i].source.date, "2024-04-03");
    EXPECT_EQ(articles[i].source.reference, "Kamerstuk 36 180, nr. 94");
    EXPECT_FALSE(articles[i].title.nl.empty());
  }
  // A passage is named by its first sentence; its heading stays with it.
  EXPECT_EQ(articles[1].heading, "Paspoorten en identiteitskaarten");
  EXPECT_EQ(articles[1].title.nl.substr(0, 20), doc.passages[1].text.substr(0, 20));
  EXPECT_NE(articles[1].title.nl, articles[2].title.nl);
}

// A table whose columns the extraction set one space apart: its caption
// and its header stand on lines of their own, and the caption, without its
// number, names the passage.
TEST(ToArticles, TableSetOneSpaceApartKeepsItsCaptionAndHeader) {
  ParsedDocument doc =
      MustParse(Replaced(kLetter, "drie weken.\n",
                         "drie weken.\n\n"
                         "Tabel 1. Aanvragen van reisdocumenten bij de posten, 2021–2023\n"
                         "Jaar Aantal aanvragen Binnen de termijn afgehandeld\n"
                         "2021 98.700 91%\n"
                         "2022 121.300 84%\n"
                         "2023 139.800 86%\n"
                         "De daling in 2022 hield verband met de inhaalvraag na de pandemie.\n"),
                "brief.txt");
  std::vector<Article> articles = ToArticles(doc);
  auto table = std::find_if(articles.begin(), articles.end(),
                            [](const Article& a) { return a.body.nl.starts_with("Tabel 1."); });
  ASSERT_NE(table, articles.end());
  EXPECT_EQ(table->body.nl,
            "Tabel 1. Aanvragen van reisdocumenten bij de posten, 2021–2023\n"
            "Jaar Aantal aanvragen Binnen de termijn afgehandeld\n"
            "2021 98.700 91%\n"
            "2022 121.300 84%\n"
            "2023 139.800 86%\n"
            "De daling in 2022 hield verband met de inhaalvraag na de pandemie.");
  EXPECT_EQ(table->title.nl, "Aanvragen van reisdocumenten bij de posten, 2021–2023");
  EXPECT_EQ(table->heading, "Paspoorten en identiteitskaarten");
}

TEST(ToArticles, SentenceAboutATableIsNoCaption) {
  ParsedDocument doc = MustParse(Replaced(kLetter, "drie weken.\n",
                                          "drie weken.\n\n"
                                          "Tabel 1 geeft het aantal aanvragen per regio.\n"
                                          "Regio          2022      2023\n"
                                          "Europa         1.200     1.350\n"),
                                 "brief.txt");
  std::vector<Article> articles = ToArticles(doc);
  auto table = std::find_if(articles.begin(), articles.end(),
                            [](const Article& a) { return a.body.nl.starts_with("Tabel 1"); });
  ASSERT_NE(table, articles.end());
  EXPECT_EQ(table->title.nl, "Tabel 1 geeft het aantal aanvragen per regio.");
}

TEST(ToArticles, ImportingTwiceGivesIdenticalArticles) {
  const std::string fixture = ReadDocument("beleidsbrief-bz-2022.txt");
  for (const std::string& text : {kNumberAlone, kLetter, NoMarker(), fixture}) {
    EXPECT_EQ(ToArticles(MustParse(text, "a.txt")), ToArticles(MustParse(text, "a.txt")));
  }
}

// pdf_text helpers

TEST(PdfText, EndsSentence) {
  for (const char* yes : {"Dat is klaar.", "Hoe lang?", "Zo!", "als volgt:", "gedetineerden;",
                          "(zie bijlage 2.)", "«een stop shop.»", "zei hij.”", "klaar. "}) {
    EXPECT_TRUE(EndsSentence(yes)) << yes;
  }
  for (const char* no : {"", "Consulaire dienstverlening", "bekend raken bij", "(Kamerstuk 32 734)",
                         "3,1", "Buiten-"}) {
    EXPECT_FALSE(EndsSentence(no)) << no;
  }
}

TEST(PdfText, StartsUpperAndLowerOnAccentedLetters) {
  EXPECT_TRUE(StartsUpper("Ëen"));
  EXPECT_FALSE(StartsLower("Ëen"));
  EXPECT_TRUE(StartsLower("één"));
  EXPECT_FALSE(StartsUpper("één"));
  EXPECT_TRUE(StartsUpper("Éénmalig"));
  EXPECT_TRUE(StartsLower("ëxtra"));
  for (const char* neither : {"", "2024", "«Gemeente", "– lijst"}) {
    EXPECT_FALSE(StartsUpper(neither)) << neither;
    EXPECT_FALSE(StartsLower(neither)) << neither;
  }
}

TEST(PdfText, StartsUpperAndLowerOnLatinExtendedA) {
  EXPECT_TRUE(StartsUpper("Łódź"));
  EXPECT_TRUE(StartsUpper("Žilina"));
  EXPECT_FALSE(StartsLower("Łódź"));
  EXPECT_TRUE(StartsLower("łódź"));
}

TEST(PdfText, JoinParagraphsJoinsWrappedAndHyphenatedLines) {
  std::vector<Line> lines;
  for (const std::string& text :
       Split("Het Ministerie van Buiten-\nlandse Zaken helpt Neder-\nlanders in nood, ook bij "
             "Chinees-\nRussische spanningen,\nCOVID-\n19 en de in-\nen uitvoer van "
             "goederen.\n\nEen nieuwe alinea.",
             '\n')) {
    lines.push_back(L(text));
  }
  EXPECT_EQ(JoinParagraphs(lines),
            (std::vector<std::string>{
                "Het Ministerie van Buitenlandse Zaken helpt Nederlanders in nood, ook bij "
                "Chinees-Russische spanningen, COVID-19 en de in- en uitvoer van goederen.",
                "Een nieuwe alinea."}));
}

TEST(PdfText, JoinParagraphsAcrossAPageBreak) {
  std::vector<Line> broken = {L("De ambassade helpt familie en advocaten bij"), L(""),
                              L("het contact met de autoriteiten.", true)};
  EXPECT_EQ(JoinParagraphs(broken),
            (std::vector<std::string>{
                "De ambassade helpt familie en advocaten bij het contact met de autoriteiten."}));
  std::vector<Line> finished = {L("De ambassade helpt familie."), L(""),
                                L("het contact loopt via Den Haag.", true)};
  EXPECT_EQ(JoinParagraphs(finished).size(), 2u);
}

TEST(PdfText, JoinParagraphsKeepsListItemsAndTableRowsDropsNumbers) {
  std::vector<Line> lines = {L("De bijstand omvat:"),           L("het bezoeken;", false, true),
                             L("het informeren.", false, true), L(""),
                             L("12", true, false, true),        L("Regio     2022     2023", true),
                             L("Europa     1.200     1.350")};
  EXPECT_EQ(JoinParagraphs(lines),
            (std::vector<std::string>{"De bijstand omvat:\n– het bezoeken;\n– het informeren.",
                                      "Regio     2022     2023\nEuropa     1.200     1.350"}));
}

// A wrapped line may start with the number that closes a parenthesis:
// "(bladzijde" / "10) maakt …" is no list item.
TEST(PdfText, NumberClosingAParenthesisIsNoListItem) {
  CleanText clean = CleanPdfText(
      "De infographic waarin wij de geldstromen schetsen (bladzijde\n"
      "10) maakt duidelijk wat wij onderzoeken. De lijst:\n"
      "1) de rijksrekening;\n"
      "2) de saldibalans.");
  ASSERT_EQ(clean.lines.size(), 4u);
  EXPECT_FALSE(clean.lines[1].numbered);
  EXPECT_TRUE(clean.lines[2].numbered);
  EXPECT_EQ(JoinParagraphs(clean.lines),
            (std::vector<std::string>{
                "De infographic waarin wij de geldstromen schetsen (bladzijde 10) maakt duidelijk "
                "wat wij onderzoeken. De lijst:\n1) de rijksrekening;\n2) de saldibalans."}));
}

TEST(PdfText, NumberAfterAWordThatTakesOneIsNoListItem) {
  CleanText clean = CleanPdfText(
      "Voor de gastlandverplichtingen is € 27,4 miljoen geraamd op artikel\n"
      "1. Daarin is een bijdrage van € 5 miljoen opgenomen. Het kabinet zet twee stappen:\n"
      "1. het tribunaal krijgt een gebouw;\n"
      "2. de beveiliging wordt versterkt.");
  ASSERT_EQ(clean.lines.size(), 4u);
  EXPECT_FALSE(clean.lines[1].numbered);
  EXPECT_TRUE(clean.lines[2].numbered);
  EXPECT_EQ(JoinParagraphs(clean.lines),
            (std::vector<std::string>{
                "Voor de gastlandverplichtingen is € 27,4 miljoen geraamd op artikel 1. Daarin is "
                "een bijdrage van € 5 miljoen opgenomen. Het kabinet zet twee stappen:\n1. het "
                "tribunaal krijgt een gebouw;\n2. de beveiliging wordt versterkt."}));
}

TEST(PdfText, JoinParagraphsEndsAListAtItsLastItem) {
  std::vector<Line> lines = {
      L("In 2022 ging het onder meer om:"), L("1.412 arrestaties;", false, true),
      L("318 vermissingen.", false, true), L("Het Contactcenter voerde 712.000 gesprekken.")};
  EXPECT_EQ(JoinParagraphs(lines),
            (std::vector<std::string>{
                "In 2022 ging het onder meer om:\n– 1.412 arrestaties;\n– 318 vermissingen.",
                "Het Contactcenter voerde 712.000 gesprekken."}));
}

// A hyphen at a line end is hyphenation, unless the text prints the word
// with its hyphen elsewhere.
TEST(PdfText, HyphenOfACompoundPrintedWholeIsKept) {
  CleanText clean = CleanPdfText(
      "Het consulaat-\ngeneraal in Vancouver opende in 2022 een tweede balie voor paspoorten.\n"
      "Wie niet naar het consulaat-generaal kan reizen, kan terecht bij een mobiel vul-\npunt.\n");
  EXPECT_EQ(JoinParagraphs(clean.lines),
            (std::vector<std::string>{
                "Het consulaat-generaal in Vancouver opende in 2022 een tweede balie voor "
                "paspoorten. Wie niet naar het consulaat-generaal kan reizen, kan terecht bij een "
                "mobiel vulpunt."}));
}

TEST(PdfText, HyphenBeforeGeneraalIsKept) {
  CleanText clean = CleanPdfText(
      "De directeur-\ngeneraal en de secretaris-\ngeneraal spraken over een gene-\n"
      "raal pardon.\n");
  EXPECT_EQ(
      JoinParagraphs(clean.lines),
      (std::vector<std::string>{
          "De directeur-generaal en de secretaris-generaal spraken over een generaal pardon."}));
}

TEST(PdfText, HyphenBetweenClashingVowelsIsKept) {
  CleanText clean = CleanPdfText(
      "De schade-\nuitkeringen en de informatie-\nuitwisseling in de gedeti-\nneerdenzorg, de "
      "cre-\natieve aanpak.\n");
  EXPECT_EQ(JoinParagraphs(clean.lines),
            (std::vector<std::string>{"De schade-uitkeringen en de informatie-uitwisseling in de "
                                      "gedetineerdenzorg, de creatieve aanpak."}));
}

TEST(PdfText, PandocPlainTextHeadingsAndGridTables) {
  CleanText clean = CleanPdfText(
      "1. Consulaire bijstand in cijfers\n"
      "=================================\n\n"
      "+--------------+--------+--------+\n"
      "| Soort zaak   | 2024   | 2025   |\n"
      "+==============+========+========+\n"
      "| Vermissingen | 398    | 436    |\n"
      "+--------------+--------+--------+\n");
  EXPECT_EQ(JoinParagraphs(clean.lines),
            (std::vector<std::string>{"1. Consulaire bijstand in cijfers",
                                      "Soort zaak   2024   2025\nVermissingen   398   436"}));
}

TEST(PdfText, JustifiedLineOfFewLongWordsAmidProseIsProse) {
  CleanText clean = CleanPdfText(
      "                         de terugweg  per post. Ik ga  met de minister  van BZK  het "
      "aantal\n"
      "                         afgiftepunten  bij  posten  uitbreiden.  Mevrouw Oosterhuis  "
      "heeft\n"
      "                         gelijk over Zuid-Europa: in  Spanje en Portugal werkt de app "
      "goed.\n"
      "\n"
      "                         – de brief van de Minister van Buitenlandse  Zaken d.d. 3 "
      "december\n"
      "                         2025   inzake  visumdienstverlening  en  externe   "
      "dienstverleners\n"
      "                         (Kamerstuk 36 600 V, nr. 322);\n");
  EXPECT_EQ(JoinParagraphs(clean.lines),
            (std::vector<std::string>{
                "de terugweg per post. Ik ga met de minister van BZK het aantal afgiftepunten bij "
                "posten uitbreiden. Mevrouw Oosterhuis heeft gelijk over Zuid-Europa: in Spanje en "
                "Portugal werkt de app goed.",
                "– de brief van de Minister van Buitenlandse Zaken d.d. 3 december 2025 inzake "
                "visumdienstverlening en externe dienstverleners (Kamerstuk 36 600 V, nr. 322);"}));
}

TEST(QuestionLayouts, WebPageOfQuestionsWithTheSitesMenuAndFoot) {
  const std::string text =
      "Ga direct naar inhoud\nNederlandWereldwijd.nl\nMenu\nZoeken\nReizen\nWonen en werken\n"
      "U bent hier:\nHome\nWonen en werken\nVraag en antwoord: wonen in het buitenland\n"
      "Vraag en antwoord: wonen in het buitenland\n"
      "Gaat u in het buitenland wonen? Op deze pagina vindt u antwoorden op vragen die wij vaak "
      "krijgen.\n"
      "Kan ik DigiD gebruiken als ik in het buitenland woon?\n"
      "Ja, u kunt een DigiD aanvragen als u een burgerservicenummer hebt.\n"
      "Wilt u niet op de post wachten? Dan activeert u de DigiD app met uw paspoort.\n"
      "Krijg ik AOW als ik in het buitenland woon?\n"
      "Ja, maar voor elk jaar buiten Nederland bouwt u 2 procent minder AOW op.\n"
      "Mijn paspoort verloopt binnenkort. Waar vraag ik een nieuw paspoort aan?\n"
      "U vraagt een nieuw paspoort aan bij de ambassade in uw woonland.\n"
      "Was deze informatie nuttig?\nJa\nNee\nDeel deze pagina\nFacebook\nContact\n";
  ParsedDocument doc = MustParse(text);
  EXPECT_EQ(doc.document.kind, DocumentKind::kQuestions);
  EXPECT_EQ(doc.document.title, "Vraag en antwoord: wonen in het buitenland");
  ExpectQuestions(doc, {{"1", "Kan ik DigiD gebruiken als ik in het buitenland woon?",
                         "Ja, u kunt een DigiD aanvragen als u een burgerservicenummer hebt. "
                         "Wilt u niet op de post wachten? Dan activeert u de DigiD app met uw "
                         "paspoort."},
                        {"2", "Krijg ik AOW als ik in het buitenland woon?",
                         "Ja, maar voor elk jaar buiten Nederland bouwt u 2 procent minder AOW "
                         "op."},
                        {"3",
                         "Mijn paspoort verloopt binnenkort. Waar vraag ik een nieuw paspoort "
                         "aan?",
                         "U vraagt een nieuw paspoort aan bij de ambassade in uw woonland."}});
}

TEST(QuestionLayouts, LetterWithQuestionsAsHeadingsStaysALetter) {
  // A letter's marks (a salutation, a signature) keep a letter whose
  // headings ask from being read as a page of questions.
  const std::string paragraph =
      " Dit deel van de brief beschrijft de stand van zaken bij de posten in het buitenland, de "
      "maatregelen die het ministerie in het afgelopen jaar heeft genomen en wat Nederlanders in "
      "het buitenland daarvan in de komende maanden zullen merken.\n\n";
  const std::string text =
      "Geachte Voorzitter,\n\n"
      "Hoe staat het met de paspoorten?\n\n"
      "In 2025 zijn 81.400 paspoorten aangevraagd bij de posten." +
      paragraph +
      "Wat doen de posten aan de wachttijden?\n\n"
      "De posten openen extra balies en het mobiele vulstation reist vaker." +
      paragraph +
      "Wat kost een paspoort?\n\n"
      "Een paspoort kost in 2026 voor een volwassene € 157,75." +
      paragraph + "De minister van Buitenlandse Zaken,\n\nJ. de Vries\n";
  ParsedDocument doc = MustParse(text);
  EXPECT_EQ(doc.document.kind, DocumentKind::kLetter);
  ASSERT_GE(doc.passages.size(), 3u);
  EXPECT_TRUE(doc.passages[0].question.empty());
}

}  // namespace
}  // namespace loket::knowledge

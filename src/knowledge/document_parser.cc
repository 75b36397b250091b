#include "knowledge/document_parser.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <tuple>

#include "core/strings.h"
#include "knowledge/dutch_dates.h"
#include "knowledge/pdf_text.h"
#include "knowledge/question_labels.h"
#include "knowledge/report_answers.h"

namespace loket::knowledge {
namespace {

using std::regex;
using std::regex_constants::icase;

// A question's number in a pattern: "3", "2a" (a further question after
// question 2), "VVD-1", "GL-PvdA-4" or "PVV 2" (a party's own numbering),
// "2.14" (a chapter's own numbering; never "1.264", a number in
// thousands). ReadNumber checks what it matched.
const std::string& NumberPattern() {
  static const std::string pattern =
      "(?:[0-9]{1,2}\\.[0-9]{1,2}(?![0-9])|"
      "(?:[0-9]*[A-Z][A-Za-z0-9]*(?:-[0-9]*[A-Z][A-Za-z0-9]*)*[- ])?[0-9]{1,3})[a-z]?";
  return pattern;
}

// Further questions named with the first: ", 4 en 5" in "3, 4 en 5",
// " t/m 2c" in "2a t/m 2c".
const std::string& MoreNumbersPattern() {
  static const std::string pattern = "(?:\\s*(?:,|en|t/m|tot en met)\\s*" + NumberPattern() + ")*";
  return pattern;
}

// "Antwoord", "Antwoord:", "Antwoord 3", "Antwoord op vraag 3:", "3. Antwoord:",
// "Antwoord van de minister:", each optionally followed by the answer's
// first words.
const regex& AnswerMarker() {
  static const regex re("^(?:(" + NumberPattern() +
                            ")[.)]?\\s*)?Antwoord(?:\\s+(?:op\\s+)?(?:(?:vraag|vragen)\\s+)?(" +
                            NumberPattern() + ")" + MoreNumbersPattern() +
                            ")?(?:\\s+van\\s+(?:de|het)\\s+[^:]{1,60})?\\s*(?:[:.–-]\\s*(.*))?$",
                        icase);
  return re;
}

// "Reactie van de minister:", as reports of written consultations introduce
// an answer.
const regex& ReactionMarker() {
  static const regex re(
      "^Reactie (?:van )?(?:de |het )?(?:minister|staatssecretaris|kabinet|regering|bewindspersoon)"
      "[^:.]{0,60}[:.]?\\s*(.*)$",
      icase);
  return re;
}

const regex& VraagMarker() {
  static const regex re("^Vra(?:ag|gen)\\s+(?:nr\\.?\\s*)?(" + NumberPattern() +
                            MoreNumbersPattern() + ")\\s*[.:)]?\\s*(.*)$",
                        icase);
  return re;
}

// "3", "2a. Klopt het …", "VVD-1: De leden …".
const regex& NumberedLine() {
  static const regex re("^(" + NumberPattern() + ")[.):]?(?:\\s+(\\S.*))?$");
  return re;
}

// Page references in the margin of a question: after its question mark
// ("…bijstand? 12"), two page numbers ending a line ("… bij een 12 12"; a
// year in the sentence is no page: "… in 2025      23") or one set far
// apart in its column ("… hoger       29"), either after the annex they
// are in ("… kort verblijf   Bijlage 2   7   7", or the annex's number
// alone in its column: "… aan de      2      61      62").
const regex& TrailingReferences() {
  static const regex re(
      "(?:([?.])(?:\\s{2,}Bijlage\\s+[0-9A-Z]{1,3})?"
      "\\s+[0-9]{1,4}(?:\\s*(?:–|-)?\\s*[0-9]{1,4}){0,3}|"
      "(?:\\s{2,}Bijlage\\s+[0-9A-Z]{1,3}|\\s{3,}[0-9]{1,2})?"
      "(?:\\s{2,}[0-9]{1,4}\\s+[0-9]{1,4}|\\s[0-9]{1,3}\\s+[0-9]{1,4}|\\s{3,}[0-9]{1,4}))$");
  return re;
}

// The end of the questions: a new part ("II Volledige agenda"), an annex,
// the signature.
const regex& EndOfQuestions() {
  static const regex re(
      "^((I|II|III|IV|V|VI|VII|VIII|IX|X)\\.? +[A-Z][^.]{0,60}|Bijlagen?( [0-9A-Z]{1,3})?:?( "
      ".{0,60})?|"
      "De (Minister|Staatssecretaris|Minister-President) (van|voor) [^.]{0,80},)$");
  return re;
}

// Paragraphs that open a party's questions in a report.
const regex& QuestionIntro() {
  static const regex re(
      "^.{0,60}\\b(leden van de|fractie|fractieleden|Deze leden|De leden|Vragen en opmerkingen)",
      icase);
  return re;
}

// The addressee of a letter to parliament: "Aan de Voorzitter van de
// Tweede Kamer …", or, on the ministries' template, "De Voorzitter van de
// Tweede Kamer der Staten-Generaal".
constexpr char kAddressee[] =
    "(Aan de (Voorzitter|leden)\\b|De Voorzitter van de (Tweede|Eerste) Kamer\\b)";

const regex& Addressee() {
  static const regex re(std::string("^") + kAddressee);
  return re;
}

// The letterhead: addressee (with the rest of its address: "Staten-Generaal",
// "Postbus 20061", "2500 EB Den Haag"), place and date.
const regex& Letterhead() {
  static const regex re(
      std::string("^(") + kAddressee +
      ".*|(der )?Staten-Generaal\\b.*|(Postbus|Binnenhof) [0-9]+.*|[0-9]{4} ?[A-Z]{2} .*|"
      "(Den Haag|'s-Gravenhage|Datum|Onderwerp|Ons kenmerk|Uw kenmerk|Bijlage\\(n\\)|"
      "Betreft|Ontvangen|Vastgesteld)[,:]? .*|>? ?Retouradres\\b.*|"
      "(Geachte|Hooggeachte) .{1,60},|Hoogachtend,?|Met (vriendelijke|hoogachtende) groet,?|"
      // The template's sidebar, where the extraction printed it apart from
      // the text: its labels and their values on lines of their own.
      "(Onze|Uw) referentie|(Ons|Uw) kenmerk|Kenmerk|Bijlagen?(\\(n\\))?|Datum|Betreft|"
      "www\\.[a-z.]+|[A-Z]{0,8}[0-9]{6,}|20[0-9]{2}Z[0-9]{5}|Nederland|"
      "Directie [^.]{3,60}( – [^.]{3,60})?|Rijnstraat [0-9]+.*)$");
  return re;
}

bool HasAddressee(const std::vector<Line>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const Line& l) { return std::regex_search(l.text, Addressee()); });
}

// A paper's signature: the minister's, or that of the committee's chair
// and clerk under a report ("De voorzitter van de commissie,").
const regex& Signature() {
  static const regex re(
      "^De (Minister|Staatssecretaris|Minister-President) (van|voor) [^.\\n]{0,80},|"
      "^De (vice-)?voorzitter van de (vaste |algemene )?commissie[^.\\n]{0,60},|"
      "^De (adjunct-|waarnemend |plaatsvervangend )?griffier van de (vaste |algemene )?"
      "commissie[^.\\n]{0,60},",
      icase);
  return re;
}

const regex& PartyHeading() {
  static const regex re("(vragen|opmerkingen|fractie|leden)", icase);
  return re;
}

// The paragraphs of a report around its questions that ask nothing: the
// members "have read", "have no questions", and the committee's preamble
// ("… heeft vragen voorgelegd", its chair and clerk).
const regex& Kennisgenomen() {
  static const regex re(
      "kennis ?genomen|hebben de volgende vragen|hebben hierover|hebben geen (verdere |nadere )?"
      "vragen|voorgelegd|(voorzitter|griffier) van de commissie",
      icase);
  return re;
}

// A running footer's paper: "Tweede Kamer, vergaderjaar 2021–2022, 35 925 V,
// nr. 84  2"; the Eerste Kamer letters its papers ("…, 36 471, C  2").
const regex& ReferencePattern() {
  static const regex re(
      "^(Tweede|Eerste) Kamer.*vergaderjaar ([0-9]{4}) ?(?:–|-|—) ?[0-9]{2}([0-9]{2}),? (.+?),? "
      "(?:nr\\. ?([0-9]+)|([A-Z]{1,2}))(?: [0-9]+)?$");
  return re;
}

const regex& HandelingenReference() {
  static const regex re(
      "Aanhangsel (?:van de )?Handelingen (I|II),? (?:vergaderjaar "
      ")?([0-9]{4}(?:/[0-9]{2,4}|(?:–|-)[0-9]{4})),? "
      "nr\\. ?([0-9]+)");
  return re;
}

// A plenary debate's record as CleanPdfText names it from the page footer.
const regex& HandelingenRecord() {
  static const regex re(
      "^(Handelingen I{1,2}(?: [0-9]{4}/[0-9]{2})?, nr\\. [0-9]+, item [0-9]+)"
      "(, ([0-9]{1,2}) ([a-z]+) ([0-9]{4}))?$");
  return re;
}

// The number parliament gives written questions: "2023Z04512", on a line
// of its own or, in their answers, named as their "kenmerk" ("met kenmerk
// 2023Z04512").
const regex& QuestionsKenmerk() {
  static const regex re("(?:^|\\n)\\s*(20[0-9]{2}Z[0-9]{5})\\s*(?:\\n|$)");
  return re;
}
const regex& NamedQuestionsKenmerk() {
  static const regex re("\\bkenmerk:?\\s+(20[0-9]{2}Z[0-9]{5})\\b");
  return re;
}

// The heading over what a member or members asked in a debate: "Vragen
// van het lid Jansen (D66)".
const regex& MembersHeading() {
  static const regex re("^Vragen (en opmerkingen )?van (het lid|de leden) [^.?:]{1,100}\\)$",
                        icase);
  return re;
}

const regex& AskedBy() {
  static const regex re("^Vragen van (het lid|de leden) .{10,400}");
  return re;
}

// When answers to written questions were received: "Antwoord van minister
// … (Buitenlandse Zaken) (ontvangen 19 februari 2025)". A notice that they
// come later ("Mededeling van minister … (ontvangen 30 januari 2025)") is
// no answer.
const regex& AnswerDate() {
  static const regex re(
      "(?:Antwoord(?:[^()]|\\([^()]{0,80}\\)){0,160}\\()?(ontvangen)\\s+" + DatePhrase(),
      icase);
  return re;
}

const regex& DatePattern() {
  static const regex re(
      "(Den Haag|'s-Gravenhage|Vastgesteld|Ontvangen|Datum|Gedateerd)[,:]?(?:[ \\t]+|[ \\t]*\\n[ "
      "\\t]*)" +
          DatePhrase(),
      icase);
  return re;
}

const regex& TitlePattern() {
  static const regex re(
      "(Lijst van vragen en antwoorden.*|Verslag van een (schriftelijk|notaoverleg|"
      "wetgevingsoverleg|commissiedebat|algemeen overleg).*|(Schriftelijke )?Antwoorden? op "
      "(schriftelijke |feitelijke |Kamer)?vragen.*|"
      "Beantwoording (van )?(schriftelijke |feitelijke |Kamer)?vragen.*|Vragen en antwoorden.*|"
      "Vragen gesteld door de leden der Kamer.*|Nota naar aanleiding van het (nader )?verslag.*|"
      "(Nadere )?[Mm]emorie van antwoord.*|^Kamerbrief (over|met|inzake|bij) .*)$",
      icase);
  return re;
}

// A question's number: "3", "2a", "VVD-1", "2.14".
struct QuestionNumber {
  std::string party;  // "VVD", "GL-PvdA", or a chapter ("2."); empty where all questions
                      // share one numbering
  int number = 0;
  int letter = 0;  // 1 for the "a" of "2a", 2 for "b"; 0 for none
  bool operator==(const QuestionNumber&) const = default;
};

// A party's name before its own numbering: each part ("GL", "PvdA")
// starts with a capital, after digits ("D66", "50PLUS"). Set apart by a
// space ("PVV 2") only a name of capitals counts ("VVD", "PvdD"), not a
// word ("Artikel 2").
bool IsPartyName(std::string_view name, bool spaced) {
  for (std::string_view part : Split(name, '-')) {
    size_t digits = part.find_first_not_of("0123456789");
    if (digits == std::string_view::npos ||
        !std::isupper(static_cast<unsigned char>(part[digits]))) {
      return false;
    }
    auto capitals = std::count_if(part.begin(), part.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) ||
             std::isdigit(static_cast<unsigned char>(c));
    });
    if (spaced && capitals < 2) return false;
  }
  return true;
}

// One number as printed ("2a", "VVD-1", "PVV 2", "2.14"); nothing for
// other text.
std::optional<QuestionNumber> ReadNumber(const std::string& printed) {
  static const regex re(
      "^(?:([0-9A-Za-z-]+?)([- ])|([0-9]{1,2}\\.)(?=[0-9]{1,2}[a-z]?$))?([0-9]{1,3})([a-z]?)$");
  std::smatch m;
  if (!std::regex_match(printed, m, re)) return std::nullopt;
  QuestionNumber n{m[3].matched ? m[3].str() : m[1].str(), std::stoi(m[4].str()),
                   m[5].length() ? m[5].str()[0] - 'a' + 1 : 0};
  if (m[1].matched && !IsPartyName(n.party, m[2].str() == " ")) return std::nullopt;
  return n;
}

// A number as a numbering prints it: "3", "2a", "VVD-1", "2.14".
std::string Printed(const QuestionNumber& n) {
  std::string out = n.party;
  if (!out.empty() && out.back() != '.') out += '-';
  out += std::to_string(n.number);
  if (n.letter > 0) out += static_cast<char>('a' + n.letter - 1);
  return out;
}

// The first and the last question a label names: "3" and "4" in "3 en 4".
std::optional<QuestionNumber> FirstNumber(const std::string& label) {
  static const regex re("^" + NumberPattern());
  std::smatch m;
  if (!std::regex_search(label, m, re)) return std::nullopt;
  return ReadNumber(m[0].str());
}

std::optional<QuestionNumber> LastNumber(const std::string& label) {
  static const regex re(NumberPattern() + "$");
  std::smatch m;
  if (!std::regex_search(label, m, re)) return std::nullopt;
  return ReadNumber(m[0].str());
}

// How many places `next` comes after `previous` in one numbering: 1 for
// the next question ("2" or "2a" after "1", "2a" after "2", "2b" after
// "2a", "3" after "2b"), more when questions were skipped; 0 when it does
// not come after it.
int Step(const QuestionNumber& previous, const QuestionNumber& next) {
  if (next.number < previous.number) return 0;
  if (next.number == previous.number) return std::max(0, next.letter - previous.letter);
  return next.number - previous.number + std::max(0, next.letter - 1);
}

// Where the numbering of a document's questions stands: the last question
// of the shared numbering and of each party's own ("VVD-2").
class Numbering {
 public:
  // The Step from the last question of `n`'s numbering. A party's own
  // numbering starts at its first question ("D66-1"); the shared one may
  // skip its first ones.
  int StepTo(const QuestionNumber& n) const {
    auto last = last_.find(n.party);
    if (last != last_.end()) return Step(last->second, n);
    if (n.party.empty()) return Step(QuestionNumber{}, n);
    return n.number == 1 && n.letter <= 1 ? 1 : 0;
  }
  void Take(const QuestionNumber& n) { last_[n.party] = n; }

 private:
  std::map<std::string, QuestionNumber> last_;
};

// Questions skipped by the layout may stand up to this many places apart.
constexpr int kMaxStep = 4;

// The match refers into `text`, which must outlive it.
bool IsAnswerMarker(const std::string& text, std::smatch* m = nullptr) {
  std::smatch local;
  return std::regex_match(text, m ? *m : local, AnswerMarker());
}

bool IsReactionMarker(const std::string& text, std::smatch* m = nullptr) {
  std::smatch local;
  return std::regex_match(text, m ? *m : local, ReactionMarker());
}

// The question's line without the page references around it: in the
// margin after it, or right after its label ("Vraag 12 (blz. 34) Hoeveel …").
std::string CleanQuestionLine(std::string text) {
  static const regex leading_page(
      "^\\((?:blz|bladzijde|pag|pagina|p)\\.? ?[0-9]{1,4}(?:[-–][0-9]{1,4})?\\) +");
  return std::regex_replace(std::regex_replace(text, leading_page, ""), TrailingReferences(), "$1");
}

// A table's or a figure's caption ("Tabel 1. Aanvragen per regio"): it
// goes with its table, and heads nothing after it.
bool IsCaption(std::string_view p) {
  static const regex caption("^(Tabel|Figuur|Grafiek|Overzicht) [0-9]+[.:]?( .*)?$");
  return std::regex_match(p.begin(), p.end(), caption);
}

bool IsHeadingLike(std::string_view p) {
  if (p.empty() || p.size() > 140 || EndsSentence(p) || p.find('\n') != std::string_view::npos) {
    return false;
  }
  // A list's item and a row of figures head nothing.
  if (p.rfind("– ", 0) == 0 || IsFigureRow(p)) return false;
  // Who chaired and clerked a debate ("Voorzitter: Wijnberg") heads nothing.
  static const regex staff("^(Voorzitter|Griffier|Ondervoorzitter): .*");
  if (std::regex_match(p.begin(), p.end(), staff)) return false;
  if (WordCount(p) > 16) return false;
  return StartsUpper(p) || std::isdigit(static_cast<unsigned char>(p[0]));
}

struct Candidate {
  size_t line = 0;
  QuestionNumber number;  // the first question the label names
  std::string rest;       // the question's first words on the marker line
  std::string label;      // the number as printed: "3", "2a", "VVD-1", or "3 en 4" for questions
                          // answered together
};

// A blank line that ends a block of text: not a page break inside a
// sentence ("… als het land niet is aan-" / footer / "gesloten bij …").
bool EndsBlock(const std::vector<Line>& lines, size_t i) {
  if (!lines[i].text.empty()) return false;
  const bool page_break = i + 1 < lines.size() && lines[i + 1].page_start;
  return !page_break || i == 0 || EndsSentence(lines[i - 1].text);
}

// A numbered section heading ("1. Inleiding", a line of its own that asks
// nothing), as a report or a reply to one has them. A question's first
// line at the foot of a page is none: the next page goes on with its
// sentence in lower case.
bool IsSectionHeading(const std::vector<Line>& lines, size_t i, const std::string& rest) {
  // Past the page's number where the page broke ("8. Klopt het dat … voor" /
  // "2" / "een paspoort dan …").
  auto next = std::find_if(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, lines.end(),
                           [](const Line& l) { return !l.text.empty() && !l.number_only; });
  // On a line of its own; or, in a copy without blank lines, right above
  // the members' questions it heads ("1. Detentieomstandigheden" / "De
  // leden van de fractie van GroenLinks-PvdA vragen …").
  bool own_line = i + 1 == lines.size() || lines[i + 1].text.empty() ||
                  (next != lines.end() && MembersAsk(next->text));
  bool continued = next != lines.end() && StartsLower(next->text);
  return own_line && !continued && IsHeadingLike(CleanQuestionLine(rest));
}

// A section's number and the text after it: "2.3" and "Visa" in "2.3
// Visa", "1." in "1. Inleiding".
const regex& NumberedText() {
  static const regex re("^([0-9]{1,2}(?:\\.[0-9]{1,2})*\\.?) (\\S.*)$");
  return re;
}

// A numbered section's heading ("1. Detentieomstandigheden en consulaire
// bijstand", "2.3 Visa"): a line of few words with its number.
bool IsNumberedHeading(const std::string& p) {
  return IsHeadingLike(p) && std::regex_match(p, NumberedText());
}

bool StartsQuestionText(const std::string& rest) {
  return StartsUpper(rest) || rest.rfind("«", 0) == 0 || rest[0] == '"' ||
         rest.rfind("‘", 0) == 0 || rest.rfind("“", 0) == 0 || rest[0] == '(';
}

// A line that may open a question: "Vraag 3", "3" alone, "3. Hoeveel …",
// "2a", "VVD-1 De leden …".
std::optional<Candidate> QuestionCandidate(const std::vector<Line>& lines, size_t i) {
  const std::string& t = lines[i].text;
  if (t.empty() || IsAnswerMarker(t)) return std::nullopt;
  std::smatch m;
  if (std::regex_match(t, m, VraagMarker())) {
    std::string label = std::regex_replace(m[1].str(), std::regex("\\s+"), " ");
    std::optional<QuestionNumber> n = FirstNumber(label);
    if (!n) return std::nullopt;
    return Candidate{i, *n, m[2].str(), label};
  }
  if (!std::regex_match(t, m, NumberedLine())) return std::nullopt;
  std::optional<QuestionNumber> n = ReadNumber(m[1].str());
  if (!n) return std::nullopt;
  Candidate c{i, *n, m[2].matched ? m[2].str() : "", m[1].str()};
  if (!c.rest.empty()) {
    // The question starts with a capital or a quote, or with its first
    // lettered part ("2 a) Hoeveel … b) Welk …").
    static const regex lettered("^[a-z][).] +(\\S.*)$");
    std::smatch part;
    const bool starts = StartsQuestionText(c.rest) || (std::regex_match(c.rest, part, lettered) &&
                                                       StartsQuestionText(part[1].str()));
    if (!starts || IsSectionHeading(lines, i, c.rest)) return std::nullopt;
    return c;
  }
  // The number alone: the question follows on the next line of text, past
  // a page's number ("36" / "8" / "Hoeveel …" where the page broke).
  constexpr size_t kMaxNumbersBetween = 1;
  size_t numbers = 0;
  for (size_t j = i + 1; j < lines.size() && numbers <= kMaxNumbersBetween; ++j) {
    if (lines[j].text.empty()) continue;
    if (lines[j].number_only) {
      ++numbers;
      continue;
    }
    if (IsAnswerMarker(lines[j].text) || !StartsUpper(lines[j].text)) return std::nullopt;
    return c;
  }
  return std::nullopt;
}

// The paragraphs of lines [from, to), with `first` (the rest of a marker
// line) in front.
std::vector<std::string> ParagraphsOf(const std::vector<Line>& lines, size_t from, size_t to,
                                      const std::string& first = {}, bool question = false) {
  std::vector<Line> part;
  if (!Trim(first).empty()) {
    std::string text(Trim(first));
    part.push_back(Line{question ? CleanQuestionLine(text) : text});
  }
  for (size_t i = from; i < to && i < lines.size(); ++i) {
    Line l = lines[i];
    if (question) l.text = CleanQuestionLine(l.text);
    part.push_back(std::move(l));
  }
  return JoinParagraphs(part);
}

bool IsQuestionStart(const std::string& p) {
  if (std::regex_search(p, QuestionIntro())) return true;
  if (p.find('?') != std::string::npos) return true;
  if (IsHeadingLike(p) && std::regex_search(p, PartyHeading())) return true;
  return std::regex_match(p, EndOfQuestions());
}

// The explanation that written questions may close with, set apart from
// the last answer: "Toelichting:" and "Deze vragen dienen ter aanvulling op
// eerdere vragen …", on its line or the next.
bool IsQuestionsExplanation(const std::vector<Line>& lines, size_t i) {
  static const regex label("^Toelichting:?\\s*(.*)$", icase);
  static const regex explanation("^Deze vragen\\b.*", icase);
  std::smatch m;
  if (!std::regex_match(lines[i].text, m, label)) return false;
  if (m[1].length() > 0) return std::regex_match(m[1].str(), explanation);
  for (size_t j = i + 1; j < lines.size(); ++j) {
    if (!lines[j].text.empty()) return std::regex_match(lines[j].text, explanation);
  }
  return false;
}

// Index of the first line at or after `from` that ends the questions part.
size_t EndOfQuestionsLine(const std::vector<Line>& lines, size_t from) {
  for (size_t i = from; i < lines.size(); ++i) {
    if (std::regex_match(lines[i].text, EndOfQuestions()) || IsQuestionsExplanation(lines, i)) {
      return i;
    }
  }
  return lines.size();
}

std::string JoinText(const std::vector<std::string>& paragraphs, size_t from, size_t to) {
  std::vector<std::string> part(paragraphs.begin() + static_cast<long>(from),
                                paragraphs.begin() + static_cast<long>(to));
  return Join(part, "\n\n");
}

// The paragraphs of a question block in a report without the part
// headings and the generic "the members have read …" openings; the party's
// heading among them goes to `heading`.
std::vector<std::string> WithoutIntroductions(const std::vector<std::string>& paragraphs,
                                              std::string& heading) {
  std::vector<std::string> kept;
  for (const auto& p : paragraphs) {
    if (IsHeadingLike(p)) {
      if (std::regex_search(p, PartyHeading()) || IsNumberedHeading(p)) heading = p;
      continue;
    }
    // An introduction says nothing the answer answers, unless it asks too
    // ("… hebben kennisgenomen van …. Deze leden vragen welke …").
    if (std::regex_search(p, Kennisgenomen()) && p.find('?') == std::string::npos &&
        !MembersAsk(p)) {
      continue;
    }
    kept.push_back(p);
  }
  return kept;
}

// A question block in a report, keeping the heading for the article. An
// opening that asks in so many words ("De leden … hebben kennisgenomen van
// … Zij vragen de minister hoeveel …") is the question, without headings.
std::string QuestionText(const std::vector<std::string>& paragraphs, std::string& heading) {
  std::vector<std::string> kept = WithoutIntroductions(paragraphs, heading);
  if (kept.empty()) {
    std::copy_if(paragraphs.begin(), paragraphs.end(), std::back_inserter(kept),
                 [](const std::string& p) { return !IsHeadingLike(p); });
  }
  return Join(kept.empty() ? paragraphs : kept, "\n\n");
}

// A heading over a party's questions ("Vragen en opmerkingen van de leden
// van de D66-fractie", "Vragen van het lid Jansen (D66)"). Stricter than
// PartyHeading: after an answer, a heading that names no party may still
// belong to the answer, and "Vragen gesteld door de leden der Kamer" heads
// answers to written questions.
bool OpensPartyBlock(const std::string& p) {
  static const regex re("fractie", icase);
  return IsHeadingLike(p) && (std::regex_search(p, re) || std::regex_match(p, MembersHeading()));
}

// The block of a party's questions that opens among `paragraphs` (at its
// heading, at `from` or after) and goes on up to its first question: it
// leaves `paragraphs`, its heading goes to `heading`, and what it says
// before that question, other than its introduction, is returned.
std::string TakePartyOpening(std::vector<std::string>& paragraphs, size_t from,
                             std::string& heading) {
  auto start = std::find_if(
      paragraphs.begin() + static_cast<std::ptrdiff_t>(std::min(from, paragraphs.size())),
      paragraphs.end(), OpensPartyBlock);
  if (start == paragraphs.end()) return "";
  std::vector<std::string> opening(start, paragraphs.end());
  paragraphs.erase(start, paragraphs.end());
  return Join(WithoutIntroductions(opening, heading), "\n\n");
}

// Where the first question starts among the paragraphs before the first
// answer: at the last heading of a party's questions (a report whose reply
// repeats the questions prints them twice, the first time without
// answers), else at the first paragraph that opens a question; titles,
// tables of contents and introductions go.
size_t FirstQuestionStart(const std::vector<std::string>& paragraphs) {
  auto party = std::find_if(paragraphs.rbegin(), paragraphs.rend(), OpensPartyBlock);
  if (party != paragraphs.rend()) return static_cast<size_t>(paragraphs.rend() - party - 1);
  auto first = std::find_if(paragraphs.begin(), paragraphs.end(), IsQuestionStart);
  if (first != paragraphs.end()) return static_cast<size_t>(first - paragraphs.begin());
  return paragraphs.empty() ? 0 : paragraphs.size() - 1;
}

struct AnswerMark {
  size_t line = 0;
  std::optional<QuestionNumber> number;  // none when the marker has none
  std::string label;                     // the number as printed
  std::string rest;
};

std::vector<AnswerMark> FindAnswerMarkers(const std::vector<Line>& lines) {
  std::vector<AnswerMark> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (IsReactionMarker(lines[i].text, &m)) {
      out.push_back(AnswerMark{i, std::nullopt, "", m[1].str()});
      continue;
    }
    if (!IsAnswerMarker(lines[i].text, &m)) continue;
    AnswerMark a{i, std::nullopt, "", m[3].matched ? m[3].str() : ""};
    // "3. Antwoord", "Antwoord 3", "Antwoord op vragen 3 en 4".
    for (int group : {1, 2}) {
      if (!m[group].matched) continue;
      a.number = ReadNumber(m[group].str());
      a.label = a.number ? m[group].str() : "";
    }
    out.push_back(std::move(a));
  }
  return out;
}

// Numbered answers after each question ("N. Antwoord:"), the questions
// unnumbered before them.
std::vector<ParsedPassage> ParseNumberedAnswers(const std::vector<Line>& lines,
                                                const std::vector<AnswerMark>& marks) {
  std::vector<ParsedPassage> out;
  std::string heading;
  size_t end = EndOfQuestionsLine(lines, marks.back().line + 1);
  std::vector<std::string> previous_answer;
  for (size_t k = 0; k <= marks.size(); ++k) {
    size_t from = k == 0 ? 0 : marks[k - 1].line + 1;
    size_t to = k < marks.size() ? marks[k].line : end;
    std::vector<std::string> paragraphs =
        ParagraphsOf(lines, from, to, k == 0 ? "" : marks[k - 1].rest);
    if (k == marks.size()) {
      if (!out.empty()) out.back().text = Join(paragraphs, "\n\n");
      break;
    }
    // The text between two markers is the previous answer, then the next
    // question: it starts at the first paragraph that opens a question.
    size_t split = 0;
    if (k > 0) {
      split = paragraphs.size();
      // "Zie het antwoord op vraag 2." is the whole answer.
      bool see_other = !paragraphs.empty() && !ReferredQuestionNumbers(paragraphs[0]).empty();
      for (size_t i = 1; i < paragraphs.size(); ++i) {
        if (see_other || IsQuestionStart(paragraphs[i])) {
          split = i;
          break;
        }
      }
      if (split == paragraphs.size() && paragraphs.size() > 1) split = paragraphs.size() - 1;
    } else {
      split = FirstQuestionStart(paragraphs);
    }
    // A numbered section's heading right above the question heads it.
    if (split > 0 && split < paragraphs.size() && IsNumberedHeading(paragraphs[split - 1])) {
      --split;
    }
    if (k > 0) out.back().text = JoinText(paragraphs, 0, split);
    ParsedPassage p;
    p.number = marks[k].number ? marks[k].label : std::to_string(k + 1);
    std::vector<std::string> q(paragraphs.begin() + static_cast<long>(split), paragraphs.end());
    p.question = QuestionText(q, heading);
    p.heading = heading;
    // Questions numbered anew under each party's heading ("1. De leden van
    // de NSC-fractie vragen …", after the party's opening words or not):
    // the party's numbering, "NSC-1".
    static const regex printed("(^|\\n)([0-9]{1,3})\\. +(?=\\S)");
    static const regex party("van de (\\S+)-fractie$");
    std::smatch n, of;
    if (std::regex_search(p.question, n, printed) && std::regex_search(heading, of, party)) {
      p.number = of[1].str() + "-" + n[2].str();
      p.question.erase(static_cast<size_t>(n.position(2)),
                       static_cast<size_t>(n.length(0) - n.length(1)));
    }
    out.push_back(std::move(p));
  }
  return out;
}

// A label for questions answered together: "3" and "4" make "3 en 4",
// then "3, 4 en 5".
std::string WithNumber(const std::string& label, const std::string& number) {
  size_t en = label.rfind(" en ");
  if (en == std::string::npos) return label + " en " + number;
  return label.substr(0, en) + ", " + label.substr(en + 4) + " en " + number;
}

// The lines [from, to) of a question that further questions share an
// answer with ("Vraag 3", "Vraag 4", "Antwoord 3 en 4"): the labels of
// those questions, numbered on after `first` and accepted by `takes`, are
// taken out (each question then opens a paragraph) and added to `label`.
std::vector<Line> JointQuestionLines(
    const std::vector<Line>& lines, size_t from, size_t to, const QuestionNumber& first,
    const std::function<bool(const Candidate&, const Line&)>& takes, std::string& label) {
  std::vector<Line> out(lines.begin() + static_cast<std::ptrdiff_t>(from),
                        lines.begin() + static_cast<std::ptrdiff_t>(to));
  Numbering numbering;
  numbering.Take(first);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = QuestionCandidate(out, i);
    if (!c || numbering.StepTo(c->number) != 1 || !takes(*c, out[i])) continue;
    label = WithNumber(label, c->label);
    out[i].text = c->rest;
    out[i].number_only = false;
    numbering.Take(c->number);
  }
  return out;
}

// A report that prints all questions first (part I, by party) and all
// answers after them (part II, "Antwoord op vraag 3"): questions and
// answers are paired by their numbers. Nothing when the text is not laid
// out so.
std::vector<ParsedPassage> ParseQuestionsThenAnswers(const std::vector<Line>& lines,
                                                     const std::vector<AnswerMark>& marks,
                                                     size_t questions_end = std::string::npos) {
  // The questions end at the part heading above the first answer.
  if (questions_end == std::string::npos) {
    questions_end = marks.front().line;
    for (size_t i = questions_end; i-- > 0;) {
      if (lines[i].text.empty()) continue;
      if (std::regex_match(lines[i].text, EndOfQuestions())) questions_end = i;
      break;
    }
  }
  std::vector<Candidate> questions;  // found in sequence
  Numbering numbering;
  for (size_t i = 0; i < questions_end; ++i) {
    auto c = QuestionCandidate(lines, i);
    if (c && numbering.StepTo(c->number) == 1) {
      questions.push_back(*c);
      numbering.Take(c->number);
    }
  }
  // The question each answer names, in the order of the questions.
  std::vector<size_t> answered;
  for (const auto& a : marks) {
    auto q = std::find_if(questions.begin(), questions.end(),
                          [&](const Candidate& c) { return a.number && c.number == *a.number; });
    size_t index = static_cast<size_t>(q - questions.begin());
    if (q == questions.end() || (!answered.empty() && index <= answered.back())) return {};
    answered.push_back(index);
  }
  std::vector<ParsedPassage> out;
  const size_t end = EndOfQuestionsLine(lines, marks.back().line + 1);
  for (size_t k = 0; k < marks.size(); ++k) {
    const AnswerMark& a = marks[k];
    const Candidate& q = questions[answered[k]];
    // Questions without an answer of their own share this one ("Antwoord
    // op vraag 3" answering 3 and 4).
    auto shared = questions.begin() + static_cast<std::ptrdiff_t>(answered[k] + 1);
    auto next = k + 1 < marks.size()
                    ? questions.begin() + static_cast<std::ptrdiff_t>(answered[k + 1])
                    : questions.end();
    size_t q_end = next == questions.end() ? questions_end : next->line;
    ParsedPassage p;
    p.number = q.label;
    // The party whose question it is: the last heading (a line of its own)
    // above it.
    for (size_t i = q.line; i-- > 0;) {
      bool alone = (i == 0 || lines[i - 1].text.empty()) && lines[i + 1].text.empty();
      if (alone && IsHeadingLike(lines[i].text) &&
          std::regex_search(lines[i].text, PartyHeading())) {
        p.heading = lines[i].text;
        break;
      }
    }
    std::string ignored;
    std::vector<Line> asked = JointQuestionLines(
        lines, q.line + 1, q_end, q.number,
        [&](const Candidate& c, const Line&) {
          return std::any_of(shared, next,
                             [&](const Candidate& s) { return s.number == c.number; });
        },
        p.number);
    p.question = QuestionText(ParagraphsOf(asked, 0, asked.size(), q.rest, true), ignored);
    size_t a_end = k + 1 < marks.size() ? marks[k + 1].line : end;
    std::vector<std::string> answer = ParagraphsOf(lines, a.line + 1, a_end, a.rest);
    // The next party's heading above the next answer is no part of this one.
    while (answer.size() > 1 && IsHeadingLike(answer.back()) &&
           std::regex_search(answer.back(), PartyHeading())) {
      answer.pop_back();
    }
    p.text = Join(answer, "\n\n");
    out.push_back(std::move(p));
  }
  return out;
}

// Numbered questions, each followed by its answer, with or without an
// "Antwoord" line between them.
std::vector<ParsedPassage> ParseNumberedQuestions(const std::vector<Line>& lines,
                                                  const std::vector<Candidate>& questions,
                                                  const std::vector<AnswerMark>& marks) {
  std::vector<ParsedPassage> out;
  size_t end = EndOfQuestionsLine(lines, questions.back().line + 1);
  std::string heading;
  std::vector<std::string> before = ParagraphsOf(lines, 0, questions.front().line);
  std::string opening = TakePartyOpening(before, 0, heading);
  // A chapter's heading right above the first question heads it, as the
  // next chapters' headings head theirs.
  static const regex chapter("^Hoofdstuk [0-9IVX]{1,4}\\b.*");
  if (opening.empty() && !before.empty() && IsHeadingLike(before.back()) &&
      std::regex_match(before.back(), chapter)) {
    heading = before.back();
  }
  for (size_t k = 0; k < questions.size(); ++k) {
    const Candidate& q = questions[k];
    size_t next = k + 1 < questions.size() ? questions[k + 1].line : end;
    const AnswerMark* mark = nullptr;
    for (const auto& a : marks) {
      if (a.line > q.line && a.line < next) {
        mark = &a;
        break;
      }
    }
    ParsedPassage p;
    p.number = q.label;
    std::vector<std::string> question, answer;
    if (mark) {
      // Further questions answered together with this one: one passage,
      // its label naming them all. A bare number counts only when the
      // answer's line names it too.
      // "Antwoord op vragen 4 tot en met 6" names 5 too.
      static const regex kNamed(
          "[0-9]{1,3}[a-z]?(?:\\s*(?:,|en|t/m|tot en met)\\s*[0-9]{1,3}[a-z]?)*");
      std::vector<std::string> named;
      const std::string& answer_line = lines[mark->line].text;
      for (std::sregex_iterator it(answer_line.begin(), answer_line.end(), kNamed), none;
           it != none; ++it) {
        for (std::string& n : LabelNumbers(it->str())) named.push_back(std::move(n));
      }
      std::vector<Line> asked = JointQuestionLines(
          lines, q.line + 1, mark->line, q.number,
          [&](const Candidate& c, const Line& l) {
            return std::regex_match(l.text, VraagMarker()) ||
                   std::find(named.begin(), named.end(), AsciiLower(c.label)) != named.end();
          },
          p.number);
      question = ParagraphsOf(asked, 0, asked.size(), q.rest, true);
      answer = ParagraphsOf(lines, mark->line + 1, next, mark->rest);
    } else {
      // Without a marker the question ends with the last line that asks
      // something in its first paragraph (or with that paragraph).
      size_t qend = q.line + 1;
      size_t first_blank = next;
      for (size_t i = q.line + 1; i < next; ++i) {
        if (i > q.line + 1 && EndsBlock(lines, i)) {
          first_blank = i;
          break;
        }
      }
      // A question mark inside a line counts too ("…afsprakenmodule? Graag
      // een" / "toelichting per regio."): the question ends with that sentence.
      bool asked = CleanQuestionLine(q.rest).find('?') != std::string::npos;
      for (size_t i = q.line + 1; i < first_blank; ++i) {
        if (CleanQuestionLine(lines[i].text).find('?') != std::string::npos) {
          qend = i + 1;
          asked = true;
        }
      }
      auto text_of = [&](size_t i) { return i == q.line ? q.rest : lines[i].text; };
      while (asked && qend < first_blank && !EndsSentence(CleanQuestionLine(text_of(qend - 1)))) {
        ++qend;
      }
      if (!asked) qend = first_blank;
      question = ParagraphsOf(lines, q.line + 1, qend, q.rest, true);
      answer = ParagraphsOf(lines, qend, next);
    }
    if (!opening.empty()) question.insert(question.begin(), opening);
    p.question = Join(question, "\n\n");
    p.heading = heading;
    // The next party's heading ends the answer.
    opening = TakePartyOpening(answer, 1, heading);
    // A section's heading between an answer and the next question
    // ("Postennetwerk en personeel") heads the questions after it.
    constexpr size_t kMaxHeadingWords = 8;
    if (opening.empty() && answer.size() >= 2 && k + 1 < questions.size() &&
        IsHeadingLike(answer.back()) && WordCount(answer.back()) <= kMaxHeadingWords &&
        !answer.back().ends_with(',') && !answer.back().starts_with("Bron")) {
      heading = answer.back();
      answer.pop_back();
    }
    p.text = Join(answer, "\n\n");
    out.push_back(std::move(p));
  }
  return out;
}

// Whether a question's number opens a block that asks something.
bool Asks(const std::vector<Line>& lines, const Candidate& c) {
  bool asks = c.rest.find('?') != std::string::npos;
  for (size_t j = c.line + 1; j < lines.size() && j <= c.line + 10 && !asks; ++j) {
    if (j > c.line + 1 && EndsBlock(lines, j)) break;
    asks = lines[j].text.find('?') != std::string::npos;
  }
  return asks;
}

// Whether a numbered block asks: a question, or members who ask in so
// many words ("5. Deze leden vragen welke mogelijkheden …").
bool MembersAskIn(const std::vector<Line>& lines, const Candidate& c) {
  if (Asks(lines, c)) return true;
  std::string block = c.rest;
  for (size_t j = c.line + 1; j < lines.size() && !EndsBlock(lines, j); ++j) {
    block += " " + lines[j].text;
  }
  return MembersAsk(block);
}

// An exchange of letters in one paper (an Eerste Kamer's verslag van een
// schriftelijk overleg): the committee's letter numbers its questions, the
// minister's reply answers them under the same numbers, without a label
// ("1. De leden … vragen …?" … "9. …?", then "1. Ja, dat kan ik
// bevestigen." … "9. …"). The second run of numbers, whose blocks mostly
// ask nothing, marks the answers. Nothing when the text is not laid out so.
std::vector<ParsedPassage> ParseQuestionsThenNumberedReplies(const std::vector<Line>& lines) {
  std::vector<Candidate> questions, replies;
  bool replying = false;  // past the questions' run, in the answers' own
  Numbering numbering;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto c = QuestionCandidate(lines, i);
    if (!c) continue;
    if (!replying && questions.size() >= 2 && c->number == questions.front().number) {
      replying = true;
      numbering = Numbering();
    }
    if (numbering.StepTo(c->number) != 1 || (!replying && !MembersAskIn(lines, *c))) continue;
    (replying ? replies : questions).push_back(*c);
    numbering.Take(c->number);
  }
  if (questions.size() < 2 || replies.size() != questions.size()) return {};
  const auto asking = std::count_if(replies.begin(), replies.end(),
                                    [&](const Candidate& c) { return Asks(lines, c); });
  if (static_cast<size_t>(asking) * 4 > replies.size()) return {};
  std::vector<AnswerMark> marks;
  for (const Candidate& c : replies) marks.push_back(AnswerMark{c.line, c.number, c.label, c.rest});
  // The last question ends with its block: the committee's closing words
  // and the minister's letter head follow it.
  size_t questions_end = questions.back().line + 1;
  while (questions_end < replies.front().line && !EndsBlock(lines, questions_end)) ++questions_end;
  return ParseQuestionsThenAnswers(lines, marks, questions_end);
}

// The question markers paired with answer markers: for each answer, the
// last candidate for the next number before it (a numbered list inside an
// answer comes before the real question's number, never after).
std::vector<Candidate> PairQuestions(const std::vector<Line>& lines,
                                     const std::vector<AnswerMark>& marks) {
  std::vector<Candidate> out;
  Numbering numbering;
  size_t from = 0;
  for (const auto& a : marks) {
    // The number expected next beats a skip ahead (a page number at the
    // top of a page inside the question).
    std::optional<Candidate> best, skip;
    for (size_t i = from; i < a.line; ++i) {
      auto c = QuestionCandidate(lines, i);
      if (!c) continue;
      int step = numbering.StepTo(c->number);
      if (a.number ? c->number == *a.number : step == 1) {
        best = c;
      } else if (!a.number && step > 1 && step <= kMaxStep) {
        skip = c;
      }
    }
    if (!best) best = skip;
    if (best) {
      numbering.Take(best->number);
      out.push_back(*best);
      // The next numbers before an unnumbered answer are questions too,
      // where the one before was asked and answered without a label ("8" /
      // question? / answer / "9" / question? / "Antwoord" / answer); not a
      // page number inside a question.
      bool asked = false, answered = false;
      for (size_t i = best->line + 1; !a.number && i < a.line; ++i) {
        const std::string& t = lines[i].text;
        auto c = QuestionCandidate(lines, i);
        if (c && asked && answered && numbering.StepTo(c->number) == 1) {
          numbering.Take(c->number);
          out.push_back(*c);
          asked = answered = false;
        } else if (t.find('?') != std::string::npos) {
          asked = true;
        } else if (asked && !t.empty() && !lines[i].number_only) {
          answered = true;
        }
      }
    }
    from = a.line + 1;
  }
  // The questions after the last answer's label, answered without one.
  for (size_t i = from; !marks.empty() && !marks.back().number && i < lines.size(); ++i) {
    auto c = QuestionCandidate(lines, i);
    if (!c || numbering.StepTo(c->number) != 1 || !Asks(lines, *c)) continue;
    numbering.Take(c->number);
    out.push_back(*c);
  }
  return out;
}

// Questions that a line "Vraag" opens without a number, each answered
// after an "Antwoord" line (written answers to what was asked in a
// debate): numbered here in order, "Vraag 1", "Vraag 2", … Other texts are
// returned as they are.
std::vector<Line> NumberedQuestionLines(const std::vector<Line>& lines) {
  static const regex bare("^Vraag\\s*:?\\s*(.*)$", icase);
  std::vector<Line> out = lines;
  int count = 0;
  for (Line& l : out) {
    std::smatch m;
    if (std::regex_match(l.text, VraagMarker())) return lines;
    if (!std::regex_match(l.text, m, bare)) continue;
    std::string rest = m[1].str();
    if (!rest.empty() && l.text.find(':') == std::string::npos) continue;
    // The name of a page of questions, no label: "Vraag en antwoord: …".
    if (rest.starts_with("en antwoord")) continue;
    l.text = "Vraag " + std::to_string(++count) + (rest.empty() ? "" : ": " + rest);
  }
  return count >= 2 ? out : lines;
}

// The heading over what a member or members asked ("Vragen van het lid
// Jansen (D66)", "Vragen en opmerkingen van de leden van de VVD-fractie")
// stands apart, also where the text has no blank lines around it (a copy
// from a PDF viewer, or an extraction that set the party's block right
// under its heading). The title of written questions ("Vragen van het lid
// … (PVV) aan de Minister …") goes on after the party.
std::vector<Line> SetApartMembersHeadings(const std::vector<Line>& lines) {
  static const regex party(
      "^((Reactie|Antwoord(en)?)( van de (minister|staatssecretaris|regering|bewindspersoon))? op "
      "(de )?)?(vragen en opmerkingen|vragen|inbreng) (van|vanuit) (de leden van )?de "
      "\\S+-fractie$",
      icase);
  std::vector<Line> out;
  out.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    auto next = std::find_if(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, lines.end(),
                             [](const Line& l) { return !l.text.empty(); });
    // A numbered section's heading right above the members' question
    // ("1. Detentieomstandigheden …" / "De leden van de fractie … vragen"),
    // in a copy without blank lines.
    const bool section = i > 0 && next != lines.end() &&
                         next == lines.begin() + static_cast<std::ptrdiff_t>(i) + 1 &&
                         (lines[i - 1].text.empty() || EndsSentence(lines[i - 1].text)) &&
                         IsNumberedHeading(lines[i].text) && MembersAsk(next->text);
    bool apart = ((std::regex_match(lines[i].text, MembersHeading()) ||
                   std::regex_match(lines[i].text, party)) &&
                  (next == lines.end() || !StartsLower(next->text))) ||
                 section;
    if (apart && !out.empty() && !out.back().text.empty()) out.push_back(Line{});
    out.push_back(lines[i]);
    // However wide, such a heading is no wrapped line whose paragraph goes
    // on over a page break.
    if (apart) out.back().full_width = false;
    if (apart && i + 1 < lines.size() && !lines[i + 1].text.empty()) out.push_back(Line{});
  }
  return out;
}

// Numbered questions without answer markers: each number in sequence whose
// block asks something.
std::vector<Candidate> SequentialQuestions(const std::vector<Line>& lines) {
  std::vector<Candidate> out;
  Numbering numbering;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto c = QuestionCandidate(lines, i);
    if (!c) continue;
    int step = numbering.StepTo(c->number);
    if (step < 1 || step > kMaxStep) continue;
    if (!Asks(lines, *c)) continue;
    out.push_back(*c);
    numbering.Take(c->number);
  }
  return out;
}

// The letterhead's lines at the top (addressee, place and date) and the
// signature stand apart, also where the text has no blank lines around
// them (a copy from a PDF viewer).
std::vector<Line> SetApartLetterheadAndSignature(const std::vector<Line>& lines) {
  constexpr size_t kLetterheadLines = 15;
  std::vector<Line> out;
  size_t seen = 0;
  bool after_signature = false;
  for (const Line& l : lines) {
    if (!l.text.empty()) ++seen;
    static const regex kClosing("^(Hoogachtend|Met (vriendelijke|hoogachtende) groet),?$", icase);
    bool letterhead = (seen <= kLetterheadLines && std::regex_match(l.text, Letterhead())) ||
                      std::regex_match(l.text, kClosing);
    bool signature = std::regex_search(l.text, Signature());
    if (letterhead || signature) out.push_back(Line{});
    out.push_back(l);
    if (letterhead || after_signature) out.push_back(Line{});
    after_signature = signature;
  }
  return out;
}

// The headings of a text's numbered sections, each under the heading of
// the section it is part of: "2.2 Consulaire bijstand" stands under "2.
// Consulaire dienstverlening", as "2.1 Paspoorten" right below it does.
class SectionHeadings {
 public:
  // `heading` is the heading `printed` stands under so far; the section's
  // heading is set in front when it is missing: "2." before "2.1", and the
  // last numbered section before a lettered one ("II." before "a. Europa")
  // or before one without a number that another numbered section follows
  // ("1. Raad Buitenlandse Zaken" before "Oekraïne" when "2. Overige
  // onderwerpen" comes after it; a "Tot slot" after the last numbered
  // section stands on its own).
  void Place(const std::string& printed, std::string& heading, bool numbered_follows) {
    if (IsLettered(printed) || (numbered_follows && SectionNumber(printed).empty())) {
      if (heading == printed && !last_numbered_.empty()) {
        heading = last_numbered_ + " – " + printed;
      }
      return;
    }
    std::string number = SectionNumber(printed);
    if (number.empty()) return;
    if (KnowsParentOf(printed)) heading = printed;  // not under the headings above it
    size_t dot = number.rfind('.');
    auto parent = dot == std::string::npos ? placed_.end() : placed_.find(number.substr(0, dot));
    if (parent != placed_.end() && heading == printed) heading = parent->second + " – " + printed;
    placed_[number] = heading;
    last_numbered_ = heading;
  }

  // Whether the section `printed` is a subsection of is known ("3.3
  // Levertijd" under "3 Reisdocumenten"): it stands under that section, not
  // under a box's title or source line between them.
  bool KnowsParentOf(const std::string& printed) const {
    std::string number = SectionNumber(printed);
    size_t dot = number.rfind('.');
    return dot != std::string::npos && placed_.contains(number.substr(0, dot));
  }

  // A numbered section's heading: "2. Inleiding", "II. Het postennetwerk".
  static bool IsNumbered(const std::string& paragraph) {
    return IsHeadingLike(paragraph) && !SectionNumber(paragraph).empty();
  }

  // A lettered subsection's heading: "a. Europa", "b) Afrika".
  static bool IsLettered(const std::string& paragraph) {
    static const regex re("^[a-z][.)] \\S");
    return IsHeadingLike(paragraph.substr(std::min<size_t>(3, paragraph.size()))) &&
           std::regex_search(paragraph, re);
  }

 private:
  // "2.2" for "2.2 Consulaire bijstand", "2" for "2. Inleiding", "II" for
  // "II. Het postennetwerk"; empty for a heading without a number.
  static std::string SectionNumber(const std::string& heading) {
    static const regex re("^([0-9]{1,2}(?:\\.[0-9]{1,2})*|[IVX]{1,5})\\.?\\s");
    std::smatch m;
    return std::regex_search(heading, m, re) ? m[1].str() : "";
  }

  std::map<std::string, std::string> placed_;
  std::string last_numbered_;
};

// Where the courtesy that closes a letter ("Ik vertrouw erop uw Kamer
// hiermee voldoende te hebben geïnformeerd.") starts as the last sentence
// of a paragraph, or npos: it says nothing of its own.
size_t ClosingCourtesy(const std::string& paragraph) {
  static const regex opening(
      "^((Ik|Wij|We) (vertrouw|vertrouwen|hoop|hopen) |"
      "(Hiermee|Hierbij|Daarmee|Met deze brief) (vertrouw|vertrouwen|hoop|hopen) (ik|wij|we) )");
  static const regex reference("\\b(hiermee|hierbij|daarmee|met deze brief)\\b", icase);
  static const regex closing("\\bte hebben (\\S+ )?(geïnformeerd|ingelicht|beantwoord)\\.$");
  constexpr size_t kMaxWords = 25;
  size_t start = 0;
  for (size_t k = 0; k + 2 < paragraph.size(); ++k) {
    if ((paragraph[k] == '.' || paragraph[k] == '!' || paragraph[k] == '?') &&
        paragraph[k + 1] == ' ') {
      start = k + 2;
    }
  }
  const std::string sentence = paragraph.substr(start);
  if (static_cast<size_t>(std::count(sentence.begin(), sentence.end(), ' ')) >= kMaxWords ||
      !std::regex_search(sentence, opening) || !std::regex_search(sentence, reference) ||
      !std::regex_search(sentence, closing)) {
    return std::string::npos;
  }
  return start;
}

// A short heading right above its paragraph, without the blank line
// that `-layout` leaves under it ("Consulaire bijstand" / "Het ministerie
// heeft …"): a line after a blank one (or after such a heading), of a few
// words and no sentence, well short of the text's lines, with a capital on
// the next line.
std::vector<Line> SetApartShortHeadings(const std::vector<Line>& lines) {
  constexpr size_t kMaxHeadingWords = 8;
  std::vector<size_t> widths;
  for (const Line& l : lines) {
    if (!l.text.empty()) widths.push_back(l.text.size());
  }
  if (widths.empty()) return lines;
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const size_t typical = widths[widths.size() / 2];
  // A wrapped line stops short before a long word, most often after an
  // article, a preposition or a conjunction ("… samen met de" /
  // "Immigratie- en Naturalisatiedienst …"); a heading seldom ends so.
  auto short_of_text = [&](const std::string& t) {
    const size_t space = t.rfind(' ');
    const bool open_end = space != std::string::npos && IsFunctionWord(t.substr(space + 1));
    return t.size() * 3 < typical * 2 || (t.size() * 5 < typical * 4 && !open_end);
  };
  // Or above a paragraph copied as one line ("1. Russische agressie tegen
  // Oekraïne" / "De Raad zal spreken over …"), many times as long.
  constexpr size_t kParagraphLineRatio = 3;
  auto above_paragraph_line = [&](size_t i) {
    const std::string& next = lines[i + 1].text;
    return next.size() >= kParagraphLineRatio * lines[i].text.size() && next.size() > typical &&
           EndsSentence(next);
  };
  auto heading = [&](size_t i) {
    const std::string& t = lines[i].text;
    // A section's heading may stand right above its first subsection's
    // ("1. Het postennetwerk" / "1.1 Omvang en spreiding", "2. Essentie
    // voorstel" / "a) Inhoud voorstel").
    return i + 1 < lines.size() && !lines[i + 1].text.empty() &&
           (StartsUpper(lines[i + 1].text) ||
            (SectionHeadings::IsNumbered(t) && (SectionHeadings::IsNumbered(lines[i + 1].text) ||
                                                SectionHeadings::IsLettered(lines[i + 1].text)))) &&
           !lines[i].bullet && !lines[i + 1].bullet &&
           (short_of_text(t) || above_paragraph_line(i)) && !IsCaption(t) && IsHeadingLike(t) &&
           t.back() != ',' && t.back() != '-' && WordCount(t) <= kMaxHeadingWords;
  };
  std::vector<Line> out;
  out.reserve(lines.size());
  bool apart = true;  // the line before stands apart: a blank one, or a heading
  for (size_t i = 0; i < lines.size(); ++i) {
    out.push_back(lines[i]);
    const bool set_apart = (apart || lines[i].page_start) && heading(i);
    if (set_apart) out.push_back(Line{});
    apart = lines[i].text.empty() || set_apart;
  }
  return out;
}

// A numbered heading run into its paragraph's first line, as `pdftotext
// -raw` may print it ("2.3 Gelijke rechten In ruim zestig landen …"): the
// heading on a line of its own, where a sentence plainly starts after a
// few words of it (with an article, a preposition or a pronoun, and a word
// in lower case after it).
std::vector<Line> SetApartRunInHeadings(const std::vector<Line>& lines) {
  constexpr size_t kMaxHeadingWords = 8;
  constexpr size_t kMinSentenceWords = 4;
  static const std::set<std::string, std::less<>> opens = {"Ik", "Wij", "Zij",   "Dit", "Deze",
                                                           "Er", "Ook", "Sinds", "Nu"};
  std::vector<Line> out;
  out.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    const bool apart = i == 0 || lines[i - 1].text.empty() || lines[i].page_start ||
                       EndsSentence(lines[i - 1].text);
    if (!apart || lines[i].bullet || lines[i].text.find('?') != std::string::npos ||
        !std::regex_match(lines[i].text, m, NumberedText())) {
      out.push_back(lines[i]);
      continue;
    }
    const std::string body = m[2].str();
    const std::vector<std::string> words = Split(body, ' ');
    size_t at = 0;  // the sentence's first word
    for (size_t k = 1; k < words.size() && k <= kMaxHeadingWords && at == 0; ++k) {
      const std::string& w = words[k];
      const std::string& before = words[k - 1];
      if (before.empty() ||
          std::string_view(".,:;").find(before.back()) != std::string_view::npos) {
        break;
      }
      // "De vijf …", "In 2025 …", but not a name ("het lid De Kort").
      const bool goes_on =
          k + 1 < words.size() && !words[k + 1].empty() && !StartsUpper(words[k + 1]);
      if (StartsUpper(w) && (IsFunctionWord(w) || opens.contains(w)) && goes_on) at = k;
    }
    if (at == 0 || words.size() - at < kMinSentenceWords) {
      out.push_back(lines[i]);
      continue;
    }
    std::vector<std::string> head(words.begin(), words.begin() + static_cast<long>(at));
    std::vector<std::string> rest(words.begin() + static_cast<long>(at), words.end());
    Line heading = lines[i];
    heading.text = m[1].str() + " " + Join(head, " ");
    Line text = lines[i];
    text.text = Join(rest, " ");
    text.page_start = false;
    out.push_back(std::move(heading));
    out.emplace_back();
    out.push_back(std::move(text));
  }
  return out;
}

std::vector<ParsedPassage> ParseLetter(const std::vector<Line>& lines) {
  std::vector<std::string> paragraphs = JoinParagraphs(
      SetApartLetterheadAndSignature(SetApartShortHeadings(SetApartRunInHeadings(lines))));
  for (std::string& p : paragraphs) {
    if (size_t courtesy = ClosingCourtesy(p); courtesy != std::string::npos) {
      p = std::string(Trim(std::string_view(p).substr(0, courtesy)));
    }
  }
  // What stands above the salutation is the letterhead, however the
  // extraction broke up its columns ("Datum" / "Betreft" / "21 oktober
  // 2025" / …).
  constexpr size_t kMaxLetterheadParagraphs = 40;
  static const regex kOpening("(?:^|\\s)(?:Geachte|Hooggeachte) [^,.]{1,40},(?:$|\\s)");
  for (size_t i = 0; i < paragraphs.size() && i < kMaxLetterheadParagraphs; ++i) {
    if (std::smatch m; std::regex_search(paragraphs[i], m, kOpening)) {
      paragraphs[i] = std::string(Trim(paragraphs[i].substr(static_cast<size_t>(m.position(0)))));
      paragraphs.erase(paragraphs.begin(), paragraphs.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  // A salutation run into the first paragraph ("Geachte voorzitter,
  // Tijdens het commissiedebat …"), in a copy without blank lines.
  static const regex kSalutation("^(?:Geachte|Hooggeachte) [^,.]{1,40}, (?=[A-Z])");
  for (std::string& p : paragraphs) p = std::regex_replace(p, kSalutation, "");
  std::erase_if(paragraphs, [](const std::string& p) { return p.empty(); });
  // Whether a numbered section's heading comes after each paragraph.
  std::vector<bool> numbered_follows(paragraphs.size() + 1, false);
  for (size_t i = paragraphs.size(); i-- > 0;) {
    numbered_follows[i] = numbered_follows[i + 1] || SectionHeadings::IsNumbered(paragraphs[i]);
  }
  // Labels that recur under each section ("Nederlandse inzet", "Aanleiding"
  // under every item of an annotated agenda) stand under the last heading
  // that does not recur.
  std::map<std::string, int> heading_count;
  for (const std::string& p : paragraphs) {
    if (IsHeadingLike(p)) ++heading_count[p];
  }
  std::string section;  // the heading, with its parents, of the last heading that does not recur
  std::vector<ParsedPassage> out;
  std::string heading;
  SectionHeadings sections;
  bool last_was_heading = false;
  constexpr size_t kShortWords = 30;
  constexpr size_t kMinPassageWords = 8;
  bool pending_short = false;  // the last passage is short and open for the next
  bool signed_above = false;   // the paragraph before was a signature
  // The last passage holds members' questions, and then the reply to them:
  // the reply's paragraphs go with the questions, up to the next question.
  enum class Asked { kNo, kAsking, kReplying } asked = Asked::kNo;
  constexpr size_t kMaxQuestionPassageWords = 400;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string& p = paragraphs[i];
    // The letterhead, the signature and the name under it are no passages.
    bool signature = std::regex_search(p, Signature());
    bool name = signed_above && IsHeadingLike(p) && p.size() < 60;
    // The name stands apart only when the signature ends with its comma.
    signed_above = signature && Trim(p).ends_with(",");
    if (signature || name ||
        ((IsHeadingLike(CollapseSpaces(p)) || p.rfind("> ", 0) == 0) &&
         std::regex_match(p, Letterhead()))) {
      heading.clear();
      last_was_heading = false;
      asked = Asked::kNo;
      continue;
    }
    // The source under a table or a box of figures ("Bron: ministerie van
    // Buitenlandse Zaken") goes with it.
    static const regex kSource("^Bron(nen)?: .*");
    if (!out.empty() && !last_was_heading && std::regex_match(p, kSource)) {
      out.back().text += "\n" + p;
      continue;
    }
    // A reaction under a label that recurs under each item, below what it
    // reacts to ("Aanbeveling 2" / "Verbeter de informatie …" / "Reactie" /
    // "Het kabinet neemt deze aanbeveling over."): it goes with it, as a
    // reply goes with its question.
    static const regex kReactionLabel(
        "^(Reactie|Reactie van het kabinet|Kabinetsreactie|Reactie kabinet|Standpunt kabinet|"
        "Standpunt van het kabinet)$");
    if (!out.empty() && !last_was_heading && out.back().heading == heading && asked == Asked::kNo &&
        heading_count[p] >= 2 && i + 1 < paragraphs.size() && std::regex_match(p, kReactionLabel)) {
      asked = Asked::kReplying;
      pending_short = false;
      continue;
    }
    if ((IsHeadingLike(p) || SectionHeadings::IsLettered(p)) && !IsCaption(p) &&
        i + 1 < paragraphs.size()) {
      const std::string printed = CollapseSpaces(p);
      heading = last_was_heading ? heading + " – " + printed : printed;
      sections.Place(printed, heading, numbered_follows[i + 1]);
      if (heading_count[p] < 2) {
        section = heading;
      } else if (!last_was_heading && !section.empty()) {
        heading = section + " – " + p;
      }
      last_was_heading = true;
      pending_short = false;
      asked = Asked::kNo;
      continue;
    }
    last_was_heading = false;
    const bool same_section = !out.empty() && out.back().heading == heading;
    if (MembersAsk(p)) {
      if (same_section && asked == Asked::kAsking) {
        out.back().text += "\n\n" + p;  // "Voorts vragen deze leden …"
      } else {
        out.push_back(ParsedPassage{"", heading, "", p});
      }
      asked = Asked::kAsking;
      continue;
    }
    if (same_section && asked != Asked::kNo &&
        WordCount(out.back().text) + WordCount(p) <= kMaxQuestionPassageWords) {
      out.back().text += (p.rfind("– ", 0) == 0 ? "\n" : "\n\n") + p;
      asked = Asked::kReplying;
      continue;
    }
    asked = Asked::kNo;
    // A list goes with the sentence that announces it ("… de volgende
    // maatregelen:").
    bool list_item = p.rfind("– ", 0) == 0 || (same_section && out.back().text.ends_with(':'));
    // A sentence too short for a passage ("Ik informeer uw Kamer hierover
    // in het najaar.") goes with the one above it.
    // An item of its own ("Aanbeveling 8: Verbeter de informatie.") is
    // none, however short, and opens a passage.
    static const regex kNumberedItem(
        "^(Aanbeveling|Conclusie|Bevinding|Advies|Actiepunt|Toezegging|Maatregel) [0-9]+[a-z]?[:.] "
        ".*");
    const bool item = std::regex_match(p, kNumberedItem);
    bool short_sentence = WordCount(p) < kMinPassageWords && EndsSentence(p) && !item;
    // In a debate's record, a speaker's turn opens a passage: the chair's
    // words above it ("De voorzitter: Dank u wel. Dan de heer Brouwers.")
    // neither head nor take it.
    const bool turn = OpensTurn(p);
    if (!out.empty() && out.back().heading == heading &&
        (list_item || (pending_short && !item && !turn) || short_sentence)) {
      out.back().text += (list_item ? "\n" : "\n\n") + p;
    } else {
      out.push_back(ParsedPassage{"", heading, "", p});
    }
    // So is a numbered item's label, however long ("11. Toezegging, gedaan
    // tijdens het commissiedebat …, om …" above its "Stand van zaken: …").
    static const regex kItemLabel("^[0-9]{1,2}\\. [A-Z].*");
    pending_short =
        WordCount(out.back().text) < kShortWords ||
        (!EndsSentence(out.back().text) && std::regex_match(out.back().text, kItemLabel));
  }
  // Salutations and signatures are no passages.
  std::erase_if(out, [&](const ParsedPassage& p) { return WordCount(p.text) < kMinPassageWords; });
  return out;
}

bool IsValidUtf8(std::string_view s) {
  constexpr size_t kBad = 9;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80                 ? 0
               : c >= 0xC2 && c <= 0xDF ? 1
               : (c & 0xF0) == 0xE0     ? 2
               : c >= 0xF0 && c <= 0xF4 ? 3
                                        : kBad;
    if (n == kBad || i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    // No overlong forms, no surrogates, nothing above U+10FFFF.
    auto second = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) ||
        (c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

std::string Slug(std::string_view text) {
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 60) out.resize(60);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

constexpr size_t kTitleLines = 40;

struct HandelingenId {
  std::string chamber, year, number;  // "II", "2022/23", "2104"
};

// Answers to written questions as named and keyed: "Aanhangsel Handelingen
// II 2022/23, nr. 2104", "ah II 2022/23 2104" (before Slug).
std::pair<std::string, std::string> AanhangselReference(const HandelingenId& id) {
  return {"Aanhangsel Handelingen " + id.chamber + " " + id.year + ", nr. " + id.number,
          "ah " + id.chamber + " " + id.year + " " + id.number};
}

// "ah-tk-20222023-2104": Aanhangsel Handelingen II 2022/23, nr. 2104.
std::optional<HandelingenId> AanhangselIdentifier(const CleanText& clean) {
  static const regex re("^ah-(tk|ek)-([0-9]{4})[0-9]{2}([0-9]{2})-([0-9]+)$", icase);
  for (const std::string& id : clean.identifiers) {
    std::smatch m;
    if (!std::regex_match(id, m, re)) continue;
    return HandelingenId{AsciiLower(m[1].str()) == "tk" ? "II" : "I", m[2].str() + "/" + m[3].str(),
                         m[4].str()};
  }
  return std::nullopt;
}

// The subject in a letterhead whose labels stand together apart from
// their values ("Datum" / "Betreft", then "21 november 2025" /
// "Vierde voortgangsrapportage …"): the first value that is no date or
// reference, and the line it stands on in `line`; empty when there is
// none.
std::string SubjectApartFromItsLabel(const std::vector<Line>& lines, size_t& line) {
  static const regex alone("^(Datum|Betreft|Onderwerp|Kenmerk|Onze referentie|Uw referentie)$");
  static const regex reference("^[-/.0-9A-Z]*[0-9]{4,}[-/.0-9A-Z]*$");
  static const regex date("^" + DatePhrase() + "$", icase);
  size_t first = line, last = line;
  while (first > 0 && std::regex_match(lines[first - 1].text, alone)) --first;
  while (last + 1 < lines.size() && std::regex_match(lines[last + 1].text, alone)) ++last;
  if (last == first) return {};
  size_t value = last + 1;
  while (value < lines.size() && lines[value].text.empty()) ++value;
  for (; value < lines.size() && !lines[value].text.empty(); ++value) {
    const std::string& t = lines[value].text;
    if (!std::regex_match(t, date) && !std::regex_match(t, reference)) {
      line = value;
      return t;
    }
  }
  return {};
}

// The subject a letter's letterhead names ("Betreft", "Onderwerp"), the
// lines it wraps onto included; empty when there is none.
std::string LetterSubject(const std::vector<Line>& lines) {
  static const regex label("^(Betreft|Onderwerp):? +(\\S.*)$");
  static const regex label_alone("^(Betreft|Onderwerp)$");
  constexpr size_t kMaxSubjectBytes = 200;
  for (size_t i = 0; i < lines.size() && i < kTitleLines; ++i) {
    std::smatch m;
    std::string subject;
    if (std::regex_match(lines[i].text, m, label)) {
      subject = CollapseSpaces(m[2].str());
    } else if (std::regex_match(lines[i].text, label_alone)) {
      subject = CollapseSpaces(SubjectApartFromItsLabel(lines, i));
      if (subject.empty()) continue;
    } else {
      continue;
    }
    constexpr size_t kMaxSubjectLines = 3;
    for (size_t k = i + 1; k < lines.size() && k <= i + kMaxSubjectLines; ++k) {
      const std::string& next = lines[k].text;
      if (next.empty() || next.size() >= 60 || std::regex_match(next, Letterhead()) ||
          !(StartsLower(next) || std::isdigit(static_cast<unsigned char>(next[0])))) {
        break;
      }
      subject += " " + CollapseSpaces(next);
    }
    // A table's header ("Onderwerp 2024 2025") names no subject.
    if (std::none_of(subject.begin(), subject.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      continue;
    }
    if (subject.size() > kMaxSubjectBytes || EndsSentence(subject)) return {};
    return subject;
  }
  return {};
}

// A masthead's line that starts with the paper's dossier: its number and
// perhaps its name.
const regex& DossierPattern() {
  static const regex re("^([0-9]{2} [0-9]{3}(-[0-9]{1,2})?( [A-Z]{1,5})?)( +([A-Z(].*))?$");
  return re;
}

// The name of the dossier a paper belongs to, from its masthead: "36 845
// Reisadviezen en crisisrespons", "36 800 V Vaststelling van de
// begrotingsstaten …" with its name wrapped onto the lines up to "Nr. …".
std::string DossierName(const std::vector<std::string>& masthead) {
  static const regex kPaper("^Nr\\. .*");
  for (size_t i = 0; i < masthead.size(); ++i) {
    std::smatch m;
    if (!std::regex_match(masthead[i], m, DossierPattern())) continue;
    std::string name = m[5].str();
    for (size_t k = i + 1; k < masthead.size() && !std::regex_match(masthead[k], kPaper); ++k) {
      name += (name.empty() ? "" : " ") + masthead[k];
    }
    return name;
  }
  return "";
}

// The sender's reference in a letter's sidebar (at its top, or below the
// first page in a PDF viewer's copy): the first word with five
// digits or more after "Onze referentie" ("BZ2542817", "BZDOC-1234567-89"),
// on its line or the next; empty when there is none.
std::string OwnReference(const std::string& text) {
  // In `-layout`'s extraction the sidebar stands right of the text, a run
  // of spaces before it ("…   Kenmerk BZ2610022"); a converter to Markdown
  // sets it in bold ("**Kenmerk:** BZ2603118").
  static const regex label("Onze referentie|Ons kenmerk|(?:^|\\n|  |\\*\\*)Kenmerk\\b");
  static const regex value(
      "^[^\\n]*?\\n?[^\\n]*?\\b([A-Z]{0,8}[-0-9A-Z/.]*[0-9]{5,}[-0-9A-Z]*)\\b");
  std::smatch l, v;
  if (!std::regex_search(text, l, label)) return "";
  const std::string after = text.substr(static_cast<size_t>(l.position(0) + l.length(0)), 200);
  if (!std::regex_search(after, v, value)) return "";
  return v[1].str();
}

void ReadMetadata(const CleanText& clean, std::string_view raw, std::string_view name,
                  DocumentKind kind, SourceDocument& doc) {
  // The paper's reference, from its running footers (the most common one),
  // with its key: "Kamerstuk 35 925 V, nr. 84" ("35-925-v-nr-84"),
  // "Kamerstukken I 2024/25, 36 471, C" ("36-471-c").
  std::map<std::pair<std::string, std::string>, int> refs;
  for (const std::string& f : clean.footers) {
    std::smatch m;
    if (!std::regex_search(f, m, ReferencePattern())) continue;
    const std::string dossier = m[4].str();
    if (dossier == "Aanhangsel" && m[5].matched) {
      // Answers to written questions, by their page footer: "Eerste Kamer,
      // vergaderjaar 2025–2026, Aanhangsel, nr. 12".
      ++refs[AanhangselReference(
          {m[1].str() == "Eerste" ? "I" : "II", m[2].str() + "/" + m[3].str(), m[5].str()})];
    } else if (m[5].matched) {
      ++refs[{"Kamerstuk " + dossier + ", nr. " + m[5].str(), dossier + " nr " + m[5].str()}];
    } else {
      const std::string chamber = m[1].str() == "Eerste" ? "I" : "II";
      ++refs[{"Kamerstukken " + chamber + " " + m[2].str() + "/" + m[3].str() + ", " + dossier +
                  ", " + m[6].str(),
              dossier + " " + m[6].str()}];
    }
  }
  // Without footers (a copy from a web page), the masthead names the
  // paper: "36 600 V Vaststelling …" above "Nr. 48 VERSLAG VAN EEN …".
  if (refs.empty()) {
    static const regex kPaperNumber("^Nr\\. ([0-9]+)( .*)?$");
    const std::vector<std::string>& top = clean.masthead;
    std::smatch d, n;
    auto dossier = std::find_if(top.begin(), top.end(), [&](const std::string& l) {
      return std::regex_match(l, d, DossierPattern());
    });
    auto paper = std::find_if(dossier, top.end(), [&](const std::string& l) {
      return std::regex_match(l, n, kPaperNumber);
    });
    if (dossier != top.end() && paper != top.end()) {
      const std::string number = d[1].str();
      ++refs[{"Kamerstuk " + number + ", nr. " + n[1].str(), number + " nr " + n[1].str()}];
    }
  }
  std::string text(raw.substr(0, std::min<size_t>(raw.size(), 200000)));
  // A letter's own reference stands at its top; one further down is a
  // paper it cites ("Zie ook de antwoorden …, Aanhangsel van de
  // Handelingen II 2024/25, nr. 2318.").
  constexpr size_t kHeadBytes = 1500;
  const std::string head = text.substr(0, kHeadBytes);
  std::smatch m;
  if (!refs.empty()) {
    const auto& [reference, key] = std::max_element(refs.begin(), refs.end(), [](auto& a, auto& b) {
                                     return a.second < b.second;
                                   })->first;
    doc.reference = reference;
    doc.key = Slug(key);
  } else if (auto record = std::find_if(
                 clean.footers.begin(), clean.footers.end(),
                 [](const std::string& f) { return std::regex_search(f, HandelingenRecord()); });
             record != clean.footers.end()) {
    // The record of a plenary debate: "Handelingen II 2025/26, nr. 34,
    // item 7, 11 december 2025".
    std::smatch r;
    std::regex_search(*record, r, HandelingenRecord());
    doc.reference = r[1].str();
    doc.key = Slug("h " + r[1].str());
    if (r[3].matched) doc.date = IsoDate(r[3].str(), r[4].str(), r[5].str());
  } else if (auto id = AanhangselIdentifier(clean)) {
    // Answers to written questions, named by their colophon: "ah-tk-20222023-2104".
    std::tie(doc.reference, doc.key) = AanhangselReference(*id);
    doc.key = Slug(doc.key);
  } else if (std::regex_search(kind == DocumentKind::kQuestions ? text : head, m,
                               HandelingenReference())) {
    // Answers to written questions: "Aanhangsel Handelingen II 2022/23,
    // nr. 2345", also where printed "Aanhangsel van de Handelingen …".
    // "vergaderjaar 2025–2026" as "2025/26".
    std::string year = m[2].str();
    if (year.find('/') == std::string::npos)
      year = year.substr(0, 4) + "/" + year.substr(year.size() - 2);
    std::tie(doc.reference, doc.key) = AanhangselReference({m[1].str(), year, m[3].str()});
    doc.key = Slug(doc.key);
  } else if (std::string own = OwnReference(text); kind == DocumentKind::kLetter && !own.empty()) {
    // A letter on the ministries' template: "Onze referentie BZ2542817"
    // (its "Uw referentie" is the Kamer's request, not the letter).
    doc.reference = own;
    doc.key = Slug(own);
  } else if (std::regex_search(text, m, QuestionsKenmerk()) ||
             (kind == DocumentKind::kQuestions &&
              std::regex_search(text, m, NamedQuestionsKenmerk()))) {
    doc.reference = m[1].str();  // the questions' number, e.g. 2023Z04512
    doc.key = Slug(doc.reference);
  } else if (!own.empty()) {
    // A letter on the template that sends answers, without the number of
    // the questions it answers (`own` is the reference found above).
    doc.reference = own;
    doc.key = Slug(own);
  } else {
    std::string_view stem = name.substr(name.find_last_of('/') + 1);
    stem = stem.substr(0, stem.rfind('.'));
    doc.key = Slug(stem);
  }
  if (doc.key.empty()) doc.key = "document";
  // Written questions carry two dates or more (sent in, a notice of delay,
  // the answer): the answer's counts, else the first received.
  std::optional<std::smatch> answered;
  for (std::sregex_iterator it(text.begin(), text.end(), AnswerDate()), end; it != end; ++it) {
    bool answer = it->position(1) > it->position(0);  // "Antwoord … (ontvangen …"
    if (!answered || answer) answered = *it;
    if (answer) break;
  }
  if (answered) m = *answered;
  // Questions not answered yet in the text are dated by when they were
  // sent in: "(ingezonden 8 oktober 2026, kenmerk 2026Z18342)".
  static const regex kSentIn("\\((ingezonden)\\s+" + DatePhrase());

  // The masthead and the first lines of the text: where a title or a
  // website's date stands.
  std::vector<std::string_view> top_lines(clean.masthead.begin(), clean.masthead.end());
  for (size_t i = 0; i < clean.lines.size() && i < kTitleLines; ++i) {
    top_lines.push_back(clean.lines[i].text);
  }
  // The top's lines as cleaned, and the template's lines on every page,
  // where the raw text marks up its letterhead ("**Datum** 25 juni 2027").
  std::string clean_top;
  for (size_t i = 0; i < clean.lines.size() && i < kTitleLines; ++i) {
    clean_top += clean.lines[i].text + "\n";
  }
  for (const std::string& f : clean.footers) clean_top += f + "\n";
  if (!doc.date.empty()) {
    // Dated by its footer already.
  } else if (answered || std::regex_search(text, m, DatePattern()) ||
             std::regex_search(clean_top, m, DatePattern())) {
    doc.date = IsoDate(m[2].str(), m[3].str(), m[4].str());
  } else {
    // A paper copied from the website: "Kamerstuk | 12-03-2026",
    // "Kamerstuk: Kamervragen (Aanhangsel) | 23-01-2026".
    static const regex kWebDate("^[A-Z][^|\\n]{0,60}\\| *([0-9]{2})-([0-9]{2})-([0-9]{4})$");
    for (std::string_view top : top_lines) {
      const std::string line(top);
      if (doc.date.empty() && std::regex_match(line, m, kWebDate)) {
        doc.date = m[3].str() + "-" + m[2].str() + "-" + m[1].str();
      }
    }
  }
  if (doc.date.empty() && kind == DocumentKind::kQuestions && std::regex_search(text, m, kSentIn)) {
    doc.date = IsoDate(m[2].str(), m[3].str(), m[4].str());
  }
  // Written questions are named by who asked whom about what.
  std::vector<std::string> top = JoinParagraphs(
      std::span<const Line>(clean.lines.data(), std::min(clean.lines.size(), kTitleLines)));
  // Without blank lines (a copy from a PDF viewer) the sentence stands
  // inside a longer paragraph, up to the date it was sent in.
  // Their answers may name them: "Antwoord op vragen van het lid …".
  static const regex kAskedInside(
      "(?:^|\\s)(?:Antwoord(?:en)? (?:van de [^.()]{5,120}? )?op (?=v)|Beantwoording van de (?=v)|"
      "(?=V))"
      "([Vv]ragen van (?:het lid|de leden) "
      ".{10,400}?)\\.?\\s*\\((?:[Ii]ngezonden|[Oo]ntvangen)[^)]*\\)");
  // A paragraph keeps its lines where `-layout` set one apart by a run of
  // spaces (the paper's number in the margin: "1534      Vragen van het
  // lid …"); the title is read from it as from one line.
  for (std::string& p : top) {
    std::replace(p.begin(), p.end(), '\n', ' ');
    p = CollapseSpaces(p);
  }
  for (const std::string& p : top) {
    if (std::regex_search(p, m, AskedBy()) && !std::regex_match(p, MembersHeading())) {
      // The title ends where the date they were sent in stands; the answer's
      // line may follow in the same paragraph ("… (ingezonden 8 januari
      // 2026). Antwoord van minister …").
      static const regex kDateSent("\\.?\\s*\\((ingezonden|ontvangen)[^)]*\\)", icase);
      doc.title = m[0].str();
      if (std::smatch sent; std::regex_search(doc.title, sent, kDateSent)) {
        doc.title.resize(static_cast<size_t>(sent.position(0)));
      }
      return;
    }
  }
  for (const std::string& p : top) {
    if (std::regex_search(p, m, kAskedInside)) {
      doc.title = m[1].str();
      doc.title[0] = 'V';
      return;
    }
  }
  // The title stands in the masthead or at the top, if the text has one.
  for (size_t j = 0; j < top_lines.size(); ++j) {
    std::smatch title;
    const std::string l(top_lines[j]);
    // A title opens with a capital: not the words inside a sentence ("Op
    // deze pagina vindt u antwoorden op vragen …").
    if (l.size() < 120 && std::regex_search(l, title, TitlePattern()) &&
        StartsUpper(title[0].str())) {
      doc.title = title[0].str();
      // A title wrapped onto the next lines goes on in lower case, or
      // after a word that cannot end it ("… van het Ministerie van" /
      // "Buitenlandse Zaken over 2025").
      constexpr size_t kMaxTitleLines = 3;
      auto goes_on = [&](size_t k) {
        if (top_lines[k].empty()) return false;
        const size_t space = doc.title.rfind(' ');
        const std::string last = space == std::string::npos ? "" : doc.title.substr(space + 1);
        return StartsLower(top_lines[k]) || IsFunctionWord(last);
      };
      for (size_t k = j + 1; k < top_lines.size() && k <= j + kMaxTitleLines - 1 && goes_on(k);
           ++k) {
        doc.title += " " + std::string(top_lines[k]);
      }
      // "LIJST VAN VRAGEN EN ANTWOORDEN" in the heading of the paper.
      if (std::none_of(doc.title.begin(), doc.title.end(),
                       [](char c) { return std::islower(static_cast<unsigned char>(c)); })) {
        doc.title = doc.title.substr(0, 1) + AsciiLower(doc.title.substr(1));
      }
      break;
    }
  }
  // A letter on the ministries' template names its subject: "Betreft
  // Geannoteerde agenda Raad Buitenlandse Zaken van 17 februari" / "2025".
  if (doc.title.empty() && kind == DocumentKind::kLetter) doc.title = LetterSubject(clean.lines);
  // An annotated agenda's heading in capitals, "GEANNOTEERDE AGENDA RAAD
  // BUITENLANDSE ZAKEN VAN 23 FEBRUARI 2026", names it with the council's
  // name in capitals: "Geannoteerde agenda Raad Buitenlandse Zaken van 23
  // februari 2026".
  static const regex kAgenda("^GEANNOTEERDE AGENDA ([A-Z ]+?)( VAN [A-Z0-9 ]+)?$");
  for (size_t i = 0; doc.title.empty() && i < clean.lines.size() && i < kTitleLines * 2; ++i) {
    std::smatch agenda;
    if (!std::regex_match(clean.lines[i].text, agenda, kAgenda)) continue;
    std::string council = AsciiLower(agenda[1].str());
    for (size_t k = 0; k < council.size(); ++k) {
      if (k == 0 || council[k - 1] == ' ') council[k] = static_cast<char>(std::toupper(council[k]));
    }
    doc.title = "Geannoteerde agenda " + council + AsciiLower(agenda[2].str());
  }
  // A letter that answers questions says whose, and about what: "Hierbij
  // beantwoord ik de vragen van de vaste commissie voor Buitenlandse Zaken
  // over de consulaire dienstverlening, die …".
  static const regex kAnswersWhose(
      "(?:Hierbij|Met deze brief) (?:beantwoord ik|bied ik u de antwoorden aan op) de "
      "(?:schriftelijke |feitelijke )?vragen (van (?:de|het) [^,.;:()]{5,200}?)[,.;:(]");
  if (doc.title.empty()) {
    for (const std::string& p : top) {
      if (std::regex_search(p, m, kAnswersWhose)) {
        doc.title = "Antwoorden op vragen " + std::string(Trim(m[1].str()));
        break;
      }
    }
  }
  // A letter in a dossier is named by it: "36 845 Reisadviezen en
  // crisisrespons" above "Nr. 1 BRIEF VAN DE MINISTER …" makes "Kamerbrief:
  // Reisadviezen en crisisrespons".
  const bool sent_as_letter =
      std::any_of(clean.masthead.begin(), clean.masthead.end(),
                  [](const std::string& l) { return l.find("BRIEF VAN") != std::string::npos; });
  // A web page of officielebekendmakingen.nl names the letter's subject
  // in its title: "Consulaire dienstverlening; Brief regering; Voortgang
  // modernisering consulaire dienstverlening en herziening reisadviezen".
  static const regex kPageTitle("^[^;]+; Brief (?:regering|van de [^;]+); ([^;]+)$");
  for (const std::string& line : clean.masthead) {
    if (std::smatch page; doc.title.empty() && std::regex_match(line, page, kPageTitle)) {
      doc.title = page[1].str();
    }
  }
  // A fiche on a new proposal of the European Commission (BNC) is named as
  // the fiche names itself: "Fiche: Richtlijn consulaire bescherming …".
  static const regex kFiche("^Fiche: .{10,200}$");
  for (size_t i = 0; doc.title.empty() && i < clean.lines.size() && i < kTitleLines; ++i) {
    if (std::regex_match(clean.lines[i].text, kFiche)) doc.title = clean.lines[i].text;
  }
  if (doc.title.empty() && (kind == DocumentKind::kLetter || sent_as_letter)) {
    // Another paper of the dossier (a jaarverslag) is named by it alone.
    if (std::string dossier = DossierName(clean.masthead); !dossier.empty()) {
      doc.title = sent_as_letter ? "Kamerbrief: " + dossier : dossier;
    }
  }
  // A plenary debate's record is named by the item it opens with
  // ("Consulaire dienstverlening" / "Aan de orde is het debat over …"),
  // not by the item's number above it ("9").
  if (doc.title.empty() && doc.reference.starts_with("Handelingen")) {
    auto item = std::find_if(clean.lines.begin(), clean.lines.end(), [](const Line& l) {
      return !l.text.empty() && !std::all_of(l.text.begin(), l.text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
    });
    if (item != clean.lines.end() && IsHeadingLike(item->text)) {
      doc.title = "Plenair debat: " + item->text;
      // The item's name may wrap onto a second line ("Begroting
      // Buitenlandse" / "Zaken 2027").
      if (auto second = item + 1; second != clean.lines.end() && IsHeadingLike(second->text) &&
                                  !second->text.starts_with("Vragen van ") &&
                                  (second + 1 == clean.lines.end() || (second + 1)->text.empty())) {
        doc.title += " " + second->text;
      }
      // The question hour names each member's questions: "Vragenuur" /
      // "Vragen van het lid Sahin-Verbeek aan de minister … over …".
      const size_t next = NextText(clean.lines, static_cast<size_t>(item - clean.lines.begin()));
      if (next < clean.lines.size() && clean.lines[next].text.starts_with("Vragen van ")) {
        std::string asked = clean.lines[next].text;
        if (asked.ends_with(".")) asked.pop_back();
        doc.title = item->text + ": " + asked;
      }
    }
  }
  if (doc.title.empty()) {
    bool to_parliament = !doc.reference.empty() ||
                         text.find("Aan de Voorzitter van de") != std::string::npos ||
                         HasAddressee(clean.lines);
    // A report is named by its first heading above the text ("Beleidsreactie
    // evaluatie visumdienstverlening" / "2019–2024"), not by who made it.
    static const regex kMaker("^(Ministerie|Directie|Rijksoverheid|Den Haag|'s-Gravenhage)\\b.*");
    // So is a web page of questions ("Vraag en antwoord: wonen in het
    // buitenland"), and a paper that is no letter (no addressee, no
    // salutation): a chapter of the annual report ("Artikel 4. Consulaire
    // dienstverlening …").
    static const regex kSalutation("(^|\\n)(Geachte|Hooggeachte) ");
    const bool letter = text.find("Aan de Voorzitter van de") != std::string::npos ||
                        HasAddressee(clean.lines) || std::regex_search(text, kSalutation);
    if (!to_parliament || !letter) {
      // A budget's or annual report's chapter is named by its article
      // ("3.4 Artikel 4 Consulaire dienstverlening …" → "Artikel 4 …"),
      // not by the first heading under it ("A. Algemene doelstelling").
      static const regex kArticle(
          "^[0-9]{1,2}(?:\\.[0-9]{1,2})*\\.? +((?:Beleids|Niet-beleids)?[Aa]rtikel [0-9]+.*)$");
      static const regex kLettered("^[A-Z][.)] \\S.*");
      for (const std::string& p : top) {
        if (EndsSentence(p)) break;
        if (std::smatch a; IsHeadingLike(p) && std::regex_match(p, a, kArticle)) {
          doc.title = a[1].str();
          return;
        }
        if (IsHeadingLike(p) && p.find(' ') != std::string::npos && !std::regex_match(p, kMaker) &&
            !SectionHeadings::IsNumbered(p) && !std::regex_match(p, kLettered) &&
            !std::regex_search(p, DatePattern())) {
          doc.title = p;
          return;
        }
      }
      // A chapter of a publication, whose name heads every page ("Staat
      // van het Consulair 2025" / "4 Hulp in nood"): that name.
      const std::string first(Trim(text.substr(0, text.find('\n'))));
      if (!to_parliament && IsHeadingLike(first) &&
          std::find(clean.footers.begin(), clean.footers.end(), first) != clean.footers.end()) {
        doc.title = first;
        return;
      }
    }
    doc.title = kind == DocumentKind::kQuestions ? "Vragen en antwoorden"
                : to_parliament                  ? "Kamerbrief"
                                                 : "Document";
  }
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  flat = CollapseSpaces(flat);
  size_t start = 0;
  for (size_t i = 0; i + 1 < flat.size(); ++i) {
    bool end = (flat[i] == '.' || flat[i] == '?' || flat[i] == '!') && flat[i + 1] == ' ' &&
               StartsUpper(std::string_view(flat).substr(i + 2));
    // An item's number ("11. Toezegging …") ends no sentence.
    const std::string_view before = std::string_view(flat).substr(start, i - start);
    end = end && !(!before.empty() && before.size() <= 3 &&
                   before.find_first_not_of("0123456789") == std::string_view::npos);
    if (end) {
      out.push_back(flat.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < flat.size()) out.push_back(std::string(Trim(flat.substr(start))));
  return out;
}

constexpr size_t kMaxPassageTitleBytes = 110;

// A title: the first question asked in so many words ("Waarom niet?" says
// too little), else the first sentence; cut at a word boundary.
std::string TitleFrom(const std::string& text, size_t max_bytes = 160) {
  constexpr size_t kMinTitleWords = 6;
  // A table's caption on a line of its own names the passage, without its
  // number ("Tabel 1. Aanvragen per post, 2024"); a sentence that starts
  // so ("Tabel 1 geeft een overzicht …") is no caption.
  static const regex kCaption("^(Tabel|Figuur|Grafiek|Overzicht) [0-9]+[.:]? +([^\n]+)\n");
  std::smatch caption;
  if (std::regex_search(text, caption, kCaption) && !EndsSentence(caption[2].str())) {
    return TitleFrom(caption[2].str(), max_bytes);
  }
  // A list's items read as sentences, without their dashes.
  static const regex kItemDash("(^|\n)– ");
  std::vector<std::string> sentences = Sentences(std::regex_replace(text, kItemDash, "$1"));
  std::string title = sentences.empty() ? text : sentences.front();
  // Members who ask in so many words ("De leden van de CDA-fractie vragen
  // of …") ask in their first sentence; a question after it follows up.
  const bool members_ask = !sentences.empty() && MembersAsk(sentences.front());
  for (const std::string& s : sentences) {
    if (members_ask) break;
    if (s.ends_with("?") && WordCount(s) >= kMinTitleWords) {
      title = s;
      break;
    }
  }
  if (title.size() > max_bytes) {
    size_t cut = title.rfind(' ', max_bytes);
    title = title.substr(0, cut == std::string::npos ? max_bytes : cut) + " …";
  }
  return title;
}

// The numbers a numbering skipped: "2" between "1" and "3", "VVD-2"
// between "VVD-1" and "VVD-3" (each party's numbering on its own).
// Lettered questions ("2a") fill no gap.
std::vector<std::string> MissingNumbers(const std::vector<ParsedPassage>& passages) {
  std::vector<std::string> missing;
  std::map<std::string, int> last;  // by party; "" for the shared numbering
  for (const ParsedPassage& p : passages) {
    std::optional<QuestionNumber> first = FirstNumber(p.number), end = LastNumber(p.number);
    if (!first || !end) continue;
    int& seen = last[first->party];
    for (int k = seen + 1; seen > 0 && k < first->number; ++k) {
      missing.push_back(Printed(QuestionNumber{first->party, k}));
    }
    seen = end->number;
  }
  return missing;
}

// The end of an article's id: "3" for question 3 (and for "3 en 4"), "2a",
// "vvd-1".
std::string IdSuffix(const std::string& label) {
  std::optional<QuestionNumber> n = FirstNumber(label);
  if (!n) return Slug(label);
  return Slug(Printed(*n));
}

// A motion or an amendment, which can be neither questions nor a letter:
// named by its masthead ("Nr. 34 MOTIE VAN HET LID …") or by its opening
// formula ("gehoord de beraadslaging,", "stelt het volgende amendement
// voor:"), also in a copy without the masthead. Nothing for other papers.
std::optional<RefusedPaper> MotionOrAmendment(const CleanText& clean) {
  static const regex kMotion(
      "^(?:Nr\\. ?[0-9]+ +(?:(?:nader )?gewijzigde )?motie van\\b.*|"
      "(?:De Kamer, ?)?gehoord de beraadslaging,?)$",
      icase);
  static const regex kAmendment(
      "^(?:Nr\\. ?[0-9]+ +(?:(?:nader )?gewijzigd )?amendement van\\b.*|"
      ".*\\bstel(?:t|len) (?:het )?(?:volgende|navolgende) amendement voor:?)$",
      icase);
  std::vector<std::string> top(clean.masthead.begin(), clean.masthead.end());
  for (size_t i = 0; i < clean.lines.size() && i < kTitleLines; ++i) {
    top.push_back(clean.lines[i].text);
  }
  for (const std::string& line : top) {
    if (std::regex_match(line, kMotion)) return RefusedPaper::kMotion;
    if (std::regex_match(line, kAmendment)) return RefusedPaper::kAmendment;
  }
  return std::nullopt;
}

// A web page of questions and answers ("Vraag en antwoord: wonen in het
// buitenland"): each question a paragraph of its own, a sentence that asks
// ("Kan ik DigiD gebruiken als ik in het buitenland woon?"), the answer's
// paragraphs under it. Numbered in order; a question without an answer of
// some words (the page's "Was deze informatie nuttig?" / "Ja" / "Nee") is
// none. Empty unless the page asks kMinPageQuestions questions so.
// `first` is set to the first question's line.
std::vector<ParsedPassage> QuestionsOfAPage(const std::vector<Line>& lines, size_t& first) {
  constexpr size_t kMaxQuestionWords = 30;
  constexpr size_t kMinAnswerWords = 8;
  constexpr size_t kMinPageQuestions = 3;
  auto asks = [&](size_t i) {
    const std::string& t = lines[i].text;
    if (t.empty() || !t.ends_with("?") || !StartsUpper(t) || WordCount(t) > kMaxQuestionWords ||
        lines[i].bullet || lines[i].numbered) {
      return false;
    }
    // A paragraph of its own: after a blank line or a paragraph's end, and
    // before a paragraph that starts anew.
    const bool opens = i == 0 || lines[i - 1].text.empty() || EndsSentence(lines[i - 1].text);
    const size_t next = NextText(lines, i);
    return opens && next < lines.size() && StartsUpper(lines[next].text) &&
           !lines[next].text.ends_with("?");
  };
  std::vector<size_t> at;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (asks(i)) at.push_back(i);
  }
  std::vector<ParsedPassage> out;
  for (size_t k = 0; k < at.size(); ++k) {
    const size_t end = k + 1 < at.size() ? at[k + 1] : lines.size();
    std::vector<std::string> answer = ParagraphsOf(lines, at[k] + 1, end);
    size_t words = 0;
    for (const std::string& p : answer) words += WordCount(p);
    if (words < kMinAnswerWords) continue;
    out.push_back(
        ParsedPassage{std::to_string(out.size() + 1), "", lines[at[k]].text, Join(answer, "\n\n")});
  }
  if (out.size() < kMinPageQuestions) out.clear();
  if (!out.empty()) first = at.front();
  return out;
}

// The passages of a letter that sends its answers in an annex ("Bijlage" /
// "Beantwoording van de vragen …") in the same file: the text before the
// annex, where it is a letter of some length and not a covering note.
std::vector<ParsedPassage> LetterBeforeAnnex(const std::vector<Line>& lines,
                                             size_t first_question) {
  constexpr size_t kMinLetterWords = 100;
  static const regex kAnnex("^(Bijlage|BIJLAGE)( [0-9]+| [IVX]+)?[:.]?( .*)?$");
  auto is_annex = [](const std::string& t) {
    return t.size() < 120 && !EndsSentence(t) && std::regex_match(t, kAnnex);
  };
  size_t annex = std::min(first_question, lines.size());
  while (annex > 0 && !is_annex(lines[annex - 1].text)) --annex;
  if (annex == 0) return {};
  --annex;  // the annex's own line
  std::vector<ParsedPassage> letter = ParseLetter(
      std::vector<Line>(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(annex)));
  size_t words = 0;
  for (const ParsedPassage& p : letter) words += WordCount(p.text);
  if (letter.size() < 2 || words < kMinLetterWords) return {};
  for (ParsedPassage& p : letter) p.number.clear();
  return letter;
}

// What marks a text as a letter or report of government: a parliamentary
// paper's footer or masthead, an addressee, a dated letterhead, a
// salutation, a minister's signature, or a reference to parliament.
// Prose without any of these (a newsletter, a menu) is no such document.
// A parliamentary paper's or a letter's marks: a masthead, the chamber's
// page footer, an addressee, a salutation or a minister's signature.
bool HasPaperMarks(const CleanText& clean) {
  static const regex kSalutation("^(Geachte|Hooggeachte) ", icase);
  if (!clean.masthead.empty()) return true;
  for (const std::string& f : clean.footers) {
    if (f.find("vergaderjaar") != std::string::npos || std::regex_search(f, HandelingenRecord())) {
      return true;
    }
  }
  if (HasAddressee(clean.lines)) return true;
  return std::any_of(clean.lines.begin(), clean.lines.end(), [](const Line& l) {
    return std::regex_search(l.text, Signature()) || std::regex_search(l.text, kSalutation);
  });
}

// A report of the ministry's own ("Staat van het Consulair", a chapter of
// an annual report): sections numbered in one scheme ("3.1 Inleiding",
// "3.2 …"), at least three, in a text that speaks of the ministry.
bool IsMinistryReport(const std::vector<Line>& lines, const std::string& text) {
  static const regex kMinistry("\\b(ministerie|minister)\\b", icase);
  constexpr size_t kMinSections = 3;
  std::set<std::string> sections;
  for (const Line& l : lines) {
    const std::string heading = CollapseSpaces(std::string(Trim(l.text)));
    if (SectionHeadings::IsNumbered(heading)) sections.insert(heading);
  }
  return sections.size() >= kMinSections && std::regex_search(text, kMinistry);
}

bool IsOfficialLetter(const CleanText& clean, std::string_view raw) {
  static const regex kParliament(
      "\\b(Kamerstuk(ken)?|uw Kamer|de Tweede Kamer|de Eerste Kamer)\\b");
  if (HasPaperMarks(clean)) return true;
  for (const Line& l : clean.lines) {
    if (std::regex_search(l.text, DatePattern())) return true;
  }
  const std::string text(raw.substr(0, std::min<size_t>(raw.size(), 200000)));
  return std::regex_search(text, kParliament) || std::regex_search(text, HandelingenReference()) ||
         IsMinistryReport(clean.lines, text);
}

}  // namespace

std::optional<RefusedPaper> RefusedPaperIn(std::string_view text) {
  if (text.find('\0') != std::string_view::npos || !IsValidUtf8(text)) return std::nullopt;
  return MotionOrAmendment(CleanPdfText(text));
}

Result<ParsedDocument> ParseDocument(std::string_view text, std::string_view name) {
  if (Trim(text).empty()) return InvalidArgument("the file is empty");
  if (text.find('\0') != std::string_view::npos || !IsValidUtf8(text)) {
    return InvalidArgument("the file is not UTF-8 text (extract the text of a PDF first)");
  }
  CleanText clean = CleanPdfText(text);
  const std::vector<Line> lines = NumberedQuestionLines(SetApartMembersHeadings(clean.lines));
  if (std::optional<RefusedPaper> paper = MotionOrAmendment(clean)) {
    return InvalidArgument(std::string("this is ") +
                           (*paper == RefusedPaper::kMotion ? "a motion" : "an amendment") +
                           ": only letters, reports and answers to questions can be imported");
  }

  ParsedDocument out;
  std::vector<AnswerMark> marks = FindAnswerMarkers(lines);
  std::vector<Candidate> questions;
  if (marks.size() >= 2) questions = PairQuestions(lines, marks);
  bool numbered_answers =
      marks.size() >= 2 && std::count_if(marks.begin(), marks.end(), [](const AnswerMark& a) {
                             return a.number.has_value();
                           }) >= static_cast<long>(marks.size() * 3 / 4);
  std::vector<ParsedPassage> answered_later;
  if (numbered_answers) answered_later = ParseQuestionsThenAnswers(lines, marks);
  if (answered_later.size() >= 2) {
    out.passages = std::move(answered_later);
  } else if (questions.size() >= 2 && questions.size() * 2 >= marks.size()) {
    out.passages = ParseNumberedQuestions(lines, questions, marks);
  } else if (numbered_answers) {
    out.passages = ParseNumberedAnswers(lines, marks);
  } else if (std::vector<ParsedPassage> replies = marks.empty()
                                                      ? ParseQuestionsThenNumberedReplies(lines)
                                                      : std::vector<ParsedPassage>{};
             replies.size() >= 2) {
    out.passages = std::move(replies);
  } else {
    questions = SequentialQuestions(lines);
    if (questions.size() >= 2) {
      out.passages = ParseNumberedQuestions(lines, questions, marks);
    } else if (marks.size() >= 2) {
      // Unnumbered questions, each followed by "Antwoord" or "Reactie van
      // de minister": numbered here in order.
      out.passages = ParseNumberedAnswers(lines, marks);
      PairAnswersParagraphByParagraph(out.passages);
    }
  }
  // Written questions may ask one thing only: "Vraag 1" and its "Antwoord 1".
  bool one_question = false;
  if (out.passages.empty() && marks.size() == 1 && marks[0].number) {
    questions = PairQuestions(lines, marks);
    if (questions.size() == 1 && std::regex_match(lines[questions[0].line].text, VraagMarker())) {
      out.passages = ParseNumberedQuestions(lines, questions, marks);
      one_question = out.passages.size() == 1;
    }
  }
  std::erase_if(out.passages, [](const ParsedPassage& p) {
    return Trim(p.question).empty() && Trim(p.text).empty();
  });
  // Without the marks of a paper, a page of questions and answers.
  size_t first_question = lines.size();
  if (out.passages.empty() && !HasPaperMarks(clean)) {
    out.passages = QuestionsOfAPage(lines, first_question);
  }
  if (out.passages.size() >= 2 || (one_question && out.passages.size() == 1)) {
    out.document.kind = DocumentKind::kQuestions;
    out.missing_numbers = MissingNumbers(out.passages);
    for (const auto& p : out.passages) {
      if (Trim(p.question).empty() || Trim(p.text).empty()) {
        return InvalidArgument(
            "question " + p.number +
            (Trim(p.question).empty() ? " has no question text" : " has no answer"));
      }
    }
    // A letter whose annex answers questions: the letter's passages first.
    if (!questions.empty()) first_question = questions.front().line;
    if (!marks.empty()) first_question = std::min(first_question, marks.front().line);
    std::vector<ParsedPassage> letter = LetterBeforeAnnex(lines, first_question);
    out.passages.insert(out.passages.begin(), letter.begin(), letter.end());
  } else {
    out.passages = ParseLetter(lines);
    size_t words = 0;
    for (const auto& p : out.passages) words += WordCount(p.text);
    if (out.passages.size() < 3 || words < 150) {
      return InvalidArgument(
          "this is neither a list of questions and answers nor a letter or report: found " +
          std::to_string(out.passages.size()) + " passage(s) of prose");
    }
    if (!IsOfficialLetter(clean, text)) {
      return InvalidArgument(
          "this is neither a list of questions and answers nor a letter or report to parliament: "
          "it has no parliamentary page footer, addressee, dated letterhead, salutation or "
          "minister's signature");
    }
    JoinReactionsToQuestions(out.passages);
    JoinTaggedQuestionsToReplies(out.passages);
    JoinDebateAnswersToTurns(out.passages);
    JoinReportedAnswersToTurns(out.passages);
    SplitMembersQuestions(out.passages);
    out.document.kind = DocumentKind::kLetter;
  }
  // The heading of the notes at a web page's end, their text gone.
  if (!out.passages.empty()) {
    std::string& last = out.passages.back().text;
    for (std::string_view notes : {"\n\nNoten", "\n\nVoetnoten"}) {
      if (last.ends_with(notes)) last.resize(last.size() - notes.size());
    }
  }
  ReadMetadata(clean, text, name, out.document.kind, out.document);
  return out;
}

std::vector<Article> ToArticles(const ParsedDocument& parsed) {
  std::vector<Article> out;
  const SourceDocument& d = parsed.document;
  int ordinal = 0;
  for (const ParsedPassage& p : parsed.passages) {
    Article a;
    ++ordinal;
    a.ordinal = ordinal;
    a.source.document_key = d.key;
    a.source.document = d.title;
    a.source.reference = d.reference;
    a.source.date = d.date;
    a.source.number = p.number;
    a.heading = p.heading;
    a.question.nl = p.question;
    a.body.nl = p.text;
    if (d.kind == DocumentKind::kQuestions && !p.number.empty()) {
      a.id = d.key + "-" + IdSuffix(p.number);
      a.title.nl = TitleFrom(p.question);
    } else {
      a.id = d.key + "-p" + std::to_string(ordinal);
      // The question a report's passage answers, else its first sentence:
      // a section's paragraphs share its heading.
      a.title.nl =
          p.question.empty() ? TitleFrom(p.text, kMaxPassageTitleBytes) : TitleFrom(p.question);
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace loket::knowledge

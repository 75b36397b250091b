#include "knowledge/pdf_text.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <utility>

#include "core/strings.h"
#include "knowledge/dutch_dates.h"
#include "knowledge/side_by_side_questions.h"

namespace loket::knowledge {
namespace {

// The first code point of `text` (0 when empty or not UTF-8).
char32_t FirstCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  auto b = static_cast<unsigned char>(text[0]);
  if (b < 0x80) return b;
  if ((b & 0xE0) == 0xC0 && text.size() >= 2) {
    return static_cast<char32_t>(((b & 0x1F) << 6) | (static_cast<unsigned char>(text[1]) & 0x3F));
  }
  if ((b & 0xF0) == 0xE0 && text.size() >= 3) {
    return static_cast<char32_t>(((b & 0x0F) << 12) |
                                 ((static_cast<unsigned char>(text[1]) & 0x3F) << 6) |
                                 (static_cast<unsigned char>(text[2]) & 0x3F));
  }
  return 0;
}

// The last code point's first byte offset.
size_t LastCodePointStart(std::string_view text) {
  size_t i = text.size();
  while (i > 0) {
    --i;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return i;
  }
  return 0;
}

// Latin-1 and Latin Extended-A, where upper and lower case alternate; the
// alternation changes parity at U+0139 and U+0179.
bool IsUpperCp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  return false;
}

bool IsLowerCp(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !IsUpperCp(c);
  return false;
}

bool IsLetterCp(char32_t c) { return IsUpperCp(c) || IsLowerCp(c); }

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

// A paper's identifier: "kst-36180-48", "ah-tk-20222023-2104".
constexpr char kIdentifier[] = "(kst|ah-tk|ah-ek|blg|h-tk|h-ek|stb|stcrt|trb)-[0-9a-z][0-9a-z-]*";

// Running footers of parliamentary papers, with the page number at the end.
// On the first page the place and year of printing stand before it
// ("’s-Gravenhage 2023      Tweede Kamer, vergaderjaar …"), or the whole
// colophon does (`pdftotext -raw`: "kst-32735-631 ISSN 0921 - 7371
// ’s-Gravenhage 2026 Tweede Kamer, …"); on others the paper's identifier
// may ("ah-tk-20252026-612      Tweede Kamer, …").
// Answers to written questions print "Aanhangsel Handelingen II
// 2025/2026, nr. 1187" and the page number.
const std::regex& FooterPattern() {
  static const std::regex re(
      std::string("^((’|')s-Gravenhage [0-9]{4} +|") + kIdentifier +
      " +(?:ISSN [0-9]{4} ?- ?[0-9]{3}[0-9xX] +(?:’|')s-Gravenhage [0-9]{4} +)?)?"
      "((Tweede|Eerste) Kamer,? (der Staten-Generaal,? )?"
      "vergaderjaar [0-9]{4} ?(–|-|—) ?[0-9]{4}.*|Aanhangsel Handelingen I?I [0-9]{4}/[0-9]{2,4},? "
      "nr\\. [0-9]+( +[0-9]{1,4})?)$");
  return re;
}

// The page footer of the Handelingen (the record of a plenary debate):
// "Tweede Kamer Consulaire dienstverlening" / "11 december 2025" / "TK 34
// 34-7-1", the chamber, the sitting, and the item and page.
const std::regex& HandelingenFooter() {
  static const std::regex re("^(TK|EK) ([0-9]{1,3}) +[0-9]{1,3}-([0-9]{1,3})-[0-9]{1,3}$");
  return re;
}

// A Handelingen footer printed on two lines ("TK 19" / "19-7-1"), as one:
// "TK 19 19-7-1". The sitting's date may stand between them ("TK 48" /
// "12 februari 2026" / "48-7-1"): it goes above, where the footer's other
// lines stand.
void JoinSplitHandelingenFooters(std::vector<std::string>& raw_lines) {
  static const std::regex sitting("^(TK|EK) [0-9]{1,3}$");
  static const std::regex page("^\f?[0-9]{1,3}-[0-9]{1,3}-[0-9]{1,3}$");
  static const std::regex date("^[0-9]{1,2} " + MonthNamesGroup() + " [0-9]{4}$");
  auto next_text = [&](size_t k) {
    for (++k; k < raw_lines.size() && Trim(raw_lines[k]).empty(); ++k) {
    }
    return k;
  };
  for (size_t i = 0; i + 1 < raw_lines.size(); ++i) {
    if (!std::regex_match(raw_lines[i], sitting)) continue;
    size_t next = next_text(i);
    std::string between;
    if (next < raw_lines.size() && std::regex_match(raw_lines[next], date)) {
      between = raw_lines[next];
      next = next_text(next);
    }
    if (next >= raw_lines.size() || next > i + 4 || !std::regex_match(raw_lines[next], page)) {
      continue;
    }
    const bool form_feed = raw_lines[next].starts_with('\f');
    raw_lines[i] += " " + raw_lines[next].substr(form_feed ? 1 : 0);
    raw_lines.erase(raw_lines.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    raw_lines.begin() + static_cast<std::ptrdiff_t>(next) + 1);
    if (form_feed) raw_lines.insert(raw_lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, "\f");
    if (!between.empty()) {
      raw_lines.insert(raw_lines.begin() + static_cast<std::ptrdiff_t>(i), between);
      ++i;
    }
  }
}

// Removes the debate's name and date that stand above a Handelingen
// footer ("Tweede Kamer Consulaire dienstverlening" / "11 december 2025",
// or "Tweede Kamer" / "Begroting Buitenlandse Zaken 2027" / "12 november
// 2026"), and names the record: "Handelingen II 2025/26, nr. 34, item 7,
// 11 december 2025" (the session year runs from September).
std::string HandelingenReference(const std::smatch& footer, std::vector<Line>& lines) {
  static const std::regex date_line("^([0-9]{1,2}) " + MonthNamesGroup() + " ([0-9]{4})$");
  // The last line of text above `end`, or npos.
  auto above = [&](size_t end) {
    while (end > 0 && lines[end - 1].text.empty()) --end;
    return end == 0 ? std::string::npos : end - 1;
  };
  auto chamber = [&](size_t i) {
    const std::string& t = lines[i].text;
    return t.starts_with("Tweede Kamer") || t.starts_with("Eerste Kamer");
  };
  std::string date, month;
  int year = 0;
  size_t cut = lines.size();
  std::smatch d;
  if (size_t i = above(cut);
      i != std::string::npos && std::regex_match(lines[i].text, d, date_line)) {
    date = lines[i].text;
    month = d[2].str();
    year = std::stoi(d[3].str());
    cut = i;
  }
  if (size_t i = above(cut); i != std::string::npos) {
    const size_t up = above(i);
    if (chamber(i)) {
      cut = i;
    } else if (up != std::string::npos &&
               (lines[up].text == "Tweede Kamer" || lines[up].text == "Eerste Kamer")) {
      cut = up;
    }
  }
  lines.resize(cut);
  std::string reference = std::string("Handelingen ") + (footer[1] == "TK" ? "II" : "I");
  if (!date.empty()) {
    static const std::set<std::string> autumn = {"september", "oktober", "november", "december"};
    const int first = autumn.contains(month) ? year : year - 1;
    const int next = (first + 1) % 100;
    reference += " " + std::to_string(first) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
  }
  reference += ", nr. " + footer[2].str() + ", item " + footer[3].str();
  if (!date.empty()) reference += ", " + date;
  return reference;
}

// The rest of a paper's first-page colophon: its identifier, the series'
// ISSN, and the place and year of printing on a line of their own.
const std::regex& ColophonPattern() {
  static const std::regex re(std::string("^(") + kIdentifier +
                                 "|ISSN [0-9]{4} ?- ?[0-9]{3}[0-9x]|(’|')s-Gravenhage [0-9]{4})$",
                             std::regex::icase);
  return re;
}

// The running footer of answers to written questions on the following
// pages: the identifier and the page number ("ah-tk-20222023-2104   2").
const std::regex& IdentifierFooter() {
  static const std::regex re(std::string("^(") + kIdentifier + ") +[0-9]{1,4}$", std::regex::icase);
  return re;
}

// The identifier as PDF-to-Markdown converters print it in the footer,
// with spaces for its hyphens and perhaps the page number after it ("ah tk
// 20232024 387", "kst 36180 48 2").
const std::regex& SpacedIdentifierFooter() {
  static const std::regex re("^((a?h (tk|ek) [0-9]{8}|kst [0-9]{5,6}) [0-9]{1,4})( +[0-9]{1,4})?$",
                             std::regex::icase);
  return re;
}

// The masthead of a parliamentary paper, as its first page prints it:
//   Tweede Kamer der Staten-Generaal                     2
//   Vergaderjaar 2022–2023
//   36 180            Consulaire dienstverlening
//   Nr. 48            BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN
// (the Eerste Kamer letters its papers: "C                 BRIEF VAN …",
// or without `-layout` "E" and "NADERE MEMORIE VAN ANTWOORD" on lines of
// their own: the paper's name in capitals ends the masthead too).
const std::regex& MastheadStart() {
  static const std::regex re("^(Tweede|Eerste) Kamer der Staten-Generaal( +[0-9]+)?$");
  return re;
}
const std::regex& PaperName() {
  static const std::regex re("^[A-Z]+( [A-Z]+){2,}$");
  return re;
}
const std::regex& PaperNumberOnly() {
  static const std::regex re("^Nr\\. [0-9]+$");
  return re;
}
const std::regex& MastheadEnd() {
  static const std::regex re("^(Nr\\. [0-9]+( +.*)?|[A-Z]{1,2} {2,}[A-Z].*|[A-Z]+( [A-Z]+){2,})$");
  return re;
}
// A masthead without the chamber's name starts with the dossier and its
// title: "36 800 V Vaststelling van de begrotingsstaten …", "21 501-02 Raad
// Buitenlandse Zaken".
const std::regex& DossierLine() {
  static const std::regex re("^[0-9]{2} [0-9]{3}(-[0-9]{1,2})?( [A-Z]{1,5})?( +[A-Z(].*)?$");
  return re;
}
constexpr size_t kMaxDossierLines = 6;
const std::regex& VergaderjaarLine() {
  static const std::regex re("^Vergaderjaar [0-9]{4} ?(–|-|—) ?[0-9]{4}$");
  return re;
}
constexpr size_t kMaxMastheadLines = 20;

// "Pagina 3 van 12", "- 3 -", "3/12".
const std::regex& PageNumberPattern() {
  static const std::regex re(
      "^((Pagina|Page|Blz\\.?) [0-9]{1,4}( (van|of) [0-9]{1,4})?|- ?[0-9]{1,4} ?-|[0-9]{1,4} ?/ "
      "?[0-9]{1,4})$",
      std::regex::icase);
  return re;
}

// Bullets as PDF text extraction leaves them, including the private-use
// code points of the Symbol and Wingdings fonts (U+F0B7, U+F0A7, U+F0D8,
// U+F076, U+F0FC, U+F0E0).
// "1. Het kabinet …", "b) de posten …": an item of a numbered list.
const std::regex& NumberedItem() {
  static const std::regex re("^([0-9]{1,2}|[a-z])([.)]) +\\S");
  return re;
}

// A line that leaves a parenthesis open for the next one to close.
bool OpensParenthesis(std::string_view text) {
  return std::count(text.begin(), text.end(), '(') > std::count(text.begin(), text.end(), ')');
}

// A line that ends in a word a number goes with ("… geraamd op artikel" /
// "1. Daarin is …", "zie vraag" / "12. …"): the number on the next line
// is the reference's, not a list item's.
bool EndsInNumberedWord(std::string_view text) {
  static const std::set<std::string, std::less<>> words = {
      "artikel",        "artikelen", "vraag",
      "vragen",         "bijlage",   "hoofdstuk",
      "paragraaf",      "lid",       "onderdeel",
      "tabel",          "figuur",    "pagina",
      "bladzijde",      "blz.",      "nr.",
      "nummer",         "stap",      "fase",
      "punt",           "sectie",    "begrotingsartikel",
      "beleidsartikel", "motie",     "amendement",
      "kamerstuk"};
  const size_t space = text.rfind(' ');
  std::string last = AsciiLower(text.substr(space == std::string_view::npos ? 0 : space + 1));
  return words.contains(last);
}

// The column heads of a list of questions, repeated on every page: "Nr
// Vraag Blz. (van) t/m", "Nr. Vraag Bijlage Blz.".
const std::regex& QuestionTableHeader() {
  static const std::regex re("^Nr\\.? +Vraag( +[A-Z(].*)?$");
  return re;
}

const char* const kBulletGlyphs[] = {"•",
                                     "●",
                                     "▪",
                                     "■",
                                     "◦",
                                     "○",
                                     "·",
                                     "\xEF\x82\xB7",
                                     "\xEF\x82\xA7",
                                     "\xEF\x83\x98",
                                     "\xEF\x81\xB6",
                                     "\xEF\x83\xBC",
                                     "\xEF\x83\xA0",
                                     "–",
                                     "—",
                                     "-",
                                     "*",
                                     "o",
                                     "➢",
                                     "►",
                                     "✓"};

// Removes a leading bullet glyph; returns whether there was one.
bool StripBullet(std::string& text) {
  for (const char* glyph : kBulletGlyphs) {
    std::string_view g(glyph);
    if (text.size() > g.size() + 1 && text.compare(0, g.size(), g) == 0 &&
        (text[g.size()] == ' ')) {
      // "o" and "-" only as bullets when a word follows ("o tekst", "- tekst").
      std::string rest(Trim(std::string_view(text).substr(g.size())));
      if (rest.empty()) return false;
      if ((g == "o" || g == "-" || g == "*") && !IsLetterCp(FirstCodePoint(rest)) &&
          !std::isdigit(static_cast<unsigned char>(rest[0]))) {
        return false;
      }
      text = rest;
      return true;
    }
  }
  return false;
}

// A page number or a question's number ("12", "12.", "12)"); not a year
// that a wrapped line left alone ("2024.", "2017).").
bool IsNumberOnly(std::string_view t) {
  static const std::regex re("^([0-9]{1,3} ?[.)]?|[0-9]{4})$");
  return std::regex_match(t.begin(), t.end(), re);
}

// A line that repeats on many pages with only its digits changing is a
// running header or footer.
std::string RepeatKey(std::string_view text) {
  std::string key;
  for (char c : text) key += std::isdigit(static_cast<unsigned char>(c)) ? '#' : c;
  return key;
}

bool EndsWithQuestion(std::string_view text) {
  text = Trim(text);
  return !text.empty() && text.back() == '?';
}

bool LooksLikeMarkerLine(std::string_view text) {
  static const std::regex re("^([0-9]{1,3}[.)]? ?)?(Vraag|Antwoord)\\b.*", std::regex::icase);
  return std::regex_match(text.begin(), text.end(), re);
}

// Footnotes: "N text" lines at the foot of a page whose marker N stands
// glued to a word earlier in the text ("goederen.1", "vertegenwoordigingen7").
struct Marker {
  size_t line = 0;
  size_t pos = 0;
  size_t len = 0;
};

// A marker glued to a year and followed by punctuation ("herzien in
// 20242." for 2024 and footnote 2): Dutch writes larger numbers with a
// thousands separator ("20.242"). A post office box is no year
// ("Postbus 20061, 2500 EB Den Haag").
bool AfterYear(std::string_view t, size_t p, size_t after) {
  if (p < 4 || after >= t.size() ||
      std::string_view(".,;:?!)").find(t[after]) == std::string_view::npos) {
    return false;
  }
  std::string_view year = t.substr(p - 4, 4);
  if (!std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (p > 4 &&
      (std::isdigit(static_cast<unsigned char>(t[p - 5])) || t[p - 5] == '.' || t[p - 5] == ',')) {
    return false;
  }
  if (t.substr(0, p - 4).ends_with("Postbus ")) return false;
  return year.starts_with("19") || year.starts_with("20");
}

// A marker after a year and its comma ("in oktober 2025,1 over"): a
// decimal would follow a thousands separator ("2.025,1").
bool AfterYearAndComma(std::string_view t, size_t p) {
  if (p < 5 || t[p - 1] != ',') return false;
  std::string_view year = t.substr(p - 5, 4);
  if (!std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  return (p == 5 || t[p - 6] == ' ' || t[p - 6] == '(') &&
         (year.starts_with("19") || year.starts_with("20"));
}

// Finds the glued marker for footnote `n` in lines [from_line, to_line),
// starting at `from`.
std::optional<Marker> FindMarker(const std::vector<Line>& lines, const std::vector<bool>& skip,
                                 int n, Marker from, size_t to_line) {
  const std::string digits = std::to_string(n);
  for (size_t i = from.line; i < to_line; ++i) {
    if (skip[i]) continue;
    const std::string& t = lines[i].text;
    // Parentheses opened and not closed before `p`.
    auto depth = [&](size_t p) {
      const auto before = t.begin() + static_cast<std::ptrdiff_t>(p);
      return std::count(t.begin(), before, '(') - std::count(t.begin(), before, ')');
    };
    size_t start = i == from.line ? from.pos + from.len : 0;
    for (size_t p = t.find(digits, start); p != std::string::npos; p = t.find(digits, p + 1)) {
      if (p == 0) continue;
      unsigned char before = static_cast<unsigned char>(t[p - 1]);
      size_t after = p + digits.size();
      bool after_ok = after == t.size() || t[after] == ' ' || t[after] == ',' || t[after] == ';' ||
                      t[after] == ':' || t[after] == '.' || t[after] == ')' || t[after] == '?' ||
                      t[after] == '!';
      bool before_ok = before >= 0x80 || std::isalpha(before) || before == '.' || before == ',' ||
                       before == ';' || before == ':' || before == ')' || before == '"' ||
                       before == '\'' || before == '?' || before == '!' || AfterYear(t, p, after);
      // Or set apart after a sentence, as a web page prints it ("… nieuw
      // paspoort’? 1)"), outside any parenthesis; not after an
      // abbreviation ("nr. 1)").
      const size_t word = t.rfind(' ', p >= 3 ? p - 3 : 0);
      const bool abbreviation =
          p >= 2 && t[p - 2] == '.' && p - 2 - (word == std::string::npos ? 0 : word + 1) <= 4;
      if (before == ' ' && p >= 2 && after < t.size() && t[after] == ')' && !abbreviation &&
          (after + 1 == t.size() || t[after + 1] == ' ') &&
          (std::string_view("?.!").find(t[p - 2]) != std::string_view::npos ||
           static_cast<unsigned char>(t[p - 2]) >= 0x80) &&
          depth(p) == 0) {
        return Marker{i, p - 1, digits.size() + 2};
      }
      if (before_ok && after_ok) {
        // Not the decimals of a number ("3,1", "2.015"), nor a part of a
        // section number ("artikel 4.1", "2.1.2"); a year ends a sentence
        // ("in 2022.1"). ("G20" is taken: footnote numbers this high are
        // rare next to such names.)
        size_t number_digits = 0;
        while (number_digits + 2 <= p &&
               std::isdigit(static_cast<unsigned char>(t[p - 2 - number_digits]))) {
          ++number_digits;
        }
        if (number_digits > 0 && ((before == ',' && !AfterYearAndComma(t, p)) ||
                                  (before == '.' && (digits.size() == 3 || number_digits <= 2)))) {
          continue;
        }
        // A marker printed as "1)" ("… vonnis»?1)") goes with its
        // parenthesis, where no parenthesis before it is open.
        const bool closed = after < t.size() && t[after] == ')' && depth(p) <= 0;
        return Marker{i, p, digits.size() + (closed ? 1 : 0)};
      }
    }
  }
  return std::nullopt;
}

const std::regex& FootnoteStart() {
  static const std::regex re("^([0-9]{1,3}) +(\\S.*)$");
  return re;
}

constexpr int kMaxSkippedFootnotes = 3;

// One footnote text under several numbers ("5 Motie Bikker en Omtzigt,
// Kamerstuk 36 410, nr. 31", then "8 Motie …") repeats like a running
// footer with its page number; but each of its numbers, rising, stands as
// a marker in the text above it.
bool IsRepeatedFootnote(const std::vector<Line>& lines, const std::vector<size_t>& at) {
  const std::vector<bool> skip(lines.size(), false);
  Marker from{0, 0, 0};
  int last = 0;
  for (size_t i : at) {
    std::smatch m;
    if (!std::regex_match(lines[i].text, m, FootnoteStart())) return false;
    int number = std::stoi(m[1].str());
    if (number <= last || !FindMarker(lines, skip, number, from, i)) return false;
    last = number;
    from = Marker{i + 1, 0, 0};
  }
  return true;
}

// A web page's notes stand together under "Noten" at its end, each number
// on a line of its own ("Noten" / "1" / "Verordening …") or before its
// text ("1) NOS.nl, …"): they are set as
// a page's footnotes are ("1 Verordening …"), for RemoveFootnotes.
void SetEndnotesAsFootnotes(std::vector<Line>& lines) {
  static const std::regex number("^[0-9]{1,3}$");
  // Or with its text on the line: "1) NOS.nl, 19 september 2025, …".
  static const std::regex numbered_note("^([0-9]{1,3})\\) (\\S.*)$");
  auto heading = std::find_if(lines.rbegin(), lines.rend(), [](const Line& l) {
    return l.text == "Noten" || l.text == "Voetnoten";
  });
  if (heading == lines.rend()) {
    // Without a heading: "1) …", "2) …" at the very end, a blank line above.
    auto last =
        std::find_if(lines.rbegin(), lines.rend(), [](const Line& l) { return !l.text.empty(); });
    auto top = last;
    while (top != lines.rend() && std::regex_match(top->text, numbered_note)) ++top;
    if (top == last || top == lines.rend() || !top->text.empty() ||
        !std::prev(top)->text.starts_with("1) ")) {
      return;
    }
    heading = top;
  }
  const auto first = heading.base();  // the line after the heading
  std::vector<Line> notes;
  bool numbered = false;  // the last note has its number and no text yet
  for (auto it = first; it != lines.end(); ++it) {
    if (it->text.empty()) continue;
    if (std::smatch m; !numbered && std::regex_match(it->text, m, numbered_note)) {
      notes.push_back(Line{m[1].str() + " " + m[2].str()});
    } else if (std::regex_match(it->text, number)) {
      if (numbered) return;
      notes.push_back(Line{it->text + " "});
      numbered = true;
    } else if (numbered) {
      notes.back().text += it->text;
      numbered = false;
    } else if (!notes.empty()) {
      notes.push_back(Line{it->text});
    } else {
      return;
    }
  }
  if (notes.empty() || numbered) return;
  notes.front().page_start = true;
  lines.erase(std::prev(first), lines.end());
  lines.emplace_back();
  lines.insert(lines.end(), notes.begin(), notes.end());
}

// A footnote whose number the extraction set on a line of its own ("1" /
// "Verdrag tot afschaffing …") at a page's foot: the number goes in front
// of its text, as RemoveFootnotes reads footnotes. Only where the text
// has the note's marker, the note is no question, and it ends the page or
// the next note follows it.
void JoinLoneFootnoteNumbers(std::vector<Line>& lines) {
  const std::vector<bool> skip(lines.size(), false);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].number_only) continue;
    size_t k = i + 1;
    if (k < lines.size() && lines[k].text.empty()) ++k;
    // (A note may open in lower case: "de Volkskrant, «…», 9 januari 2026".)
    if (k >= lines.size() || lines[k].text.empty() || lines[k].number_only || lines[k].page_start ||
        LooksLikeMarkerLine(lines[k].text)) {
      continue;
    }
    size_t end = k;  // the note's last line
    while (end + 1 < lines.size() && !lines[end + 1].text.empty() && !lines[end + 1].page_start) {
      ++end;
    }
    const std::string number(Trim(lines[i].text));
    if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    const int n = std::stoi(number);
    // The page ends after it, or the next note does, its number on a line
    // of its own too.
    size_t after = end + 1;
    while (after < lines.size() && lines[after].text.empty()) ++after;
    if (after < lines.size() && !lines[after].page_start &&
        !(lines[after].number_only && Trim(lines[after].text) == std::to_string(n + 1))) {
      continue;
    }
    std::string note;
    for (size_t j = k; j <= end; ++j) note += lines[j].text + " ";
    if (EndsWithQuestion(std::string(Trim(note))) ||
        !FindMarker(lines, skip, n, Marker{0, 0, 0}, i)) {
      continue;
    }
    lines[k].text = number + " " + lines[k].text;
    lines[k].page_start = lines[k].page_start || lines[i].page_start;
    lines[i].text.clear();
    lines[i].number_only = false;
    i = end;
  }
}

void RemoveFootnotes(std::vector<Line>& lines) {
  std::vector<bool> remove(lines.size(), false);
  std::vector<Marker> markers;
  Marker last{0, 0, 0};  // markers stand in the text in their order
  int next = 1;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    const std::string& t = lines[i].text;
    if (!std::regex_match(t, m, FootnoteStart())) continue;
    // Footnotes are numbered in sequence; one whose text the extraction
    // lost is skipped over.
    int number = std::stoi(m[1].str());
    if (number < next || number > next + kMaxSkippedFootnotes) continue;
    if (LooksLikeMarkerLine(m[2].str())) continue;
    // A numbered question ("1 Hoeveel …?") is no footnote.
    if (EndsWithQuestion(m[2].str())) continue;
    auto marker = FindMarker(lines, remove, number, last, i);
    // A footnote whose marker is not recognisable ("Top-2517") still goes
    // when it is the next in sequence and stands at the foot of a page.
    if (!marker && number != next) continue;
    // The footnote's continuation lines: up to the next page, the next
    // footnote, or a blank line after a finished sentence.
    bool ended = EndsSentence(m[2].str());
    bool questions = false;  // an "Antwoord" line: this is a list of questions
    bool heading = false;    // this is a numbered heading ("1 Inleiding"), no note
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      const Line& l = lines[j];
      if (l.page_start) break;
      std::smatch n;
      if (std::regex_match(l.text, n, FootnoteStart())) {
        int following = std::stoi(n[1].str());
        if (following > number && following <= number + 1 + kMaxSkippedFootnotes) break;
        if (following == number && !ended) {
          heading = true;
          break;
        }
      }
      if (l.text.empty()) {
        if (ended) break;
        // Without a marker, an unfinished line apart from the text under it
        // is a numbered heading ("3 Hulp in nood en crisisbeheersing").
        if (!marker) {
          heading = true;
          break;
        }
        continue;
      }
      if (LooksLikeMarkerLine(l.text)) {
        questions = true;
        break;
      }
      ended = EndsSentence(l.text);
    }
    if (questions || heading) continue;
    if (!marker) {
      size_t after = j;
      while (after < lines.size() && lines[after].text.empty()) ++after;
      if (after < lines.size() && !lines[after].page_start) continue;
    } else {
      markers.push_back(*marker);
      last = *marker;
    }
    for (size_t k = i; k < j; ++k) remove[k] = !lines[k].text.empty() || k == i;
    next = number + 1;
    i = j - 1;
  }
  // Markers out of the text, last first so positions stay valid.
  for (auto it = markers.rbegin(); it != markers.rend(); ++it) {
    lines[it->line].text.erase(it->pos, it->len);
  }
  std::vector<Line> kept;
  kept.reserve(lines.size());
  bool after_footnote = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (remove[i]) {
      after_footnote = true;
      continue;
    }
    // What follows a footnote block is the next page.
    if (after_footnote && !lines[i].text.empty()) {
      lines[i].page_start = true;
      after_footnote = false;
    }
    kept.push_back(std::move(lines[i]));
  }
  // Blank lines inside a removed footnote block collapse with their
  // neighbours.
  std::vector<Line> out;
  for (auto& l : kept) {
    if (l.text.empty() && !out.empty() && out.back().text.empty()) continue;
    out.push_back(std::move(l));
  }
  lines = std::move(out);
}

// A table of contents: "Inhoudsopgave" and its entries, each ending in its
// page number ("II   Reactie van de bewindspersoon   4", "1. Inleiding
// ..... 2", or after one space where the text's columns were not kept:
// "I Vragen en antwoorden 1"), an entry wrapped over two lines included.
// It repeats the headings of the text.
const std::regex& ContentsHeading() {
  static const std::regex re("^(Inhoudsopgave|Inhoud)( +(blz|pagina)\\.?)?$", std::regex::icase);
  return re;
}
const std::regex& ContentsEntry() {
  static const std::regex re("^\\S.*\\S( +|\\s*\\.{3,}\\s*)[0-9]{1,3}$");
  return re;
}
constexpr int kMinContentsEntries = 2;

// A table that the extraction printed one cell per line ("Verliesgrond" /
// "2023" / "2024" / "2025", "Tien jaar buiten de EU" / "2.140" / …): two
// rows or more of a label followed by as many figures each (three rows or
// more of one figure), joined into
// rows with their cells set apart ("Tien jaar buiten de EU  2.140  …"),
// before the figures would be taken for page numbers.
void JoinCellPerLineTables(std::vector<Line>& lines) {
  static const std::regex cell("^([-–]?[0-9][0-9.,]*%?|[-–])$");
  constexpr size_t kMaxLabelBytes = 80;
  auto is_cell = [&](size_t i) {
    return i < lines.size() && std::regex_match(lines[i].text, cell);
  };
  auto cells_after = [&](size_t i) -> size_t {  // a row's figures, if line i opens one
    if (i >= lines.size() || lines[i].text.empty() || is_cell(i) ||
        lines[i].text.size() > kMaxLabelBytes || EndsSentence(lines[i].text)) {
      return 0;
    }
    size_t k = 0;
    while (is_cell(i + 1 + k)) ++k;
    return k;
  };
  std::vector<Line> out;
  out.reserve(lines.size());
  for (size_t i = 0; i < lines.size();) {
    // Rows of one figure each ("Europese Unie" / "1.012") count from three.
    const size_t k = cells_after(i);
    if (k == 0 || cells_after(i + 1 + k) != k || (k == 1 && cells_after(i + 2 * (1 + k)) != k)) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    // A gap of three spaces sets a row's single figure apart as a column;
    // such a table's header, two labels on lines of their own above it
    // ("Regio" / "Aantal gedetineerden"), becomes a row too.
    const std::string gap = k == 1 ? "   " : "  ";
    auto label = [&](size_t back) {
      const Line& l = out[out.size() - back];
      return !l.text.empty() && l.text.size() <= kMaxLabelBytes / 2 && !EndsSentence(l.text) &&
             !std::regex_match(l.text, cell);
    };
    if (k == 1 && out.size() >= 3 && label(1) && label(2) && out[out.size() - 3].text.empty()) {
      Line value = std::move(out.back());
      out.pop_back();
      out.back().text += gap + value.text;
      out.back().bullet = out.back().numbered = false;
    }
    // The header's label before a page break and its figures after it
    // ("Categorie" / footer / "2023" / "2024" / "2025"): a row too.
    const size_t n = out.size();
    if (n >= k + 2 && out[n - k].page_start &&
        std::all_of(out.begin() + static_cast<std::ptrdiff_t>(n - k), out.end(),
                    [&](const Line& l) { return std::regex_match(l.text, cell); })) {
      size_t head = n - k - 1;
      while (head > 0 && out[head].text.empty()) --head;
      if (head + 1 < n - k && label(n - head)) {
        for (size_t j = n - k; j < n; ++j) out[head].text += gap + out[j].text;
        out[head].bullet = out[head].numbered = out[head].number_only = false;
        out.resize(head + 1);
      }
    }
    while (cells_after(i) == k) {
      Line row = std::move(lines[i]);
      for (size_t j = 1; j <= k; ++j) row.text += gap + lines[i + j].text;
      row.bullet = row.numbered = row.number_only = false;
      out.push_back(std::move(row));
      i += 1 + k;
    }
  }
  lines = std::move(out);
}

// Marks the lines at the pages' edges (each edge's lines in order from the
// page break inward) that stand at half the edges or more, none of them a
// sentence: two such lines or more, or one with a figure at three edges.
void MarkRunningLines(const std::vector<Line>& lines, const std::vector<std::vector<size_t>>& edges,
                      std::vector<bool>& drop) {
  std::map<std::string_view, size_t> pages;  // at how many edges a line stands
  for (const std::vector<size_t>& edge : edges) {
    std::set<std::string_view> seen;
    for (size_t k : edge) {
      if (seen.insert(lines[k].text).second) ++pages[lines[k].text];
    }
  }
  auto running = [&](size_t k) {
    const size_t n = pages[lines[k].text];
    return n >= 2 && n * 2 >= edges.size() && !EndsSentence(lines[k].text);
  };
  for (const std::vector<size_t>& edge : edges) {
    size_t run = 0;
    while (run < edge.size() && running(edge[run])) ++run;
    const std::string& only = edge.empty() ? std::string() : lines[edge[0]].text;
    if (run == 1 && (pages[only] < 3 || std::none_of(only.begin(), only.end(), [](char c) {
                       return c >= '0' && c <= '9';
                     }))) {
      run = 0;
    }
    for (size_t j = 0; j < run; ++j) drop[edge[j]] = true;
  }
}

// The block a letter's template prints at the top of every page after the
// first ("Directie Consulaire Zaken" / "Datum" / "10 maart 2026" / "Onze
// referentie" / "BZ2611873"): the lines a page starts with that start half
// the later pages or more, none of them a sentence; two such lines or more,
// or one with a figure that starts three pages. A label such as "Antwoord"
// may well start many pages. A copy without page breaks (a PDF viewer's)
// sets the block above the page number where the page starts ("… / Onze
// referentie / BZ2611873 / Pagina 3 van 4"): the lines that end half the
// pages before such a break go as well. A piece of such a block that a
// repeated line (its date) set apart as a page of its own is part of the
// break.
void RemoveRunningHeaders(std::vector<Line>& lines) {
  constexpr size_t kEdgeLines = 8;
  constexpr size_t kMaxPieceLines = 3;
  const auto first_text =
      std::find_if(lines.begin(), lines.end(), [](const Line& l) { return !l.text.empty(); });
  std::vector<bool> starts(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) starts[i] = lines[i].page_start;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!starts[i]) continue;
    size_t text = 0;
    bool prose = false;
    size_t k = i;
    for (; k < lines.size() && (k == i || !starts[k]) && text <= kMaxPieceLines; ++k) {
      if (lines[k].text.empty()) continue;
      ++text;
      prose = prose || EndsSentence(lines[k].text);
    }
    if (k < lines.size() && starts[k] && k > i && text <= kMaxPieceLines && !prose) {
      starts[i] = false;
    }
  }
  std::vector<std::vector<size_t>> tops, bottoms;  // each later page's first lines, the last above
  for (size_t i = static_cast<size_t>(first_text - lines.begin()) + 1; i < lines.size(); ++i) {
    if (!starts[i] || lines[i].text.empty()) continue;
    // The page's number, where it stands apart from its footer ("2" /
    // "Onze referentie" / …), is passed over.
    std::vector<size_t>& top = tops.emplace_back();
    for (size_t k = i; k < lines.size() && top.size() < kEdgeLines; ++k) {
      if (k > i && starts[k]) break;
      if (!lines[k].text.empty() && !lines[k].number_only) top.push_back(k);
    }
    if (top.empty()) tops.pop_back();
    std::vector<size_t>& bottom = bottoms.emplace_back();
    for (size_t k = i; k-- > 0 && bottom.size() < kEdgeLines;) {
      if (!lines[k].text.empty() && !lines[k].number_only) bottom.push_back(k);
      if (starts[k]) break;
    }
    if (bottom.empty()) bottoms.pop_back();
  }
  std::vector<bool> drop(lines.size(), false);
  MarkRunningLines(lines, tops, drop);
  MarkRunningLines(lines, bottoms, drop);
  // The last page's foot, where the text ends with it: the lines that end
  // the other pages.
  std::set<std::string_view> feet;
  for (const std::vector<size_t>& bottom : bottoms) {
    for (size_t k : bottom) {
      if (drop[k]) feet.insert(lines[k].text);
    }
  }
  for (size_t k = lines.size(); k-- > 0;) {
    if (lines[k].text.empty()) continue;
    if (!feet.contains(lines[k].text)) break;
    drop[k] = true;
  }
  std::vector<Line> kept;
  kept.reserve(lines.size());
  bool page_start = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (drop[i]) {
      page_start = page_start || lines[i].page_start;
      continue;
    }
    Line& l = lines[i];
    if (l.text.empty() && !kept.empty() && kept.back().text.empty()) continue;
    if (page_start && !l.text.empty()) {
      l.page_start = true;
      page_start = false;
    }
    kept.push_back(std::move(l));
  }
  lines = std::move(kept);
}

// The sidebar of a template letter's first page where a PDF viewer's copy
// sets it at the page's end, above the page number ("… advocaten of" /
// "Directie Consulaire Zaken en" / "Visumbeleid" / "Rijnstraat 8" / … /
// "Onze referentie" / "BZ2603417" / "Bijlage(n)" / "1" / "Pagina 1 van 6"):
// the short lines from the ministry's or the address's line down to the
// break, below the salutation, where three of them or more are the
// template's labels.
void RemoveFirstPagesSidebar(std::vector<Line>& lines) {
  constexpr size_t kMaxSidebarLine = 45;
  constexpr int kMinLabels = 3;
  static const std::regex label(
      "^(Onze referentie|Uw referentie|Ons kenmerk|Uw kenmerk|Bijlage\\(n\\)|Bijlagen?|"
      "Contactpersoon|Inlichtingen|Datum|Postbus [0-9]+|www\\.\\S+|T \\+?[0-9][0-9 ]+)$");
  static const std::regex starts(
      "^(Directie|Ministerie van|Afdeling|Rijnstraat|Bezuidenhoutseweg|Postbus)\\b.*");
  const auto first =
      std::find_if(lines.begin(), lines.end(), [](const Line& l) { return !l.text.empty(); });
  auto brk = std::find_if(first == lines.end() ? first : first + 1, lines.end(),
                          [](const Line& l) { return l.page_start && !l.text.empty(); });
  if (brk == lines.end()) return;
  const size_t end = static_cast<size_t>(brk - lines.begin());
  size_t top = end;
  for (size_t i = end; i-- > 0;) {
    const std::string& t = lines[i].text;
    if (t.empty()) continue;
    if (t.size() > kMaxSidebarLine || EndsSentence(t)) break;
    if (std::regex_match(t, starts)) top = i;
  }
  int labels = 0;
  for (size_t i = top; i < end; ++i) labels += std::regex_match(lines[i].text, label);
  // Below the salutation: above it the block is the letterhead.
  const bool in_text = std::any_of(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(top),
                                   [](const Line& l) { return l.text.starts_with("Geachte "); });
  if (top == end || labels < kMinLabels || !in_text) return;
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(top),
              lines.begin() + static_cast<std::ptrdiff_t>(end));
}

void RemoveTableOfContents(std::vector<Line>& lines) {
  auto heading = std::find_if(lines.begin(), lines.end(), [](const Line& l) {
    return std::regex_match(l.text, ContentsHeading());
  });
  if (heading == lines.end()) return;
  const size_t start = static_cast<size_t>(heading - lines.begin());
  auto is_entry = [&](size_t i) {
    return i < lines.size() && std::regex_match(lines[i].text, ContentsEntry());
  };
  size_t end = start + 1;
  int entries = 0;
  for (size_t i = NextText(lines, start); i < lines.size(); i = NextText(lines, i)) {
    bool wrapped = !EndsSentence(lines[i].text) && is_entry(i + 1);
    if (!is_entry(i) && !wrapped) break;
    entries += is_entry(i) ? 1 : 0;
    end = i + 1;
  }
  if (entries < kMinContentsEntries) return;
  lines.erase(heading, lines.begin() + static_cast<std::ptrdiff_t>(end));
}

bool IsWordPunctuation(char32_t c) {
  return c == '(' || c == ')' || c == ',' || c == '.' || c == ';' || c == ':' || c == '?' ||
         c == '!' || c == '"' || c == '\'' || c == U'«' || c == U'»' || c == U'“' || c == U'”' ||
         c == U'‘' || c == U'’';
}

std::string_view WithoutLeadingPunctuation(std::string_view word) {
  while (!word.empty() && IsWordPunctuation(FirstCodePoint(word))) {
    size_t next = 1;
    while (next < word.size() && (static_cast<unsigned char>(word[next]) & 0xC0) == 0x80) ++next;
    word.remove_prefix(next);
  }
  return word;
}

std::string_view WithoutTrailingPunctuation(std::string_view word) {
  while (!word.empty()) {
    size_t last = LastCodePointStart(word);
    if (!IsWordPunctuation(FirstCodePoint(word.substr(last)))) break;
    word = word.substr(0, last);
  }
  return word;
}

// Whether the vowels either side of a compound's hyphen would be read as
// one sound without it ("schade-uitkering", "informatie-uitwisseling",
// "zee-egel"): Dutch then writes the hyphen, and hyphenation never splits
// such a pair.
bool VowelsClash(std::string_view head, std::string_view tail) {
  static const std::set<std::string_view> pairs = {"aa", "ae", "ai", "au", "ee", "ei", "eu",
                                                   "ie", "oe", "oi", "oo", "ou", "ui"};
  if (head.size() < 3 || tail.empty() || head.back() != '-') return false;
  const char last =
      static_cast<char>(std::tolower(static_cast<unsigned char>(head[head.size() - 2])));
  const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(tail[0])));
  return pairs.contains(std::string{last, first});
}

// Marks the lines that end in the hyphen of a compound: one which the text
// prints with its hyphen inside a line too ("de Noordzee-" / "olie" beside
// "Noordzee-olie"), a title with "generaal", which Dutch always writes
// with its hyphen ("consulaat-" / "generaal", "secretaris-" / "generaal"),
// and one whose vowels would clash without it.
// Other hyphens at a line end are taken for hyphenation.
void MarkKeptHyphens(std::vector<Line>& lines) {
  std::set<std::string, std::less<>> compounds;
  for (const Line& l : lines) {
    for (std::string_view word : Split(l.text, ' ')) {
      word = WithoutTrailingPunctuation(WithoutLeadingPunctuation(word));
      size_t hyphen = word.find('-');
      if (hyphen != std::string_view::npos && hyphen > 0 && word.back() != '-') {
        compounds.emplace(word);
      }
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view text = lines[i].text;
    if (text.size() < 2 || text.back() != '-') continue;
    size_t next = NextText(lines, i);
    while (next < lines.size() && lines[next].number_only) next = NextText(lines, next);
    if (next == lines.size()) continue;
    std::string_view head = WithoutLeadingPunctuation(text.substr(text.rfind(' ') + 1));
    std::string_view rest = lines[next].text;
    std::string_view tail = WithoutTrailingPunctuation(rest.substr(0, rest.find(' ')));
    lines[i].hyphen_kept = compounds.contains(std::string(head) + std::string(tail)) ||
                           tail.starts_with("generaal") || VowelsClash(head, tail);
  }
}

// A line of justified text as `-layout` prints it: words set apart by one
// space or two ("De vaste  commissie voor Buitenlandse  Zaken heeft op  12",
// "betreft:  de"), three at most between words, and two or three between
// words at least once; a table's row has fewer words, or wider gaps, or
// figures after its wide gaps.
bool IsJustifiedProse(std::string_view text, size_t min_words = 8) {
  constexpr size_t kMaxGap = 3;
  bool between_words = false;
  for (size_t p = text.find("  "); p != std::string_view::npos; p = text.find("  ", p)) {
    const std::string_view before = text.substr(0, p);
    size_t end = p;
    while (end < text.size() && text[end] == ' ') ++end;
    const char32_t left = p > 0 ? FirstCodePoint(before.substr(LastCodePointStart(before))) : 0;
    // A year may end a word gap too ("d.d. 3 december" / "2025   inzake
    // visumdienstverlening"); a table's figures stand after their gaps.
    const bool words = (IsLetterCp(left) || (left >= U'0' && left <= U'9') || left == '.' ||
                        left == ',' || left == ':' || left == ';') &&
                       end < text.size() && IsLetterCp(FirstCodePoint(text.substr(end)));
    if (end - p > kMaxGap || (end - p == kMaxGap && !words)) return false;
    between_words = between_words || words;
    p = end;
  }
  const std::string words = CollapseSpaces(text);
  return between_words &&
         static_cast<size_t>(std::count(words.begin(), words.end(), ' ')) + 1 >= min_words;
}

// A justified line of a few long words ("afgiftepunten  bij  posten
// uitbreiden.  Mevrouw Oosterhuis  heeft") is prose too where a line of
// prose stands right above or below it: its spaces go.
void CollapseJustifiedLinesAmidProse(std::vector<Line>& lines) {
  constexpr size_t kMinWordsAmidProse = 4;
  constexpr size_t kMinProseWords = 6;
  auto prose = [&](size_t i) {
    return i < lines.size() && !lines[i].text.empty() &&
           lines[i].text.find("  ") == std::string::npos &&
           WordCount(lines[i].text) >= kMinProseWords;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string& text = lines[i].text;
    if (text.find("  ") == std::string::npos || !IsJustifiedProse(text, kMinWordsAmidProse)) {
      continue;
    }
    if ((i > 0 && prose(i - 1)) || prose(i + 1)) text = CollapseSpaces(text);
  }
}

// Columns set apart by runs of spaces: two gaps of two, or one of three
// or more (running text has neither).
bool IsTableRow(std::string_view text) {
  size_t gaps = 0;
  for (size_t p = text.find("  "); p != std::string_view::npos; p = text.find("  ", p)) {
    size_t start = p;
    while (p < text.size() && text[p] == ' ') ++p;
    gaps += p - start >= 3 ? 2 : 1;
  }
  return gaps >= 2;
}

// A table's note under its rows, for a figure marked with an asterisk
// ("2025*" / "* tot en met 31 oktober 2025"); no list item.
bool IsTableNote(std::string_view text) {
  return text.size() > 2 && text[0] == '*' && text[1] != '*';
}

// The line under a table that names its source: "Bron: Ministerie van …".
bool IsSourceNote(std::string_view text) {
  return text.starts_with("Bron: ") || text.starts_with("Bronnen: ");
}

// The width of running text: what one line in five reaches (most lines of
// a paragraph do); 0 where there is too little text (under ten lines) to
// tell. Blank lines and table rows do not count.
size_t TextWidth(const std::vector<Line>& lines) {
  constexpr size_t kMinLines = 10;
  std::vector<size_t> widths;
  for (const Line& l : lines) {
    if (!l.text.empty() && !IsTableRow(l.text)) widths.push_back(CodePointCount(l.text));
  }
  if (widths.size() < kMinLines) return 0;
  auto fifth = widths.begin() + static_cast<long>(widths.size() / 5);
  std::nth_element(widths.begin(), fifth, widths.end(), std::greater<>());
  return *fifth;
}

// Marks the lines of running text that reach its width (TextWidth).
void MarkFullWidth(std::vector<Line>& lines, size_t width) {
  if (width == 0) return;
  for (Line& l : lines) {
    l.full_width =
        !l.text.empty() && !IsTableRow(l.text) && CodePointCount(l.text) * 5 >= width * 4;
  }
}

bool EndsFullStop(std::string_view text) {
  static const std::regex re("[.?!][)»”’\"']?$");
  return std::regex_search(text.begin(), text.end(), re);
}

// A line stops short where the next line's first word would have fit.
bool StopsShort(const Line& line, const Line& next, size_t width) {
  const std::string_view first_word = std::string_view(next.text).substr(0, next.text.find(' '));
  return CodePointCount(line.text) + 1 + CodePointCount(first_word) <= width;
}

// A heading in text without blank lines: a line short of three quarters of
// the width, without punctuation at its end, before a capital.
bool IsHeadingLine(const Line& line, const Line& next, size_t width) {
  // A numbered heading may follow ("3.1 Reisadviezen").
  static const std::regex section_number("^[0-9]{1,2}(\\.[0-9]{1,2})*\\.? ");
  std::smatch number;
  const bool numbered_heading = std::regex_search(next.text, number, section_number) &&
                                StartsUpper(next.text.substr(number.length(0))) &&
                                !IsFigureRow(next.text);
  if (line.text.empty() || line.bullet || line.number_only || IsTableRow(line.text) ||
      !(StartsUpper(next.text) || numbered_heading) || !StopsShort(line, next, width) ||
      CodePointCount(line.text) * 4 > width * 3) {
    return false;
  }
  const std::string_view last_word = std::string_view(line.text).substr(line.text.rfind(' ') + 1);
  const char32_t last = FirstCodePoint(line.text.substr(LastCodePointStart(line.text)));
  const bool plain_end = IsLetterCp(last) || (last >= U'0' && last <= U'9') || last == U'%';
  return plain_end &&
         (StartsUpper(line.text) || std::isdigit(static_cast<unsigned char>(line.text[0]))) &&
         !IsFunctionWord(last_word);
}

// Where a paragraph ends in text without blank lines between paragraphs (a
// copy from a PDF viewer, some extraction tools), after line `i`: its last
// line ends a sentence and stops short before a capital or a bullet; or it
// is a heading; or a heading follows a sentence's end.
bool EndsParagraph(const std::vector<Line>& lines, size_t i, size_t width) {
  if (i + 1 >= lines.size()) return false;
  const Line& line = lines[i];
  const Line& next = lines[i + 1];
  if (line.text.empty() || next.text.empty()) return false;
  // A table's rows stay together, and with the source under them.
  if (IsFigureRow(line.text) && (IsFigureRow(next.text) || IsSourceNote(next.text))) {
    return false;
  }
  if (IsHeadingLine(line, next, width)) return true;
  if (!EndsFullStop(line.text) || IsTableRow(line.text)) return false;
  // A labelled paragraph ("Aanbeveling 2: Stem …", "Reactie: Deze …").
  static const std::regex label("^[A-Z][a-z]+( [0-9]{1,2})?: \\S");
  if (std::regex_search(next.text, label)) return true;
  return ((StartsUpper(next.text) || next.bullet) && StopsShort(line, next, width)) ||
         (i + 2 < lines.size() && IsHeadingLine(next, lines[i + 2], width));
}

// A blank line after each line marked in `ends`.
void SetApartAfter(std::vector<Line>& lines, const std::vector<bool>& ends) {
  std::vector<Line> out;
  out.reserve(lines.size() + static_cast<size_t>(std::count(ends.begin(), ends.end(), true)));
  for (size_t i = 0; i < lines.size(); ++i) {
    out.push_back(std::move(lines[i]));
    if (ends[i]) out.emplace_back();
  }
  lines = std::move(out);
}

// A copy from a web page without blank lines holds a paragraph per line:
// each line that ends a sentence ends its paragraph, but for a speaker's
// label ("De heer Boswijk (CDA):"), which goes with the words after it.
// A blank line or two (where a masthead was taken off) do not make such
// text one with blank lines between its paragraphs: those ends must
// outnumber its blank lines four to one.
void SetApartUnwrappedParagraphs(std::vector<Line>& lines) {
  constexpr size_t kMaxLabelBytes = 80;
  std::vector<bool> ends(lines.size(), false);
  size_t count = 0, blanks = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& t = lines[i].text;
    const bool label = t.ends_with(':') && t.size() <= kMaxLabelBytes;
    ends[i] = EndsSentence(t) && !label && i + 1 < lines.size() && !lines[i + 1].text.empty();
    count += ends[i];
    blanks += t.empty();
  }
  if (count < 4 * blanks) return;
  SetApartAfter(lines, ends);
}

// Sets paragraphs apart with a blank line where the text has none: where
// the places EndsParagraph finds outnumber its blank lines four to one, in
// text wrapped to a page's width (a copy from a web page holds a paragraph
// per line). `width` is the text's (TextWidth).
void InferParagraphBreaks(std::vector<Line>& lines, size_t width) {
  constexpr size_t kMaxPageWidth = 130;
  if (width > kMaxPageWidth) {
    SetApartUnwrappedParagraphs(lines);
    return;
  }
  if (width == 0) return;
  std::vector<bool> ends(lines.size(), false);
  size_t blanks = 0, count = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].text.empty()) {
      blanks += i > 0 && !lines[i - 1].text.empty() && !lines[i + 1].page_start;
    } else if (EndsParagraph(lines, i, width)) {
      ends[i] = true;
      ++count;
    }
  }
  constexpr size_t kMinEnds = 3;
  if (count < kMinEnds || count < 4 * blanks) {
    // Text with blank lines may still run paragraphs together inside a
    // block: a debate's speaker stands apart, but not the paragraphs of a
    // long answer. A block of many lines keeps the ends found in it.
    constexpr size_t kMinBlockLines = 12;
    size_t start = 0;
    for (size_t i = 0; i <= lines.size(); ++i) {
      if (i < lines.size() && !lines[i].text.empty()) continue;
      if (i - start < kMinBlockLines) {
        for (size_t k = start; k < i; ++k) ends[k] = false;
      }
      start = i + 1;
    }
  }
  SetApartAfter(lines, ends);
}

constexpr size_t kMaxHeadingBytes = 140;

bool IsCoordinatingWord(std::string_view word) {
  return word == "en" || word == "of" || word == "tot" || word == "als" || word == "noch" ||
         word == "and" || word == "or";
}

// Appends `next` to a paragraph's last line, joining a hyphenated word
// (with its hyphen when `keep_hyphen`).
void AppendWrapped(std::string& text, std::string_view next, bool keep_hyphen) {
  if (text.empty()) {
    text = next;
    return;
  }
  if (keep_hyphen && text.back() == '-') {
    text += next;  // "consulaat-" + "generaal"
    return;
  }
  // A web address broken after a slash goes on without a space.
  size_t word = text.rfind(' ');
  if (text.back() == '/' &&
      text.find("://", word == std::string::npos ? 0 : word) != std::string::npos) {
    text += next;
    return;
  }
  if (text.size() >= 2 && text.back() == '-' && text[text.size() - 2] != ' ') {
    size_t prev = LastCodePointStart(std::string_view(text).substr(0, text.size() - 1));
    char32_t before = FirstCodePoint(std::string_view(text).substr(prev));
    bool letter_before = IsLetterCp(before);
    std::string_view first_word = next.substr(0, next.find(' '));
    // An abbreviation keeps its hyphen: "EU-" + "lidstaten", "VN-" + "missie";
    // so does a single letter: "e-" + "mail".
    char32_t before_that = prev >= 1
                               ? FirstCodePoint(std::string_view(text).substr(
                                     LastCodePointStart(std::string_view(text).substr(0, prev))))
                               : U' ';
    bool abbreviation = (IsUpperCp(before) && IsUpperCp(before_that)) || !IsLetterCp(before_that);
    if (letter_before && !abbreviation && StartsLower(next) && !IsCoordinatingWord(first_word)) {
      text.pop_back();  // "Buiten-" + "landse"
      text += next;
      return;
    }
    bool digits = std::isdigit(static_cast<unsigned char>(text[text.size() - 2])) &&
                  std::isdigit(static_cast<unsigned char>(next.empty() ? ' ' : next[0]));
    if ((letter_before && !IsCoordinatingWord(first_word)) || digits) {
      text += next;  // "Chinees-" + "Russische", "COVID-" + "19"
      return;
    }
  }
  text += ' ';
  text += next;
}

}  // namespace

size_t CodePointCount(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool IsFunctionWord(std::string_view word) {
  static const std::set<std::string, std::less<>> words = {
      "aan", "als",   "bij", "dan",    "dat", "de",  "die",    "door", "een",   "en",    "het",
      "in",  "met",   "na",  "naar",   "of",  "om",  "onder",  "op",   "over",  "per",   "sinds",
      "te",  "tegen", "tot", "tussen", "uit", "van", "vanuit", "voor", "zoals", "zonder"};
  return words.contains(AsciiLower(word));
}

size_t NextText(const std::vector<Line>& lines, size_t i) {
  for (++i; i < lines.size() && lines[i].text.empty(); ++i) {
  }
  return i;
}

size_t WordCount(std::string_view text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
}

// A table's row whose columns the extraction set one space apart: a short
// label, if any, and two figures or more ("2021 98.700 91%", "Midden-Oosten
// en Noord-Afrika 19 19"); no sentence.
bool IsFigureRow(std::string_view text) {
  constexpr size_t kMaxLabelWords = 4;
  std::vector<std::string_view> tokens;
  for (size_t p = 0; p < text.size();) {
    size_t end = std::min(text.find(' ', p), text.size());
    if (end > p) tokens.push_back(text.substr(p, end - p));
    p = end + 1;
  }
  size_t figures = 0;
  while (figures < tokens.size() && std::any_of(tokens[tokens.size() - 1 - figures].begin(),
                                                tokens[tokens.size() - 1 - figures].end(),
                                                [](char c) { return c >= '0' && c <= '9'; })) {
    ++figures;
  }
  return figures >= 2 && tokens.size() - figures <= kMaxLabelWords && !EndsSentence(text);
}

bool StartsUpper(std::string_view text) { return IsUpperCp(FirstCodePoint(text)); }
bool StartsLower(std::string_view text) { return IsLowerCp(FirstCodePoint(text)); }

bool EndsSentence(std::string_view text) {
  text = Trim(text);
  while (!text.empty()) {
    std::string_view last = text.substr(LastCodePointStart(text));
    if (last == "." || last == "?" || last == "!" || last == ":" || last == ";") return true;
    if (last == ")" || last == "»" || last == "”" || last == "’" || last == "\"" || last == "'") {
      text.remove_suffix(last.size());
      continue;
    }
    return false;
  }
  return false;
}

// A column of text far to the right: a template letter's sidebar
// ("Onze referentie", "Datum", "Directie Consulaire Zaken"), which
// `pdftotext -layout` prints beside the text on the same lines.
constexpr size_t kMinSidebarColumn = 50;
constexpr int kMinSidebarLines = 4;

struct Segment {
  size_t column = 0;   // in characters
  size_t offset = 0;   // in bytes
  size_t gap = 0;      // spaces before it
  bool alone = false;  // nothing but spaces before it
};

// Where runs of text start after a gap of two or more spaces, from
// kMinSidebarColumn on.
std::vector<Segment> RightSegments(std::string_view line) {
  std::vector<Segment> out;
  size_t column = 0;
  size_t spaces = 0;
  bool text_before = false;
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80 || c == '\f') continue;  // inside a character; a page break
    if (c == ' ') {
      ++spaces;
    } else {
      if (column >= kMinSidebarColumn && (spaces >= 2 || !text_before)) {
        out.push_back(Segment{column, i, spaces, !text_before});
      }
      text_before = true;
      spaces = 0;
    }
    ++column;
  }
  return out;
}

// Removes a sidebar: the column where at least kMinSidebarLines runs of
// words start, some of them on lines of their own. Footers and page
// numbers, right-aligned on every page, and columns of figures are no
// sidebar. Where a line of text runs into the sidebar's column, the
// sidebar stands further right, after two spaces or more.
void RemoveSidebar(std::vector<std::string>& lines) {
  std::vector<std::vector<Segment>> segments;
  segments.reserve(lines.size());
  for (const std::string& l : lines) segments.push_back(RightSegments(l));
  std::map<size_t, int> words, alone;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    for (const Segment& s : segments[i]) {
      if (s.gap < 3 && !s.alone) continue;
      std::string_view rest = Trim(std::string_view(l).substr(s.offset));
      if (std::regex_match(rest.begin(), rest.end(), FooterPattern()) ||
          std::regex_match(rest.begin(), rest.end(), PageNumberPattern()) ||
          !IsLetterCp(FirstCodePoint(rest))) {
        continue;
      }
      ++words[s.column];
      if (s.alone) ++alone[s.column];
    }
  }
  std::optional<size_t> column;
  for (const auto& [c, n] : words) {
    if (n >= kMinSidebarLines && alone[c] >= 2 && (!column || n > words[*column])) column = c;
  }
  if (!column) return;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string& l = lines[i];
    for (const Segment& s : segments[i]) {
      if (s.column < *column) continue;
      std::string_view rest = Trim(std::string_view(l).substr(s.offset));
      if (std::regex_match(rest.begin(), rest.end(), FooterPattern())) continue;
      // The letter's subject stays, on a line of its own, to name it.
      static const std::regex subject("^(Betreft|Onderwerp):? +\\S.*$");
      const bool keep = s.alone && std::regex_match(rest.begin(), rest.end(), subject);
      l = keep ? std::string(rest) : l.erase(s.offset);
      if (s.alone && !keep) l.clear();
      break;
    }
  }
}

// Text extracted as Markdown (PDF-to-Markdown converters) marks what
// pdftotext leaves plain: "-----" between pages, "#" before a heading,
// "**" and "_" around bold and italic type, and "[1 ]" or "[^1]" for a
// footnote's superscript marker (an ordinal's "e" too: "11[e ]"). Reduced
// to the plain form, where the footnote marker is glued to the word before
// it. True when the line is a page separator.
bool UndoMarkdown(std::string& line) {
  static const std::regex separator("^ *-{5,} *$");
  static const std::regex heading("^ *#{1,6} +");
  static const std::regex superscript("(\\S)\\[\\^?([0-9]{1,3}|e|ste|de)(?: [0-9]{1,3})* ?\\]");
  static const std::regex emphasis("(^|[ (])(?:\\*\\*|_)(\\S)|(\\S)(?:\\*\\*|_)(?=$|[ ).,;:?!])");
  // HTML's superscript: a footnote's number at the start of its line, a
  // marker after a word, before the punctuation it was set apart from
  // ("2027<sup>1</sup> ." is "2027.1", as a PDF prints it).
  static const std::regex note_number("^<sup>([0-9]{1,3})</sup> *");
  // A word processor's notes saved as text: "[1] Kamerstuk …" at the end;
  // a converter's: "[^1]: Kamerstuk …".
  static const std::regex bracketed_note("^\\[\\^?([0-9]{1,3})\\]:? +");
  static const std::regex marker_before_stop("<sup>([0-9]{1,3})</sup> ?([.,;:])");
  static const std::regex marker("<sup>([0-9]{1,3})</sup>");
  static const std::regex image("^!\\[[^\\]]*\\]\\([^)]*\\)$");
  static const std::regex italic_line("^\\*([^* ][^*]*[^* ])\\*$");
  if (std::regex_match(line, separator)) return true;
  if (std::regex_match(line, image)) {
    line.clear();
    return false;
  }
  if (line.find("<sup>") != std::string::npos) {
    line = std::regex_replace(line, note_number, "$1 ");
    line = std::regex_replace(line, marker_before_stop, "$2$1");
    line = std::regex_replace(line, marker, "$1");
  }
  if (line.find_first_of("#[*_") == std::string::npos) return false;
  line = std::regex_replace(line, bracketed_note, "$1 ");
  line = std::regex_replace(line, italic_line, "$1");
  line = std::regex_replace(line, heading, "");
  line = std::regex_replace(line, superscript, "$1$2");
  line = std::regex_replace(line, emphasis, "$1$2$3");
  return false;
}

// The column heads of a list of questions that the extraction set one
// under the other ("Nr." / "Vraag" / "Antwoord"), on every page: removed,
// but for the form feed that may precede them.
void RemoveStackedQuestionTableHeaders(std::vector<std::string>& raw_lines) {
  auto next_text = [&](size_t i) {
    while (i < raw_lines.size() && Trim(raw_lines[i]).empty()) ++i;
    return i;
  };
  auto cleared = [](const std::string& line) {
    return std::string(static_cast<size_t>(std::count(line.begin(), line.end(), '\f')), '\f');
  };
  for (size_t i = 0; i < raw_lines.size(); ++i) {
    const std::string_view nr = Trim(raw_lines[i]);
    if (nr != "Nr." && nr != "Nr" && nr != "\fNr." && nr != "\fNr") continue;
    const size_t vraag = next_text(i + 1);
    if (vraag >= raw_lines.size() || Trim(raw_lines[vraag]) != "Vraag") continue;
    size_t last = vraag;
    if (const size_t antwoord = next_text(vraag + 1);
        antwoord < raw_lines.size() && Trim(raw_lines[antwoord]) == "Antwoord") {
      last = antwoord;
    }
    for (size_t k = i; k <= last; ++k) raw_lines[k] = cleared(raw_lines[k]);
  }
}

// What a converter to Markdown writes on one line that a PDF prints on
// several or in columns: labels in bold ("**Datum** 25 juni 2027
// **Betreft** Voortgangsbrief …") get a line each, as the letterhead
// prints them; a table's rows ("| Post | 2027 |") have their cells set
// apart by runs of spaces, and the line under its header ("|---|---|")
// goes.
std::vector<std::string> SplitMarkdownLines(std::vector<std::string> raw_lines) {
  static const std::regex label(" (\\*\\*[A-Z][^*]{0,30}\\*\\* )");
  static const std::regex rule("^ *\\|[-:| ]+\\| *$");
  static const std::regex row("^ *\\|(.*)\\| *$");
  // A grid table's borders ("+------+------+", "+======+"), as pandoc
  // draws them, go too; a heading underlined ("Inleiding" / "=========")
  // stands apart.
  static const std::regex border("^ *\\+[-=:+]*[-=]{3,}[-=:+]*\\+ *$");
  static const std::regex underline("^ *(={3,}|-{3,}) *$");
  std::vector<std::string> out;
  out.reserve(raw_lines.size());
  for (std::string& l : raw_lines) {
    std::smatch cells;
    if (std::regex_match(l, rule) || std::regex_match(l, border)) continue;
    if (std::regex_match(l, underline) && !out.empty() && !Trim(out.back()).empty() &&
        out.back().find("   ") == std::string::npos) {
      out.emplace_back();
      continue;
    }
    if (std::regex_match(l, cells, row)) {
      std::string joined;
      for (const std::string& cell : Split(cells[1].str(), '|')) {
        if (!joined.empty()) joined += "   ";
        joined += std::string(Trim(cell));
      }
      out.push_back(joined);
      continue;
    }
    if (!l.starts_with("**")) {
      out.push_back(std::move(l));
      continue;
    }
    for (const std::string& part : Split(std::regex_replace(l, label, "\n$1"), '\n')) {
      out.push_back(part);
    }
  }
  return out;
}

// A letter copied from the government's website starts with its title and
// a line of its kind and date ("Kamerbrief over …" / "Kamerstuk |
// 12-03-2026"): both go to the masthead.
void RemoveWebPageHead(std::vector<Line>& lines, std::vector<std::string>& masthead) {
  static const std::regex kind_and_date(
      "^(Kamerstuk|Kamerbrief|Brief|Publicatie|Rapport|Nieuwsbericht) *\\| "
      "*[0-9]{2}-[0-9]{2}-[0-9]{4}$");
  auto text = [&](auto from) {
    return std::find_if(from, lines.end(), [](const Line& l) { return !l.text.empty(); });
  };
  auto title = text(lines.begin());
  if (title == lines.end()) return;
  auto kind = text(title + 1);
  if (kind == lines.end() || !std::regex_match(kind->text, kind_and_date)) return;
  masthead.push_back(title->text);
  masthead.push_back(kind->text);
  lines.erase(lines.begin(), kind + 1);
}

// A page copied from a website starts with the site's menu and its
// breadcrumb trail ("U bent hier:" / "Home" / "Wonen en werken" / …), whose
// last step is the page's title, printed again above its text: all of it
// goes but the title.
void RemoveSiteNavigation(std::vector<Line>& lines) {
  constexpr size_t kMaxHeadLines = 60;
  constexpr size_t kMaxStepWords = 10;
  static const std::regex here("^(U bent hier|Je bent hier|You are here) ?:?$", std::regex::icase);
  const size_t limit = std::min(lines.size(), kMaxHeadLines);
  size_t h = 0;
  while (h < limit && !std::regex_match(lines[h].text, here)) ++h;
  if (h == limit) return;
  auto step = [&](size_t i) {
    return !lines[i].text.empty() && WordCount(lines[i].text) <= kMaxStepWords &&
           !EndsSentence(lines[i].text);
  };
  size_t title = h + 1;
  while (title + 1 < lines.size() && step(title + 1) &&
         lines[title + 1].text != lines[title].text) {
    ++title;
  }
  if (title >= lines.size() || !step(title)) return;
  // The title printed twice: the second copy stays.
  if (title + 1 < lines.size() && lines[title + 1].text == lines[title].text) ++title;
  lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(title));
  // The title stands apart from the text under it.
  lines.front().page_start = true;
  if (lines.size() > 1 && !lines[1].text.empty()) lines.insert(lines.begin() + 1, Line{});
}

// A paper copied from officielebekendmakingen.nl starts with the site's
// navigation and the paper's details ("Kamerstuk 30010, nr. 58",
// "Vergaderjaar 2026-2027", "Dossiernummer 30010", …) before its masthead:
// all of it goes, up to the masthead, and the paper is named as its printed
// footer would name it ("Tweede Kamer, vergaderjaar 2026–2027, 30 010, nr. 58").
void RemoveBekendmakingenHead(std::vector<Line>& lines, std::vector<std::string>& footers,
                              std::vector<std::string>& masthead) {
  constexpr size_t kMaxHeadLines = 60;
  // The Eerste Kamer numbers a bill's papers with letters ("nr. C").
  static const std::regex paper(
      "Kamerstuk ([0-9]{2} ?[0-9]{3,4})(-[0-9]{1,2})?(?:-([A-Z]{1,5}))?,? nr\\. "
      "?([0-9]+|[A-Z]{1,2})\\b");
  static const std::regex year("^(?:Vergaderjaar:? )?([0-9]{4}) ?- ?([0-9]{4})$");
  // Answers to written questions: "Aanhangsel van de Handelingen
  // 2025-2026, nr. 3817".
  static const std::regex appendix(
      "^Aanhangsel van de Handelingen ([0-9]{4}) ?- ?([0-9]{4}), nr\\. ?([0-9]+)$");
  static const std::regex page_title("^(.+?) \\| Overheid\\.nl > Officiële bekendmakingen$");
  static const std::set<std::string_view> last_of_head = {"Printen", "Opslaan", "Delen"};
  const size_t limit = std::min(lines.size(), kMaxHeadLines);
  // The site's name, or its breadcrumb trail ("Home > Kamerstukken >
  // Verslagen > …", as on tweedekamer.nl).
  // The trail may be a numbered list ("1. Home" / "2. Kamerstukken" / …).
  static const std::regex breadcrumb("^Home (?:>|›) .*|^1\\. Home$");
  size_t site = 0;
  while (site < limit && lines[site].text.find("Officiële bekendmakingen") == std::string::npos &&
         !std::regex_match(lines[site].text, breadcrumb)) {
    ++site;
  }
  // The masthead, where the copy has one: not the chamber named as the
  // paper's "Organisatie" among the details.
  auto starts_masthead = [&](size_t i) {
    if (i > 0 && lines[i - 1].text == "Organisatie") return false;
    if (std::regex_match(lines[i].text, MastheadStart())) return true;
    if (!std::regex_match(lines[i].text, DossierLine())) return false;
    for (size_t k = i + 1; k < lines.size() && k <= i + kMaxDossierLines; ++k) {
      if (std::regex_match(lines[k].text, MastheadEnd())) return true;
    }
    return false;
  };
  size_t end = site;
  while (end < limit && !starts_masthead(end)) ++end;
  if (end >= limit) {
    // No masthead: the text starts after the page's last button.
    end = 0;
    for (size_t i = site; i < limit; ++i) {
      if (last_of_head.contains(lines[i].text)) end = i + 1;
    }
    if (end == 0) return;
  }
  std::smatch p, y, a;
  bool eerste = false;
  // The details may run on past the chamber's name ("Eerste Kamer der
  // Staten-Generaal" / "Kamerstuk 36857, nr. C | Datum publicatie …" /
  // "Vergaderjaar 2025-2026").
  eerste = end < lines.size() && lines[end].text.starts_with("Eerste Kamer");
  for (size_t i = end; i < limit && y.empty(); ++i) {
    std::smatch m;
    if (lines[i].text.starts_with("Vergaderjaar") && std::regex_match(lines[i].text, m, year)) {
      y = m;
    }
  }
  for (size_t i = 0; i < end; ++i) {
    std::smatch m;
    if (p.empty() && std::regex_search(lines[i].text, m, paper)) p = m;
    if (a.empty() && std::regex_match(lines[i].text, m, appendix)) a = m;
    if (y.empty() && std::regex_match(lines[i].text, m, year) &&
        (lines[i].text.starts_with("Vergaderjaar") ||
         (i > 0 && lines[i - 1].text == "Vergaderjaar"))) {
      y = m;
    }
    if (std::regex_match(lines[i].text, m, page_title) &&
        !std::regex_search(lines[i].text, paper)) {
      masthead.push_back(m[1].str());
    }
    // The publication's dossier, kind and subject: "Consulaire
    // dienstverlening; Brief regering; Voortgang modernisering …".
    if (std::count(lines[i].text.begin(), lines[i].text.end(), ';') == 2 &&
        lines[i].text.find("; Brief ") != std::string::npos) {
      masthead.push_back(lines[i].text);
    }
    eerste = eerste || lines[i].text.find("Eerste Kamer") != std::string::npos;
  }
  // A plenary record named in the breadcrumb trail ("Home › Zoeken ›
  // Handelingen II 2025/26, nr. 214, item 5"), the meeting's date among
  // the details.
  static const std::regex record(
      "(?:›|>) (Handelingen I{1,2} [0-9]{4}/[0-9]{2}, nr\\. ?[0-9]+, item [0-9]+)$");
  static const std::regex meeting("^Datum vergadering: (?:[a-z]+ )?([0-9]{1,2} [a-z]+ [0-9]{4})$");
  for (size_t i = site; i < end; ++i) {
    std::smatch r;
    if (!std::regex_search(lines[i].text, r, record)) continue;
    std::string named = r[1].str();
    for (size_t k = i; k < limit; ++k) {
      if (std::smatch d; std::regex_match(lines[k].text, d, meeting)) {
        named += ", " + d[1].str();
        break;
      }
    }
    footers.push_back(named);
    // The record's details go with the head.
    static const std::regex details(
        "^(?:Vergadernummer [0-9]+|Datum vergadering: .*|Publicatiedatum: .*)$");
    for (size_t k = end; k < limit; ++k) {
      if (std::regex_match(lines[k].text, details)) lines[k].text.clear();
    }
    break;
  }
  if (p.empty() && !a.empty()) {
    // Named as its printed footer would name it ("Tweede Kamer,
    // vergaderjaar 2025–2026, Aanhangsel, nr. 3817").
    footers.push_back(std::string(eerste ? "Eerste" : "Tweede") + " Kamer, vergaderjaar " +
                      a[1].str() + "–" + a[2].str() + ", Aanhangsel, nr. " + a[3].str());
  }
  if (!p.empty() && !y.empty()) {
    std::string dossier = p[1].str();
    std::erase(dossier, ' ');
    dossier.insert(dossier.size() - 3, " ");
    dossier += p[2].str();  // "21 501-02"
    if (p[3].matched) dossier += " " + p[3].str();
    const bool lettered = !std::isdigit(static_cast<unsigned char>(p[4].str()[0]));
    footers.push_back(std::string(eerste ? "Eerste" : "Tweede") + " Kamer, vergaderjaar " +
                      y[1].str() + "–" + y[2].str() + ", " + dossier +
                      (lettered ? ", " : ", nr. ") + p[4].str());
  }
  lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(end));
}

// What the website prints under a letter copied from it: its downloads,
// its details and related documents, "Is deze informatie nuttig?".
void RemoveWebPageFoot(std::vector<Line>& lines) {
  // "Deze antwoorden zijn ook gepubliceerd als Aanhangsel …" under them.
  static const std::regex published("^Deze [a-z]+ (is|zijn) ook gepubliceerd als .*");
  std::erase_if(lines, [](const Line& l) { return std::regex_match(l.text, published); });
  static const std::set<std::string_view> furniture = {"Downloads",
                                                       "Download",
                                                       "Documentdetails",
                                                       "Documentgegevens",
                                                       "Gerelateerde documenten",
                                                       "Is deze informatie nuttig?",
                                                       "Was deze informatie nuttig?",
                                                       "Deel deze pagina",
                                                       "Bekijk het document"};
  auto has = [&](std::string_view label) {
    return std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return l.text == label; });
  };
  // officielebekendmakingen.nl: "Naar boven" and the site's links.
  constexpr size_t kMaxLinksToSite = 3;
  auto site_link = [](const std::string& t) {
    return t.starts_with("Overheid.nl") || t.starts_with("Over deze") ||
           t.starts_with("Deze publicatie is gemaakt") || t == "Deel deze pagina" ||
           t == "Terug naar zoekresultaten";
  };
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].text != "Naar boven") continue;
    size_t next = NextText(lines, i);
    for (size_t k = 0; k < kMaxLinksToSite && next < lines.size(); ++k) {
      if (site_link(lines[next].text)) {
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.end());
        return;
      }
      next = NextText(lines, next);
    }
  }
  // Any other site: "Naar boven" above a few lines of links, and above it
  // the page's downloads and details.
  constexpr size_t kMaxLinkLines = 40;
  constexpr long kMaxLinkWords = 8;
  constexpr size_t kMaxFootLines = 40;
  // A download: "Kamerbrief over … (PDF | 6 pagina's | 312 kB)", or its
  // details on a line of their own ("PDF document | 6 pagina's | 287 kB")
  // above the "Downloaden" button.
  // Or the line that says what it is ("Kamerstuk | 16-01-2026",
  // "Kamerstuk: Kamerbrief | 27-02-2026").
  static const std::regex download(
      "\\((PDF|ODT|DOCX?)( *\\|[^)]*)?\\)$|^(PDF|ODT|DOCX?)[- ]document *\\|.*|^Downloaden$|"
      "^[A-Z][a-z]+(: [A-Z][a-z]+)? \\| [0-9]{2}-[0-9]{2}-[0-9]{4}$");
  // The list of the page's documents: "Documenten" above its downloads,
  // each under its title and a line that says what it is.
  constexpr size_t kMaxLinesToDownload = 3;
  auto downloads = [&](size_t i) {
    if (lines[i].text != "Documenten") return false;
    size_t next = NextText(lines, i);
    for (size_t k = 0; k < kMaxLinesToDownload && next < lines.size(); ++k) {
      if (std::regex_search(lines[next].text, download)) return true;
      next = NextText(lines, next);
    }
    return false;
  };
  // rijksoverheid.nl has no "Naar boven": its "Downloads" under the
  // signature, then "Details" and "Zie ook".
  auto top = std::find_if(lines.rbegin(), lines.rend(), [&](const Line& l) {
    return l.text == "Naar boven" || l.text == "Terug naar boven" || l.text == "Downloads" ||
           l.text == "Download" || downloads(static_cast<size_t>(&l - lines.data()));
  });
  if (top != lines.rend()) {
    const size_t at = static_cast<size_t>(std::distance(lines.begin(), top.base()) - 1);
    size_t links = 0;
    bool prose = false;
    for (size_t i = at + 1; i < lines.size(); ++i) {
      // Below "Zie ook" or "Deel deze pagina" all is the site's: links to
      // other pages ("Vraag en antwoord: Mag ik …?") and its slogan
      // ("Rijksoverheid.nl. Het laatste nieuws …").
      if (furniture.contains(lines[i].text) || lines[i].text == "Zie ook") break;
      if (lines[i].text.empty() || std::regex_search(lines[i].text, download)) continue;
      // A download's title and what it says of it, above what it is and
      // its details.
      const size_t kind = NextText(lines, i);
      const size_t details = kind < lines.size() ? NextText(lines, kind) : kind;
      if ((kind < lines.size() && std::regex_search(lines[kind].text, download)) ||
          (details < lines.size() && std::regex_search(lines[details].text, download))) {
        continue;
      }
      ++links;
      // Links may share a line: "Over deze site | Contact | Privacy".
      prose = prose || EndsSentence(lines[i].text) ||
              (std::count(lines[i].text.begin(), lines[i].text.end(), ' ') >= kMaxLinkWords &&
               lines[i].text.find(" | ") == std::string::npos);
    }
    if (links <= kMaxLinkLines && !prose) {
      size_t cut = at;
      for (size_t i = at; i-- > 0 && at - i <= kMaxFootLines;) {
        if (furniture.contains(lines[i].text) || downloads(i)) cut = i;
      }
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(cut), lines.end());
      return;
    }
  }
  if (!has("Documentdetails") && !has("Documentgegevens") && !has("Is deze informatie nuttig?") &&
      !has("Was deze informatie nuttig?")) {
    return;
  }
  lines.erase(std::find_if(lines.begin(), lines.end(),
                           [&](const Line& l) { return furniture.contains(l.text); }),
              lines.end());
}

CleanText CleanPdfText(std::string_view raw) {
  std::string text(raw);
  ReplaceAll(text, "\r\n", "\n");
  std::replace(text.begin(), text.end(), '\r', '\n');
  // A tab between cells (a table copied from a web page) is a column gap.
  ReplaceAll(text, "\t", "  ");
  ReplaceAll(text, "\xC2\xA0", " ");      // no-break space
  ReplaceAll(text, "\xC2\xAD\n", "-\n");  // soft hyphen at a line end
  ReplaceAll(text, "\xC2\xAD", "");
  ReplaceAll(text, "\xEF\xAC\x81", "fi");  // ligatures
  ReplaceAll(text, "\xEF\xAC\x82", "fl");

  CleanText out;
  bool page_start = true;
  std::vector<std::string> raw_lines = Split(text, '\n');
  UnfoldSideBySideQuestions(raw_lines);
  UnfoldQuestionTableRows(raw_lines);
  JoinSplitHandelingenFooters(raw_lines);
  RemoveSidebar(raw_lines);
  raw_lines = SplitMarkdownLines(std::move(raw_lines));
  RemoveStackedQuestionTableHeaders(raw_lines);
  for (const std::string& part : raw_lines) {
    std::string raw_line = part;
    if (UndoMarkdown(raw_line)) {
      page_start = true;
      continue;
    }
    // A form feed separates pages.
    size_t ff;
    while ((ff = raw_line.find('\f')) != std::string::npos) {
      std::string before = raw_line.substr(0, ff);
      if (!Trim(before).empty()) out.lines.push_back(Line{std::string(Trim(before)), page_start});
      page_start = true;
      raw_line.erase(0, ff + 1);
    }
    Line line;
    // Runs of spaces inside a line stay (table columns); the ends go, and
    // so do the spaces that justified a line.
    line.text = std::string(Trim(raw_line));
    // A page reference in the left margin, apart from the text by a run of
    // spaces (`-layout`: "blz. 3             Hoe hoog zijn …").
    static const std::regex margin_page(
        "^(?:[Bb]lz|[Bb]ladzijde|[Pp]ag|[Pp]agina)\\.? ?[0-9]{1,4}(?:[-–][0-9]{1,4})? {3,}(?=\\S)");
    if (line.text.starts_with("bl") || line.text.starts_with("Bl") ||
        line.text.starts_with("pag") || line.text.starts_with("Pag")) {
      line.text = std::regex_replace(line.text, margin_page, "");
    }
    if (IsJustifiedProse(line.text)) line.text = CollapseSpaces(line.text);
    // The rule above a page's footnotes ("_____________________").
    if (line.text.size() >= 5 && line.text.find_first_not_of('_') == std::string::npos) {
      line.text.clear();
    }
    if (line.text.empty()) {
      if (out.lines.empty() || !out.lines.back().text.empty()) out.lines.push_back(line);
      continue;
    }
    // pdftotext starts each page's first line with a single space.
    line.page_start =
        page_start || (raw_line.size() > 1 && raw_line[0] == ' ' && raw_line[1] != ' ');
    page_start = false;
    std::smatch footer;
    if (std::regex_match(line.text, footer, HandelingenFooter())) {
      out.footers.push_back(HandelingenReference(footer, out.lines));
      page_start = true;
      continue;
    }
    if (std::regex_match(line.text, footer, FooterPattern())) {
      out.footers.push_back(CollapseSpaces(footer[4].str()));
      page_start = true;
      continue;
    }
    if (std::regex_match(line.text, footer, IdentifierFooter())) {
      out.footers.push_back(CollapseSpaces(line.text));
      out.identifiers.push_back(footer[1].str());
      page_start = true;
      continue;
    }
    if (std::regex_match(line.text, footer, SpacedIdentifierFooter())) {
      std::string identifier = CollapseSpaces(footer[1].str());
      std::replace(identifier.begin(), identifier.end(), ' ', '-');
      out.footers.push_back(CollapseSpaces(line.text));
      out.identifiers.push_back(identifier);
      page_start = true;
      continue;
    }
    if (std::regex_match(line.text, ColophonPattern())) {
      static const std::regex identifier(kIdentifier, std::regex::icase);
      if (std::regex_match(line.text, identifier)) out.identifiers.push_back(line.text);
      continue;
    }
    if (std::regex_match(line.text, PageNumberPattern()) ||
        std::regex_match(line.text, QuestionTableHeader())) {
      page_start = true;
      continue;
    }
    const std::string_view previous =
        out.lines.empty() ? std::string_view() : std::string_view(out.lines.back().text);
    const bool table_note =
        IsTableNote(line.text) && (IsTableRow(previous) || IsFigureRow(previous));
    line.bullet = !table_note && StripBullet(line.text);
    // "10) maakt …" after "(bladzijde" closes the parenthesis, "1. Daarin …"
    // after "op artikel" is the article's number: no list items.
    std::smatch item;
    line.numbered = !line.bullet && std::regex_search(line.text, item, NumberedItem()) &&
                    !(item[2] == ")" && OpensParenthesis(previous)) &&
                    !EndsInNumberedWord(previous);
    line.number_only = !line.bullet && IsNumberOnly(line.text);
    out.lines.push_back(std::move(line));
  }

  CollapseJustifiedLinesAmidProse(out.lines);
  RemoveBekendmakingenHead(out.lines, out.footers, out.masthead);
  // The masthead goes, up to the line that names the paper ("Nr. 48 BRIEF
  // VAN …"); that line is kept aside for the document's title.
  auto first = std::find_if(out.lines.begin(), out.lines.end(),
                            [](const Line& l) { return !l.text.empty(); });
  // A copy's page title above the masthead ("Kamerstuk 36457, nr. 1883")
  // names the paper the masthead names.
  static const std::regex page_title(
      "^Kamerstuk [0-9 ]{5,7}(-[0-9]{1,2})?( [A-Z]{1,5})?, nr\\. [0-9A-Z]+$");
  if (first != out.lines.end() && std::regex_match(first->text, page_title)) {
    auto next =
        std::find_if(first + 1, out.lines.end(), [](const Line& l) { return !l.text.empty(); });
    if (next != out.lines.end() && std::regex_match(next->text, MastheadStart())) {
      first->text.clear();
      first = next;
    }
  }
  auto masthead_end = [&](size_t max_lines) {
    auto limit =
        first + static_cast<std::ptrdiff_t>(std::min<size_t>(max_lines, out.lines.end() - first));
    return std::pair{
        std::find_if(first, limit,
                     [](const Line& l) { return std::regex_match(l.text, MastheadEnd()); }),
        limit};
  };
  auto names_paper_soon = [&] {
    auto [end, limit] = masthead_end(kMaxDossierLines);
    return end != limit;
  };
  if (first != out.lines.end() &&
      (std::regex_match(first->text, MastheadStart()) ||
       (std::regex_match(first->text, DossierLine()) && names_paper_soon()))) {
    auto [end, limit] = masthead_end(kMaxMastheadLines);
    if (end == limit) {
      // No "Nr." line: the chamber and the session year alone.
      end = std::find_if(first + 1, limit, [](const Line& l) { return !l.text.empty(); });
      if (end == limit || !std::regex_match(end->text, VergaderjaarLine())) end = first;
    }
    ++end;
    // "Nr. 76" on its line, the paper's name in capitals on the next.
    auto next = std::find_if(end, out.lines.end(), [](const Line& l) { return !l.text.empty(); });
    if (next != out.lines.end() && std::regex_match(std::prev(end)->text, PaperNumberOnly()) &&
        std::regex_match(next->text, PaperName())) {
      end = next + 1;
    }
    for (auto it = first; it != end; ++it) {
      if (!it->text.empty()) out.masthead.push_back(CollapseSpaces(it->text));
    }
    out.lines.erase(first, end);
    if (!out.lines.empty()) out.lines.front().page_start = true;
  } else {
    RemoveWebPageHead(out.lines, out.masthead);
    RemoveSiteNavigation(out.lines);
  }
  RemoveWebPageFoot(out.lines);

  JoinCellPerLineTables(out.lines);

  // Running headers and footers the patterns above do not know.
  std::map<std::string, std::vector<size_t>> repeats;
  for (size_t i = 0; i < out.lines.size(); ++i) {
    const std::string& t = out.lines[i].text;
    // Footers carry a page number and are no sentences ("Zie het antwoord
    // op vraag 1." may well stand three times).
    if (t.size() >= 15 && t.size() <= 120 && !EndsSentence(t) &&
        std::any_of(t.begin(), t.end(), [](char c) { return std::isdigit(c); })) {
      repeats[RepeatKey(t)].push_back(i);
    }
  }
  // Lines that repeat close together are a table's rows ("2022 121.300
  // 84%", "2023 139.800 86%"), no footer.
  constexpr size_t kMinFooterDistance = 5;
  std::erase_if(repeats, [&](const auto& repeat) {
    const std::vector<size_t>& at = repeat.second;
    return at.size() < 3 ||
           std::adjacent_find(at.begin(), at.end(),
                              [](size_t a, size_t b) { return b - a < kMinFooterDistance; }) !=
               at.end() ||
           IsRepeatedFootnote(out.lines, at);
  });
  std::vector<Line> kept;
  kept.reserve(out.lines.size());
  // Such a line within a page's first lines is part of a running header
  // (the template's date under "Datum"): the page started above it.
  constexpr size_t kHeaderLines = 8;
  bool next_page = false;
  size_t since_page_start = kHeaderLines;  // lines of text kept since a page started
  for (Line& l : out.lines) {
    if (repeats.contains(RepeatKey(l.text)) && !LooksLikeMarkerLine(l.text)) {
      out.footers.push_back(l.text);
      next_page = next_page || since_page_start >= kHeaderLines;
      continue;
    }
    if (next_page && !l.text.empty()) {
      l.page_start = true;
      next_page = false;
    }
    if (l.page_start) since_page_start = 0;
    since_page_start += !l.text.empty();
    kept.push_back(std::move(l));
  }
  out.lines = std::move(kept);
  RemoveRunningHeaders(out.lines);
  RemoveFirstPagesSidebar(out.lines);
  SetEndnotesAsFootnotes(out.lines);
  JoinLoneFootnoteNumbers(out.lines);
  RemoveFootnotes(out.lines);
  RemoveTableOfContents(out.lines);
  // Blank lines set in between leave the width as it is.
  const size_t width = TextWidth(out.lines);
  InferParagraphBreaks(out.lines, width);
  MarkKeptHyphens(out.lines);
  MarkFullWidth(out.lines, width);
  return out;
}

std::string_view LastLine(std::string_view paragraph) {
  const size_t nl = paragraph.rfind('\n');
  return nl == std::string_view::npos ? paragraph : paragraph.substr(nl + 1);
}

// `next` is the item after the last line of `paragraph` in a numbered
// list: "3." after "2.", "c)" after "b)".
bool ContinuesList(std::string_view paragraph, std::string_view next) {
  std::string_view last = LastLine(paragraph);
  static const std::regex item("^([0-9]{1,2}|[a-z])[.)] ");
  std::match_results<std::string_view::const_iterator> a, b;
  if (!std::regex_search(last.begin(), last.end(), a, item) ||
      !std::regex_search(next.begin(), next.end(), b, item)) {
    return false;
  }
  std::string x = a[1].str(), y = b[1].str();
  if (std::isdigit(static_cast<unsigned char>(x[0])) !=
      std::isdigit(static_cast<unsigned char>(y[0]))) {
    return false;
  }
  if (std::isdigit(static_cast<unsigned char>(x[0]))) return std::stoi(y) == std::stoi(x) + 1;
  return y[0] == x[0] + 1;
}

// The last line of `paragraph` is the last item of a list: it ends a
// sentence with a full stop, and the item above it ends with a semicolon
// or a comma ("…;", "…; en", "…, of"), as a list's items go on to its last.
bool EndsList(std::string_view paragraph) {
  static const std::regex item("^(– |([0-9]{1,2}|[a-z])[.)] )");
  static const std::regex goes_on("[;,]( en| of)?$");
  if (!paragraph.ends_with('.')) return false;
  std::vector<std::string> rows = Split(paragraph, '\n');
  if (rows.size() < 2) return false;
  const std::string& last = rows.back();
  const std::string& above = rows[rows.size() - 2];
  return std::regex_search(last, item) && std::regex_search(above, item) &&
         std::regex_search(above, goes_on);
}

std::vector<std::string> JoinParagraphs(std::span<const Line> lines) {
  std::vector<std::string> paragraphs;
  std::string current;
  bool closed_by_blank = false;  // `current` ended at a blank line
  bool keep_hyphen = false;      // the hyphen ending `current` is part of the word
  bool last_full = false;        // the last line of `current` reached the text's width
  bool last_row = false;         // the last line of `current` is a row of figures
  auto flush = [&] {
    std::string_view t = Trim(current);
    if (!t.empty()) paragraphs.emplace_back(t);
    current.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.number_only) continue;
    if (l.text.empty()) {
      closed_by_blank = !current.empty();
      continue;
    }
    if (closed_by_blank) {
      // A paragraph broken by a page break (or a removed footnote) goes on:
      // the text before the break ends mid-sentence and the text after it
      // starts in lower case.
      // Across a page break a sentence may go on with a name ("bij" /
      // "Nederlandse advocaten"); a heading never ends a page.
      // A lettered subsection's heading under a numbered section's ("2.
      // Essentie voorstel" / "a) Inhoud voorstel") is no lower-case word
      // going on.
      static const std::regex numbered_heading("^[0-9]{1,2}(\\.[0-9]{1,2})*\\.? \\S[^\n]*$");
      const bool subsection = l.numbered && current.size() <= kMaxHeadingBytes &&
                              std::regex_match(current, numbered_heading);
      bool continues = !EndsSentence(current) && !l.bullet &&
                       ((StartsLower(l.text) && !subsection) || current.back() == '-' ||
                        (l.page_start && (current.size() > kMaxHeadingBytes || last_full)));
      // A table at the foot of a page goes on only with more of its rows.
      const bool after_table =
          last_row || IsTableRow(LastLine(current)) || IsTableNote(LastLine(current));
      if (after_table && !IsTableRow(l.text) && !IsFigureRow(l.text)) continues = false;
      // A numbered list goes on over a page break ("2. …;" / "3. …").
      continues = continues || (l.page_start && l.numbered && ContinuesList(current, l.text));
      if (!continues) flush();
      closed_by_blank = false;
    }
    // A heading at the top of a page, right after a finished sentence.
    bool own_line = i + 1 == lines.size() || lines[i + 1].text.empty();
    if (!current.empty() && l.page_start && own_line && StartsUpper(l.text) &&
        !EndsSentence(l.text) && l.text.size() < 100) {
      flush();
    }
    // The text after a list.
    if (!l.bullet && !l.numbered && StartsUpper(l.text) && EndsList(current)) flush();
    const bool hyphen_kept = std::exchange(keep_hyphen, l.hyphen_kept);
    last_full = l.full_width;
    // Rows of figures, two or more, are a table's; a row as wide as the
    // text holds three figures at least ("Opdrachten 24.912 27.655 31.940").
    static const std::regex three_figures("( \\S*[0-9]\\S*){3}$");
    auto figures = [&](size_t k) {
      return k < lines.size() && IsFigureRow(lines[k].text) &&
             (!lines[k].full_width || std::regex_search(lines[k].text, three_figures));
    };
    const bool row = figures(i) && ((i > 0 && figures(i - 1)) || figures(i + 1));
    const bool after_row = std::exchange(last_row, row);
    // The header of such rows ("Jaar Aantal aanvragen") stands on its own line.
    const bool header = !row && figures(i + 1) && figures(i + 2) && !EndsSentence(l.text);
    // A list item's label may stand apart from its text ("1)  het …").
    std::string item;
    if (l.numbered && !IsTableRow(l.text)) item = CollapseSpaces(l.text);
    const std::string& text = item.empty() ? l.text : item;
    if (current.empty()) {
      current = l.bullet ? "– " + text : text;
      continue;
    }
    if (l.bullet) {
      current += "\n– " + text;
    } else if (l.numbered) {
      current += "\n" + text;
    } else if (IsTableRow(l.text) || row || header) {
      current += "\n" + l.text;
    } else {
      if (IsTableRow(LastLine(current)) || after_row) {
        current += "\n" + l.text;
      } else {
        AppendWrapped(current, l.text, hyphen_kept);
      }
    }
  }
  flush();
  return paragraphs;
}

}  // namespace loket::knowledge

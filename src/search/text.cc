#include "search/text.h"

#include <algorithm>
#include <iterator>
#include <regex>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/strings.h"

namespace loket::search {
namespace {

// Kraaij-Pohlmann rather than Snowball's "dutch", which leaves plurals such
// as "ambassades" and "vaccinaties" alone: measured better on both
// development sets of the knowledge search (docs/benchmarks.md).
constexpr char kDutchStemmer[] = "kraaij_pohlmann";

// Small stop lists for queries only (documents index every word, so
// phrases still work). Each language's parse uses its own list: "die" is
// an article in Dutch but a meaningful word in English.
constexpr const char* kStopNl[] = {
    "de",  "het",  "een",  "en",   "van", "in",  "op",  "te",   "voor", "met", "aan",
    "als", "bij",  "door", "naar", "om",  "tot", "uit", "over", "of",   "dat", "die",
    "dit", "er",   "is",   "ik",   "je",  "u",   "uw",  "mijn", "hoe",  "wat", "wie",
    "kan", "moet", "wil",  "ben",  "heb", "ook", "mij", "me",   "we",   "wij"};
constexpr const char* kStopEn[] = {
    "a",    "an",    "the",    "and",   "of",   "in",   "on",   "at",    "to",   "for", "from",
    "with", "by",    "as",     "is",    "are",  "be",   "am",   "i",     "me",   "my",  "you",
    "your", "we",    "our",    "it",    "its",  "how",  "what", "which", "who",  "do",  "does",
    "can",  "could", "should", "would", "will", "this", "that", "there", "about"};

constexpr const char* kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

// A stemmer that leaves names alone: Kraaij-Pohlmann takes "spanje" for a
// form of "span" (as in "spanning"), "georgië" for one of "orgie" and
// "maarten" for "maart"; a name is only ever itself. It remembers the stems
// it made: highlighting a snippet stems every word of the passage, and
// Kraaij-Pohlmann costs thousands of instructions a word.
class CachingStem final : public Xapian::StemImplementation {
 public:
  CachingStem(const std::string& language, NameSet names)
      : stem_(language), names_(std::move(names)) {}
  std::string operator()(const std::string& word) override {
    if (auto it = stems_.find(word); it != stems_.end()) return it->second;
    std::string stem = names_ && names_->count(word) ? word : stem_(word);
    // A corpus has some tens of thousands of words; the bound only guards
    // against a stream of made-up ones.
    if (stems_.size() >= kMaxStems) stems_.clear();
    stems_.emplace(word, stem);
    return stem;
  }
  std::string get_description() const override {
    return (names_ && !names_->empty() ? "names kept, " : "") + stem_.get_description();
  }

 private:
  static constexpr size_t kMaxStems = 200000;
  Xapian::Stem stem_;
  NameSet names_;
  std::unordered_map<std::string, std::string> stems_;
};

// Characters Xapian keeps inside a word when a word character follows
// ("driver's", "AT&T"), normalised as Xapian does; 0 for others.
unsigned InfixChar(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';
  return 0;
}

}  // namespace

bool IsStopwordIn(Lang lang, std::string_view word) {
  auto is = [&](const char* w) { return word == w; };
  return lang == Lang::kNl ? std::any_of(std::begin(kStopNl), std::end(kStopNl), is)
                           : std::any_of(std::begin(kStopEn), std::end(kStopEn), is);
}

bool IsStopword(std::string_view word) {
  return IsStopwordIn(Lang::kNl, word) || IsStopwordIn(Lang::kEn, word);
}

Xapian::Stopper* NewStopper(Lang lang) {
  auto* stopper = lang == Lang::kNl
                      ? new Xapian::SimpleStopper(std::begin(kStopNl), std::end(kStopNl))
                      : new Xapian::SimpleStopper(std::begin(kStopEn), std::end(kStopEn));
  return stopper->release();
}

Xapian::Stem MakeStem(Lang lang, const NameSet& names) {
  return Xapian::Stem(new CachingStem(lang == Lang::kNl ? kDutchStemmer : "english", names));
}

// Valid UTF-8 without control characters (bytes that are not UTF-8 are read
// as Latin-1, the way Xapian reads them).
std::string Sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) {
    unsigned ch = *it;
    if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0)) ch = ' ';
    Xapian::Unicode::append_utf8(out, ch);
  }
  return out;
}

// The length of the longest prefix of at most max_bytes that ends on a
// character boundary.
size_t Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

void TruncateUtf8(std::string& text, size_t max_bytes) { text.resize(Utf8Prefix(text, max_bytes)); }

bool HasControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// Words as Xapian's parser and term generator see them (letters, digits,
// marks, connectors, and the infix characters above).
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  Xapian::Utf8Iterator it(text.data(), text.size()), end;
  while (it != end) {
    if (!Xapian::Unicode::is_wordchar(*it)) {
      ++it;
      continue;
    }
    Token token;
    token.begin = text.size() - it.left();
    while (it != end) {
      unsigned ch = *it;
      if (!Xapian::Unicode::is_wordchar(ch)) {
        unsigned infix = InfixChar(ch);
        if (infix == 0) break;
        Xapian::Utf8Iterator next = it;
        ++next;
        if (next == end || !Xapian::Unicode::is_wordchar(*next)) break;
        Xapian::Unicode::append_utf8(token.lower, infix);
        ++token.chars;
        it = next;
        continue;
      }
      if (Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER) {
        token.has_digit = true;
      }
      Xapian::Unicode::append_utf8(token.lower, Xapian::Unicode::tolower(ch));
      ++token.chars;
      ++it;
    }
    token.end = text.size() - it.left();
    out.push_back(std::move(token));
  }
  return out;
}

// The names of one word, as the tokenizer lowers them: "Spanje" gives
// "spanje"; "Sint Maarten" nothing, its words may be any word's.
NameSet SingleWordNames(const std::vector<std::string>& names) {
  auto out = std::make_shared<std::unordered_set<std::string>>();
  for (const std::string& name : names) {
    std::vector<Token> tokens = Tokenize(name);
    if (tokens.size() == 1 && !tokens.front().has_digit) out->insert(tokens.front().lower);
  }
  return out;
}

std::u32string ToU32(std::string_view text) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) {
    out.push_back(static_cast<char32_t>(*it));
  }
  return out;
}

bool IsOperator(std::string_view word) {
  return std::any_of(std::begin(kOperators), std::end(kOperators),
                     [&](const char* op) { return word == op; });
}

// The query text with every word in lower case, except the boolean
// operators the parser knows (only recognised in capitals). Lower case
// makes the parser stem every word: it leaves capitalised words unstemmed,
// and phones capitalise the first word of everything typed.
std::string LowerForParser(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  size_t pos = 0;
  for (const Token& t : tokens) {
    out.append(text.substr(pos, t.begin - pos));
    std::string_view original = text.substr(t.begin, t.end - t.begin);
    if (IsOperator(original)) {
      out.append(original);
    } else {
      out += t.lower;
    }
    pos = t.end;
  }
  out.append(text.substr(pos));
  return out;
}

// Optimal string alignment distance (Damerau–Levenshtein where a swap of two
// neighbours counts as one edit, as in Xapian's own spelling code); returns
// max_distance + 1 as soon as the distance must exceed max_distance.
size_t EditDistance(const std::u32string& a, const std::u32string& b, size_t max_distance,
                    EditRows& rows) {
  size_t n = a.size();
  size_t m = b.size();
  if ((n > m ? n - m : m - n) > max_distance) return max_distance + 1;
  std::vector<size_t>& prev2 = rows.prev2;
  std::vector<size_t>& prev = rows.prev;
  std::vector<size_t>& cur = rows.cur;
  prev2.assign(m + 1, 0);
  prev.resize(m + 1);
  cur.assign(m + 1, 0);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_distance) return max_distance + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

// How many typing mistakes a word of this length may contain and still be
// corrected: one in short words, two from five letters on.
size_t AllowedEdits(size_t chars) { return chars <= 4 ? 1 : 2; }

// The snippet with its stop words unmarked: a query word's compound part
// ("over" of "overlijdt") or the stem of a word in the other language
// ("die" of "dies") is searched, but highlighting it in every sentence
// only distracts.
std::string UnmarkStopwords(const std::string& snippet) {
  const std::string_view open = kMarkOpen;
  const std::string_view close = kMarkClose;
  std::string out;
  out.reserve(snippet.size());
  size_t pos = 0;
  for (size_t start; (start = snippet.find(open, pos)) != std::string::npos;) {
    const size_t word = start + open.size();
    const size_t end = snippet.find(close, word);
    if (end == std::string::npos) break;
    const std::string_view marked(snippet.data() + word, end - word);
    out.append(snippet, pos, start - pos);
    if (IsStopword(AsciiLower(marked))) {
      out.append(marked);
    } else {
      out.append(snippet, start, end + close.size() - start);
    }
    pos = end + close.size();
  }
  out.append(snippet, pos);
  return out;
}

std::vector<AnswerKind> AnswerKindsIn(std::string_view text) {
  static const std::regex money("€ ?[0-9]|[0-9] ?(?:euro|EUR)\\b|\\beuro\\b", std::regex::icase);
  static const std::regex duration(
      "\\b(?:[0-9]+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|vijftien|twintig|"
      "dertig|zestig|negentig|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|"
      "twenty|thirty|sixty|ninety) (?:werk|kalender)?(?:dag|dagen|week|weken|maand|maanden|jaar|"
      "jaren|uur|uren|days?|weeks?|months?|years?|hours?|working days?)\\b",
      std::regex::icase);
  static const std::regex quantity(
      "\\b[0-9]{1,3}(?:[.,][0-9]{3})+\\b|\\b[0-9]+(?:[.,][0-9]+)? ?(?:%|procent|miljoen|miljard|"
      "percent|million|billion)",
      std::regex::icase);
  std::vector<AnswerKind> out;
  if (std::regex_search(text.begin(), text.end(), money)) out.push_back(AnswerKind::kMoney);
  if (std::regex_search(text.begin(), text.end(), duration)) out.push_back(AnswerKind::kDuration);
  if (std::regex_search(text.begin(), text.end(), quantity)) out.push_back(AnswerKind::kQuantity);
  return out;
}

std::vector<AnswerKind> AnswerKindsAsked(const std::vector<Token>& tokens) {
  static const std::set<std::string_view> money = {
      "kost",    "kosten", "kostte", "prijs", "tarief", "tarieven", "betalen", "betaal",
      "betaalt", "cost",   "costs",  "price", "fee",    "fees",     "pay"};
  static const std::set<std::string_view> duration = {"hoelang", "duurt", "duren", "wachttijd",
                                                      "long"};
  static const std::set<std::string_view> quantity = {"hoeveel", "aantal", "many", "much"};
  std::vector<AnswerKind> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].lower;
    const bool hoe_lang = w == "lang" && i > 0 && tokens[i - 1].lower == "hoe";
    auto add = [&](AnswerKind k) {
      if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    };
    if (money.contains(w)) add(AnswerKind::kMoney);
    if (duration.contains(w) || hoe_lang) add(AnswerKind::kDuration);
    if (quantity.contains(w)) add(AnswerKind::kQuantity);
  }
  return out;
}

}  // namespace loket::search

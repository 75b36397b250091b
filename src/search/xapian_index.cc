#include "search/xapian_index.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/log.h"
#include "core/strings.h"
#include "search/decompounder.h"

namespace loket::search {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Value slots.
constexpr Xapian::valueno kSlotKey = 0;         // "type:id": the collapse key
constexpr Xapian::valueno kSlotPopularity = 1;  // sortable_serialise(popularity / 100)
constexpr Xapian::valueno kSlotFacets = 2;      // name US value RS, repeated

constexpr char kFacetUnitSep = '\x1f';
constexpr char kFacetRecordSep = '\x1e';

// Boolean term prefixes (X… is Xapian's convention for application
// prefixes; Q is the conventional unique-id prefix, S the title).
constexpr std::string_view kPrefixType = "XT";
constexpr std::string_view kPrefixLang = "XL";
constexpr std::string_view kPrefixFacet = "XF";
constexpr std::string_view kPrefixId = "Q";
constexpr char kPrefixTitle[] = "S";

// Field weights, as increments of the within-document frequency of the
// unprefixed terms that a plain query searches. BM25 saturates wdf, so
// these are deliberately far apart.
constexpr Xapian::termcount kTitleWdf = 6;
constexpr Xapian::termcount kKeywordWdf = 6;
constexpr Xapian::termcount kSummaryWdf = 3;
constexpr Xapian::termcount kBodyWdf = 1;

// The requested language's documents count this much more than the same
// evidence in the other language.
constexpr double kRequestedLangBoost = 1.5;
// Query words in a title count again, through the title-only terms.
constexpr double kTitleBoost = 2.0;
// BM25 with a larger k1 (term frequency saturation) than Xapian's default
// of 1: the field weights above inflate wdf, and with k1 = 1 every page with
// the word in its title or keywords was saturated and ranked alike. Tuned
// on the test corpus (k1 2–5 with title boost 2 all rank it well).
constexpr double kBm25K1 = 3.0;
constexpr double kBm25K2 = 0.0;
constexpr double kBm25K3 = 1.0;
constexpr double kBm25B = 0.5;
constexpr double kBm25MinNormLen = 0.5;
// Passages of running text (knowledge articles) have no field weights to
// compensate for: the usual k1 (Robertson's 1.2) ranks them best. BM25+
// (Lv and Zhai) adds delta to every matching word, so that a long passage
// is not pushed below a short one that lacks the word; that lets length
// count for more (b) without burying the long answers to questions among
// a letter's short paragraphs. Measured in docs/benchmarks.md.
constexpr double kBm25K1Passage = 1.2;
constexpr double kBm25BPassage = 0.6;
constexpr double kBm25DeltaPassage = 0.5;
// A related word (thesaurus.txt) counts this much of the word itself, and
// never for more than the word's own rarity (RelatedQueries): a rare
// related word must not outweigh a common word that was asked for.
// Measured in docs/benchmarks.md (0.7 before that cap).
constexpr double kRelatedWeight = 1.0;
// Popularity adds at most this much to a score (BM25 scores of a real match
// are in the order of 1–20): enough to order ties, never to beat relevance.
constexpr double kPopularityWeight = 0.05;

// Kraaij-Pohlmann rather than Snowball's "dutch", which leaves plurals such
// as "ambassades" and "vaccinaties" alone: measured better on both
// development sets of the knowledge search (docs/benchmarks.md).
constexpr char kDutchStemmer[] = "kraaij_pohlmann";

constexpr size_t kMaxQueryBytes = 500;
constexpr size_t kMaxQueryWords = 32;
constexpr size_t kMaxLimit = 100;
constexpr size_t kMaxOffset = 10000;
constexpr size_t kSnippetBytes = 200;
constexpr size_t kExhaustiveSnippetBytes = 2000;
constexpr size_t kSnippetSourceBytes = 3000;
constexpr size_t kMaxStoredTextBytes = 200000;
constexpr size_t kMaxPooledHandles = 16;
// Documents whose stored fields a generation keeps parsed: a whole
// catalogue and knowledge base of today, a few megabytes.
constexpr size_t kMaxParsedDocuments = 20000;
constexpr size_t kMaxFieldBytes = 100;  // type, id, facet names and values
constexpr unsigned kMaxPartialExpansion = 50;
constexpr size_t kMinCorrectedChars = 4;  // shorter words are never "corrected"
constexpr size_t kMinSuggestedChars = 3;  // nor corrected into shorter ones

const std::string kEmpty;

constexpr char kCurrentFile[] = "current";
constexpr std::string_view kGenerationPrefix = "gen-";
constexpr char kMetaFormat[] = "loket:format";
constexpr char kMetaSynonymWords[] = "loket:synonym-words";
// The spelling dictionary with a frequency per language ("word TAB nl TAB
// en" lines): Xapian's own has one frequency for both.
constexpr char kMetaVocabulary[] = "loket:vocabulary";
// The related-word groups ("word TAB word …" lines), expanded at query time.
constexpr char kMetaRelated[] = "loket:related";
// The names the stemmers leave alone, one a line.
constexpr char kMetaNames[] = "loket:names";
constexpr char kFormatVersion[] = "2";

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

bool IsStopwordIn(Lang lang, std::string_view word) {
  auto is = [&](const char* w) { return word == w; };
  return lang == Lang::kNl ? std::any_of(std::begin(kStopNl), std::end(kStopNl), is)
                           : std::any_of(std::begin(kStopEn), std::end(kStopEn), is);
}

bool IsStopword(std::string_view word) {
  return IsStopwordIn(Lang::kNl, word) || IsStopwordIn(Lang::kEn, word);
}

// Multi-word synonyms are matched by us, not by the parser
// (FLAG_AUTO_MULTIWORD_SYNONYMS): the parser folds the phrase's own words
// into the synonym, so "verhuizen naar het buitenland" became one term as
// common as "buitenland" and lost all power to tell pages apart.
constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

// Words the stemmers leave as they are (XapianOptions::names).
using NameSet = std::shared_ptr<const std::unordered_set<std::string>>;

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

// The stemmer for a language's text. Each thread needs its own: Xapian's
// handles are not thread-safe.
Xapian::Stem MakeStem(Lang lang, const NameSet& names) {
  return Xapian::Stem(new CachingStem(lang == Lang::kNl ? kDutchStemmer : "english", names));
}

std::string Cat(std::string_view a, std::string_view b) {
  std::string out(a);
  out += b;
  return out;
}

std::string LangTerm(Lang lang) { return Cat(kPrefixLang, LangCode(lang)); }
std::string TypeTerm(std::string_view type) { return Cat(kPrefixType, type); }
std::string FacetTerm(std::string_view name, std::string_view value) {
  std::string term = Cat(kPrefixFacet, name);
  term += ':';
  term += value;
  return term;
}
std::string CollapseKey(std::string_view type, std::string_view id) {
  std::string key(type);
  key += ':';
  key += id;
  return key;
}
std::string IdTerm(std::string_view type, std::string_view id, Lang lang) {
  std::string term = Cat(kPrefixId, CollapseKey(type, id));
  term += ':';
  term += LangCode(lang);
  return term;
}

int64_t NowMillis(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// ---------------------------------------------------------------------------
// Text helpers.

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

struct Token {
  size_t begin = 0;  // byte offsets in the text
  size_t end = 0;
  std::string lower;
  size_t chars = 0;  // code points
  bool has_digit = false;
};

// Characters Xapian keeps inside a word when a word character follows
// ("driver's", "AT&T"), normalised as Xapian does; 0 for others.
unsigned InfixChar(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';
  return 0;
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

// The rows of the distance table, kept between calls: a scan of the
// dictionary compares a word with thousands of others.
struct EditRows {
  std::vector<size_t> prev2, prev, cur;
};

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

constexpr char kMarkOpen[] = "<mark>";
constexpr char kMarkClose[] = "</mark>";

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

// ---------------------------------------------------------------------------
// Synonyms, normalised for the index.

struct SynonymEntry {
  std::vector<std::string> words;  // lower case
  bool multiword() const { return words.size() > 1; }
  // The key the query parser looks up for this entry (space-joined words).
  std::string Key() const { return Join(words, " "); }
  // The term indexed where a document contains this multi-word entry.
  std::string PhraseTerm() const { return Join(words, "_"); }
};

std::vector<std::vector<SynonymEntry>> NormaliseSynonyms(
    const std::vector<std::vector<std::string>>& groups) {
  std::vector<std::vector<SynonymEntry>> out;
  for (const auto& group : groups) {
    std::vector<SynonymEntry> entries;
    std::set<std::string> seen;
    for (const auto& text : group) {
      SynonymEntry entry;
      for (const Token& t : Tokenize(text)) entry.words.push_back(t.lower);
      if (entry.words.empty() || entry.Key().size() > kMaxFieldBytes) continue;
      if (!seen.insert(entry.Key()).second) continue;
      entries.push_back(std::move(entry));
    }
    if (entries.size() >= 2) out.push_back(std::move(entries));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Compounds.

// The parts of a Dutch word to search for: those the decompounder finds,
// but for a word the dictionary lists as a word of its own only when its
// parts are more common in the corpus than the word itself (Koehn and
// Knight's test: the geometric mean of the parts' document frequencies,
// each plus one, above the word's). "sanctiepakketten" still gives
// "sanctie" and "pakketten"; "maatregelen" no longer gives "maat" and
// "regelen", nor "minister" "mini" and "ster".
template <typename DocFreq>
std::vector<std::string> CompoundParts(Decompounder& decompounder, const std::string& word,
                                       const DocFreq& doc_freq) {
  std::vector<std::string> parts = decompounder.Split(word);
  if (parts.empty() || !decompounder.Listed(word)) return parts;
  double log_mean = 0;
  for (const std::string& part : parts) log_mean += std::log(doc_freq(part) + 1.0);
  log_mean /= static_cast<double>(parts.size());
  if (log_mean > std::log(doc_freq(word) + 1.0)) return parts;
  return {};
}

// ---------------------------------------------------------------------------
// Building a generation.

class Indexer {
 public:
  Indexer(Xapian::WritableDatabase& db, const std::vector<std::vector<std::string>>& synonyms,
          const std::vector<std::vector<std::string>>& related, const NameSet& names,
          Decompounder* decompounder)
      : db_(db),
        synonyms_(NormaliseSynonyms(synonyms)),
        related_(NormaliseSynonyms(related)),
        names_(names),
        decompounder_(decompounder) {
    tg_.set_database(db_);
    tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto& group : synonyms_) {
      for (const auto& entry : group) {
        if (!entry.multiword()) continue;
        Multiword mw;
        mw.term = entry.PhraseTerm();
        mw.words = entry.words;
        for (const auto& w : entry.words) {
          mw.stems_nl.push_back(stem_nl_(w));
          mw.stems_en.push_back(stem_en_(w));
        }
        multiwords_.push_back(std::move(mw));
      }
    }
  }

  // Counts the documents each word stands in (as Xapian will count its
  // unstemmed term), for telling compounds from words of their own.
  void CountDocumentFrequencies(const std::vector<Document>& documents) {
    if (!decompounder_) return;
    std::unordered_set<std::string> words;
    for (const Document& d : documents) {
      words.clear();
      auto add = [&](const std::string& text) {
        for (const Token& t : Tokenize(text)) words.insert(t.lower);
      };
      if (d.index_title) add(d.title);
      for (const auto& keyword : d.keywords) add(keyword);
      add(d.summary);
      add(d.body);
      for (const std::string& w : words) ++doc_freq_[w];
    }
  }

  void Add(const Document& d) {
    Xapian::Document doc;
    const Xapian::Stem& stem = d.lang == Lang::kNl ? stem_nl_ : stem_en_;
    tg_.set_stemmer(stem);
    tg_.set_document(doc);

    // Title, keywords and summary feed the spelling dictionary: they are
    // the carefully written words people are most likely to mean. (A
    // passage's body is such text too.)
    const std::string& title = d.index_title ? d.title : kEmpty;
    tg_.set_flags(Xapian::TermGenerator::FLAG_SPELLING, 0);
    CountWords(title, d.lang);
    for (const auto& keyword : d.keywords) CountWords(keyword, d.lang);
    CountWords(d.summary, d.lang);
    if (!d.index_title) CountWords(d.body, d.lang);
    tg_.index_text(title, kTitleWdf);
    tg_.increase_termpos();
    for (const auto& keyword : d.keywords) {
      tg_.index_text(keyword, kKeywordWdf);
      tg_.increase_termpos();
    }
    tg_.index_text(d.summary, kSummaryWdf);
    tg_.increase_termpos();
    tg_.set_flags(0, 0);
    tg_.index_text(d.body, kBodyWdf);
    tg_.increase_termpos();
    // The title alone again, under its own prefix: for the title boost and
    // for `title:` searches.
    tg_.index_text(title, 1, kPrefixTitle);

    std::map<std::string, Xapian::termcount> phrase_wdf;
    CountMultiwords(title, kTitleWdf, d.lang, phrase_wdf);
    std::map<std::string, Xapian::termcount> title_phrases;
    CountMultiwords(title, 1, d.lang, title_phrases);
    for (const auto& [term, wdf] : title_phrases) phrase_wdf[Cat(kPrefixTitle, term)] += wdf;
    for (const auto& keyword : d.keywords)
      CountMultiwords(keyword, kKeywordWdf, d.lang, phrase_wdf);
    CountMultiwords(d.summary, kSummaryWdf, d.lang, phrase_wdf);
    CountMultiwords(d.body, kBodyWdf, d.lang, phrase_wdf);
    // The parts of Dutch compounds, so that "beveiliging van informatie"
    // finds "informatiebeveiliging" and the other way round.
    // A part is weaker evidence than the word itself: it counts like a
    // word of the body, wherever the compound stands.
    if (d.lang == Lang::kNl && decompounder_) {
      for (const std::string* text : {&title, &d.summary, &d.body}) {
        CountCompoundParts(*text, phrase_wdf);
      }
      for (const auto& keyword : d.keywords) CountCompoundParts(keyword, phrase_wdf);
    }
    for (const auto& [term, wdf] : phrase_wdf) doc.add_term(term, wdf);

    const std::string id_term = IdTerm(d.type, d.id, d.lang);
    doc.add_boolean_term(id_term);
    doc.add_boolean_term(TypeTerm(d.type));
    doc.add_boolean_term(LangTerm(d.lang));
    std::string facets;
    for (const auto& [name, values] : d.facets) {
      for (const auto& value : std::set<std::string>(values.begin(), values.end())) {
        doc.add_boolean_term(FacetTerm(name, value));
        facets += name;
        facets += kFacetUnitSep;
        facets += value;
        facets += kFacetRecordSep;
      }
    }

    doc.add_value(kSlotKey, CollapseKey(d.type, d.id));
    doc.add_value(kSlotPopularity,
                  Xapian::sortable_serialise(std::clamp(d.popularity, 0, 100) / 100.0));
    if (!facets.empty()) doc.add_value(kSlotFacets, facets);

    std::string text = d.full_text;
    if (text.empty()) {
      text = d.summary;
      if (!d.body.empty()) {
        if (!text.empty()) text += "\n\n";
        text += d.body;
      }
    }
    TruncateUtf8(text, kMaxStoredTextBytes);
    Json data = {{"type", d.type},   {"id", d.id},   {"lang", LangCode(d.lang)},
                 {"title", d.title}, {"url", d.url}, {"text", text}};
    if (!d.attributes.empty()) data["attributes"] = d.attributes;
    doc.set_data(data.dump(-1, ' ', false, Json::error_handler_t::replace));
    db_.replace_document(id_term, doc);
  }

  // Writes the synonym table: each entry of a group finds the others, in
  // both languages, stemmed and unstemmed, single words and phrases.
  void Finish() {
    std::set<std::string> words;
    for (const auto& group : synonyms_) {
      for (size_t i = 0; i < group.size(); ++i) {
        // Once for all text, once for titles (the title parser looks up
        // its words with the title prefix).
        for (std::string_view prefix : {std::string_view(), std::string_view(kPrefixTitle)}) {
          std::set<std::string> values;
          for (size_t j = 0; j < group.size(); ++j) {
            if (j == i) continue;
            for (auto& v : Values(group[j], prefix)) values.insert(std::move(v));
          }
          for (const auto& key : Keys(group[i], prefix)) {
            for (const auto& value : values) db_.add_synonym(key, value);
          }
        }
        for (const auto& w : group[i].words) {
          words.insert(w);
          db_.add_spelling(w);
          auto& counts = vocabulary_[w];
          ++counts[0];
          ++counts[1];
        }
      }
    }
    std::string list;
    for (const auto& w : words) {
      list += w;
      list += '\n';
    }
    db_.set_metadata(kMetaSynonymWords, list);
    std::string vocabulary;
    for (const auto& [word, counts] : vocabulary_) {
      vocabulary += word;
      for (uint32_t count : counts) {
        vocabulary += '\t';
        vocabulary += std::to_string(count);
      }
      vocabulary += '\n';
    }
    db_.set_metadata(kMetaVocabulary, vocabulary);
    std::string related;
    for (const auto& group : related_) {
      std::vector<std::string> group_words;
      for (const auto& entry : group) {
        if (!entry.multiword()) group_words.push_back(entry.words.front());
      }
      if (group_words.size() < 2) continue;
      related += Join(group_words, "\t");
      related += '\n';
    }
    db_.set_metadata(kMetaRelated, related);
    std::string names;
    if (names_) {
      for (const auto& name : std::set<std::string>(names_->begin(), names_->end())) {
        names += name;
        names += '\n';
      }
    }
    db_.set_metadata(kMetaNames, names);
    db_.set_metadata(kMetaFormat, kFormatVersion);
  }

 private:
  struct Multiword {
    std::string term;
    std::vector<std::string> words, stems_nl, stems_en;
  };

  // The keys the parser looks a word up by: the word itself, else its stem
  // (Z-prefixed). Multi-word entries are looked up by us, in all text only.
  std::vector<std::string> Keys(const SynonymEntry& entry, std::string_view prefix) {
    if (entry.multiword()) {
      if (prefix.empty()) return {entry.Key()};
      return {};
    }
    const std::string& w = entry.words.front();
    const std::string z = Cat("Z", prefix);
    std::vector<std::string> keys = {Cat(prefix, w)};
    for (const std::string& stem : Stems(w)) keys.push_back(Cat(z, stem));
    return keys;
  }

  // The terms an entry is found by: its stems in either language, or for a
  // phrase the term indexed where the phrase occurs.
  std::vector<std::string> Values(const SynonymEntry& entry, std::string_view prefix) {
    if (entry.multiword()) return {Cat(prefix, entry.PhraseTerm())};
    const std::string z = Cat("Z", prefix);
    std::vector<std::string> values;
    for (const std::string& stem : Stems(entry.words.front())) values.push_back(Cat(z, stem));
    return values;
  }

  // A word's stems in either language, but for those that are stop words:
  // the group "overlijden, …, died" must not look for "die", the Dutch
  // stem of the English "died" and a Dutch pronoun.
  std::vector<std::string> Stems(const std::string& word) {
    std::vector<std::string> out;
    for (std::string stem : {stem_nl_(word), stem_en_(word)}) {
      if (!IsStopword(stem) && std::find(out.begin(), out.end(), stem) == out.end()) {
        out.push_back(std::move(stem));
      }
    }
    return out;
  }

  void CountWords(const std::string& text, Lang lang) {
    for (const Token& t : Tokenize(text)) {
      if (t.chars < 2 || t.chars > 40 || t.has_digit) continue;
      ++vocabulary_[t.lower][lang == Lang::kNl ? 0 : 1];
    }
  }

  void CountCompoundParts(const std::string& text, std::map<std::string, Xapian::termcount>& out) {
    auto doc_freq = [&](const std::string& word) {
      auto it = doc_freq_.find(word);
      return it == doc_freq_.end() ? 0.0 : static_cast<double>(it->second);
    };
    for (const Token& t : Tokenize(text)) {
      if (t.has_digit) continue;
      for (const std::string& part : CompoundParts(*decompounder_, t.lower, doc_freq)) {
        out["Z" + stem_nl_(part)] += 1;
      }
    }
  }

  // Adds the phrase term of every multi-word synonym entry that occurs in
  // the text (word for word, or stem for stem in the document's language).
  void CountMultiwords(const std::string& text, Xapian::termcount wdf, Lang lang,
                       std::map<std::string, Xapian::termcount>& out) {
    if (multiwords_.empty() || text.empty()) return;
    std::vector<Token> tokens = Tokenize(text);
    std::vector<std::string> stems;
    stems.reserve(tokens.size());
    Xapian::Stem& stem = lang == Lang::kNl ? stem_nl_ : stem_en_;
    for (const auto& t : tokens) stems.push_back(stem(t.lower));
    for (const auto& mw : multiwords_) {
      const auto& mw_stems = lang == Lang::kNl ? mw.stems_nl : mw.stems_en;
      size_t n = mw.words.size();
      for (size_t i = 0; i + n <= tokens.size(); ++i) {
        bool match = true;
        for (size_t k = 0; k < n && match; ++k) {
          match = tokens[i + k].lower == mw.words[k] || stems[i + k] == mw_stems[k];
        }
        if (match) out[mw.term] += wdf;
      }
    }
  }

  Xapian::WritableDatabase& db_;
  std::vector<std::vector<SynonymEntry>> synonyms_;
  std::vector<std::vector<SynonymEntry>> related_;
  NameSet names_;
  Decompounder* decompounder_;
  std::unordered_map<std::string, Xapian::doccount> doc_freq_;  // word -> documents
  std::vector<Multiword> multiwords_;
  std::map<std::string, std::array<uint32_t, 2>> vocabulary_;  // word -> {nl, en}
  Xapian::TermGenerator tg_;
  Xapian::Stem stem_nl_{MakeStem(Lang::kNl, names_)};
  Xapian::Stem stem_en_{MakeStem(Lang::kEn, names_)};
};

Status ValidateDocument(const Document& d) {
  auto bad = [&](std::string_view what) {
    return InvalidArgument("search document " + d.type + "/" + d.id + ": " + std::string(what));
  };
  if (!IsSlug(d.type)) return bad("type must be a slug");
  if (d.id.empty() || d.id.size() > kMaxFieldBytes || HasControl(d.id)) return bad("bad id");
  for (const auto& [name, values] : d.facets) {
    if (!IsSlug(name)) return bad("facet name must be a slug");
    for (const auto& value : values) {
      if (value.empty() || value.size() > kMaxFieldBytes || HasControl(value)) {
        return bad("bad facet value");
      }
    }
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Reading a generation.

void SetUpParser(Xapian::QueryParser& qp, const Xapian::Database& db, const Xapian::Stem& stem,
                 const Xapian::Stopper* stopper) {
  qp.set_database(db);
  qp.set_stemmer(stem);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_stopper(stopper);
  qp.set_default_op(Xapian::Query::OP_OR);
  qp.add_prefix("title", kPrefixTitle);
  qp.set_max_expansion(kMaxPartialExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                       Xapian::QueryParser::FLAG_PARTIAL);
}

Xapian::Stopper* NewStopper(Lang lang) {
  auto* stopper = lang == Lang::kNl
                      ? new Xapian::SimpleStopper(std::begin(kStopNl), std::end(kStopNl))
                      : new Xapian::SimpleStopper(std::begin(kStopEn), std::end(kStopEn));
  return stopper->release();
}

// Everything one search needs. Used by one thread at a time (Xapian's
// handles share reference counts that are not thread-safe).
struct Searcher {
  Searcher(Xapian::Database database, const NameSet& names)
      : db(std::move(database)),
        stem_nl(MakeStem(Lang::kNl, names)),
        stem_en(MakeStem(Lang::kEn, names)) {
    SetUpParser(qp_nl, db, stem_nl, NewStopper(Lang::kNl));
    SetUpParser(qp_en, db, stem_en, NewStopper(Lang::kEn));
    SetUpParser(title_nl, db, stem_nl, NewStopper(Lang::kNl));
    SetUpParser(title_en, db, stem_en, NewStopper(Lang::kEn));
    title_nl.add_prefix("", kPrefixTitle);
    title_en.add_prefix("", kPrefixTitle);
  }
  Xapian::QueryParser& Parser(Lang lang) { return lang == Lang::kNl ? qp_nl : qp_en; }
  Xapian::QueryParser& TitleParser(Lang lang) { return lang == Lang::kNl ? title_nl : title_en; }
  Xapian::Stem& Stemmer(Lang lang) { return lang == Lang::kNl ? stem_nl : stem_en; }

  Xapian::Database db;
  Xapian::Stem stem_nl;
  Xapian::Stem stem_en;
  Xapian::QueryParser qp_nl;  // all text, with synonyms
  Xapian::QueryParser qp_en;
  Xapian::QueryParser title_nl;  // titles only
  Xapian::QueryParser title_en;
};

// A multi-word entry of the synonym table and what it stands for.
struct MultiwordSynonym {
  std::vector<std::string> words;
  std::array<std::vector<std::string>, 2> stems;  // nl, en
  std::vector<std::string> terms;                 // the synonyms and the entry's own phrase term
};

// One complete, immutable index directory and a pool of handles on it.
class Generation : public std::enable_shared_from_this<Generation> {
 public:
  class Lease {
   public:
    Lease(std::shared_ptr<Generation> gen, std::unique_ptr<Searcher> searcher)
        : gen_(std::move(gen)), searcher_(std::move(searcher)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { gen_->Release(std::move(searcher_)); }
    Searcher& operator*() { return *searcher_; }

   private:
    std::shared_ptr<Generation> gen_;
    std::unique_ptr<Searcher> searcher_;
  };

  // Throws Xapian::Error when the directory is not a readable index.
  static std::shared_ptr<Generation> Open(const fs::path& path, std::string name,
                                          Decompounder* decompounder) {
    auto gen = std::shared_ptr<Generation>(new Generation(path, std::move(name)));
    gen->decompounder_ = decompounder;
    Xapian::Database db(path.string());
    auto names = std::make_shared<std::unordered_set<std::string>>();
    for (const std::string& word : Split(db.get_metadata(kMetaNames), '\n')) {
      if (!word.empty()) names->insert(word);
    }
    gen->names_ = std::move(names);
    auto searcher = std::make_unique<Searcher>(std::move(db), gen->names_);
    gen->doccount_ = searcher->db.get_doccount();
    std::istringstream words(searcher->db.get_metadata(kMetaSynonymWords));
    for (std::string w; std::getline(words, w);) {
      if (!w.empty()) gen->synonym_words_.insert(w);
    }
    Xapian::Stem& stem_nl = searcher->stem_nl;
    Xapian::Stem& stem_en = searcher->stem_en;
    for (auto key = searcher->db.synonym_keys_begin(); key != searcher->db.synonym_keys_end();
         ++key) {
      if ((*key).find(' ') == std::string::npos) continue;
      MultiwordSynonym mw;
      mw.words = Split(*key, ' ');
      for (const auto& w : mw.words) {
        mw.stems[0].push_back(stem_nl(w));
        mw.stems[1].push_back(stem_en(w));
      }
      for (auto v = searcher->db.synonyms_begin(*key); v != searcher->db.synonyms_end(*key); ++v) {
        mw.terms.push_back(*v);
      }
      mw.terms.push_back(Join(mw.words, "_"));
      gen->multiwords_.push_back(std::move(mw));
    }
    std::istringstream related(searcher->db.get_metadata(kMetaRelated));
    for (std::string line; std::getline(related, line);) {
      std::vector<std::string> related_words = Split(line, '\t');
      for (size_t li = 0; li < 2; ++li) {
        Xapian::Stem& stem = li == 0 ? stem_nl : stem_en;
        std::vector<std::string> terms;
        for (const auto& w : related_words) {
          std::string term = "Z" + stem(w);
          if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
        }
        // Found by each word as written and by its stem: the stemmer does
        // not always give a word's forms one stem ("strafmaatregel",
        // "strafmaatregelen"), and the groups list the forms people type.
        const size_t group = gen->related_groups_[li].size();
        for (const auto& w : related_words) gen->related_[li][w].push_back(group);
        for (const auto& t : terms) gen->related_[li][t].push_back(group);
        gen->related_groups_[li].push_back(std::move(terms));
      }
    }
    std::istringstream vocabulary(searcher->db.get_metadata(kMetaVocabulary));
    for (std::string line; std::getline(vocabulary, line);) {
      std::vector<std::string> fields = Split(line, '\t');
      if (fields.size() != 3 || fields[0].empty()) continue;
      VocabWord v;
      v.chars = ToU32(fields[0]);
      v.word = std::move(fields[0]);
      v.freq = {std::strtoul(fields[1].c_str(), nullptr, 10),
                std::strtoul(fields[2].c_str(), nullptr, 10)};
      size_t len = v.chars.size();
      if (len >= gen->vocab_.size()) gen->vocab_.resize(len + 1);
      gen->vocab_[len].push_back(std::move(v));
    }
    gen->Release(std::move(searcher));
    return gen;
  }

  const std::string& name() const { return name_; }
  size_t doccount() const { return doccount_; }

  Lease Acquire() {
    std::unique_ptr<Searcher> searcher;
    {
      std::lock_guard lock(mu_);
      if (!pool_.empty()) {
        searcher = std::move(pool_.back());
        pool_.pop_back();
      }
    }
    if (!searcher) searcher = std::make_unique<Searcher>(Xapian::Database(path_.string()), names_);
    return Lease(shared_from_this(), std::move(searcher));
  }

  // A document's stored fields, read and parsed once: a generation never
  // changes, and parsing the stored passage costs more than finding it.
  std::shared_ptr<const Json> Data(Searcher& s, Xapian::docid id) {
    {
      std::lock_guard lock(data_mu_);
      if (auto it = data_.find(id); it != data_.end()) return it->second;
    }
    auto data = std::make_shared<const Json>(Json::parse(s.db.get_document(id).get_data()));
    std::lock_guard lock(data_mu_);
    if (data_.size() >= kMaxParsedDocuments) return data;
    return data_.emplace(id, std::move(data)).first->second;
  }

  bool IsSynonymWord(const std::string& word) const { return synonym_words_.count(word) > 0; }
  // A word of the related-word groups, as written.
  bool IsRelatedWord(const std::string& word) const { return related_[0].count(word) > 0; }
  // Null when no compound dictionary is installed.
  Decompounder* decompounder() const { return decompounder_; }
  const std::vector<MultiwordSynonym>& multiwords() const { return multiwords_; }
  // The stemmed terms ("Z…") of the words related to a word (lower case)
  // whose own stemmed term is `term`, in one language; not `term` itself.
  std::vector<std::string> Related(Lang lang, const std::string& word,
                                   const std::string& term) const {
    const size_t li = lang == Lang::kNl ? 0 : 1;
    std::vector<std::string> out;
    for (const std::string* key : {&word, &term}) {
      auto it = related_[li].find(*key);
      if (it == related_[li].end()) continue;
      for (size_t group : it->second) {
        for (const std::string& t : related_groups_[li][group]) {
          if (t != term && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        }
      }
    }
    return out;
  }

  // The dictionary word closest to word (at most max_edits away); among
  // equally close ones the most frequent in the requested language, then
  // overall ("paspport" on the Dutch site means "paspoort", not "passport").
  std::string NearestWord(const std::u32string& word, size_t max_edits, Lang lang) const {
    const size_t li = lang == Lang::kNl ? 0 : 1;
    const VocabWord* best = nullptr;
    size_t best_distance = max_edits + 1;
    auto better = [&](const VocabWord& v, size_t d) {
      if (best == nullptr || d != best_distance) return d < best_distance;
      if (v.freq[li] != best->freq[li]) return v.freq[li] > best->freq[li];
      return v.freq[0] + v.freq[1] > best->freq[0] + best->freq[1];
    };
    if (vocab_.empty()) return {};
    EditRows rows;
    size_t lo = word.size() > max_edits ? word.size() - max_edits : 0;
    size_t hi = std::min(word.size() + max_edits, vocab_.size() - 1);
    for (size_t len = lo; len <= hi; ++len) {
      if (len < kMinSuggestedChars) continue;
      for (const auto& v : vocab_[len]) {
        size_t d = EditDistance(word, v.chars, max_edits, rows);
        if (d == 0 || d > max_edits) continue;
        if (better(v, d)) {
          best = &v;
          best_distance = d;
        }
      }
    }
    return best ? best->word : std::string();
  }

 private:
  struct VocabWord {
    std::u32string chars;
    std::string word;
    std::array<unsigned long, 2> freq{};  // nl, en
  };

  Generation(fs::path path, std::string name) : path_(std::move(path)), name_(std::move(name)) {}

  void Release(std::unique_ptr<Searcher> searcher) {
    if (!searcher) return;
    std::lock_guard lock(mu_);
    if (pool_.size() < kMaxPooledHandles) pool_.push_back(std::move(searcher));
  }

  const fs::path path_;
  const std::string name_;
  size_t doccount_ = 0;
  std::unordered_set<std::string> synonym_words_;
  Decompounder* decompounder_ = nullptr;
  NameSet names_;  // left alone by the stemmers
  std::vector<MultiwordSynonym> multiwords_;
  // Per language (nl, en): the related-word groups as stemmed terms, and
  // the groups each word and each stemmed term belongs to.
  std::array<std::vector<std::vector<std::string>>, 2> related_groups_;
  std::array<std::unordered_map<std::string, std::vector<size_t>>, 2> related_;
  std::vector<std::vector<VocabWord>> vocab_;  // by length in code points

  std::mutex mu_;
  std::vector<std::unique_ptr<Searcher>> pool_;

  std::mutex data_mu_;
  std::unordered_map<Xapian::docid, std::shared_ptr<const Json>> data_;  // guarded by data_mu_
};

// Counts facet values over every match, once per (type, id): the spy sees
// the matches before they are collapsed, so it collapses them itself.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    if (!seen_.insert(doc.get_value(kSlotKey)).second) return;
    std::string facets = doc.get_value(kSlotFacets);
    size_t pos = 0;
    while (pos < facets.size()) {
      size_t end = facets.find(kFacetRecordSep, pos);
      if (end == std::string::npos) end = facets.size();
      std::string_view record(facets.data() + pos, end - pos);
      size_t sep = record.find(kFacetUnitSep);
      if (sep != std::string_view::npos) {
        ++counts_[std::string(record.substr(0, sep))][std::string(record.substr(sep + 1))];
      }
      pos = end + 1;
    }
  }
  std::string name() const override { return "loket::search::FacetSpy"; }

  // Distinct (type, id) among all matches: exact where the matcher's
  // estimate after collapsing is not.
  size_t distinct() const { return seen_.size(); }

  std::map<std::string, std::vector<FacetCount>> Counts() const {
    std::map<std::string, std::vector<FacetCount>> out;
    for (const auto& [facet, values] : counts_) {
      auto& list = out[facet];
      for (const auto& [value, count] : values) list.push_back({value, count});
      std::stable_sort(list.begin(), list.end(),
                       [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    }
    return out;
  }

 private:
  std::unordered_set<std::string> seen_;
  std::map<std::string, std::map<std::string, size_t>> counts_;
};

// ---------------------------------------------------------------------------
// Queries.

// Parses the text with one of the searcher's parsers. A syntax error
// (unbalanced operators and such, typed by people who never meant them)
// falls back to the words alone.
Xapian::Query Parse(Xapian::QueryParser& qp, const Xapian::Stem& stem, std::string_view prefix,
                    const std::string& text, const std::vector<Token>& tokens, unsigned flags) {
  try {
    return qp.parse_query(text, flags);
  } catch (const Xapian::QueryParserError&) {
  }
  std::string words;
  for (const Token& t : tokens) {
    words += t.lower;
    words += ' ';
  }
  try {
    return qp.parse_query(words, flags & Xapian::QueryParser::FLAG_AUTO_SYNONYMS);
  } catch (const Xapian::QueryParserError&) {
  }
  std::vector<Xapian::Query> terms;
  terms.reserve(tokens.size());
  for (const Token& t : tokens) terms.emplace_back(Cat(Cat("Z", prefix), stem(t.lower)));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Synonyms of the multi-word entries that occur in the query (word for
// word, or stem for stem in this language), each group as one term.
std::vector<Xapian::Query> MultiwordQueries(const Generation& gen, Lang lang,
                                            const std::vector<Token>& tokens,
                                            const std::vector<std::string>& stems) {
  std::vector<Xapian::Query> out;
  if (gen.multiwords().empty()) return out;
  const size_t li = lang == Lang::kNl ? 0 : 1;
  for (const MultiwordSynonym& mw : gen.multiwords()) {
    size_t n = mw.words.size();
    for (size_t i = 0; i + n <= tokens.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) {
        match = tokens[i + k].lower == mw.words[k] || stems[i + k] == mw.stems[li][k];
      }
      if (match) {
        out.emplace_back(Xapian::Query::OP_SYNONYM, mw.terms.begin(), mw.terms.end());
        break;
      }
    }
  }
  return out;
}

// Other forms in which a query word may stand in a passage (its
// compound's parts, its related words), by the word's term.
using WordForms = std::map<std::string, std::vector<Xapian::Query>>;

// Dutch compounds in the query, each as all of its parts: "klimaathulp"
// also finds "hulp" for the "klimaat".
void AddCompoundParts(Searcher& s, const Generation& gen, Lang lang,
                      const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                      WordForms& out) {
  if (lang != Lang::kNl || !gen.decompounder()) return;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].has_digit) continue;
    std::vector<std::string> parts =
        CompoundParts(*gen.decompounder(), tokens[i].lower,
                      [&](const std::string& word) { return s.db.get_termfreq(word); });
    if (parts.empty()) continue;
    std::vector<Xapian::Query> terms;
    for (const std::string& part : parts) terms.emplace_back("Z" + s.Stemmer(lang)(part));
    out["Z" + stems[i]].emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }
}

// BM25's inverse document frequency of a term found in `df` of `n`
// documents (0 when it is in more than half of them).
double Idf(double n, double df) { return std::max(0.0, std::log((n - df + 0.5) / (df + 0.5))); }

// Words of related meaning for the query's words ("strafmaatregelen" also
// looks for "sancties"), each word's relations as one synonym term at
// kRelatedWeight. A related word rarer than the word would weigh more than
// the word itself ("reisdocumenten" over "paspoort", asked for): such a
// group is scaled down to the word's rarity.
void AddRelatedWords(const Xapian::Database& db, const Generation& gen, Lang lang,
                     const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                     WordForms& out) {
  const double n = db.get_doccount();
  std::set<std::string> seen;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.has_digit || IsStopword(t.lower)) continue;
    std::string term = "Z" + stems[i];
    if (!seen.insert(term).second) continue;
    std::vector<std::string> related = gen.Related(lang, t.lower, term);
    if (related.empty()) continue;
    double group_df = 0;
    for (const std::string& r : related) group_df += db.get_termfreq(r);
    const double group_idf = Idf(n, group_df);
    double scale = kRelatedWeight;
    if (group_idf > 0) scale *= std::min(1.0, Idf(n, db.get_termfreq(term)) / group_idf);
    out[term].emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                           Xapian::Query(Xapian::Query::OP_SYNONYM, related.begin(), related.end()),
                           scale);
  }
}

// The parsed words with each word that has other forms as the best of them
// (OP_MAX): a word counts once, as itself, its compound's parts or its
// related words, whichever weighs most. Summed, a passage that says
// "sanctiepakketten" counted "sancties" twice (as the compound's part and
// as the related "sanctiepakket") and buried the passage that named the
// rarer "Syrië" asked for next to it. The forms of a word
// that the parse does not hold as one of its alternatives (a phrase, a
// required word) are left in `forms`.
Xapian::Query BestFormOfEachWord(const Xapian::Query& words, WordForms& forms) {
  auto best = [&](const Xapian::Query& q) {
    const auto type = q.get_type();
    if (type != Xapian::Query::LEAF_TERM && type != Xapian::Query::OP_SYNONYM) return q;
    for (auto it = q.get_terms_begin(); it != q.get_terms_end(); ++it) {
      auto found = forms.find(*it);
      if (found == forms.end()) continue;
      std::vector<Xapian::Query> all = std::move(found->second);
      all.push_back(q);
      forms.erase(found);
      return Xapian::Query(Xapian::Query::OP_MAX, all.begin(), all.end());
    }
    return q;
  };
  if (words.get_type() != Xapian::Query::OP_OR) return best(words);
  std::vector<Xapian::Query> each;
  for (size_t i = 0; i < words.get_num_subqueries(); ++i)
    each.push_back(best(words.get_subquery(i)));
  return Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end());
}

// The text searched in one language's documents with that language's
// analysis: all text (with synonyms, compound parts and related words),
// plus titles on their own, so that a word in the title counts for more
// than the same word anywhere else. In passages each word counts once, in
// the best of its forms; a page's fields count them all (its title is
// weighted to say what it is about, and the sum keeps a page whose title
// holds the very word above one that lists related pages with its parts).
//
// The title part and, when the query requires or excludes words ("+", "-",
// AND, a phrase), the multi-word synonyms, compound parts and related words
// only add weight to what the words match: they must not bring back a page
// the user excluded.
Xapian::Query OneLanguageQuery(Searcher& s, const Generation& gen, Lang lang,
                               const std::string& text, const std::vector<Token>& tokens,
                               unsigned flags, bool passages) {
  Xapian::Query words = Parse(s.Parser(lang), s.Stemmer(lang), "", text, tokens, flags);
  // Each word's stem in this language, for the multi-word synonyms and the
  // related words.
  std::vector<std::string> stems;
  stems.reserve(tokens.size());
  for (const Token& t : tokens) stems.push_back(s.Stemmer(lang)(t.lower));
  WordForms forms;
  AddCompoundParts(s, gen, lang, tokens, stems, forms);
  AddRelatedWords(s.db, gen, lang, tokens, stems, forms);
  if (passages) words = BestFormOfEachWord(words, forms);
  std::vector<Xapian::Query> more = MultiwordQueries(gen, lang, tokens, stems);
  for (auto& [term, queries] : forms) more.insert(more.end(), queries.begin(), queries.end());
  Xapian::Query match = words;
  if (!more.empty()) {
    Xapian::Query extra(Xapian::Query::OP_OR, more.begin(), more.end());
    switch (words.get_type()) {
      case Xapian::Query::LEAF_MATCH_NOTHING:
      case Xapian::Query::LEAF_TERM:
      case Xapian::Query::OP_OR:
      case Xapian::Query::OP_SYNONYM:
      case Xapian::Query::OP_MAX:  // one word at its best form
      case Xapian::Query::OP_WILDCARD:
        match = Xapian::Query(Xapian::Query::OP_OR, words, extra);
        break;
      default:
        match = Xapian::Query(Xapian::Query::OP_AND_MAYBE, words, extra);
    }
  }
  Xapian::Query title =
      Parse(s.TitleParser(lang), s.Stemmer(lang), kPrefixTitle, text, tokens, flags);
  Xapian::Query weighted(Xapian::Query::OP_AND_MAYBE, match,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, kTitleBoost));
  return Xapian::Query(Xapian::Query::OP_FILTER, weighted, Xapian::Query(LangTerm(lang)));
}

// The text (as typed, tokens and all) searched in both languages, the
// requested one weighted up. The other language's parse leaves out the
// requested language's stop words: "de" and "een" in a Dutch question are
// no English words to search for, nor to highlight in the snippets of
// Dutch passages.
Xapian::Query LanguageQuery(Searcher& s, const Generation& gen, Lang lang, const std::string& text,
                            const std::vector<Token>& tokens, unsigned flags, bool passages) {
  Xapian::Query requested =
      OneLanguageQuery(s, gen, lang, LowerForParser(text, tokens), tokens, flags, passages);
  std::string other_text = text;
  std::vector<Token> other_tokens;
  for (const Token& t : tokens) {
    if (IsStopwordIn(lang, t.lower)) {
      std::fill(other_text.begin() + static_cast<std::ptrdiff_t>(t.begin),
                other_text.begin() + static_cast<std::ptrdiff_t>(t.end), ' ');
    } else {
      other_tokens.push_back(t);
    }
  }
  Xapian::Query other =
      OneLanguageQuery(s, gen, OtherLang(lang), LowerForParser(other_text, other_tokens),
                       other_tokens, flags, passages);
  return Xapian::Query(
      Xapian::Query::OP_OR,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, requested, kRequestedLangBoost), other);
}

// The parser reads words joined by punctuation ("AOW-pensioen",
// "rijbewijs/verlengen") as a phrase, which finds nothing when the page
// writes them apart. Such text is searched both ways: the phrase adds
// weight where it occurs, the loose words still match.
Xapian::Query TextQuery(Searcher& s, const Generation& gen, Lang lang, const std::string& text,
                        unsigned flags, bool passages) {
  std::vector<Token> tokens = Tokenize(text);
  Xapian::Query query = LanguageQuery(s, gen, lang, text, tokens, flags, passages);
  std::string loose = text;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    size_t gap = tokens[i].end;
    char c = text[gap];
    if (tokens[i + 1].begin == gap + 1 && (c == '-' || c == '/' || c == '.')) loose[gap] = ' ';
  }
  if (loose != text) {
    // Same words, so the same tokens.
    query = Xapian::Query(Xapian::Query::OP_OR, query,
                          LanguageQuery(s, gen, lang, loose, tokens, flags, passages));
  }
  return query;
}

// Adds the caller's filters and the popularity prior.
Xapian::Query Finish(const Xapian::Query& core, const Query& query) {
  if (core.empty()) return core;
  std::vector<Xapian::Query> filters;
  if (query.type && !query.type->empty()) filters.emplace_back(TypeTerm(*query.type));
  for (const auto& [name, value] : query.facet_filters)
    filters.emplace_back(FacetTerm(name, value));
  Xapian::Query filtered = core;
  if (!filters.empty()) {
    filtered = Xapian::Query(Xapian::Query::OP_FILTER, core,
                             Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  }
  auto* popularity = new Xapian::ValueWeightPostingSource(kSlotPopularity);
  Xapian::Query prior(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(popularity->release()),
                      kPopularityWeight);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, filtered, prior);
}

// Whether the search is for knowledge passages (running text, ranked with
// their own settings) rather than pages with fields.
bool SearchesPassages(const Query& query) {
  return query.type == std::optional<std::string>("knowledge");
}

Xapian::Enquire MakeEnquire(const Xapian::Database& db, const Xapian::Query& query,
                            const Query& request) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  if (SearchesPassages(request)) {
    enquire.set_weighting_scheme(Xapian::BM25PlusWeight(
        kBm25K1Passage, kBm25K2, kBm25K3, kBm25BPassage, kBm25MinNormLen, kBm25DeltaPassage));
  } else {
    enquire.set_weighting_scheme(
        Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormLen));
  }
  enquire.set_collapse_key(kSlotKey);
  return enquire;
}

// ---------------------------------------------------------------------------
// The index.

class XapianIndex final : public SearchIndex {
 public:
  explicit XapianIndex(XapianOptions options) : options_(std::move(options)) {}

  void LoadCurrent() const {
    std::lock_guard lock(switch_mu_);
    SwitchToCurrentLocked();
  }

  Status Rebuild(const std::vector<Document>& documents) override {
    for (const auto& d : documents) LOKET_RETURN_IF_ERROR(ValidateDocument(d));
    std::lock_guard rebuild_lock(rebuild_mu_);
    const std::string name = NewGenerationName();
    const fs::path path = options_.directory / name;
    std::shared_ptr<Generation> gen;
    try {
      {
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        Indexer indexer(db, options_.synonyms, options_.related, names_, decompounder_.get());
        indexer.CountDocumentFrequencies(documents);
        for (const auto& d : documents) indexer.Add(d);
        indexer.Finish();
        db.commit();
        db.close();
      }
      gen = Generation::Open(path, name, decompounder_.get());
    } catch (const Xapian::Error& e) {
      std::error_code ec;
      fs::remove_all(path, ec);
      Log(LogLevel::kError, "search.rebuild_failed", e.get_description());
      return Unavailable("search index rebuild failed: " + e.get_description());
    } catch (const std::exception& e) {
      std::error_code ec;
      fs::remove_all(path, ec);
      Log(LogLevel::kError, "search.rebuild_failed", e.what());
      return Internal(std::string("search index rebuild failed: ") + e.what());
    }
    std::optional<std::string> replaced;
    {
      std::lock_guard lock(switch_mu_);
      replaced = ReadCurrentName();
      Status written = WriteCurrentName(name);
      if (!written.ok()) {
        gen.reset();
        std::error_code ec;
        fs::remove_all(path, ec);
        return written;
      }
      SetCurrent(gen);
    }
    if (replaced) RemoveGenerationsBefore(*replaced);
    Log(LogLevel::kDebug, "search.rebuilt", name + " documents=" + std::to_string(gen->doccount()));
    return Status::Ok();
  }

  Result<Results> Search(const Query& query) const override {
    try {
      return SearchOrThrow(query);
    } catch (const Xapian::Error& e) {
      Log(LogLevel::kError, "search.failed", e.get_description());
      return Unavailable("search index unavailable");
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "search.failed", e.what());
      return Internal("search failed");
    }
  }

  size_t DocumentCount() const override {
    MaybeReload();
    auto gen = Current();
    return gen ? gen->doccount() : 0;
  }

 private:
  Results SearchOrThrow(const Query& query) const {
    MaybeReload();
    Results results;
    std::shared_ptr<Generation> gen = Current();
    if (!gen || gen->doccount() == 0) return results;

    std::string text = Sanitize(query.text);
    TruncateUtf8(text, kMaxQueryBytes);
    std::vector<Token> tokens = Tokenize(text);
    if (tokens.empty()) return results;
    if (tokens.size() > kMaxQueryWords) {
      tokens.resize(kMaxQueryWords);
      text.resize(tokens.back().end);
    }

    Generation::Lease lease = gen->Acquire();
    Searcher& s = *lease;

    // As-you-type: a last word that is no word of the index but starts some
    // is completed. Complete words are left alone, so that wildcard
    // expansion never dilutes the ranking of a finished query.
    const Token& last = tokens.back();
    bool partial = last.end == text.size() && last.chars >= 3 && !last.has_digit &&
                   !s.db.term_exists(last.lower) &&
                   s.db.allterms_begin(last.lower) != s.db.allterms_end(last.lower);
    unsigned flags = kParseFlags;
    if (partial) flags |= Xapian::QueryParser::FLAG_PARTIAL;

    // Typing mistakes: every word that is no term of the index is replaced
    // by the closest dictionary word (Xapian's suggestion, or failing that
    // our own scan of the dictionary).
    std::string corrected;
    bool changed = false;
    size_t pos = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (partial && i + 1 == tokens.size()) continue;
      std::string fix = Correct(s, *gen, t, text, query.lang);
      if (fix.empty()) continue;
      corrected.append(text, pos, t.begin - pos);
      corrected += fix;
      pos = t.end;
      changed = true;
    }
    corrected.append(text, pos);

    const bool passages = SearchesPassages(query);
    Xapian::Query core = TextQuery(s, *gen, query.lang, text, flags, passages);
    if (changed) {
      results.suggestion = corrected;
      Xapian::Query fixed = TextQuery(s, *gen, query.lang, corrected, flags, passages);
      Xapian::Query typed = Finish(core, query);
      bool typed_matches =
          !typed.empty() && !MakeEnquire(s.db, typed, query).get_mset(0, 1).empty();
      if (typed_matches) {
        // Keep what the typed words find, and add what the intended words
        // find: "belastign emigratie" should still put the tax page first.
        core = Xapian::Query(Xapian::Query::OP_OR, core, fixed);
      } else {
        core = fixed;
        results.corrected = true;
      }
    }

    Xapian::Query final_query = Finish(core, query);
    if (final_query.empty()) return results;

    FacetSpy spy;
    Xapian::Enquire enquire = MakeEnquire(s.db, final_query, query);
    enquire.add_matchspy(&spy);
    size_t offset = std::min(query.offset, kMaxOffset);
    size_t limit = std::min(query.limit, kMaxLimit);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                         static_cast<Xapian::doccount>(limit), s.db.get_doccount());
    results.total = spy.distinct();
    if (results.total == 0) results.corrected = false;
    results.facets = spy.Counts();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      results.hits.push_back(MakeHit(s, *gen, mset, it, query.lang));
    }
    return results;
  }

  // The correction for a word the index does not know, or "".
  static std::string Correct(Searcher& s, const Generation& gen, const Token& t,
                             std::string_view text, Lang lang) {
    // Three-letter words are left alone: one edit away from them lie too
    // many other words ("ind" is not a typo for "in").
    if (t.chars < kMinCorrectedChars || t.chars > 40 || t.has_digit) return {};
    if (IsOperator(text.substr(t.begin, t.end - t.begin))) return {};
    if (t.end < text.size() && text[t.end] == ':') return {};  // a field name
    if (IsStopword(t.lower) || gen.IsSynonymWord(t.lower) || gen.IsRelatedWord(t.lower) ||
        s.db.term_exists(t.lower)) {
      return {};
    }
    // Inflected forms ("paspoorten") are words, not typos.
    for (Lang l : {Lang::kNl, Lang::kEn}) {
      if (s.db.term_exists("Z" + s.Stemmer(l)(t.lower))) return {};
    }
    size_t max_edits = AllowedEdits(t.chars);
    std::u32string word = ToU32(t.lower);
    // Our own scan of the dictionary knows each word's language and does
    // not need the typed word to share a fragment with the intended one, as
    // Xapian's suggestion does; Xapian's remains the fallback.
    std::string nearest = gen.NearestWord(word, max_edits, lang);
    if (!nearest.empty()) return nearest;
    EditRows rows;
    std::string suggestion =
        s.db.get_spelling_suggestion(t.lower, static_cast<unsigned>(max_edits));
    if (!suggestion.empty() && suggestion != t.lower &&
        ToU32(suggestion).size() >= kMinSuggestedChars &&
        EditDistance(word, ToU32(suggestion), max_edits, rows) <= max_edits) {
      return suggestion;
    }
    return {};
  }

  Hit MakeHit(Searcher& s, Generation& gen, const Xapian::MSet& mset,
              const Xapian::MSetIterator& it, Lang lang) const {
    std::shared_ptr<const Json> stored = gen.Data(s, *it);
    if (stored->value("lang", "") != LangCode(lang)) {
      // The best match is the other language's version; show the requested
      // language's version where there is one.
      std::string term = IdTerm(stored->value("type", ""), stored->value("id", ""), lang);
      Xapian::PostingIterator p = s.db.postlist_begin(term);
      if (p != s.db.postlist_end(term)) stored = gen.Data(s, *p);
    }
    const Json& data = *stored;
    Hit hit;
    hit.type = data.value("type", "");
    hit.id = data.value("id", "");
    hit.lang = ParseLang(data.value("lang", "")).value_or(lang);
    hit.title = data.value("title", "");
    hit.url = data.value("url", "");
    hit.score = it.get_weight();
    std::string text = data.value("text", "");
    if (auto attributes = data.find("attributes"); attributes != data.end()) {
      hit.attributes = attributes->get<std::map<std::string, std::string>>();
    }
    if (!text.empty()) {
      // A short text is searched for its best snippet; a long passage only
      // in its first part, where the first good one will do (snippets cost
      // more than the rest of the search together: every word is stemmed).
      unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE;
      std::string_view from = text;
      if (text.size() > kExhaustiveSnippetBytes) {
        flags = 0;
        from = from.substr(0, Utf8Prefix(text, kSnippetSourceBytes));
      }
      hit.snippet =
          UnmarkStopwords(mset.snippet(std::string(from), kSnippetBytes, s.Stemmer(hit.lang), flags,
                                       kMarkOpen, kMarkClose, "…"));
      hit.text = std::move(text);
    }
    return hit;
  }

  std::shared_ptr<Generation> Current() const {
    std::lock_guard lock(current_mu_);
    return current_;
  }

  void SetCurrent(std::shared_ptr<Generation> gen) const {
    {
      std::lock_guard lock(live_mu_);
      live_[gen->name()] = gen;
    }
    std::lock_guard lock(current_mu_);
    current_ = std::move(gen);
  }

  // Looks at most once per reload_interval whether the current generation
  // changed under us (a rebuild by another process).
  void MaybeReload() const {
    int64_t now = NowMillis(std::chrono::steady_clock::now());
    int64_t due = next_check_ms_.load();
    if (now < due) return;
    if (!next_check_ms_.compare_exchange_strong(due, now + options_.reload_interval.count())) {
      return;  // another thread is checking
    }
    std::lock_guard lock(switch_mu_);
    SwitchToCurrentLocked();
  }

  // Requires switch_mu_.
  void SwitchToCurrentLocked() const {
    std::optional<std::string> name = ReadCurrentName();
    if (!name) return;
    auto cur = Current();
    if (cur && cur->name() == *name) return;
    if (*name == failed_name_) return;
    try {
      SetCurrent(Generation::Open(options_.directory / *name, *name, decompounder_.get()));
      Log(LogLevel::kInfo, "search.opened", *name);
    } catch (const Xapian::Error& e) {
      failed_name_ = *name;
      Log(LogLevel::kWarn, "search.open_failed", *name + ": " + e.get_description());
    }
  }

  static bool IsGenerationName(std::string_view name) {
    return name.size() > kGenerationPrefix.size() && name.size() < 100 &&
           name.substr(0, kGenerationPrefix.size()) == kGenerationPrefix &&
           std::all_of(name.begin(), name.end(), [](char c) {
             return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-';
           });
  }

  std::optional<std::string> ReadCurrentName() const {
    std::ifstream in(options_.directory / kCurrentFile);
    std::string name;
    if (!in || !std::getline(in, name)) return std::nullopt;
    name = std::string(Trim(name));
    if (!IsGenerationName(name)) return std::nullopt;
    return name;
  }

  std::string NewGenerationName() {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
    char buf[80];
    std::snprintf(buf, sizeof buf, "gen-%016lld-%010ld-%06llu", static_cast<long long>(ms),
                  static_cast<long>(::getpid()), static_cast<unsigned long long>(++counter_));
    return buf;
  }

  // Points `current` at the generation: write a temporary file, flush it
  // to disk, rename it over the old one (atomic), flush the directory.
  Status WriteCurrentName(const std::string& name) {
    const fs::path dir = options_.directory;
    const fs::path tmp = dir / ("current.tmp-" + std::to_string(::getpid()));
    const std::string content = name + "\n";
    auto fail = [&](const char* what) {
      std::string message = std::string("search index: ") + what + ": " +
                            std::error_code(errno, std::generic_category()).message();
      Log(LogLevel::kError, "search.switch_failed", message);
      ::unlink(tmp.c_str());
      return Unavailable(message);
    };
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail("create");
    bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
              ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return fail("write");
    if (::rename(tmp.c_str(), (dir / kCurrentFile).c_str()) != 0) return fail("rename");
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
    return Status::Ok();
  }

  // Deletes the generations older than the one just replaced. That one
  // stays until the next rebuild, for readers (here or in other processes)
  // still on it; so does any generation a search in this process still
  // holds, and anything newer (another process may be building it).
  void RemoveGenerationsBefore(const std::string& replaced) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(options_.directory, ec)) {
      std::string n = entry.path().filename().string();
      if (IsGenerationName(n) && n < replaced) names.push_back(n);
    }
    std::lock_guard lock(live_mu_);
    for (const auto& n : names) {
      auto live = live_.find(n);
      if (live != live_.end() && !live->second.expired()) continue;
      if (live != live_.end()) live_.erase(live);
      fs::remove_all(options_.directory / n, ec);
      if (ec) Log(LogLevel::kWarn, "search.cleanup_failed", n + ": " + ec.message());
    }
  }

  const XapianOptions options_;
  const NameSet names_ = SingleWordNames(options_.names);
  std::unique_ptr<Decompounder> decompounder_ =
      options_.compound_dictionary.empty() ? nullptr
                                           : Decompounder::Open(options_.compound_dictionary);

  mutable std::mutex current_mu_;
  mutable std::shared_ptr<Generation> current_;  // guarded by current_mu_

  // Serialises switching generations (reading `current` and opening it)
  // with a rebuild's own switch, so a reader never switches back to an
  // older generation it read just before the rename.
  mutable std::mutex switch_mu_;
  mutable std::string failed_name_;  // guarded by switch_mu_
  mutable std::atomic<int64_t> next_check_ms_{0};

  mutable std::mutex live_mu_;
  mutable std::map<std::string, std::weak_ptr<Generation>> live_;  // guarded by live_mu_

  std::mutex rebuild_mu_;
  std::atomic<uint64_t> counter_{0};
};

}  // namespace

std::vector<std::vector<std::string>> ParseSynonyms(std::string_view text) {
  std::vector<std::vector<std::string>> groups;
  for (const std::string& raw_line : Split(text, '\n')) {
    std::string_view line = raw_line;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<std::string> group;
    for (const std::string& part : Split(line, ',')) {
      // Trim and collapse runs of white space inside a phrase.
      std::string word;
      for (char c : Trim(part)) {
        bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (space) {
          if (!word.empty() && word.back() != ' ') word += ' ';
        } else {
          word += c;
        }
      }
      if (!word.empty() && std::find(group.begin(), group.end(), word) == group.end()) {
        group.push_back(std::move(word));
      }
    }
    if (group.size() >= 2) groups.push_back(std::move(group));
  }
  return groups;
}

Result<std::unique_ptr<SearchIndex>> OpenXapianIndex(const XapianOptions& options) {
  if (options.directory.empty()) return InvalidArgument("search index directory not set");
  std::error_code ec;
  fs::create_directories(options.directory, ec);
  if (ec) {
    return Unavailable("search index directory " + options.directory.string() + ": " +
                       ec.message());
  }
  auto index = std::make_unique<XapianIndex>(options);
  index->LoadCurrent();
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace loket::search

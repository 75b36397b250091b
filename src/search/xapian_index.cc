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
#include "search/index_layout.h"
#include "search/indexer.h"
#include "search/text.h"

namespace loket::search {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// The requested language's documents count this much more than the same
// evidence in the other language.
constexpr double kRequestedLangBoost = 1.5;
// Query words in a title count again, through the title-only terms.
constexpr double kTitleBoost = 2.0;
// BM25 with a larger k1 (term frequency saturation) than Xapian's default
// of 1: the field weights (index_layout.h) inflate wdf, and with k1 = 1 every page with
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
// A passage that gives the kind of answer a question asks for (an amount
// for "wat kost …", a length of time for "hoe lang …", a number for
// "hoeveel …") weighs this much more, among the best kAnswerKindPool
// matches: measured 0.2–0.6 on the development sets, 0.3–0.5 alike
// (docs/benchmarks.md).
constexpr double kAnswerKindBoost = 0.4;
constexpr size_t kAnswerKindPool = 50;

constexpr size_t kMaxQueryBytes = 500;
constexpr size_t kMaxQueryWords = 32;
constexpr size_t kMaxLimit = 100;
constexpr size_t kMaxOffset = 10000;
constexpr size_t kSnippetBytes = 200;
constexpr size_t kExhaustiveSnippetBytes = 2000;
constexpr size_t kSnippetSourceBytes = 3000;
constexpr size_t kMaxPooledHandles = 16;
// Documents whose stored fields a generation keeps parsed: a whole
// catalogue and knowledge base of today, a few megabytes.
constexpr size_t kMaxParsedDocuments = 20000;
constexpr unsigned kMaxPartialExpansion = 50;
constexpr size_t kMinCorrectedChars = 4;  // shorter words are never "corrected"
constexpr size_t kMinSuggestedChars = 3;  // nor corrected into shorter ones

constexpr char kCurrentFile[] = "current";
constexpr std::string_view kGenerationPrefix = "gen-";
// Multi-word synonyms are matched by us, not by the parser
// (FLAG_AUTO_MULTIWORD_SYNONYMS): the parser folds the phrase's own words
// into the synonym, so "verhuizen naar het buitenland" became one term as
// common as "buitenland" and lost all power to tell pages apart.
constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

int64_t NowMillis(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
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

// The matches in `mset` by their weight, that of a passage which gives an
// answer of a kind asked for raised by kAnswerKindBoost: each weight and
// the match's index in `mset`, best first.
std::vector<std::pair<double, Xapian::doccount>> ByAnswerKind(
    const Xapian::Database& db, const Xapian::MSet& mset, const std::vector<AnswerKind>& asked) {
  std::vector<std::string> terms;
  for (AnswerKind kind : asked) terms.push_back(AnswerKindTerm(kind));
  std::sort(terms.begin(), terms.end());
  std::vector<std::pair<double, Xapian::doccount>> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    double weight = it.get_weight();
    // One pass over the passage's terms, from the first kind asked for.
    bool gives = false;
    Xapian::TermIterator t = db.termlist_begin(*it);
    const Xapian::TermIterator end = db.termlist_end(*it);
    for (const std::string& term : terms) {
      t.skip_to(term);
      if (t == end) break;
      if (*t == term) {
        gives = true;
        break;
      }
    }
    if (gives) weight *= 1 + kAnswerKindBoost;
    out.emplace_back(weight, static_cast<Xapian::doccount>(out.size()));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
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
        WriteGeneration(db, documents, options_.synonyms, options_.related, names_,
                        decompounder_.get());
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
      // Every match is checked, as in the search itself: ending the match
      // early on the weights (check_at_least below the database's size)
      // crashes Xapian 1.4.22 on some queries of related words.
      bool typed_matches =
          !typed.empty() &&
          !MakeEnquire(s.db, typed, query).get_mset(0, 1, s.db.get_doccount()).empty();
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
    // A question that asks for an amount, a length of time or a number
    // ("wat kost …", "hoe lang …", "hoeveel …"): the best matches ranked
    // again, the passages that give such an answer weighted up.
    const std::vector<AnswerKind> asked =
        passages ? AnswerKindsAsked(tokens) : std::vector<AnswerKind>{};
    const size_t first = asked.empty() ? offset : 0;
    const size_t count = asked.empty() ? limit : std::max(offset + limit, kAnswerKindPool);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                         static_cast<Xapian::doccount>(count), s.db.get_doccount());
    results.total = spy.distinct();
    if (results.total == 0) results.corrected = false;
    results.facets = spy.Counts();
    if (!asked.empty()) {
      std::vector<std::pair<double, Xapian::doccount>> order = ByAnswerKind(s.db, mset, asked);
      for (size_t k = offset; k < std::min(order.size(), offset + limit); ++k) {
        results.hits.push_back(MakeHit(s, *gen, mset, mset[order[k].second], query.lang));
        results.hits.back().score = order[k].first;
      }
      return results;
    }
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

#include "search/indexer.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/strings.h"
#include "search/index_layout.h"

namespace loket::search {
namespace {

using Json = nlohmann::json;

const std::string kEmpty;

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
    for (AnswerKind kind : AnswerKindsIn(d.body)) doc.add_boolean_term(AnswerKindTerm(kind));
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

}  // namespace

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

void WriteGeneration(Xapian::WritableDatabase& db, const std::vector<Document>& documents,
                     const std::vector<std::vector<std::string>>& synonyms,
                     const std::vector<std::vector<std::string>>& related, const NameSet& names,
                     Decompounder* decompounder) {
  Indexer indexer(db, synonyms, related, names, decompounder);
  indexer.CountDocumentFrequencies(documents);
  for (const auto& d : documents) indexer.Add(d);
  indexer.Finish();
}

}  // namespace loket::search

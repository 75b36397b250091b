// How a generation of the search index is laid out: the value slots, term
// prefixes and field weights that the indexer writes and the searches read,
// and the metadata that holds the generation's own dictionaries.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "core/lang.h"
#include "search/text.h"

namespace loket::search {

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
constexpr std::string_view kPrefixAnswerKind = "XA";
constexpr std::string_view kPrefixId = "Q";
constexpr char kPrefixTitle[] = "S";

// Field weights, as increments of the within-document frequency of the
// unprefixed terms that a plain query searches. BM25 saturates wdf, so
// these are deliberately far apart.
constexpr Xapian::termcount kTitleWdf = 6;
constexpr Xapian::termcount kKeywordWdf = 6;
constexpr Xapian::termcount kSummaryWdf = 3;
constexpr Xapian::termcount kBodyWdf = 1;

// What a document may hold.
constexpr size_t kMaxStoredTextBytes = 200000;
constexpr size_t kMaxFieldBytes = 100;  // type, id, facet names and values

// Metadata of a generation.
constexpr char kMetaFormat[] = "loket:format";
constexpr char kMetaSynonymWords[] = "loket:synonym-words";
// The spelling dictionary with a frequency per language ("word TAB nl TAB
// en" lines): Xapian's own has one frequency for both.
constexpr char kMetaVocabulary[] = "loket:vocabulary";
// The related-word groups ("word TAB word …" lines), expanded at query time.
constexpr char kMetaRelated[] = "loket:related";
// The names the stemmers leave alone, one a line.
constexpr char kMetaNames[] = "loket:names";
constexpr char kFormatVersion[] = "3";

inline std::string Cat(std::string_view a, std::string_view b) {
  std::string out(a);
  out += b;
  return out;
}

inline std::string LangTerm(Lang lang) { return Cat(kPrefixLang, LangCode(lang)); }
inline std::string TypeTerm(std::string_view type) { return Cat(kPrefixType, type); }
inline std::string FacetTerm(std::string_view name, std::string_view value) {
  std::string term = Cat(kPrefixFacet, name);
  term += ':';
  term += value;
  return term;
}
// The kind of answer a passage gives (text.h).
inline std::string AnswerKindTerm(AnswerKind kind) {
  return Cat(kPrefixAnswerKind, std::to_string(static_cast<int>(kind)));
}
inline std::string CollapseKey(std::string_view type, std::string_view id) {
  std::string key(type);
  key += ':';
  key += id;
  return key;
}
inline std::string IdTerm(std::string_view type, std::string_view id, Lang lang) {
  std::string term = Cat(kPrefixId, CollapseKey(type, id));
  term += ':';
  term += LangCode(lang);
  return term;
}

}  // namespace loket::search

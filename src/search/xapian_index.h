// Xapian implementation of SearchIndex, stored in a directory of its own.
//
// Dutch and English stemming, field weights (title and keywords above
// summary above body), synonyms from data/synonyms.txt, related words from
// data/thesaurus.txt (at less weight), spelling suggestions, facets and
// highlighted snippets. A query word that is no word of the index is
// corrected to the closest dictionary word (at most one edit in words of
// four letters, two from five on; the requested language's words
// preferred), so single typos still find the page.
//
// Storage: every Rebuild() writes a complete new generation
// (`<directory>/gen-…`) and then points the small file `<directory>/current`
// at it with an atomic rename; older generations are deleted (the one just
// replaced is kept so that readers still on it finish undisturbed). Another
// process (e.g. `loket reindex`) may rebuild the same directory: a running
// index notices the switch within `reload_interval`.
// Thread-safety: see SearchIndex. Each search borrows a database handle from
// a small pool; Xapian objects are never shared between threads.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "search/search_index.h"

namespace loket::search {

struct XapianOptions {
  std::filesystem::path directory;  // the index lives in generations below it
  // Groups of words that find each other (one group per line in synonyms.txt).
  std::vector<std::vector<std::string>> synonyms;
  // Groups of words of related meaning (thesaurus.txt): each also looks for
  // the others, at less weight than the word itself.
  std::vector<std::vector<std::string>> related;
  // Names the stemmers leave alone ("Spanje", "Georgië"): stemming takes
  // some for forms of other words ("span", "orgie"). Names of one word
  // count; the words of longer ones may be any word's ("Verenigde Staten").
  std::vector<std::string> names;
  // The hunspell dictionary (path without .aff/.dic) that splits Dutch
  // compounds; empty or missing: compounds are not split.
  std::filesystem::path compound_dictionary;
  // How often Search() looks (cheaply) whether another process switched the
  // current generation.
  std::chrono::milliseconds reload_interval{1000};
};

// Parses synonyms.txt: one group a line, words separated by commas, `#`
// starts a comment.
std::vector<std::vector<std::string>> ParseSynonyms(std::string_view text);

// Opens (creating the directory if needed) the index below
// options.directory. An existing current generation is used as is; without
// one the index is empty until the first Rebuild().
Result<std::unique_ptr<SearchIndex>> OpenXapianIndex(const XapianOptions& options);

}  // namespace loket::search

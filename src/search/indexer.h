// Writes a generation of the search index (index_layout.h): each
// document's terms in its language, the synonym table, the related-word
// groups, the spelling dictionary with a frequency per language, and the
// names the stemmers leave alone.
// Thread-safety: one writer per generation.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "core/status.h"
#include "search/decompounder.h"
#include "search/search_index.h"
#include "search/text.h"

namespace loket::search {

// A document the index takes: type and facet names are slugs, the id and
// facet values short and free of control characters.
Status ValidateDocument(const Document& d);

// Fills a new, empty generation with the documents. Throws Xapian::Error.
void WriteGeneration(Xapian::WritableDatabase& db, const std::vector<Document>& documents,
                     const std::vector<std::vector<std::string>>& synonyms,
                     const std::vector<std::vector<std::string>>& related, const NameSet& names,
                     Decompounder* decompounder);

}  // namespace loket::search

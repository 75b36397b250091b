// Turns the catalogue into search documents, one per item and language.
// Thread-safety: pure function.
#pragma once

#include <vector>

#include "catalogue/catalogue.h"
#include "search/search_index.h"

namespace loket::frontoffice {

std::vector<search::Document> BuildSearchDocuments(const catalogue::Snapshot& snapshot);

}  // namespace loket::frontoffice

// The search interface: full-text search over everything the public can
// find (services, life events, countries, posts, knowledge articles).
//
// The index is derived data: it is rebuilt from the database at any time
// (`loket reindex`) and each node keeps its own copy. Documents are indexed
// per language; a query searches the requested language first and finds
// documents in the other language too, so English typed on the Dutch site
// still works.
// Thread-safety: Search() may be called from many threads at once;
// Rebuild() may run concurrently with Search() and swaps in the new index
// atomically when it is complete.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/lang.h"
#include "core/status.h"

namespace loket::search {

struct Document {
  std::string type;  // "service", "life-event", "country", "post", "knowledge"
  std::string id;    // unique within type
  Lang lang = Lang::kNl;
  std::string title;
  std::string summary;
  std::string body;
  std::vector<std::string> keywords;  // words people use; weighted like the title
  std::string url;                    // public page of this document in `lang`
  // Facet values (ids, not labels): "organisation", "life-event", "country".
  std::map<std::string, std::vector<std::string>> facets;
  int popularity = 0;  // 0–100, a small prior for ties
  // False when the title only summarises the body in other words (a
  // passage's question or section heading): it is shown, not searched.
  bool index_title = true;
  // The text returned with a hit; summary and body when empty.
  std::string full_text;
  // Returned with a hit as they are (a knowledge article's source).
  std::map<std::string, std::string> attributes;
};

struct Query {
  std::string text;
  Lang lang = Lang::kNl;
  std::optional<std::string> type;                   // restrict to one type
  std::map<std::string, std::string> facet_filters;  // facet name -> required value
  size_t offset = 0;
  size_t limit = 10;
};

struct Hit {
  std::string type;
  std::string id;
  Lang lang = Lang::kNl;
  std::string title;
  std::string url;
  std::string snippet;  // HTML-escaped, matched words wrapped in <mark>…</mark>
  std::string text;     // the document's whole text (Document::full_text)
  std::map<std::string, std::string> attributes;
  double score = 0;
};

struct FacetCount {
  std::string value;
  size_t count = 0;
};

struct Results {
  size_t total = 0;  // estimate of all matches, for pagination
  std::vector<Hit> hits;
  // A corrected query when the typed one looks misspelt ("Bedoelde u …").
  std::optional<std::string> suggestion;
  // True when the hits are for the suggestion because the typed query found
  // nothing. (When the typed query does find something, the hits are for
  // the typed words plus what the suggestion finds.)
  bool corrected = false;
  std::map<std::string, std::vector<FacetCount>> facets;  // over all matches
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;

  // Replaces the whole index with these documents.
  virtual Status Rebuild(const std::vector<Document>& documents) = 0;
  virtual Result<Results> Search(const Query& query) const = 0;
  virtual size_t DocumentCount() const = 0;
};

}  // namespace loket::search

// The knowledge base service API: articles for agents and citizens (the
// ministry's answers to parliamentary questions, passages of its letters,
// articles written by editors), imported from official documents or edited
// by hand.
//
// Reads are served from an immutable in-memory snapshot, refreshed when the
// stored version changes (checked at most once per `refresh_interval`), so
// every node and process sees changes made by any other (`loket
// import-document` next to a running server). The database stays the
// source of truth.
// Thread-safety: all methods are thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/versioned.h"
#include "knowledge/document_parser.h"
#include "knowledge/model.h"
#include "knowledge/repository.h"

namespace loket::knowledge {

class Snapshot {
 public:
  Snapshot(std::vector<Article> articles, int64_t version);

  int64_t version() const { return version_; }
  // Every article, published or not, by document and position.
  const std::vector<Article>& articles() const { return articles_; }
  const Article* Find(const std::string& id) const;
  // Articles the public may see on `today` (YYYY-MM-DD): published and
  // still valid.
  std::vector<const Article*> Visible(std::string_view today) const;
  // The questions of the same document whose answers `a` refers to when
  // its answer is no more than that reference ("Zie het antwoord op vraag
  // 11."), those visible on `today`, in the order named.
  std::vector<const Article*> Referred(const Article& a, std::string_view today) const;
  // The answer as a reader needs it: the article's own answer followed by
  // the answers it refers to (Referred).
  std::string CompleteAnswer(const Article& a, Lang lang, std::string_view today) const;
  // The question and the complete answer: the whole passage.
  std::string CompleteText(const Article& a, Lang lang, std::string_view today) const;

 private:
  std::vector<Article> articles_;
  int64_t version_;
  std::unordered_map<std::string, size_t> by_id_;
  // Document key and question number (each number of "3 en 4") to article.
  std::map<std::pair<std::string, std::string>, size_t> by_number_;
};

bool IsVisible(const Article& article, std::string_view today);

struct ImportReport {
  SourceDocument document;
  size_t articles = 0;  // in the document
  StoreCounts changes;
  std::vector<std::string> missing_numbers;
};

class KnowledgeBase {
 public:
  explicit KnowledgeBase(KnowledgeRepository& repository,
                         std::chrono::milliseconds refresh_interval = std::chrono::seconds(1));

  // Parses a document's text and stores its articles; importing the same
  // document again updates it. Nothing is stored when the text is not a
  // document of a known kind (InvalidArgument, saying why).
  Result<ImportReport> Import(std::string_view text, std::string_view file_name,
                              std::string_view title = {});
  // Stores a document parsed already (ParseDocument); `title`, when given,
  // replaces the one the text gave.
  Result<ImportReport> Store(ParsedDocument parsed, std::string_view title = {});
  // Stores documents parsed already, all or none, as one change: readers
  // see all of them at once or none. Reports on each, in order.
  Result<std::vector<ImportReport>> StoreAll(std::vector<ParsedDocument> parsed);
  // Creates or changes an article written or edited by an editor; checks
  // it first (InvalidArgument, saying which field).
  Status Save(const Article& article);
  Status SetPublished(const std::string& id, bool published);

  // The current articles. Never null once Refresh() has succeeded.
  std::shared_ptr<const Snapshot> Current();
  // Reloads from the database if the version changed.
  Status Refresh();

 private:
  KnowledgeRepository& repository_;
  Versioned<Snapshot> snapshot_;
};

// Checks an article as an editor submits it.
Status ValidateArticle(const Article& article);

}  // namespace loket::knowledge

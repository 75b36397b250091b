// Storage of the knowledge base. The knowledge module owns its tables;
// other modules use the KnowledgeBase service API, never these tables.
// Thread-safety: implementations are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "knowledge/model.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace loket::knowledge {

// What storing a document changed among its articles.
struct StoreCounts {
  size_t added = 0;    // new to the knowledge base
  size_t updated = 0;  // there already, now replaced by the document's text
  size_t removed = 0;  // there before, no longer in the document
};

// A document as imported, with the articles made of it.
struct DocumentArticles {
  SourceDocument document;
  std::vector<Article> articles;
};

class KnowledgeRepository {
 public:
  virtual ~KnowledgeRepository() = default;

  // Stores documents and their articles in one transaction, all or none:
  // articles are inserted or updated by id, a document's articles that are
  // no longer in it are removed. What editors decided about an article
  // stays (published or not, tags, validity). Bumps the version once.
  // Returns the changes of each document, in order.
  virtual Result<std::vector<StoreCounts>> StoreDocuments(
      std::span<const DocumentArticles> documents) = 0;
  // Inserts or updates one article (an editor's). Bumps the version.
  virtual Status StoreArticle(const Article& article) = 0;
  virtual Result<std::optional<Article>> FindArticle(const std::string& id) = 0;
  // Every article, published or not, by document and position.
  virtual Result<std::vector<Article>> AllArticles() = 0;
  virtual Result<std::vector<SourceDocument>> Documents() = 0;
  // Increases whenever anything changes; cheap to call.
  virtual Result<int64_t> Version() = 0;
};

std::unique_ptr<KnowledgeRepository> NewSqlKnowledgeRepository(storage::Database& db);
std::span<const storage::Migration> KnowledgeMigrations();

}  // namespace loket::knowledge

// The knowledge base's tables. Tags are stored as JSON text so both
// dialects hold them the same way; only this module reads them.
#include <array>

#include "knowledge/repository.h"

namespace loket::knowledge {
namespace {

// Portable DDL: the same text serves SQLite and PostgreSQL.
constexpr const char* kInit = R"sql(
CREATE TABLE knowledge_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO knowledge_version (id, version) VALUES (1, 0);
CREATE TABLE knowledge_documents (
  key TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  reference TEXT NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE knowledge_articles (
  id TEXT PRIMARY KEY,
  document_key TEXT REFERENCES knowledge_documents (key),
  number TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  title_nl TEXT NOT NULL, title_en TEXT NOT NULL,
  question_nl TEXT NOT NULL, question_en TEXT NOT NULL,
  body_nl TEXT NOT NULL, body_en TEXT NOT NULL,
  heading TEXT NOT NULL,
  tags TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  published INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX knowledge_articles_document ON knowledge_articles (document_key, ordinal);
)sql";

constexpr std::array<storage::Migration, 1> kMigrations = {{
    {"knowledge", 1, "knowledge base", kInit, kInit},
}};

}  // namespace

std::span<const storage::Migration> KnowledgeMigrations() { return kMigrations; }

}  // namespace loket::knowledge

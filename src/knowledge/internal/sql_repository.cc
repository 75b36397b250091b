#include <date/date.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

#include "knowledge/repository.h"

namespace loket::knowledge {
namespace {

using nlohmann::json;
using storage::Row;
using storage::Transaction;

constexpr const char* kSelectArticles =
    "SELECT a.id, a.document_key, a.number, a.ordinal, a.title_nl, a.title_en,"
    " a.question_nl, a.question_en, a.body_nl, a.body_en, a.heading, a.tags, a.valid_until,"
    " a.published, a.updated_at, d.title, d.reference, d.date"
    " FROM knowledge_articles a LEFT JOIN knowledge_documents d ON d.key = a.document_key";

std::string KindName(DocumentKind kind) {
  return kind == DocumentKind::kQuestions ? "questions" : "letter";
}

std::string NowIso() {
  return date::format("%FT%TZ",
                      date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::vector<std::string> ParseTags(const std::string& text) {
  json tags = json::parse(text, nullptr, false);
  return tags.is_array() ? tags.get<std::vector<std::string>>() : std::vector<std::string>{};
}

Article ReadArticle(const Row& r) {
  Article a;
  a.id = r.Text(0);
  a.source.document_key = r.Text(1);
  a.source.number = r.Text(2);
  a.ordinal = static_cast<int>(r.Int(3));
  a.title = {r.Text(4), r.Text(5)};
  a.question = {r.Text(6), r.Text(7)};
  a.body = {r.Text(8), r.Text(9)};
  a.heading = r.Text(10);
  a.tags = ParseTags(r.Text(11));
  a.valid_until = r.Text(12);
  a.published = r.Int(13) != 0;
  a.updated_at = r.Text(14);
  a.source.document = r.Text(15);
  a.source.reference = r.Text(16);
  a.source.date = r.Text(17);
  return a;
}

Status Upsert(Transaction& tx, const Article& a, const std::string& now) {
  storage::Value document_key = a.source.document_key.empty()
                                    ? storage::Value(storage::Null{})
                                    : storage::Value(a.source.document_key);
  return tx
      .Execute(
          "INSERT INTO knowledge_articles (id, document_key, number, ordinal, title_nl, title_en,"
          " question_nl, question_en, body_nl, body_en, heading, tags, valid_until, published,"
          " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
          " ON CONFLICT (id) DO UPDATE SET document_key = excluded.document_key,"
          " number = excluded.number, ordinal = excluded.ordinal,"
          " title_nl = excluded.title_nl, title_en = excluded.title_en,"
          " question_nl = excluded.question_nl, question_en = excluded.question_en,"
          " body_nl = excluded.body_nl, body_en = excluded.body_en, heading = excluded.heading,"
          " tags = excluded.tags, valid_until = excluded.valid_until,"
          " published = excluded.published, updated_at = excluded.updated_at",
          {a.id, document_key, a.source.number, int64_t{a.ordinal}, a.title.nl, a.title.en,
           a.question.nl, a.question.en, a.body.nl, a.body.en, a.heading, json(a.tags).dump(),
           a.valid_until, int64_t{a.published ? 1 : 0}, now})
      .status();
}

Status BumpVersion(Transaction& tx) {
  return tx.Execute("UPDATE knowledge_version SET version = version + 1 WHERE id = 1").status();
}

// Stores one document and its articles within `tx`.
Result<StoreCounts> StoreDocument(Transaction& tx, const SourceDocument& d,
                                  const std::vector<Article>& articles, const std::string& now) {
  LOKET_RETURN_IF_ERROR(
      tx.Execute("INSERT INTO knowledge_documents (key, title, reference, date, kind,"
                 " imported_at) VALUES ($1, $2, $3, $4, $5, $6)"
                 " ON CONFLICT (key) DO UPDATE SET title = excluded.title,"
                 " reference = excluded.reference, date = excluded.date,"
                 " kind = excluded.kind, imported_at = excluded.imported_at",
                 {d.key, d.title, d.reference, d.date, KindName(d.kind), now})
          .status());
  // Editors' decisions on articles already there stay.
  LOKET_ASSIGN_OR_RETURN(auto rows,
                         tx.Query("SELECT id, published, tags, valid_until FROM knowledge_articles"
                                  " WHERE document_key = $1",
                                  {d.key}));
  std::map<std::string, const Row*> existing;
  for (const Row& r : rows) existing[r.Text(0)] = &r;
  std::set<std::string> keep;
  StoreCounts counts;
  for (Article a : articles) {
    keep.insert(a.id);
    if (auto it = existing.find(a.id); it != existing.end()) {
      const Row& r = *it->second;
      a.published = r.Int(1) != 0;
      a.tags = ParseTags(r.Text(2));
      a.valid_until = r.Text(3);
      ++counts.updated;
    } else {
      ++counts.added;
    }
    a.source.document_key = d.key;
    LOKET_RETURN_IF_ERROR(Upsert(tx, a, now));
  }
  for (const auto& [id, row] : existing) {
    if (!keep.contains(id)) {
      LOKET_RETURN_IF_ERROR(
          tx.Execute("DELETE FROM knowledge_articles WHERE id = $1", {id}).status());
      ++counts.removed;
    }
  }
  return counts;
}

class SqlKnowledgeRepository final : public KnowledgeRepository {
 public:
  explicit SqlKnowledgeRepository(storage::Database& db) : db_(db) {}

  Result<std::vector<StoreCounts>> StoreDocuments(
      std::span<const DocumentArticles> documents) override {
    const std::string now = NowIso();
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    std::vector<StoreCounts> counts;
    for (const DocumentArticles& d : documents) {
      LOKET_ASSIGN_OR_RETURN(StoreCounts stored, StoreDocument(*tx, d.document, d.articles, now));
      counts.push_back(stored);
    }
    LOKET_RETURN_IF_ERROR(BumpVersion(*tx));
    LOKET_RETURN_IF_ERROR(tx->Commit());
    return counts;
  }

  Status StoreArticle(const Article& a) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    LOKET_RETURN_IF_ERROR(Upsert(*tx, a, NowIso()));
    LOKET_RETURN_IF_ERROR(BumpVersion(*tx));
    return tx->Commit();
  }

  Result<std::optional<Article>> FindArticle(const std::string& id) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query(std::string(kSelectArticles) + " WHERE a.id = $1", {id}));
    if (rows.empty()) return std::optional<Article>();
    return std::optional<Article>(ReadArticle(rows[0]));
  }

  Result<std::vector<Article>> AllArticles() override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query(std::string(kSelectArticles) +
                                     " ORDER BY d.date DESC, a.document_key, a.ordinal, a.id"));
    std::vector<Article> out;
    out.reserve(rows.size());
    for (const Row& r : rows) out.push_back(ReadArticle(r));
    return out;
  }

  Result<std::vector<SourceDocument>> Documents() override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query("SELECT key, title, reference, date, kind"
                                     " FROM knowledge_documents ORDER BY date DESC, key"));
    std::vector<SourceDocument> out;
    for (const Row& r : rows) {
      out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3),
                     r.Text(4) == "questions" ? DocumentKind::kQuestions : DocumentKind::kLetter});
    }
    return out;
  }

  Result<int64_t> Version() override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query("SELECT version FROM knowledge_version WHERE id = 1"));
    if (rows.empty()) return Internal("knowledge_version has no row");
    return rows[0].Int(0);
  }

 private:
  storage::Database& db_;
};

}  // namespace

std::unique_ptr<KnowledgeRepository> NewSqlKnowledgeRepository(storage::Database& db) {
  return std::make_unique<SqlKnowledgeRepository>(db);
}

}  // namespace loket::knowledge

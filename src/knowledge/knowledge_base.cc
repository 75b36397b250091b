#include "knowledge/knowledge_base.h"

#include <algorithm>
#include <regex>

#include "core/strings.h"
#include "knowledge/document_parser.h"
#include "knowledge/question_labels.h"

namespace loket::knowledge {

Snapshot::Snapshot(std::vector<Article> articles, int64_t version)
    : articles_(std::move(articles)), version_(version) {
  for (size_t i = 0; i < articles_.size(); ++i) {
    const Article& a = articles_[i];
    by_id_[a.id] = i;
    if (a.source.document_key.empty() || a.source.number.empty()) continue;
    for (std::string& n : LabelNumbers(a.source.number)) {
      by_number_.emplace(std::make_pair(a.source.document_key, std::move(n)), i);
    }
  }
}

const Article* Snapshot::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &articles_[it->second];
}

std::vector<const Article*> Snapshot::Visible(std::string_view today) const {
  std::vector<const Article*> out;
  for (const Article& a : articles_) {
    if (IsVisible(a, today)) out.push_back(&a);
  }
  return out;
}

std::vector<const Article*> Snapshot::Referred(const Article& a, std::string_view today) const {
  std::vector<const Article*> out;
  if (a.source.document_key.empty() || a.source.number.empty()) return out;
  for (const std::string& n : ReferredQuestionNumbers(a.body.nl)) {
    auto it = by_number_.find({a.source.document_key, n});
    if (it == by_number_.end()) continue;
    const Article* referred = &articles_[it->second];
    // A reference to a reference is not followed (nor one to itself).
    if (referred == &a || !IsVisible(*referred, today) ||
        !ReferredQuestionNumbers(referred->body.nl).empty() ||
        std::find(out.begin(), out.end(), referred) != out.end()) {
      continue;
    }
    out.push_back(referred);
  }
  return out;
}

std::string Snapshot::CompleteAnswer(const Article& a, Lang lang, std::string_view today) const {
  std::string out = a.body.In(lang);
  for (const Article* referred : Referred(a, today)) out += "\n\n" + referred->body.In(lang);
  return out;
}

std::string Snapshot::CompleteText(const Article& a, Lang lang, std::string_view today) const {
  const std::string& question = a.question.In(lang);
  std::string answer = CompleteAnswer(a, lang, today);
  return question.empty() ? answer : question + "\n\n" + answer;
}

bool IsVisible(const Article& a, std::string_view today) {
  return a.published && (a.valid_until.empty() || a.valid_until >= today);
}

Status ValidateArticle(const Article& a) {
  static const std::regex date_re("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
  if (!IsSlug(a.id) || a.id.size() > 100) {
    return InvalidArgument("id: use lower-case letters, digits and hyphens (at most 100)");
  }
  if (Trim(a.title.nl).empty()) return InvalidArgument("title: the Dutch title is required");
  if (Trim(a.body.nl).empty()) return InvalidArgument("body: the Dutch text is required");
  if (a.title.nl.size() > 300 || a.title.en.size() > 300) {
    return InvalidArgument("title: at most 300 characters");
  }
  for (const std::string* text : {&a.body.nl, &a.body.en, &a.question.nl, &a.question.en}) {
    if (text->size() > 100000) return InvalidArgument("body: at most 100,000 characters");
  }
  if (!a.valid_until.empty() && !std::regex_match(a.valid_until, date_re)) {
    return InvalidArgument("valid_until: a date as YYYY-MM-DD");
  }
  if (a.tags.size() > 20) return InvalidArgument("tags: at most 20");
  for (const std::string& tag : a.tags) {
    if (Trim(tag).empty() || tag.size() > 60)
      return InvalidArgument("tags: 1 to 60 characters each");
  }
  return {};
}

KnowledgeBase::KnowledgeBase(KnowledgeRepository& repository,
                             std::chrono::milliseconds refresh_interval)
    : repository_(repository),
      snapshot_([this] { return repository_.Version(); },
                [this](int64_t version) -> Result<std::shared_ptr<const Snapshot>> {
                  LOKET_ASSIGN_OR_RETURN(auto articles, repository_.AllArticles());
                  return std::make_shared<const Snapshot>(std::move(articles), version);
                },
                refresh_interval) {}

Result<ImportReport> KnowledgeBase::Import(std::string_view text, std::string_view file_name,
                                           std::string_view title) {
  LOKET_ASSIGN_OR_RETURN(ParsedDocument parsed, ParseDocument(text, file_name));
  return Store(std::move(parsed), title);
}

Result<ImportReport> KnowledgeBase::Store(ParsedDocument parsed, std::string_view title) {
  if (!Trim(title).empty()) parsed.document.title = std::string(Trim(title));
  std::vector<ParsedDocument> one;
  one.push_back(std::move(parsed));
  LOKET_ASSIGN_OR_RETURN(std::vector<ImportReport> reports, StoreAll(std::move(one)));
  return std::move(reports.front());
}

Result<std::vector<ImportReport>> KnowledgeBase::StoreAll(std::vector<ParsedDocument> parsed) {
  std::vector<DocumentArticles> documents;
  std::vector<ImportReport> reports;
  for (ParsedDocument& p : parsed) {
    ImportReport& report = reports.emplace_back();
    report.document = p.document;
    report.missing_numbers = std::move(p.missing_numbers);
    DocumentArticles& d = documents.emplace_back(DocumentArticles{p.document, ToArticles(p)});
    report.articles = d.articles.size();
  }
  LOKET_ASSIGN_OR_RETURN(std::vector<StoreCounts> counts, repository_.StoreDocuments(documents));
  for (size_t i = 0; i < reports.size(); ++i) reports[i].changes = counts[i];
  Refresh().ok();  // stored; readers catch up at the next refresh otherwise
  return reports;
}

Status KnowledgeBase::Save(const Article& article) {
  LOKET_RETURN_IF_ERROR(ValidateArticle(article));
  Article a = article;
  LOKET_ASSIGN_OR_RETURN(auto existing, repository_.FindArticle(a.id));
  if (existing) {
    // The source of an imported article is the document's; editors change
    // the text, not where it came from.
    a.source = existing->source;
    a.ordinal = existing->ordinal;
  }
  LOKET_RETURN_IF_ERROR(repository_.StoreArticle(a));
  Refresh().ok();
  return {};
}

Status KnowledgeBase::SetPublished(const std::string& id, bool published) {
  LOKET_ASSIGN_OR_RETURN(auto existing, repository_.FindArticle(id));
  if (!existing) return NotFound("no article '" + id + "'");
  existing->published = published;
  LOKET_RETURN_IF_ERROR(repository_.StoreArticle(*existing));
  Refresh().ok();
  return {};
}

std::shared_ptr<const Snapshot> KnowledgeBase::Current() { return snapshot_.Current(); }

Status KnowledgeBase::Refresh() { return snapshot_.Refresh(); }

}  // namespace loket::knowledge

// The knowledge base's domain: articles (a question and its answer, or a
// passage of a letter) and the official documents they were taken from.
// Thread-safety: value types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/lang.h"

namespace loket::knowledge {

enum class DocumentKind {
  kQuestions,  // answers to parliamentary questions: one article per question
  kLetter,     // a letter or report: one article per passage
};

// An official document as published (a letter to parliament, a list of
// answers to questions).
struct SourceDocument {
  std::string key;        // stable identity: re-importing the same document updates it
  std::string title;      // e.g. "Verslag van een schriftelijk overleg"
  std::string reference;  // e.g. "Kamerstuk 35 830 V, nr. 8"
  std::string date;       // YYYY-MM-DD, or empty when the document gives none
  DocumentKind kind = DocumentKind::kLetter;
  bool operator==(const SourceDocument&) const = default;
};

// Where an article comes from.
struct Source {
  std::string document_key;  // empty for articles written by editors
  std::string document;      // the document's title and reference, for people
  std::string reference;
  std::string date;    // YYYY-MM-DD or empty
  std::string number;  // the question's number in the document, or empty
  bool operator==(const Source&) const = default;
};

struct Article {
  std::string id;  // slug, stable: "<document key>-<number>" for imported questions
  Text title;
  Text question;        // empty for passages of letters
  Text body;            // the complete answer, or the passage
  std::string heading;  // the section heading a passage stands under
  Source source;
  std::vector<std::string> tags;
  std::string valid_until;  // YYYY-MM-DD, or empty: valid until withdrawn
  bool published = true;
  int ordinal = 0;         // order within its document
  std::string updated_at;  // set by the repository (UTC, ISO 8601)

  // The language the article is read in when `requested`: Dutch where
  // there is no translation.
  Lang ContentLang(Lang requested) const {
    return requested == Lang::kEn && body.en.empty() ? Lang::kNl : requested;
  }
  bool operator==(const Article&) const = default;
};

}  // namespace loket::knowledge

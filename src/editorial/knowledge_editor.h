// The knowledge base's editor pages in the staff area, for editors only:
// every article with its status, a form to write or change an article,
// publishing and unpublishing, and the upload of an official document's
// text (checked by content with libmagic, then parsed by the knowledge
// base). Every change is written to the audit log. Handlers only parse the
// request, call the knowledge base and render; the rules for articles are
// the knowledge module's.
//
// Pages (Dutch | English), each behind auth::Guard with the
// Permission::kEditKnowledge rule (404 for other staff):
//   /medewerkers/kennisbank                 | /en/staff/knowledge
//   …/nieuw                                 | …/new          (GET, POST)
//   …/{id}                                  | …/{id}         (GET, POST)
//   …/{id}/publicatie                       | …/{id}/publication (POST)
//   …/importeren                            | …/import       (GET, POST multipart)
// Thread-safety: handlers may run on many threads at once.
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "audit/audit_log.h"
#include "auth/guard.h"
#include "core/clock.h"
#include "http/server.h"
#include "knowledge/knowledge_base.h"

namespace loket::editorial {

namespace internal {
class ContentSniffer;
}  // namespace internal

class KnowledgeEditor {
 public:
  // `clock` decides which articles have expired. If the magic database
  // cannot be loaded, uploads answer 503 (and the reason is logged).
  KnowledgeEditor(const auth::Guard& guard, knowledge::KnowledgeBase& knowledge, Clock clock);
  ~KnowledgeEditor();

  void Register(http::Server& server);

 private:
  http::Response List(const http::Request& r, auth::Visit& v) const;
  http::Response NewForm(const http::Request& r, auth::Visit& v) const;
  http::Response Create(const http::Request& r, auth::Visit& v) const;
  http::Response EditForm(const http::Request& r, auth::Visit& v) const;
  http::Response Update(const http::Request& r, auth::Visit& v) const;
  http::Response Publication(const http::Request& r, auth::Visit& v) const;
  http::Response ImportForm(const http::Request& r, auth::Visit& v) const;
  http::Response Import(const http::Request& r, auth::Visit& v) const;

  void Audit(const http::Request& r, const auth::Visit& v, std::string action,
             std::string object_type, std::string object_id,
             audit::Outcome outcome = audit::Outcome::kSuccess, std::string detail = "") const;
  std::string Today() const;

  const auth::Guard& guard_;
  knowledge::KnowledgeBase& knowledge_;
  Clock clock_;
  std::unique_ptr<internal::ContentSniffer> sniffer_;  // null when libmagic failed
};

}  // namespace loket::editorial

// Public URLs of the site, in Dutch and English. Each page exists
// in both languages under its own path, so a link can be shared in either.
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "core/lang.h"

namespace loket::site::paths {

std::string Home(Lang lang);
std::string Search(Lang lang);
std::string Services(Lang lang);
std::string Service(Lang lang, const std::string& id);
std::string LifeEvent(Lang lang, const std::string& id);
std::string Countries(Lang lang);
std::string Country(Lang lang, const std::string& code);  // code in upper case
std::string Post(Lang lang, const std::string& id);
std::string Knowledge(Lang lang);
std::string KnowledgeArticle(Lang lang, const std::string& id);
// An imported document's passages, under its section headings.
std::string KnowledgeDocument(Lang lang, const std::string& key);
// Pages behind a login.
std::string MyLoket(Lang lang);  // a citizen's or applicant's own overview
std::string Login(Lang lang);    // the choice: DigiD, or a visa-applicant account
std::string Logout(Lang lang);
std::string DigidLogin(Lang lang);
// Where the OpenID provider sends citizens back (one URI, registered with
// the provider; the language travels in the login's pending state).
std::string DigidReturn();
std::string ApplicantRegister(Lang lang);
std::string ApplicantVerify(Lang lang);  // the e-mailed link (?token=…)
std::string ApplicantLogin(Lang lang);
std::string ApplicantLoginLink(Lang lang);  // the e-mailed login link (?token=…)
std::string ApplicantRequestLink(Lang lang);
std::string Staff(Lang lang);  // the staff area's start page
std::string StaffLogin(Lang lang);
std::string StaffLogout(Lang lang);
std::string AuditLog(Lang lang);
// The knowledge base's editor pages (editors only).
std::string KnowledgeEditor(Lang lang);  // every article, by document
std::string KnowledgeEditorNew(Lang lang);
std::string KnowledgeEditorArticle(Lang lang, const std::string& id);
std::string KnowledgeEditorPublication(Lang lang, const std::string& id);  // POST only
std::string KnowledgeEditorImport(Lang lang);
// Percent-encodes a query-string value.
std::string EncodeQuery(const std::string& value);

}  // namespace loket::site::paths

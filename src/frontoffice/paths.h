// Public URLs of the front office, in Dutch and English. Each page exists
// in both languages under its own path, so a link can be shared in either.
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "core/lang.h"

namespace loket::frontoffice::paths {

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
// Percent-encodes a query-string value.
std::string EncodeQuery(const std::string& value);

}  // namespace loket::frontoffice::paths

#include "site/paths.h"

#include <cctype>

#include "core/strings.h"

namespace loket::site::paths {
namespace {
bool Nl(Lang lang) { return lang == Lang::kNl; }
}  // namespace

std::string Home(Lang lang) { return Nl(lang) ? "/" : "/en"; }
std::string Search(Lang lang) { return Nl(lang) ? "/zoeken" : "/en/search"; }
std::string Services(Lang lang) { return Nl(lang) ? "/diensten" : "/en/services"; }
std::string Service(Lang lang, const std::string& id) { return Services(lang) + "/" + id; }
std::string LifeEvent(Lang lang, const std::string& id) {
  return (Nl(lang) ? "/levensgebeurtenissen/" : "/en/life-events/") + id;
}
std::string Countries(Lang lang) { return Nl(lang) ? "/landen" : "/en/countries"; }
std::string Country(Lang lang, const std::string& code) {
  return Countries(lang) + "/" + AsciiLower(code);
}
std::string Post(Lang lang, const std::string& id) {
  return (Nl(lang) ? "/posten/" : "/en/posts/") + id;
}
std::string Knowledge(Lang lang) { return Nl(lang) ? "/kennisbank" : "/en/knowledge"; }
std::string KnowledgeArticle(Lang lang, const std::string& id) {
  return Knowledge(lang) + "/" + id;
}
std::string KnowledgeDocument(Lang lang, const std::string& key) {
  return Knowledge(lang) + (Nl(lang) ? "/documenten/" : "/documents/") + key;
}
std::string MyLoket(Lang lang) { return Nl(lang) ? "/mijn-loket" : "/en/my-loket"; }
std::string Login(Lang lang) { return Nl(lang) ? "/inloggen" : "/en/login"; }
std::string Logout(Lang lang) { return Nl(lang) ? "/uitloggen" : "/en/logout"; }
std::string DigidLogin(Lang lang) { return Login(lang) + "/digid"; }
std::string DigidReturn() { return "/inloggen/digid/terug"; }
std::string ApplicantRegister(Lang lang) {
  return Nl(lang) ? "/visum/account/registreren" : "/en/visa/account/register";
}
std::string ApplicantVerify(Lang lang) {
  return Nl(lang) ? "/visum/account/bevestigen" : "/en/visa/account/verify";
}
std::string ApplicantLogin(Lang lang) {
  return Nl(lang) ? "/visum/account/inloggen" : "/en/visa/account/login";
}
std::string ApplicantLoginLink(Lang lang) { return ApplicantLogin(lang) + "/link"; }
std::string ApplicantRequestLink(Lang lang) {
  return ApplicantLogin(lang) + (Nl(lang) ? "/link-aanvragen" : "/request-link");
}
std::string Staff(Lang lang) { return Nl(lang) ? "/medewerkers" : "/en/staff"; }
std::string StaffLogin(Lang lang) { return Staff(lang) + (Nl(lang) ? "/inloggen" : "/login"); }
std::string StaffLogout(Lang lang) { return Staff(lang) + (Nl(lang) ? "/uitloggen" : "/logout"); }
std::string AuditLog(Lang lang) { return Staff(lang) + (Nl(lang) ? "/auditlog" : "/audit-log"); }
std::string KnowledgeEditor(Lang lang) {
  return Staff(lang) + (Nl(lang) ? "/kennisbank" : "/knowledge");
}
std::string KnowledgeEditorNew(Lang lang) {
  return KnowledgeEditor(lang) + (Nl(lang) ? "/nieuw" : "/new");
}
std::string KnowledgeEditorArticle(Lang lang, const std::string& id) {
  return KnowledgeEditor(lang) + "/" + id;
}
std::string KnowledgeEditorPublication(Lang lang, const std::string& id) {
  return KnowledgeEditorArticle(lang, id) + (Nl(lang) ? "/publicatie" : "/publication");
}
std::string KnowledgeEditorImport(Lang lang) {
  return KnowledgeEditor(lang) + (Nl(lang) ? "/importeren" : "/import");
}

std::string EncodeQuery(const std::string& value) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace loket::site::paths

#include "catalogue/content_loader.h"

#include <date/tz.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/files.h"
#include "core/strings.h"

namespace loket::catalogue {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Result<json> ReadJson(const fs::path& path) {
  LOKET_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    return InvalidArgument(path.filename().string() + ": not valid JSON: " + e.what());
  }
}

// Field readers that tolerate absent optional fields and report wrong types.
class Reader {
 public:
  Reader(const json& j, std::string where, std::vector<std::string>& errors)
      : j_(j), where_(std::move(where)), errors_(errors) {}

  std::string Str(const char* key, bool required = true) {
    if (!j_.contains(key) || j_[key].is_null()) {
      if (required) Error(std::string("missing \"") + key + "\"");
      return {};
    }
    if (!j_[key].is_string()) {
      Error(std::string("\"") + key + "\" must be a string");
      return {};
    }
    return j_[key].get<std::string>();
  }

  Text Txt(const char* key, bool required = true) {
    Text t;
    if (!j_.contains(key)) {
      if (required) Error(std::string("missing \"") + key + "\"");
      return t;
    }
    const json& v = j_[key];
    if (!v.is_object() || !v.contains("nl") || !v["nl"].is_string()) {
      Error(std::string("\"") + key + "\" needs a Dutch text {\"nl\": …, \"en\": …}");
      return t;
    }
    t.nl = v["nl"].get<std::string>();
    if (v.contains("en") && v["en"].is_string()) t.en = v["en"].get<std::string>();
    return t;
  }

  TextList List2(const char* key) {
    TextList out;
    if (!j_.contains(key)) return out;
    const json& v = j_[key];
    if (!v.is_object()) {
      Error(std::string("\"") + key + "\" must be {\"nl\": [...], \"en\": [...]}");
      return out;
    }
    out.nl = Strings(v.value("nl", json::array()), key);
    out.en = Strings(v.value("en", json::array()), key);
    return out;
  }

  std::vector<std::string> List(const char* key) {
    if (!j_.contains(key)) return {};
    return Strings(j_[key], key);
  }

  int Int(const char* key, int fallback) {
    if (!j_.contains(key)) return fallback;
    if (!j_[key].is_number_integer()) {
      Error(std::string("\"") + key + "\" must be a whole number");
      return fallback;
    }
    return j_[key].get<int>();
  }

  void Error(const std::string& message) { errors_.push_back(where_ + ": " + message); }

 private:
  std::vector<std::string> Strings(const json& v, const char* key) {
    std::vector<std::string> out;
    if (!v.is_array()) {
      Error(std::string("\"") + key + "\" must be a list");
      return out;
    }
    for (const json& item : v) {
      if (item.is_string()) {
        out.push_back(item.get<std::string>());
      } else {
        Error(std::string("\"") + key + "\" must hold only strings");
      }
    }
    return out;
  }

  const json& j_;
  std::string where_;
  std::vector<std::string>& errors_;
};

Status ErrorsToStatus(const std::vector<std::string>& errors) {
  if (errors.empty()) return {};
  std::string msg = std::to_string(errors.size()) + " problem(s) in content:";
  size_t shown = 0;
  for (const std::string& e : errors) {
    if (++shown > 50) break;
    msg += "\n  " + e;
  }
  return InvalidArgument(msg);
}

bool ValidTimezone(const std::string& name) {
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

bool ValidClock(const std::string& t) {
  return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) &&
         std::isdigit(static_cast<unsigned char>(t[3])) &&
         std::isdigit(static_cast<unsigned char>(t[4])) && t.substr(0, 2) <= "23" && t[3] <= '5';
}

bool ValidDays(const std::string& days) {
  static const std::set<std::string> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  auto parts = Split(days, '-');
  if (parts.empty() || parts.size() > 2) return false;
  return std::all_of(parts.begin(), parts.end(), [](const std::string& d) { return kDays.count(d); });
}

}  // namespace

Status ValidateContent(const Content& c) {
  std::vector<std::string> errors;
  auto err = [&](const std::string& e) { errors.push_back(e); };
  std::set<std::string> orgs, services, countries, ids;
  for (const auto& o : c.organisations) {
    if (!IsSlug(o.id)) err("organisation \"" + o.id + "\": id is not a slug");
    if (!orgs.insert(o.id).second) err("organisation \"" + o.id + "\": duplicate id");
  }
  static const std::set<std::string> kChannels = {"online", "post-counter", "by-post",
                                                  "video-call", "phone", "in-netherlands"};
  for (const auto& s : c.services) {
    std::string where = "service \"" + s.id + "\"";
    if (!IsSlug(s.id)) err(where + ": id is not a slug");
    if (!services.insert(s.id).second) err(where + ": duplicate id");
    if (!orgs.count(s.organisation_id)) err(where + ": unknown organisation \"" + s.organisation_id + "\"");
    if (s.title.nl.empty() || s.title.en.empty()) err(where + ": title needs Dutch and English");
    if (s.summary.nl.empty()) err(where + ": summary is empty");
    for (const auto& ch : s.channels) {
      if (!kChannels.count(ch)) err(where + ": unknown channel \"" + ch + "\"");
    }
    if (!s.referral_url.empty() && s.referral_url.rfind("https://", 0) != 0) {
      err(where + ": referral url must start with https://");
    }
    if (s.popularity < 0 || s.popularity > 100) err(where + ": popularity must be 0-100");
  }
  for (const auto& e : c.life_events) {
    std::string where = "life event \"" + e.id + "\"";
    if (!IsSlug(e.id)) err(where + ": id is not a slug");
    if (!ids.insert("le:" + e.id).second) err(where + ": duplicate id");
    if (e.steps.empty()) err(where + ": has no steps");
    for (const auto& step : e.steps) {
      if (!services.count(step.service_id)) err(where + ": unknown service \"" + step.service_id + "\"");
    }
  }
  for (const auto& country : c.countries) {
    if (country.code.size() != 2 || !std::isupper(static_cast<unsigned char>(country.code[0])) ||
        !std::isupper(static_cast<unsigned char>(country.code[1]))) {
      err("country \"" + country.code + "\": code must be two capital letters");
    }
    if (!countries.insert(country.code).second) err("country \"" + country.code + "\": duplicate");
    if (country.name.nl.empty() || country.name.en.empty()) {
      err("country \"" + country.code + "\": needs a Dutch and an English name");
    }
  }
  static const std::set<std::string> kPostTypes = {"embassy", "consulate-general",
                                                   "permanent-representation", "honorary-consul",
                                                   "nbso"};
  for (const auto& p : c.posts) {
    std::string where = "post \"" + p.id + "\"";
    if (!IsSlug(p.id)) err(where + ": id is not a slug");
    if (!ids.insert("post:" + p.id).second) err(where + ": duplicate id");
    if (!kPostTypes.count(p.type)) err(where + ": unknown type \"" + p.type + "\"");
    if (!countries.count(p.country_code)) err(where + ": unknown country \"" + p.country_code + "\"");
    if (!ValidTimezone(p.timezone)) err(where + ": unknown time zone \"" + p.timezone + "\"");
    for (const auto& h : p.hours) {
      if (!ValidDays(h.days)) err(where + ": bad opening days \"" + h.days + "\"");
      if (!ValidClock(h.open) || !ValidClock(h.close) || h.open >= h.close) {
        err(where + ": bad opening hours " + h.open + "-" + h.close);
      }
    }
  }
  return ErrorsToStatus(errors);
}

Result<Content> LoadContentDirectory(const fs::path& dir) {
  Content c;
  std::vector<std::string> errors;

  LOKET_ASSIGN_OR_RETURN(json orgs, ReadJson(dir / "organisations.json"));
  for (const json& o : orgs) {
    Reader r(o, "organisations.json", errors);
    Organisation org;
    org.id = r.Str("id");
    org.abbreviation = r.Str("abbreviation", false);
    org.name = r.Txt("name");
    org.description = r.Txt("description", false);
    org.website = r.Str("website", false);
    c.organisations.push_back(std::move(org));
  }

  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "services", ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) return NotFound("cannot read " + (dir / "services").string());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    LOKET_ASSIGN_OR_RETURN(json j, ReadJson(file));
    std::string where = "services/" + file.filename().string();
    if (!j.is_object()) {
      errors.push_back(where + ": must be an object");
      continue;
    }
    Reader r(j, where, errors);
    Service s;
    s.id = file.stem().string();
    s.organisation_id = r.Str("organisation");
    s.title = r.Txt("title");
    s.summary = r.Txt("summary");
    s.audience = r.Txt("audience", false);
    s.needs = r.List2("needs");
    s.cost = r.Txt("cost", false);
    s.duration = r.Txt("duration", false);
    s.channels = r.List("channels");
    s.how = r.Txt("how", false);
    if (j.contains("referral") && j["referral"].is_object()) {
      Reader ref(j["referral"], where + " referral", errors);
      s.referral_url = ref.Str("url");
      s.referral_label = ref.Txt("label", false);
    }
    s.counter_service = r.Str("counter_service", false);
    s.keywords = r.List2("keywords");
    s.popularity = r.Int("popularity", 0);
    c.services.push_back(std::move(s));
  }

  LOKET_ASSIGN_OR_RETURN(json events, ReadJson(dir / "life-events.json"));
  int position = 0;
  for (const json& e : events) {
    Reader r(e, "life-events.json", errors);
    LifeEvent ev;
    ev.id = r.Str("id");
    ev.title = r.Txt("title");
    ev.summary = r.Txt("summary", false);
    ev.position = position++;
    if (e.contains("steps") && e["steps"].is_array()) {
      for (const json& step : e["steps"]) {
        Reader sr(step, "life-events.json " + ev.id, errors);
        ev.steps.push_back({sr.Str("service"), sr.Txt("note", false)});
      }
    }
    c.life_events.push_back(std::move(ev));
  }

  LOKET_ASSIGN_OR_RETURN(std::string tsv, ReadFile(dir / "countries.tsv"));
  bool header = true;
  for (const std::string& raw : Split(tsv, '\n')) {
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    auto cols = Split(line, '\t');
    if (cols.size() != 3) {
      errors.push_back("countries.tsv: line \"" + std::string(line) + "\" needs 3 columns");
      continue;
    }
    c.countries.push_back({cols[0], {cols[1], cols[2]}});
  }

  LOKET_ASSIGN_OR_RETURN(json posts, ReadJson(dir / "posts.json"));
  for (const json& pj : posts) {
    Reader r(pj, "posts.json", errors);
    Post p;
    p.id = r.Str("id");
    p.type = r.Str("type");
    p.country_code = r.Str("country");
    p.city = r.Txt("city");
    p.name = r.Txt("name");
    p.address = r.Str("address", false);
    p.timezone = r.Str("timezone");
    p.phone = r.Str("phone", false);
    p.email = r.Str("email", false);
    if (pj.contains("hours") && pj["hours"].is_array()) {
      for (const json& h : pj["hours"]) {
        Reader hr(h, "posts.json " + p.id + " hours", errors);
        p.hours.push_back({hr.Str("days"), hr.Str("open"), hr.Str("close")});
      }
    }
    p.counter_services = r.List("counter_services");
    c.posts.push_back(std::move(p));
  }

  LOKET_RETURN_IF_ERROR(ErrorsToStatus(errors));
  LOKET_RETURN_IF_ERROR(ValidateContent(c));
  return c;
}

}  // namespace loket::catalogue

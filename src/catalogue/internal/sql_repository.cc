#include <nlohmann/json.hpp>
#include <set>

#include "catalogue/repository.h"

namespace loket::catalogue {
namespace {

using nlohmann::json;
using storage::Params;
using storage::Row;
using storage::Transaction;

std::string ListJson(const TextList& l) { return json{{"nl", l.nl}, {"en", l.en}}.dump(); }
std::string ListJson(const std::vector<std::string>& l) { return json(l).dump(); }

TextList ParseTextList(const std::string& text) {
  TextList out;
  json j = json::parse(text, nullptr, false);
  if (j.is_object()) {
    out.nl = j.value("nl", std::vector<std::string>{});
    out.en = j.value("en", std::vector<std::string>{});
  }
  return out;
}

std::vector<std::string> ParseList(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  return j.is_array() ? j.get<std::vector<std::string>>() : std::vector<std::string>{};
}

Result<std::set<std::string>> Ids(Transaction& tx, const char* sql) {
  LOKET_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
  std::set<std::string> ids;
  for (const Row& r : rows) ids.insert(r.Text(0));
  return ids;
}

class SqlCatalogueRepository final : public CatalogueRepository {
 public:
  explicit SqlCatalogueRepository(storage::Database& db) : db_(db) {}

  Status Store(const Content& c) override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginWrite());
    for (const Organisation& o : c.organisations) {
      LOKET_RETURN_IF_ERROR(tx->Execute(
          "INSERT INTO organisations (id, abbreviation, name_nl, name_en, description_nl,"
          " description_en, website) VALUES ($1, $2, $3, $4, $5, $6, $7)"
          " ON CONFLICT (id) DO UPDATE SET abbreviation = excluded.abbreviation,"
          " name_nl = excluded.name_nl, name_en = excluded.name_en,"
          " description_nl = excluded.description_nl, description_en = excluded.description_en,"
          " website = excluded.website",
          {o.id, o.abbreviation, o.name.nl, o.name.en, o.description.nl, o.description.en,
           o.website}).status());
    }
    std::set<std::string> keep;
    for (const Service& s : c.services) {
      keep.insert(s.id);
      LOKET_RETURN_IF_ERROR(tx->Execute(
          "INSERT INTO services (id, organisation_id, title_nl, title_en, summary_nl, summary_en,"
          " audience_nl, audience_en, needs, cost_nl, cost_en, duration_nl, duration_en,"
          " channels, how_nl, how_en, referral_url, referral_label_nl, referral_label_en,"
          " counter_service, keywords, popularity, published) VALUES ($1, $2, $3, $4, $5, $6,"
          " $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)"
          " ON CONFLICT (id) DO UPDATE SET organisation_id = excluded.organisation_id,"
          " title_nl = excluded.title_nl, title_en = excluded.title_en,"
          " summary_nl = excluded.summary_nl, summary_en = excluded.summary_en,"
          " audience_nl = excluded.audience_nl, audience_en = excluded.audience_en,"
          " needs = excluded.needs, cost_nl = excluded.cost_nl, cost_en = excluded.cost_en,"
          " duration_nl = excluded.duration_nl, duration_en = excluded.duration_en,"
          " channels = excluded.channels, how_nl = excluded.how_nl, how_en = excluded.how_en,"
          " referral_url = excluded.referral_url,"
          " referral_label_nl = excluded.referral_label_nl,"
          " referral_label_en = excluded.referral_label_en,"
          " counter_service = excluded.counter_service, keywords = excluded.keywords,"
          " popularity = excluded.popularity, published = excluded.published",
          {s.id, s.organisation_id, s.title.nl, s.title.en, s.summary.nl, s.summary.en,
           s.audience.nl, s.audience.en, ListJson(s.needs), s.cost.nl, s.cost.en, s.duration.nl,
           s.duration.en, ListJson(s.channels), s.how.nl, s.how.en, s.referral_url,
           s.referral_label.nl, s.referral_label.en, s.counter_service, ListJson(s.keywords),
           int64_t{s.popularity}, int64_t{s.published ? 1 : 0}}).status());
    }
    LOKET_ASSIGN_OR_RETURN(auto stored_services, Ids(*tx, "SELECT id FROM services"));
    for (const std::string& id : stored_services) {
      if (!keep.count(id)) {
        LOKET_RETURN_IF_ERROR(
            tx->Execute("UPDATE services SET published = 0 WHERE id = $1", {id}).status());
      }
    }

    LOKET_RETURN_IF_ERROR(tx->Execute("DELETE FROM life_event_steps").status());
    LOKET_RETURN_IF_ERROR(tx->Execute("DELETE FROM life_events").status());
    for (const LifeEvent& e : c.life_events) {
      LOKET_RETURN_IF_ERROR(tx->Execute(
          "INSERT INTO life_events (id, title_nl, title_en, summary_nl, summary_en, position)"
          " VALUES ($1, $2, $3, $4, $5, $6)",
          {e.id, e.title.nl, e.title.en, e.summary.nl, e.summary.en, int64_t{e.position}})
                                .status());
      int64_t pos = 0;
      for (const LifeEventStep& step : e.steps) {
        LOKET_RETURN_IF_ERROR(tx->Execute(
            "INSERT INTO life_event_steps (life_event_id, position, service_id, note_nl, note_en)"
            " VALUES ($1, $2, $3, $4, $5)",
            {e.id, pos++, step.service_id, step.note.nl, step.note.en}).status());
      }
    }

    for (const Country& country : c.countries) {
      LOKET_RETURN_IF_ERROR(tx->Execute(
          "INSERT INTO countries (code, name_nl, name_en) VALUES ($1, $2, $3)"
          " ON CONFLICT (code) DO UPDATE SET name_nl = excluded.name_nl,"
          " name_en = excluded.name_en",
          {country.code, country.name.nl, country.name.en}).status());
    }

    keep.clear();
    for (const Post& p : c.posts) {
      keep.insert(p.id);
      json hours = json::array();
      for (const OpeningHours& h : p.hours) {
        hours.push_back({{"days", h.days}, {"open", h.open}, {"close", h.close}});
      }
      LOKET_RETURN_IF_ERROR(tx->Execute(
          "INSERT INTO posts (id, type, country_code, city_nl, city_en, name_nl, name_en,"
          " address, timezone, phone, email, hours, counter_services) VALUES ($1, $2, $3, $4,"
          " $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO UPDATE SET"
          " type = excluded.type, country_code = excluded.country_code,"
          " city_nl = excluded.city_nl, city_en = excluded.city_en,"
          " name_nl = excluded.name_nl, name_en = excluded.name_en,"
          " address = excluded.address, timezone = excluded.timezone,"
          " phone = excluded.phone, email = excluded.email, hours = excluded.hours,"
          " counter_services = excluded.counter_services",
          {p.id, p.type, p.country_code, p.city.nl, p.city.en, p.name.nl, p.name.en, p.address,
           p.timezone, p.phone, p.email, hours.dump(), ListJson(p.counter_services)}).status());
    }
    LOKET_ASSIGN_OR_RETURN(auto stored_posts, Ids(*tx, "SELECT id FROM posts"));
    for (const std::string& id : stored_posts) {
      if (!keep.count(id)) {
        LOKET_RETURN_IF_ERROR(tx->Execute("DELETE FROM posts WHERE id = $1", {id}).status());
      }
    }
    LOKET_RETURN_IF_ERROR(
        tx->Execute("UPDATE catalogue_version SET version = version + 1 WHERE id = 1").status());
    return tx->Commit();
  }

  Result<Content> LoadAll() override {
    Content c;
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(
        auto orgs, tx->Query("SELECT id, abbreviation, name_nl, name_en, description_nl,"
                             " description_en, website FROM organisations ORDER BY id"));
    for (const Row& r : orgs) {
      c.organisations.push_back(
          {r.Text(0), r.Text(1), {r.Text(2), r.Text(3)}, {r.Text(4), r.Text(5)}, r.Text(6)});
    }
    LOKET_ASSIGN_OR_RETURN(
        auto services,
        tx->Query("SELECT id, organisation_id, title_nl, title_en, summary_nl, summary_en,"
                  " audience_nl, audience_en, needs, cost_nl, cost_en, duration_nl, duration_en,"
                  " channels, how_nl, how_en, referral_url, referral_label_nl,"
                  " referral_label_en, counter_service, keywords, popularity, published"
                  " FROM services ORDER BY id"));
    for (const Row& r : services) {
      Service s;
      s.id = r.Text(0);
      s.organisation_id = r.Text(1);
      s.title = {r.Text(2), r.Text(3)};
      s.summary = {r.Text(4), r.Text(5)};
      s.audience = {r.Text(6), r.Text(7)};
      s.needs = ParseTextList(r.Text(8));
      s.cost = {r.Text(9), r.Text(10)};
      s.duration = {r.Text(11), r.Text(12)};
      s.channels = ParseList(r.Text(13));
      s.how = {r.Text(14), r.Text(15)};
      s.referral_url = r.Text(16);
      s.referral_label = {r.Text(17), r.Text(18)};
      s.counter_service = r.Text(19);
      s.keywords = ParseTextList(r.Text(20));
      s.popularity = static_cast<int>(r.Int(21));
      s.published = r.Int(22) != 0;
      c.services.push_back(std::move(s));
    }
    LOKET_ASSIGN_OR_RETURN(auto events, tx->Query("SELECT id, title_nl, title_en, summary_nl,"
                                                  " summary_en, position FROM life_events"
                                                  " ORDER BY position, id"));
    LOKET_ASSIGN_OR_RETURN(auto steps, tx->Query("SELECT life_event_id, service_id, note_nl,"
                                                 " note_en FROM life_event_steps"
                                                 " ORDER BY life_event_id, position"));
    for (const Row& r : events) {
      LifeEvent e{r.Text(0), {r.Text(1), r.Text(2)}, {r.Text(3), r.Text(4)}, {},
                  static_cast<int>(r.Int(5))};
      for (const Row& s : steps) {
        if (s.Text(0) == e.id) e.steps.push_back({s.Text(1), {s.Text(2), s.Text(3)}});
      }
      c.life_events.push_back(std::move(e));
    }
    LOKET_ASSIGN_OR_RETURN(auto countries,
                           tx->Query("SELECT code, name_nl, name_en FROM countries ORDER BY code"));
    for (const Row& r : countries) c.countries.push_back({r.Text(0), {r.Text(1), r.Text(2)}});
    LOKET_ASSIGN_OR_RETURN(
        auto posts, tx->Query("SELECT id, type, country_code, city_nl, city_en, name_nl, name_en,"
                              " address, timezone, phone, email, hours, counter_services"
                              " FROM posts ORDER BY country_code, city_nl, id"));
    for (const Row& r : posts) {
      Post p;
      p.id = r.Text(0);
      p.type = r.Text(1);
      p.country_code = r.Text(2);
      p.city = {r.Text(3), r.Text(4)};
      p.name = {r.Text(5), r.Text(6)};
      p.address = r.Text(7);
      p.timezone = r.Text(8);
      p.phone = r.Text(9);
      p.email = r.Text(10);
      json hours = json::parse(r.Text(11), nullptr, false);
      if (hours.is_array()) {
        for (const json& h : hours) {
          p.hours.push_back({h.value("days", ""), h.value("open", ""), h.value("close", "")});
        }
      }
      p.counter_services = ParseList(r.Text(12));
      c.posts.push_back(std::move(p));
    }
    return c;
  }

  Result<int64_t> Version() override {
    LOKET_ASSIGN_OR_RETURN(auto tx, db_.BeginRead());
    LOKET_ASSIGN_OR_RETURN(auto rows,
                           tx->Query("SELECT version FROM catalogue_version WHERE id = 1"));
    if (rows.empty()) return Internal("catalogue_version row missing");
    return rows[0].Int(0);
  }

 private:
  storage::Database& db_;
};

}  // namespace

std::unique_ptr<CatalogueRepository> NewSqlCatalogueRepository(storage::Database& db) {
  return std::make_unique<SqlCatalogueRepository>(db);
}

}  // namespace loket::catalogue

// The catalogue's tables. Lists are stored as JSON text so both dialects
// hold them the same way; only the catalogue reads them.
#include <array>

#include "catalogue/repository.h"

namespace loket::catalogue {
namespace {

// Portable DDL: the same text serves SQLite and PostgreSQL.
constexpr const char* kInit = R"sql(
CREATE TABLE catalogue_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 0);
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  abbreviation TEXT NOT NULL,
  name_nl TEXT NOT NULL, name_en TEXT NOT NULL,
  description_nl TEXT NOT NULL, description_en TEXT NOT NULL,
  website TEXT NOT NULL
);
CREATE TABLE services (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  title_nl TEXT NOT NULL, title_en TEXT NOT NULL,
  summary_nl TEXT NOT NULL, summary_en TEXT NOT NULL,
  audience_nl TEXT NOT NULL, audience_en TEXT NOT NULL,
  needs TEXT NOT NULL,
  cost_nl TEXT NOT NULL, cost_en TEXT NOT NULL,
  duration_nl TEXT NOT NULL, duration_en TEXT NOT NULL,
  channels TEXT NOT NULL,
  how_nl TEXT NOT NULL, how_en TEXT NOT NULL,
  referral_url TEXT NOT NULL,
  referral_label_nl TEXT NOT NULL, referral_label_en TEXT NOT NULL,
  counter_service TEXT NOT NULL,
  keywords TEXT NOT NULL,
  popularity INTEGER NOT NULL,
  published INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX services_organisation ON services (organisation_id);
CREATE TABLE life_events (
  id TEXT PRIMARY KEY,
  title_nl TEXT NOT NULL, title_en TEXT NOT NULL,
  summary_nl TEXT NOT NULL, summary_en TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE TABLE life_event_steps (
  life_event_id TEXT NOT NULL REFERENCES life_events (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  service_id TEXT NOT NULL REFERENCES services (id),
  note_nl TEXT NOT NULL, note_en TEXT NOT NULL,
  PRIMARY KEY (life_event_id, position)
);
CREATE TABLE countries (
  code TEXT PRIMARY KEY,
  name_nl TEXT NOT NULL, name_en TEXT NOT NULL
);
CREATE TABLE posts (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  country_code TEXT NOT NULL REFERENCES countries (code),
  city_nl TEXT NOT NULL, city_en TEXT NOT NULL,
  name_nl TEXT NOT NULL, name_en TEXT NOT NULL,
  address TEXT NOT NULL,
  timezone TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  hours TEXT NOT NULL,
  counter_services TEXT NOT NULL
);
CREATE INDEX posts_country ON posts (country_code);
)sql";

constexpr std::array<storage::Migration, 1> kMigrations = {{
    {"catalogue", 1, "initial catalogue", kInit, kInit},
}};

}  // namespace

std::span<const storage::Migration> CatalogueMigrations() { return kMigrations; }

}  // namespace loket::catalogue

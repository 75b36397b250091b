// Storage of the catalogue. The catalogue owns its tables; other modules
// use the Catalogue service API, never these tables.
// Thread-safety: implementations are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "catalogue/model.h"
#include "core/status.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace loket::catalogue {

class CatalogueRepository {
 public:
  virtual ~CatalogueRepository() = default;

  // Makes the stored content equal to `content` in one transaction:
  // new items are inserted, changed ones updated; services no longer in
  // `content` are unpublished (their id stays reserved), other items removed.
  // Bumps the content version.
  virtual Status Store(const Content& content) = 0;
  // The whole published catalogue.
  virtual Result<Content> LoadAll() = 0;
  // Increases whenever the content changes; cheap to call.
  virtual Result<int64_t> Version() = 0;
};

std::unique_ptr<CatalogueRepository> NewSqlCatalogueRepository(storage::Database& db);
std::span<const storage::Migration> CatalogueMigrations();

}  // namespace loket::catalogue

// The catalogue service API: read access to the public content for pages,
// the API and the search indexer, and loading new content.
//
// Reads are served from an immutable in-memory snapshot of the database,
// refreshed when the stored content version changes (checked at most once
// per `refresh_interval`), so every node sees content loaded by any other.
// The database stays the source of truth.
// Thread-safety: all methods are thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalogue/model.h"
#include "catalogue/repository.h"
#include "core/status.h"
#include "core/versioned.h"

namespace loket::catalogue {

// An immutable view of the content with lookups by id.
class Snapshot {
 public:
  explicit Snapshot(Content content, int64_t version);

  const Content& content() const { return content_; }
  int64_t version() const { return version_; }
  const Service* FindService(const std::string& id) const;
  const Organisation* FindOrganisation(const std::string& id) const;
  const LifeEvent* FindLifeEvent(const std::string& id) const;
  const Country* FindCountry(const std::string& code) const;
  const Post* FindPost(const std::string& id) const;
  std::vector<const Post*> PostsIn(const std::string& country_code) const;
  // Posts that offer a counter service, e.g. "passport".
  std::vector<const Post*> PostsOffering(const std::string& counter_service) const;
  std::vector<const LifeEvent*> LifeEventsWith(const std::string& service_id) const;
  // Published services, most popular first.
  std::vector<const Service*> MostPopular(size_t n) const;

 private:
  Content content_;
  int64_t version_;
  std::unordered_map<std::string, size_t> services_, organisations_, life_events_, countries_,
      posts_;
};

class Catalogue {
 public:
  Catalogue(CatalogueRepository& repository,
            std::chrono::milliseconds refresh_interval = std::chrono::seconds(1));

  // The current content. Never null once Refresh() has succeeded.
  std::shared_ptr<const Snapshot> Current();
  // Reloads from the database if the version changed.
  Status Refresh();
  // Stores new content (see CatalogueRepository::Store) and refreshes.
  Status Replace(const Content& content);
  bool Empty();

 private:
  CatalogueRepository& repository_;
  Versioned<Snapshot> snapshot_;
};

}  // namespace loket::catalogue

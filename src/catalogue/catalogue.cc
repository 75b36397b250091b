#include "catalogue/catalogue.h"

#include <algorithm>

namespace loket::catalogue {
namespace {

template <typename T, typename Key>
std::unordered_map<std::string, size_t> IndexBy(const std::vector<T>& items, Key key) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < items.size(); ++i) index.emplace(key(items[i]), i);
  return index;
}

template <typename T>
const T* Find(const std::unordered_map<std::string, size_t>& index, const std::vector<T>& items,
              const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

}  // namespace

Snapshot::Snapshot(Content content, int64_t version)
    : content_(std::move(content)), version_(version) {
  services_ = IndexBy(content_.services, [](const Service& s) { return s.id; });
  organisations_ = IndexBy(content_.organisations, [](const Organisation& o) { return o.id; });
  life_events_ = IndexBy(content_.life_events, [](const LifeEvent& e) { return e.id; });
  countries_ = IndexBy(content_.countries, [](const Country& c) { return c.code; });
  posts_ = IndexBy(content_.posts, [](const Post& p) { return p.id; });
}

const Service* Snapshot::FindService(const std::string& id) const {
  const Service* s = Find(services_, content_.services, id);
  return s && s->published ? s : nullptr;
}
const Organisation* Snapshot::FindOrganisation(const std::string& id) const {
  return Find(organisations_, content_.organisations, id);
}
const LifeEvent* Snapshot::FindLifeEvent(const std::string& id) const {
  return Find(life_events_, content_.life_events, id);
}
const Country* Snapshot::FindCountry(const std::string& code) const {
  return Find(countries_, content_.countries, code);
}
const Post* Snapshot::FindPost(const std::string& id) const {
  return Find(posts_, content_.posts, id);
}

std::vector<const Post*> Snapshot::PostsIn(const std::string& country_code) const {
  std::vector<const Post*> out;
  for (const Post& p : content_.posts) {
    if (p.country_code == country_code) out.push_back(&p);
  }
  return out;
}

std::vector<const Post*> Snapshot::PostsOffering(const std::string& counter_service) const {
  std::vector<const Post*> out;
  for (const Post& p : content_.posts) {
    if (std::find(p.counter_services.begin(), p.counter_services.end(), counter_service) !=
        p.counter_services.end()) {
      out.push_back(&p);
    }
  }
  return out;
}

std::vector<const LifeEvent*> Snapshot::LifeEventsWith(const std::string& service_id) const {
  std::vector<const LifeEvent*> out;
  for (const LifeEvent& e : content_.life_events) {
    for (const LifeEventStep& step : e.steps) {
      if (step.service_id == service_id) {
        out.push_back(&e);
        break;
      }
    }
  }
  return out;
}

std::vector<const Service*> Snapshot::MostPopular(size_t n) const {
  std::vector<const Service*> out;
  for (const Service& s : content_.services) {
    if (s.published) out.push_back(&s);
  }
  std::stable_sort(out.begin(), out.end(), [](const Service* a, const Service* b) {
    return a->popularity > b->popularity;
  });
  if (out.size() > n) out.resize(n);
  return out;
}

Catalogue::Catalogue(CatalogueRepository& repository, std::chrono::milliseconds refresh_interval)
    : repository_(repository),
      snapshot_([this] { return repository_.Version(); },
                [this](int64_t version) -> Result<std::shared_ptr<const Snapshot>> {
                  LOKET_ASSIGN_OR_RETURN(Content content, repository_.LoadAll());
                  return std::make_shared<const Snapshot>(std::move(content), version);
                },
                refresh_interval) {}

std::shared_ptr<const Snapshot> Catalogue::Current() { return snapshot_.Current(); }

Status Catalogue::Refresh() { return snapshot_.Refresh(); }

Status Catalogue::Replace(const Content& content) {
  LOKET_RETURN_IF_ERROR(repository_.Store(content));
  return Refresh();
}

bool Catalogue::Empty() {
  auto snapshot = Current();
  return !snapshot || snapshot->content().services.empty();
}

}  // namespace loket::catalogue

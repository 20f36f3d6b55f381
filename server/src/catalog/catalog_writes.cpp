#include "catalog/catalog_writes.hpp"

#include "catalog/catalog_store.hpp"

namespace kinora::catalog::writes {

namespace store = catalog_store;

std::int64_t insert_genre(connection& c, const std::string& slug, const std::string& name) {
  return store::insert_genre(c, slug, name);
}

void ensure_genre(connection& c, const std::string& slug, const std::string& name) {
  if (!store::unknown_genres(c, {slug}).empty()) store::insert_genre(c, slug, name);
}

std::int64_t insert_title(connection& c, const title& t) {
  return store::insert_title(c, t);
}

std::int64_t insert_season(connection& c, const season& s) {
  return store::insert_season(c, s);
}

std::int64_t insert_episode(connection& c, const episode& e) {
  return store::insert_episode(c, e);
}

}  // namespace kinora::catalog::writes

#pragma once
#include <functional>

#include "catalog/title.hpp"
#include "catalog/title_status.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/viewer.hpp"
#include "storage/database.hpp"

namespace kinora::catalog {

class catalog_service {
 public:
  catalog_service(storage::database& db, const clock& clk) : db_(db), clock_(clk) {}

  // What a profile may see (auth/entitlement.hpp) bounds every read below.
  page<title> list(const auth::viewer& v, const title_query& q);
  result<page<title>> search(const auth::viewer& v, const std::string& query, std::int64_t limit,
                             std::int64_t offset);
  result<title> get(const auth::viewer& v, std::int64_t id);
  std::vector<title> featured(const auth::viewer& v, std::int64_t limit);
  std::vector<genre> genres(const auth::viewer& v);

  // Admin: everything, regardless of the admin's own profile.
  // With each title's media and embedding status.
  page<admin_title> admin_list(const title_query& q);
  result<title> admin_get(std::int64_t id);
  result<title> create_title(const title_input& in);
  result<title> update_title(std::int64_t id, const title_input& in);
  status delete_title(std::int64_t id);
  result<season> create_season(std::int64_t title_id, const season_input& in);
  result<season> update_season(std::int64_t id, const season_input& in);
  status delete_season(std::int64_t id);
  result<episode> create_episode(std::int64_t season_id, const episode_input& in);
  result<episode> update_episode(std::int64_t id, const episode_input& in);
  status delete_episode(std::int64_t id);

  // Titles near a query by meaning, best first, among those the viewer may see. When
  // set, search fuses it with the full-text ranking (reciprocal rank fusion).
  using semantic_search = std::function<std::vector<std::int64_t>(
      const std::string& query, const auth::viewer& v, std::size_t k)>;
  void use_semantic_search(semantic_search s) { semantic_ = std::move(s); }

  // The loaded embedding model's id ("" without one): an embedding from another is stale.
  void use_embedding_model(std::function<std::string()> model) {
    embedding_model_ = std::move(model);
  }

  // Whether the first run's demo clips are still being packaged: titles without media
  // read "preparing" rather than "none" until then.
  void use_demo_packaging(std::function<bool()> packaging) {
    demo_packaging_ = std::move(packaging);
  }

  // Called after a title is created, changed or deleted (the recommender re-embeds it).
  void on_title_changed(std::function<void(std::int64_t)> listener) {
    on_title_changed_ = std::move(listener);
  }

 private:
  result<title> insert_title(const title_input& in);
  result<title> change_title(std::int64_t id, const title_input& in);
  void notify(std::int64_t title_id);

  storage::database& db_;
  const clock& clock_;
  std::function<void(std::int64_t)> on_title_changed_;
  semantic_search semantic_;
  std::function<std::string()> embedding_model_;
  std::function<bool()> demo_packaging_;
};

}  // namespace kinora::catalog

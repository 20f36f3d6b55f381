#include "viewing/viewing_service.hpp"

#include <map>

#include "auth/entitlement.hpp"
#include "catalog/catalog_reads.hpp"
#include "viewing/viewing_store.hpp"

namespace kinora::viewing {

namespace store = viewing_store;
namespace cat = catalog::reads;

std::string_view to_string(rating r) {
  switch (r) {
    case rating::down:
      return "down";
    case rating::up:
      return "up";
    case rating::love:
      return "love";
  }
  return "up";
}

std::optional<rating> parse_rating(std::string_view s) {
  for (auto r : {rating::down, rating::up, rating::love})
    if (to_string(r) == s) return r;
  return std::nullopt;
}

namespace {

// Titles by id, keeping only what the profile may see.
std::map<std::int64_t, catalog::title> visible_by_id(storage::connection& c, const auth::viewer& v,
                                                     const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, catalog::title> out;
  for (auto& t : cat::find_many(c, auth::filter_for(v), ids)) out.emplace(t.id, std::move(t));
  return out;
}

std::optional<catalog::episode_ref> episode_of(storage::connection& c, const bookmark& b) {
  return b.episode_id ? cat::find_episode(c, *b.episode_id) : std::nullopt;
}

}  // namespace

result<catalog::title> viewing_service::visible_title(storage::connection& c, const auth::viewer& v,
                                                      std::int64_t title_id) {
  auto found = cat::find_many(c, auth::filter_for(v), {title_id});
  if (found.empty())
    return fail(errc::not_found, "Title " + std::to_string(title_id) + " does not exist.");
  return std::move(found.front());
}

result<history_item> viewing_service::save_position(const auth::viewer& v, std::int64_t title_id,
                                                    std::optional<std::int64_t> episode_id,
                                                    int position,
                                                    std::optional<int> media_duration) {
  auto c = db_.acquire();
  KINORA_TRY(t, visible_title(*c, v, title_id));
  int duration = t.runtime_minutes * 60;
  if (t.kind == catalog::title_kind::series) {
    if (!episode_id) return invalid_field("episode_id", "is required for a series");
    const auto ep = cat::find_episode(*c, *episode_id);
    if (!ep || ep->title_id != title_id)
      return invalid_field("episode_id", "is not an episode of title " + std::to_string(title_id));
    duration = ep->runtime_minutes * 60;
  } else if (episode_id) {
    return invalid_field("episode_id", "must be absent for a movie");
  }
  if (media_duration) duration = *media_duration;
  if (position > duration)
    return invalid_field("position_seconds",
                         "must not exceed the running time (" + std::to_string(duration) + " s)");

  bookmark b;
  b.title_id = title_id;
  b.episode_id = episode_id;
  b.position_seconds = position;
  b.duration_seconds = duration;
  b.completed = at_end(position, duration);
  b.watched_seconds = position;
  b.updated_at = clock_.now_unix();
  store::upsert_bookmark(*c, v.profile_id, b);
  const auto saved = *store::find_bookmark(*c, v.profile_id, title_id, episode_id);
  return history_item{std::move(t), episode_of(*c, saved), saved};
}

result<history_item> viewing_service::resume_point(const auth::viewer& v, std::int64_t title_id) {
  auto c = db_.acquire();
  KINORA_TRY(t, visible_title(*c, v, title_id));
  if (const auto b = store::latest_for_title(*c, v.profile_id, title_id))
    return history_item{std::move(t), episode_of(*c, *b), *b};
  return fail(errc::not_found,
              "This profile has not watched title " + std::to_string(title_id) + " yet.",
              "no-bookmark");
}

std::vector<continue_item> viewing_service::continue_watching(const auth::viewer& v,
                                                              std::int64_t limit) {
  auto c = db_.acquire();
  // A series whose last episode is finished falls out below, so read a few more than asked.
  const auto marks = store::in_progress(*c, v.profile_id, auth::filter_for(v), limit + 20);
  std::vector<std::int64_t> ids;
  ids.reserve(marks.size());
  for (const auto& b : marks) ids.push_back(b.title_id);
  auto titles = visible_by_id(*c, v, ids);

  std::vector<continue_item> out;
  for (const auto& b : marks) {
    if (static_cast<std::int64_t>(out.size()) >= limit) break;
    const auto t = titles.find(b.title_id);
    if (t == titles.end()) continue;
    continue_item item{t->second, episode_of(*c, b), b.position_seconds, b.duration_seconds,
                       false,     b.updated_at};
    if (at_end(b.position_seconds, b.duration_seconds)) {
      // At the end of an episode: offer the next one, if there is one.
      if (!item.episode) continue;
      auto next =
          cat::next_episode(*c, b.title_id, item.episode->season_number, item.episode->number);
      if (!next) continue;
      item.episode = next;
      item.position_seconds = 0;
      item.duration_seconds = next->runtime_minutes * 60;
      item.up_next = true;
    }
    out.push_back(std::move(item));
  }
  return out;
}

status viewing_service::dismiss(const auth::viewer& v, std::int64_t title_id) {
  auto c = db_.acquire();
  KINORA_TRY(t, visible_title(*c, v, title_id));
  if (!store::dismiss(*c, v.profile_id, t.id))
    return fail(errc::not_found,
                "Title " + std::to_string(title_id) + " has no progress to dismiss.");
  return ok();
}

catalog::page<history_item> viewing_service::history(const auth::viewer& v, std::int64_t limit,
                                                     std::int64_t offset) {
  auto c = db_.acquire();
  catalog::page<history_item> out;
  out.limit = limit;
  out.offset = offset;
  const auto filter = auth::filter_for(v);
  out.total = store::history_size(*c, v.profile_id, filter);
  const auto marks = store::history(*c, v.profile_id, filter, limit, offset);
  std::vector<std::int64_t> ids;
  ids.reserve(marks.size());
  for (const auto& b : marks) ids.push_back(b.title_id);
  const auto titles = visible_by_id(*c, v, ids);
  for (const auto& b : marks) {
    const auto t = titles.find(b.title_id);
    if (t != titles.end()) out.items.push_back({t->second, episode_of(*c, b), b});
  }
  return out;
}

status viewing_service::rate(const auth::viewer& v, std::int64_t title_id, rating r) {
  auto c = db_.acquire();
  KINORA_TRY(t, visible_title(*c, v, title_id));
  store::put_rating(*c, v.profile_id, t.id, r, clock_.now_unix());
  return ok();
}

status viewing_service::unrate(const auth::viewer& v, std::int64_t title_id) {
  auto c = db_.acquire();
  KINORA_TRY(t, visible_title(*c, v, title_id));
  if (!store::delete_rating(*c, v.profile_id, t.id))
    return fail(errc::not_found,
                "This profile has not rated title " + std::to_string(title_id) + ".");
  return ok();
}

std::vector<rating_item> viewing_service::ratings(const auth::viewer& v) {
  auto c = db_.acquire();
  const auto rows = store::ratings(*c, v.profile_id);
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& [id, r, at] : rows) ids.push_back(id);
  const auto titles = visible_by_id(*c, v, ids);
  std::vector<rating_item> out;
  for (const auto& [id, r, at] : rows)
    if (auto t = titles.find(id); t != titles.end()) out.push_back({t->second, r, at});
  return out;
}

result<bool> viewing_service::add_to_watchlist(const auth::viewer& v, std::int64_t title_id) {
  auto c = db_.acquire();
  KINORA_TRY(t, visible_title(*c, v, title_id));
  return store::add_to_watchlist(*c, v.profile_id, t.id, clock_.now_unix());
}

status viewing_service::remove_from_watchlist(const auth::viewer& v, std::int64_t title_id) {
  auto c = db_.acquire();
  KINORA_TRY(t, visible_title(*c, v, title_id));
  if (!store::remove_from_watchlist(*c, v.profile_id, t.id))
    return fail(errc::not_found, "Title " + std::to_string(title_id) + " is not on the watchlist.");
  return ok();
}

std::vector<watchlist_item> viewing_service::watchlist(const auth::viewer& v) {
  auto c = db_.acquire();
  const auto rows = store::watchlist(*c, v.profile_id);
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& [id, at] : rows) ids.push_back(id);
  const auto titles = visible_by_id(*c, v, ids);
  std::vector<watchlist_item> out;
  for (const auto& [id, at] : rows)
    if (auto t = titles.find(id); t != titles.end()) out.push_back({t->second, at});
  return out;
}

}  // namespace kinora::viewing

#include "epg/epg_service.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <unordered_map>

#include "auth/entitlement.hpp"
#include "epg/epg_store.hpp"

namespace kinora::epg {

namespace store = epg_store;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t week = 7 * day;

error not_found(std::int64_t channel_id) {
  return fail(errc::not_found, "Channel " + std::to_string(channel_id) + " does not exist.");
}

// Well-formed times that make no window: 422, naming the parameter.
error bad_window(std::string name, std::string message) {
  error e = fail(errc::validation, "Query parameter '" + name + "' " + message + ".");
  e.fields.push_back({std::move(name), std::move(message)});
  return e;
}

channel_query every(favorites_mode mode) {
  channel_query q;
  q.favorites = mode;
  q.limit = std::numeric_limits<std::int64_t>::max();
  return q;
}

std::vector<std::int64_t> ids_of(const std::vector<channel>& channels) {
  std::vector<std::int64_t> ids;
  ids.reserve(channels.size());
  for (const auto& ch : channels) ids.push_back(ch.id);
  return ids;
}

// The favorites the profile sees, in its order, with their 0-based place in that list.
std::vector<favorite> visible_favorites(storage::connection& c, const auth::viewer& v) {
  const auto channels =
      store::list_channels(c, v.profile_id, auth::filter_for(v), every(favorites_mode::only));
  std::unordered_map<std::int64_t, std::int64_t> added;
  for (const auto& f : store::favorites(c, v.profile_id)) added[f.channel_id] = f.added_at;
  std::vector<favorite> out;
  out.reserve(channels.size());
  for (const auto& ch : channels)
    out.push_back({ch, static_cast<std::int64_t>(out.size()), added[ch.id]});
  return out;
}

std::string group_name(const std::string& category) {
  std::string name = category;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

}  // namespace

result<time_window> epg_service::window(const window_request& r) const {
  time_window w;
  const auto now = clock_.now_unix();
  w.from = r.from.value_or(now - (now % 3600 + 3600) % 3600);
  w.to = r.to.value_or(w.from + default_window_seconds);
  if (w.to <= w.from) return bad_window("to", "must be after 'from'");
  if (w.to - w.from > max_window_seconds)
    return bad_window("to", "must be at most 7 days after 'from'");
  return w;
}

channel_page<channel> epg_service::channels(const auth::viewer& v, const channel_query& q) {
  auto c = db_.acquire();
  const auto filter = auth::filter_for(v);
  channel_page<channel> out;
  out.limit = q.limit;
  out.offset = q.offset;
  out.total = store::count_channels(*c, v.profile_id, filter, q);
  out.items = store::list_channels(*c, v.profile_id, filter, q);
  return out;
}

result<channel> epg_service::find_channel(const auth::viewer& v, std::int64_t channel_id) {
  auto c = db_.acquire();
  auto ch = store::find_channel(*c, v.profile_id, auth::filter_for(v), channel_id);
  if (!ch) return not_found(channel_id);
  return std::move(*ch);
}

result<channel> epg_service::any_channel(std::int64_t channel_id) {
  auto c = db_.acquire();
  auto ch = store::find_any_channel(*c, channel_id);
  if (!ch) return not_found(channel_id);
  return std::move(*ch);
}

std::vector<channel_group> epg_service::groups(const auth::viewer& v) {
  auto c = db_.acquire();
  std::vector<channel_group> out;
  const auto favorites = visible_favorites(*c, v);
  if (!favorites.empty()) {
    channel_group g{"favorites", "Favorites", "favorites", {}};
    for (const auto& f : favorites) g.channel_ids.push_back(f.ch.id);
    out.push_back(std::move(g));
  }
  std::map<std::string, std::size_t> index;  // category -> its group in `out`
  for (const auto& ch :
       store::list_channels(*c, v.profile_id, auth::filter_for(v), every(favorites_mode::all))) {
    auto [it, added] = index.emplace(ch.category, out.size());
    if (added) out.push_back({ch.category, group_name(ch.category), "category", {}});
    out[it->second].channel_ids.push_back(ch.id);
  }
  return out;
}

std::vector<favorite> epg_service::favorites(const auth::viewer& v) {
  auto c = db_.acquire();
  return visible_favorites(*c, v);
}

result<std::vector<favorite>> epg_service::put_favorite(const auth::viewer& v,
                                                        std::int64_t channel_id,
                                                        std::optional<std::int64_t> position) {
  return db_.transact([&](storage::connection& c) -> result<std::vector<favorite>> {
    if (!store::find_channel(c, v.profile_id, auth::filter_for(v), channel_id))
      return not_found(channel_id);
    store::add_favorite(c, v.profile_id, channel_id, clock_.now_unix());
    if (position) {
      // Reorder the whole list (hidden favorites keep their places among the rest):
      // take the channel out, put it before the visible favorite now at `position`.
      const auto stored = store::favorites(c, v.profile_id);
      std::vector<std::int64_t> order;
      for (const auto& f : stored)
        if (f.channel_id != channel_id) order.push_back(f.channel_id);
      std::vector<std::int64_t> others;
      for (const auto& f : visible_favorites(c, v))
        if (f.ch.id != channel_id) others.push_back(f.ch.id);
      auto at = order.end();
      if (*position < static_cast<std::int64_t>(others.size()))
        at = std::find(order.begin(), order.end(), others[static_cast<std::size_t>(*position)]);
      order.insert(at, channel_id);
      std::unordered_map<std::int64_t, std::int64_t> current;
      for (const auto& f : stored) current[f.channel_id] = f.position;
      for (std::size_t i = 0; i < order.size(); ++i)
        if (current[order[i]] != static_cast<std::int64_t>(i))
          store::set_position(c, v.profile_id, order[i], static_cast<std::int64_t>(i));
    }
    return visible_favorites(c, v);
  });
}

status epg_service::remove_favorite(const auth::viewer& v, std::int64_t channel_id) {
  auto c = db_.acquire();
  if (!store::find_channel(*c, v.profile_id, auth::filter_for(v), channel_id))
    return not_found(channel_id);
  store::remove_favorite(*c, v.profile_id, channel_id);
  return ok();
}

result<schedule> epg_service::channel_schedule(const auth::viewer& v, std::int64_t channel_id,
                                               const window_request& wr) {
  KINORA_TRY(w, window(wr));
  auto c = db_.acquire();
  auto ch = store::find_channel(*c, v.profile_id, auth::filter_for(v), channel_id);
  if (!ch) return not_found(channel_id);
  return schedule{std::move(*ch), w, store::programmes_in(*c, {channel_id}, w)};
}

result<grid> epg_service::channel_grid(const auth::viewer& v, const window_request& wr,
                                       const channel_query& q) {
  KINORA_TRY(w, window(wr));
  auto page = channels(v, q);
  grid out;
  out.window = w;
  out.page.total = page.total;
  out.page.limit = page.limit;
  out.page.offset = page.offset;
  std::vector<programme> programmes;
  {
    auto c = db_.acquire();
    programmes = store::programmes_in(*c, ids_of(page.items), w);
  }
  std::unordered_map<std::int64_t, std::size_t> row_of;
  for (auto& ch : page.items) {
    row_of.emplace(ch.id, out.page.items.size());
    out.page.items.push_back({std::move(ch), {}});
  }
  for (auto& p : programmes)
    if (auto it = row_of.find(p.channel_id); it != row_of.end())
      out.page.items[it->second].programmes.push_back(std::move(p));
  return out;
}

now_playing epg_service::on_now(const auth::viewer& v, const channel_query& q) {
  now_playing out;
  out.at = clock_.now_unix();
  auto page = channels(v, q);
  out.page.total = page.total;
  out.page.limit = page.limit;
  out.page.offset = page.offset;
  std::vector<programme> programmes;
  {
    auto c = db_.acquire();
    programmes = store::around(*c, ids_of(page.items), out.at);
  }
  std::unordered_map<std::int64_t, std::size_t> row_of;
  for (auto& ch : page.items) {
    row_of.emplace(ch.id, out.page.items.size());
    out.page.items.push_back({std::move(ch), std::nullopt, std::nullopt});
  }
  for (auto& p : programmes) {
    const auto it = row_of.find(p.channel_id);
    if (it == row_of.end()) continue;
    auto& row = out.page.items[it->second];
    if (p.start_at > out.at)
      row.next = std::move(p);
    else if (p.end_at > out.at)
      row.now = std::move(p);
  }
  return out;
}

std::int64_t epg_service::roll_forward(sys_seconds now) {
  const std::int64_t at = now.time_since_epoch().count();
  const std::int64_t target = at + week;
  std::vector<std::int64_t> ids;
  {
    auto c = db_.acquire();
    ids = store::channel_ids_by_slug(*c, rolling_slugs_);
  }
  std::int64_t added = 0;
  for (const auto id : ids) {
    added += db_.transact([&](storage::connection& c) -> std::int64_t {
      store::lock_channel(c, id);
      const auto end = store::schedule_end(c, id);
      // Only a schedule with a whole week to repeat (one that starts a week before its
      // end) rolls: copies then start exactly where it ends.
      if (!end || *end >= target || !store::programme_starts_at(c, id, *end - week)) return 0;
      std::int64_t copied = 0, until = *end;
      // Days missed while the server was off for more than a week stay empty.
      if (const auto weeks = (at - until) / week; weeks >= 1) {
        copied += store::copy_programmes(c, id, until - week, until, weeks * week);
        until += weeks * week;
      }
      while (until < target) {
        const auto n = store::copy_programmes(c, id, until - week, until - week + day, week);
        if (n == 0) break;
        copied += n;
        until = *store::schedule_end(c, id);
      }
      return copied;
    });
  }
  return added;
}

void epg_service::start_rolling(std::chrono::seconds every, logger& log) {
  roller_.start(every, periodic_task::first_run::after_interval, [this, &log] {
    try {
      if (const auto added = roll_forward(clock_.now()))
        log.info("guide rolled forward", {{"programmes", added}});
    } catch (const std::exception& e) {
      log.error("guide roll-forward failed", {{"error", e.what()}});
    }
  });
}

void epg_service::stop() {
  roller_.stop();
}

}  // namespace kinora::epg

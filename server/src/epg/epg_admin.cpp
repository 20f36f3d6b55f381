#include "epg/epg_admin.hpp"

#include "epg/epg_store.hpp"

#include <algorithm>
#include <cctype>

#include "auth/entitlement.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace kinora::epg {

namespace {

using storage::connection;

constexpr const char* channel_select =
    "SELECT id, number, slug, name, category, description, tier, maturity, xmltv_id, icon_url "
    "FROM channels";
constexpr const char* programme_select =
    "SELECT id, channel_id, start_at, end_at, title, subtitle, description, category, season, "
    "episode, rating, title_id FROM programmes";

admin_channel read_channel(const storage::row& r) {
  admin_channel a;
  a.ch = epg_store::read_channel_core(r);
  a.xmltv_id = r.opt_text(8);
  a.icon_url = r.opt_text(9);
  return a;
}

using epg_store::read_programme;

std::optional<admin_channel> find_channel(connection& c, std::int64_t id) {
  const auto rs = c.query(std::string(channel_select) + " WHERE id = $1", {id});
  if (rs.empty()) return std::nullopt;
  return read_channel(rs.front());
}

std::optional<programme> find_programme(connection& c, std::int64_t id) {
  const auto rs = c.query(std::string(programme_select) + " WHERE id = $1", {id});
  if (rs.empty()) return std::nullopt;
  return read_programme(rs.front());
}

error channel_not_found(std::int64_t id) {
  return fail(errc::not_found, "Channel " + std::to_string(id) + " does not exist.");
}

error programme_not_found(std::int64_t id) {
  return fail(errc::not_found, "Programme " + std::to_string(id) + " does not exist.");
}

error duplicate(const std::string& field, const std::string& what) {
  error e = fail(errc::conflict, "Another channel has this " + what + ".", "duplicate");
  e.fields.push_back({field, "is taken by another channel"});
  return e;
}

std::string slug_of(const std::string& name) {
  const auto slug = text::slugify(name);
  return slug.empty() ? "channel" : slug;
}

// The uniqueness rules of a channel, checked before writing so the answer names them.
std::optional<error> taken(connection& c, std::int64_t self, const admin_channel& a) {
  if (!c.query("SELECT 1 FROM channels WHERE number = $1 AND id <> $2", {a.ch.number, self})
           .empty())
    return duplicate("number", "number");
  if (!c.query("SELECT 1 FROM channels WHERE slug = $1 AND id <> $2", {a.ch.slug, self}).empty())
    return duplicate("slug", "slug");
  if (a.xmltv_id &&
      !c.query("SELECT 1 FROM channels WHERE xmltv_id = $1 AND id <> $2", {*a.xmltv_id, self})
           .empty())
    return duplicate("xmltv_id", "XMLTV id");
  return std::nullopt;
}

void apply(admin_channel& a, const channel_fields& f) {
  if (f.number) a.ch.number = *f.number;
  if (f.name) a.ch.name = *f.name;
  if (f.slug) a.ch.slug = *f.slug;
  if (f.category) a.ch.category = *f.category;
  if (f.description) a.ch.description = *f.description;
  if (f.tier) a.ch.tier = *f.tier;
  if (f.maturity) a.ch.maturity = *f.maturity;
  if (f.xmltv_id) a.xmltv_id = *f.xmltv_id;
}

void apply(programme& p, const programme_fields& f) {
  if (f.channel_id) p.channel_id = *f.channel_id;
  if (f.start_at) p.start_at = *f.start_at;
  if (f.end_at) p.end_at = *f.end_at;
  if (f.title) p.title = *f.title;
  if (f.subtitle) p.subtitle = *f.subtitle;
  if (f.description) p.description = *f.description;
  if (f.category) p.category = *f.category;
  if (f.season) p.season = *f.season;
  if (f.episode) p.episode = *f.episode;
  if (f.rating) p.rating = std::string(auth::to_string(*f.rating));
  if (f.title_id) p.title_id = *f.title_id;
}

// A programme's own rules and the schedule's: 422, 404 or 409, or nothing.
std::optional<error> check(connection& c, const programme& p) {
  if (p.end_at <= p.start_at) return invalid_field("stop", "must be after 'start'");
  if (!find_channel(c, p.channel_id)) return channel_not_found(p.channel_id);
  if (p.title_id && c.query("SELECT 1 FROM titles WHERE id = $1", {*p.title_id}).empty())
    return invalid_field("title_id", "names no title");
  const auto rs = c.query(std::string(programme_select) +
                              " WHERE channel_id = $1 AND start_at < $2 AND end_at > $3 AND id <> "
                              "$4 ORDER BY start_at LIMIT 1",
                          {p.channel_id, p.end_at, p.start_at, p.id});
  if (!rs.empty()) return overlap_error(read_programme(rs.front()));
  return std::nullopt;
}

programme defaults() {
  programme p;
  p.rating = "all";
  return p;
}

}  // namespace

error overlap_error(const programme& other) {
  error e = fail(errc::conflict,
                 "The programme overlaps programme " + std::to_string(other.id) + " '" +
                     other.title + "' (" + format_rfc3339(other.start_at) + " to " +
                     format_rfc3339(other.end_at) + ") on the same channel.",
                 "schedule-conflict");
  e.extensions.push_back({"conflicting_programme_id", static_cast<long long>(other.id)});
  e.extensions.push_back({"conflicting_title", other.title});
  e.extensions.push_back({"conflicting_start", format_rfc3339(other.start_at)});
  e.extensions.push_back({"conflicting_stop", format_rfc3339(other.end_at)});
  return e;
}

channel_page<admin_channel> epg_admin::channels(std::int64_t limit, std::int64_t offset) {
  auto c = db_.acquire();
  channel_page<admin_channel> out;
  out.limit = limit;
  out.offset = offset;
  out.total = c->query("SELECT COUNT(*) FROM channels").front().i64(0);
  for (const auto& r : c->query(std::string(channel_select) + " ORDER BY number LIMIT $1 OFFSET $2",
                                {limit, offset}))
    out.items.push_back(read_channel(r));
  return out;
}

result<admin_channel> epg_admin::channel_by_id(std::int64_t id) {
  auto c = db_.acquire();
  auto a = find_channel(*c, id);
  if (!a) return channel_not_found(id);
  return std::move(*a);
}

result<admin_channel> epg_admin::create_channel(const channel_fields& f) {
  return db_.transact([&](connection& c) -> result<admin_channel> {
    admin_channel a;
    apply(a, f);
    if (!f.slug) a.ch.slug = slug_of(a.ch.name);
    if (auto e = taken(c, 0, a)) return std::move(*e);
    const auto id = epg_store::insert_channel(c, a.ch, a.xmltv_id, std::nullopt);
    return *find_channel(c, id);
  });
}

result<admin_channel> epg_admin::update_channel(std::int64_t id, const channel_fields& f) {
  return db_.transact([&](connection& c) -> result<admin_channel> {
    auto a = find_channel(c, id);
    if (!a) return channel_not_found(id);
    apply(*a, f);
    if (auto e = taken(c, id, *a)) return std::move(*e);
    epg_store::update_channel(c, a->ch, a->xmltv_id);
    return *find_channel(c, id);
  });
}

status epg_admin::delete_channel(std::int64_t id) {
  auto c = db_.acquire();
  if (!epg_store::delete_channel(*c, id)) return channel_not_found(id);
  return ok();
}

result<programme> epg_admin::programme_by_id(std::int64_t id) {
  auto c = db_.acquire();
  auto p = find_programme(*c, id);
  if (!p) return programme_not_found(id);
  return std::move(*p);
}

result<programme> epg_admin::create_programme(const programme_fields& f) {
  return db_.transact([&](connection& c) -> result<programme> {
    auto p = defaults();
    apply(p, f);
    if (auto e = check(c, p)) return std::move(*e);
    const auto id = epg_store::insert_programme(c, p);
    return *find_programme(c, id);
  });
}

result<programme> epg_admin::update_programme(std::int64_t id, const programme_fields& f) {
  return db_.transact([&](connection& c) -> result<programme> {
    auto p = find_programme(c, id);
    if (!p) return programme_not_found(id);
    apply(*p, f);
    if (auto e = check(c, *p)) return std::move(*e);
    epg_store::update_programme(c, *p);
    return *find_programme(c, id);
  });
}

status epg_admin::delete_programme(std::int64_t id) {
  auto c = db_.acquire();
  if (!epg_store::delete_programme(*c, id)) return programme_not_found(id);
  return ok();
}

result<day_schedule> epg_admin::replace_day(std::int64_t channel_id, std::int64_t day,
                                            std::vector<programme_fields> items) {
  return db_.transact([&](connection& c) -> result<day_schedule> {
    if (!find_channel(c, channel_id)) return channel_not_found(channel_id);
    epg_store::delete_programmes_starting_in(c, channel_id, {day, day + 86400});
    day_schedule out{channel_id, day, {}};
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto p = defaults();
      apply(p, items[i]);
      p.channel_id = channel_id;
      const std::string at = "items[" + std::to_string(i) + "]";
      if (p.start_at < day || p.start_at >= day + 86400)
        return invalid_field(at + ".start", "must be on the day being replaced");
      if (auto e = check(c, p)) {
        for (auto& fe : e->fields) fe.field = at + "." + fe.field;
        return std::move(*e);
      }
      const auto id = epg_store::insert_programme(c, p);
      out.programmes.push_back(*find_programme(c, id));
    }
    std::sort(out.programmes.begin(), out.programmes.end(),
              [](const auto& a, const auto& b) { return a.start_at < b.start_at; });
    return out;
  });
}

}  // namespace kinora::epg

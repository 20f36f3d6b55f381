#include "playback/playback_service.hpp"

#include <sodium.h>

#include <algorithm>

#include "auth/entitlement.hpp"
#include "catalog/catalog_reads.hpp"
#include "epg/epg_store.hpp"
#include "playback/play_log.hpp"

namespace kinora::playback {

namespace cat = catalog::reads;

namespace {

std::string new_session_id(random_source& random) {
  const auto bytes = random.bytes(16);
  char out[32];
  sodium_bin2base64(out, sizeof out, reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

error forbidden(std::string detail, std::string kind) {
  return fail(errc::forbidden, std::move(detail), std::move(kind));
}

// Playback says why, so the app can offer an upgrade or explain the profile's ceiling.
status entitled(const auth::viewer& v, std::string_view what, auth::tier tier,
                auth::maturity maturity) {
  const std::string required(auth::to_string(tier));
  const std::string rating(auth::to_string(maturity));
  if (!auth::tier_includes(v, tier)) {
    auto e = forbidden("This " + std::string(what) + " needs the " + required +
                           " plan; the account has " + std::string(auth::to_string(v.tier)) + ".",
                       "tier-required");
    e.extensions = {{"required_tier", required}};
    return e;
  }
  if (!auth::within_ceiling(v, maturity)) {
    auto e =
        forbidden("This " + std::string(what) + " is rated " + rating + ", above this profile's " +
                      std::string(auth::to_string(v.ceiling)) + " limit.",
                  "maturity-restricted");
    e.extensions = {{"rating", rating}};
    return e;
  }
  return ok();
}

}  // namespace

playback_service::playback_service(storage::database& db, viewing::viewing_service& viewing,
                                   const media::url_signer& signer, session_store& sessions,
                                   live::live_service& live, const clock& clk,
                                   random_source& random, playback_settings settings)
    : db_(db),
      viewing_(viewing),
      signer_(signer),
      sessions_(sessions),
      live_(live),
      clock_(clk),
      random_(random),
      settings_(std::move(settings)) {}

result<playback_service::target> playback_service::find_target(
    std::int64_t title_id, std::optional<std::int64_t> episode_id) {
  auto c = db_.acquire();
  auto title = cat::find(*c, catalog::everything, title_id);
  if (!title) return fail(errc::not_found, "No title with id " + std::to_string(title_id) + ".");
  target out{std::move(*title), std::nullopt};
  if (out.title.kind == catalog::title_kind::series) {
    if (episode_id) {
      out.episode = cat::find_episode(*c, *episode_id);
      if (!out.episode || out.episode->title_id != title_id)
        return fail(errc::not_found, "Title " + std::to_string(title_id) + " has no episode " +
                                         std::to_string(*episode_id) + ".");
    }
  } else if (episode_id) {
    return invalid_field("episode_id", "must be absent for a movie");
  }
  return out;
}

result<started_session> playback_service::start(const auth::viewer& v, std::int64_t title_id,
                                                std::optional<std::int64_t> episode_id) {
  KINORA_TRY(found, find_target(title_id, episode_id));
  const auto* title = &found.title;
  auto& episode = found.episode;
  if (auto st = entitled(v, "title", title->tier, title->maturity); !st) return st.err();

  // A series without an episode resumes where the profile left off, else starts at S1E1.
  int resume = 0;
  if (auto mark = viewing_.resume_point(v, title_id)) {
    const auto& last = mark->episode;
    if (!episode_id && last) {
      if (!mark->mark.completed) {
        episode = cat::find_episode(*db_.acquire(), last->id);
        resume = mark->mark.position_seconds;
      } else {
        episode = cat::next_episode(*db_.acquire(), title_id, last->season_number, last->number);
      }
    } else if (!mark->mark.completed && (!episode_id || (last && last->id == *episode_id))) {
      resume = mark->mark.position_seconds;
    }
  }
  if (title->kind == catalog::title_kind::series && !episode) {
    episode = cat::next_episode(*db_.acquire(), title_id, 0, 0);
    if (!episode)
      return fail(errc::conflict, "This series has no episodes to play yet.", "no-media");
  }
  const std::int64_t episode_key = episode ? episode->id : 0;
  const auto asset = media::asset_store::for_title(*db_.acquire(), title_id, episode_key);
  if (!asset) return fail(errc::conflict, "This title has no packaged media yet.", "no-media");

  playback_session s;
  s.title_id = title_id;
  s.episode_id = episode_key;
  s.asset_id = asset->id;
  s.duration_seconds = asset->duration_seconds;
  s.position_seconds = std::min(resume, asset->duration_seconds);
  return admit(v, std::move(s), "/media/");
}

result<started_session> playback_service::start_preview(const auth::viewer& admin,
                                                        std::int64_t title_id,
                                                        std::optional<std::int64_t> episode_id) {
  KINORA_TRY(found, find_target(title_id, episode_id));
  auto& episode = found.episode;
  if (found.title.kind == catalog::title_kind::series && !episode) {
    episode = cat::next_episode(*db_.acquire(), title_id, 0, 0);
    if (!episode)
      return fail(errc::conflict, "This series has no episodes to play yet.", "no-media");
  }
  const std::int64_t episode_key = episode ? episode->id : 0;
  const auto asset = media::asset_store::for_title(*db_.acquire(), title_id, episode_key);
  if (!asset) return fail(errc::conflict, "This title has no packaged media yet.", "no-media");

  const auto now = clock_.now_unix();
  started_session out;
  auto& s = out.session;
  s.id = new_session_id(random_);
  // Account 0 is no account: the preview counts against nobody's stream limit, and
  // heartbeats and ends (own()) never find it, so it writes no viewing history.
  s.account_id = 0;
  s.profile_id = admin.profile_id;
  s.title_id = title_id;
  s.episode_id = episode_key;
  s.asset_id = asset->id;
  s.duration_seconds = asset->duration_seconds;
  s.started_at = s.last_heartbeat = now;
  s.expires_at = now + settings_.preview_ttl;
  // A bound all the same, so a looping client cannot fill the session store.
  constexpr int max_previews = 100;
  if (!sessions_.start(s, max_previews, now))
    return fail(errc::rate_limited, "Too many previews are open; try again in a few minutes.",
                "preview-limit");
  sign_package(out, s.expires_at);
  return out;
}

void playback_service::sign_package(started_session& out, std::int64_t expires_at) const {
  out.urls_expire_at = expires_at;
  const auto prefix = settings_.media_base_url +
                      signer_.prefix(expires_at, out.session.id, out.session.asset_id, "/media/");
  out.manifest_url = prefix + "master.m3u8";
  out.key_url = prefix + "key";
}

result<started_session> playback_service::start_channel(const auth::viewer& v,
                                                        std::int64_t channel_id,
                                                        std::optional<std::int64_t> programme_id) {
  const auto channel = epg::epg_store::find_any_channel(*db_.acquire(), channel_id);
  if (!channel)
    return fail(errc::not_found, "No channel with id " + std::to_string(channel_id) + ".");
  if (auto st = entitled(v, "channel", channel->tier, channel->maturity); !st) return st.err();
  if (auto st = live_.ready(); !st) return st.err();
  playback_session s;
  s.channel_id = channel_id;
  s.asset_id = "live-" + std::to_string(channel_id);
  if (programme_id) {
    KINORA_TRY(programme, live_.start_over_programme(channel_id, *programme_id));
    s.programme_id = programme.programme_id;
    s.asset_id += "-" + std::to_string(programme.programme_id);
    s.duration_seconds = static_cast<int>(programme.end_at - programme.start_at);
  }
  return admit(v, std::move(s), "/live/");
}

result<started_session> playback_service::admit(const auth::viewer& v, playback_session s,
                                                std::string_view root) {
  const auto now = clock_.now_unix();
  s.id = new_session_id(random_);
  s.account_id = v.account_id;
  s.profile_id = v.profile_id;
  s.started_at = now;
  s.last_heartbeat = now;
  s.expires_at = now + settings_.session_timeout;
  const int limit = auth::concurrent_streams(v.tier);
  if (!sessions_.start(s, limit, now)) {
    auto e = fail(errc::rate_limited,
                  "The account already plays " + std::to_string(limit) + " stream" +
                      (limit == 1 ? "" : "s") + ", the limit of its " +
                      std::string(auth::to_string(v.tier)) +
                      " plan. Stop one, or wait for it to time out.",
                  "stream-limit");
    e.extensions = {{"limit", static_cast<long long>(limit)}};
    e.retry_after_seconds = static_cast<int>(settings_.session_timeout);
    return e;
  }
  // A play start that cannot be logged is a missing figure, not a refused play.
  try {
    play_log::record(*db_.acquire(), v, s);
  } catch (const storage::storage_error&) {
  }

  started_session out;
  out.session = s;
  out.urls_expire_at = now + settings_.url_ttl;
  // A title's package may be served elsewhere (nginx, a CDN) and has one key; a channel's
  // playlists are made here per request and name each asset's key themselves.
  const bool package = root == "/media/";
  const auto prefix = (package ? settings_.media_base_url : std::string()) +
                      signer_.prefix(out.urls_expire_at, s.id, s.asset_id, root);
  out.manifest_url = prefix + "master.m3u8";
  if (package) out.key_url = prefix + "key";
  return out;
}

result<playback_session> playback_service::own(const auth::viewer& v, const std::string& id) {
  auto s = sessions_.find(id);
  if (!s || s->account_id != v.account_id || s->profile_id != v.profile_id)
    return fail(errc::not_found, "No playback session " + id + " for this profile.");
  return *s;
}

result<playback_session> playback_service::heartbeat(const auth::viewer& v, const std::string& id,
                                                     int position) {
  KINORA_TRY(s, own(v, id));
  const auto now = clock_.now_unix();
  if (!s.live(now))
    return fail(errc::gone, "This playback session has ended; start a new one.", "session-ended");
  if (s.title_id && position > s.duration_seconds)
    return invalid_field("position_seconds", "must not exceed the media's running time (" +
                                                 std::to_string(s.duration_seconds) + " s)");
  if (!sessions_.touch(id, position, now, now + settings_.session_timeout))
    return fail(errc::gone, "This playback session has ended; start a new one.", "session-ended");
  // A channel keeps no bookmark: live TV resumes where the channel is.
  if (s.title_id) {
    auto saved = viewing_.save_position(v, s.title_id,
                                        s.episode_id ? std::optional(s.episode_id) : std::nullopt,
                                        position, s.duration_seconds);
    if (!saved) return saved.err();
  }
  s.position_seconds = position;
  s.last_heartbeat = now;
  s.expires_at = now + settings_.session_timeout;
  return s;
}

status playback_service::end(const auth::viewer& v, const std::string& id,
                             std::optional<int> position) {
  KINORA_TRY(s, own(v, id));
  const auto now = clock_.now_unix();
  if (s.title_id && position && *position > s.duration_seconds)
    return invalid_field("position_seconds", "must not exceed the media's running time (" +
                                                 std::to_string(s.duration_seconds) + " s)");
  const int at = position.value_or(s.position_seconds);
  if (!sessions_.end(id, at, now))
    return fail(errc::gone, "This playback session has already ended.", "session-ended");
  if (position && s.title_id)
    if (auto saved = viewing_.save_position(
            v, s.title_id, s.episode_id ? std::optional(s.episode_id) : std::nullopt, at,
            s.duration_seconds);
        !saved)
      return saved.err();
  return ok();
}

std::vector<playback_session> playback_service::live_sessions(const auth::viewer& v) {
  return sessions_.live_sessions(v.account_id, clock_.now_unix());
}

std::vector<playback_session> playback_service::account_sessions(std::int64_t account_id) {
  return sessions_.live_sessions(account_id, clock_.now_unix());
}

status playback_service::end_for_account(std::int64_t account_id, const std::string& id) {
  const auto now = clock_.now_unix();
  const auto s = sessions_.find(id);
  if (!s || s->account_id != account_id || !s->live(now) ||
      !sessions_.end(id, s->position_seconds, now))
    return fail(errc::not_found, "This account has no live playback session " + id + ".");
  return ok();
}

std::size_t playback_service::watching(watched what, std::int64_t id) {
  const auto live = sessions_.live_on(what, id, clock_.now_unix());
  return static_cast<std::size_t>(
      std::count_if(live.begin(), live.end(), [](const auto& s) { return s.account_id != 0; }));
}

void playback_service::stop_watching(watched what, std::int64_t id) {
  const auto now = clock_.now_unix();
  for (const auto& s : sessions_.live_on(what, id, now))
    sessions_.end(s.id, s.position_seconds, now);
}

result<std::string> playback_service::release_key(const std::string& session_id,
                                                  const std::string& asset_id) {
  const auto s = sessions_.find(session_id);
  if (!s || !s->live(clock_.now_unix()))
    return forbidden("Keys are released only to a live playback session.", "session-not-live");
  const bool plays = s->channel_id ? live_.plays_asset({s->channel_id, s->programme_id}, asset_id)
                                   : s->asset_id == asset_id;
  if (!plays) return forbidden("This session does not play that media.", "wrong-asset");
  const auto asset = media::asset_store::find(*db_.acquire(), asset_id);
  if (!asset) return fail(errc::not_found, "No such media.");
  return asset->key;
}

result<live::channel_stream> playback_service::channel_stream(const std::string& session_id,
                                                              const std::string& stream) {
  const auto s = sessions_.find(session_id);
  if (!s || !s->live(clock_.now_unix()))
    return forbidden("Channels play only in a live playback session.", "session-not-live");
  if (!s->channel_id || s->asset_id != stream)
    return forbidden("This session does not play that channel.", "wrong-asset");
  return live::channel_stream{s->channel_id, s->programme_id};
}

}  // namespace kinora::playback

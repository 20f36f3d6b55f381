#pragma once
// Starting, keeping alive and ending playback: the entitlement decision (403 with the
// reason), the account's concurrent-stream limit (429), signed media URLs, resume
// positions, and releasing content keys only to live sessions.
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_reads.hpp"
#include "catalog/title.hpp"
#include "core/audience.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/viewer.hpp"
#include "live/live_service.hpp"
#include "media/asset_store.hpp"
#include "media/url_signer.hpp"
#include "playback/session_store.hpp"
#include "storage/database.hpp"
#include "viewing/viewing_service.hpp"

namespace kinora::playback {

struct playback_settings {
  std::int64_t session_timeout = 90;   // seconds without a heartbeat before a session ends
  std::int64_t url_ttl = 6 * 3600;     // lifetime of the signed media URLs
  std::string media_base_url;          // "" (same origin) or e.g. https://cdn.example.com
  std::int64_t preview_ttl = 15 * 60;  // an admin preview's session and URLs
};

struct started_session {
  playback_session session;
  std::string manifest_url;
  std::string key_url;  // empty for a channel: its playlists name each asset's key
  std::int64_t urls_expire_at = 0;
};

class playback_service final : public audience {
 public:
  playback_service(storage::database& db, viewing::viewing_service& viewing,
                   const media::url_signer& signer, session_store& sessions,
                   live::live_service& live, const clock& clk, random_source& random,
                   playback_settings settings);

  result<started_session> start(const auth::viewer& v, std::int64_t title_id,
                                std::optional<std::int64_t> episode_id);
  // An admin's preview of a title (or episode) with media: no plan, tier or maturity
  // check, no stream count of any account (the session belongs to no account), no
  // resume point or bookmark (it takes no heartbeats); it ends after preview_ttl.
  result<started_session> start_preview(const auth::viewer& admin, std::int64_t title_id,
                                        std::optional<std::int64_t> episode_id);
  // A channel at its live edge, or (start-over) one of its programmes from the start.
  result<started_session> start_channel(const auth::viewer& v, std::int64_t channel_id,
                                        std::optional<std::int64_t> programme_id);
  result<playback_session> heartbeat(const auth::viewer& v, const std::string& id, int position);
  status end(const auth::viewer& v, const std::string& id, std::optional<int> position);
  std::vector<playback_session> live_sessions(const auth::viewer& v);
  // For the accounts admin: any account's live sessions, and ending one of them (not found
  // when the session is not that account's or not live).
  std::vector<playback_session> account_sessions(std::int64_t account_id);
  status end_for_account(std::int64_t account_id, const std::string& id);
  std::size_t watching(watched what, std::int64_t id) override;
  void stop_watching(watched what, std::int64_t id) override;
  // The content key of `asset` for a live session playing it; forbidden otherwise.
  result<std::string> release_key(const std::string& session_id, const std::string& asset_id);
  // What a live session signed for `stream` watches; forbidden otherwise.
  result<live::channel_stream> channel_stream(const std::string& session_id,
                                              const std::string& stream);

  const playback_settings& settings() const { return settings_; }

 private:
  // The account's own session, or not found (another account's looks the same).
  result<playback_session> own(const auth::viewer& v, const std::string& id);
  // Admits the session under the account's stream limit and signs its URLs.
  result<started_session> admit(const auth::viewer& v, playback_session s, std::string_view root);
  // The title and the episode to play (given, else the first), or why not.
  struct target {
    catalog::title title;
    std::optional<catalog::episode_ref> episode;
  };
  result<target> find_target(std::int64_t title_id, std::optional<std::int64_t> episode_id);
  // The URLs of a title's package for session s, valid until expires_at.
  void sign_package(started_session& out, std::int64_t expires_at) const;

  storage::database& db_;
  viewing::viewing_service& viewing_;
  const media::url_signer& signer_;
  session_store& sessions_;
  live::live_service& live_;
  const clock& clock_;
  random_source& random_;
  playback_settings settings_;
};

}  // namespace kinora::playback

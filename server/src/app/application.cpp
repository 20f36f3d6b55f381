#include "app/application.hpp"

#include <boost/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "accounts/accounts_routes.hpp"
#include "ai/blas_kernels.hpp"
#include "ai/model_locator.hpp"
#include "app/ops_routes.hpp"
#include "app/redis_change_feed.hpp"
#include "audit/audit_routes.hpp"
#include "auth/auth_routes.hpp"
#include "auth/auth_service.hpp"
#include "auth/token_codec.hpp"
#include "catalog/catalog_routes.hpp"
#include "catalog/catalog_service.hpp"
#include "core/files.hpp"
#include "core/log.hpp"
#include "epg/admin_routes.hpp"
#include "epg/epg_admin.hpp"
#include "epg/epg_interchange.hpp"
#include "epg/epg_routes.hpp"
#include "epg/epg_service.hpp"
#include "epg/interchange_routes.hpp"
#include "http/server.hpp"
#include "insights/insights_routes.hpp"
#include "live/live_routes.hpp"
#include "media/asset_store.hpp"
#include "media/media_library.hpp"
#include "media/media_routes.hpp"
#include "media/url_signer.hpp"
#include "playback/playback_routes.hpp"
#include "playback/playback_service.hpp"
#include "playback/redis_client.hpp"
#include "recommend/recommend_routes.hpp"
#include "recommend/recommend_service.hpp"
#include "recommend/title_vectors.hpp"
#include "seed/demo_seed.hpp"
#include "stats/stats_routes.hpp"
#include "storage/database.hpp"
#include "viewing/viewing_routes.hpp"
#include "viewing/viewing_service.hpp"

namespace kinora::app {

namespace {

// Demo mode needs no configured secrets: each is generated once and kept in the
// database, so tokens and media links survive restarts.
std::string demo_secret(storage::database& db, random_source& rnd, const std::string& name) {
  auto c = db.acquire();
  const auto rs = c->query("SELECT value FROM settings WHERE key = $1", {name});
  if (!rs.empty()) return rs.front().text(0);
  const std::string secret = base64url(rnd.bytes(48));
  c->query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
           {name, secret});
  return c->query("SELECT value FROM settings WHERE key = $1", {name}).front().text(0);
}

// An unconfigured secret outside demo mode: only tools run then (the server requires
// secrets), and they issue no tokens and sign no links, so a throw-away one will do.
std::string secret_for(storage::database& db, random_source& rnd, bool demo,
                       const std::string& name) {
  return demo ? demo_secret(db, rnd, name) : base64url(rnd.bytes(48));
}

// SQLite writes its database and journal (WAL) files in the database's folder: a folder
// or file it cannot write fails at start, in one sentence, not at the first write.
const std::string& writable_database(const std::string& url) {
  const auto path = storage::sqlite_path(url);
  if (!path || path->empty() || *path == ":memory:") return url;
  constexpr std::string_view fix = "choose another place with --database-url sqlite:PATH";
  const std::filesystem::path file(*path);
  files::require_writable_folder(file.has_parent_path() ? file.parent_path() : ".",
                                 "the SQLite database and its journal live there", fix);
  files::require_writable_file(file, "it is the SQLite database", fix);
  return url;
}

// For the commands that package, upload or serve media.
void require_media_folder(const std::string& dir) {
  files::require_writable_folder(dir, "packaged video, content keys and uploads live there",
                                 "choose another with --media-dir DIR");
}

// The sentence encoder, or none (why in `problem`): recommendations then fall back and say so.
std::unique_ptr<ai::encoder> load_model(const std::string& configured, logger& log,
                                        const ai::kernels& k, std::string& problem) {
  const auto dir = ai::resolve_model_dir(
      configured.empty() ? std::nullopt : std::optional<std::filesystem::path>(configured));
  try {
    auto encoder = ai::load_encoder(dir);
    if (k.slow_fallback())
      log.warn("encoder on slow kernels", {{"kernels", k.describe()}, {"fix", k.fix()}});
    else
      log.info("encoder kernels", {{"kernels", k.describe()}});
    return encoder;
  } catch (const std::exception& e) {
    problem = e.what();
    log.warn("no embedding model; similar titles fall back to genres",
             {{"model_dir", dir.string()}, {"error", e.what()}, {"fix", "make model"}});
    return nullptr;
  }
}

// With --redis, failed sign-ins are counted there, so every instance sees them (a
// connection of their own: sign-ins never queue behind playback's commands).
std::shared_ptr<auth::attempt_counters> open_attempt_counters(const std::string& redis_url) {
  if (redis_url.empty()) return auth::make_memory_attempt_counters();
  auto redis = std::make_shared<playback::redis_client>(redis_url);
  return auth::make_redis_attempt_counters([redis](const std::string& script,
                                                   const std::vector<std::string>& keys,
                                                   const std::vector<std::string>& args) {
    std::vector<std::string> command{"EVAL", script, std::to_string(keys.size())};
    command.insert(command.end(), keys.begin(), keys.end());
    command.insert(command.end(), args.begin(), args.end());
    std::vector<std::int64_t> out;
    for (const auto& e : redis->command(command).elements) out.push_back(e.integer);
    return out;
  });
}

std::unique_ptr<playback::session_store> open_session_store(const std::string& redis_url) {
  return redis_url.empty() ? playback::make_memory_session_store()
                           : playback::make_redis_session_store(redis_url);
}

// The demo pool's links are made in one transaction, as the titles without media are read.
int link_unlinked(storage::database& db, const std::vector<std::string>& pool) {
  return db.transact(
      [&](storage::connection& c) { return media::asset_store::link_unlinked(c, pool); });
}

}  // namespace

struct application::parts {
  explicit parts(config c)
      : cfg(std::move(c)),
        log(cfg.log),
        db(storage::open_database(
            writable_database(cfg.database_url),
            storage::database_options{
                .pool_size = cfg.db_pool_size,
                .connect_timeout = std::chrono::seconds(cfg.db_connect_timeout_seconds),
                .statement_timeout = std::chrono::seconds(cfg.db_statement_timeout_seconds),
                .pool_wait = std::chrono::seconds(cfg.db_pool_wait_seconds),
                .sqlite_synchronous_full = cfg.sqlite_synchronous_full})),
        router(metrics, log) {
    storage::migrate(*db);
    const std::string secret =
        !cfg.jwt_secret.empty() ? cfg.jwt_secret : secret_for(*db, random, cfg.demo, "jwt_secret");
    auth = std::make_unique<auth::auth_service>(
        *db, clock, random,
        auth::auth_settings{secret, cfg.access_token_ttl, cfg.refresh_token_ttl,
                            cfg.login_attempts_per_address, cfg.refresh_reuse_grace},
        open_attempt_counters(cfg.redis_url));
    catalog = std::make_unique<catalog::catalog_service>(*db, clock);
    viewing = std::make_unique<viewing::viewing_service>(*db, clock);
    // In demo mode the demo channels' week repeats, so the guide never runs out.
    epg = std::make_unique<epg::epg_service>(
        *db, clock, cfg.demo ? seed::demo_channel_slugs() : std::vector<std::string>{});
    epg_admin = std::make_unique<epg::epg_admin>(*db);
    interchange = std::make_unique<epg::epg_interchange>(*db);
    library = std::make_unique<media::media_library>(*db, cfg.media_dir, clock, random, log);
    signer = std::make_unique<media::url_signer>(
        !cfg.media_secret.empty() ? cfg.media_secret
                                  : secret_for(*db, random, cfg.demo, "media_secret"));
    sessions = open_session_store(cfg.redis_url);
    try {
      sessions->ping();
    } catch (const std::exception& e) {
      // Not fatal: not ready (/readyz) until it answers; it reconnects by itself.
      log.warn("session store unreachable; not ready until it answers",
               {{"store", sessions->description()}, {"error", e.what()}});
    }
    live = std::make_unique<live::live_service>(*db, library->hls_dir(), clock);
    playback = std::make_unique<playback::playback_service>(
        *db, *viewing, *signer, *sessions, *live, clock, random,
        playback::playback_settings{cfg.session_timeout, cfg.media_url_ttl, cfg.media_base_url});

    vectors = std::make_unique<recommend::title_vectors>(
        *db, load_model(cfg.model_dir, log, kernels, encoder_problem), clock, log, cfg.index_file);
    co_watch = std::make_unique<recommend::co_watch_index>(*db, clock);
    searches = std::make_unique<catalog::search_log>(*db, clock);
    insights = std::make_unique<insights::insights_service>(*db, vectors->encoder(), clock,
                                                            [this] { searches->flush(); });
    recommendations =
        std::make_unique<recommend::recommend_service>(*db, *vectors, *co_watch, *viewing, clock);
    catalog->use_semantic_search(
        [this](const std::string& query, const auth::viewer& v, std::size_t k) {
          return recommendations->by_meaning(v, query, k);
        });
    catalog->use_embedding_model([this] { return vectors->model_id(); });
    // What a title page says about playing it follows the media jobs and demo packaging.
    catalog->use_demo_packaging(
        [this] { return demo_media_status.load() == media_state::packaging; });
    library->on_jobs_changed([this] { catalog_cache.clear(); });
    if (!cfg.redis_url.empty()) {
      // Every instance drops its cached pages before an admin's write is answered.
      changes = std::make_unique<redis_change_feed>(cfg.redis_url, log);
      changes->listen("catalog", {[this] { catalog_cache.clear_here(); },
                                  [this](bool hearing) { catalog_cache.suspend(!hearing); }});
      catalog_cache.set_announcer([this] { changes->announce("catalog"); });
      changes->start();
    }
    catalog->on_title_changed([this](std::int64_t title_id) {
      recommendations->catalog_changed();
      vectors->refresh(title_id);
    });

    namespace bj = boost::json;
    add_ops_routes(
        router, metrics, *db, clock,
        {{"sessions",
          [this](bj::object& d) {
            d["store"] = sessions->description();
            try {
              sessions->ping();
              d["reachable"] = true;
              return true;
            } catch (const std::exception& e) {
              d["reachable"] = false;
              d["error"] = e.what();
              return false;
            }
          }},
         {"encoder",
          [this](bj::object& d) {
            // Without a model, recommendations and search by meaning use the lexical
            // fallback: worse answers, still answers.
            d["loaded"] = vectors->available();
            d["model"] = vectors->available() ? bj::value(vectors->model_id()) : bj::value(nullptr);
            d["embedded_titles"] = vectors->size();
            if (!vectors->available() && !encoder_problem.empty()) d["problem"] = encoder_problem;
            d["kernels"] = {{"dense", ai::to_string(kernels.dense)},
                            {"blas", kernels.blas_core},
                            {"blas_instruction_set", ai::to_string(kernels.blas)},
                            {"instruction_set", ai::to_string(kernels.in_use())},
                            {"cpu", ai::to_string(kernels.cpu)},
                            {"slow_fallback", kernels.slow_fallback()}};
            const auto job =
                startup_embedding.empty() ? std::nullopt : vectors->job(startup_embedding);
            if (!job) return true;
            d["startup_embedding"] = {
                {"status", to_string(job->status)}, {"done", job->done}, {"total", job->total}};
            return job->status != job_status::running;
          }},
         {"catalog_cache",
          [this](bj::object& d) {
            // Not hearing the other instances costs speed (nothing cached is served),
            // never correctness, so it does not make the instance unready.
            d["shared"] = changes != nullptr;
            if (changes) {
              d["through"] = changes->description();
              d["hearing"] = changes->hearing();
            }
            return true;
          }},
         {"demo_media", [this](bj::object& d) {
            // Titles become playable as the first run's demo clips are packaged.
            d["status"] = demo_media_status.load() == media_state::packaging ? "packaging"
                          : demo_media_status.load() == media_state::failed  ? "failed"
                                                                             : "ready";
            if (demo_media_status.load() == media_state::packaging) {
              d["packaged"] = library->demo_packaged();
              d["total"] = library->demo_to_package();
            }
            return true;
          }}});
    auth::add_routes(router, *auth);
    catalog::add_routes(router, *catalog, catalog_cache, *searches, *playback);
    viewing::add_routes(router, *viewing);
    epg::add_routes(router, *epg);
    epg::add_admin_routes(router, *epg_admin, *playback);
    epg::add_interchange_routes(router, *epg, *interchange);
    recommend::add_routes(router, *recommendations, *vectors, random);
    playback::add_routes(router, *playback);
    stats::add_routes(router, *db, clock);
    audit::add_routes(router, *db, clock, random, log);
    accounts::add_routes(router, *db, *playback, clock);
    insights::add_routes(router, *insights);
    media::add_routes(router, *library, *signer, clock,
                      [this](const std::string& session, const std::string& asset) {
                        return playback->release_key(session, asset);
                      });
    live::add_routes(router, *live, *signer, clock, cfg.media_base_url,
                     [this](const std::string& session, const std::string& stream) {
                       return playback->channel_stream(session, stream);
                     });
    router.set_authenticator([this](std::string_view token) { return auth->authenticate(token); });
    router.set_claims_verifier(
        [this](std::string_view token) { return auth->verify_claims(token); });
    router.set_quick_authenticator(
        [this](std::string_view token) { return auth->authenticate_at_once(token); });

    namespace fs = std::filesystem;
    const fs::path web = cfg.web_root;
    for (const auto& [prefix, dir, spa] : {std::tuple{"/docs", web / "docs" / "dist", false},
                                           std::tuple{"/admin", web / "admin" / "dist", true},
                                           std::tuple{"/", web / "client" / "dist", true}}) {
      if (fs::is_directory(dir)) router.mount({prefix, dir, spa});
    }
  }

  config cfg;
  logger log;
  system_clock clock;
  secure_random random;
  std::unique_ptr<storage::database> db;
  http::metrics metrics;
  http::router router;
  std::unique_ptr<auth::auth_service> auth;
  std::unique_ptr<catalog::catalog_service> catalog;
  catalog::response_cache catalog_cache{std::chrono::seconds(5)};
  std::unique_ptr<redis_change_feed> changes;  // with --redis; after what it calls into
  std::unique_ptr<viewing::viewing_service> viewing;
  std::unique_ptr<epg::epg_service> epg;
  std::unique_ptr<epg::epg_admin> epg_admin;
  std::unique_ptr<epg::epg_interchange> interchange;
  std::unique_ptr<recommend::title_vectors> vectors;
  std::unique_ptr<recommend::co_watch_index> co_watch;
  std::unique_ptr<recommend::recommend_service> recommendations;
  std::unique_ptr<catalog::search_log> searches;
  std::unique_ptr<insights::insights_service> insights;
  std::unique_ptr<media::media_library> library;
  std::unique_ptr<media::url_signer> signer;
  std::unique_ptr<playback::session_store> sessions;
  std::unique_ptr<live::live_service> live;
  std::unique_ptr<playback::playback_service> playback;
  std::thread demo_media;  // packages the demo clips in the background on a first run
  enum class media_state { ready, packaging, failed };
  std::atomic<media_state> demo_media_status{media_state::ready};
  std::string startup_embedding;  // the id of the start-up embedding job, if one ran
  std::string encoder_problem;    // why no model is loaded, when none is
  // Chosen as OpenBLAS loaded, before main: fixed for the life of the process.
  const ai::kernels kernels = ai::kernels_in_use();

  ~parts() {
    epg->stop();
    co_watch->stop();
    library->stop();
    if (demo_media.joinable()) demo_media.join();
  }
};

application::application(config cfg) : parts_(std::make_unique<parts>(std::move(cfg))) {}
application::~application() = default;

std::vector<http::route_info> application::routes() const {
  return parts_->router.routes();
}

int application::seed() {
  auto& p = *parts_;
  const auto report = seed::seed_catalog(*p.db, p.clock);
  const auto accounts = p.cfg.demo ? seed::seed_demo_accounts(*p.db, *p.auth) : 0;
  p.log.info("seeded", {{"titles", report.titles},
                        {"episodes", report.episodes},
                        {"channels", report.channels},
                        {"programmes", report.programmes},
                        {"demo_accounts", accounts}});
  return 0;
}

int application::media_build() {
  auto& p = *parts_;
  require_media_folder(p.cfg.media_dir);
  const auto pool = p.library->build_demo_pool(static_cast<int>(p.cfg.demo_clips),
                                               static_cast<int>(p.cfg.demo_clip_seconds));
  if (!pool) {
    std::cerr << "kinora media build: " << pool.err().detail << "\n";
    return 1;
  }
  const int linked = link_unlinked(*p.db, *pool);
  p.log.info("demo media ready", {{"assets", static_cast<std::int64_t>(pool->size())},
                                  {"newly_linked", linked},
                                  {"media_dir", p.cfg.media_dir}});
  return 0;
}

int application::media_ingest(const std::string& file, std::int64_t title_id,
                              std::int64_t episode_id) {
  auto& p = *parts_;
  require_media_folder(p.cfg.media_dir);
  if (!media::asset_store::target_exists(*p.db->acquire(), title_id, episode_id)) {
    std::cerr << "kinora media ingest: no title " << title_id
              << (episode_id ? " with episode " + std::to_string(episode_id) : "") << "\n";
    return 2;
  }
  const auto asset = p.library->ingest(file, std::filesystem::path(file).filename().string());
  if (!asset) {
    std::cerr << "kinora media ingest: " << asset.err().detail << "\n";
    return 1;
  }
  media::asset_store::link(*p.db->acquire(), title_id, episode_id, asset->id);
  p.log.info("media ingested", {{"asset", asset->id},
                                {"duration_seconds", asset->duration_seconds},
                                {"title_id", title_id},
                                {"episode_id", episode_id}});
  return 0;
}

void application::prepare_media() {
  auto& p = *parts_;
  const auto pool = p.library->register_packaged();
  if (!p.cfg.demo) return;
  if (pool.size() >= p.cfg.demo_clips &&
      media::asset_store::find(*p.db->acquire(), std::string(media::slate_asset_id))) {
    link_unlinked(*p.db, pool);
    return;
  }
  // First run: the catalog is browsable at once; titles become playable when this ends.
  p.demo_media_status = parts::media_state::packaging;
  p.catalog_cache.clear();
  p.demo_media = std::thread([&p] {
    auto state = parts::media_state::failed;
    try {
      if (const auto built = p.library->build_demo_pool(
              static_cast<int>(p.cfg.demo_clips), static_cast<int>(p.cfg.demo_clip_seconds))) {
        p.log.info("demo media ready", {{"linked", link_unlinked(*p.db, *built)}});
        state = parts::media_state::ready;
      } else {
        p.log.error("demo media failed", {{"error", built.err().detail}});
      }
    } catch (const std::exception& e) {
      p.log.error("demo media failed", {{"error", e.what()}});
    }
    p.demo_media_status = state;
    p.catalog_cache.clear();  // the titles it linked play now
  });
}

int application::create_admin(const std::string& email,
                              const std::function<std::string()>& password) {
  const auto created = parts_->auth->ensure_admin(email, password);
  if (!created) {
    const auto& e = created.err();
    std::cerr << "kinora admin create: "
              << (e.fields.empty() ? e.detail
                                   : e.fields.front().field + " " + e.fields.front().message)
              << "\n";
    return 1;
  }
  std::cout << (*created ? "created admin account " : "made an admin: ") << email << "\n";
  return 0;
}

int application::m3u_import(const std::string& file) {
  auto& p = *parts_;
  const auto r = p.interchange->import_m3u_file(file);
  if (!r) {
    std::cerr << "kinora m3u import: " << file << ": " << r.err().detail << "\n";
    return 1;
  }
  p.log.info("m3u imported", {{"file", file},
                              {"channels_created", r->channels_created},
                              {"channels_matched", r->channels_matched},
                              {"channels_updated", r->channels_updated},
                              {"matched_by_tvg_id", r->matched_by_tvg_id},
                              {"matched_by_tvg_chno", r->matched_by_number},
                              {"matched_by_name", r->matched_by_name},
                              {"skipped_no_name", r->skipped_no_name},
                              {"skipped_no_url", r->skipped_no_url},
                              {"skipped_duplicate", r->skipped_duplicate}});
  return 0;
}

int application::xmltv_import(const std::string& file) {
  auto& p = *parts_;
  const auto r = p.interchange->import_xmltv_file(file);
  if (!r) {
    std::cerr << "kinora xmltv import: " << file << ": " << r.err().detail << "\n";
    return 1;
  }
  p.log.info("xmltv imported", {{"file", file},
                                {"channels_created", r->channels_created},
                                {"channels_matched", r->channels_matched},
                                {"programmes_created", r->programmes_created},
                                {"programmes_updated", r->programmes_updated},
                                {"programmes_replaced", r->programmes_replaced},
                                {"programmes_skipped", r->programmes_skipped}});
  return 0;
}

int application::xmltv_export(std::optional<std::int64_t> from, std::optional<std::int64_t> to,
                              const std::string& out) {
  auto& p = *parts_;
  if (!from) {
    const auto now = p.clock.now_unix();
    from = now - now % 86400;
  }
  if (!to) to = *from + epg::max_window_seconds;
  const auto w = p.epg->window({from, to});
  if (!w) {
    std::cerr << "kinora xmltv export: " << w.err().detail << "\n";
    return 2;
  }
  const auto doc = p.interchange->export_xmltv(std::nullopt, *w, "");
  if (out.empty() || out == "-") {
    std::cout << doc;
    return std::cout.good() ? 0 : 1;
  }
  std::ofstream f(out, std::ios::binary);
  f << doc;
  if (!f) {
    std::cerr << "kinora xmltv export: cannot write " << out << "\n";
    return 1;
  }
  return 0;
}

int application::migrate() {
  parts_->log.info("migrations applied", {{"database", parts_->db->description()}});
  return 0;
}

int application::serve() {
  auto& p = *parts_;
  require_media_folder(p.cfg.media_dir);
  // The port first: a port in use fails in a second, not after seeding and embedding.
  http::server_options o;
  o.host = p.cfg.host;
  o.port = p.cfg.port;
  o.io_threads = p.cfg.io_threads;
  o.workers = p.cfg.workers;
  o.body_limit = p.cfg.max_body_bytes;
  o.upload_prefixes = {"/api/v1/admin/media/uploads", "/api/v1/admin/epg/xmltv",
                       "/api/v1/admin/epg/playlist"};
  o.upload_limit = p.cfg.max_upload_bytes;
  // Media uploads go to disk as they arrive; guide imports are parsed whole anyway.
  o.spool_prefixes = {"/api/v1/admin/media/uploads"};
  o.spool_dir = p.library->incoming_dir().string();
  o.header_limit = p.cfg.max_header_bytes;
  o.trusted_proxies = p.cfg.trusted_proxies;
  // Liveness, metrics and the API document never wait for a worker (all of them may be
  // waiting on a hung database); readiness has its own thread and a one-second bound.
  o.inline_paths = {"/healthz", "/metrics", "/api/v1/openapi.json"};
  o.ops_paths = {"/readyz"};
  o.read_timeout = std::chrono::seconds(p.cfg.read_timeout_seconds);
  o.shutdown_grace = std::chrono::seconds(p.cfg.shutdown_grace_seconds);
  http::server server(o, p.router, p.log);
  const auto port = server.listen();
  // Only demo mode fills an empty database by itself; production runs `kinora seed`.
  if (p.cfg.demo) {
    seed();
    // A demo server left running keeps a week of guide ahead: now, then every hour.
    p.log.info("guide rolled forward", {{"programmes", p.epg->roll_forward(p.clock.now())}});
    p.epg->start_rolling(std::chrono::hours(1), p.log);
  }
  prepare_media();
  p.library->start_worker();
  // Stored embeddings load and new or changed titles are embedded in the background: the
  // server listens at once, and reports ready (/readyz, with progress) when every title
  // has its vector. Until then recommendations use the fallback.
  if (p.vectors->available()) {
    if (auto job = p.vectors->start_job(false, "startup"); job) p.startup_embedding = job->id;
  }
  // What viewers play together, for For You: built now if stale, then kept current.
  p.co_watch->start(std::chrono::seconds(p.cfg.co_watch_interval_seconds), p.log);
  p.log.info("listening", {{"url", "http://" + p.cfg.host + ":" + std::to_string(port)},
                           {"port", port},
                           {"database", p.db->description()},
                           {"sessions", p.sessions->description()},
                           {"demo", p.cfg.demo}});
  server.run();
  p.epg->stop();
  p.co_watch->stop();
  p.log.info("stopped");
  return 0;
}

}  // namespace kinora::app

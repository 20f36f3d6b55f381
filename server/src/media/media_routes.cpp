#include "media/media_routes.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "http/problem.hpp"
#include "http/static_files.hpp"

namespace kinora::media {

namespace bj = boost::json;
namespace fs = std::filesystem;
using http::access;
using http::method;

namespace {

bool token_chars(std::string_view s, std::size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return true;
}

// One path segment of a packaged file: no dot-files, no separators, no "..".
bool file_segment(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '.') return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

std::string_view cache_policy(const fs::path& file) {
  const auto ext = file.extension();
  if (ext == ".m4s" || ext == ".mp4") return "public, max-age=31536000, immutable";
  return "public, max-age=60";
}

bj::object to_json(const media_job& j) {
  return {{"id", j.id},
          {"status", to_string(j.status)},
          {"progress", j.progress},
          {"title_id", j.title_id},
          {"episode_id", j.episode_id ? bj::value(j.episode_id) : bj::value(nullptr)},
          {"asset_id", j.asset_id ? bj::value(*j.asset_id) : bj::value(nullptr)},
          {"error", j.error ? bj::value(*j.error) : bj::value(nullptr)},
          {"created_at", format_rfc3339(j.created_at)},
          {"updated_at", format_rfc3339(j.updated_at)}};
}

}  // namespace

status verify_signed_link(const url_signer& signer, const clock& clk, const http::context& ctx) {
  const auto sig = ctx.param("sig");
  const auto expires_text = ctx.param("expires");
  const auto session = ctx.param("session");
  const auto asset = ctx.param("asset");
  std::int64_t expires = 0;
  const bool numeric = !expires_text.empty() && expires_text.size() <= 12 &&
                       std::all_of(expires_text.begin(), expires_text.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
  if (numeric) expires = std::stoll(std::string(expires_text));
  if (!numeric || !token_chars(sig, 32) || !token_chars(session, 64) || !valid_asset_id(asset) ||
      !signer.valid(sig, expires, session, asset))
    return fail(errc::forbidden, "The media link is not validly signed.", "invalid-signature");
  if (expires < clk.now_unix())  // as nginx: valid through the second it names
    return fail(errc::forbidden, "The media link has expired; start playback again.",
                "link-expired");
  return ok();
}

void allow_any_origin(http::response& r) {
  r.set("Access-Control-Allow-Origin", "*");
  r.set("Access-Control-Expose-Headers", "Content-Length, Content-Range");
}

http::response signed_link_preflight() {
  http::response r;
  r.status = 204;
  allow_any_origin(r);
  r.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
  r.set("Access-Control-Allow-Headers", "Range");
  r.set("Access-Control-Max-Age", "86400");
  return r;
}

void add_routes(http::router& router, media_library& library, const url_signer& signer,
                const clock& clk, key_release release_key) {
  auto deliver = [&library, &signer, &clk, release_key = std::move(release_key)](
                     http::context& ctx) -> result<http::response> {
    if (auto st = verify_signed_link(signer, clk, ctx); !st) return st.err();
    const std::string session(ctx.param("session"));
    const std::string asset(ctx.param("asset"));
    const auto dir = ctx.param("dir");
    const auto file = ctx.param("file");

    http::response res;
    if (dir.empty() && file == "key") {
      KINORA_TRY(key, release_key(session, asset));
      res.status = 200;
      res.body = key;
      res.set("Content-Type", "application/octet-stream");
      res.set("Cache-Control", "no-store");
    } else {
      if (!file_segment(file) || (!dir.empty() && !file_segment(dir)))
        return fail(errc::not_found, "No such media file.");
      fs::path path = library.hls_dir() / asset;
      if (!dir.empty()) path /= std::string(dir);
      path /= std::string(file);
      auto served = http::serve_file(path, ctx.req, cache_policy(path));
      if (!served) return fail(errc::not_found, "No such media file.");
      res = std::move(*served);
    }
    allow_any_origin(res);
    return res;
  };
  auto preflight = [](http::context&) -> result<http::response> { return signed_link_preflight(); };
  // Refusals carry the CORS headers too, so a player on another origin can read why.
  auto deliver_or_explain = [deliver](http::context& ctx) -> result<http::response> {
    auto r = deliver(ctx);
    if (r) return r;
    auto refusal = http::problem(r.err(), ctx.req.path);
    allow_any_origin(refusal);
    return refusal;
  };
  for (const char* pattern : {"/media/{sig}/{expires}/{session}/{asset}/{file}",
                              "/media/{sig}/{expires}/{session}/{asset}/{dir}/{file}"}) {
    router.add(method::get, pattern, access::anyone, deliver_or_explain);
    router.add(method::options, pattern, access::anyone, preflight);
  }

  router.add(method::post, "/api/v1/admin/media/uploads", access::admin,
             [&library](http::context& ctx) -> result<http::response> {
               KINORA_TRY(title, ctx.query.integer("title_id", 0, 1, INT64_MAX));
               KINORA_TRY(episode, ctx.query.integer("episode_id", 0, 0, INT64_MAX));
               if (title == 0) return invalid_field("title_id", "is required");
               const auto type = ctx.req.header("content-type");
               if (!type ||
                   !(type->starts_with("video/") || type->starts_with("application/octet-stream")))
                 return fail(errc::unsupported_media_type,
                             "Send the file as video/* or application/octet-stream.");
               // The server spools this route's body to a file; the job takes it over.
               KINORA_TRY(
                   job,
                   ctx.req.body_file
                       ? library.enqueue_upload(fs::path(*ctx.req.body_file), title, episode)
                       : library.enqueue_upload(std::string_view(ctx.req.body), title, episode));
               auto res = http::json(202, to_json(job));
               res.set("Location", "/api/v1/admin/media/jobs/" + job.id);
               return res;
             });

  router.add(method::get, "/api/v1/admin/media/jobs/{id}", access::admin,
             [&library](http::context& ctx) -> result<http::response> {
               const std::string id(ctx.param("id"));
               const auto job = token_chars(id, 32) ? library.job(id) : std::nullopt;
               if (!job) return fail(errc::not_found, "No media job " + id + ".");
               return http::json(200, to_json(*job));
             });
}

}  // namespace kinora::media

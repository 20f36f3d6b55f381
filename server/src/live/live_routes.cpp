#include "live/live_routes.hpp"

#include "http/problem.hpp"
#include "media/media_routes.hpp"

namespace kinora::live {

using http::access;
using http::method;

void add_routes(http::router& router, live_service& live, const media::url_signer& signer,
                const clock& clk, std::string media_base_url, stream_access stream_of) {
  auto playlist = [&live, &signer, &clk, base = std::move(media_base_url),
                   stream_of = std::move(stream_of)](http::context& ctx) -> result<http::response> {
    if (auto st = media::verify_signed_link(signer, clk, ctx); !st) return st.err();
    const std::string session(ctx.param("session"));
    KINORA_TRY(stream, stream_of(session, std::string(ctx.param("asset"))));
    const auto file = ctx.param("file");
    if (!file.ends_with(".m3u8")) return fail(errc::not_found, "No such playlist.");
    http::response res;
    if (file == "master.m3u8") {
      KINORA_TRY(text, live.master_playlist());
      res.body = std::move(text);
      res.set("Cache-Control", "private, max-age=60");
    } else {
      const std::int64_t expires = std::stoll(std::string(ctx.param("expires")));
      // Segments and keys keep the playlist's expiry, so their URLs stay the same from
      // one reload to the next.
      const asset_prefix prefix = [&](const std::string& asset) {
        return base + signer.prefix(expires, session, asset);
      };
      const std::string rendition(file.substr(0, file.size() - 5));
      KINORA_TRY(text, live.media_playlist(stream, rendition, prefix));
      res.body = std::move(text);
      // Half a segment: reloads see each new segment, and a cache in front still helps.
      res.set("Cache-Control", "private, max-age=2");
    }
    res.status = 200;
    res.set("Content-Type", "application/vnd.apple.mpegurl");
    media::allow_any_origin(res);
    return res;
  };
  auto explained = [playlist](http::context& ctx) -> result<http::response> {
    auto r = playlist(ctx);
    if (r) return r;
    auto refusal = http::problem(r.err(), ctx.req.path);
    media::allow_any_origin(refusal);
    return refusal;
  };
  const char* pattern = "/live/{sig}/{expires}/{session}/{asset}/{file}";
  router.add(method::get, pattern, access::anyone, explained);
  router.add(
      method::options, pattern, access::anyone,
      [](http::context&) -> result<http::response> { return media::signed_link_preflight(); });
}

}  // namespace kinora::live

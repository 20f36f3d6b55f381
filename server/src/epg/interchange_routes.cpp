#include "epg/interchange_routes.hpp"

#include <boost/json.hpp>

#include <cctype>

#include "epg/epg_routes.hpp"
#include "http/problem.hpp"

namespace kinora::epg {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

// Links in the documents are absolute, so a player that downloaded them can follow them.
std::string base_url(const http::context& ctx) {
  const auto host = ctx.req.header("host");
  if (!host || host->empty() || host->find_first_of("\"<>\\ \r\n") != std::string_view::npos)
    return "";
  const auto proto = ctx.req.header("x-forwarded-proto");
  return std::string(proto && *proto == "https" ? "https://" : "http://") + std::string(*host);
}

http::response document(std::string body, std::string_view type) {
  http::response r;
  r.body = std::move(body);
  r.set("Content-Type", std::string(type));
  r.set("Cache-Control", "no-store");
  return r;
}

// What IPTV tools and servers label M3U playlists with (parameters such as charset aside).
bool is_playlist_type(std::optional<std::string_view> header) {
  if (!header) return false;
  std::string type(header->substr(0, header->find(';')));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "audio/x-mpegurl" || type == "application/x-mpegurl" ||
         type == "application/vnd.apple.mpegurl" || type == "text/plain";
}

bj::object to_json(const m3u_report& r) {
  return {{"channels_created", r.channels_created},
          {"channels_matched", r.channels_matched},
          {"channels_updated", r.channels_updated},
          {"matched_by",
           {{"tvg_id", r.matched_by_tvg_id},
            {"tvg_chno", r.matched_by_number},
            {"name", r.matched_by_name}}},
          {"channels_skipped", r.skipped_no_name + r.skipped_no_url + r.skipped_duplicate},
          {"skipped",
           {{"no_name", r.skipped_no_name},
            {"no_url", r.skipped_no_url},
            {"duplicate", r.skipped_duplicate}}}};
}

}  // namespace

void add_interchange_routes(http::router& router, epg_service& service,
                            epg_interchange& interchange) {
  router.add(method::get, "/api/v1/epg/xmltv", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(wr, read_window(ctx.query));
               // By default the whole week from today 00:00 UTC.
               if (!wr.from) {
                 KINORA_TRY(now, service.window({}));
                 wr.from = now.from - now.from % 86400;
               }
               if (!wr.to) wr.to = *wr.from + max_window_seconds;
               KINORA_TRY(w, service.window(wr));
               return document(interchange.export_xmltv(ctx.who(), w, base_url(ctx)),
                               "application/xml; charset=utf-8");
             });

  router.add(method::get, "/api/v1/epg/playlist.m3u", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               return document(interchange.playlist(ctx.who(), base_url(ctx)),
                               "audio/x-mpegurl; charset=utf-8");
             });

  router.add(
      method::post, "/api/v1/admin/epg/xmltv", access::admin,
      [&](http::context& ctx) -> result<http::response> {
        const auto type = ctx.req.header("content-type");
        if (!type || !(type->starts_with("text/xml") || type->starts_with("application/xml")))
          return fail(errc::unsupported_media_type,
                      "Send the XMLTV document as text/xml or application/xml.");
        KINORA_TRY(r, interchange.import_xmltv(ctx.req.body));
        return http::json(200, bj::object{{"channels_created", r.channels_created},
                                          {"channels_matched", r.channels_matched},
                                          {"programmes_created", r.programmes_created},
                                          {"programmes_updated", r.programmes_updated},
                                          {"programmes_replaced", r.programmes_replaced},
                                          {"programmes_skipped", r.programmes_skipped}});
      });

  router.add(method::post, "/api/v1/admin/epg/playlist", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               if (!is_playlist_type(ctx.req.header("content-type")))
                 return fail(errc::unsupported_media_type,
                             "Send the M3U playlist as audio/x-mpegurl, application/x-mpegurl, "
                             "application/vnd.apple.mpegurl or text/plain.");
               KINORA_TRY(r, interchange.import_m3u(ctx.req.body));
               return http::json(200, to_json(r));
             });
}

}  // namespace kinora::epg

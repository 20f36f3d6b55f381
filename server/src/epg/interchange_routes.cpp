#include "epg/interchange_routes.hpp"

#include <boost/json.hpp>

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
}

}  // namespace kinora::epg

#include "recommend/recommend_routes.hpp"

#include <boost/json.hpp>

#include "catalog/title_json.hpp"
#include "core/files.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::recommend {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

bj::object to_json(const embedding_job& j) {
  return {{"id", j.id},
          {"status", to_string(j.status)},
          {"regenerate", j.regenerate},
          {"done", j.done},
          {"total", j.total},
          {"progress", j.total ? static_cast<double>(j.done) / static_cast<double>(j.total)
                               : (j.status == job_status::running ? 0.0 : 1.0)},
          {"embedded", j.embedded},
          {"error", j.error ? bj::value(*j.error) : bj::value(nullptr)},
          {"started_at", format_rfc3339(j.started_at)},
          {"finished_at",
           j.finished_at ? bj::value(format_rfc3339(j.finished_at)) : bj::value(nullptr)}};
}

bj::object to_json(const similar_titles& found) {
  bj::array items;
  for (const auto& s : found.items) {
    auto item = catalog::to_json(s.title, false);
    item["score"] = s.score ? bj::value(*s.score) : bj::value(nullptr);
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}, {"source", found.source}, {"reason", found.reason}};
}

}  // namespace

void add_routes(http::router& router, recommend_service& service, title_vectors& vectors,
                random_source& random) {
  router.add(method::get, "/api/v1/recommendations/similar/{id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(limit, ctx.query.integer("limit", 12, 1, 50));
               KINORA_TRY(found, service.similar(ctx.who(), id, static_cast<std::size_t>(limit)));
               return http::json(200, to_json(found));
             });

  // Admins preview what viewers would be shown next to a title, over the whole catalog:
  // the same ranking, asked as a viewer who may see everything.
  router.add(method::get, "/api/v1/admin/titles/{id}/similar", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(limit, ctx.query.integer("limit", 12, 1, 50));
               auth::viewer everyone = ctx.who();
               everyone.tier = auth::tier::premium;
               everyone.ceiling = auth::maturity::age18;
               everyone.kids = false;
               KINORA_TRY(found, service.similar(everyone, id, static_cast<std::size_t>(limit)));
               return http::json(200, to_json(found));
             });

  router.add(
      method::get, "/api/v1/recommendations/home", access::signed_in,
      [&](http::context& ctx) -> result<http::response> {
        KINORA_TRY(per_rail, ctx.query.integer("per_rail", 12, 1, 30));
        bj::array rails;
        for (const auto& r : service.home(ctx.who(), static_cast<std::size_t>(per_rail))) {
          bj::array items;
          for (const auto& t : r.items) items.push_back(catalog::to_json(t, false));
          rails.push_back(bj::object{
              {"id", r.id}, {"title", r.title}, {"reason", r.reason}, {"items", std::move(items)}});
        }
        return http::json(200, bj::object{{"rails", std::move(rails)}});
      });

  router.add(method::post, "/api/v1/admin/embeddings/generate", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(regenerate, ctx.query.flag("regenerate", false));
               KINORA_TRY(job, vectors.start_job(regenerate, files::to_hex(random.bytes(8))));
               auto res = http::json(202, to_json(job));
               res.set("Location", "/api/v1/admin/embeddings/jobs/" + job.id);
               return res;
             });

  router.add(method::get, "/api/v1/admin/embeddings/jobs/{id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               const std::string id(ctx.param("id"));
               const auto job = vectors.job(id);
               if (!job) return fail(errc::not_found, "No embedding job " + id + ".");
               return http::json(200, to_json(*job));
             });

  router.add(method::get, "/api/v1/admin/embeddings", access::admin,
             [&](http::context&) -> result<http::response> {
               return http::json(
                   200, bj::object{{"model", vectors.available() ? bj::value(vectors.model_id())
                                                                 : bj::value(nullptr)},
                                   {"embedded_titles", vectors.size()}});
             });
}

}  // namespace kinora::recommend

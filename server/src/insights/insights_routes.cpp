#include "insights/insights_routes.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "auth/entitlement.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::insights {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

std::string_view detail_name(detail d) {
  switch (d) {
    case detail::range:
      return "range";
    case detail::tier:
      return "tier";
    case detail::genre:
      return "genre";
    case detail::channel:
      return "channel";
    case detail::title:
      return "title";
  }
  return "range";
}

std::string_view kind_name(column_kind k) {
  switch (k) {
    case column_kind::text:
      return "text";
    case column_kind::integer:
      return "integer";
    case column_kind::number:
      return "number";
    case column_kind::percent:
      return "percent";
    case column_kind::date:
      return "date";
    case column_kind::hours:
      return "hours";
  }
  return "text";
}

bj::value cell(const storage::value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return std::round(*d * 10) / 10;
  if (const auto* s = std::get_if<std::string>(&v)) return bj::string(*s);
  return nullptr;
}

template <class T, class F>
bj::value or_null(const std::optional<T>& o, F&& f) {
  return o ? bj::value(f(*o)) : bj::value(nullptr);
}

bj::object to_json(const answer& a) {
  const auto& d = a.details;
  bj::object parameters{
      {"range", or_null(d.range,
                        [](const time_range& r) {
                          return bj::object{{"label", r.label},
                                            {"from", format_rfc3339(r.from)},
                                            {"to", format_rfc3339(r.to)}};
                        })},
      {"tier", or_null(d.tier, [](auth::tier t) { return bj::string(auth::to_string(t)); })},
      {"genre", or_null(d.genre,
                        [](const named_genre& g) {
                          return bj::object{{"slug", g.slug}, {"name", g.name}};
                        })},
      {"channel", or_null(d.channel,
                          [](const named_channel& c) {
                            return bj::object{{"id", c.id}, {"number", c.number}, {"name", c.name}};
                          })},
      {"title", or_null(d.title, [](const named_title& t) {
         return bj::object{{"id", t.id}, {"title", t.title}};
       })}};
  bj::array columns, rows, suggestions;
  if (a.tmpl) {
    for (const auto& c : a.tmpl->columns)
      columns.push_back({{"key", c.key}, {"label", c.label}, {"kind", kind_name(c.kind)}});
    for (const auto& r : a.rows) {
      bj::object row;
      for (std::size_t i = 0; i < r.size(); ++i) row[a.tmpl->columns[i].key] = cell(r[i]);
      rows.push_back(std::move(row));
    }
  }
  for (const auto& s : a.suggestions)
    suggestions.push_back({{"id", s.tmpl->id},
                           {"title", s.tmpl->title},
                           {"question", s.tmpl->examples.front()},
                           {"similarity", std::round(s.similarity * 1000) / 1000}});
  const bool chart = a.tmpl && a.tmpl->chart && !a.rows.empty();
  return {{"question", a.question},
          {"matched", a.matched},
          {"similarity", std::round(a.similarity * 1000) / 1000},
          {"matcher", a.by_encoder ? "encoder" : "lexical"},
          {"template", a.tmpl ? bj::value(bj::object{{"id", a.tmpl->id}, {"title", a.tmpl->title}})
                              : bj::value(nullptr)},
          {"parameters", std::move(parameters)},
          {"answer", a.sentence},
          {"columns", std::move(columns)},
          {"rows", std::move(rows)},
          {"chart", chart ? bj::value(bj::object{{"kind", a.tmpl->shape == row_shape::days ||
                                                                  a.tmpl->shape == row_shape::hours
                                                              ? "line"
                                                              : "bar"},
                                                 {"x", a.tmpl->columns.front().key},
                                                 {"y", a.tmpl->columns.back().key}})
                          : bj::value(nullptr)},
          {"suggestions", std::move(suggestions)},
          {"elapsed_ms", std::round(a.elapsed_ms * 10) / 10}};
}

}  // namespace

void add_routes(http::router& router, insights_service& service) {
  router.add(method::get, "/api/v1/admin/insights/questions", access::admin,
             [](http::context&) -> result<http::response> {
               bj::array items;
               for (const auto& t : question_templates()) {
                 bj::array examples, parameters;
                 for (const auto& e : t.examples) examples.push_back(bj::string(e));
                 for (const auto d : t.takes)
                   parameters.push_back({{"name", detail_name(d)},
                                         {"required", std::find(t.needs.begin(), t.needs.end(),
                                                                d) != t.needs.end()}});
                 items.push_back({{"id", t.id},
                                  {"title", t.title},
                                  {"question", t.examples.front()},
                                  {"examples", std::move(examples)},
                                  {"parameters", std::move(parameters)}});
               }
               return http::json(200, bj::object{{"items", std::move(items)}});
             });

  router.add(method::get, "/api/v1/admin/insights/answer", access::admin,
             [&service](http::context& ctx) -> result<http::response> {
               KINORA_TRY(q, ctx.query.text("q", 300));
               const auto question = q ? text::fold(*q) : std::string();
               if (question.empty()) {
                 error e =
                     fail(errc::bad_request,
                          "Ask a question in 'q', for example 'most played titles this week'.",
                          "invalid-parameter");
                 return e;
               }
               KINORA_TRY(a, service.ask(*q));
               return http::json(200, to_json(a));
             });
}

}  // namespace kinora::insights

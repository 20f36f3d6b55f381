#include "http/router.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>

#include "core/json.hpp"
#include "http/problem.hpp"
#include "storage/database.hpp"

namespace kinora::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool safe_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

// Unique enough to follow a request through logs; no secret, so no syscall per request.
std::string new_request_id() {
  static constexpr char digits[] = "0123456789abcdef";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uint64_t bits = rng();
  std::string id(16, '0');
  for (auto& c : id) {
    c = digits[bits & 15];
    bits >>= 4;
  }
  return id;
}

std::string_view context::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

result<std::int64_t> context::id(std::string_view name) const {
  const auto raw = param(name);
  // Any positive int64, as the document's Id schema says; no overflow on longer input.
  std::int64_t n = 0;
  for (char c : raw) {
    if (c < '0' || c > '9' || n > (INT64_MAX - (c - '0')) / 10) {
      n = -1;
      break;
    }
    n = n * 10 + (c - '0');
  }
  if (raw.empty() || n <= 0)
    return fail(errc::bad_request,
                "Path parameter '" + std::string(name) + "' must be a positive integer id.",
                "invalid-id");
  return n;
}

result<boost::json::object> context::json_body() const {
  const auto type = req.header("content-type");
  if (!type ||
      !(type->starts_with("application/json") || type->starts_with("application/merge-patch+json")))
    return fail(errc::unsupported_media_type, "Send the body as application/json.");
  return json::parse_object(req.body);
}

void router::add(http::method m, std::string pattern, access a, handler h, at_once_handler quick) {
  auto segments = split_path(pattern);
  routes_.push_back(
      {{m, std::move(pattern), a}, std::move(segments), std::move(h), std::move(quick)});
}

void router::mount(static_mount m) {
  mounts_.push_back(std::move(m));
  // Longest prefix first, so /admin wins over /.
  std::sort(mounts_.begin(), mounts_.end(),
            [](const auto& a, const auto& b) { return a.prefix.size() > b.prefix.size(); });
}

std::vector<route_info> router::routes() const {
  std::vector<route_info> out;
  for (const auto& r : routes_) out.push_back(r.info);
  return out;
}

namespace {
void assign_request_id(request& req) {
  if (auto given = req.header("x-request-id"); given && safe_request_id(*given))
    req.request_id = std::string(*given);
  else
    req.request_id = new_request_id();
}
}  // namespace

std::optional<response> router::refuse_head(request& req) {
  const auto started = std::chrono::steady_clock::now();
  const route* r = match(req, nullptr, nullptr);
  if (!r || r->info.access == access::anyone) return std::nullopt;
  std::optional<error> refusal;
  const auto header = req.header("authorization");
  if (!header || !header->starts_with("Bearer ") || header->size() <= 7)
    refusal = missing_token();
  else if (auto who = verify_claims_ ? verify_claims_(header->substr(7))
                                     : result<auth::viewer>(missing_token());
           !who)
    refusal = who.err();
  else if (r->info.access == access::admin && !who->is_admin())
    refusal = admin_required();
  if (!refusal) return std::nullopt;
  assign_request_id(req);
  return finish(req, r->info.pattern, problem(*refusal, req.path), started);
}

std::optional<response> router::answer_at_once(request& req) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, std::string>> params;
  const route* r = match(req, &params, nullptr);
  if (!r || !r->quick) return std::nullopt;
  try {
    auto query = query_params::parse(req.query);
    if (!query) return std::nullopt;
    context ctx(req, std::move(*query));
    ctx.params = std::move(params);
    if (r->info.access != access::anyone) {
      const auto header = req.header("authorization");
      if (!header || !header->starts_with("Bearer ") || header->size() <= 7 ||
          !authenticate_at_once_)
        return std::nullopt;
      ctx.viewer = authenticate_at_once_(header->substr(7));
      if (!ctx.viewer || (r->info.access == access::admin && !ctx.viewer->is_admin()))
        return std::nullopt;
    }
    auto res = r->quick(ctx);
    if (!res) return std::nullopt;
    assign_request_id(req);
    return finish(req, r->info.pattern, std::move(*res), started);
  } catch (const std::exception&) {
    return std::nullopt;  // the worker's dispatch reports it
  }
}

response router::dispatch(request& req) {
  const auto started = std::chrono::steady_clock::now();
  assign_request_id(req);

  std::string route_name = "unmatched";
  response res;
  try {
    res = handle(req, route_name);
  } catch (const storage::storage_error& e) {
    if (e.which() == storage::storage_error::kind::foreign_key_violation) {
      // A write raced with the deletion of what it refers to (a profile deleted between the
      // token check and the write): the request's fault in hindsight, not the server's.
      log_.warn("foreign key violation", {{"request_id", req.request_id}, {"error", e.what()}});
      res = problem(fail(errc::conflict,
                         "Something this request refers to was deleted meanwhile; reload and "
                         "try again.",
                         "reference-gone"),
                    req.path);
    } else {
      const bool busy = e.which() == storage::storage_error::kind::busy ||
                        e.which() == storage::storage_error::kind::connection ||
                        e.which() == storage::storage_error::kind::timeout;
      log_.error("storage failure",
                 {{"request_id", req.request_id}, {"source", e.source()}, {"error", e.what()}});
      const std::string what =
          e.source() == "database" ? "The database" : "The session store (" + e.source() + ")";
      res = problem(fail(busy ? errc::unavailable : errc::internal,
                         busy ? what + " is busy or unreachable; try again shortly."
                              : "An unexpected " + e.source() + " error occurred."),
                    req.path);
      if (busy) res.set("Retry-After", "1");
    }
  } catch (const std::exception& e) {
    log_.error("unhandled exception", {{"request_id", req.request_id}, {"error", e.what()}});
    res = problem(fail(errc::internal, "An unexpected error occurred."), req.path);
  }
  return finish(req, route_name, std::move(res), started);
}

response router::finish(const request& req, const std::string& route_name, response res,
                        std::chrono::steady_clock::time_point started) {
  res.set("X-Request-Id", req.request_id);

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.observe(route_name, to_string(req.method), res.status, seconds);
  log_.info("request", {{"method", to_string(req.method)},
                        {"path", req.path},
                        {"route", route_name},
                        {"status", res.status},
                        {"duration_ms", std::round(seconds * 1e5) / 100},
                        {"request_id", req.request_id},
                        {"client", req.client_address}});
  return res;
}

error missing_token() {
  return fail(errc::unauthorized, "Send an access token: Authorization: Bearer <token>.",
              "missing-token");
}

error admin_required() {
  return fail(errc::forbidden, "This route requires the admin role.", "admin-required");
}

const router::route* router::match(const request& req,
                                   std::vector<std::pair<std::string, std::string>>* params,
                                   std::string* allowed) const {
  const auto segments = split_path(req.path);
  for (const auto& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    std::vector<std::pair<std::string, std::string>> found;
    bool same = true;
    for (std::size_t i = 0; i < segments.size() && same; ++i) {
      const auto& pat = r.segments[i];
      if (pat.size() > 2 && pat.front() == '{' && pat.back() == '}')
        found.emplace_back(pat.substr(1, pat.size() - 2), segments[i]);
      else
        same = pat == segments[i];
    }
    if (!same) continue;
    const bool method_ok =
        r.info.method == req.method || (req.method == method::head && r.info.method == method::get);
    if (!method_ok) {
      if (allowed)
        *allowed += (allowed->empty() ? "" : ", ") + std::string(to_string(r.info.method));
      continue;
    }
    if (params) *params = std::move(found);
    return &r;
  }
  return nullptr;
}

response router::handle(request& req, std::string& route_name) {
  std::vector<std::pair<std::string, std::string>> params;
  std::string allowed;
  const route* matched = match(req, &params, &allowed);

  if (!matched) {
    if (!req.path.starts_with("/api/")) {
      // The most specific mount that owns the path answers; /docs/x never falls to "/".
      for (const auto& m : mounts_) {
        if (!owns(m, req.path)) continue;
        route_name = "static:" + m.prefix;
        if (auto r = serve_static(m, req)) return std::move(*r);
        break;
      }
    }
    if (!allowed.empty()) {
      route_name = "method-not-allowed";
      auto r =
          problem(fail(errc::method_not_allowed, "Method " + std::string(to_string(req.method)) +
                                                     " is not allowed here; use " + allowed + "."),
                  req.path);
      r.set("Allow", allowed);
      return r;
    }
    return problem(fail(errc::not_found, "No resource at " + req.path + "."), req.path);
  }

  route_name = matched->info.pattern;
  auto query = query_params::parse(req.query);
  if (!query) return problem(query.err(), req.path);
  context ctx(req, std::move(*query));
  ctx.params = std::move(params);

  if (matched->info.access != access::anyone) {
    const auto header = req.header("authorization");
    if (!header || !header->starts_with("Bearer ") || header->size() <= 7)
      return problem(missing_token(), req.path);
    auto who = authenticate_ ? authenticate_(header->substr(7))
                             : result<auth::viewer>(fail(errc::unauthorized, "No authenticator."));
    if (!who) return problem(who.err(), req.path);
    if (matched->info.access == access::admin && !who->is_admin())
      return problem(admin_required(), req.path);
    ctx.viewer = *who;
  }

  auto out = matched->fn(ctx);
  if (!out) return problem(out.err(), req.path);
  const bool write = req.method != method::get && req.method != method::head;
  if (write && matched->info.access == access::admin && out->status < 300 && observe_admin_write_)
    observe_admin_write_(ctx, matched->info, *out);
  return std::move(*out);
}

}  // namespace kinora::http

#include "audit/audit_log.hpp"

namespace kinora::audit {

void record(storage::connection& c, const entry& e) {
  c.query(
      "INSERT INTO audit_log (id, at, account_id, method, route, target, status) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {e.id, e.at, e.account_id, e.method, e.route, e.target, std::int64_t{e.status}});
}

page list(storage::connection& c, const filter& f) {
  std::vector<storage::value> params;
  std::string where;
  const auto add = [&](const std::string& condition, storage::value v) {
    params.push_back(std::move(v));
    where += (where.empty() ? " WHERE " : " AND ") + condition + std::to_string(params.size());
  };
  if (f.account_id) add("a.account_id = $", *f.account_id);
  if (f.area) {
    const std::string prefix = "/api/v1/admin/" + *f.area;
    add("(a.route = $", prefix);
    where += " OR a.route LIKE $" + std::to_string(params.size() + 1) + ")";
    params.emplace_back(prefix + "/%");
  }
  if (f.since) add("a.at >= $", *f.since);
  if (f.until) add("a.at < $", *f.until);

  page out;
  out.total = c.query("SELECT COUNT(*) FROM audit_log a" + where, params).front().i64(0);
  const auto n = params.size();
  params.emplace_back(f.limit);
  params.emplace_back(f.offset);
  const auto sql =
      "SELECT a.id, a.at, a.account_id, acc.email, a.method, a.route, a.target,"
      " a.status FROM audit_log a LEFT JOIN accounts acc ON acc.id = a.account_id" +
      where + " ORDER BY a.at DESC, a.id DESC LIMIT $" + std::to_string(n + 1) + " OFFSET $" +
      std::to_string(n + 2);
  for (const auto& r : c.query(sql, params))
    out.items.push_back({r.text(0), r.i64(1), r.i64(2), r.opt_text(3), r.text(4), r.text(5),
                         r.text(6), static_cast<int>(r.i64(7))});
  return out;
}

}  // namespace kinora::audit

#include "audit/audit_log.hpp"

#include "storage/statement.hpp"

namespace kinora::audit {

void record(storage::connection& c, const entry& e) {
  c.query(
      "INSERT INTO audit_log (id, at, account_id, method, route, target, status) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {e.id, e.at, e.account_id, e.method, e.route, e.target, std::int64_t{e.status}});
}

page list(storage::connection& c, const filter& f) {
  storage::statement st;
  std::string where;
  const auto add = [&](const std::string& condition, storage::value v) {
    where += (where.empty() ? " WHERE " : " AND ") + condition + st.bind(std::move(v));
  };
  if (f.account_id) add("a.account_id = ", *f.account_id);
  if (f.area) {
    const std::string prefix = "/api/v1/admin/" + *f.area;
    add("(a.route = ", prefix);
    where += " OR a.route LIKE " + st.bind(prefix + "/%") + ")";
  }
  if (f.since) add("a.at >= ", *f.since);
  if (f.until) add("a.at < ", *f.until);

  page out;
  out.total = st.run(c, "SELECT COUNT(*) FROM audit_log a" + where).front().i64(0);
  const auto sql =
      "SELECT a.id, a.at, a.account_id, acc.email, a.method, a.route, a.target,"
      " a.status FROM audit_log a LEFT JOIN accounts acc ON acc.id = a.account_id" +
      where + " ORDER BY a.at DESC, a.id DESC LIMIT " + st.bind(f.limit) + " OFFSET " +
      st.bind(f.offset);
  for (const auto& r : st.run(c, sql))
    out.items.push_back({r.text(0), r.i64(1), r.i64(2), r.opt_text(3), r.text(4), r.text(5),
                         r.text(6), static_cast<int>(r.i64(7))});
  return out;
}

}  // namespace kinora::audit

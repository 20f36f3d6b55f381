#include "accounts/account_admin.hpp"

#include <cctype>

#include "auth/account_store.hpp"
#include "auth/entitlement.hpp"
#include "catalog/catalog_reads.hpp"
#include "epg/epg_store.hpp"
#include "storage/statement.hpp"

namespace kinora::accounts {

namespace {

constexpr const char* summary_columns =
    "SELECT a.id, a.email, a.tier, a.is_admin, a.disabled_at, a.created_at, a.last_sign_in_at, "
    "(SELECT COUNT(*) FROM profiles p WHERE p.account_id = a.id) FROM accounts a";

summary read_summary(const storage::row& r) {
  summary s;
  s.id = r.i64(0);
  s.email = r.text(1);
  s.tier = auth::parse_tier(r.text(2)).value_or(auth::tier::basic);
  s.admin = r.boolean(3);
  s.disabled_at = r.opt_i64(4);
  s.created_at = r.i64(5);
  s.last_sign_in_at = r.opt_i64(6);
  s.profile_count = r.i64(7);
  return s;
}

// A LIKE pattern matching `text` anywhere, with its own % and _ taken literally.
std::string contains_pattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out + "%";
}

}  // namespace

page list(storage::connection& c, const filter& f) {
  storage::statement st;
  std::string where;
  const auto add = [&](const std::string& condition, storage::value v) {
    where += (where.empty() ? " WHERE " : " AND ") + condition + st.bind(std::move(v));
  };
  // Emails are stored lower-case, so LIKE needs no case folding on either database.
  if (f.q && !f.q->empty()) {
    add("a.email LIKE ", contains_pattern(*f.q));
    where += " ESCAPE '\\'";
  }
  if (f.tier) add("a.tier = ", std::string(auth::to_string(*f.tier)));

  page out;
  out.total = st.run(c, "SELECT COUNT(*) FROM accounts a" + where).front().i64(0);
  const auto sql = std::string(summary_columns) + where + " ORDER BY a.id LIMIT " +
                   st.bind(f.limit) + " OFFSET " + st.bind(f.offset);
  for (const auto& r : st.run(c, sql)) out.items.push_back(read_summary(r));
  return out;
}

std::optional<summary> find(storage::connection& c, std::int64_t id) {
  const auto rs = c.query(std::string(summary_columns) + " WHERE a.id = $1", {id});
  if (rs.empty()) return std::nullopt;
  return read_summary(rs.front());
}

void set_tier(storage::connection& c, std::int64_t id, auth::tier t) {
  c.query("UPDATE accounts SET tier = $1 WHERE id = $2", {std::string(auth::to_string(t)), id});
}

void set_disabled(storage::connection& c, std::int64_t id, bool disabled, std::int64_t now) {
  auth::account_store::note_revocation();
  if (disabled)
    c.query("UPDATE accounts SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL",
            {now, id});
  else
    c.query("UPDATE accounts SET disabled_at = NULL WHERE id = $1", {id});
}

std::optional<std::string> watching(storage::connection& c, std::int64_t title_id,
                                    std::int64_t channel_id) {
  if (title_id) {
    const auto found = catalog::reads::find_many(c, catalog::everything, {title_id});
    return found.empty() ? std::nullopt : std::optional(found.front().name);
  }
  if (channel_id) {
    const auto ch = epg::epg_store::find_any_channel(c, channel_id);
    return ch ? std::optional(ch->name) : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kinora::accounts

#include "auth/account_store.hpp"

#include <atomic>

#include "auth/entitlement.hpp"

namespace kinora::auth::account_store {

namespace {

auth::account read_account(const storage::row& r) {
  return {r.i64(0), r.text(1), parse_tier(r.text(2)).value_or(tier::basic), r.boolean(3), r.i64(4)};
}

profile read_profile(const storage::row& r) {
  profile p;
  p.id = r.i64(0);
  p.account_id = r.i64(1);
  p.name = r.text(2);
  p.kids = r.boolean(3);
  p.ceiling = parse_maturity(r.text(4)).value_or(maturity::all);
  p.pin_hash = r.opt_text(5);
  p.created_at = r.i64(6);
  return p;
}

std::atomic<std::uint64_t> revocations{0};

constexpr const char* profile_columns =
    "SELECT id, account_id, name, is_kids, maturity_ceiling, pin_hash, created_at FROM profiles ";

}  // namespace

std::optional<account_with_secret> find_by_email(connection& c, const std::string& email) {
  const auto rs = c.query(
      "SELECT id, email, tier, is_admin, created_at, password_hash, disabled_at IS NOT NULL "
      "FROM accounts WHERE email = $1",
      {email});
  if (rs.empty()) return std::nullopt;
  return account_with_secret{read_account(rs.front()), rs.front().text(5), rs.front().boolean(6)};
}

bool is_disabled(connection& c, std::int64_t account_id) {
  const auto rs =
      c.query("SELECT 1 FROM accounts WHERE id = $1 AND disabled_at IS NOT NULL", {account_id});
  return !rs.empty();
}

void record_sign_in(connection& c, std::int64_t account_id, std::int64_t now) {
  c.query("UPDATE accounts SET last_sign_in_at = $1 WHERE id = $2", {now, account_id});
}

std::optional<auth::account> find_account(connection& c, std::int64_t id) {
  const auto rs =
      c.query("SELECT id, email, tier, is_admin, created_at FROM accounts WHERE id = $1", {id});
  if (rs.empty()) return std::nullopt;
  return read_account(rs.front());
}

std::int64_t insert_account(connection& c, const std::string& email, const std::string& hash,
                            tier t, bool admin, std::int64_t now) {
  return c
      .query(
          "INSERT INTO accounts (email, password_hash, tier, is_admin, created_at) "
          "VALUES ($1, $2, $3, $4, $5) RETURNING id",
          {email, hash, std::string(to_string(t)), std::int64_t{admin}, now})
      .front()
      .i64(0);
}

std::vector<profile> list_profiles(connection& c, std::int64_t account_id) {
  std::vector<profile> out;
  for (const auto& r :
       c.query(std::string(profile_columns) + "WHERE account_id = $1 ORDER BY id", {account_id}))
    out.push_back(read_profile(r));
  return out;
}

std::optional<profile> find_profile(connection& c, std::int64_t account_id,
                                    std::int64_t profile_id) {
  const auto rs = c.query(std::string(profile_columns) + "WHERE account_id = $1 AND id = $2",
                          {account_id, profile_id});
  if (rs.empty()) return std::nullopt;
  return read_profile(rs.front());
}

std::int64_t insert_profile(connection& c, const profile& p) {
  return c
      .query(
          "INSERT INTO profiles (account_id, name, is_kids, maturity_ceiling, pin_hash, "
          "created_at) "
          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          {p.account_id, p.name, std::int64_t{p.kids}, std::string(to_string(p.ceiling)),
           storage::nullable(p.pin_hash), p.created_at})
      .front()
      .i64(0);
}

void update_profile(connection& c, const profile& p) {
  c.query(
      "UPDATE profiles SET name = $1, is_kids = $2, maturity_ceiling = $3, pin_hash = $4 "
      "WHERE id = $5 AND account_id = $6",
      {p.name, std::int64_t{p.kids}, std::string(to_string(p.ceiling)),
       storage::nullable(p.pin_hash), p.id, p.account_id});
}

void delete_profile(connection& c, std::int64_t account_id, std::int64_t profile_id) {
  note_revocation();
  c.query("DELETE FROM profiles WHERE id = $1 AND account_id = $2", {profile_id, account_id});
}

std::int64_t insert_refresh(connection& c, const std::string& token_hash, const std::string& family,
                            std::int64_t account_id, std::int64_t profile_id, std::int64_t now,
                            std::int64_t expires_at) {
  return c
      .query(
          "INSERT INTO refresh_tokens (token_hash, family_id, account_id, profile_id, "
          "created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          {token_hash, family, account_id, profile_id, now, expires_at})
      .front()
      .i64(0);
}

std::uint64_t revocation_epoch() {
  return revocations.load(std::memory_order_acquire);
}
void note_revocation() {
  revocations.fetch_add(1, std::memory_order_acq_rel);
}

token_standing standing(connection& c, std::int64_t account_id, std::int64_t profile_id,
                        std::int64_t refresh_id) {
  // Primary-key lookups only. A refresh token row goes with its profile and account
  // (ON DELETE CASCADE), so a missing row after a present profile means it was deleted.
  const auto rs = c.query(
      "SELECT a.disabled_at IS NOT NULL, p.id IS NOT NULL, r.id IS NOT NULL, "
      "r.revoked_at IS NOT NULL "
      "FROM accounts a "
      "LEFT JOIN profiles p ON p.id = $2 AND p.account_id = a.id "
      "LEFT JOIN refresh_tokens r ON r.id = $3 AND r.account_id = a.id AND r.profile_id = $2 "
      "WHERE a.id = $1",
      {account_id, profile_id, refresh_id});
  if (rs.empty()) return token_standing::account_gone;
  const auto& r = rs.front();
  if (r.boolean(0)) return token_standing::account_disabled;
  if (!r.boolean(1)) return token_standing::profile_gone;
  if (!r.boolean(2) || r.boolean(3)) return token_standing::session_ended;
  return token_standing::valid;
}

std::optional<refresh_record> find_refresh(connection& c, const std::string& token_hash) {
  const auto rs = c.query(
      "SELECT id, family_id, account_id, profile_id, expires_at, used_at, revoked_at "
      "FROM refresh_tokens WHERE token_hash = $1",
      {token_hash});
  if (rs.empty()) return std::nullopt;
  const auto& r = rs.front();
  return refresh_record{r.i64(0), r.text(1),    r.i64(2),    r.i64(3),
                        r.i64(4), r.opt_i64(5), r.opt_i64(6)};
}

bool mark_used(connection& c, std::int64_t id, std::int64_t now) {
  return c.query("UPDATE refresh_tokens SET used_at = $1 WHERE id = $2 AND used_at IS NULL",
                 {now, id})
             .affected == 1;
}

void revoke_family(connection& c, const std::string& family, std::int64_t now) {
  note_revocation();
  c.query("UPDATE refresh_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL",
          {now, family});
}

void revoke_account(connection& c, std::int64_t account_id, std::int64_t now) {
  note_revocation();
  c.query("UPDATE refresh_tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL",
          {now, account_id});
}

}  // namespace kinora::auth::account_store

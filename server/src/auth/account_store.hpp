#pragma once
// SQL for accounts, profiles and refresh tokens. Functions take a connection so the
// service can group them in one transaction.
#include <cstdint>
#include <optional>
#include <vector>

#include "auth/account.hpp"
#include "storage/database.hpp"

namespace kinora::auth::account_store {

using storage::connection;

struct account_with_secret {
  auth::account account;
  std::string password_hash;
  bool disabled = false;
};

struct refresh_record {
  std::int64_t id = 0;
  std::string family;
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
  std::optional<std::int64_t> revoked_at;
};

std::optional<account_with_secret> find_by_email(connection& c, const std::string& email);
std::optional<auth::account> find_account(connection& c, std::int64_t id);
std::int64_t insert_account(connection& c, const std::string& email, const std::string& hash,
                            tier t, bool admin, std::int64_t now);
bool is_disabled(connection& c, std::int64_t account_id);
void record_sign_in(connection& c, std::int64_t account_id, std::int64_t now);

std::vector<profile> list_profiles(connection& c, std::int64_t account_id);
std::optional<profile> find_profile(connection& c, std::int64_t account_id,
                                    std::int64_t profile_id);
std::int64_t insert_profile(connection& c, const profile& p);
void update_profile(connection& c, const profile& p);
void delete_profile(connection& c, std::int64_t account_id, std::int64_t profile_id);

// Returns the new row's id, which the access tokens issued with it name.
std::int64_t insert_refresh(connection& c, const std::string& token_hash, const std::string& family,
                            std::int64_t account_id, std::int64_t profile_id, std::int64_t now,
                            std::int64_t expires_at);
std::optional<refresh_record> find_refresh(connection& c, const std::string& token_hash);

// What stands behind an access token, in one indexed lookup per request.
enum class token_standing {
  valid,
  account_gone,
  account_disabled,
  profile_gone,
  session_ended,  // its refresh token was revoked (sign-out, theft, disabling) or deleted
};
// Counts the revocations this process made (sign-out, theft, profile deletion, disabling):
// its short cache of valid sessions forgets everything when it moves.
std::uint64_t revocation_epoch();
void note_revocation();

token_standing standing(connection& c, std::int64_t account_id, std::int64_t profile_id,
                        std::int64_t refresh_id);
// False when another request used the token first.
bool mark_used(connection& c, std::int64_t id, std::int64_t now);
void revoke_family(connection& c, const std::string& family, std::int64_t now);
// Every live refresh token of the account: it is signed out everywhere.
void revoke_account(connection& c, std::int64_t account_id, std::int64_t now);

}  // namespace kinora::auth::account_store

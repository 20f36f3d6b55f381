#include "auth/auth_service.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "auth/account_store.hpp"
#include "auth/entitlement.hpp"
#include "auth/password.hpp"

namespace kinora::auth {

namespace store = account_store;

namespace {

std::string normalize_email(std::string email) {
  for (auto& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return email;
}

bool plausible_email(const std::string& e) {
  const auto at = e.find('@');
  if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
  const auto dot = e.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 >= e.size()) return false;
  // Internationalised addresses (UTF-8 bytes >= 0x80) are fine; spaces and controls are not.
  return std::none_of(e.begin(), e.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isspace(c) || c < 0x20 || c == 0x7f;
  });
}

bool valid_pin(const std::string& pin) {
  return pin.size() == 4 &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

error invalid_credentials() {
  return fail(errc::unauthorized, "The email or password is incorrect.", "invalid-credentials");
}

error invalid_refresh() {
  return fail(errc::unauthorized,
              "The refresh token is invalid, expired or revoked; sign in again.",
              "invalid-refresh-token");
}

// A kids profile may only look up to 13+, whatever it asks for.
constexpr maturity kids_max = maturity::age13;

}  // namespace

auth_service::auth_service(storage::database& db, const clock& clk, random_source& rnd,
                           auth_settings settings, std::shared_ptr<attempt_counters> counters)
    : db_(db),
      clock_(clk),
      random_(rnd),
      settings_(std::move(settings)),
      codec_(settings_.token_secret),
      dummy_hash_(hash_password("not-a-real-password")),
      throttle_(counters ? std::move(counters) : make_memory_attempt_counters(),
                throttle_settings{.address_failures = static_cast<std::int64_t>(
                                      settings_.login_attempts_per_address)}) {}

viewer auth_service::viewer_for(const account& a, const profile& p) {
  viewer v;
  v.account_id = a.id;
  v.profile_id = p.id;
  v.role = a.admin ? role::admin : role::viewer;
  v.tier = a.tier;
  v.ceiling = p.ceiling;
  v.kids = p.kids;
  return v;
}

grant auth_service::issue(storage::connection& c, const account& a, const profile& p,
                          const std::string& family, std::string refresh_token) {
  const auto now = clock_.now_unix();
  const auto id = store::insert_refresh(c, sha256_hex(refresh_token), family, a.id, p.id, now,
                                        now + settings_.refresh_ttl_seconds);
  return reissue(c, a, p, id, std::move(refresh_token));
}

grant auth_service::reissue(storage::connection& c, const account& a, const profile& p,
                            std::int64_t refresh_id, std::string refresh_token) {
  grant g;
  g.account = a;
  g.profile = p;
  g.profiles = store::list_profiles(c, a.id);
  auto v = viewer_for(a, p);
  v.refresh_id = refresh_id;
  g.tokens.access_token = codec_.issue(v, clock_.now_unix(), settings_.access_ttl_seconds);
  g.tokens.refresh_token = std::move(refresh_token);
  g.tokens.expires_in = settings_.access_ttl_seconds;
  return g;
}

std::string auth_service::successor_of(const std::string& token) const {
  return codec_.derive("kinora refresh successor", token);
}

status auth_service::check_pin(const profile& p, const std::optional<std::string>& pin) {
  if (!p.pin_hash) return ok();
  if (!pin)
    return fail(errc::forbidden, "Profile '" + p.name + "' is locked with a PIN; send its pin.",
                "pin-required");
  const auto now_ms = clock_.now_unix_ms();
  if (auto wait = throttle_.pin_wait_ms(p.id, now_ms); wait > 0) {
    error e = fail(errc::rate_limited, "Too many wrong PINs for this profile; try again later.");
    e.retry_after_seconds = static_cast<int>((wait + 999) / 1000);
    return e;
  }
  if (!verify_password(*p.pin_hash, *pin)) {
    throttle_.pin_failed(p.id, now_ms);
    return fail(errc::forbidden, "The profile PIN is incorrect.", "invalid-pin");
  }
  throttle_.pin_succeeded(p.id);
  return ok();
}

result<grant> auth_service::register_account(const new_account& input,
                                             const std::string& profile_name) {
  const std::string email = normalize_email(input.email);
  if (!plausible_email(email)) return invalid_field("email", "must be an email address");
  if (input.password.size() < 8) return invalid_field("password", "must be at least 8 characters");
  const std::string hash = hash_password(input.password);
  const auto now = clock_.now_unix();
  try {
    return db_.transact([&](storage::connection& c) -> result<grant> {
      account a{0, email, input.tier, input.admin, now};
      a.id = store::insert_account(c, email, hash, input.tier, input.admin, now);
      profile p;
      p.account_id = a.id;
      p.name = profile_name;
      p.created_at = now;
      p.id = store::insert_profile(c, p);
      return issue(c, a, p, base64url(random_.bytes(16)), base64url(random_.bytes(32)));
    });
  } catch (const storage::storage_error& e) {
    if (e.which() == storage::storage_error::kind::unique_violation)
      return fail(errc::conflict, "An account with this email already exists.", "email-taken");
    throw;
  }
}

result<grant> auth_service::login(const std::string& email_in, const std::string& password,
                                  std::optional<std::int64_t> profile_id,
                                  const std::optional<std::string>& pin,
                                  const std::string& client_address) {
  const std::string email = normalize_email(email_in);
  const auto now = clock_.now_unix();
  const auto now_ms = clock_.now_unix_ms();
  // Checked before the password, so a waiting pair learns nothing from its guesses. Requests
  // of one pair racing past the check together are bounded by the worker threads.
  if (const auto wait_ms = throttle_.sign_in_wait_ms(email, client_address, now_ms); wait_ms > 0) {
    const auto wait = (wait_ms + 999) / 1000;
    error e =
        fail(errc::rate_limited, "Too many failed sign-ins from this address; try again in " +
                                     std::to_string(wait) + (wait == 1 ? " second." : " seconds."));
    e.retry_after_seconds = static_cast<int>(wait);
    return e;
  }

  const auto found = [&] {
    auto conn = db_.acquire();
    return store::find_by_email(*conn, email);
  }();
  // Argon2id takes a while: no pooled connection is held meanwhile.
  if (!verify_password(found ? found->password_hash : dummy_hash_, password) || !found) {
    throttle_.sign_in_failed(email, client_address, now_ms);
    return invalid_credentials();
  }
  throttle_.sign_in_succeeded(email, client_address);
  // Told only to whoever knows the password: the account exists but an admin disabled it.
  if (found->disabled)
    return fail(errc::forbidden, "This account is disabled; contact support.", "account-disabled");

  const auto profiles = [&] {
    auto conn = db_.acquire();
    return store::list_profiles(*conn, found->account.id);
  }();
  std::optional<profile> chosen;
  if (profile_id) {
    for (const auto& p : profiles)
      if (p.id == *profile_id) chosen = p;
    if (!chosen)
      return fail(errc::not_found,
                  "This account has no profile " + std::to_string(*profile_id) + ".");
    if (auto st = check_pin(*chosen, pin); !st) return st.err();
  } else {
    for (const auto& p : profiles)
      if (!p.pin_hash && !chosen) chosen = p;
    if (!chosen)
      return fail(errc::forbidden,
                  "Every profile of this account has a PIN; send profile_id and pin.",
                  "pin-required");
  }
  return db_.transact([&](storage::connection& c) {
    store::record_sign_in(c, found->account.id, now);
    return issue(c, found->account, *chosen, base64url(random_.bytes(16)),
                 base64url(random_.bytes(32)));
  });
}

result<grant> auth_service::refresh(const std::string& token) {
  const auto now = clock_.now_unix();
  const auto hash = sha256_hex(token);
  // nullopt: a used token came back after the grace. The revocation of its family is a
  // successful outcome of the transaction, so it commits; the caller still gets an error.
  auto rotated = db_.transact([&](storage::connection& c) -> result<std::optional<grant>> {
    auto rec = store::find_refresh(c, hash);
    if (!rec || rec->revoked_at || rec->expires_at <= now) return invalid_refresh();
    const auto holder = [&](const store::refresh_record& r) {
      const auto a = store::find_account(c, r.account_id);
      const auto p = a ? store::find_profile(c, r.account_id, r.profile_id) : std::nullopt;
      return a && p && !store::is_disabled(c, a->id) ? std::optional(std::pair{*a, *p})
                                                     : std::nullopt;
    };
    // The atomic UPDATE ... WHERE used_at IS NULL lets one request rotate: on PostgreSQL the
    // others wait for its row lock and then find the token used (SQLite runs one at a time).
    if (!rec->used_at && store::mark_used(c, rec->id, now)) {
      const auto who = holder(*rec);
      if (!who) return invalid_refresh();
      return std::optional<grant>{
          issue(c, who->first, who->second, rec->family, successor_of(token))};
    }
    // Used already, perhaps a moment ago by a request that won the race: read what it
    // committed (this statement sees it under READ COMMITTED).
    if (!rec->used_at) rec = store::find_refresh(c, hash);
    if (!rec || !rec->used_at || rec->revoked_at) return invalid_refresh();
    const auto successor = successor_of(token);
    const auto next = now - *rec->used_at <= settings_.refresh_reuse_grace_seconds
                          ? store::find_refresh(c, sha256_hex(successor))
                          : std::nullopt;
    if (!next) {
      // A rotated token came back after the grace: someone holds a copy. End the family.
      store::revoke_family(c, rec->family, now);
      return std::optional<grant>{};
    }
    // Within the grace: the same successor again (signed out meanwhile: no longer).
    if (next->revoked_at || next->expires_at <= now) return invalid_refresh();
    const auto who = holder(*next);
    if (!who) return invalid_refresh();
    return std::optional<grant>{reissue(c, who->first, who->second, next->id, successor)};
  });
  if (!rotated) return std::move(rotated).err();
  if (!*rotated)
    return fail(errc::unauthorized,
                "This refresh token was already used; every session from it is now revoked.",
                "refresh-token-reused");
  return std::move(**rotated);
}

status auth_service::logout(const std::string& token) {
  const auto now = clock_.now_unix();
  auto conn = db_.acquire();
  const auto rec = store::find_refresh(*conn, sha256_hex(token));
  if (!rec) return invalid_refresh();
  store::revoke_family(*conn, rec->family, now);
  return ok();
}

bool auth_service::known_valid(const viewer& v, std::uint64_t epoch) {
  if (settings_.standing_cache_ms <= 0) return false;
  std::lock_guard lock(sessions_mutex_);
  const auto it = valid_sessions_.find(v.refresh_id);
  return it != valid_sessions_.end() && it->second.epoch == epoch &&
         it->second.account_id == v.account_id && it->second.profile_id == v.profile_id &&
         std::chrono::steady_clock::now() < it->second.until;
}

void auth_service::remember_valid(const viewer& v, std::uint64_t epoch) {
  if (settings_.standing_cache_ms <= 0) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(sessions_mutex_);
  // Bounded: entries live a second, so a full map is mostly stale.
  if (valid_sessions_.size() >= 50'000)
    std::erase_if(valid_sessions_,
                  [&](const auto& e) { return e.second.until <= now || e.second.epoch != epoch; });
  if (valid_sessions_.size() >= 50'000) valid_sessions_.clear();
  valid_sessions_[v.refresh_id] = {v.account_id, v.profile_id, epoch,
                                   now + std::chrono::milliseconds(settings_.standing_cache_ms)};
}

result<viewer> auth_service::checked_claims(std::string_view access_token) {
  const auto now = clock_.now_unix();
  if (auto known = verified_.find(access_token, now)) return *known;
  std::int64_t expires_at = 0;
  auto v = codec_.verify(access_token, now, &expires_at);
  if (v) verified_.remember(access_token, *v, expires_at);
  return v;
}

result<viewer> auth_service::verify_claims(std::string_view access_token) {
  return checked_claims(access_token);
}

std::optional<viewer> auth_service::authenticate_at_once(std::string_view access_token) {
  auto v = checked_claims(access_token);
  if (!v || !known_valid(*v, store::revocation_epoch())) return std::nullopt;
  return *v;
}

result<viewer> auth_service::authenticate(std::string_view access_token) {
  KINORA_TRY(v, checked_claims(access_token));
  // Read before the lookup: a revocation during it leaves the entry already outdated.
  const auto epoch = store::revocation_epoch();
  if (known_valid(v, epoch)) return v;
  const auto standing = [&] {
    auto conn = db_.acquire();
    return store::standing(*conn, v.account_id, v.profile_id, v.refresh_id);
  }();
  using enum store::token_standing;
  switch (standing) {
    case valid:
      remember_valid(v, epoch);
      return v;
    case account_gone:
      return fail(errc::unauthorized, "The account of this access token no longer exists.",
                  "token-revoked");
    case account_disabled:
      return fail(errc::unauthorized, "This account is disabled; contact support.",
                  "account-disabled");
    case profile_gone:
      return fail(errc::unauthorized,
                  "The profile of this access token was deleted; choose another profile.",
                  "token-revoked");
    case session_ended:
      break;
  }
  return fail(errc::unauthorized,
              "This access token's session was signed out or revoked; sign in again.",
              "token-revoked");
}

result<grant> auth_service::current(const viewer& v) {
  auto conn = db_.acquire();
  const auto a = store::find_account(*conn, v.account_id);
  const auto p = a ? store::find_profile(*conn, v.account_id, v.profile_id) : std::nullopt;
  if (!a || !p)
    return fail(errc::unauthorized, "The account or profile no longer exists.", "invalid-token");
  grant g;
  g.account = *a;
  g.profile = *p;
  g.profiles = store::list_profiles(*conn, a->id);
  return g;
}

result<std::vector<profile>> auth_service::profiles(const viewer& v) {
  auto conn = db_.acquire();
  return store::list_profiles(*conn, v.account_id);
}

result<profile> auth_service::create_profile(const viewer& v, const profile_input& input) {
  if (v.kids)
    return fail(errc::forbidden, "A kids profile cannot manage profiles.", "kids-profile");
  if (!input.name) return invalid_field("name", "is required");
  if (input.pin && !input.pin->empty() && !valid_pin(*input.pin))
    return invalid_field("pin", "must be 4 digits");
  profile p;
  p.account_id = v.account_id;
  p.name = *input.name;
  p.kids = input.kids.value_or(false);
  p.ceiling = input.ceiling.value_or(p.kids ? maturity::age7 : maturity::age18);
  if (p.kids && rank(p.ceiling) > rank(kids_max))
    return invalid_field("maturity_ceiling", "must be at most 13+ for a kids profile");
  if (input.pin && !input.pin->empty()) p.pin_hash = hash_password(*input.pin);
  p.created_at = clock_.now_unix();
  try {
    return db_.transact([&](storage::connection& c) -> result<profile> {
      if (store::list_profiles(c, v.account_id).size() >= max_profiles_per_account)
        return fail(errc::conflict, "An account can have at most 5 profiles.", "profile-limit");
      p.id = store::insert_profile(c, p);
      return p;
    });
  } catch (const storage::storage_error& e) {
    if (e.which() == storage::storage_error::kind::unique_violation)
      return fail(errc::conflict, "A profile named '" + p.name + "' already exists.",
                  "profile-name-taken");
    throw;
  }
}

result<profile> auth_service::update_profile(const viewer& v, std::int64_t id,
                                             const profile_input& input) {
  if (v.kids)
    return fail(errc::forbidden, "A kids profile cannot manage profiles.", "kids-profile");
  if (input.pin && !input.pin->empty() && !valid_pin(*input.pin))
    return invalid_field("pin", "must be 4 digits");
  auto conn = db_.acquire();
  auto p = store::find_profile(*conn, v.account_id, id);
  if (!p) return fail(errc::not_found, "Profile " + std::to_string(id) + " does not exist.");
  if (input.name) p->name = *input.name;
  if (input.kids) p->kids = *input.kids;
  if (input.ceiling)
    p->ceiling = *input.ceiling;
  else if (input.kids && *input.kids && rank(p->ceiling) > rank(kids_max))
    p->ceiling = maturity::age7;
  if (p->kids && rank(p->ceiling) > rank(kids_max))
    return invalid_field("maturity_ceiling", "must be at most 13+ for a kids profile");
  if (input.pin)
    p->pin_hash = input.pin->empty() ? std::nullopt : std::optional(hash_password(*input.pin));
  try {
    store::update_profile(*conn, *p);
  } catch (const storage::storage_error& e) {
    if (e.which() == storage::storage_error::kind::unique_violation)
      return fail(errc::conflict, "A profile named '" + p->name + "' already exists.",
                  "profile-name-taken");
    throw;
  }
  return *p;
}

status auth_service::delete_profile(const viewer& v, std::int64_t id) {
  if (v.kids)
    return fail(errc::forbidden, "A kids profile cannot manage profiles.", "kids-profile");
  return db_.transact([&](storage::connection& c) -> status {
    const auto all = store::list_profiles(c, v.account_id);
    const bool exists =
        std::any_of(all.begin(), all.end(), [&](const auto& p) { return p.id == id; });
    if (!exists) return fail(errc::not_found, "Profile " + std::to_string(id) + " does not exist.");
    if (all.size() == 1)
      return fail(errc::conflict, "An account keeps at least one profile.", "last-profile");
    store::delete_profile(c, v.account_id, id);
    return ok();
  });
}

result<grant> auth_service::select_profile(const viewer& v, std::int64_t id,
                                           const std::optional<std::string>& pin) {
  const auto [a, p, disabled] = [&] {
    auto conn = db_.acquire();
    auto account = store::find_account(*conn, v.account_id);
    auto profile = account ? store::find_profile(*conn, v.account_id, id) : std::nullopt;
    const bool off = account && store::is_disabled(*conn, account->id);
    return std::tuple{account, profile, off};
  }();
  if (!p) return fail(errc::not_found, "Profile " + std::to_string(id) + " does not exist.");
  // An access token outlives the disabling by up to its lifetime; it earns no new tokens.
  if (disabled)
    return fail(errc::forbidden, "This account is disabled; contact support.", "account-disabled");
  // Leaving a kids profile for a grown-up one needs that profile's PIN if it has one,
  // like any switch; switching into a profile without a PIN is free.
  if (auto st = check_pin(*p, pin); !st) return st.err();
  // Structured bindings are captured by name: clang before 16 (clang-tidy) cannot capture them.
  return db_.transact([&, &account = *a, &profile = *p](storage::connection& c) {
    return issue(c, account, profile, base64url(random_.bytes(16)), base64url(random_.bytes(32)));
  });
}

std::int64_t auth_service::create_account_with_profiles(const new_account& input,
                                                        const std::vector<profile>& profiles) {
  const auto now = clock_.now_unix();
  const std::string hash = hash_password(input.password);
  return db_.transact([&](storage::connection& c) {
    const auto id =
        store::insert_account(c, normalize_email(input.email), hash, input.tier, input.admin, now);
    for (auto p : profiles) {
      p.account_id = id;
      p.created_at = now;
      store::insert_profile(c, p);
    }
    return id;
  });
}

result<bool> auth_service::ensure_admin(const std::string& email_in,
                                        const std::function<std::string()>& ask_password) {
  const std::string email = normalize_email(email_in);
  if (!plausible_email(email)) return invalid_field("email", "must be an email address");
  {
    auto c = db_.acquire();
    if (const auto existing = store::find_by_email(*c, email)) {
      c->query("UPDATE accounts SET is_admin = 1 WHERE id = $1", {existing->account.id});
      return false;
    }
  }
  const auto password = ask_password();
  if (password.size() < 8) return invalid_field("password", "must be at least 8 characters");
  profile admin;
  admin.name = "Admin";
  admin.ceiling = maturity::age18;
  create_account_with_profiles({email, password, tier::premium, true}, {admin});
  return true;
}

}  // namespace kinora::auth

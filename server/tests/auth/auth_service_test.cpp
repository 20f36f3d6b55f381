#include "auth/auth_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <thread>

#include "../support/test_database.hpp"

namespace kinora::auth {
namespace {

class auth_service_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    per_backend::SetUp();
    // No cache of valid sessions: these tests change the database behind the service's back.
    auth_settings settings{std::string(32, 'k'), 900, 3600, 100};
    settings.standing_cache_ms = 0;
    service_ = std::make_unique<auth_service>(db(), clock_, random_, settings);
  }
  grant sign_up(const std::string& email) {
    auto g =
        service_->register_account({email, "long enough password", tier::standard, false}, "Me");
    EXPECT_TRUE(g.ok());
    return std::move(g).value();
  }

  manual_clock clock_{sys_seconds{std::chrono::seconds{1'800'000'000}}};
  secure_random random_;
  std::unique_ptr<auth_service> service_;
};

TEST_P(auth_service_suite, access_tokens_carry_the_profile_policy) {
  const auto g = sign_up("a@example.test");
  const auto v = service_->authenticate(g.tokens.access_token);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->tier, tier::standard);
  EXPECT_EQ(v->ceiling, maturity::age18);
  clock_.advance(std::chrono::seconds(901));
  EXPECT_EQ(service_->authenticate(g.tokens.access_token).err().kind, "token-expired");
}

TEST_P(auth_service_suite, refresh_tokens_rotate_expire_and_detect_reuse) {
  const auto g = sign_up("b@example.test");
  auto second = service_->refresh(g.tokens.refresh_token);
  ASSERT_TRUE(second.ok());
  // Within the grace (two tabs at once): the same successor, and a working access token.
  clock_.advance(std::chrono::seconds(refresh_reuse_grace_seconds));
  auto again = service_->refresh(g.tokens.refresh_token);
  ASSERT_TRUE(again.ok()) << again.err().detail;
  EXPECT_EQ(again->tokens.refresh_token, second->tokens.refresh_token);
  EXPECT_TRUE(service_->authenticate(again->tokens.access_token).ok());
  // After it: theft.
  clock_.advance(std::chrono::seconds(1));
  EXPECT_EQ(service_->refresh(g.tokens.refresh_token).err().kind, "refresh-token-reused");
  EXPECT_EQ(service_->refresh(second->tokens.refresh_token).err().kind, "invalid-refresh-token");

  const auto other = service_->login("b@example.test", "long enough password", std::nullopt,
                                     std::nullopt, "1.2.3.4");
  ASSERT_TRUE(other.ok());
  clock_.advance(std::chrono::seconds(3601));
  EXPECT_EQ(service_->refresh(other->tokens.refresh_token).err().kind, "invalid-refresh-token");
}

TEST_P(auth_service_suite, access_tokens_end_with_their_session_profile_or_account) {
  const auto g = sign_up("e@example.test");
  const auto other =
      service_->login("e@example.test", "long enough password", std::nullopt, std::nullopt, "ip");
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(service_->logout(g.tokens.refresh_token).ok());
  EXPECT_EQ(service_->authenticate(g.tokens.access_token).err().kind, "token-revoked");
  // Another sign-in of the account is its own session.
  const auto v = service_->authenticate(other->tokens.access_token);
  ASSERT_TRUE(v.ok());

  const auto kid = service_->create_profile(*v, {"Kid", true, std::nullopt, std::nullopt});
  ASSERT_TRUE(kid.ok());
  const auto as_kid = service_->select_profile(*v, kid->id, std::nullopt);
  ASSERT_TRUE(as_kid.ok());
  ASSERT_TRUE(service_->delete_profile(*v, kid->id).ok());
  const auto gone = service_->authenticate(as_kid->tokens.access_token);
  EXPECT_EQ(gone.err().kind, "token-revoked");
  EXPECT_EQ(gone.err().code, errc::unauthorized);

  {
    auto conn = db().acquire();
    conn->query("UPDATE accounts SET disabled_at = 1 WHERE id = $1", {v->account_id});
  }
  EXPECT_EQ(service_->authenticate(other->tokens.access_token).err().kind, "account-disabled");
  {
    auto conn = db().acquire();
    conn->query("DELETE FROM accounts WHERE id = $1", {v->account_id});
  }
  EXPECT_EQ(service_->authenticate(other->tokens.access_token).err().kind, "token-revoked");
}

TEST_P(auth_service_suite, a_cached_session_ends_at_once_here_and_within_the_ttl_elsewhere) {
  auth_settings settings{std::string(32, 'k'), 900, 3600, 100};
  settings.standing_cache_ms = 200;
  auth_service cached(db(), clock_, random_, settings);
  auto g =
      cached.register_account({"f@example.test", "long enough password", tier::basic, false}, "Me");
  ASSERT_TRUE(g.ok());
  const auto other =
      cached.login("f@example.test", "long enough password", std::nullopt, std::nullopt, "ip");
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(cached.authenticate(g->tokens.access_token).ok());
  ASSERT_TRUE(cached.authenticate(other->tokens.access_token).ok());
  // Signed out through this process: the cache forgets at once.
  ASSERT_TRUE(cached.logout(g->tokens.refresh_token).ok());
  EXPECT_EQ(cached.authenticate(g->tokens.access_token).err().kind, "token-revoked");
  // Revoked by another instance (straight in the database): within the cache's lifetime.
  ASSERT_TRUE(cached.authenticate(other->tokens.access_token).ok());
  {
    auto conn = db().acquire();
    conn->query("UPDATE refresh_tokens SET revoked_at = 1 WHERE account_id = $1", {g->account.id});
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  EXPECT_EQ(cached.authenticate(other->tokens.access_token).err().kind, "token-revoked");
}

TEST_P(auth_service_suite, failed_sign_ins_slow_down_one_account_from_one_address) {
  sign_up("c@example.test");
  const auto login = [&](const std::string& password, const std::string& address) {
    return service_->login("c@example.test", password, std::nullopt, std::nullopt, address);
  };
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login("wrong", "10.0.0.1").err().code, errc::unauthorized);
  // That pair waits 1 s, then 2 s, 4 s: even with the right password meanwhile.
  for (const int wait : {1, 2, 4}) {
    const auto held = login("long enough password", "10.0.0.1");
    ASSERT_FALSE(held.ok());
    EXPECT_EQ(held.err().code, errc::rate_limited);
    EXPECT_EQ(held.err().retry_after_seconds, wait);
    clock_.advance(std::chrono::seconds(wait));
    EXPECT_EQ(login("wrong", "10.0.0.1").err().code, errc::unauthorized);
  }
  // The owner elsewhere is not held up by them.
  EXPECT_TRUE(login("long enough password", "10.0.0.2").ok());
  clock_.advance(std::chrono::seconds(8));
  EXPECT_TRUE(
      service_
          ->login("C@Example.test", "long enough password", std::nullopt, std::nullopt, "10.0.0.1")
          .ok());
  // A success forgot the pair's failures.
  EXPECT_EQ(login("wrong", "10.0.0.1").err().code, errc::unauthorized);
  EXPECT_TRUE(login("long enough password", "10.0.0.1").ok());
}

TEST_P(auth_service_suite, the_delay_is_capped_and_failures_are_forgotten) {
  auth_settings settings{std::string(32, 'k'), 900, 3600, 1000};
  auth_service service(db(), clock_, random_, settings);
  ASSERT_TRUE(
      service.register_account({"g@example.test", "long enough password", tier::basic, false}, "Me")
          .ok());
  int last_wait = 0;
  for (int i = 0; i < 30; ++i) {
    const auto r = service.login("g@example.test", "wrong", std::nullopt, std::nullopt, "ip");
    if (r.err().code == errc::rate_limited) {
      EXPECT_GE(r.err().retry_after_seconds, last_wait);
      last_wait = r.err().retry_after_seconds;
      clock_.advance(std::chrono::seconds(last_wait));
    }
  }
  EXPECT_EQ(last_wait, 15 * 60);
  clock_.advance(std::chrono::minutes(31));
  EXPECT_TRUE(
      service.login("g@example.test", "long enough password", std::nullopt, std::nullopt, "ip")
          .ok());
}

TEST_P(auth_service_suite, an_address_failing_on_many_accounts_is_stopped) {
  auth_settings settings{std::string(32, 'k'), 900, 3600, 3};
  auth_service service(db(), clock_, random_, settings);
  ASSERT_TRUE(
      service.register_account({"h@example.test", "long enough password", tier::basic, false}, "Me")
          .ok());
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(service
                  .login("nobody" + std::to_string(i) + "@example.test", "x", std::nullopt,
                         std::nullopt, "10.9.9.9")
                  .err()
                  .code,
              errc::unauthorized);
  const auto r = service.login("h@example.test", "long enough password", std::nullopt, std::nullopt,
                               "10.9.9.9");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.err().code, errc::rate_limited);
  EXPECT_EQ(r.err().retry_after_seconds, 300);
  EXPECT_TRUE(
      service.login("h@example.test", "long enough password", std::nullopt, std::nullopt, "other")
          .ok());
  clock_.advance(std::chrono::minutes(5));
  EXPECT_TRUE(
      service
          .login("h@example.test", "long enough password", std::nullopt, std::nullopt, "10.9.9.9")
          .ok());
  // IPv6: the /64 counts as one address, whichever of its addresses is used.
  for (const auto* a : {"2001:db8:1:2::1", "2001:db8:1:2:ffff::9", "2001:0db8:0001:0002::7"})
    EXPECT_EQ(service.login("nobody@example.test", "x", std::nullopt, std::nullopt, a).err().code,
              errc::unauthorized);
  EXPECT_EQ(service
                .login("h@example.test", "long enough password", std::nullopt, std::nullopt,
                       "2001:db8:1:2::abcd")
                .err()
                .code,
            errc::rate_limited);
  EXPECT_TRUE(service
                  .login("h@example.test", "long enough password", std::nullopt, std::nullopt,
                         "2001:db8:1:3::1")
                  .ok());
}

TEST_P(auth_service_suite, profiles_are_limited_to_five) {
  const auto g = sign_up("d@example.test");
  const auto v = *service_->authenticate(g.tokens.access_token);
  for (int i = 2; i <= 5; ++i)
    ASSERT_TRUE(
        service_->create_profile(v, {"P" + std::to_string(i), false, std::nullopt, std::nullopt})
            .ok());
  EXPECT_EQ(service_->create_profile(v, {"P6", false, std::nullopt, std::nullopt}).err().kind,
            "profile-limit");
}

INSTANTIATE_TEST_SUITE_P(backends, auth_service_suite,
                         ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::auth

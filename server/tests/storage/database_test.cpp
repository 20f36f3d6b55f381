#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "../support/test_database.hpp"
#include "core/result.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace kinora::storage {
namespace {

using kinora::testing::per_backend;

TEST(sqlite_placeholders, maps_dollar_parameters_outside_quotes) {
  EXPECT_EQ(sqlite_placeholders("SELECT $1, $12 FROM t WHERE a = '$1' AND b = \"$2\""),
            "SELECT ?1, ?12 FROM t WHERE a = '$1' AND b = \"$2\"");
  EXPECT_EQ(sqlite_placeholders("SELECT '$' || $2"), "SELECT '$' || ?2");
}

class database_suite : public per_backend {};

TEST_P(database_suite, values_round_trip) {
  auto c = db().acquire();
  c->query("INSERT INTO settings (key, value) VALUES ($1, $2)",
           {std::string("k'ey\"; --"), std::string("Zoë 🎬 \\ '")});
  const auto rs =
      c->query("SELECT key, value FROM settings WHERE key = $1", {std::string("k'ey\"; --")});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs.front().text(1), "Zoë 🎬 \\ '");
  const auto n = c->query("SELECT CAST($1 AS BIGINT) + 1, CAST($2 AS TEXT) IS NULL",
                          {std::int64_t{9'000'000'000'000'000'000}, null});
  // SQLite integer overflow promotes to float; both must not lose the magnitude.
  EXPECT_GT(n.front().f64(0), 8.99e18);
  EXPECT_TRUE(n.front().boolean(1));
}

TEST_P(database_suite, unique_violation_has_its_own_kind) {
  auto c = db().acquire();
  c->query("INSERT INTO genres (slug, name) VALUES ('drama', 'Drama')");
  try {
    c->query("INSERT INTO genres (slug, name) VALUES ('drama', 'Again')");
    FAIL() << "expected a unique violation";
  } catch (const storage_error& e) {
    EXPECT_EQ(e.which(), storage_error::kind::unique_violation) << e.what();
  }
}

TEST_P(database_suite, transaction_rolls_back_on_exception_and_on_failed_result) {
  EXPECT_THROW(db().transact([](connection& c) {
    c.query("INSERT INTO genres (slug, name) VALUES ('a', 'A')");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  const status st = db().transact([](connection& c) -> status {
    c.query("INSERT INTO genres (slug, name) VALUES ('b', 'B')");
    return fail(errc::conflict, "no");
  });
  EXPECT_FALSE(st.ok());
  db().transact(
      [](connection& c) { c.query("INSERT INTO genres (slug, name) VALUES ('c', 'C')"); });
  auto c = db().acquire();
  EXPECT_EQ(c->query("SELECT slug FROM genres ORDER BY slug").size(), 1u);
  EXPECT_EQ(c->query("SELECT slug FROM genres").front().text(0), "c");
}

TEST_P(database_suite, returning_and_affected_rows) {
  auto c = db().acquire();
  const auto id =
      c->query("INSERT INTO genres (slug, name) VALUES ('x', 'X') RETURNING id").front().i64(0);
  EXPECT_GT(id, 0);
  EXPECT_EQ(c->query("UPDATE genres SET name = 'Y' WHERE id = $1", {id}).affected, 1);
  EXPECT_EQ(c->query("DELETE FROM genres WHERE id = $1", {id + 1000}).affected, 0);
}

TEST_P(database_suite, migrations_run_once) {
  EXPECT_EQ(migrate(db()), 0);
  auto c = db().acquire();
  EXPECT_GE(c->query("SELECT COUNT(*) FROM schema_migrations").front().i64(0), 1);
}

TEST_P(database_suite, pool_serves_concurrent_writers_without_losing_rows) {
  constexpr int threads = 8, per_thread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        try {
          db().transact([&](connection& c) {
            c.query("INSERT INTO genres (slug, name) VALUES ($1, 'n')",
                    {"g" + std::to_string(t) + "-" + std::to_string(i)});
          });
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto c = db().acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM genres").front().i64(0), threads * per_thread);
  const auto s = db().stats();
  EXPECT_LE(s.size, s.capacity);
  EXPECT_EQ(s.in_use, 1u);
}

TEST_P(database_suite, a_connection_returned_mid_transaction_is_rolled_back) {
  {
    auto c = db().acquire();
    c->begin();
    c->query("INSERT INTO genres (slug, name) VALUES ('half', 'Half')");
  }  // returned without commit
  auto c = db().acquire();
  EXPECT_TRUE(c->query("SELECT 1 FROM genres WHERE slug = 'half'").empty());
}

INSTANTIATE_TEST_SUITE_P(backends, database_suite,
                         ::testing::ValuesIn(kinora::testing::backends()));

TEST(open_database, rejects_unknown_urls_and_unreachable_servers) {
  EXPECT_THROW(open_database("mysql://x", 1), storage_error);
  EXPECT_THROW(open_database("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1),
               storage_error);
}

// The pool's own behaviour, with connections that only pretend.
namespace pool {

struct fake_state {
  std::atomic<int> made{0};
  std::atomic<bool> refuse{false};  // connecting fails
  std::atomic<bool> stale{false};   // idle connections are found dead
  std::atomic<bool> hang_next{false};
};

class fake_connection final : public connection {
 public:
  explicit fake_connection(fake_state& s) : s_(s) {}
  rows query(std::string_view, std::span<const value>) override {
    if (s_.hang_next.exchange(false)) {
      hung_ = true;
      throw storage_error(storage_error::kind::timeout, "no answer");
    }
    return {};
  }
  void run_script(std::string_view) override {}
  void begin() override {}
  void commit() override {}
  void rollback() override {}
  bool healthy() override { return !hung_; }
  bool usable() override { return !s_.stale; }
  bool hung() const override { return hung_; }

 private:
  fake_state& s_;
  bool hung_ = false;
};

database make_db(fake_state& s, std::chrono::milliseconds retry_after) {
  return database(
      dialect::postgres, "fake",
      [&s]() -> std::unique_ptr<connection> {
        if (s.refuse) throw storage_error(storage_error::kind::connection, "refused");
        ++s.made;
        return std::make_unique<fake_connection>(s);
      },
      database_options{
          .pool_size = 4, .pool_wait = std::chrono::milliseconds(200), .retry_after = retry_after});
}

TEST(database_pool, replaces_idle_connections_that_died) {
  fake_state s;
  auto db = make_db(s, std::chrono::milliseconds(100));
  { auto a = db.acquire(), b = db.acquire(); }
  EXPECT_EQ(db.stats().size, 2u);
  s.stale = true;  // the server restarted while they sat in the pool
  auto c = db.acquire();
  s.stale = false;
  EXPECT_EQ(db.stats().dropped, 2u);
  EXPECT_EQ(s.made, 3);
}

TEST(database_pool, a_hung_statement_makes_requests_fail_fast_until_one_gets_through) {
  fake_state s;
  auto db = make_db(s, std::chrono::milliseconds(150));
  s.hang_next = true;
  EXPECT_THROW(db.acquire()->query("SELECT 1"), storage_error);
  EXPECT_TRUE(db.stats().unreachable);
  const auto started = std::chrono::steady_clock::now();
  try {
    db.acquire();
    FAIL() << "expected to fail fast";
  } catch (const storage_error& e) {
    EXPECT_EQ(e.which(), storage_error::kind::connection);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  db.acquire()->query("SELECT 1");  // the probe succeeds
  EXPECT_FALSE(db.stats().unreachable);
}

TEST(database_pool, a_refused_connection_is_retried_after_the_pause) {
  fake_state s;
  auto db = make_db(s, std::chrono::milliseconds(100));
  { auto a = db.acquire(), b = db.acquire(); }
  s.stale = true;
  s.refuse = true;
  EXPECT_THROW(db.acquire(), storage_error);
  EXPECT_TRUE(db.stats().unreachable);
  s.stale = false;
  s.refuse = false;
  EXPECT_THROW(db.acquire(), storage_error);  // within the pause
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  db.acquire();
  EXPECT_FALSE(db.stats().unreachable);
}

TEST(database_pool, waiting_for_a_free_connection_is_bounded) {
  fake_state s;
  auto db = make_db(s, std::chrono::milliseconds(100));
  auto a = db.acquire(), b = db.acquire(), c = db.acquire(), d = db.acquire();
  const auto started = std::chrono::steady_clock::now();
  try {
    db.acquire();
    FAIL() << "expected to give up";
  } catch (const storage_error& e) {
    EXPECT_EQ(e.which(), storage_error::kind::busy);
  }
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_GE(waited, std::chrono::milliseconds(190));
  EXPECT_LT(waited, std::chrono::milliseconds(1000));
  // A deadline_scope shortens it (/readyz).
  storage::deadline_scope within(std::chrono::milliseconds(20));
  const auto again = std::chrono::steady_clock::now();
  EXPECT_THROW(db.acquire(), storage_error);
  EXPECT_LT(std::chrono::steady_clock::now() - again, std::chrono::milliseconds(150));
}

}  // namespace pool

}  // namespace
}  // namespace kinora::storage

namespace kinora::storage {
namespace {

TEST(SqliteDurability, FullSynchronousByDefaultNormalWhenAsked) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("kinora_sync_" + std::to_string(std::random_device{}() % 1000000000));
  std::filesystem::create_directories(dir);
  auto synchronous = [&](const database_options& o) {
    auto db = open_database("sqlite:" + (dir / "s.db").string(), o);
    auto c = db->acquire();
    EXPECT_EQ(c->query("PRAGMA journal_mode").front().text(0), "wal");
    return c->query("PRAGMA synchronous").front().i64(0);
  };
  EXPECT_EQ(synchronous({}), 2);                                  // FULL
  EXPECT_EQ(synchronous({.sqlite_synchronous_full = false}), 1);  // NORMAL
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kinora::storage

#include "eval/eval_command.hpp"

#include <stdlib.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <unordered_set>

#include "ai/encoder.hpp"
#include "ai/model_locator.hpp"
#include "app/config.hpp"
#include "catalog/catalog_reads.hpp"
#include "core/log.hpp"
#include "eval/csv_reader.hpp"
#include "eval/holdout.hpp"
#include "eval/metrics.hpp"
#include "eval/movielens.hpp"
#include "eval/movielens_import.hpp"
#include "recommend/recommend_service.hpp"
#include "recommend/title_vectors.hpp"
#include "storage/database.hpp"
#include "viewing/viewing_service.hpp"

namespace kinora::eval {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k = 10;
constexpr double relevant_stars = 3.5;

constexpr const char* usage =
    "usage: kinora eval [--data DIR] [--plots DIR|none] [--database-url URL] [--model-dir DIR]\n"
    "                   [--holdout FRACTION] [--seed N] [--limit-users N]\n"
    "  --data          MovieLens ml-latest-small (default "
    "../shared/data/movielens/ml-latest-small)\n"
    "  --plots         folder of tmdb_5000_movies.csv (default "
    "../shared/data/plots/tmdb_5000_movies)\n"
    "  --database-url  an empty database to import into, kept afterwards (default: a temporary\n"
    "                  SQLite file, removed at the end)\n"
    "  --model-dir     the sentence encoder (default as for kinora serve)\n"
    "  --holdout       share of each user's latest ratings held out (default 0.2, at least 1)\n"
    "  --seed          seed of the random baseline (default 42)\n"
    "  --limit-users   evaluate only the first N users by id (default: all)\n"
    "\n"
    "usage: kinora eval import --database-url URL [--data DIR] [--plots DIR|none]\n"
    "                          [--holdout FRACTION] [--limit-users N]\n"
    "  imports the same catalog and training history into an empty database and stops:\n"
    "  no encoder, no evaluation (for benchmarks that need the data at MovieLens size)\n";

struct arguments {
  fs::path data = "../shared/data/movielens/ml-latest-small";
  std::optional<fs::path> plots = fs::path("../shared/data/plots/tmdb_5000_movies");
  bool plots_given = false;
  std::string database_url;
  std::optional<fs::path> model_dir;
  double holdout = 0.2;
  std::uint64_t seed = 42;
  std::size_t limit_users = 0;
};

template <class T>
bool parse_number(const std::string& s, T& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

std::optional<std::string> parse(int argc, char** argv, arguments& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return arg + ": needs a value";
    const std::string v = argv[++i];
    if (arg == "--data") {
      a.data = v;
    } else if (arg == "--plots") {
      a.plots_given = true;
      a.plots = v == "none" ? std::nullopt : std::optional<fs::path>(v);
    } else if (arg == "--database-url") {
      a.database_url = v;
    } else if (arg == "--model-dir") {
      a.model_dir = v;
    } else if (arg == "--holdout") {
      if (!parse_number(v, a.holdout) || a.holdout <= 0 || a.holdout >= 1)
        return "--holdout: '" + v + "' is not a fraction between 0 and 1";
    } else if (arg == "--seed") {
      if (!parse_number(v, a.seed)) return "--seed: '" + v + "' is not a whole number";
    } else if (arg == "--limit-users") {
      if (!parse_number(v, a.limit_users) || a.limit_users == 0)
        return "--limit-users: '" + v + "' is not a positive whole number";
    } else {
      return "unknown option '" + arg + "'";
    }
  }
  return std::nullopt;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// A temporary folder removed on destruction, unless the database was given.
struct scratch_dir {
  fs::path path;
  ~scratch_dir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

struct baseline_lists {
  std::vector<std::int64_t> by_plays;  // movie ids, most played in training first
  std::vector<std::int64_t> catalog;   // every movie id
};

std::vector<std::int64_t> most_popular_unseen(const baseline_lists& b,
                                              const std::unordered_set<std::int64_t>& seen) {
  std::vector<std::int64_t> out;
  for (auto id : b.by_plays) {
    if (out.size() == k) break;
    if (!seen.count(id)) out.push_back(id);
  }
  return out;
}

std::vector<std::int64_t> random_unseen(const baseline_lists& b,
                                        const std::unordered_set<std::int64_t>& seen,
                                        std::mt19937_64& rng) {
  std::vector<std::int64_t> out;
  std::uniform_int_distribution<std::size_t> pick(0, b.catalog.size() - 1);
  // The catalog dwarfs any one history, so this ends quickly; the bound keeps a tiny
  // catalog from looping forever.
  for (std::size_t tries = 0; out.size() < k && tries < 100 * b.catalog.size(); ++tries) {
    const auto id = b.catalog[pick(rng)];
    if (!seen.count(id) && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

void print_row(const char* name, const metric_totals& m, std::size_t catalog) {
  std::printf("%-22s %10.4f %10.4f %9.1f%%\n", name, m.recall(), m.ndcg(),
              100 * m.coverage(catalog));
}

// The MovieLens data and the users' training/held-out split, as both commands read them.
struct prepared {
  movielens data;
  std::vector<user_split> users;
};

prepared prepare(const arguments& a) {
  std::optional<fs::path> plots = a.plots;
  std::error_code ec;
  if (plots && !a.plots_given && !fs::is_directory(*plots, ec)) {
    std::printf("note: no %s; titles get no plot overviews\n", plots->string().c_str());
    plots.reset();
  }
  prepared p{load_movielens(a.data, plots), {}};
  p.users = split_by_time(p.data.ratings, a.holdout);
  if (a.limit_users && p.users.size() > a.limit_users) p.users.resize(a.limit_users);
  if (p.users.empty()) throw data_error(a.data.string() + ": no user has two ratings or more");
  return p;
}

// Opens and migrates the database; refuses one that already has a catalog.
std::unique_ptr<storage::database> open_empty(const std::string& url) {
  auto db = storage::open_database(url, 2);
  storage::migrate(*db);
  if (const auto n = catalog::reads::title_count(*db->acquire()); n > 0)
    throw data_error(db->description() + " already has " + std::to_string(n) +
                     " titles; eval imports into an empty database");
  return db;
}

int run_import(const arguments& a) {
  if (a.database_url.empty()) {
    std::cerr << "kinora eval import: --database-url is required\n" << usage;
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  auto prep = prepare(a);
  auto& data = prep.data;
  auto& users = prep.users;
  auto db = open_empty(a.database_url);
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto catalog = import_catalog(*db, data, users, now);
  const auto viewers = import_users(*db, catalog, users, now);
  std::size_t training = 0;
  for (const auto& u : users) training += u.training.size();
  std::printf(
      "imported     %zu titles, %zu accounts and profiles, %zu viewings into %s in %.1f s\n",
      data.movies.size(), viewers.size(), training, db->description().c_str(),
      seconds_since(started));
  return 0;
}

int run(const arguments& a) {
  const auto started = std::chrono::steady_clock::now();
  std::printf("kinora eval: MovieLens %s\n", a.data.string().c_str());
  auto prep = prepare(a);
  auto& data = prep.data;
  auto& users = prep.users;

  const auto model_dir = ai::resolve_model_dir(a.model_dir);
  std::unique_ptr<ai::encoder> encoder;
  try {
    encoder = ai::load_encoder(model_dir);
  } catch (const std::exception& e) {
    std::cerr << "kinora eval: no sentence encoder at " << model_dir.string() << " (" << e.what()
              << "); run 'make model' or pass --model-dir\n";
    return 1;
  }

  scratch_dir scratch;
  std::string url = a.database_url;
  if (url.empty()) {
    std::string pattern = (fs::temp_directory_path() / "kinora-eval-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
    scratch.path = pattern;
    url = "sqlite:" + (scratch.path / "eval.db").string();
  }
  auto db = open_empty(url);

  // Timestamps of the import itself; For You runs at each user's cut-off instead.
  manual_clock clock(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  const auto now = clock.now_unix();
  auto t0 = std::chrono::steady_clock::now();
  const auto catalog = import_catalog(*db, data, users, now);
  const auto viewers = import_users(*db, catalog, users, now);
  std::size_t training = 0, held_out = 0;
  for (const auto& u : users) {
    training += u.training.size();
    held_out += u.held_out.size();
  }
  const double import_seconds = seconds_since(t0);

  logger log(log_level::warn);
  const auto index_file = app::default_index_file(url);
  recommend::title_vectors vectors(*db, std::move(encoder), clock, log, index_file);
  t0 = std::chrono::steady_clock::now();
  const auto embedded = vectors.sync();
  const double embed_seconds = seconds_since(t0);
  // The co-watch neighbours are built once from the training history, as the server's
  // periodic job would; held-out ratings were never imported, so nothing leaks.
  recommend::co_watch_index co_watch(*db, clock);
  const auto co_watch_built = co_watch.rebuild();
  viewing::viewing_service viewing(*db, clock);
  recommend::recommend_service service(*db, vectors, co_watch, viewing, clock);

  baseline_lists lists;
  for (const auto& m : data.movies) lists.catalog.push_back(m.movie_id);
  {
    std::map<std::int64_t, std::int64_t> plays;
    for (const auto& u : users)
      for (const auto& r : u.training) ++plays[r.movie_id];
    lists.by_plays = lists.catalog;
    std::stable_sort(lists.by_plays.begin(), lists.by_plays.end(), [&](auto x, auto y) {
      return (plays.count(x) ? plays[x] : 0) > (plays.count(y) ? plays[y] : 0);
    });
  }

  metric_totals for_you(k), popular(k), random(k);
  std::mt19937_64 rng(a.seed);
  std::vector<double> home_ms;
  std::size_t without_relevant = 0;
  for (const auto& u : users) {
    std::unordered_set<std::int64_t> relevant, seen;
    for (const auto& r : u.held_out)
      if (r.stars >= relevant_stars) relevant.insert(r.movie_id);
    if (relevant.empty()) {
      ++without_relevant;
      continue;
    }
    for (const auto& r : u.training) seen.insert(r.movie_id);

    clock.set(sys_seconds(std::chrono::seconds(u.cutoff)));
    const auto home_started = std::chrono::steady_clock::now();
    const auto rails = service.home(viewers.at(u.user_id), k);
    home_ms.push_back(1000 * seconds_since(home_started));
    std::vector<std::int64_t> picks;
    for (const auto& rail : rails)
      if (rail.id == "for-you")
        for (const auto& t : rail.items) picks.push_back(catalog.movie_of.at(t.id));
    for_you.add(picks, relevant);
    popular.add(most_popular_unseen(lists, seen), relevant);
    random.add(random_unseen(lists, seen, rng), relevant);
  }
  if (for_you.users() == 0) throw data_error("no user has a held-out rating of 3.5 stars or more");

  const auto titles = data.movies.size();
  std::printf(
      "catalog      %zu titles, %zu genres; %zu with a TMDB plot overview, %zu with user tags\n",
      titles, catalog.genres, data.with_overview, data.with_tags);
  std::printf(
      "history      %zu users: %zu training ratings, %zu held out (latest %.0f%% per user, "
      "at least 1)\n",
      users.size(), training, held_out, 100 * a.holdout);
  std::printf("ratings      %s\n", rating_mapping);
  std::printf(
      "relevant     held-out titles rated >= %.1f stars; %zu users have one (%zu have none "
      "and are left out)\n",
      relevant_stars, for_you.users(), without_relevant);
  std::printf("import       %.1f s (catalog, %zu accounts and profiles, bookmarks, thumbs)\n",
              import_seconds, viewers.size());
  if (embedded > 0)
    std::printf("embed+index  %zu titles in %.1f s, %.1f titles/s (%s)\n", vectors.size(),
                embed_seconds, static_cast<double>(embedded) / embed_seconds,
                vectors.model_id().c_str());
  else
    std::printf(
        "embed+index  %zu vectors loaded from the saved index %s in %.1f s; nothing "
        "embedded (remove that file to time the embedding)\n",
        vectors.size(), index_file.c_str(), embed_seconds);
  std::printf("co-watch     %zu titles with neighbours, %zu pairs, from %zu plays in %.1f s\n",
              co_watch_built.titles, co_watch_built.pairs, co_watch_built.plays,
              co_watch_built.seconds);
  std::printf("database     %s%s\n", db->description().c_str(),
              scratch.path.empty() ? " (kept)" : " (temporary, removed)");
  std::printf("\n%-22s %10s %10s %10s   (k = %zu, %zu users)\n", "recommender", "Recall@10",
              "NDCG@10", "coverage", k, for_you.users());
  print_row("For You (home rail)", for_you, titles);
  print_row("popularity", popular, titles);
  const std::string random_name = "random (seed " + std::to_string(a.seed) + ")";
  print_row(random_name.c_str(), random, titles);
  const auto ratio = [](double x, double y) { return y > 0 ? x / y : 0.0; };
  std::printf(
      "\nFor You / popularity: Recall@10 %.2f, NDCG@10 %.2f (target: NDCG@10 ratio > 1: %s)\n",
      ratio(for_you.recall(), popular.recall()), ratio(for_you.ndcg(), popular.ndcg()),
      for_you.ndcg() > popular.ndcg() ? "met" : "NOT met");
  std::printf("home() in-process per user: p50 %.2f ms, p99 %.2f ms; whole run %.0f s\n",
              percentile(home_ms, 0.5), percentile(home_ms, 0.99), seconds_since(started));
  return 0;
}

}  // namespace

int run_eval_command(int argc, char** argv) {
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::cout << usage;
    return 0;
  }
  // `kinora eval import ...`: the importer alone.
  const bool import_only = argc >= 2 && std::string(argv[1]) == "import";
  if (import_only) {
    --argc;
    ++argv;
  }
  arguments a;
  if (const auto error = parse(argc, argv, a)) {
    std::cerr << "kinora eval: " << *error << "\n" << usage;
    return 2;
  }
  try {
    return import_only ? run_import(a) : run(a);
  } catch (const data_error& e) {
    std::cerr << "kinora eval: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kinora eval: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace kinora::eval

#include "eval/movielens.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "core/text.hpp"
#include "eval/csv_reader.hpp"

namespace kinora::eval {

namespace bj = boost::json;

namespace {

constexpr std::size_t max_tags = 8;
constexpr std::size_t max_keywords = 8;

template <class T>
T number(const csv_reader& csv, const std::string& text, const char* what) {
  T out{};
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc{} || p != text.data() + text.size())
    throw data_error(csv.where() + ": " + what + " '" + text + "' is not a number");
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find(sep, start), s.size());
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  return s;
}

std::map<std::int64_t, movie> read_movies(const std::filesystem::path& dir) {
  csv_reader csv(dir / "movies.csv");
  const auto id = csv.column("movieId"), title = csv.column("title"), genres = csv.column("genres");
  std::map<std::int64_t, movie> out;
  std::vector<std::string> f;
  while (csv.next(f)) {
    movie m;
    m.movie_id = number<std::int64_t>(csv, f[id], "movieId");
    std::tie(m.name, m.year) = split_title(f[title]);
    if (m.name.empty()) throw data_error(csv.where() + ": empty title");
    for (auto& g : split(f[genres], '|'))
      if (g != "(no genres listed)") m.genres.push_back(std::move(g));
    if (!out.emplace(m.movie_id, std::move(m)).second)
      throw data_error(csv.where() + ": movieId " + f[id] + " appears twice");
  }
  return out;
}

// The users' most frequent tags per movie, case folded, ties alphabetical.
void read_tags(const std::filesystem::path& dir, std::map<std::int64_t, movie>& movies) {
  csv_reader csv(dir / "tags.csv");
  const auto id = csv.column("movieId"), tag = csv.column("tag");
  std::map<std::int64_t, std::map<std::string, std::pair<int, std::string>>> counts;
  std::vector<std::string> f;
  while (csv.next(f)) {
    const auto movie_id = number<std::int64_t>(csv, f[id], "movieId");
    auto t = trimmed(f[tag]);
    if (t.empty() || !movies.count(movie_id)) continue;
    auto& slot = counts[movie_id][text::fold(t)];
    if (slot.first++ == 0) slot.second = std::move(t);
  }
  for (auto& [movie_id, by_tag] : counts) {
    std::vector<std::pair<int, std::string>> ranked;
    for (auto& [key, c] : by_tag) ranked.emplace_back(c.first, std::move(c.second));
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    auto& tags = movies.at(movie_id).tags;
    for (std::size_t i = 0; i < ranked.size() && i < max_tags; ++i)
      tags.push_back(std::move(ranked[i].second));
  }
}

// TMDB id -> MovieLens movie id.
std::unordered_map<std::int64_t, std::int64_t> read_links(const std::filesystem::path& dir) {
  csv_reader csv(dir / "links.csv");
  const auto id = csv.column("movieId"), tmdb = csv.column("tmdbId");
  std::unordered_map<std::int64_t, std::int64_t> out;
  std::vector<std::string> f;
  while (csv.next(f))
    if (!f[tmdb].empty())
      out[number<std::int64_t>(csv, f[tmdb], "tmdbId")] =
          number<std::int64_t>(csv, f[id], "movieId");
  return out;
}

void read_plots(const std::filesystem::path& dir, const std::filesystem::path& plots,
                std::map<std::int64_t, movie>& movies) {
  const auto links = read_links(dir);
  csv_reader csv(plots / "tmdb_5000_movies.csv");
  const auto id = csv.column("id"), overview = csv.column("overview"),
             keywords = csv.column("keywords"), runtime = csv.column("runtime");
  std::vector<std::string> f;
  while (csv.next(f)) {
    const auto link = links.find(number<std::int64_t>(csv, f[id], "id"));
    if (link == links.end()) continue;
    const auto it = movies.find(link->second);
    if (it == movies.end()) continue;
    auto& m = it->second;
    m.overview = trimmed(f[overview]);
    if (!f[runtime].empty()) m.runtime_minutes = static_cast<int>(std::stod(f[runtime]));
    boost::system::error_code ec;
    const auto list = bj::parse(f[keywords], ec);
    if (ec || !list.is_array()) throw data_error(csv.where() + ": keywords are not a JSON list");
    for (const auto& k : list.as_array()) {
      if (m.keywords.size() == max_keywords) break;
      if (const auto* o = k.if_object(); o && o->contains("name") && o->at("name").is_string())
        m.keywords.emplace_back(o->at("name").as_string());
    }
  }
}

std::vector<star_rating> read_ratings(const std::filesystem::path& dir,
                                      const std::map<std::int64_t, movie>& movies) {
  csv_reader csv(dir / "ratings.csv");
  const auto user = csv.column("userId"), id = csv.column("movieId"), stars = csv.column("rating"),
             at = csv.column("timestamp");
  std::vector<star_rating> out;
  std::vector<std::string> f;
  while (csv.next(f)) {
    star_rating r{
        number<std::int64_t>(csv, f[user], "userId"), number<std::int64_t>(csv, f[id], "movieId"),
        number<double>(csv, f[stars], "rating"), number<std::int64_t>(csv, f[at], "timestamp")};
    if (r.stars < 0.5 || r.stars > 5) throw data_error(csv.where() + ": rating outside 0.5-5");
    if (!movies.count(r.movie_id))
      throw data_error(csv.where() + ": movieId " + f[id] + " is not in movies.csv");
    out.push_back(r);
  }
  if (out.empty()) throw data_error(csv.where() + ": no ratings");
  return out;
}

}  // namespace

std::pair<std::string, int> split_title(const std::string& movielens_title) {
  std::string name = trimmed(movielens_title);
  int year = 0;
  // A trailing "(1999)" (sometimes "(2006-2007)") is the year.
  if (name.size() >= 6 && name.back() == ')') {
    const auto open = name.rfind('(');
    const std::string inside = name.substr(open + 1, name.size() - open - 2);
    if (open != std::string::npos && inside.size() >= 4 &&
        std::all_of(inside.begin(), inside.begin() + 4,
                    [](char c) { return c >= '0' && c <= '9'; })) {
      year = std::stoi(inside.substr(0, 4));
      name = trimmed(name.substr(0, open));
    }
  }
  // "Matrix, The" and "City of Lost Children, The (Cité des enfants perdus, La)".
  for (const char* article :
       {"The", "A", "An", "Les", "La", "Le", "L'", "Il", "Das", "Die", "El"}) {
    const std::string suffix = std::string(", ") + article;
    std::size_t at = std::string::npos;
    if (name.ends_with(suffix))
      at = name.size() - suffix.size();
    else if (const auto p = name.find(suffix + " ("); p != std::string::npos)
      at = p;
    if (at == std::string::npos) continue;
    const std::string sep = std::string(article).ends_with('\'') ? "" : " ";
    name = article + sep + name.substr(0, at) + name.substr(at + suffix.size());
    break;
  }
  return {name, year};
}

movielens load_movielens(const std::filesystem::path& data_dir,
                         const std::optional<std::filesystem::path>& plots_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(data_dir, ec))
    throw data_error(data_dir.string() + ": no such folder (expected MovieLens ml-latest-small)");
  auto movies = read_movies(data_dir);
  read_tags(data_dir, movies);
  if (plots_dir) {
    if (!std::filesystem::is_directory(*plots_dir, ec))
      throw data_error(plots_dir->string() + ": no such folder (expected tmdb_5000_movies.csv)");
    read_plots(data_dir, *plots_dir, movies);
  }
  movielens out;
  out.ratings = read_ratings(data_dir, movies);
  for (auto& [id, m] : movies) {
    out.with_overview += !m.overview.empty();
    out.with_tags += !m.tags.empty();
    out.movies.push_back(std::move(m));
  }
  return out;
}

}  // namespace kinora::eval

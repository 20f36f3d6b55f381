#pragma once
// MovieLens (ml-latest-small layout: movies.csv, ratings.csv, tags.csv, links.csv) with
// plot overviews, keywords and running times from TMDB 5000 joined through links.csv.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kinora::eval {

struct movie {
  std::int64_t movie_id = 0;
  std::string name;                   // "The Matrix", from "Matrix, The (1999)"
  int year = 0;                       // 0 when the title carries none
  std::vector<std::string> genres;    // MovieLens names: "Sci-Fi", "Film-Noir", ...
  std::vector<std::string> tags;      // the users' most frequent tags, at most 8
  std::string overview;               // TMDB plot overview, when joined
  std::vector<std::string> keywords;  // TMDB keywords, at most 8
  int runtime_minutes = 0;            // TMDB's, when joined
};

struct star_rating {
  std::int64_t user_id = 0;
  std::int64_t movie_id = 0;
  double stars = 0;  // 0.5 to 5
  std::int64_t at = 0;
};

struct movielens {
  std::vector<movie> movies;  // by movie id
  std::vector<star_rating> ratings;
  std::size_t with_overview = 0;
  std::size_t with_tags = 0;
};

// Throws data_error naming the file and line for missing files, missing columns and
// malformed rows. Ratings of movies missing from movies.csv are an error too.
// plots_dir: the folder of tmdb_5000_movies.csv, or none.
movielens load_movielens(const std::filesystem::path& data_dir,
                         const std::optional<std::filesystem::path>& plots_dir);

// "Matrix, The (1999)" -> {"The Matrix", 1999}; exposed for tests.
std::pair<std::string, int> split_title(const std::string& movielens_title);

}  // namespace kinora::eval

#pragma once
// The temporal split: per user, the most recent ratings are held out and the rest is
// the history the recommender may see.
#include <cstdint>
#include <map>
#include <vector>

#include "eval/movielens.hpp"

namespace kinora::eval {

struct user_split {
  std::int64_t user_id = 0;
  std::vector<star_rating> training;  // oldest first
  std::vector<star_rating> held_out;  // the latest ratings
  std::int64_t cutoff = 0;            // time of the last training rating
};

// Per user, ordered by (time, movie id): the last ceil(fraction * n) ratings, at least
// one, are held out; users with fewer than two ratings are left out. By user id.
std::vector<user_split> split_by_time(const std::vector<star_rating>& ratings, double fraction);

}  // namespace kinora::eval

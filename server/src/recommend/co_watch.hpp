#pragma once
// Item-to-item co-watching, free of storage: for each title, the titles the same
// profiles also played, as a short scored list. Content similarity cannot tell what
// viewers watch next; this can. co_watch_index computes it periodically and For You
// adds up the lists of what a profile liked.
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace kinora::recommend {

struct play {
  std::int64_t profile_id = 0;
  std::int64_t title_id = 0;
  std::int64_t at = 0;  // unix seconds of the latest viewing
};

struct neighbour {
  std::int64_t title_id = 0;
  double score = 0;
};

// Per title, its neighbours best first (ties by id).
using neighbour_lists = std::unordered_map<std::int64_t, std::vector<neighbour>>;

struct co_watch_options {
  std::size_t per_title = 50;      // neighbours kept per title
  std::size_t per_profile = 500;   // each profile's latest titles; bounds the cost
  std::uint32_t min_profiles = 2;  // one profile playing both titles is chance
  // score(a, b) = co(a, b) / (n_a^alpha * n_b^(1 - alpha)), with co(a, b) the profiles
  // that played both and n the profiles that played each. alpha near 1 reads "of those
  // who played a, how many played b", which favours popular b; the rest of the damping
  // keeps a blockbuster from being every title's first neighbour. 0.85 scored best on
  // MovieLens (kinora eval).
  double alpha = 0.85;
};

// Plays may repeat a (profile, title) pair; the latest counts.
neighbour_lists co_watch_neighbours(std::vector<play> plays, const co_watch_options& o = {});

}  // namespace kinora::recommend

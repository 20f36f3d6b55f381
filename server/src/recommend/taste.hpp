#pragma once
// The arithmetic of For You, free of storage: a profile's taste vector from what it
// watched and rated, and maximal marginal relevance so one genre cannot fill a rail.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace kinora::recommend {

// What a profile did with one title.
struct title_signal {
  std::int64_t title_id = 0;
  std::int64_t last_at = 0;   // unix seconds of the latest viewing or rating
  bool watched = false;       // has a bookmark
  bool completed = false;     // watched to the end
  std::optional<int> rating;  // -1 down, 1 up, 2 love
};

// How much a title pulls the taste vector: loved > liked > watched; disliked pushes
// away; recent counts more (half-life 30 days).
double taste_weight(const title_signal& s, std::int64_t now);

// The weighted, L2-normalised sum of the signals' vectors; nullopt when nothing pulls.
using vector_lookup = std::function<const std::vector<float>*(std::int64_t title_id)>;
std::optional<std::vector<float>> taste_vector(std::span<const title_signal> signals,
                                               std::int64_t now, const vector_lookup& vectors);

struct candidate {
  std::int64_t title_id = 0;
  double relevance = 0;
  const std::vector<float>* vector = nullptr;  // may be null: then it is never "similar"
};

// Greedy MMR: each pick maximises lambda * relevance - (1 - lambda) * (max cosine to the
// picks so far). Ties by relevance, then id, so the result is stable.
std::vector<std::int64_t> diversify(std::vector<candidate> candidates, std::size_t k,
                                    double lambda);

float cosine(std::span<const float> a, std::span<const float> b);

}  // namespace kinora::recommend

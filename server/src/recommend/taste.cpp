#include "recommend/taste.hpp"

#include <algorithm>
#include <cmath>

namespace kinora::recommend {

double taste_weight(const title_signal& s, std::int64_t now) {
  double w = 0;
  if (s.rating) {
    w = *s.rating == 2 ? 2.0 : *s.rating == 1 ? 1.0 : -1.0;
  } else if (s.watched) {
    w = s.completed ? 0.8 : 0.5;
  }
  const double age_days = std::max<double>(0, static_cast<double>(now - s.last_at) / 86400.0);
  return w * std::exp2(-age_days / 30.0);
}

float cosine(std::span<const float> a, std::span<const float> b) {
  double dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    na += static_cast<double>(a[i]) * a[i];
    nb += static_cast<double>(b[i]) * b[i];
  }
  return na > 0 && nb > 0 ? static_cast<float>(dot / std::sqrt(na * nb)) : 0.0f;
}

std::optional<std::vector<float>> taste_vector(std::span<const title_signal> signals,
                                               std::int64_t now, const vector_lookup& vectors) {
  std::vector<double> sum;
  bool pulled = false;
  for (const auto& s : signals) {
    const double w = taste_weight(s, now);
    const auto* v = vectors(s.title_id);
    if (w == 0 || !v) continue;
    if (sum.empty()) sum.assign(v->size(), 0.0);
    for (std::size_t i = 0; i < v->size() && i < sum.size(); ++i) sum[i] += w * (*v)[i];
    pulled = pulled || w > 0;
  }
  if (!pulled) return std::nullopt;  // only dislikes: nothing to move towards
  double norm = 0;
  for (double x : sum) norm += x * x;
  if (norm <= 0) return std::nullopt;
  norm = std::sqrt(norm);
  std::vector<float> out(sum.size());
  for (std::size_t i = 0; i < sum.size(); ++i) out[i] = static_cast<float>(sum[i] / norm);
  return out;
}

std::vector<std::int64_t> diversify(std::vector<candidate> candidates, std::size_t k,
                                    double lambda) {
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.relevance != b.relevance ? a.relevance > b.relevance : a.title_id < b.title_id;
  });
  std::vector<std::int64_t> picked;
  std::vector<bool> used(candidates.size(), false);
  // Each candidate's highest cosine to the picks so far, updated only against the
  // latest pick: n * k cosines instead of n * k^2.
  std::vector<double> redundancy(candidates.size(), 0.0);
  while (picked.size() < k) {
    std::size_t best = candidates.size();
    double best_score = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (used[i]) continue;
      const double score = lambda * candidates[i].relevance - (1 - lambda) * redundancy[i];
      if (best == candidates.size() || score > best_score) {
        best = i;
        best_score = score;
      }
    }
    if (best == candidates.size()) break;
    used[best] = true;
    picked.push_back(candidates[best].title_id);
    if (const auto* chosen = candidates[best].vector)
      for (std::size_t i = 0; i < candidates.size(); ++i)
        if (!used[i] && candidates[i].vector)
          redundancy[i] = std::max<double>(redundancy[i], cosine(*candidates[i].vector, *chosen));
  }
  return picked;
}

}  // namespace kinora::recommend

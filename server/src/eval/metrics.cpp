#include "eval/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace kinora::eval {

double recall_at(const std::vector<std::int64_t>& ranked,
                 const std::unordered_set<std::int64_t>& relevant, std::size_t k) {
  if (relevant.empty()) return 0;
  std::size_t hits = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) hits += relevant.count(ranked[i]);
  return static_cast<double>(hits) / static_cast<double>(relevant.size());
}

double ndcg_at(const std::vector<std::int64_t>& ranked,
               const std::unordered_set<std::int64_t>& relevant, std::size_t k) {
  double dcg = 0, ideal = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i)
    if (relevant.count(ranked[i])) dcg += 1.0 / std::log2(static_cast<double>(i) + 2);
  for (std::size_t i = 0; i < std::min(k, relevant.size()); ++i)
    ideal += 1.0 / std::log2(static_cast<double>(i) + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

void metric_totals::add(const std::vector<std::int64_t>& ranked,
                        const std::unordered_set<std::int64_t>& relevant) {
  ++users_;
  recall_sum_ += recall_at(ranked, relevant, k_);
  ndcg_sum_ += ndcg_at(ranked, relevant, k_);
  for (std::size_t i = 0; i < ranked.size() && i < k_; ++i) shown_.insert(ranked[i]);
}

double metric_totals::coverage(std::size_t catalog_size) const {
  return catalog_size ? static_cast<double>(shown_.size()) / static_cast<double>(catalog_size) : 0;
}

}  // namespace kinora::eval

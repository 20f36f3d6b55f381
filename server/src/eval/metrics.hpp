#pragma once
// Top-k ranking metrics with binary relevance, averaged over users, and catalog coverage.
#include <cstdint>
#include <set>
#include <unordered_set>
#include <vector>

namespace kinora::eval {

// Hits in the first k over the number of relevant items.
double recall_at(const std::vector<std::int64_t>& ranked,
                 const std::unordered_set<std::int64_t>& relevant, std::size_t k);
// DCG of the first k (gain 1 / log2(rank + 1)) over the DCG of an ideal list.
double ndcg_at(const std::vector<std::int64_t>& ranked,
               const std::unordered_set<std::int64_t>& relevant, std::size_t k);

// One recommender's figures over all evaluated users.
class metric_totals {
 public:
  explicit metric_totals(std::size_t k) : k_(k) {}
  void add(const std::vector<std::int64_t>& ranked,
           const std::unordered_set<std::int64_t>& relevant);
  std::size_t users() const { return users_; }
  double recall() const { return users_ ? recall_sum_ / static_cast<double>(users_) : 0; }
  double ndcg() const { return users_ ? ndcg_sum_ / static_cast<double>(users_) : 0; }
  // Distinct titles recommended to anyone, over the catalog's size.
  double coverage(std::size_t catalog_size) const;

 private:
  std::size_t k_;
  std::size_t users_ = 0;
  double recall_sum_ = 0;
  double ndcg_sum_ = 0;
  std::set<std::int64_t> shown_;
};

}  // namespace kinora::eval

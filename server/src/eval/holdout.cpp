#include "eval/holdout.hpp"

#include <algorithm>
#include <cmath>

namespace kinora::eval {

std::vector<user_split> split_by_time(const std::vector<star_rating>& ratings, double fraction) {
  std::map<std::int64_t, std::vector<star_rating>> by_user;
  for (const auto& r : ratings) by_user[r.user_id].push_back(r);
  std::vector<user_split> out;
  for (auto& [user, list] : by_user) {
    if (list.size() < 2) continue;
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.at != b.at ? a.at < b.at : a.movie_id < b.movie_id;
    });
    auto held = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(list.size())));
    held = std::clamp<std::size_t>(held, 1, list.size() - 1);
    const auto first_held = list.begin() + static_cast<std::ptrdiff_t>(list.size() - held);
    user_split s{user, {list.begin(), first_held}, {first_held, list.end()}, 0};
    s.cutoff = s.training.back().at;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kinora::eval

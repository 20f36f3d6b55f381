#include "recommend/co_watch.hpp"

#include <algorithm>
#include <cmath>

namespace kinora::recommend {

neighbour_lists co_watch_neighbours(std::vector<play> plays, const co_watch_options& o) {
  // Each profile's titles, newest first, one entry per title, at most per_profile.
  std::sort(plays.begin(), plays.end(), [](const play& a, const play& b) {
    if (a.profile_id != b.profile_id) return a.profile_id < b.profile_id;
    if (a.title_id != b.title_id) return a.title_id < b.title_id;
    return a.at > b.at;
  });
  plays.erase(std::unique(plays.begin(), plays.end(),
                          [](const play& a, const play& b) {
                            return a.profile_id == b.profile_id && a.title_id == b.title_id;
                          }),
              plays.end());

  // Dense numbering of titles, so counting uses arrays instead of hash maps.
  std::vector<std::int64_t> title_of;
  std::unordered_map<std::int64_t, std::uint32_t> index_of;
  auto index = [&](std::int64_t title) {
    const auto [it, added] = index_of.emplace(title, static_cast<std::uint32_t>(title_of.size()));
    if (added) title_of.push_back(title);
    return it->second;
  };
  std::vector<std::vector<std::uint32_t>> titles_of_profile;
  for (auto begin = plays.begin(); begin != plays.end();) {
    auto end = std::find_if(begin, plays.end(),
                            [&](const play& p) { return p.profile_id != begin->profile_id; });
    if (static_cast<std::size_t>(end - begin) > o.per_profile) {
      std::partial_sort(begin, begin + static_cast<std::ptrdiff_t>(o.per_profile), end,
                        [](const play& a, const play& b) {
                          return a.at != b.at ? a.at > b.at : a.title_id < b.title_id;
                        });
      end = begin + static_cast<std::ptrdiff_t>(o.per_profile);
    }
    auto& titles = titles_of_profile.emplace_back();
    for (auto p = begin; p != end; ++p) titles.push_back(index(p->title_id));
    begin = std::find_if(end, plays.end(),
                         [&](const play& p) { return p.profile_id != begin->profile_id; });
  }
  const auto n = title_of.size();
  std::vector<std::vector<std::uint32_t>> profiles_of_title(n);
  for (std::uint32_t p = 0; p < titles_of_profile.size(); ++p)
    for (auto t : titles_of_profile[p]) profiles_of_title[t].push_back(p);

  neighbour_lists out;
  std::vector<std::uint32_t> together(n, 0);
  std::vector<std::uint32_t> touched;
  std::vector<neighbour> scored;
  for (std::uint32_t a = 0; a < n; ++a) {
    for (auto p : profiles_of_title[a])
      for (auto b : titles_of_profile[p])
        if (b != a && together[b]++ == 0) touched.push_back(b);
    const double n_a = std::pow(static_cast<double>(profiles_of_title[a].size()), o.alpha);
    scored.clear();
    for (auto b : touched) {
      if (together[b] >= o.min_profiles) {
        const double n_b = std::pow(static_cast<double>(profiles_of_title[b].size()), 1 - o.alpha);
        scored.push_back({title_of[b], together[b] / (n_a * n_b)});
      }
      together[b] = 0;
    }
    touched.clear();
    if (scored.empty()) continue;
    const auto keep = std::min(o.per_title, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                      scored.end(), [](const neighbour& x, const neighbour& y) {
                        return x.score != y.score ? x.score > y.score : x.title_id < y.title_id;
                      });
    out.emplace(
        title_of[a],
        std::vector<neighbour>(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep)));
  }
  return out;
}

}  // namespace kinora::recommend

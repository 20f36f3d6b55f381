#pragma once
// The one policy for what a profile may see: content is visible when the account's
// tier includes it AND its age rating is within the profile's ceiling. Anything else
// is hidden — absent from listings and search, 404 on detail — on every route.
#include <optional>
#include <string_view>

#include "core/viewer.hpp"

namespace kinora::auth {

std::string_view to_string(tier t);
std::string_view to_string(maturity m);
std::optional<tier> parse_tier(std::string_view s);
std::optional<maturity> parse_maturity(std::string_view s);

inline int rank(tier t) {
  return static_cast<int>(t);
}
inline int rank(maturity m) {
  return static_cast<int>(m);
}

// The two halves of the rule, for routes that say which one refused (playback).
inline bool tier_includes(const viewer& v, tier required) {
  return rank(required) <= rank(v.tier);
}
inline bool within_ceiling(const viewer& v, maturity rating) {
  return rank(rating) <= rank(v.ceiling);
}
inline bool may_see(const viewer& v, tier required, maturity rating) {
  return tier_includes(v, required) && within_ceiling(v, rating);
}

// Streams an account may play at once.
inline int concurrent_streams(tier t) {
  switch (t) {
    case tier::basic:
      return 1;
    case tier::standard:
      return 2;
    case tier::premium:
      return 4;
  }
  return 1;
}

// The same rule for SQL: auth/visibility_sql.hpp binds these two values into
// `tier_rank <= $n AND maturity_rank <= $m`.
struct visibility_filter {
  std::int64_t max_tier_rank;
  std::int64_t max_maturity_rank;
};
inline visibility_filter filter_for(const viewer& v) {
  return {rank(v.tier), rank(v.ceiling)};
}

}  // namespace kinora::auth

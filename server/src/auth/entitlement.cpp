#include "auth/entitlement.hpp"

namespace kinora::auth {

std::string_view to_string(tier t) {
  switch (t) {
    case tier::basic:
      return "basic";
    case tier::standard:
      return "standard";
    case tier::premium:
      return "premium";
  }
  return "basic";
}

std::string_view to_string(maturity m) {
  switch (m) {
    case maturity::all:
      return "all";
    case maturity::age7:
      return "7+";
    case maturity::age13:
      return "13+";
    case maturity::age16:
      return "16+";
    case maturity::age18:
      return "18+";
  }
  return "all";
}

std::optional<tier> parse_tier(std::string_view s) {
  for (auto t : {tier::basic, tier::standard, tier::premium})
    if (to_string(t) == s) return t;
  return std::nullopt;
}

std::optional<maturity> parse_maturity(std::string_view s) {
  for (auto m : {maturity::all, maturity::age7, maturity::age13, maturity::age16, maturity::age18})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

}  // namespace kinora::auth

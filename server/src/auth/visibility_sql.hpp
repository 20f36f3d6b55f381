#pragma once
// The visibility rule (auth/entitlement.hpp) as SQL, written once: every store that lists
// titles or channels for a profile asks for this fragment instead of spelling it out.
#include <string>
#include <string_view>

#include "auth/entitlement.hpp"
#include "storage/statement.hpp"

namespace kinora::auth {

// "t.tier_rank <= $n AND t.maturity_rank <= $m" for the table alias `t`, binding the two
// ranks into `st`.
inline std::string visible_sql(storage::statement& st, std::string_view alias,
                               const visibility_filter& v) {
  const std::string prefix = alias.empty() ? "" : std::string(alias) + ".";
  return prefix + "tier_rank <= " + st.bind(v.max_tier_rank) + " AND " + prefix +
         "maturity_rank <= " + st.bind(v.max_maturity_rank);
}

}  // namespace kinora::auth

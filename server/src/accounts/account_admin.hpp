#pragma once
// SQL for the accounts admin: the paged, searchable list of accounts and the changes an
// admin makes to one (tier, disabled). Sign-in itself stays in auth/.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/viewer.hpp"
#include "storage/database.hpp"

namespace kinora::accounts {

struct summary {
  std::int64_t id = 0;
  std::string email;
  auth::tier tier = auth::tier::basic;
  bool admin = false;
  std::optional<std::int64_t> disabled_at;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_sign_in_at;  // the last password sign-in
  std::int64_t profile_count = 0;
};

struct filter {
  std::optional<std::string> q;  // email substring, case-insensitive
  std::optional<auth::tier> tier;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

struct page {
  std::vector<summary> items;
  std::int64_t total = 0;
};

page list(storage::connection& c, const filter& f);
std::optional<summary> find(storage::connection& c, std::int64_t id);
void set_tier(storage::connection& c, std::int64_t id, auth::tier t);
// Keeps the first time when already disabled.
void set_disabled(storage::connection& c, std::int64_t id, bool disabled, std::int64_t now);
// What a playback session watches, for people: the title's or the channel's name.
std::optional<std::string> watching(storage::connection& c, std::int64_t title_id,
                                    std::int64_t channel_id);

}  // namespace kinora::accounts

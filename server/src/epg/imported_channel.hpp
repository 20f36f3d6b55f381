#pragma once
// Channels that an import (XMLTV or M3U) creates: tier premium and rating 18+, so only the
// widest profiles see them until an admin opens them up, and a slug made unique.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace kinora::epg {

struct imported_channel {
  std::int64_t number = 0;
  std::string name;
  std::string category = "general";
  std::optional<std::string> xmltv_id;
  std::optional<std::string> icon_url;
};

struct created_channel {
  std::int64_t id = 0;
  std::string slug;
};

// Inserts the channel under the first free slug of its name ("name", "name-2", ...). Names,
// categories and icons are cut to what the columns hold; the XMLTV id is kept whole (it is unique:
// two cut ids could collide).
created_channel create_imported_channel(storage::connection& c, const imported_channel& ch);

// At most `max` bytes of `s`, never ending in half a UTF-8 sequence.
std::string cut_utf8(std::string s, std::size_t max);

}  // namespace kinora::epg

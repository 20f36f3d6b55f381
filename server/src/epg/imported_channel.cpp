#include "epg/imported_channel.hpp"

#include "auth/entitlement.hpp"
#include "core/text.hpp"
#include "epg/epg_store.hpp"

namespace kinora::epg {

std::string cut_utf8(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  s.resize(max);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
  return s;
}

created_channel create_imported_channel(storage::connection& c, const imported_channel& ch) {
  std::string base = text::slugify(ch.name).substr(0, 80);
  if (base.empty()) base = "channel";
  std::string slug = base;
  for (int n = 2; !c.query("SELECT 1 FROM channels WHERE slug = $1", {slug}).empty(); ++n)
    slug = base + "-" + std::to_string(n);
  channel row;
  row.number = ch.number;
  row.slug = slug;
  row.name = cut_utf8(ch.name, 100);
  row.category = cut_utf8(ch.category, 64);
  row.tier = auth::tier::premium;
  row.maturity = auth::maturity::age18;
  const auto icon =
      ch.icon_url ? std::optional<std::string>(cut_utf8(*ch.icon_url, 2000)) : std::nullopt;
  const auto id = epg_store::insert_channel(c, row, ch.xmltv_id, icon);
  return {id, slug};
}

}  // namespace kinora::epg

#include "epg/imported_channel.hpp"

#include "auth/entitlement.hpp"
#include "core/text.hpp"

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
  const auto id =
      c.query(
           "INSERT INTO channels (number, slug, name, category, description, tier, tier_rank, "
           "maturity, maturity_rank, xmltv_id, icon_url) VALUES ($1, $2, $3, $4, '', 'premium', "
           "$5, '18+', $6, $7, $8) RETURNING id",
           {ch.number, slug, cut_utf8(ch.name, 100), cut_utf8(ch.category, 64),
            std::int64_t{auth::rank(auth::tier::premium)},
            std::int64_t{auth::rank(auth::maturity::age18)}, storage::nullable(ch.xmltv_id),
            ch.icon_url ? storage::value{cut_utf8(*ch.icon_url, 2000)}
                        : storage::value{storage::null}})
          .front()
          .i64(0);
  return {id, slug};
}

}  // namespace kinora::epg

#include "epg/epg_interchange.hpp"

#include <cctype>
#include <sstream>
#include <unordered_map>

#include "auth/entitlement.hpp"
#include "auth/visibility_sql.hpp"
#include "epg/epg_store.hpp"
#include "epg/imported_channel.hpp"
#include "epg/xmltv.hpp"

namespace kinora::epg {

namespace {

using storage::connection;

struct line_up_entry {
  channel ch;
  std::optional<std::string> xmltv_id;
  std::optional<std::string> icon_url;
};

// Every channel, or the ones the viewer may see, by number.
std::vector<line_up_entry> line_up(connection& c, const std::optional<auth::viewer>& who) {
  std::string sql =
      "SELECT id, number, slug, name, category, description, tier, maturity, xmltv_id, icon_url "
      "FROM channels";
  storage::statement st;
  if (who && !who->is_admin()) sql += " WHERE " + auth::visible_sql(st, "", auth::filter_for(*who));
  sql += " ORDER BY number";
  std::vector<line_up_entry> out;
  for (const auto& r : st.run(c, sql)) {
    line_up_entry e;
    e.ch = epg_store::read_channel_core(r);
    e.xmltv_id = r.opt_text(8);
    e.icon_url = r.opt_text(9);
    out.push_back(std::move(e));
  }
  return out;
}

// The XMLTV id a channel is exported under: its own, or "<slug>.kinora".
std::string guide_id(const line_up_entry& e) {
  return e.xmltv_id ? *e.xmltv_id : e.ch.slug + ".kinora";
}

std::string logo_url(const line_up_entry& e, const std::string& base_url) {
  if (e.icon_url && !e.icon_url->empty()) return *e.icon_url;
  return base_url + "/api/v1/epg/channels/" + std::to_string(e.ch.id) + "/logo.svg";
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Ratings as grabbers write them (US TV and MPAA, French CSA "-12", plain ages) mapped
// onto Kinora's age ratings; anything unknown counts as "all".
auth::maturity rating_of(const std::string& value) {
  const auto v = lower(value);
  if (v.empty()) return auth::maturity::all;
  if (v == "tv-ma" || v == "r" || v == "nc-17" || v == "x" || v.find("18") != std::string::npos)
    return auth::maturity::age18;
  if (v.find("16") != std::string::npos || v.find("15") != std::string::npos)
    return auth::maturity::age16;
  if (v == "tv-14" || v == "pg-13" || v.find("12") != std::string::npos ||
      v.find("13") != std::string::npos || v.find("14") != std::string::npos)
    return auth::maturity::age13;
  if (v == "tv-pg" || v == "pg" || v == "tv-y7" || v == "tv-y7-fv" ||
      v.find("10") != std::string::npos || v.find('7') != std::string::npos)
    return auth::maturity::age7;
  return auth::maturity::all;
}

class importer {
 public:
  explicit importer(connection& c) : c_(c) {}

  void on_channel(xmltv::channel&& ch) {
    if (ch.id.empty() || ids_.count(ch.id)) return;
    if (const auto rs = c_.query("SELECT id FROM channels WHERE xmltv_id = $1", {ch.id});
        !rs.empty()) {
      ids_[ch.id] = rs.front().i64(0);
      ++report.channels_matched;
      if (ch.icon) epg_store::set_channel_icon(c_, ids_[ch.id], cut_utf8(*ch.icon, 2000));
      return;
    }
    create(ch.id, ch.names.empty() ? ch.id : ch.names.front(), ch.icon);
  }

  void on_programme(xmltv::programme&& p) {
    if (p.channel.empty() || !p.stop || *p.stop <= p.start || p.title.empty()) {
      ++report.programmes_skipped;
      return;
    }
    auto it = ids_.find(p.channel);
    if (it == ids_.end()) {
      on_channel({p.channel, {}, std::nullopt});
      it = ids_.find(p.channel);
    }
    programme row;
    row.channel_id = it->second;
    row.start_at = p.start;
    row.end_at = *p.stop;
    row.title = cut_utf8(p.title, 500);
    if (p.subtitle) row.subtitle = cut_utf8(*p.subtitle, 500);
    row.description = cut_utf8(p.description, 10000);
    row.category = cut_utf8(p.category, 64);
    row.season = p.season;
    row.episode = p.episode;
    row.rating = std::string(auth::to_string(rating_of(p.rating)));
    report.programmes_replaced +=
        epg_store::delete_programmes_overlapping(c_, row.channel_id, {row.start_at, row.end_at});
    if (epg_store::update_programme_at(c_, row)) {
      ++report.programmes_updated;
      return;
    }
    epg_store::insert_programme(c_, row);
    ++report.programmes_created;
  }

  import_report report;

 private:
  void create(const std::string& id, const std::string& name,
              const std::optional<std::string>& icon) {
    const auto number =
        c_.query("SELECT COALESCE(MAX(number), 0) + 1 FROM channels").front().i64(0);
    ids_[id] = create_imported_channel(c_, {number, name, "general", id, icon}).id;
    ++report.channels_created;
  }

  connection& c_;
  std::unordered_map<std::string, std::int64_t> ids_;
};

// M3U attribute values cannot hold a double quote or a line break.
std::string m3u_value(std::string s) {
  for (auto& c : s)
    if (c == '"' || c == '\n' || c == '\r') c = c == '"' ? '\'' : ' ';
  return s;
}

}  // namespace

std::string epg_interchange::export_xmltv(const std::optional<auth::viewer>& who, time_window w,
                                          const std::string& base_url) {
  auto c = db_.acquire();
  const auto channels = line_up(*c, who);
  std::vector<std::int64_t> ids;
  ids.reserve(channels.size());
  for (const auto& e : channels) ids.push_back(e.ch.id);
  const auto programmes = epg_store::programmes_in(*c, ids, w);
  std::unordered_map<std::int64_t, std::int64_t> count;
  for (const auto& p : programmes) ++count[p.channel_id];

  std::ostringstream out;
  xmltv::writer xml(out);
  std::unordered_map<std::int64_t, std::string> guide_ids;
  // A channel without programmes in the window is left out: XMLTV validators flag it.
  for (const auto& e : channels) {
    if (!count[e.ch.id]) continue;
    guide_ids[e.ch.id] = guide_id(e);
    xml.channel({guide_id(e), {e.ch.name, std::to_string(e.ch.number)}, logo_url(e, base_url)});
  }
  for (const auto& p : programmes) {
    xmltv::programme x;
    x.channel = guide_ids[p.channel_id];
    x.start = p.start_at;
    x.stop = p.end_at;
    x.title = p.title;
    x.subtitle = p.subtitle;
    x.description = p.description;
    x.category = p.category;
    x.season = p.season;
    x.episode = p.episode;
    x.rating = p.rating;
    x.rating_system = "Kinora";
    xml.programme(x);
  }
  xml.finish();
  return std::move(out).str();
}

template <class Read>
result<import_report> epg_interchange::import_with(Read&& read) {
  return db_.transact([&](connection& c) -> result<import_report> {
    importer in(c);
    xmltv::handlers h;
    h.on_channel = [&](xmltv::channel&& ch) { in.on_channel(std::move(ch)); };
    h.on_programme = [&](xmltv::programme&& p) { in.on_programme(std::move(p)); };
    if (auto st = read(h); !st) return std::move(st).err();
    return in.report;
  });
}

result<import_report> epg_interchange::import_xmltv_file(const std::string& path) {
  return import_with([&](const xmltv::handlers& h) { return xmltv::read_file(path, h); });
}

result<import_report> epg_interchange::import_xmltv(std::string_view document) {
  return import_with([&](const xmltv::handlers& h) { return xmltv::read_memory(document, h); });
}

std::string epg_interchange::playlist(const std::optional<auth::viewer>& who,
                                      const std::string& base_url) {
  auto c = db_.acquire();
  std::string out = "#EXTM3U url-tvg=\"" + base_url + "/api/v1/epg/xmltv\"\n";
  for (const auto& e : line_up(*c, who)) {
    const auto self = base_url + "/api/v1/epg/channels/" + std::to_string(e.ch.id);
    out += "#EXTINF:-1 tvg-id=\"" + m3u_value(guide_id(e)) + "\" tvg-name=\"" +
           m3u_value(e.ch.name) + "\" tvg-logo=\"" + m3u_value(logo_url(e, base_url)) +
           "\" tvg-chno=\"" + std::to_string(e.ch.number) + "\" group-title=\"" +
           m3u_value(e.ch.category) + "\" catchup=\"default\" catchup-days=\"7\"," +
           m3u_value(e.ch.name) + "\n" + self + "\n";
  }
  return out;
}

}  // namespace kinora::epg

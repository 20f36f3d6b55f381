// Importing an M3U line-up (the rules are in epg_interchange.hpp). The channels are read
// once into memory, so matching costs no query per entry; only changes are written.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "core/files.hpp"
#include "epg/epg_interchange.hpp"
#include "epg/epg_store.hpp"
#include "epg/imported_channel.hpp"
#include "epg/m3u.hpp"

namespace kinora::epg {

namespace {

using storage::connection;

// Larger files are not line-ups; the HTTP route's body limit is smaller still.
constexpr std::uintmax_t max_file_bytes = 64ULL * 1024 * 1024;

struct known_channel {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string slug;
  std::string category;
  std::optional<std::string> xmltv_id;
  std::optional<std::string> icon_url;
  bool imported = false;  // named by an earlier entry of this playlist
};

std::string display_name(const m3u::entry& e) {
  return e.name.empty() ? e.tvg_name : e.name;
}

// Lower-cased like Kinora's own categories; Kodi separates several groups with ';'.
std::string category_of(const std::string& group_title) {
  std::string out = group_title.substr(0, group_title.find(';'));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return cut_utf8(out, 64);
}

// An http(s) logo other than a Kinora-generated one (".../epg/channels/{id}/logo.svg").
std::optional<std::string> usable_logo(const std::string& url) {
  if (!url.starts_with("http://") && !url.starts_with("https://")) return std::nullopt;
  if (url.find("/api/v1/epg/channels/") != std::string::npos && url.ends_with("/logo.svg"))
    return std::nullopt;
  if (url.size() > 2000) return std::nullopt;
  return url;
}

class m3u_importer {
 public:
  explicit m3u_importer(connection& c) : c_(c) {
    for (const auto& r :
         c_.query("SELECT id, number, slug, name, category, xmltv_id, icon_url FROM channels "
                  "ORDER BY number")) {
      auto& k = channels_.emplace_back();
      k.id = r.i64(0);
      k.number = r.i64(1);
      k.slug = r.text(2);
      k.category = r.text(4);
      k.xmltv_id = r.opt_text(5);
      k.icon_url = r.opt_text(6);
      index(channels_.size() - 1, r.text(3));
    }
  }

  result<m3u_report> run(const std::vector<m3u::entry>& entries) {
    std::vector<const m3u::entry*> kept;
    std::unordered_set<std::string> tvg_ids;
    std::unordered_map<std::int64_t, std::int64_t> line_of_number;
    for (const auto& e : entries) {
      if (!e.has_extinf || display_name(e).empty()) {
        ++report_.skipped_no_name;
      } else if (e.url.empty()) {
        ++report_.skipped_no_url;
      } else if (!e.tvg_id.empty() && !tvg_ids.insert(e.tvg_id).second) {
        ++report_.skipped_duplicate;
      } else {
        if (e.tvg_chno) {
          const auto [it, fresh] = line_of_number.emplace(*e.tvg_chno, e.line);
          if (!fresh)
            return m3u::invalid(e.line, "tvg-chno \"" + std::to_string(*e.tvg_chno) +
                                            "\" is already the number of line " +
                                            std::to_string(it->second));
        }
        kept.push_back(&e);
      }
    }
    for (const auto* e : kept) import(*e);
    return report_;
  }

 private:
  void index(std::size_t at, const std::string& name) {
    const auto& k = channels_[at];
    by_number_[k.number] = at;
    by_slug_[k.slug] = at;
    if (k.xmltv_id) by_xmltv_id_[*k.xmltv_id] = at;
    by_name_.emplace(name, at);  // by number: the lowest number of a name comes first
    max_number_ = std::max(max_number_, k.number);
  }

  enum class matched_by { tvg_id, number, name };
  struct match_result {
    std::size_t at = 0;
    matched_by how = matched_by::tvg_id;
  };

  std::optional<match_result> match(const m3u::entry& e) const {
    if (!e.tvg_id.empty()) {
      if (auto it = by_xmltv_id_.find(e.tvg_id); it != by_xmltv_id_.end())
        return match_result{it->second, matched_by::tvg_id};
      if (e.tvg_id.ends_with(".kinora")) {
        const auto slug = e.tvg_id.substr(0, e.tvg_id.size() - 7);
        if (auto it = by_slug_.find(slug); it != by_slug_.end() && !channels_[it->second].xmltv_id)
          return match_result{it->second, matched_by::tvg_id};
      }
    }
    // A channel with another guide id is another channel, whatever its number or name.
    const auto compatible = [&](std::size_t at) {
      return e.tvg_id.empty() || !channels_[at].xmltv_id;
    };
    if (e.tvg_chno)
      if (auto it = by_number_.find(*e.tvg_chno); it != by_number_.end() && compatible(it->second))
        return match_result{it->second, matched_by::number};
    const auto [first, last] = by_name_.equal_range(display_name(e));
    std::optional<std::size_t> best;
    for (auto it = first; it != last; ++it)
      if (compatible(it->second) &&
          (!best || channels_[it->second].number < channels_[*best].number))
        best = it->second;
    if (!best) return std::nullopt;
    return match_result{*best, matched_by::name};
  }

  void import(const m3u::entry& e) {
    const auto m = match(e);
    if (!m) return create(e);
    auto& k = channels_[m->at];
    if (k.imported) {
      ++report_.skipped_duplicate;
      return;
    }
    k.imported = true;
    ++report_.channels_matched;
    ++(m->how == matched_by::tvg_id   ? report_.matched_by_tvg_id
       : m->how == matched_by::number ? report_.matched_by_number
                                      : report_.matched_by_name);
    fill_in(m->at, e);
  }

  // Only what the channel lacks; see epg_interchange.hpp.
  void fill_in(std::size_t at, const m3u::entry& e) {
    auto& k = channels_[at];
    bool changed = false;
    if (!k.xmltv_id && !e.tvg_id.empty() && e.tvg_id != k.slug + ".kinora" &&
        !by_xmltv_id_.count(e.tvg_id)) {
      k.xmltv_id = e.tvg_id;
      by_xmltv_id_[e.tvg_id] = at;
      changed = true;
    }
    if (const auto logo = usable_logo(e.tvg_logo); logo && (!k.icon_url || k.icon_url->empty())) {
      k.icon_url = logo;
      changed = true;
    }
    if (const auto category = category_of(e.group_title);
        !category.empty() && (k.category.empty() || k.category == "general") &&
        category != k.category) {
      k.category = category;
      changed = true;
    }
    if (!changed) return;
    epg_store::set_channel_guide(c_, k.id, k.xmltv_id, k.icon_url, k.category);
    ++report_.channels_updated;
  }

  void create(const m3u::entry& e) {
    imported_channel ch;
    ch.number = e.tvg_chno && !by_number_.count(*e.tvg_chno) ? *e.tvg_chno : max_number_ + 1;
    ch.name = display_name(e);
    if (const auto category = category_of(e.group_title); !category.empty()) ch.category = category;
    if (!e.tvg_id.empty()) ch.xmltv_id = e.tvg_id;
    ch.icon_url = usable_logo(e.tvg_logo);
    const auto created = create_imported_channel(c_, ch);
    auto& k = channels_.emplace_back();
    k.id = created.id;
    k.number = ch.number;
    k.slug = created.slug;
    k.category = ch.category;
    k.xmltv_id = ch.xmltv_id;
    k.icon_url = ch.icon_url;
    k.imported = true;
    index(channels_.size() - 1, ch.name);
    ++report_.channels_created;
  }

  connection& c_;
  std::vector<known_channel> channels_;
  std::unordered_map<std::string, std::size_t> by_xmltv_id_;
  std::unordered_map<std::string, std::size_t> by_slug_;
  std::unordered_map<std::int64_t, std::size_t> by_number_;
  std::unordered_multimap<std::string, std::size_t> by_name_;
  std::int64_t max_number_ = 0;
  m3u_report report_;
};

}  // namespace

result<m3u_report> epg_interchange::import_m3u(std::string_view document) {
  KINORA_TRY(entries, m3u::parse(document));
  return db_.transact(
      [&](connection& c) -> result<m3u_report> { return m3u_importer(c).run(entries); });
}

result<m3u_report> epg_interchange::import_m3u_file(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(errc::validation, "Cannot open " + path + ".", "invalid-m3u");
  if (size > max_file_bytes)
    return fail(errc::validation, path + " is larger than 64 MiB: not a line-up.", "invalid-m3u");
  return import_m3u(files::read(path));
}

}  // namespace kinora::epg

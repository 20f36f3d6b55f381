#include "live/live_service.hpp"

#include "core/files.hpp"
#include "media/media_library.hpp"

namespace kinora::live {

namespace {

constexpr std::int64_t slots_per_day = 86400 / slot_seconds;

std::int64_t midnight_at_or_before(std::int64_t slot) {
  return slot >= 0 ? slot / slots_per_day * slots_per_day
                   : -((-slot + slots_per_day - 1) / slots_per_day) * slots_per_day;
}

}  // namespace

std::shared_ptr<const packaged_media> live_service::slate() {
  return media_.get(std::string(media::slate_asset_id));
}

status live_service::ready() {
  if (!slate())
    return fail(errc::conflict,
                "Channels play once the slate is packaged: run `kinora media build`.", "no-media");
  return ok();
}

result<playout_store::scheduled> live_service::start_over_programme(std::int64_t channel_id,
                                                                    std::int64_t programme_id) {
  const auto p = playout_store::programme(*db_.acquire(), channel_id, programme_id);
  if (!p)
    return fail(errc::not_found, "Channel " + std::to_string(channel_id) + " has no programme " +
                                     std::to_string(programme_id) + ".");
  const auto now = clock_.now_unix();
  if (p->start_at > now) return invalid_field("programme_id", "has not started yet");
  if (p->start_at < now - start_over_seconds)
    return invalid_field("programme_id", "started more than 7 days ago");
  return *p;
}

result<std::string> live_service::master_playlist() {
  if (auto st = ready(); !st) return st.err();
  const auto text = files::read(media_.hls_dir() / media::slate_asset_id / "master.m3u8");
  if (text.empty()) return fail(errc::conflict, "The slate package is unreadable.", "no-media");
  return render_master_playlist(text);
}

block live_service::block_for(const playout_store::scheduled& p) {
  block b;
  b.first_slot = first_slot_from(p.start_at);
  b.end_slot = first_slot_from(p.end_at);
  b.programme_id = p.programme_id;
  if (p.asset_id) b.media = media_.get(*p.asset_id);
  if (!b.media) b.media = slate();
  return b;
}

std::vector<block> live_service::timeline(std::int64_t channel_id, std::int64_t from_slot,
                                          std::int64_t to_slot) {
  const auto day = midnight_at_or_before(from_slot);
  const auto rows = playout_store::programmes(*db_.acquire(), channel_id, day * slot_seconds,
                                              to_slot * slot_seconds);
  const auto filler = slate();
  std::vector<block> out;
  auto fill_gap = [&](std::int64_t from, std::int64_t to) {
    while (from < to) {
      const auto next_midnight = midnight_at_or_before(from) + slots_per_day;
      const auto end = std::min(to, next_midnight);
      out.push_back({from, end, filler, 0});
      from = end;
    }
  };
  std::int64_t cursor = day;
  for (const auto& p : rows) {
    auto b = block_for(p);
    // A programme that began before midnight keeps its real start; later ones follow on.
    if (!out.empty() || b.first_slot >= cursor) {
      b.first_slot = std::max(b.first_slot, cursor);  // never overlap the one before
      fill_gap(cursor, b.first_slot);
    }
    if (b.end_slot <= b.first_slot) continue;  // shorter than a slot
    out.push_back(b);
    cursor = b.end_slot;
  }
  fill_gap(cursor, std::max(cursor, to_slot));
  return out;
}

std::optional<std::int64_t> live_service::known_base(storage::connection& c,
                                                     std::int64_t channel_id,
                                                     std::int64_t first_slot) {
  {
    std::lock_guard lock(bases_mutex_);
    if (const auto it = bases_.find({channel_id, first_slot}); it != bases_.end())
      return it->second;
  }
  const auto base = playout_store::run_base(c, channel_id, first_slot);
  if (base) {
    std::lock_guard lock(bases_mutex_);
    bases_[{channel_id, first_slot}] = *base;
  }
  return base;
}

std::int64_t live_service::record(storage::connection& c, std::int64_t channel_id,
                                  std::int64_t first_slot, std::int64_t base) {
  playout_store::forget_runs_before(c, channel_id,
                                    first_slot - start_over_seconds / slot_seconds - slots_per_day);
  const auto recorded = playout_store::record_run(c, channel_id, first_slot, base);
  std::lock_guard lock(bases_mutex_);
  if (bases_.size() > 100'000) bases_.clear();
  bases_[{channel_id, first_slot}] = recorded;
  return recorded;
}

void live_service::number_blocks(std::int64_t channel_id, std::vector<block>& blocks,
                                 std::size_t first, std::int64_t end_slot) {
  auto c = db_.acquire();
  for (auto i = first; i < blocks.size() && blocks[i].first_slot < end_slot; ++i) {
    auto& b = blocks[i];
    if (const auto known = known_base(*c, channel_id, b.first_slot)) {
      b.discontinuity_base = *known;
      continue;
    }
    std::optional<std::int64_t> base;
    if (i > 0) {
      // The block before the window is not numbered here; look up whether it aired.
      const auto& before = blocks[i - 1];
      const auto before_base = i > first ? std::optional(before.discontinuity_base)
                                         : known_base(*c, channel_id, before.first_slot);
      if (before_base) base = *before_base + before.passes();
    }
    // Nobody watched the block before, so no player holds a number to stay consistent
    // with: any value above the channel's last one will do.
    if (!base) base = playout_store::latest_base(*c, channel_id).value_or(-1) + 1;
    b.discontinuity_base = record(*c, channel_id, b.first_slot, *base);
  }
}

result<std::string> live_service::media_playlist(const channel_stream& stream,
                                                 const std::string& rendition,
                                                 const asset_prefix& prefix) {
  if (auto st = ready(); !st) return st.err();
  if (!slate()->tracks.contains(rendition))
    return fail(errc::not_found, "No rendition " + rendition + " on this channel.");
  const auto now_slot = slot_at(clock_.now_unix());  // slots before it are complete
  playlist_spec spec;
  spec.rendition = rendition;
  std::vector<block> blocks;
  if (stream.programme_id) {
    const auto p = playout_store::programme(*db_.acquire(), stream.channel_id, stream.programme_id);
    if (!p) return fail(errc::not_found, "The programme is no longer in the guide.");
    blocks.push_back(block_for(*p));
    spec.first_slot = spec.sequence_origin = blocks.front().first_slot;
    spec.end_slot = std::max(spec.first_slot, std::min(blocks.front().end_slot, now_slot));
    spec.kind = now_slot >= blocks.front().end_slot ? playlist_kind::vod : playlist_kind::event;
  } else {
    spec.end_slot = now_slot;
    spec.first_slot = now_slot - live_window_slots;
    blocks = timeline(stream.channel_id, spec.first_slot, spec.end_slot);
    // Drop the blocks that ended before the window; the first one left sets the count.
    std::size_t first = 0;
    while (first + 1 < blocks.size() && blocks[first].end_slot <= spec.first_slot) ++first;
    number_blocks(stream.channel_id, blocks, first, spec.end_slot);
    blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(first));
  }
  auto text = render_media_playlist(blocks, spec, prefix);
  if (text.empty()) return fail(errc::not_found, "No rendition " + rendition + " on this channel.");
  return text;
}

bool live_service::plays_asset(const channel_stream& stream, const std::string& asset_id) {
  if (asset_id == media::slate_asset_id) return true;
  auto c = db_.acquire();
  if (stream.programme_id) {
    const auto p = playout_store::programme(*c, stream.channel_id, stream.programme_id);
    return p && p->asset_id == asset_id;
  }
  // A player may still be on the programme before, or already on the next one.
  const auto now = clock_.now_unix();
  return playout_store::schedules_asset(*c, stream.channel_id, asset_id, now - 3600, now + 3600);
}

}  // namespace kinora::live

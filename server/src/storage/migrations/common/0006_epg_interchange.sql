-- XMLTV and M3U interchange: a channel's guide id (XMLTV channel id, M3U tvg-id) and
-- the logo a grabber gave it; programmes are unique per (channel, start), which is the
-- key an import upserts by.
ALTER TABLE channels ADD COLUMN xmltv_id TEXT;
ALTER TABLE channels ADD COLUMN icon_url TEXT;
CREATE UNIQUE INDEX channels_xmltv_id ON channels(xmltv_id);
CREATE UNIQUE INDEX programmes_channel_start ON programmes(channel_id, start_at);

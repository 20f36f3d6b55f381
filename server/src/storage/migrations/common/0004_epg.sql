-- The live TV guide. Favorite channels per profile, in the order the viewer chose.
CREATE TABLE channel_favorites (
  profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  added_at   BIGINT NOT NULL,
  PRIMARY KEY (profile_id, channel_id)
);
CREATE INDEX channel_favorites_order ON channel_favorites(profile_id, position);
CREATE INDEX channel_favorites_channel ON channel_favorites(channel_id);

-- Channel lists filter by category and sort by number.
CREATE INDEX channels_category ON channels(category, number);

-- Logs that Ask the data reads (admin insights). Append-only, written by their owners:
-- play starts by playback, searches by the catalog. No foreign keys: figures about the
-- past stay when a title, channel or account is deleted; the tier is the one at the time.
CREATE TABLE play_starts (
  started_at BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  profile_id BIGINT NOT NULL,
  tier       TEXT NOT NULL,
  kids       INTEGER NOT NULL DEFAULT 0,
  title_id   BIGINT,  -- a title or one of its episodes, or else
  episode_id BIGINT,
  channel_id BIGINT   -- a linear channel
);
CREATE INDEX play_starts_time ON play_starts(started_at);
CREATE INDEX play_starts_title ON play_starts(title_id, started_at);
CREATE INDEX bookmarks_title ON bookmarks(title_id);
CREATE INDEX play_starts_channel ON play_starts(channel_id, started_at);

CREATE TABLE search_queries (
  searched_at BIGINT NOT NULL,
  account_id  BIGINT NOT NULL,
  profile_id  BIGINT NOT NULL,
  tier        TEXT NOT NULL,
  query       TEXT NOT NULL,  -- folded (text::fold), so spellings of one query meet
  results     BIGINT NOT NULL
);
CREATE INDEX search_queries_time ON search_queries(searched_at);

-- Completion and activity questions read bookmarks by time across all profiles.
CREATE INDEX bookmarks_updated ON bookmarks(updated_at);

-- Viewing state per profile. A bookmark is also the watch history: one row per movie,
-- or per episode (episode_id 0 stands for the movie itself).
CREATE TABLE bookmarks (
  profile_id       BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  title_id         BIGINT NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  episode_id       BIGINT NOT NULL DEFAULT 0,
  position_seconds INTEGER NOT NULL,
  duration_seconds INTEGER NOT NULL,
  completed        INTEGER NOT NULL DEFAULT 0,
  watched_seconds  INTEGER NOT NULL DEFAULT 0,
  first_watched_at BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  -- The viewer removed the title from Continue Watching; history keeps it.
  dismissed        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (profile_id, title_id, episode_id)
);
CREATE INDEX bookmarks_recent ON bookmarks(profile_id, updated_at DESC);

CREATE TABLE ratings (
  profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  title_id   BIGINT NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  value      INTEGER NOT NULL CHECK (value IN (-1, 1, 2)),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (profile_id, title_id)
);

CREATE TABLE watchlist (
  profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  title_id   BIGINT NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  added_at   BIGINT NOT NULL,
  PRIMARY KEY (profile_id, title_id)
);
CREATE INDEX watchlist_recent ON watchlist(profile_id, added_at DESC);

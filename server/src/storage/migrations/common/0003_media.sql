-- Packaged media. An asset is one HLS package (video ladder, audio, subtitles) under
-- <media-dir>/hls/<id>/. Its AES-128 content key lives here, never next to the files,
-- so whoever serves the files (nginx, a CDN) cannot hand it out.
CREATE TABLE media_assets (
  id               TEXT PRIMARY KEY,
  label            TEXT NOT NULL,
  duration_seconds INTEGER NOT NULL,
  key_hex          TEXT NOT NULL,
  created_at       BIGINT NOT NULL
);

-- What plays for a movie (episode_id 0) or for one episode of a series.
CREATE TABLE media_links (
  title_id   BIGINT NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  episode_id BIGINT NOT NULL DEFAULT 0,
  asset_id   TEXT NOT NULL REFERENCES media_assets(id) ON DELETE CASCADE,
  PRIMARY KEY (title_id, episode_id)
);

-- Packaging jobs (admin uploads). Any instance may run a queued job; claiming one is
-- an UPDATE that only one of them wins.
CREATE TABLE media_jobs (
  id         TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  source     TEXT NOT NULL,
  title_id   BIGINT NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  episode_id BIGINT NOT NULL DEFAULT 0,
  asset_id   TEXT,
  error      TEXT,
  progress   INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX media_jobs_queue ON media_jobs(status, created_at);

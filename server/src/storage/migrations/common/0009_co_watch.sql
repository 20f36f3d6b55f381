-- Item-to-item co-watching for For You: per title, the titles the same profiles also
-- played, best first. A periodic job rebuilds the whole table from bookmarks and every
-- instance reads it into memory. No foreign keys: a title deleted since the last build
-- is skipped by the visibility check, and the next build drops it.
CREATE TABLE title_neighbours (
  title_id     BIGINT NOT NULL,
  neighbour_id BIGINT NOT NULL,
  score        DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (title_id, neighbour_id)
);
-- Periodic jobs shared by all instances. An instance runs one after claiming it (moving
-- claimed_at to now while it is older than the job's interval); `build` counts finished
-- runs, so instances know when to load a new result.
CREATE TABLE recommend_jobs (
  name        TEXT PRIMARY KEY,
  claimed_at  BIGINT NOT NULL DEFAULT 0,
  finished_at BIGINT NOT NULL DEFAULT 0,
  build       BIGINT NOT NULL DEFAULT 0
);
INSERT INTO recommend_jobs (name) VALUES ('co-watch');

-- Accounts, profiles and sessions
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  tier          TEXT NOT NULL CHECK (tier IN ('basic', 'standard', 'premium')),
  is_admin      INTEGER NOT NULL DEFAULT 0,
  created_at    BIGINT NOT NULL
);

CREATE TABLE profiles (
  id               INTEGER PRIMARY KEY,
  account_id       BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name             TEXT NOT NULL,
  is_kids          INTEGER NOT NULL DEFAULT 0,
  maturity_ceiling TEXT NOT NULL,
  pin_hash         TEXT,
  created_at       BIGINT NOT NULL,
  UNIQUE (account_id, name)
);
CREATE INDEX profiles_account ON profiles(account_id);

CREATE TABLE refresh_tokens (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  family_id   TEXT NOT NULL,
  account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  profile_id  BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  used_at     BIGINT,
  revoked_at  BIGINT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);

-- Catalog
CREATE TABLE genres (
  id   INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE titles (
  id              INTEGER PRIMARY KEY,
  slug            TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('movie', 'series')),
  title           TEXT NOT NULL,
  synopsis        TEXT NOT NULL,
  year            INTEGER NOT NULL,
  runtime_minutes INTEGER NOT NULL,
  maturity        TEXT NOT NULL,
  maturity_rank   INTEGER NOT NULL,
  tier            TEXT NOT NULL,
  tier_rank       INTEGER NOT NULL,
  cast_members    TEXT NOT NULL DEFAULT '[]',
  director        TEXT NOT NULL DEFAULT '',
  moods           TEXT NOT NULL DEFAULT '[]',
  themes          TEXT NOT NULL DEFAULT '[]',
  popularity      INTEGER NOT NULL DEFAULT 0,
  featured        INTEGER NOT NULL DEFAULT 0,
  added_at        BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  search_name     TEXT NOT NULL DEFAULT '',
  search_body     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX titles_visibility ON titles(tier_rank, maturity_rank);
CREATE INDEX titles_popularity ON titles(popularity DESC, id);

CREATE TABLE title_genres (
  title_id BIGINT NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  genre_id BIGINT NOT NULL REFERENCES genres(id) ON DELETE CASCADE,
  PRIMARY KEY (title_id, genre_id)
);
CREATE INDEX title_genres_genre ON title_genres(genre_id);

CREATE TABLE seasons (
  id       INTEGER PRIMARY KEY,
  title_id BIGINT NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  number   INTEGER NOT NULL,
  name     TEXT NOT NULL,
  UNIQUE (title_id, number)
);

CREATE TABLE episodes (
  id              INTEGER PRIMARY KEY,
  season_id       BIGINT NOT NULL REFERENCES seasons(id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,
  title           TEXT NOT NULL,
  synopsis        TEXT NOT NULL,
  runtime_minutes INTEGER NOT NULL,
  UNIQUE (season_id, number)
);

-- Full-text search over the folded (lower-case, accent-free) name and body; kept in
-- step with titles by triggers.
CREATE VIRTUAL TABLE title_search USING fts5(
  search_name, search_body, content = 'titles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER titles_search_insert AFTER INSERT ON titles BEGIN
  INSERT INTO title_search(rowid, search_name, search_body)
  VALUES (new.id, new.search_name, new.search_body);
END;
CREATE TRIGGER titles_search_delete AFTER DELETE ON titles BEGIN
  INSERT INTO title_search(title_search, rowid, search_name, search_body)
  VALUES ('delete', old.id, old.search_name, old.search_body);
END;
CREATE TRIGGER titles_search_update AFTER UPDATE OF search_name, search_body ON titles BEGIN
  INSERT INTO title_search(title_search, rowid, search_name, search_body)
  VALUES ('delete', old.id, old.search_name, old.search_body);
  INSERT INTO title_search(rowid, search_name, search_body)
  VALUES (new.id, new.search_name, new.search_body);
END;

-- Linear channels and their schedule
CREATE TABLE channels (
  id            INTEGER PRIMARY KEY,
  number        INTEGER NOT NULL UNIQUE,
  slug          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  category      TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  tier          TEXT NOT NULL,
  tier_rank     INTEGER NOT NULL,
  maturity      TEXT NOT NULL,
  maturity_rank INTEGER NOT NULL
);

CREATE TABLE programmes (
  id            INTEGER PRIMARY KEY,
  channel_id    BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  start_at      BIGINT NOT NULL,
  end_at        BIGINT NOT NULL,
  title         TEXT NOT NULL,
  subtitle      TEXT,
  description   TEXT NOT NULL DEFAULT '',
  category      TEXT NOT NULL DEFAULT '',
  season        INTEGER,
  episode       INTEGER,
  rating        TEXT NOT NULL,
  rating_rank   INTEGER NOT NULL,
  title_id      BIGINT REFERENCES titles(id) ON DELETE SET NULL,
  CHECK (end_at > start_at)
);
CREATE INDEX programmes_channel_time ON programmes(channel_id, start_at);

-- One embedding per title, from the model named here and the text whose hash is kept:
-- a title is embedded again only when its text or the model changes.
CREATE TABLE title_embeddings (
  title_id   BIGINT PRIMARY KEY REFERENCES titles(id) ON DELETE CASCADE,
  model_id   TEXT NOT NULL,
  text_hash  TEXT NOT NULL,
  vector     TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

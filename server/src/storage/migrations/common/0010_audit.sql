-- Every change made through an admin route: who, which route, on what, when. Written by
-- the router's admin-write hook only; no route edits or deletes it. No foreign key on
-- account_id: the log outlives the accounts it names.
CREATE TABLE audit_log (
  id         TEXT PRIMARY KEY,
  at         BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  method     TEXT NOT NULL,
  route      TEXT NOT NULL,
  target     TEXT NOT NULL,
  status     INTEGER NOT NULL
);
CREATE INDEX audit_log_recent ON audit_log(at DESC, id);
CREATE INDEX audit_log_account ON audit_log(account_id, at DESC);

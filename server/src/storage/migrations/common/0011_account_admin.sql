-- Account administration: an admin can disable an account (NULL = enabled; the time it
-- was disabled otherwise), and the accounts list shows when each last signed in with
-- its password (set by POST /api/v1/auth/login; a refresh does not count).
ALTER TABLE accounts ADD COLUMN disabled_at BIGINT;
ALTER TABLE accounts ADD COLUMN last_sign_in_at BIGINT;
CREATE INDEX refresh_tokens_account ON refresh_tokens(account_id);

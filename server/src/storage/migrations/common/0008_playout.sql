-- Live playout's as-run record: the discontinuity sequence number each block (a
-- programme, or the slate filling a gap) of a channel started with, once a player could
-- have seen it. Players match segments across playlist reloads by that number, so it
-- must never change, even when the schedule or a title's media is edited later; the
-- first instance to record a block wins.
CREATE TABLE playout_runs (
  channel_id         BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  first_slot         BIGINT NOT NULL,  -- the block's first 4 s slot since the Unix epoch
  discontinuity_base BIGINT NOT NULL,
  PRIMARY KEY (channel_id, first_slot)
);

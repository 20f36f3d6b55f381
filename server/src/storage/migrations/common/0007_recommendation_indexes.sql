-- Indexes the home rails need once the catalog and history are large (MovieLens size:
-- 9,700 titles, 100k bookmarks); without them each rail scanned a whole table.
-- Who played a title: co-watching counts for For You.
CREATE INDEX bookmarks_by_title ON bookmarks(title_id, profile_id);
-- What was played lately: Trending.
CREATE INDEX bookmarks_by_time ON bookmarks(updated_at);
-- New Releases, in its own order.
CREATE INDEX titles_newest ON titles(year DESC, added_at DESC, id);

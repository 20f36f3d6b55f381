#include <string>

#include "insights/question.hpp"

namespace kinora::insights {

namespace {

using enum detail;
using k = column_kind;

// Shared SQL pieces. `s` is play_starts, `b` bookmarks, `r` ratings, `w` watchlist;
// `a` an account, `pr` a profile.
const std::string plays_in_range = "s.started_at >= p.from_at AND s.started_at < p.to_at";
const std::string play_tier = "(p.tier = '' OR s.tier = p.tier)";
std::string in_genre(const std::string& title_id) {
  return "(p.genre_id = 0 OR EXISTS (SELECT 1 FROM title_genres tg WHERE tg.title_id = " +
         title_id + " AND tg.genre_id = p.genre_id))";
}
const std::string account_tier = "(p.tier = '' OR a.tier = p.tier)";
// A viewing row (bookmark, rating, list entry) of a profile on the asked plan. The plan is
// $3 itself, not p.tier, so the subquery is run once rather than per row.
std::string viewer_tier(const std::string& alias) {
  return "(p.tier = '' OR " + alias +
         ".profile_id IN (SELECT pr.id FROM profiles pr JOIN accounts a ON a.id = pr.account_id"
         " WHERE a.tier = CAST($3 AS TEXT)))";
}
// A play of a title in the asked genre (a channel play is in none).
const std::string title_in_genre =
    "(p.genre_id = 0 OR (s.title_id IS NOT NULL AND EXISTS (SELECT 1 FROM title_genres tg"
    " WHERE tg.title_id = s.title_id AND tg.genre_id = p.genre_id)))";
// Figures are summed per title first (x), then named or spread over genres: a join per
// title rather than per play.
const std::string named_titles = " JOIN titles t ON t.id = x.title_id";
const std::string by_genre =
    " JOIN title_genres tg ON tg.title_id = x.title_id JOIN genres g ON g.id = tg.genre_id";
std::string between(const std::string& column) {
  return column + " >= p.from_at AND " + column + " < p.to_at";
}
std::string ordered_by_tier(const std::string& column) {
  return "CASE " + column +
         " WHEN 'basic' THEN 1 WHEN 'standard' THEN 2 WHEN 'premium' THEN 3 ELSE 4 END";
}
// Completion of what was watched in the range: started, finished, share finished.
const std::string completion_columns =
    "COUNT(*) AS started, SUM(b.completed) AS finished,"
    " ROUND(100.0 * SUM(b.completed) / COUNT(*), 1) AS finished_share";

std::vector<question_template> make_templates() {
  std::vector<question_template> t;

  // Plays (play_starts: one row per playback session admitted).
  t.push_back(
      {"top-titles-by-plays",
       "Most played titles",
       {"most played titles this week", "top titles", "what are the most watched titles",
        "top titles by number of plays", "which movies and series were played the most",
        "which titles are played most", "what did people watch most"},
       {range, tier, genre},
       {},
       "7",
       row_shape::ranking,
       {{"title", "Title", k::text}, {"plays", "Plays", k::integer}},
       true,
       "plays",
       "SELECT t.title, x.plays FROM (SELECT s.title_id, COUNT(*) AS plays FROM p, play_starts s"
       " WHERE s.title_id IS NOT NULL AND " +
           plays_in_range + " AND " + play_tier + " AND " + in_genre("s.title_id") +
           " GROUP BY s.title_id ORDER BY plays DESC, s.title_id LIMIT 20) x" + named_titles +
           " ORDER BY x.plays DESC, t.title"});
  t.push_back(
      {"plays-per-day",
       "Plays per day",
       {"plays per day", "how many plays per day this month", "daily plays",
        "how many streams were started each day"},
       {range, tier, genre},
       {},
       "30",
       row_shape::days,
       {{"day", "Day", k::date}, {"plays", "Plays", k::integer}},
       true,
       "plays",
       "SELECT s.started_at / 86400 AS day, COUNT(*) AS plays FROM p, play_starts s WHERE " +
           plays_in_range + " AND " + play_tier + " AND " + title_in_genre +
           " GROUP BY s.started_at / 86400 ORDER BY day"});
  t.push_back({"channel-plays-per-day",
               "Plays per day on a channel",
               {"plays per day on channel 12", "how many people watch channel 5 each day",
                "daily viewers of a channel", "how often is this channel tuned in per day"},
               {range, tier, channel},
               {channel},
               "7",
               row_shape::days,
               {{"day", "Day", k::date}, {"plays", "Plays", k::integer}},
               true,
               "plays",
               "SELECT s.started_at / 86400 AS day, COUNT(*) AS plays FROM p, play_starts s"
               " WHERE s.channel_id = p.channel_id AND " +
                   plays_in_range + " AND " + play_tier +
                   " GROUP BY s.started_at / 86400 ORDER BY day"});
  t.push_back({"title-plays-per-day",
               "Plays per day of a title",
               {"plays per day of a title", "how often is this title played each day",
                "daily plays of a movie", "how many times per day was this series started"},
               {range, tier, title},
               {title},
               "30",
               row_shape::days,
               {{"day", "Day", k::date}, {"plays", "Plays", k::integer}},
               true,
               "plays",
               "SELECT s.started_at / 86400 AS day, COUNT(*) AS plays FROM p, play_starts s"
               " WHERE s.title_id = p.title_id AND " +
                   plays_in_range + " AND " + play_tier +
                   " GROUP BY s.started_at / 86400 ORDER BY day"});
  t.push_back({"top-channels-by-plays",
               "Most watched channels",
               {"most watched channels", "top channels this week",
                "which live channels are popular", "which channels do viewers tune in to most"},
               {range, tier},
               {},
               "7",
               row_shape::ranking,
               {{"channel", "Channel", k::text}, {"plays", "Plays", k::integer}},
               true,
               "plays",
               "SELECT CAST(c.number AS TEXT) || ' ' || c.name AS channel, COUNT(*) AS plays"
               " FROM p, play_starts s JOIN channels c ON c.id = s.channel_id WHERE " +
                   plays_in_range + " AND " + play_tier +
                   " GROUP BY c.id, c.number, c.name ORDER BY plays DESC, c.number LIMIT 20"});
  t.push_back({"plays-by-tier",
               "Plays by plan",
               {"plays by plan", "how much does each plan watch", "plays per subscription tier",
                "which plan watches the most"},
               {range, genre},
               {},
               "30",
               row_shape::breakdown,
               {{"tier", "Plan", k::text}, {"plays", "Plays", k::integer}},
               true,
               "plays",
               "SELECT s.tier, COUNT(*) AS plays FROM p, play_starts s WHERE " + plays_in_range +
                   " AND " + title_in_genre + " GROUP BY s.tier ORDER BY " +
                   ordered_by_tier("s.tier")});
  t.push_back(
      {"plays-by-hour",
       "Plays by hour of the day",
       {"what time of day do people watch", "plays by hour of the day",
        "when is prime time on kinora", "at what hours do viewers start watching"},
       {range, tier, genre},
       {},
       "30",
       row_shape::hours,
       {{"hour", "Hour (UTC)", k::text}, {"plays", "Plays", k::integer}},
       true,
       "plays",
       "SELECT (s.started_at % 86400) / 3600 AS hour, COUNT(*) AS plays FROM p, play_starts s"
       " WHERE " +
           plays_in_range + " AND " + play_tier + " AND " + title_in_genre +
           " GROUP BY (s.started_at % 86400) / 3600 ORDER BY hour"});
  t.push_back({"top-genres-by-plays",
               "Most watched genres",
               {"most popular genres", "which genres are watched the most",
                "top genres by plays this month", "what kind of content do people play"},
               {range, tier},
               {},
               "30",
               row_shape::ranking,
               {{"genre", "Genre", k::text}, {"plays", "Plays", k::integer}},
               true,
               "plays",
               ", x AS (SELECT s.title_id, COUNT(*) AS plays FROM p, play_starts s"
               " WHERE s.title_id IS NOT NULL AND " +
                   plays_in_range + " AND " + play_tier +
                   " GROUP BY s.title_id) SELECT g.name AS genre, SUM(x.plays) AS plays FROM x" +
                   by_genre + " GROUP BY g.id, g.name ORDER BY plays DESC, g.name LIMIT 20"});
  t.push_back(
      {"plays-by-type",
       "Plays by kind of content",
       {"movies or series or live channels: what is played more", "plays by content type",
        "how do plays split between movies, series and channels"},
       {range, tier},
       {},
       "30",
       row_shape::breakdown,
       {{"kind", "Kind", k::text}, {"plays", "Plays", k::integer}},
       true,
       "plays",
       "SELECT CASE WHEN s.channel_id IS NOT NULL THEN 'channels' WHEN s.title_id IN (SELECT id"
       " FROM titles WHERE kind = 'series') THEN 'series' ELSE 'movies' END AS kind,"
       " COUNT(*) AS plays FROM p, play_starts s WHERE " +
           plays_in_range + " AND " + play_tier + " GROUP BY 1 ORDER BY plays DESC"});
  t.push_back({"active-profiles-per-day",
               "Viewers per day",
               {"daily active viewers", "how many profiles watched per day",
                "active users each day", "how many people watch every day"},
               {range, tier},
               {},
               "30",
               row_shape::days,
               {{"day", "Day", k::date}, {"viewers", "Profiles watching", k::integer}},
               true,
               "profiles watching",
               "SELECT s.started_at / 86400 AS day, COUNT(DISTINCT s.profile_id) AS viewers"
               " FROM p, play_starts s WHERE " +
                   plays_in_range + " AND " + play_tier +
                   " GROUP BY s.started_at / 86400 ORDER BY day"});
  t.back().additive = false;  // one profile watches on several days
  t.push_back(
      {"kids-top-titles",
       "What kids profiles watch",
       {"what do kids profiles watch", "most played titles on kids profiles",
        "top titles for children"},
       {range, genre},
       {},
       "30",
       row_shape::ranking,
       {{"title", "Title", k::text}, {"plays", "Plays", k::integer}},
       true,
       "plays",
       "SELECT t.title, x.plays FROM (SELECT s.title_id, COUNT(*) AS plays FROM p, play_starts s"
       " WHERE s.kids = 1 AND s.title_id IS NOT NULL AND " +
           plays_in_range + " AND " + in_genre("s.title_id") +
           " GROUP BY s.title_id ORDER BY plays DESC, s.title_id LIMIT 20) x" + named_titles +
           " ORDER BY x.plays DESC, t.title"});

  // Completion and watch time (bookmarks: one row per profile and movie or episode).
  t.push_back(
      {"completion-by-genre",
       "Completion by genre",
       {"which genres do basic viewers finish", "completion rate by genre",
        "which genres do people watch to the end", "share of titles finished per genre"},
       {range, tier},
       {},
       "30",
       row_shape::ranking,
       {{"genre", "Genre", k::text},
        {"started", "Started", k::integer},
        {"finished", "Finished", k::integer},
        {"finished_share", "Finished", k::percent}},
       true,
       "finished",
       ", x AS (SELECT b.title_id, COUNT(*) AS started, SUM(b.completed) AS finished"
       " FROM p, bookmarks b WHERE " +
           between("b.updated_at") + " AND " + viewer_tier("b") +
           " GROUP BY b.title_id) SELECT g.name AS genre, SUM(x.started) AS started,"
           " SUM(x.finished) AS finished, ROUND(100.0 * SUM(x.finished) / SUM(x.started), 1)"
           " AS finished_share FROM x" +
           by_genre +
           " GROUP BY g.id, g.name ORDER BY finished_share DESC, started DESC LIMIT 30"});
  t.push_back({"top-titles-by-completion",
               "Titles most often finished",
               {"top titles by completion this week", "which titles do viewers finish",
                "titles with the best completion rate", "what do people watch all the way through"},
               {range, tier, genre},
               {},
               "30",
               row_shape::ranking,
               {{"title", "Title", k::text},
                {"started", "Started", k::integer},
                {"finished", "Finished", k::integer},
                {"finished_share", "Finished", k::percent}},
               true,
               "finished",
               "SELECT t.title, x.started, x.finished, x.finished_share FROM (SELECT b.title_id, " +
                   completion_columns + " FROM p, bookmarks b WHERE " + between("b.updated_at") +
                   " AND " + viewer_tier("b") + " AND " + in_genre("b.title_id") +
                   " GROUP BY b.title_id ORDER BY finished_share DESC, started DESC, b.title_id"
                   " LIMIT 20) x" +
                   named_titles + " ORDER BY x.finished_share DESC, x.started DESC, t.title"});
  t.push_back({"least-finished-titles",
               "Titles viewers abandon",
               {"which titles do viewers abandon", "titles people stop watching before the end",
                "worst completion rate", "what do viewers give up on"},
               {range, tier, genre},
               {},
               "30",
               row_shape::ranking,
               {{"title", "Title", k::text},
                {"started", "Started", k::integer},
                {"abandoned", "Not finished", k::integer},
                {"abandoned_share", "Not finished", k::percent}},
               true,
               "not finished",
               "SELECT t.title, x.started, x.abandoned, x.abandoned_share FROM (SELECT b.title_id,"
               " COUNT(*) AS started, COUNT(*) - SUM(b.completed) AS abandoned,"
               " ROUND(100.0 * (COUNT(*) - SUM(b.completed)) / COUNT(*), 1) AS abandoned_share"
               " FROM p, bookmarks b WHERE " +
                   between("b.updated_at") + " AND " + viewer_tier("b") + " AND " +
                   in_genre("b.title_id") +
                   " GROUP BY b.title_id ORDER BY abandoned_share DESC, started DESC, b.title_id"
                   " LIMIT 20) x" +
                   named_titles + " ORDER BY x.abandoned_share DESC, x.started DESC, t.title"});
  t.push_back(
      {"episode-drop-off",
       "Where viewers stop in a series",
       {"where do viewers stop watching a series", "episode completion of a series",
        "which episode do people drop off at", "how many viewers finish each episode"},
       {range, tier, title},
       {title},
       "all",
       row_shape::list,
       {{"episode", "Episode", k::text},
        {"started", "Started", k::integer},
        {"finished", "Finished", k::integer},
        {"finished_share", "Finished", k::percent}},
       true,
       "finished",
       "SELECT 'S' || CAST(se.number AS TEXT) || ' E' || CAST(e.number AS TEXT) || ' ' ||"
       " e.title AS episode, " +
           completion_columns +
           " FROM p, bookmarks b JOIN episodes e ON e.id = b.episode_id"
           " JOIN seasons se ON se.id = e.season_id WHERE b.title_id = p.title_id AND " +
           between("b.updated_at") + " AND " + viewer_tier("b") +
           " GROUP BY se.number, e.number, e.title ORDER BY se.number, e.number LIMIT 100"});
  t.push_back(
      {"watch-time-by-genre",
       "Hours watched by genre",
       {"hours watched by genre", "watch time per genre", "which genres take most viewing time"},
       {range, tier},
       {},
       "30",
       row_shape::ranking,
       {{"genre", "Genre", k::text}, {"hours", "Hours watched", k::hours}},
       true,
       "hours watched",
       ", x AS (SELECT b.title_id, SUM(b.watched_seconds) AS seconds FROM p, bookmarks b WHERE " +
           between("b.updated_at") + " AND " + viewer_tier("b") +
           " GROUP BY b.title_id) SELECT g.name AS genre, ROUND(SUM(x.seconds) / 3600.0, 1)"
           " AS hours FROM x" +
           by_genre + " GROUP BY g.id, g.name ORDER BY hours DESC, g.name LIMIT 30"});
  t.push_back(
      {"watch-time-by-tier",
       "Hours watched by plan",
       {"hours watched by plan", "watch time per subscription tier",
        "how long does each plan watch"},
       {range, genre},
       {},
       "30",
       row_shape::breakdown,
       {{"tier", "Plan", k::text}, {"hours", "Hours watched", k::hours}},
       true,
       "hours watched",
       ", x AS (SELECT b.profile_id, SUM(b.watched_seconds) AS seconds FROM p, bookmarks b"
       " WHERE " +
           between("b.updated_at") + " AND " + in_genre("b.title_id") +
           " GROUP BY b.profile_id) SELECT a.tier, ROUND(SUM(x.seconds) / 3600.0, 1) AS hours"
           " FROM x JOIN profiles pr ON pr.id = x.profile_id"
           " JOIN accounts a ON a.id = pr.account_id GROUP BY a.tier ORDER BY " +
           ordered_by_tier("a.tier")});

  // Ratings and the watchlist.
  t.push_back(
      {"top-rated-titles",
       "Best rated titles",
       {"best rated titles", "which titles do viewers love", "titles with the most thumbs up",
        "highest rated movies"},
       {range, tier, genre},
       {},
       "all",
       row_shape::ranking,
       {{"title", "Title", k::text},
        {"ratings", "Ratings", k::integer},
        {"liked", "Thumbs up or love", k::integer}},
       true,
       "thumbs up",
       "SELECT t.title, x.ratings, x.liked FROM (SELECT r.title_id, COUNT(*) AS ratings,"
       " SUM(CASE WHEN r.value > 0 THEN 1 ELSE 0 END) AS liked FROM p, ratings r WHERE " +
           between("r.updated_at") + " AND " + viewer_tier("r") + " AND " + in_genre("r.title_id") +
           " GROUP BY r.title_id ORDER BY liked DESC, ratings DESC, r.title_id LIMIT 20) x" +
           named_titles + " ORDER BY x.liked DESC, x.ratings DESC, t.title"});
  t.push_back(
      {"most-disliked-titles",
       "Most disliked titles",
       {"most disliked titles", "titles with the most thumbs down",
        "which titles do viewers dislike", "worst rated titles"},
       {range, tier, genre},
       {},
       "all",
       row_shape::ranking,
       {{"title", "Title", k::text}, {"disliked", "Thumbs down", k::integer}},
       true,
       "thumbs down",
       "SELECT t.title, x.disliked FROM (SELECT r.title_id, COUNT(*) AS disliked FROM p, ratings r"
       " WHERE r.value < 0 AND " +
           between("r.updated_at") + " AND " + viewer_tier("r") + " AND " + in_genre("r.title_id") +
           " GROUP BY r.title_id ORDER BY disliked DESC, r.title_id LIMIT 20) x" + named_titles +
           " ORDER BY x.disliked DESC, t.title"});
  t.push_back(
      {"approval-by-genre",
       "Approval by genre",
       {"ratings by genre", "which genres get the best ratings", "share of thumbs up per genre"},
       {range, tier},
       {},
       "all",
       row_shape::ranking,
       {{"genre", "Genre", k::text},
        {"ratings", "Ratings", k::integer},
        {"liked_share", "Thumbs up or love", k::percent}},
       true,
       "liked",
       ", x AS (SELECT r.title_id, COUNT(*) AS ratings, SUM(CASE WHEN r.value > 0 THEN 1 ELSE 0"
       " END) AS liked FROM p, ratings r WHERE " +
           between("r.updated_at") + " AND " + viewer_tier("r") +
           " GROUP BY r.title_id) SELECT g.name AS genre, SUM(x.ratings) AS ratings,"
           " ROUND(100.0 * SUM(x.liked) / SUM(x.ratings), 1) AS liked_share FROM x" +
           by_genre + " GROUP BY g.id, g.name ORDER BY liked_share DESC, ratings DESC LIMIT 30"});
  t.push_back(
      {"most-watchlisted",
       "Most added to My List",
       {"titles on the most watchlists", "most added to my list", "what do viewers save for later"},
       {range, tier, genre},
       {},
       "all",
       row_shape::ranking,
       {{"title", "Title", k::text}, {"profiles", "On lists", k::integer}},
       true,
       "lists",
       "SELECT t.title, x.profiles FROM (SELECT w.title_id, COUNT(*) AS profiles FROM p, watchlist "
       "w"
       " WHERE " +
           between("w.added_at") + " AND " + viewer_tier("w") + " AND " + in_genre("w.title_id") +
           " GROUP BY w.title_id ORDER BY profiles DESC, w.title_id LIMIT 20) x" + named_titles +
           " ORDER BY x.profiles DESC, t.title"});
  t.push_back(
      {"watchlisted-not-started",
       "On lists but never started",
       {"titles on watchlists that nobody has started", "saved to my list but never watched",
        "watchlist titles not played yet"},
       {range, tier, genre},
       {},
       "all",
       row_shape::ranking,
       {{"title", "Title", k::text}, {"waiting", "Lists waiting", k::integer}},
       true,
       "lists waiting",
       "SELECT t.title, x.waiting FROM (SELECT w.title_id, COUNT(*) AS waiting FROM p, watchlist w"
       " WHERE " +
           between("w.added_at") + " AND " + viewer_tier("w") + " AND " + in_genre("w.title_id") +
           " AND NOT EXISTS (SELECT 1 FROM bookmarks b WHERE b.profile_id = w.profile_id"
           " AND b.title_id = w.title_id) GROUP BY w.title_id"
           " ORDER BY waiting DESC, w.title_id LIMIT 20) x" +
           named_titles + " ORDER BY x.waiting DESC, t.title"});

  // Search (search_queries: the first page of each search and how many titles it found).
  t.push_back({"searches-without-results",
               "Searches that found nothing",
               {"searches that found nothing", "what do people search for that we do not have",
                "queries with no results", "failed searches this month"},
               {range, tier},
               {},
               "30",
               row_shape::ranking,
               {{"query", "Search", k::text}, {"searches", "Searches", k::integer}},
               true,
               "searches",
               "SELECT q.query, COUNT(*) AS searches FROM p, search_queries q WHERE q.results = 0"
               " AND " +
                   between("q.searched_at") + " AND (p.tier = '' OR q.tier = p.tier)" +
                   " GROUP BY q.query ORDER BY searches DESC, q.query LIMIT 50"});
  t.push_back({"top-searches",
               "Most common searches",
               {"most common searches", "what do people search for", "top search queries"},
               {range, tier},
               {},
               "30",
               row_shape::ranking,
               {{"query", "Search", k::text},
                {"results", "Titles found", k::integer},
                {"searches", "Searches", k::integer}},
               true,
               "searches",
               "SELECT q.query, MAX(q.results) AS results, COUNT(*) AS searches"
               " FROM p, search_queries q WHERE " +
                   between("q.searched_at") + " AND (p.tier = '' OR q.tier = p.tier)" +
                   " GROUP BY q.query ORDER BY searches DESC, q.query LIMIT 50"});
  t.push_back({"searches-per-day",
               "Searches per day",
               {"searches per day", "how many searches each day", "daily search volume"},
               {range, tier},
               {},
               "30",
               row_shape::days,
               {{"day", "Day", k::date}, {"searches", "Searches", k::integer}},
               true,
               "searches",
               "SELECT q.searched_at / 86400 AS day, COUNT(*) AS searches FROM p, search_queries q"
               " WHERE " +
                   between("q.searched_at") + " AND (p.tier = '' OR q.tier = p.tier)" +
                   " GROUP BY q.searched_at / 86400 ORDER BY day"});

  // Accounts and the catalog.
  t.push_back(
      {"signups-per-day",
       "New accounts per day",
       {"sign-ups per day", "new accounts this month", "how many people registered each day"},
       {range, tier},
       {},
       "30",
       row_shape::days,
       {{"day", "Day", k::date}, {"accounts", "New accounts", k::integer}},
       true,
       "new accounts",
       "SELECT a.created_at / 86400 AS day, COUNT(*) AS accounts FROM p, accounts a WHERE " +
           between("a.created_at") + " AND " + account_tier +
           " GROUP BY a.created_at / 86400 ORDER BY day"});
  t.push_back({"accounts-by-tier",
               "Accounts by plan",
               {"how many accounts on each plan", "accounts by subscription tier",
                "how many premium subscribers do we have"},
               {tier},
               {},
               "",
               row_shape::breakdown,
               {{"tier", "Plan", k::text}, {"accounts", "Accounts", k::integer}},
               true,
               "accounts",
               "SELECT x.tier, (SELECT COUNT(*) FROM accounts a WHERE a.tier = x.tier) AS accounts"
               " FROM p, (SELECT 'basic' AS tier, 1 AS position UNION ALL SELECT 'standard', 2"
               " UNION ALL SELECT 'premium', 3) x WHERE (p.tier = '' OR x.tier = p.tier) ORDER BY "
               "x.position"});
  t.push_back(
      {"titles-never-played",
       "Titles nobody has played",
       {"titles nobody has watched", "which titles were never played", "content with no views"},
       {range, genre},
       {},
       "all",
       row_shape::list,
       {{"title", "Title", k::text}, {"year", "Year", k::integer}},
       false,
       "titles",
       "SELECT t.title, t.year FROM p, titles t WHERE " + in_genre("t.id") +
           " AND NOT EXISTS (SELECT 1 FROM play_starts s WHERE s.title_id = t.id AND " +
           plays_in_range +
           ") AND NOT EXISTS (SELECT 1 FROM bookmarks b WHERE b.title_id = t.id AND " +
           between("b.updated_at") + ") ORDER BY t.popularity DESC, t.title LIMIT 100"});
  t.push_back(
      {"titles-without-media",
       "Titles without video",
       {"which titles have no video", "titles not yet packaged", "titles missing media files"},
       {genre},
       {},
       "",
       row_shape::list,
       {{"title", "Title", k::text}, {"kind", "Type", k::text}},
       false,
       "titles",
       "SELECT t.title, t.kind FROM p, titles t WHERE " + in_genre("t.id") +
           " AND NOT EXISTS (SELECT 1 FROM media_links m WHERE m.title_id = t.id)"
           " ORDER BY t.popularity DESC, t.title LIMIT 100"});
  t.push_back(
      {"titles-per-genre",
       "Titles per genre",
       {"how many titles per genre", "catalog size by genre", "which genres have the most titles"},
       {tier},
       {},
       "",
       row_shape::ranking,
       {{"genre", "Genre", k::text}, {"titles", "Titles", k::integer}},
       true,
       "titles",
       "SELECT g.name AS genre, COUNT(*) AS titles FROM p, genres g"
       " JOIN title_genres tg ON tg.genre_id = g.id JOIN titles t ON t.id = tg.title_id"
       " WHERE (p.tier = '' OR t.tier = p.tier)"
       " GROUP BY g.id, g.name ORDER BY titles DESC, g.name"});
  return t;
}

}  // namespace

const std::vector<question_template>& question_templates() {
  static const std::vector<question_template> all = make_templates();
  return all;
}

const question_template* find_template(std::string_view id) {
  for (const auto& t : question_templates())
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace kinora::insights

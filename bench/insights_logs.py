"""Fills the logs Ask the data reads at MovieLens size, for bench/admin_bench.sh, beyond the
play start per viewing that `kinora eval import` writes: a channel play for every fourth
viewing, and 20,000 searches (one in ten finding nothing).
Usage: insights_logs.py sqlite:PATH | postgresql://..."""
import random
import subprocess
import sys

PLAYS = [
    "INSERT INTO play_starts (started_at, account_id, profile_id, tier, kids, title_id, episode_id, channel_id)"
    " SELECT b.first_watched_at + 3600, a.id, b.profile_id, a.tier, 0, NULL, NULL, ch.id"
    " FROM bookmarks b JOIN profiles p ON p.id = b.profile_id JOIN accounts a ON a.id = p.account_id"
    " JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY number) - 1 AS k, COUNT(*) OVER () AS n FROM channels) ch"
    " ON ch.k = b.title_id % ch.n WHERE b.title_id % 4 = 0",
]


def searches():
    rng = random.Random(7)
    words = ["star", "love", "night", "war", "man", "city", "dark", "king", "dream", "girl", "house", "road"]
    for i in range(20000):
        at = 1400000000 + rng.randrange(0, 130000000)
        tier = rng.choice(["basic", "standard", "premium"])
        if i % 10 == 0:
            yield at, tier, f"zq{rng.randrange(0, 500)}", 0
        else:
            query = rng.choice(words) + ("" if rng.random() < 0.5 else " " + rng.choice(words))
            yield at, tier, query, rng.randrange(1, 60)


def main(url):
    if url.startswith("sqlite:"):
        import sqlite3
        c = sqlite3.connect(url.removeprefix("sqlite:"))
        for statement in PLAYS:
            c.execute(statement)
        c.executemany("INSERT INTO search_queries (searched_at, account_id, profile_id, tier, query, results)"
                      " VALUES (?, 1, 1, ?, ?, ?)", list(searches()))
        c.commit()
        print("plays", c.execute("SELECT COUNT(*) FROM play_starts").fetchone()[0],
              "searches", c.execute("SELECT COUNT(*) FROM search_queries").fetchone()[0])
        return
    values = ",".join(f"({at}, 1, 1, '{tier}', '{query}', {n})" for at, tier, query, n in searches())
    script = ";\n".join(PLAYS + ["INSERT INTO search_queries (searched_at, account_id, profile_id, tier, query,"
                                 " results) VALUES " + values, "ANALYZE"]) + ";"
    subprocess.run(["psql", url, "-qv", "ON_ERROR_STOP=1"], input=script, text=True, check=True)


main(sys.argv[1])

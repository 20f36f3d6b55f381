"""`kinora eval` end to end on a slice of MovieLens small enough for CI (30 users, their
300 most-rated movies): import, embedding, the temporal split and the metrics table.
The full run is a benchmark (make eval), never part of the suite. Skipped when
../shared/data is missing."""
import csv
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import KINORA, ROOT

SHARED = Path(os.environ.get("KINORA_SHARED_DATA", ROOT.parent / "shared" / "data"))
MOVIELENS = SHARED / "movielens" / "ml-latest-small"
PLOTS = SHARED / "plots" / "tmdb_5000_movies"
MODEL = Path(os.environ.get("KINORA_MODEL_DIR") or
             Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kinora" / "models" / "all-MiniLM-L6-v2")

pytestmark = [
    pytest.mark.skipif(not MOVIELENS.is_dir(), reason=f"no MovieLens at {MOVIELENS}"),
    pytest.mark.skipif(not (MODEL / "model.safetensors").is_file() and os.environ.get("CI") != "true",
                       reason="no trained model (make model)"),
]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *rows])


def small_movielens(folder, users=30, movies=300):
    """The first `users` users and the movies they rated most, in MovieLens' layout."""
    folder.mkdir()
    header, ratings = read_csv(MOVIELENS / "ratings.csv")
    kept_users = sorted({int(r[0]) for r in ratings})[:users]
    ratings = [r for r in ratings if int(r[0]) in kept_users]
    counts = {}
    for r in ratings:
        counts[r[1]] = counts.get(r[1], 0) + 1
    kept = set(sorted(counts, key=lambda m: (-counts[m], int(m)))[:movies])
    write_csv(folder / "ratings.csv", header, [r for r in ratings if r[1] in kept])
    for name, column in (("movies.csv", 0), ("links.csv", 0), ("tags.csv", 1)):
        header, rows = read_csv(MOVIELENS / name)
        write_csv(folder / name, header, [r for r in rows if r[column] in kept])
    return folder


def run_eval(*args, timeout=600):
    return subprocess.run([str(KINORA), "eval", *args], capture_output=True, text=True, timeout=timeout)


def test_eval_prints_sane_metrics_for_all_three_recommenders(tmp_path):
    data = small_movielens(tmp_path / "ml")
    db = tmp_path / "eval.db"
    out = run_eval("--data", str(data), "--plots", str(PLOTS) if PLOTS.is_dir() else "none",
                   "--database-url", f"sqlite:{db}", "--seed", "7")
    assert out.returncode == 0, out.stderr + out.stdout
    text = out.stdout
    rows = {m[1]: tuple(map(float, m.groups()[1:]))
            for m in re.finditer(r"^(For You \(home rail\)|popularity|random \(seed 7\))\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)%$",
                                 text, re.M)}
    assert set(rows) == {"For You (home rail)", "popularity", "random (seed 7)"}, text
    for name, (recall, ndcg, coverage) in rows.items():
        assert 0 <= recall <= 1 and 0 <= ndcg <= 1 and 0 < coverage <= 100, (name, text)
    assert re.search(r"^embed\+index\s+300 titles in [\d.]+ s", text, re.M), text
    assert re.search(r"^relevant\s+held-out titles rated >= 3\.5 stars; \d+ users", text, re.M), text
    assert re.search(r"^For You / popularity: Recall@10 [\d.]+, NDCG@10 [\d.]+", text, re.M), text
    assert "thumbs up" in text  # the rating mapping is stated
    # The database is kept for `kinora serve`, with its saved index beside it.
    assert db.is_file() and (tmp_path / "eval.db.vectors").is_file()


def test_eval_rejects_bad_input_with_a_clear_message(tmp_path):
    out = run_eval("--data", str(tmp_path / "missing"), "--plots", "none")
    assert out.returncode == 1 and "missing: no such folder" in out.stderr, out.stderr

    data = small_movielens(tmp_path / "ml", users=3, movies=20)
    with open(data / "ratings.csv", "a") as f:
        f.write("1,1,four stars,964982703\n")
    out = run_eval("--data", str(data), "--plots", "none")
    assert out.returncode == 1 and "ratings.csv:" in out.stderr and "four stars" in out.stderr, out.stderr

    out = run_eval("--holdout", "1.5")
    assert out.returncode == 2 and "--holdout" in out.stderr
    out = run_eval("--frobnicate", "1")
    assert out.returncode == 2 and "unknown option" in out.stderr


def test_eval_import_fills_a_database_and_stops(tmp_path):
    """`kinora eval import`: the same importer, no encoder and no evaluation (benchmarks)."""
    import sqlite3
    data = small_movielens(tmp_path / "ml", users=10, movies=50)
    db = tmp_path / "import.db"
    out = run_eval("import", "--data", str(data), "--plots", "none", "--database-url", f"sqlite:{db}",
                   "--model-dir", str(tmp_path / "no-model"), timeout=120)
    assert out.returncode == 0, out.stderr + out.stdout
    # Users with fewer than two ratings among these movies are left out, as in the eval.
    m = re.search(r"^imported\s+50 titles, (\d+) accounts and profiles, (\d+) viewings", out.stdout, re.M)
    assert m and 0 < int(m[1]) <= 10 and int(m[2]) > 0, out.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM titles").fetchone()[0] == 50
    assert con.execute("SELECT COUNT(*) FROM accounts WHERE email LIKE 'movielens-%'").fetchone()[0] == int(m[1])
    assert con.execute("SELECT COUNT(*) FROM bookmarks").fetchone()[0] == int(m[2])
    con.close()
    again = run_eval("import", "--data", str(data), "--plots", "none", "--database-url", f"sqlite:{db}")
    assert again.returncode == 1 and "already has 50 titles" in again.stderr, again.stderr
    assert run_eval("import", "--data", str(data)).returncode == 2

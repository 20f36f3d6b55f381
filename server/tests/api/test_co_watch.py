"""For You learns from what viewers play together: a periodic job (one instance at a
time) rebuilds the co-watch neighbours from bookmarks, every instance loads its build,
and a title the profile's fellow viewers played next rises to the top of For You even
when nothing in its story resembles the profile's history."""
import time

import pytest

from conftest import Server, backends, start
from test_recommendations import all_titles, home, watch

INTERVAL = ["--co-watch-interval", "2"]


@pytest.fixture(scope="module", params=backends())
def pair(request):
    """Two instances on one database, each running the job every 2 s."""
    a = start(request.param, INTERVAL)
    b = Server(request.param, a.database_url, [*INTERVAL, "--no-demo"])
    yield a, b
    for s in (a, b):
        assert s.stop() == 0, s.log_path.read_text()[-3000:]


def for_you(server, token):
    return home(server, token, per_rail=12)["for-you"]


def test_for_you_follows_what_fellow_viewers_played_next(pair):
    a, b = pair
    viewer = a.register(tier="premium")["access_token"]
    titles = [t for t in all_titles(a, viewer) if t["type"] == "movie"]
    history = titles[:10]
    for title in history:
        watch(a, viewer, title, 1.0)
    before = for_you(a, viewer)
    assert before["reason"] == "Picked for what you watched and liked"
    shown = {t["id"] for t in before["items"]} | {t["id"] for t in history}
    # A title For You did not think of: by meaning, it is far from this history.
    discovery = next(t for t in titles if t["id"] not in shown)

    # Three other viewers finished the same ten titles and then `discovery`.
    for _ in range(3):
        crowd = a.register(tier="premium")["access_token"]
        for title in [*history, discovery]:
            watch(a, crowd, title, 1.0)

    deadline = time.time() + 30
    while True:
        rails = {s: for_you(s, viewer) for s in (a, b)}
        if all(r["items"][0]["id"] == discovery["id"] for r in rails.values()):
            break
        assert time.time() < deadline, f"{discovery['title']} never led For You: {rails}"
        time.sleep(0.5)
    for rail in rails.values():
        assert rail["reason"] == "Picked for what you watched and what viewers like you watched next"
        ids = [t["id"] for t in rail["items"]]
        assert len(ids) == 12 and not set(ids) & {t["id"] for t in history}
    # Still a blend: the rest of the rail is what meaning found before.
    assert len(set(ids[1:]) & {t["id"] for t in before["items"]}) >= 6

    logs = a.log_path.read_text() + b.log_path.read_text()
    assert '"msg":"co-watch neighbours built"' in logs

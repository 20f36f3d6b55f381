"""Ask the data: every example question picks its own template (with the encoder and with
the lexical fallback), the figures move with what viewers do, and bad questions get a
reason or the closest questions instead of a guess."""
import secrets

import pytest

from conftest import problem_of

QUESTIONS = "/api/v1/admin/insights/questions"
ANSWER = "/api/v1/admin/insights/answer"


def ask(server, question, status=200):
    r = server.get(ANSWER, server.token("admin"), params={"q": question})
    assert r.status_code == status, r.text
    return r.json()


def templates(server):
    r = server.get(QUESTIONS, server.token("admin"))
    assert r.status_code == 200, r.text
    return r.json()["items"]


def value_of(answer, label, key=None):
    """The row whose first column is `label`: its value column (or `key`), 0 when absent."""
    first = answer["columns"][0]["key"]
    key = key or answer["columns"][-1]["key"]
    return next((row[key] for row in answer["rows"] if row[first] == label), 0)


def movies(server, token, n):
    items = server.get("/api/v1/catalog/titles", token, params={"type": "movie", "limit": 50, "sort": "title"}).json()["items"]
    assert len(items) >= n
    return items[:n]


def play(server, token, body):
    r = server.post("/api/v1/playback/sessions", token, json=body)
    assert r.status_code == 201, r.text
    # Stopped at once, so the account's stream limit never gets in the way.
    assert server.delete(f"/api/v1/playback/sessions/{r.json()['id']}", token).status_code in (200, 204)


def test_only_admins_may_ask(server):
    problem_of(server.get(QUESTIONS), 401)
    problem_of(server.get(ANSWER, params={"q": "top titles"}), 401)
    for who in ("premium", "basic"):
        problem_of(server.get(QUESTIONS, server.token(who)), 403)
        problem_of(server.get(ANSWER, server.token(who), params={"q": "top titles"}), 403)


def test_a_few_dozen_templates_each_with_examples(server):
    items = templates(server)
    assert len(items) >= 24
    assert len({t["id"] for t in items}) == len(items)
    for t in items:
        assert t["question"] == t["examples"][0] and len(t["examples"]) >= 3, t
        names = [p["name"] for p in t["parameters"]]
        assert len(names) == len(set(names)), t


@pytest.mark.parametrize("matcher_args", [(), ("--model-dir", "/nonexistent-model")], ids=["encoder", "lexical"])
def test_every_example_question_picks_its_template(server, fresh_server, matcher_args):
    target = fresh_server(*matcher_args) if matcher_args else server
    expected_matcher = "lexical" if matcher_args else "encoder"
    admin = target.token("admin")
    wrong = []
    for t in templates(target):
        for example in t["examples"]:
            r = target.get(ANSWER, admin, params={"q": example})
            if r.status_code == 422:  # needs a channel or title the example does not name
                assert any(p["required"] for p in t["parameters"]), (example, r.text)
                continue
            assert r.status_code == 200, r.text
            a = r.json()
            assert a["matcher"] == expected_matcher
            if not a["matched"] or a["template"]["id"] != t["id"]:
                wrong.append((example, t["id"], a["template"], a["similarity"]))
            else:
                assert a["similarity"] >= 0.99, (example, a["similarity"])
                assert a["answer"] and a["elapsed_ms"] >= 0
                assert [c["key"] for c in a["columns"]] and all(set(row) == {c["key"] for c in a["columns"]} for row in a["rows"])
    assert not wrong, wrong


def test_paraphrases_reach_the_right_template(server):
    for question, template in [
        ("Which films got played the most in the last 7 days?", "top-titles-by-plays"),
        ("searches returning zero results", "searches-without-results"),
        ("share of titles finished per genre for standard viewers", "completion-by-genre"),
        ("how many streams per day on channel 101", "channel-plays-per-day"),
        ("number of subscribers per plan", "accounts-by-tier"),
    ]:
        a = ask(server, question)
        assert a["matched"] and a["template"]["id"] == template, (question, a["template"], a["similarity"])


def test_plays_are_counted_per_title_tier_and_day(server):
    viewer = server.register(tier="standard")["access_token"]
    a, b = movies(server, viewer, 2)
    question = "most played titles today among standard viewers"
    before = ask(server, question)
    assert before["parameters"]["tier"] == "standard" and before["parameters"]["range"]["label"] == "today"
    for title in (a, a, b):
        play(server, viewer, {"title_id": title["id"]})
    after = ask(server, question)
    assert after["template"]["id"] == "top-titles-by-plays"
    assert value_of(after, a["title"]) == value_of(before, a["title"]) + 2
    assert value_of(after, b["title"]) == value_of(before, b["title"]) + 1
    assert after["chart"] == {"kind": "bar", "x": "title", "y": "plays"}
    assert "Most played titles today among Standard viewers" in after["answer"]
    # The same plays, per day: the last row is today.
    daily = ask(server, "plays per day this week among standard viewers")
    assert daily["template"]["id"] == "plays-per-day" and daily["chart"]["kind"] == "line"
    assert daily["rows"][-1]["plays"] >= 3
    days = [row["day"] for row in daily["rows"]]
    assert days == sorted(days) and len(days) == len(set(days)) and 1 <= len(days) <= 7


def test_plays_per_day_on_a_channel(server):
    viewer = server.register(tier="premium")["access_token"]
    lineup = server.get("/api/v1/epg/channels", viewer).json()["items"]
    channel = lineup[0]
    question = f"plays per day on channel {channel['number']}"
    before = ask(server, question)
    assert before["template"]["id"] == "channel-plays-per-day"
    assert before["parameters"]["channel"] == {"id": channel["id"], "number": channel["number"], "name": channel["name"]}
    play(server, viewer, {"channel_id": channel["id"]})
    after = ask(server, question)
    assert after["rows"][-1]["plays"] == before["rows"][-1]["plays"] + 1
    # By its name, too.
    by_name = ask(server, f"how many people watch {channel['name']} each day")
    assert by_name["template"]["id"] == "channel-plays-per-day" and by_name["parameters"]["channel"]["id"] == channel["id"]


def test_searches_that_found_nothing(server):
    viewer = server.register(tier="basic")["access_token"]
    nothing = "zq" + secrets.token_hex(4)
    for _ in range(2):  # the second is answered from the response cache and still counts
        r = server.get("/api/v1/catalog/search", viewer, params={"q": nothing.upper()})
        assert r.status_code == 200 and r.json()["total"] == 0
    found = movies(server, viewer, 1)[0]["title"]
    assert server.get("/api/v1/catalog/search", viewer, params={"q": found}).json()["total"] >= 1
    server.get("/api/v1/catalog/search", viewer, params={"q": nothing, "offset": 20})  # a later page: not a new search
    a = ask(server, "searches that found nothing this week")
    assert a["template"]["id"] == "searches-without-results"
    assert value_of(a, nothing) == 2
    assert value_of(a, found.lower()) == 0
    top = ask(server, "most common searches today among basic viewers")
    assert top["template"]["id"] == "top-searches"
    assert value_of(top, nothing) == 2 and value_of(top, nothing, "results") == 0


def test_completion_by_genre_for_a_tier(server):
    viewer = server.register(tier="basic")["access_token"]
    movie = movies(server, viewer, 1)[0]
    detail = server.get(f"/api/v1/catalog/titles/{movie['id']}", viewer).json()
    names = {g["slug"]: g["name"] for g in server.get("/api/v1/catalog/genres", viewer).json()["items"]}
    genre = names[detail["genres"][0]]
    question = "which genres do Basic viewers finish?"
    before = ask(server, question)
    assert before["template"]["id"] == "completion-by-genre" and before["parameters"]["tier"] == "basic"
    runtime = movie["runtime_minutes"] * 60
    r = server.request("PUT", f"/api/v1/viewing/bookmarks/{movie['id']}", viewer, json={"position_seconds": runtime})
    assert r.status_code == 200 and r.json()["completed"], r.text
    after = ask(server, question)
    assert value_of(after, genre, "started") == value_of(before, genre, "started") + 1
    assert value_of(after, genre, "finished") == value_of(before, genre, "finished") + 1
    share = value_of(after, genre, "finished_share")
    assert share == round(100 * value_of(after, genre, "finished") / value_of(after, genre, "started"), 1)
    assert after["columns"][-1]["kind"] == "percent"


def test_ratings_and_the_watchlist(server):
    viewer = server.register(tier="premium")["access_token"]
    movie = movies(server, viewer, 3)[2]
    disliked_before = ask(server, "titles with the most thumbs down")
    listed_before = ask(server, "most added to my list")
    waiting_before = ask(server, "saved to my list but never watched")
    assert server.request("PUT", f"/api/v1/viewing/ratings/{movie['id']}", viewer, json={"rating": "down"}).status_code in (200, 204)
    assert server.request("PUT", f"/api/v1/viewing/watchlist/{movie['id']}", viewer).status_code == 204
    assert value_of(ask(server, "titles with the most thumbs down"), movie["title"]) == value_of(disliked_before, movie["title"]) + 1
    assert value_of(ask(server, "most added to my list"), movie["title"]) == value_of(listed_before, movie["title"]) + 1
    assert value_of(ask(server, "saved to my list but never watched"), movie["title"]) == value_of(waiting_before, movie["title"]) + 1


def test_accounts_by_plan_and_sign_ups(server):
    before = ask(server, "how many accounts on each plan")
    assert [row["tier"] for row in before["rows"]] == ["basic", "standard", "premium"]
    server.register(tier="premium")
    after = ask(server, "how many accounts on each plan")
    assert value_of(after, "premium") == value_of(before, "premium") + 1
    assert after["parameters"]["range"] is None
    signups = ask(server, "sign-ups per day this week")
    assert signups["template"]["id"] == "signups-per-day" and signups["rows"][-1]["accounts"] >= 1


def test_a_title_named_in_quotes(server):
    admin = server.token("admin")
    series = server.get("/api/v1/admin/titles", admin, params={"type": "series", "limit": 1}).json()["items"][0]
    a = ask(server, f'where do viewers stop watching "{series["title"]}"')
    assert a["template"]["id"] == "episode-drop-off"
    assert a["parameters"]["title"] == {"id": series["id"], "title": series["title"]}
    daily = ask(server, f'plays per day of "{series["title"]}" this month')
    assert daily["template"]["id"] == "title-plays-per-day" and daily["parameters"]["range"]["label"] == "this month"
    body = problem_of(server.get(ANSWER, admin, params={"q": 'plays per day of "No Such Title Anywhere"'}), 422)
    assert body["errors"][0]["field"] == "question" and "No Such Title Anywhere" in body["errors"][0]["message"]


def test_a_question_missing_its_channel_is_told_what_to_name(server):
    admin = server.token("admin")
    body = problem_of(server.get(ANSWER, admin, params={"q": "plays per day on channel"}), 422)
    assert body["errors"][0]["field"] == "question" and "channel" in body["errors"][0]["message"]
    body = problem_of(server.get(ANSWER, admin, params={"q": "plays per day on channel 98765"}), 422)
    assert "98765" in body["errors"][0]["message"]


def test_an_unrelated_question_offers_the_closest_instead(server):
    a = ask(server, "purple elephants dancing in the rain")
    assert a["matched"] is False and a["template"] is None
    assert a["rows"] == [] and a["columns"] == [] and a["chart"] is None
    assert len(a["suggestions"]) == 3
    sims = [s["similarity"] for s in a["suggestions"]]
    assert sims == sorted(sims, reverse=True) and sims[0] == a["similarity"]
    # A suggestion asked as it stands is answered.
    assert ask(server, a["suggestions"][0]["question"])["matched"]


def test_bad_questions(server):
    admin = server.token("admin")
    problem_of(server.get(ANSWER, admin), 400)
    problem_of(server.get(ANSWER, admin, params={"q": "   ?!  "}), 400)
    problem_of(server.get(ANSWER, admin, params={"q": "x" * 301}), 400)
    # SQL in a question is just words: it can only choose a template.
    a = ask(server, "top titles'; DROP TABLE titles; --")
    assert a["template"]["id"] == "top-titles-by-plays"
    assert server.get("/api/v1/admin/titles", admin, params={"limit": 1}).json()["total"] > 0

"""The guide's admin side and interchange: channel and programme CRUD with the overlap rule,
replacing a day in one transaction, XMLTV export (checked by Debian's tv_validate_file) and
import (real grabber files, hostile and broken ones), and the M3U playlist: its export, and its
import (a real IPTV list, hostile and broken ones, and a round trip between two servers)."""
import os
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import KINORA, backends, problem_of

ADMIN = "/api/v1/admin"
EPG = "/api/v1/epg"
DATA = Path(os.environ.get("KINORA_SHARED_DATA", Path(__file__).resolve().parents[4] / "shared" / "data")) / "epg"


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def day_far_ahead(days=400):
    """A UTC day no demo programme touches."""
    return datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=days)


@pytest.fixture
def channel(server):
    """A fresh channel, deleted afterwards (the shared server's line-up stays the demo one)."""
    admin = server.token("admin")
    number = 9000 + int.from_bytes(os.urandom(2), "big") % 900
    r = server.post(f"{ADMIN}/channels", admin, json={"number": number, "name": f"Test Channel {number}",
                                                      "category": "test", "tier": "premium", "maturity_rating": "all"})
    assert r.status_code == 201, r.text
    yield r.json()
    server.delete(f"{ADMIN}/channels/{r.json()['id']}", admin)


def programme(channel_id, start, minutes, title="Show", **extra):
    return {"channel_id": channel_id, "start": iso(start), "stop": iso(start + timedelta(minutes=minutes)),
            "title": title, **extra}


# -- channels ------------------------------------------------------------------------------------
def test_channel_crud_and_rules(server, channel):
    admin = server.token("admin")
    cid = channel["id"]
    assert channel["slug"].startswith("test-channel-") and channel["xmltv_id"] is None
    got = server.get(f"{ADMIN}/channels/{cid}", admin).json()
    assert got == channel
    listed = server.get(f"{ADMIN}/channels", admin, params={"limit": 200}).json()
    assert cid in {c["id"] for c in listed["items"]} and listed["total"] >= 26

    # Number unique: 409 naming the field; nothing changes.
    r = server.patch(f"{ADMIN}/channels/{cid}", admin, json={"number": listed["items"][0]["number"]})
    body = problem_of(r, 409)
    assert body["type"].endswith(":duplicate") and body["errors"][0]["field"] == "number"
    r = server.patch(f"{ADMIN}/channels/{cid}", admin, json={"name": "Renamed", "xmltv_id": "renamed.test"})
    assert r.status_code == 200 and r.json()["name"] == "Renamed" and r.json()["xmltv_id"] == "renamed.test"
    assert r.json()["number"] == channel["number"]
    r = server.patch(f"{ADMIN}/channels/{cid}", admin, json={"xmltv_id": None})
    assert r.status_code == 200 and r.json()["xmltv_id"] is None

    # Tier and rating are validated; unknown fields rejected.
    for bad in ({"tier": "gold"}, {"maturity_rating": "21+"}, {"number": 0}, {"colour": "red"}, {"slug": "Bad Slug"}):
        problem_of(server.patch(f"{ADMIN}/channels/{cid}", admin, json=bad), 422)
    problem_of(server.post(f"{ADMIN}/channels", admin, json={"name": "x"}), 422)

    # Visibility follows the tier at once.
    basic = server.token("basic")
    problem_of(server.get(f"{EPG}/channels/{cid}", basic), 404)
    assert server.patch(f"{ADMIN}/channels/{cid}", admin, json={"tier": "basic"}).status_code == 200
    assert server.get(f"{EPG}/channels/{cid}", basic).status_code == 200

    # Admin only; unknown ids 404.
    problem_of(server.get(f"{ADMIN}/channels", basic), 403)
    problem_of(server.get(f"{ADMIN}/channels/999999", admin), 404)
    assert server.delete(f"{ADMIN}/channels/{cid}", admin).status_code == 204
    problem_of(server.delete(f"{ADMIN}/channels/{cid}", admin), 404)


# -- programmes ----------------------------------------------------------------------------------
def test_programme_crud_and_overlap(server, channel):
    admin = server.token("admin")
    cid = channel["id"]
    t = day_far_ahead() + timedelta(hours=18)
    r = server.post(f"{ADMIN}/schedule", admin, json=programme(cid, t, 30, "Evening News", season=2, episode=5))
    assert r.status_code == 201, r.text
    news = r.json()
    assert news["title"] == "Evening News" and news["season"] == 2 and news["rating"] == "all"

    # An overlapping programme: 409 naming the one in the way, as detail and members.
    r = server.post(f"{ADMIN}/schedule", admin, json=programme(cid, t + timedelta(minutes=15), 30, "Late"))
    body = problem_of(r, 409)
    assert body["type"].endswith(":schedule-conflict")
    assert body["conflicting_programme_id"] == news["id"] and body["conflicting_title"] == "Evening News"
    assert body["conflicting_start"] == news["start"] and body["conflicting_stop"] == news["stop"]
    assert "Evening News" in body["detail"] and str(news["id"]) in body["detail"]
    # Back to back is fine.
    r = server.post(f"{ADMIN}/schedule", admin, json=programme(cid, t + timedelta(minutes=30), 30, "After"))
    assert r.status_code == 201, r.text
    after = r.json()

    # stop <= start: 422; unknown channel: 404; unknown title: 422.
    problem_of(server.post(f"{ADMIN}/schedule", admin, json=programme(cid, t + timedelta(hours=3), 0)), 422)
    problem_of(server.post(f"{ADMIN}/schedule", admin, json=programme(999999, t, 30)), 404)
    problem_of(server.post(f"{ADMIN}/schedule", admin, json=programme(cid, t + timedelta(hours=5), 30, title_id=999999)), 422)
    problem_of(server.post(f"{ADMIN}/schedule", admin, json={**programme(cid, t, 30), "start": "tomorrow"}), 422)

    # Moving one into another: 409 and nothing changes.
    r = server.patch(f"{ADMIN}/schedule/{after['id']}", admin, json={"start": news["start"]})
    assert problem_of(r, 409)["conflicting_programme_id"] == news["id"]
    assert server.get(f"{ADMIN}/schedule/{after['id']}", admin).json() == after
    r = server.patch(f"{ADMIN}/schedule/{after['id']}", admin, json={"title": "After Hours", "subtitle": "Pilot"})
    assert r.status_code == 200 and r.json()["title"] == "After Hours" and r.json()["subtitle"] == "Pilot"
    problem_of(server.patch(f"{ADMIN}/schedule/{after['id']}", admin, json={"stop": after["start"]}), 422)

    assert server.delete(f"{ADMIN}/schedule/{after['id']}", admin).status_code == 204
    problem_of(server.get(f"{ADMIN}/schedule/{after['id']}", admin), 404)
    problem_of(server.post(f"{ADMIN}/schedule", server.token("basic"), json=programme(cid, t, 30)), 403)


def test_replace_day_is_one_transaction(server, channel):
    admin = server.token("admin")
    cid = channel["id"]
    day = day_far_ahead(401)
    date = day.strftime("%Y-%m-%d")
    # The evening before runs 30 minutes into the day.
    before = server.post(f"{ADMIN}/schedule", admin, json=programme(cid, day - timedelta(hours=1), 90, "Late Movie")).json()
    old = server.post(f"{ADMIN}/schedule", admin, json=programme(cid, day + timedelta(hours=6), 60, "Old")).json()

    items = [{"start": iso(day + timedelta(minutes=30)), "stop": iso(day + timedelta(hours=12)), "title": "Morning"},
             {"start": iso(day + timedelta(hours=12)), "stop": iso(day + timedelta(hours=25)), "title": "Night", "rating": "16+"}]
    r = server.put(f"{ADMIN}/schedule/{cid}/days/{date}", admin, json={"items": items})
    assert r.status_code == 200, r.text
    assert r.json()["date"] == date and [p["title"] for p in r.json()["items"]] == ["Morning", "Night"]
    r = server.get(f"{ADMIN}/schedule/{old['id']}", admin)  # SQLite may reuse the id
    assert r.status_code == 404 or r.json()["title"] != "Old"

    window = {"from": iso(day - timedelta(hours=2)), "to": iso(day + timedelta(days=2))}
    def titles():
        return [p["title"] for p in server.get(f"{EPG}/schedule/{cid}", admin, params=window).json()["items"]]
    assert titles() == ["Late Movie", "Morning", "Night"]

    # Overlapping the evening before, or each other: 409, and the day is as it was.
    clash = [{"start": iso(day), "stop": iso(day + timedelta(hours=1)), "title": "Too Early"}]
    assert problem_of(server.put(f"{ADMIN}/schedule/{cid}/days/{date}", admin, json={"items": clash}), 409)[
        "conflicting_programme_id"] == before["id"]
    twice = [{"start": iso(day + timedelta(hours=1)), "stop": iso(day + timedelta(hours=3)), "title": "A"},
             {"start": iso(day + timedelta(hours=2)), "stop": iso(day + timedelta(hours=4)), "title": "B"}]
    body = problem_of(server.put(f"{ADMIN}/schedule/{cid}/days/{date}", admin, json={"items": twice}), 409)
    assert body["conflicting_title"] == "A"
    off_day = [{"start": iso(day + timedelta(days=1, hours=1)), "stop": iso(day + timedelta(days=1, hours=2)), "title": "X"}]
    problem_of(server.put(f"{ADMIN}/schedule/{cid}/days/{date}", admin, json={"items": off_day}), 422)
    bad_stop = [{"start": iso(day + timedelta(hours=2)), "stop": iso(day + timedelta(hours=1)), "title": "X"}]
    assert problem_of(server.put(f"{ADMIN}/schedule/{cid}/days/{date}", admin, json={"items": bad_stop}), 422)[
        "errors"][0]["field"] == "items[0].stop"
    assert titles() == ["Late Movie", "Morning", "Night"]

    problem_of(server.put(f"{ADMIN}/schedule/{cid}/days/2026-13-45", admin, json={"items": []}), 400)
    problem_of(server.put(f"{ADMIN}/schedule/999999/days/{date}", admin, json={"items": []}), 404)
    problem_of(server.put(f"{ADMIN}/schedule/{cid}/days/{date}", admin, json={"items": [], "x": 1}), 422)
    assert server.put(f"{ADMIN}/schedule/{cid}/days/{date}", admin, json={"items": []}).json()["items"] == []
    assert titles() == ["Late Movie"]


# -- XMLTV export ----------------------------------------------------------------------------------
def test_xmltv_export_passes_tv_validate_file(server, tmp_path):
    r = server.get(f"{EPG}/xmltv", server.token("basic"))
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/xml")
    text = r.text
    assert text.count("<channel id=") == 15  # the basic tier's channels
    assert 'system="xmltv_ns"' in text and 'system="onscreen"' in text and "+0000" in text
    assert "<rating" in text and "<category>" in text and "<icon src=\"http://" in text
    admin = server.get(f"{EPG}/xmltv", server.token("admin")).text
    assert admin.count("<channel id=") >= 25
    if not shutil.which("tv_validate_file"):
        pytest.fail("tv_validate_file is missing: apt-get install xmltv-util (scripts/install-deps.sh)")
    path = tmp_path / "guide.xml"
    path.write_bytes(r.content)
    out = subprocess.run(["tv_validate_file", str(path)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "XMLTV_SUPPLEMENT": "/usr/share/xmltv"})
    assert out.returncode == 0, out.stdout + out.stderr
    # A window: only what overlaps it.
    now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    small = server.get(f"{EPG}/xmltv", server.token("basic"), params={"from": iso(now), "to": iso(now + timedelta(hours=1))})
    assert small.status_code == 200 and small.text.count("<programme ") < text.count("<programme ")
    problem_of(server.get(f"{EPG}/xmltv", server.token("basic"), params={"from": iso(now), "to": iso(now + timedelta(days=8))}), 422)
    problem_of(server.get(f"{EPG}/xmltv", server.token("basic"), params={"from": "soon"}), 400)


# -- M3U -----------------------------------------------------------------------------------------
def test_playlist_lists_visible_channels(server):
    r = server.get(f"{EPG}/playlist.m3u", server.token("basic"))
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("audio/x-mpegurl")
    lines = r.text.splitlines()
    assert lines[0].startswith("#EXTM3U")
    entries = [l for l in lines if l.startswith("#EXTINF:-1 ")]
    assert len(entries) == 15
    for attr in ("tvg-id=", "tvg-name=", "tvg-logo=", "tvg-chno=", "group-title=", 'catchup="default"', 'catchup-days="7"'):
        assert attr in entries[0], attr
    url = lines[lines.index(entries[0]) + 1]
    assert url.startswith("http://") and "/api/v1/epg/channels/" in url


# -- XMLTV import ----------------------------------------------------------------------------------
def upload(server, body, token=None, content_type="application/xml"):
    return server.post(f"{ADMIN}/epg/xmltv", token or server.token("admin"), data=body,
                       headers={"Content-Type": content_type})


def guide_counts(server):
    admin = server.token("admin")
    total = server.get(f"{ADMIN}/channels", admin, params={"limit": 1}).json()["total"]
    return total


SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<tv generator-info-name="test">
  <channel id="alpha.test"><display-name>Alpha</display-name><icon src="http://example.test/a.png"/><mystery/></channel>
  <programme start="20300101120000 +0100" stop="20300101130000 +0100" channel="alpha.test">
    <title lang="en">Noon Show</title><sub-title>Part one</sub-title><desc>About noon.</desc>
    <category>Talk</category><episode-num system="xmltv_ns">1.4.0/1</episode-num>
    <rating system="VCHIP"><value>TV-14</value></rating><unknown-element>x</unknown-element>
  </programme>
  <programme start="20300101130000 +0100" stop="20300101140000 +0100" channel="alpha.test">
    <title>Afternoon</title><episode-num system="onscreen">S03E07</episode-num>
  </programme>
</tv>
"""


def test_xmltv_import_upserts_and_rejects_bad_files(fresh_server):
    server = fresh_server("--demo")
    admin = server.token("admin")
    r = upload(server, SMALL)
    assert r.status_code == 200, r.text
    assert r.json() == {"channels_created": 1, "channels_matched": 0, "programmes_created": 2,
                        "programmes_updated": 0, "programmes_replaced": 0, "programmes_skipped": 0}
    ch = next(c for c in server.get(f"{ADMIN}/channels", admin, params={"limit": 200}).json()["items"]
              if c["xmltv_id"] == "alpha.test")
    assert ch["name"] == "Alpha" and ch["icon_url"] == "http://example.test/a.png" and ch["tier"] == "premium"
    sched = server.get(f"{EPG}/schedule/{ch['id']}", admin,
                       params={"from": "2030-01-01T00:00:00Z", "to": "2030-01-02T00:00:00Z"}).json()["items"]
    assert [p["start"] for p in sched] == ["2030-01-01T11:00:00Z", "2030-01-01T12:00:00Z"]
    noon, afternoon = sched
    assert (noon["title"], noon["subtitle"], noon["description"], noon["category"]) == ("Noon Show", "Part one", "About noon.", "Talk")
    assert (noon["season"], noon["episode"], noon["rating"]) == (2, 5, "13+")
    assert (afternoon["season"], afternoon["episode"]) == (3, 7)

    # Re-importing updates instead of duplicating.
    r = upload(server, SMALL.replace("Noon Show", "Noon Show Live"))
    assert r.json()["channels_matched"] == 1 and r.json()["programmes_updated"] == 2 and r.json()["programmes_created"] == 0
    sched = server.get(f"{EPG}/schedule/{ch['id']}", admin,
                       params={"from": "2030-01-01T00:00:00Z", "to": "2030-01-02T00:00:00Z"}).json()["items"]
    assert [p["title"] for p in sched] == ["Noon Show Live", "Afternoon"]

    before = guide_counts(server)
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE tv [\n<!ENTITY a "aaaaaaaaaa">\n'
              + "".join(f'<!ENTITY a{i} "{("&a%s;" % (i - 1 if i > 1 else "")) * 10}">\n' for i in range(1, 10))
              + ']>\n<tv><channel id="x.test"><display-name>&a9;</display-name></channel></tv>\n')
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE tv [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
           '<tv><channel id="x.test"><display-name>&x;</display-name></channel></tv>\n')
    huge = ('<?xml version="1.0"?>\n<tv>\n<channel id="x.test"><display-name>'
            + "A" * (2 * 1024 * 1024) + "</display-name></channel></tv>\n")
    latin1 = '<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n<channel id="x.test"><display-name>Caf\xe9</display-name></channel></tv>\n'
    truncated = SMALL.replace("alpha.test", "x.test")[:SMALL.index("<programme start=\"20300101130000")]
    cases = {"truncated": (truncated.encode(), None), "wrong encoding": (latin1.encode("latin-1"), 3),
             "billion laughs": (laughs.encode(), None), "external entity": (xxe.encode(), None),
             "2 MB text node": (huge.encode(), None), "not XML": (b"hello, world\n", 1),
             "not XMLTV": (b"<?xml version='1.0'?>\n<html><body/></html>\n", None)}
    for name, (body, line) in cases.items():
        r = upload(server, body)
        problem = problem_of(r, 422)
        assert problem["type"].endswith(":invalid-xmltv"), name
        assert problem["detail"].startswith(f"XMLTV line {problem['line']}:"), (name, problem)
        if line:
            assert problem["line"] == line, (name, problem)
    assert guide_counts(server) == before  # nothing half-imported

    problem_of(upload(server, SMALL, content_type="text/plain"), 415)
    problem_of(upload(server, SMALL, token=server.token("basic")), 403)


@pytest.mark.parametrize("name,channels,programmes", [
    ("kazer_fr_2014-02-17_xmltv.xml", 21, 4767), ("titantv_us_2026-01-03_xmltv.xml", 95, 5195)])
def test_xmltv_import_of_real_guides(fresh_server, name, channels, programmes):
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"{path} is missing (../shared/data)")
    server = fresh_server("--demo")
    r = upload(server, path.read_bytes())
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["channels_created"] == channels
    assert report["programmes_created"] + report["programmes_updated"] + report["programmes_replaced"] >= programmes - \
        report["programmes_skipped"] - report["programmes_updated"]
    again = upload(server, path.read_bytes()).json()
    assert again["channels_created"] == 0 and again["channels_matched"] == channels
    # Re-importing updates: the only programmes created again are ones the file itself
    # overlaps with others (each import replaces them in file order), never duplicates.
    assert again["programmes_created"] == again["programmes_replaced"]
    assert again["programmes_updated"] >= report["programmes_created"] - again["programmes_created"]


# -- M3U import ------------------------------------------------------------------------------------
def upload_m3u(server, body, token=None, content_type="audio/x-mpegurl"):
    return server.post(f"{ADMIN}/epg/playlist", token or server.token("admin"), data=body,
                       headers={"Content-Type": content_type})


def admin_channels(server):
    return server.get(f"{ADMIN}/channels", server.token("admin"), params={"limit": 200}).json()["items"]


PLAYLIST = """\ufeff#EXTM3U url-tvg="http://guide.test/epg.xml"\r
#EXTINF:-1 tvg-id="alpha.m3u.test" tvg-name="Alpha" tvg-logo="https://logos.test/alpha.png" tvg-chno="7001" group-title="Local News" catchup="default" catchup-days="3",Alpha TV\r
#EXTVLCOPT:http-user-agent=Kodi\r
http://streams.test/alpha.m3u8\r
\r
#EXTINF:-1 tvg-id="beta.m3u.test" group-title="Sports;Outdoor",Beta, the channel\r
http://streams.test/beta.m3u8\r
#EXTINF:-1 tvg-id="alpha.m3u.test",Alpha again\r
http://streams.test/alpha-backup.m3u8\r
#EXTINF:-1 tvg-id="no-url.m3u.test",No URL\r
#EXTINF:-1 tvg-logo="javascript:alert(1)"\r
http://streams.test/nameless.m3u8\r
"""


@pytest.mark.parametrize("backend", backends())
def test_m3u_import_creates_matches_and_rejects_bad_files(fresh_server, backend):
    server = fresh_server("--demo", backend=backend)
    before = admin_channels(server)
    r = upload_m3u(server, PLAYLIST.encode())
    assert r.status_code == 200, r.text
    assert r.json() == {"channels_created": 2, "channels_matched": 0, "channels_updated": 0,
                        "matched_by": {"tvg_id": 0, "tvg_chno": 0, "name": 0}, "channels_skipped": 3,
                        "skipped": {"no_name": 1, "no_url": 1, "duplicate": 1}}
    after = {c["xmltv_id"]: c for c in admin_channels(server) if c["xmltv_id"]}
    alpha, beta = after["alpha.m3u.test"], after["beta.m3u.test"]
    assert (alpha["number"], alpha["name"], alpha["category"], alpha["icon_url"]) == \
        (7001, "Alpha TV", "local news", "https://logos.test/alpha.png")
    assert (alpha["tier"], alpha["maturity_rating"]) == ("premium", "18+")
    assert beta["name"] == "Beta, the channel" and beta["category"] == "sports" and beta["icon_url"] is None
    assert beta["number"] == 7002  # the next free number

    # Again: everything matches by tvg-id, nothing changes.
    r = upload_m3u(server, PLAYLIST.encode(), content_type="application/vnd.apple.mpegurl")
    assert r.json()["channels_created"] == 0 and r.json()["matched_by"] == {"tvg_id": 2, "tvg_chno": 0, "name": 0}
    assert r.json()["channels_updated"] == 0

    # A demo channel matched by number gets the guide id, logo and category it lacks;
    # its name, category (already set), tier and rating stay the admin's.
    demo = before[0]
    by_number = (f'#EXTM3U\n#EXTINF:-1 tvg-id="first.m3u.test" tvg-chno="{demo["number"]}" '
                 f'tvg-logo="http://logos.test/first.png" group-title="Other",Renamed\nhttp://s.test/1\n'
                 f'#EXTINF:-1,{before[1]["name"]}\nhttp://s.test/2\n')
    r = upload_m3u(server, by_number.encode(), content_type="text/plain; charset=utf-8")
    assert r.status_code == 200, r.text
    assert r.json()["matched_by"] == {"tvg_id": 0, "tvg_chno": 1, "name": 1} and r.json()["channels_updated"] == 1
    first = next(c for c in admin_channels(server) if c["id"] == demo["id"])
    assert first["xmltv_id"] == "first.m3u.test" and first["icon_url"] == "http://logos.test/first.png"
    assert (first["name"], first["category"], first["tier"]) == (demo["name"], demo["category"], demo["tier"])

    count = len(admin_channels(server))
    cases = {
        "not M3U": (b"hello, world\n", 1),
        "XML": (b"<?xml version='1.0'?>\n<tv/>\n", 1),
        "empty": (b"", 1),
        "binary": (b"#EXTM3U\n#EXTINF:-1,A\nhttp://a\n\x00\x01\x02\xff", 4),
        "Latin-1": ("#EXTM3U\n#EXTINF:-1,Caf\xe9\nhttp://a\n".encode("latin-1"), 2),
        "huge line": (b"#EXTM3U\n#EXTINF:-1," + b"A" * 70000 + b"\nhttp://a\n", 2),
        "open quote": (b'#EXTM3U\n#EXTINF:-1 tvg-id="x,Name\nhttp://a\n', 2),
        "duplicate numbers": (b'#EXTM3U\n#EXTINF:-1 tvg-chno="9001",New One\nhttp://a\n'
                              b'#EXTINF:-1 tvg-chno="9001",New Two\nhttp://b\n', 4),
    }
    for name, (body, line) in cases.items():
        problem = problem_of(upload_m3u(server, body), 422)
        assert problem["type"].endswith(":invalid-m3u"), name
        assert problem["line"] == line, (name, problem)
        assert problem["detail"].startswith(f"M3U line {line}:"), (name, problem)
    assert len(admin_channels(server)) == count  # nothing half-imported

    problem_of(upload_m3u(server, PLAYLIST.encode(), content_type="application/xml"), 415)
    problem_of(upload_m3u(server, PLAYLIST.encode(), token=server.token("basic")), 403)


def test_m3u_import_of_a_real_playlist(fresh_server):
    path = DATA / "iptv-org_us_filtered_playlist.m3u"
    if not path.is_file():
        pytest.skip(f"{path} is missing (../shared/data)")
    server = fresh_server("--demo")
    r = upload_m3u(server, path.read_bytes())
    assert r.status_code == 200, r.text
    assert r.json()["channels_created"] == 678 and r.json()["channels_skipped"] == 0
    channels = [c for c in server.get(f"{ADMIN}/channels", server.token("admin"), params={"limit": 200, "offset": 25}).json()["items"]]
    katu = next(c for c in channels if c["xmltv_id"] == "KATU321.us@HD")
    assert katu["name"] == "ABC 2 Portland OR (KATU)" and katu["category"] == "local news"
    assert katu["icon_url"] == "https://upload.wikimedia.org/wikipedia/commons/2/27/WWAY_logo.png"
    again = upload_m3u(server, path.read_bytes()).json()
    assert again["channels_created"] == 0 and again["matched_by"]["tvg_id"] == 678


def test_m3u_round_trip_between_servers(server, fresh_server):
    """The playlist one Kinora exports loads into another, matching channels by tvg-id."""
    exported = server.get(f"{EPG}/playlist.m3u", server.token("admin")).text
    other = fresh_server("--demo")
    r = upload_m3u(other, exported.encode())
    assert r.status_code == 200, r.text
    demo = sum(1 for l in exported.splitlines() if l.startswith("#EXTINF"))
    assert r.json()["matched_by"]["tvg_id"] >= 25 and r.json()["channels_skipped"] == 0
    assert r.json()["channels_matched"] + r.json()["channels_created"] == demo
    # Kinora's own generated logos stay with the server that drew them.
    assert all(c["icon_url"] is None or "/logo.svg" not in c["icon_url"] for c in admin_channels(other))
    again = upload_m3u(other, other.get(f"{EPG}/playlist.m3u", other.token("admin")).text.encode()).json()
    assert again["channels_created"] == 0 and again["matched_by"]["tvg_id"] == demo


def test_cli_tools_need_no_secrets_outside_demo_mode(tmp_path):
    """Only `serve` issues tokens and signs media links; importing a guide needs neither secret."""
    guide = DATA / "kazer_fr_2014-02-17_xmltv.xml"
    if not guide.exists():
        pytest.skip(f"{guide} is missing (../shared/data)")
    db = f"sqlite:{tmp_path}/k.db"
    done = subprocess.run([str(KINORA), "xmltv", "import", str(guide), "--database-url", db, "--no-demo"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"channels_created":21' in done.stdout + done.stderr
    # The server still refuses to start without them, and says which.
    serve = subprocess.run([str(KINORA), "serve", "--database-url", db, "--no-demo", "--port", "0"],
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert serve.returncode == 2 and "--jwt-secret" in serve.stderr and "--media-secret" in serve.stderr

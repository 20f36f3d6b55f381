#!/usr/bin/env python3
"""Writes a large, realistic XMLTV guide for bench/epg_bench.sh: N channels x D days from
today 00:00 UTC, gap-free and overlap-free, programmes of 15-120 minutes with titles,
sub-titles, descriptions, categories, episode numbers and ratings. Deterministic (seeded).

    bench/epg_xmltv_gen.py --channels 1000 --days 7 --out guide.xml
"""
import argparse
import random
import time
from xml.sax.saxutils import escape, quoteattr

CATEGORIES = ["News", "Sports", "Movie", "Series", "Documentary", "Kids", "Music", "Talk",
              "Lifestyle", "Reality", "Comedy", "Drama"]
RATINGS = [("VCHIP", "TV-G"), ("VCHIP", "TV-PG"), ("VCHIP", "TV-14"), ("VCHIP", "TV-MA"),
           ("MPAA", "PG-13"), ("MPAA", "R"), ("CSA", "-12"), ("CSA", "-16")]
LENGTHS = [15, 30, 30, 30, 45, 60, 60, 60, 90, 120]  # minutes
WORDS = ("harbour lantern river signal midnight orchard summit copper meadow archive northern "
         "coastal winter garden station island quiet bright hidden open city valley story "
         "kitchen market journey frontier echo atlas canyon harvest thunder silver").split()


def sentence(rng, words):
    s = " ".join(rng.choice(WORDS) for _ in range(words))
    return s[0].upper() + s[1:] + "."


def xmltv_time(t):
    return time.strftime("%Y%m%d%H%M%S +0000", time.gmtime(t))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--channels", type=int, default=1000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    day0 = int(time.time()) // 86400 * 86400
    end = day0 + a.days * 86400
    # A few hundred shows, reused across channels as real guides do.
    shows = [(" ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(1, 3))),
              rng.choice(CATEGORIES), rng.choice(RATINGS)) for _ in range(600)]
    with open(a.out, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tv generator-info-name="kinora-bench">\n')
        for n in range(1, a.channels + 1):
            out.write(f'  <channel id="bench{n}.kinora.test"><display-name>Bench {n}</display-name>'
                      f'<display-name>{n}</display-name>'
                      f'<icon src="https://logos.example.test/bench{n}.png"/></channel>\n')
        programmes = 0
        for n in range(1, a.channels + 1):
            t = day0
            cid = quoteattr(f"bench{n}.kinora.test")
            while t < end:
                stop = min(end, t + rng.choice(LENGTHS) * 60)
                title, category, (system, rating) = rng.choice(shows)
                season, episode = rng.randint(0, 9), rng.randint(0, 24)
                out.write(
                    f'  <programme start="{xmltv_time(t)}" stop="{xmltv_time(stop)}" channel={cid}>\n'
                    f'    <title lang="en">{escape(title)}</title>\n'
                    f'    <sub-title lang="en">{escape(sentence(rng, 4))}</sub-title>\n'
                    f'    <desc lang="en">{escape(sentence(rng, rng.randint(5, 22)))}</desc>\n'
                    f'    <category lang="en">{category}</category>\n'
                    f'    <episode-num system="xmltv_ns">{season}.{episode}.0/1</episode-num>\n'
                    f'    <episode-num system="onscreen">S{season + 1:02d}E{episode + 1:02d}</episode-num>\n'
                    f'    <rating system="{system}"><value>{rating}</value></rating>\n'
                    f'  </programme>\n')
                programmes += 1
                t = stop
        out.write("</tv>\n")
    print(f"{a.channels} channels, {programmes} programmes")


if __name__ == "__main__":
    main()

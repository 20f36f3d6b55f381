"""Each table is written by the store of the domain that owns it: the seed, importers and
admin code call that store instead of writing SQL of their own, and other domains read
through it too. The checks read every SQL string in server/src (adjacent C++ literals
joined, as the compiler joins them)."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[3]
SRC = ROOT / "server" / "src"

# Table -> the one file allowed to INSERT, UPDATE or DELETE it (migrations aside).
OWNERS = {
    "channels": "epg/epg_store.cpp",
    "programmes": "epg/epg_store.cpp",
}

RAW = re.compile(r'R"([^()\\ ]{0,16})\(')
ESCAPE = re.compile(r"\\.")


def sql_strings(text):
    """The string literals of a C++ file (comments and character literals skipped), adjacent
    ones joined into one as the compiler joins them."""
    out, joinable, i, n = [], False, 0, len(text)

    def add(body):
        if joinable:
            out[-1] += body
        else:
            out.append(body)

    while i < n:
        ch = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = n if i < 0 else i + 2
        elif (raw := RAW.match(text, i)) and (i == 0 or not text[i - 1].isalnum()):
            close = text.find(")" + raw.group(1) + '"', raw.end())
            close = n if close < 0 else close
            add(text[raw.end():close])
            i, joinable = close + len(raw.group(1)) + 2, True
        elif ch == '"' or ch == "'":
            j = i + 1
            while j < n and text[j] != ch and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if ch == '"':
                add(ESCAPE.sub(lambda m: m.group(0)[1], text[i + 1:j]))
            i, joinable = j + 1, ch == '"'
        elif ch.isspace():
            i += 1
        else:
            joinable, i = False, i + 1
    return out


def write_pattern(table):
    return re.compile(
        r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
        rf"\s+{table}\b", re.IGNORECASE)


def writers(table):
    pattern = write_pattern(table)
    found = set()
    for path in SRC.rglob("*.[ch]pp"):
        if any(pattern.search(s) for s in sql_strings(path.read_text())):
            found.add(path.relative_to(SRC).as_posix())
    return found


def test_only_the_owner_writes_its_tables():
    for table, owner in OWNERS.items():
        others = writers(table) - {owner}
        assert not others, f"{table} is written outside {owner}: {sorted(others)}"


def test_the_checker_sees_writes():
    # Guards the parser: the owner does write its tables, one statement split over lines.
    for table, owner in OWNERS.items():
        assert owner in writers(table), f"no write of {table} found in {owner}"
    found = lambda text: any(write_pattern("programmes").search(s) for s in sql_strings(text))
    assert found('c.query(\n  "INSERT INTO "\n  // a comment\n  "programmes (id) VALUES ($1)");')
    assert found('c.query(R"sql(DELETE\n  FROM programmes)sql");')
    assert found("""if (c == '"') c.query("UPDATE programmes SET id = 1");""")
    assert not found('"SELECT 1 FROM programmes"; x = "INSERT INTO "; y = "programmes"')
    assert not found("// DELETE FROM programmes is the store's\nint x;")


# Who else reads the epg tables: analytics SQL (stats, insights), the playout's own join of
# programmes to their media.
EPG_READERS_OUTSIDE_EPG = {
    "stats/dashboard.cpp",
    "insights/insights_service.cpp",
    "insights/question_templates.cpp",
    "live/playout_store.cpp",
}


def test_other_domains_read_channels_through_the_epg_store():
    read = re.compile(r"\b(?:FROM|JOIN)\s+(?:channels|programmes)\b", re.IGNORECASE)
    readers = {path.relative_to(SRC).as_posix() for path in SRC.rglob("*.[ch]pp")
               if path.relative_to(SRC).parts[0] != "epg"
               and any(read.search(s) for s in sql_strings(path.read_text()))}
    others = sorted(readers - EPG_READERS_OUTSIDE_EPG)
    assert not others, f"read channels and programmes through epg/epg_store.hpp: {others}"

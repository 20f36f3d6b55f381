"""Other domains read the catalog through catalog/catalog_reads.hpp and write it (the seed,
the MovieLens import) through catalog/catalog_writes.hpp: catalog_store.hpp stays inside
catalog/, and the domains that use titles write no SQL over the catalog's tables."""
import pathlib
import re

from test_table_owners import sql_strings  # literals joined as the compiler joins them

ROOT = pathlib.Path(__file__).resolve().parents[3]
SRC = ROOT / "server" / "src"

# The domains that read titles and episodes for their own work (accounts: what a stream plays).
CLIENTS = ("playback", "viewing", "recommend", "seed", "eval", "accounts")
CATALOG_TABLE = re.compile(
    r"\b(FROM|JOIN|INTO|UPDATE)\s+(titles|seasons|episodes|genres|title_genres)\b", re.I)
# A join that applies the visibility rule to the domain's own rows stays with that domain.
OWN_ROWS = (
    "JOIN titles t ON t.id = b.title_id",                     # bookmarks
    "FROM titles t WHERE t.id = title_embeddings.title_id",   # an embedding's staleness
)


def sources(modules=None):
    for path in sorted(SRC.rglob("*.[ch]pp")):
        rel = path.relative_to(SRC)
        if len(rel.parts) > 1 and (modules is None or rel.parts[0] in modules):
            yield rel, path.read_text()


def test_catalog_store_stays_inside_catalog():
    outside = [f"{rel}:{n}"
               for rel, text in sources() if rel.parts[0] != "catalog"
               for n, line in enumerate(text.splitlines(), 1)
               if re.match(r'#include "catalog/catalog_store\.hpp"', line)]
    assert not outside, "include catalog/catalog_reads.hpp or catalog_writes.hpp instead:\n" + \
        "\n".join(outside)


def test_catalog_clients_write_no_catalog_sql():
    found = []
    for rel, text in sources(CLIENTS):
        for sql in sql_strings(text):
            for m in CATALOG_TABLE.finditer(sql):
                if not any(sql.startswith(own, m.start()) for own in OWN_ROWS):
                    found.append(f"{rel}: ...{sql[m.start():m.end() + 40]!r}")
    assert not found, "read through catalog/catalog_reads.hpp instead:\n" + "\n".join(found)


def test_the_checks_see_what_they_look_for():
    # Guards the scanners: the catalog's own store includes itself and selects from titles.
    store = (SRC / "catalog" / "catalog_store.cpp").read_text()
    assert '#include "catalog/catalog_store.hpp"' in store
    assert CATALOG_TABLE.search(store)
    assert any(rel.parts[0] == "viewing" for rel, _ in sources(CLIENTS))

"""The documentation stays true: every option the binary knows is in the configuration
table of docs/configuration.md (which README.md links), the README names the two
commands, and every relative link in README.md and docs/*.md points at a file."""
import re
import subprocess
from urllib.parse import unquote

from conftest import KINORA, ROOT

CONFIGURATION = ROOT / "docs" / "configuration.md"


def test_configuration_page_documents_every_option():
    help_text = subprocess.run([str(KINORA), "help"], capture_output=True, text=True, check=True).stdout
    options = re.findall(r"^  (--[a-z-]+) \((KINORA_[A-Z_]+), default (.*)\)$", help_text, re.M)
    assert len(options) >= 15
    page = CONFIGURATION.read_text()
    for flag, env, default in options:
        row = next((l for l in page.splitlines() if l.startswith(f"| `{flag}`")), None)
        assert row, f"docs/configuration.md configuration table lacks {flag}"
        assert f"`{env}`" in row, f"docs/configuration.md row for {flag} does not name {env}"
        # A one-word default (a number, a path, a level) must be the one the binary uses.
        if " " not in default:
            cell = row.split(" | ")[2]
            assert f"`{default}`" in cell, f"docs/configuration.md gives {flag} the default {cell}, kinora help {default}"
    # No row for an option the binary does not know.
    known = {flag for flag, _, _ in options}
    for row in re.findall(r"^\| `(--[a-z-]+)`", page, re.M):
        assert row in known, f"docs/configuration.md documents {row}, which `kinora help` does not list"
    readme = (ROOT / "README.md").read_text()
    assert "(docs/configuration.md" in readme, "README.md does not link docs/configuration.md"


def test_readme_commands_exist():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def _anchors(markdown):
    """GitHub's heading anchors: lower-cased, punctuation dropped, spaces to hyphens."""
    out = set()
    for heading in re.findall(r"^#{1,6} (.+)$", re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S), re.M):
        text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
        out.add(text.replace(" ", "-"))
    return out


def test_relative_links_resolve():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    assert len(pages) > 1
    broken = []
    for page in pages:
        text = page.read_text()
        prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", prose):
            if re.match(r"^[a-z]+:", target):  # http:, https:, mailto:
                continue
            path, _, anchor = target.partition("#")
            file = (page.parent / unquote(path)).resolve() if path else page
            if not file.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
            elif anchor and file.suffix == ".md" and anchor not in _anchors(file.read_text()):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "broken links:\n" + "\n".join(broken)

"""README.md stays true: every option the binary knows is in its configuration table."""
import re
import subprocess

from conftest import KINORA, ROOT


def test_readme_documents_every_option():
    help_text = subprocess.run([str(KINORA), "help"], capture_output=True, text=True, check=True).stdout
    options = re.findall(r"^  (--[a-z-]+) \((KINORA_[A-Z_]+),", help_text, re.M)
    assert len(options) >= 15
    readme = (ROOT / "README.md").read_text()
    for flag, env in options:
        row = next((l for l in readme.splitlines() if l.startswith(f"| `{flag}`")), None)
        assert row, f"README configuration table lacks {flag}"
        assert f"`{env}`" in row, f"README row for {flag} does not name {env}"


def test_readme_commands_exist():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)

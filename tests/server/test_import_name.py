"""The server's import name is ours: a package called ``server`` elsewhere cannot shadow it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_decoy_server_package_first_on_the_path_does_not_shadow_the_app(tmp_path: Path) -> None:
    decoy = tmp_path / "server"
    decoy.mkdir()
    (decoy / "__init__.py").write_text("raise ImportError('the decoy server package was imported')\n")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from rekg_server.app import create_app; import kg.cli; print(create_app.__module__)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "rekg_server.app"

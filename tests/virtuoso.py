"""A real Virtuoso (Debian's ``virtuoso-opensource`` 7.2) on loopback, its database in a folder
of its own: started, stopped, restarted. Used by the remote-store tests and the benchmarks."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx

from kg.store import RemoteConfig

__all__ = ["VIRTUOSO", "Virtuoso"]

VIRTUOSO = shutil.which("virtuoso-t")
"""The server binary, or None where the package is not installed."""

_INI = """[Database]
DatabaseFile = {root}/virtuoso.db
ErrorLogFile = {root}/virtuoso.log
LockFile = {root}/virtuoso.lck
TransactionFile = {root}/virtuoso.trx
xa_persistent_file = {root}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {root}/virtuoso-temp.db
TransactionFile = {root}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {root}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {root}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 100000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 600
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Virtuoso:
    """One Virtuoso server over the database in ``root`` (created on first start); the
    administrator is ``dba``/``dba``, updates go to the digest-protected ``/sparql-auth``."""

    def __init__(self, root: Path, *, memory_gb: float = 0.5):
        if VIRTUOSO is None:
            raise RuntimeError("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
        self.root = root
        self.http_port, self.sql_port = _free_port(), _free_port()
        root.mkdir(parents=True, exist_ok=True)
        buffers = int(memory_gb * 85_000)  # Virtuoso's guide: 85,000 buffers a GB
        (root / "virtuoso.ini").write_text(
            _INI.format(root=root, sql_port=self.sql_port, http_port=self.http_port, buffers=buffers, dirty=buffers * 3 // 4)
        )
        self.process: subprocess.Popen[bytes] | None = None
        self.start()

    @property
    def url(self) -> str:
        """The query endpoint."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def config(self) -> RemoteConfig:
        """How rekg reaches this server: queries at /sparql, updates and graphs with digest auth."""
        base = f"http://127.0.0.1:{self.http_port}"
        return RemoteConfig(self.url, f"{base}/sparql-auth", f"{base}/sparql-graph-crud-auth", "dba", "dba", "digest")

    def env(self) -> dict[str, str]:
        """The configuration as rekg's environment variables (without the REKG_ prefix, as
        ``LiveServer`` takes them)."""
        config = self.config()
        return {
            "store_url": config.query_url,
            "update_url": config.update_url or "",
            "graph_store_url": config.graph_store_url or "",
            "store_user": "dba",
            "store_password": "dba",
            "store_auth": "digest",
        }

    def start(self) -> None:
        """Start the server and wait until its SPARQL endpoint answers."""
        with (self.root / "console.log").open("ab") as log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [VIRTUOSO or "virtuoso-t", "+foreground", "+configfile", str(self.root / "virtuoso.ini")],
                cwd=self.root,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"Virtuoso did not come up: {(self.root / 'virtuoso.log').read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 30 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

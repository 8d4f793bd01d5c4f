"""The notebooks in a real JupyterLab: a server on a loopback port with a token, its REST API, a real kernel.

Nothing is mocked: ``python -m jupyterlab`` runs as a subprocess (no browser), in a copy of the project
(``notebooks/`` and ``corpus/``) so the notebooks run with their own defaults, as a user opening them would,
without writing into the checkout. Its config, data, runtime and IPython folders live in ``tmp_path``, so
nothing from the user's home leaks in. Cells run in a kernel started through ``POST /api/kernels`` and are
executed over the kernel's websocket channels, exactly as JupyterLab's front end does it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
# Safety limits only: they abort a hung server or kernel, they never decide whether a test passes.
STARTUP_LIMIT_S = 300
CELL_LIMIT_S = 600

pytestmark = pytest.mark.slow


class Lab:
    """A running JupyterLab server: its base URL, token and log."""

    def __init__(self, url: str, token: str, log: Path) -> None:
        self.url, self.token, self.log = url, token, log

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, bytes]:
        data = None if body is None else json.dumps(body).encode()
        req = Request(self.url + path, data=data, method=method,
                      headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urlopen(req, timeout=60) as response:
            return response.status, response.read()

    def get(self, path: str) -> Any:
        status, body = self.request("GET", path)
        assert status == 200, (path, status)
        return json.loads(body)


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "notebooks", project / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "corpus", project / "corpus")
    jupyter = tmp_path / "jupyter"
    env = {**os.environ,
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "JUPYTER_CONFIG_DIR": str(jupyter / "config"), "JUPYTER_DATA_DIR": str(jupyter / "data"),
           "JUPYTER_RUNTIME_DIR": str(jupyter / "runtime"), "IPYTHONDIR": str(jupyter / "ipython")}
    token = secrets.token_hex(24)
    log = tmp_path / "jupyterlab.log"
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", "--ServerApp.port=0",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={project}"]
    if os.geteuid() == 0:  # containers and CI often run as root, which JupyterLab refuses unless told
        command.append("--allow-root")
    with open(log, "wb") as out:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        # port=0: the OS picks a free port; the server writes it into its info file in the runtime folder.
        deadline = time.monotonic() + STARTUP_LIMIT_S
        url = None
        data: dict[str, Any] = {}
        while time.monotonic() < deadline and server.poll() is None:
            info = list((jupyter / "runtime").glob(f"jpserver-{server.pid}.json"))
            if info:
                try:
                    data = json.loads(info[0].read_text())
                    url = f"http://127.0.0.1:{data['port']}"
                    with urlopen(Request(url + "/api/status", headers={"Authorization": f"token {token}"}),
                                 timeout=30) as response:
                        if response.status == 200:
                            break
                except (OSError, ValueError, KeyError):
                    pass
            time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not start (exit {server.poll()}):\n{log.read_text(errors='replace')[-3000:]}")
        assert data["token"] == token and data["hostname"] == "127.0.0.1"
        yield Lab(url, token, log)
    finally:
        if server.poll() is None:
            try:
                Lab(url or "http://127.0.0.1:1", token, log).request("POST", "/api/shutdown")  # kernels too
            except OSError:
                server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


class Kernel:
    """A kernel started through the server's REST API, driven over its websocket (the Jupyter protocol)."""

    def __init__(self, lab: Lab, path: str) -> None:
        import websocket  # websocket-client, in the dev extra

        status, body = lab.request("POST", "/api/kernels", {"name": "python3", "path": path})
        assert status == 201, status
        self.id = json.loads(body)["id"]
        self.session = uuid.uuid4().hex
        ws_url = lab.url.replace("http://", "ws://") + f"/api/kernels/{self.id}/channels?session_id={self.session}"
        self.ws = websocket.create_connection(ws_url, header=[f"Authorization: token {lab.token}"],
                                              timeout=CELL_LIMIT_S)

    def execute(self, code: str) -> list[dict[str, Any]]:
        """Run ``code``; returns the iopub messages it caused (outputs, comms, status) and checks the reply."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": self.session,
                       "username": "test", "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ")},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        messages: list[dict[str, Any]] = []
        reply = idle = None
        while reply is None or idle is None:
            message = json.loads(self.ws.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message["channel"] == "shell" and message["msg_type"] == "execute_reply":
                reply = message
            elif message["channel"] == "iopub":
                messages.append(message)
                if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                    idle = message
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        assert reply["content"]["status"] == "ok", (code, errors or reply["content"])
        return messages

    def close(self) -> None:
        self.ws.close()


def _outputs(messages: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [m["content"] for m in messages if m["msg_type"] == kind]


def _stderr(messages: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in _outputs(messages, "stream") if c["name"] == "stderr")


def test_jupyterlab_serves_the_notebooks_and_runs_one_in_a_real_kernel(lab: Lab, tmp_path: Path) -> None:
    # JupyterLab itself (not only a bare Jupyter server) is there: the /lab page and its settings API.
    status, page = lab.request("GET", "/lab")
    assert status == 200 and b"JupyterLab" in page
    assert lab.get("/lab/api/settings")["settings"], "JupyterLab's settings API answers"

    # The notebooks, listed and read through the contents API.
    listing = lab.get("/api/contents/notebooks")
    assert listing["type"] == "directory"
    assert sorted(e["name"] for e in listing["content"] if e["type"] == "notebook") == [p.name for p in NOTEBOOKS]
    name = "04-citations-to-table.ipynb"
    served = lab.get(f"/api/contents/notebooks/{name}?content=1")
    assert served["type"] == "notebook" and served["format"] == "json"
    on_disk = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert [c["source"] for c in served["content"]["cells"]] == [c.source for c in on_disk.cells]
    assert "parameters" in served["content"]["cells"][1]["metadata"]["tags"]

    # Run notebook 04 (needs no model) cell by cell in a kernel whose working folder is notebooks/, with the
    # notebook's own default parameters, as a user who opened it in JupyterLab and pressed "run all".
    kernel = Kernel(lab, "notebooks")
    try:
        results: list[list[dict[str, Any]]] = []
        for cell in served["content"]["cells"]:
            if cell["cell_type"] == "code":
                results.append(kernel.execute(cell["source"]))
        everything = [m for r in results for m in r]
        assert "IProgress not found" not in _stderr(everything)

        # The citations table of the sample corpus: escaped HTML with a row per citation, Arabic right to left.
        tables = [c["data"]["text/html"] for r in results for c in _outputs(r, "display_data") + _outputs(
            r, "execute_result") if "text/html" in c["data"]]
        citations = tables[0]
        assert citations.count("<tr") > 5 and 'dir="rtl"' in citations
        for outlet in ("RT Arabic", "Al Jazeera"):
            assert outlet in citations, outlet
        # The chart cell displays a PNG (inline backend), which JupyterLab shows.
        images = [c for r in results for c in _outputs(r, "display_data") if "image/png" in c["data"]]
        assert len(images) == 1 and len(images[0]["data"]["image/png"]) > 1000
        # The last cell read the saved Parquet back: same table.
        assert _outputs(results[-1], "execute_result")[0]["data"]["text/plain"] == "True"
        assert (tmp_path / "project" / "out" / "04-citations-to-table" / "citations.parquet").is_file()

        # A batch run in the notebook shows its progress as a widget (tqdm's notebook bar), not as text.
        messages = kernel.execute(
            "from translator.corpus.run import run_batch\n"
            f"run_batch('../corpus', {str(tmp_path / 'batch')!r}, translate=False, progress=True).documents")
        assert "IProgress not found" not in _stderr(messages)
        widgets = [c for c in _outputs(messages, "display_data")
                   if "application/vnd.jupyter.widget-view+json" in c["data"]]
        assert widgets, "the progress bar is a widget"
        opened = {c["data"]["state"].get("_model_name") for c in _outputs(messages, "comm_open")}
        assert "FloatProgressModel" in opened
        assert _outputs(messages, "execute_result")[0]["data"]["text/plain"] == str(len(os.listdir(ROOT / "corpus")))
    finally:
        kernel.close()
        lab.request("DELETE", f"/api/kernels/{kernel.id}")

"""A large graph laid out in another process while the build goes on: at thousands of notes
the layout takes seconds (1.75 s at 5,000), and no page needs it, only the graph's file,
written at the end of the build. The worker runs the same `force_layout` on the same input, so
its positions are those the build would have computed; if it cannot be started, fails or
answers with anything but positions of the right shape, the build computes them itself.

The worker is a fresh interpreter (`python -m` this module), not `multiprocessing`: that would
import the program's main module again in the worker, and a script that builds a site without
an `if __name__ == "__main__"` guard would build it again there."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .layout import force_layout

log = logging.getLogger("mkdocs.plugins.garden.connections")

WORKER_NODES = 800
"""From this many nodes on (on a machine of more than one processor), a layout is laid out in
a worker: below, laying it out costs less than starting one (about 0.2 s of the other core)."""

WORKER_SECONDS = 600
"""How long a worker may take (laying out 20,000 notes takes seconds) before the build gives
up on it and lays the graph out itself."""

_ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
"""The worker keeps to one processor: the build goes on on another."""

_PACKAGES = str(Path(__file__).resolve().parents[3])
"""The folder `mkdocs_garden` is imported from, for the worker to run this very code."""


class PendingLayout:
    """Positions being computed, shape (node_count, 2); `result` waits for them."""

    def __init__(self, node_count: int, edges: npt.NDArray[np.int64], seed: int) -> None:
        self.node_count = node_count
        self.edges = edges
        self.seed = seed
        self._positions: npt.NDArray[np.float64] | None = None
        self._input: str | None = None
        self._process: subprocess.Popen[bytes] | None = None
        if node_count >= WORKER_NODES and (os.cpu_count() or 1) > 1:
            self._start()

    def _start(self) -> None:
        handle, self._input = tempfile.mkstemp(suffix=".npy", prefix="garden-edges-")
        try:
            with os.fdopen(handle, "wb") as output:
                np.save(output, self.edges, allow_pickle=False)
            command = [sys.executable, "-m", __name__, str(self.node_count), str(self.seed)]
            environment = {**os.environ, **_ONE_THREAD}
            self._process = subprocess.Popen(
                [*command, self._input],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                env=environment,
                cwd=_PACKAGES,  # `-m` puts it first on the path: this very code is run
            )
        except OSError as error:
            log.debug(f"garden: no worker for the graph's layout ({error})")
            self._process = None
            self._forget_input()

    def result(self) -> npt.NDArray[np.float64]:
        if self._positions is None:
            found = self._from_worker()
            if found is None:
                found = force_layout(self.node_count, self.edges, seed=self.seed)
            self._positions = found
        return self._positions

    def _from_worker(self) -> npt.NDArray[np.float64] | None:
        process, self._process = self._process, None
        if process is None:
            return None
        try:
            output, errors = process.communicate(timeout=WORKER_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            output, errors = b"", b"no answer in time"
            process.communicate()
        finally:
            self._forget_input()
        found: npt.NDArray[np.float64] | None = None
        if process.returncode == 0:
            try:
                found = np.load(io.BytesIO(output), allow_pickle=False)
            except (ValueError, EOFError, OSError):
                found = None
        if found is None or found.dtype != np.float64 or found.shape != (self.node_count, 2):
            message = errors.decode("utf-8", "replace").strip().splitlines()[-1:]
            log.debug(f"garden: the graph's layout worker failed {message}; laid out here")
            return None
        return found

    def cancel(self) -> None:
        """The build stopped: the worker too (`result` would lay the graph out here)."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.communicate()
        self._forget_input()

    def _forget_input(self) -> None:
        if self._input is not None:
            Path(self._input).unlink(missing_ok=True)
            self._input = None


def main(arguments: list[str]) -> None:
    node_count, seed, path = int(arguments[0]), int(arguments[1]), arguments[2]
    edges = np.load(path, allow_pickle=False)
    positions = force_layout(node_count, edges, seed=seed)
    buffer = io.BytesIO()
    np.save(buffer, positions, allow_pickle=False)
    sys.stdout.buffer.write(buffer.getvalue())


if __name__ == "__main__":
    main(sys.argv[1:])

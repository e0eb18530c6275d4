"""Starting Spark for marsad: the master URL checked, Java found, and Spark's own noise kept in a log.

Spark's JVM writes its log (and, on a failed start, its Java stack trace) to the standard error it
inherits. While the session starts, standard error is pointed at a log file, so the JVM and the
Python workers it forks keep writing there for good and the user sees one line from marsad, not
pages from log4j; that line quotes the log's own reason when the start fails.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

# local, local[N], local[*], local[N,F] (F task retries), local-cluster[...], standalone, YARN, Kubernetes
MASTER = re.compile(r"local(\[(\*|[1-9]\d*)(,\d+)?\])?|local-cluster\[\d+,\d+,\d+\]|spark://[^\s/]+(/.*)?|yarn"
                    r"|k8s://\S+")
MASTER_HELP = "local[*], local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT"
DEFAULTS = {
    "spark.ui.showConsoleProgress": "false",     # a progress bar in a log file is only noise
    "spark.sql.session.timeZone": "UTC",         # dates are strings already; nothing may shift them
    "spark.python.worker.reuse": "true",         # one Python worker per core, its models loaded once
}

# A local job's JVM only moves rows between the Python workers, the cache and Parquet (its tasks'
# own CPU was ~1% of the job's on 20,000 articles), but its optimising JIT compiler (C2) spends
# ~8 CPU seconds compiling while the job starts, on the cores the Python workers need: the quick
# compiler alone halves the JVM's CPU at start and per query (20 -> 12.6 s, 1.7 -> 0.8 s measured).
# On a cluster the executors are long-lived JVMs of their own, and this is not set.
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1"


PYSPARK_MISSING = "pyspark is not installed: pip install 'marsad[spark]'"


class SparkUnavailable(Exception):
    """Spark cannot run here (no pyspark, no Java, a master that refused); the text says why, and
    `missing` names what this machine lacks ("pyspark" or "Java"; None when Spark itself failed)."""

    def __init__(self, message: str, missing: str | None = None):
        super().__init__(message)
        self.missing = missing


def check_master(master: str) -> str:
    if not MASTER.fullmatch(master):
        raise ValueError(f"not a Spark master URL: {master!r} (use {MASTER_HELP})")
    return master


def java_missing() -> str | None:
    """Why Spark's JVM cannot start here, or None when a java is found."""
    home = os.environ.get("JAVA_HOME")
    if home:
        return None if Path(home, "bin", "java").exists() else f"JAVA_HOME={home} has no bin/java"
    return None if shutil.which("java") else "java not found (install a JRE 17 or 21, e.g. openjdk-17-jre-headless, or set JAVA_HOME)"


def check_runtime() -> None:
    """SparkUnavailable, saying what to install, unless pyspark imports and a java is found: the
    one check of what Spark needs on this machine, made by `start` and, before it creates anything,
    by the spark command."""
    try:
        import pyspark.sql  # noqa: F401
    except ImportError as e:
        raise SparkUnavailable(PYSPARK_MISSING, missing="pyspark") from e
    problem = java_missing()
    if problem:
        raise SparkUnavailable(problem, missing="Java")


def start(master: str, log: Path, conf: dict[str, str] | None = None):
    """A SparkSession on `master` whose JVM logs to `log`; raises SparkUnavailable with one line."""
    check_runtime()
    from pyspark.sql import SparkSession

    if master.startswith("local"):
        # local workers run this interpreter (its marsad, its models); on a cluster the executors'
        # own Python is named by PYSPARK_PYTHON or spark.pyspark.python (README: cluster section)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        # everything stays on this machine: no bind to (or warning about) the network interface
        conf = {"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1",
                "spark.ui.enabled": "false",                      # a web UI costs a second to start
                "spark.driver.extraJavaOptions": LOCAL_JVM_OPTIONS, **(conf or {})}
    builder = SparkSession.builder.master(master).appName("marsad")
    settings = {**DEFAULTS, **executor_env(), **(conf or {})}
    for key, value in settings.items():
        builder = builder.config(key, value)
    log.parent.mkdir(parents=True, exist_ok=True)
    with stderr_to(log):
        try:
            return builder.getOrCreate()
        except Exception as e:  # py4j and pyspark raise plain Exceptions with pages of Java in them
            raise SparkUnavailable(f"Spark did not start on {master}: {reason(log, e)} (log: {log})") from e


def executor_env() -> dict[str, str]:
    """marsad's settings (MARSAD_GAZETTEER, MARSAD_ACTORS, MARSAD_MAX_…) passed on to executors."""
    return {f"spark.executorEnv.{k}": v for k, v in os.environ.items() if k.startswith("MARSAD_")}


def reason(log: Path, error: BaseException) -> str:
    """The one line that says why: the JVM's exception message from `log`, else the error's first line."""
    try:
        lines = log.read_text("utf-8", "replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        found = re.search(r"(?:Exception|Error)(?: in thread \"\w+\")?[^:]*: (.+)", line)
        if found and not line.startswith("\tat "):
            return found.group(1).strip()
    first = next((ln for ln in str(error).splitlines() if ln.strip()), type(error).__name__)
    return first.strip()[:300]


@contextlib.contextmanager
def stderr_to(log: Path) -> Iterator[None]:
    """File descriptor 2 pointed at `log` (appended) while the block runs: what starts then keeps it."""
    sys.stderr.flush()
    saved = os.dup(2)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.dup2(fd, 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(fd)


def stop(spark) -> None:
    with contextlib.suppress(Exception):     # a session that died already has nothing to stop
        spark.stop()

"""How `marsad` fails: every error the user can meet is one line on stderr, never a traceback.

Exit codes: 2 for a usage error (a bad option, argument or value: fix the command line), 1 for a
failure (a missing database, a file that cannot be written, a missing optional dependency),
130 when interrupted. MARSAD_DEBUG=1 lets anything but a usage error through with its traceback.

The handler sits in the command group's `main`, which both the console script (`marsad.cli:app`)
and typer's test runner call, so tests see exactly what users see.
"""
from __future__ import annotations

import errno
import os
import sqlite3
import sys

import typer
from typer.core import TyperGroup

try:                                    # typer ≥ 0.25 carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:                     # pragma: no cover - older typer on the real click
    from click import exceptions as click_errors


class UserError(Exception):
    """A failure the user can act on; its text is the whole message (exit 1)."""


def sqlite_problem(path: object, e: sqlite3.Error) -> str:
    """One line for an SQLite error on the database `path`, by SQLite's own error code."""
    name = getattr(e, "sqlite_errorname", "") or ""
    if name == "SQLITE_NOTADB":
        return f"{path} is not an SQLite database"
    if name.startswith("SQLITE_READONLY") or "readonly" in str(e):
        return f"cannot write the database {path}: it is read-only"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in str(e):
        return f"cannot open the database {path} (check that its folder exists and is writable)"
    if name.startswith("SQLITE_CORRUPT"):
        return f"the database {path} is damaged ({e})"
    if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR"):
        return f"cannot write the database {path}: {e} (disk full?)"
    return f"database {path}: {e}"


def _is_postgres_error(e: Exception) -> bool:
    return type(e).__module__.split(".")[0] == "psycopg"


def _param_hint(e: click_errors.BadParameter) -> str:
    if isinstance(e.param_hint, str):
        return e.param_hint
    if e.param is not None:
        opts = [o for o in getattr(e.param, "opts", []) if o.startswith("--")] or getattr(e.param, "opts", [])
        if getattr(e.param, "param_type_name", "") == "option" and opts:
            return opts[0]
        return (e.param.name or "").upper()
    return "value"


def usage_line(e: click_errors.UsageError) -> str:
    """A usage error as one line: `--since: not a date (YYYY-MM-DD): 'x'`."""
    if isinstance(e, click_errors.BadParameter) and not isinstance(e, click_errors.MissingParameter):
        return f"{_param_hint(e)}: {e.message}"
    return " ".join(e.format_message().split())


def _command_name(group: TyperGroup, args: list[str]) -> str:
    name = next((a for a in args if a in group.commands), None)
    return f"marsad {name}" if name else "marsad"


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass                            # not a real file (a test runner's buffer): nothing to quiet


class MarsadGroup(TyperGroup):
    """The `marsad` group, with the one error handler every command runs under."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        code = self._run(list(sys.argv[1:] if args is None else args), prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: list[str], prog_name, complete_var, **extra) -> int:
        command = _command_name(self, args)
        debug = os.environ.get("MARSAD_DEBUG", "") not in ("", "0")

        def fail(message: str, code: int = 1) -> int:
            sys.stderr.write(f"{command}: {message}\n")
            sys.stderr.flush()
            return code

        for i, a in enumerate(args, 1):
            try:
                a.encode("utf-8")
            except UnicodeEncodeError:   # undecodable bytes reach Python as lone surrogates
                shown = a.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
                return fail(f"argument {i} is not UTF-8 text ({shown}): marsad reads arguments as UTF-8", 2)
        try:
            rv = super().main(args=args, prog_name=prog_name or "marsad", complete_var=complete_var,
                              standalone_mode=False, **extra)
            sys.stdout.flush()          # a full disk or closed pipe shows here, not at exit
            return rv if isinstance(rv, int) else 0
        except click_errors.NoArgsIsHelpError as e:
            sys.stdout.write(e.ctx.get_help() + "\n")
            return 2
        except click_errors.UsageError as e:
            return fail(f"{usage_line(e)} (see {command} --help)", 2)
        except click_errors.ClickException as e:
            return fail(" ".join(e.format_message().split()), e.exit_code)
        except typer.Abort:
            return fail("aborted", 1)
        except KeyboardInterrupt:
            return fail("interrupted", 130)
        except UserError as e:
            if debug:
                raise
            return fail(str(e))
        except sqlite3.Error as e:
            if debug:
                raise
            return fail(sqlite_problem("(database)", e))
        except OSError as e:
            if e.errno == errno.EPIPE:  # the reader went away (`| head`): nothing left to say
                _quiet_stdout()
                return 1
            if debug:
                raise
            where = f" {e.filename}" if e.filename else " standard output" if e.errno == errno.ENOSPC else ""
            return fail(f"cannot use{where}: {e.strerror or e}")
        except Exception as e:          # a bug: still one line, with the way to see more
            if debug:
                raise
            if _is_postgres_error(e):   # the server went away mid-command, a permission, …
                return fail(f"PostgreSQL: {' '.join(str(e).split())}")
            return fail(f"internal error: {type(e).__name__}: {e} (MARSAD_DEBUG=1 shows the traceback)")

"""Right-to-left text in a terminal.

Terminals differ: GNOME's VTE and Konsole lay out Arabic themselves (logical order is right), most
others (xterm, Windows Terminal, VS Code, iTerm2, tmux panes) print characters left to right, so
Arabic comes out reversed. `rtl()` reorders a line for the latter — Arabic runs reversed, embedded
Latin words and numbers kept left-to-right — and leaves it alone for the former.
MARSAD_BIDI=visual|logical forces either; the default guesses from the terminal.
"""
from __future__ import annotations

import os
import re
import sys

_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_LTR_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.:/%_\-+]*(?:\s+[A-Za-z0-9][A-Za-z0-9.:/%_\-+]*)*")


def bidi_mode(stream=None) -> str:
    mode = os.environ.get("MARSAD_BIDI", "auto").lower()
    if mode in ("visual", "logical"):
        return mode
    stream = stream or sys.stdout
    if not getattr(stream, "isatty", lambda: False)():
        return "logical"              # files and pipes get the text as stored
    if os.environ.get("VTE_VERSION") or os.environ.get("KONSOLE_VERSION") or os.environ.get("MLTERM"):
        return "logical"              # these terminals run the bidi algorithm themselves
    return "visual"


def visual(line: str) -> str:
    """A simple visual reordering of one RTL paragraph line for a left-to-right terminal."""
    parts, pos = [], 0
    for m in _LTR_RUN.finditer(line):
        parts.append(line[pos:m.start()][::-1].translate(_MIRROR))
        parts.append(m.group())
        pos = m.end()
    parts.append(line[pos:][::-1].translate(_MIRROR))
    return "".join(reversed(parts))


def rtl(text: str, stream=None) -> str:
    if bidi_mode(stream) == "logical":
        return text
    return "\n".join(visual(line) for line in text.split("\n"))

"""Install what the browser tests need: Debian's Chromium, never a downloaded browser.

Playwright's own `playwright install` fetches a browser from a CDN this machine cannot
reach, so the tests drive /usr/bin/chromium instead. This script installs it through apt
when it is missing and we are root with apt (with a small CJK font, without which the
screenshots show Chinese as empty boxes); otherwise it says why and exits 0 so that
`make test` goes on and the browser tests skip with that reason.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


CJK_FONT = "fonts-wqy-microhei"


def has_cjk_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    done = subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True)
    return bool(done.stdout.strip())


def install_chromium() -> str:
    """Try apt; return a one-line account of what happened."""
    missing = [pkg for pkg, present in (("chromium", CHROMIUM.exists()), (CJK_FONT, has_cjk_font())) if not present]
    if not missing:
        return f"{CHROMIUM} and a CJK font are present"
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return f"{' and '.join(missing)} missing and not running as root: not installing (browser tests skip without chromium)"
    apt = shutil.which("apt-get")
    if apt is None:
        return f"{' and '.join(missing)} missing and apt-get not found (browser tests skip without chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in ([apt, "update", "-q"], [apt, "install", "-y", "-q", "--no-install-recommends", *missing]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            return f"`{' '.join(cmd[1:])}` failed ({done.returncode}): {tail[0]} (browser tests skip without chromium)"
    return f"installed {', '.join(missing)}; chromium at {CHROMIUM}: {CHROMIUM.exists()}"


def main() -> int:
    print(f"setup_browser: {install_chromium()}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        print("setup_browser: playwright is not importable (pip install playwright): browser tests will skip")
    return 0


if __name__ == "__main__":
    sys.exit(main())

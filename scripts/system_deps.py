"""Make sure the system packages the tests drive are present: Debian's Chromium, Java, npm and fonts.

Playwright never downloads a browser here (that needs the open internet); it drives
/usr/bin/chromium. When a package is missing and we run as root (CI), install it with
apt; otherwise say exactly what to run.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from localsite import TEST_FONTS  # scripts/ is on the path: this file runs as a script

NEEDED = {  # command on PATH -> Debian package that provides it
    "chromium": "chromium",
    "java": "default-jre-headless",
    "npm": "npm",  # installs the pinned HTML checker (package.json)
}


def main() -> int:
    missing = sorted({package for command, package in NEEDED.items() if shutil.which(command) is None}
                     | {package for path, package in TEST_FONTS.items() if not os.path.exists(path)})
    if not missing:
        return 0
    if os.geteuid() != 0:
        print(f"The browser and HTML tests need: {' '.join(missing)}.\n"
              f"Install them with: sudo apt-get install -y {' '.join(missing)}", file=sys.stderr)
        return 1
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"Installing {' '.join(missing)} with apt-get ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())

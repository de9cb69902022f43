#!/usr/bin/env python3
"""Accessibility check of generated report pages with axe-core in a real headless Chromium.

Runs axe-core (bundled by axe-playwright-python) with the rule tags of WCAG 2.0/2.1 levels A
and AA, plus WCAG 2.2 AA (its `target-size` rule), on each HTML file given, in Debian's
Chromium driven by Playwright (no browser is downloaded). Prints every violation with the
elements it concerns; exit 0 when there is none, 1 otherwise, 2 when the check cannot run.

Usage: scripts/a11y.py FILE.html [FILE.html ...]   (scripts/a11y.sh sets up the tools)
"""
import os
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def main(files):
    if not files:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    axe = Axe()
    total = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for f in files:
            page.goto("file://" + os.path.abspath(f))
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
            violations = result.response["violations"]
            total += len(violations)
            print(f"{f}: {len(violations)} violation(s) of {', '.join(TAGS)}")
            for v in violations:
                print(f"  {v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)")
                for n in v["nodes"][:5]:
                    print(f"    {', '.join(map(str, n['target']))}")
        browser.close()
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

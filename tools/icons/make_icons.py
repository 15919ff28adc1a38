"""Draw the site's PNG icons (for the web app manifest) from its favicon, with Chromium.

    /work/main/.venv/bin/python tools/icons/make_icons.py

Writes icon-192.png and icon-512.png (the favicon as it is) and icon-maskable-512.png (the
same figure on a square that fills the icon, the figure inside the central safe circle, for
systems that cut icons to their own shape) into history/core/static/core/img/.
"""

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

IMG = Path(__file__).resolve().parents[2] / "history/core/static/core/img"
FAVICON = (IMG / "favicon.svg").read_text()
# The favicon's colours and figure, on a full square, the figure at 80% of its size.
MASKABLE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" fill="#7a2318"/>'
    '<text x="16" y="21.6" font-family="Georgia, serif" font-size="16" font-weight="700" '
    'text-anchor="middle" fill="#fdfaf4">5</text></svg>'
)
ICONS = [("icon-192.png", FAVICON, 192), ("icon-512.png", FAVICON, 512)]
ICONS.append(("icon-maskable-512.png", MASKABLE, 512))


def main():
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, svg, size in ICONS:
            page = browser.new_page(viewport={"width": size, "height": size})
            sized = svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_content(f'<body style="margin:0">{sized}</body>')
            page.locator("svg").screenshot(path=str(IMG / name), omit_background=True)
            page.close()
            print(IMG / name)
        browser.close()


if __name__ == "__main__":
    main()

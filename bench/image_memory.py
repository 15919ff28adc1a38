"""Peak memory of a worker making renditions of the largest image an upload may have.

Run from the project root:  .venv/bin/python bench/image_memory.py [--pixels N]
It writes a square RGBA PNG of WAGTAILIMAGES_MAX_IMAGE_PIXELS pixels (or N): RGBA costs the
most memory per pixel once decoded, and a smooth picture keeps the file small, as an attacker's
would. Then, for each rendition an upload is first put through (the admin's thumbnails, the
site's {% picture %} sizes), a fresh process with the site's code loaded makes it, and the
script reports that process's resident memory before and at its peak.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "")

# The admin's listing and edit-page thumbnails, then the largest of the site's own sizes.
SPECS = [
    "max-165x165",
    "max-800x600",
    "width-1200|format-jpeg",
    "width-1200|format-webp",
    "width-1200|format-avif",
]


def memory_mb(field):
    """VmRSS (resident now) or VmHWM (peak resident) of this process, from /proc (Linux).
    Not ru_maxrss: it survives exec, so it would carry the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def reset_peak():
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM back to the current VmRSS


def make_png(path, pixels):
    from PIL import Image

    side = math.isqrt(pixels)
    # A smooth gradient in every channel: compresses to a small file, decodes to side² x 4 bytes.
    gradient = Image.linear_gradient("L").resize((side, side))
    Image.merge("RGBA", [gradient, gradient.rotate(90), gradient, gradient]).save(path)
    return side


def measure(path, spec):
    """In this (fresh) process: load the site's code, warm the image libraries on a tiny
    image, then make `spec` from `path`. Prints {"before": MB, "peak": MB}."""
    import django

    django.setup()
    from django.core.files import File
    from PIL import Image as PILImage
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter
    from wagtail.images.tests.utils import get_test_image_file

    image_model = get_image_model()
    # (collection_id given: the default would look up the root collection in the database)
    warm = image_model(file=get_test_image_file(), width=640, height=480, collection_id=1)
    for warm_spec in SPECS:
        warm.generate_rendition_file(Filter(warm_spec))
    before = memory_mb("VmRSS")
    reset_peak()
    with open(path, "rb") as handle, PILImage.open(path) as opened:
        width, height = opened.size  # read from the header, as the upload form does
        image = image_model(file=File(handle, name=Path(path).name), collection_id=1)
        image.width, image.height = width, height
        image.generate_rendition_file(Filter(spec), source=File(handle))
    print(json.dumps({"before": round(before), "peak": round(memory_mb("VmHWM"))}))


def main():
    import django

    django.setup()
    from django.conf import settings

    parser = argparse.ArgumentParser()
    parser.add_argument("--pixels", type=int, default=settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "largest.png"
        side = make_png(path, args.pixels)
        print(
            f"{side} x {side} RGBA PNG ({side * side / 1e6:.1f} million pixels, "
            f"{path.stat().st_size / 1024:.0f} KB); limit "
            f"{settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS / 1e6:g} million pixels"
        )
        print("| rendition | before, MB | peak, MB | growth, MB |")
        print("|---|---|---|---|")
        for spec in SPECS:
            result = subprocess.run(
                [sys.executable, __file__, "--measure", str(path), spec],
                capture_output=True,
                text=True,
                check=True,
            )
            numbers = json.loads(result.stdout.strip().splitlines()[-1])
            growth = numbers["peak"] - numbers["before"]
            print(f"| `{spec}` | {numbers['before']} | {numbers['peak']} | {growth} |")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        measure(sys.argv[2], sys.argv[3])
    else:
        main()

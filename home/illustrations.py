"""Flat illustrations for the demo content (kit covers, articles, local actions), drawn
with Pillow: a sky, hills, a few people and the object of the action (boxes for a
collection, a finish line for a run…). Deliberate pictures rather than placeholders, made
here so that nothing is downloaded or licensed. The same seed gives the same picture."""

import io
import random

from PIL import Image, ImageDraw

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 800
SCALE = 2  # drawn twice as large, then reduced: smooth edges

PALETTES = [
    # sky, far hill, near hill, ground, accent, warm
    ("#e3f1ee", "#8fc4ba", "#2f8a7e", "#0c5c55", "#b3400b", "#f2b544"),
    ("#fbeadf", "#f0b59a", "#d9774e", "#8a3a17", "#0c5c55", "#f2d16b"),
    ("#e8eef8", "#9db6dc", "#4f77b5", "#2b4a7e", "#e0653a", "#f5c04a"),
    ("#f3f1ea", "#c9d9a5", "#7fa650", "#44692a", "#c2410c", "#f0c75e"),
    ("#fdf1d6", "#f3c97a", "#d6913b", "#7a4b12", "#1f6f8b", "#e85d4a"),
]
SKIN = ["#f1c7a5", "#d9a27c", "#a8704b", "#7a4a2e", "#e8b896"]
CLOTHES = ["#0c5c55", "#b3400b", "#1f6f8b", "#6b3fa0", "#d6913b", "#2f8a7e", "#c2410c"]


def illustration(seed, motif="people"):
    """JPEG bytes of a 1200 × 800 picture for `seed` (a title), around `motif`: one of
    collect, run, stand, breakfast, workshop, online, meeting, nature, people."""
    rng = random.Random(seed)  # noqa: S311 (a picture, not a secret)
    sky, far, near, ground, accent, warm = rng.choice(PALETTES)
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), sky)
    draw = ImageDraw.Draw(image)

    def box(x0, y0, x1, y1):
        return [round(v * SCALE) for v in (x0, y0, x1, y1)]

    sun_x = rng.randint(150, 1050)
    draw.ellipse(box(sun_x - 70, 90, sun_x + 70, 230), fill=warm)
    draw.ellipse(box(-300, 380, 800, 900), fill=far)
    draw.ellipse(box(500, 420, 1600, 1000), fill=far)
    draw.ellipse(box(-200, 500, 1400, 1200), fill=near)
    draw.rectangle(box(0, 640, WIDTH, HEIGHT), fill=ground)

    MOTIFS.get(motif, _nothing)(draw, box, rng, accent, warm)
    for index in range(rng.randint(3, 5)):
        _person(draw, box, 180 + index * 190 + rng.randint(-30, 30), 640, rng)

    picture = image.resize((WIDTH, HEIGHT), Image.LANCZOS)
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=86, optimize=True)
    return output.getvalue()


def _points(*coordinates):
    return [round(value * SCALE) for value in coordinates]


def _person(draw, box, x, floor, rng):
    height = rng.randint(150, 200)
    body = rng.choice(CLOTHES)
    draw.rounded_rectangle(box(x - 34, floor - height + 46, x + 34, floor - 30), radius=28 * SCALE, fill=body)
    draw.rectangle(box(x - 24, floor - 40, x - 8, floor), fill="#1d2327")
    draw.rectangle(box(x + 8, floor - 40, x + 24, floor), fill="#1d2327")
    draw.ellipse(box(x - 26, floor - height, x + 26, floor - height + 52), fill=rng.choice(SKIN))


def _collect(draw, box, rng, accent, warm):
    for column in range(3):
        for row in range(3 - column % 2):
            x, y = 760 + column * 120, 560 - row * 90
            draw.rectangle(box(x, y, x + 110, y + 80), fill="#c8935a", outline="#7a4b12", width=6)
            draw.line(box(x, y + 20, x + 110, y + 20), fill="#7a4b12", width=6)


def _run(draw, box, rng, accent, warm):
    for lane in range(4):
        draw.line(box(0, 660 + lane * 36, WIDTH, 690 + lane * 30), fill="#ffffff", width=6)
    draw.rectangle(box(880, 360, 900, 660), fill="#ffffff")
    draw.rectangle(box(1120, 360, 1140, 660), fill="#ffffff")
    draw.rectangle(box(880, 360, 1140, 420), fill=accent)


def _stand(draw, box, rng, accent, warm):
    draw.polygon(_points(820, 330, 1120, 330, 970, 230), fill=accent)
    draw.rectangle(box(965, 330, 975, 560), fill="#1d2327")
    draw.rectangle(box(800, 520, 1140, 560), fill="#ffffff")
    draw.rectangle(box(820, 560, 1120, 640), fill=warm)


def _breakfast(draw, box, rng, accent, warm):
    draw.rectangle(box(700, 520, 1150, 550), fill="#ffffff")
    draw.rectangle(box(720, 550, 740, 640), fill="#7a4b12")
    draw.rectangle(box(1110, 550, 1130, 640), fill="#7a4b12")
    for index in range(4):
        x = 740 + index * 100
        draw.rounded_rectangle(box(x, 460, x + 50, 520), radius=16 * SCALE, fill=accent)
        draw.ellipse(box(x + 50, 470, x + 75, 500), outline=accent, width=8)


def _workshop(draw, box, rng, accent, warm):
    # The first-aid sign (white cross on green, ISO 7010 E003), not the protected red cross.
    draw.rounded_rectangle(box(840, 250, 1120, 530), radius=40 * SCALE, fill="#1e6b34")
    draw.rectangle(box(950, 290, 1010, 490), fill="#ffffff")
    draw.rectangle(box(880, 360, 1080, 420), fill="#ffffff")


def _online(draw, box, rng, accent, warm):
    draw.rounded_rectangle(box(780, 300, 1140, 540), radius=18 * SCALE, fill="#1d2327")
    draw.rectangle(box(800, 320, 1120, 520), fill="#9db6dc")
    for index in range(3):
        draw.ellipse(box(830 + index * 100, 380, 900 + index * 100, 450), fill=CLOTHES[index])
    draw.polygon(_points(740, 540, 1180, 540, 1220, 580, 700, 580), fill="#4a555c")


def _meeting(draw, box, rng, accent, warm):
    draw.ellipse(box(760, 500, 1160, 600), fill="#ffffff")
    for index in range(3):
        x = 840 + index * 110
        draw.rounded_rectangle(box(x, 470, x + 40, 520), radius=12 * SCALE, fill=accent)


def _nature(draw, box, rng, accent, warm):
    for index in range(3):
        x = 820 + index * 130
        draw.rectangle(box(x - 12, 440, x + 12, 640), fill="#7a4b12")
        draw.ellipse(box(x - 80, 300, x + 80, 470), fill="#44692a")
    draw.rounded_rectangle(box(700, 560, 790, 640), radius=14 * SCALE, fill=accent)


def _nothing(draw, box, rng, accent, warm):
    pass


MOTIFS = {
    "collect": _collect,
    "run": _run,
    "stand": _stand,
    "breakfast": _breakfast,
    "workshop": _workshop,
    "online": _online,
    "meeting": _meeting,
    "nature": _nature,
}


def demo_image(title, motif, alt_text=""):
    """A Wagtail image of `illustration(title, motif)`, for the demo's pages."""
    data = ContentFile(illustration(title, motif), name=f"{slugify(title)[:60] or 'illustration'}.jpg")
    image = get_image_model()(title=title, description=alt_text, file=ImageFile(data, name=data.name))
    image.save()  # assigning an ImageFile set its width and height
    return image

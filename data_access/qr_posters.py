"""Printable QR posters: one per unit, linking to its survey form (?unit=CODE), as PNG or PDF (A5, 150 dpi)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import qrcode
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import Engine, select

from data_access import schema

# A5 at 150 dpi: large enough to scan from a counter, small enough to print anywhere.
PAGE_SIZE = (874, 1240)
MARGIN = 60
SURVEY_PATH = "survei"
INSTRUCTION = (
    "Bantu kami memperbaiki layanan. Pindai kode QR ini dengan kamera ponsel dan isi Survei Kepuasan "
    "Masyarakat: 9 pertanyaan singkat, tanpa nama, kurang dari 2 menit."
)
HEADING = "SURVEI KEPUASAN MASYARAKAT"
FORMATS = ("png", "pdf")


class UnknownUnit(LookupError):
    """A unit code that is not an active unit in the database."""


def survey_link(base_url: str, unit_code: str) -> str:
    """The survey form's address for a unit, e.g. https://dasbor.example/survei?unit=3575-MPP."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"base URL must start with http:// or https://: {base_url!r}")
    return f"{base_url.rstrip('/')}/{SURVEY_PATH}?{urlencode({'unit': unit_code})}"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _centered(draw: ImageDraw.ImageDraw, y: int, text: str, font, fill="#1b1f23") -> int:
    width = draw.textlength(text, font=font)
    draw.text(((PAGE_SIZE[0] - width) / 2, y), text, font=font, fill=fill)
    return y + int(font.size * 1.3)


def poster(unit_name: str, link: str) -> Image.Image:
    """The poster image: heading, unit name, QR code, instruction and the link in plain text."""
    page = Image.new("RGB", PAGE_SIZE, "white")
    draw = ImageDraw.Draw(page)
    y = _centered(draw, MARGIN, HEADING, _font(40), fill="#0b5c8a")
    for line in textwrap.wrap(unit_name, width=30):
        y = _centered(draw, y + 10, line, _font(44))
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=10)
    code.add_data(link)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
    side = PAGE_SIZE[0] - 2 * MARGIN - 120
    image = image.resize((side, side), Image.NEAREST)
    page.paste(image, ((PAGE_SIZE[0] - side) // 2, y + 30))
    y += side + 60
    for line in textwrap.wrap(INSTRUCTION, width=42):
        y = _centered(draw, y, line, _font(28))
    _centered(draw, y + 20, link, _font(20), fill="#555555")
    return page


def _file_stem(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]", "_", code)


def write_posters(engine: Engine, base_url: str, out_dir: Path, unit_code: str | None = None,
                  fmt: str = "png") -> list[Path]:
    """Write one poster per active unit (or just `unit_code`) into out_dir; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    units = schema.service_units
    query = select(units.c.code, units.c.name).where(units.c.active.is_(True)).order_by(units.c.code)
    if unit_code:
        query = query.where(units.c.code == unit_code)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    if unit_code and not rows:
        raise UnknownUnit(unit_code)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for code, name in rows:
        path = out_dir / f"survei-{_file_stem(code)}.{fmt}"
        image = poster(name, survey_link(base_url, code))
        if fmt == "pdf":
            image.save(path, "PDF", resolution=150)
        else:
            image.save(path, "PNG", dpi=(150, 150))
        written.append(path)
    return written

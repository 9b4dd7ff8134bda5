"""`python -m data_access qr`: one scannable poster per unit, whose QR code opens that unit's survey form."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from data_access.qr_posters import survey_link
from tests.factories import add_unit

ROOT = Path(__file__).resolve().parent.parent


def _qr(db_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data_access", "--url", db_url, "qr", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_every_active_unit_gets_a_poster_whose_code_scans_to_its_form(engine, db_url, tmp_path):
    add_unit(engine, "3575-MPP", name="Mal Pelayanan Publik Kota Pasuruan", kind="mpp")
    add_unit(engine, "3514-PKM-TOSARI", region="35.14", name="Puskesmas Tosari")
    add_unit(engine, "3514-OLD", region="35.14", active=False)
    out = tmp_path / "posters"
    done = _qr(db_url, "--base-url", "https://dasbor.example.go.id/", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["posters"] == 2
    scanned = {
        path.name: [code.text for code in zxingcpp.read_barcodes(Image.open(path))]
        for path in sorted(out.glob("*.png"))
    }
    assert scanned == {
        "survei-3514-PKM-TOSARI.png": ["https://dasbor.example.go.id/survei?unit=3514-PKM-TOSARI"],
        "survei-3575-MPP.png": ["https://dasbor.example.go.id/survei?unit=3575-MPP"],
    }


def test_one_unit_as_pdf(engine, db_url, tmp_path):
    add_unit(engine, "3575-MPP", kind="mpp")
    done = _qr(db_url, "--base-url", "http://127.0.0.1:8501", "--unit", "3575-MPP", "--out", str(tmp_path),
               "--format", "pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "survei-3575-MPP.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_unit_and_bad_base_url_are_refused(engine, db_url, tmp_path):
    add_unit(engine, "3575-MPP", kind="mpp")
    out = tmp_path / "posters"
    assert _qr(db_url, "--base-url", "http://x", "--unit", "3575-NOPE", "--out", str(out)).returncode == 2
    assert _qr(db_url, "--base-url", "javascript:alert(1)", "--out", str(out)).returncode == 2
    assert not out.exists() or not list(out.iterdir())


def test_survey_link_encodes_the_code():
    assert survey_link("https://a.b/dasbor", "3575-MPP") == "https://a.b/dasbor/survei?unit=3575-MPP"
    with pytest.raises(ValueError):
        survey_link("ftp://a.b", "X")

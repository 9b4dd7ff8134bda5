"""Reference data from DOMAIN.md §3–4, loaded by `init`: regions, their 28 kecamatan, published Ombudsman scores."""

from __future__ import annotations

REGIONS: tuple[dict, ...] = (
    {
        "code": "35.14",
        "name": "Kabupaten Pasuruan",
        "kind": "kabupaten",
        "area_km2": 1493.16,
        "population": 1_665_922,
        "population_year": 2025,
        "centroid_lat": -7.7424,
        "centroid_lng": 112.8318,
    },
    {
        "code": "35.75",
        "name": "Kota Pasuruan",
        "kind": "kota",
        "area_km2": 39.11,
        "population": 213_469,
        "population_year": 2025,
        "centroid_lat": -7.6496,
        "centroid_lng": 112.9100,
    },
)
REGION_CODES: tuple[str, ...] = tuple(r["code"] for r in REGIONS)

_KABUPATEN_KECAMATAN = """
01 Purwodadi -7.8138 112.7356
02 Tutur -7.8846 112.8250
03 Puspo -7.8516 112.8864
04 Lumbang -7.8191 112.9854
05 Pasrepan -7.7915 112.8727
06 Kejayan -7.7395 112.8435
07 Wonorejo -7.7150 112.7894
08 Purwosari -7.7628 112.7082
09 Sukorejo -7.6931 112.7306
10 Prigen -7.7067 112.6409
11 Pandaan -7.6496 112.7076
12 Gempol -7.5942 112.6813
13 Beji -7.5983 112.7434
14 Bangil -7.5858 112.8126
15 Rembang -7.6454 112.7963
16 Kraton -7.6427 112.8528
17 Pohjentrek -7.6635 112.8712
18 Gondangwetan -7.7086 112.9117
19 Winongan -7.7491 112.9448
20 Grati -7.7382 113.0026
21 Nguling -7.7187 113.0535
22 Lekok -7.6752 113.0085
23 Rejoso -7.6792 112.9505
24 Tosari -7.8997 112.9042
"""

_KOTA_KECAMATAN = """
01 Gadingrejo -7.6407 112.8863
02 Purworejo -7.6654 112.8976
03 Bugul_Kidul -7.6506 112.9293
04 Panggungrejo -7.6397 112.9132
"""


def _parse(region_code: str, block: str) -> list[dict]:
    rows = []
    for line in block.strip().splitlines():
        number, name, lat, lng = line.split()
        rows.append(
            {
                "code": f"{region_code}.{number}",
                "region_code": region_code,
                "name": name.replace("_", " "),
                "centroid_lat": float(lat),
                "centroid_lng": float(lng),
                "population": None,
            }
        )
    return rows


KECAMATAN: tuple[dict, ...] = tuple(_parse("35.14", _KABUPATEN_KECAMATAN) + _parse("35.75", _KOTA_KECAMATAN))

# Published compliance scores (DOMAIN.md §3), with the source as given there.
OMBUDSMAN_SCORES: tuple[dict, ...] = (
    {"entity": "Kabupaten Pasuruan", "region_code": "35.14", "year": 2023, "score": 89.44,
     "note": "zona hijau", "source": "press, Dec 2024"},
    {"entity": "Kabupaten Pasuruan", "region_code": "35.14", "year": 2024, "score": 97.35,
     "note": "zona hijau, kualitas tertinggi, peringkat 25 dari 416 kabupaten", "source": "Ombudsman RI 2024"},
    {"entity": "Kota Pasuruan", "region_code": "35.75", "year": 2021, "score": 56.16,
     "note": "zona kuning", "source": "Pemkot Pasuruan, May 2022"},
    {"entity": "Kota Pasuruan", "region_code": "35.75", "year": 2023, "score": 93.24,
     "note": "nilai A", "source": "local news, Mar 2025"},
    {"entity": "Kota Pasuruan", "region_code": "35.75", "year": 2024, "score": 98.22,
     "note": "nilai A, zona hijau kualitas tertinggi", "source": "local news, Mar 2025"},
    {"entity": "Kota Balikpapan", "region_code": None, "year": 2021, "score": 99.25,
     "note": "peringkat pertama kota", "source": "Ombudsman RI dialogue, Mar 2022"},
    {"entity": "Kota Pontianak", "region_code": None, "year": 2022, "score": 98.78,
     "note": "peringkat kedua nasional (dilaporkan Nov 2022)", "source": "local news, Nov 2022"},
)

# Kinds of service unit, in the order lists and filters show them.
UNIT_KINDS: tuple[str, ...] = ("mpp", "opd", "rsud", "puskesmas", "kecamatan", "kelurahan", "desa")
# Unit codes travel in URLs (?unit=CODE): upper-case letters, digits and dashes only.
UNIT_CODE_PATTERN = r"^[A-Z0-9][A-Z0-9-]{1,39}$"
# A generous box around both regions; coordinates outside it are typing errors.
LATITUDE_RANGE = (-8.05, -7.45)
LONGITUDE_RANGE = (112.55, 113.15)

"""The demo's service units (DOMAIN.md §4.1): both regions, every kind, the same whatever the seed.

Places are kelurahan/desa centroids (Kemendagri codes); a unit that shares a place with another stands a little
off it, so markers do not hide each other. Addresses and user numbers are plausible, not official.
"""

from __future__ import annotations

from dataclasses import dataclass
from zlib import crc32

from data_access.reference import KECAMATAN

# Kelurahan (number 1xxx) and desa (2xxx) the units stand in: code, name, centroid lat, lng.
_PLACES = """
35.14.01.2001 Gerbo -7.8536 112.7722
35.14.01.2005 Purwodadi -7.8085 112.7333
35.14.02.2008 Tutur -7.8719 112.8071
35.14.02.2011 Sumberpitu -7.8343 112.8096
35.14.03.2004 Puspo -7.8365 112.8701
35.14.04.2007 Lumbang -7.8174 112.9677
35.14.05.2005 Sibon -7.7809 112.8945
35.14.05.2011 Pasrepan -7.773 112.8814
35.14.06.1024 Kejayan -7.7016 112.8786
35.14.06.2017 Tanggulangin -7.7159 112.8587
35.14.07.2005 Wonorejo -7.7172 112.799
35.14.07.2008 Jatigunting -7.714 112.7753
35.14.08.1006 Purwosari -7.7672 112.7411
35.14.08.2002 Sekarmojo -7.7752 112.7063
35.14.09.2004 Sukorejo -7.7258 112.7251
35.14.09.2011 Tanjungarum -7.6834 112.6964
35.14.10.1007 Ledug -7.7242 112.635
35.14.10.1008 Pecalukan -7.7273 112.6073
35.14.10.1009 Prigen -7.6873 112.6331
35.14.11.1006 Kutorejo -7.6529 112.7084
35.14.11.1007 Jogosari -7.6566 112.7006
35.14.11.1008 Petungasri -7.6555 112.6883
35.14.11.1011 Pandaan -7.6486 112.6966
35.14.11.2009 Sumbergedang -7.6496 112.6747
35.14.11.2013 Kebonwaris -7.6434 112.718
35.14.12.2004 Kepulungan -7.6191 112.6907
35.14.12.2010 Watukosek -7.5721 112.6645
35.14.12.2015 Gempol -7.551 112.7009
35.14.13.1013 Glanggang -7.5839 112.7805
35.14.13.1014 Pagak -7.5858 112.7673
35.14.13.2001 Baujeng -7.6244 112.7325
35.14.13.2006 Gununggangsir -7.5889 112.7239
35.14.13.2012 Beji -7.5963 112.7549
35.14.14.1001 Kolursari -7.611 112.7754
35.14.14.1002 Kiduldalem -7.6014 112.783
35.14.14.1003 Pogar -7.5962 112.7746
35.14.14.1004 Kauman -7.5934 112.7807
35.14.14.1005 Bendomungal -7.5915 112.786
35.14.14.1006 Kersikan -7.5952 112.789
35.14.14.1007 Gempeng -7.5983 112.7951
35.14.14.1008 Dermo -7.6077 112.794
35.14.14.1009 Latek -7.6057 112.8023
35.14.14.1012 Kalianyar -7.5704 112.8231
35.14.14.1014 Kalirejo -7.5823 112.7918
35.14.14.2010 Masangan -7.5888 112.8223
35.14.14.2011 Raci -7.5952 112.8366
35.14.15.2009 Rembang -7.6458 112.8039
35.14.15.2016 Pandean -7.6181 112.824
35.14.16.2012 Ngempit -7.6651 112.8439
35.14.16.2021 Semare -7.6045 112.8778
35.14.16.2022 Kraton -7.6231 112.8784
35.14.17.2002 Warungdowo -7.6865 112.8809
35.14.17.2003 Pleret -7.6773 112.8828
35.14.18.1016 Gondang_Wetan -7.6961 112.9079
35.14.19.2017 Winongan_Lor -7.7229 112.962
35.14.20.1005 Gratitunon -7.7285 113.0005
35.14.20.2004 Plososari -7.758 113.0269
35.14.20.2006 Kalipang -7.7452 113.0035
35.14.21.2005 Nguling -7.7129 113.0783
35.14.22.2008 Jatirejo -7.6635 112.9919
35.14.23.2003 Ketegan -7.7101 112.9535
35.14.23.2007 Rejoso_Kidul -7.6879 112.9371
35.14.24.2004 Tosari -7.892 112.9012
35.14.24.2006 Baledono -7.8616 112.8923
35.75.01.1001 Karangketug -7.6311 112.8828
35.75.01.1002 Gentong -7.6424 112.8938
35.75.01.1003 Sebani -7.6454 112.8888
35.75.01.1004 Petahunan -7.6407 112.8854
35.75.01.1005 Bukir -7.6547 112.8853
35.75.01.1006 Randusari -7.639 112.8802
35.75.01.1007 Krapyakrejo -7.6498 112.8771
35.75.01.1009 Gadingrejo -7.6317 112.8976
35.75.02.1001 Pohjentrek -7.666 112.889
35.75.02.1002 Wirogunan -7.6713 112.8958
35.75.02.1003 Tembokrejo -7.6747 112.8997
35.75.02.1004 Purutrejo -7.6615 112.902
35.75.02.1005 Kebonagung -7.6569 112.8944
35.75.02.1006 Purworejo -7.6504 112.899
35.75.02.1011 Sekargadung -7.6763 112.9049
35.75.03.1001 Blandongan -7.649 112.9365
35.75.03.1002 Kepel -7.6426 112.9333
35.75.03.1003 Tapa'an -7.6447 112.9247
35.75.03.1005 Bakalan -7.6716 112.9167
35.75.03.1006 Krampyangan -7.6633 112.9103
35.75.03.1009 Bugul_Kidul -7.6534 112.9145
35.75.04.1001 Karanganyar -7.6394 112.901
35.75.04.1002 Tamba'an -7.6301 112.9078
35.75.04.1003 Trajeng -7.6357 112.9081
35.75.04.1004 Bangilan -7.6405 112.9091
35.75.04.1005 Kebonsari -7.6435 112.9053
35.75.04.1006 Mayangan -7.6371 112.9125
35.75.04.1007 Ngemplakrejo -7.6306 112.9142
35.75.04.1008 Petamanan -7.657 112.907
35.75.04.1009 Pekuncen -7.6494 112.9091
35.75.04.1010 Bugul_Lor -7.6428 112.9184
35.75.04.1011 Kandangsapi -7.6423 112.9119
35.75.04.1012 Panggungrejo -7.6312 112.9226
35.75.04.1013 Mandaranrejo -7.6352 112.9245
"""

# Puskesmas: name, then the place it stands in, or a kecamatan code where no place point is given.
_PUSKESMAS = """
Purwodadi 35.14.01.2005
Tutur 35.14.02.2008
Puspo 35.14.03.2004
Lumbang 35.14.04.2007
Pasrepan 35.14.05.2011
Kejayan 35.14.06.1024
Wonorejo 35.14.07.2005
Purwosari 35.14.08.1006
Sekarmojo 35.14.08.2002
Sukorejo 35.14.09.2004
Prigen 35.14.10.1009
Ledug 35.14.10.1007
Pandaan 35.14.11.1011
Kebonwaris 35.14.11.2013
Gempol 35.14.12.2015
Kepulungan 35.14.12.2004
Beji 35.14.13.2012
Gununggangsir 35.14.13.2006
Bangil 35.14.14.1004
Raci 35.14.14.2011
Rembang 35.14.15.2009
Kraton 35.14.16.2022
Ngempit 35.14.16.2012
Pohjentrek 35.14.17
Warungdowo 35.14.17.2002
Gondangwetan 35.14.18.1016
Winongan 35.14.19.2017
Grati 35.14.20.1005
Kalipang 35.14.20.2006
Nguling 35.14.21.2005
Lekok 35.14.22
Rejoso 35.14.23.2007
Tosari 35.14.24.2004
Gadingrejo 35.75.01.1009
Karangketug 35.75.01.1001
Kebonagung 35.75.02.1005
Sekargadung 35.75.02.1011
Bugul_Kidul 35.75.03.1009
Kebonsari 35.75.04.1005
Kandangsapi 35.75.04.1011
Trajeng 35.75.04.1003
"""

# Only some of the Kabupaten's 341 kantor desa: enough to show the smallest units.
_DESA_OFFICES = (
    "35.14.01.2001", "35.14.02.2011", "35.14.05.2005", "35.14.06.2017", "35.14.07.2008", "35.14.09.2011",
    "35.14.11.2009", "35.14.12.2010", "35.14.13.2001", "35.14.14.2010", "35.14.15.2016", "35.14.16.2021",
    "35.14.17.2003", "35.14.20.2004", "35.14.22.2008", "35.14.23.2003", "35.14.24.2006",
)

_PEMKAB = "Kompleks Perkantoran Pemkab Pasuruan, Jl. Raya Raci Km 9, Desa Raci, Kec. Bangil"
_MPP_KOTA = "Jl. KH. Wachid Hasyim, Kel. Kebonsari, Kec. Panggungrejo"

# Units located by DOMAIN.md or by their office complex: code, name, kind, kecamatan, address, lat, lng, users/year.
_NAMED_UNITS = (
    ("3514-MPP", "Mal Pelayanan Publik Graha Pelayanan Publik Kabupaten Pasuruan", "mpp", "35.14.14",
     _PEMKAB, -7.595, 112.837, 96_000),
    ("3514-DPMPTSP", "Dinas Penanaman Modal dan PTSP Kabupaten Pasuruan", "opd", "35.14.14",
     _PEMKAB, -7.5957, 112.8381, 18_500),
    ("3514-DISPENDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pasuruan", "opd", "35.14.14",
     _PEMKAB, -7.5941, 112.8359, 124_000),
    ("3514-DINKES", "Dinas Kesehatan Kabupaten Pasuruan", "opd", "35.14.14",
     _PEMKAB, -7.5966, 112.8362, 6_200),
    ("3514-DINSOS", "Dinas Sosial Kabupaten Pasuruan", "opd", "35.14.14",
     _PEMKAB, -7.5936, 112.8384, 27_000),
    ("3514-DISPENDIKBUD", "Dinas Pendidikan dan Kebudayaan Kabupaten Pasuruan", "opd", "35.14.14",
     _PEMKAB, -7.5972, 112.8377, 9_800),
    ("3514-RSUD-BANGIL", "RSUD Bangil", "rsud", "35.14.14",
     "Jl. Raya Raci (samping Gedung DPRD), Desa Masangan, Kec. Bangil", -7.59, 112.82, 88_000),
    ("3575-MPP", "Mal Pelayanan Publik Kota Pasuruan", "mpp", "35.75.04",
     _MPP_KOTA, -7.6435, 112.9053, 42_000),
    ("3575-DPMPTSP", "Dinas Penanaman Modal dan PTSP Kota Pasuruan", "opd", "35.75.04",
     _MPP_KOTA, -7.6439, 112.9058, 5_400),
    ("3575-DISPENDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan", "opd", "35.75.04",
     "Jl. Pahlawan, Kel. Pekuncen, Kec. Panggungrejo", -7.6488, 112.9098, 31_000),
    ("3575-DINKES", "Dinas Kesehatan Kota Pasuruan", "opd", "35.75.04",
     "Jl. Ir. H. Juanda, Kec. Panggungrejo", -7.6452, 112.9121, 2_900),
    ("3575-RSUD-SOEDARSONO", "RSUD dr. R. Soedarsono", "rsud", "35.75.02",
     "Jl. Dr. Wahidin Sudirohusodo No. 1, Kel. Purutrejo, Kec. Purworejo", -7.6615, 112.902, 64_000),
)

# DOMAIN.md gives Puskesmas Tosari its own point, a little off the desa centroid.
_EXACT_POINTS = {"3514-PKM-TOSARI": (-7.8814, 112.9008)}

# Service users per year by kind: a plausible range the per-unit value is spread over.
_USER_RANGES = {
    "puskesmas": (7_000, 32_000),
    "kecamatan": (2_500, 9_000),
    "kelurahan": (400, 4_000),
    "desa": (250, 2_200),
}
# Big units always publish their numbers; of the others about one in ten leaves it unknown.
_ALWAYS_PUBLISHED = ("mpp", "opd", "rsud")
# Markers of units sharing a place stand up to this far off it (degrees, < 0.01 as promised to the map).
_MAX_OFFSET = 0.004


@dataclass(frozen=True)
class DemoUnit:
    code: str
    name: str
    kind: str
    kecamatan_code: str
    address: str
    latitude: float
    longitude: float
    users: int  # service users per year: drives the demo's volumes even where unpublished
    users_published: bool  # False: the dashboard must say "population unknown"

    @property
    def region_code(self) -> str:
        return self.kecamatan_code[:5]

    def row(self) -> dict:
        """The service_units row."""
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "region_code": self.region_code,
            "kecamatan_code": self.kecamatan_code,
            "address": self.address,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "annual_users": self.users if self.users_published else None,
            "active": True,
        }


def _stable_fraction(text: str, salt: str) -> float:
    """A fraction in [0, 1) fixed by the text: deterministic across runs, unlike hash()."""
    return crc32(f"{salt}:{text}".encode()) / 2**32


def _parse_places() -> dict[str, tuple[str, float, float]]:
    places = {}
    for line in _PLACES.strip().splitlines():
        code, name, lat, lng = line.split()
        places[code] = (name.replace("_", " "), float(lat), float(lng))
    return places


PLACES = _parse_places()
_KECAMATAN = {k["code"]: k for k in KECAMATAN}


def _near(code: str, lat: float, lng: float) -> tuple[float, float]:
    """A point a little off (lat, lng), fixed by the unit code."""
    d_lat = (_stable_fraction(code, "lat") * 2 - 1) * _MAX_OFFSET
    d_lng = (_stable_fraction(code, "lng") * 2 - 1) * _MAX_OFFSET
    return round(lat + d_lat, 5), round(lng + d_lng, 5)


def _house_number(code: str) -> int:
    return 1 + int(_stable_fraction(code, "no") * 120)


def _users(code: str, kind: str) -> int:
    low, high = _USER_RANGES[kind]
    return int(round(low + _stable_fraction(code, "users") * (high - low), -1))


def _published(code: str, kind: str) -> bool:
    return kind in _ALWAYS_PUBLISHED or _stable_fraction(code, "published") >= 0.1


def _unit(code: str, name: str, kind: str, kecamatan_code: str, address: str, point, users: int) -> DemoUnit:
    lat, lng = point
    return DemoUnit(code, name, kind, kecamatan_code, address, lat, lng, users, _published(code, kind))


def _place_label(place_code: str) -> str:
    """'Kel. X' or 'Desa X': in Kemendagri codes a kelurahan is numbered 1xxx, a desa 2xxx."""
    name = PLACES[place_code][0]
    return f"Kel. {name}" if place_code[9] == "1" else f"Desa {name}"


def _unit_code_part(place_code: str) -> str:
    """35.14.06.1024 -> 061024: unit codes carry no dots (reference.UNIT_CODE_PATTERN)."""
    return place_code[6:].replace(".", "")


def _named_units() -> list[DemoUnit]:
    return [_unit(code, name, kind, kec, address, (lat, lng), users)
            for code, name, kind, kec, address, lat, lng, users in _NAMED_UNITS]


def _kecamatan_offices() -> list[DemoUnit]:
    units = []
    for kec in KECAMATAN:
        code = f"{kec['region_code'].replace('.', '')}-KEC-{kec['code'][-2:]}"
        name = kec["name"]
        address = f"Jl. Raya {name} No. {_house_number(code)}, Kec. {name}"
        point = _near(code, kec["centroid_lat"], kec["centroid_lng"])
        units.append(_unit(code, f"Kantor Kecamatan {name}", "kecamatan", kec["code"], address, point,
                           _users(code, "kecamatan")))
    return units


def _puskesmas() -> list[DemoUnit]:
    units = []
    for line in _PUSKESMAS.strip().splitlines():
        raw_name, where = line.split()
        name = raw_name.replace("_", " ")
        code = f"{where[:5].replace('.', '')}-PKM-{raw_name.upper().replace('_', '-')}"
        kecamatan = _KECAMATAN[where[:8]]
        if where in PLACES:
            _, lat, lng = PLACES[where]
            address = f"Jl. Raya {name} No. {_house_number(code)}, {_place_label(where)}, Kec. {kecamatan['name']}"
        else:
            lat, lng = kecamatan["centroid_lat"], kecamatan["centroid_lng"]
            address = f"Jl. Raya {name} No. {_house_number(code)}, Kec. {kecamatan['name']}"
        point = _EXACT_POINTS.get(code) or _near(code, lat, lng)
        units.append(_unit(code, f"Puskesmas {name}", "puskesmas", where[:8], address, point,
                           _users(code, "puskesmas")))
    return units


def _village_office(place_code: str, kind: str) -> DemoUnit:
    name, lat, lng = PLACES[place_code]
    code = f"{place_code[:5].replace('.', '')}-{'KEL' if kind == 'kelurahan' else 'DESA'}-{_unit_code_part(place_code)}"
    kecamatan = _KECAMATAN[place_code[:8]]
    address = f"Jl. {name} No. {_house_number(code)}, {_place_label(place_code)}, Kec. {kecamatan['name']}"
    title = "Kantor Kelurahan" if kind == "kelurahan" else "Kantor Desa"
    return _unit(code, f"{title} {name}", kind, place_code[:8], address, (lat, lng), _users(code, kind))


def _village_offices() -> list[DemoUnit]:
    kelurahan = [_village_office(code, "kelurahan") for code in PLACES if code[9] == "1"]
    desa = [_village_office(code, "desa") for code in _DESA_OFFICES]
    return kelurahan + desa


UNITS: tuple[DemoUnit, ...] = tuple(_named_units() + _kecamatan_offices() + _puskesmas() + _village_offices())

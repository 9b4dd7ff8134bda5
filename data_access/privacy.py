"""Personal data kept off public pages: a scrubber for free text and suppression of small counts.

The pages show no complaint or suggestion text at all; the free text they do show is each unit's name and address,
in which the units import warns the admin of a NIK, phone number or e-mail address that `found_by_scrub` finds.
`scrub` is also the one path complaint or suggestion text must take if a page ever shows some. It replaces what can
be recognised by its shape (NIK, phone numbers, e-mail addresses, home addresses) or by a cue before it (names after
"nama saya", "Bapak", "a.n." ...). A name with no cue cannot be recognised, which is why no description is shown at
all.

Trade-offs, chosen for safety: a street is scrubbed when it carries a house number, RT/RW or an address cue
("alamat", "rumah saya", "tinggal di"), so "jalan berlubang di Jl. Raya Bangil" keeps the place of a public problem
while "Jl. Melati No. 5" goes; every "Gg./Gang ..." (a residential alley) goes; any 16-digit number goes as [NIK]
(a KK number too); any 9–13 digit number shaped like an Indonesian phone number goes, office numbers included.
Amounts ("Rp 50.000"), dates, times and ticket numbers are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from data_access.filters import Filters

NIK_TOKEN = "[NIK]"
PHONE_TOKEN = "[telepon]"
EMAIL_TOKEN = "[email]"
ADDRESS_TOKEN = "[alamat]"
NAME_TOKEN = "[nama]"
TOKENS = (NIK_TOKEN, PHONE_TOKEN, EMAIL_TOKEN, ADDRESS_TOKEN, NAME_TOKEN)

# Below this many, a count at fine granularity could point at a person (DESIGN.md "Safe").
SMALL_COUNT_THRESHOLD = 5

_EMAIL = re.compile(r"[\w.%+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.IGNORECASE)
# 16 digits, optionally grouped by single spaces, dots or dashes (3514 0123 4567 8901, 35.14.012345.678901).
_NIK = re.compile(r"(?<!\d)(?<!\d[.,-])\d(?:[ .-]?\d){15}(?!\d|[.,-]\d)")
# +62, 62 8.., (0343) or 0, then digits optionally grouped; 9 to 14 digits in all (checked in _phone).
_PHONE = re.compile(r"(?<![\d+])(?<!\d[.,/-])(?:\+62|62(?=[\s.-]?8)|\(0\d{2,3}\)|0)(?:[\s.()-]{0,2}\d){6,12}"
                    r"(?!\d|[.,-]\d)")

_NAME_WORD = re.compile(r"(?:[A-Z][a-z'’]+|[A-Z]{2,}|[A-Z]\.)")
_ANY_WORD = re.compile(r"(?:[A-Za-z][a-z'’]+|[A-Z]{2,}|[A-Z]\.)")
_GAP = re.compile(r"\s+")
# Honorifics and degrees between a cue and a name ("Pak H. Abdul", "Ibu Hj. Siti").
_HONORIFICS = re.compile(r"(?:(?:H|Hj|Haji|Hajjah|Dr|dr|Ir|Drs|Dra|Prof|KH|Kyai|Ust|Ustadz|Ustadzah|Mas|Mbak|Gus|Ning)"
                         r"\.?\s+)*")
# A post held by the person named next ("Pak Lurah Joko", "Bu Bidan Sari"): kept, the name after it goes.
_POSTS = frozenset([
    "lurah", "camat", "kades", "kepala", "desa", "sekdes", "carik", "modin", "dokter", "bidan", "guru", "mantri",
    "perawat", "satpam", "petugas", "rt", "rw"
])
# A cue followed by one of these is about an office or a thing, not a person ("Bapak Bupati", "Ibu Kota").
_NOT_NAMES = frozenset([
    "bupati", "wali", "walikota", "wakil", "kota", "sekda", "sekretaris", "direktur", "presiden", "gubernur",
    "menteri", "kadis", "kabid", "dinas", "ketua", "anggota", "pejabat", "polisi", "staf", "admin", "pegawai",
    "puskesmas", "kantor", "sekolah", "hamil", "rumah", "kami", "saya", "bapak", "ibu"
])
# Words that end a name written in lower case after a strong cue ("nama saya budi contoh dan ...").
_STOP_WORDS = frozenset([
    "dan", "atau", "yang", "di", "ke", "dari", "dengan", "nik", "hp", "telp", "telepon", "wa", "email", "alamat",
    "umur", "usia", "warga", "mohon", "tolong", "untuk", "tinggal", "sebagai", "selaku", "ingin", "mau", "akan",
    "sudah", "belum", "tidak", "ini", "itu", "karena", "sejak", "pada", "sangat"
])
# Strong cues take the words after them even in lower case; weak ones only capitalised words.
_STRONG_CUE = re.compile(
    r"\b(?:(?:nama\s+saya|nama\s+pelapor|atas\s+nama|a\.\s?n\.?|an\.|dilaporkan\s+oleh)\s*[:.,]?\s*"
    r"|(?:nama|pelapor|pengadu|pemohon)\s*:\s*)",
    re.IGNORECASE,
)
_WEAK_CUE = re.compile(
    r"\b(?:saya|aku|bapak|ibu|pak|bu|bpk|sdr|sdri|saudara|saudari|mas|mbak|kak)\b\.?\s*,?\s+", re.IGNORECASE
)

_HOUSE_NUMBER = r"(?:,?\s*(?:No|Nomor|Nmr)\.?\s*:?\s*\d+[A-Za-z]?(?:\s*[/-]\s*\d+[A-Za-z]?)?)"
_RT_RW = (r"(?:RT\.?\s*:?\s*\d{1,3}\s*[/,]?\s*RW\.?\s*:?\s*\d{1,3}|RT\s*/\s*RW\.?\s*:?\s*\d{1,3}\s*/\s*\d{1,3}"
          r"|(?:RT|RW)\.?\s*:?\s*\d{1,3})")
_STREET = r"(?:Jl|Jln|Jalan)\.?\s+(?:[A-Za-z0-9.'’-]+\s?){1,5}?"
_STREET_WORDS = r"(?i:Jl|Jln|Jalan)\.?(?:\s+[A-Z0-9][\w.'’-]*){1,5}"
_ADDRESSES = [
    # A street with a house number and/or RT/RW.
    re.compile(rf"\b{_STREET}(?:{_HOUSE_NUMBER}(?:,?\s*{_RT_RW})*|,?\s*{_RT_RW}(?:,?\s*{_RT_RW})*)", re.IGNORECASE),
    # Alleys and housing blocks are residential: always an address.
    re.compile(rf"\b(?i:Gg|Gang)\.?(?:\s+[A-Z0-9][\w'’-]*){{1,3}}{_HOUSE_NUMBER}?"),
    re.compile(rf"\b(?i:Blok)\s+[A-Z]{{1,2}}[\s.-]?\d{{0,3}}{_HOUSE_NUMBER}?"),
    re.compile(rf"\b{_RT_RW}(?:\s*,?\s*{_RT_RW})*", re.IGNORECASE),
    # A house number left on its own after the rest was scrubbed.
    re.compile(rf"(?<=\[alamat\]){_HOUSE_NUMBER}", re.IGNORECASE),
]
# Any street right after an address cue ("alamat saya Jl. Melati", "tinggal di Jalan Kenanga").
_CUED_STREET = re.compile(
    rf"(\b(?:alamat(?:\s+(?:saya|kami|rumah))?|rumah\s+(?:saya|kami)|tinggal|domisili|beralamat)\s*:?\s*(?:di\s+)?)"
    rf"({_STREET_WORDS})",
    re.IGNORECASE,
)


def _phone(match: re.Match) -> str:
    text = match.group(0)
    return PHONE_TOKEN if 9 <= sum(ch.isdigit() for ch in text) <= 14 else text


def _name_span(text: str, start: int, strong: bool) -> tuple[int, int] | None:
    """Where the name starting at `start` lies (after honorifics and posts), or None if none is there."""
    position = _HONORIFICS.match(text, start).end()
    while (post := _ANY_WORD.match(text, position)) and post.group(0).lower() in _POSTS:
        gap = _GAP.match(text, post.end())
        if not gap:
            return None
        position = gap.end()
    word = _ANY_WORD if strong else _NAME_WORD
    end = None
    cursor = position
    for _ in range(4):
        found = word.match(text, cursor)
        if not found:
            break
        bare = found.group(0).lower().rstrip(".")
        if bare in _STOP_WORDS or (end is None and bare in _NOT_NAMES):
            break
        end = found.end()
        gap = _GAP.match(text, end)
        if not gap:
            break
        cursor = gap.end()
    return None if end is None else (position, end)


def _scrub_names(text: str) -> str:
    spans: list[tuple[int, int]] = []
    for cue, strong in ((_STRONG_CUE, True), (_WEAK_CUE, False)):
        for match in cue.finditer(text):
            span = _name_span(text, match.end(), strong)
            if span and not any(a <= span[0] < b for a, b in spans):
                spans.append(span)
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + NAME_TOKEN + text[end:]
    return text


def scrub(text: str | None) -> str:
    """The text with NIK, phone numbers, e-mail addresses, home addresses and cued names replaced by tokens."""
    if not text:
        return ""
    text = _EMAIL.sub(EMAIL_TOKEN, text)
    text = _NIK.sub(NIK_TOKEN, text)
    text = _PHONE.sub(_phone, text)
    for pattern in _ADDRESSES:
        text = pattern.sub(ADDRESS_TOKEN, text)
    text = _CUED_STREET.sub(lambda m: m.group(1) + ADDRESS_TOKEN, text)
    text = _scrub_names(text)
    # Neighbouring pieces of one address become one token.
    return re.sub(r"\[alamat\](?:[\s,/]*\[alamat\])+", ADDRESS_TOKEN, text)


def found_by_scrub(text: str | None) -> frozenset[str]:
    """The tokens scrub puts into the text: which kinds of personal data it recognises there."""
    scrubbed = scrub(text)
    return frozenset(token for token in TOKENS if scrubbed.count(token) > (text or "").count(token))


def fine_grained(filters: Filters) -> bool:
    """Whether the filters narrow complaints to one kecamatan or one unit: the granularity at which DESIGN.md "Safe"
    suppresses small counts (the pages offer no kelurahan filter; a unit is finer than a kecamatan)."""
    return bool(filters.kecamatan or filters.unit)


def suppress_small(frame: pd.DataFrame, count_column: str, threshold: int = SMALL_COUNT_THRESHOLD,
                   margins: Sequence[Sequence[str]] = ()) -> pd.DataFrame:
    """Counts from 1 to threshold-1 blanked (NA) and flagged in a boolean 'suppressed' column; zeros stay.

    `margins` lists the groupings whose totals are published elsewhere (e.g. [["category"], []] for category
    totals and the grand total; [] is the whole table). In each such group a lone blanked count could be worked out
    by subtraction, so the next smallest count of that group is blanked as well (complementary suppression). Where
    the group holds nothing else but zeros, its zeros are blanked, all of them: published zeros beside one blank
    would give it away, and blanking just one chosen zero would tell which cell the rule started from. Groupings are
    worked through in the order given until nothing changes: list the finer ones first, so that a lone blank finds
    its companion within its subgroup before a whole table's zeros go.
    """
    result = frame.copy()
    counts = result[count_column]
    suppressed = (counts > 0) & (counts < threshold)
    changed = True
    while changed:
        changed = False
        for columns in margins:
            by = list(columns) if len(columns) > 1 else columns[0] if columns else None
            groups = result.groupby(by, dropna=False).groups.values() if by is not None else [result.index]
            for index in groups:
                index = pd.Index(index)
                if int(suppressed[index].sum()) != 1:
                    continue
                shown = counts[index][~suppressed[index]]
                if shown.empty:
                    continue
                nonzero = shown[shown > 0]
                if nonzero.empty:
                    suppressed[shown.index] = True
                else:
                    suppressed[nonzero.sort_values(kind="stable").index[0]] = True
                changed = True
    result[count_column] = counts.astype("Int64").mask(suppressed)
    result["suppressed"] = suppressed.to_numpy()
    return result


def suppress_rows(rows: list[dict], filters: Filters, margins: Sequence[Sequence[str]] = ((),),
                  count: str = "complaints", derived: Sequence[str] = (), by_place: bool = False) -> list[dict]:
    """Rows of one complaint breakdown as every public page, download and API answer must give them: at fine
    granularity (fine_grained, or always for a breakdown `by_place`, one kecamatan per row) counts from 1 to
    SMALL_COUNT_THRESHOLD-1 are None, with their complementary cells (suppress_small over `margins`, row keys whose
    totals are published; the default is the breakdown's grand total), and so is every field in `derived` computed
    from the count (a share, a rate); elsewhere nothing is blanked. Each row gets 'suppressed'. The one place
    breakdowns of complaint counts are suppressed."""
    if not rows or not (by_place or fine_grained(filters)):
        return [{**row, "suppressed": False} for row in rows]
    keys = sorted({key for margin in margins for key in margin})
    frame = pd.DataFrame({count: [row[count] for row in rows],
                          **{key: [row[key] for row in rows] for key in keys}})
    hidden = suppress_small(frame, count, margins=margins)["suppressed"].tolist()
    return [{**row, **({count: None, **dict.fromkeys(derived)} if gone else {}), "suppressed": gone}
            for row, gone in zip(rows, hidden, strict=True)]

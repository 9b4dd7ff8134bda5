"""escape_markdown: text from the data put into Streamlit markdown stays text — hostile names come out escaped,
ordinary names come out unchanged (so pages look and compare the same), and nothing is lost but line breaks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.plain_text import WORD_JOINER as J
from components.plain_text import escape_markdown

HOSTILE = "**X** [klik](https://evil.example/) ![p](http://host/p.png)"


@pytest.mark.parametrize(("value", "escaped"), [
    (HOSTILE, rf"\*\*X\*\* \[klik\](https:{J}//evil.example/) \!\[p\](http:{J}//host/p.png)"),
    ("Puskesmas\n\n# BIG", r"Puskesmas \# BIG"),
    ("# BIG", r"\# BIG"),
    ("<img src=http://host/q.png> <b>b</b>", rf"\<img src=http:{J}//host/q.png\> \<b\>b\</b\>"),
    ("<https://evil.example>", rf"\<https:{J}//evil.example\>"),
    ("Lihat www.evil.example", f"Lihat www{J}.evil.example"),
    ("WWW.EVIL.EXAMPLE", f"WWW{J}.EVIL.EXAMPLE"),
    ("surat: a@b.co", f"surat: a{J}@b.co"),
    ("&copy; &#60; &#x3C;", r"\&copy; &\#60; &\#x3C;"),  # a "#" escaped breaks a reference too
    (":smile: :material/home: :red[merah] :blue-badge[x]{a=1}",
     rf":{J}smile: :{J}material/home: :{J}red\[merah\] :{J}blue-badge\[x\]\{{a=1\}}"),
    ("$x^2$ `kode` ~~coret~~ _miring_ a|b", r"\$x^2\$ \`kode\` \~\~coret\~\~ \_miring\_ a\|b"),
    ("C:\\Windows\\x", rf"C:{J}\\Windows\\x"),
    ("- daftar", r"\- daftar"),
    ("+ daftar", r"\+ daftar"),
    ("===", r"\==="),
    ("12. urut", r"12\. urut"),
    ("3) urut", r"3\) urut"),
    ("> kutipan", r"\> kutipan"),
    ("    kode", "kode"),
    ("a\tb\r\nc\x00d\x1be\u2028f\u202eg\x85h", "a b c d e f g h"),
])
def test_hostile_values_become_literal_text(value, escaped):
    assert escape_markdown(value) == escaped


@pytest.mark.parametrize("name", [
    "Puskesmas Bangil", "Dinas Kependudukan & Catatan Sipil", "RSUD dr. R. Soedarsono", "UPT (Kec.) Bangil - 'Baru'",
    "Mal Pelayanan Publik Kota Pasuruan", "SMP Negeri 1 Pasuruan", "Kantor Kecamatan Gadingrejo, Kota Pasuruan",
    "Dinas Kependudukan … Kab. Pasuruan", "3575-MPP", "Jl. Pahlawan No. 12, Pasuruan", "Ke-3 (tiga); 50% \"baru\"",
])
def test_ordinary_names_are_unchanged(name):
    assert escape_markdown(name) == name


def unescape(markdown: str) -> str:
    """What CommonMark shows for a backslash escape of ASCII punctuation, and without the invisible joiners."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(J, "")


@given(st.text())
def test_only_line_breaks_and_control_characters_are_lost(value):
    shown = unescape(escape_markdown(value))
    expected = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]", " ", value).split())
    assert shown == expected


@given(st.text(alphabet=st.sampled_from("ab1 .:-+=#*_[]()!<>&;@w/\\`~$|{}\n")))
def test_nothing_left_that_markdown_would_read(value):
    text = escape_markdown(value)
    assert "\n" not in text and text == text.strip()
    bare = re.sub(r"\\.", "", text)  # what is left once every escaped character is taken out
    assert not re.search(r"[\\`*_~\[\]<>#|$!{}]", bare)
    assert not re.search(r":[^\s\u2060]", text)  # no emoji code, icon, directive or scheme after a colon
    assert not re.search(r"(?i)www\.|[\w.+-]@", text)  # no bare www. link or e-mail address
    assert not re.match(r"[-+=]|\d+[.)]", text)  # no list, break or setext heading at the start
    assert not re.search(r"(?<!\\)&#?[0-9A-Za-z]+;", text)  # no character reference

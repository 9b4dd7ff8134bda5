"""The scrubber against realistic Indonesian complaint texts, and small-count suppression."""

import pandas as pd
import pytest

from data_access.demo import PERSONAL_COMPLAINT_NOTES, PERSONAL_SUGGESTIONS
from data_access.privacy import EMAIL_TOKEN, PHONE_TOKEN, found_by_scrub, scrub, suppress_small


@pytest.mark.parametrize(
    "text, secret, token",
    [
        # NIK: 16 digits, plain or grouped
        ("NIK 3514012345678901 mohon dicek", "3514012345678901", "[NIK]"),
        ("NIK: 3514 0123 4567 8901.", "3514 0123 4567 8901", "[NIK]"),
        ("nik saya 35.14.01.234567.8901", "35.14.01.234567.8901", "[NIK]"),
        ("No. KK 3575-0123-4567-8901", "3575-0123-4567-8901", "[NIK]"),
        ("(3575012345678901)", "3575012345678901", "[NIK]"),
        ("NIK.3575012345678901", "3575012345678901", "[NIK]"),
        # phone numbers
        ("HP 081234567890.", "081234567890", "[telepon]"),
        ("hubungi 0812-3456-7890", "0812-3456-7890", "[telepon]"),
        ("WA 0857 1234 5678 ya", "0857 1234 5678", "[telepon]"),
        ("telp +62 812 3456 7890", "+62 812 3456 7890", "[telepon]"),
        ("WA: +6281234567890", "+6281234567890", "[telepon]"),
        ("nomor 6281234567890", "6281234567890", "[telepon]"),
        ("telp (0343) 424321", "(0343) 424321", "[telepon]"),
        ("hp.0813.1234.567", "0813.1234.567", "[telepon]"),
        ("0895-1234-56789", "0895-1234-56789", "[telepon]"),
        ("hp0812345678 tolong", "0812345678", "[telepon]"),
        ("WA081234567890", "081234567890", "[telepon]"),
        ("HP-081234567890", "081234567890", "[telepon]"),
        ("nomor 62 812-3456-7890", "812-3456-7890", "[telepon]"),
        # e-mail
        ("email budi.contoh12@example.com.", "budi.contoh12@example.com", "[email]"),
        ("kirim ke siti_fulan+lapor@mail.co.id", "siti_fulan+lapor@mail.co.id", "[email]"),
        ("BUDI.CONTOH@GMAIL.COM", "BUDI.CONTOH@GMAIL.COM", "[email]"),
        ("agus (at) example.com", "agus (at) example.com", "[email]"),
        # home addresses
        ("Alamat saya Jl. Melati No. 12 RT 03/RW 04, Bangil.", "Melati No. 12", "[alamat]"),
        ("rumah di Jalan Kenanga no 5 rt 1 rw 2", "Kenanga no 5", "[alamat]"),
        ("Jln. Dahlia Gg. 3 No. 7", "Dahlia", "[alamat]"),
        ("tinggal di Gg. Mawar II, dekat masjid", "Mawar II", "[alamat]"),
        ("Gang Anggrek 4 sering banjir", "Anggrek 4", "[alamat]"),
        ("RT 02 / RW 05 Kel. Bugul Kidul", "RT 02", "[alamat]"),
        ("RT.01 RW.02 belum dapat bantuan", "RT.01 RW.02", "[alamat]"),
        ("Rt/Rw 003/004", "003/004", "[alamat]"),
        ("Perum Griya Asri Blok C-12 No. 3", "C-12", "[alamat]"),
        ("alamat: Jl. Pahlawan Gang Buntu, Pasuruan", "Pahlawan", "[alamat]"),
        ("beralamat di Jl. Sultan Agung 45, Pasuruan", "Sultan Agung", "[alamat]"),
        ("Jl. Raya Bangil No.17A", "17A", "[alamat]"),
        # names after cues
        ("Nama saya Budi Contoh, warga Bangil.", "Budi Contoh", "[nama]"),
        ("nama saya budi contoh dan saya", "budi contoh", "[nama]"),
        ("Saya Siti Fulan ingin melapor", "Siti Fulan", "[nama]"),
        ("Mohon dihubungi (a.n. Agus Samaran).", "Agus Samaran", "[nama]"),
        ("Berkas atas nama Dewi Fiktif belum selesai", "Dewi Fiktif", "[nama]"),
        ("Pelapor: Eko Contoh, Pasuruan", "Eko Contoh", "[nama]"),
        ("Bapak Slamet Riyadi sudah menunggu", "Slamet Riyadi", "[nama]"),
        ("Bu Wulan minta kabar", "Wulan", "[nama]"),
        ("Pak H. Abdul Rochim", "Abdul Rochim", "[nama]"),
        ("Sdr. Rina Fulan", "Rina Fulan", "[nama]"),
        ("Sdri Wulan Samaran", "Wulan Samaran", "[nama]"),
        ("Ibu Hj. Siti Aminah, pasien rawat jalan", "Siti Aminah", "[nama]"),
        ("an. Muhammad Rizky", "Muhammad Rizky", "[nama]"),
        ("petugas loket Pak Lurah Joko tidak ada", "Joko", "[nama]"),
        ("saya, Rina Contoh, warga Kraton", "Rina Contoh", "[nama]"),
    ],
)
def test_personal_data_is_replaced_by_its_token(text, secret, token):
    scrubbed = scrub(text)
    assert secret not in scrubbed, scrubbed
    assert token in scrubbed, scrubbed


def test_a_text_with_everything_keeps_its_complaint_and_loses_the_person():
    text = ("Jalan di depan puskesmas rusak parah. Nama saya Budi Contoh, NIK 3514012345678901, HP 0812-3456-7890, "
            "email budi.contoh@example.com, alamat Jl. Melati No. 5 RT 02/RW 03.")
    scrubbed = scrub(text)
    for secret in ("Budi", "Contoh", "3514012345678901", "0812", "example.com", "Melati", "RT 02"):
        assert secret not in scrubbed, scrubbed
    assert scrubbed.startswith("Jalan di depan puskesmas rusak parah.")


@pytest.mark.parametrize("template", PERSONAL_COMPLAINT_NOTES + PERSONAL_SUGGESTIONS)
def test_every_demo_pattern_is_scrubbed(template):
    person = {"name": "Slamet Fiktif", "nik": "3575123456789012", "phone": "085712345678",
              "email": "slamet.fiktif44@example.com", "address": "Jl. Kenanga No. 44 RT 07/RW 02"}
    scrubbed = scrub(template.format(**person))
    for value in ("Slamet", "Fiktif", "3575123456789012", "085712345678", "example.com", "Kenanga", "RT 07"):
        assert value not in scrubbed, scrubbed


@pytest.mark.parametrize(
    "text",
    [
        "Biaya Rp 50.000 padahal gratis.",
        "Diminta Rp1.500.000 untuk percepatan.",
        "Antre sejak 27-03-2025 pukul 07.30 sampai 12.00.",
        "Tanggal 2025-04-09 belum ada kabar.",
        "Tiket DEMO-P-000123 belum dijawab.",
        "Nomor tiket LAPOR-2025-004512 sudah 14 hari kerja.",
        "Sudah 3 kali datang, 120 menit menunggu.",
        "Jalan berlubang di Jl. Raya Bangil km 5 dekat pasar.",
        "Lampu PJU di Jalan Raya Pasuruan–Malang mati.",
        "Saya sangat kecewa dengan pelayanan.",
        "Ibu Kota Nusantara tidak ada hubungannya.",
        "Bapak Bupati mohon perhatikan.",
        "Stok obat di Puskesmas Kebonsari habis.",
        "Dusun Krajan tidak dapat air PDAM selama 3 hari.",
        "Sampah menumpuk di pasar Kebonagung sejak Senin.",
        "Pengaduan ke 1708 tidak dibalas.",
        "Kuota 40 siswa, pendaftar 125.",
        "Anggaran Rp 625.000.000 belum cair.",
        "Loket buka 08.00-16.00 WIB, tutup 12.00 - 13.00.",
        "Nama obat tidak tersedia di apotek.",
        "Pelapor sudah menunggu dua minggu.",
        "Bapak Ibu petugas mohon ramah.",
        "Saya Mohon segera ditindaklanjuti.",
    ],
)
def test_innocent_text_is_kept(text):
    assert scrub(text) == text


def test_empty_text():
    assert scrub(None) == "" and scrub("") == ""


def test_found_by_scrub_names_the_kinds_of_personal_data_it_replaces():
    assert found_by_scrub("Hubungi 0812-3456-7890 atau pkm@gmail.com") == {PHONE_TOKEN, EMAIL_TOKEN}
    assert found_by_scrub("Jalan di depan puskesmas rusak parah.") == frozenset()
    assert found_by_scrub("NIK sudah disamarkan: [NIK]") == frozenset()  # a token already there is not a finding
    assert found_by_scrub(None) == frozenset()


def test_suppress_small_blanks_one_to_four_and_keeps_zeros():
    frame = pd.DataFrame({"cell": list("abcdef"), "n": [0, 1, 4, 5, 12, 3]})
    result = suppress_small(frame, "n")
    assert result["n"].isna().tolist() == [False, True, True, False, False, True]
    assert result["suppressed"].tolist() == [False, True, True, False, False, True]
    assert result.loc[0, "n"] == 0 and result.loc[3, "n"] == 5
    assert frame["n"].tolist() == [0, 1, 4, 5, 12, 3]  # the input is not changed


def test_suppress_small_blanks_a_second_cell_where_a_total_would_give_the_first_away():
    frame = pd.DataFrame({
        "kecamatan": ["A", "A", "A", "B", "B", "B"],
        "category": ["x", "y", "z", "x", "y", "z"],
        "n": [3, 9, 7, 20, 6, 0],
    })
    result = suppress_small(frame, "n", margins=[["kecamatan"], ["category"]])
    # A: 3 is small; A's total is published, so its next smallest (7) goes too. Column x now has one blank
    # (3) -> 20 goes; column z has one blank (7) and only a zero beside it, which would give it away -> the zero
    # goes. Row B now has two blanks (20, 0): every row and column has two or none, and A's 3 lies anywhere
    # from 0 to 10 for all the totals tell.
    assert result["suppressed"].tolist() == [True, False, True, True, False, True]


def test_suppress_small_blanks_every_zero_beside_a_lone_blank():
    """A lone complaint: the total (1) is published, so zeros beside its '<5' would name its category; blanking
    one chosen zero would tell which cell the rule started from, so they all go."""
    frame = pd.DataFrame({"category": list("abcd"), "n": [0, 1, 0, 0]})
    result = suppress_small(frame, "n", margins=[[]])
    assert result["suppressed"].tolist() == [True, True, True, True]
    assert result["n"].isna().all()


def test_suppress_small_with_no_small_counts_changes_nothing():
    frame = pd.DataFrame({"k": ["a", "b"], "n": [5, 0]})
    result = suppress_small(frame, "n", margins=[[]])
    assert result["n"].tolist() == [5, 0]
    assert not result["suppressed"].any()

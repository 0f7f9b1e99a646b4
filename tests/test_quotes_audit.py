"""Patterns found by the audit of unseen detik/IndoSum articles (docs/quotes.md, 2026-11-23).

Every sentence here was written for these tests. A case is (text, expected) where expected
lists (start of the quote's content, speaker name) for every quote the reader must return,
in text order; a case with an empty list must return no quote at all.
"""

from __future__ import annotations

import pytest

from warta.readers.quotes import find_quotes

Expected = list[tuple[str, str | None]]

CASES: list[tuple[str, str, Expected]] = [
    # -- sentence splitting --------------------------------------------------------------
    ("paragraphs glued at a quotation mark",
     'Pengamat transportasi Budi Santoso menilai tarif baru itu terlalu tinggi.'
     '"Warga kecil akan paling terbebani," ujar Budi.',
     [("tarif baru itu terlalu tinggi", "Budi Santoso"),
      ("Warga kecil akan paling terbebani", "Budi Santoso")]),
    ("paragraphs glued at a capital letter",
     '"Jalan desa sudah kami perbaiki," tambahnya.Ia menilai anggaran tahun depan harus naik.\n'
     'Kepala Desa Sukamaju Darto Wiyono hadir.',
     [("Jalan desa sudah kami perbaiki", None), ("anggaran tahun depan harus naik", None)]),
    ("a sentence ending in a one-digit number",
     'Andi Wijaya meminta agar orbit itu disimpan untuk satelit Nusantara 5. '
     '"Orbitnya masih kosong," ujar Andi.',
     [("agar orbit itu disimpan untuk satelit Nusantara 5", "Andi Wijaya"),
      ("Orbitnya masih kosong", "Andi Wijaya")]),
    # -- written and collective sources --------------------------------------------------
    ("according to a study",
     "Menurut penelitian Universitas Cendana, polusi udara memicu asma pada anak.",
     [("polusi udara memicu asma pada anak", "Universitas Cendana")]),
    ("a report writes after the quotation",
     'Dokter Sinta Wulan memeriksa pasien.\n'
     '"Partikel ini menumpuk di paru-paru," tulis laporan Lembaga Udara Bersih.',
     [("Partikel ini menumpuk di paru-paru", "Lembaga Udara Bersih")]),
    ("a written report after the quotation, no cue",
     'Longsor menutup jalan desa.\n'
     '"Sejak sore hujan deras mengguyur wilayah itu," demikian laporan tertulis BPBD Kabupaten Sukamaju.',
     [("Sejak sore hujan deras mengguyur wilayah itu", "BPBD Kabupaten Sukamaju")]),
    ("the authors say",
     '"Penelitian lanjutan sangat diperlukan," kata penulis dalam kesimpulan mereka.',
     [("Penelitian lanjutan sangat diperlukan", "penulis")]),
    ("'mereka' takes the group that opened a sentence",
     'Bupati Hasan Basri meninjau sungai itu. Tim peneliti kemudian mengambil sampel dari sepuluh titik. '
     'Menurut mereka, kadar logam berat sudah melewati ambang batas.',
     [("kadar logam berat sudah melewati ambang batas", "Tim peneliti")]),
    ("the clause after 'Menurut laporan X,' names its own speaker",
     "Menurut laporan Antara, PT Maju Jaya sendiri mengaku kerja sama itu sudah biasa dilakukan.",
     [("kerja sama itu sudah biasa dilakukan", "PT Maju Jaya")]),
    # -- reporting cues --------------------------------------------------------------------
    ("colloquial 'bilang'",
     "Direktur PT Maju Jaya Rudi Hartono bilang bahwa pabrik baru akan dibuka tahun depan.",
     [("pabrik baru akan dibuka tahun depan", "Rudi Hartono")]),
    ("'menggarisbawahi'",
     "Ketua panitia Sinta Dewi menggarisbawahi bahwa keselamatan peserta adalah prioritas.",
     [("keselamatan peserta adalah prioritas", "Sinta Dewi")]),
    ("a fronted passive cue",
     "Rudi Hartono meninjau pabrik. Dijelaskan Rudi, pabrik itu akan menyerap seribu pekerja.",
     [("pabrik itu akan menyerap seribu pekerja", "Rudi Hartono")]),
    ("'menyampaikan' with a clause",
     "Camat Sukamaju Hendra Gunawan menyampaikan kunjungan ini memberi semangat bagi warga.",
     [("kunjungan ini memberi semangat bagi warga", "Hendra Gunawan")]),
    ("'menyampaikan' with a noun object", "Camat Sukamaju Hendra Gunawan menyampaikan apresiasi atas kerja warga.", []),
    ("'memastikan' as the means of an action",
     "PT Sinar Jaya juga senantiasa berkomitmen Zero Waste dengan memastikan limbah pabrik diolah kembali.", []),
    ("'memastikan' as a purpose", "Petugas bekerja keras untuk memastikan pasokan air bersih sampai ke warga.", []),
    ("'memastikan' coordinated inside someone's clause",
     "Direktur Utama Rina Kusuma menekankan bahwa tugas perusahaan adalah menyalurkan gas, "
     "serta memastikan pasokan sampai ke industri.",
     [("tugas perusahaan adalah menyalurkan gas", "Rina Kusuma")]),
    ("'mencatat' an achievement", "Kapten tim nasional Dimas Pratama sempat mencatat rekor baru pada 2019.", []),
    ("'mencatat' a finding", "Sementara itu, BMKG mencatat adanya potensi hujan lebat di wilayah selatan.",
     [("adanya potensi hujan lebat di wilayah selatan", "BMKG")]),
    # -- finding the subject ----------------------------------------------------------------
    ("an adverb between subject and cue",
     "Bupati Hasan Basri sebenarnya berharap jumlah bantuan bisa ditambah.",
     [("jumlah bantuan bisa ditambah", "Hasan Basri")]),
    ("a fronted adjunct without a comma",
     "Pada pertemuan itu Kementerian Pertanian berjanji akan menambah pupuk bersubsidi.",
     [("akan menambah pupuk bersubsidi", "Kementerian Pertanian")]),
    ("a full name after a description the lexicon does not know",
     "Penggemar sepeda sekaligus pendiri komunitas gowes Andi Prasetyo menilai jalur sepeda di kota itu masih kurang.",
     [("jalur sepeda di kota itu masih kurang", "Andi Prasetyo")]),
    ("'dan' inside an institution's name",
     "Kementerian Energi dan Sumber Daya Mineral menyatakan bahwa stok solar aman sampai akhir tahun.",
     [("stok solar aman sampai akhir tahun", "Kementerian Energi dan Sumber Daya Mineral")]),
    ("'dan' between a country and a person is a clause boundary",
     "Menteri Ani Rahma menegur Jepang dan Budi Santoso mengatakan bahwa kerja sama tetap berjalan.",
     [("kerja sama tetap berjalan", "Budi Santoso")]),
    ("'&' inside a name",
     "Lembaga pemeringkat S&P Global Ratings menyatakan bahwa obligasi itu layak untuk investasi.",
     [("obligasi itu layak untuk investasi", "S&P Global Ratings")]),
    ("a described source with its place, then the name",
     "Menurut ahli gizi di Surabaya, Ratna Dewi, sarapan tetap penting bagi pelajar.",
     [("sarapan tetap penting bagi pelajar", "Ratna Dewi")]),
    # -- who 'ia' and a description with 'itu' are -----------------------------------------
    ("a subheading is nobody",
     "Harapan Baru di Desa Subur\n"
     "Sejak awal, program Presiden Joko Santoso untuk desa disusun matang. "
     'Dalam pidatonya, ia menekankan pentingnya "swasembada pangan" bagi desa.',
     [("pentingnya", "Joko Santoso")]),
    ("the agent of a passive reporting verb",
     '"Kami siap membangun pipa baru," kata Gilang Ramadhan.\n'
     "Pentingnya jalur distribusi juga ditekankan oleh Wahyu Hidayat, manajer PT Gas Raya. "
     "Ia menyatakan bahwa tanpa pipa, pasokan akan tersendat.",
     [("Kami siap membangun pipa baru", "Gilang Ramadhan"),
      ("tanpa pipa, pasokan akan tersendat", "Wahyu Hidayat")]),
    ("a subject after two fronted adjuncts",
     '"Kami optimistis," kata Gilang Ramadhan.\n'
     "Sementara itu, dari sisi pasar, Dewi Lestari, analis Bank Maju, menyampaikan kabar baik. "
     "Namun ia menegaskan, harga masih rawan naik.",
     [("Kami optimistis", "Gilang Ramadhan"), ("harga masih rawan naik", "Dewi Lestari")]),
    ("a reporting verb's clause holds no subject for 'ia'",
     "Yuni Astuti menjelaskan, dalam rapat itu, Bawaslu sudah berkomitmen. "
     '"Kami akan terus mengawasi," jelasnya.',
     [("dalam rapat itu, Bawaslu sudah berkomitmen", "Yuni Astuti"),
      ("Kami akan terus mengawasi", "Yuni Astuti")]),
    ("a description closed by 'itu' after the cue",
     "Yuke Lestari meninjau sungai yang tercemar.\n"
     '"Kami akan mendorong revisi aturan," kata Ketua Komisi D DPRD Jakbar itu.',
     [("Kami akan mendorong revisi aturan", "Yuke Lestari")]),
    ("an occupation with a modifier before the name",
     "Penyanyi beken Nadia Putri juga mengunggah foto bersama sahabatnya.\n"
     '"Malam yang indah bersama kalian!" tulis pelantun lagu Senja Merah itu.',
     [("Malam yang indah bersama kalian!", "Nadia Putri")]),
    ("an organisation is not lengthened by a sentence-initial common noun",
     "Satelit Telnet 3 rusak sejak Jumat. Layanan milik Telnet terganggu dan satelit lain dipakai. "
     "Telnet berkata pemulihan layanan sudah mencapai 90 persen.",
     [("pemulihan layanan sudah mencapai 90 persen", "Telnet")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_audit_patterns(text: str, expected: Expected) -> None:
    quotes = find_quotes(text)
    got = [(q.text, q.speaker.name if q.speaker else None) for q in quotes]
    assert len(quotes) == len(expected), got
    for q, (content, speaker) in zip(quotes, expected, strict=True):
        assert text[q.start:q.end] == q.text
        assert q.text.startswith(content), got
        if speaker is not None:
            assert q.speaker is not None and q.speaker.name == speaker, got

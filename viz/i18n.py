"""Every word the app shows, in English ("en") and Bahasa Indonesia ("id"), in one place.

``t(key, lang, **values)`` returns the text for ``key`` in ``lang`` with ``{name}``
placeholders filled in. A test checks that every key has both languages, that both
use the same placeholders and that every key the app asks for exists. Scenario
titles and descriptions come with the scenarios themselves (experiments/scenarios).
Technical parameter descriptions in the "all parameters" panel and the ODD and
parameter documents are in English only; the app says so in Indonesian.
"""

from __future__ import annotations

import math
from functools import lru_cache

LANGS = ("en", "id")
LANG_NAMES = {"en": "English", "id": "Bahasa Indonesia"}

TEXT: dict[str, dict[str, str]] = {
    # --- app frame ----------------------------------------------------------------
    "app.title": {"en": "Kolaborasi", "id": "Kolaborasi"},
    "app.subtitle": {
        "en": "How a women's crisis center builds collaboration against gender-based violence",
        "id": "Bagaimana pusat krisis perempuan membangun kolaborasi melawan kekerasan berbasis "
              "gender",
    },
    "nav.explore": {"en": "Explore", "id": "Jelajahi"},
    "nav.compare": {"en": "Compare", "id": "Bandingkan"},
    "nav.teach": {"en": "Teach", "id": "Kelas"},
    "nav.about": {"en": "About", "id": "Tentang"},
    "nav.odd": {"en": "Model description (ODD)", "id": "Deskripsi model (ODD)"},
    "nav.parameters": {"en": "Parameter table", "id": "Tabel parameter"},
    "lang.label": {"en": "Language", "id": "Bahasa"},
    "common.yes": {"en": "yes", "id": "ya"},
    "common.no": {"en": "no", "id": "tidak"},
    "common.vs": {"en": "vs", "id": "vs"},
    "common.year": {"en": "year", "id": "tahun"},
    "common.running": {"en": "Running…", "id": "Sedang berjalan…"},
    "common.cancel": {"en": "Cancel", "id": "Batal"},
    "common.error": {"en": "Something went wrong: {detail}", "id": "Terjadi kesalahan: {detail}"},

    # --- explore: controls ----------------------------------------------------------
    "explore.heading": {"en": "Explore one run", "id": "Jelajahi satu simulasi"},
    "explore.intro": {
        "en": "Each step is one week. Pick a scenario, move the settings and press Play: the "
              "network, the numbers and the charts show how the center's collaboration grows.",
        "id": "Setiap langkah adalah satu minggu. Pilih skenario, geser pengaturan, lalu tekan "
              "Jalankan: jaringan, angka, dan grafik menunjukkan bagaimana kolaborasi lembaga "
              "tumbuh.",
    },
    "explore.scenario": {"en": "Scenario", "id": "Skenario"},
    "explore.custom": {"en": "(your own settings)", "id": "(pengaturan Anda sendiri)"},
    "explore.seed": {"en": "Random seed (a whole number)", "id": "Seed acak (bilangan bulat)"},
    "explore.seed_help": {"en": "The same seed and settings always give the same run.",
                          "id": "Seed dan pengaturan yang sama selalu menghasilkan simulasi "
                                "yang sama."},
    "explore.play": {"en": "Play", "id": "Jalankan"},
    "explore.pause": {"en": "Pause", "id": "Jeda"},
    "explore.step": {"en": "+1 week", "id": "+1 minggu"},
    "explore.step_year": {"en": "+1 year", "id": "+1 tahun"},
    "explore.reset": {"en": "Reset", "id": "Atur ulang"},
    "explore.speed": {"en": "Speed of Play", "id": "Kecepatan"},
    "explore.per_second": {"en": "{n} weeks/s", "id": "{n} minggu/detik"},
    "explore.keys": {
        "en": "Keyboard: space plays or pauses, → steps one week.",
        "id": "Papan ketik: spasi menjalankan atau menjeda, → maju satu minggu.",
    },
    "explore.play_key": {"en": "Play or pause (space)", "id": "Jalankan atau jeda (spasi)"},
    "explore.step_key": {"en": "One week on (→)", "id": "Maju satu minggu (→)"},
    "explore.reset_help": {
        "en": "Back to week 0 with the starting settings; changes made during the run are "
              "dropped.",
        "id": "Kembali ke minggu 0 dengan pengaturan awal; perubahan selama simulasi dihapus.",
    },
    "explore.restore": {"en": "Restore the scenario's settings",
                        "id": "Kembalikan pengaturan skenario"},
    "explore.settings": {"en": "Settings", "id": "Pengaturan"},
    "explore.changes": {"en": "Changes during this run", "id": "Perubahan selama simulasi ini"},
    "explore.change_note": {
        "en": "Before the first step a setting changes how the run starts. During a run it "
              "applies from the coming week, like a policy decided that week; the run goes on "
              "and the change is marked on the charts. A new level of skill, volunteerism or "
              "commitment comes with the people who join after it: those already there keep "
              "their own.",
        "id": "Sebelum langkah pertama, pengaturan mengubah kondisi awal simulasi. Selama "
              "simulasi, pengaturan berlaku mulai minggu berikutnya, seperti kebijakan yang "
              "diputuskan pada minggu itu; simulasi berlanjut dan perubahan ditandai pada "
              "grafik. Tingkat keterampilan, kerelawanan atau komitmen yang baru datang "
              "bersama orang yang bergabung sesudahnya: yang sudah ada tetap dengan "
              "tingkatnya sendiri.",
    },
    "explore.advanced": {"en": "All parameters (for researchers)",
                         "id": "Semua parameter (untuk peneliti)"},
    "explore.advanced_note": {
        "en": "Type a value and press Enter. Units and valid ranges are those of the parameter "
              "table.",
        "id": "Ketik nilai lalu tekan Enter. Satuan dan rentang yang sah mengikuti tabel "
              "parameter; keterangan teknis hanya tersedia dalam bahasa Inggris.",
    },
    "explore.max_weeks": {"en": "The run stops at {years} years.",
                          "id": "Simulasi berhenti pada {years} tahun."},
    "explore.export": {"en": "Download", "id": "Unduh"},
    "explore.csv": {"en": "Data (CSV)", "id": "Data (CSV)"},
    "explore.png": {"en": "Charts (PNG)", "id": "Grafik (PNG)"},
    "explore.svg": {"en": "Network (SVG)", "id": "Jaringan (SVG)"},
    "explore.network": {"en": "The collaboration network", "id": "Jaringan kolaborasi"},
    "explore.network_help": {
        "en": "Line width and colour from the center to each agency show that agency's trust "
              "(red low, green high); thin blue lines are staff members' personal ties. Tap or "
              "click a node, or reach it with Tab, to see its details above the drawing.",
        "id": "Tebal dan warna garis dari lembaga ke setiap instansi menunjukkan kepercayaan "
              "instansi tersebut (merah rendah, hijau tinggi); garis biru tipis adalah jaringan "
              "pribadi staf. Ketuk atau klik sebuah simpul, atau capai dengan Tab, untuk melihat "
              "rinciannya di atas gambar.",
    },
    "net.hint": {"en": "Tap or click a node to see its details here",
                 "id": "Ketuk atau klik sebuah simpul untuk melihat rinciannya di sini"},
    "explore.flows": {
        "en": "Survivors in the past 52 weeks",
        "id": "Korban dalam 52 minggu terakhir",
    },
    "group.habitus": {"en": "Habits of staff and volunteers (habitus)",
                      "id": "Kebiasaan staf dan relawan (habitus)"},
    "group.advocacy": {"en": "Advocacy with agencies", "id": "Advokasi ke instansi"},
    "group.community": {"en": "Community work", "id": "Kerja komunitas"},
    "group.funding": {"en": "Money and people", "id": "Dana dan SDM"},

    # --- errors ---------------------------------------------------------------------------
    "error.seed": {
        "en": "The seed must be a whole number of 0 or more; '{text}' is not. The previous run "
              "is still shown.",
        "id": "Seed harus bilangan bulat 0 atau lebih; '{text}' bukan bilangan tersebut. "
              "Simulasi sebelumnya tetap ditampilkan.",
    },
    "error.params": {
        "en": "These settings cannot be used: {detail}. The previous run is still shown.",
        "id": "Pengaturan ini tidak dapat dipakai: {detail}. Simulasi sebelumnya tetap "
              "ditampilkan.",
    },
    "error.number": {
        "en": "'{text}' is not a number; parameter {name} needs a number in {range}.",
        "id": "'{text}' bukan angka; parameter {name} memerlukan angka dalam {range}.",
    },
    "error.range_text": {"en": "{low} to {high} ({unit})", "id": "{low} sampai {high} ({unit})"},
    "error.not_number": {"en": "'{text}' is not a number. Valid: {range}.",
                         "id": "'{text}' bukan angka. Yang sah: {range}."},
    "error.not_whole": {"en": "'{text}' is not a whole number. Valid: {range}.",
                        "id": "'{text}' bukan bilangan bulat. Yang sah: {range}."},
    "error.out_of_range": {"en": "{text} is outside the valid range: {range}.",
                           "id": "{text} di luar rentang yang sah: {range}."},
    "error.entry_sum": {
        "en": "Help-seekers going first to the police and to an agency add up to {total}; "
              "together they must not exceed 1 (the rest go to the center directly).",
        "id": "Pencari bantuan yang pertama ke polisi dan ke instansi berjumlah {total}; "
              "jumlahnya tidak boleh lebih dari 1 (sisanya langsung ke lembaga).",
    },
    "error.address": {"en": "The address asks for something the app cannot use, so it was "
                            "skipped: {detail}",
                      "id": "Alamat meminta sesuatu yang tidak dapat dipakai aplikasi, jadi "
                            "dilewati: {detail}"},
    "error.model": {
        "en": "The model stopped with an error: {detail}. Press Reset to start again.",
        "id": "Model berhenti karena kesalahan: {detail}. Tekan Atur ulang untuk memulai lagi.",
    },

    # --- explore: numbers and charts ---------------------------------------------------
    "kpi.week": {"en": "Week {week}", "id": "Minggu ke-{week}"},
    "kpi.week_title": {"en": "Week", "id": "Minggu ke-"},
    "kpi.start": {"en": "start of {year}", "id": "awal tahun {year}"},
    "kpi.year": {"en": "in {year}", "id": "tahun {year}"},
    "kpi.uptake": {"en": "Referral uptake", "id": "Serapan rujukan"},
    "kpi.uptake_sub": {"en": "referred ÷ seen by agencies, last 13 weeks",
                       "id": "dirujuk ÷ ditemui instansi, 13 minggu terakhir"},
    "kpi.cases": {"en": "Cases handled", "id": "Kasus ditangani"},
    "kpi.cases_sub": {"en": "taken into accompaniment, last 52 weeks",
                      "id": "mulai didampingi, 52 minggu terakhir"},
    "kpi.waiting": {"en": "Waiting now", "id": "Menunggu saat ini"},
    "kpi.waiting_sub": {"en": "survivors on the waiting list", "id": "korban dalam daftar tunggu"},
    "kpi.trust": {"en": "Agencies' trust", "id": "Kepercayaan instansi"},
    "kpi.trust_sub": {
        "en": "mean of the 8 agencies, 0 to 1",
        "id": "rata-rata 8 instansi, 0 sampai 1",
    },
    "kpi.funds": {"en": "Funds", "id": "Dana"},
    "kpi.funds_sub": {"en": "IDR million", "id": "juta rupiah"},
    "kpi.people": {"en": "Staff · volunteers", "id": "Staf · relawan"},
    "kpi.people_sub": {"en": "working now", "id": "yang bekerja saat ini"},
    "kpi.community": {"en": "Groups · cadres", "id": "Komunitas · kader"},
    "kpi.community_sub": {"en": "accompanied groups and trained cadres",
                          "id": "komunitas dampingan dan kader terlatih"},
    "flow.incidents": {"en": "GBV incidents", "id": "Kejadian KBG"},
    "flow.sought": {"en": "sought help by themselves", "id": "mencari bantuan sendiri"},
    "flow.found": {"en": "found by community groups", "id": "ditemukan komunitas dampingan"},
    "flow.seen": {"en": "seen by an agency or the police", "id": "ditemui instansi atau polisi"},
    "flow.referred": {"en": "referred to the center", "id": "dirujuk ke lembaga"},
    "flow.direct": {"en": "came to the center directly", "id": "datang langsung ke lembaga"},
    "flow.intake": {"en": "taken into accompaniment", "id": "mulai didampingi"},
    "flow.unmet": {"en": "reached a service but were not served",
                   "id": "sampai ke layanan tetapi tidak tertangani"},
    "flow.unreached": {"en": "never reached any service", "id": "tidak pernah terjangkau layanan"},
    "chart.uptake": {"en": "Referral uptake (13-week window)",
                     "id": "Serapan rujukan (jendela 13 minggu)"},
    "chart.uptake_line": {
        "en": "share of agency cases referred",
        "id": "porsi kasus instansi yang dirujuk",
    },
    "chart.casework": {"en": "Casework at the center", "id": "Penanganan kasus di lembaga"},
    "chart.handled52": {"en": "handled, past 52 weeks", "id": "ditangani, 52 minggu terakhir"},
    "chart.reported": {"en": "reported", "id": "dilaporkan"},
    "reported.cases": {
        "en": "reported: {value} cases handled in {period}; source: {source}",
        "id": "dilaporkan: {value} kasus ditangani pada {period}; sumber: {source}",
    },
    "reported.cases_part": {
        "en": "reported: {value} cases handled in {period} (about {per_year} scaled to 12 "
              "months); source: {source}",
        "id": "dilaporkan: {value} kasus ditangani pada {period} (setara sekitar {per_year} "
              "per 12 bulan); sumber: {source}",
    },
    "reported.months": {"en": "the first {months} months of {year}",
                        "id": "{months} bulan pertama {year}"},
    "reported.groups": {"en": "reported: {value} accompanied groups in {year}; source: {source}",
                        "id": "dilaporkan: {value} komunitas dampingan pada {year}; "
                              "sumber: {source}"},
    "chart.in_service": {"en": "in accompaniment", "id": "sedang didampingi"},
    "chart.waiting": {"en": "waiting", "id": "menunggu"},
    "chart.trust": {
        "en": "Agencies' trust in the center",
        "id": "Kepercayaan instansi kepada lembaga",
    },
    "chart.mean": {"en": "mean", "id": "rata-rata"},
    "chart.city_dashed": {"en": "city: dashed", "id": "kota: putus-putus"},
    "chart.funds": {"en": "Funds (IDR million)", "id": "Dana (juta rupiah)"},
    "chart.people": {"en": "Staff and volunteers", "id": "Staf dan relawan"},
    "chart.staff": {"en": "staff", "id": "staf"},
    "chart.volunteers": {"en": "volunteers", "id": "relawan"},
    "chart.community": {"en": "Community field", "id": "Ranah komunitas"},
    "chart.cadres": {"en": "cadres", "id": "kader"},
    "chart.groups": {"en": "accompanied groups", "id": "komunitas dampingan"},
    "chart.empty": {"en": "Press Play or +1 year", "id": "Tekan Jalankan atau +1 tahun"},
    "chart.cases_rate": {"en": "Cases handled per year (quarterly rate)",
                         "id": "Kasus ditangani per tahun (laju triwulanan)"},
    "chart.mean_trust": {
        "en": "Agencies' mean trust (0-1)",
        "id": "Rata-rata kepercayaan instansi (0-1)",
    },
    "chart.conflicts": {"en": "Conflicts with agencies per year (past 52 weeks)",
                        "id": "Konflik dengan instansi per tahun (52 minggu terakhir)"},
    "chart.found_rate": {"en": "Survivors found by groups, per year (quarterly rate)",
                         "id": "Korban ditemukan komunitas, per tahun (laju triwulanan)"},
    "chart.unmet_rate": {"en": "Unmet need per year (quarterly rate)",
                         "id": "Kebutuhan tak terpenuhi per tahun (laju triwulanan)"},
    "chart.waiting_title": {"en": "Survivors waiting", "id": "Korban menunggu"},
    "chart.staff_title": {"en": "Staff", "id": "Staf"},
    "chart.volunteers_title": {"en": "Volunteers", "id": "Relawan"},
    "chart.groups_title": {"en": "Accompanied community groups", "id": "Komunitas dampingan"},
    "net.province": {"en": "Province", "id": "Provinsi"},
    "net.city": {"en": "City", "id": "Kota"},
    "net.community": {"en": "Community", "id": "Komunitas"},
    "net.center": {"en": "WCC Nurani Perempuan", "id": "WCC Nurani Perempuan"},
    "net.trust": {"en": "trust", "id": "percaya"},
    "net.referred": {"en": "referred", "id": "dirujuk"},
    "net.in_service": {"en": "in accompaniment", "id": "didampingi"},
    "net.waiting": {"en": "waiting", "id": "menunggu"},
    "net.brought": {"en": "{n} survivors brought in by groups in the past 52 weeks",
                    "id": "{n} korban dibawa komunitas dalam 52 minggu terakhir"},
    "net.free_cadres": {"en": "cadres not yet in a group", "id": "kader belum berkelompok"},
    "net.staff": {"en": "Staff", "id": "Staf"},
    "net.volunteer": {"en": "Volunteer", "id": "Relawan"},
    "net.group": {"en": "Community group", "id": "Komunitas dampingan"},
    "net.cadre": {"en": "Cadre", "id": "Kader"},
    "net.agency_prov": {"en": "Province agency", "id": "Instansi provinsi"},
    "net.agency_city": {"en": "City agency", "id": "Instansi kota"},
    "net.tie": {"en": "Personal tie", "id": "Jaringan pribadi"},
    "net.trust_line": {
        "en": "Trust (red low → green high)",
        "id": "Kepercayaan (merah rendah → hijau tinggi)",
    },
    "agency.uptd_ppa": {"en": "UPTD PPA", "id": "UPTD PPA"},
    "agency.dinsos": {"en": "Dinas Sosial", "id": "Dinas Sosial"},
    "agency.dp3ap2kb": {"en": "DP3AP2KB", "id": "DP3AP2KB"},
    "agency.police": {"en": "Police", "id": "Kepolisian"},

    # --- parameters shown as sliders (labels and help) ------------------------------------
    "param.skill": {"en": "Skill of staff and volunteers", "id": "Keterampilan staf dan relawan"},
    "help.skill": {
        "en": "Seeing opportunities and meeting the agencies' bureaucratic requirements "
              "(0 none, 1 full).",
        "id": "Melihat peluang dan memenuhi persyaratan birokrasi instansi (0 tidak ada, 1 penuh).",
    },
    "param.volunteerism": {"en": "Volunteerism (dedication without pay)",
                           "id": "Voluntarisme (dedikasi tanpa imbalan)"},
    "help.volunteerism": {
        "en": "How firmly people keep working without incentives; low values mean more leave, "
              "above all when money is short.",
        "id": "Seberapa teguh orang tetap bekerja tanpa insentif; nilai rendah berarti lebih "
              "banyak yang keluar, terutama saat dana menipis.",
    },
    "param.accountability": {"en": "Accountability reporting", "id": "Pelaporan akuntabilitas"},
    "help.accountability": {
        "en": "Share of quarterly activity and funding reports delivered. Reports prevent "
              "conflicts and keep the donor.",
        "id": "Persentase laporan kegiatan dan keuangan triwulanan yang disampaikan. Laporan "
              "mencegah konflik dan menjaga donor.",
    },
    "param.commitment": {"en": "Commitment to survivors (\"a friend to women\")",
                         "id": "Komitmen kepada korban (\"teman perempuan\")"},
    "help.commitment": {
        "en": "Understanding of survivor accompaniment: more good case outcomes, which build "
              "the agencies' trust.",
        "id": "Pemahaman pendampingan korban: lebih banyak hasil kasus yang baik, yang "
              "membangun kepercayaan instansi.",
    },
    "param.meetings_per_month": {"en": "Face-to-face meetings with agencies",
                                 "id": "Pertemuan tatap muka dengan instansi"},
    "help.meetings_per_month": {"en": "Meetings each staff member holds with agency contacts "
                                      "in a month.",
                                "id": "Pertemuan setiap staf dengan kontak di instansi dalam "
                                      "sebulan."},
    "param.referral_agreement": {"en": "Referral agreement (MoU) signed",
                                 "id": "Nota kesepahaman (MoU) rujukan ditandatangani"},
    "help.referral_agreement": {
        "en": "With an agreement every referral request meets the agencies' requirements.",
        "id": "Dengan MoU setiap permohonan rujukan dianggap memenuhi persyaratan instansi.",
    },
    "param.campaign_hours_per_week": {"en": "Awareness campaigns", "id": "Kampanye penyadaran"},
    "help.campaign_hours_per_week": {"en": "Hours each staff member spends on campaigns in a week.",
                                     "id": "Jam kampanye setiap staf dalam seminggu."},
    "param.socialization_hours_per_week": {"en": "Socialization in communities",
                                           "id": "Sosialisasi di masyarakat"},
    "help.socialization_hours_per_week": {
        "en": "Hours each staff member spends in communities in a week; trained residents "
              "become cadres and form groups.",
        "id": "Jam setiap staf di masyarakat dalam seminggu; warga yang terlatih menjadi kader "
              "dan membentuk komunitas dampingan.",
    },
    "param.donor_grant_per_year": {"en": "Donor grant", "id": "Hibah donor"},
    "help.donor_grant_per_year": {
        "en": "Yearly grant while a donor funds the center; renewal depends on accountability "
              "reports.",
        "id": "Hibah tahunan selama donor mendanai lembaga; perpanjangan bergantung pada laporan "
              "akuntabilitas.",
    },
    "param.staff_turnover_per_year": {"en": "Staff turnover", "id": "Pergantian staf"},
    "help.staff_turnover_per_year": {
        "en": "Chance that a staff member leaves in a year; her personal ties leave with her.",
        "id": "Peluang seorang staf keluar dalam setahun; jaringan pribadinya ikut hilang.",
    },
    "param.n_staff": {"en": "Staff positions", "id": "Posisi staf"},
    "help.n_staff": {"en": "Paid positions the center fills when it can pay for them.",
                     "id": "Posisi bergaji yang diisi lembaga bila dananya cukup."},
    "param.n_volunteers": {"en": "Volunteers at the start", "id": "Relawan di awal"},
    "help.n_volunteers": {"en": "Unpaid volunteers when the run starts; more join every year.",
                          "id": "Relawan tanpa bayaran saat simulasi dimulai; setiap tahun ada "
                                "yang bergabung."},

    # --- compare ------------------------------------------------------------------------------
    "compare.heading": {"en": "Compare two scenarios", "id": "Bandingkan dua skenario"},
    "compare.intro": {
        "en": "Each scenario is run several times with different random seeds (the same seeds "
              "for both), so chance is averaged out. Lines are means; shaded bands are 95% "
              "confidence intervals of the mean.",
        "id": "Setiap skenario dijalankan beberapa kali dengan seed acak berbeda (seed yang sama "
              "untuk keduanya), sehingga faktor kebetulan dirata-ratakan. Garis adalah rata-rata; "
              "pita berarsir adalah selang keyakinan 95% dari rata-rata.",
    },
    "compare.side_a": {"en": "Scenario A", "id": "Skenario A"},
    "compare.side_b": {"en": "Scenario B", "id": "Skenario B"},
    "compare.edit": {"en": "Change settings", "id": "Ubah pengaturan"},
    "compare.edited": {"en": "edited", "id": "diubah"},
    "compare.reps": {"en": "Runs per scenario", "id": "Jumlah simulasi per skenario"},
    "compare.years": {"en": "Years to simulate", "id": "Lama simulasi (tahun)"},
    "compare.seed": {"en": "First seed", "id": "Seed pertama"},
    "compare.run": {"en": "Run the comparison", "id": "Jalankan perbandingan"},
    "compare.progress": {"en": "Run {done} of {total}", "id": "Simulasi {done} dari {total}"},
    "compare.none_yet": {
        "en": "Choose two scenarios and press \"Run the comparison\". Ten runs of three years "
              "take a few seconds.",
        "id": "Pilih dua skenario lalu tekan \"Jalankan perbandingan\". Sepuluh simulasi "
              "selama tiga tahun memerlukan beberapa detik.",
    },
    "compare.stale": {"en": "The settings changed since this result; run again to update it.",
                      "id": "Pengaturan berubah sejak hasil ini; jalankan lagi untuk memperbarui."},
    "compare.verdict": {"en": "Verdict", "id": "Kesimpulan"},
    "compare.csv": {"en": "Results (CSV)", "id": "Hasil (CSV)"},
    "compare.png": {"en": "Charts (PNG)", "id": "Grafik (PNG)"},
    "verdict.headline_some": {
        "en": "With {n} paired runs per scenario, {b} differs from {a} on {k} of {m} outcomes "
              "(paired t-tests, Holm-adjusted p < 0.05): {which}.",
        "id": "Dengan {n} simulasi berpasangan per skenario, {b} berbeda dari {a} pada {k} dari "
              "{m} hasil (uji t berpasangan, p terkoreksi Holm < 0,05): {which}.",
    },
    "verdict.headline_none": {
        "en": "With {n} paired runs per scenario, {a} and {b} cannot be told apart on any of "
              "the {m} outcomes (paired t-tests, Holm-adjusted p ≥ 0.05).",
        "id": "Dengan {n} simulasi berpasangan per skenario, {a} dan {b} belum dapat dibedakan "
              "pada satu pun dari {m} hasil (uji t berpasangan, p terkoreksi Holm ≥ 0,05).",
    },
    "verdict.higher": {"en": "higher {outcome}", "id": "{outcome} lebih tinggi"},
    "verdict.lower": {"en": "lower {outcome}", "id": "{outcome} lebih rendah"},
    "verdict.and": {"en": "and", "id": "dan"},
    "verdict.line_up": {
        "en": "{Outcome}: higher with B. {a} with A against {b} with B; paired difference "
              "{diff} (95% confidence interval {lo} to {hi}), Holm-adjusted p {p}.",
        "id": "{Outcome}: lebih tinggi dengan B. {a} dengan A dibanding {b} dengan B; selisih "
              "berpasangan {diff} (selang keyakinan 95% {lo} sampai {hi}), p terkoreksi Holm {p}.",
    },
    "verdict.line_down": {
        "en": "{Outcome}: lower with B. {a} with A against {b} with B; paired difference "
              "{diff} (95% confidence interval {lo} to {hi}), Holm-adjusted p {p}.",
        "id": "{Outcome}: lebih rendah dengan B. {a} dengan A dibanding {b} dengan B; selisih "
              "berpasangan {diff} (selang keyakinan 95% {lo} sampai {hi}), p terkoreksi Holm {p}.",
    },
    "verdict.line_same": {
        "en": "{Outcome}: cannot be told apart. {a} with A against {b} with B; paired "
              "difference {diff} (95% confidence interval {lo} to {hi}), Holm-adjusted p {p}.",
        "id": "{Outcome}: belum dapat dibedakan. {a} dengan A dibanding {b} dengan B; selisih "
              "berpasangan {diff} (selang keyakinan 95% {lo} sampai {hi}), p terkoreksi Holm {p}.",
    },
    "verdict.more": {
        "en": "More runs may tell apart: {which}.",
        "id": "Simulasi tambahan mungkin dapat membedakan: {which}.",
    },
    "verdict.at_max": {
        "en": "At {n} runs per scenario, {which} still cannot be told apart: a real difference, "
              "if any, lies within the intervals shown.",
        "id": "Dengan {n} simulasi per skenario, {which} tetap belum dapat dibedakan: selisih "
              "yang nyata, bila ada, berada di dalam selang yang ditampilkan.",
    },
    "verdict.also": {"en": "Also at the end: volunteers {a} against {b}; community groups {c} "
                           "against {d}.",
                     "id": "Juga di akhir: relawan {a} dibanding {b}; komunitas dampingan {c} "
                           "dibanding {d}."},
    "outcome.uptake": {"en": "referral uptake in {year}", "id": "serapan rujukan tahun {year}"},
    "outcome.cases": {"en": "cases handled in {year}", "id": "kasus ditangani tahun {year}"},
    "outcome.unmet": {"en": "survivors not served in {year}",
                      "id": "korban tidak tertangani tahun {year}"},
    "outcome.trust": {"en": "agencies' mean trust at the end",
                      "id": "rata-rata kepercayaan instansi di akhir"},
    "outcome.funds": {"en": "funds at the end (IDR million)",
                      "id": "dana di akhir (juta rupiah)"},
    "outcome.staff": {"en": "staff at the end", "id": "staf di akhir"},
    "tip.skill": {"en": "skill", "id": "keterampilan"},
    "tip.commitment": {"en": "commitment", "id": "komitmen"},
    "tip.cases": {"en": "cases", "id": "kasus"},
    "tip.dedication": {"en": "dedication", "id": "dedikasi"},
    "tip.burnout": {"en": "burnout", "id": "kelelahan"},
    "tip.cadres": {"en": "cadres", "id": "kader"},
    "tip.ties": {"en": "staff ties", "id": "jaringan staf"},
    "png.explore_title": {"en": "Kolaborasi · {scenario} · seed {seed} · week {week} ({year})",
                          "id": "Kolaborasi · {scenario} · seed {seed} · minggu ke-{week} "
                                "({year})"},
    "png.compare_title": {"en": "Kolaborasi · A: {a} · B: {b} · {n} runs each",
                          "id": "Kolaborasi · A: {a} · B: {b} · {n} simulasi masing-masing"},
    "compare.more": {"en": "More runs: {n} → {m} per scenario",
                     "id": "Tambah simulasi: {n} → {m} per skenario"},
    "verdict.note": {
        "en": "Numbers are means of {n} runs with 95% confidence intervals in brackets. The "
              "model shows mechanisms, not forecasts: compare directions and sizes, not exact "
              "values.",
        "id": "Angka adalah rata-rata dari {n} simulasi dengan selang keyakinan 95% dalam "
              "kurung. Model ini menunjukkan mekanisme, bukan ramalan: bandingkan arah dan "
              "besarnya, bukan nilai pastinya.",
    },

    # --- teach ----------------------------------------------------------------------------------
    "teach.heading": {"en": "Classroom mode", "id": "Mode kelas"},
    "teach.step_of": {"en": "Mechanism {i} of {n}", "id": "Mekanisme {i} dari {n}"},
    "teach.back": {"en": "Back", "id": "Kembali"},
    "teach.next": {"en": "Next", "id": "Lanjut"},
    "teach.start": {"en": "Start", "id": "Mulai"},
    "teach.run": {"en": "Run the experiment", "id": "Jalankan percobaan"},
    "teach.rerun": {"en": "Run again", "id": "Jalankan lagi"},
    "teach.study": {"en": "What the study found", "id": "Temuan penelitian"},
    "teach.model": {"en": "How the model works", "id": "Cara kerja model"},
    "teach.ask": {"en": "Ask the class", "id": "Tanyakan kepada kelas"},
    "teach.result": {"en": "What happened", "id": "Yang terjadi"},
    "teach.experiment": {
        "en": "The experiment: {reps} runs of {years} years with the lever on, and the same "
              "{reps} runs with it off. Lines are means, bands 95% confidence intervals.",
        "id": "Percobaan: {reps} simulasi selama {years} tahun dengan pengungkit aktif, dan "
              "{reps} simulasi yang sama dengan pengungkit nonaktif. Garis adalah rata-rata, "
              "pita selang keyakinan 95%.",
    },
    "teach.waiting": {"en": "Press \"Run the experiment\" when the class has guessed.",
                      "id": "Tekan \"Jalankan percobaan\" setelah kelas menebak."},
    "teach.intro_title": {"en": "Six mechanisms of collaboration",
                          "id": "Enam mekanisme kolaborasi"},
    "teach.intro": {
        "en": "This mode walks through the mechanisms that a study of WCC Nurani Perempuan in "
              "Padang found behind its collaboration with government agencies and communities. "
              "Each screen gives the finding, how the model turns it into rules, a question "
              "for the class, and an experiment: the same runs with one lever on and off.\n\n"
              "Use the big Next and Back buttons, a presenter's clicker or the arrow keys from "
              "the front of the room; the Run button shows the result when the class has made "
              "its guess.",
        "id": "Mode ini menelusuri mekanisme yang ditemukan penelitian tentang WCC Nurani "
              "Perempuan di Padang di balik kolaborasinya dengan instansi pemerintah dan "
              "masyarakat. Setiap layar berisi temuan, cara model mengubahnya menjadi aturan, "
              "pertanyaan untuk kelas, dan percobaan: simulasi yang sama dengan satu pengungkit "
              "aktif dan nonaktif.\n\nGunakan tombol besar Lanjut dan Kembali, clicker "
              "presentasi, atau tombol panah dari depan kelas; tombol Jalankan menampilkan hasil "
              "setelah kelas menebak.",
    },
    # mechanism 1: advocacy and trust
    "mech.trust.title": {"en": "Advocacy and trust", "id": "Advokasi dan kepercayaan"},
    "mech.trust.study": {
        "en": "Staff meet agency contacts face to face and attend the forums the agencies host. "
              "These personal ties are the center's network capital.",
        "id": "Staf bertemu langsung dengan kontak di instansi dan menghadiri forum yang diadakan "
              "instansi. Jaringan pribadi ini adalah modal jaringan lembaga.",
    },
    "mech.trust.model": {
        "en": "Each meeting counts as a good experience for the agency and strengthens a "
              "staff member's tie. Trust follows a Beta reputation: good and bad experiences "
              "are counted, old ones slowly forgotten, so trust sinks back without contact.",
        "id": "Setiap pertemuan dihitung sebagai pengalaman baik bagi instansi dan memperkuat "
              "jaringan staf. Kepercayaan mengikuti reputasi Beta: pengalaman baik dan buruk "
              "dihitung, yang lama perlahan dilupakan, sehingga kepercayaan turun bila tidak ada "
              "kontak.",
    },
    "mech.trust.ask": {"en": "If staff stop meeting agencies, what happens to trust and to "
                             "referrals?",
                       "id": "Jika staf berhenti bertemu instansi, apa yang terjadi pada "
                             "kepercayaan dan rujukan?"},
    "mech.trust.on": {"en": "3 meetings a month", "id": "3 pertemuan sebulan"},
    "mech.trust.off": {"en": "no meetings", "id": "tanpa pertemuan"},
    "mech.trust.result": {
        "en": "After {years} years agencies' mean trust is {on} with meetings and {off} "
              "without; referral uptake in the last year is {on2} vs {off2}.",
        "id": "Setelah {years} tahun rata-rata kepercayaan instansi {on} dengan pertemuan dan "
              "{off} tanpa pertemuan; serapan rujukan pada tahun terakhir {on2} vs {off2}.",
    },
    # mechanism 2: referral
    "mech.referral.title": {"en": "Referral", "id": "Rujukan"},
    "mech.referral.study": {
        "en": "The center asks agencies for referrals and must meet each agency's "
              "requirements. Agencies refer survivors to the center when they trust it to "
              "protect her from every angle.",
        "id": "Lembaga meminta rujukan kepada instansi dan harus memenuhi persyaratan setiap "
              "instansi. Instansi merujuk korban ke lembaga bila percaya lembaga mampu "
              "melindunginya dari segala sisi.",
    },
    "mech.referral.model": {
        "en": "An agency refers a survivor with a chance that grows with its trust and with "
              "the staff's ties to it, and is cut to less than a third when the center's "
              "request did not meet its requirements. A signed agreement (MoU) makes every "
              "request count as met.",
        "id": "Instansi merujuk korban dengan peluang yang naik seiring kepercayaannya dan "
              "jaringan staf dengannya, dan dipotong menjadi kurang dari sepertiga bila "
              "permohonan lembaga tidak memenuhi persyaratan. MoU yang ditandatangani membuat "
              "setiap permohonan dianggap memenuhi syarat.",
    },
    "mech.referral.ask": {"en": "How much would a referral agreement change the share of "
                                "survivors referred?",
                          "id": "Seberapa besar MoU rujukan mengubah porsi korban yang dirujuk?"},
    "mech.referral.on": {"en": "with an MoU", "id": "dengan MoU"},
    "mech.referral.off": {"en": "without an MoU", "id": "tanpa MoU"},
    "mech.referral.result": {
        "en": "In year {years} agencies refer {on} of the survivors they see with an agreement "
              "and {off} without; the center takes in {on2} vs {off2} cases that year.",
        "id": "Pada tahun ke-{years} instansi merujuk {on} korban yang mereka temui dengan MoU dan "
              "{off} tanpa MoU; lembaga mendampingi {on2} vs {off2} kasus pada tahun itu.",
    },
    # mechanism 3: accountability and conflict
    "mech.accountability.title": {"en": "Accountability and conflict",
                                  "id": "Akuntabilitas dan konflik"},
    "mech.accountability.study": {
        "en": "Staff and volunteers report their activities, funding included, to the parties "
              "concerned. This keeps down conflicts that would block collaboration or backfire.",
        "id": "Staf dan relawan melaporkan kegiatan, termasuk keuangan, kepada pihak terkait. "
              "Ini menekan konflik yang dapat menghambat kolaborasi atau berbalik merugikan.",
    },
    "mech.accountability.model": {
        "en": "Each quarter a report is delivered with the chance set by accountability. "
              "Conflicts with agencies are likelier with little reporting; each conflict is a "
              "bad experience that cuts trust and ties, and lowers the donor's chance to renew.",
        "id": "Setiap triwulan laporan disampaikan dengan peluang sebesar tingkat akuntabilitas. "
              "Konflik dengan instansi lebih mungkin bila pelaporan sedikit; setiap konflik adalah "
              "pengalaman buruk yang menurunkan kepercayaan dan jaringan, serta peluang donor "
              "memperpanjang hibah.",
    },
    "mech.accountability.ask": {"en": "What happens when only one report in five is delivered?",
                                "id": "Apa yang terjadi bila hanya satu dari lima laporan "
                                      "disampaikan?"},
    "mech.accountability.on": {"en": "80% of reports delivered", "id": "80% laporan disampaikan"},
    "mech.accountability.off": {"en": "20% of reports delivered", "id": "20% laporan disampaikan"},
    "mech.accountability.result": {
        "en": "With good reporting there are {on} conflicts a year, with poor reporting {off}; "
              "after {years} years the center has {on2} vs {off2} staff.",
        "id": "Dengan pelaporan baik terjadi {on} konflik per tahun, dengan pelaporan buruk "
              "{off}; setelah {years} tahun lembaga memiliki {on2} vs {off2} staf.",
    },
    # mechanism 4: volunteerism
    "mech.volunteerism.title": {"en": "Volunteerism", "id": "Voluntarisme"},
    "mech.volunteerism.study": {
        "en": "Staff and volunteers keep handling cases although the center cannot promise "
              "incentives. Outside parties notice this and recognise the center as deserving "
              "to remain.",
        "id": "Staf dan relawan tetap menangani kasus meski lembaga tidak dapat menjanjikan "
              "insentif. Pihak luar melihat hal ini dan mengakui lembaga layak untuk tetap ada.",
    },
    "mech.volunteerism.model": {
        "en": "Each person's dedication is drawn around the volunteerism level. Dedicated "
              "volunteers give more time and leave less often, and dedicated staff stay on "
              "when money runs short. Here the donor grant is halved, so money does run short.",
        "id": "Dedikasi setiap orang ditarik di sekitar tingkat voluntarisme. Relawan yang "
              "berdedikasi memberi lebih banyak waktu dan lebih jarang keluar, dan staf yang "
              "berdedikasi bertahan saat dana menipis. Di sini hibah donor dipotong setengah, "
              "sehingga dana memang menipis.",
    },
    "mech.volunteerism.ask": {"en": "When the grant is halved, who keeps the center going?",
                              "id": "Saat hibah dipotong setengah, siapa yang menjaga lembaga "
                                    "tetap berjalan?"},
    "mech.volunteerism.on": {"en": "high volunteerism (0.9)", "id": "voluntarisme tinggi (0,9)"},
    "mech.volunteerism.off": {"en": "low volunteerism (0.2)", "id": "voluntarisme rendah (0,2)"},
    "mech.volunteerism.result": {
        "en": "With the grant halved, after {years} years {on} volunteers remain with high "
              "volunteerism and {off} with low; the center takes in {on2} vs {off2} cases in "
              "the last year.",
        "id": "Dengan hibah dipotong setengah, setelah {years} tahun tersisa {on} relawan pada "
              "voluntarisme tinggi dan {off} pada voluntarisme rendah; lembaga mendampingi {on2} "
              "vs {off2} kasus pada tahun terakhir.",
    },
    # mechanism 5: community cadres
    "mech.community.title": {"en": "Community cadres", "id": "Kader komunitas"},
    "mech.community.study": {
        "en": "Gradual socialization in communities produced cadres, and the center formed "
              "accompanied community groups, each coordinated by cadres.",
        "id": "Sosialisasi bertahap di masyarakat menghasilkan kader, dan lembaga membentuk "
              "komunitas dampingan yang masing-masing dikoordinasi kader.",
    },
    "mech.community.model": {
        "en": "Hours of socialization train cadres; three free cadres can form a group. Each "
              "group finds some survivors who would never have sought help and brings them to "
              "the center.",
        "id": "Jam sosialisasi menghasilkan kader; tiga kader yang belum berkelompok dapat "
              "membentuk komunitas. Setiap komunitas menemukan sebagian korban yang tidak akan "
              "mencari bantuan dan membawanya ke lembaga.",
    },
    "mech.community.ask": {"en": "Without socialization, which survivors are never seen?",
                           "id": "Tanpa sosialisasi, korban mana yang tidak pernah terlihat?"},
    "mech.community.on": {"en": "socialization", "id": "dengan sosialisasi"},
    "mech.community.off": {"en": "no socialization", "id": "tanpa sosialisasi"},
    "mech.community.result": {
        "en": "After {years} years there are {on} community groups with socialization and {off} "
              "without; groups bring {on2} vs {off2} survivors a year to the center.",
        "id": "Setelah {years} tahun ada {on} komunitas dampingan dengan sosialisasi dan {off} "
              "tanpa sosialisasi; komunitas membawa {on2} vs {off2} korban per tahun ke lembaga.",
    },
    # mechanism 6: funding
    "mech.funding.title": {"en": "Funding", "id": "Pendanaan"},
    "mech.funding.study": {
        "en": "The center analyses funding opportunities and agency programs it can join. Its "
              "staff are paid from a donor grant and joint programs; volunteers are not paid.",
        "id": "Lembaga menganalisis peluang pendanaan dan program instansi yang dapat diikuti. "
              "Staf digaji dari hibah donor dan program bersama; relawan tidak dibayar.",
    },
    "mech.funding.model": {
        "en": "Funds grow with the grant and joint programs and shrink with salaries and case "
              "costs. When funds run short staff are laid off, and their time and ties go with "
              "them.",
        "id": "Dana bertambah dari hibah dan program bersama, dan berkurang untuk gaji dan biaya "
              "kasus. Saat dana menipis staf diberhentikan, dan waktu serta jaringannya ikut "
              "hilang.",
    },
    "mech.funding.ask": {"en": "If the donor grant is halved, how many cases are lost?",
                         "id": "Jika hibah donor dipotong setengah, berapa kasus yang hilang?"},
    "mech.funding.on": {"en": "full grant (IDR 275 m/yr)", "id": "hibah penuh (Rp275 juta/thn)"},
    "mech.funding.off": {"en": "grant halved (IDR 137.5 m/yr)",
                         "id": "hibah setengah (Rp137,5 juta/thn)"},
    "mech.funding.result": {
        "en": "After {years} years the center has {on} staff with the full grant and {off} with "
              "half; it takes in {on2} vs {off2} cases in the last year.",
        "id": "Setelah {years} tahun lembaga memiliki {on} staf dengan hibah penuh dan {off} "
              "dengan setengah hibah; lembaga mendampingi {on2} vs {off2} kasus pada tahun "
              "terakhir.",
    },

    # --- about ------------------------------------------------------------------------------------
    "about.heading": {"en": "About Kolaborasi", "id": "Tentang Kolaborasi"},
    "about.study_title": {"en": "The study behind the model", "id": "Penelitian di balik model"},
    "about.study": {
        "en": "Kolaborasi is an agent-based model built on a qualitative study of **WCC Nurani "
              "Perempuan**, a women's crisis center in Padang, West Sumatra. The study asks how "
              "the center builds collaboration with stakeholders to handle cases of women who "
              "are victims of gender-based violence, read through Bourdieu's habitus, capital "
              "and field.\n\n"
              "* **Fields**: the center works in the province and city fields, advocating to "
              "UPTD PPA, Dinas Sosial, DP3AP2KB and the police (face-to-face meetings, agency "
              "forums, funding opportunities, referral requests, campaigns), and in the "
              "community field, where socialization produced cadres and accompanied groups.\n"
              "* **Network capital**: the personal ties of staff and volunteers to strategic "
              "actors make multi-party collaboration possible.\n"
              "* **Habitus**: skill, volunteerism, accountability, and commitment to be \"a "
              "friend to women\" are what enable it; trust and referrals follow from them.",
        "id": "Kolaborasi adalah model berbasis agen yang dibangun dari penelitian kualitatif "
              "tentang **WCC Nurani Perempuan**, pusat krisis perempuan di Padang, Sumatera "
              "Barat. Penelitian itu menelaah bagaimana lembaga membangun kolaborasi dengan "
              "pemangku kepentingan untuk menangani kasus perempuan korban kekerasan berbasis "
              "gender, dengan teori habitus, modal dan ranah dari Bourdieu.\n\n"
              "* **Ranah**: lembaga bekerja di ranah provinsi dan kota, beradvokasi kepada "
              "UPTD PPA, Dinas Sosial, DP3AP2KB dan kepolisian (pertemuan tatap muka, forum "
              "instansi, peluang pendanaan, permohonan rujukan, kampanye), serta di ranah "
              "komunitas, tempat sosialisasi menghasilkan kader dan komunitas dampingan.\n"
              "* **Modal jaringan**: jaringan pribadi staf dan relawan dengan aktor strategis "
              "memungkinkan kolaborasi multipihak.\n"
              "* **Habitus**: keterampilan, voluntarisme, akuntabilitas, dan komitmen menjadi "
              "\"teman perempuan\" adalah pendorongnya; kepercayaan dan rujukan mengikutinya.",
    },
    "about.can_title": {"en": "What the model can say", "id": "Yang dapat dikatakan model"},
    "about.can": {
        "en": "* How the mechanisms the study describes could add up over months and years: "
              "trust built by contact, referrals that follow trust, conflicts kept down by "
              "reporting, staff lost when money runs short.\n"
              "* Which levers matter more or less *within the model*, and in which direction, "
              "when scenarios are compared over many runs.\n"
              "* A shared picture for discussion between the center, agencies, donors and "
              "students.",
        "id": "* Bagaimana mekanisme yang digambarkan penelitian dapat berakumulasi dalam "
              "hitungan bulan dan tahun: kepercayaan yang dibangun lewat kontak, rujukan yang "
              "mengikuti kepercayaan, konflik yang ditekan oleh pelaporan, staf yang hilang saat "
              "dana menipis.\n"
              "* Pengungkit mana yang lebih atau kurang berpengaruh *di dalam model*, dan ke "
              "arah mana, bila skenario dibandingkan dalam banyak simulasi.\n"
              "* Gambaran bersama untuk diskusi antara lembaga, instansi, donor dan mahasiswa.",
    },
    "about.cannot_title": {"en": "What it cannot say", "id": "Yang tidak dapat dikatakan model"},
    "about.cannot": {
        "en": "* It does not forecast numbers for Padang: most parameter values are "
              "assumptions; incidence, help-seeking and hours per case are fitted to the "
              "cases the center and two agencies reported in 2013 and 2018-2022.\n"
              "* It does not measure prevalence: incidents are those a service could come to "
              "know of, not all violence that happens.\n"
              "* The study is qualitative; the model turns its findings into rules, and "
              "other rules would be possible. It is not a substitute for the judgement of the "
              "people who do this work.",
        "id": "* Model ini tidak meramalkan angka untuk Padang: sebagian besar nilai parameter "
              "adalah asumsi; jumlah kejadian, kecenderungan mencari bantuan dan jam per kasus "
              "dikalibrasi terhadap kasus yang dilaporkan lembaga dan dua instansi pada 2013 "
              "dan 2018-2022.\n"
              "* Model ini tidak mengukur prevalensi: kejadian adalah kasus yang dapat diketahui "
              "layanan, bukan seluruh kekerasan yang terjadi.\n"
              "* Penelitiannya kualitatif; model mengubah temuannya menjadi aturan, dan aturan "
              "lain juga mungkin. Model bukan pengganti pertimbangan orang-orang yang "
              "menjalankan pekerjaan ini.",
    },
    "about.docs_title": {"en": "Documentation", "id": "Dokumentasi"},
    "about.docs": {
        "en": "The full model description (ODD+D protocol) and the table of every parameter, "
              "with unit, default, valid range and source, are part of the app and work "
              "offline.",
        "id": "Deskripsi lengkap model (protokol ODD+D) dan tabel semua parameter, dengan "
              "satuan, nilai awal, rentang sah dan sumbernya, tersedia di dalam aplikasi dan "
              "dapat dibuka tanpa internet. Kedua dokumen ini berbahasa Inggris.",
    },
    "about.privacy_title": {"en": "Privacy and offline use", "id": "Privasi dan penggunaan luring"},
    "about.privacy": {
        "en": "The app runs on this computer and needs no internet. It sends nothing "
              "anywhere and keeps no data about its users; each browser tab has its own model, "
              "which nobody else can see or change. No data about real survivors is used.",
        "id": "Aplikasi berjalan di komputer ini dan tidak memerlukan internet. Aplikasi tidak "
              "mengirim apa pun ke mana pun dan tidak menyimpan data penggunanya; setiap tab "
              "peramban memiliki modelnya sendiri, yang tidak dapat dilihat atau diubah orang "
              "lain. Tidak ada data korban sebenarnya yang digunakan.",
    },
    "about.scenarios_title": {"en": "The scenarios", "id": "Skenario"},
    "docs.english_only": {
        "en": "This document is available in English only.",
        "id": "Dokumen ini hanya tersedia dalam bahasa Inggris.",
    },
    "docs.back": {"en": "Back to About", "id": "Kembali ke Tentang"},
}

#: Units of the parameter table, translated.
UNITS = {
    "1/week": "1/minggu", "IDR million": "juta rupiah",
    "IDR million/(case·week)": "juta rupiah/(kasus·minggu)",
    "IDR million/(staff·month)": "juta rupiah/(staf·bulan)",
    "IDR million/year": "juta rupiah/tahun", "awareness/hour": "kesadaran/jam",
    "cadres": "kader", "cadres/hour": "kader/jam", "cases/(agency·week)": "kasus/(instansi·minggu)",
    "conflicts/(agency·year)": "konflik/(instansi·tahun)", "donors/year": "donor/tahun",
    "forums/(agency·year)": "forum/(instansi·tahun)", "hours": "jam",
    "hours/(case·week)": "jam/(kasus·minggu)", "hours/(staff·week)": "jam/(staf·minggu)",
    "hours/week": "jam/minggu", "meetings/(staff·month)": "pertemuan/(staf·bulan)",
    "multiplier": "pengali", "observations": "pengamatan",
    "opportunities/hour": "peluang/jam", "persons": "orang", "persons/year": "orang/tahun",
    "probability": "peluang", "probability/week": "peluang/minggu",
    "probability/year": "peluang/tahun", "programs/(agency·year)": "program/(instansi·tahun)",
    "pseudo-count": "hitungan semu", "score (0-1)": "skor (0-1)", "share": "porsi",
    "strength (0-1)": "kekuatan (0-1)", "survivors/week": "korban/minggu", "switch": "sakelar",
    "weeks": "minggu",
    "years": "tahun", "kecamatan": "kecamatan", "groups/kecamatan": "komunitas/kecamatan",
    "hours/report": "jam/laporan", "observations/week": "pengamatan/minggu",
    "calls/year": "panggilan/tahun", "severity (0-1)": "tingkat keparahan (0-1)",
    "calendar year": "tahun kalender",
}

#: Groups of the parameter table, translated.
PARAM_GROUPS = {
    "Survivors and help-seeking": "Korban dan pencarian bantuan",
    "Center capacity and casework": "Kapasitas lembaga dan penanganan kasus",
    "Advocacy (province and city fields)": "Advokasi (ranah provinsi dan kota)",
    "Community field": "Ranah komunitas",
    "Trust (Beta reputation) and personal ties": "Kepercayaan (reputasi Beta) dan jaringan pribadi",
    "Habitus (finding 2)": "Habitus (temuan 2)",
    "Conflicts": "Konflik",
    "Funding and staffing": "Pendanaan dan staf",
    "Volunteers": "Relawan",
}


def t(key: str, lang: str = "en", **values) -> str:
    """The text for ``key`` in ``lang`` ("en" or "id"), with placeholders filled in."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def unit(text: str, lang: str) -> str:
    """A parameter's unit in ``lang``."""
    return UNITS.get(text, text) if lang == "id" else text


def param_group(text: str, lang: str) -> str:
    """A group of the parameter table in ``lang``."""
    return PARAM_GROUPS.get(text, text) if lang == "id" else text


#: Babel locale of each language.
LOCALES = {"en": "en", "id": "id"}
#: Written for a number that is missing or not finite.
MISSING = "–"


def _pattern(digits: int, sign: bool = False) -> str:
    body = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return f"+{body};-{body}" if sign else body


@lru_cache(maxsize=8192)
def number(value: float, lang: str, digits: int = 0, sign: bool = False) -> str:
    """A number the way ``lang`` writes it (1,234.5 or 1.234,5), formatted by Babel.

    Cached: a live chart writes hundreds of numbers per step, most of them seen before.
    """
    from babel.numbers import format_decimal

    if value is None or not math.isfinite(value):
        return MISSING
    if round(value, digits) == 0:
        value, sign = 0.0, False                          # no "-0" or "+0,00"
    return format_decimal(value, format=_pattern(digits, sign), locale=LOCALES[lang],
                          decimal_quantization=True)


@lru_cache(maxsize=8192)
def percent(value: float, lang: str, digits: int = 0) -> str:
    """A share (0-1) as a percentage in ``lang`` (25% in both; 12.5% or 12,5%)."""
    from babel.numbers import format_percent

    if value is None or not math.isfinite(value):
        return MISSING
    return format_percent(value, format=_pattern(digits) + "%", locale=LOCALES[lang])


@lru_cache(maxsize=8192)
def significant(value: float, lang: str, digits: int = 3) -> str:
    """At most ``digits`` significant digits in ``lang`` (0.125 or 0,125; 12.3 or 12,3),
    whole numbers with thousands grouping from 10**digits on (1,234 or 1.234); by Babel."""
    from babel.numbers import format_decimal

    if value is None or not math.isfinite(value):
        return MISSING
    if abs(value) >= 10 ** digits:
        return number(value, lang)
    return format_decimal(value, format="@" + "#" * (digits - 1), locale=LOCALES[lang])


@lru_cache(maxsize=8192)
def compact(value: float, lang: str) -> str:
    """A large number shortened the way ``lang`` does, by Babel (2.5K or 2,5 rb; 1.25M or
    1,25 jt), for axis labels."""
    from babel.numbers import format_compact_decimal

    if value is None or not math.isfinite(value):
        return MISSING
    return format_compact_decimal(value, format_type="short", locale=LOCALES[lang],
                                  fraction_digits=2)


@lru_cache(maxsize=8192)
def plain(value: float, lang: str, digits: int = 0) -> str:
    """A number without thousands grouping and with exactly ``digits`` decimals, for
    calendar time (2027, 2027.5 or 2027,5), by Babel."""
    from babel.numbers import format_decimal

    if value is None or not math.isfinite(value):
        return MISSING
    return format_decimal(value, format="0" + ("." + "0" * digits if digits else ""),
                          locale=LOCALES[lang], decimal_quantization=True)


def points(value: float, lang: str) -> str:
    """A difference of two shares in percentage points, with its sign (+4 or -12)."""
    text = number(100 * value, lang, 0, sign=True)
    return text if text == MISSING else text + (" poin" if lang == "id" else " pts")


def p_value(p: float, lang: str) -> str:
    """A p-value as "= 0.03" or "< 0.001" in ``lang``."""
    if not math.isfinite(p):
        return "= " + MISSING
    if p < 0.001:
        return "< " + number(0.001, lang, 3)
    return "= " + number(p, lang, 3 if p < 0.01 else 2)

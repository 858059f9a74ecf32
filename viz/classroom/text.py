"""Every word of the classroom pages, in English ("en") and Bahasa Indonesia ("id").

Kept beside the classroom code (the app's other words are in viz.i18n, whose agency
and network names the classroom reuses). ``t(key, lang, **values)`` fills ``{name}``
placeholders; a test checks both languages and the placeholders of every key.
"""

from __future__ import annotations

from ..i18n import t as app_t

TEXT: dict[str, dict[str, str]] = {
    # --- teacher ---------------------------------------------------------------------
    "class.title": {"en": "Classroom: play the collaboration network",
                    "id": "Kelas: memerankan jaringan kolaborasi"},
    "class.intro": {
        "en": "Start a room and show its code: each student joins from a phone or laptop and "
              "plays a staff member, a volunteer or an agency contact. One round is one month. "
              "Roles nobody takes follow the model's own rules.",
        "id": "Buka ruang kelas dan tampilkan kodenya: setiap siswa bergabung dari ponsel atau "
              "laptop dan memerankan staf, relawan, atau petugas dinas. Satu putaran adalah satu "
              "bulan. Peran yang tidak diambil siapa pun mengikuti aturan model.",
    },
    "class.seed": {"en": "Random seed (optional, a whole number)",
                   "id": "Seed acak (boleh kosong, bilangan bulat)"},
    "class.start": {"en": "Start a room", "id": "Buka ruang kelas"},
    "class.code": {"en": "Room code", "id": "Kode kelas"},
    "class.join_at": {"en": "Join at this address or scan the code:",
                      "id": "Bergabung di alamat ini atau pindai kodenya:"},
    "class.round": {"en": "Round {n} · {month} {year}", "id": "Putaran {n} · {month} {year}"},
    "class.paused": {"en": "Paused", "id": "Dijeda"},
    "class.seconds_left": {"en": "{n} s left in this round", "id": "sisa {n} detik"},
    "class.no_timer": {"en": "No timer: the round waits for everyone",
                       "id": "Tanpa pengatur waktu: putaran menunggu semua"},
    "class.submitted": {"en": "{n} of {total} roles have decided",
                        "id": "{n} dari {total} peran sudah memutuskan"},
    "class.next": {"en": "Next round", "id": "Putaran berikutnya"},
    "class.pause": {"en": "Pause", "id": "Jeda"},
    "class.resume": {"en": "Resume", "id": "Lanjutkan"},
    "class.end": {"en": "End the class", "id": "Akhiri kelas"},
    "class.timer": {"en": "Timer per round", "id": "Waktu per putaran"},
    "class.timer_off": {"en": "no timer", "id": "tanpa batas"},
    "class.timer_s": {"en": "{n} seconds", "id": "{n} detik"},
    "class.players": {"en": "Students ({n})", "id": "Siswa ({n})"},
    "class.no_players": {"en": "Nobody has joined yet.", "id": "Belum ada yang bergabung."},
    "class.gone": {"en": "left (the model plays)", "id": "keluar (model yang bermain)"},
    "class.done": {"en": "decided", "id": "sudah memutuskan"},
    "class.thinking": {"en": "deciding…", "id": "sedang memutuskan…"},
    "class.by_rules": {"en": "{n} roles follow the model's own rules.",
                       "id": "{n} peran mengikuti aturan model."},
    "class.network": {"en": "The collaboration network", "id": "Jaringan kolaborasi"},
    "class.agency": {"en": "Agency", "id": "Dinas"},
    "class.trust": {"en": "Trust", "id": "Kepercayaan"},
    "class.referrals_total": {"en": "Referrals so far", "id": "Rujukan sejauh ini"},
    "class.referrals_round": {"en": "Last month", "id": "Bulan lalu"},
    "class.cases": {"en": "Cases handled last month", "id": "Kasus ditangani bulan lalu"},
    "class.in_service": {"en": "Survivors in accompaniment", "id": "Penyintas didampingi"},
    "class.waiting": {"en": "Survivors waiting", "id": "Penyintas menunggu"},
    "class.funds": {"en": "Funds (IDR million)", "id": "Dana (juta rupiah)"},
    "class.staff_vol": {"en": "Staff / volunteers", "id": "Staf / relawan"},
    "class.mean_trust": {"en": "Agencies' mean trust", "id": "Rata-rata kepercayaan dinas"},
    "class.events": {"en": "What happened last month", "id": "Yang terjadi bulan lalu"},
    "class.no_events": {"en": "Nothing unusual.", "id": "Tidak ada yang istimewa."},
    "class.expired": {"en": "This class has ended.", "id": "Kelas ini sudah berakhir."},
    # --- events ------------------------------------------------------------------------
    "event.staff_left": {"en": "{n} staff left the center", "id": "{n} staf keluar dari lembaga"},
    "event.staff_laid_off": {"en": "{n} staff laid off for lack of funds",
                             "id": "{n} staf diberhentikan karena dana kurang"},
    "event.staff_hired": {"en": "{n} staff hired", "id": "{n} staf baru direkrut"},
    "event.volunteers_left": {"en": "{n} volunteers left", "id": "{n} relawan keluar"},
    "event.volunteers_joined": {"en": "{n} volunteers joined", "id": "{n} relawan bergabung"},
    "event.grant_renewed": {"en": "a donor grant was renewed ({n})",
                            "id": "hibah donor diperpanjang ({n})"},
    "event.grant_lost": {"en": "a donor grant was not renewed ({n})",
                         "id": "hibah donor tidak diperpanjang ({n})"},
    "event.joint_programs": {"en": "{n} joint programs won with agencies",
                             "id": "{n} program bersama dengan dinas didapat"},
    "event.conflicts": {"en": "{n} conflicts with agencies", "id": "{n} konflik dengan dinas"},
    "event.new_groups": {"en": "{n} community groups formed",
                         "id": "{n} komunitas dampingan terbentuk"},
    "event.role_new_person": {"en": "{role} left the center; the role now plays a newer colleague",
                              "id": "{role} keluar dari lembaga; peran ini kini memerankan rekan "
                                    "yang lebih baru"},
    "event.role_vacant": {"en": "{role} left the center and nobody replaced her yet",
                          "id": "{role} keluar dari lembaga dan belum ada penggantinya"},
    # --- roles ---------------------------------------------------------------------------
    "role.staff": {"en": "Staff member {n}", "id": "Staf {n}"},
    "role.volunteer": {"en": "Volunteer {n}", "id": "Relawan {n}"},
    "role.agency": {"en": "Contact at {agency}", "id": "Petugas {agency}"},
    "role.staff.about": {
        "en": "You work at the center. Your time goes to survivors (casework), to meeting agency "
              "contacts, forums, funding proposals, community outreach and reports.",
        "id": "Anda bekerja di lembaga. Waktu Anda untuk penyintas (pendampingan kasus), bertemu "
              "petugas dinas, forum, proposal pendanaan, sosialisasi ke komunitas, dan laporan.",
    },
    "role.volunteer.about": {
        "en": "You volunteer at the center without pay. Taking one more case helps a survivor "
              "but can tire you out.",
        "id": "Anda relawan di lembaga tanpa bayaran. Mengambil satu kasus lagi menolong "
              "penyintas, tetapi bisa membuat Anda kelelahan.",
    },
    "role.agency.about": {
        "en": "You work at a government agency. You see survivors and decide whether to refer "
              "them to the center. You only know what someone in your office would know.",
        "id": "Anda bekerja di dinas pemerintah. Anda bertemu penyintas dan memutuskan apakah "
              "merujuk mereka ke lembaga. Anda hanya tahu apa yang diketahui orang di kantor Anda.",
    },
    "role.staff.ask": {"en": "Your hours each week this month",
                       "id": "Jam kerja Anda per minggu bulan ini"},
    "role.volunteer.ask": {"en": "Take one more case this month?",
                           "id": "Ambil satu kasus lagi bulan ini?"},
    "role.agency.ask": {"en": "Refer the survivors you see to the center this month?",
                        "id": "Rujuk penyintas yang Anda temui ke lembaga bulan ini?"},
    "activity.casework": {"en": "Casework (accompanying survivors)",
                          "id": "Pendampingan kasus"},
    "activity.meetings": {"en": "Meetings with agency contacts",
                          "id": "Pertemuan dengan petugas dinas"},
    "activity.forums": {"en": "Agency forums", "id": "Forum dinas"},
    "activity.proposals": {"en": "Funding proposals", "id": "Proposal pendanaan"},
    "activity.outreach": {"en": "Community outreach", "id": "Sosialisasi ke komunitas"},
    "activity.reports": {"en": "Accountability reports", "id": "Laporan akuntabilitas"},
    # --- student -------------------------------------------------------------------------
    "join.title": {"en": "Join the class", "id": "Bergabung ke kelas"},
    "join.intro": {"en": "Type the room code your teacher shows and a nickname.",
                   "id": "Ketik kode kelas yang ditampilkan guru dan nama panggilan."},
    "join.code": {"en": "Room code", "id": "Kode kelas"},
    "join.name": {"en": "Nickname", "id": "Nama panggilan"},
    "join.button": {"en": "Join", "id": "Gabung"},
    "join.you_are": {"en": "{name}, you play:", "id": "{name}, peran Anda:"},
    "join.team": {"en": "Your team: {names}", "id": "Tim Anda: {names}"},
    "join.vacant": {"en": "The person you played left the center; nobody replaced her yet.",
                    "id": "Orang yang Anda perankan keluar dari lembaga; belum ada penggantinya."},
    "join.hours_total": {"en": "{n} of {max} hours a week", "id": "{n} dari {max} jam per minggu"},
    "join.hours": {"en": "{activity}: {n} h", "id": "{activity}: {n} jam"},
    "join.meet_with": {"en": "Whom to meet", "id": "Siapa yang ditemui"},
    "join.meet_any": {"en": "anyone (by chance)", "id": "siapa saja (acak)"},
    "join.submit": {"en": "Submit my decision", "id": "Kirim keputusan saya"},
    "join.sent_by_you": {"en": "Sent. Waiting for the others…",
                         "id": "Terkirim. Menunggu yang lain…"},
    "join.sent_by_team": {"en": "Your team has sent a decision (you can change it).",
                          "id": "Tim Anda sudah mengirim keputusan (Anda masih bisa mengubahnya)."},
    "join.not_sent": {"en": "Not sent yet.", "id": "Belum dikirim."},
    "join.removed": {"en": "The teacher took you out of this class.",
                     "id": "Guru mengeluarkan Anda dari kelas ini."},
    "join.ended": {"en": "The class has ended. Thank you for playing!",
                   "id": "Kelas sudah berakhir. Terima kasih sudah bermain!"},
    "know.tie": {"en": "Your personal tie to the center's staff: {v} (0 to 1)",
                 "id": "Kedekatan Anda dengan staf lembaga: {v} (0 sampai 1)"},
    "know.trust": {"en": "Your office's trust in the center: {v} (0 to 1)",
                   "id": "Kepercayaan kantor Anda pada lembaga: {v} (0 sampai 1)"},
    "know.request_met": {"en": "The center's referral request met your requirements.",
                         "id": "Permohonan rujukan lembaga memenuhi persyaratan Anda."},
    "know.request_unmet": {"en": "The center has no referral request that meets your "
                                 "requirements.",
                           "id": "Lembaga belum punya permohonan rujukan yang memenuhi "
                                 "persyaratan Anda."},
    "know.referrals": {"en": "Survivors your office has referred so far: {n}",
                       "id": "Penyintas yang sudah dirujuk kantor Anda: {n}"},
    "know.ties": {"en": "Your ties: {ties}", "id": "Jaringan Anda: {ties}"},
    "know.none": {"en": "none yet", "id": "belum ada"},
    "know.caseload": {"en": "Survivors you accompany now: {n}",
                      "id": "Penyintas yang Anda dampingi sekarang: {n}"},
    "know.burnout": {"en": "Your tiredness: {v} (at 1 you leave)",
                     "id": "Kelelahan Anda: {v} (pada 1 Anda berhenti)"},
    # --- errors --------------------------------------------------------------------------
    "error.code": {"en": "There is no open class with this code. Check it with your teacher.",
                   "id": "Tidak ada kelas terbuka dengan kode ini. Tanyakan kepada guru Anda."},
    "error.name_empty": {"en": "Please type a nickname.", "id": "Silakan ketik nama panggilan."},
    "error.name_long": {"en": "The nickname is too long: at most {n} characters.",
                        "id": "Nama panggilan terlalu panjang: paling banyak {n} karakter."},
    "error.name_taken": {"en": "Another student already uses this nickname. Choose another.",
                         "id": "Nama panggilan ini sudah dipakai siswa lain. Pilih yang lain."},
    "error.full": {"en": "This class is full: at most {n} students can join. Ask your teacher "
                         "to let you share a device with a classmate.",
                   "id": "Kelas ini penuh: paling banyak {n} siswa. Minta guru Anda agar boleh "
                         "bergabung bersama teman sekelas di satu perangkat."},
    "error.token": {"en": "This link does not belong to a student of this class. Join again.",
                    "id": "Tautan ini bukan milik siswa di kelas ini. Silakan bergabung lagi."},
    "error.teacher": {"en": "Only the teacher can do this.", "id": "Hanya guru yang bisa."},
    "error.ended": {"en": "This class has ended.", "id": "Kelas ini sudah berakhir."},
    "error.not_your_role": {"en": "This role belongs to another student.",
                            "id": "Peran ini milik siswa lain."},
    "error.decision": {"en": "This decision cannot be used: {detail}",
                       "id": "Keputusan ini tidak bisa dipakai: {detail}"},
    "error.timer": {"en": "Choose one of the timer values.", "id": "Pilih salah satu nilai waktu."},
    "error.no_player": {"en": "This student is no longer in the class.",
                        "id": "Siswa ini sudah tidak ada di kelas."},
    "error.seed": {"en": "The seed must be a whole number of 0 or more (at most 9 digits).",
                   "id": "Seed harus bilangan bulat 0 atau lebih (paling banyak 9 angka)."},
    # --- debrief ---------------------------------------------------------------------------
    "debrief.title": {"en": "Debrief: your class and the model's own rules",
                      "id": "Refleksi: kelas Anda dan aturan model"},
    "debrief.intro": {
        "en": "The class played {rounds} months ({weeks} weeks). The model then ran the same "
              "weeks with the same random seed ({seed}) and its own rules for everyone, so the "
              "difference comes from your decisions.",
        "id": "Kelas bermain {rounds} bulan ({weeks} minggu). Lalu model menjalankan minggu yang "
              "sama dengan seed acak yang sama ({seed}) dan aturannya sendiri untuk semua peran, "
              "jadi perbedaannya berasal dari keputusan Anda.",
    },
    "debrief.class": {"en": "Your class", "id": "Kelas Anda"},
    "debrief.rules": {"en": "Model's rules", "id": "Aturan model"},
    "debrief.difference": {"en": "Difference", "id": "Selisih"},
    "debrief.findings": {"en": "The study's findings in your run",
                         "id": "Temuan penelitian dalam permainan Anda"},
    "debrief.showed": {"en": "Showed up", "id": "Terlihat"},
    "debrief.not_showed": {"en": "Did not show up", "id": "Tidak terlihat"},
    "debrief.no_data": {"en": "Too little to tell", "id": "Terlalu sedikit untuk dinilai"},
    "debrief.player": {"en": "Player", "id": "Pemain"},
    "debrief.role": {"en": "Role", "id": "Peran"},
    "debrief.meetings": {"en": "Meetings held", "id": "Pertemuan"},
    "debrief.ties": {"en": "Ties built", "id": "Jaringan dibangun"},
    "debrief.referrals": {"en": "Referrals made", "id": "Rujukan dibuat"},
    "debrief.cases": {"en": "Cases taken", "id": "Kasus diambil"},
    "debrief.by_rules": {"en": "(model's rules)", "id": "(aturan model)"},
    "debrief.csv": {"en": "Download all decisions (CSV)", "id": "Unduh semua keputusan (CSV)"},
    "metric.referred": {"en": "Referrals to the center", "id": "Rujukan ke lembaga"},
    "metric.intake": {"en": "Cases handled", "id": "Kasus ditangani"},
    "metric.entry_community": {"en": "Survivors brought by community groups",
                               "id": "Penyintas dibawa komunitas"},
    "metric.unmet_need": {"en": "Survivors not served", "id": "Penyintas tidak terlayani"},
    "metric.conflicts": {"en": "Conflicts with agencies", "id": "Konflik dengan dinas"},
    "metric.mean_trust": {"en": "Agencies' mean trust at the end",
                          "id": "Rata-rata kepercayaan dinas di akhir"},
    "metric.mean_tie": {"en": "Staff ties to agencies at the end",
                        "id": "Jaringan staf dengan dinas di akhir"},
    "metric.funds": {"en": "Funds at the end (IDR million)", "id": "Dana di akhir (juta rupiah)"},
    "metric.staff": {"en": "Staff at the end", "id": "Staf di akhir"},
    "metric.volunteers": {"en": "Volunteers at the end", "id": "Relawan di akhir"},
    "metric.groups": {"en": "Community groups at the end", "id": "Komunitas dampingan di akhir"},
    "finding.network": {
        "en": "Network capital (finding 1): across the eight agencies, the rank correlation "
              "between staff ties and referrals was {rho} ({referrals} referrals).",
        "id": "Modal jaringan (temuan 1): di delapan dinas, korelasi peringkat antara jaringan "
              "staf dan rujukan adalah {rho} ({referrals} rujukan).",
    },
    "finding.trust": {
        "en": "Trust brings referrals (finding 2.4): the rank correlation between an agency's "
              "trust and its referrals was {rho} ({referrals} referrals).",
        "id": "Kepercayaan membawa rujukan (temuan 2.4): korelasi peringkat antara kepercayaan "
              "dinas dan rujukannya adalah {rho} ({referrals} rujukan).",
    },
    "finding.contact": {
        "en": "Face-to-face contact builds trust (finding 1): staff ties ended at {tie_class} "
              "against {tie_rules} under the model's rules, and trust at {trust_class} "
              "against {trust_rules}.",
        "id": "Pertemuan tatap muka membangun kepercayaan (temuan 1): jaringan staf berakhir "
              "{tie_class} dibanding {tie_rules} dengan aturan model, dan kepercayaan "
              "{trust_class} dibanding {trust_rules}.",
    },
    "finding.community": {
        "en": "The community field (finding 1): {groups} accompanied community groups at the "
              "end; they brought {brought} survivors to the center.",
        "id": "Ranah komunitas (temuan 1): {groups} komunitas dampingan di akhir; mereka membawa "
              "{brought} penyintas ke lembaga.",
    },
}


def t(key: str, lang: str, **values) -> str:
    """The classroom text for ``key`` in ``lang`` (English if the language is unknown)."""
    entry = TEXT[key]
    text = entry.get(lang, entry["en"])
    return text.format(**values) if values else text


def role_name(role, lang: str) -> str:
    """A role's name as students read it: "Staff member 2", "Contact at Police (city)"."""
    if role.kind == "agency":
        kind, field = role.agency.rsplit("_", 1)
        agency = f"{app_t(f'agency.{kind}', lang)} ({app_t(f'net.{field}', lang).lower()})"
        return t("role.agency", lang, agency=agency)
    return t(f"role.{role.kind}", lang, n=role.number)

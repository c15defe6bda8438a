"""A small, believable ledger for the print tests and benchmarks (no demo generator needed).

``fill(ledger, members=30, year=2025)`` adds a roster (with valid ID numbers, a rare
name character), meetings with attendance and photos, and a year of dues.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from ledger_app.forms import idcard
from ledger_app.rules.dues import monthly_due
from ledger_app.store.attendance import Presence

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国秀英志强丽娟海燕伟明玉兰文华德福桂芳永红晓东淑珍宏伟"
RARE_NAME = "王䶮"          # 䶮 (U+4DAE, CJK Ext-A) is missing from WenQuanYi Micro Hei


def id_number(rng: random.Random, birth: str) -> str:
    first17 = f"110105{birth.replace('-', '')}{rng.randint(100, 999)}"
    return first17 + idcard.check_digit(first17)


def member_values(i: int, rng: random.Random) -> dict:
    year = rng.randint(1950, 2000)
    birth = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    name = RARE_NAME if i == 2 else rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
    return {
        "seq": i, "name": name, "gender": rng.choice(["男", "女"]), "ethnicity": "汉族",
        "birth_date": birth, "id_number": id_number(rng, birth),
        "native_place": rng.choice(["北京市", "河北省保定市", "山东省济南市"]),
        "education": rng.choice(["大学本科", "大学专科", "高中", "研究生"]),
        "party_group": "第一党小组" if i % 2 else "第二党小组",
        "member_class": "正式党员" if i % 7 else "预备党员",
        "joined_date": f"{year + 25}-07-01", "confirmed_date": f"{year + 26}-07-01",
        "workplace": rng.choice(["社区居委会 主任", "街道办事处 科员", "退休",
                                 "某某科技有限公司 工程师"]),
        "party_post": "支部书记" if i == 1 else ("组织委员" if i == 3 else ""),
        "phone": f"139{rng.randint(10000000, 99999999)}", "status": "在册",
        "dues_group": "离退休" if i % 3 == 0 else "在职",
        "dues_base": rng.randint(2000, 12000) * 100,
        "note": "长期在外地工作，按时交纳党费。" if i == 4 else "",
    }


def photo_bytes(width: int = 4000, height: int = 3000, seed: int = 1) -> bytes:
    """A phone-sized JPEG (several MB) with detail, so it does not compress to nothing."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.effect_noise((width // 4, height // 4), 60).convert("RGB")
    image = image.resize((width, height))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x, y, x + rng.randint(50, 600), y + rng.randint(50, 600)),
                     fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    image = Image.blend(image, noise, 0.25)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def fill(ledger, members: int = 30, year: int = 2025, meetings: int = 3,
         photos: int = 2, seed: int = 7) -> dict:
    rng = random.Random(seed)
    ids = ledger.records.insert_many("roster", [member_values(i, rng)
                                                for i in range(1, members + 1)])
    meeting_ids = []
    kinds = [["支部党员大会", "党课"], ["支部委员会"], ["党小组会"], ["主题党日"]]
    for m in range(meetings):
        values = {
            "kinds": kinds[m % len(kinds)], "seq": m + 1, "date": f"{year}-{3 + m:02d}-15",
            "start_time": "14:30", "end_time": "16:30", "place": "社区党员活动室",
            "topic": f"学习贯彻党的二十届三中全会精神（第{m + 1}次）", "chair": ids[0],
            "recorder": ids[2], "invited": "社区居委会副主任 张华",
            "content": ("支部书记传达了上级党委关于开展主题教育的通知精神，"
                        "结合社区实际，部署了本季度的重点工作。\n"
                        "与会党员逐一发言，围绕服务群众、垃圾分类、"
                        "老旧小区改造等议题展开讨论。") * 3,
            "votes": f"应到党员 {members} 名，实到 {members - 2} 名，举手表决，全票通过。",
            "decisions": "一、同意开展“我为群众办实事”活动；\n二、由组织委员负责落实志愿服务排班。",
        }
        if m == 2:
            values["party_group"] = "第一党小组"
        entry = ledger.records.insert("meeting", values)
        meeting_ids.append(entry)
        presences = []
        for k, member in enumerate(ids):
            if k == 3:
                presences.append(Presence(member, "leave", "外出学习"))
            elif k == 5:
                presences.append(Presence(member, "absent", "身体不适，未请假"))
            else:
                presences.append(Presence(member, "present"))
        ledger.attendance.set(entry, presences)
        for p in range(photos if m == 0 else 0):
            ledger.attachments.add(entry, "photos", photo_bytes(seed=p + 1), f"会议照片{p + 1}.jpg",
                                   caption=f"会议现场（{p + 1}）：党员集体学习")
    dues_rows = []
    for k, member in enumerate(ids):
        group = "离退休" if (k + 1) % 3 == 0 else "在职"
        base = rng.randint(2000, 12000) * 100
        due = monthly_due(group, base)
        for month in range(1, 13):
            paid = due.amount if not (k == 4 and month > 9) else None
            dues_rows.append({"member": member, "month": f"{year}-{month:02d}", "base": base,
                              "rate": due.rate, "due": due.amount, "paid": paid,
                              "paid_date": f"{year}-{month:02d}-10" if paid else None})
    ledger.records.insert_many("dues", dues_rows)
    return {"members": ids, "meetings": meeting_ids, "year": year}


def test_sample_ledger_fills(ledger) -> None:
    made = fill(ledger, members=6, meetings=1, photos=0)
    assert ledger.records.count("roster") == 6
    assert ledger.attendance.tally(made["meetings"][0]).due == 6
    assert ledger.records.count("dues", 2025) == 72


def sample_path(folder: Path, **kw) -> Path:
    """A filled ledger file in ``folder`` (closed), for subprocess tests."""
    from ledger_app.store import Ledger

    path = folder / "样例.ledger"
    org = {"org_name": "测试街道第一社区党支部", "org_type": "党支部",
           "parent_org": "测试街道党工委", "secretary": "王建国", "term_start": "2024-01-01",
           "term_years": 5, "party_groups": ["第一党小组", "第二党小组"]}
    with Ledger.create(path, org) as ledger:
        fill(ledger, **kw)
    return path

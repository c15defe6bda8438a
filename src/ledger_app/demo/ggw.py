"""A believable 街道关工委 over two years: a 五老 team of about two dozen, its 班子, quarterly
例会, a yearly 全体会议 and 年度总结会, education and care activities with the 青少年 they
reached, children paired with a 五老, training, paperwork, funds, venues and the 六好 checklist.

The content follows the seed's 篇1 (创建标准) and 篇4 (a 关工委's 自查报告). One gap is left on
purpose for the home page to find: last year's third-quarter 例会 was not held.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ledger_app.demo.small_org import SmallOrg

ORG = {
    "org_name": "湘江市岳山区桂花街道关心下一代工作委员会",
    "org_type": "关工委",
    "parent_org": "湘江市岳山区关心下一代工作委员会",
}
SHORT = "桂花街道关工委"

# (post, 五老 type, layer, former post, specialty, born between)
LEADERS = (
    ("主任", "其他", "领导层", "桂花街道党工委副书记（兼任）", "统筹协调", (1972, 1978)),
    ("执行主任", "老干部", "领导层", "原桂花街道人大工委主任", "政策宣讲", (1956, 1960)),
    ("常务副主任", "老干部", "领导层", "原桂花街道办事处副主任", "组织协调", (1957, 1962)),
    ("副主任", "老教师", "领导层", "原桂花中学校长", "家庭教育指导", (1955, 1960)),
    ("副主任", "老战士", "领导层", "退役军人，原武装部干事", "革命传统教育", (1950, 1956)),
    ("秘书长", "老干部", "骨干层", "原街道党政办主任", "文字材料、台账", (1959, 1963)),
    ("委员", "老专家", "骨干层", "原区人民法院审判员", "法治宣讲", (1954, 1960)),
    ("委员", "老模范", "骨干层", "全国劳动模范，原纺织厂技师", "劳动教育", (1952, 1958)),
)
VOLUNTEERS = (
    ("老教师", "书法"), ("老教师", "作业辅导"), ("老教师", "心理疏导"), ("老干部", "网吧义务监督"),
    ("老战士", "国防教育"), ("老专家", "科普讲座"), ("老专家", "医疗保健"), ("老模范", "非遗剪纸"),
    ("老干部", "社区调解"), ("老教师", "英语辅导"), ("老教师", "合唱指导"), ("老干部", "关爱走访"),
    ("老专家", "法律咨询"), ("老战士", "红色故事宣讲"), ("老教师", "阅读推广"), ("老干部", "网吧义务监督"),
)

ACTIVITIES = (
    # month, day, kind, theme, partners, youth reached
    (3, 5, "思想道德教育", "学雷锋志愿服务进社区", "桂花小学、团街道工委", 120),
    (4, 3, "革命传统教育", "清明祭英烈——听老战士讲英雄故事", "桂花中学", 260),
    (5, 20, "法治教育", "“关爱明天、普法先行”法治宣讲进校园", "桂花派出所、街道司法所", 480),
    (6, 1, "留守儿童关爱", "“六一”关爱留守儿童送温暖", "街道妇联、社区居委会", 45),
    (7, 15, "网吧义务监督", "暑期“五老”网吧义务监督巡查", "区文化市场综合执法大队", 0),
    (8, 10, "助学帮困", "金秋助学——资助困难家庭学生", "街道总工会、爱心企业", 18),
    (9, 28, "理想信念教育", "“我和我的祖国”主题诵读", "桂花小学", 300),
    (10, 24, "家庭教育", "家长学校：如何陪伴青春期的孩子", "桂花中学家委会", 150),
    (11, 18, "困境儿童救助", "困境儿童入户走访和救助", "街道民政办、社区卫生服务中心", 12),
    (12, 9, "文体活动", "“老少同乐”迎新年书法剪纸展", "社区文化站", 90),
)
CHILD_KINDS = ("留守儿童", "困境儿童", "特困青少年", "留守儿童", "困境儿童", "留守儿童",
               "失足青少年", "特困青少年")
REGULATIONS = (
    ("关工委学习制度", "学习制度"), ("关工委工作制度", "工作制度"),
    ("“五老”骨干培训制度", "培训制度"), ("关工委会议制度", "会议制度"),
    ("工作总结和汇报制度", "总结制度"), ("调查研究制度", "调查研究制度"),
    ("关工委经费管理制度", "财务管理制度"), ("先进集体和个人表彰办法", "表彰激励制度"),
    ("成员单位定期联系制度", "部门联系制度"),
)


PIECES = 6


def steps(org: SmallOrg) -> Iterator[str]:
    """The demo in ``PIECES`` committed pieces, the roster and 班子 first."""
    first, last = org.years
    people: list[dict[str, Any]] = []
    for n, (_post, kind, layer, former, specialty, (lo, hi)) in enumerate(LEADERS):
        gender = "女" if n in (3, 7) else "男"
        p = org.person(gender, org.birth(lo, hi))
        p.update({"wulao_type": kind, "layer": layer, "former_post": former,
                  "specialty": specialty, "joined_date": f"{first - 3}-03-10"})
        people.append(p)
    for n, (kind, specialty) in enumerate(VOLUNTEERS):
        gender = "女" if n % 3 == 1 else "男"
        p = org.person(gender, org.birth(1945, 1964))
        joined = date(first - 2 + n % 3, 1 + n % 12, 8 + n % 20)
        p.update({"wulao_type": kind, "layer": "骨干层" if n < 5 else "志愿者",
                  "former_post": "", "specialty": specialty, "joined_date": joined.isoformat()})
        people.append(p)
    # 动态管理: one withdrew last year, one died this year.
    people[-1].update({"status": "退出", "left_date": f"{first}-09-30",
                       "note": "随子女迁居外地"})
    people[-2].update({"status": "去世", "left_date": f"{last}-02-14"})
    for n, p in enumerate(people, 1):
        p["seq"] = n
    ids = org.insert("roster", people)
    leaders = ids[:len(LEADERS)]
    active = [i for i, p in zip(ids, people, strict=True) if p.get("status", "在册") == "在册"]

    org.insert("committee", [
        {"member": member, "post": post, "own_post": former,
         "responsibilities": duty, "term_start": f"{first - 1}-03-15"}
        for member, (post, _k, _l, former, _s, _b), duty in zip(leaders, LEADERS, (
            "全面领导，协调成员单位", "主持日常工作", "协助执行主任，负责“五老”队伍建设",
            "分管家庭教育和学校关工委工作", "分管革命传统教育", "负责会议、台账和宣传",
            "负责法治教育", "负责劳动教育和表彰"), strict=True)])
    org.insert("setup", [
        {"date": f"{first}-03-15", "kind": "调整充实", "matter": "调整充实街道关工委领导班子成员",
         "doc_number": f"桂街党发〔{first}〕9号",
         "content": "因人事变动，调整街道关工委主任；增补两名老同志为委员。"},
        {"date": f"{last}-04-20", "kind": "工作小组成立",
         "matter": "各社区成立关心下一代工作小组", "doc_number": f"桂关〔{last}〕3号",
         "content": "五个社区关心下一代工作小组由社区党组织副书记、妇联主席和老同志分别担任"
                    "组长和副组长。"}])
    yield from org.piece("正在写入会议和出席情况……")
    _meetings(org, leaders, first, last)
    yield from org.piece("正在写入活动和照片……")
    _activities(org, active, first, last)
    yield from org.piece("正在写入结对帮扶、培训和表彰……")

    org.insert("care", [
        {"child": org.names.name("男" if n % 2 else "女", 2012 + n % 5),
         "category": kind, "school": "桂花小学" if n % 2 else "桂花中学",
         "helper": active[8 + n], "paired_date": f"{first + n // 5}-{3 + n:02d}-12",
         "measures": "每月上门走访一次，辅导作业，联系社区解决生活困难。",
         "closed": n == 0}
        for n, kind in enumerate(CHILD_KINDS)])
    org.with_photos("training", [
        {"date": f"{year}-{month:02d}-{day:02d}", "topic": topic,
         "organiser": "区关工委" if month == 4 else SHORT, "trainees": active[:12],
         "people_count": 12 + month % 5}
        for year in (first, last)
        for month, day, topic in ((4, 16, "“五老”骨干关心下一代工作业务培训"),
                                  (9, 12, "未成年人保护法和预防未成年人犯罪法专题培训"))
        if org.past(date(year, month, day))], "topic", "培训现场")
    org.insert("award", [
        {"date": f"{first}-12-20", "honour": "岳山区关心下一代工作先进集体",
         "awardee": ORG["org_name"], "by_whom": "湘江市岳山区关心下一代工作委员会"},
        {"date": f"{last}-06-28", "honour": "“最美五老”", "awardee": people[8]["name"],
         "by_whom": "桂花街道党工委"}])
    yield from org.piece("正在写入计划、制度和经费……")
    _paperwork(org, leaders, first, last)
    yield from org.piece("正在写入“六好”自查……")
    org.checklist(unmet={last: {"工作品牌"}},
                  no_evidence={last: {"形成“六联”工作机制"}},
                  notes={"director": "街道党工委副书记兼任关工委主任",
                         "wulao_team": f"在册“五老”{len(active)}人，分领导层、骨干层、志愿者"})
    yield from org.piece("演示台账已生成。")


def _meetings(org: SmallOrg, leaders: list[int], first: int, last: int) -> None:
    rows = []
    for year in (first, last):
        plan = [(2, 20, ["全体会议"], "部署全年关心下一代工作")]
        for quarter, (month, day) in enumerate(((3, 18), (6, 17), (9, 16), (12, 2)), 1):
            if year == first and quarter == 3:
                continue    # the gap the home page points out
            plan.append((month, day, ["例会"], f"第{quarter}季度工作例会：通报情况、安排下阶段活动"))
        plan += [(5, 12, ["部门联席会议"], "与派出所、司法所、学校会商青少年法治教育"),
                 (11, 10, ["部门联席会议"], "与民政、妇联会商困境儿童救助"),
                 (12, 26, ["年度总结会"], "年度工作总结暨表彰会")]
        for when, kinds, topic, seq in org.held_meetings(year, plan):
            rows.append({"kinds": kinds, "seq": seq, "date": when.isoformat(),
                         "start_time": "09:00", "end_time": "11:00",
                         "place": "桂花街道关工委活动室", "topic": topic,
                         "chair": leaders[1], "recorder": leaders[5],
                         "invited": "派出所、司法所、桂花中学" if kinds == ["部门联席会议"] else "",
                         "content": f"{topic}。执行主任通报前一阶段工作，与会人员逐项讨论。",
                         "decisions": "会议议定的事项由秘书长记录并跟踪落实。"})
    org.meetings("meeting", rows, absent_share=0.12)


def _activities(org: SmallOrg, active: list[int], first: int, last: int) -> None:
    rows = []
    for year in (first, last):
        for month, day, kind, theme, partners, youth in ACTIVITIES:
            when = date(year, month, day)
            if not org.past(when):
                continue
            helpers = org.rng.sample(active, 5)
            rows.append({"date": when.isoformat(), "kind": kind, "theme": theme,
                         "place": "桂花街道新时代文明实践站", "partners": partners,
                         "wulao": helpers, "youth_reached": youth + org.rng.randint(0, 20)
                         if youth else 0,
                         "content": f"由{SHORT}组织，{partners}协办，“五老”志愿者参加。",
                         "effect": "学生和家长反响良好。" if youth else "巡查网吧 6 家，未发现接纳未成年人。"})
    org.with_photos("activity", rows, "theme", "活动现场")


def _paperwork(org: SmallOrg, leaders: list[int], first: int, last: int) -> None:
    org.yearly_documents("work_plan", (first, last), "{year}年关心下一代工作计划", "{year}-02-20",
                         "一、加强班子和“五老”队伍建设；二、深化主题教育；三、做实关爱帮扶；"
                         "四、健全制度，规范台账。")
    summaries = [first] + ([last] if org.today >= date(last, 12, 26) else [])
    org.yearly_documents("work_summary", summaries, "{year}年关心下一代工作总结", "{year}-12-26",
                         "全年开展主题教育和关爱活动十次，受益青少年一千余人次；"
                         "存在的问题：经费不足、工作人员均为兼职。")
    org.insert("regulation", [
        {"title": title, "category": category, "on_wall": n < 4,
         "effective_date": f"{first - 1}-06-01",
         "content": f"{title}：按照科学、有效、管用的原则制定。"}
        for n, (title, category) in enumerate(REGULATIONS)])
    org.superior_docs("岳关〔{year}〕{n}号", "岳山区关工委", (
        (2, 2, "关于进一步开展创建六好基层关工委活动的实施意见"),
        (7, 6, "关于开展暑期“五老”网吧义务监督的通知")))
    org.funds((
        (1, "收入", "财政拨款", "街道年度关心下一代工作经费", 3000000),
        (3, "支出", "活动开展", "学雷锋志愿服务活动物资", 86000),
        (6, "支出", "关爱帮扶", "“六一”留守儿童慰问品", 225000),
        (8, "收入", "社会捐助", "爱心企业金秋助学捐款", 1000000),
        (8, "支出", "关爱帮扶", "金秋助学金发放", 900000),
        (10, "支出", "培训学习", "家长学校讲义印制", 42000),
        (12, "支出", "宣传资料", "书法剪纸展展板制作", 128000)), handler=leaders[5])
    org.with_photos("venue", [
        {"name": "桂花街道关工委办公室", "kind": "关工委办公室", "address": "桂花街道办事处三楼",
         "area": 30, "since": f"{first - 3}-03-01", "facilities": "办公桌椅、电脑、档案柜"},
        {"name": "桂花社区青少年活动室", "kind": "青少年活动室", "address": "桂花社区服务中心二楼",
         "area": 80, "since": f"{first - 2}-09-01", "facilities": "图书角、书法桌、投影"},
        {"name": "桂花中学家长学校", "kind": "家长学校", "address": "桂花中学",
         "area": 120, "since": f"{first - 1}-09-01", "facilities": "多功能教室"},
        {"name": "网吧义务监督点（学府路）", "kind": "网吧义务监督点", "address": "学府路 18 号",
         "since": f"{first}-07-01", "facilities": "监督员公示牌"}], "name", "阵地现状")


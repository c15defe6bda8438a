"""The branch's paperwork: venue (六有, 换届, 宣传, 活动室), rules (plans, summaries,
制度, 上级文件) and funding (经费, 学习资料), plus activities outside meetings.

These are per ledger, not per member, so benchmark scales do not multiply them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ledger_app.demo import documents
from ledger_app.demo.calendar import nth_weekday


@dataclass
class Context:
    first_year: int
    last_year: int
    today: date
    org_name: str
    secretary: str
    propaganda: str
    treasurer_id: int
    organiser_id: int
    participants: list[int]
    rng: random.Random
    term_start: date
    election_day: date | None
    turnout: tuple[int, int] | None

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def past(self, day: date) -> bool:
        return day <= self.today


SIX_HAVES = {
    "有场所": "社区党群服务中心二楼设党员活动室一间，面积约 80 平方米，门口悬挂“党员活动室”标识。",
    "有设施": "配备会议桌 4 张、椅子 40 把、投影仪 1 台、音响 1 套、电脑 1 台，满足开展活动需要。",
    "有标志": "活动室门牌、党员活动室标识牌齐全，党群服务中心外墙设党组织标识。",
    "有党旗": "活动室正面墙悬挂党旗，张贴入党誓词，用于入党宣誓和重温入党誓词。",
    "有党报党刊": "设书柜 2 个、报刊架 1 个，订阅《人民日报》《湖南日报》《求是》《党建》等报刊，藏书 300 余册。",
    "有制度": "党支部工作职责、班子成员分工负责表、三会一课制度等制度统一挂牌上墙，设党务公开栏。",
}

REGULATIONS = (
    ("幸福里社区党支部工作职责", "党支部工作职责",
     "一、宣传和执行党的路线方针政策；二、组织党员学习；三、做好党员教育管理监督服务；四、密切联系群众，"
     "了解反映群众意见；五、做好发展党员工作；六、监督党员干部遵纪守法。"),
    ("幸福里社区党支部班子成员分工负责表", "班子成员分工负责表",
     "书记：主持全面工作；组织委员：组织发展、党员管理、党费收缴；宣传委员：理论学习、宣传报道、"
     "党务公开；纪检委员：党员教育监督、党风廉政建设。"),
    ("“三会一课”制度", "三会一课制度",
     "支部党员大会一般每季度召开一次；支部委员会一般每月召开一次；党小组会一般每月召开一次；党课每季度至少一次。"),
    ("主题党日（党员活动日）制度", "党员活动日制度",
     "每月第一个星期五下午为支部主题党日，内容包括重温入党誓词、集中学习、交纳党费、志愿服务等。"),
    ("在职党员到社区“双报到”制度", "双报到制度",
     "驻区单位党组织和在职党员到社区报到，认领服务岗位，参加社区志愿服务，服务情况反馈所在单位党组织。"),
    ("民主评议党员制度", "民主评议党员制度",
     "每年结合组织生活会开展一次，按个人自评、党员互评、民主测评、组织评定的程序进行，优秀一般不超过三分之一。"),
    ("党费收缴、管理和使用的规定", "党费收缴管理和使用的规定",
     "依据中组发〔2008〕3号文件，党员按月交纳党费，支部按季度上缴，每年向党员大会报告党费收缴情况。"),
    ("发展党员工作流程图", "发展党员工作流程图",
     "五个阶段二十五个步骤：入党申请、入党积极分子的确定和培养教育、发展对象的确定和考察、预备党员的接收、预备党员的教育考察和转正。"),
    ("基层党组织应急管理流程图", "基层党组织应急管理流程图",
     "发生突发事件时，支部书记第一时间到岗，组织党员突击队，及时向街道党工委报告。"),
    ("党务公开制度", "党务公开",
     "通过党务公开栏、居民微信群公开支部工作计划、党费收缴、发展党员、民主评议结果等，每季度更新一次。"),
    ("幸福里社区党员积分制管理办法（试行）", "其他",
     "基础分 60 分，参加三会一课每次加 1 分，参加志愿服务每次加 2 分，无故缺席组织生活每次扣 2 分。"),
    ("党员联系服务群众制度", "其他",
     "每名党员联系 5 至 10 户居民，定期走访，收集意见建议，协助解决困难。"),
)


def six_haves(c: Context) -> list[dict[str, Any]]:
    rows = []
    for year in c.years:
        checked = date(year, 3, 12)
        if not c.past(checked):
            continue
        for item, text in SIX_HAVES.items():
            rows.append({"for_year": year, "item": item, "met": True, "description": text,
                         "checked_date": checked.isoformat()})
    return rows


def strongest_branch(c: Context) -> list[dict[str, Any]]:
    """The 最强支部 五优 self-assessment: complete for the first year; in the last year only
    the first half of the items done so far, so the home page shows what is left."""
    from ledger_app.forms.loader import builtin_pack

    checklist = next(cl for cl in builtin_pack().checklists if cl.state_type == "strongest_branch")
    rows = []
    for year in c.years:
        checked = date(year, 4, 8)
        if not c.past(checked):
            continue
        items = checklist.items if year < c.last_year else checklist.items[:9]
        for item in items:
            rows.append({"for_year": year, "item": item.label, "met": True,
                         "description": f"已对照“{item.requirement}”落实，材料见相关台账。",
                         "checked_date": checked.isoformat()})
    return rows


def elections(c: Context) -> list[dict[str, Any]]:
    rows = []
    previous = c.term_start.replace(year=c.term_start.year - 5) if c.election_day else c.term_start
    rows.append({"kind": "换届", "date": previous.isoformat(),
                 "request_date": (previous - timedelta(days=60)).isoformat(),
                 "approval_date": (previous - timedelta(days=30)).isoformat(),
                 "approval_no": f"桂街党工〔{previous.year}〕15号", "voters_due": 30,
                 "voters_present": 28, "elected": f"书记：{c.secretary}；委员 4 名",
                 "term_years": 5, "result": "差额选举，监票人 2 名、计票人 2 名，选举结果报街道党工委批复。"})
    if c.election_day:
        due, present = c.turnout or (30, 28)
        day = c.election_day
        rows.append({"kind": "换届", "date": day.isoformat(),
                     "request_date": (day - timedelta(days=62)).isoformat(),
                     "approval_date": (day - timedelta(days=35)).isoformat(),
                     "approval_no": f"桂街党工〔{day.year}〕12号", "voters_due": due,
                     "voters_present": present,
                     "elected": f"书记：{c.secretary}；组织委员、宣传委员（{c.propaganda}）、纪检委员、青年委员各 1 名",
                     "term_years": 5,
                     "result": "按照“两推一选”办法产生候选人，差额选举产生委员 5 名，"
                               "新一届支委会第一次会议等额选举产生书记，结果已报街道党工委批复。"})
    return rows


def publicity(c: Context) -> list[dict[str, Any]]:
    items = (
        ("{y}年幸福里社区“学雷锋”志愿服务进小区", "桂花街道微信公众号", "乡镇（街道）", 3, 8),
        ("老党员讲红色故事 幸福里社区党课进楼栋", "岳山区融媒体中心", "县级", 5, 21),
        ("幸福里社区党支部开展“七一”走访慰问老党员", "湘江日报", "市级", 7, 2),
        ("党建引领“微治理” 幸福里社区老旧小区换新颜", "湖南日报", "省级", 9, 17),
        ("“九九重阳”幸福里社区党员志愿者为老人义诊", "桂花街道微信公众号", "乡镇（街道）", 10, 30),
    )
    rows = []
    for year in c.years:
        for title, outlet, level, month, day in items:
            when = date(year, month, day)
            if not c.past(when):
                continue
            rows.append({"date": when.isoformat(), "title": title.format(y=year), "outlet": outlet,
                         "level": level, "author": c.propaganda,
                         "link": None if outlet.endswith("日报") else "https://mp.weixin.qq.com/",
                         "content": f"{title.format(y=year)}。支部党员积极参与，居民反响良好。"})
    return rows


def room_building(c: Context) -> list[dict[str, Any]]:
    items = (
        (3, 20, "添置书柜和报刊架", "新购书柜 2 个、报刊架 1 个，整理党建书籍和报刊。", 186000, "党组织服务群众经费"),
        (6, 18, "更新党务公开栏", "更换室外党务公开栏面板，按季度公开支部工作。", 98000, "街道党建工作经费"),
        (11, 6, "活动室设备维护", "更换投影仪灯泡，检修音响和电脑。", 42000, "党费返还"),
    )
    rows = []
    for year in c.years:
        for month, day, item, text, cost, source in items:
            when = date(year, month, day)
            if c.past(when):
                rows.append({"date": when.isoformat(), "item": item, "description": text,
                             "cost": cost, "funding_source": source})
    if c.election_day:
        when = c.election_day + timedelta(days=20)
        if c.past(when):
            rows.append({"date": when.isoformat(), "item": "更新班子成员分工负责表上墙",
                         "description": "换届后按新一届支委会分工重新制作分工负责表。",
                         "cost": 36000, "funding_source": "党组织服务群众经费"})
    return rows


def plans_and_summaries(c: Context) -> Iterator[tuple[str, list[dict[str, Any]], str]]:
    plans, summaries, studies = [], [], []
    for year in c.years:
        adopted = nth_weekday(year, 1, 1, 1)
        if c.past(adopted):
            plans.append({"for_year": year, "period": "年度", "title": f"幸福里社区党支部{year}年度党建工作计划",
                          "adopted_date": adopted.isoformat(), "note": "已报街道党工委备案",
                          "content": documents.ANNUAL_PLAN.format(year=year)})
            studies.append({"for_year": year, "period": "年度", "title": f"{year}年度党员学习计划",
                            "adopted_date": adopted.isoformat(), "note": "经支委会讨论通过",
                            "content": documents.STUDY_PLAN.format(year=year)})
        special = date(year, 6, 3)
        if c.past(special):
            plans.append({"for_year": year, "period": "专项", "title": f"{year}年“七一”系列活动方案",
                          "adopted_date": special.isoformat(),
                          "content": documents.JULY_FIRST.format(age=year - 1921)})
        half = date(year, 7, 8)
        if c.past(half):
            summaries.append({"for_year": year, "period": "上半年",
                              "title": f"幸福里社区党支部{year}年上半年工作总结",
                              "adopted_date": half.isoformat(),
                              "content": documents.HALF_YEAR})
        full = date(year, 12, 28)
        if c.past(full):
            summaries.append({"for_year": year, "period": "年度",
                              "title": f"幸福里社区党支部{year}年度工作总结",
                              "adopted_date": full.isoformat(), "note": "已报街道党工委",
                              "content": documents.ANNUAL_SUMMARY.format(year=year)})
    yield "work_plan", plans, "正在写入工作计划…"
    yield "work_summary", summaries, "正在写入工作总结…"
    yield "study_plan", studies, "正在写入学习计划…"


def regulations(c: Context) -> list[dict[str, Any]]:
    start = date(c.first_year - 2, 3, 1)
    return [{"title": title, "category": category, "on_wall": category != "其他",
             "effective_date": (start + timedelta(days=30 * i)).isoformat(), "content": text,
             "note": "已挂牌上墙" if category != "其他" else None}
            for i, (title, category, text) in enumerate(REGULATIONS)]


def superior_docs(c: Context) -> list[dict[str, Any]]:
    docs = (
        (1, "桂街党工", "关于做好{y}年度党建工作的通知", "桂花街道党工委", "部署全年党建重点工作"),
        (2, "岳组", "关于做好{y}年发展党员工作的通知", "中共岳山区委组织部", "明确年度发展计划和程序要求"),
        (4, "桂街党工", "关于开展党费收缴情况自查的通知", "桂花街道党工委", "对照标准逐人核对党费基数"),
        (6, "桂街党工", "关于开展“七一”走访慰问活动的通知", "桂花街道党工委", "走访慰问老党员、困难党员"),
        (9, "岳组", "关于加强流动党员教育管理的通知", "中共岳山区委组织部", "排查流动党员，建立联系制度"),
        (11, "桂街党工", "关于召开{y}年度基层党组织组织生活会和开展民主评议党员的通知",
         "桂花街道党工委", "明确学习内容、查摆重点和评议程序"),
    )
    rows = []
    for year in c.years:
        for n, (month, prefix, title, issuer, summary) in enumerate(docs, start=1):
            issued = date(year, month, 5 + n)
            received = issued + timedelta(days=3)
            if not c.past(received):
                continue
            rows.append({"doc_no": f"{prefix}〔{year}〕{n * 3 + month}号",
                         "title": title.format(y=year),
                         "issuer": issuer, "date": issued.isoformat(),
                         "received_date": received.isoformat(), "summary": summary,
                         "handling": "已在支委会传达学习并抓好落实"})
    rows.append({"doc_no": "中组发〔2008〕3号", "title": "关于中国共产党党费收缴、使用和管理的规定",
                 "issuer": "中共中央组织部", "date": "2008-02-29",
                 "received_date": f"{c.first_year}-01-08", "summary": "党费交纳比例、收缴、使用和管理的规定",
                 "handling": "已组织党员学习，作为党费收缴依据"})
    return rows


def funds(c: Context) -> list[dict[str, Any]]:
    items = (
        (1, 10, "收入", "上级拨付经费", "街道拨付年度党组织工作经费", 3000000),
        (1, 20, "支出", "慰问帮扶", "春节走访慰问困难党员和老党员", 480000),
        (3, 8, "支出", "活动开展", "学雷锋志愿服务活动物资", 65000),
        (4, 15, "收入", "党费返还", "上级党委返还党费（用于党员教育）", 120000),
        (5, 20, "支出", "教育培训", "党员赴红色教育基地参观学习交通费", 280000),
        (6, 28, "支出", "慰问帮扶", "“七一”走访慰问老党员", 360000),
        (9, 12, "支出", "活动开展", "主题党日活动学习资料印制", 42000),
        (10, 20, "支出", "活动开展", "重阳敬老志愿服务活动物资", 88000),
        (11, 10, "支出", "报刊资料", "订阅下一年度党报党刊", 156000),
        (12, 15, "支出", "教育培训", "组织生活会学习资料印制", 35000),
    )
    rows = []
    for year in c.years:
        n = 0
        for month, day, direction, subject, item, amount in items:
            when = date(year, month, day)
            if not c.past(when):
                continue
            n += 1
            rows.append({"date": when.isoformat(), "direction": direction, "subject": subject,
                         "item": item, "amount": amount, "handler": c.treasurer_id,
                         "voucher_no": f"{year}-{n:03d}",
                         "note": "经支委会研究同意" if direction == "支出" and amount >= 200000
                         else None})
    return rows


def study_materials(c: Context) -> list[dict[str, Any]]:
    items = (
        ("《人民日报》{y}年度订阅", "报刊", 1, 1, 2, "自行订阅"),
        ("《求是》杂志{y}年度订阅", "报刊", 1, 1, 2, "自行订阅"),
        ("《湖南日报》{y}年度订阅", "报刊", 1, 1, 2, "自行订阅"),
        ("《中国共产党章程》（单行本）", "书籍", 40, 3, 15, "上级发放"),
        ("《中国共产党纪律处分条例》（单行本）", "书籍", 35, 4, 22, "上级发放"),
        ("党员教育电视片（光盘）", "音像", 2, 6, 10, "上级发放"),
        ("“学习强国”学习平台专题学习资料", "电子资料", 1, 9, 1, "网络下载"),
        ("《中国共产党支部工作条例（试行）》学习读本", "书籍", 10, 10, 12, "购置"),
    )
    rows = []
    for year in c.years:
        for title, kind, quantity, month, day, source in items:
            when = date(year, month, day)
            if c.past(when):
                rows.append({"title": title.format(y=year), "kind": kind, "quantity": quantity,
                             "received_date": when.isoformat(), "source": source,
                             "note": "存放于党员活动室书柜" if kind == "书籍" else None})
    return rows


def activities(c: Context) -> list[dict[str, Any]]:
    rng = c.rng
    items = (
        (3, 5, "志愿服务", "“学雷锋”志愿服务：清理小区卫生死角", "幸福里小区", 2),
        (4, 3, "走基层", "清明节前走访烈属和退役军人家庭", "社区辖区", 0),
        (5, 12, "志愿服务", "防灾减灾日应急知识宣传", "社区广场", 0),
        (6, 20, "双报到", "在职党员回社区“双报到”认领服务岗位", "社区党群服务中心", 0),
        (7, 15, "精准扶贫", "帮扶困难家庭子女暑期托管", "社区新时代文明实践站", 0),
        (8, 28, "专题教育", "参观湘江市革命烈士纪念馆", "湘江市革命烈士纪念馆", 4),
        (9, 30, "志愿服务", "烈士纪念日文明祭扫", "岳山区烈士陵园", 0),
        (10, 29, "志愿服务", "重阳节为高龄老人义诊理发", "社区广场", 0),
        (12, 4, "法制宣传", "国家宪法日宪法宣传进小区", "幸福里小区", 0),
    )
    rows = []
    for year in c.years:
        for month, day, kind, topic, place, hours in items:
            when = date(year, month, day)
            if not c.past(when):
                continue
            people = rng.sample(c.participants, min(len(c.participants), rng.randrange(8, 18)))
            rows.append({"kind": kind, "date": when.isoformat(), "place": place, "topic": topic,
                         "organiser": c.organiser_id, "participants": people,
                         "others": "社区志愿者、居民群众" if kind != "专题教育" else None,
                         "study_hours": hours or None,
                         "content": f"{topic}。支部组织党员 {len(people)} 名参加，活动有序开展，群众满意。"})
    return rows


def all_rows(c: Context) -> Iterator[tuple[str, list[dict[str, Any]], str]]:
    yield "six_haves", six_haves(c), "正在写入六有建设…"
    yield "strongest_branch", strongest_branch(c), "正在写入最强支部五优…"
    yield "election", elections(c), "正在写入换届选举…"
    yield "publicity", publicity(c), "正在写入宣传报道…"
    yield "room_building", room_building(c), "正在写入活动室建设…"
    yield from plans_and_summaries(c)
    yield "regulation", regulations(c), "正在写入制度文汇…"
    yield "superior_doc", superior_docs(c), "正在写入上级文件…"
    yield "funds", funds(c), "正在写入经费收支…"
    yield "study_material", study_materials(c), "正在写入学习资料…"
    yield "activity", activities(c), "正在写入党员活动…"

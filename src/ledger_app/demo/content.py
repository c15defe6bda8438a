"""What the demo's meetings and talks are about: topics and minutes in plain Chinese.

Topics follow the calendar a community branch actually keeps (春节走访, 学雷锋, 清明祭扫,
七一, 重阳敬老, 组织生活会 in Q4) and the year's national themes, so a reader of the demo
recognises a real 台账. Minutes are assembled from a few sentences around the topic.
"""

from __future__ import annotations

import random

# Themes of each year's study, from the month they began (a 党课, a 主题党日 or a
# 党员大会 takes one up); a meeting draws from the latest two.
YEAR_THEMES: dict[int, tuple[tuple[int, str], ...]] = {
    2022: ((1, "学习《习近平谈治国理政》第四卷"), (11, "学习贯彻党的二十大精神")),
    2023: ((1, "学习贯彻党的二十大精神"),
           (4, "学习贯彻习近平新时代中国特色社会主义思想主题教育")),
    2024: ((1, "学习贯彻党的二十大精神"), (4, "党纪学习教育"),
           (8, "学习贯彻党的二十届三中全会精神")),
    2025: ((1, "学习贯彻党的二十届三中全会精神"), (3, "深入贯彻中央八项规定精神学习教育"),
           (8, "纪念中国人民抗日战争暨世界反法西斯战争胜利80周年"),
           (11, "学习贯彻党的二十届四中全会精神")),
    2026: ((1, "学习贯彻党的二十届四中全会精神"), (3, "学习贯彻全国两会精神和“十五五”规划纲要"),
           (3, "做好社区“两委”换届工作"), (7, "学习贯彻习近平总书记“七一”重要讲话精神")),
}

# What each month brings in a community: (主题党日 topic, 支委会 business).
MONTHS: dict[int, tuple[str, str]] = {
    1: ("“迎新春·送温暖”走访慰问困难党员和老党员", "研究制定本年度党建工作计划和学习计划"),
    2: ("“新春第一课”：收心归位再出发", "研究春节后重点工作和三月学雷锋志愿服务安排"),
    3: ("“学雷锋·见行动”志愿服务进小区", "研究确定入党积极分子培养考察和党员教育安排"),
    4: ("“清明祭英烈”缅怀革命先烈", "研究部署清明文明祭扫和第二季度党员大会议题"),
    5: ("“五四”青年党员座谈和安全生产宣传", "研究汛期防汛值守和党员责任区划分"),
    6: ("“七一”前夕重温入党誓词", "研究“七一”系列活动方案和走访慰问名单"),
    7: ("庆祝中国共产党成立{party_age}周年", "研究上半年党建工作总结和下半年工作安排"),
    8: ("“八一”拥军优属走访退役军人", "研究防暑降温、汛期值守和党费收缴情况"),
    9: ("“铭记历史·缅怀先烈”主题学习", "研究第三季度党员大会议题和中秋走访安排"),
    10: ("“九九重阳·敬老爱老”志愿服务", "研究重阳敬老活动和年度发展党员工作"),
    11: ("消防安全宣传和“宪法进社区”准备", "研究召开年度组织生活会和民主评议党员的准备工作"),
    12: ("“12·4”国家宪法日宣传", "研究年度工作总结、党费收缴情况报告和下年度工作思路"),
}

PLACES = ("社区党员活动室", "社区党员活动室", "社区党群服务中心二楼会议室", "社区新时代文明实践站")

LEAVE_REASONS_WORKING = ("出差", "单位加班", "外出学习培训", "生病就医", "家中有事", "在外地出差")
LEAVE_REASONS_RETIRED = ("身体不适", "生病住院", "在外地子女家", "年老行动不便", "陪护家人住院")
ABSENT_REASONS = ("未请假，会后已联系说明情况", "联系不上，会后由党小组长补课")

LECTURES = (
    "以党的创新理论凝心铸魂，在社区治理中发挥党员先锋模范作用",
    "学习《中国共产党纪律处分条例》，做遵规守纪的明白人",
    "传承红色基因，讲好身边党员的故事",
    "学习《中国共产党支部工作条例（试行）》，规范支部组织生活",
    "践行全过程人民民主，做好社区群众工作",
    "从“枫桥经验”看新时代基层矛盾纠纷化解",
    "坚定理想信念，永葆共产党员政治本色",
    "弘扬伟大建党精神，争做新时代合格党员",
)

GROUP_TOPICS = (
    "学习{theme}，交流学习体会",
    "学习党章第一章“党员”，对照检查义务履行情况",
    "讨论本组党员联系服务楼栋居民情况",
    "学习社区本月工作安排，落实党员责任区任务",
    "交流参加志愿服务的体会，收集居民意见建议",
    "学习《中国共产党章程》关于党员权利和义务的规定",
    "通报本组党费交纳情况，学习党费交纳规定",
    "学习身边先进党员事迹，开展批评与自我批评",
    "讨论楼栋环境整治和文明创建中党员如何带头",
    "学习《中国共产党纪律处分条例》典型案例",
)

SPEECHES = (
    "{a}表示，要把学习成果转化为服务居民的实际行动，带头参与楼栋志愿服务。",
    "{a}结合自身经历谈了体会，认为老党员更要发挥余热，做好邻里矛盾调解工作。",
    "{a}提出，年轻党员要多走进困难家庭，了解实际需求，帮助解决急难愁盼问题。",
    "{a}建议把学习资料送到行动不便的老党员家中，保证学习不掉队。",
    "{a}谈到，要对照党章党规查找自身不足，在工作和生活中严格要求自己。",
    "{a}认为，社区党员要带头遵守居民公约，在垃圾分类、文明养犬等方面做表率。",
    "{a}表示将继续做好所在楼栋的联络员工作，及时向社区反映居民诉求。",
)


def quoted(text: str) -> str:
    """“text”, with quotes inside turned to ‘ ’ as Chinese nesting wants."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def month_theme(year: int, month: int, rng: random.Random) -> str:
    themes = YEAR_THEMES.get(year) or YEAR_THEMES[min(YEAR_THEMES, key=lambda y: abs(y - year))]
    current = [t for start, t in themes if start <= month] or [themes[0][1]]
    return rng.choice(current[-2:])


def themed_day_topic(year: int, month: int) -> str:
    return MONTHS[month][0].format(party_age=year - 1921)


def committee_topic(year: int, month: int, extra: str = "") -> str:
    topic = MONTHS[month][1]
    return f"{topic}；{extra}" if extra else topic


def speeches(rng: random.Random, names: list[str], count: int = 3) -> str:
    chosen = rng.sample(names, min(count, len(names)))
    lines = rng.sample(SPEECHES, len(chosen))
    return "".join(line.format(a=name) for line, name in zip(lines, chosen))


def committee_minutes(rng: random.Random, year: int, month: int, chair: str,
                      members: list[str], extra: str = "") -> tuple[str, str, str]:
    """(content, votes, decisions) of a 支委会."""
    business = MONTHS[month][1]
    content = (f"{chair}主持会议。一、传达上级党组织近期工作要求，研究{quoted(month_theme(year, month, rng))}"
               f"的具体安排。二、{business}。与会委员逐项讨论，"
               + speeches(rng, [m for m in members if m != chair], 2))
    votes = ""
    decisions = f"1. {business}，按讨论意见抓好落实。\n2. 本月主题党日活动由组织委员牵头组织。"
    if extra:
        content += f"三、{extra}。"
        votes = f"应到委员 {len(members)} 人，经举手表决，全体同意。"
        decisions += f"\n3. {extra}，同意提交支部党员大会讨论。"
    return content, votes, decisions


def assembly_minutes(rng: random.Random, year: int, quarter: int, chair: str,
                     names: list[str], business: list[str]) -> tuple[str, str, str]:
    theme = month_theme(year, quarter * 3, rng)
    parts = [f"{chair}主持会议。", f"一、围绕{quoted(theme)}开展集中学习。"]
    for i, item in enumerate(business, start=2):
        parts.append(f"{'二三四五'[i - 2]}、{item}。")
    parts.append("会上，" + speeches(rng, names, 3))
    decisions = [f"{i}. {item}" for i, item in enumerate(business, start=1)]
    votes = "；".join(f"{item}：举手表决，全体有表决权的党员同意" for item in business
                     if "讨论" in item or "接收" in item or "转正" in item)
    return "".join(parts), votes, "\n".join(decisions) if decisions else "按会议部署抓好落实。"


def lecture_minutes(rng: random.Random, lecture: str, speaker: str, post: str,
                    names: list[str], guest: bool = False) -> str:
    opening = (f"{post}{speaker}同志应邀到支部讲授专题党课，题目为“{lecture}”。" if guest
               else f"{post}{speaker}以“{lecture}”为题讲授专题党课。")
    return (opening + "党课从理论学习、现实要求和社区实际"
            "三个方面展开，结合身边党员事迹进行讲解。课后进行了交流，"
            + speeches(rng, names, 2))


def themed_day_minutes(rng: random.Random, topic: str, chair: str, names: list[str],
                       dues_note: bool = True) -> str:
    steps = ["全体党员重温入党誓词", f"开展{topic}活动", "集中收缴本月党费"
             if dues_note else "学习近期时事政治"]
    return (f"{chair}主持。活动按“固定日”流程进行：" + "；".join(
        f"{i}. {s}" for i, s in enumerate(steps, start=1)) + "。" + speeches(rng, names, 2))


def group_minutes(rng: random.Random, topic: str, leader: str, names: list[str]) -> str:
    return (f"党小组长{leader}主持。{topic}。大家结合各自楼栋和工作实际作了发言，"
            + speeches(rng, names, 2) + "会后将居民反映的意见整理报送社区。")


def life_meeting_minutes(rng: random.Random, year: int, chair: str,
                         names: list[str]) -> tuple[str, str]:
    content = (f"{chair}主持会议并通报{year}年度组织生活会前期准备情况：开展学习研讨、广泛征求意见、"
               f"开展谈心谈话、撰写对照检查材料。支部书记代表支委会作对照检查，"
               f"支委委员和党员逐一进行个人对照检查，开展批评与自我批评。"
               + speeches(rng, names, 3)
               + "随后开展民主评议党员：党员个人自评、党员互评、民主测评，支委会综合评定等次。")
    decisions = ("1. 针对查摆出的问题，形成支部问题清单和整改措施，明确整改时限。\n"
                 "2. 民主评议结果经支委会研究后在党务公开栏公示。")
    return content, decisions


TALK_TOPICS = (
    "了解思想动态和工作生活情况", "征求对支部工作的意见建议", "交流学习体会",
    "组织生活会前谈心谈话", "关心身体状况和家庭困难", "督促按时交纳党费、参加组织生活",
    "交流分管工作推进情况", "听取对楼栋服务工作的想法",
)

TALK_CONTENT = (
    "{b}同志介绍了近期工作和家庭情况，表示会继续积极参加支部活动。{a}同志肯定了其在楼栋服务中的表现，"
    "希望继续发挥党员先锋作用。",
    "双方交流了学习体会。{b}同志提出支部学习形式可以更加多样，建议多组织实地参观。",
    "{b}同志谈了对社区工作的看法，建议加强对独居老人的走访关心。{a}同志表示将向支委会反映。",
    "{a}同志询问了{b}同志的身体情况，叮嘱注意休息，有困难及时向支部反映。",
    "双方围绕分管工作开展交流，相互指出了工作中的不足，约定加强沟通配合。",
    "{b}同志坦诚谈了自身在学习上抓得不紧的问题，表示将按学习计划完成学时任务。",
)

TALK_FOLLOW_UP = (
    "意见建议已在支委会上通报，纳入下季度工作安排。",
    "已安排党小组长定期走访。",
    "无需整改事项。",
    "已将学习资料送达。",
    "",
)

EVALUATION_SELF = (
    "本年度能够按时参加组织生活，认真学习党的理论，积极参加志愿服务，按时足额交纳党费。"
    "不足是学习的系统性还不够。",
    "认真履行党员义务，在楼栋服务中发挥了带头作用。今后要加强理论学习，提高服务群众的本领。",
    "能够遵守党的纪律，积极参加社区各项活动，但因工作原因参加组织生活次数偏少。",
    "发挥老党员作用，参与邻里纠纷调解和文明劝导，身体原因有时未能参加集中活动。",
)

EVALUATION_COMMENT = {
    "优秀": "政治立场坚定，学习自觉，模范履行党员义务，在社区服务中作用突出，评定为优秀。",
    "合格": "能够履行党员义务，按时参加组织生活和交纳党费，评定为合格。",
    "基本合格": "全年多次未参加组织生活，党费交纳不及时，经谈话提醒，评定为基本合格，限期改正。",
    "不合格": "",
    "预备党员": "预备党员，参加评议，按时参加组织生活，不评定等次。",
}

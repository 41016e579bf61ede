"""Chapter 07 · Personality styles — the demo contacts' styles, the case quiz and the self-assessment."""
from functools import lru_cache

from helpers.teaching.exercises.core import (ChoiceProblem, ClassificationProblem, Mistake, ThoughtProblem, ValueProblem,
                                             catalogue_options, meaning_reasons)

STYLES = {"style_driver": {"zh": "控制型", "en": "Driver"},
          "style_expressive": {"zh": "表现型", "en": "Expressive"},
          "style_amiable": {"zh": "亲和型", "en": "Amiable"},
          "style_analytical": {"zh": "分析型", "en": "Analytical"}}
#: Each style as (assertiveness high — tells, responsiveness high — shows emotions).
STYLE_DIMS = {"style_driver": (True, False), "style_expressive": (True, True),
              "style_amiable": (False, True), "style_analytical": (False, False)}
_ASSERT = {True: {"zh": "说", "en": "tells"}, False: {"zh": "问", "en": "asks"}}
_RESPOND = {True: {"zh": "外露", "en": "shows emotions"}, False: {"zh": "克制", "en": "controls emotions"}}
ASSERTIVENESS = ["assert_1", "assert_2", "assert_3", "assert_4"]
RESPONSIVENESS = ["respons_1", "respons_2", "respons_3", "respons_4"]
# Xiao Zhou's self-assessment answers (exercise 4): a1–a4, then r1–r4
ZHOU_ANSWERS = dict(zip(["a1", "a2", "a3", "a4", "r1", "r2", "r3", "r4"], [3, 2, 3, 4, 4, 3, 2, 3]))


@lru_cache(maxsize=1)
def _contact_styles():
    """Style of every demo contact (the table of ``social_style``)."""
    from helpers.data.datasets import load_demo
    from helpers.matrices import social_style

    return social_style(load_demo("stakeholders"), ASSERTIVENESS, RESPONSIVENESS).table


def _person(name: str):
    table = _contact_styles()
    return table.loc[table["person"] == name].iloc[0]


def _style_count(style: str) -> int:
    return int((_contact_styles()["cell"] == style).sum())


def _assessment():
    from helpers.teaching.widgets import SocialStyleAssessment

    return SocialStyleAssessment(chart=False, **ZHOU_ANSWERS).result.table.iloc[0]


def _style_reasons(name: dict, assertiveness: float, responsiveness: float, right: str) -> dict:
    """Why each other style does not fit two means (≥ 3 is high): the dimension(s) it gets wrong."""
    out = {}
    for style, (tells, shows) in STYLE_DIMS.items():
        if style == right:
            continue
        wrong = [dim for dim, want, mean in (("assert", tells, assertiveness), ("respond", shows, responsiveness))
                 if want != (mean >= 3)]
        zh_need = f"{STYLES[style]['zh']}是“{_ASSERT[tells]['zh']} + {_RESPOND[shows]['zh']}”"
        en_need = f"{STYLES[style]['en']} {_ASSERT[tells]['en']} and {_RESPOND[shows]['en']}"
        zh_bad = "、".join({"assert": f"果断性为 {assertiveness:.2f}（{'≥' if assertiveness >= 3 else '<'} 3，{_ASSERT[assertiveness >= 3]['zh']}）",
                           "respond": f"反应性为 {responsiveness:.2f}（{'≥' if responsiveness >= 3 else '<'} 3，{_RESPOND[responsiveness >= 3]['zh']}）"}[d]
                          for d in wrong)
        en_bad = " and ".join({"assert": f"assertiveness is {assertiveness:.2f} ({'≥' if assertiveness >= 3 else '<'} 3: {_ASSERT[assertiveness >= 3]['en']})",
                               "respond": f"responsiveness is {responsiveness:.2f} ({'≥' if responsiveness >= 3 else '<'} 3: {_RESPOND[responsiveness >= 3]['en']})"}[d]
                              for d in wrong)
        out[style] = {"zh": f"{zh_need}；{name['zh']}的{zh_bad}。", "en": f"{en_need}; {name['en']}'s {en_bad}."}
    return out


def _wu_reasons() -> dict:
    wu = _person("吴欣玲")
    return _style_reasons({"zh": "吴欣玲", "en": "Wu Xinling"}, float(wu["assertiveness"]), float(wu["responsiveness"]), wu["cell"])


def _zhou_reasons() -> dict:
    row = _assessment()
    return _style_reasons({"zh": "小周", "en": "Xiao Zhou"}, float(row["assertiveness"]), float(row["responsiveness"]), row["cell"])


def _portrait_styles() -> dict:
    from helpers.teaching.cases import PORTRAIT_STYLES

    return dict(PORTRAIT_STYLES)


def _portraits() -> list:
    from helpers.teaching.cases import style_portraits

    return style_portraits()


#: What each person of the case shows on the two dimensions (the clue in the card).
PORTRAIT_CLUES = {
    "P1": ({"zh": "打断你、当场要求周五前报价", "en": "cuts in and demands a quote by Friday"},
           {"zh": "很少寒暄、情绪不外露", "en": "little small talk, shows little emotion"}),
    "P2": ({"zh": "很少表态、要和同事商量", "en": "rarely gives a view, wants to talk it over"},
           {"zh": "亲手倒茶、关心员工的感受", "en": "pours the tea herself, cares how staff will feel"}),
    "P3": ({"zh": "当场表态“太棒了”", "en": "says “brilliant” on the spot"},
           {"zh": "手势多、笑声爽朗", "en": "many gestures, easy laughter"}),
    "P4": ({"zh": "要两周时间比较数据再决定", "en": "wants two weeks to compare the data before deciding"},
           {"zh": "语气平和、表情很少、逐项核对", "en": "even tone, little expression, checks item by item"}),
    "P5": ({"zh": "“下周一给我合同，我签字”", "en": "“send me the contract on Monday and I'll sign”"},
           {"zh": "只问价格、交期和责任", "en": "asks only about price, delivery and liability"}),
    "P6": ({"zh": "“我得听听大家的意见”", "en": "“I have to hear what everybody thinks”"},
           {"zh": "讲员工的故事、“大家满意”最重要", "en": "tells the workers' stories; “everyone happy” matters most"}),
}


def _portrait_reason(card: str, chosen: str | None = None) -> dict:
    """The card's clues on both dimensions, and which dimension a wrong style reads the other way."""
    right = _portrait_styles()[card]
    tells, shows = STYLE_DIMS[right]
    clue_a, clue_r = PORTRAIT_CLUES[card]
    zh = f"{clue_a['zh']}——{_ASSERT[tells]['zh']}；{clue_r['zh']}——{_RESPOND[shows]['zh']}。"
    en = f"{clue_a['en']} — {_ASSERT[tells]['en']}; {clue_r['en']} — {_RESPOND[shows]['en']}."
    if chosen in STYLE_DIMS and chosen != right:
        c_tells, c_shows = STYLE_DIMS[chosen]
        flipped = [d for d, a, b in (("a", c_tells, tells), ("r", c_shows, shows)) if a != b]
        zh += (f"你选的{STYLES[chosen]['zh']}是“{_ASSERT[c_tells]['zh']} + {_RESPOND[c_shows]['zh']}”："
               + "、".join({"a": "果断性", "r": "反应性"}[d] for d in flipped) + "看反了。")
        en += (f" {STYLES[chosen]['en']} {_ASSERT[c_tells]['en']} and {_RESPOND[c_shows]['en']}: "
               + " and ".join({"a": "assertiveness", "r": "responsiveness"}[d] for d in flipped) + " read the other way.")
    return {"zh": zh, "en": en}


q1 = ValueProblem(
    var="n_amiable",
    question={"zh": "232 位联系人中（上面的 `styles`），有多少位被评为**亲和型**（`'style_amiable'`）？",
              "en": "How many of the 232 contacts (`styles` above) are rated **Amiable** (`'style_amiable'`)?"},
    expected=lambda: _style_count("style_amiable"),
    mistakes=[Mistake("analytical", answer=lambda: _style_count("style_analytical"),
                      message={"zh": "这是分析型（问 + 克制）的人数。亲和型也是“问”，但情绪外露、重视关系。",
                               "en": "That is the Analytical count (asks, controls emotions). Amiables ask too, but show emotions and put relationships first."}),
              Mistake("expressive", answer=lambda: _style_count("style_expressive"),
                      message={"zh": "这是表现型（说 + 外露）的人数；亲和型是“问 + 外露”。",
                               "en": "That is the Expressive count (tells, shows emotions); Amiables ask and show emotions."}),
              Mistake("share", answer=lambda: _style_count("style_amiable") / len(_contact_styles()),
                      message={"zh": "这是比例；题目问的是人数。", "en": "That is a share; the question asks for a number of contacts."})],
    hints=[{"zh": "亲和型是“问 + 外露”：果断性低于 3、反应性不低于 3。",
            "en": "Amiable = asks and shows emotions: assertiveness below 3, responsiveness 3 or more."},
           {"zh": "`styles.classes` 是每位联系人的风格编号；`styles.summary()` 也按风格列出人数。",
            "en": "`styles.classes` holds every contact's style id; `styles.summary()` also lists contacts per style."},
           {"zh": "数一数 `styles.classes == ____` 为 True 的个数。", "en": "Count where `styles.classes == ____` is True."}],
    model_answer="n_amiable = int((styles.classes == 'style_amiable').sum())",
    explanation={"zh": "56 位：果断性 < 3、反应性 ≥ 3。", "en": "56: assertiveness < 3, responsiveness ≥ 3."},
)

q2 = ChoiceProblem(
    var="wu_style",
    question={"zh": "下周一的会议上，你要先和 KA01 的采购经理吴欣玲谈价格。她是哪种风格？写风格编号："
                    "`'style_driver'`、`'style_expressive'`、`'style_amiable'` 或 `'style_analytical'`。",
              "en": "At Monday's meeting you first talk prices with KA01's procurement manager, 吴欣玲 (Wu Xinling). What is her "
                    "style? Answer with the style id: `'style_driver'`, `'style_expressive'`, `'style_amiable'` or `'style_analytical'`."},
    expected=lambda: _person("吴欣玲")["cell"],
    options=STYLES,
    reasons=_wu_reasons,
    hints=[{"zh": "风格由两个平均分决定：果断性（问还是说）和反应性（克制还是外露），≥ 3 为高。",
            "en": "Two means decide the style: assertiveness (ask or tell) and responsiveness (controlled or emotional); ≥ 3 is high."},
           {"zh": "在第 4 节的 KA01 表中找到吴欣玲，读她的 `assertiveness` 和 `responsiveness`。",
            "en": "Find 吴欣玲 in the KA01 table of section 4 and read her `assertiveness` and `responsiveness`."},
           {"zh": "果断性 ≥ 3 为“说”，反应性 < 3 为“克制”：说 + 克制 = ____ 型。",
            "en": "Assertiveness ≥ 3 means tell, responsiveness < 3 means controlled: tell + controlled = ____."}],
    model_answer="wu_style = styles.table.query(\"person == '吴欣玲'\")['cell'].iloc[0]",
    explanation={"zh": "控制型：果断性 4.0、反应性 2.5——直接报价、给选项、让她决定。",
                 "en": "`'style_driver'`: assertiveness 4.0, responsiveness 2.5 — quote directly, offer options, let her decide."},
)

q3 = ClassificationProblem(
    var="style_answers",
    question={"zh": "下面六张卡片是案例中的六位人物。为每一位选择风格。",
              "en": "The six cards below are the six people of the case. Choose a style for each."},
    expected=_portrait_styles,
    options=STYLES,
    cards=_portraits,
    reasons=_portrait_reason,
    mistakes=[Mistake("ask_styles_swapped", answer=lambda: {**_portrait_styles(), "P2": "style_analytical", "P4": "style_amiable"},
                      message={"zh": "亲和型和分析型对调了：两者都“问”，区别在于关注人和关系（外露）还是关注事实和数据（克制）。",
                               "en": "Amiable and Analytical are swapped: both ask; the difference is people and relationships (emotions shown) "
                                     "versus facts and data (emotions controlled)."})],
    hints=[{"zh": "先判断“问还是说”（果断性），再判断“克制还是外露”（反应性）。",
            "en": "First decide ask or tell (assertiveness), then controlled or emotional (responsiveness)."},
           {"zh": "“说”的人当场表态、催促决定；“问”的人先听、要商量或要数据。外露的人重视人和关系，克制的人只谈事情。",
            "en": "Tellers give their view on the spot and push for a decision; askers listen first and want to consult or compare. "
                  "Emotional people put people first; controlled ones talk only business."},
           {"zh": "陈总和周主席都重视人和关系、不轻易表态；孙经理也不轻易表态，但他关注的是数据。",
            "en": "Ms Chen and Chair Zhou put people first and hold back their views; Manager Sun holds back too, but cares about data."}],
)

q4 = ChoiceProblem(
    var="zhou_style",
    question={"zh": "小周在自我评估中的回答是：果断性 4 项 `a1`–`a4` 为 3、2、3、4；反应性 4 项 `r1`–`r4` 为 4、3、2、3。"
                    "在上面的自我评估中拖动滑块（或在代码中设置 `assessment.controls['a1'].value = 3` …），工具判断她是哪种风格？写风格编号。",
              "en": "Xiao Zhou's self-assessment answers: assertiveness items `a1`–`a4` 3, 2, 3, 4; responsiveness items `r1`–`r4` 4, 3, 2, 3. "
                    "Set the sliders above (or in code: `assessment.controls['a1'].value = 3` …). Which style does the tool give her? "
                    "Answer with the style id."},
    expected=lambda: _assessment()["cell"],
    options=STYLES,
    reasons=_zhou_reasons,
    hints=[{"zh": "每个维度取 4 项的平均分，和 3 比较；恰好等于 3 算“高”。",
            "en": "Each dimension is the mean of its 4 items, compared with 3; exactly 3 counts as high."},
           {"zh": "果断性 = (3 + 2 + 3 + 4) / 4，反应性 = (4 + 3 + 2 + 3) / 4。",
            "en": "Assertiveness = (3 + 2 + 3 + 4) / 4, responsiveness = (4 + 3 + 2 + 3) / 4."},
           {"zh": "两个平均分都恰好是 3.0，按规则都算高：说 + 外露 = ____ 型。",
            "en": "Both means are exactly 3.0 and count as high: tells + shows emotions = ____."}],
    model_answer='for item, answer in zip(["a1", "a2", "a3", "a4", "r1", "r2", "r3", "r4"], [3, 2, 3, 4, 4, 3, 2, 3]):\n'
                 "    assessment.controls[item].value = answer\n"
                 "zhou_style = assessment.result.classes.iloc[0]",
    explanation={"zh": "表现型：两个平均分都恰好是 3.0，按规则都算高——但她的风格并不鲜明。",
                 "en": "`'style_expressive'`: both means are exactly 3.0, so both count as high — yet her style is not pronounced."},
)

q5 = ThoughtProblem(
    var="own_style",
    hints=[{"zh": "想一想她的准备方式（40 页材料、半小时公司历史）和自我评估的结果。",
            "en": "Think about how she prepared (40 pages, half an hour of company history) and her self-assessment."}],
    explanation={"zh": "小周按自己的节奏和方式介绍，没有先观察对方；她的自我评估落在两条线的交点，风格不鲜明，"
                       "可以向各个方向调整。关键是会前先判断对方的风格：对王总开门见山、给选项，对陈总放慢节奏、建立信任、邀请同事参与。",
                 "en": "Xiao Zhou presented at her own pace and in her own way without first observing the client; her "
                       "self-assessment sits where the two lines cross, so her style is not pronounced and she can adapt in "
                       "any direction. The key is to read the client's style before the meeting: with Mr Wang come to the "
                       "point and offer options; with Ms Chen slow down, build trust and involve her colleagues."},
)


# ---- guided selling in the store: how deep to guide each shopper ----
GUIDANCE = ("guide_full", "guide_focused", "guide_light")
GUIDE_CARDS = [
    {"id": "G1", "text": {"zh": "第一次进店的年轻妈妈，在儿童餐具前看了很久，问：“这个材质安全吗？”",
                          "en": "A young mother on her first visit looks at children's tableware for a long time and asks: \"Is this material safe?\""}},
    {"id": "G2", "text": {"zh": "每周都来的老会员，拿着购物清单直奔货架",
                          "en": "A member who comes every week walks straight to the shelves with a shopping list"}},
    {"id": "G3", "text": {"zh": "退休教师想给孙子买保温杯：“你帮我挑一个最合适的，别太复杂。”",
                          "en": "A retired teacher wants a flask for his grandson: \"Pick the most suitable one for me, nothing complicated.\""}},
    {"id": "G4", "text": {"zh": "做工程的顾客在手机上比对三款净水器的参数，问的都是专业问题",
                          "en": "An engineer compares the specifications of three water filters on his phone and asks expert questions"}},
    {"id": "G5", "text": {"zh": "第一次来的顾客想给新房挑一整套收纳用品，却不知道从哪里开始",
                          "en": "A first-time shopper wants storage for a whole new flat but does not know where to start"}},
    {"id": "G6", "text": {"zh": "老会员今天只是来逛逛，对店员说：“我先自己看看。”",
                          "en": "A long-standing member is just browsing today and tells the assistant: \"I'll look around myself first.\""}},
]
GUIDE_KEY = {"G1": "guide_full", "G2": "guide_light", "G3": "guide_focused",
             "G4": "guide_focused", "G5": "guide_full", "G6": "guide_light"}
GUIDE_MEANINGS = {
    "guide_full": {"zh": "给第一次来、不熟悉产品的顾客：从头讲解、做示范", "en": "for first-time shoppers new to the product: explain from the start and demonstrate"},
    "guide_focused": {"zh": "给要一个明确建议、或懂行要准确数据的顾客：抓住要点，直接给建议", "en": "for shoppers who want one clear recommendation, or experts who want exact figures: get to the point and advise"},
    "guide_light": {"zh": "给熟悉我们的老会员：少打扰、随时响应，尊重他的习惯", "en": "for long-standing members who know us: keep out of the way, be there when asked, respect their habits"},
}
GUIDE_OPTIONS = catalogue_options(GUIDANCE)

q6 = ClassificationProblem(
    var="guide_answers",
    question={"zh": "导购有三种深度：详细讲解与示范、抓住要点给出建议、少打扰随时响应。下面六位顾客各适合哪一种？",
              "en": "Guided selling has three depths: full guidance, focused advice and a light touch. Which suits each of the six "
                    "shoppers below?"},
    expected=lambda: dict(GUIDE_KEY),
    options=GUIDE_OPTIONS,
    cards=GUIDE_CARDS,
    reasons=meaning_reasons(GUIDE_KEY, GUIDE_MEANINGS, GUIDE_OPTIONS),
    mistakes=[Mistake("everyone_a_lesson", answer=lambda: {**GUIDE_KEY, "G3": "guide_full", "G4": "guide_full"},
                      message={"zh": "“你帮我挑一个”要的是明确的建议，不是一堂产品课；懂行的人要的是准确的数据，也不是从头讲解。",
                               "en": "\"Pick one for me\" asks for a clear recommendation, not a lesson; an expert wants exact figures, not "
                                     "an explanation from scratch."})],
    hints=[{"zh": "看两件事：顾客对产品懂多少，以及他跟我们的关系有多深（第一次来、来过几次、老会员）。",
            "en": "Look at two things: how much the shopper knows about the product, and how deep the relationship is (first "
                  "visit, a few visits, long-standing member)."},
           {"zh": "“你帮我挑一个”要的是明确的建议，不是一堂产品课；懂行的人要的是准确的数据，也不是从头讲解。",
            "en": "\"Pick one for me\" asks for a clear recommendation, not a lesson; an expert wants exact figures, not an "
                  "explanation from scratch."},
           {"zh": "每种深度各有两位顾客：两位第一次来的顾客、两位老会员，还有两位要建议的顾客。",
            "en": "Each depth suits two shoppers: the two first-timers, the two long-standing members, and the two who want advice."}],
)

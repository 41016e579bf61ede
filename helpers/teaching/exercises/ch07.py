"""Chapter 07 · Personality styles — the demo contacts' styles, the case quiz and the self-assessment."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ThoughtProblem, ValueProblem

STYLES = {"style_driver": {"zh": "控制型", "en": "Driver"},
          "style_expressive": {"zh": "表现型", "en": "Expressive"},
          "style_amiable": {"zh": "亲和型", "en": "Amiable"},
          "style_analytical": {"zh": "分析型", "en": "Analytical"}}
ASSERTIVENESS = ["assert_1", "assert_2", "assert_3", "assert_4"]
RESPONSIVENESS = ["respons_1", "respons_2", "respons_3", "respons_4"]
# Xiao Zhou's self-assessment answers (exercise 4): a1–a4, then r1–r4
ZHOU_ANSWERS = dict(zip(["a1", "a2", "a3", "a4", "r1", "r2", "r3", "r4"], [3, 2, 3, 4, 4, 3, 2, 3]))


@lru_cache(maxsize=2)
def _contact_styles(swapped: bool = False):
    """Style of every demo contact; ``swapped`` reads the two dimensions the wrong way round."""
    from helpers.data.datasets import load_demo
    from helpers.matrices import social_style

    x, y = (RESPONSIVENESS, ASSERTIVENESS) if swapped else (ASSERTIVENESS, RESPONSIVENESS)
    return social_style(load_demo("stakeholders"), x, y).table


def _style_of(person: str, swapped: bool = False) -> str:
    table = _contact_styles(swapped)
    return table.loc[table["person"] == person, "cell"].iloc[0]


def _assessed_style(**changes) -> str:
    from helpers.teaching.widgets import SocialStyleAssessment

    return SocialStyleAssessment(chart=False, **{**ZHOU_ANSWERS, **changes}).result.classes.iloc[0]


def _portrait_styles() -> dict:
    from helpers.teaching.cases import PORTRAIT_STYLES

    return dict(PORTRAIT_STYLES)


q1 = ValueProblem(
    var="n_amiable",
    expected=lambda: int((_contact_styles()["cell"] == "style_amiable").sum()),
    wrong=lambda: int((_contact_styles()["cell"] == "style_analytical").sum()),   # the other "ask" style
    hints=[{"zh": "styles.classes 是每位联系人的风格编号。", "en": "styles.classes holds every contact's style id."},
           {"zh": "(styles.classes == 'style_amiable').sum()，也可以读 styles.summary()。",
            "en": "(styles.classes == 'style_amiable').sum(), or read styles.summary()."}],
    model_answer={"zh": "n_amiable = int((styles.classes == 'style_amiable').sum())   # 56 位：果断性 < 3、反应性 ≥ 3",
                  "en": "n_amiable = int((styles.classes == 'style_amiable').sum())   # 56: assertiveness < 3, responsiveness ≥ 3"},
)

q2 = ChoiceProblem(
    var="wu_style",
    expected=lambda: _style_of("吴欣玲"),
    wrong=lambda: _style_of("吴欣玲", swapped=True),
    options=STYLES,
    hints=[{"zh": "在第 4 节的 KA01 表中找到吴欣玲，看她的两个平均分。",
            "en": "Find 吴欣玲 in the KA01 table of section 4 and look at her two means."},
           {"zh": "果断性 ≥ 3 为“说”，反应性 < 3 为“克制”：说 + 克制 = ？",
            "en": "Assertiveness ≥ 3 means tell, responsiveness < 3 means controlled: tell + controlled = ?"}],
    model_answer={"zh": "wu_style = styles.table.query(\"person == '吴欣玲'\")['cell'].iloc[0]   # 'style_driver'：果断性高、反应性 2.5——直接报价、给选项、让她决定",
                  "en": "wu_style = styles.table.query(\"person == '吴欣玲'\")['cell'].iloc[0]   # 'style_driver': high assertiveness, responsiveness 2.5 — quote directly, offer options, let her decide"},
)

q3 = ChoiceProblem(
    var="style_answers",
    expected=_portrait_styles,
    wrong=lambda: {**_portrait_styles(), "P2": "style_analytical", "P4": "style_amiable"},   # the two "ask" styles swapped
    options=STYLES,
    hints=[{"zh": "先判断“问还是说”（果断性），再判断“克制还是外露”（反应性）。",
            "en": "First decide ask or tell (assertiveness), then controlled or emotional (responsiveness)."},
           {"zh": "陈总和周主席都重视人和关系、不轻易表态；孙经理也不轻易表态，但他关注的是数据。",
            "en": "Ms Chen and Chair Zhou put people first and hold back their views; Manager Sun holds back too, but cares about data."}],
    model_answer={"zh": "style_answers = {'P1': 'style_driver', 'P2': 'style_amiable', 'P3': 'style_expressive', "
                        "'P4': 'style_analytical', 'P5': 'style_driver', 'P6': 'style_amiable'}",
                  "en": "style_answers = {'P1': 'style_driver', 'P2': 'style_amiable', 'P3': 'style_expressive', "
                        "'P4': 'style_analytical', 'P5': 'style_driver', 'P6': 'style_amiable'}"},
)

q4 = ChoiceProblem(
    var="zhou_style",
    expected=_assessed_style,
    wrong=lambda: _assessed_style(a4=3, r1=3),   # a slider left one step off: both means fall below the line
    options=STYLES,
    hints=[{"zh": "两个维度的平均分都是多少？和 3 比较。", "en": "What are the two means? Compare them with 3."},
           {"zh": "(3+2+3+4)/4 = 3.0，(4+3+2+3)/4 = 3.0；恰好在线上算“高”。",
            "en": "(3+2+3+4)/4 = 3.0 and (4+3+2+3)/4 = 3.0; exactly on the line counts as high."}],
    model_answer={"zh": "zhou_style = assessment.result.classes.iloc[0]   # 'style_expressive'：两个平均分都恰好是 3.0，按规则都算高",
                  "en": "zhou_style = assessment.result.classes.iloc[0]   # 'style_expressive': both means are exactly 3.0, so both count as high"},
)

q5 = ThoughtProblem(
    var="own_style",
    hints=[{"zh": "想一想她的准备方式（40 页材料、半小时公司历史）和自我评估的结果。",
            "en": "Think about how she prepared (40 pages, half an hour of company history) and her self-assessment."}],
    model_answer={"zh": "小周按自己的节奏和方式介绍，没有先观察对方；她的自我评估落在两条线的交点，风格不鲜明，"
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

q6 = ChoiceProblem(
    var="guide_answers",
    expected=lambda: dict(GUIDE_KEY),
    wrong=lambda: {**GUIDE_KEY, "G3": "guide_full", "G4": "guide_full"},
    hints=[{"zh": "看两件事：顾客对产品懂多少，以及他跟我们的关系有多深（第一次来、来过几次、老会员）。",
            "en": "Look at two things: how much the shopper knows about the product, and how deep the relationship is (first "
                  "visit, a few visits, long-standing member)."},
           {"zh": "“你帮我挑一个”要的是明确的建议，不是一堂产品课；懂行的人要的是准确的数据，也不是从头讲解。",
            "en": "\"Pick one for me\" asks for a clear recommendation, not a lesson; an expert wants exact figures, not an "
                  "explanation from scratch."}],
    model_answer={"zh": "guide_answers = guide_quiz.answers\n"
                        "# G1、G5 详细讲解与示范（第一次来、不熟悉产品）；G3、G4 抓住要点、给出建议（要一个建议 / 要准确的数据）；"
                        "G2、G6 少打扰、随时响应（老会员，尊重他的习惯）",
                  "en": "guide_answers = guide_quiz.answers\n"
                        "# G1, G5 full guidance (first visit, new to the product); G3, G4 focused advice (wants one "
                        "recommendation / wants exact figures); G2, G6 light touch (long-standing members: respect their habits)"},
)


def guide_quiz():
    """The cards of q6: how deep to guide each shopper; its Check button judges with q6.

    >>> len(guide_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(GUIDE_CARDS, GUIDANCE, problem=q6)

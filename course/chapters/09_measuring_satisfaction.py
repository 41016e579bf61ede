"""Chapter 09 · Measuring satisfaction: perception vs expectation, survey design, CSAT, NPS, CES, an
ACSI-style index, reliability, SERVQUAL gaps and importance–performance analysis."""
from helpers.teaching.authoring import Chapter

ch = Chapter("09_measuring_satisfaction", setup_extra="""
import pandas as pd
from helpers.teaching.exercises import ch09, ____
from helpers.display import show
from helpers.data import load_demo, demo_label
from helpers.i18n import label
from helpers.satisfaction import disconfirmation, csat, nps, ces, acsi_index, ipa_table
from helpers.reliability import cronbach_alpha
from helpers.servqual import servqual
from helpers.matrices import ipa_matrix
from helpers.plots import plot_csat, plot_nps, plot_alpha_if_deleted, plot_servqual_gaps, plot_value_matrix
from helpers.teaching.widgets import SurveySimulator
""")

ch.md(zh="""
# 第 9 章 · 客户满意度测评

“我们的客户满意吗？”几乎每家企业都会问，但答案常常只是一句感觉。本章把满意度变成**可以测量、可以比较、可以行动**的数字：
用什么题目问、问谁、问多少人，算出的分数有多可靠，最后**先改进什么**。

**本章目标**
- 能计算并解读主要满意度指标：CSAT、NPS、CES 和 ACSI 式满意度指数，并说明它们的误差范围；
- 能用 SERVQUAL 差距分析和重要性—绩效分析（IPA）找出改进重点。

**在课程中的位置**：前 8 章按价值给客户分类；从本章起，我们转向“如何经营每一类客户”。
满意度是忠诚的前提——第 10 章会把本章的满意度与忠诚、流失联系起来，第 13 章再用 Kano 模型决定做哪些新功能。

本章用的数据：演示公司**悦家生活**在 2025 年 9–11 月对 400 位购买过的客户做的满意度问卷。
""", en="""
# Chapter 9 · Measuring satisfaction

"Are our customers satisfied?" Almost every company asks, and the answer is often just a feeling. This chapter
turns satisfaction into numbers you can **measure, compare and act on**: which questions to ask, whom and how many
to ask, how reliable the resulting score is, and finally **what to improve first**.

**Objectives of this chapter**
- compute and interpret the main satisfaction metrics — CSAT, NPS, CES and an ACSI-style index — with their
  margins of error;
- find improvement priorities with SERVQUAL gap analysis and importance–performance analysis (IPA).

**Where it sits**: chapters 1–8 classified customers by value; from here on we ask how to manage each class.
Satisfaction comes before loyalty — chapter 10 links this chapter's satisfaction to loyalty and churn, and
chapter 13 uses the Kano model to decide which new features to build.

The data: a satisfaction survey of 400 buying customers of the demo company **Yuejia Living** (悦家生活),
September–November 2025.
""")

ch.md(zh="""
## 1 满意 = 感知 − 期望

顾客满不满意，不取决于服务“客观上”有多好，而取决于**实际感受与事先期望的比较**——这就是 Oliver（1980）的
**期望—不一致**（expectation–disconfirmation）模型：

- 感知 P > 期望 E（正向不一致）→ **满意**；
- P ≈ E → **基本满意**；
- P < E（负向不一致）→ **不满意**。

国内教材常写成 顾客满意度 = 实际感受 − 期望值，也有用比值 C = 感知 / 期望 的。下面四位顾客给门店服务打分（1–5 分）：
""", en="""
## 1 Satisfaction = perception − expectation

Whether a customer is satisfied depends not on how good the service "objectively" is, but on how the **experience
compares with what they expected** — Oliver's (1980) **expectation–disconfirmation** model:

- perception P > expectation E (positive disconfirmation) → **satisfied**;
- P ≈ E → **neutral** (expectations just met);
- P < E (negative disconfirmation) → **dissatisfied**.

Chinese textbooks often write satisfaction = perceived − expected; some use the ratio C = perceived / expected.
Four customers rate a store's service (1–5):
""")
ch.checked("""
expected = [4.0, 4.0, 4.0, 3.0]
perceived = [4.5, 4.0, 3.0, 3.5]
show(disconfirmation(perceived, expected).table)
""")
ch.md(zh="""
第 4 位顾客的感受（3.5）比第 1 位（4.5）差，却同样满意——因为他的期望低。这给管理者两个抓手：**提高表现**，
或者**管理期望**（不过度承诺）。但期望也不能压得太低：期望太低的客户根本不会来。比值法给出同样的判断
（`tol` 是“基本满意”的容差带）：
""", en="""
Customer 4 perceives less (3.5) than customer 1 (4.5) yet is just as satisfied — because he expected less. That
gives managers two levers: **perform better**, or **manage expectations** (do not over-promise). Expectations cannot
be pushed too low either: customers who expect little never come. The ratio rule gives the same verdicts here
(`tol` is the tolerance band of "neutral"):
""")
ch.checked("show(disconfirmation(perceived, expected, method='ratio', tol=0.05).table)")

ch.md(zh="""
### 一个要说清楚的印刷错误：“实际感受 + 期望值”

有的中文资料把公式印成 **顾客满意度 = 顾客实际感受 + 顾客期望值**。加号是错的，应当是两者的**比较**（差或比）。
用上面的第 1 位和第 4 位顾客检验一下：如果用加号，第 1 位得 4.5 + 4.0 = 8.5，第 4 位得 3.5 + 3.0 = 6.5——
同样满意的两个人分数差了两分；更糟的是，**期望越高，分数越高**：企业只要把广告吹得更大，顾客就“更满意”了。
这与经验恰好相反：承诺过度、期望被抬高而服务没跟上，正是不满意最常见的来源。所以读到加号时，请把它读作“感受与期望相比”。
""", en="""
### A misprint to set straight: "perception + expectation"

Some Chinese material prints the formula as **satisfaction = perceived experience + expectation**. The plus sign is
wrong; it must be a **comparison** of the two (a difference or a ratio). Test it on customers 1 and 4 above: with a
plus, customer 1 gets 4.5 + 4.0 = 8.5 and customer 4 gets 3.5 + 3.0 = 6.5 — two equally satisfied people two points
apart; worse, **the higher the expectation, the higher the score**: a company would only need louder advertising to
make customers "more satisfied". Experience says the opposite: over-promising — raising expectations the service
cannot meet — is the commonest source of dissatisfaction. So when you meet the plus sign, read it as "perception
compared with expectation".
""")
ch.exercise("ch09", "q6")
ch.trainer(zh="""
约 5 分钟（核心内容：国内学员多半见过加号版本）。先别给答案，请学员用加号公式算第 1、4 位顾客，再问“如果广告把期望从 4 提到 5，满意度会怎样变？”
q6 的错误选项各有原因：A、C 会让期望越高分数越高；D 的算式本身没错（期望 − 感受 = 1 表示感受比期望差 1 分），错在结论——大于 0 恰恰表示不满意。
""", en="""
About 5 minutes (core: most Chinese students have met the plus version). Before giving the answer, have students apply
the plus formula to customers 1 and 4, then ask "if advertising lifts expectations from 4 to 5, what happens to
satisfaction?" Each wrong option of q6 fails for a reason: A and C make a higher expectation give a higher score; D's
sum is right (expectation − perception = 1 means the experience fell 1 short) but its conclusion is wrong — above 0
means dissatisfied.
""")

ch.md(zh="""
## 2 调查设计：问谁、怎么问、问多少

| 方式 | 优点 | 缺点 | 适合 |
|---|---|---|---|
| 书面问卷（门店、随货） | 成本低，可问较多题 | 回收率低，无法追问 | 到店客户、定期普查 |
| 在线问卷（短信、小程序、App、邮件） | 快，便宜，可紧跟交易发送 | 只覆盖线上活跃客户，回收率常低于 10% | 交易后 CSAT、CES，NPS 追踪 |
| 电话访问 | 回收率较高，可解释题意 | 成本高，易受访员影响 | 大客户、流失客户回访 |
| 深度访谈 / 焦点小组 | 能发现“为什么” | 样本小，不能代表总体 | 设计问卷之前、解释异常结果 |

**问卷设计的几条规则**
- 一题只问一件事（“价格和服务满意吗？”无法回答）；
- 量表方向一致、两端有文字说明，正负选项对称；避免诱导（“您对我们优质的服务满意吗？”）；
- 在体验之后尽快询问（交易后 24 小时内），记忆才准确；
- **从全部客户中抽样**，而不只问愿意回答的人或投诉过的人；报告样本量 n、回收率和剔除了多少份答卷；
- 重要的构念（如“忠诚意向”）用**多道题**测量，才能检验信度（第 5 节）。

悦家生活的问卷包括：总体满意度（CSAT）、推荐意愿（NPS）、费力度（CES）、三道 ACSI 题、22 对 SERVQUAL 题、
Kano 题、8 个属性的重要性与表现，以及四道忠诚意向题。
""", en="""
## 2 Survey design: whom to ask, how, and how many

| method | strengths | weaknesses | good for |
|---|---|---|---|
| paper questionnaire (in store, with the parcel) | cheap, room for many questions | low response, no follow-up questions | store visitors, periodic census |
| online survey (SMS, mini-program, app, e-mail) | fast and cheap, can follow each transaction | reaches active online customers only, response often below 10% | post-transaction CSAT and CES, NPS tracking |
| telephone interview | higher response, questions can be explained | costly, interviewer effects | key accounts, lapsed customers |
| in-depth interview / focus group | finds the "why" | small samples, not representative | before writing a questionnaire, explaining odd results |

**Rules for the questionnaire**
- one question, one idea ("Are you satisfied with price and service?" cannot be answered);
- scales in the same direction, labelled ends, balanced positive and negative options; no leading wording
  ("How satisfied are you with our excellent service?");
- ask soon after the experience (within 24 hours) while memory is fresh;
- **sample from all customers**, not only those willing to answer or those who complained; report n, the response
  rate and how many answers were dropped;
- measure important constructs (such as "loyalty intention") with **several items**, so that reliability can be
  checked (section 5).

Yuejia Living's questionnaire has overall satisfaction (CSAT), likelihood to recommend (NPS), effort (CES), three
ACSI items, 22 SERVQUAL pairs, Kano questions, importance and performance of 8 attributes, and four
loyalty-intention items.
""")
ch.checked("""
survey = load_demo("survey")
show({"respondents": len(survey), "incomplete": int(survey.isna().any(axis=1).sum())})
""")
ch.md(zh="""
400 份答卷中有 40 份漏答了一到三道题。处理办法是**按指标逐项删除**（listwise deletion）：计算某个指标时，
去掉没有回答该指标所用题目的答卷，并报告剩下的 n。`helpers` 的函数遇到缺失答案会自动删除并发出警告；
本章用 `dropna(subset=...)` 事先明确删除，让每个指标的 n 一目了然。
""", en="""
40 of the 400 questionnaires skipped one to three items. The rule is **listwise deletion per measure**: for each
measure, drop the questionnaires that miss one of its items and report the n that remains. The `helpers` functions
do this themselves and warn; in this chapter we drop explicitly with `dropna(subset=...)` so that every measure's
n is plain to see.
""")

ch.md(zh="""
## 3 四个常用指标：CSAT、NPS、CES、ACSI

### 3.1 CSAT：顾客满意度得分

“总体而言，您对本次购物满意吗？”1–5 分。**CSAT = 选 4 或 5 分（“前两格”，top-2-box）的人数占比**，同时报告平均分。
""", en="""
## 3 Four common metrics: CSAT, NPS, CES, ACSI

### 3.1 CSAT: customer satisfaction score

"Overall, how satisfied are you with your purchase?" on 1–5. **CSAT = share of respondents answering 4 or 5
("top-2-box")**, reported with the mean.
""")
ch.code("""
csat_result = csat(survey["csat"].dropna())
csat_result
""")
ch.code('plot_csat(survey["csat"].dropna());')

ch.md(zh="""
### 3.2 NPS：净推荐值

“您有多大可能把悦家生活推荐给朋友？”0–10 分（Reichheld 2003，《哈佛商业评论》“The One Number You Need to Grow”）。
9–10 分为**推荐者**，7–8 分为**被动者**，0–6 分为**贬损者**：

**NPS = 推荐者占比 − 贬损者占比**，范围 −100 到 +100。注意 7–8 分的人不计入分子，但计入分母。
""", en="""
### 3.2 NPS: net promoter score

"How likely are you to recommend Yuejia Living to a friend?" on 0–10 (Reichheld 2003, HBR, "The One Number You
Need to Grow"). 9–10 are **promoters**, 7–8 **passives**, 0–6 **detractors**:

**NPS = % promoters − % detractors**, from −100 to +100. Passives do not count in the numerator, but they do in
the denominator.
""")
ch.code("""
nps_result = nps(survey["nps"].dropna())
plot_nps(nps_result);
""")
ch.md(zh="""
NPS 的价值在于**分组比较**。按会员等级看（会员等级来自客户档案）：
""", en="""
NPS earns its keep in **comparisons between groups**. By member level (from the customer table):
""")
ch.code("""
members = survey.merge(load_demo("customers")[["customer_id", "member_level"]], on="customer_id")
LEVELS = ["regular", "silver", "gold", "platinum"]
by_level = {demo_label(level, "member_level"): members.loc[members["member_level"] == level, "nps"].dropna()
            for level in LEVELS}
plot_nps(by_level);
""")
ch.checked("""
level_nps = {level: nps(answers) for level, answers in by_level.items()}
show(pd.DataFrame({"nps": [r.nps for r in level_nps.values()], "n": [r.n for r in level_nps.values()],
                   "moe": [r.moe for r in level_nps.values()]}, index=list(level_nps)), decimals=1)
""")
ch.md(zh="""
普通会员的 NPS 为负，银卡、金卡会员高得多——高价值客户也更愿意推荐，这与第 3、4 章的价值分类相互印证。
但**白金会员只有 10 人**：+100 看起来完美，其实样本太小，不能单独报告。“±”列是 95% 误差范围（第 4 节讲解）：
金卡会员 ±24 分；白金会员的误差竟显示为 0——10 人全是推荐者，正态近似公式在这么小的样本上失效了，这并不代表结果精确。
周一可以做的事：把普通会员中的贬损者（0–6 分）交给客服回访，问清原因。
""", en="""
Regular members have a negative NPS, silver and gold members a far higher one — high-value customers are also
keener to recommend, which matches the value classes of chapters 3 and 4. But **only 10 respondents are
platinum**: +100 looks perfect, yet the group is too small to report on its own. The "±" column is the 95% margin
of error (section 4): ±24 points for gold; for platinum it even shows 0 — all 10 are promoters, and the normal
approximation breaks down on so small a sample; it does not mean the result is exact. What to do on Monday: pass the regular members who are detractors (0–6) to the service team for
a call back to learn why.
""")
ch.exercise("ch09", "q1")

ch.md(zh="""
### 3.3 CES：顾客费力度

Dixon、Freeman 与 Toman（2010，《哈佛商业评论》“Stop Trying to Delight Your Customers”）发现：在客服场景中，
**减少顾客的麻烦**比“超出期望的惊喜”更能留住客户。CES 有两个版本，方向相反，报告时必须写明：

- 第 1 版：“您为解决问题付出了多少努力？”1–5 分，**越低越好**；
- 第 2 版（CES 2.0）：“公司让我很容易地解决了问题”，1–7 分同意程度，**越高越好**，报告同意（5–7 分）的比例。

悦家生活用的是第 2 版：
""", en="""
### 3.3 CES: customer effort score

Dixon, Freeman and Toman (2010, HBR, "Stop Trying to Delight Your Customers") found that in customer service,
**removing hassle** keeps customers better than delighting them. CES comes in two versions with opposite
directions, so always say which one:

- version 1: "How much effort did you personally have to put forth?" on 1–5, **lower is better**;
- version 2 (CES 2.0): "The company made it easy for me to handle my issue", 1–7 agreement, **higher is better**,
  reported as the share agreeing (5–7).

Yuejia Living uses version 2:
""")
ch.code("""
ces_result = ces(survey["ces"].dropna(), version=2)
ces_result
""")

ch.md(zh="""
### 3.4 ACSI 式满意度指数

美国顾客满意度指数（ACSI）用三道 1–10 分的题：总体满意度 X₁、与期望相比 X₂、与理想产品相比 X₃，
把它们的平均分加权换算到 0–100：

**指数 = 100 · Σ wᵢ (X̄ᵢ − 1) / 9**，权重之和为 1。

ACSI 的真实权重由结构方程模型（PLS）估计且不公开；这里默认用等权重，也可以自己给定权重。多题指数比单题更稳定，
适合年度对标。
""", en="""
### 3.4 An ACSI-style index

The American Customer Satisfaction Index uses three 1–10 items — overall satisfaction X₁, compared with
expectations X₂, compared with an ideal X₃ — and turns their weighted means into a 0–100 index:

**Index = 100 · Σ wᵢ (X̄ᵢ − 1) / 9**, with weights summing to 1.

ACSI's real weights are estimated with a structural model (PLS) and not published; the default here is equal
weights, and you can pass your own. A multi-item index is steadier than a single question and suits yearly
benchmarking.
""")
ch.code("""
ACSI = ["acsi_sat", "acsi_expect", "acsi_ideal"]
acsi_result = acsi_index(survey.dropna(subset=ACSI), item_cols=ACSI)
acsi_result
""")
ch.md(zh="""
四个指标放在一起：
""", en="""
The four metrics side by side:
""")
ch.checked("""
show({"csat": csat_result.share, "nps": nps_result.nps, "easy_share": ces_result.easy_share,
      "acsi_index": acsi_result.index}, share_cols=["csat"], decimals=1)
""")
ch.code('show(survey[["csat", "nps", "ces", "acsi_sat"]].corr())')
ch.md(zh="""
**怎么选？** 四个指标彼此相关（相关系数约 0.6–0.7），但并不相同：

| 指标 | 回答的问题 | 什么时候用 |
|---|---|---|
| CSAT | 这次体验好不好？ | 每次交易或接触之后 |
| NPS | 客户会不会为我们说好话？ | 关系层面，季度追踪、分组比较 |
| CES | 和我们打交道麻不麻烦？ | 客服、退换货、投诉处理之后 |
| ACSI 指数 | 整体满意度处在什么水平？ | 年度对标、与行业比较 |

NPS 流行，但研究并不支持“一个数字就够了”（Keiningham 等 2007 发现它预测增长并不比其他满意度指标更好）。
实践中：选一两个指标长期追踪，**口径不变**，并总是附上 n 和误差范围。
""", en="""
**Which to use?** The four metrics are correlated (about 0.6–0.7) but not the same:

| metric | question it answers | when |
|---|---|---|
| CSAT | was this experience good? | after each transaction or contact |
| NPS | will customers speak up for us? | relationship level, quarterly tracking, group comparisons |
| CES | is dealing with us a hassle? | after service contacts, returns, complaint handling |
| ACSI index | how satisfied are customers overall? | yearly benchmarking, comparison with the industry |

NPS is popular, but research does not support "one number is enough" (Keiningham et al. 2007 found it predicts
growth no better than other satisfaction measures). In practice: track one or two metrics over time, **keep the
definitions fixed**, and always report n and the margin of error.
""")

ch.md(zh="""
## 4 分数有多准？误差范围

400 人的调查只是全部客户的一个样本，换一批人，分数就会变。**95% 误差范围**（margin of error）说明这种抽样波动有多大：

- CSAT（一个比例 p）：误差 = 1.96 · √(p(1−p)/n)；
- NPS：标准误 SE = 100 · √((p推荐 + p贬损 − (p推荐 − p贬损)²)/n)，误差 = 1.96 · SE。

悦家生活的 NPS +10.5 的误差约 ±8 分：真实值大致在 +2.5 到 +18.5 之间。**NPS 从 +10 变到 +14，很可能只是噪声。**
下面的**调查模拟器**按人数计算 NPS 和 CSAT 及其误差范围，初始值就是悦家生活问卷的人数。
试试：人数都减半，误差变大多少？
""", en="""
## 4 How precise is the score? The margin of error

A survey of 400 is a sample of all customers; ask another 400 and the score moves. The **95% margin of error**
says how much:

- CSAT (a share p): margin = 1.96 · √(p(1−p)/n);
- NPS: standard error SE = 100 · √((p_promoters + p_detractors − (p_promoters − p_detractors)²)/n), margin = 1.96 · SE.

Yuejia Living's NPS of +10.5 has a margin of about ±8 points: the true value lies roughly between +2.5 and +18.5.
**An NPS moving from +10 to +14 is most likely noise.** The **survey simulator** below computes NPS and CSAT with
their margins from answer counts; it starts at the counts of Yuejia Living's survey. Try halving every count:
how much wider does the margin get?
""")
ch.checked('show({"nps_moe": nps_result.moe, "csat_moe": csat_result.moe}, share_cols=["csat_moe"])   # CSAT is a share, its margin too')
ch.code("""
counts = survey["csat"].dropna().astype(int).value_counts()
sim = SurveySimulator(promoters=nps_result.promoters, passives=nps_result.passives, detractors=nps_result.detractors,
                      **{f"rating_{r}": int(counts.get(r, 0)) for r in range(1, 6)})
sim
""")
ch.exercise("ch09", "q2")

ch.md(zh="""
## 5 信度：多道题量的是同一件事吗？

用几道题测量同一个概念（比如“忠诚意向”），题目之间应该高度一致。**Cronbach α**（Cronbach 1951）衡量这种内部一致性：

**α = k/(k−1) · (1 − Σ s²ᵢ / s²总)**，k 为题数，s²ᵢ 为每道题的方差，s²总 为总分的方差。

经验法则：α ≥ 0.7 可以接受，≥ 0.8 良好。α 太低，说明这些题并没有测量同一件事，把它们加总成一个分数就没有意义。
""", en="""
## 5 Reliability: do several items measure the same thing?

When several items measure one concept (say "loyalty intention"), they should agree with each other.
**Cronbach's alpha** (Cronbach 1951) measures this internal consistency:

**α = k/(k−1) · (1 − Σ s²ᵢ / s²_total)**, with k items, item variances s²ᵢ and the variance of the total score s²_total.

Rule of thumb: α ≥ 0.7 is acceptable, ≥ 0.8 good. A low alpha means the items do not measure one thing, and adding
them into one score makes no sense.
""")
ch.checked("""
LOYALTY = ["loy_repurchase", "loy_recommend", "loy_first_choice", "loy_more_purchases"]
SCALES = {"scale_acsi": ACSI, "scale_loyalty": LOYALTY, "scale_reliability": ["per_05", "per_06", "per_07", "per_08", "per_09"]}
show(pd.Series({name: cronbach_alpha(survey.dropna(subset=items), item_cols=items).alpha
                for name, items in SCALES.items()}, name="alpha"), decimals=3)
""")
ch.md(zh="""
三组题的 α 都在 0.87–0.88 之间。公开的真实调查数据（例如欧洲顾客满意度指数 ECSI 的问卷）也呈现同样的规律：
同一构念的多道题 α 通常在 0.7–0.9 之间。

**α 如何发现一道“坏题”？** 假设问卷设计者把“门店氛围对您有多重要”误放进了忠诚量表：
""", en="""
All three scales have an alpha of 0.87–0.88. Real survey data in the public domain (for example questionnaires of
the European Customer Satisfaction Index, ECSI) show the same pattern: items of one construct usually reach an
alpha of 0.7–0.9.

**How does alpha catch a bad item?** Suppose the questionnaire's author slipped "How important is the store
ambience to you?" into the loyalty scale:
""")
ch.code("""
with_bad_item = LOYALTY + ["imp_store_ambience"]
alpha_bad = cronbach_alpha(survey.dropna(subset=with_bad_item), item_cols=with_bad_item)
alpha_bad
""")
ch.code("plot_alpha_if_deleted(alpha_bad);")
ch.md(zh="""
α 从 0.87 降到 0.79；“删除该题后的 α”显示，去掉这道题 α 会回升——它与其他题的修正相关系数只有 0.14。
做法：删掉或改写这道题，并在报告中说明。
""", en="""
Alpha falls from 0.87 to 0.79; "alpha if item deleted" shows that dropping this item lifts alpha back — its
corrected item–total correlation is only 0.14. The fix: drop or rewrite the item, and say so in the report.
""")
ch.exercise("ch09", "q3")

ch.md(zh="""
## 6 SERVQUAL：服务质量的五个差距

Parasuraman、Zeithaml 与 Berry（1988）把服务质量分为五个维度（英文首字母 RATER），用 22 对题目测量：
每道题先问“一家优秀的零售商应该……”（期望 E），再问“悦家生活……”（感知 P），1–7 分。

| 维度 | 题号 | 内容 |
|---|---|---|
| 有形性 | 1–4 | 设施、设备、员工形象、资料 |
| 可靠性 | 5–9 | 准确、可靠地兑现承诺 |
| 响应性 | 10–13 | 愿意帮助、迅速服务 |
| 保证性 | 14–17 | 员工的知识、礼貌，让人放心 |
| 移情性 | 18–22 | 关心、个别化的关注 |

**差距 = P − E**：每道题算差距，维度差距取题目差距的平均，SERVQUAL 总分取五个维度差距的平均。
受访者还把 100 分分配给五个维度（重要性），用它加权得到**加权 SERVQUAL**。
""", en="""
## 6 SERVQUAL: five gaps of service quality

Parasuraman, Zeithaml and Berry (1988) split service quality into five dimensions (RATER) measured by 22 pairs of
items: each first asks "an excellent retailer would …" (expectation E), then "Yuejia Living …" (perception P), on 1–7.

| dimension | items | content |
|---|---|---|
| tangibles | 1–4 | facilities, equipment, staff appearance, materials |
| reliability | 5–9 | delivering what was promised, accurately and dependably |
| responsiveness | 10–13 | willingness to help, prompt service |
| assurance | 14–17 | staff knowledge and courtesy, trust |
| empathy | 18–22 | caring, individual attention |

**Gap = P − E**: per item, then the dimension gap is the mean of its item gaps and the SERVQUAL score the mean of
the five dimension gaps. Respondents also share 100 points among the five dimensions (importance), which gives the
**weighted SERVQUAL**.
""")
ch.code("""
SQ_COLUMNS = [c for c in survey.columns if c.startswith(("exp_", "per_", "w_"))]
sq = servqual(survey.dropna(subset=SQ_COLUMNS), weights="w_{dimension}")
sq
""")
ch.checked("show({'unweighted': sq.unweighted, 'weighted': sq.weighted, 'n': sq.n})")
ch.code("plot_servqual_gaps(sq);")
ch.exercise("ch09", "q4")
ch.md(zh="""
**怎么读？** 只有有形性达到了期望；**可靠性**的差距最大（−1.28），而顾客恰恰认为它最重要（平均分配了 32 分）——
所以加权分（−0.70）比未加权分（−0.55）更差。注意：移情性的**感知分**最低，但它的期望也低，差距并不是最大的。
改进要看差距，而不是只看感知分。

用第 1 节的期望—不一致规则判断每个维度（容差 0.1 分）：
""", en="""
**How to read it.** Only tangibles meet expectations; **reliability** has the largest gap (−1.28), and customers
rate it the most important (32 of 100 points on average) — so the weighted score (−0.70) is worse than the
unweighted one (−0.55). Note that empathy has the lowest **perception**, but its expectation is low too, so its gap
is not the largest. Improve where the gaps are, not where perceptions alone are lowest.

Section 1's disconfirmation rule per dimension (tolerance 0.1 points):
""")
ch.code("""
dims = sq.dimensions
show(disconfirmation(dims["perception"], dims["expectation"], tol=0.1).table)
""")
ch.md(zh="""
周一可以做的事：可靠性的五道题差距都在 −1.27 到 −1.29 之间——问题是系统性的（按时送达、准确开单、兑现承诺），
要从流程上解决，而不是靠个别员工。

SERVQUAL 也受到批评：Cronin 与 Taylor（1992）发现只用感知分（SERVPERF）预测总体质量同样好，而且问卷更短；
差值分数的信度也低于单项分数。实践中可以保留期望题做诊断，追踪时只问感知题。
""", en="""
What to do on Monday: all five reliability items have gaps between −1.27 and −1.29 — the problem is systemic
(on-time delivery, correct invoices, keeping promises) and needs fixing in the process, not by individual staff.

SERVQUAL has critics: Cronin and Taylor (1992) found perceptions alone (SERVPERF) predict overall quality as well,
with half the questionnaire; difference scores are also less reliable than single scores. A practical compromise:
keep the expectation items for diagnosis, ask only perceptions for tracking.
""")

ch.md(zh="""
## 7 重要性—绩效分析（IPA）：先改进什么

Martilla 与 James（1977）的方法：对每个属性问两件事——它对您有多重要（重要性）、我们做得怎么样（表现），1–7 分。
以所有属性的平均重要性和平均表现为十字线，把属性分进四个象限：

| 象限 | 重要性 | 表现 | 行动 |
|---|---|---|---|
| I 重点改进区 | 高 | 低 | 优先投入改进 |
| II 继续保持区 | 高 | 高 | 保持优势 |
| III 低优先区 | 低 | 低 | 暂不处理 |
| IV 过度投入区 | 低 | 高 | 资源可转向第 I 象限 |

悦家生活问了 8 个属性：
""", en="""
## 7 Importance–performance analysis (IPA): what to improve first

Martilla and James (1977): for each attribute ask two things — how important is it to you (importance), how well
do we do (performance), on 1–7. With the mean importance and mean performance of all attributes as a crosshair,
the attributes fall into four quadrants:

| quadrant | importance | performance | action |
|---|---|---|---|
| I concentrate here | high | low | invest in improvement first |
| II keep up the good work | high | high | defend the strength |
| III low priority | low | low | leave for now |
| IV possible overkill | low | high | resources may move to quadrant I |

Yuejia Living asked about 8 attributes:
""")
ch.code("""
ATTRIBUTES = ["product_quality", "return_policy", "price", "delivery_speed", "staff_courtesy",
              "store_ambience", "app_usability", "loyalty_program"]
importance, performance = [f"imp_{a}" for a in ATTRIBUTES], [f"perf_{a}" for a in ATTRIBUTES]
means = ipa_table(survey.dropna(subset=importance + performance), importance, performance, attributes=ATTRIBUTES)
show(means)
""")
ch.checked("""
ipa = ipa_matrix(means)
show({axis: cut[0] for axis, cut in ipa.thresholds.items()})
""")
ch.exercise("ch09", "q5")
ch.code('plot_value_matrix(ipa_matrix(means.rename(index=lambda a: demo_label(a, "attribute"))));')
ch.checked("show(ipa.classes)")
ch.md(zh="""
**结论**：价格和配送速度是**重点改进区**——顾客很看重，我们做得不够；店员礼貌和门店氛围表现很好但不那么重要，
可能**投入过度**。周一可以做的事：把下一季度的改进预算优先给配送（与 SERVQUAL 中可靠性的差距一致），
价格问题则交给第 5 章的价值矩阵判断——不是所有客户都值得降价。

**十字线放在哪里很重要。** 如果用量表中点（4 分）作十字线，8 个属性全部落在“继续保持区”——什么都不用改：
""", en="""
**Conclusion**: price and delivery speed are where to **concentrate** — customers care a lot and we fall short;
staff courtesy and store ambience perform well but matter less — **possible overkill**. What to do on Monday: give
next quarter's improvement budget to delivery first (it matches SERVQUAL's reliability gap), and take price to
chapter 5's value matrix — not every customer is worth a discount.

**Where the crosshair sits matters.** With the scale midpoint (4) as the crosshair, all 8 attributes land in
"keep up the good work" — nothing to improve:
""")
ch.checked("show(ipa_matrix(means, breaks='midpoint', scale=(1, 7)).classes.value_counts())")
ch.md(zh="""
顾客往往把几乎所有属性都评为“重要”，表现也多在中点以上，所以以数据平均值为十字线（默认）更能区分轻重。
无论用哪种，都要在报告中写明。
""", en="""
Customers tend to call nearly every attribute important and rate most of them above the midpoint, so the
data-centred crosshair (the default) separates priorities better. Whichever you use, state it in the report.
""")

ch.md(zh="""
### 与竞争对手比较：我们与对手各满足多少

IPA 只看我们自己。顾客调查还应回答：**在顾客看重的方面，我们比主要竞争对手做得好还是差？**做法是在同一份问卷里，
请顾客再给他最常去的另一家（这里是虚构的竞争对手“蓝鲸家居”）在同样 8 个属性上打分。把对手的平均表现放在我们旁边：
""", en="""
### Against the competition: how well do we and our rival satisfy customers?

IPA looks at us only. A customer survey should also answer: **on what customers care about, do we do better or worse
than our main rival?** In the same questionnaire, customers rate the other shop they use most (here the fictitious
rival Bluewhale Home) on the same 8 attributes. Put the rival's mean performance next to ours:
""")
ch.code("""
from helpers.display import show
from helpers.teaching.cases import rival_performance
vs_rival = means[["importance", "performance"]].assign(rival=rival_performance())
vs_rival["lead"] = vs_rival["performance"] - vs_rival["rival"]
show(vs_rival.sort_values("importance", ascending=False).rename(index=lambda a: demo_label(a, "attribute")))
""")
ch.exercise("ch09", "q7")
ch.md(zh="""
**怎么读？** 按重要性从高到低看“领先幅度”（我们 − 对手）：商品质量我们领先；**价格、退换政策、配送速度**这三项顾客很看重，
我们却落后——其中配送速度落后最多。店员礼貌和门店氛围领先很多，但顾客不太看重。应用的落后幅度虽大，重要性却低于平均。
与 IPA 合起来读：配送速度既在“重点改进区”，又落后于对手，是最紧迫的一项。
""", en="""
**How to read it.** Read the "lead" (us − rival) from the most important attribute down: we lead on product quality;
on **price, return policy and delivery speed**, which customers value highly, we trail — most of all on delivery
speed. We lead by far on staff courtesy and store ambience, which customers care less about. The app trails by a lot,
but its importance is below average. Read with the IPA: delivery speed is both "concentrate here" and behind the
rival — the most urgent item.
""")
ch.trainer(zh="""
约 10 分钟（可选）。强调两点：对手的分数来自我们自己的顾客（他们也去对手那里买），不是对手顾客的看法；领先或落后要和重要性一起读——
落后在不重要的属性上（应用）不必马上追。q7 的典型错误是不看重要性，直接选落后最多的 `app_usability`。
""", en="""
About 10 minutes (optional). Two points: the rival's scores come from our own customers (who shop there too), not from
the rival's customers; lead and lag must be read with importance — trailing on something customers care little about
(the app) need not be chased first. The typical q7 mistake is to ignore importance and pick the largest gap,
`app_usability`.
""")

ch.md(zh="""
## 讨论

1. 你的企业现在用哪个满意度指标？它的 n 和误差范围是多少？管理层会因为一次 3 分的变化而调整策略吗？
2. 只向“愿意回答的客户”发问卷，结果会偏向哪一边？怎样减少这种偏差？
3. 把满意度与员工奖金挂钩有什么风险？（提示：员工可能会“请”客户打高分。）
4. IPA 说门店氛围“过度投入”，是否就该削减门店装修预算？还需要什么信息？
""", en="""
## Discussion

1. Which satisfaction metric does your company use today? What are its n and margin of error? Would management
   change course over a 3-point move?
2. If only customers willing to answer are surveyed, which way will the results lean? How can the bias be reduced?
3. What are the risks of tying staff bonuses to satisfaction scores? (Hint: staff may "ask" customers for top marks.)
4. IPA says store ambience may be "overkill" — should the store refurbishment budget be cut? What else would you
   need to know?
""")
ch.trainer(zh="""
约 120 分钟：期望—不一致 10 分钟，调查设计 15 分钟，四个指标 30 分钟（含练习 1），误差范围与模拟器 15 分钟（练习 2），
信度 15 分钟（练习 3），SERVQUAL 15 分钟（练习 4），IPA 15 分钟（练习 5 适合分组比赛），讨论 5 分钟以上。
学员常见困难：NPS 把被动者排除出分母（错误）；把两组的 NPS 直接平均（练习 1 的典型错误，应合并答卷再算）；
以为样本翻倍误差就减半（其实要 4 倍）；SERVQUAL 只看感知分最低的维度（移情性），而不是差距最大的（可靠性）；
CES 不注明版本导致方向弄反。
讨论参考答案：1. +10 到 +14 的变化在 n = 400 时落在 ±8 的误差范围内，不应据此改变策略。
2. 偏向态度鲜明的客户（很满意或很不满意）；用随机抽样、提醒、简短问卷、交易后立即邀请来提高回收率，并比较回答者与未回答者的特征（如会员等级、消费额）。
3. 分数被“操纵”，失去诊断作用；应同时看行为指标（复购、投诉），并审计收集过程。
4. 不一定：氛围可能是吸引新客户或高价值客户的原因（重要性是平均值，不同价值层级的客户可能不同）；
应按客户价值分组再做 IPA，并参考第 13 章的 Kano 分类。
""", en="""
About 120 minutes: disconfirmation 10, survey design 15, the four metrics 30 (with exercise 1), margin of error and
the simulator 15 (exercise 2), reliability 15 (exercise 3), SERVQUAL 15 (exercise 4), IPA 15 (exercise 5 works well
as a team contest), discussion 5 or more. Where students stumble: leaving passives out of the NPS denominator
(wrong); averaging two groups' NPS (the typical mistake in exercise 1 — pool the answers, then compute); expecting a
doubled sample to halve the margin (it takes four times); picking the SERVQUAL dimension with the lowest perception
(empathy) instead of the largest gap (reliability); reporting CES without its version, so the direction flips.
Answers to the discussion: 1. a move from +10 to +14 with n = 400 lies within the ±8 margin and should not change
strategy. 2. Towards customers with strong views (very satisfied or very dissatisfied); use random sampling,
reminders, short questionnaires and invitations right after the transaction, and compare respondents with
non-respondents (member level, spend). 3. Scores get gamed and lose their diagnostic value; also track behaviour
(repeat purchases, complaints) and audit how scores are collected. 4. Not necessarily: ambience may be what draws
new or high-value customers (importance is an average; value tiers may differ); run the IPA by value segment and
look at the Kano classes of chapter 13.
""")

ch.md(zh="""
## 小结

- 满意度 = 感知与期望的比较；管理者既可以提高表现，也可以管理期望。
- CSAT（前两格占比）、NPS（推荐者 − 贬损者）、CES（注明版本与方向）、ACSI 式指数（0–100）各答一个问题；永远报告 n 和误差范围——样本扩大 4 倍，误差才减半。
- 多题量表先检验信度：α ≥ 0.7；“删除该题后的 α”能找出坏题。
- SERVQUAL 看差距 P − E（悦家生活：可靠性 −1.28），IPA 看重要性 × 表现（价格、配送速度重点改进）。
- 下一章：[10 客户忠诚与流失预防](10_loyalty_churn.ipynb)——满意的客户也会离开。
""", en="""
## Recap

- Satisfaction is perception compared with expectation; managers can raise performance or manage expectations.
- CSAT (top-2-box share), NPS (promoters − detractors), CES (state version and direction) and an ACSI-style index
  (0–100) each answer one question; always report n and the margin of error — it takes four times the sample to
  halve it.
- Check the reliability of multi-item scales first: alpha ≥ 0.7; "alpha if item deleted" finds bad items.
- SERVQUAL reads the gaps P − E (Yuejia Living: reliability −1.28); IPA reads importance × performance (price and
  delivery speed: concentrate here).
- Next: [10 Loyalty and churn prevention](10_loyalty_churn.ipynb) — satisfied customers leave too.
""")

"""Chapter 06 · Customer lifetime value: retention economics, margin multiples, Markov CLV, BG/NBD and Gamma-Gamma, sBG."""
from helpers.teaching.authoring import Chapter

ch = Chapter("06_customer_lifetime_value", setup_extra="""
import pandas as pd
from helpers.teaching.exercises import ch06, ____
from helpers.display import show
from helpers.i18n import label
from helpers.clv import retention_economics, simple_clv, margin_multiple, expected_lifetime, markov_clv, project_states
from helpers.btyd import BetaGeoModel, GammaGammaModel, ParetoNBDModel, ShiftedBetaGeoModel, customer_clv, holdout_comparison
from helpers.btyd import btyd_summary
from helpers.data import load_cdnow, load_retention_survival
from helpers.plots import (plot_margin_multiple, plot_state_projection, plot_holdout_comparison,
                           plot_prob_alive_matrix, plot_expected_purchases_matrix, plot_survival_projection)
from helpers.teaching.widgets import ClvCalculator
""")

ch.md(zh="""
# 第 6 章 · 客户终生价值（CLV）

前几章按客户**过去**的贡献分类（ABC、RFM、金字塔、价值矩阵）。本章向前看：一位客户在**未来**还能为企业带来多少利润？
这个数字叫**客户终生价值**（Customer Lifetime Value，CLV），它决定了为获取、保留、挽回一位客户最多值得花多少钱。

**本章目标**
- 能用利润乘数公式计算 CLV，并解释保留率的作用；
- 能解读 BG/NBD 模型的购买预测与客户存活概率 P(alive)；
- 能用 sBG 模型预测合同客户的留存，并估算一位合同客户的 CLV。

**本章路线**：保留经济学（为什么老客户更值钱）→ 简单 CLV 公式与利润乘数 → 马尔可夫链 CLV（客户在状态之间迁移）→
在 CDNOW 真实数据上用 BG/NBD 与 Gamma-Gamma 模型逐个客户预测 CLV → 合同型业务：用 sBG 模型预测续约。
""", en="""
# Chapter 6 · Customer lifetime value (CLV)

The previous chapters classified customers by what they brought in the **past** (ABC, RFM, the pyramid, value
matrices). This chapter looks ahead: how much profit will a customer still bring in the **future**? That number
is the **customer lifetime value** (CLV), and it sets how much it is worth spending to win, keep or win back a
customer.

**Objectives**
- compute CLV with the margin multiple and explain the role of retention;
- interpret BG/NBD purchase forecasts and the probability that a customer is still active, P(alive);
- project the retention of contract customers with the sBG model and value a contract customer.

**Route**: retention economics (why a kept customer is worth more) → the simple CLV formula and the margin
multiple → Markov-chain CLV (customers moving between states) → customer-by-customer CLV with the BG/NBD and
Gamma-Gamma models on the real CDNOW data → contract businesses: projecting renewals with the sBG model.
""")

ch.md(zh="""
## 1. 保留经济学：开发一位新客户的成本约是保留一位老客户的 5 倍

这是 CRM 课程里最常被引用的经验法则（不同行业在 5–10 倍之间）。Reichheld 与 Sasser（1990，《哈佛商业评论》
“Zero Defections”）发现，在他们研究的行业里，客户流失率降低 5 个百分点，利润可提高 25%–85%。原因有三：
老客户不再需要获取成本；老客户随时间买得更多、服务成本更低；老客户会推荐新客户。

下面用一组简单的数字把这个道理算出来：获取一位新客户花 250 元，保留一位老客户每期花 50 元，客户每期带来 150 元毛利，
保留率 80%，折现率 10%。
""", en="""
## 1. Retention economics: winning a new customer costs about five times keeping one

This is the most quoted rule of thumb of CRM (5 to 10 times, depending on the industry). Reichheld and Sasser
(1990, *Harvard Business Review*, "Zero Defections") found that in the industries they studied, cutting
defections by 5 percentage points raised profits by 25 % to 85 %. Three reasons: a kept customer needs no
acquisition cost; kept customers buy more and cost less to serve over time; and they refer new customers.

Let us work the argument out with simple numbers: winning a new customer costs 250, keeping one costs 50 per
period, a customer brings a profit (gross margin) of 150 per period, retention is 80 % and the discount rate 10 %.
""")
ch.code("econ = retention_economics(acquisition_cost=250, retention_cost=50, profit_per_period=150, retention=0.8, discount=0.10)")
ch.checked("econ")
ch.md(zh="""
**怎么读？** 一位已经在手的老客户值 366.67 元（含本期利润）；同样一位客户如果要重新去获取，扣除 250 元获取成本后只值 116.67 元——
**留住一位老客户的价值是重新获取一位新客户的三倍多**。保留率只提高 5 个百分点（0.80 → 0.85），客户价值就增加 20%，
预期客户寿命从 5 期延长到 6.67 期。

**周一该做什么？** 在把预算投向拉新之前，先算一算：同样的钱用于保留（关怀、回访、投诉处理）能换来多少个百分点的保留率？
""", en="""
**How to read it.** A customer the firm already has is worth 366.67 (this period's margin included); the same
customer, if it has to be won first, is worth only 116.67 after the acquisition cost of 250 — **keeping a customer
is worth more than three times winning a new one**. Raising retention by just 5 points (0.80 → 0.85) adds 20 % to
the customer's value and lengthens the expected lifetime from 5 to 6.67 periods.

**What to do on Monday.** Before the budget goes to acquisition, work out how many points of retention the same
money would buy if spent on keeping customers (care, revisits, complaint handling).
""")

ch.md(zh="""
### 客户的价值不只是利润

CLV 公式只算利润，但一位客户给企业带来的远不止这些：

| 价值 | 含义 | 在本课程中 |
|---|---|---|
| **利润** | 客户在整个关系期间带来的毛利——本章的 CLV | 第 6 章 |
| **口碑（推荐）** | 满意的客户主动向别人推荐，带来新客户 | 第 8 章推荐价值；第 10 章传道者 |
| **聚客（从众）** | 人们愿意去“人多的地方”：已有的客户本身就在吸引新的客户 | 开业排队、销量榜、知名客户做样板 |
| **信息** | 客户的意见、投诉、需求和他们听到的市场消息，是改进产品和服务的原料 | 第 9 章问卷；第 12 章投诉帕累托 |
| **对抗竞争** | 忠诚的客户不会被对手轻易挖走，庞大的忠诚客户群本身就是竞争壁垒 | 第 10 章态度忠诚 |

这些价值很难写进公式，却常常决定了一位客户是否值得争取——比如一家利润不高、但在行业里很有名望的企业客户（第 8 章的“推荐价值”）。
""", en="""
### A customer's value is more than profit

The CLV formula counts profit, but a customer brings a company much more:

| value | meaning | in this course |
|---|---|---|
| **profit** | the margin over the whole relationship — this chapter's CLV | chapter 6 |
| **word of mouth** | satisfied customers recommend us and bring new ones | chapter 8 referral value; chapter 10 apostles |
| **crowd pull** | people go where others go: existing customers themselves attract new ones | queues at an opening, best-seller lists, well-known clients as references |
| **information** | opinions, complaints, needs and market news from customers are the raw material of better products and service | chapter 9 surveys; chapter 12 complaint Pareto |
| **defence against rivals** | loyal customers are not easily lured away; a large loyal base is itself a barrier to competitors | chapter 10 attitudinal loyalty |

These are hard to put into a formula, yet they often decide whether a customer is worth winning — a business client
with modest margins but a great name in its industry, for example (chapter 8's "referral value").
""")
ch.exercise("ch06", "q7")
ch.trainer(zh="""
约 8 分钟（可选）：表格 3 分钟，卡片 5 分钟。聚客和口碑最容易混：口碑是客户**主动说**，聚客是客户**在场本身**吸引别人（V2 排队）。
V6（经销商报告竞品的促销）是信息价值——客户替我们看市场。讨论：哪些客户利润不高、却因为其他几种价值值得保留？
""", en="""
About 8 minutes (optional): the table 3, the cards 5. Crowd pull and word of mouth are easily confused: word of mouth
is customers **speaking up**, crowd pull is their **presence** drawing others (V2's queue). V6 (a distributor passing
on a rival's promotion) is information — customers watching the market for us. Discussion: which customers bring
little profit yet are worth keeping for the other kinds of value?
""")

ch.md(zh="""
## 2. 简单 CLV 公式与利润乘数

设客户每期（通常为一年）带来利润 m（工具包中的 `profit_per_period`），保留率 r（也叫留存率：下一期仍是客户的概率），折现率 i。利润在期末到账、不计本期，
无限期的 CLV 为（Gupta & Lehmann 2003；Farris 等《营销量化指标》）：

$$\\mathrm{CLV} = m \\cdot \\frac{r}{1+i-r}$$

其中 $r/(1+i-r)$ 叫**利润乘数**：客户终生价值是每期利润的几倍。若包含本期利润，则为 $m(1+i)/(1+i-r)$；
再减去获取成本，就是“净 CLV”。保留率不变时，客户的**预期寿命**为 $1/(1-r)$ 期。
""", en="""
## 2. The simple CLV formula and the margin multiple

Let a customer bring a profit m per period (usually a year; `profit_per_period` in the kit), stay with retention
rate r (the probability of still being a customer next period), and let i be the discount rate. With profits at the
end of each period and the
current period excluded, the infinite-horizon CLV is (Gupta & Lehmann 2003; Farris et al., *Marketing Metrics*):

$$\\mathrm{CLV} = m \\cdot \\frac{r}{1+i-r}$$

$r/(1+i-r)$ is the **margin multiple**: how many times the yearly margin a customer is worth. Including the
current period's margin gives $m(1+i)/(1+i-r)$; subtracting the acquisition cost gives the "net CLV". With
constant retention the **expected lifetime** is $1/(1-r)$ periods.
""")
ch.checked("show({'clv_from_next_period': simple_clv(100, retention=0.8, discount=0.10),\n"
           "      'clv_with_current_period': simple_clv(100, 0.8, 0.10, include_current=True)})")
ch.checked("""
rates = [0.6, 0.8, 0.9]
show(pd.DataFrame({i: margin_multiple(rates, i) for i in (0.10, 0.12)}, index=pd.Index(rates, name="r")).rename_axis(columns="i"),
     decimals=3)
""")
ch.md(zh="""
上表的行是保留率 r，列是折现率 i。注意保留率从 0.8 提到 0.9 时，利润乘数从 2.667 跳到 4.5——**保留率越高，
每提高一点带来的价值越多**，曲线越往右越陡：
""", en="""
Rows are the retention rate r, columns the discount rate i. Moving retention from 0.8 to 0.9 lifts the margin
multiple from 2.667 to 4.5 — **the higher retention already is, the more each extra point is worth**; the curve
gets steeper to the right:
""")
ch.code("plot_margin_multiple(discount=(0.05, 0.10, 0.15));")
ch.checked("round(expected_lifetime(0.8), 2), round(expected_lifetime(0.9), 2)")

ch.md(zh="""
### 讲解器：CLV 计算器

拖动滑块，观察 CLV 与“5 倍法则”的各项数字如何变化。“期数”为 0 表示无限期；下方表格是第 1 节的保留经济学。
""", en="""
### Explorer: the CLV calculator

Move the sliders and watch the CLV and the figures of the "5×" rule change. "Periods" 0 means an infinite
horizon; the table below is the retention economics of section 1.
""")
ch.code("calc = ClvCalculator()\ncalc")

ch.md(zh="### 练习", en="### Exercises")
ch.exercise("ch06", "q1")
ch.exercise("ch06", "q2")

ch.md(zh="""
## 3. 马尔可夫链 CLV：客户在状态之间迁移

简单公式假设客户要么留下、要么永远离开。现实中客户会**降级**为流失预警客户，也可能被**挽回**。
第 2 章的迁移矩阵正好描述这种流动：$P_{ij}$ 是本期处于状态 i 的客户下一期处于状态 j 的比例。
给每个状态一个每期收益 R（利润减去服务成本），客户从各状态出发的期望价值为（Pfeifer & Carraway 2000）：

$$V = \\sum_{t\\ge 0} \\left(\\frac{P}{1+d}\\right)^t R = \\left(I - \\frac{P}{1+d}\\right)^{-1} R$$

下面的例子有三个状态：忠诚客户每期贡献 100 元，流失预警客户 20 元，流失客户 0 元；折现率 d = 10%。
""", en="""
## 3. Markov-chain CLV: customers moving between states

The simple formula assumes a customer either stays or leaves for good. In reality customers **slip** into
being at risk and can be **won back**. The migration matrix of chapter 2 describes this flow: $P_{ij}$ is the share
of customers in state i this period who are in state j next period. Give each state a reward R per period
(margin minus cost to serve); the expected value of a customer starting in each state is (Pfeifer & Carraway 2000):

$$V = \\sum_{t\\ge 0} \\left(\\frac{P}{1+d}\\right)^t R = \\left(I - \\frac{P}{1+d}\\right)^{-1} R$$

The example has three states: a loyal customer brings 100 per period, an at-risk customer 20, a lost one 0; the
discount rate is d = 10 %.
""")
ch.code("""
states = label(["lc_state.loyal", "lc_state.at_risk", "lc_state.lost"])
P = pd.DataFrame([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.0, 0.0, 1.0]], index=states, columns=states)
R = [100, 20, 0]
P
""")
ch.checked("show(markov_clv(P, R, discount=0.10))")
ch.md(zh="""
忠诚客户的价值是 302.5 元，流失预警客户仍值 137.5 元——**预警客户不是“已经没了”，而是一笔还能争取的资产**。
两者之差 165 元就是把一位预警客户拉回忠诚状态最多值得投入的金额。同一个矩阵还能预测客户结构：今天 1,000 位忠诚客户，
如果不采取任何措施，六期之后的分布如下。
""", en="""
A loyal customer is worth 302.5, and an at-risk customer is still worth 137.5 — **an at-risk customer is not gone
but an asset still worth fighting for**. The difference, 165, is the most it is worth spending to bring one
at-risk customer back to loyal. The same matrix projects the customer base: with 1,000 loyal customers today and
no action, this is the picture six periods on.
""")
ch.code("projection = project_states(pd.Series([1000, 0, 0], index=states), P, horizon=6)\nplot_state_projection(projection);")
ch.checked("show(projection.iloc[[0, 3, 6]], decimals=1)")
ch.exercise("ch06", "q3")

ch.md(zh="""
## 4. BG/NBD：逐个客户预测未来购买

上面的公式需要我们**给定**保留率。但在非合同型业务（零售、电商）里，客户离开时不会通知我们——我们只看到他“很久没来了”。
**BG/NBD 模型**（Fader, Hardie & Lee 2005）从每位客户的三个数字推断他是否还“活着”以及未来会买几次：

- **x**：校准期内的重复购买次数（购买天数 − 1，首单不计）；
- **t_x**：最后一次购买时的客户“年龄”（从首购算起，单位：周）；
- **T**：校准期末时的客户年龄。

模型假设：客户“活着”时按各自的速率随机购买（速率在人群中服从伽马分布，参数 r、α）；每次购买后以各自的概率 p 永久离开
（p 服从贝塔分布，参数 a、b）。

我们使用经典的 **CDNOW** 数据：1997 年第一季度首次购买的 2,357 位客户（原数据的 1/10 样本），
前 39 周（到 1997-09-30）作为**校准期**拟合模型，后 39 周（到 1998-06-30）作为**验证期**检验预测。
""", en="""
## 4. BG/NBD: forecasting each customer's purchases

The formulas above need a retention rate **given** to them. In non-contractual businesses (retail, online shops)
customers do not tell us when they leave — we only see that they "have not come for a while". The **BG/NBD
model** (Fader, Hardie & Lee 2005) infers from three numbers per customer whether the customer is still "alive"
and how often they will buy:

- **x**: repeat purchases in the calibration period (purchase days − 1, the first purchase not counted);
- **t_x**: the customer's "age" at the last purchase (counted from the first purchase, in weeks);
- **T**: the customer's age at the end of calibration.

Assumptions: while alive, a customer buys at random at a personal rate (gamma-distributed across customers,
parameters r and α); after each purchase the customer leaves for good with a personal probability p
(beta-distributed, parameters a and b).

We use the classic **CDNOW** data: the 2,357 customers who first bought in the first quarter of 1997 (the 1/10
sample). The first 39 weeks (to 1997-09-30) are the **calibration** period to fit the model, the next 39 weeks (to
1998-06-30) the **holdout** period to test its forecasts.
""")
ch.code("""
cdnow, cdnow_report = load_cdnow(sample=True)
summary = btyd_summary(cdnow, as_of="1997-09-30", holdout_end="1998-06-30")
show(summary.head())
""")
ch.checked("show({'customers': len(summary), 'no_repeat_customers': int((summary['x'] == 0).sum())})")
ch.code("bg = BetaGeoModel.fit(summary)")
ch.checked("bg")
ch.md(zh="""
拟合结果与论文一致：r = 0.243、α = 4.414、a = 0.793、b = 2.426，对数似然 −9582.4。
每个估计值旁边是它的**标准误**和 **95% 置信区间**：区间越窄，数据对这个参数说得越清楚。购买速率的参数 r、α 估计得很精确
（r 在 0.219 到 0.268 之间）；流失参数 a、b 的区间宽得多（b 在 1.37 到 4.29 之间）——39 周里真正离开的客户不多，
离开的速度因此不那么确定。读模型的预测时，也要记得它背后有这样的不确定性。

论文中的 1 号客户（本数据中编号 00004）校准期内重复购买 2 次，最后一次在第 30.43 周，校准期末时年龄 38.86 周。
他还活着的概率和未来 39 周的预期购买次数是：
""", en="""
The fit reproduces the paper: r = 0.243, α = 4.414, a = 0.793, b = 2.426, log-likelihood −9582.4.
Next to each estimate are its **standard error** and **95 % confidence interval**: the narrower the interval, the more
the data say about that parameter. The purchase-rate parameters r and α are pinned down precisely (r between 0.219 and
0.268); the dropout parameters a and b much less so (b between 1.37 and 4.29) — few customers actually left within 39
weeks, so how fast they leave is less certain. Keep that uncertainty in mind when reading the model's forecasts.

The paper's customer no. 1 (id 00004 here) made 2 repeat purchases in calibration, the last in week 30.43, and was
38.86 weeks old at its end. The probability that this customer is still alive, and the expected purchases in the
next 39 weeks:
""")
ch.checked("""
c1 = summary.loc["00004"]
round(bg.prob_alive(c1["x"], c1["t_x"], c1["T"]), 4), round(bg.conditional_expected_purchases(39, c1["x"], c1["t_x"], c1["T"]), 3)
""")
ch.md(zh="""
**模型可信吗？** 把验证期的实际购买次数与预测对比（按校准期购买次数分组）。两条线走势一致，说明模型抓住了规律；
在这份 1/10 样本上，模型对有重复购买的各组有所低估（最多约四分之一）——预测是对一群客户的平均，而不是对某一个人的承诺。
""", en="""
**Can we trust it?** Compare actual holdout purchases with the forecast, grouped by calibration frequency. The lines
move together: the model has caught the pattern. On this 1/10 sample it forecasts too few purchases (by up to a quarter)
for the groups with repeat purchases — a forecast is an average over a group of customers, not a promise
about one person.
""")
ch.code("holdout = holdout_comparison(bg, summary)\nplot_holdout_comparison(holdout);")
ch.checked("show(holdout, decimals=3)")
ch.md(zh="""
**另一个模型：Pareto/NBD。** BG/NBD 是对更早的 Pareto/NBD 模型（Schmittlein, Morrison & Colombo 1987）的简化：
Pareto/NBD 让客户可以在**任何时刻**离开，而不只在购买之后，因此只买过一次的客户 P(alive) 也会随时间下降。
同一份汇总表就能拟合它，结果与文献一致（r = 0.553、α = 10.578、s = 0.606、β = 11.669，对数似然 −9595.0，
略低于 BG/NBD）。`holdout_comparison`、`customer_clv` 和两张热力图对两个模型都适用。
""", en="""
**Another model: Pareto/NBD.** BG/NBD simplifies the older Pareto/NBD model (Schmittlein, Morrison & Colombo 1987),
in which customers may leave at **any moment**, not only after a purchase — so a one-time buyer's P(alive) falls with
time too. It fits on the same summary and reproduces the literature (r = 0.553, α = 10.578, s = 0.606, β = 11.669,
log-likelihood −9595.0, slightly below BG/NBD's). `holdout_comparison`, `customer_clv` and both heatmaps take
either model.
""")
ch.checked("pnbd = ParetoNBDModel.fit(summary)\npnbd")

ch.md(zh="""
### 存活概率 P(alive)：“买得多但很久没来”的客户最危险

下图显示校准期末（T = 38.86 周）时，不同购买次数 x 和最后购买时间 t_x 的客户仍然活跃的概率。右上角（买得多、最近还来过）是最好的客户；
**左上角（买得多、但很久没来）的概率最低**：一位常客突然不来了，很可能已经离开；而买得少的客户本来就来得稀，
一段时间没来并不说明什么。注意：BG/NBD 假设客户只在购买**之后**才可能离开，所以只买过一次（x = 0）的客户 P(alive) 为 1——
对这类客户，要看预期购买次数而不是 P(alive)。
""", en="""
### P(alive): frequent buyers who stopped coming are the ones at risk

The chart shows, at the end of calibration (T = 38.86 weeks), the probability that a customer is still active by
repeat purchases x and time of the last purchase t_x. Top right (bought often, recently) are the best customers;
**top left (bought often, but long ago) has the lowest probability**: when a regular suddenly stops coming, they
have probably left, while an infrequent buyer's silence says little. Note: BG/NBD lets customers leave only
**after** a purchase, so one-time buyers (x = 0) get P(alive) = 1 — for them, read the expected purchases rather
than P(alive).
""")
ch.code("plot_prob_alive_matrix(bg, T=38.86);")
ch.md(zh="""
同一张网格上的**未来 39 周预期购买次数**：P(alive) 告诉我们客户是否还在，预期购买次数告诉我们他还会带来多少生意——
右上角的客户既活跃又频繁，是最值得投入的人。
""", en="""
The same grid showing **expected purchases in the next 39 weeks**: P(alive) says whether the customer is still
there, expected purchases how much business they will still bring — top-right customers are both active and frequent,
the ones most worth investing in.
""")
ch.code("plot_expected_purchases_matrix(bg, T=38.86, horizon=39);")
ch.exercise("ch06", "q4")

ch.md(zh="""
## 5. Gamma-Gamma：每次买多少，合成每位客户的 CLV

BG/NBD 只预测**买几次**。Gamma-Gamma 模型（Fader, Hardie & Lee 2005；Fader & Hardie 2013）预测**每次买多少**：
它用重复购买客户的平均消费拟合，然后把每位客户的平均消费向总体均值“收缩”——购买次数越少，越接近总体均值
（只有一两次购买时，个人平均值很不可靠）：

$$E(M \\mid x, m_x) = \\frac{p(\\gamma + x\\,m_x)}{p\\,x + q - 1}$$

模型假设消费金额与购买频次无关；拟合时会检查两者的相关系数（这里约 0.11，可以接受）。
""", en="""
## 5. Gamma-Gamma: how much per purchase, and each customer's CLV

BG/NBD forecasts only **how often**. The Gamma-Gamma model (Fader, Hardie & Lee 2005; Fader & Hardie 2013) forecasts
**how much per purchase**: fitted on the mean spend of repeat customers, it shrinks each customer's own mean
towards the population mean — the fewer purchases, the closer to the population mean (with one or two purchases
a personal average is unreliable):

$$E(M \\mid x, m_x) = \\frac{p(\\gamma + x\\,m_x)}{p\\,x + q - 1}$$

The model assumes spend is independent of purchase frequency; the fit checks their correlation (about 0.11 here,
acceptable).
""")
ch.code("gg = GammaGammaModel.fit(summary)\ngg")
ch.checked("show({'population_mean_spend': gg.population_mean_spend, 'spend_correlation': gg.spend_correlation}, decimals=3)")
ch.md(zh="""
把两个模型合起来：未来 12 个月（每月 4.345 周）每月的预期购买次数 × 预期每次消费 × 毛利率 30%，按月折现率 1% 折现求和，
就是每位客户未来一年的 CLV。
""", en="""
Combining both models: expected purchases in each of the next 12 months (4.345 weeks each) × expected spend per
purchase × a 30 % margin, discounted at 1 % a month and summed, is each customer's CLV for the coming year.
""")
ch.code("""
clv_table = customer_clv(bg, gg, summary, horizon=12, margin=0.3, discount=0.01, step_length=4.345)
show(clv_table.sort_values("clv", ascending=False).head(8))
""")
ch.checked("show({'clv_total': clv_table['clv'].sum(), 'clv_median': clv_table['clv'].median()})")
ch.checked("top_decile = clv_table['clv'] >= clv_table['clv'].quantile(0.9)\n"
           "show({'top_decile_clv_share': clv_table.loc[top_decile, 'clv'].sum() / clv_table['clv'].sum()})")
ch.md(zh="""
**周一该做什么？** 预测的未来价值同样高度集中：CLV 最高的 10% 客户贡献了一半以上（约 57%）的预测利润——他们是重点维护的对象。
把 CLV 高但 P(alive) 正在下降的客户列为挽留名单，优先回访；CLV 很低、P(alive) 也很低的客户，只做低成本的自动化触达。
""", en="""
**What to do on Monday.** Future value is as concentrated as past value: the top 10 % of customers by CLV hold more
than half (about 57 %) of the forecast profit — these are the customers to look after. Put customers with high CLV but falling
P(alive) on a retention list and contact them first; customers with low CLV and low P(alive) get low-cost
automated contact only.
""")
ch.exercise("ch06", "q5")

ch.md(zh="""
## 6. 合同型业务：用 sBG 模型预测续约

CDNOW 是非合同型业务：客户离开时不会告诉我们。会员费、订阅、宽带、保险这类**合同型**业务不同——客户不续约，我们当天就知道。
这时要回答的问题是：今年新签的 1,000 位客户，5 年、10 年后还剩多少？一位新签客户值多少钱？

下面的数据来自 Fader & Hardie（2007）：同一年获取的两批客户（普通客户与高端客户）各 1,000 位，连续 7 年每年年末仍在网的人数。
""", en="""
## 6. Contract businesses: projecting renewals with the sBG model

CDNOW is a non-contractual business: customers leave without telling us. Memberships, subscriptions, broadband or
insurance are **contractual**: when a customer does not renew, we know that same day. The questions become: of the
1,000 customers signed this year, how many will still be with us in 5 or 10 years? What is a newly signed customer
worth?

The data come from Fader & Hardie (2007): two cohorts of 1,000 customers acquired in the same year (regular and high
end), with the number still subscribed at the end of each of 7 years.
""")
ch.code("survival = load_retention_survival()\nshow(survival)")
ch.md(zh="""
先算每年的**续约率**（今年年末仍在网 ÷ 去年年末仍在网）：普通客户第 1 年只有 63%，到第 7 年升到 92%。这并不是每位客户都越来越忠诚，
而是**筛选**的结果：最容易流失的客户最先离开，留下来的本来就更忠诚。如果把第一年的续约率当作常数去预测，就会严重低估老客户。

**sBG 模型**（shifted-beta-geometric，移位贝塔几何模型；Fader & Hardie 2007）正是这样描述的：每位客户每年以自己固定的概率 θ
不再续约，θ 在客户之间服从贝塔分布（参数 α、β）。于是整批客户第 t 年的续约率是

$$r(t) = \\frac{\\beta + t - 1}{\\alpha + \\beta + t - 1},$$

随 t 上升。只有两个参数，就能从几年的数据外推更多年。
""", en="""
First the yearly **renewal rate** (still subscribed at the end of this year ÷ at the end of last year): 63 % of regular
customers renew in year 1, 92 % in year 7. Customers are not each becoming more loyal; the cohort is being **sorted**:
those most likely to leave go first, and those who stay were the loyal ones all along. Taking the first year's renewal
rate as a constant badly undervalues long-standing customers.

The **sBG model** (shifted-beta-geometric; Fader & Hardie 2007) says exactly this: each customer fails to renew each
year with a personal, fixed probability θ, and θ varies across customers as a beta distribution (parameters α, β). The
cohort's renewal rate in year t is then

$$r(t) = \\frac{\\beta + t - 1}{\\alpha + \\beta + t - 1},$$

rising with t. Two parameters are enough to project many years from a few.
""")
ch.code("""
regular = ShiftedBetaGeoModel.fit(survival["regular_alive"], period="Y")
high_end = ShiftedBetaGeoModel.fit(survival["highend_alive"], period="Y")
""")
ch.checked("display(show(regular.summary(), decimals=3, caption=label('sbg_cohort.regular_alive')))\n"
           "show(high_end.summary(), decimals=3, caption=label('sbg_cohort.highend_alive'))")
ch.md(zh="""
估计值与论文一致：普通客户 α = 0.704、β = 1.182，高端客户 α = 0.668、β = 3.806；95% 置信区间是数据能确定的范围。
高端客户的 β 大得多：他们不续约的概率整体更低。

**模型能外推吗？** 只用前 4 年拟合普通客户，预测第 5–7 年，再与实际对比：
""", en="""
The estimates reproduce the paper: regular α = 0.704, β = 1.182; high end α = 0.668, β = 3.806; the 95 % intervals
show what the data can pin down. The high-end β is much larger: those customers are less likely to leave overall.

**Can the model look ahead?** Fit the regular cohort on its first 4 years only, project years 5–7 and compare with
what happened:
""")
ch.checked("""
early = ShiftedBetaGeoModel.fit(survival["regular_alive"].loc[:4], period="Y")
show(early.projection(survival["regular_alive"], horizon=7))
""")
ch.md(zh="""
第 7 年预测仍在网 23.0%，实际 24.1%，只差约 1 个百分点；而把第一年的续约率 63.1% 当作常数，会预测只剩 0.631⁷ ≈ 4%。
（高端客户只用 4 年数据时预测偏保守：第 7 年预测 44.4%，实际 49.1%——数据的年数越多，外推越可靠。）
下图用全部 7 年拟合，外推到第 12 年：
""", en="""
The model projects 23.0 % still subscribed in year 7; 24.1 % were — about one point off, where the first year's renewal
rate of 63.1 % taken as a constant would predict 0.631⁷ ≈ 4 %. (For the high-end cohort four years are not quite enough:
44.4 % projected against 49.1 % actual in year 7 — the more years of data, the safer the projection.) The chart fits
all 7 years and projects to year 12:
""")
ch.code("""
ax = plot_survival_projection(regular, survival["regular_alive"], horizon=12, label=label("sbg_cohort.regular_alive"))
plot_survival_projection(high_end, survival["highend_alive"], horizon=12, label=label("sbg_cohort.highend_alive"), ax=ax);
""")
ch.md(zh="""
**这对 CLV 意味着什么？** 设每位客户每年年初付费，带来 100 元利润，折现率 10%。一位**新签**客户的期望价值是 100 × DEL，
DEL（discounted expected lifetime）是折现后的期望付费次数 Σ S(t)/(1+d)ᵗ，S(t) 是第 t 年仍在网的概率（Fader & Hardie 2010）。
已经续约 n 次的客户，用 DERL（discounted expected residual lifetime）计算他**今后**的期望付费次数。
""", en="""
**What does this mean for CLV?** Let each customer pay at the start of each year, leaving a margin of 100, with a
discount rate of 10 %. A **newly signed** customer is worth 100 × DEL, where DEL (discounted expected lifetime) is the
expected number of discounted payments Σ S(t)/(1+d)ᵗ and S(t) the probability of still being subscribed in year t
(Fader & Hardie 2010). For a customer who has already renewed n times, DERL (discounted expected residual lifetime)
counts the payments still to come.
""")
ch.checked("""
new_customer = 100 * regular.discounted_expected_lifetime(0.10)
renewed_four_times = 100 * regular.discounted_residual_lifetime(0.10, n_renewals=4)
constant_retention = 100 * (1 + 0.10) / (1 + 0.10 - 0.631)    # section 2's formula with year 1's renewal rate
show({"clv_new_subscriber": new_customer, "clv_after_four_renewals": renewed_four_times,
      "clv_constant_retention": constant_retention})
""")
ch.md(zh="""
一位新签的普通客户值 369.49 元；把第一年的续约率 63.1% 当作常数套用第 2 节的公式 m(1+i)/(1+i−r)，只得到 234.54 元——
**低估了 37%**。已经续约 4 次的普通客户，今后的期望价值是 589.41 元，比新客户高六成：在合同型业务里，老客户更值钱不只因为
省下了获取成本，更因为“留得下来”本身说明他不续约的概率低。这也是为什么新客户第一、二年的挽留最值得投入。
""", en="""
A newly signed regular customer is worth 369.49; section 2's formula m(1+i)/(1+i−r) with year 1's renewal rate of
63.1 % as a constant gives only 234.54 — **37 % too little**. A regular customer who has renewed four times is worth
589.41 from now on, some 60 % more than a new one: in a contract business a long-standing customer is worth more not
only because no acquisition cost is due, but because staying is itself evidence of a low chance of leaving. That is
also why keeping new customers through their first and second renewals deserves the most effort.
""")
ch.exercise("ch06", "q6")

ch.md(zh="""
## 讨论

1. “开发新客户的成本是保留老客户的 5 倍”在你的行业成立吗？你会怎样用自己企业的数据去核实它？
2. BG/NBD 认为只买过一次的客户 P(alive) = 1。这合理吗？对这些客户应该看哪个数字？
3. 用 CLV 决定服务资源时，有什么风险（例如对低 CLV 客户的服务降级会不会造成口碑损失）？
""", en="""
## Discussion

1. Does "a new customer costs five times a kept one" hold in your industry? How would you check it with your
   company's data?
2. BG/NBD gives one-time buyers P(alive) = 1. Is that reasonable? Which number should we read for them instead?
3. What are the risks of allocating service by CLV (for example, does cutting service for low-CLV customers
   damage word of mouth)?
""")
ch.code("ch06.discuss_five_times.check()   # 讨论题 1 / discussion question 1\n# ch06.discuss_five_times.solution()   # 讨论之后再看参考思路 / a model answer, after the discussion")
ch.trainer(zh="""
约 120 分钟：保留经济学 10 分钟，简单 CLV 与利润乘数 15 分钟（含计算器与 q1–q2），马尔可夫 CLV 15 分钟（q3），
BG/NBD 30 分钟（q4），Gamma-Gamma 与客户 CLV 20 分钟（q5），sBG 与合同客户 CLV 20 分钟（q6），讨论 10 分钟。
学员常见困难：把保留率写成百分数（80 而不是 0.8）；q1 忘记折现、直接用 m/(1−r)；把 t_x 理解为“距今多少周”（其实是从首购到最后一次购买）；
以为 P(alive) 高就等于价值高（只买过一次的客户 P(alive) = 1，但预期购买很少）；
q6 用第一年续约率 0.869 当常数套公式（得到 476.19，低估）。
讨论 1：可以比较营销费用中拉新与保留的人均花费，以及新老客户的首年利润；倍数因行业而异，重要的是方向。
讨论 2：模型假设客户只在购买后离开，所以 x = 0 的客户尚未“有机会”离开；应看预期购买次数和 CLV，它们对这类客户都很低。
讨论 3：CLV 是预测，会错；低 CLV 客户也可能有很强的推荐影响力；服务分级应保持基本服务底线，差异体现在增值服务上。
""", en="""
About 120 minutes: retention economics 10, simple CLV and margin multiples 15 (calculator, q1–q2), Markov CLV 15
(q3), BG/NBD 30 (q4), Gamma-Gamma and customer CLV 20 (q5), sBG and the value of a contract customer 20 (q6),
discussion 10.
Where students stumble: retention as a percentage (80 instead of 0.8); in q1 forgetting the discount and using
m/(1−r); reading t_x as "weeks since the last purchase" (it is first to last purchase); taking a high P(alive) as
high value (one-time buyers have P(alive) = 1 but few expected purchases); in q6, plugging year 1's renewal rate
0.869 into the constant-retention formula (476.19, too low).
Discussion 1: compare marketing spend per new versus per kept customer, and first-year profit of new versus
existing customers; the multiple varies by industry, the direction is what matters.
Discussion 2: the model lets customers leave only after a purchase, so x = 0 customers have had no chance to leave
yet; read their expected purchases and CLV, both low.
Discussion 3: CLV is a forecast and can be wrong; a low-CLV customer may be an influential referrer; keep a floor of
basic service for everyone and differentiate the extras.
""")

ch.md(zh="""
## 小结

- CLV = m·r/(1+i−r)：保留率越高，利润乘数越大，而且增长越来越快；预期寿命 1/(1−r)。
- 保留经济学：在这组数字下，老客户的价值是新客户（扣除获取成本后）的三倍多；保留率提高 5 个百分点，客户价值增加 20%。
- 马尔可夫 CLV 给每个客户状态一个价值；两个状态的价值之差就是迁移一位客户最多值得花的钱。
- BG/NBD + Gamma-Gamma 从交易记录逐个预测购买次数、存活概率和 CLV；在 CDNOW 上，验证期的预测与实际走势一致；
  每个参数都有标准误和 95% 置信区间。
- 合同型业务的续约率随在网时间上升（筛选效应）；sBG 模型用两个参数外推留存，新客户的 CLV = 每年利润 × DEL。
- 下一章：[07 客户性格类型与沟通](07_personality_styles.ipynb)——知道了客户值多少，还要知道怎样和他沟通。
""", en="""
## Recap

- CLV = m·r/(1+i−r): the higher the retention, the larger the margin multiple, and it grows ever faster; expected
  lifetime 1/(1−r).
- Retention economics: with these numbers a kept customer is worth more than three times a new one (net of the
  acquisition cost); 5 more points of retention add 20 % to a customer's value.
- Markov CLV values each customer state; the difference between two states is the most worth spending to move one
  customer.
- BG/NBD + Gamma-Gamma forecast purchases, P(alive) and CLV customer by customer from transactions; on CDNOW the
  holdout forecasts follow the actual purchases; every parameter comes with a standard error and a 95 % interval.
- In a contract business the renewal rate rises with tenure (sorting); the sBG model projects retention from two
  parameters, and a new customer's CLV = yearly margin × DEL.
- Next: [07 Customer personality styles](07_personality_styles.ipynb) — knowing what a customer is worth, we still
  need to know how to talk to them.
""")

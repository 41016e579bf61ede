"""Chapter 02 · Relationship stages and lifecycle: states from transactions, the customer flow,
migration matrices and growth accounting."""
from helpers.teaching.authoring import Chapter

ch = Chapter("02_relationship_lifecycle", setup_extra="""
import pandas as pd
from helpers.teaching.exercises import ch02, ____
from helpers.display import show
from helpers.data import load_online_retail
from helpers.data import load_demo
from helpers.lifecycle import STATES, relationship_states, state_labels
from helpers.migration import customer_flow, migration_matrix
from helpers.cohorts import growth_accounting
from helpers.plots import plot_customer_flow, plot_growth_accounting, plot_migration_heatmap, plot_state_distribution
""")

ch.md(zh="""
# 第 2 章 · 客户关系类型与生命周期

上一章我们看到：不同客户带来的价值天差地别。这一章换一个角度——**客户和企业的关系走到了哪一步？**
同样是花了 1,000 元的客户，一位上周刚第一次下单，另一位已经半年没有来过，企业下周一该做的事完全不同：
前者需要“促成第二次购买”，后者需要“赶在彻底流失之前挽留”。

**本章目标**
- 能从交易数据判定每位客户的关系状态（潜在、目标、初次购买、重复购买、忠诚、流失预警、流失、挽回）；
- 能读懂**迁移矩阵**（客户在两个时点之间怎样换状态）和**增长核算**（客户基数为什么增长或萎缩）。

**在课程中的位置**：第 1 章回答“客户值多少”，本章回答“客户处在关系的哪个阶段”；
第 3 章的 RFM 模型会把“多久没来（R）”进一步细化为打分。
""", en="""
# Chapter 2 · Relationship stages and lifecycle

The last chapter showed that customers differ enormously in value. This chapter asks a different question:
**how far has each customer's relationship with us gone?** Two customers who both spent ¥1,000 need very
different things on Monday morning if one placed a first order last week and the other has not been back
for half a year: the first needs a nudge towards a second purchase, the second needs saving before they are gone.

**Objectives of this chapter**
- derive every customer's relationship state from transactions (prospect, target, first-time, repeat, loyal,
  at risk, lost, reactivated);
- read a **migration matrix** (how customers change state between two dates) and **growth accounting**
  (why the customer base grows or shrinks).

**Where it sits**: chapter 1 asked *what is a customer worth*; this chapter asks *where does the relationship
stand*. Chapter 3's RFM model refines "how long since the last purchase" (R) into a score.
""")

ch.md(zh="""
## 1 客户关系的类型

按照与企业关系的深浅，客户可以分为：

| 类型 | 含义 | 企业的主要任务 |
|---|---|---|
| **非客户** | 不需要、也不可能购买我们产品的人 | 不投入资源 |
| **潜在客户** | 有需求、表现出兴趣（注册、咨询、领券），但还没有购买 | 了解需求、评估价值 |
| **目标客户** | 企业经过挑选、决定主动争取的潜在客户（第 5 章的目标客户选择矩阵） | 针对性沟通，促成首单 |
| **现实客户** | 已经购买的客户，又分为**初次购买**、**重复购买**和**忠诚**客户 | 促成复购、培养忠诚 |
| **流失客户** | 曾经购买、但已经很久不再购买 | 分析原因，挽回有价值的客户 |

客户在这些类型之间**流动**：潜在 → 目标 → 初次购买 → 重复购买 → 忠诚；任何现实客户都可能先“沉睡”（流失预警）再流失；
被成功**挽回**的流失客户重新成为现实客户。这就是**客户流转模式**。下表是每种状态的标准策略（来自本课程的标签目录）：
""", en="""
## 1 Types of customer relationship

By how deep the relationship with the company goes, people fall into:

| type | meaning | the company's main task |
|---|---|---|
| **non-customer** | does not need, and cannot buy, our products | spend nothing |
| **prospect** | has a need and showed interest (signed up, asked, took a coupon) but has not bought | learn their needs, assess their value |
| **target** | a prospect the company chose to win (chapter 5's target-selection matrix) | tailored contact, win the first order |
| **current customer** | has bought: **first-time**, **repeat** or **loyal** | encourage repeat purchases, build loyalty |
| **lost customer** | bought before but stopped long ago | learn why; win back the valuable ones |

Customers **move** between these types: prospect → target → first-time → repeat → loyal; any current customer
may fall silent (at risk) and then be lost; a lost customer who is **won back** becomes current again. This is
the **customer flow model**. The table below gives the standard strategy per state (from the course's label catalogue):
""")
ch.code("""
show(pd.DataFrame({"strategy": state_labels(STATES, "strategy")}, index=pd.Index(STATES, name="state")))
""")

ch.md(zh="""
### 管理好每一类客户

每种状态的经营重点不同：对潜在客户先**建立认同、收集资料**；对目标客户**促成首单**；对初次购买的客户**个性化关怀、建立信任**；
对重复购买的客户推动**交叉购买和升级**；忠诚客户交给**专门的部门**、用**客户数据库**记住他们的一切；流失客户先问原因，再决定是否挽回。
""", en="""
### Managing each type of customer

Each state needs its own focus: for prospects, **win them to the brand and learn about them**; for targets, **bring
about the first order**; for first-time buyers, **personal attention and trust**; for repeat buyers, **cross-buying and
moving up**; loyal customers go to a **dedicated team**, with a **customer database** that remembers everything about
them; for lost customers, ask why before deciding whether to win them back.
""")
ch.exercise("ch02", "q5")

ch.md(zh="""
## 2 从交易数据判定关系状态

交易数据里没有“忠诚”这一列，状态要用**规则**从购买记录推出来。本课程的规则（按顺序检查，**第一条满足的规则决定状态**）：

| # | 状态 | 规则（沉默天数 = 分析日 − 最近一次购买日） |
|---|---|---|
| 0 | 潜在 / 目标客户 | 在 CRM 名单中，从未购买 |
| 1 | 流失客户 | 沉默天数 > 180 |
| 2 | 流失预警客户 | 90 < 沉默天数 ≤ 180 |
| 3 | 挽回客户 | 在一段 > 180 天的空档之后回来购买，且回来的时间在最近 90 天内 |
| 4 | 初次购买客户 | 活跃（沉默 ≤ 90 天）且只购买过 1 次 |
| 5 | 忠诚客户 | 活跃且最近 365 天内购买 ≥ 4 次 |
| 6 | 重复购买客户 | 其他活跃客户（≥ 2 次） |

90 / 180 / 365 天和 4 次是零售业按季度经营时的默认值（预设 `retail_quarterly`）；它们是**业务决定**，不是自然规律——
买汽车和买牛奶的“多久不来算流失”显然不同。分析日 `as_of` 默认是最后一笔交易的第二天，结果里会写明。

我们先用第 0 章的在线零售数据（英国礼品批发网店，2010-12 至 2011-12）：
""", en="""
## 2 Relationship states from transactions

Transactions have no "loyal" column: states are derived from purchase histories by **rules**. The course's rules
(tried in order; **the first that matches decides**):

| # | state | rule (days silent = analysis date − last purchase) |
|---|---|---|
| 0 | prospect / target | in the CRM list, never bought |
| 1 | lost | days silent > 180 |
| 2 | at risk | 90 < days silent ≤ 180 |
| 3 | reactivated | came back after a gap of more than 180 days, and the return lies within the last 90 days |
| 4 | first-time buyer | active (silent ≤ 90 days) with exactly 1 purchase |
| 5 | loyal | active with ≥ 4 purchases in the last 365 days |
| 6 | repeat buyer | any other active customer (≥ 2 purchases) |

90 / 180 / 365 days and 4 purchases are the defaults for a retailer managed quarter by quarter (preset
`retail_quarterly`). They are **business decisions**, not laws of nature: "silent for how long means lost" is not
the same for cars and for milk. The analysis date `as_of` defaults to the day after the last transaction and is
stated in the result.

We start with chapter 0's Online Retail data (a UK online gift wholesaler, December 2010 to December 2011):
""")
ch.code("""
tx, report = load_online_retail()
states = relationship_states(tx)
""")
ch.checked("states")
ch.code("plot_state_distribution(states);")

ch.md(zh="""
**怎么读？** 4,339 位客户中约 29% 是忠诚客户（一年内至少 4 张订单），这是一家批发网店的常态——很多买家是定期补货的小零售商。
但 588 位客户处在**流失预警**期（91–180 天没有下单），861 位已经流失。周一可以做的事：
把流失预警名单交给客服，优先联系其中购买金额高的客户（第 10 章会生成这样的名单）。

每位客户的分类都能追溯：`rule` 列写明是哪条规则决定的，旁边是沉默天数、订单数和一年内的订单数。下面每种状态各看一位客户：
""", en="""
**How to read it.** About 29% of the 4,339 customers are loyal (at least 4 orders in a year), normal for a
wholesaler: many buyers are small shops that restock regularly. But 588 customers are **at risk** (no order for
91–180 days) and 861 are already lost. What to do on Monday: hand the at-risk list to the service team, and call
the high spenders first (chapter 10 produces such a list).

Every classification can be traced: the `rule` column says which rule decided, next to days silent, orders and
orders within a year. One customer of each state:
""")
ch.code("""
show(states.table.groupby("state").head(1)[["state", "rule", "recency_days", "orders", "orders_in_window", "returned_on"]])
""")

ch.md(zh="""
### 阈值是业务决定：按客户自己的节奏判断

同样沉默 120 天，对每月补货的客户是危险信号，对每半年才来一次的客户却很正常。`individual=True` 给每位客户一个
**自己的流失阈值**：他本人两次购买间隔的中位数 × 2.5（至少 90 天）。比较两种口径下各状态的人数：
""", en="""
### Thresholds are business decisions: judging by each customer's rhythm

Silent for 120 days is an alarm for a customer who restocks monthly, and normal for one who comes twice a year.
`individual=True` gives every customer **their own churn threshold**: 2.5 × their median days between purchases
(at least 90 days). Compare the number of customers per state under both rules:
""")
ch.checked("""
individual = relationship_states(tx, individual=True)
show(pd.DataFrame({"churn_fixed": states.classes.value_counts(), "individual": individual.classes.value_counts()})
     .reindex(STATES).dropna().astype(int).rename_axis("state"))
""")
ch.md(zh="""
个性化阈值下，流失客户从 861 人增加到 923 人，挽回客户从 328 人减少到 192 人：对购买很频繁的客户来说，
不到 180 天的空档就已经意味着流失；而一些“回来的”季节性客户其实只是按自己的节奏在购买。
选择哪种口径，取决于企业要用名单做什么——两种口径都要在报告里写明。
""", en="""
With individual thresholds, lost customers rise from 861 to 923 and reactivated ones fall from 328 to 192: for
frequent buyers a gap shorter than 180 days already means they have gone, while some "returning" seasonal
customers were simply buying at their own pace. Which rule to use depends on what the list is for — and a report
states the rule either way.
""")

ch.md(zh="""
## 3 加上 CRM 名单：潜在客户与目标客户

只看交易，永远看不到**还没买过**的人。演示公司“悦家生活”的 CRM 表记录了 3,000 人，其中有只注册未购买的潜在客户，
以及市场部挑选出来、准备争取的目标客户（`lead_status`、`is_target` 两列）。把 CRM 表作为 `crm` 传入，
从未购买的人按规则 0 归类，其他人仍按购买记录判定：
""", en="""
## 3 Adding the CRM list: prospects and targets

Transactions never show the people who **have not bought yet**. The demo company Yuejia Living keeps 3,000 people
in its CRM table, including prospects who signed up without buying and targets selected by marketing (columns
`lead_status`, `is_target`). Passing the CRM table as `crm` classifies the never-buyers by rule 0 and everyone
else by their purchases:
""")
ch.code("""
orders = load_demo("orders")
customers = load_demo("customers")
demo_states = relationship_states(orders, "2026-01-01", crm=customers)
""")
ch.checked("show(demo_states.summary()[['state', 'customers', 'share']])")
ch.md(zh="""
演示公司有三年的数据，几乎一半的人已经流失（1,473 人）——三年里来过又走了的客户会不断累积，这在零售业很常见。
真正需要经营的是另一半：505 位忠诚客户要重点维护，222 位预警客户要尽快联系，422 位潜在与目标客户等待首单。
""", en="""
The demo company has three years of data, and almost half of its people are lost (1,473): customers who came and
went pile up over the years, as in most retail businesses. The other half is where management happens: 505 loyal
customers to look after, 222 at-risk ones to contact soon, and 422 prospects and targets waiting for a first order.
""")

ch.md(zh="""
## 4 客户流转模式图

在两个时点（t0、t1）分别判定状态，就能数出有多少客户沿着流转模式图的每一条箭头移动。下图是悦家生活
2025 年第四季度（2025-10-01 → 2026-01-01）的流转：方框中是 t0 → t1 的人数，实线是课程流转图上的箭头（灰色表示这一季无人经过），
虚线是图上没有、但实际发生的移动（例如预警客户直接回到忠诚）。
""", en="""
## 4 The customer flow model

Classify everyone at two dates (t0, t1) and count how many customers moved along each arrow of the flow model.
Below is Yuejia Living's fourth quarter of 2025 (2025-10-01 → 2026-01-01): each box shows customers at t0 → t1,
solid arrows are those of the course's flow diagram (grey when nobody took them this quarter), dashed ones are
moves the diagram does not draw but that happened (e.g. at-risk customers going straight back to loyal).
""")
ch.code("""
flow = customer_flow(orders, "2025-10-01", "2026-01-01", crm=customers)
plot_customer_flow(flow);
""")
ch.checked("show(flow.edges.query('course').rename(columns={'source': 'from', 'target': 'to'})[['from', 'to', 'customers']])")
ch.md(zh="""
**读图要点**
- **获取**：这一季有 129 位潜在客户和 55 位目标客户完成了首单；另有 92 人在这一季就买了不止一次，直接成为重复或忠诚客户（虚线）。
- **转化为重复购买**：初次购买客户中，34 人再次购买，104 人进入预警——第二次购买是最脆弱的一环。
- **流失与挽回**：246 位预警客户这一季没有回来，变成流失客户；同时有 28 位流失客户被挽回。
  挽回的人数远小于流失的人数，说明**预防流失比事后挽回更划算**。
- **关系的四种走向**都在图上：**发展**（初次购买 → 重复购买 → 忠诚）；**夭折**（初次购买后没有第二次就沉寂、流失——
  这一季有 104 位初次购买客户进入预警）；**破裂**（重复或忠诚的关系进入预警、最终流失）；**恢复**（流失后被挽回，这一季 28 人）。

注意：CRM 表没有记录每个人何时成为潜在客户，所以在 t0 时，所有尚未购买的 CRM 成员都按潜在/目标客户计算。
""", en="""
**What to read from it**
- **Acquisition**: 129 prospects and 55 targets made their first order this quarter; another 92 bought more than
  once within the quarter and went straight to repeat or loyal (dashed arrows).
- **Conversion to repeat buyers**: of the first-time buyers, 34 bought again while 104 became at risk — the second
  purchase is the weakest link.
- **Loss and win-back**: 246 at-risk customers did not return this quarter and are now lost, while 28 lost customers
  were won back. Far fewer come back than leave: **preventing churn pays better than winning customers back**.
- **The four fates of a relationship** are all in the chart: it **develops** (first-time → repeat → loyal); it **dies
  young** (no second purchase after the first, then silence and loss — 104 first-time buyers went at risk this
  quarter); it **breaks** (a repeat or loyal relationship goes at risk and is finally lost); it is **restored** (won
  back after being lost — 28 customers this quarter).

Note: the CRM table does not record when each person became a prospect, so at t0 every CRM member without a
purchase counts as a prospect or target.
""")

ch.md(zh="""
## 5 迁移矩阵

流转图适合讲故事，**迁移矩阵**适合计算。设 t0 时处于状态 i、t1 时处于状态 j 的客户数为 N<sub>ij</sub>，则转移概率
P<sub>ij</sub> = N<sub>ij</sub> / Σ<sub>j</sub> N<sub>ij</sub>：**每一行加起来是 100%**，读作“t0 时的 i 类客户，到 t1 时有多少比例变成了 j 类”。
在 t0 之后才第一次购买的客户（交易数据中 t0 时还不存在）放在“潜在客户”这一行。

下面是在线零售数据最后一个季度（2011-09-10 → 2011-12-10）的迁移概率：
""", en="""
## 5 Migration matrices

The flow diagram tells the story; the **migration matrix** does the arithmetic. With N<sub>ij</sub> customers in
state i at t0 and state j at t1, the transition probability is P<sub>ij</sub> = N<sub>ij</sub> / Σ<sub>j</sub> N<sub>ij</sub>:
**every row adds up to 100%** and reads "of the customers in state i at t0, this share was in state j at t1".
Customers whose first purchase came after t0 (unknown to the transaction data at t0) sit in the "prospects" row.

Here are the migration probabilities of Online Retail's last quarter (2011-09-10 → 2011-12-10):
""")
ch.code("""
m = migration_matrix(tx, "2011-09-10", "2011-12-10")
plot_migration_heatmap(m, kind="probabilities");
""")
ch.checked("""
moves = m.probabilities.loc[['new', 'repeat', 'loyal', 'at_risk', 'lost'], ['repeat', 'loyal', 'at_risk', 'lost', 'reactivated']]
show(moves, share_cols=moves.columns)
""")
ch.md(zh="""
**怎么读？**
- 忠诚客户最稳定：87% 三个月后仍是忠诚客户。
- 初次购买客户最不稳定：超过一半三个月内没有再来，进入预警——**首单后的跟进**是最值得投入的环节之一。
- 预警客户是分水岭：约 54% 彻底流失，但也有约 46% 又回来购买（成为重复、忠诚或挽回客户）——这正是值得打电话的时候。
- 流失客户中有 34% 在这一季被“挽回”：这是礼品批发商的**圣诞季节效应**，不少买家一年只在旺季进货，
  用固定的 180 天判断他们“流失”并不合适（回想上一节的个性化阈值）。

有了 P，就能预测下一期的客户结构：s<sub>t+1</sub> = s<sub>t</sub> · P（再加上新获取的客户）；给每个状态配上每期利润，
就能算出马尔可夫链客户终生价值（第 6 章）。
""", en="""
**How to read it**
- Loyal customers are the most stable: 87% are still loyal three months later.
- First-time buyers are the least stable: over half did not come back within three months and are now at risk —
  **following up after the first order** is one of the best places to invest.
- At risk is the watershed: about 54% are lost for good, but about 46% buy again (as repeat, loyal or reactivated
  customers) — exactly the moment a phone call is worth making.
- 34% of the lost customers were "won back" this quarter: the **Christmas season** of a gift wholesaler. Many buyers
  restock only before the peak, and a fixed 180 days calls them lost too early (recall the individual thresholds).

With P we can project next period's customer mix, s<sub>t+1</sub> = s<sub>t</sub> · P (plus newly acquired
customers); giving each state a margin per period yields the Markov-chain customer lifetime value (chapter 6).
""")

ch.md(zh="""
## 6 增长核算：客户基数为什么变化

每个季度的活跃客户（该季至少购买一次）可以拆成四个来源：
**新增**（第一次购买）、**保留**（上一季也活跃）、**回流**（上一季不活跃、以前买过）和**流失**（上一季活跃、这一季没有）。
它们满足恒等式

活跃<sub>p</sub> = 活跃<sub>p−1</sub> + 新增 + 回流 − 流失，

**速动比率** =（新增 + 回流）÷ 流失：大于 1 说明客户基数在增长，小于 1 说明在萎缩（J. Hsu，Social Capital 的增长核算）。
悦家生活三年的季度数据：
""", en="""
## 6 Growth accounting: why the customer base changes

Each quarter's active customers (at least one purchase in the quarter) come from four sources: **new** (first
purchase), **retained** (active last quarter too), **resurrected** (inactive last quarter, bought before) and
**churned** (active last quarter, not this one). They satisfy the identity

active<sub>p</sub> = active<sub>p−1</sub> + new + resurrected − churned,

and the **quick ratio** = (new + resurrected) ÷ churned is above 1 when the base grows and below 1 when it
shrinks (growth accounting after J. Hsu, Social Capital). Yuejia Living's three years by quarter:
""")
ch.code("""
growth = growth_accounting(orders, period="Q")
plot_growth_accounting(growth);
""")
ch.checked("show(growth)")
ch.checked("""
# 恒等式逐季成立 / the identity holds in every quarter
bool((growth["active"] == growth["active"].shift() + growth["new"] + growth["resurrected"] - growth["churned"]).iloc[1:].all())
""")
ch.md(zh="""
**怎么读？** 新增客户每年在第四季度（双 11、双 12）达到高峰，流失则在旺季之后的第一季度明显增加——大促带来的客户
很多只买一次。2025 年第三季度速动比率低于 1：流失的 334 人多于新增与回流之和，客户基数第一次出现萎缩。
周一的问题是：这是淡季的正常波动，还是获客或服务出了问题？增长核算告诉你**去哪里找原因**：是新增少了，还是流失多了。
""", en="""
**How to read it.** New customers peak every fourth quarter (Double 11 and Double 12), and churn jumps in the first
quarter after the peak: many customers won by the big promotions buy only once. In 2025Q3 the quick ratio fell
below 1: the 334 churned outnumbered the new and resurrected together, and the base shrank for the first time.
Monday's question: is this a normal summer lull, or did acquisition or service go wrong? Growth accounting tells
you **where to look**: fewer new customers, or more leaving.
""")

ch.md(zh="""
## 7 获取—转化—保留—扩展

把上面的状态和指标放在一起，就是客户关系管理的四项基本任务，每一项对应流转图上的一段箭头和一个可以按季度跟踪的指标：

| 任务 | 流转图上的箭头 | 跟踪指标 | 课程章节 |
|---|---|---|---|
| **获取** | 潜在 → 目标 → 初次购买 | 新增客户数、获客成本 | 第 5 章（选择目标客户） |
| **转化** | 初次购买 → 重复购买 | 首单后 90 天内的复购率 | 本章、第 11 章（回访） |
| **保留** | 重复/忠诚 → 流失预警 → 流失 | 保留率、流失率、速动比率 | 第 10 章 |
| **扩展** | 重复 → 忠诚，客单价与品类增加 | 每位客户收入、交叉购买 | 第 3–4 章（RFM、客户分层） |

不同阶段的客户需要不同的资源：把挽回优惠发给忠诚客户是浪费，把欢迎礼包发给流失客户也无济于事。
""", en="""
## 7 Acquire – convert – retain – expand

Put together, the states and measures above are the four basic tasks of customer relationship management; each
matches a stretch of arrows in the flow diagram and a measure to track every quarter:

| task | arrows in the flow diagram | measure to track | chapter |
|---|---|---|---|
| **acquire** | prospect → target → first-time | new customers, acquisition cost | 5 (choosing targets) |
| **convert** | first-time → repeat | repeat rate within 90 days of the first order | this one, 11 (follow-ups) |
| **retain** | repeat/loyal → at risk → lost | retention, churn, quick ratio | 10 |
| **expand** | repeat → loyal, bigger baskets, more categories | revenue per customer, cross-buying | 3–4 (RFM, tiers) |

Each stage needs different resources: a win-back discount is wasted on a loyal customer, and a welcome pack does
nothing for a lost one.
""")

ch.md(zh="""
### 关系有多深：买卖、利益、伙伴

同样是“客户关系”，深浅差别很大：

| 层次 | 客户为什么留下 | 例子 |
|---|---|---|
| **买卖关系** | 没有理由：每一次购买都重新比较、重新选择 | 只在打折季来、哪家便宜买哪家 |
| **利益关系** | 留下有好处，或离开有损失（积分、折扣、转换成本） | 为了积分集中在一家买 |
| **伙伴关系** | 双方有共同的目标，一起计划、一起投入 | 与企业客户共同设计年度礼品方案 |

关系越深，带给企业的好处越多：每一笔交易的成本更低（不必每次从头推销），开发周期更短，购买更多、买的品类更多，还会推荐别人。
悦家生活的数据里看得到这一点——按关系状态比较每位客户的平均订单数和消费额：
""", en="""
### How deep a relationship goes: transactional, mutual interest, partnership

"Customer relationship" covers very different depths:

| level | why the customer stays | example |
|---|---|---|
| **transactional** | no reason: every purchase is compared and chosen afresh | comes only in the sales season, buys wherever it is cheapest |
| **mutual interest** | staying pays, or leaving costs (points, discounts, switching costs) | concentrates purchases in one shop for the points |
| **partnership** | both sides share goals, plan and invest together | designing the yearly gift programme with a business client |

The deeper the relationship, the more it brings the company: lower cost per transaction (no selling from scratch each
time), shorter development cycles, more purchases and more categories, and referrals. Yuejia Living's data show it —
the average orders and spend per customer by relationship state:
""")
ch.checked("""
from helpers.display import show
by_state = demo_states.table.query("orders > 0").groupby("state")[["orders", "revenue"]].mean().reindex(STATES).dropna()
show(by_state.set_axis(state_labels(by_state.index)), decimals=1)
""")
ch.md(zh="""
忠诚客户平均下了 16.8 单、消费 3,881 元，是重复购买客户（2.8 单、498 元）的七倍多，是初次购买客户（1 单、179 元）的二十多倍。
这里有循环论证的成分（买得多才被判为忠诚），但方向很清楚：**把关系做深，比不断找新客户更值钱**（第 6 章会算出具体的钱数）。
""", en="""
Loyal customers placed 16.8 orders and spent ¥3,881 on average — more than seven times a repeat buyer (2.8 orders,
¥498) and over twenty times a first-time buyer (1 order, ¥179). Part of this is circular (buying a lot is what makes
a customer loyal here), but the direction is clear: **deepening relationships is worth more than forever finding new
customers** (chapter 6 puts a money value on it).
""")
ch.exercise("ch02", "q6")

ch.md(zh="""
### 扩展关系：交叉销售、向上销售、推荐新客户

“扩展”有三条路：**交叉销售**（买了 A 的客户再买相关的 B）、**向上销售**（同一需要买更好的档次或更大的金额）、
**推荐新客户**（满意的客户把朋友带来）。第 4 章的升级候选名单就是向上销售的起点，第 13 章的分档礼包用门槛推高订单金额，
第 10 章的“传道者”是推荐的来源。
""", en="""
### Expanding a relationship: cross-selling, up-selling, referrals

There are three ways to expand: **cross-selling** (a customer who bought A also buys a related B), **up-selling** (a
better grade or a bigger order for the same need) and **referrals** (satisfied customers bring friends). Chapter 4's
upgrade list is where up-selling starts, chapter 13's gift-pack grades use thresholds to raise order values, and
chapter 10's "apostles" are where referrals come from.
""")
ch.exercise("ch02", "q7")
ch.trainer(zh="""
三个卡片练习各约 5 分钟（都是可选内容，可以布置为课后练习）：q5 在第 1 节的状态策略表之后，q6、q7 在本节。
q5 最常见的混淆是 M3 与 M5（潜在客户与目标客户：区别在于企业是否已选定要争取他）；q6 常把 R2、R6（积分、转换成本）当成伙伴关系——
追问“如果明天积分取消，他还会留下吗？”；q7 的 X4 是向上销售（推高这一单的金额），不是交叉销售。
关系越深越值钱的表格要提醒学员：忠诚是按购买次数判定的，所以“忠诚客户买得多”部分是定义使然；真正的证据在第 6 章的保留经济学。
""", en="""
The three card quizzes take about 5 minutes each (all optional; they also work as homework): q5 after section 1's
table of strategies per state, q6 and q7 here. In q5 students mix up M3 and M5 (prospect versus target: has the
company chosen to win them?); in q6 they take R2 and R6 (points, switching costs) for partnerships — ask "if the
points were dropped tomorrow, would he stay?"; in q7, X4 is up-selling (a bigger order), not cross-selling.
On the table of value by state, remind students that loyalty is defined by purchases here, so "loyal customers buy
more" is partly true by definition; the real evidence is chapter 6's retention economics.
""")


ch.md(zh="## 练习", en="## Exercises")
ch.exercise("ch02", "q1")
ch.exercise("ch02", "q2")
ch.exercise("ch02", "q3")
ch.exercise("ch02", "q4")

ch.md(zh="""
## 讨论

1. 在你的行业里，客户“多久不来”算流失？汽车 4S 店、超市、健身房、B2B 原材料供应商的答案会有什么不同？
2. 在线零售数据中，34% 的“流失客户”在圣诞季回来了。如果你用固定的 180 天阈值给这些人发挽回优惠，会发生什么？
3. 演示公司 2025 年第三季度速动比率低于 1。你会先看哪些数据，判断这是季节波动还是真正的问题？
4. 一个客户一年买 4 次就算“忠诚”吗？只看购买行为的“忠诚”漏掉了什么？（第 10 章会讨论态度忠诚）
""", en="""
## Discussion

1. In your industry, how long without a purchase means "lost"? How would a car dealer, a supermarket, a gym and a
   B2B raw-material supplier answer?
2. In Online Retail, 34% of the "lost" customers came back for Christmas. What happens if you send all of them a
   win-back discount based on a fixed 180-day threshold?
3. Yuejia Living's quick ratio fell below 1 in 2025Q3. Which data would you look at first to tell a seasonal dip
   from a real problem?
4. Is a customer who buys 4 times a year "loyal"? What does loyalty measured by purchases alone miss?
   (Chapter 10 discusses attitudinal loyalty.)
""")
ch.trainer(zh="""
约 90 分钟：关系类型与流转模式 15 分钟；从交易判定状态（含个性化阈值）20 分钟；CRM 与流转图 15 分钟；迁移矩阵 15 分钟；
增长核算 10 分钟；练习与讨论 15 分钟。
学员常见困难：把“流失预警”和“流失”混为一谈（练习 1 的常见错误答案 1,449 = 588 + 861）；按列而不是按行读迁移矩阵
（练习 2 的常见错误是用“变成预警的人中有多少来自初次购买”）；速动比率漏掉回流客户（练习 3 的错误答案约 0.64）；
小测验中把 C5 判为重复购买（忘了规则 3 先于规则 6），把 C3 判为流失（131 天还没到 180 天）。
讨论参考：1）阈值应接近“正常购买间隔”的 2–3 倍，耐用品按年、快消按周或月；B2B 看合同周期。
2）很多人本来就会在旺季回来，优惠成了白送的补贴；应先看历史上是否有季节性购买，或用个性化阈值。
3）拆开看新增与流失哪一项变了，按渠道和城市细分，对照去年同季；流失集中在某个门店或渠道时多半是服务问题。
4）行为忠诚可能只是“没有别的选择”（伪忠诚），态度上并不认同品牌，一旦竞争对手出现就会离开。
""", en="""
About 90 minutes: types and the flow model 15; states from transactions (with individual thresholds) 20; CRM and
the flow diagram 15; migration matrix 15; growth accounting 10; exercises and discussion 15.
Where students stumble: mixing up at risk and lost (the typical wrong answer to exercise 1 is 1,449 = 588 + 861);
reading the migration matrix by column instead of by row (exercise 2's typical mistake is "what share of those now
at risk were first-time buyers"); forgetting resurrected customers in the quick ratio (exercise 3's wrong answer is
about 0.64); in the quiz, calling C5 repeat (rule 3 comes before rule 6) and C3 lost (131 days is not yet 180).
Answers to the discussion: 1) a threshold of 2–3 times the normal purchase interval: a year for durables, weeks or
months for groceries; contract cycles in B2B. 2) Many would have come back anyway for the season, so the discount
is a gift; look for seasonal buying in the history first, or use individual thresholds. 3) See whether new or
churned changed, split by channel and city, compare with the same quarter last year; churn concentrated in one
store or channel usually points to service. 4) Behavioural loyalty may just mean "no alternative" (spurious
loyalty) without any attachment to the brand; such customers leave when a competitor appears.
""")

ch.md(zh="""
## 小结

- 客户关系分为非客户、潜在、目标、现实（初次、重复、忠诚）和流失；客户沿流转模式图流动，流失客户可以被挽回。
- 状态由规则从交易数据推出，第一条满足的规则决定；阈值（90 / 180 / 365 天、4 次）是业务决定，也可以按客户自己的购买节奏设定。
- 迁移矩阵按行读：t0 的某类客户到 t1 变成了什么；增长核算说明客户基数的变化来自新增、回流还是流失。
- 下一章：[03 RFM 模型](03_rfm_model.ipynb)——把最近一次购买、购买频率和金额变成分数，把客户分成八类。
""", en="""
## Recap

- Relationships run from non-customer, prospect and target to current (first-time, repeat, loyal) and lost;
  customers move along the flow model, and lost customers can be won back.
- States are derived from transactions by rules, the first match deciding; the thresholds (90 / 180 / 365 days,
  4 purchases) are business decisions and can follow each customer's own rhythm.
- A migration matrix is read by row: what the customers of a state at t0 became at t1; growth accounting shows
  whether the base changed through new, resurrected or churned customers.
- Next: [03 The RFM model](03_rfm_model.ipynb) — recency, frequency and monetary value turned into scores and eight classes of customers.
""")

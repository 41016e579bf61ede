"""Chapter 05 · Value matrices and target selection: current × potential value, the target-customer
selection matrix with the low-cost airline case, Marcus's matrix, and how the split rule decides."""
from helpers.teaching.authoring import Chapter

ch = Chapter("05_value_matrices", setup_extra="""
import pandas as pd
from helpers.teaching.exercises import ch05, ____
from helpers.display import show
from helpers.data import load_demo
from helpers.data import load_online_retail
from helpers.rfm import rfm_table
from helpers.wallet import wallet_value
from helpers.matrices import customer_value_matrix, target_selection_matrix, marcus_matrix
from helpers.teaching.cases import airline_segments, AIRLINE_VALUE, AIRLINE_CAPABILITY
from helpers.plots import plot_value_matrix
from helpers.teaching.widgets import MatrixExplorer
""")

ch.md(zh="""
# 第 5 章 · 客户价值矩阵与目标客户选择

第 4 章的金字塔按**一个**数字（消费额）给客户排队。但“这位客户现在值多少”和“这位客户还能值多少”、
“这位客户值不值得要”和“我们能不能服务好他”是不同的问题。**价值矩阵**同时看两个维度，
把客户分进 2×2 的四个格子，每个格子对应一种经营策略。

**本章目标**
- 能用矩阵把客户分到象限并给出策略；
- 能说明分界线规则（均值、中位数、量表中点、固定值）如何影响结果。

**本章路线**：当前价值 × 增值潜力（演示公司的 40 家企业客户）→ 分界线规则 →
目标客户选择矩阵（低成本航空案例）→ Marcus 客户价值矩阵（Online Retail 的 4,339 位客户）→ 练习与讨论。
""", en="""
# Chapter 5 · Value matrices and target selection

The pyramid of chapter 4 ranks customers by **one** number (what they spend). But "what is this customer worth
now?" and "what could this customer still be worth?", "is this customer worth having?" and "can we serve them
well?" are different questions. A **value matrix** looks at two dimensions at once and puts customers into the
four cells of a 2×2 grid, each with its own strategy.

**Objectives of this chapter**
- place customers in matrix quadrants with strategies;
- explain how the split rule (mean, median, scale midpoint, fixed value) changes the result.

**Route**: current × potential value (the demo company's 40 corporate clients) → split rules → the
target-customer selection matrix (the low-cost airline case) → Marcus's customer value matrix (the 4,339
customers of Online Retail) → exercises and discussion.
""")

ch.md(zh="""
## 1. 当前价值 × 增值潜力

- **当前价值**（CV）：客户过去一段时间实际带来的贡献，通常是近 12 个月的毛利（没有成本数据时用收入）。
- **增值潜力**（PV）：客户**还能额外**带来的价值。常见的估计方法有三种：预测的终生价值减去当前价值（第 6 章）；
  **钱包份额缺口**；或由客户经理打分。

本节用钱包份额缺口。**钱包份额**（share of wallet, SOW）是客户在这一品类的全部支出中花在我们这里的比例。
演示公司“悦家生活”为 40 家企业客户提供员工节日礼品，客户经理估计了每家客户的钱包份额：

- 钱包 = 年采购额 ÷ 钱包份额（客户在礼品上的全部预算）；
- 当前价值 CV = 年采购额 × 毛利率；
- 增值潜力 PV = (钱包 − 年采购额) × 毛利率，即仍花在竞争对手那里的毛利。

例如年采购 100 万元、份额 25%、毛利率 40% 的客户：钱包 400 万元，CV = 40 万元，PV = 300 万 × 40% = 120 万元。
""", en="""
## 1. Current value × potential value

- **Current value** (CV): what the customer actually contributed over a recent period, usually the gross profit of
  the last 12 months (revenue when there is no cost data).
- **Potential value** (PV): the value the customer could **still add**. Three common estimates: forecast lifetime
  value minus current value (chapter 6); the **share-of-wallet gap**; or a rating by the account manager.

This section uses the share-of-wallet gap. **Share of wallet** (SOW) is the part of a customer's total spending in a
category that comes to us. The demo company, Yuejia Living, supplies staff holiday gifts to 40 corporate clients,
and the account managers have estimated each client's share of wallet:

- wallet = annual revenue ÷ share of wallet (the client's whole gift budget);
- current value CV = annual revenue × gross margin;
- potential value PV = (wallet − annual revenue) × gross margin: the profit still spent with competitors.

For example, a client buying 1 million yuan a year at a 25 % share and a 40 % margin has a wallet of 4 million,
CV = 0.4 million and PV = 3 million × 40 % = 1.2 million.
""")
ch.code("""
accounts = wallet_value(load_demo("key_accounts"))
show(accounts[["account_id", "annual_revenue", "share_of_wallet", "gross_margin", "current_value", "potential_value"]].head())
""")

ch.md(zh="""
把两个维度各在**均值**处一分为二，得到四类客户（类型编号 I–IV 在不同教材中叫法略有不同，这里只看含义）：

| | 增值潜力低 | 增值潜力高 |
|---|---|---|
| **当前价值高** | III 保持型：高效维持 | IV 最有价值：重点投入、全力保持 |
| **当前价值低** | I 低价值：减少投入、标准化服务 | II 潜力客户：重点发展、提高钱包份额 |

恰好落在分界线上的客户算“高”。
""", en="""
Split each dimension in two at its **mean** and you get four types of customers (textbooks number types I–IV
slightly differently; what matters is their meaning):

| | low potential | high potential |
|---|---|---|
| **high current value** | III Maintain: keep the relationship efficient | IV Most valuable: invest, keep at all costs |
| **low current value** | I Low value: minimal investment, standard service | II Develop: grow share of wallet |

A customer exactly on a split line counts as high.
""")
ch.code("by_mean = customer_value_matrix(accounts)")
ch.checked("by_mean")
ch.code("plot_value_matrix(by_mean, size_col='annual_revenue');")

ch.md(zh="""
**怎么读这张图？** 气泡大小是年采购额。右上角的 IV 类只有 7 家，却是最大的几家客户——它们当前贡献大，
钱包里也还有很多空间，是客户经理最该花时间的地方。左上角的 II 类（例如钱包份额只有 7% 的 KA24）是“潜力股”：
现在买得不多，但预算大，下周一就可以安排拜访，了解我们拿不到更多份额的原因。
III 类已经拿到了大部分份额（KA10 份额 68%），增长空间有限，重点是高效服务、守住份额。
""", en="""
**How to read the chart.** Bubble size is annual revenue. The 7 type-IV clients at the top right are among the
largest: they contribute a lot now and still have room in their wallets — this is where account managers should
spend their time. Type II at the top left (for example KA24, with a 7 % share of wallet) are the rising stars:
they buy little from us today but have large budgets; next Monday, book a visit to find out why we do not get
more of their spending. Type III already give us most of their budget (KA10: 68 %); there is little room to grow,
so serve them efficiently and defend the share.
""")

ch.md(zh="""
## 2. 分界线规则会改变结果

分界线放在哪里，是一个**管理决策**，不是数学真理。常见的规则（都用参数 `breaks` 设定）：

| 规则 | 含义 | 适用场景 |
|---|---|---|
| 均值 `mean` | 高于平均水平才算“高” | 默认；但少数大客户会把均值拉高，“高”的一侧客户很少 |
| 中位数 `median` | 前一半算“高” | 数据高度偏斜时，两侧人数大致相等 |
| 量表中点 `midpoint` | 1–5 分量表以 3 分为界 | 打分数据（如下一节的目标客户选择） |
| 固定值，直接写数字（如 `breaks=500000`） | 例如“年毛利 ≥ 50 万元” | 与预算或服务能力挂钩的硬门槛 |

企业客户的采购额高度偏斜（少数大客户远高于其他客户），均值比中位数高得多。改用中位数，看看有多少客户换了格子：
""", en="""
## 2. The split rule changes the result

Where the split line goes is a **management decision**, not a mathematical truth. The usual rules (all set with
the `breaks` argument):

| rule | meaning | when |
|---|---|---|
| mean `mean` | "high" means above average | the default; but a few large customers pull the mean up, so few customers are "high" |
| median `median` | the top half is "high" | heavily skewed data; both sides get about as many customers |
| scale midpoint `midpoint` | 3 on a 1–5 rating scale | ratings (as in the target selection of the next section) |
| fixed value, a number (e.g. `breaks=500000`) | e.g. "gross profit ≥ 500,000 yuan a year" | a hard threshold tied to a budget or service capacity |

The clients' revenues are heavily skewed (a few large clients far above the rest), so the mean is much higher
than the median. Switch to the median and see how many clients change cells:
""")
ch.checked("by_median = customer_value_matrix(accounts, breaks='median')\n"
           "show(pd.DataFrame({'mean': by_mean.thresholds, 'median': by_median.thresholds}).map(lambda cuts: cuts[0]),"
           " money_cols=['mean', 'median'], currency=accounts.attrs['currency'])")
ch.checked("show(pd.crosstab(by_mean.classes.rename('mean'), by_median.classes.rename('median')))")

ch.md(zh="""
行是均值规则下的类别，列是中位数规则下的类别。IV 类从 7 家变成 14 家：用中位数时，“中等偏上”的客户也被当作关键客户。
如果客户经理只有 7 个人、每人只能深度经营一家客户，均值规则更符合资源约束；如果目标是“每家客户都有明确的发展策略”，
中位数让四个格子更均衡。**关键是把规则写进分析报告**，否则两个分析师会得到两份互相矛盾的名单。
""", en="""
Rows are the types under the mean rule, columns under the median rule. Type IV grows from 7 to 14 clients: with
the median, the upper-middle clients count as key clients too. If there are 7 account managers who can each
nurture one client in depth, the mean rule matches the resources; if the aim is "a clear development strategy for
every client", the median balances the four cells better. **What matters is that the rule is written into the
report** — otherwise two analysts produce two contradicting lists.
""")

ch.md(zh="""
## 3. 目标客户选择矩阵

价值矩阵回答“客户对我们值多少”；选择客户还要问另一半：**我们能不能满足这位客户的需求？**
目标客户选择矩阵的两个维度是**客户综合价值**（规模、盈利性、增长……的加权评分）和**企业满足能力**
（需求契合度、服务成本、渠道……的评分）：

| | 企业能满足 | 企业暂时不能满足 |
|---|---|---|
| **客户综合价值高** | **重点选择**：优先争取并长期保持 | **择机选择**：先提升能力，时机成熟再争取 |
| **客户综合价值低** | **消极选择**：不额外投入，维持现状或尝试培养 | **放弃选择**：不作为目标客户 |

### 案例：云雀航空——低成本航空公司如何选择客户

请先阅读案例 [`course/cases/low_cost_airline.zh.md`](../../course/cases/low_cost_airline.zh.md)。云雀航空把潜在客户分为 8 个细分，由管理层按 1–5 分打分。
客户综合价值 = 0.4 × 规模 + 0.3 × 单位利润 + 0.3 × 增长；企业满足能力 = 契合度、服务成本低、直销触达三项的平均分。
分界线是量表中点 3 分。
""", en="""
## 3. The target-customer selection matrix

A value matrix asks what a customer is worth to us; choosing customers also needs the other half: **can we satisfy
this customer's needs?** The target-customer selection matrix has two dimensions: **customer value** (a weighted
rating of size, profitability, growth…) and **the firm's ability to satisfy** the customer (ratings of fit, cost
to serve, channels…):

| | the firm can satisfy them | the firm cannot (yet) |
|---|---|---|
| **high customer value** | **Focus**: win them first and keep them | **Select when able**: build the capability, then win them |
| **low customer value** | **Accept passively**: no extra resources; keep the status quo or try to develop them | **Do not target** |

### Case: Skylark Air — how a low-cost airline chooses its customers

Read the case [`course/cases/low_cost_airline.en.md`](../../course/cases/low_cost_airline.en.md) first. Skylark Air splits its potential market into 8
segments, rated 1–5 by its managers. Customer value = 0.4 × size + 0.3 × profit per passenger + 0.3 × growth; the
ability to satisfy = the mean of fit, low cost to serve and direct reach. The split is the scale midpoint, 3.
""")
ch.code("segments = airline_segments()\nshow(segments.drop(columns='segment_id'))")
ch.code("""
targets = target_selection_matrix(segments, value_col=AIRLINE_VALUE, capability_col=AIRLINE_CAPABILITY)
plot_value_matrix(targets);
""")
ch.checked("show(targets.table[['customer_value', 'capability', 'cell']])")

ch.md(zh="""
**读图与决策。** 休闲游客、探亲访友和学生落在“重点选择”：他们要的恰好是云雀擅长的——便宜、简单、在网上买。
旅行社团队和春运务工人员是“消极选择”：不为他们增加服务，但可以用来填满淡季和节前的航班。
高端长途旅客是“放弃选择”。

最值得讨论的是**大企业差旅**：价值最高之一（4.0 分），但满足能力只有 1.33 分，矩阵说“择机选择”。
可对云雀来说，贵宾室、积分和自由改签会推高所有乘客的成本，动摇低票价这一根本——
矩阵给出的是**起点**，最终选择还要看企业的战略定位。

还要注意“学生与年轻人”：0.4×3 + 0.3×2 + 0.3×4 = **3.0 分**，正好在线上。本工具包的规则是“恰好在线上算高”，
所以它属于“重点选择”；如果规则改成“严格大于 3 才算高”，它就会掉进“消极选择”，营销预算也会随之改变。
""", en="""
**Reading the chart and deciding.** Leisure travellers, people visiting friends and relatives, and students fall in
"Focus": what they want is exactly what Skylark does well — cheap, simple, bought online. Tour groups and migrant
workers are "Accept passively": no extra service for them, but they fill off-peak and pre-holiday flights.
Premium long-haul travellers are "Do not target".

The most interesting one is **large-corporate travel**: among the most valuable (4.0), but Skylark's ability to
satisfy it is only 1.33, so the matrix says "select when able". Yet for Skylark, lounges, points and free changes
would raise everybody's costs and undermine its low fares — the matrix is a **starting point**; the final choice
follows the firm's strategy.

Note also students and young people: 0.4×3 + 0.3×2 + 0.3×4 = **3.0**, exactly on the line. The kit's rule is "on
the line counts as high", so they are "Focus"; were the rule "high only when strictly above 3", they would drop
to "Accept passively", and the marketing budget would follow.
""")

ch.md(zh="""
### 为什么要选，怎样选：门当户对、双向选择、以忠诚客户为样板

企业的资源有限，客户的需求又各不相同：想服务所有人，结果往往是谁都服务不好——第 1 章的鲸鱼曲线已经显示，服务错了客户会直接吞掉利润。
同一个汽车市场里，豪华品牌和经济型品牌争取的是完全不同的买家：各自选的是自己的产品、价格和服务能满足、也愿意为之付钱的人。
选择目标客户有三条经验：

1. **门当户对**：客户的需求与我们的能力相称——矩阵的“企业满足能力”轴问的就是这件事；
2. **双向选择**：客户也在选我们。客户看重的恰好是我们擅长的，关系才稳（云雀航空与大企业差旅正是反例）；
3. **以今天的忠诚客户为样板**：他们用行动说明了我们的产品适合谁。按他们的特征去找相似的人（**相似客户**，look-alike），
   比凭感觉选目标可靠——前提是这些特征真能把忠诚客户和其他客户区分开。

### 相似客户：先检查特征能不能区分

`lookalike_profile` 把“种子客户”（这里是悦家生活的 505 位忠诚客户）与全部 2,578 位买过的客户逐个特征比较：
每个特征值在种子客户中的占比、在全部客户中的占比，以及两者之比——**相似指数**（100 = 一样常见，200 = 在忠诚客户中常见一倍）。
先用潜在客户也有的资料：性别、年龄、城市级别和注册渠道。
""", en="""
### Why choose, and how: a good match, a two-way choice, today's loyal customers as the model

Resources are limited and customers' needs differ: trying to serve everyone usually means serving nobody well —
chapter 1's whale curve showed how serving the wrong customers eats profit. In one car market, premium and economy
brands court completely different buyers: each chooses the people its product, price and service can satisfy, and
who will pay for them. Three rules of thumb for choosing target customers:

1. **a good match (门当户对)**: the customer's needs fit what we can do — the "ability to satisfy" axis of the matrix;
2. **a two-way choice (双向选择)**: customers choose us too. A relationship lasts when what they value is what we
   do well (Skylark Air and large-corporate travel are the counter-example);
3. **today's loyal customers as the model**: they have shown by their behaviour whom our offer suits. Looking for
   people like them (**look-alikes**) beats choosing by gut feeling — provided their traits really set loyal
   customers apart from the others.

### Look-alikes: first check whether the traits tell them apart

`lookalike_profile` compares the "seeds" (here Yuejia Living's 505 loyal customers) with all 2,578 customers who
bought, trait by trait: the share of seeds with each value, the share of all customers with it, and their ratio —
the **look-alike index** (100 = equally common, 200 = twice as common among loyal customers). First the data
prospects have too: gender, age, city tier and sign-up channel.
""")
ch.code("""
from helpers.data import with_demo_labels
from helpers.display import show, column_label
from helpers.lifecycle import relationship_states
from helpers.lookalike import lookalike_profile, early_behaviour
orders, customers = load_demo("orders"), load_demo("customers")
states = relationship_states(orders, "2026-01-01")
loyal = states.table.index[states.classes == "loyal"]
buyers = with_demo_labels(customers, "gender", "city_tier", "channel").set_index("customer_id").loc[states.table.index]
by_profile = lookalike_profile(buyers, loyal, feature_cols=["gender", "age", "city_tier", "channel"])
show(by_profile.table.rename(index=column_label, level="feature"))
""")
ch.checked('round(by_profile.metrics["auc"], 2)')
ch.md(zh="""
**怎么读？** 所有相似指数都在 84 到 109 之间：忠诚客户的性别、年龄、城市级别和渠道与全体客户几乎一样。最后一行的 **AUC** 是检验：
随机抽一位忠诚客户和一位其他客户，前者得分更高的概率。0.54 只比抛硬币（0.5）好一点点——用这些资料给 422 位潜在客户打分，
挑出来的“相似客户”不会比随便挑更好。这本身就是结论：对悦家生活，按性别、年龄挑目标客户是白费力气，要靠双向选择和行为。

### 前 90 天的行为

行为只有买过的人才有。比较忠诚客户和其他客户**成为客户后前 90 天**的表现（只看前 90 天已经过完的 2,309 位客户）：
""", en="""
**How to read it.** Every index lies between 84 and 109: loyal customers look like everybody else on gender, age,
city tier and channel. The **AUC** is the test: the probability that a random loyal customer scores higher than a
random other customer. 0.54 is hardly better than a coin toss (0.5) — scoring the 422 prospects on these data would
pick "look-alikes" no better than chance. That is a result in itself: for Yuejia Living, choosing targets by gender
and age is wasted effort; the two-way choice and behaviour must do the work.

### Behaviour in the first 90 days

Only people who bought have behaviour. Compare loyal customers with the others over their **first 90 days as
customers** (the 2,309 customers whose first 90 days are over):
""")
ch.code("""
early = early_behaviour(orders, "2026-01-01", within_days=90)
base = early[early["complete"]]
by_behaviour = lookalike_profile(base, base.index.intersection(loyal), feature_cols=["orders", "aov"])
show(by_behaviour.table.rename(index=column_label, level="feature"))
""")
ch.checked('round(by_behaviour.metrics["auc"], 2)')
ch.exercise("ch05", "q6")
ch.md(zh="""
**怎么读？** 忠诚客户中有 47.8% 在前 90 天下了 3 单以上，全体客户中只有 14.8%（相似指数 322）；只买过 1 单就停下的，
全体客户中占 57.5%，忠诚客户中只有 11.8%。AUC 升到 0.85：**头三个月的行为能预示谁会成为忠诚客户**，人口资料不能。

**周一可以做的事**：给现在还在前 90 天、尚未成为忠诚客户的 249 位新客户打分，得分高的优先培养——第二单优惠、购后回访（第 11 章）、
邀请加入会员社群。注意：他们的 90 天还没过完，目前的单数只是下限，得分只会上升；低分读作“还没到时候”，而不是“不值得”。
""", en="""
**How to read it.** 47.8 % of loyal customers placed more than 3 orders in their first 90 days, against 14.8 % of
all customers (index 322); 57.5 % of all customers stopped after one order, but only 11.8 % of the loyal ones. The
AUC rises to 0.85: **the first three months show who will become loyal**; demographics do not.

**What to do on Monday**: score the 249 new customers who are still in their first 90 days and not loyal yet, and
nurture the high scorers first — an offer for the second order, a call after the purchase (chapter 11), an
invitation to the member group. Their 90 days are not over, so their orders so far are a lower bound and their score
can only rise: read a low score as "not yet", not as "not worth it".
""")
ch.code("""
new_now = early[~early["complete"] & ~early.index.isin(loyal)]
nurture = by_behaviour.score(new_now)
show(nurture.head(8), columns=["orders", "aov", "lookalike_score", "rank"])
""")
ch.trainer(zh="""
本节约 20 分钟（可选内容，两天版可只讲三条经验和 AUC 的结论，5 分钟）：三条经验 5 分钟；人口资料画像与 AUC 5 分钟；前 90 天行为 5 分钟；q6 5 分钟。
先让学员猜：“忠诚客户是不是更多是女性、一线城市、门店注册？”再运行——猜错正是要点：相似客户的前提是特征能区分，要先用 AUC 检验。
学员常见困难：把相似指数读成占比；q6 填了全体客户中的占比 0.148 而不是忠诚客户中的占比 0.478（`seed_share` 与 `customer_share` 的区别）；
以为 AUC 0.54“还算可以”——0.5 就是抛硬币。
""", en="""
This section takes about 20 minutes (optional; in the two-day plan teach only the three rules and the AUC finding,
5 minutes): the three rules 5, the demographic profile and AUC 5, first-90-days behaviour 5, q6 5. Let students guess
first — "are loyal customers more often women, in first-tier cities, signed up in store?" — then run it: being wrong
is the point; look-alikes need traits that discriminate, and the AUC checks that first.
Where students stumble: reading the index as a share; answering q6 with the share among all customers, 0.148, instead
of among loyal customers, 0.478 (`customer_share` versus `seed_share`); thinking an AUC of 0.54 is "not bad" — 0.5 is
a coin toss.
""")

ch.md(zh="""
## 4. Marcus 客户价值矩阵

Marcus（1998）为中小零售和服务企业设计了一个只需要交易记录的矩阵：**购买次数**（频率）×
**平均每次购买金额**（= 总消费额 ÷ 购买次数），两个维度都以全体客户的**平均值**为界。

| | 平均购买金额低 | 平均购买金额高 |
|---|---|---|
| **购买次数多** | 常客：交叉销售、组合推荐，提高客单价 | 最佳客户：奖励忠诚，专属待遇 |
| **购买次数少** | 不确定客户：低成本触达，筛选有潜力者 | 高消费客户：提醒与邀约，提高购买频率 |

来源：Marcus, C. (1998). A practical yet meaningful approach to customer segmentation. *Journal of Consumer
Marketing*, 15(5), 494–504.

我们用 Online Retail 的全部客户。`rfm_table` 给出每位客户的购买次数（不同发票数）和总消费额（第 3 章）。
""", en="""
## 4. Marcus's customer value matrix

Marcus (1998) designed a matrix for small retail and service businesses that needs only transaction records:
**number of purchases** (frequency) × **average purchase amount** (= total spend ÷ number of purchases), each
split at the customers' **average**.

| | low average purchase | high average purchase |
|---|---|---|
| **many purchases** | Frequent customers: cross-sell and bundle to raise the basket | Best customers: reward loyalty, special treatment |
| **few purchases** | Uncertain customers: reach them cheaply, pick out the promising ones | Spenders: reminders and invitations to come more often |

Source: Marcus, C. (1998). A practical yet meaningful approach to customer segmentation. *Journal of Consumer
Marketing*, 15(5), 494–504.

We use all Online Retail customers. `rfm_table` gives each customer's number of purchases (distinct invoices) and
total spend (chapter 3).
""")
ch.code("tx, report = load_online_retail()\nrfm = rfm_table(tx)\nmarcus = marcus_matrix(rfm)")
ch.checked("marcus")
ch.md(zh="""
`grid()` 把每格的客户数排成和矩阵一样的形状（上方是购买次数高，右侧是平均购买金额高）。再算出每格贡献的收入占比：
""", en="""
`grid()` lays out the number of customers per cell like the matrix (top: many purchases; right: high average
purchase). Then the share of revenue each cell brings:
""")
ch.checked("show(marcus.grid())")
ch.checked("show((marcus.table.groupby('cell')['revenue'].sum() / marcus.table['revenue'].sum()).rename('revenue_share'))")
ch.md(zh="""
画成散点图时，少数超大客户会把其他人挤进一个角落。改用**对数坐标**（每一格是 10 倍）就能看清整个分布。
对数轴本来画不了 0：客户 13256 唯一的一单金额为 0 英镑，所以横轴在 1 英镑以下改为线性刻度，他落在最左边的 0 处，
一个客户也不少。
""", en="""
As a scatter chart, a few very large customers squeeze everyone else into one corner. On **log axes** (each
step is ×10) the whole spread shows. A log axis cannot show zero on its own: customer 13256's only order came to
£0, so below £1 the x-axis is linear and they sit at 0 on the far left — no customer is left out.
""")
ch.code("plot_value_matrix(marcus, log='xy');")

ch.md(zh="""
平均购买次数约 4.3 次、平均每单约 418 英镑，都被少数超大客户拉高了：只有 8% 的客户是“最佳客户”，
却贡献了近一半收入；56% 的客户是“不确定客户”，只贡献约 12%。换成中位数（2 次、约 292 英镑），
“最佳客户”会变成三分之一的客户——这还是同一批数据，只是换了一条线。
""", en="""
The average number of purchases (about 4.3) and the average order (about £418) are both pulled up by a few very
large customers: only 8 % of customers are "Best", yet they bring nearly half the revenue; 56 % are "Uncertain"
and bring about 12 %. With the median (2 purchases, about £292) "Best" would become a third of all customers — the
same data, only another line.
""")

ch.md(zh="## 5. 练习", en="## 5. Exercises")
ch.exercise("ch05", "q1")

ch.exercise("ch05", "q2")

ch.exercise("ch05", "q3")

ch.md(zh="""
## 6. 讲解器：自己选维度和分界线

矩阵的两个维度不一定是“当前价值 × 增值潜力”。下面的讲解器可以从企业客户表中任选两列作横轴和纵轴，
并切换分界规则，四个格子的人数和散点图立即更新。试试：
- 横轴 `share_of_wallet`（钱包份额）、纵轴 `annual_revenue`（年采购额）：左上角是“买得多、但我们份额低”的客户——增长机会最大；
- 横轴 `revenue_growth`、纵轴 `gross_margin`：哪些客户既在增长、利润又高？
- 同一对维度下，把分界规则从均值换成中位数，看各格人数怎么变。
""", en="""
## 6. The explorer: choose your own dimensions and split

A matrix need not be current × potential value. The explorer below lets you put any two columns of the client table
on the axes and switch the split rule; the cell counts and the scatter update at once. Try:
- x `share_of_wallet`, y `annual_revenue`: the top left holds clients who buy a lot but give us a small share — the
  biggest growth opportunity;
- x `revenue_growth`, y `gross_margin`: which clients are growing and profitable?
- for the same pair, switch the split from mean to median and watch the counts change.
""")
ch.code("""
explorer = MatrixExplorer(accounts, value_cols=["current_value", "potential_value", "annual_revenue", "share_of_wallet",
                                                "gross_margin", "revenue_growth", "strategic_fit"], customer_col="account_id")
explorer
""")
ch.exercise("ch05", "q4")

ch.md(zh="""
## 7. 讨论

1. 云雀航空应该投资建设服务大企业差旅的能力吗？（案例讨论题 1）
2. 用均值还是中位数作分界线？请结合你所在企业的客户经理人数和服务能力说明理由。
3. 当前价值 × 增值潜力矩阵中的“II 潜力客户”，下周一你会为他们安排什么具体行动？
""", en="""
## 7. Discussion

1. Should Skylark Air invest to serve large-corporate travel? (case discussion question 1)
2. Mean or median as the split line? Argue from the number of account managers and the service capacity of your
   company.
3. What concrete action would you plan next Monday for the "II Develop" clients of the current × potential matrix?
""")
ch.code("ch05.q5.check()\n# ch05.q5.solution()")
ch.trainer(zh="""
约 90 分钟：第 1 节 20 分钟（先在白板上算一遍钱包份额的例子），第 2 节 15 分钟，第 3 节与案例 25 分钟
（请学员课前读案例，课上先不看结果、分组给 8 个细分打分，再与表中的评分比较），第 4 节 15 分钟，练习与讨论 15 分钟。
学员常见困难：把 PV 当成“钱包大小”而不是“钱包里还没拿到的部分”；以为矩阵的格子是固定的人数比例；
忘记 Marcus 的横轴是**平均每次**购买金额而不是总金额（练习 1 的典型错误答案是仍用均值得到 357）。
讨论 1 参考：矩阵说“择机选择”，但低成本航空的竞争优势来自对复杂服务说“不”；建设这种能力会抬高所有乘客的成本，
应视为战略性放弃——可以顺带接受愿意按规则乘机的企业员工，但不为他们改变产品。
讨论 2 参考：资源少、只想抓最重要的少数时用均值；想让每类都有足够客户、制定差异化策略时用中位数；关键是写明规则。
讨论 3 参考：安排客户经理拜访，了解份额低的原因（价格、品类、关系、采购流程），设计试点订单，设定份额提升目标。
""", en="""
About 90 minutes: section 1 20 min (work the share-of-wallet example on the whiteboard first), section 2 15,
section 3 with the case 25 (students read the case beforehand; in class, groups rate the 8 segments before seeing
the table, then compare), section 4 15, exercises and discussion 15.
Where students stumble: reading PV as the wallet itself rather than the part of the wallet we do not get yet;
thinking the cells hold fixed shares of customers; forgetting that Marcus's x-axis is the **average** purchase, not
the total (the typical wrong answer to exercise 1 keeps the mean split and gives 357).
Discussion 1: the matrix says "select when able", but a low-cost airline's advantage comes from saying no to
complex service; building that capability would raise every passenger's costs. Treat it as a strategic "do not
target" — corporate employees who accept the rules are welcome, but the product does not change for them.
Discussion 2: with few resources and a focus on the vital few, the mean; to give every cell enough customers for
differentiated strategies, the median; above all, state the rule.
Discussion 3: an account manager's visit to learn why our share is low (price, range, relationship, purchasing
process), a pilot order, a target share.
""")

ch.md(zh="""
## 小结

- 价值矩阵同时看两个维度：当前价值 × 增值潜力回答“在谁身上投入”，客户价值 × 企业满足能力回答“选择谁”，
  Marcus 矩阵只用交易记录回答“每类客户该怎么经营”。
- 分界线规则（均值、中位数、量表中点、固定值）是管理决策，会显著改变各格人数；恰好在线上的客户算“高”。
  报告中必须写明规则。
- 矩阵是起点，不是结论：最终的选择还要符合企业的战略定位（低成本航空不追大企业差旅）。
- 下一章：[06 客户终生价值](06_customer_lifetime_value.ipynb)——把“增值潜力”从估计变成预测。
""", en="""
## Recap

- A value matrix looks at two dimensions at once: current × potential value says where to invest, customer value
  × ability to satisfy says whom to choose, and Marcus's matrix, from transactions alone, says how to manage each
  kind of customer.
- The split rule (mean, median, scale midpoint, fixed value) is a management decision that changes the cell counts
  a lot; a customer exactly on the line counts as high. State the rule in every report.
- The matrix is a starting point, not a verdict: the final choice must fit the firm's strategy (a low-cost airline
  does not chase corporate travel).
- Next: [06 Customer lifetime value](06_customer_lifetime_value.ipynb) — turning "potential value" from an estimate
  into a forecast.
""")

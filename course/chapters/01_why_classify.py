"""Chapter 01 · Why classify customers: criteria, good and bad customers, ABC, Lorenz/Gini, the whale curve."""
from helpers.teaching.authoring import Chapter

ch = Chapter("01_why_classify", setup_extra="""
from helpers.teaching.exercises import ch01, ____
from helpers.display import show
from helpers.data import load_online_retail
from helpers.data import load_demo
from helpers.rfm import rfm_table
from helpers.tiers import abc_classify
from helpers.concentration import gini, whale_curve, sherden_check, cross_subsidy
from helpers.profitability import customer_profit
from helpers.plots import plot_pareto, plot_lorenz, plot_whale
from helpers.teaching.widgets import TierExplorer
""")

ch.md(zh="""
# 第 1 章 · 为什么要对客户分类

同样是一元钱的收入，不同客户带来的利润可能天差地别；同样是一小时的服务，花在不同客户身上的回报也完全不同。
企业的人力、预算和时间都有限，**客户分类**就是决定“把有限的资源投向谁”的第一步。

**本章目标**
- 能计算 ABC 分类，并解释落在分界线上的客户归哪一类（边界规则）；
- 能用基尼系数和鲸鱼曲线描述客户价值的集中程度。

**在课程中的位置**：第 1 天。本章回答“为什么分、按什么分”；后面的 RFM 模型（第 3 章）、客户金字塔（第 4 章）
和价值矩阵（第 5 章）回答“具体怎么分”。

| 小节 | 内容 |
|---|---|
| 1 | 分类标准：价值、行为、人口统计、地理 |
| 2 | 好客户与坏客户 |
| 3 | 帕累托法则与 ABC 分类 |
| 4 | 洛伦兹曲线与基尼系数 |
| 5 | 鲸鱼曲线与 Sherden 80/20/30 法则 |
| 6 | 资源跟着价值走 |
""", en="""
# Chapter 1 · Why classify customers

The same yuan of revenue can mean very different profit from different customers, and the same hour of service
pays back very differently depending on whom it is spent on. People, budgets and time are limited;
**classifying customers** is the first step in deciding where those limited resources go.

**Objectives**
- compute an ABC classification and explain which class a customer on the boundary belongs to (the boundary rule);
- describe how concentrated customer value is with the Gini coefficient and the whale curve.

**Where this sits**: day 1. This chapter asks *why classify, and by what*; the RFM model (chapter 3), the customer
pyramid (chapter 4) and the value matrices (chapter 5) answer *how exactly*.

| section | content |
|---|---|
| 1 | classification criteria: value, behaviour, demographic, geographic |
| 2 | good and bad customers |
| 3 | the Pareto principle and ABC classes |
| 4 | the Lorenz curve and the Gini coefficient |
| 5 | the whale curve and Sherden's 80/20/30 rule |
| 6 | resources follow value |
""")

ch.md(zh="""
## 1 · 分类标准：按什么分？

客户分类没有唯一正确的答案，关键是**分类要服务于一个决策**。常用的标准有四类：

| 标准 | 看什么 | 典型变量 | 支持的决策 |
|---|---|---|---|
| **价值标准** | 客户值多少 | 销售额、毛利、终生价值（CLV） | 服务资源和营销预算投向谁 |
| **行为标准** | 客户做了什么 | 最近一次购买、购买频率、渠道、品类、投诉 | 何时联系、用什么渠道、推荐什么 |
| **人口统计标准** | 客户是谁 | 年龄、性别、收入、职业；企业客户看行业和规模 | 产品设计、广告与沟通风格 |
| **地理标准** | 客户在哪里 | 城市、城市等级、区域、门店商圈 | 门店布局、配送承诺、区域活动 |

价值标准回答“值不值得投入”，其他三类回答“怎样投入才有效”。实践中常常组合使用：先按价值分出重点客户，
再按行为和人口特征决定怎样服务他们。下面是演示公司“悦家生活”的会员档案，每一列都可以作为一种分类标准。
""", en="""
## 1 · Classification criteria: classify by what?

There is no single right way to classify customers; what matters is that **the classification serves a decision**.
Four kinds of criteria are common:

| criterion | looks at | typical variables | decision it supports |
|---|---|---|---|
| **value** | what a customer is worth | sales, gross profit, lifetime value (CLV) | where service resources and marketing budget go |
| **behaviour** | what a customer does | last purchase, purchase frequency, channel, category, complaints | when to contact, through which channel, what to offer |
| **demographic** | who a customer is | age, gender, income, occupation; for companies industry and size | product design, advertising and tone |
| **geographic** | where a customer is | city, city tier, region, store catchment | store network, delivery promises, local campaigns |

Value criteria say *whether* a customer is worth the investment; the other three say *how* to invest effectively.
In practice they are combined: value picks out the key customers, behaviour and demographics decide how to serve them.
Below are the member profiles of the demo company 悦家生活 (Yuejia Living); every column can serve as a criterion.
""")
ch.code("""
customers = load_demo("customers")
show(customers[["customer_id", "gender", "age", "city", "city_tier", "channel", "member_level"]].head())
""")

ch.exercise("ch01", "q5")

ch.md(zh="""
## 2 · 好客户与坏客户

“客户就是上帝”并不意味着每位客户对企业同样有利。从价值角度看：

- **好客户**：购买量大或持续购买、利润率高、按时付款、服务成本低，愿意反馈意见和推荐他人；
- **坏客户**：占用的资源超过他们带来的收益——频繁的小额订单、大量退货、过度议价、拖欠货款，
  或者对服务的要求远超其消费水平。

坏客户不一定是“坏人”，往往只是**服务他们的方式太贵**。识别出来之后，企业可以降低服务成本、调整价格，
实在无法改善再考虑放弃。要找到他们，只看销售额不够，还要看**利润**——这正是本章第 5 节鲸鱼曲线要做的事。
""", en="""
## 2 · Good and bad customers

"The customer is king" does not mean every customer is equally good for the company. From a value point of view:

- **good customers** buy a lot or keep buying, at good margins, pay on time, cost little to serve, give feedback
  and recommend us;
- **bad customers** take up more resources than they bring in — many tiny orders, heavy returns, hard bargaining,
  late payment, or service demands far beyond what they spend.

A bad customer is not a bad person; often the way we serve them is simply **too expensive**. Once they are
identified, the company can lower the cost to serve or reprice, and let go only when nothing helps. Finding them
takes **profit**, not just sales — which is what the whale curve in section 5 does.
""")

ch.md(zh="""
## 3 · 帕累托法则与 ABC 分类

意大利经济学家帕累托发现，少数人拥有大部分财富；管理学把它概括为 **80/20 法则**：大约 20% 的客户带来 80% 的销售额。
**ABC 分类**（Dickie 1951，最早用于库存管理）把这个观察变成可操作的分组（计算细节见 docs/methods.md §2.5）：

1. 按价值（销售额或利润）从高到低给客户排序；
2. 计算累计价值占比 $\\text{cum}_i = \\sum_{j \\le i} v_j \\,/\\, \\sum v$；
3. 累计占比达到 80% 之前的客户为 **A 类**，80%–95% 为 **B 类**，其余为 **C 类**（也可以用 70/90 等其他切点）。

**边界规则**：正好“跨过” 80% 那条线的客户算 A 还是 B？
- `method="crossing"`（默认）：看这位客户**之前**的累计占比，仍不足 80% 就算 A——跨线的客户属于 A，
  保证 A 类合计至少达到 80%；
- `method="le"`：看**包含**这位客户的累计占比，≤ 80% 才算 A——A 类合计不超过 80%。

三位客户的销售额为 70、20、10 时，两种规则的差别一目了然：
""", en="""
## 3 · The Pareto principle and ABC classes

The Italian economist Pareto observed that a few people own most of the wealth; management turned this into the
**80/20 rule**: roughly 20 % of customers bring 80 % of sales. **ABC classification** turns the observation into
groups you can act on (Dickie 1951, first for inventories; details in docs/methods.md §2.5):

1. rank customers by value (sales or profit), largest first;
2. compute the cumulative share of value $\\text{cum}_i = \\sum_{j \\le i} v_j \\,/\\, \\sum v$;
3. customers until the cumulative share reaches 80 % are **class A**, 80–95 % **class B**, the rest **class C**
   (other cut-offs such as 70/90 are used too).

**The boundary rule**: is the customer who *crosses* the 80 % line A or B?
- `method="crossing"` (the default) looks at the cumulative share **before** the customer: still below 80 % → A.
  The crosser is A, so class A always reaches at least 80 %;
- `method="le"` looks at the share **including** the customer: A only while ≤ 80 %, so class A stays at or below 80 %.

With three customers worth 70, 20 and 10 the difference is plain:
""")
ch.checked("""
toy = {"x": 70, "y": 20, "z": 10}
show({"crossing": abc_classify(toy, method="crossing").classes, "le": abc_classify(toy, method="le").classes})
""")

ch.md(zh="""
客户 y 之前的累计占比是 70%（不足 80%），加上自己后是 90%（超过 80%）。按 `crossing` 它属于 A，按 `le` 它属于 B。
两种规则都对，但**报告中必须写明用的是哪一种**，否则两个分析师会得到不同的 A 类名单。

现在用真实数据：英国在线礼品商店（UCI Online Retail）4,339 位客户一年的销售额。`rfm_table` 把发票行汇总为每位客户一行，
`monetary` 就是客户的销售总额。
""", en="""
Customer y has 70 % before (below 80 %) and 90 % including itself (above 80 %): A under `crossing`, B under `le`.
Both rules are legitimate, but **the report must say which one was used**, or two analysts will hand over
different A lists.

Now the real data: one year of sales of the 4,339 customers of a UK online gift shop (UCI Online Retail).
`rfm_table` sums the invoice lines into one row per customer; `monetary` is each customer's total sales.
""")
ch.code("""
tx, report = load_online_retail()
sales = rfm_table(tx)["monetary"]
abc = abc_classify(sales)
""")
ch.checked("abc")
ch.code("plot_pareto(abc);")

ch.md(zh="""
**怎么读？** 约 26% 的客户（1,130 位）贡献了 80% 的销售额，40% 的客户（C 类）合计只贡献 5%。
真实数据不会正好是 20/80，但“少数客户贡献大部分价值”的形状非常典型。阈值表中的“A 类客户最低价值”（代码里是 `min_value_abc_a`）
告诉你进入 A 类至少要买多少（约 1,591 英镑）——这是销售团队能直接使用的数字。

**周一就能做的事**：把 A 类名单交给客户经理，逐一确认专人负责；检查 C 类客户是否正在占用人工服务，
能否引导到自助渠道。

下面的讲解器可以拖动 A、B 两条切线、切换边界规则，观察各类人数和价值占比如何变化。
""", en="""
**How to read it.** About 26 % of the customers (1,130) bring 80 % of sales, while the 40 % in class C bring 5 %
together. Real data is never exactly 20/80, but the shape — a few customers bring most of the value — is typical.
"Lowest value: Class A" in the thresholds (`min_value_abc_a` in code) says how much a customer must buy to be in A (about £1,591): a number the
sales team can use directly.

**What to do on Monday**: hand the A list to the account managers and make sure each customer has a named person;
check whether class C customers tie up personal service that a self-service channel could handle.

In the explorer below, drag the A and B cut-offs and switch the boundary rule to see how class sizes and value
shares move.
""")
ch.code("TierExplorer(sales)")
ch.exercise("ch01", "q1")
ch.exercise("ch01", "q2")

ch.md(zh="""
## 4 · 洛伦兹曲线与基尼系数

ABC 分类给出三组，**洛伦兹曲线**则把整个分布画出来：把客户按价值从**低到高**排序，横轴是累计客户占比，
纵轴是他们合计贡献的价值占比。如果每位客户贡献相同，曲线就是对角线（绝对平均线）；曲线越往右下弯，价值越集中。

**基尼系数**是对角线与洛伦兹曲线之间面积的两倍（Lorenz 1905；Gini 1912；计算细节见 docs/methods.md §2.6）：

$$G = \\frac{2\\sum_i i\\,x_{(i)}}{n\\sum x} - \\frac{n+1}{n}$$

其中 $x_{(1)} \\le \\dots \\le x_{(n)}$ 为升序排列的价值。$G = 0$ 表示完全平均，越接近 1 越集中。
基尼系数只适用于非负数值（销售额）；利润有正有负时要用第 5 节的鲸鱼曲线。
""", en="""
## 4 · The Lorenz curve and the Gini coefficient

ABC gives three groups; the **Lorenz curve** draws the whole distribution. Rank customers from the **smallest**
value to the largest; the x-axis is the cumulative share of customers, the y-axis the share of value they bring
together. If every customer brought the same, the curve would be the diagonal (perfect equality); the further it
sags to the lower right, the more concentrated the value.

The **Gini coefficient** is twice the area between the diagonal and the Lorenz curve (Lorenz 1905; Gini 1912; details
in docs/methods.md §2.6):

$$G = \\frac{2\\sum_i i\\,x_{(i)}}{n\\sum x} - \\frac{n+1}{n}$$

with the values sorted ascending, $x_{(1)} \\le \\dots \\le x_{(n)}$. $G = 0$ means perfect equality; the closer to 1,
the more concentrated. Gini needs non-negative values (sales); for profits with losses use the whale curve of section 5.
""")
ch.code("plot_lorenz(sales);")
ch.checked("round(gini(sales), 3)")

ch.md(zh="""
Online Retail 的基尼系数约为 0.716，属于高度集中。单看一个数字意义有限，它的用处在于**比较**：
同一家企业不同年份、不同门店或不同品类之间比较，基尼系数上升说明企业越来越依赖少数大客户——
一旦其中一位流失，冲击也越大。

下面载入演示公司三年的订单，在练习中计算它的基尼系数。
""", en="""
Online Retail's Gini is about 0.716 — highly concentrated. One number alone says little; its use is in
**comparison**: across years, stores or categories of the same company. A rising Gini means the company depends more
and more on a few large customers, and losing one of them hurts more.

Below we load three years of the demo company's orders; compute its Gini in the exercise.
""")
ch.code("orders = load_demo('orders')\nshow(orders.head())")
ch.exercise("ch01", "q3")

ch.md(zh="""
## 5 · 鲸鱼曲线与 Sherden 80/20/30 法则

销售额高不等于利润高。每一笔订单都有拣货、包装、配送、支付手续费等**服务成本**，每一位客户还有获取和维护成本。
只买一次小额商品的客户，可能连获取成本都收不回。

演示数据只记录了销售额，没有成本。我们按作业成本法（Kaplan & Cooper 1998）的思路估算每位客户的利润：

$$\\text{利润} = \\text{毛利率} \\times \\text{销售额} - \\text{单笔订单成本} \\times \\text{订单数} - \\text{单个客户成本}$$

这里假设毛利率 35%、每笔订单服务成本 25 元、每位客户三年的获取与维护成本 80 元。这些是**假设**，
写在代码里就是为了让你质疑和修改它们；结果是用于比较客户的**利润估计**，不是财务报表上的利润。
""", en="""
## 5 · The whale curve and Sherden's 80/20/30 rule

High sales are not high profit. Every order has a **cost to serve** — picking, packing, delivery, payment fees — and
every customer costs something to acquire and look after. A customer who buys one small item once may never pay back
what it cost to win them.

The demo data records sales but no costs. We estimate each customer's profit the way activity-based costing does
(Kaplan & Cooper 1998):

$$\\text{profit} = \\text{margin} \\times \\text{sales} - \\text{cost per order} \\times \\text{orders} - \\text{cost per customer}$$

assuming a 35 % gross margin, 25 yuan to serve an order and 80 yuan to acquire and look after a customer over the
three years. These are **assumptions**, written into the code so you can question and change them; the result is a
**profit estimate** for comparing customers, not accounting profit.
""")
ch.code("""
profit = customer_profit(orders, margin=0.35, cost_per_order=25, cost_per_customer=80)
show(profit.head())
""")

ch.md(zh="""
看第一位客户 C00003：三年下了 25 单、消费 1,726 元，按估算却亏损约 101 元——平均每单只有 69 元，
每单 25 元的服务成本吃掉了大部分毛利。买得勤不一定赚得多，这正是第 2 节说的“服务方式太贵”的客户。
""", en="""
Look at the first customer, C00003: 25 orders and 1,726 yuan in three years, yet an estimated loss of about 101 yuan —
at 69 yuan per order, the 25 yuan cost of serving each order eats most of the margin. Buying often is not the same as
being profitable: this is the "served too expensively" customer of section 2.
""")

ch.md(zh="""
**鲸鱼曲线**（Kaplan & Cooper 1998）把客户按利润从**高到低**排序，横轴是累计客户占比，纵轴是累计利润占**总利润**的百分比。
只要有亏损客户，曲线就会先升到 100% 以上，再被亏损客户“拉回”到 100%——形状像一头露出水面的鲸鱼。
""", en="""
The **whale curve** (Kaplan & Cooper 1998) ranks customers by profit from the **highest**; the x-axis is the
cumulative share of customers, the y-axis the cumulative profit as a percentage of **total** profit. As soon as some
customers lose money, the curve climbs above 100 % and is then pulled back down to 100 % by the loss-makers — the
shape of a whale's back rising out of the water.
""")
ch.checked("""
whale = whale_curve(profit["profit"])
show(whale.metrics(), money_cols=["total"], currency=profit.attrs["currency"])
""")
ch.code("plot_whale(whale);")

ch.md(zh="""
**怎么读？** 按这组假设，盈利的 44.5% 客户创造了总利润的 116.6%（`peak_profit_share` = 1.166），其余 55.5% 的客户
亏掉了其中的 16.6 个百分点（`loss_share` = 0.166；份额都以 0–1 的小数表示）。亏损客户大多（84%）只下过一两单：他们的毛利抵不过获取成本和每单服务成本。

**Sherden 的 80/20/30 法则**（Sherden 1994，转引自 Kotler & Keller《营销管理》）描述的正是这种现象：
前 20% 的客户创造约 80% 的利润，其中一半被最后 30% 的亏损客户抵消。`sherden_check` 计算前 20% 客户的利润占比
和后 30% 客户的亏损占比；`cross_subsidy` 是亏损总额与盈利总额之比——盈利客户赚的钱有多少被拿去“补贴”了亏损客户。
""", en="""
**How to read it.** Under these assumptions the profitable 44.5 % of customers earn 116.6 % of total profit
(`peak_profit_share` = 1.166), and the other 55.5 % lose 16.6 points of it again (`loss_share` = 0.166; shares are
fractions 0–1). Most of the loss-makers (84 %) ordered only once or twice: their
margin does not cover the acquisition cost and the cost per order.

**Sherden's 80/20/30 rule** (Sherden 1994, as quoted in Kotler & Keller, *Marketing Management*) describes exactly
this: the top 20 % of customers earn about 80 % of the profit, half of which is lost on the bottom 30 %
unprofitable customers. `sherden_check` computes the top 20 %'s share of profit and the bottom 30 %'s loss;
`cross_subsidy` is total losses over total gains — how much of what the profitable customers earn is spent
subsidising the others.
""")
ch.checked("""
sherden = sherden_check(profit["profit"])
show({"top_profit_share": sherden.top_profit_share, "bottom_loss_share": sherden.bottom_loss_share,
      "cross_subsidy": cross_subsidy(profit["profit"])}, share_cols=["cross_subsidy"])
""")

ch.md(zh="""
演示公司的前 20% 客户创造了 107% 的利润，后 30% 客户亏掉 12%，每赚 1 元就有约 0.14 元被用来补贴亏损客户。
比 Sherden 描述的情形温和，但结构相同。假设一变，结论的强弱也会变：在练习中把单笔订单成本提高到 35 元，看看鲸鱼的“驼峰”有多高。
""", en="""
The demo company's top 20 % earn 107 % of the profit, the bottom 30 % lose 12 %, and about 0.14 yuan of every yuan
earned goes to subsidise loss-makers — milder than Sherden's picture, but the same structure. Change the assumptions
and the strength of the conclusion changes: in the exercise, raise the cost per order to 35 yuan and see how high the
hump gets.
""")
ch.exercise("ch01", "q4")

ch.md(zh="""
## 6 · 资源跟着价值走

把本章的结果变成管理动作：

| 发现 | 对应的动作 |
|---|---|
| A 类少数客户贡献大部分价值 | 专人负责、优先处理、定期回访；A 类流失预警要每周看 |
| C 类客户多、贡献少 | 自助服务、标准化沟通、线上渠道；不削减基本服务质量 |
| 基尼系数上升 | 依赖少数大客户的风险上升：同时加强大客户保留和中间层培育 |
| 鲸鱼曲线的亏损尾巴 | 先降服务成本（起订额、包邮门槛、合并配送），再调价；改善不了才考虑放弃 |

核心原则是**资源跟着价值走**：服务投入与客户价值相匹配，而不是对所有客户一视同仁，也不是只讨好声音最大的客户。
后面各章会把这个原则细化：RFM 看行为变化（第 3 章），客户金字塔给出分层服务标准（第 4 章），价值矩阵把潜在价值也考虑进来（第 5 章）。
""", en="""
## 6 · Resources follow value

Turning the results into management actions:

| finding | action |
|---|---|
| a few class A customers bring most of the value | a named person, priority handling, regular reviews; watch A churn alerts weekly |
| many class C customers bring little | self-service, standard communication, online channels — without cutting basic service quality |
| a rising Gini | more dependence on a few large customers: protect them and develop the middle at the same time |
| the loss-making tail of the whale curve | first cut the cost to serve (minimum order, free-delivery threshold, combined shipping), then reprice; let go only when nothing helps |

The principle is **resources follow value**: match the service effort to the customer's value — neither the same for
everyone, nor most for whoever shouts loudest. The next chapters refine it: RFM follows behaviour (chapter 3), the
customer pyramid sets service standards per tier (chapter 4), value matrices add potential value (chapter 5).
""")

ch.md(zh="""
### 分类换来什么：个性化服务、精准营销、资源优化

客户分类带来的好处可以归成三类：**个性化服务**（按这一类客户的需要服务他们）、**精准营销**（把合适的信息和优惠只发给会响应的人）、
**资源优化**（把有限的人手、时间和预算放到最值得的地方）。
""", en="""
### What classifying buys: personalised service, precise marketing, better use of resources

The benefits of classifying customers fall into three kinds: **personalised service** (serving each class as it
needs), **precise marketing** (the right message and offer only to those who will respond) and **better use of
resources** (the few people, hours and budget where they are worth most).
""")
ch.exercise("ch01", "q7")
ch.trainer(zh="""
约 5 分钟（可选）。讨论点：同一个做法常常同时带来几种好处，卡片问的是“主要”体现哪一种；B3 和 B6 的关键词是“有限的人手”，
B1 和 B5 的关键词是“只发给”。
""", en="""
About 5 minutes (optional). Point to make: one practice often brings several benefits; the cards ask for the main one.
The key words of B3 and B6 are "only so many people"; of B1 and B5, "only to".
""")

ch.md(zh="""
## 讨论

1. 演示公司一半以上的客户按估算是亏损的。应该放弃他们吗？如果不放弃，该怎么办？
2. 你所在企业的 A 类客户名单由谁维护？按销售额还是按利润排序？两种排法会有哪些客户不同？
3. 同样 26% 的客户贡献了 80% 的销售额，对一家礼品批发商和一家连锁超市意味着同样的风险吗？
""", en="""
## Discussion

1. By the estimate, more than half of the demo company's customers lose money. Should it drop them? If not, what then?
2. Who keeps the class A list in your company? Is it ranked by sales or by profit? Which customers would differ?
3. 26 % of customers bring 80 % of sales: does that mean the same risk for a gift wholesaler and for a supermarket chain?
""")
ch.code("ch01.q6.check()\n# ch01.q6.hint()\n# ch01.q6.solution()")

ch.trainer(zh="""
约 90 分钟：分类标准与卡片练习 15 分钟，好客户与坏客户 10 分钟，ABC 与边界规则 25 分钟（含讲解器和 q1–q2），
洛伦兹与基尼 15 分钟（q3），鲸鱼曲线与 Sherden 15 分钟（q4），资源跟着价值走与讨论 10 分钟。

学员常见困难：① 把 ABC 理解为“前 20% 客户是 A 类”——用 q1 的典型错误（3,037 = 70% × 4,339）引出讨论：
A 类的定义是累计价值，不是人数；② 在交易明细上直接算基尼系数（q3 的常见错误，得到约 0.39，这是“订单金额”的集中度而不是客户的）；
③ 把 `loss_share` 看成亏损客户的比例——它是亏损额占总利润的份额，亏损客户比例是 `unprofitable_share`。

讨论参考答案：1）见 `ch01.q6.solution()`：先降服务成本、再调价；新客户首单亏损很常见，要按生命周期看；固定成本不随客户离开而消失。
2）按利润排序时，频繁小额下单、退货多的客户会从 A 类掉出去；没有成本数据时，至少要扣除每单服务成本。
3）风险取决于集中在谁身上：批发商的 A 类是少数企业客户，失去一家就损失明显；超市的 A 类是上千个家庭，单个流失影响小，但整体流失难以察觉。
""", en="""
About 90 minutes: criteria and the card quiz 15, good and bad customers 10, ABC and the boundary rule 25 (with the
explorer and q1–q2), Lorenz and Gini 15 (q3), whale curve and Sherden 15 (q4), resources follow value and discussion 10.

Where students stumble: (1) reading ABC as "the top 20 % of customers are A" — use q1's typical mistake (3,037 = 70 % of
4,339) to start the discussion: A is defined by cumulative value, not by head count; (2) computing Gini on the order
lines (q3's common mistake, about 0.39 — the concentration of order values, not of customers); (3) reading `loss_share`
as the share of loss-making customers — it is the loss as a share of total profit; the share of customers is
`unprofitable_share`.

Answers to the discussion: 1) see `ch01.q6.solution()`: lower the cost to serve first, then reprice; a loss on a new
customer's first order is common, judge over the lifetime; fixed costs stay when customers go. 2) Ranked by profit,
customers with many small orders or many returns drop out of A; without cost data, at least subtract a cost per order.
3) The risk depends on who the value sits with: a wholesaler's A class is a few companies, losing one hurts at once; a
supermarket's A class is a thousand households, one loss hardly shows, but a drift of many goes unnoticed.
""")

ch.md(zh="""
## 小结

- 分类要服务于决策：价值标准决定投不投入，行为、人口统计、地理标准决定怎样投入。
- ABC 分类按累计价值占比切分；边界规则（`crossing` / `le`）必须写明。Online Retail：26% 的客户贡献 80% 的销售额。
- 基尼系数（Online Retail 0.716）衡量价值集中度，用于比较；利润有正负时用鲸鱼曲线。
- 鲸鱼曲线与 Sherden 80/20/30：部分客户在消耗其他客户创造的利润——资源要跟着价值走。
- 下一章：[02 客户关系类型与生命周期](02_relationship_lifecycle.ipynb)——客户从潜在到忠诚再到流失，每个阶段需要不同的经营方式。
""", en="""
## Recap

- Classification serves a decision: value criteria decide whether to invest, behaviour, demographics and geography how.
- ABC cuts the cumulative share of value; state the boundary rule (`crossing` / `le`). Online Retail: 26 % of the
  customers bring 80 % of sales.
- The Gini coefficient (Online Retail 0.716) measures concentration, for comparisons; with losses use the whale curve.
- The whale curve and Sherden's 80/20/30: some customers consume the profit others create — resources follow value.
- Next: [02 Relationship stages and lifecycle](02_relationship_lifecycle.ipynb) — from prospect to loyal customer to
  lost, each stage needs different management.
""")

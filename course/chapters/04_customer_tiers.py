"""Chapter 04 · Customer tiers 金钻/白银/铜/铁: the pyramid, thresholds, ABC vs pyramid, strategy, moving customers up."""
from helpers.teaching.authoring import Chapter

ch = Chapter("04_customer_tiers", setup_extra="""
from helpers.teaching.exercises import ch04, ____
from helpers.display import show
from helpers.data import load_online_retail
from helpers.data import load_demo
from helpers.rfm import rfm_table
from helpers.tiers import abc_classify, customer_pyramid, cross_classes, upgrade_candidates
from helpers.profitability import customer_profit
from helpers.plots import plot_pyramid
from helpers.teaching.widgets import TierExplorer
""")

ch.md(zh="""
# 第 4 章 · 客户分层：金钻·白银·铜·铁

第 1 章用 ABC 分类把客户分成三组，回答了“谁最有价值”。本章的**客户金字塔**把客户分成四层，
并为每一层规定服务标准：谁有专属客户经理，谁用自助渠道，谁值得推动升级，谁需要被“唤醒”。

**本章目标**
- 能按预设比例或课程（企业）给定的阈值划分客户层级；
- 能为每一层制定服务策略，并找出可以推动升级的客户。

**在课程中的位置**：第 2 天上午。前面学过 ABC（第 1 章）和 RFM（第 3 章）；本章的分层结果会用在
价值矩阵（第 5 章）和关怀回访计划（第 11 章）中。

| 小节 | 内容 |
|---|---|
| 1 | 客户金字塔：四个层级 |
| 2 | 分层阈值：预设比例、绝对门槛、按盈亏分层 |
| 3 | ABC 与金字塔的比较 |
| 4 | 各层策略 |
| 5 | 推动客户升级 |
""", en="""
# Chapter 4 · Customer tiers: diamond, silver, copper, iron

Chapter 1 split customers into three ABC classes to find out who matters most. The **customer pyramid** of this
chapter uses four tiers and sets a service standard for each: who gets a dedicated account manager, who is served
through self-service, who is worth pushing up, and who needs waking up.

**Objectives**
- tier customers by a preset or by the thresholds the course (or the company) gives;
- set a service strategy per tier and find the customers who can be moved up.

**Where this sits**: day 2, morning. ABC (chapter 1) and RFM (chapter 3) come before; the tiers feed the value
matrices (chapter 5) and the care and revisit plans (chapter 11).

| section | content |
|---|---|
| 1 | the customer pyramid: four tiers |
| 2 | tier thresholds: preset shares, absolute thresholds, profit and loss |
| 3 | ABC versus the pyramid |
| 4 | strategy per tier |
| 5 | moving customers up |
""")

ch.md(zh="""
## 1 · 客户金字塔

Zeithaml、Rust 和 Lemon（2001，《加州管理评论》）提出**客户金字塔**：按**盈利能力**从高到低把客户分成四层。
中文课程常用金属命名，本课程的对应关系是按层级顺序：

| 层级 | 英文原名 | 特征 | 经营重点 |
|---|---|---|---|
| **金钻客户** | Platinum | 利润最高；购买量大、对价格不太敏感、忠诚，愿意尝试新产品 | 全力保持：专属顾问、VIP 权益、礼品与关怀 |
| **白银客户** | Gold | 利润较高，但看重折扣、忠诚度较低，可能同时在多家采购 | 高频互动、增值服务，提高钱包份额，推动升入金钻 |
| **铜客户** | Iron | 提供销量、帮助企业利用产能，但消费、忠诚度和利润都不足以享受特殊待遇 | 标准化、高效率服务；用优惠和免费体验推动升级 |
| **铁客户** | Lead | 价值最低的一群，但仍有潜力——也包括登记过、却还没有下单的潜在客户 | **唤醒需求**：定期联系和回访，别让他们流失 |

**铁客户的两种读法。** 本课程按中文课程的本义理解铁客户：价值最低、但需求还没有被唤醒的客户，经营重点是低成本地保持联系、
定期回访、促成（再次）购买。Zeithaml 等人的论文对最底层（Lead）的定义更窄：**服务成本高于贡献、让企业亏钱**的客户。
后者是**分析师的细化**——有了成本数据，就能在铁层里认出那些亏损的客户（第 2 节“按盈亏分层”），对他们先算账、
再决定投入多少。两种读法并不矛盾：先唤醒，再用数据决定唤醒谁、花多少钱。

金字塔与 ABC 的出发点相同——客户价值差别很大；区别在于金字塔**层数更多**，而且通常**按客户人数比例**切分，
每一层的人数稳定，方便据此配置客户经理和服务预算。
""", en="""
## 1 · The customer pyramid

Zeithaml, Rust and Lemon (2001, *California Management Review*) proposed the **customer pyramid**: customers in four
tiers by **profitability**, highest first. Chinese courses name the tiers after metals — 金钻 (diamond), 白银 (silver),
铜 (copper), 铁 (iron); the English edition uses the paper's names, matched by rank, as the tables and charts do.
Mind the false friend: 铁 (iron) is the **Lead** tier, and the **Iron** tier is 铜.

| tier | course name | profile | focus |
|---|---|---|---|
| **Platinum** | 金钻 | most profitable; heavy users, not very price-sensitive, committed, try new offerings | keep them at all costs: a personal adviser, VIP benefits, gifts and care |
| **Gold** | 白银 | profitable, but want discounts, less loyal, may buy from several suppliers | frequent contact, added services, grow share of wallet, move them up |
| **Iron** | 铜 | bring volume and fill capacity, but spending, loyalty and profit do not earn special treatment | standard, efficient service; offers and free trials to move them up |
| **Lead** | 铁 | the lowest-value group, yet with potential — members who signed up but have not bought yet included | **wake up their needs**: regular contact and revisits, do not lose them |

**Two readings of the bottom tier.** The course reads 铁 as the Chinese courseware means it: the lowest-value
customers, whose needs have not been woken up yet; the focus is low-cost regular contact, revisits and a (next)
purchase. The paper defines its bottom tier, Lead, more narrowly: customers who **cost more to serve than they bring**.
That is an **analyst's refinement**: with cost data you can find the loss-makers inside the bottom tier (section 2,
"by profit and loss"), do the sums for them first and then decide how much to spend. The readings do not clash:
wake the tier up, and let the data decide whom to wake and at what cost.

The pyramid starts from the same fact as ABC — customers differ hugely in value. It has **more levels** and is usually
cut by **shares of customers**, so each tier has a stable head count to plan account managers and service budgets around.
""")

ch.md(zh="""
## 2 · 分层阈值

论文没有规定各层的比例，实践中有三种定阈值的方法（docs/methods.md §2.4）：

1. **预设比例**：按价值排序后，按人数切分。`cn_1_4_15_80` 是国内 CRM 实践常用的 1% / 4% / 15% / 80%；
   `20_30_30_20` 是另一种常见读法。
2. **绝对门槛**：企业或课程给定的金额，例如“累计消费满 8,000 元为金钻”。门槛一经给出就**优先于预设比例**。
3. **按盈亏分层**（`profit_sign`，分析师的细化）：利润为负的客户直接归入铁层，其余按 20% / 30% / 50% 切分——即论文中 Lead 层“让企业亏钱”的定义。

**并列规则**：价值相同的客户若正好落在分界线两侧，全部归入较高的一层，结果不受数据行顺序影响。

先用预设比例给 Online Retail 的 4,339 位客户分层：
""", en="""
## 2 · Tier thresholds

The paper fixes no shares; practice uses three ways to set the thresholds (docs/methods.md §2.4):

1. **preset shares**: rank by value, then cut by head count. `cn_1_4_15_80` — 1 % / 4 % / 15 % / 80 % — is common in
   Chinese CRM practice; `20_30_30_20` is another common reading.
2. **absolute thresholds** given by the company or the course, e.g. "8,000 yuan cumulative spend for Platinum". Given
   thresholds **override the preset shares**.
3. **by profit and loss** (`profit_sign`, the analyst's refinement): every customer with negative profit is Lead, the
   others split 20 % / 30 % / 50 % — the paper's definition of Lead as customers who cost money.

**Tie rule**: customers with equal value on both sides of a boundary all go to the higher tier, so the result does
not depend on the order of the rows.

First the preset shares on the 4,339 customers of Online Retail:
""")
ch.code("""
tx, report = load_online_retail()
sales = rfm_table(tx)["monetary"]
pyramid = customer_pyramid(sales, preset="cn_1_4_15_80")
""")
ch.checked("pyramid")
ch.code("plot_pyramid(pyramid);")

ch.md(zh="""
**怎么读？** 最上面 1% 的客户（44 位）贡献了 32.1% 的销售额，前 5%（金钻 + 白银）合计超过一半；
底层 80% 的客户只贡献四分之一。`thresholds` 中的 `min_value_*` 是实际进入每一层所需的最低销售额：
金钻约 19,789 英镑，白银约 5,837 英镑，铜约 2,056 英镑——可以直接写进销售团队的客户分级标准。

4,339 的 1% 是 43.39，金钻层却有 44 位：和 ABC 分类一样，跨过 1% 线的那位客户也进入金钻层（跨线规则）。练习 1 换一个预设用这条规则。
""", en="""
**How to read it.** The top 1 % (44 customers) bring 32.1 % of sales; the top 5 % (Platinum + Gold) more than half;
the bottom 80 % a quarter. The `min_value_*` entries of `thresholds` are the lowest sales that actually reached each
tier: about £19,789 for Platinum, £5,837 for Gold, £2,056 for Iron — numbers that can go straight into the sales
team's customer grading rules.

1 % of 4,339 is 43.39, yet the Platinum tier holds 44 customers: as in ABC, the customer who crosses the 1 % line is in
the tier too (the crossing rule). Exercise 1 applies the rule to another preset.
""")
ch.exercise("ch04", "q1")

ch.md(zh="""
### 绝对门槛：演示公司的会员等级

演示公司“悦家生活”按三年累计消费给会员定级：满 1,000 元为银卡、满 3,000 元为金卡、满 8,000 元为白金卡。
把这三个门槛作为 `breaks`（从高到低），每位下过单的会员所在的层级都与其会员等级一致：白金卡 = 金钻，金卡 = 白银，银卡 = 铜，普通会员 = 铁。
""", en="""
### Absolute thresholds: the demo company's member levels

The demo company 悦家生活 (Yuejia Living) grades members by cumulative spend over the three years: silver card from
1,000 yuan, gold from 3,000, platinum from 8,000. Passed as `breaks` (highest first), the three cut-offs put every
member who has ordered into the tier of their member level: platinum card = Platinum (金钻), gold card = Gold (白银), silver card = Iron (铜), regular = Lead (铁).
""")
ch.code("""
orders = load_demo("orders")
tiers_demo = customer_pyramid(rfm_table(orders)["monetary"], breaks=(8000, 3000, 1000))
""")
ch.checked("show(tiers_demo.summary()[['tier', 'customers', 'customer_share', 'value_share']])")

ch.md(zh="""
按绝对门槛分层时，各层人数不是固定比例，而是由客户的实际消费决定：演示公司的金钻层占 2.5% 的客户、27.1% 的销售额。
门槛固定的好处是客户能看懂、能追求（会员卡就是这样）；缺点是企业增长或涨价后，越来越多的客户会“自动”升级，
门槛需要定期复核。

### 铁层里还有谁：登记了却还没有下单的人

按本课程的理解，铁客户也包括**还没有消费过的潜在客户**——他们的需求还没有被唤醒。悦家生活的客户名单（CRM）有
3,000 人，其中 422 人登记过（潜在客户，或营销部门选定的目标客户），却从未下单。把他们的累计消费记为 0，和买过的客户一起分层：
""", en="""
With absolute thresholds the tier sizes are not fixed shares but follow what customers actually spend: the demo
company's Platinum tier is 2.5 % of customers with 27.1 % of sales. Fixed thresholds are easy for customers to
understand and aim for (that is how membership cards work); but as the company grows or raises prices, more and more
customers move up "by themselves", so the thresholds need a regular review.

### Who else is in the bottom tier: people who signed up but never bought

As this course reads it, the bottom tier (铁) also holds **prospects who have not bought yet** — their needs have
not been woken up. Yuejia Living's CRM list has 3,000 people; 422 of them signed up (prospects, or targets chosen by
marketing) but never ordered. Count their spend as 0 and tier them together with the buyers:
""")
ch.code("""
customers = load_demo("customers")
spend_all = rfm_table(orders)["monetary"].reindex(customers["customer_id"], fill_value=0)
tiers_crm = customer_pyramid(spend_all, breaks=(8000, 3000, 1000))
""")
ch.checked("from helpers.display import show\nshow(tiers_crm.summary()[['tier', 'customers', 'customer_share', 'value_share']], index=False)")

ch.md(zh="""
铁层从 1,917 位增加到 2,339 位，其中 422 位还一次都没有买过。对他们，“降低服务成本”无从谈起，要做的是**唤醒**：
首单体验礼、到店活动邀请、一次电话回访。第 2 章把这些人叫作潜在客户和目标客户。

### 分析师的细化：按盈亏分层

Zeithaml 等人的金字塔按**利润**分层。沿用第 1 章的利润估算（毛利率 35%、每单服务成本 25 元、每位客户 80 元），
用 `profit_sign` 预设：亏损客户全部归入铁层。
""", en="""
The bottom tier grows from 1,917 to 2,339 people, 422 of whom have never bought anything. "Cutting their cost to
serve" means nothing for them; what they need is **waking up**: a first-order gift, an invitation to a store event,
one follow-up call. Chapter 2 calls them prospects and targets.

### The analyst's refinement: tiers by profit and loss

Zeithaml and colleagues rank by **profit**. With chapter 1's profit estimate (35 % margin, 25 yuan per order,
80 yuan per customer) and the `profit_sign` preset, every loss-making customer is Lead (铁):
""")
ch.code("profit = customer_profit(orders, margin=0.35, cost_per_order=25, cost_per_customer=80)")
ch.checked("""
tiers_profit = customer_pyramid(profit["profit"], preset="profit_sign")
show(tiers_profit.summary()[['tier', 'customers', 'customer_share', 'value_share']])
""")

ch.md(zh="""
按利润分层，铁层占了 55.5% 的客户，合计亏掉相当于盈利总额 14.2% 的利润（价值占比为负数）；金钻层 8.9% 的客户
贡献了 71.1% 的利润。把两种分层按客户对照（行：按累计消费的会员门槛；列：按估算利润）：
""", en="""
By profit, the Lead tier holds 55.5 % of the customers and loses the equivalent of 14.2 % of the profit earned
(a negative value share); the Platinum tier's 8.9 % of customers earn 71.1 % of it. Match the two tierings customer
by customer (rows: the member-level thresholds on spend; columns: the profit estimate):
""")
ch.checked("cross_classes(tiers_demo, tiers_profit)")
ch.md(zh="""
按消费属于铁层的 1,917 位买过的客户里，有 1,412 位按估算是亏损的，505 位虽然买得少却仍然赚钱。于是铁层里有三种人，做法各不相同：

| 铁层里的人 | 演示公司人数 | 做法 |
|---|---|---|
| 还没有下过单（潜在、目标客户） | 422 | 唤醒：首单礼、活动邀请、一次回访 |
| 买得少但赚钱 | 505 | 唤醒并培养：定期联系、推荐互补商品，争取升入铜层 |
| 按估算亏损 | 1,412 | 唤醒要算账：用短信、社群等低成本方式联系，设包邮门槛、合并配送；多次沟通仍长期亏损的，只保留标准服务 |

只有第三种需要“降成本”的思路，这就是分析师细化的用处：它不改变铁客户的含义，而是告诉我们唤醒每一位铁客户最多值得花多少钱。
""", en="""
Of the 1,917 buyers in the bottom tier by spend, 1,412 lose money by the estimate and 505 still make a profit although
they buy little. So the bottom tier holds three kinds of people, each needing something different:

| who is in the bottom tier | demo company | what to do |
|---|---|---|
| never ordered (prospects, targets) | 422 | wake them up: a first-order gift, an event invitation, one follow-up call |
| buy little but are profitable | 505 | wake up and develop: regular contact, complementary products, aim for the copper (Iron) tier |
| loss-making by the estimate | 1,412 | wake up, but do the sums: low-cost channels (text messages, member groups), a free-delivery threshold, combined shipping; where talks fail and the loss persists, standard service only |

Only the third group calls for "cutting the cost to serve" — that is what the analyst's refinement is for: it does not
change what the bottom tier means, it tells us how much waking up each of its customers is worth.
""")

ch.md(zh="""
## 3 · ABC 与金字塔的比较

两种方法用同一个排序，只是切法不同：ABC 按**累计价值占比**切（各类人数随集中程度变化），金字塔按**人数占比**或门槛切
（各层人数固定，价值占比随数据变化）。仍用 `cross_classes` 按客户编号把两种分类对照起来：
""", en="""
## 3 · ABC versus the pyramid

Both methods use the same ranking and differ only in where they cut: ABC cuts the **cumulative share of value** (class
sizes follow how concentrated value is), the pyramid cuts **shares of customers** or thresholds (tier sizes fixed,
value shares follow the data). `cross_classes` again matches the two classifications customer by customer:
""")
ch.checked("""
abc = abc_classify(sales)
show(cross_classes(abc, pyramid))
""")

ch.md(zh="""
金钻、白银和铜三层的 868 位客户全部属于 A 类，A 类还剩 262 位落在铁层；B、C 类客户全部是铁客户。
也就是说，1/4/15/80 的金字塔把 ABC 的 A 类**细分**成了四档，而对 B、C 类不做区分。

| | ABC 分类 | 客户金字塔 |
|---|---|---|
| 切分依据 | 累计价值占比（80% / 95%） | 客户人数占比或绝对门槛 |
| 层数 | 3 | 4 |
| 稳定的是 | 各类的价值占比 | 各层的人数（或门槛） |
| 适合 | 库存式的重点管理：先抓关键少数 | 分级服务与会员体系：每层有明确的服务标准和升级路径 |
| 典型数据 | 销售额 | 利润（有成本数据时）或销售额 |
""", en="""
All 868 customers of the Platinum, Gold and Iron tiers are in class A; the other 262 A customers are Lead, and all
B and C customers are Lead. The 1/4/15/80 pyramid **refines** class A into four grades and does not separate B from C.

| | ABC classes | customer pyramid |
|---|---|---|
| cut on | cumulative share of value (80 % / 95 %) | share of customers, or absolute thresholds |
| levels | 3 | 4 |
| what stays fixed | each class's share of value | each tier's head count (or threshold) |
| suits | focus management: the vital few first | tiered service and membership: a service standard and an upgrade path per tier |
| typical data | sales | profit (with cost data) or sales |
""")

ch.md(zh="""
**讲解器**：切换分级方法和预设，观察各层人数和价值占比如何变化。练习 3 要用它来回答。
""", en="""
**Explorer**: switch the method and the preset and watch tier sizes and value shares change. Exercise 3 uses it.
""")
ch.code("explorer = TierExplorer(sales)\nexplorer")
ch.exercise("ch04", "q3")

ch.md(zh="""
## 4 · 各层策略

分层的价值在于**每一层有不同的服务标准**。下面是各层策略的要点（来自课程的标签目录，切换语言即切换文字）：
""", en="""
## 4 · Strategy per tier

Tiers pay off only when **each tier gets a different service standard**. The strategy of each tier (from the course's
label catalogue, in the active language):
""")
ch.code("show(pyramid.summary()[['label', 'strategy']])")

ch.md(zh="""
把策略落到可执行的服务标准上，例如：

| | 金钻 | 白银 | 铜 | 铁 |
|---|---|---|---|---|
| 服务负责人 | 专属客户经理（私人顾问） | 客户经理小组 | 客服中心 | 客服中心 + 自助渠道 |
| 主动联系 | 每月，重要节日拜访 | 每季度，高频互动 | 活动提醒 | 定期低成本联系（短信、社群、新品与活动提醒），购后回访 |
| 投诉响应 | 2 小时内 | 24 小时内 | 24 小时内 | 24 小时内（标准流程） |
| 优惠 | 新品优先、专属活动、VIP 礼品 | 积分加倍、增值服务、满额礼 | 常规促销、免费体验 | 首单礼、试用装、唤醒活动；估算亏损者不额外让利 |

注意：铁客户是**有待唤醒**的客户，不是要甩掉的客户。对他们投入的是低成本的联系，而不是专人服务；
只有按成本数据确认长期亏损、多次沟通后仍无改善的客户，才考虑调整价格或服务方式（分析师的细化）。第 11 章会按层级生成回访计划。
""", en="""
Turn the strategies into service standards you can run, for example:

| | Platinum | Gold | Iron | Lead |
|---|---|---|---|---|
| who serves | dedicated account manager (personal adviser) | account team | service centre | service centre and self-service |
| proactive contact | monthly, visits at festivals | quarterly, frequent contact | campaign reminders | regular low-cost contact (text messages, member groups, news of products and events), a call after a purchase |
| complaint response | within 2 hours | within 24 hours | within 24 hours | within 24 hours (standard process) |
| offers | first access, exclusive events, VIP gifts | double points, added services, spend-based gifts | regular promotions, free trials | first-order gift, samples, wake-up campaigns; no extra discounts for estimated loss-makers |

Note: the bottom tier (铁) holds customers **to be woken up**, not customers to get rid of. What they get is low-cost
contact rather than personal service; only customers whom cost data show to lose money for a long time, after several
talks, have their prices or service changed (the analyst's refinement). Chapter 11 builds revisit plans per tier.
""")

ch.exercise("ch04", "q4")

ch.md(zh="""
## 5 · 推动客户升级

金字塔不是静态的。Zeithaml 等人强调的核心策略是**让客户向上移动**：把铜客户培养成白银，把白银客户培养成金钻；
同时防止高层客户下滑。最容易升级的是离上一层门槛**只差一点**的客户。`upgrade_candidates` 列出与上一层门槛差距在
`within_share` 比例以内的客户，`gap` 就是还差多少：
""", en="""
## 5 · Moving customers up

The pyramid is not static. The core strategy Zeithaml and colleagues stress is **moving customers up**: Iron into
Gold, Gold into Platinum — and keeping the top tiers from sliding down. The easiest to move are those **just below**
the next tier's threshold. `upgrade_candidates` lists customers whose gap to the next tier is within a share `within_share`
of its entry value; `gap` is how much is missing:
""")
ch.code("""
candidates = upgrade_candidates(tiers_demo, within_share=0.2)
show(candidates.head(8))
""")
ch.checked("show(candidates['next_tier'].value_counts().rename('customers'))")

ch.md(zh="""
演示公司有 206 位客户离上一层只差不到 20%，其中 30 位有望升入金钻层。周一可以做的事：

- 给差距小的客户发个性化提醒：“再消费 150 元即可升级金卡，享受……”；
- 为白银客户推荐互补品类（交叉销售），提高钱包份额；
- 对金钻层中**消费在下降**的客户设预警（结合第 3 章的 R 值和第 10 章的流失预警），防止下滑。

升级活动的效果要用**对照组**检验：随机留出一部分候选客户不发提醒，比较两组的升级率，否则无法区分“活动带来的升级”和“本来就会发生的升级”。
""", en="""
206 demo customers are less than 20 % below the next tier, 30 of them within reach of Platinum. What to do on Monday:

- send the customers with a small gap a personal reminder: "spend 150 yuan more to reach the gold card and enjoy …";
- offer Gold customers complementary categories (cross-selling) to grow share of wallet;
- flag Platinum customers whose **spending is falling** (with chapter 3's recency and chapter 10's churn alerts) before
  they slide down.

Test the campaign with a **control group**: hold back a random part of the candidates, then compare upgrade rates —
otherwise you cannot tell upgrades the campaign caused from those that would have happened anyway.
""")
ch.exercise("ch04", "q2")

ch.md(zh="""
## 讨论

1. 客户应该知道自己属于哪一层吗？公开的会员等级和只供内部使用的分层各有什么利弊？
2. 按销售额分层和按利润分层，哪些客户的层级会变化最大？对你的企业，哪一种更合适？
3. 铁客户占了多数。如果只能做一件事来唤醒铁层客户，你会做什么？哪些铁客户不值得花钱去唤醒，你怎么知道？
""", en="""
## Discussion

1. Should customers know their tier? What are the pros and cons of visible member levels and of internal-only tiers?
2. Which customers change tier most between tiers by sales and tiers by profit? Which fits your company better?
3. The bottom tier (铁) is the majority. If you could do one thing to wake it up, what would it be? Which of its
   customers are not worth spending on, and how would you know?
""")
ch.code("ch04.q5.check()\n# ch04.q5.hint()\n# ch04.q5.solution()")

ch.trainer(zh="""
约 100 分钟：金字塔四层与铁客户的两种读法 12 分钟，预设比例与 q1 15 分钟，绝对门槛、铁层里的潜在客户与按盈亏分层 23 分钟，ABC 与金字塔比较及讲解器（q3）15 分钟，
各层策略与卡片练习（q4）15 分钟，推动升级（q2）10 分钟，讨论 10 分钟。

学员常见困难：① 金字塔层数多，学员容易把中文的“白银/铜/铁”和英文原名 Gold/Iron/Lead 对错——本课程按层级顺序对应，
金钻 = Platinum，白银 = Gold，铜 = Iron，铁 = Lead；② q1 常答 867（= 20% × 4,339 向下取整）：跨线规则把跨过 20% 线的第 868 位客户也算入金钻，
保证金钻层至少占 20%；③ q2 忘记把 10% 写成 within_share=0.1（得到 20% 的 206）；④ 按盈亏分层时把负的价值占比当成错误——它表示铁层合计亏损；
⑤ 把铁客户当成“要放弃的客户”——本课程按中文课程的本义，铁客户是价值最低、有待唤醒的客户（包括还没下单的潜在客户）；
论文中 Lead 层“让企业亏钱”的定义是分析师的细化，用来决定唤醒谁、花多少钱，而不是放弃谁。卡片练习里的 4、6 两张（唤醒需求、首单体验礼）都是铁层。

讨论参考答案：1）见 `ch04.q5.solution()`：公开等级给客户升级目标，但降级会引起不满、门槛需长期稳定；内部分层可按利润灵活调整。
常见做法是按消费额公开会员等级，再按利润和潜力在内部分层。2）频繁小额下单、退货多、折扣大的客户按利润会明显下降；
单价高、下单次数少的客户会上升。有可靠成本数据时按利润，否则按销售额并扣除每单服务成本。3）例如给从未下单的会员发首单体验礼，
给买得少的客户定期推送新品与活动并在购后回访——联系方式用短信、社群等低成本渠道。不值得花钱唤醒的，是按成本数据长期亏损、
多次沟通后仍无改善的客户：对他们设包邮门槛、合并配送，只保留标准服务（分析师的细化）。
""", en="""
About 100 minutes: the four tiers and the two readings of the bottom tier 12, preset shares and q1 15, absolute
thresholds, the prospects in the bottom tier and tiers by profit 23, ABC versus
the pyramid with the explorer (q3) 15, strategy per tier and the card quiz (q4) 15, moving customers up (q2) 10,
discussion 10.

Where students stumble: (1) with four tiers, students mix up the metal names and the original Gold / Iron / Lead —
the course maps them by rank: 金钻 (diamond) = Platinum, 白银 (silver) = Gold, 铜 (copper) = Iron, 铁 (iron) = Lead;
(2) q1 is often answered 867 (20 % of 4,339 rounded down): the crossing rule puts the 868th customer, who crosses the
20 % line, into Platinum, so the tier holds at least 20 %; (3) q2 without turning 10 % into within_share=0.1 (giving 206 for 20 %);
(4) reading the negative value share of the profit-based Lead tier as an error — it is the tier's total loss;
(5) treating the bottom tier (铁) as customers to drop — the course follows the Chinese courseware: the lowest-value
customers, prospects who have not bought yet included, to be woken up; the paper's "Lead = loses money" is the
analyst's refinement that decides whom to wake up and at what cost, not whom to drop. Cards 4 and 6 of the quiz
(waking up needs, a first-order gift) are both 铁.

Answers to the discussion: 1) see `ch04.q5.solution()`: visible tiers give customers a goal, but downgrades upset and
thresholds must stay stable; internal tiers can follow profit freely. A common practice is public member levels by
spend plus internal tiers by profit and potential. 2) Customers with many small orders, many returns or deep discounts
fall most by profit; customers with few but large orders rise. Use profit when cost data are reliable, otherwise
sales minus a cost per order. 3) For example a first-order gift for members who never bought, and regular news of
products and events plus a call after each purchase for those who buy little — through low-cost channels (text
messages, member groups). Not worth the money are customers whom cost data show to lose money for a long time, with no
change after several talks: a free-delivery threshold, combined shipping, standard service only (the analyst's refinement).
""")

ch.md(zh="""
## 小结

- 客户金字塔按盈利能力分四层：金钻（Platinum）、白银（Gold）、铜（Iron）、铁（Lead）。
- 铁客户是价值最低、有待唤醒的客户，也包括还没下单的潜在客户：定期联系、回访，别让他们流失；按盈亏分层（论文的 Lead：让企业亏钱）
  是分析师的细化，决定唤醒谁、花多少钱。
- 阈值有三种定法：预设比例（1/4/15/80、20/30/30/20）、绝对门槛（优先于预设）、按盈亏分层；价值相同的边界客户归入较高层。
- ABC 按累计价值切分，金字塔按人数或门槛切分；在 Online Retail 上，1/4/15/80 金字塔把 A 类细分成四档。
- 每层要有可执行的服务标准；升级候选名单（与上一层的差距）是推动客户向上移动的起点。
- 下一章：[05 客户价值矩阵与目标客户选择](05_value_matrices.ipynb)——在当前价值之外，再加上客户的潜在价值。
""", en="""
## Recap

- The customer pyramid ranks by profitability in four tiers: Platinum (金钻), Gold (白银), Iron (铜), Lead (铁).
- The bottom tier (铁) holds the lowest-value customers, to be woken up — prospects who have not bought yet included:
  regular contact, revisits, do not lose them. Tiers by profit and loss (the paper's Lead: customers who lose money)
  are the analyst's refinement that decides whom to wake up and at what cost.
- Three ways to set thresholds: preset shares (1/4/15/80, 20/30/30/20), absolute thresholds (which override presets),
  profit and loss; customers with equal value on a boundary go to the higher tier.
- ABC cuts cumulative value, the pyramid cuts head counts or thresholds; on Online Retail the 1/4/15/80 pyramid refines
  class A into four grades.
- Every tier needs a service standard you can run; the upgrade list (gap to the next tier) is where moving customers up starts.
- Next: [05 Value matrices and target selection](05_value_matrices.ipynb) — adding customers' potential value to their current value.
""")

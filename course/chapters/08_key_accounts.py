"""Chapter 08 · Key account management: weighted scoring, account types, buying-centre coverage, defection."""
from helpers.teaching.authoring import Chapter

ch = Chapter("08_key_accounts", setup_extra="""
from helpers.teaching.exercises import ch08, ____
from helpers.display import show
from helpers.data import load_demo
from helpers.accounts import key_account_scores, account_types, buying_centre_coverage
from helpers.plots import plot_key_account_scores, plot_buying_centre
from helpers.teaching.cases import distributor_accounts
""")

ch.md(zh="""
# 第 8 章 · 大客户管理

前几章按交易数据给成千上万的个人客户分类。本章换一个视角：**企业客户（B2B）**。悦家生活除了门店和网店，
还为 40 家企业提供节日福利和员工礼品（团购业务）。这 40 家客户规模悬殊，有的一年采购近八百万元，有的不到二十万元；
公司只有几位客户经理，不可能对每家都同样投入。

**本章目标**
- 能用**加权评分**识别大客户，并说明权重如何改变名单；
- 能找出**采购中心**的覆盖缺口：谁在决策、谁在影响、我们和谁失去了联系。

**在课程中的位置**：第 4、5 章讲了“资源跟着价值走”，第 7 章讲了如何与不同性格的人沟通；本章把两者用在最值钱的少数客户身上。
下一章开始测量满意度。
""", en="""
# Chapter 8 · Key account management

Earlier chapters classified thousands of individual customers from their transactions. This chapter turns to
**business clients (B2B)**. Besides its stores and online shops, 悦家生活 (Yuejia Living) supplies holiday gifts
and staff benefits to 40 companies (corporate gifting). These clients differ enormously — one buys almost
8 million yuan a year, another less than 200 thousand — and the company has only a few account managers.
It cannot serve every client with the same effort.

**Objectives of this chapter**
- identify key accounts by **weighted scoring** and explain how the weights change the list;
- find gaps in **buying-centre coverage**: who decides, who influences, whom we have lost touch with.

**Where it sits in the course**: chapters 4 and 5 argued that resources follow value; chapter 7 showed how to talk
to different personalities. This chapter applies both to the few clients worth the most. The next chapter
measures satisfaction.
""")

ch.md(zh="""
## 1. 什么是大客户

**大客户**（key account，也叫关键客户、重点客户）不是“买得最多的客户”的同义词，而是**失去它会伤筋动骨、
经营好它能带来长期增长**的客户。判断一家企业客户是否是大客户，常用四类标准：

| 维度 | 指标（本章数据中的列） | 回答的问题 |
|---|---|---|
| 当前价值 | 年采购额 `annual_revenue`、毛利率 `gross_margin` | 它现在给我们带来多少收入和利润？ |
| 成长潜力 | 采购额增长率 `revenue_growth`、钱包份额 `share_of_wallet` | 它明年会更大吗？我们还有多少份额可争？ |
| 战略价值 | 战略契合度 `strategic_fit`（1–5）、推荐价值 `referral_value`（1–5） | 它能带来新行业、新客户或口碑吗？ |
| 关系 | 合作年限 `years_as_customer` | 关系有多深、多稳？ |

**周一要做的决定**：哪几家客户配专职客户经理、写年度客户计划、安排高层互访？这些资源很贵——一位客户经理
通常只能深度经营 5–10 家客户。选错了，最该守住的客户没人管，精力却耗在“看起来大”的客户上。
""", en="""
## 1. What is a key account

A **key account** is not simply "the client that buys most". It is a client **whose loss would really hurt and
whose development brings long-term growth**. Four groups of criteria are common:

| dimension | measure (column in this chapter's data) | question it answers |
|---|---|---|
| current value | annual revenue `annual_revenue`, gross margin `gross_margin` | how much revenue and profit does it bring today? |
| potential | revenue growth `revenue_growth`, share of wallet `share_of_wallet` | will it be bigger next year? how much share is left to win? |
| strategic value | strategic fit `strategic_fit` (1–5), referral value `referral_value` (1–5) | does it open a new industry, bring new clients or reputation? |
| relationship | years as a customer `years_as_customer` | how deep and stable is the relationship? |

**The decision on Monday**: which clients get a dedicated account manager, a yearly account plan and
senior-level visits? These resources are expensive — one account manager can work 5–10 accounts in depth.
Pick the wrong ones and the clients we most need to keep are left alone while effort goes to clients that
merely *look* big.
""")

ch.code("accounts = load_demo('key_accounts')\nshow(accounts.head())")
ch.md(zh="""
先看集中度：按采购额排在前 8 位（前 20%）的客户占了多少采购额？
""", en="""
First, concentration: what share of revenue comes from the top 8 clients by revenue (the top 20 %)?
""")
ch.checked("top8 = accounts.nlargest(8, 'annual_revenue')\nshow({'revenue_share': top8['annual_revenue'].sum() / accounts['annual_revenue'].sum()})")
ch.md(zh="""
前 20% 的客户贡献了近六成的采购额——典型的帕累托分布（第 1 章）。但采购额只是四类标准之一。
""", en="""
The top 20 % of clients bring almost 60 % of revenue — a typical Pareto pattern (chapter 1). But revenue is only one
of the four groups of criteria.
""")

ch.md(zh="""
## 2. 加权评分识别大客户

**单一标准**最简单：按采购额排序，取前 8 家。`key_account_scores` 把每个指标换算成 0–1 的分数，
乘以权重后相加，再换算成 0–100 分；`n_top=8` 表示取得分最高的 8 家为大客户（与第 8 名同分的也算）。
""", en="""
## 2. Weighted scoring

A **single criterion** is simplest: sort by revenue and take the top 8. `key_account_scores` turns every measure
into a 0–1 score, multiplies by the weights, adds up and rescales to 0–100; `n_top=8` makes the 8 best accounts key
accounts (accounts tied with the 8th are included).
""")
ch.code("by_revenue = key_account_scores(accounts, {'annual_revenue': 1}, n_top=8)\n"
        "show(by_revenue.table.head(8)[['annual_revenue', 'score', 'rank']], decimals=1)")

ch.md(zh="""
**加权评分**（多准则加权求和）把几类标准放在一起：

1. **归一化**：每个指标换算到 0–1，$x' = (x - x_{\\min}) / (x_{\\max} - x_{\\min})$；
   “越低越好”的指标（如服务成本）取 $1 - x'$。这样“元”和“1–5 分”才能相加。
2. **加权求和**：$\\text{得分} = 100 \\times \\sum_k w_k x'_k$，权重 $w_k$ 之和为 1（传入的权重会自动按比例换算）。
3. **排序取前 N 名**（`n_top=8`）或前一定比例（`top_share=0.2`），或者设一个分数线（`breaks=60`）。

权重是管理层的选择，不是数学结论：它写明了公司**更看重什么**。下面的权重偏重当前价值（采购额 35%、毛利 15%），
同时给成长（15%）和战略价值（契合度 20%、推荐价值 15%）留出一半。（方法：多准则决策中的简单加权法，Hwang & Yoon 1981《Multiple Attribute Decision Making》；见 docs/methods.md §2.9。）
""", en="""
**Weighted scoring** (a weighted-sum multi-criteria score) puts the criteria together:

1. **Normalise**: every measure to 0–1, $x' = (x - x_{\\min}) / (x_{\\max} - x_{\\min})$; for "lower is better"
   measures (such as cost to serve) use $1 - x'$. Only then can yuan and 1–5 ratings be added.
2. **Weight and add**: $\\text{score} = 100 \\times \\sum_k w_k x'_k$ with weights $w_k$ summing to 1 (the weights
   you pass are rescaled).
3. **Rank and take the top N** (`n_top=8`) or a top share (`top_share=0.2`), or set a cut-off score (`breaks=60`).

The weights are a management choice, not a mathematical result: they state what the company **values**. The
weights below lean on current value (revenue 35 %, margin 15 %) and leave half to growth (15 %) and strategic
value (fit 20 %, referral 15 %). (Method: simple additive weighting from multi-criteria decision making, Hwang & Yoon 1981, *Multiple Attribute
Decision Making*; docs/methods.md §2.9.)
""")
ch.code("weights = {'annual_revenue': 0.35, 'gross_margin': 0.15, 'revenue_growth': 0.15,\n"
        "           'strategic_fit': 0.2, 'referral_value': 0.15}\n"
        "scores = key_account_scores(accounts, weights, n_top=8)")
ch.checked("show(scores.table.head(10)[['score', 'rank', 'segment']], decimals=1)")
ch.code("plot_key_account_scores(scores);")
ch.md(zh="""
**怎么读这张图**：橙色是 8 家大客户，虚线是入选的最低分。注意第 8 名和第 9 名只差两分多——
名单边缘的客户要看具体情况，不要机械地“一刀切”。

对比两份名单：采购额第一的 KA19 两份名单都在；但采购额排第 4 的 KA28（493 万元）在加权评分中只排第 27——
毛利率全场最低（15.8%）、战略契合度只有 1 分；而采购额只有 48 万元的 KA12 因为增长快、战略契合、推荐价值高而入选。
""", en="""
**How to read the chart**: orange bars are the 8 key accounts, the dashed line is the lowest score that made it.
The 8th and the 9th account are only about two points apart — look closely at accounts near the line rather than
cutting mechanically.

Compare the two lists: KA19, the largest buyer, is on both. But KA28, 4th by revenue (4.93 million), ranks only 27th
by weighted score — the lowest gross margin of all (15.8 %) and a strategic fit of 1 — while KA12 (only 480 thousand)
makes the list for its growth, strategic fit and referral value.
""")
ch.exercise("ch08", "q1")
ch.md(zh="""
**小心归一化的陷阱**：最小–最大归一化对极端值很敏感。KA19 一年采购 787 万元，其他客户大多不到 200 万，
于是大多数客户的采购额得分都挤在 0–0.25 之间，采购额的 35% 权重实际上只在少数几家之间起作用。
遇到这种长尾分布，可以先取对数、或改用排名再归一化——这也是一种管理选择，要写进评分说明。
""", en="""
**Beware of the normalisation trap**: min–max scaling is sensitive to extremes. KA19 buys 7.87 million a year while
most clients buy under 2 million, so most revenue scores crowd into 0–0.25 and the 35 % revenue weight really
separates only a handful of accounts. With such a long tail, take logarithms or ranks before scaling — also a
management choice, and one to write into the scoring rules.
""")

ch.md(zh="""
## 3. 大客户类型：垄断型、选择型、密集型

课程按**分销方式**把大客户分成三类——也就是企业在一个市场（区域）里通过大客户卖货的方式：

| 类型 | 分销方式 | 特征 | 经营重点 |
|---|---|---|---|
| **垄断型** | 独家包销：这个区域只通过这一家经销 | 双方相互依赖：它的销量就是我们在该区域的销量；它的议价能力强 | 共同制定年度计划，保证供货、保护区域，定期评估业绩 |
| **选择型** | 选择关键经销商：在区域里挑几家，它是其中之一 | 几家经销商彼此竞争，也都可能同时经营竞争品牌 | 用促销支持、培训和公平的区域规则争取它优先推我们；按业绩扶持最好的 |
| **密集型** | 大范围覆盖渠道：区域里经销商众多，它是销量较大的一家 | 单家的分量小，渠道之间容易窜货、打价格战 | 统一价格与政策，标准化的支持计划，精力集中在最大的几家 |

类型由**合作安排**决定，写在合同里。数据能告诉我们的，是这家客户**实际上**是否像它的类型那样运作。
本课程用**钱包份额**（我们在它同品类采购中的份额）作为可计算的指标：独家经销商理应几乎只进我们的货（份额高），
选择型经销商在少数几个品牌之间分配（份额中等），密集渠道里的一家门店经营很多品牌（份额低）。

### 案例：悦家生活自有品牌的经销商

悦家生活的自有品牌（生活用纸、零食）在 8 个没有门店的城市通过经销商销售：兰州、昆明是独家包销，南宁、太原、济南各选了几家关键经销商，
福州、南昌、石家庄则广泛铺货。下表是每家经销商的分销方式、该市我方经销商数、经营的品牌数、年采购额和我们的钱包份额：
""", en="""
## 3. Account types: exclusive-dealer, selective, intensive

The course sorts key accounts into three types — 垄断型, 选择型, 密集型 — by **distribution**, that is, by how a
supplier sells through key accounts in a market (a territory):

| type | distribution | what it means | focus |
|---|---|---|---|
| **exclusive-dealer (垄断型)** | exclusive dealing: the territory is served through this one distributor | mutual dependence: its sales are our sales there; it has strong bargaining power | plan the year together, secure supply, protect its territory, review performance regularly |
| **selective (选择型)** | selected key distributors: a few chosen in the territory, it is one of them | the few compete with each other and may carry rival brands too | win priority with promotion support, training and fair territory rules; back the best by results |
| **intensive (密集型)** | wide channel coverage: many outlets in the territory, it is one of the larger ones | each one weighs little; grey-market selling and price wars between outlets are easy | uniform prices and terms, standard support programmes, focus on the largest outlets |

The type is set by the **arrangement**, written into the contract. What data can tell us is whether an account
**actually** behaves like its type. The course uses **share of wallet** (our share of its purchases in our category)
as the computed indicator: an exclusive dealer should buy almost only from us (high share), a selected distributor
splits among a few brands (medium share), an outlet in an intensive network carries many brands (low share).

### Case: Yuejia Living's own-label distributors

Yuejia Living's own label (household paper, snacks) is sold through distributors in 8 cities without a store:
exclusive dealing in Lanzhou and Kunming, a few selected key distributors in Nanning, Taiyuan and Jinan, wide
coverage in Fuzhou, Nanchang and Shijiazhuang. The table gives each distributor's arrangement, the number of our
distributors in its city, the brands it carries, its yearly purchases from us and our share of wallet:
""")
ch.code("from helpers.display import show\ndealers = distributor_accounts()\nshow(dealers, index=False)")
ch.md(zh="""
`account_types` 按 `distribution` 列给出类型（定义），同时按钱包份额给出指标读法（默认分界：≥ 60% 垄断型，30%–60% 选择型，< 30% 密集型），
并标出两者是否一致：
""", en="""
`account_types` takes the type from the `distribution` column (the definition), adds the indicator's reading from
share of wallet (default cuts: ≥ 60 % exclusive-dealer, 30–60 % selective, < 30 % intensive) and flags whether the
two agree:
""")
ch.checked("dealer_types = account_types(dealers, distribution_col='distribution')\n"
           "show(dealer_types.table[['share_of_wallet', 'account_type', 'wallet_type', 'agrees']])")
ch.exercise("ch08", "q5")
ch.md(zh="""
**怎么读？** 不一致的地方就是要去了解的地方：

- **D02（昆明）**签的是独家包销，我们的份额却只有 46%，它经营着 3 个品牌——很可能在暗中销售竞争品牌。要回到合同：独家的权利与义务是否对等？
- **D04（太原）**是选择型经销商之一，却有 68% 的采购给了我们——它对我们依赖很深，可以考虑升级为独家，也要防范我们在该区域过度依赖一家。
- **D08（石家庄）**在密集渠道中份额 36%，高于同类——是渠道里的“领头羊”，值得重点支持。
""", en="""
**How to read it.** Where the two disagree, go and find out why:

- **D02 (Kunming)** signed exclusive dealing, yet our share is only 46 % and it carries 3 brands — it is probably
  selling rival brands on the quiet. Back to the contract: are the rights and duties of exclusivity balanced?
- **D04 (Taiyuan)** is one of several selected distributors but gives us 68 % of its purchases — it depends on us
  heavily: a candidate for exclusivity, and a warning not to lean on one distributor too much in that city.
- **D08 (Shijiazhuang)** has 36 % in an intensive network, above its peers — the leading outlet, worth extra support.
""")

ch.exercise("ch08", "q6")

ch.md(zh="""
### 企业礼品客户：只有指标，没有分销方式

悦家生活的 40 家礼品团购客户是**最终用户**，不是经销商，分销方式的定义用不到它们身上。但钱包份额仍然告诉我们自己在客户那里的地位：
不给 `distribution_col` 时，`account_types` 只按钱包份额给出读法——份额 ≥ 60% 的客户像“独家”（我们是主要供应商），
30%–60% 的像“几家之一”，< 30% 的像“众多之一”。如果你所在企业有自己的分界，用 `breaks=` 调整。
""", en="""
### Corporate-gifting clients: an indicator, no arrangement

Yuejia Living's 40 corporate-gifting clients are **end users**, not distributors, so the distribution definition does
not apply to them. Share of wallet still tells us our position with each: without `distribution_col`,
`account_types` reads the type from share of wallet alone — a share ≥ 60 % looks like "exclusive" (we are the main
supplier), 30–60 % like "one of a few", < 30 % like "one of many". Move the cuts with `breaks=` if your company uses
others.
""")
ch.code("types = account_types(accounts)\ntypes")
ch.checked("key_ids = scores.table.query(\"segment == 'acc_key'\").index\n"
           "show(types.table.loc[types.table.index.isin(key_ids), ['share_of_wallet', 'account_type']])")
ch.md(zh="""
按钱包份额读，8 家大客户里只有 KA10 像垄断型；KA19（采购额第一）钱包份额仅 28%，像密集型——它在别家花的钱是在我们这里的两倍多，
这正是最大的增长空间，也说明它随时可以把更多订单转给竞争对手。
""", en="""
Read by share of wallet, only KA10 of the 8 key accounts looks like an exclusive account. KA19, the largest buyer,
gives us only 28 % of its gifting budget — it looks intensive: it spends more than twice as much elsewhere, which is
our biggest growth opportunity and also shows how easily it could move more orders to a competitor.
""")

ch.md(zh="""
**想一想**：如果对三类大客户都用同一套服务标准（同样的拜访频率、同样的折扣政策），会发生什么？先和邻座讨论，再运行下面的单元格看参考思路。
""", en="""
**Think**: what happens if all three account types get the same service standard (same visit rhythm, same discount
policy)? Discuss with your neighbour first, then run the cell below for a model answer.
""")
ch.code("ch08.discuss_types.check()\n# ch08.discuss_types.solution()")

ch.md(zh="""
## 4. 采购中心：谁在做购买决定

企业购买不是一个人的决定。**采购中心**（buying centre，Webster & Wind 1972；Bonoma 1982 补充了发起者）
是参与一次购买决策的所有人，按角色划分：

| 角色 | 在礼品团购中的典型人物 | 他们关心什么 |
|---|---|---|
| 发起者 | 提出“今年中秋要发礼品”的行政或人事经理 | 按时、不出错 |
| 使用者 | 收到礼品的员工（员工代表） | 礼品实用、体面 |
| 影响者 | 工会主席、市场部经理 | 员工满意、品牌形象 |
| 决策者 | 人力资源总监、总经理 | 预算、效果、风险 |
| 采购者 | 采购经理 | 价格、付款条件、合同 |
| 把关者 | 前台、助理 | 控制哪些信息和供应商能接触到决策者 |
| 批准者 | 财务总监、CEO | 预算审批 |

**覆盖**（coverage）指采购中心的每个角色都有我们**近期（默认 90 天内）**联系过的人。课程的五个核心角色是使用者、影响者、
决策者、采购者、把关者。`buying_centre_coverage` 还计算**支持度指数** = Σ 影响力（1–5）× 态度（−2 反对 … +2 支持），
并标出两种**决策风险**：没有及时联系到决策者；决策者态度为负。
""", en="""
## 4. The buying centre: who makes the buying decision

A company does not buy through one person. The **buying centre** (Webster & Wind 1972; Bonoma 1982 added the
initiator) is everyone involved in a purchase decision, by role:

| role | typical person in corporate gifting | what they care about |
|---|---|---|
| initiator | the admin or HR manager who says "we give Mid-Autumn gifts this year" | on time, no mistakes |
| user | the employees who receive the gifts (employee representative) | useful, decent gifts |
| influencer | union chair, marketing manager | staff satisfaction, brand image |
| decider | HR director, general manager | budget, effect, risk |
| buyer | procurement manager | price, payment terms, contract |
| gatekeeper | receptionist, assistant | which information and suppliers reach the decider |
| approver | finance director, CEO | budget approval |

**Coverage** means every role has someone we contacted **recently (within 90 days by default)**. The course's five
core roles are user, influencer, decider, buyer and gatekeeper. `buying_centre_coverage` also computes a **support
index** = Σ influence (1–5) × attitude (−2 opponent … +2 supporter) and flags two **decision risks**: no timely
contact with a decider, and a decider with a negative attitude.
""")
ch.code("stakeholders = load_demo('stakeholders')\n"
        "show(stakeholders[['account_id', 'person', 'title', 'role', 'influence', 'attitude', 'last_contact']].head(7))")
ch.code("coverage = buying_centre_coverage(stakeholders, as_of='2026-01-01')")
ch.checked("coverage")
ch.md(zh="""
40 家客户里只有 9 家五个角色都联系到了。我们最关心大客户——只看那 8 家：
""", en="""
Only 9 of the 40 accounts have all five roles covered. Key accounts matter most — look at the 8 of them:
""")
ch.code("key_cov = buying_centre_coverage(stakeholders[stakeholders['account_id'].isin(key_ids)], as_of='2026-01-01')\n"
        "plot_buying_centre(key_cov);")
ch.checked("show(key_cov.table[['coverage', 'missing_roles', 'support_index', 'status']])")
ch.md(zh="""
**怎么读**：绿色 = 近 90 天联系过；橙色 = 有这个角色的人，但已很久没联系；灰色 = 我们根本不认识担任这个角色的人。
括号里是支持度指数。

**周一的行动清单**：
- **KA03**（天成酒店，综合得分第 3）：我们认识采购经理和财务总监，却**不认识决策者**——最危险的“单线联系”。先通过发起者（人事经理）
  争取一次与决策者的会面。
- **KA19**（采购额第一）：决策者有人，但超过 90 天没联系——安排高层拜访。
- **KA10、KA12**：决策者态度为负——先弄清顾虑（价格？上次交付？），不要急着推新品。
- 支持度指数低不等于没希望：它告诉我们该把哪些“反对者”转成“中立者”。
""", en="""
**How to read it**: green = contacted in the last 90 days; orange = we know someone in the role but have not
talked to them for too long; grey = we do not know anyone in the role. The support index is in brackets.

**Monday's action list**:
- **KA03** (Tiancheng Hotel, 3rd by score): we know the procurement manager and the finance director but **nobody
  who decides** — the most dangerous "single-threaded" relationship. Use the initiator (HR manager) to get a
  meeting with the decider.
- **KA19** (largest buyer): there is a decider, but more than 90 days without contact — arrange a senior visit.
- **KA10, KA12**: the decider's attitude is negative — find out why (price? the last delivery?) before pitching anything new.
- A low support index is not a lost cause: it shows which opponents to turn into neutrals.
""")
ch.exercise("ch08", "q2")

ch.exercise("ch08", "q3")
ch.exercise("ch08", "q4")

ch.md(zh="""
## 5. 大客户为什么会流失，怎样预防

大客户很少因为一次失误离开，通常是几个信号叠加，而这些信号在数据里早就看得到：

| 流失原因 | 数据中的早期信号 | 预防 |
|---|---|---|
| 单线联系：只认识一个人，他离职或调岗 | 覆盖率低、决策者“无人” | 多线联系：每个核心角色至少一人，高层对高层 |
| 决策层换人，新领导有自己的供应商 | 决策者久未联系 | 人事变动后 30 天内拜访新决策者 |
| 反对者在影响决策 | 支持度指数为负、决策者态度为负 | 找出顾虑，逐个转化反对者 |
| 服务失误后没人跟进 | 投诉、交付延误（第 12 章） | 投诉结案回访、季度业务回顾 |
| 竞争对手低价切入 | 钱包份额下降、采购额负增长 | 用价值而不是降价应对；提前续约 |
| 我们自满（“反正离不开我们”） | 垄断型客户的联系频率下降 | 把垄断型客户当作随时会招标的客户经营 |

**案例**：读一读 [大客户流失案例](../../course/cases/key_account_defection.zh.md)——悦家生活如何在一家连续合作九年的酒店集团身上
丢掉了中秋订单，以及事后回看时数据里早已出现的信号。
""", en="""
## 5. Why key accounts defect, and what prevents it

Key accounts rarely leave over one mistake. Usually several signals pile up, and the data shows them early:

| reason for defection | early signal in the data | prevention |
|---|---|---|
| single-threaded: we know one person, who leaves or moves | low coverage, "nobody" as decider | multi-thread: at least one person per core role, senior to senior |
| new management brings its own suppliers | decider not contacted for long | visit a new decider within 30 days of the change |
| opponents sway the decision | negative support index or negative decider | find the concerns, turn opponents one by one |
| a service failure nobody followed up | complaints, late deliveries (chapter 12) | revisit after a complaint closes, quarterly business reviews |
| a competitor enters on price | falling share of wallet, negative growth | answer with value, not discounts; renew early |
| complacency ("they can't do without us") | fewer contacts with exclusive-dealer accounts | run an exclusive-dealer account as if it could go to tender any day |

**Case study**: read [the key-account defection case](../../course/cases/key_account_defection.en.md) — how
悦家生活 lost the Mid-Autumn order of a hotel group it had served for nine years, and the signals that were in the
data all along.
""")

ch.md(zh="""
### 检查表：留住大客户的九项做法

面向经销商类大客户，课程列出九项常用做法。把它当作检查表，逐项问“我们对这家客户做到了没有”：

| # | 做法 | 对谁最要紧 |
|---|---|---|
| 1 | **优先供货**：旺季和紧俏商品先保证大客户 | 垄断型、选择型 |
| 2 | **调动客户的一线人员**：培训、激励它的店员和推销员，让他们愿意推我们的产品 | 全部 |
| 3 | **新品先在大客户处试销**，听取反馈再铺开 | 垄断型、选择型 |
| 4 | **关注并支持客户自己的促销和公关活动**，及时派人、给物料 | 全部 |
| 5 | **高层定期拜访**：我方领导与对方领导直接见面 | 垄断型 |
| 6 | **和每家大客户一起设计促销方案**，而不是发统一的活动通知 | 垄断型、选择型 |
| 7 | **定期征求客户对我方销售人员的意见**，不合适就及时调整 | 全部 |
| 8 | **适当的奖励政策**：按业绩返利、年度奖励，规则透明 | 选择型、密集型 |
| 9 | **每年召开一次大客户座谈会**：通报计划、听取意见、表彰优秀 | 全部 |

**课堂练习（10 分钟，三人一组）**：读完上面的流失案例，用这张检查表给悦家生活对天成酒店的做法打勾——做到了几项？
缺的哪一项最可能保住中秋订单？（天成酒店是最终用户而不是经销商，第 1、3、8 项要换成对应的做法：如节前优先备货、新礼品方案先请它试用。）
""", en="""
### Checklist: nine ways to keep key accounts

For key accounts that are distributors, the course lists nine common practices. Use them as a checklist and ask,
item by item, "do we do this for this account?":

| # | practice | matters most for |
|---|---|---|
| 1 | **priority supply**: key accounts first in peak season and for scarce goods | exclusive, selective |
| 2 | **engage the account's front line**: train and reward its shop staff and sales reps so they want to sell our products | all |
| 3 | **trial new products with key accounts first**, and listen before the wide launch | exclusive, selective |
| 4 | **follow and support the account's own promotions and events**, with people and material in time | all |
| 5 | **regular senior visits**: our managers meet theirs in person | exclusive |
| 6 | **design promotions together with each key account**, instead of sending one campaign notice to all | exclusive, selective |
| 7 | **ask the account regularly about our sales staff**, and change who serves it when needed | all |
| 8 | **a fitting reward policy**: rebates by results, yearly awards, transparent rules | selective, intensive |
| 9 | **a yearly key-account meeting**: share plans, hear opinions, honour the best | all |

**In class (10 minutes, groups of three)**: after reading the defection case above, tick the checklist for what
Yuejia Living did with Tiancheng Hotel — how many items did it do? Which missing one would most likely have saved the
Mid-Autumn order? (Tiancheng is an end user, not a distributor: read items 1, 3 and 8 as their equivalents — stock
reserved before the festival, new gift ideas offered to it first.)
""")

ch.md(zh="""
## 讨论

1. 你会给采购额、毛利、增长、战略契合度、推荐价值分别多大的权重？和邻座比较：你们的大客户名单差几家？
2. 三类大客户（垄断型、选择型、密集型）分别最容易因为什么原因流失？服务标准应该怎样区别对待？
3. 案例中，哪一个信号本可以最早发出警报？谁应该对它负责？
""", en="""
## Discussion

1. What weights would you give revenue, margin, growth, strategic fit and referral value? Compare with your
   neighbour: how many key accounts differ between your lists?
2. Why is each of the three account types (exclusive-dealer, selective, intensive) most likely to defect? How
   should the service standard differ?
3. In the case, which signal could have raised the alarm first? Who should have owned it?
""")
ch.trainer(zh="""
约 105 分钟：什么是大客户 10 分钟；加权评分与 q1 25 分钟（让学员先各自写权重，再运行比较）；大客户类型（定义、经销商案例、q5–q6）15 分钟；
采购中心与覆盖、q2–q4 25 分钟（先做角色卡片测验，再看覆盖图）；流失原因与案例 15 分钟；九项做法检查表 10 分钟；讨论 5 分钟。
学员常见困难：把职位高低当成角色（总经理不一定是决策者，前台也可能很关键）；以为权重必须“算出来”——强调权重是管理选择；
忘记只看大客户（q2 把 40 家的 17 家都算进去）；按钱包份额给大客户定类型——类型由合同里的分销方式决定（q6 的 T4 份额只有 40%，
仍是垄断型），钱包份额只是检查它是否像这个类型的指标；q5 只找了独家经销商里的不一致（D02），漏掉 D04、D08。
讨论 1：名单通常差 2–4 家，分歧集中在“采购额大但增长为负”和“采购额小但战略价值高”的客户上，这正是需要管理层拍板的地方。
讨论 2：垄断型（独家经销商）——我们自满、对方暗中经营竞品或被竞争对手用更优厚的独家条件挖走；选择型——竞争品牌给出更好的条件、
区域划分不公让它觉得吃亏；密集型——窜货和价格战、我们关注不够。服务标准按类型与潜力区别对待（见 `ch08.discuss_types.solution()`）。
九项做法检查表：案例中悦家生活只做到了第 4 项的一部分和第 7 项的一半（和采购经理常通电话）；最可能保住订单的是第 5 项（高层拜访新总经理和人力资源总监）
和第 6 项（和客户一起设计“员工自选礼品”这样的方案）。
讨论 3：决策者“无人”的覆盖缺口最早出现（新总经理到任后半年无人拜访）；应由客户经理负责，并在季度客户评审中由销售总监检查。
""", en="""
About 105 minutes: what a key account is 10; weighted scoring and q1 25 (let students write their own weights first,
then compare); account types (definition, the distributor case, q5–q6) 15; buying centre and coverage with q2–q4 25
(do the role cards first, then read the coverage chart); defection and the case 15; the nine-practice checklist 10;
discussion 5.
Where students stumble: taking seniority for the role (the general manager is not always the decider, a
receptionist can matter a lot); thinking weights must be "calculated" — stress that they are a management choice;
forgetting to restrict q2 to the key accounts (17 of all 40 are at risk); typing an account by its share of wallet —
the type follows the distribution arrangement in the contract (T4 in q6 has only 40 % and is still exclusive), share
of wallet only checks whether it behaves like its type; in q5 finding only the exclusive mismatch (D02) and missing
D04 and D08.
Discussion 1: lists usually differ by 2–4 accounts, all among "big but shrinking" and "small but strategic"
clients — exactly where management has to decide.
Discussion 2: exclusive dealer (垄断型) — our complacency, the dealer quietly adding rival brands or being lured away
by a rival's better exclusive terms; selective — a rival brand's better terms, or a territory split the distributor
feels is unfair; intensive — grey-market selling and price wars, too little attention. Differentiate service by type
and potential (see `ch08.discuss_types.solution()`).
The nine-practice checklist: in the case Yuejia Living did part of item 4 and half of item 7 (frequent calls with the
procurement manager); items 5 (a senior visit to the new general manager and HR director) and 6 (designing an offer
such as staff-choice gifts together with the client) would most likely have saved the order.
Discussion 3: the coverage gap (no decider known) appeared first — half a year with no visit to the new general
manager; the account manager owns it, and the sales director should check it in the quarterly account review.
""")

ch.md(zh="""
## 小结

- 大客户看四类标准：当前价值、成长潜力、战略价值、关系；加权评分把它们合成一个可比较的分数，权重是管理选择。
- 只看采购额会选错：本例中两份名单只有 3 家相同。
- 大客户类型按分销方式定义：垄断型（独家包销）、选择型（选择关键经销商）、密集型（大范围覆盖渠道）；钱包份额是检查它是否像这个类型的指标，
  不一致之处要追问原因。
- 采购中心的每个核心角色都要有人近期联系；决策者无人或态度为负是最大的流失风险。
- 下一章：[09 客户满意度测评](09_measuring_satisfaction.ipynb)——客户对我们满意吗？怎样测量才可靠？
""", en="""
## Recap

- Key accounts are judged on current value, potential, strategic value and relationship; a weighted score combines
  them into one comparable number, and the weights are a management choice.
- Revenue alone picks the wrong list: here the two lists share only 3 accounts.
- Account types follow the distribution arrangement: exclusive dealing (垄断型), selected key distributors (选择型),
  wide channel coverage (密集型); share of wallet is the indicator that checks whether an account behaves like its
  type — find out why where it does not.
- Every core role of the buying centre needs a recent contact; no known decider, or a negative one, is the biggest
  defection risk.
- Next: [09 Measuring satisfaction](09_measuring_satisfaction.ipynb) — are clients satisfied with us, and how do we
  measure it reliably?
""")

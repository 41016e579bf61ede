"""Chapter 10 · Loyalty and churn prevention: attitude loyalty, satisfaction–loyalty zones, cohort
retention, at-risk and win-back lists, loyalty programmes."""
from helpers.teaching.authoring import Chapter

ch = Chapter("10_loyalty_churn", setup_extra="""
import pandas as pd
from helpers.teaching.exercises import ch10, ____
from helpers.display import show
from helpers.data import load_online_retail
from helpers.data import load_demo
from helpers.loyalty import attitude_loyalty
from helpers.satisfaction import loyalty_zone
from helpers.matrices import apostle_model
from helpers.cohorts import cohort_retention
from helpers.lifecycle import at_risk_list, win_back_list
from helpers.plots import plot_cohort_retention, plot_value_matrix
""")

ch.md(zh="""
# 第 10 章 · 客户忠诚与流失预防

获得一位新客户的成本，通常是留住一位老客户的好几倍；而老客户买得更多、推荐更多、服务成本更低。
所以客户关系管理的核心问题之一是：**谁是真正忠诚的客户？谁正在悄悄离开？该在什么时候、用什么方式把他们留住？**

**本章目标**
- 能读懂**同期群留存表**：每一批新客户在之后的每个月还剩多少；
- 能生成**流失预警名单**和**挽回名单**，并为名单上的客户选择合适的行动。

我们还会区分**行为忠诚**（一直在买）和**态度忠诚**（真心偏爱），看满意度与忠诚度的关系，最后讨论忠诚计划该怎样设计。

**在课程中的位置**：第 2 章从交易数据判定了关系状态（流失预警、流失、挽回），第 9 章测量了满意度；
本章把两者连起来，落到具体的名单和行动上。第 11 章安排关怀与回访。
""", en="""
# Chapter 10 · Loyalty and churn prevention

Winning a new customer usually costs several times as much as keeping an existing one, and existing customers buy
more, recommend more and cost less to serve. So a core question of customer management is: **who is truly loyal,
who is quietly leaving, and when and how do we keep them?**

**Objectives of this chapter**
- read a **cohort retention table**: how many of each batch of new customers are still buying month after month;
- produce **at-risk** and **win-back lists** and choose the right action for the customers on them.

Along the way we separate **behavioural loyalty** (keeps buying) from **attitudinal loyalty** (truly prefers us),
look at how satisfaction relates to loyalty, and discuss how to design a loyalty programme.

**Where it sits**: chapter 2 derived relationship states (at risk, lost, reactivated) from transactions and chapter 9
measured satisfaction; this chapter joins the two and turns them into lists and actions. Chapter 11 plans care
and revisits.
""")

ch.md(zh="""
## 1 按态度划分忠诚：忠诚、品牌转移、无品牌忠诚

只看“买了几次”，会把两种完全不同的客户混在一起：一种是真心偏爱我们，另一种只是因为便宜、方便或没有别的选择。
要看态度，一个实用的办法是看客户在**整个品类**里的购买是怎样分配的：

- **忠诚顾客**：第一品牌占该客户品类购买的比例（SCR，share of category requirements）≥ 70%；
- **品牌转移顾客**：SCR < 70%，但最多 3 个品牌就覆盖了 ≥ 90% 的购买——在少数几个品牌之间来回切换；
- **无品牌忠诚顾客**：其他所有人——哪个便宜、哪个有促销就买哪个。

70% 和 90% 是本课程的默认值，不是统一标准，可以按品类调整。悦家生活的品牌追踪样本记录了 300 位客户在“生活用纸”这一品类中每次购买的品牌：
""", en="""
## 1 Loyalty by attitude: loyal, shifting, no brand loyalty

Counting purchases alone lumps together two very different customers: one who truly prefers us, and one who buys
because we are cheap, near or the only choice. A practical window on attitude is how a customer splits purchases
across the **whole category**:

- **brand loyal**: the top brand's share of the customer's category purchases (SCR, share of category
  requirements) is ≥ 70%;
- **shifting (split loyal)**: SCR < 70%, but at most 3 brands cover ≥ 90% of purchases — moving among a few brands;
- **switcher (no brand loyalty)**: everyone else — buys whatever is cheap or on promotion.

70% and 90% are the course's defaults, not a standard, and can be set per category. Yuejia Living's brand panel
records the brand of every purchase of 300 customers in one category, household paper:
""")
ch.code("""
choices = load_demo("brand_choices")
loyalty = attitude_loyalty(choices)
""")
ch.checked("loyalty")
ch.code("show(loyalty.table.groupby('attitude').head(2))")
ch.md(zh="""
**怎么读？** 44% 的样本客户是某个品牌的忠诚顾客，38% 在几个品牌之间转移，18% 没有品牌忠诚。
`top_share` 是第一品牌的份额，`top_k_cover` 是前 3 个品牌的合计份额。周一可以做的事：

- 对**忠诚顾客**，重点是防止竞争品牌挖角——会员权益、个性化关怀；
- 对**品牌转移顾客**，要弄清他们在什么情况下转向对手（缺货？促销？），争取更大的钱包份额；
- 对**无品牌忠诚顾客**，靠有吸引力的价格获取即可，不必投入昂贵的关系营销。

那么，我们自有品牌“悦家”的忠诚顾客有多少？按第一品牌统计忠诚顾客：
""", en="""
**How to read it.** 44% of the panel are loyal to one brand, 38% shift among a few and 18% have no brand loyalty.
`top_share` is the top brand's share, `top_k_cover` the share of the top 3 brands. What to do on Monday:

- for **brand-loyal** customers, keep competitors out — member benefits, personal care;
- for **shifting** customers, learn when they switch to a rival (out of stock? a promotion?) and win a bigger
  share of wallet;
- **switchers** can be won with attractive prices; expensive relationship marketing is wasted on them.

How many loyal customers does our own label, Yuejia, have? Loyal customers by their top brand:
""")
ch.checked("show(loyalty.table.query(\"attitude == 'brand_loyal'\")['top_brand'].value_counts().sort_index().rename('customers'))")
ch.md(zh="""
131 位忠诚顾客分散在六个品牌之间，自有品牌只占 23 位，与竞争品牌相差无几——自有品牌还没有建立起明显的偏爱。
""", en="""
The 131 loyal customers are spread over all six brands; our own label holds only 23 of them, no more than its
rivals — it has not yet built a clear preference.
""")

ch.md(zh="""
### 忠诚顾客里的“率先使用者”

忠诚顾客里有一小群人特别值得认出来：**率先使用者**——新品一上市就来试、愿意给意见、还会讲给别人听的人。
他们是新品试销、征求意见和口碑传播最好的起点（第 4 章金钻客户“愿意尝试新产品”说的就是他们）。
认出他们的办法：看谁在新品上市后最早购买、谁参加过试用活动、谁在问卷里留下了具体的建议。
""", en="""
### The early adopters among loyal customers

Among loyal customers, one small group deserves to be recognised: **early adopters** — the people who try a new
product as soon as it appears, are happy to give their view, and tell others. They are the best starting point for
test launches, feedback and word of mouth (chapter 4's Platinum customers who "try new offerings" are them).
To recognise them, look at who bought new products first after launch, who joined trials, and who left concrete
suggestions in surveys.
""")
ch.exercise("ch10", "q5")

ch.md(zh="""
## 2 满意度与忠诚度：满意的客户也会流失

Jones 与 Sasser（1995，《哈佛商业评论》“Why Satisfied Customers Defect”）发现，满意度和忠诚度之间**不是直线关系**：

- **背离区**（满意度 1–2 分）：客户会离开，甚至四处传播负面口碑；
- **冷漠区**（3–4 分）：“还算满意”的客户，一有更好的选择就会转走；
- **情感区**（5 分）：只有“非常满意”——超出期望、被**感动**——的客户才真正忠诚，并主动推荐（“传道者”）。

施乐公司的经典发现：打 5 分的客户再购买的可能性是打 4 分客户的 6 倍。用悦家生活的满意度问卷（400 位客户）验证一下——
先去掉漏答了满意度或忠诚度题目的问卷，再按 CSAT 划分区域：
""", en="""
## 2 Satisfaction and loyalty: satisfied customers leave too

Jones and Sasser (1995, HBR, "Why Satisfied Customers Defect") found that satisfaction and loyalty are **not
related by a straight line**:

- **zone of defection** (satisfaction 1–2): customers leave and may spread bad word of mouth;
- **zone of indifference** (3–4): "quite satisfied" customers switch as soon as something better appears;
- **zone of affection** (5): only "completely satisfied" customers — whose expectations were exceeded, who were
  **moved** (感动) — are truly loyal and recommend us ("apostles").

Xerox's classic finding: customers who gave 5 were six times as likely to buy again as those who gave 4. Let us
test it on Yuejia Living's satisfaction survey (400 customers): first drop the questionnaires that skipped the
satisfaction or loyalty items, then place respondents in zones by CSAT:
""")
ch.code("""
LOYALTY_ITEMS = ["loy_repurchase", "loy_recommend", "loy_first_choice", "loy_more_purchases"]
survey = load_demo("survey").dropna(subset=["csat", *LOYALTY_ITEMS])
zones = loyalty_zone(survey["csat"])
zones
""")
ch.md(zh="""
各区域客户的平均忠诚意向（1–5 分：会再次购买、会推荐、首选悦家、会买得更多）。区域表沿用问卷的行索引，
所以可以直接按它对答卷分组：
""", en="""
Mean loyalty intentions per zone (1–5 agreement: will buy again, will recommend, Yuejia is my first choice,
will buy more). The zones keep the survey's row index, so they group the answers directly:
""")
ch.checked("show(survey.groupby(zones.classes)[LOYALTY_ITEMS].mean())")
ch.md(zh="""
再看“一定会再次购买”（再购意向 = 5）的比例随 CSAT 的变化——每一行是一个满意度分数，每一列是再购意向的分布：
""", en="""
And the share who "will certainly buy again" (repurchase intention = 5) by CSAT — each row is a satisfaction score,
each column a repurchase-intention answer:
""")
ch.checked("answers = pd.crosstab(survey['csat'], survey['loy_repurchase'], normalize='index')\nshow(answers, share_cols=answers.columns)")
ch.md(zh="""
打 5 分的客户中 63% 表示一定会再次购买，打 4 分的只有 22%——差了将近 3 倍。**“满意”和“非常满意”之间的距离，
就是忠诚与流失之间的距离。** 管理含义：满意度报告不能只看“满意率”（4 分和 5 分合计），要单独盯住 5 分的比例；
冷漠区的客户是提升空间最大的一群。

### 传道者模型：满意 × 忠诚

把满意度和忠诚意向放在一个 2×2 矩阵里（都以 4 分为界，达到 4 分算“高”），得到 Jones 与 Sasser 的四类客户：
""", en="""
63% of those who gave 5 will certainly buy again, against only 22% of those who gave 4 — nearly three times as
many. **The distance between "satisfied" and "completely satisfied" is the distance between loyalty and churn.**
For management: a satisfaction report must not stop at the "satisfied" share (4 and 5 together) but track the
share of 5s; the zone of indifference is where the most can be gained.

### The apostle model: satisfaction × loyalty

Put satisfaction and loyalty intentions into a 2×2 matrix (both split at 4, which counts as high) and you get
Jones and Sasser's four types:
""")
ch.code("""
apostles = apostle_model(survey, satisfaction_col="csat", loyalty_col=LOYALTY_ITEMS, breaks=4)
show(apostles.summary()[["cell", "customers", "share", "strategy"]])
""")
ch.code("plot_value_matrix(apostles);")
ch.md(zh="""
34% 是**传道者**（满意又忠诚），30% 是**唯利是图者**——满意，但忠诚意向不高，很容易被对手的优惠吸引走；
34% 是**背叛者**。只有 7 位**囚禁者**（不满意却离不开），这在竞争充分的零售业很正常；在电信、公用事业等转换成本高的行业，
这一类会多得多，而且一旦有了选择就会集中流失。
""", en="""
34% are **apostles** (satisfied and loyal) and 30% **mercenaries** — satisfied but with weak loyalty intentions, easily
lured by a rival's offer; 34% are **defectors**. Only 7 are **hostages** (unhappy but unable to leave), as expected
in competitive retail; in telecoms or utilities, where switching is costly, this group is much larger and leaves
in a body as soon as it has a choice.
""")

ch.md(zh="""
## 3 同期群留存：每一批新客户还剩多少

把客户按**首次购买的月份**分成同期群（cohort），看每个同期群在之后第 k 个月还有多少比例在购买：

留存率(c, k) = 同期群 c 中在第 c + k 个月购买过的人数 ÷ 同期群 c 的人数（k = 0 时为 100%）。

这是判断“留存是在变好还是变坏”的标准工具：把不同时期获得的客户放在同一起跑线上比较。
在线零售数据的最后一个月（2011 年 12 月）只有 9 天，如果把它算进来，最后一列看起来像是留存骤降——所以分析截止到最后一个完整月份 2011-11-30：
""", en="""
## 3 Cohort retention: how many of each batch of new customers remain

Group customers into cohorts by the **month of their first purchase** and follow what share of each cohort buys
in the k-th month after:

retention(c, k) = customers of cohort c who bought in month c + k ÷ customers in cohort c (100% at k = 0).

This is the standard tool to tell whether retention is improving or getting worse: customers won at different
times start from the same line. Online Retail's last month (December 2011) has only 9 days; left in, the last
column would look like a collapse in retention — so the analysis stops at the last complete month, 2011-11-30:
""")
ch.code("""
tx, report = load_online_retail()
cohorts = cohort_retention(tx, as_of="2011-11-30", period="M")
plot_cohort_retention(cohorts);
""")
ch.checked("show(cohorts.rates.iloc[:4, :7], share_cols=cohorts.rates.columns)")
ch.md(zh="""
**怎么读？**
- **按行读**：一个同期群的生命历程。2010 年 12 月的同期群（其中很多是数据开始之前就已在购买的老客户）每个月都有 32–40% 回来购买（2011 年 11 月达到 50%），明显高于之后的各批。
- **按列读**：同一“年龄”的不同同期群。k = 1 这一列（首购后第 1 个月）2011 年各批大多只有 15–24%：**大多数新客户买一次就不再来了**，
  首单后的第一个月是最关键的跟进期。
- **对角线**：同一个日历月份。2011 年 11 月（每行最右边的格子）各同期群的留存普遍偏高——圣诞旺季让老客户回来了，这是季节，不是留存改善。

同期群表衡量的是“某个月是否购买”，所以一个客户可以在第 1 个月不买、第 3 个月又回来。`unbounded=True` 改为计算“第 k 个月**或之后**还有购买”的比例，
更接近“还没有流失”的含义。
""", en="""
**How to read it**
- **Along a row**: one cohort's life. The December 2010 cohort (many of them customers who had bought before the data
  starts) comes back at 32–40% every month (50% in November 2011), clearly above all later cohorts.
- **Down a column**: cohorts at the same age. In the k = 1 column (the month after the first purchase) most 2011
  cohorts show only 15–24%: **most new customers buy once and never return**, so the first month after the first
  order is the time to follow up.
- **Along a diagonal**: the same calendar month. November 2011 (the rightmost cell of every row) is high for most
  cohorts — the Christmas season brought customers back; that is seasonality, not better retention.

The table measures "bought in that month", so a customer may skip month 1 and return in month 3. `unbounded=True`
counts customers who buy in month k **or later** instead, closer to "not yet lost".
""")

ch.md(zh="""
## 4 流失预警名单：基于沉默期

第 2 章的规则把 91–180 天没有购买的客户判为**流失预警**。光有名单还不够，客服的时间有限，要决定**先打给谁、用什么方式**。
`at_risk_list` 给出按价值排序的行动名单：

- **专人电话挽留**（`save_call`）：累计消费进入全部客户前 25% 的预警客户；
- **个性化提醒**（`reminder`）：其他预警客户，用短信、邮件或 App 推送，成本低；
- **挽回优惠**（`win_back_offer`）：刚刚越过流失线（流失不超过 90 天）的客户，趁记忆还在尽快联系。
""", en="""
## 4 At-risk lists from inactivity

Chapter 2's rules call customers who have not bought for 91–180 days **at risk**. A list is not enough: the service
team's time is limited, so we must decide **whom to call first and how**. `at_risk_list` gives an action list
sorted by value:

- **personal call** (`save_call`): at-risk customers whose total spend is in the top 25% of all customers;
- **personal reminder** (`reminder`): the other at-risk customers, by text message, e-mail or app push — cheap;
- **win-back offer** (`win_back_offer`): customers who have just crossed the churn line (lost for at most 90 days),
  contacted while they still remember us.
""")
ch.code("""
at_risk = at_risk_list(tx)
show(at_risk.head(8).drop(columns="action_text"))
""")
ch.checked("show(at_risk['action'].value_counts().rename('customers'))")
ch.checked("show(at_risk.attrs)   # 分析日与高价值门槛（累计消费的 75% 分位数） / analysis date and the high-value cut (75th percentile of spend)")
ch.md(zh="""
1,062 位客户上了名单，但只有 64 位值得专人打电话——高价值客户本来就很少进入预警（他们买得勤）。
周一的分工：64 位交给客户经理逐一电话联系，524 位由营销系统自动发送提醒，474 位刚流失的客户发放挽回优惠。
名单顶部那些累计消费数万英镑、已经沉默半年的客户，值得管理层亲自过问：他们为什么不来了？
""", en="""
1,062 customers are on the list, but only 64 deserve a personal call — valuable customers rarely become at risk
(they buy often). Monday's split of work: account managers call the 64 one by one, the marketing system sends the
524 reminders, and the 474 just-lost customers get a win-back offer. The customers at the top of the list, with
tens of thousands of pounds spent and half a year of silence, deserve management's personal attention: why did
they stop?
""")

ch.md(zh="""
## 5 挽回：挽回谁、不挽回谁

挽回已经流失的客户比预防流失难得多（第 2 章：悦家生活一个季度有 246 位预警客户流失，只挽回了 28 位），所以挽回资源要集中在**值得挽回**的客户身上：
过去价值高、流失原因可以解决的客户。`win_back_list` 列出累计消费进入全部客户前 25% 的流失客户（挽回优惠），以及最近被挽回的客户（欢迎回归、安排回访——
刚回来的客户最容易再次流失）。悦家生活在 2026-01-01 的挽回名单：
""", en="""
## 5 Win-back: whom to win back, and whom not

Winning back lost customers is much harder than preventing churn (chapter 2: in one quarter 246 of Yuejia Living's
at-risk customers were lost and only 28 won back), so win-back resources belong with customers **worth winning
back**: valuable in the past, with a reason for leaving we can fix. `win_back_list` lists the lost customers whose
total spend is in the top 25% of all customers (win-back offer) and the recently reactivated (welcome back and follow up — customers
who just came back are the likeliest to leave again). Yuejia Living's win-back list on 2026-01-01:
""")
ch.code("""
orders = load_demo("orders")
win_back = win_back_list(orders, "2026-01-01")
show(win_back.head(8).drop(columns="action_text"))
""")
ch.checked("show(win_back.groupby('action')['revenue'].agg(customers='size', revenue='sum'), currency=win_back.attrs['currency'])")
ch.md(zh="""
1,473 位流失客户中只有 167 位进入挽回名单：其余的人过去贡献很小，发一张优惠券的成本可能都收不回来。
挽回之前先问一句“为什么走”：如果是投诉没有处理好（第 12 章），先解决问题再谈优惠；如果是搬家或不再需要，就不必挽回。
""", en="""
Of 1,473 lost customers only 167 make the win-back list: the others contributed so little that even a coupon may
not pay for itself. Before winning anyone back, ask why they left: if a complaint went badly (chapter 12), fix the
problem before offering a discount; if they moved away or no longer need us, let them go.
""")

ch.md(zh="""
## 6 忠诚计划

忠诚计划（会员积分、等级会员、付费会员、联盟积分）是最常见的保留工具，但也是最容易“花钱买不来忠诚”的工具。设计时要回答：

1. **奖励谁？** 奖励应跟着客户价值走（第 4 章的客户分层）：悦家生活按累计消费把会员分为普通、银卡（≥ 1,000 元）、金卡（≥ 3,000 元）、白金（≥ 8,000 元）。
2. **奖励什么行为？** 奖励我们想要的行为——再次购买、扩展品类、推荐新客户、填写评价——而不只是“花钱”。
3. **给什么奖励？** 折扣容易被对手复制，只会吸引无品牌忠诚顾客；专属服务、优先权、体验和认同感更难复制，能培养态度忠诚。
4. **怎样证明有效？** 忠诚计划的会员本来就是买得多的人（Dowling 与 Uncles 1997，“Do Customer Loyalty Programs Really Work?”）。
   要用对照组或上线前后的同期群比较来衡量：计划让留存率提高了多少，而不是“会员比非会员买得多”。

把本章的工具连起来：态度分类告诉你奖励对谁有意义，满意度区域告诉你先修复服务还是先奖励，同期群留存衡量计划的效果，
预警和挽回名单则是每周要执行的行动。
""", en="""
## 6 Loyalty programmes

Loyalty programmes (points, tiered membership, paid membership, coalition schemes) are the most common retention
tool — and the easiest way to spend money without buying loyalty. Design questions:

1. **Whom to reward?** Rewards follow customer value (chapter 4's tiers): Yuejia Living ranks members by total
   spend as regular, silver (≥ ¥1,000), gold (≥ ¥3,000) and platinum (≥ ¥8,000).
2. **Which behaviour?** Reward what we want — buying again, trying new categories, referring friends, writing
   reviews — not just spending.
3. **Which rewards?** Discounts are easy to copy and attract switchers; dedicated service, priority, experiences
   and recognition are hard to copy and build attitudinal loyalty.
4. **How do we know it works?** Members are the people who already buy most (Dowling and Uncles 1997, "Do Customer
   Loyalty Programs Really Work?"). Measure with a control group or by comparing cohorts before and after launch —
   how much the programme raised retention, not "members buy more than non-members".

The chapter's tools fit together: attitude classes tell you for whom rewards mean something, satisfaction zones
whether to fix the service or reward first, cohort retention measures the programme, and the at-risk and win-back
lists are the weekly actions.
""")

ch.exercise("ch10", "q6")
ch.trainer(zh="""
率先使用者与 q5 约 5 分钟、忠诚计划卡片 q6 约 5 分钟（均为可选）。q5 的 D 常被选中：争取竞争品牌的忠诚顾客不是坏主意，
但试饮会要的是愿意尝新、会给意见、会替我们说话的人，先从自己的率先使用者开始。q6 最容易错的是 L5（推荐奖励）：
它奖励的是我们想要的行为，但现金券谁都能给，换来的是行为而不是偏爱；L3、L6 奖励了退货和“等优惠”。
""", en="""
Early adopters with q5 about 5 minutes, the loyalty-programme cards q6 about 5 (both optional). Students often pick D in
q5: winning a rival's loyal customers is not a bad idea, but a tasting needs people who like to try new things, give
their view and speak for us — start with our own early adopters. In q6 the tricky card is L5 (a referral reward): it
rewards a behaviour we want, but anyone can hand out vouchers — it buys behaviour, not preference; L3 and L6 reward
returns and "waiting for the deal".
""")


ch.md(zh="## 练习", en="## Exercises")
ch.exercise("ch10", "q1")

ch.exercise("ch10", "q2")

ch.exercise("ch10", "q3")

ch.exercise("ch10", "q4")

ch.md(zh="""
## 讨论

1. 你的企业里，有没有“伪忠诚”的客户——一直在买，但只是因为没有别的选择？如果竞争对手进入，他们会怎样？
2. 满意度调查显示 85% 的客户“满意或非常满意”，管理层很高兴。根据第 2 节的结果，你会提醒他们什么？
3. 流失预警名单上有一位累计消费很高的客户，客服打电话过去，对方说“最近在别家买，价格更便宜”。你会给他降价吗？还需要了解什么？
4. 设计一个忠诚计划时，怎样证明它真的提高了留存，而不是只奖励了本来就会买的人？
""", en="""
## Discussion

1. Does your company have "spuriously loyal" customers — who keep buying only because there is no alternative? What
   happens when a competitor arrives?
2. A satisfaction survey shows 85% of customers "satisfied or very satisfied", and management is pleased. Given
   section 2, what would you point out?
3. A high-value customer on the at-risk list tells the service agent: "I buy elsewhere now, it's cheaper." Would you
   cut the price for them? What else do you need to know?
4. When you design a loyalty programme, how do you show that it really raised retention rather than rewarding
   people who would have bought anyway?
""")
ch.trainer(zh="""
约 90 分钟：态度忠诚 15 分钟；满意度—忠诚度 20 分钟；同期群留存 20 分钟；预警与挽回名单 15 分钟；忠诚计划 5 分钟；练习与讨论 15 分钟。
学员常见困难：练习 1 填人数 131 而不是比例；练习 2 把 k 数错一位（k = 2 是 0.323），或把行当成日历月份；
练习 3 把全部 588 位预警客户都算作专人电话；小测验的边界——D 正好 70% 算忠诚，E 前三品牌正好 90% 算品牌转移，F 第一品牌 50% 容易被误判为忠诚。
讨论参考：1）伪忠诚（Dick 与 Basu 1994）：行为重复但态度弱，竞争者进入时会大量流失；要用服务和体验把“不得不买”变成“愿意买”。
2）4 分和 5 分的客户忠诚度差别很大（63% 对 22% 一定再购），应单独报告 5 分的比例，并研究 4 分客户差在哪里。
3）先弄清价格差多少、是否只是某个品类、过去是否有服务问题；降价可能把高价值客户变成只看价格的客户，可以先用服务或组合优惠。
4）随机对照组（一部分符合条件的客户暂不加入）、或比较计划上线前后获得的同期群的留存曲线；同时计算奖励成本与增加的毛利。
""", en="""
About 90 minutes: attitude loyalty 15; satisfaction and loyalty 20; cohort retention 20; at-risk and win-back lists
15; loyalty programmes 5; exercises and discussion 15.
Where students stumble: exercise 1 answered with the count 131 instead of the share; exercise 2 off by one month
(k = 2 gives 0.323) or reading rows as calendar months; exercise 3 counting all 588 at-risk customers as calls;
the quiz's boundaries — D at exactly 70% is loyal, E's top three at exactly 90% are shifting, and F's 50% top brand
tempts students to say loyal.
Answers to the discussion: 1) spurious loyalty (Dick and Basu 1994): repeat buying with a weak attitude; such
customers leave in numbers when a competitor arrives — turn "have to buy" into "want to buy" through service and
experience. 2) Customers giving 4 and 5 differ greatly in loyalty (22% versus 63% will certainly buy again): report
the share of 5s separately and study what the 4s miss. 3) Find out how big the price gap is, whether it concerns one
category, and whether there was a service problem; a price cut can turn a valuable customer into a price buyer — try
service or a bundle first. 4) A random control group (some eligible customers join later), or compare the retention
curves of cohorts won before and after launch; and weigh the cost of rewards against the extra margin.
""")

ch.md(zh="""
## 小结

- 行为忠诚 ≠ 态度忠诚：按品类购买份额可以把客户分为忠诚顾客、品牌转移顾客和无品牌忠诚顾客，各自需要不同的策略。
- 满意度与忠诚度不是直线关系：只有“非常满意”的客户才真正忠诚，冷漠区是提升空间最大的地方。
- 同期群留存表按行看一批客户的生命历程，按列比较不同批次，按对角线识别季节；最后一个不完整的时期要去掉。
- 流失预警名单和挽回名单按价值排序并配上行动：预防流失优先于事后挽回，挽回只针对值得挽回的客户。
- 下一章：[11 客户关怀与回访](11_care_revisit.ipynb)——把这些行动排进日程：什么时候联系谁、用什么渠道。
""", en="""
## Recap

- Behavioural loyalty is not attitudinal loyalty: category purchase shares sort customers into brand loyal, shifting
  and switchers, each needing a different strategy.
- Satisfaction and loyalty are not a straight line: only completely satisfied customers are truly loyal; the zone of
  indifference holds the most potential.
- A cohort table shows one batch's life along a row, compares batches down a column and reveals seasons along a
  diagonal; drop an incomplete last period.
- At-risk and win-back lists are sorted by value and come with actions: preventing churn comes before winning back,
  and win-back targets only customers worth it.
- Next: [11 Care and revisit plans](11_care_revisit.ipynb) — putting these actions into a schedule: whom to contact when, through which channel.
""")

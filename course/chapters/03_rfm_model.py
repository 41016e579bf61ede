"""Chapter 03 · The RFM model: the RFM table, scores and ties, the 8 classes, English schemes, heatmaps."""
from helpers.teaching.authoring import Chapter

ch = Chapter("03_rfm_model", setup_extra="""
from helpers.teaching.exercises import ch03, ____
from helpers.display import show
import pandas as pd
from helpers.data import load_online_retail, load_cdnow
from helpers.rfm import rfm_table
from helpers.rfm import rfm_score
from helpers.segments import cn8_classify, rfm_segment, segment_summary
from helpers.segment_rules import R_RFM10
from helpers.errors import collect_warnings
from helpers.plots import plot_rfm_heatmap, plot_score_distribution, plot_segment_sizes
from helpers.teaching.widgets import RfmExplorer
""")

ch.md(zh="""
# 第 3 章 · RFM 模型

第 1 章按**金额**给客户排队（ABC 分类），第 2 章看客户处在**关系的哪个阶段**。但只看金额会漏掉一个关键信号：
一位去年花了很多钱、之后再没出现的客户，和一位上周刚来、每月都来的客户，金额可能相同，**下周一该做的事却完全不同**。
RFM 模型把“什么时候买的、多常买、花了多少”三件事放在一起，是客户价值分类中用得最广的方法。

**本章目标**
- 能从交易数据计算 RFM 表与 1–5 分的得分，并说清本章使用的**并列值规则**；
- 能用 **RFM 八类客户**方案为每一类客户选择策略，并能读懂常见的英文细分方案与 RFM 热力图。

**数据**：英国在线礼品商店（UCI Online Retail，2010–2011）做主例；美国网上唱片店 CDNOW（1997–1998）专门用来讲并列值——
那里一半以上的客户只买过一次。
""", en="""
# Chapter 3 · The RFM model

Chapter 1 ranked customers by **how much** they spend (ABC classification); chapter 2 asked **which stage of the
relationship** they are in. Value alone misses a key signal: a customer who spent a lot last year and has not been
seen since, and one who came last week and comes every month, may have spent the same — yet **what to do with them
on Monday is completely different**. The RFM model puts *when*, *how often* and *how much* together; it is the most
widely used method of customer value classification.

**Objectives of this chapter**
- compute an RFM table and 1–5 scores from transactions, and state the **tie rule** the chapter uses;
- use the **8-class RFM scheme** to choose a strategy per class, and read the common English segment schemes and an
  RFM heatmap.

**Data**: the UK online gift shop (UCI Online Retail, 2010–2011) is the main example; the US online CD store CDNOW
(1997–1998) shows ties — more than half of its customers bought only once.
""")

ch.md(zh="""
## 1 · R、F、M 各是什么

| 维度 | 含义 | 本课程的计算方法 | 为什么有用 |
|---|---|---|---|
| **R** 近度（Recency） | 最近一次购买距今多久 | 距分析日的**天数**（越小越好） | 刚买过的客户最可能再买、最可能回应联系 |
| **F** 频率（Frequency） | 买得多频繁 | 分析期内不同订单（发票）的个数 | 反映习惯与粘性，频率高的客户更忠诚 |
| **M** 金额（Monetary） | 花了多少钱 | 分析期内消费总额 | 反映客户对收入的贡献 |

RFM 起源于邮购和目录直销：企业发现，最近买过、常买、花得多的客户，对下一封目录的回应率远高于其他人，
于是按这三个指标决定把有限的目录寄给谁。今天的问题没有变：**有限的营销预算、客服时间和优惠券，先给谁？**

两个约定贯穿全章：
- **分析日 `as_of`**：所有“距今”都相对于它计算。默认取最后一笔交易的**次日**，结果会写明所用的日期；
- 三个维度都打 **1–5 分，5 分最好**。R 是反向的：天数**越少**，R 分**越高**。
""", en="""
## 1 · What R, F and M mean

| dimension | meaning | how this course computes it | why it matters |
|---|---|---|---|
| **R** Recency | how long since the last purchase | **days** to the analysis date (fewer is better) | customers who just bought are the most likely to buy again and to respond |
| **F** Frequency | how often they buy | distinct orders (invoices) in the period | habit and attachment: frequent buyers are more loyal |
| **M** Monetary | how much they spend | total spend in the period | their contribution to revenue |

RFM comes from mail order and catalogue marketing: firms saw that customers who had bought recently, often and for
a lot answered the next catalogue far more often than others, so they used the three numbers to decide who got the
expensive catalogue. The question has not changed: **limited marketing budget, service time and vouchers — who gets
them first?**

Two conventions run through the chapter:
- **the analysis date `as_of`**: every "how long ago" counts to it. By default it is the **day after** the last
  transaction, and the result states the date it used;
- every dimension is scored **1–5, 5 = best**. R is reversed: the **fewer** days, the **higher** the R score.
""")

ch.md(zh="""
## 2 · 从交易到 RFM 表

`rfm_table` 把几十万行发票明细汇总成**每位客户一行**。Online Retail 有发票号，所以 F 数的是不同发票的个数。
""", en="""
## 2 · From transactions to the RFM table

`rfm_table` turns hundreds of thousands of invoice lines into **one row per customer**. Online Retail has invoice
numbers, so F counts distinct invoices.
""")
ch.code("tx, report = load_online_retail()\nrfm = rfm_table(tx)\nshow(rfm.head())")
ch.checked("show({'as_of': rfm.attrs['as_of'], 'frequency': rfm.attrs['frequency'], 'customers': len(rfm)})")
ch.md(zh="""
分析日是 2011-12-10（最后一张发票的次日），F 按订单（发票）计数，共 4,339 位客户。看一位客户：
""", en="""
The analysis date is 2011-12-10 (the day after the last invoice), F counts orders (invoices), and there are 4,339
customers. One customer up close:
""")
ch.checked("show(rfm.loc['12347', ['recency_days', 'frequency', 'monetary', 'first_purchase', 'last_purchase']])")
ch.md(zh="""
客户 12347 三天前刚下过单，一年里下了 7 单，共消费 £4,310——直觉上就是好客户。再看全体客户的分布：
""", en="""
Customer 12347 ordered three days ago, placed 7 orders in the year and spent £4,310 — a good customer by any
instinct. Now the whole customer base:
""")
ch.checked("show(rfm[['recency_days', 'frequency', 'monetary']].describe().T, decimals=1)")
ch.md(zh="""
**怎么读：** 一半客户在最近 51 天内买过；一半客户只下过 1–2 单；金额的均值（£2,048）是中位数（£669）的三倍多——
少数大客户把均值拉高了。记住这一点，后面用“高于均值”划分客户时它会起作用。
""", en="""
**How to read it.** Half the customers bought in the last 51 days; half placed only 1–2 orders; mean spend (£2,048)
is more than three times the median (£669) — a few big customers pull the mean up. Keep this in mind: it matters
when we split customers at "above the mean" later.
""")

ch.md(zh="""
## 3 · 打分：把三个数变成 1–5 分

天数、单数和金额的量纲不同，没法直接比较。常用做法是把每个维度按**五分位**切成 5 档，得到 1–5 分：
F、M 越大分越高，R 的天数越少分越高。本课程默认的切分规则与 R 语言 `rfm` 包一致（`method="r_rfm"`）：

- 第 k 个分界点 = 第 k/5 分位数 **+ 1**（k = 1…4），每一档是“下界 ≤ 值 < 上界”；
- 取值相同的客户**一定得到相同的分数**（这一点下一节很重要）。

得分有三种组合写法：**RFM 代码** `rfm_cell`（如 `"543"`，最常用）、数值 `rfm_score` = 100R + 10F + M，
以及加总 `rfm_sum` = R + F + M（3–15，会丢信息：`"155"` 与 `"551"` 都是 11，却是完全不同的客户）。
""", en="""
## 3 · Scoring: three numbers become 1–5 scores

Days, orders and money have different units and cannot be compared directly. The usual answer is to cut each
dimension into 5 bins (**quintiles**) and score them 1–5: higher F and M score higher, fewer days of R score higher.
The course's default rule matches the R package `rfm` (`method="r_rfm"`):

- break k = the k/5 quantile **+ 1** (k = 1…4); each bin is "lower ≤ value < upper";
- customers with the same value **always get the same score** (this matters in the next section).

Scores are combined three ways: the **RFM code** `rfm_cell` (e.g. `"543"`, the most common), the number
`rfm_score` = 100R + 10F + M, and the total `rfm_sum` = R + F + M (3–15, which loses information: `"155"` and
`"551"` both sum to 11 but are entirely different customers).
""")
ch.code("scores = rfm_score(rfm)\nshow(scores.thresholds['R'], decimals=1)")
ch.md(zh="""
**读分界表：** 最近 15 天内买过的客户 R = 5；34–72 天前买过的 R = 3；181 天以上没来的 R = 1。
（上界是“不含”的：R = 5 的范围是 1 ≤ 天数 < 15.2。）F 和 M 的分界表用 `scores.thresholds['F']`、`scores.thresholds['M']` 查看。
""", en="""
**Reading the table of breaks.** Customers who bought within the last 15 days get R = 5; 34–72 days ago gives R = 3;
181 days or more gives R = 1. (Upper limits are exclusive: R = 5 means 1 ≤ days < 15.2.) Look at F and M with
`scores.thresholds['F']` and `scores.thresholds['M']`.
""")
ch.checked("show(scores.table.loc['12347', ['R', 'F', 'M', 'rfm_cell', 'rfm_score', 'rfm_sum']])")
ch.checked("show(scores.table['rfm_cell'].value_counts().head(5).rename('customers'))")
ch.md(zh="""
客户 12347 是 `555`：三个维度都在最好的五分之一里。最常见的两个代码恰好是两个极端——`111`（330 人）和 `555`（328 人）：
R、F、M 彼此相关，久不来的客户通常也买得少、花得少。下图是每个维度各分数的客户数：R 和 M 每档都接近 20%（约 870 人），
F 却不均匀——34% 的客户只下过一单，他们的 F 全是 1 分（1,494 人），而 F = 3 只有约 500 人。这就是**并列值**，下一节专门讨论。
""", en="""
Customer 12347 is `555`: in the best fifth on all three dimensions. The two most common codes are the two extremes —
`111` (330 customers) and `555` (328): R, F and M go together, and customers who stay away usually also buy less
often and spend less. The chart shows customers per score on each dimension: R and M are close to 20 % per score
(about 870 customers), F is not — 34 % of customers placed a single order, so they all share F = 1 (1,494 customers),
while F = 3 has only about 500. These are **ties**, the subject of the next section.
""")
ch.code("plot_score_distribution(scores);")
ch.exercise("ch03", "q1")

ch.md(zh="""
## 4 · 并列值：CDNOW 上的三种规则

五分位的前提是取值足够分散。可是在 CDNOW，**一半以上的客户只在一天里买过**：F = 1 的客户占 51%，
无论怎么切，“前 20%”和“前 40%”的分界点都落在同一个值 1 上。这就是**并列值（ties）**问题。
（CDNOW 没有订单号，F 数的是不同的购买日。）
""", en="""
## 4 · Ties: three rules on CDNOW

Quintiles assume values are spread out. In CDNOW, **more than half of the customers bought on a single day**: 51 %
have F = 1, so the 20 % and 40 % breaks both fall on the same value, 1. This is the problem of **ties**.
(CDNOW has no order ids, so F counts distinct purchase days.)
""")
ch.code("cd_tx, cd_report = load_cdnow()\ncd_rfm = rfm_table(cd_tx)")
ch.checked("show(cd_rfm['frequency'].value_counts(normalize=True).head(4).rename('customer_share'))")
ch.md(zh="""
处理并列值有三种常见规则，kit 都提供，并要求每份分析**写明用的是哪一种**：

| `method` | 规则 | 优点 | 代价 | 出处 |
|---|---|---|---|---|
| `r_rfm`（默认） | 分位数 + 1 作为分界，取值相同必定同分 | 可复现；同样的客户同样的分 | 并列多时各档人数不均，甚至出现**空档** | R 包 `rfm` |
| `rank_first` | 先按客户编号排序，再按名次等分 | 每档人数完全相同 | 行为**完全相同**的客户可能得到**不同的分**，取决于编号 | Kaggle 等教程 |
| `qcut_drop` | 分位数切分，重复的分界点合并 | 简单 | 档数可能少于 5，**最高分不再是 5** | PyMC-Marketing |

三种规则都跑一遍。kit 发现问题时会发出**数据提示**（这里把提示收集起来显示）：
""", en="""
Three rules are common; the kit offers all three and asks every analysis to **state which one it uses**:

| `method` | rule | strength | cost | used by |
|---|---|---|---|---|
| `r_rfm` (default) | quantile + 1 as breaks; equal values always share a score | reproducible; same customer, same score | with many ties the bins are uneven, some may be **empty** | R package `rfm` |
| `rank_first` | sort by customer id, then equal-size bins of the rank | every bin has the same size | customers who behave **identically** can get **different scores**, depending on their id | Kaggle-style tutorials |
| `qcut_drop` | quantile bins, repeated breaks merged | simple | fewer than 5 bins possible — **the top score is no longer 5** | PyMC-Marketing |

Let us run all three. The kit raises **data notes** when it sees a problem (here they are collected and shown):
""")
ch.code("""
with collect_warnings() as notes:
    cd_scores = {m: rfm_score(cd_rfm, method=m) for m in ("r_rfm", "rank_first", "qcut_drop")}
notes
""")
ch.checked("show(pd.DataFrame({m: s.table['F'].value_counts() for m, s in cd_scores.items()}).reindex(range(1, 6)).fillna(0).astype(int).rename_axis('F'))")
ch.md(zh="""
**逐列解读（每行是一个 F 分，数字是客户数）：**
- `r_rfm`（表头“R rfm 分位点”）：12,054 位只买过一次的客户都是 F = 1，**F = 2 是空档**，买过两次的客户直接跳到 F = 3；
- `rank_first`（“按排名等分”）：每档恰好 4,714 人——可这是把 12,054 位一模一样的“一次性客户”硬拆成了 1、2、3 分；
- `qcut_drop`（“qcut 去重”）：只剩 3 档，F 的最高分是 3，买过 1 次和 2 次的客户被并成了一档。

`rank_first` 的问题看三个具体客户就清楚：都只买过一次，分数却不同，只因为客户编号不同。
""", en="""
**Column by column (rows are F scores, numbers are customers):**
- `r_rfm` (header "R rfm quantile breaks"): all 12,054 one-time buyers get F = 1, **F = 2 is empty**, and two-time buyers jump to F = 3;
- `rank_first` ("Equal-size ranks"): exactly 4,714 per bin — but only because 12,054 identical one-time buyers were split into scores
  1, 2 and 3;
- `qcut_drop` ("qcut, duplicates dropped"): only 3 bins are left; the best F is 3, and one-time and two-time buyers share a bin.

Three customers make the problem of `rank_first` concrete: each bought once, yet their scores differ — only their
customer ids do.
""")
ch.checked("show(cd_scores['rank_first'].table.loc[['00001', '09324', '18463'], ['recency_days', 'frequency', 'monetary', 'F']])")
ch.md(zh="""
**本章的规则：`r_rfm`**（kit 的默认值）。理由：同样的行为必须得到同样的分，否则无法向业务部门解释“为什么他是 2 分、她是 3 分”；
出现空档时 kit 会提示，分析者再做决定。并列值很多时，更好的办法往往是**直接用业务可解释的分界点**，
例如 F：1 次、2 次、3–4 次、5–7 次、8 次及以上（分界点 2、3、5、8 是每一档的下界）：
""", en="""
**The rule of this chapter: `r_rfm`** (the kit's default). Reason: the same behaviour must get the same score —
otherwise nobody can explain to the business why he is a 2 and she is a 3. When a bin is empty the kit says so and the
analyst decides. With heavy ties the better answer is often **breaks the business can read**, e.g. F: 1 purchase,
2, 3–4, 5–7, 8 or more (breaks 2, 3, 5, 8 are the lower limits of the bins):
""")
ch.code("""
with collect_warnings():   # the 51 % tie note is already known
    cd_custom = rfm_score(cd_rfm, breaks={"F": [2, 3, 5, 8]})
show(cd_custom.thresholds['F'])
""")
ch.checked("show(cd_custom.table['F'].value_counts().sort_index().rename('customers'))")
ch.exercise("ch03", "q2")

ch.md(zh="""
## 5 · RFM 八类客户

中文教材和国内 CRM 平台最常用的是**八类客户**方案。它不用 1–5 分，而是每个维度只分**高/低**两档——
和一个比较值（默认**均值**，也可用中位数或指定值）比较：

- R 高（“近”）⇔ 距今天数 **≤** 比较值 ——注意是**天数少**才算“近”；
- F 高 ⇔ 频率 ≥ 比较值；M 高 ⇔ 金额 ≥ 比较值。

三个高/低组合成 2×2×2 = 8 类（代码顺序 R F M，1 = 高）：

| 代码 | R | F | M | 客户类型 | 下周一做什么 |
|---|---|---|---|---|---|
| 111 | 近 | 高 | 高 | 重要价值客户 | 核心客户：VIP 服务、专人维护，资源优先 |
| 101 | 近 | 低 | 高 | 重要发展客户 | 单次花得多但来得少：会员、交叉销售，提高购买频率 |
| 011 | 远 | 高 | 高 | 重要保持客户 | 忠诚但最近没来：主动联系、及时唤回 |
| 001 | 远 | 低 | 高 | 重要挽留客户 | 高价值但有流失风险：回访了解原因，给挽留方案 |
| 110 | 近 | 高 | 低 | 一般价值客户 | 常来但买得少：追加销售、组合套餐，提高客单价 |
| 100 | 近 | 低 | 低 | 一般发展客户 | 新来或偶尔来的小客户：低成本培养 |
| 010 | 远 | 高 | 低 | 一般保持客户 | 方便时联系，设法提高客单价 |
| 000 | 远 | 低 | 低 | 一般挽留客户 | 已流失或价值低：低成本挽留，或放弃 |

**常见陷阱：** 网上流传最广的一段 pandas 代码用“天数 − 均值 ≥ 0”给 R 记 1——那其实是客户**更久没来**，
于是“近/远”被悄悄对调，重要价值客户和重要保持客户互换了身份。检验方法很简单：最近买过、买得最多、花得最多的客户必须是“重要价值客户”。
""", en="""
## 5 · The 8 RFM classes

Chinese textbooks and CRM platforms in China mostly use the **8-class scheme** (RFM 八类客户). It does not use the
1–5 scores: each dimension is only **high or low**, compared with a threshold (by default the **mean**; the median or
a given value also work):

- R high ("recent") ⇔ days since the last purchase **≤** the threshold — **few** days means recent;
- F high ⇔ frequency ≥ threshold; M high ⇔ monetary ≥ threshold.

Three high/low flags give 2×2×2 = 8 classes (code order R F M, 1 = high):

| code | R | F | M | class (Chinese name) | what to do on Monday |
|---|---|---|---|---|---|
| 111 | recent | high | high | important value (重要价值客户) | core customers: VIP service, a named contact, priority resources |
| 101 | recent | low | high | important development (重要发展客户) | big baskets, rare visits: membership and cross-selling to raise frequency |
| 011 | lapsed | high | high | important keep (重要保持客户) | loyal but absent lately: contact them, win them back early |
| 001 | lapsed | low | high | important retention (重要挽留客户) | high value at risk: call to find out why, offer a retention plan |
| 110 | recent | high | low | general value (一般价值客户) | frequent small buyers: upsell and bundles to raise the basket |
| 100 | recent | low | low | general development (一般发展客户) | new or occasional small buyers: develop at low cost |
| 010 | lapsed | high | low | general keep (一般保持客户) | contact when convenient, try to raise the basket |
| 000 | lapsed | low | low | general retention (一般挽留客户) | churned or low value: low-cost retention, or let go |

**A common pitfall.** The most-copied pandas snippet on the web sets the R flag to 1 when "days − mean ≥ 0" — that
is a customer who has been away **longer**. Recent and lapsed are silently swapped, and important value customers
trade places with important keep customers. The test is simple: the customer who bought most recently, most often
and for the most must be an important value customer.
""")
ch.code("cn8 = cn8_classify(rfm)   # basis='raw', breaks='mean'")
ch.checked("show(segment_summary(cn8)[['segment', 'customers', 'customer_share', 'revenue_share']])")
ch.code("plot_segment_sizes(cn8);")
ch.md(zh="""
**怎么读：** 690 位重要价值客户（16%）贡献了 64% 的收入——他们是第一优先级。最大的一类是一般发展客户（40%）：
近期来过、但单数和金额都低于均值，多是新客户和小客户。每一类的推荐策略可以直接调出来：
""", en="""
**How to read it.** 690 important value customers (16 %) bring 64 % of the revenue — the first priority. The largest
class is general development (40 %): recent, but below the mean on orders and spend — mostly new and small customers.
The recommended strategy of each class is one call away:
""")
ch.code("show(cn8.strategies()[['label', 'strategy']])")
ch.md(zh="""
### 均值还是中位数？

上一节看到金额均值被少数大客户拉高。比较值从均值换成中位数，分界线和各类人数都会变：
""", en="""
### Mean or median?

We saw that a few big customers pull the mean spend up. Switching the threshold from the mean to the median moves
the lines and the class sizes:
""")
ch.code("cn8_median = cn8_classify(rfm, breaks='median')")
ch.checked("show(pd.DataFrame({'mean': cn8.thresholds, 'median': cn8_median.thresholds}).rename_axis('dimension'), decimals=1)")
ch.md(zh="""
用均值时，“金额高”要求消费 ≥ £2,048，只有约五分之一的客户达到；用中位数时门槛降到 £669，一半客户都算“高”。
两种都对，**关键是写明用了哪一种**，并让它符合业务：资源很少、只想找出最顶端的客户，用均值；想把客户大致对半分，用中位数。
（`basis="score"` 则把 1–5 分与平均分比较，阿里云 Quick Audience 采用这种做法；没有金额数据时，
`dims=("R", "F")` 给出只看近度和频率的四类：重要高价值、重要唤回、重要深耕、重要挽留。）

### 下周一的名单

分类的价值在于行动。重要挽留客户按金额排序，就是客户经理本周的回访名单：
""", en="""
With the mean, "high spend" means at least £2,048, which only one customer in five reaches; with the median the
bar drops to £669 and half the customers are "high". Both are legitimate — **what matters is stating which one you
used** and matching it to the business: few resources and only the very top wanted → the mean; a rough half-and-half
split → the median. (`basis="score"` compares the 1–5 scores with their average instead, as Aliyun Quick Audience does; without amounts,
`dims=("R", "F")` gives four classes from recency and frequency alone: important high-value, win-back, deepening and
retention.)

### Monday's list

A classification is worth what it changes. Important retention customers, largest spend first, are this week's call
list for the account managers:
""")
ch.checked("show(cn8.table.query(\"segment == 'cn8_important_retain'\").nlargest(5, 'monetary')[['recency_days', 'frequency', 'monetary']])")
ch.md(zh="""
**打电话之前先核对。** 名单第一位客户 12346 只有一张 £77,184 的订单——原始数据里，这张订单当天就被整单取消了。
数据加载时把取消发票（以 “C” 开头）**剔除**而不是与原订单**冲销**，所以这笔消费仍留在 M 里。
任何自动生成的名单，最前面几行都值得人工看一眼。
""", en="""
**Check before you call.** The first customer, 12346, has a single order of £77,184 — in the raw data that order was
cancelled in full the same day. The loader **drops** cancellation invoices (numbers starting with "C") instead of
**netting** them against the original order, so the amount is still in M. Whatever list a model produces, the top
rows deserve a human look.
""")
ch.exercise("ch03", "q3")

ch.exercise("ch03", "q4")

ch.md(zh="""
## 6 · 英文细分方案

英文资料和海外工具常用带名字的细分：Champions（冠军客户）、Loyal Customers（忠诚客户）、At Risk（有流失风险）、
Hibernating（沉睡）、Lost（流失）……它们在 1–5 分的基础上，用**规则表**把 125 种 RFM 代码归到十来个细分。kit 提供四种：

| `scheme` | 来源 | 用到的分数 | 特点 |
|---|---|---|---|
| `r_rfm10` | R 包 `rfm` 的示例规则 | R、F、M | 10 类，**按顺序第一条匹配的规则生效**；没有规则覆盖的组合归为“其他” |
| `rf_grid` | Kaggle 等 CRM 分析教程 | 只用 R、F | 5×5 网格全部覆盖，有“沉睡客户”，没有“流失客户” |
| `rfm11` | 从业者常用的 R × FM 网格 | R 与 FM = ⌈(F+M)/2⌉ | 11 类，覆盖全部格子 |
| `pymc` | PyMC-Marketing | 四分位（1–4 分）；F = 购买天数，M = 每个购买日的平均消费 | 优质、复购、高消费、风险、不活跃 |

先看 `r_rfm10` 的规则表——顺序很重要：`444` 同时满足第 2 条（潜在忠诚）和第 3 条（忠诚），按第一条匹配归为**潜在忠诚客户**；
`333` 甚至同时满足 5 条规则，结果也是潜在忠诚客户。
""", en="""
## 6 · English segment schemes

English material and international tools use named segments: Champions, Loyal Customers, At Risk, Hibernating,
Lost… Built on the 1–5 scores, a **rule table** maps the 125 RFM codes to about ten segments. The kit offers four:

| `scheme` | source | scores used | notes |
|---|---|---|---|
| `r_rfm10` | the example rules of the R package `rfm` | R, F, M | 10 segments; **the first matching rule wins**; combinations no rule covers become "Others" |
| `rf_grid` | Kaggle-style CRM analytics tutorials | R and F only | covers the whole 5×5 grid; has Hibernating, no Lost |
| `rfm11` | a practitioners' R × FM grid | R and FM = ⌈(F+M)/2⌉ | 11 segments, every cell covered |
| `pymc` | PyMC-Marketing | quartiles (scores 1–4); F = purchase days, M = mean spend per purchase day | Premium, Repeat, Top Spender, At Risk, Inactive |

First the rule table of `r_rfm10` — order matters: `444` matches rule 2 (Potential Loyalist) and rule 3 (Loyal
Customers); the first match wins, so it is a **Potential Loyalist**. `333` even matches five rules — and is a
Potential Loyalist too.
""")
ch.code("show(R_RFM10)")
ch.code("seg10 = rfm_segment(scores, 'r_rfm10')\nshow(segment_summary(seg10).drop(columns='label'))")
ch.code("plot_segment_sizes(seg10);")
ch.md(zh="""
**同名不同义。** 三个方案都有“冠军客户”，但定义不同，人数也差很多：
""", en="""
**Same name, different meaning.** All three schemes have "Champions", but defined differently — and of very
different size:
""")
ch.checked("""
schemes = {name: rfm_segment(scores, name) for name in ("r_rfm10", "rf_grid", "rfm11")}
show(pd.DataFrame({name: s.summary().set_index('label')['share'] for name, s in schemes.items()}), share_cols=list(schemes))
""")
ch.md(zh="""
（空白 NaN 表示该方案没有这个细分。）在 `r_rfm10`（R rfm 十类）里，冠军必须三项都是 5 分（7.6%）；`rf_grid`（R×F 网格）只看 R、F（14.4%）；`rfm11`（R×FM 十一类）把 F、M 平均后再看（20.5%）。
所以汇报时不能只说“我们有 20% 的冠军客户”，必须说明**方案与评分规则**。另外，`r_rfm10` 有 0.3% 的客户落在“其他”：
例如 `215`（R = 2、F = 1、M = 5）——很久没来、只来过一次、却花了很多钱，没有任何一条规则覆盖它，需要单独看。
""", en="""
(NaN: the scheme has no such segment.) In `r_rfm10` (R rfm 10 segments) a champion needs a 5 on all three scores (7.6 %); `rf_grid` (R×F grid) looks at R and F only (14.4 %); `rfm11` (R×FM)
averages F and M first (20.5 %). So a report cannot just say "20 % of our customers are champions" — it must name
**the scheme and the scoring rule**. Also, 0.3 % of customers fall into "Others" under `r_rfm10`, e.g. `215`
(R = 2, F = 1, M = 5): away for a while, one purchase, big spend — no rule covers them, so look at them separately.
""")
ch.exercise("ch03", "q5")

ch.md(zh="""
## 7 · 读懂 RFM 热力图

热力图把客户按 **R 分（行）× F 分（列）** 放进 5×5 的格子，颜色和数字是格子里客户的**平均消费金额**。
""", en="""
## 7 · Reading an RFM heatmap

The heatmap puts customers into a 5×5 grid of **R score (rows) × F score (columns)**; colour and number are the
**mean spend** of the customers in each cell.
""")
ch.code("plot_rfm_heatmap(scores);")
ch.md(zh="""
**读图三步：**
1. **右上角**（R、F 都高）：最近来过且常来的客户，平均金额最高——冠军/重要价值客户所在；
2. **右下角**（F 高、R 低）：过去常来、最近没来——“不能失去”“重要保持”客户，平均金额也高，是**挽回**的重点；
3. **左下角**（R、F 都低）：一次性、很久没来的客户，平均金额低——沉睡/流失客户，只做低成本触达。

颜色沿 F 方向（从左到右）明显加深，沿 R 方向（上下）变化小得多：在这家店，消费总额主要取决于**买了几次**。
（M 是总额，本来就随单数增加；想看每单花多少，可以用 `rfm_table(tx, monetary="mean")`。）

热力图还能暴露评分问题和数据的特点。看 CDNOW 按 `r_rfm` 评分的热力图：
- F = 2 整列**空白**——正是上一节的空档；
- R = 4、5 与 F = 1 的格子也是空白：CDNOW 的客户都是 1997 年第一季度首次购买的，最近还来买过的人，至少买过两次。
""", en="""
**Three steps to read it:**
1. **Top right** (high R and F): recent and frequent customers with the highest mean spend — champions / important
   value customers;
2. **Bottom right** (high F, low R): used to come often, not lately — "Can't Lose Them" / important keep customers,
   also high spenders: the priority for **win-back**;
3. **Bottom left** (low R and F): one-off customers, long gone, low spend — hibernating / lost: low-cost contact only.

The colour darkens clearly along F (left to right) and changes much less along R (up and down): in this shop total
spend depends mainly on **how many times** a customer bought. (M is a total, so it grows with the number of orders by
construction; for spend per order use `rfm_table(tx, monetary="mean")`.)

A heatmap also exposes scoring problems and features of the data. Look at CDNOW scored with `r_rfm`:
- the whole F = 2 column is **blank** — the empty bin of section 4;
- the cells R = 4–5 × F = 1 are blank too: every CDNOW customer made a first purchase in the first quarter of 1997,
  so anyone who bought recently has bought at least twice.
""")
ch.code("plot_rfm_heatmap(cd_scores['r_rfm']);")

ch.md(zh="""
## 8 · 讲解器：规则一变，细分就变

下面的讲解器用同一张 RFM 表（Online Retail；`pymc` 方案另用一张按购买天数和日均消费算的表），
可以切换**并列值规则**、**档数**和**细分方案**，
细分的人数与收入占比立即更新。试一试：
- 把方案从 `r_rfm10` 换成 `rfm11`，冠军客户从多少变成多少？
- 把档数改成 4：哪些方案不能再用？提示里说了怎么解决？
- 选 `pymc` 方案，再改档数或并列值规则：结果变不变？为什么？（提示：第 6 节，PyMC-Marketing 用什么算 F 和 M？）
""", en="""
## 8 · Explorer: change the rule, the segments change

The explorer below works on one RFM table (Online Retail; the `pymc` scheme on a second one, counted in purchase
days and mean spend per day). Switch the **tie policy**, the **number of bins** and the
**segment scheme**, and segment sizes and revenue shares update at once. Try:
- switch the scheme from `r_rfm10` to `rfm11`: how many champions before and after?
- set the bins to 4: which schemes stop working, and what does the message suggest?
- choose `pymc`, then change the bins or the tie rule: does the result change? Why? (Hint: section 6 — what does PyMC-Marketing count as F and M?)
""")
ch.code("explorer = RfmExplorer(rfm, pymc_rfm=rfm_table(tx, frequency='days', monetary='mean'))\nexplorer")
ch.exercise("ch03", "q6")

ch.md(zh="""
## 讨论

1. 你的企业里，R、F、M 各应该怎么定义？（例如：B2B 企业一年只下几单，F 还有意义吗？会员制企业的 M 用消费额还是毛利？）
2. 八类方案用均值作比较值，英文方案用五分位打分。给管理层汇报时，你会选哪一种？为什么？
3. “重要挽留客户”名单交给客户经理后，怎样判断挽留是否成功？多久之后再算一次 RFM？
""", en="""
## Discussion

1. How should R, F and M be defined in your company? (A B2B firm gets a few orders a year — is F still useful? For a
   membership business, should M be revenue or gross margin?)
2. The 8-class scheme splits at the mean; the English schemes score quintiles. Which would you present to management,
   and why?
3. Once the important retention list is with the account managers, how do you judge whether retention worked? When do
   you recompute RFM?
""")
ch.trainer(zh="""
约 120 分钟：R/F/M 的含义 10 分钟 · RFM 表 15 分钟 · 打分与 q1 15 分钟 · 并列值与 q2 20 分钟 · 八类客户、均值/中位数、名单与 q3、q4 25 分钟 ·
英文方案与 q5 15 分钟 · 热力图 5 分钟 · 讲解器与 q6 5 分钟 · 讨论 10 分钟。详细教学顺序见培训师手册第 3 章。

学员常见困难：以为 R 分越高表示“越久没来”（反过来了）；把 `rfm_sum` 当作 RFM 代码；看到 CDNOW 的数据提示以为代码出错——那是本节要讲的现象；
八类方案里把“近”理解为天数大于均值（正是那个流行代码的错误）；卡片练习中把 F 与 M 的门槛弄混（4 单、¥2,000）。

讨论参考答案：
1. R 的时间尺度要符合购买周期（快消品按天，B2B 按月或季度）；B2B 的 F 可换成合同数或活跃月数；M 最好用毛利，否则高折扣客户会被高估。
2. 没有唯一正确答案：八类方案简单、每类一句话的策略，适合管理层；五分位方案更细，适合营销执行。关键是统一口径并写明规则（并列值规则、比较值、分析日）。
3. 设对照组（名单中随机留出一部分不联系），比较 30/60/90 天内的回购率与金额；按购买周期定期（如每月）重新计算 RFM，并看客户在各类之间的迁移（第 2 章的迁移矩阵）。
""", en="""
About 120 minutes: what R, F and M mean 10 · the RFM table 15 · scores and q1 15 · ties and q2 20 · the 8 classes,
mean vs median, the call list, q3 and q4 25 · English schemes and q5 15 · heatmap 5 · explorer and q6 5 · discussion 10.
The trainer guide, chapter 3, has the teaching sequence in detail.

Where students stumble: reading a high R score as "away longer" (it is the opposite); taking `rfm_sum` for the RFM
code; seeing CDNOW's data notes and thinking the code failed — they are the point of the section; reading "recent" as
days above the mean in the 8-class scheme (exactly the popular snippet's bug); mixing up the F and M thresholds in the
card quiz (4 orders, ¥2,000).

Answers to the discussion prompts:
1. R's time scale must fit the buying cycle (days for groceries, months or quarters in B2B); in B2B, F can be contracts
   or active months; M is better as gross margin, otherwise heavily discounted customers look too valuable.
2. No single right answer: the 8 classes are simple, with one sentence of strategy each — good for management; quintile
   schemes are finer — good for running campaigns. What matters is one agreed definition, stated (tie rule, threshold,
   analysis date).
3. Keep a control group (a random part of the list not contacted) and compare repurchase rate and spend after 30/60/90
   days; recompute RFM on the buying cycle (e.g. monthly) and watch customers move between classes (chapter 2's
   migration matrix).
""")

ch.md(zh="""
## 小结

- RFM 表：每位客户一行，R = 距分析日的天数，F = 订单数，M = 消费总额；分析日要写明。
- 打分：五分位 1–5 分，5 最好，R 反向。并列值规则必须写明：本章用 `r_rfm`（同值同分；空档会提示），并列很多时用业务分界点。
- 八类客户：R、F、M 各分高/低（近 = 天数少），八类各有策略；均值还是中位数作比较值会明显改变结果。
- 英文方案名字相似、定义不同：汇报时写明方案。热力图右上是核心客户，右下是挽回重点，空白列提示评分问题。
- 下一章：[04 客户分层：金钻·白银·铜·铁](04_customer_tiers.ipynb)——按价值把客户分成金字塔，并为每一层配置服务。
""", en="""
## Recap

- The RFM table: one row per customer; R = days to the analysis date, F = orders, M = total spend; state the
  analysis date.
- Scoring: quintiles 1–5, 5 = best, R reversed. State the tie rule: this chapter uses `r_rfm` (equal values share a
  score; empty bins are reported); with heavy ties, use business breaks.
- The 8 classes: each of R, F, M high or low (recent = few days), a strategy per class; the mean or the median as
  threshold changes the result markedly.
- English schemes share names but not definitions: name the scheme when you report. In the heatmap, top right holds
  the core customers, bottom right the win-back priority, and a blank column points to a scoring problem.
- Next: [04 Customer tiers: diamond, silver, copper, iron](04_customer_tiers.ipynb) — a value pyramid and a service
  level for every tier.
""")

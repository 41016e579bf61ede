"""Chapter 14 · Capstone: the whole method on one full dataset — the analyst's own file or Online Retail."""
from helpers.teaching.authoring import Chapter

ch = Chapter("14_capstone", setup_extra="""
from pathlib import Path
import pandas as pd
from helpers.teaching.exercises import ch14, ____
from helpers.display import show
from helpers.data import load_online_retail
from helpers.data import load_transactions
from helpers.errors import collect_warnings, WarningNotes
from helpers.i18n import label
from helpers.report import analyse, write_report
from helpers.data.exports import write_csv
from helpers.segments import rfm_segment, segment_summary
from helpers.tiers import abc_classify, cross_classes
from helpers.plots import (plot_score_distribution, plot_segment_sizes, plot_pyramid, plot_pareto,
                           plot_value_matrix, plot_state_distribution)
from helpers.teaching.widgets import RfmExplorer
""")

ch.md(zh="""
# 第 14 章 · 综合实训：分析你自己的客户

前面十三章分别讲了客户价值分类的各个工具。这一章把它们**串成一条完整的流程**，在一份完整的真实数据上从头跑到尾：

读取数据 → 数据报告 → RFM 表与评分 → 细分与策略 → 金字塔与 ABC 分层 → 价值矩阵 → 关系状态 → 流失预警与挽回名单 → 各细分的行动 → 导出文件

**本章目标**
- 能把整套方法用在自己的交易数据上；
- 能交付细分结果与行动名单（Excel、CSV、HTML 报告），并说清楚每个数字是怎么来的。

**怎么用这个 Notebook？** 默认分析课程自带的 Online Retail 数据（英国一家在线礼品商店一整年的全部发票）。
要分析你自己的客户，**只需修改下面的参数单元格**，然后从头到尾运行全部单元格（菜单 Run → Run All Cells）。
后面的每一节都会说明：在你自己的数据里该看什么、这个结果要支持哪项决策。
""", en="""
# Chapter 14 · Capstone: analyse your own customers

The previous thirteen chapters each taught one tool of customer value classification. This chapter **joins them into
one process** and runs it from start to finish on a complete real dataset:

load the data → data report → RFM table and scores → segments and strategies → pyramid and ABC tiers → value matrix →
relationship states → at-risk and win-back lists → actions per segment → exported files

**Objectives of this chapter**
- apply the whole method to your own transactions;
- deliver segments and action lists (Excel, CSV, an HTML report) and explain where every number comes from.

**How to use this notebook.** By default it analyses the course's Online Retail data (every invoice of a UK online
gift shop over one year). To analyse your own customers, **change only the parameters cell below**, then run every
cell from top to bottom (menu Run → Run All Cells). Each section says what to look at in your own data and which
decision the result feeds.
""")

ch.md(zh="""
## 0 参数：唯一需要修改的地方

| 参数 | 含义 |
|---|---|
| `DATA_FILE` | `None` 表示使用自带的 Online Retail；或你的文件路径（CSV、TXT、`.gz`、Excel、Parquet），相对路径以本 Notebook 所在文件夹为起点 |
| `COLUMNS` | `None` 表示按表头自动识别（中英文常见列名，如“会员号”“下单时间”“实付金额”）；识别不了时写映射，如 `{"customer_id": "卡号", "order_date": "日期", "amount": "金额"}` |
| `LOAD_OPTIONS` | 读取选项，原样传给 `load_transactions`：`sheet`（工作表）、`encoding`、`sep`、`date_format`、`returns="keep"`（保留退货以冲减）、`duplicates="keep"`（没有订单号时，同一天同金额的两笔可能是真实的两单） |
| `AS_OF` | 分析基准日；`None` 表示最后一笔交易的次日。晚于基准日的交易不参与分析（会在说明中注明） |
| `SCHEME` | 细分方案：`cn8`（RFM 八类，默认）、`r_rfm10`、`rf_grid`、`rfm11`（五分档），`pymc`（四分档） |
| `ALT_SCHEME` | 用来对照的第二个方案（与 `SCHEME` 使用同一套评分；`pymc` 只能与 `cn8` 或 `pymc` 对照） |
| `OUTPUT_DIR` | 导出文件夹，相对本 Notebook；`build/` 不纳入版本库，客户数据不会被误提交 |
| `N_ROWS` | 名单在页面上显示的行数（导出文件总是包含全部客户） |
""", en="""
## 0 Parameters: the only cell to change

| parameter | meaning |
|---|---|
| `DATA_FILE` | `None` for the bundled Online Retail, or the path of your file (CSV, TXT, `.gz`, Excel, Parquet); a relative path starts from this notebook's folder |
| `COLUMNS` | `None` to recognise the columns by their headers (common Chinese and English names such as "customer id", "order date", "amount"); if that fails, map them, e.g. `{"customer_id": "Card no", "order_date": "Date", "amount": "Value"}` |
| `LOAD_OPTIONS` | reading options passed to `load_transactions` as they are: `sheet`, `encoding`, `sep`, `date_format`, `returns="keep"` (keep returns to net them), `duplicates="keep"` (without an order id, two equal rows on one day may be two real orders) |
| `AS_OF` | the analysis date; `None` for the day after the last transaction. Transactions after it are left out (and noted) |
| `SCHEME` | the segment scheme: `cn8` (the 8 RFM classes, default), `r_rfm10`, `rf_grid`, `rfm11` (five score bins) or `pymc` (four) |
| `ALT_SCHEME` | a second scheme for comparison (it uses the same scores as `SCHEME`; `pymc` pairs only with `cn8` or `pymc`) |
| `OUTPUT_DIR` | the folder for the exported files, relative to this notebook; `build/` is kept out of version control, so customer data is never committed by mistake |
| `N_ROWS` | rows of each list shown on the page (the exported files always hold every customer) |
""")
ch.code('''
DATA_FILE = None              # None → Online Retail；或 / or "my_orders.xlsx"
COLUMNS = None                # None → 自动识别 / automatic；或 / or {"customer_id": "会员号", "order_date": "下单时间", "amount": "实付金额"}
LOAD_OPTIONS = {}             # 例 / e.g. {"sheet": "订单", "date_format": "%d/%m/%Y", "duplicates": "keep"}
AS_OF = None                  # None → 最后交易的次日 / day after the last transaction；或 / or "2011-12-01"
SCHEME = "cn8"                # cn8 · r_rfm10 · rf_grid · rfm11 · pymc
ALT_SCHEME = "r_rfm10"        # 对照方案 / scheme for comparison
OUTPUT_DIR = "build/capstone" # 导出文件夹 / folder for the exports
N_ROWS = 10                   # 页面上显示的名单行数 / list rows shown on the page
''', tags=["parameters"])

ch.md(zh="""
## 1 读取数据与数据报告：每一行都有交代

第一步永远是核对数据。`load_transactions` 按表头找到客户编号、日期和金额（有数量和单价时自动算出金额），
把无法使用的行按原因剔除，并给出**数据报告**：读取行数 = 保留行数 + 各原因剔除的行数，每个原因都列出最先出现的行号，
方便回到原始文件核对。可疑但还能用的情况（例如某个原因剔除了一成以上的行）以提示列出，不会中断分析。
""", en="""
## 1 Loading and the data report: every row accounted for

The first step is always checking the data. `load_transactions` finds the customer id, the date and the amount by
their headers (computing the amount from quantity and unit price when needed), excludes unusable rows for stated
reasons, and gives a **data report**: rows read = rows kept + rows excluded per reason, with the first row numbers of
each reason so you can find them in the original file. Suspicious but usable data (e.g. one reason excluding more than
a tenth of the rows) is listed as notes without stopping the analysis.
""")
ch.checked("""
with collect_warnings() as load_notes:
    tx, data_report = (load_online_retail() if DATA_FILE is None
                       else load_transactions(DATA_FILE, COLUMNS, **LOAD_OPTIONS))
data_report
""")
ch.checked("""
accounted = data_report.rows_kept + sum(data_report.excluded.values()) == data_report.rows_read
show({"rows_accounted": accounted, "customers": data_report.customers})
""")
ch.code("load_notes")
ch.md(zh="""
**在你自己的数据里看什么？**
- **列映射**（报告中的“列映射”一行）：确认每个角色对上了正确的列——把“应付金额”当成“实付金额”，后面的每个数字都会偏。
- **日期范围**：是否覆盖了你想分析的时期？最早和最晚的日期是否合理（1900 年、未来日期通常是录入错误）？
- **剔除比例**：Online Retail 约四分之一的行没有客户编号（游客订单），这部分收入不属于任何客户，无法做客户价值分析；
  如果你的数据里这个比例很高，先和业务部门确认会员识别率。
- **取消与退货**：默认剔除；如果退货很多、想按净额计算，用 `LOAD_OPTIONS = {"returns": "keep"}`。

这一步支持的决策：**这份数据能不能用来做客户分类？** 报告就是向管理层说明“分析基于哪些数据、排除了什么”的依据。
""", en="""
**What to look at in your own data**
- **The column mapping** (the report's mapping line): check that every role found the right column — take "amount
  due" for "amount paid" and every later number is off.
- **The date range**: does it cover the period you want? Are the first and last dates plausible (1900 or future dates
  are usually typing errors)?
- **The excluded shares**: about a quarter of Online Retail's lines have no customer id (guest orders); that revenue
  belongs to nobody and cannot enter a customer analysis. If the share is high in your data, check the member
  identification rate with the business first.
- **Cancellations and returns** are excluded by default; to work with net amounts when returns are frequent, use
  `LOAD_OPTIONS = {"returns": "keep"}`.

The decision this step supports: **can this data be used to classify customers?** The report is how you tell
management which data the analysis rests on and what was left out.
""")

ch.md(zh="""
## 2 基准日与 RFM：一次调用，整条流程

`analyse` 在同一个**基准日**上完成后面所有的分类：RFM 表与评分（第 3 章）、细分、客户金字塔（第 4 章）、Marcus 矩阵（第 5 章）、
关系状态与名单（第 2、10 章）、各细分的行动（第 11 章）。基准日统一，不同分类之间才能对照。
""", en="""
## 2 The analysis date and RFM: one call, the whole chain

`analyse` runs every later classification on one **analysis date**: the RFM table and scores (chapter 3), segments,
the customer pyramid (chapter 4), Marcus's matrix (chapter 5), relationship states and lists (chapters 2 and 10) and
actions per segment (chapter 11). One date for all of them is what makes the classifications comparable.
""")
ch.code("""
rep = analyse(tx, data_report, as_of=AS_OF, scheme=SCHEME)
WarningNotes(rep.notes)
""")
ch.checked("show({'as_of': rep.as_of, 'customers': len(rep.customers)})")
ch.md(zh="""
每位客户一行：R（距基准日的天数）、F（购买次数）、M（累计消费金额），以及 1–5 分的 R、F、M 评分。先看三个维度的分布：
""", en="""
One row per customer: R (days since the last purchase), F (number of purchases), M (total spend), and the R, F and M
scores from 1 to 5. Look at the three distributions first:
""")
ch.checked("show(rep.customers[['recency_days', 'frequency', 'monetary']].describe().T, decimals=1)")
ch.code("plot_score_distribution(rep.scores);")
ch.md(zh="""
**在你自己的数据里看什么？**
- **F 的中位数**：Online Retail 一半客户只买过 1–2 次（中位数 2）。如果你的行业天然低频（家电、汽车、B2B），F 的区分度会很低，
  评分时会出现大量并列值——上面的“提示”会告诉你；此时更应关注 R 和 M。
- **M 的长尾**：均值远大于中位数，说明少数大客户贡献了大部分收入——分层（第 4 节）会把它量化。
- **评分分布图**中某个分数的柱子特别高或空缺，表示并列值太多；换一种并列处理方式会改变分类（练习 3）。
""", en="""
**What to look at in your own data**
- **The median of F**: half of Online Retail's customers bought once or twice (median 2). In naturally infrequent
  businesses (appliances, cars, B2B) F separates customers poorly and scoring meets many ties — the notes above say so;
  lean on R and M then.
- **The long tail of M**: a mean far above the median means a few big customers bring most of the revenue — the tiers
  of section 4 quantify it.
- In the **score distribution chart**, a very tall or missing bar means many ties; another tie policy changes the
  classes (exercise 3).
""")

ch.md(zh="""
## 3 细分与策略

### 3.1 RFM 八类（cn8）

八类方案把每位客户的 R、F、M 与全体客户的**均值**比较（R 的天数小于均值为“近”），得到 2×2×2 = 8 类，每类对应一条经营策略：
""", en="""
## 3 Segments and strategies

### 3.1 The eight RFM classes (cn8)

The 8-class scheme compares each customer's R, F and M with the **mean** of all customers (fewer days than the mean
counts as recent), giving 2×2×2 = 8 classes, each with its strategy:
""")
ch.checked("""
segment_table = rep.segment_summary()
show(segment_table.assign(strategy=label(segment_table['segment'], 'strategy'))[
    ['label', 'customers', 'customer_share', 'revenue_share', 'strategy']])
""")
ch.code("plot_segment_sizes(rep.segments);")
ch.md(zh="""
**怎么读？** 在 Online Retail 中，“重要价值客户”只占 16% 的客户，却带来 64% 的收入；“一般发展客户”（新近、低频、低额）人数最多，
但收入占比很低。对照客户占比和收入占比两根柱子：**收入占比远高于客户占比的细分，值得投入专人和资源；反过来的细分，用低成本方式服务。**
比较值就是下面这三个均值：
""", en="""
**How to read it.** In Online Retail the Important value customers are 16% of the customers but bring 64% of the
revenue; General development customers (recent, infrequent, low spend) are the largest group but bring little revenue.
Compare the two bars: **segments whose revenue share far exceeds their customer share deserve dedicated people and
resources; the reverse are served at low cost.** The comparison values are these three means:
""")
ch.checked("show(pd.Series(rep.segments.thresholds, name='mean').rename_axis('dimension'))")

ch.md(zh="""
### 3.2 对照：英文方案

国外常用的方案按五分位评分再套规则（例如 `r_rfm10` 的冠军客户、不能失去的客户……）。同一批客户、同一套评分，换个方案看：
""", en="""
### 3.2 For comparison: an English scheme

The schemes common in English-language practice score quintiles and apply rules (in `r_rfm10`: Champions, Can't Lose
Them, …). The same customers and the same scores, seen through another scheme:
""")
ch.checked("""
alt = rfm_segment(rep.scores, ALT_SCHEME)
show(segment_summary(alt)[['label', 'customers', 'customer_share', 'revenue_share']])
""")
ch.code("show(pd.crosstab(rep.segments.labels().rename(SCHEME), alt.labels().rename(ALT_SCHEME)))")
ch.md(zh="""
交叉表显示两个方案如何看待同一批客户：在 Online Retail 中，“重要价值客户”几乎一半是冠军客户、一半是潜在忠诚客户；“一般挽留客户”中六成是流失客户，但也有约两成被英文方案称为忠诚客户——均值和五分位画出的界线并不相同。
两个方案都没有错——**八类方案以均值为界，适合向管理层讲清楚“少数重要客户”；英文方案分得更细，适合设计营销活动。**
在你的数据里，选一个方案作为正式口径（`SCHEME`），另一个只作参考，避免两套名单同时下发给一线。
""", en="""
The cross table shows how the two schemes see the same customers: in Online Retail, the Important value customers are
about half Champions and half Potential Loyalists; six in ten General retention customers are Lost, yet about two in ten
are Loyal Customers to the English scheme — the mean and the quintiles draw different lines. Neither is wrong — **the 8 classes
split at the mean and tell management clearly who the vital few are; the English schemes are finer and suit campaign
design.** With your data, make one scheme the official one (`SCHEME`) and keep the other for reference, so the front
line never receives two sets of lists.
""")

ch.md(zh="""
## 4 客户分层：金字塔与 ABC

分层只看一个数字（这里是累计消费金额），回答“资源该向谁倾斜”。**客户金字塔**按固定比例分层：前 1% 为金钻，其后 4% 白银、15% 铜、80% 铁：
""", en="""
## 4 Customer tiers: the pyramid and ABC

Tiers look at one number (here total spend) and answer "where should resources go". The **customer pyramid** uses
fixed shares: the top 1% Platinum, the next 4% Gold, 15% Iron and 80% Lead:
""")
ch.checked("show(rep.pyramid.summary()[['label', 'customers', 'customer_share', 'value_share']])")
ch.code("plot_pyramid(rep.pyramid);")
ch.md(zh="""
**ABC 分类**则按累计收入占比划线：贡献前 80% 收入的客户为 A 类，其后 15% 为 B 类，最后 5% 为 C 类：
""", en="""
**ABC classification** draws the lines by cumulative revenue instead: the customers bringing the first 80% of revenue
are class A, the next 15% class B, the last 5% class C:
""")
ch.code("""
abc = abc_classify(rep.customers['monetary'])
plot_pareto(abc);
""")
ch.checked("show(abc.summary()[['label', 'customers', 'customer_share', 'value_share']])")
ch.checked("show(cross_classes(rep.pyramid, abc))")
ch.md(zh="""
**怎么读？** 在 Online Retail 中，1% 的金钻客户带来 32% 的收入；26% 的 A 类客户带来 80% 的收入。交叉表说明两种分法的关系：
金钻、白银、铜客户全部在 A 类里，A 类还延伸到铁客户的顶端。

**在你自己的数据里看什么？** 如果前 20% 的客户带来的收入远低于 80%（分布平缓），分层的意义较小，更应按细分或生命周期经营；
如果极度集中，要同时评估**依赖风险**——失去一两位金钻客户会怎样？
这一步支持的决策：**客户经理和服务资源怎么分配**（专人维护多少位、每人负责多少位）、**回访节奏**（第 11 章按层级设定）。
""", en="""
**How to read it.** In Online Retail the 1% Platinum customers bring 32% of the revenue; the 26% class A customers
bring 80%. The cross table relates the two: every Platinum, Gold and Iron customer is in class A, and class A reaches
into the top of Lead.

**What to look at in your own data.** If the top 20% of customers bring far less than 80% (a flat distribution), tiers
matter less and segments or life-cycle states should drive management; if revenue is extremely concentrated, weigh the
**dependence risk** too — what happens if one or two Platinum customers leave? The decisions this step supports:
**how to allocate account managers and service** (how many customers get a dedicated manager, how many each one
handles) and **the revisit rhythm** (set per tier in chapter 11).
""")

ch.md(zh="""
## 5 价值矩阵：Marcus 矩阵

Marcus 矩阵用两个维度——**平均每次购买金额**（横轴）和**购买频率**（纵轴），以均值为界分成四格，每格一种打法：
""", en="""
## 5 The value matrix: Marcus's matrix

Marcus's matrix uses two dimensions — **average purchase value** (x) and **purchase frequency** (y) — split at the mean
into four cells, each with its play:
""")
ch.checked("show(rep.matrix.summary()[['label', 'customers', 'share', 'strategy']])")
ch.code("plot_value_matrix(rep.matrix, log='xy');")
ch.md(zh="""
两条轴都是对数刻度（每一格是 10 倍）：在普通刻度上，几位平均每单金额极高的客户会把横轴拉得很长、把其他人挤进左下角——这正是消费金额的长尾；
对数刻度把整个分布展开了。各格的人数和占比看格子里的标注。

这一步支持的决策是**营销手段的选择**：“常客”来得勤但每次买得少，适合交叉销售和组合推荐；“高消费客户”每次买得多但来得少，
适合提醒和邀约；“不确定客户”数量最多，只能用低成本渠道触达，再从中筛选有潜力的人。
""", en="""
Both axes are logarithmic (each step is ×10): on ordinary axes a few customers with huge average purchases stretch the
x-axis and squeeze everyone else into the lower left — the long tail of spend again; the log scale spreads the whole
distribution out. Read the counts and shares in the cell labels.

The decision this step supports is **the choice of marketing levers**: Frequent customers come often but spend little
each time — cross-sell and bundles; Spenders spend a lot but come rarely — reminders and invitations; the Uncertain
cell is the largest and is reached through low-cost channels, picking out those with potential.
""")

ch.md(zh="""
## 6 关系状态：谁在成长，谁在离开

RFM 是某一时点的“快照”，关系状态则看**客户处在生命周期的哪个阶段**。默认规则（`retail_quarterly`）：90 天内有购买为活跃；
91–180 天没有购买为**流失预警**；超过 180 天为**流失**；一年内购买至少 4 次为**忠诚**；流失后又回来购买为**挽回**。
""", en="""
## 6 Relationship states: who is growing, who is leaving

RFM is a snapshot; relationship states show **where each customer is in the life cycle**. The default rules
(`retail_quarterly`): a purchase within 90 days is active; 91–180 days without one is **at risk**; more than 180 days
is **lost**; at least 4 purchases within a year is **loyal**; buying again after being lost is **reactivated**.
""")
ch.checked("show(rep.states.summary()[['label', 'customers', 'share']])")
ch.code("plot_state_distribution(rep.states);")
ch.md(zh="""
把关系状态和细分放在一起，才知道**该先救谁**——同样是流失预警，重要客户和一般客户的优先级完全不同：
""", en="""
Putting states and segments side by side shows **whom to save first** — an at-risk Important customer and an at-risk
General customer are not the same priority:
""")
ch.checked("""
customers = rep.customers
show(pd.crosstab(customers['segment_label'], customers['state_label']))
""")
ch.md(zh="""
**在你自己的数据里看什么？** 90 / 180 天的界线适合每季度会回来购买的零售业务；购买周期长的行业（家电、B2B）要放宽，
否则大多数客户都会被判为“流失”。流失客户的比例如果超过三成，先检查界线是否适合你的购买周期，再下结论。
再看交叉表：八类方案的“近”是相对全体客户的均值而言的，如果大多数客户早已不再购买（例如 CDNOW，平均 368 天未购买），
“重要价值客户”里也会有按 180 天规则已经流失的人——行动以关系状态为准，细分说明他们过去的价值。
""", en="""
**What to look at in your own data.** The 90 / 180-day lines suit retail where customers return every quarter; with
long buying cycles (appliances, B2B) widen them, or most customers will look lost. If more than a third of your
customers are lost, check that the lines fit your buying cycle before drawing conclusions. Then look at the cross
table: "recent" in the 8 classes is relative to the mean of all customers, so when most customers stopped buying long
ago (CDNOW: 368 days on average) even Important value customers can be lost by the 180-day rule — act on the state,
and read the segment as their past value.
""")

ch.md(zh="""
## 7 流失预警名单与挽回名单

名单把状态变成**一线可以执行的工作**。流失预警名单按价值排序：累计消费进入前 25% 的客户由专人电话挽留（`save_call`），
其余发送个性化提醒（`reminder`）；近期流失的高价值客户发送挽回优惠（`win_back_offer`）。挽回名单列出刚刚回来的客户（`welcome_back`）
和值得再争取一次的流失客户：
""", en="""
## 7 At-risk and win-back lists

Lists turn states into **work the front line can do**. The at-risk list is sorted by value: customers whose spend is in
the top 25% get a personal save call (`save_call`), the others a personalised reminder (`reminder`); recently lost
high-value customers get a win-back offer (`win_back_offer`). The win-back list holds customers who just came back
(`welcome_back`) and lost customers worth one more try:
""")
ch.checked("""
show(pd.DataFrame({'at_risk_list': rep.at_risk['action'].value_counts(),
                   'win_back_list': rep.win_back['action'].value_counts()}).fillna(0).astype(int))
""")
ch.code("show(rep.at_risk.head(N_ROWS).drop(columns='action_text'))")
ch.code("show(rep.win_back.head(N_ROWS).drop(columns='action_text'))")
ch.md(zh="""
这一步支持的决策：**本周打给谁、发什么**。名单要和客服的产能对齐——如果专人电话的名单有几百位而客服只有两个人，
就把门槛提高（只打前 10%），或者把电话分到几周完成。
""", en="""
The decision this step supports: **whom to call and what to send this week**. Match the lists to the service team's
capacity — if the call list has hundreds of names and two people make the calls, raise the bar (only the top 10%) or
spread the calls over several weeks.
""")

ch.md(zh="""
## 8 各细分的行动

每位客户都得到一条行动建议：所属细分的策略、所属层级，以及按层级回访节奏（第 11 章）排出的**下一次回访日期和渠道**。
按细分汇总，就是给各部门的工作分派表：
""", en="""
## 8 Actions per segment

Every customer gets an action: the strategy of the segment, the tier, and the **date and channel of the next revisit**
from the revisit rhythm by tier (chapter 11). Summed up by segment, it is the work allocation for each team:
""")
ch.checked("""
actions = rep.segment_actions
show(pd.crosstab(actions['segment_label'], actions['channel_label']).loc[actions['segment_label'].unique()])
""")
ch.code("show(actions.groupby('segment', sort=False).head(1)[['segment_label', 'strategy', 'tier_label', 'revisit_date', 'channel_label']])")
ch.md(zh="""
表中各细分按收入从高到低排列，每个细分显示消费最高的一位客户作为示例。电话、微信和上门拜访留给金钻、白银、铜客户，
铁客户用自动短信——**服务成本与客户价值相匹配**，正是客户价值分类的最终目的。
""", en="""
Segments are in order of revenue, each with its top-spending customer as an example. Phone calls, WeChat messages and
visits go to the Platinum, Gold and Iron tiers; the Lead tier gets automated text messages — **matching the cost to serve with the customer's value** is
what customer value classification is for.
""")

ch.md(zh="""
## 9 导出：交付给业务部门的文件

`write_report` 把结果写成四个文件：一页 HTML 报告（图表内嵌，可以直接发邮件）、一个给业务人员看的 Excel 工作簿（客户表、
各细分的策略与客户价值、流失预警名单、挽回名单、价值模型与验证期检验、所有门槛与设置、数据报告各占一个工作表，表头和类别都是中文，
金额带货币符号）、以及给系统读取的客户表 CSV 和 Parquet（保留英文列名和类别编号）。此外，两份名单各导出一个 CSV，方便导入呼叫中心或
营销系统。以 `=`、`+`、`-`、`@` 开头的文本不会被表格软件当作公式执行（公式注入）：Excel 中原样保存为文本，CSV 中加前导撇号。
""", en="""
## 9 Export: the files for the business

`write_report` writes four files: a one-page HTML report (charts embedded, ready to e-mail), an Excel workbook for
people (one sheet each for the customers, the segments with their strategy and value, the at-risk list, the win-back
list, the value model and its holdout check, every threshold and setting used, and the data report — headers and
classes in the reader's language, money with its currency), and the customer table as CSV and Parquet for machines
(English column names and class ids). The two lists are also written as CSV files for a call centre or marketing
system. Text starting with `=`, `+`, `-` or `@` never runs as a formula (formula injection): Excel keeps it as text,
unchanged; the CSV files give it a leading apostrophe.
""")
ch.code("""
out = Path(OUTPUT_DIR)
files = write_report(rep, out, n_rows=N_ROWS)
files['at_risk_csv'] = write_csv(rep.at_risk.reset_index(), out / 'at_risk.csv')
files['win_back_csv'] = write_csv(rep.win_back.reset_index(), out / 'win_back.csv')
show(pd.Series({kind: path.name for kind, path in files.items()}, name=str(out)))
""")
ch.md(zh="""
工作簿的“门槛”工作表列出了每个分类用到的全部分界值——把它和名单一起交付，业务部门才能理解“为什么这位客户在这份名单上”。
下个月换一个 `AS_OF` 重新运行，就能比较名单上的客户有多少回来了。
""", en="""
The workbook's thresholds sheet lists every cut point the classifications used — deliver it with the lists so the
business understands why a customer is on a list. Rerun next month with a new `AS_OF` and compare how many listed
customers came back.
""")

ch.md(zh="""
## 10 练习

以下练习基于默认数据（Online Retail）。如果你已改用自己的数据，检查结果会显示“不正确”——这是正常的，练习的参考答案是按默认数据计算的。
""", en="""
## 10 Exercises

The exercises are about the default data (Online Retail). If you switched to your own data, the checks will say
"incorrect" — that is expected: the reference answers are computed on the default data.
""")
ch.exercise("ch14", "q1")
ch.exercise("ch14", "q2")
ch.code("explorer = RfmExplorer(rep.scores.table)\nexplorer")
ch.exercise("ch14", "q3")

ch.md(zh="""
## 讨论

1. **（练习 4）** 这个月客服只能打 100 个挽留电话。你会打给谁？从哪几份名单里选、按什么顺序？其余客户怎么办？
2. 用你自己企业的数据跑一遍：哪一步最难（找数据、对列名、定基准日、定界线）？哪一个结果最出乎意料？
3. 结果交给业务部门之后，怎样判断分类和行动是否有效？多久重新运行一次？
""", en="""
## Discussion

1. **(Exercise 4)** The service team can make only 100 save calls this month. Whom do you call — from which lists, in
   what order? What happens to everybody else?
2. Run the notebook on your own company's data: which step was hardest (finding the data, matching the columns,
   choosing the analysis date, setting the lines)? Which result surprised you most?
3. Once the business has the results, how do you judge whether the classes and actions work? How often do you rerun?
""")
ch.code("ch14.q4.check()\n# ch14.q4.solution()")
ch.trainer(zh="""
约 120 分钟：开场与参数 10 分钟 · 数据报告 15 分钟 · RFM 与细分 25 分钟 · 分层与矩阵 15 分钟 · 状态与名单 20 分钟 ·
行动与导出 10 分钟 · 练习与讨论 25 分钟。带了自己数据的学员在第 0 节改参数后直接运行全部单元格，其余学员用默认数据；
详细安排见培训师手册第 14 章。

学员常见困难：文件路径写错（相对路径以 Notebook 所在文件夹为起点）；表头识别不了时不知道写 `COLUMNS`（报错信息会给出找到的列名和写法）；
日期格式有歧义（01/02/2011）时忘记 `date_format`；把练习的“不正确”当成分析错误（练习按默认数据出题）。
讨论 1 参考：先打 save_call 名单（默认数据 64 位，其中重要挽留客户优先），再用剩余名额回访高价值的近期流失客户；
其余预警客户发短信或邮件提醒，挽回客户发欢迎回归问候；一个月后重算，比较回购率。
讨论 3 参考：设对照组（名单中随机留出一部分不联系），比较回购率和消费额；每月或每季度以新的基准日重算，跟踪客户在细分之间的迁移。
""", en="""
About 120 minutes: opening and parameters 10 min · data report 15 · RFM and segments 25 · tiers and the matrix 15 ·
states and lists 20 · actions and export 10 · exercises and discussion 25. Students who brought their own data change
the parameters in section 0 and run every cell; the others use the default data. See chapter 14 of the trainer guide.

Where students stumble: a wrong file path (a relative path starts from the notebook's folder); not knowing to set
`COLUMNS` when headers are not recognised (the error message shows the headers found and how to map them); forgetting
`date_format` when dates are ambiguous (01/02/2011); reading an exercise's "incorrect" as an analysis error (the
exercises are set on the default data).
Discussion 1: call the save_call list first (64 customers on the default data, Important retention customers first),
then spend the remaining calls on recently lost high-value customers; remind the other at-risk customers by text or
e-mail and greet the reactivated; rerun a month later and compare repurchase rates.
Discussion 3: keep a control group (a random part of each list not contacted) and compare repurchase and spend; rerun
monthly or quarterly with a new analysis date and follow the customers' moves between segments.
""")

ch.md(zh="""
## 小结

- 完整流程：**读取与数据报告 → RFM → 细分与策略 → 分层 → 价值矩阵 → 关系状态 → 名单 → 行动 → 导出**，所有分类共用一个基准日。
- 数据报告让每一行都有交代；门槛表让每个分类都说得清来历。
- 细分回答“是什么样的客户”，分层回答“资源给谁”，矩阵回答“用什么手段”，关系状态与名单回答“现在该做什么”。
- 分析自己的数据，只改参数单元格；也可以在命令行运行 `python -m helpers report 你的文件.xlsx`，得到同样的报告文件。

**自查清单**：列映射对吗？日期范围合理吗？剔除比例能解释吗？基准日是哪天？界线适合你的购买周期吗？名单和产能对得上吗？

全部课程到此结束。回到 [从这里开始](00_start_here.ipynb) 查看课程地图，或回到任一章复习用到的工具。
""", en="""
## Recap

- The whole process: **load and data report → RFM → segments and strategies → tiers → value matrix → relationship states →
  lists → actions → export**, every classification on one analysis date.
- The data report accounts for every row; the thresholds sheet explains where every class comes from.
- Segments say what kind of customer, tiers where the resources go, the matrix which levers to use, states and lists
  what to do now.
- To analyse your own data, change only the parameters cell; or run `python -m helpers report your_file.xlsx` on the
  command line for the same report files.

**Checklist**: is the column mapping right? Is the date range plausible? Can you explain the excluded shares? Which
analysis date? Do the lines fit your buying cycle? Do the lists match the team's capacity?

This is the end of the course. Go back to [Start here](00_start_here.ipynb) for the course map, or to any chapter to
revisit a tool.
""")

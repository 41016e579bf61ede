"""Chapter 00 · Start here: the course map, how exercises and explorers work, the datasets."""
from helpers.teaching.authoring import Chapter

ch = Chapter("00_start_here", setup_extra="""
from helpers.teaching.exercises import ch00, ____
from helpers.display import show
from helpers.teaching.syllabus import chapter_table
from helpers.data import load_online_retail, load_cdnow
from helpers.data import load_demo
from helpers.teaching.widgets import ClvCalculator
""")

ch.md(zh="""
# 客户价值分类管理 · 从这里开始

欢迎！这套 Notebook 是一门**客户价值分类管理**实训课：我们用真实的交易数据回答企业每天都要面对的问题——
谁是最有价值的客户？谁正在流失？有限的服务资源该投向哪里？

**本章目标**
- 会运行 Notebook、完成练习并即时得到反馈；
- 会使用交互式讲解器（拖动滑块，结果立即更新）；
- 能读懂**数据报告**：读取了多少行、保留了多少行、每一行被剔除的原因。
""", en="""
# Customer value classification · Start here

Welcome! These notebooks are a hands-on course in **customer value classification and management**.
We use real transaction data to answer the questions a company faces every day: who are our most
valuable customers? Who is drifting away? Where should limited service resources go?

**Objectives of this chapter**
- run a notebook, do an exercise and get instant feedback;
- use an interactive explorer (move a slider, the result updates at once);
- read a **data report**: how many rows were read, how many were kept, and why each excluded row was excluded.
""")

ch.md(zh="""
## 课程地图

课程共 14 章，约三天。前半部分回答“客户值多少钱、该如何分类”（ABC、RFM、金字塔、价值矩阵、终生价值），
后半部分回答“如何经营每一类客户”（大客户、满意度、忠诚与流失、关怀回访、投诉处理、客户体验），
最后一章用同一套方法分析你自己的数据。
""", en="""
## The course map

The course has 14 chapters, about three days. The first half asks *what is a customer worth and how do we
classify customers* (ABC, RFM, the customer pyramid, value matrices, lifetime value); the second half asks
*how do we manage each class* (key accounts, satisfaction, loyalty and churn, care and revisits, complaints,
customer experience). The last chapter applies the whole method to your own data.
""")
ch.code("show(chapter_table())")

ch.md(zh="""
## 如何使用这些 Notebook

- 按 **Shift+Enter** 从上到下逐个运行单元格；第一个单元格 `helpers.setup(lang="zh")` 设置中文标签和图表字体。
- 代码单元格都很短：计算都在 `helpers` 库里完成，Notebook 只负责提问和解释。想知道某个函数做了什么，
  在函数名后加 `?` 运行即可，例如 `load_online_retail?`。
- 每章有**练习**：把 `____` 换成你的答案，运行 `chNN.q1.check()` 立即得到反馈；
  `hint()` 给出提示（可以多次，`hint(2)` 更具体），`solution()` 给出参考答案。
""", en="""
## How to use the notebooks

- Run the cells from top to bottom with **Shift+Enter**; the first cell, `helpers.setup(lang="en")`, sets the
  language of labels and the chart font.
- Code cells are short: the computing happens in the `helpers` library, the notebook asks and explains.
  To see what a function does, run its name followed by `?`, e.g. `load_online_retail?`.
- Every chapter has **exercises**: replace `____` with your answer and run `chNN.q1.check()` for instant
  feedback; `hint()` gives a hint (ask again with `hint(2)` for a more specific one) and `solution()` shows
  the model answer.
""")

ch.md(zh="""
## 数据集一览：数据报告

分析的第一步永远是**核对数据**。`load_online_retail()` 读取英国一家在线礼品商店 2010–2011 年的全部发票行
（UCI Online Retail 数据集），并返回两样东西：清洗后的交易表 `tx` 和数据报告 `report`。
报告保证**一行都不会悄悄丢失**：读取行数 = 保留行数 + 按原因剔除的行数。
""", en="""
## The datasets: the data report

The first step of any analysis is **checking the data**. `load_online_retail()` reads every invoice line of a
UK online gift shop in 2010–2011 (the UCI Online Retail dataset) and returns two things: the clean transactions
`tx` and the data report `report`. The report guarantees that **no row disappears silently**:
rows read = rows kept + rows excluded, by reason.
""")
ch.checked("tx, report = load_online_retail()\nreport")
ch.exercise("ch00", "q1")
ch.exercise("ch00", "q2")
ch.exercise("ch00", "q3")

ch.md(zh="""
**怎么读这份报告？** 约四分之一的发票行没有客户编号——这些多半是未登录的游客订单，
无法归到任何客户，所以不能进入客户价值分析；以 “C” 开头的发票是取消单，如果不剔除，
会把客户的消费金额算低；完全重复的行通常是系统导出时重复记录。每个原因后面都列出了最先出现的行号，方便回到原始文件核对。
""", en="""
**How to read the report.** About a quarter of the invoice lines carry no customer id — mostly guest orders
that belong to nobody, so they cannot enter a customer value analysis. Invoices starting with "C" are
cancellations; left in, they would understate what customers spent. Exact duplicate lines are usually an
export glitch. Each reason lists the first row numbers so you can check them in the original file.
""")


ch.md(zh="""
课程还用到另外两份数据：**CDNOW**（美国一家网上唱片店 1997–1998 年的购买记录，是客户终生价值模型的经典数据集），
以及一家虚构的**连锁零售企业“演示公司”**——它有会员档案、订单、满意度问卷、投诉记录、回访记录和大客户联系人，
用来讲解真实数据难以公开的主题。
""", en="""
Two more datasets appear in the course: **CDNOW** (purchases at a US online CD store in 1997–1998, the classic
dataset of customer lifetime value models) and a fictitious **retail chain, the demo company**, with member
profiles, orders, a satisfaction survey, complaints, a revisit log and key-account contacts, for the topics
real data rarely shows in public.
""")
ch.checked("cdnow, cdnow_report = load_cdnow()\nshow({'rows_read': cdnow_report.rows_read, 'customers': cdnow_report.customers})")
ch.checked("demo_customers = load_demo('customers')\nshow({'customers': len(demo_customers)})")

ch.md(zh="""
## 交互式讲解器

讲解器把一个计算变成可以“玩”的东西：拖动滑块，结果立即重新计算。下面的**客户终生价值计算器**
用公式 CLV = m·r/(1+i−r) 计算一位客户未来利润的现值（m 每期利润，r 保留率，i 折现率；第 6 章详细讲解）。
试着把保留率从 0.80 调到 0.90，看看 CLV 如何变化。
""", en="""
## Interactive explorers

An explorer turns a calculation into something you can play with: move a slider and the result is recomputed.
The **customer lifetime value calculator** below values a customer's future profit as CLV = m·r/(1+i−r)
(m profit per period, r retention rate, i discount rate; chapter 6 explains it). Move the retention rate from
0.80 to 0.90 and watch the CLV.
""")
ch.code("calc = ClvCalculator()\ncalc")
ch.exercise("ch00", "q4")

ch.md(zh="""
## 回到课程地图：整门课的主线——客户关系维护链

经营客户关系像一条链子，一环扣一环：**信息 → 认识 → 选择 → 开发 → 分级 → 沟通 → 满意 → 忠诚**。
没有客户信息就无从认识客户；认识了才能选择值得争取的客户；开发成功后要分级经营；分级决定怎样沟通；沟通与服务带来满意；
满意到一定程度才有忠诚。这条链也代表一种观念转变：从“抢市场份额、不断找新客户”，转向“留住并经营好忠诚的老客户”。

| 环节 | 在本课程中 |
|---|---|
| 信息 | 第 0 章数据报告；第 11 章顾客档案 |
| 认识 | 第 2 章客户类型与关系状态 |
| 选择 | 第 5 章目标客户选择、相似客户 |
| 开发 | 第 2 章转化；第 4 章唤醒铁客户、推动升级 |
| 分级 | 第 1 章 ABC；第 3 章 RFM；第 4 章金字塔；第 8 章大客户 |
| 沟通 | 第 7 章沟通风格；第 11 章关怀与回访 |
| 满意 | 第 9 章满意度；第 12 章投诉；第 13 章体验 |
| 忠诚 | 第 6 章终生价值；第 10 章忠诚与流失 |
""", en="""
## Back to the course map: the thread of the course — the care chain

Managing customer relationships is a chain whose links hold each other: **information → knowing → choosing →
developing → grading → communicating → satisfying → loyalty**. Without information there is no knowing the
customers; knowing them lets us choose the ones worth winning; once won, they are managed by grade; the grade decides
how we communicate; communication and service bring satisfaction; and loyalty needs enough satisfaction. The chain
also marks a change of mind: from grabbing market share and chasing new customers to keeping and serving loyal ones.

| link | in this course |
|---|---|
| information | chapter 0, the data report; chapter 11, customer records |
| knowing | chapter 2, customer types and relationship states |
| choosing | chapter 5, target selection and look-alikes |
| developing | chapter 2, conversion; chapter 4, waking up the bottom tier and moving customers up |
| grading | chapter 1 ABC; chapter 3 RFM; chapter 4 the pyramid; chapter 8 key accounts |
| communicating | chapter 7, communication styles; chapter 11, care and revisits |
| satisfying | chapter 9 satisfaction; chapter 12 complaints; chapter 13 experience |
| loyalty | chapter 6 lifetime value; chapter 10 loyalty and churn |
""")
ch.exercise("ch00", "q5")
ch.trainer(zh="""
维护链与 q5 约 5 分钟（可选；时间紧时只念一遍链条和对照表）。卡片容易混的是 C6（开发：促成第一次购买）与 C5（忠诚：留住、奖励推荐），
以及 C8（沟通）与 C3（满意）——沟通是手段，满意是结果。
""", en="""
The care chain and q5 take about 5 minutes (optional; when short of time, read the chain and the table once). Cards
students mix up: C6 (developing: bringing about a first purchase) with C5 (loyalty: keeping customers, rewarding
referrals), and C8 (communicating) with C3 (satisfying) — communication is the means, satisfaction the result.
""")

ch.md(zh="""
## 讨论

1. 你的企业里，客户数据分散在哪些系统中（收银、电商、会员、客服）？合并时最容易出什么问题？
2. 为什么“剔除了多少行、为什么剔除”必须写进分析报告，而不是默默删掉？
""", en="""
## Discussion

1. In your company, which systems hold customer data (tills, online shop, membership, service desk)? What
   goes wrong most often when they are combined?
2. Why must "how many rows were excluded, and why" be part of an analysis report rather than silently dropped?
""")
ch.trainer(zh="""
约 30 分钟：课程地图 5 分钟，Notebook 与练习用法 10 分钟（请学员一起完成 q1–q3），数据报告 10 分钟，讲解器 5 分钟。
学员常见困难：忘记先运行第一个单元格（会出现 NameError）；把 `____` 留在代码里直接运行检查（会提示“尚未作答”，这是正常的）。
讨论 2 的参考答案：被剔除的行可能正好是问题所在（例如某门店的订单都缺客户编号），不报告就无法发现；管理层需要知道结论建立在多大比例的数据上。
学员版（`make student`）去掉了参考答案单元格和本备注。
""", en="""
About 30 minutes: course map 5, how notebooks and exercises work 10 (do q1–q3 together with the class), the data
report 10, the explorer 5. Where students stumble: not running the first cell (NameError); running a check with
`____` still in place (it says "not attempted" — that is expected).
Answer to discussion 2: the excluded rows may be the problem itself (e.g. one store whose orders all lack a
customer id); unreported, nobody notices; management needs to know what share of the data a conclusion rests on.
The student edition (`make student`) drops solution cells and these notes.
""")

ch.md(zh="""
## 小结

- 每章的计算都来自 `helpers` 库；练习用 `check()`、`hint()`、`solution()`。
- 数据报告对每一行负责：读取 = 保留 + 剔除（按原因）。
- 下一章：[01 为什么要对客户分类](01_why_classify.ipynb)——同样是一元钱的收入，不同客户贡献的利润可能天差地别。
""", en="""
## Recap

- Every computation comes from the `helpers` library; exercises use `check()`, `hint()` and `solution()`.
- The data report accounts for every row: read = kept + excluded (by reason).
- Next: [01 Why classify customers](01_why_classify.ipynb) — the same revenue can mean very different profit from different customers.
""")

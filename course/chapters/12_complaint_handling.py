"""Chapter 12 · Complaint handling: 24-hour first response, resolution times, complaint Pareto, service recovery."""
from helpers.teaching.authoring import Chapter

ch = Chapter("12_complaint_handling", setup_extra="""
import pandas as pd
from helpers.teaching.exercises import ch12, ____
from helpers.display import show
from helpers.data import load_demo, demo_label
from helpers.complaints import complaint_metrics, complaint_metrics_by, complaint_pareto
from helpers.clv import simple_clv
from helpers.i18n import label
from helpers.plots import plot_response_times, plot_complaint_pareto
""")

ch.md(zh="""
# 第 12 章 · 客户投诉处理

上一章我们按客户价值安排关怀与回访——那是企业**主动**找客户。投诉则是客户**主动**找企业，而且往往是在他最不满意的时刻。
处理得好，投诉是留住客户、发现流程漏洞的最好机会；处理不好，流失的不只是这一位客户，还有他身边的人。

**本章目标**
- 能计算 24 小时首次答复率与解决时长；
- 能用帕累托图找出投诉的“关键少数”。

**本章路线**：为什么被妥善处理的投诉者会留下 → 投诉处理流程与服务补救（小测验）→ 用演示公司“悦家生活”的投诉记录计算
24 小时答复率、解决时长与积压 → 按渠道比较 → 投诉帕累托图。
""", en="""
# Chapter 12 · Complaint handling

The previous chapter planned care and revisits by customer value — the firm reaching out. A complaint is the
customer reaching out, usually at the moment they are least satisfied. Handled well, it is the best chance to keep
the customer and to find a broken process; handled badly, the firm loses not only this customer but also the people
they talk to.

**Objectives**
- compute the 24-hour first-response rate and resolution times;
- find the vital few with a Pareto chart.

**Route**: why complainers who are helped stay → the handling process and service recovery (a quiz) → the 24-hour
response rate, resolution times and backlog on the complaints of the demo company Yuejia Living → channels
compared → the complaint Pareto chart.
""")

ch.md(zh="""
## 1. 为什么被妥善处理的投诉者会留下

美国 TARP 公司（Technical Assistance Research Programs）的一系列研究常被引用为投诉管理的基本事实：

- **投诉只是冰山一角**：不满意的顾客中只有约 4% 会投诉（约 26 位中才有 1 位）；其余的人不说，直接走。
- **投诉并得到满意处理的顾客最忠诚**。遇到问题后仍愿意再次购买的比例：

| 问题造成的损失 | 不满但未投诉 | 投诉但未被满意解决 | 投诉并被满意解决 | 投诉并被**迅速**满意解决 |
|---|---|---|---|---|
| 小额（< 5 美元） | 37% | 46% | 70% | 95% |
| 大额（> 100 美元） | 9% | 19% | 54% | 82% |

- **服务补救悖论**（McCollough & Bharadwaj 1992）：问题被迅速、出色地解决后，顾客的满意度甚至可能高于从未遇到问题的顾客。

把这些比例当作年保留率，代入第 6 章的 CLV 公式（每年利润 100 元，折现率 10%），就能看到一次投诉处理的分量：
""", en="""
## 1. Why complainers who are helped stay

A series of studies by TARP (Technical Assistance Research Programs) is widely quoted as the basic facts of
complaint management:

- **Complaints are the tip of the iceberg**: only about 4 % of dissatisfied customers complain (about 1 in 26); the
  others say nothing and leave.
- **Complainers whose problem is solved are the most loyal.** Share still willing to buy again after a problem:

| loss caused by the problem | unhappy, did not complain | complained, not satisfied | complained, satisfied | complained, **quickly** satisfied |
|---|---|---|---|---|
| small (< $5) | 37 % | 46 % | 70 % | 95 % |
| large (> $100) | 9 % | 19 % | 54 % | 82 % |

- **The service-recovery paradox** (McCollough & Bharadwaj 1992): after a quick, excellent recovery a customer can be
  even more satisfied than one who never had a problem.

Take these shares as yearly retention rates and put them into the CLV formula of chapter 6 (margin 100 a year,
discount rate 10 %) to see what one handled complaint is worth:
""")
ch.checked("rates = [0.37, 0.46, 0.70, 0.95]\n"
           "show(pd.Series(simple_clv(100, retention=rates, discount=0.10), index=pd.Index(rates, name='retention'), name='clv'),"
           " decimals=1)")
ch.md(zh="""
同一位顾客（小额问题）：不投诉就走掉时只值 50.7 元；投诉后被迅速满意解决，价值升到 633.3 元——**十倍以上**。
这就是企业应该**鼓励**顾客投诉（公开渠道、简化流程）、并把“迅速”写进服务标准的原因。
""", en="""
The same customer (small problem) is worth only 50.7 when they leave without complaining, and 633.3 when their
complaint is solved quickly and well — **more than ten times as much**. That is why a firm should **encourage**
complaints (open channels, an easy process) and write "quickly" into its service standards.
""")

ch.md(zh="""
## 2. 投诉处理流程与服务补救

一次完整的投诉处理可以分成六步：

1. **倾听与致歉**：让顾客把话说完，先处理情绪，再处理事情；为给顾客带来的不便道歉（道歉不等于认错）。
2. **记录与确认**：复述问题，核对订单等关键信息，给出投诉编号和答复时限——**24 小时内首次答复**。
3. **调查原因**：查记录、问相关部门，找出问题出在哪个环节。
4. **解决与补偿**：给出方案并立即执行；补偿与顾客的损失和价值相称。
5. **回访跟进**：结案后 1–2 天内回访（第 11 章的投诉结案回访），确认顾客满意。
6. **分析改进**：定期汇总投诉（帕累托图），从根源上消除问题，让同类投诉不再发生。

前五步是为**这一位**顾客做补救，第六步是为**以后所有**顾客消除原因。
""", en="""
## 2. The handling process and service recovery

A complete complaint handling has six steps:

1. **Listen and apologise**: let the customer finish; deal with the feelings first, then the facts; apologise for the
   trouble (an apology is not an admission of fault).
2. **Record and confirm**: repeat the problem back, check the order and other key facts, give a case number and a
   time for the answer — **a first response within 24 hours**.
3. **Investigate**: check the records, ask the departments involved, find where it went wrong.
4. **Resolve and compensate**: offer a solution and carry it out at once; compensation in proportion to the
   customer's loss and value.
5. **Follow up**: contact the customer 1–2 days after closing (the post-complaint revisit of chapter 11) to make sure
   they are satisfied.
6. **Analyse and improve**: review complaints regularly (the Pareto chart) and remove the causes, so the same
   complaint does not come back.

The first five steps recover **this** customer; the sixth removes the cause for **all** future customers.
""")
ch.exercise("ch12", "q4")

ch.md(zh="""
### 门店常用的另一种六步说法

很多门店培训把流程写成另外六步：**倾听 → 道歉 → 询问 → 迅速解决 → 再次联系并再次致歉 → 记录**。两种说法讲的是同一件事，对应关系如下：

| 门店六步 | 本课程的六步 | 说明 |
|---|---|---|
| 倾听 | ① 倾听与致歉 | 先让顾客把话说完（第 11 章第 8 节的倾听要点） |
| 道歉 | ① 倾听与致歉 | 为给顾客带来的不便道歉，不等于认错 |
| 询问 | ② 记录与确认、③ 调查原因 | 问清事实，复述确认；先找原因，再谈办法 |
| 迅速解决 | ④ 解决与补偿 | 能当场解决的当场解决 |
| 再次联系并再次致歉 | ⑤ 回访跟进 | 结案后再联系一次，确认满意，再表达一次歉意 |
| 记录 | ② 记录与确认、⑥ 分析改进 | 记下来，才能汇总成帕累托图、从根源上改进 |

### 处理投诉的技巧与禁忌

流程之外，细节决定顾客的感受：

| 可以这样做 | 不要这样做 |
|---|---|
| 站在顾客的角度看问题，先处理情绪再处理事情 | 说“这种问题我们天天遇到”“没什么大不了” |
| 微笑、请坐、倒一杯水，换个安静的地方谈 | 在其他顾客面前争执 |
| 说到做到：答应几点回电，就几点回电 | 承诺做不到的事 |
| 补偿与顾客的损失相称；适当送一份小礼品表示歉意 | 对顾客、同事或公司说负面的话（“都是仓库那帮人搞错的”） |
| 按“三包”（包修、包换、包退）规定办，不让顾客来回跑；需要时安排送货上门和安装 | 拿顾客开玩笑；幽默只能用来缓和气氛，不能冲着顾客 |
""", en="""
### Another common six-step version from the shop floor

Many store trainings write the process as six other steps: **listen → apologise → ask → solve quickly → contact again
and apologise again → record**. Both versions say the same thing:

| shop-floor six steps | the course's six steps | note |
|---|---|---|
| listen | 1 listen and apologise | let the customer finish first (the listening points of chapter 11, section 8) |
| apologise | 1 listen and apologise | apologise for the trouble — not an admission of fault |
| ask | 2 record and confirm, 3 investigate | get the facts and confirm them; find the cause before the remedy |
| solve quickly | 4 resolve and compensate | solve on the spot whatever can be solved there |
| contact again and apologise again | 5 follow up | one more contact after closing, to confirm satisfaction and apologise once more |
| record | 2 record and confirm, 6 analyse and improve | only what is written down can be summed up in a Pareto chart and fixed at the root |

### Techniques, and what never to do

Beyond the process, details decide how the customer feels:

| do | don't |
|---|---|
| see it from the customer's side; deal with the feelings before the facts | say "we get this every day" or "it's no big deal" |
| smile, offer a seat and a glass of water, move somewhere quiet | argue in front of other customers |
| keep your word: call back at the time you promised | promise what cannot be done |
| compensate in proportion to the loss; a small gift as an apology | speak badly of the customer, colleagues or the company ("the warehouse lot got it wrong") |
| apply the "three guarantees" (三包: repair, replacement, refund) without sending the customer back and forth; arrange delivery and installation when needed | joke at the customer's expense — humour may ease the mood, never aim at the customer |
""")
ch.exercise("ch12", "q6")
ch.md(zh="课后可以用 [投诉处理角色扮演卡](../../course/cases/complaint_roleplay.zh.md) 练习。",
      en="Afterwards, practise with the [complaint-handling role-play cards](../../course/cases/complaint_roleplay.en.md).")
ch.trainer(zh="""
两种六步说法的对照 3 分钟（核心：学员在门店培训里多半学过另一种说法），技巧与禁忌和 q6 7 分钟（核心），角色扮演一轮 10 分钟（可选）。
q6 里 T6（拿顾客的脾气开玩笑）最容易被当成“用幽默缓和气氛”：幽默可以用，但对象只能是自己或事情，绝不是顾客。
""", en="""
Comparing the two six-step versions 3 minutes (core: most students have learnt the other version in store training),
techniques and don'ts with q6 7 minutes (core), one round of role play 10 minutes (optional). In q6, T6 (joking about
the customer's temper) is often taken for "easing the mood with humour": humour is fine, but aimed at yourself or the
situation — never at the customer.
""")

ch.md(zh="""
## 3. 24 小时首次答复率与解决时长

演示公司“悦家生活”记录了 2023–2025 年的全部投诉：收到时间、首次答复时间、解决时间、类别和渠道。
我们以 2026-01-01 为分析日期（`as_of`）。每条投诉的关键时长：

- **首次答复时长** = 首次答复时间 − 收到时间；
- **24 小时答复率** = 24 小时内首次答复的投诉数 ÷ 纳入考核的投诉数。**纳入考核**的是已答复的投诉，以及到分析日期为止
  已满 24 小时仍未答复的投诉（算作超时）；收到不满 24 小时、尚未答复的投诉还没有“超时”的机会，不计入；
- **解决时长** = 解决时间 − 收到时间，只对已解决的投诉计算；同时报告平均数、中位数和 P90（90% 的投诉在此时长内解决）。
""", en="""
## 3. The 24-hour first-response rate and resolution times

The demo company Yuejia Living logged every complaint of 2023–2025: when it came in, when it was first answered, when
it was resolved, its category and channel. The analysis date (`as_of`) is 2026-01-01. The key durations per
complaint:

- **first-response time** = first response − receipt;
- **24-hour response rate** = complaints first answered within 24 hours ÷ complaints **counted** for the target:
  those answered, plus those still unanswered after 24 hours or more at the analysis date (breaches); a complaint
  received less than 24 hours ago and not yet answered has had no chance to breach and is left out;
- **resolution time** = resolution − receipt, over resolved complaints only; reported as mean, median and P90
  (90 % of complaints are resolved within it).
""")
ch.md(zh="""
先用三条投诉看清这条规则（分析日期 2024-05-06 09:00）：K1 两小时后得到答复；K2 已经等了 48 小时仍未答复；K3 收到才 13 小时、尚未答复。
""", en="""
Three complaints make the rule clear (analysis date 2024-05-06 09:00): K1 was answered after two hours; K2 has waited
48 hours without an answer; K3 came in only 13 hours ago and is not answered yet.
""")
ch.checked("""
three = pd.DataFrame({"complaint_id": ["K1", "K2", "K3"],
                      "received_at": ["2024-05-01 09:00", "2024-05-04 09:00", "2024-05-05 20:00"],
                      "first_response_at": ["2024-05-01 11:00", None, None], "resolved_at": [None, None, None]})
example = complaint_metrics(three, as_of="2024-05-06 09:00")
display(show(example.table[["frt_hours", "sla_eligible", "within_sla"]]))
show({"within_sla_rate": example.metrics["within_sla_rate"]})
""")
ch.md(zh="""
K1 按时，K2 超时，K3 还没有“超时”的机会、不纳入考核：24 小时答复率 = 1 ÷ 2 = 50%（而不是 1 ÷ 3）。现在看演示公司的全部投诉：
""", en="""
K1 is on time, K2 is a breach, K3 has had no chance to breach and is left out: the 24-hour rate is 1 ÷ 2 = 50 % (not
1 ÷ 3). Now all the complaints of the demo company:
""")
ch.code("""
complaints = load_demo("complaints")
orders = load_demo("orders")
m = complaint_metrics(complaints, as_of="2026-01-01", orders=orders)
""")
ch.checked("m")
ch.md(zh="""
**怎么读？** 298 条投诉中 297 条纳入考核（有 1 条在分析日期前不到 24 小时收到、尚未答复），其中 89.2% 在 24 小时内得到首次答复。
平均解决时长约 28.7 小时，而中位数只有 13.6 小时：多数投诉当天解决，少数拖得很久，把平均数拉高了——
**时长数据偏斜时，看中位数和 P90，而不是只看平均数**。对顾客的承诺可以写成“90% 的投诉在 80 小时（约三天半）内解决”。
每 1,000 笔订单约有 21 条投诉。

还有 18 条投诉未结：13 条已答复却一直没有结案（最久的已约 60 天），5 条仍在等待首次答复——这些是**今天就要处理**的。
只有答复、没有解决，不算服务。
""", en="""
**How to read it.** 297 of the 298 complaints count for the target (one came in less than 24 hours before the
analysis date and is not yet answered); 89.2 % of them got a first response within 24 hours. The mean resolution
time is about 28.7 hours but the median only 13.6: most complaints are solved the same day, a few drag on and pull
the mean up — **when durations are skewed, read the median and P90, not only the mean**. A promise to customers
could read "90 % of complaints resolved within 80 hours (about three and a half days)". There are about 21 complaints per 1,000
orders.

18 complaints are still open: 13 answered but never closed (the oldest for about 60 days) and 5 still awaiting a
first response — these are **today's work**. A first response without a resolution is not service.
""")
ch.checked("""
oldest_open = m.table[m.table["resolved_at"].isna()].sort_values("open_age_hours", ascending=False).head(5)
show(oldest_open[["category", "channel", "status", "open_age_hours"]], decimals=1)
""")
ch.md(zh="""
首次答复时长的分布：大多数投诉在几小时内得到答复，但 24 小时目标线右侧仍有一条“长尾”。
""", en="""
The distribution of first-response times: most complaints are answered within hours, but a tail remains to the right
of the 24-hour target line.
""")
ch.code("plot_response_times(m.table, sla_hours=24, binrange=(0, 120), bins=30);")

ch.md(zh="""
## 4. 按渠道比较

同样的指标按投诉渠道分组（hotline 客服热线、online 在线客服、social 社交媒体、store 门店）：
""", en="""
## 4. Channels compared

The same metrics per complaint channel (hotline, online service, social media, store):
""")
ch.checked("""
by_channel = complaint_metrics_by(complaints, by="channel", as_of="2026-01-01")
show(by_channel[["channel", "received", "within_sla_rate", "resolution_hours_median", "resolution_hours_p90", "backlog"]],
     decimals=1)
""")
ch.exercise("ch12", "q1")
ch.md(zh="""
**周一该做什么？** 一个可能的原因：门店收到的投诉最容易“掉在地上”——店员忙于接待，投诉没有及时录入系统。先核实这一点，
再要求门店当场录入投诉，并由系统自动提醒客服中心跟进。
""", en="""
**What to do on Monday.** One likely reason: complaints made in a store are the easiest to drop — staff are busy
serving and the complaint is not logged in time. Check this first, then ask stores to log complaints on the spot,
with an automatic reminder to the service centre.
""")

ch.md(zh="""
## 5. 投诉帕累托图：找出关键少数

意大利经济学家帕累托发现的规律在投诉中同样成立：**少数几类问题造成了大多数投诉**。把投诉按类别计数、从大到小排列、
计算累计占比；从最大的类别开始，直到累计占比**越过** 80% 的那一类为止（包含它），这些类别就是“关键少数”。
改进资源应该先投向它们。
""", en="""
## 5. The complaint Pareto chart: the vital few

Pareto's rule holds for complaints too: **a few kinds of problem cause most complaints**. Count complaints by
category, sort from largest to smallest and accumulate the shares; from the largest category up to and including the
one whose cumulative share **crosses** 80 %, those are the "vital few". Improvement effort goes to them first.
""")
ch.checked("pareto = complaint_pareto(complaints, by=\"category\")\nshow(pareto)")
ch.code("plot_complaint_pareto(pareto.assign(category=demo_label(pareto[\"category\"], \"category\")));")
ch.exercise("ch12", "q2")
ch.md(zh="""
配送、商品质量、退换货、收费与账单四类（7 类中的 4 类）占全部投诉的 81%。配送问题一项就占三分之一——
与快递公司的服务协议、发货前的质检，是最先要改进的两个环节。
帕累托图告诉我们**数量**；还要结合**严重程度**：比如收费与账单类投诉被升级到经理的比例最高（约 24%），它们虽然不是最多的，却最伤信任。
""", en="""
Delivery, product quality, returns and billing (4 of 7 categories) hold 81 % of all complaints. Delivery alone is a
third — the service agreement with the couriers and the check before dispatch are the first two places to improve.
The Pareto chart shows **volume**; weigh **severity** too: billing complaints, for instance, are escalated to a
manager most often (about 24 %) — not the most frequent, but the most damaging to trust.
""")
ch.checked("""
by_category = complaint_metrics_by(complaints, by="category", as_of="2026-01-01")
show(by_category[["category", "received", "escalation_rate", "resolution_hours_median", "fcr_rate"]], decimals=1)
""")
ch.exercise("ch12", "q3")

ch.md(zh="""
## 讨论

1. “服务补救悖论”是否意味着企业可以先出错、再补救？它在什么条件下成立？
2. 只有约 4% 的不满顾客会投诉。你的企业可以做些什么，让沉默的不满顾客开口？
3. 如果把“24 小时答复率”作为客服人员的考核指标，可能会出现哪些“为了指标而指标”的行为？怎样防范？
""", en="""
## Discussion

1. Does the service-recovery paradox mean a firm may fail first and recover later? Under which conditions does it hold?
2. Only about 4 % of dissatisfied customers complain. What could your company do to make the silent ones speak up?
3. If the 24-hour response rate becomes a target for service staff, what gaming might follow? How would you prevent it?
""")
ch.code("ch12.q5.check()   # 讨论题 1 / discussion question 1\n# ch12.q5.solution()   # 讨论之后再看参考思路 / a model answer, after the discussion")
ch.trainer(zh="""
约 90 分钟：投诉的价值与 TARP 数据 15 分钟，处理流程与小测验 20 分钟（q4），24 小时答复率与解决时长 25 分钟，
渠道比较 10 分钟（q1），帕累托图 15 分钟（q2–q3），讨论 5–10 分钟。
学员常见困难：24 小时答复率的分母——把尚未到 24 小时、也未答复的投诉算进去（正确做法是排除），或者把所有投诉都当分母；
把平均解决时长当作“典型”时长（数据偏斜，应看中位数和 P90）；关键少数在累计占比越过 80% 时**包含**越线的那一类（q2 常见错误是少算一类）；
测验中混淆“回访跟进”（针对这位顾客）与“分析改进”（针对以后所有顾客）。
讨论 1：不能。悖论只在损失小、补救迅速且超出预期、并非第二次出问题时出现；同一顾客第二次出问题，悖论消失。
讨论 2：公开且便捷的投诉渠道（扫码、微信、热线）、购后满意度回访、对提出问题的顾客表示感谢而非追问、让一线员工有权当场解决。
讨论 3：只发一条模板回复来“停表”、把复杂投诉拆成多条、推迟录入时间。防范：同时考核解决率、重开率、回访满意度，并抽查答复质量。
""", en="""
About 90 minutes: what a complaint is worth and the TARP figures 15, the process and the quiz 20 (q4), the 24-hour rate
and resolution times 25, channels 10 (q1), the Pareto chart 15 (q2–q3), discussion 5–10.
Where students stumble: the denominator of the 24-hour rate — counting unanswered complaints younger than 24 hours
(they are left out) or dividing by all complaints; taking the mean resolution time as the typical one (skewed data:
read the median and P90); the vital few **include** the category that crosses 80 % (a common q2 mistake stops one
short); in the quiz, mixing up the follow-up (this customer) with analysing and improving (all future customers).
Discussion 1: no. The paradox appears only with a small loss, a fast recovery beyond expectations and a first
failure; a second failure with the same customer makes it vanish.
Discussion 2: open, easy channels (QR code, WeChat, hotline), a satisfaction call after purchase, thanking customers
for raising problems instead of questioning them, front-line staff empowered to fix things on the spot.
Discussion 3: a template reply just to "stop the clock", splitting one complex case into several, logging complaints
late. Prevent it by also tracking resolution rate, reopen rate and follow-up satisfaction, and by sampling replies.
""")

ch.md(zh="""
## 小结

- 被迅速、满意解决的投诉者最忠诚；不满意的顾客大多不投诉——要鼓励投诉，并且快。
- 六步流程：倾听与致歉 → 记录与确认 → 调查原因 → 解决与补偿 → 回访跟进 → 分析改进。
- 24 小时首次答复率的分母是纳入考核的投诉（已答复，或未答复已满 24 小时）；解决时长看中位数与 P90。
- 帕累托图找出关键少数：在演示公司，7 类中的 4 类占 81% 的投诉，配送问题一项占三分之一。
- 下一章：[13 客户体验管理](13_customer_experience.ipynb)——从处理投诉走向在每个触点上设计好的体验，让问题少发生。
""", en="""
## Recap

- Complainers whose problem is solved quickly and well are the most loyal; most unhappy customers never complain —
  encourage complaints, and be quick.
- Six steps: listen and apologise → record and confirm → investigate → resolve and compensate → follow up → analyse
  and improve.
- The 24-hour response rate divides by the complaints counted (answered, or unanswered for 24 hours or more);
  read resolution times as median and P90.
- The Pareto chart finds the vital few: at the demo company, 4 of 7 categories hold 81 % of complaints, delivery
  alone a third.
- Next: [13 Customer experience management](13_customer_experience.ipynb) — from handling complaints to designing a
  good experience at every touchpoint, so fewer problems arise.
""")

"""Chapter 11 · Care and revisit plans: cadence by tier, event revisits, the care calendar, the call list."""
from helpers.teaching.authoring import Chapter

ch = Chapter("11_care_revisit", setup_extra="""
from pathlib import Path
import pandas as pd
from helpers.teaching.exercises import ch11, ____
from helpers.display import show
from helpers.data import load_demo, demo_label
from helpers.i18n import label
from helpers.tiers import customer_pyramid
from helpers.care import (default_revisit_rules, default_event_rules, revisit_plan, event_revisits,
                          cn_holidays, care_calendar, build_schedule, call_list)
from helpers.data.exports import write_workbook, write_csv
from helpers.plots import plot_revisit_calendar
""")

ch.md(zh="""
# 第 11 章 · 客户关怀与回访

第 10 章找出了**谁**可能流失、谁值得挽回。本章回答接下来的问题：**什么时候、用什么方式、由谁**去联系每一位客户——
并把答案变成客服团队明天早上就能拿来打电话的**回访名单**。

**本章目标**
- 能按客户层级和事件（购买、投诉结案、生日、节日）生成回访日程；
- 能导出一份可执行的回访名单（Excel / CSV），并检查计划是否真正执行。

**在课程中的位置**：用第 4 章的客户金字塔决定回访节奏，用第 10 章的名单决定挽回对象；下一章（投诉处理）会再用到“投诉结案回访”。
""", en="""
# Chapter 11 · Care and revisit plans

Chapter 10 found **who** may be drifting away and who is worth winning back. This chapter answers the next
question: **when, through which channel and by whom** should each customer be contacted — and turns the answer
into a **call list** the service team can pick up tomorrow morning.

**Objectives of this chapter**
- generate a revisit schedule by customer tier and by event (purchase, complaint closed, birthday, holiday);
- export a call list the team can work through (Excel / CSV), and check whether the plan was carried out.

**Where it sits in the course**: the customer pyramid of chapter 4 sets the rhythm of contacts, the lists of
chapter 10 pick the win-back targets; the next chapter (complaints) returns to the follow-up after a complaint closes.
""")

ch.md(zh="""
## 1. 为什么要回访

**回访**是企业主动联系客户：购买后问问用得怎样，投诉处理后确认是否满意，定期维护关系。**关怀**是不以销售为目的的联系：
生日祝福、节日问候。两者的作用是：

- **及早发现问题**：大多数不满意的客户不会投诉，而是悄悄离开（第 12 章：只有约 4% 的不满客户会投诉）；主动问，才听得到。
- **降低流失**：留住一位老客户的成本远低于开发一位新客户（第 6 章：约 1/5）。
- **创造再购买的机会**：但回访不等于推销——每次都推销的回访，客户很快就不接了。

回访做得不好有两种：**太少**（重要客户半年没人问候）和**太多**（给所有人一样频繁地打电话，成本高，还打扰客户）。
所以**回访节奏要跟着客户价值走**，渠道也一样：上门拜访最有温度也最贵，短信最便宜也最冷。

**周一要做的决定**：这一季度联系谁、哪天、用什么方式？客服团队的人手够不够？
""", en="""
## 1. Why revisit

A **revisit** (回访) is a contact the company initiates: asking how a purchase is going, confirming that a customer
is satisfied after a complaint, keeping the relationship alive. **Care** (关怀) is contact without a sales purpose:
birthday wishes, holiday greetings. Both serve to:

- **find problems early**: most dissatisfied customers do not complain, they just leave (chapter 12: only about 4 %
  of dissatisfied customers complain); you only hear it if you ask;
- **reduce churn**: keeping a customer costs far less than winning a new one (chapter 6: about a fifth);
- **open chances to buy again** — but a revisit is not a sales call: customers soon stop answering calls that always sell.

Revisits fail in two ways: **too few** (an important customer hears nothing for half a year) and **too many** (the
same frequent calls to everyone: costly and intrusive). So **the rhythm of contacts follows customer value**, and so
does the channel: a visit is the warmest and the most expensive, an SMS the cheapest and the coldest.

**The decision on Monday**: whom do we contact this quarter, on which day, through which channel? Does the service
team have the people for it?
""")

ch.md(zh="""
## 2. 按层级的回访节奏

先给客户分层。用 2025 年的消费额和第 4 章的客户金字塔（前 1% 金钻、其后 4% 白银、15% 铜、其余 80% 铁）：
""", en="""
## 2. A revisit rhythm per tier

First, tier the customers: their 2025 spend and the customer pyramid of chapter 4 (top 1 % diamond, next 4 % silver,
15 % copper, the remaining 80 % iron):
""")
ch.code("customers, orders = load_demo('customers'), load_demo('orders')\n"
        "spend = orders[orders['order_date'].dt.year == 2025].groupby('customer_id')['amount'].sum()\n"
        "tiers = customer_pyramid(spend)\n"
        "members = customers.merge(tiers.table['tier'].reset_index(), on='customer_id')\n"
        "show({'customers': len(members)})")
ch.checked("show(tiers.summary()[['tier', 'customers', 'customer_share']])")
ch.md(zh="""
2025 年有过购买的 1,581 位客户进入回访计划；一年没有购买的客户属于第 10 章的挽回名单，不在例行回访之列。

课程的默认节奏（可以按企业实际修改；docs/methods.md §5）：
""", en="""
The 1,581 customers who bought in 2025 enter the revisit plan; customers without a purchase for a year belong on
the win-back lists of chapter 10, not in routine revisits.

The course's default rhythm (adapt it to your company; docs/methods.md §5):
""")
ch.code("rules = default_revisit_rules()\nshow(rules)")
ch.md(zh="""
| 层级 | 节奏 | 渠道 | 理由 |
|---|---|---|---|
| 金钻 | 每月专人联系 + 每季度上门拜访 | 电话、上门 | 利润最高的 1%，失去一位的损失相当于几十位铁层客户 |
| 白银 | 每 2 个月 | 电话 | 有潜力升级，也可能在几家之间比较 |
| 铜 | 每季度 | 微信/企业微信 | 数量多，用低成本但有人情味的渠道 |
| 铁 | 每半年 | 短信（自动） | 价值最低、有待唤醒：用成本最低的渠道保持联系；有事件（投诉、购买）时再单独跟进 |

`revisit_plan` 把规则展开成日程。为了不让同一层的客户都挤在同一天，客户在第一个周期内按编号**均匀错开**
（金钻的月度联系分布在 1 月的 31 天里，之后每月同一天重复）。
""", en="""
| tier | rhythm | channel | why |
|---|---|---|---|
| diamond | a personal contact every month + a visit every quarter | phone, visit | the most profitable 1 %: losing one costs as much as dozens of iron customers |
| silver | every 2 months | phone | may move up, may also compare several suppliers |
| copper | every quarter | WeChat | many customers: a low-cost channel that is still personal |
| iron | every 6 months | SMS (automated) | the lowest value, to be woken up: stay in touch through the cheapest channel; events (complaints, purchases) get their own follow-up |

`revisit_plan` turns the rules into a schedule. So that the customers of a tier do not all fall on one day, they are
**spread evenly** over the first cycle by id (diamond monthly contacts over the 31 days of January, then the same
day every month).
""")
ch.code("plan = revisit_plan(members, '2026-01-01', '2026-03-31')\nshow(plan.head())")
ch.checked("show(plan['reason'].value_counts().rename('contacts'))")
ch.exercise("ch11", "q1")

ch.md(zh="""
### 金钻客户的关系经理：日常功课

最重要的少数客户，要有一位**关系经理**（客户经理、店长或资深店员）亲自负责。他的日常功课可以写成一张检查表：

| 功课 | 做法 |
|---|---|
| 亲自维护档案 | 每次联系后当天更新：家庭、喜好、最近买了什么、提过什么意见（见第 9 节） |
| 换季前打一次电话 | 新一季商品到店前，告诉他可能用得上的新品，问问家里有什么需要 |
| 大宗购买后一周内寄感谢卡 | 手写，提到他买的东西和用法提示；不附带推销 |
| 每月联系、每季拜访 | 与上面的回访节奏一致（金钻：每月电话，每季上门） |
| 投诉亲自跟进 | 金钻客户的投诉由关系经理本人回访（第 12 章） |

感谢卡的工作量可以从订单里算出来。把单笔 1,000 元及以上算作大宗购买，看 2025 年 16 位金钻客户的大宗购买逐月有多少笔：
""", en="""
### The relationship manager of Platinum customers: the routine

The few most important customers need a **relationship manager** (an account manager, the store manager or a senior
assistant) who looks after them personally. The routine fits on a checklist:

| task | how |
|---|---|
| keep the record personally | update it on the day of every contact: family, tastes, recent purchases, opinions voiced (see section 9) |
| a call before each season | before the new season's goods arrive, tell them what might suit them, ask what the household needs |
| a thank-you card within a week of a large purchase | handwritten, mentioning what they bought with a tip for its use; no sales pitch |
| monthly contact, quarterly visit | as in the rhythm above (diamond: a monthly call, a quarterly visit) |
| follow complaints personally | a Platinum customer's complaint gets its follow-up from the relationship manager (chapter 12) |

The workload of thank-you cards follows from the orders. Count a single order of ¥1,000 or more as a large purchase
and see how many the 16 Platinum customers of 2025 made each month:
""")
ch.code("""
diamond_ids = tiers.table.index[tiers.classes == 'tier_diamond']
large = orders[orders['customer_id'].isin(diamond_ids) & (orders['order_date'].dt.year == 2025) & (orders['amount'] >= 1000)]
from helpers.display import show
show(large.groupby(large['order_date'].dt.month).size().rename_axis('purchase_month').to_frame('orders'))
""")
ch.exercise("ch11", "q5")

ch.md(zh="""
## 3. 事件驱动的回访

节奏之外，有些时刻客户最在意，回访的效果也最好——这些“关键时刻”由**事件**触发：

| 事件 | 何时回访 | 渠道 | 目的 |
|---|---|---|---|
| 投诉结案 | 24 小时内 | 电话 | 确认问题真正解决；被妥善处理的投诉者往往比从未遇到问题的客户更忠诚（第 12 章） |
| 购买后 7 天 | 第 7 天 | 微信 | 产品用得怎样？有问题趁早解决 |
| 购买后 30 天 | 第 30 天 | 电话 | 使用满意吗？需要补货或搭配吗？ |

购后回访成本不低，这里只给金钻和白银客户做；投诉结案回访则**不分层级**——每一位投诉的客户都值得一个电话。
`event_revisits` 从订单和投诉记录中找出落在第一季度的回访：
""", en="""
Beyond the rhythm, some moments matter most to customers and make revisits work best. **Events** trigger them:

| event | when | channel | purpose |
|---|---|---|---|
| complaint closed | within 24 hours | phone | confirm the problem is really solved; complainers who are well looked after are often more loyal than customers who never had a problem (chapter 12) |
| 7 days after a purchase | day 7 | WeChat | how is it going? solve problems early |
| 30 days after a purchase | day 30 | phone | satisfied? time to restock or add something? |

After-purchase revisits cost effort, so here only diamond and silver customers get them; a follow-up after a
complaint closes is for **every tier** — every customer who complained deserves a call. `event_revisits` finds the
revisits that fall in the first quarter from the orders and complaints:
""")
ch.code("rules_events = default_event_rules()\nshow(rules_events)")
ch.code("complaints = load_demo('complaints')\n"
        "top = members.loc[members['tier'].isin(['tier_diamond', 'tier_silver']), 'customer_id']\n"
        "events = event_revisits(complaints=complaints, orders=orders[orders['customer_id'].isin(top)],\n"
        "                        customers=members, start='2026-01-01', end='2026-03-31')")
ch.checked("show(events['reason'].value_counts().rename('contacts'))")
ch.md(zh="""
第一季度的事件回访都来自 12 月的订单。为什么没有投诉结案回访？最后一次结案是 2025 年 12 月 14 日，它的回访已在 12 月完成；
还有 18 件投诉**尚未结案**——每一件结案后的第二天都要加进名单（第 12 章讲处理流程）。
""", en="""
The event revisits of the first quarter all come from December orders. Why no complaint follow-ups? The last
complaint was closed on 14 December 2025 and its follow-up fell in December; 18 complaints are **still open** —
each one enters the list the day after it closes (chapter 12 covers the handling process).
""")

ch.md(zh="""
## 4. 关怀日历：生日与节日

关怀不推销，只表达“我们记得你”。`cn_holidays` 给出中国的主要关怀节日（农历节日已换算成公历）：
""", en="""
## 4. The care calendar: birthdays and holidays

Care sells nothing; it says "we remember you". `cn_holidays` lists China's main care days (lunar festivals
converted to the Gregorian calendar):
""")
ch.checked("holidays = cn_holidays(2026)\n"
           "show(holidays)")
ch.md(zh="""
`care_calendar` 为每位客户安排生日祝福和节日问候，**渠道按层级**：金钻送礼品和手写贺卡，白银打电话，铜发微信，铁发短信。
这里只取第一季度：
""", en="""
`care_calendar` gives every customer a birthday greeting and holiday greetings, **the channel chosen by tier**: a
gift and a handwritten card for diamond, a call for silver, WeChat for copper, SMS for iron. Here only the first quarter:
""")
ch.code("care = care_calendar(members, 2026)\ncare_q1 = care[care['due_date'] <= '2026-03-31']")
ch.checked("show(care_q1['reason'].value_counts().rename('contacts'))")

ch.md(zh="""
## 5. 合并成一张日程，看看工作量

三部分合并后，同一位客户同一天的多项联系合为**一次**，保留最紧急的事由和渠道（`priority` 数字越小越紧急），
`reasons` 列出当天的全部事由——客户不会在同一天接到两个电话。
""", en="""
## 5. One schedule, and the workload

When the three parts are combined, several contacts with one customer on one day become **one** contact that keeps
the most urgent reason and its channel (a lower `priority` number is more urgent); `reasons` lists all of that day's
reasons — no customer gets two calls on one day.
""")
ch.code("schedule = build_schedule(plan, events, care_q1)\nshow({'contacts': len(schedule)})")
ch.checked("show(schedule['channel'].value_counts().rename('contacts'))")
ch.code("personal = schedule[schedule['channel'].isin(['contact_phone', 'contact_visit', 'contact_gift'])]\n"
        "plot_revisit_calendar(personal, annot=True, fmt='d');")
ch.md(zh="""
短信和微信可以批量发送，几乎不占人手；上图只看**需要人去做**的联系（电话、上门、寄礼品），它们才是排班的依据。

**怎么读这张图**：每一格是一周内某个渠道的联系次数（周一开始）。平常一周十几到四十几个电话；元旦周（80 个）、春节周（75 个）
和 3 月第一周（137 个：元宵节和妇女节白银客户各接到一个问候电话）是高峰。如果一位客服每天能打约 40 个有效电话，
高峰周需要几个人？白银客户真的需要在两个相隔 5 天的节日各接一个电话吗？能不能把例行回访从节日周挪开？
""", en="""
SMS and WeChat go out in bulk and take almost no staff time; the chart above shows only the contacts that **need
people** (calls, visits, gifts) — they drive the staffing plan.

**How to read the chart**: each cell counts the contacts of one channel in one week (from Monday). A normal week
has a dozen to forty-odd calls; the New Year week (80), the Spring Festival week (75) and the first week of March
(137: silver customers get a greeting call for both the Lantern Festival and Women's Day) are peaks. If one agent
makes about 40 useful calls a day, how many agents does a peak week need? Do silver customers really need a call on
two holidays five days apart? Could routine revisits move out of holiday weeks?
""")

ch.exercise("ch11", "q3")

ch.md(zh="""
## 6. 导出团队可用的回访名单

日程表是给分析师看的；客服需要的是一张**名单**：哪天、联系谁、什么层级、用什么方式、为什么联系、客户的基本情况，
再留出“联系结果”和“备注”两栏让他们填写。`call_list` 取出一段时间内、指定渠道的联系，把编号换成中文（或英文）标签。
下面是 1 月 5 日（周一）这一周需要客服**亲自**联系（电话或上门）的名单：
""", en="""
## 6. Export the call list the team will use

The schedule is for the analyst; the service team needs a **list**: the day, whom to contact, the tier, the channel,
the reason, a little about the customer — and two empty columns, outcome and notes, for them to fill in. `call_list`
takes the contacts of a period and of the given channels and turns ids into labels. Here are the contacts the team
must make **in person** (phone or visit) in the week of Monday 5 January:
""")
ch.code("details = members[['customer_id']].assign(\n"
        "    city=demo_label(members['city'], 'city'),\n"
        "    member_level=demo_label(members['member_level'], 'member_level'),\n"
        "    spend=members['customer_id'].map(spend).round(0))\n"
        "week = call_list(schedule, '2026-01-05', '2026-01-11', channels=['contact_phone', 'contact_visit'], details=details)\n"
        "show(week.head(10))")
ch.checked("len(week)")
ch.md(zh="""
导出成 Excel（给团队）和 CSV（给其他系统导入）。文件写到 Notebook 旁边的 `build/` 文件夹，它不进入版本库：
""", en="""
Export it as Excel (for the team) and CSV (for other systems). The files go to the `build/` folder next to the
notebook, which is kept out of version control:
""")
ch.code("out = Path('build')\nout.mkdir(exist_ok=True)\n"
        "xlsx = write_workbook({'2026-01-05': week}, out / 'call_list_2026-01-05.xlsx')\n"
        "csv = write_csv(week, out / 'call_list_2026-01-05.csv')\n"
        "xlsx.name, csv.name")
ch.md(zh="""
**一份好用的名单**：按日期和优先级排序；每行说清“为什么打这个电话”（客服开口的第一句话就靠它）；只放与本次联系有关的信息；
有结果栏，下周就能统计执行率。CSV 带有字节顺序标记（BOM），用 Excel 直接打开中文不会乱码；以 `=`、`+`、`-`、`@` 开头的文本会加上撇号，
防止被表格软件当作公式执行。
""", en="""
**A list that works**: sorted by day and priority; every row says *why* we call (the agent's first sentence depends on
it); only what this contact needs; an outcome column, so next week we can measure how much was done. The CSV carries a
byte-order mark so Excel opens Chinese text correctly; text starting with `=`, `+`, `-` or `@` gets an apostrophe so a
spreadsheet never runs it as a formula.
""")
ch.exercise("ch11", "q2")

ch.md(zh="""
## 7. 计划做到了吗？从联系记录检查执行

计划只有执行了才有价值。演示公司的**联系记录**（`contacts`）记下了 2023–2025 年每一次回访和关怀：渠道、目的、结果。
先看各渠道的结果：
""", en="""
## 7. Was the plan carried out? Check the contact log

A plan is worth only what is carried out. The demo company's **contact log** (`contacts`) records every revisit and
care contact of 2023–2025: channel, purpose, outcome. First, outcomes per channel:
""")
ch.code("contacts = load_demo('contacts')\ncontacts_2025 = contacts[contacts['contacted_at'].dt.year == 2025]")
ch.checked("outcomes = pd.crosstab(contacts_2025['channel'], contacts_2025['outcome'], normalize='index')\n"
           "show(outcomes, share_cols=outcomes.columns)")
ch.md(zh="""
电话带来下单的比例最高（约 13%），微信被拒绝的比例最高。渠道的选择不只看成本，也要看效果。

再检查最重要的一项：**投诉结案后的回访**做到了多少？按 24 小时规则，2025 年应做的回访次数来自 `event_revisits`，
实际做了多少看联系记录中目的为 `complaint_followup` 的次数。
""", en="""
Phone calls lead to an order most often (about 13 %); WeChat messages are declined most often. Choosing a channel is
about results as well as cost.

Now check the most important one: how many **follow-ups after a closed complaint** were made? By the 24-hour rule,
the follow-ups due in 2025 come from `event_revisits`; those actually made are the log's contacts with purpose
`complaint_followup`.
""")
ch.exercise("ch11", "q4")
ch.md(zh="""
约 84%：每 6 位投诉后的客户就有 1 位没有接到回访电话——而这恰恰是最容易流失的客户。名单上的“联系结果”一栏，
就是为了每周算出这样的执行率，并追问没做到的原因。
""", en="""
About 84 %: one complainer in six never got a follow-up call — exactly the customers most likely to leave. The
outcome column of the call list exists so that this rate can be measured every week and the misses followed up.
""")

ch.md(zh="""
## 8. 走动管理：走到顾客中间去听

计划和名单之外，管理者还要**亲自**听顾客说话——走到门店、走到客户那里去（走动管理）。常用的方式有四种：
**拜访顾客**、**顾客座谈会**（每季请十来位不同层级的顾客坐下来谈）、**服务热线**（管理者定期亲自接听）、**接待来访**（顾客上门时有人接待、有人记录）。
无论哪种方式，规矩只有一条：**每一条意见都在 24 小时内答复**，哪怕答复是“我们在查，周五前告诉您”。

听的本领比听的机会更难得。四个要点：

| 要点 | 做法 | 例句 |
|---|---|---|
| **鼓励表达** | 用眼神、点头和简短的追问让顾客说下去 | “您接着说，后来呢？” |
| **反馈式归纳** | 用自己的话把听到的要点复述一遍，请顾客确认 | “我确认一下：您是说……，对吗？” |
| **同理倾听** | 先接住情绪，再谈事实 | “等了三天没消息，换成我也着急。” |
| **避免争论** | 不辩解、不纠正、不推卸；事实放到后面再核实 | 不要说：“系统显示我们是按时发货的。” |
""", en="""
## 8. Management by walking around: go and listen to customers

Beyond plans and lists, managers need to hear customers **themselves** — by walking into the stores and out to the
customers. Four common ways: **visiting customers**, **customer meetings** (each quarter, a dozen customers of
different tiers around a table), **the service hotline** (managers take calls themselves now and then) and
**receiving visitors** (when customers come in, someone receives them and someone takes notes). Whatever the way, one
rule: **every opinion gets an answer within 24 hours**, even if it is "we are looking into it and will tell you by
Friday".

Listening well is rarer than the chance to listen. Four points:

| point | how | example |
|---|---|---|
| **encouraging** | eye contact, nods and short questions keep the customer talking | "Please go on — what happened next?" |
| **summarising back** | repeat the key points in your own words and ask the customer to confirm | "Let me check: you are saying that …, right?" |
| **listening with empathy** | take in the feeling first, the facts later | "Three days without news — I would be worried too." |
| **not arguing** | no excuses, corrections or blaming; check the facts later | do not say: "Our system shows we shipped on time." |
""")
ch.exercise("ch11", "q6")
ch.md(zh="课后可以用 [倾听角色扮演卡](../../course/cases/listening_roleplay.zh.md) 三人一组练习。",
      en="Afterwards, groups of three can practise with the [listening role-play cards](../../course/cases/listening_roleplay.en.md).")

ch.md(zh="""
## 9. 顾客档案：记什么、为什么

回访、关怀、投诉跟进都要靠**顾客档案**。档案不是为了“存资料”，而是为了下一次联系时知道该说什么、不该说什么。该记的内容和用处：

| 档案内容 | 记什么 | 用来做什么 | 课程中 |
|---|---|---|---|
| **基本资料** | 姓名、联系方式、生日、城市、注册渠道、会员等级 | 关怀日历、选择渠道、分层 | 第 4、11 章 |
| **购买记录** | 每一笔订单：日期、金额、商品、渠道 | RFM、流失预警、大宗购买感谢卡 | 第 3、10、11 章 |
| **联系与回访记录** | 谁、何时、用什么渠道联系过、结果如何 | 避免重复打扰，检查回访执行率 | 第 11 章 |
| **投诉与服务记录** | 投诉内容、处理过程、是否回访 | 回访前先看问题解决了没有 | 第 12 章 |
| **偏好与意见** | 喜欢的风格和品类、问卷回答、提过的建议 | 个性化推荐、改进产品 | 第 9、13 章 |

悦家生活的档案每一部分是一张表，用顾客编号连起来。各部分有多少条记录：
""", en="""
## 9. Customer records: what to keep, and why

Revisits, care and complaint follow-ups all rest on the **customer record**. A record is not kept "to have the data";
it is kept so that the next contact knows what to say and what not to. What to keep, and what it is for:

| part of the record | what | used for | in the course |
|---|---|---|---|
| **profile** | name, contact details, birthday, city, sign-up channel, member level | the care calendar, choosing channels, tiers | chapters 4, 11 |
| **purchase history** | every order: date, amount, products, channel | RFM, at-risk lists, thank-you cards for large purchases | chapters 3, 10, 11 |
| **contact log** | who contacted them, when, through which channel, with what result | no double calls; checking follow-up rates | chapter 11 |
| **complaints and service** | what they complained about, how it was handled, whether followed up | checking a problem is solved before the next call | chapter 12 |
| **preferences and opinions** | favourite styles and categories, survey answers, suggestions made | personal recommendations, better products | chapters 9, 13 |

Yuejia Living keeps each part of the record in a table of its own, linked by the customer id. How many records each part holds:
""")
ch.checked("record_tables = {'rec_profile': 'customers', 'rec_purchases': 'orders', 'rec_contacts': 'contacts',\n"
           "                 'rec_complaints': 'complaints', 'rec_preferences': 'survey'}\n"
           "show(pd.Series({part: len(load_demo(table)) for part, table in record_tables.items()}, name='records'))")
ch.exercise("ch11", "q7")
ch.trainer(zh="""
本章新增内容的时间：金钻关系经理的功课与 q5 约 8 分钟（核心）；走动管理与倾听、q6 约 10 分钟，加一轮倾听角色扮演 10 分钟（可选）；
顾客档案与 q7 约 7 分钟（可选）。q5 的典型错误是数客户（8 位）而不是数大宗购买（31 笔）——感谢卡是每笔一张。
q6 里 H4 常被当成“说明情况”：向正在抱怨的顾客解释“系统显示按时发货”就是争论，事实留到后面核实；H6 是反馈式归纳而不是鼓励。
档案讨论：提醒学员个人信息的收集要告知顾客用途、只收集需要的内容，并妥善保管（《个人信息保护法》）。
""", en="""
Time for this chapter's added material: the Platinum relationship-manager routine with q5 about 8 minutes (core);
walking around and listening with q6 about 10 minutes, plus 10 for one round of the listening role play (optional);
customer records with q7 about 7 minutes (optional). The typical q5 mistake counts customers (8) instead of large
purchases (31) — one card per purchase. In q6, H4 is often taken for "explaining the facts": telling a complaining
customer that "the system shows we shipped on time" is arguing; check facts later; H6 is summarising back, not
encouraging. On records: remind students that personal data must be collected with its purpose stated, limited to
what is needed and kept safe (China's Personal Information Protection Law).
""")

ch.md(zh="""
## 讨论

1. 你的企业现在的回访节奏是怎样的？金钻客户和铁层客户得到的联系有区别吗？
2. 一位铁层客户刚投诉过一次，又在 7 天后下了一笔大单。他应该得到什么样的回访？规则该怎样调整？
3. 回访电话中，什么时候可以推荐产品，什么时候绝对不行？
4. 如果客服人手只够完成名单的 70%，你会先砍掉哪些联系？
""", en="""
## Discussion

1. What is your company's revisit rhythm today? Do diamond and iron customers get different contact?
2. An iron customer has just complained and, 7 days later, places a large order. What revisit should they get? How
   should the rules change?
3. During a revisit call, when is it fine to recommend a product, and when never?
4. If the team can only make 70 % of the list, which contacts do you drop first?
""")
ch.trainer(zh="""
约 60 分钟：为什么回访 5 分钟；层级节奏与 q1 12 分钟；事件回访 8 分钟；关怀日历 5 分钟；合并日程、工作量与渠道测验 q3 10 分钟；
导出名单与 q2 10 分钟（请学员在 Excel 里打开导出的文件）；执行检查与 q4 5 分钟；讨论 5 分钟。
学员常见困难：以为回访越多越好；q1 只数了月度电话、忘记季度拜访（答 48）；q2 把短信和微信也算进人工工作量；
q4 用投诉总数作分母（分母应是 2025 年应做的回访次数）。导出的文件在 Notebook 旁的 build/ 文件夹。
讨论 2：层级由价值决定，但事件（投诉后的大单）说明客户可能正在升级——投诉回访不分层级，大单后可以破例安排电话回访；规则上可以加“单笔金额超过阈值”的事件。
讨论 3：投诉回访和关怀中不推销；购后 30 天回访在确认满意之后可以顺带提补货或搭配。
讨论 4：先保留投诉结案回访和金钻、白银的联系；铜、铁层的例行联系改为微信或短信；不要砍掉关键时刻的联系。
""", en="""
About 60 minutes: why revisit 5; rhythm by tier and q1 12; event revisits 8; care calendar 5; one schedule, workload
and the channel quiz q3 10; exporting the list and q2 10 (have students open the file in Excel); checking execution
and q4 5; discussion 5.
Where students stumble: believing more contact is always better; q1 counting only the monthly calls and forgetting
the quarterly visits (answer 48); q2 counting SMS and WeChat as staff workload; q4 dividing by all complaints
instead of the follow-ups due in 2025. Exported files are in the build/ folder next to the notebook.
Discussion 2: the tier follows value, but the event (a large order after a complaint) suggests a customer moving up —
the complaint follow-up is for every tier, and a call after a large order is a sensible exception; add an event
"order above a threshold" to the rules.
Discussion 3: never sell in a complaint follow-up or in care contacts; a 30-day after-purchase revisit may mention
restocking or a matching product once the customer is satisfied.
Discussion 4: keep complaint follow-ups and the diamond and silver contacts; move copper and iron routine contacts
to WeChat or SMS; never drop the moments that matter.
""")

ch.md(zh="""
## 小结

- 回访节奏跟着客户价值走：金钻每月 + 每季拜访，白银每 2 个月，铜每季度，铁每半年（自动）。
- 关键时刻由事件触发：投诉结案 24 小时内、购后 7 天和 30 天；关怀日历覆盖生日与节日，渠道按层级。
- 合并成一张日程（同一天只联系一次），用它估算人手；导出带“结果”栏的名单，并定期检查执行率。
- 下一章：[12 客户投诉处理](12_complaint_handling.ipynb)——24 小时答复率、解决时长和投诉的关键少数。
""", en="""
## Recap

- The rhythm of revisits follows customer value: diamond monthly plus a quarterly visit, silver every 2 months, copper
  quarterly, iron half-yearly (automated).
- Events trigger the moments that matter: within 24 hours of a closed complaint, 7 and 30 days after a purchase; the
  care calendar covers birthdays and holidays, with the channel by tier.
- One schedule (one contact per customer per day) sizes the team; the exported list has an outcome column, and
  execution is checked regularly.
- Next: [12 Complaint handling](12_complaint_handling.ipynb) — the 24-hour response rate, resolution times and the
  vital few complaint categories.
""")

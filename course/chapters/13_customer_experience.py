"""Chapter 13 · Customer experience management: Schmitt's five experience modules, touchpoints and the
journey line, the experience audit, and the Kano model for deciding what to build."""
from helpers.teaching.authoring import Chapter

ch = Chapter("13_customer_experience", setup_extra="""
from helpers.teaching.exercises import ch13, ____
from helpers.display import show
from helpers.data import load_demo, demo_label, with_demo_labels
from helpers.experience import experience_audit, journey_line
from helpers.kano import evaluation_frame, kano_table
from helpers.plots import plot_experience_heatmap, plot_journey_line, plot_kano
from helpers.teaching.widgets import KanoForm
""")

ch.md(zh="""
# 第 13 章 · 客户体验管理

第 9 章测量了顾客**满不满意**；本章问的是：顾客在与我们打交道的**每一个环节**里经历了什么？
满意度是结果，体验是过程——从看到一则广告、走进门店、结账、收货，到售后和会员服务，每个接触点都在塑造顾客的感受。

**本章目标**
- 能做**接触点 × 体验模块审计**：找出最弱的接触点和体验模块，决定先改进哪里；
- 能用 **Kano 模型**给功能需求分类，决定做什么、不做什么。

**在课程中的位置**：第 9 章的 SERVQUAL 和 IPA 告诉我们可靠性与配送是短板，第 12 章处理了出问题之后的投诉；
本章从整个客户旅程出发设计体验。第 14 章用全部方法分析你自己的客户。
""", en="""
# Chapter 13 · Customer experience management

Chapter 9 measured **whether** customers are satisfied; this chapter asks what they go through at **every step**
of dealing with us. Satisfaction is the outcome, experience the process — from seeing an ad, entering a store and
paying to receiving the parcel, after-sales and membership, every touchpoint shapes how customers feel.

**Objectives of this chapter**
- **audit touchpoints against the experience modules**: find the weakest touchpoints and modules and decide what to
  improve first;
- **classify features with the Kano model** to decide what to build and what to leave out.

**Where it sits**: chapter 9's SERVQUAL and IPA showed reliability and delivery to be weak spots, and chapter 12
handled complaints once something went wrong; this chapter designs the experience along the whole customer journey.
Chapter 14 applies every method to your own customers.
""")

ch.md(zh="""
## 1 五种体验模块

Schmitt（1999，《体验营销》）把顾客体验分为五种“战略体验模块”（SEM）。以悦家生活这样的家居零售连锁为例：

| 模块 | 诉诸 | 悦家生活的例子 |
|---|---|---|
| **感官**（Sense） | 视觉、听觉、触觉、嗅觉、味觉 | 门店的灯光和香氛、可以触摸的样品、包装的质感 |
| **情感**（Feel） | 心情与情绪 | 店员叫出老顾客的名字、收到包裹时的惊喜卡片 |
| **思考**（Think） | 好奇与解决问题 | 收纳方案讲座、App 里的搭配建议 |
| **行动**（Act） | 行为与生活方式 | 以旧换新、周末手作活动、“一键再购” |
| **关联**（Relate） | 归属感与社会认同 | 会员社群、晒单分享、本地公益活动 |

好的体验不必在每个模块都拿高分，而要在**对顾客重要的接触点**上做到与品牌定位相符的组合。
""", en="""
## 1 The five experience modules

Schmitt (1999, *Experiential Marketing*) splits customer experience into five strategic experiential modules
(SEMs). For a home-goods chain like Yuejia Living:

| module | appeals to | Yuejia Living examples |
|---|---|---|
| **Sense** | sight, sound, touch, smell, taste | store lighting and scent, samples to touch, the feel of the packaging |
| **Feel** | moods and emotions | staff greeting regulars by name, a surprise card in the parcel |
| **Think** | curiosity, problem solving | storage-solution workshops, styling tips in the app |
| **Act** | behaviour and lifestyle | trade-in offers, weekend craft sessions, one-tap reorder |
| **Relate** | belonging and social identity | member community, sharing purchases, local charity events |

A good experience need not score high on every module everywhere; it needs the right mix, true to the brand, at
the **touchpoints that matter to customers**.
""")

ch.md(zh="""
### 感官：门店环境检查表

“专业、和谐、便利”的购物环境，大部分靠感官模块。逛一次自己的门店（最好挑顾客最多的时段），用 1–5 分给下面每一项打分：

| 项目 | 看什么 | 1 分 | 5 分 |
|---|---|---|---|
| 色调与灯光 | 主色调与品牌一致吗？商品在灯下是否好看？ | 杂乱、昏暗或刺眼 | 统一、明亮而柔和 |
| 背景音乐 | 音量、节奏与顾客和时段相配吗？ | 太吵或与品牌不符 | 听得见却不打扰 |
| 气味与温度 | 进门的第一口气、冷暖 | 有异味、闷热 | 清新、舒适 |
| POP（卖点广告） | 价签、海报、促销牌清楚吗？ | 过时、太多、看不清 | 少而清楚，年长者也能看清 |
| 陈列与动线 | 顾客能否找到想要的、顺路看到相关的？ | 找不到、堵路 | 分区清楚、配套商品放在一起 |
| 整洁与舒适 | 地面、货架、试用区、休息座椅 | 脏乱、没处坐 | 干净、有地方休息 |
| 便利 | 结账排队、支付方式、寄存、停车、送货 | 排长队、付款麻烦 | 快、多种方式、能送货 |

把全组的分数写在白板上：分数最低的两项，就是下周可以改的地方——往往花钱不多（换一批价签、调低音乐音量）。
""", en="""
### Sense: a store-environment checklist

A "professional, harmonious and convenient" store is mostly the sense module. Walk through your own store (best at the
busiest time) and score each item 1–5:

| item | look at | 1 | 5 |
|---|---|---|---|
| colours and lighting | is the main colour the brand's? do products look good under the lights? | messy, dim or glaring | consistent, bright yet soft |
| background music | volume and tempo fit the customers and the hour? | too loud or off-brand | heard but not intrusive |
| smell and temperature | the first breath on entering; warm or cold | stale, stuffy | fresh, comfortable |
| POP (point-of-purchase signs) | are price labels, posters and promotion signs clear? | outdated, too many, unreadable | few and clear, readable by older people |
| display and walkways | can customers find what they want and pass related items on the way? | lost, blocked aisles | clear zones, matching items together |
| tidiness and comfort | floors, shelves, trial corners, seats | dirty, nowhere to sit | clean, somewhere to rest |
| convenience | checkout queues, payment, lockers, parking, delivery | long queues, awkward payment | fast, many ways, delivery available |

Put the whole group's scores on the board: the two lowest items are next week's work — often cheap to fix (a new set
of price labels, quieter music).
""")

ch.md(zh="""
## 2 接触点与旅程地图

**客户旅程地图**按顾客经历的顺序排列接触点：认知（广告、社交媒体）→ 选购（App、门店）→ 购买（结账）→
交付（配送）→ 使用与售后 → 再次购买（会员服务）。悦家生活在每个接触点收集了顾客评分（1–5 分）：
""", en="""
## 2 Touchpoints and the journey map

A **customer journey map** lines up the touchpoints in the order customers meet them: awareness (ads, social
media) → shopping (app, store) → purchase (checkout) → delivery → use and after-sales → buying again (membership).
Yuejia Living collected customer ratings (1–5) at each touchpoint:
""")
ch.code("""
touchpoints = load_demo("touchpoints")
target = load_demo("experience_target")
show(touchpoints)
""")
ch.checked("""
journey = journey_line(touchpoints, target=4.0)
show(journey[["step", "touchpoint", "score", "gap"]])
""")
ch.md(zh="""
图表用接触点的中文名称显示（`with_demo_labels` 只替换显示用的名称，分析仍用编号）：
""", en="""
The charts show the touchpoints by name (`with_demo_labels` only swaps the ids for display names; the analysis keeps the ids):
""")
ch.code('''
plot_journey_line(journey_line(with_demo_labels(touchpoints, 'touchpoint'), target=4.0));
''')
ch.md(zh="""
**怎么读？** 购买之前的接触点（广告、社交媒体、门店）都达到或超过 4 分；**购买之后一路下滑**：结账 3.62、
配送 3.40、售后 3.27。这很危险——按 Kahneman 的“峰终定律”，顾客记住的主要是体验的高峰和**结尾**，
而售后正是旅程的结尾。注意各接触点的评分人数（`n_ratings`）不同：广告只有 101 人评分，门店有 376 人。
""", en="""
**How to read it.** The touchpoints before the purchase (ads, social media, the store) reach 4 or more; **after the
purchase the line slides**: checkout 3.62, delivery 3.40, after-sales 3.27. That is dangerous — by Kahneman's
peak–end rule customers remember mostly the peak and the **end** of an experience, and after-sales is the end of
the journey. Note that the number of ratings (`n_ratings`) differs: 101 for ads, 376 for the store.
""")

ch.md(zh="""
## 3 体验审计：接触点 × 体验模块

顾客评分告诉我们**哪里**不好，但没说**哪方面**不好。**体验审计**由一个跨部门小组（营销、门店、物流、客服）
对每个接触点的五个模块打分（0–5 分，可结合神秘顾客和顾客访谈），再与**目标画像**比较。
悦家生活的目标：感官和情感 4.0，思考、行动、关联 3.5（所有接触点相同）。
""", en="""
## 3 The experience audit: touchpoints × modules

Customer ratings say **where** things go wrong, not **in what way**. In an **experience audit** a cross-functional
team (marketing, stores, logistics, service) scores every touchpoint on the five modules (0–5, helped by mystery
shopping and customer interviews) and compares the scores with a **target profile**. Yuejia Living's target: sense
and feel 4.0, think, act and relate 3.5 (the same at every touchpoint).
""")
ch.code("""
audit = experience_audit(touchpoints, target=target)
audit
""")
ch.checked("show({'overall': audit.overall, **audit.column_means.to_dict()})")
ch.code("plot_experience_heatmap(experience_audit(with_demo_labels(touchpoints, 'touchpoint'), target=with_demo_labels(target, 'touchpoint')));")
ch.md(zh="""
差距图（得分 − 目标，红色为低于目标）更直接地显示该先改哪里：
""", en="""
The gap map (score − target, red below target) shows more directly where to start:
""")
ch.code('''plot_experience_heatmap(experience_audit(with_demo_labels(touchpoints, "touchpoint"),
                                         target=with_demo_labels(target, "touchpoint")), kind="gaps");''')
ch.checked("show(audit.weakest(5))")
ch.md(zh="""
**怎么读？** 配送和售后整行偏低：配送的“思考”和“关联”只有 1.8 分（没有安装或使用建议，也没有任何品牌联系——包裹就是一个纸箱），
售后的“情感”只有 2.2 分（顾客觉得被推来推去）。广告的“行动”只有 2.1 分：广告好看，却没有让人行动的理由。

**周一可以做的事**：
- 配送：在包裹里放使用指南和会员社群的二维码（思考、关联），约定送达时段并主动通知（情感）；
- 售后：一个负责人跟进到底，结束后 24 小时回访（第 11、12 章）；
- 广告：加上明确的行动号召（到店体验、限时试用）。

整个审计得分最低的两个模块是关联（2.66）和思考（2.74），但**离目标最远**的要看差距——见练习 2。
""", en="""
**How to read it.** Delivery and after-sales are low across the row: delivery scores only 1.8 on think and relate (no
set-up or usage tips, no brand touch — the parcel is just a box), and after-sales only 2.2 on feel (customers feel
passed around). The ad scores just 2.1 on act: it looks good but gives no reason to act.

**What to do on Monday**:
- delivery: put a usage guide and a QR code to the member community in the parcel (think, relate); agree a delivery
  slot and notify proactively (feel);
- after-sales: one owner follows the case to the end, with a call-back 24 hours after closing (chapters 11, 12);
- ads: add a clear call to action (visit the store, a limited trial).

Across the audit the two lowest modules are relate (2.66) and think (2.74), but the one **furthest from its
target** is a matter of gaps — see exercise 2.
""")
ch.exercise("ch13", "q1")
ch.exercise("ch13", "q2")

ch.md(zh="""
### 教育顾客、帮助顾客

审计里“思考”模块最弱的接触点，往往就是顾客**不会用、不会装、不会修**的地方。教育和帮助顾客不是额外的服务，而是体验的一部分：
使用指南和短视频、上门安装、保养提醒、维修渠道、门店的使用讲座。先找出“思考”得分最低的接触点：
""", en="""
### Educating and helping customers

The touchpoints weakest on "think" are usually where customers do not know how to **use, install or repair** what they
bought. Educating and helping customers is not an extra service but part of the experience: usage guides and short
videos, installation at home, care reminders, a repair channel, how-to sessions in the store. First find the
touchpoints with the lowest "think" scores:
""")
ch.checked("from helpers.display import show\n"
           "show(audit.scores['think'].nsmallest(3).rename(index=lambda tp: demo_label(tp, 'touchpoint')).to_frame('think_score'))")
ch.md(zh="""
配送（1.8）、售后（2.3）和结账（2.4）最弱。做法清单：

| 接触点 | 教育与帮助顾客的做法 |
|---|---|
| 配送 | 包裹里放图文使用指南和安装视频二维码；大件商品送货上门并安装、当场教会使用 |
| 售后 | 购后 7 天推送保养要点（第 11 章的购后回访）；公布维修和三包的办理渠道 |
| 结账 | 收银时顺便告诉顾客怎样在小程序里查订单、约安装、办三包；自助结账旁有人示范 |
| 门店 | 每月一次收纳、清洁、烹饪等使用讲座；样品区让顾客亲手试 |

教会顾客用好产品，投诉会减少（第 12 章的质量类投诉里，有一部分其实是“不会用”），顾客也更容易买配套商品。
""", en="""
Delivery (1.8), after-sales (2.3) and checkout (2.4) are weakest. A list of measures:

| touchpoint | educating and helping customers |
|---|---|
| delivery | an illustrated guide and a QR code to an installation video in the parcel; large items delivered, installed and demonstrated at home |
| after-sales | care tips 7 days after the purchase (chapter 11's purchase follow-up); published channels for repairs and the three guarantees |
| checkout | at the till, show customers how to track orders, book installation and use the three guarantees in the mini-program; someone to demonstrate the self-checkout |
| store | a monthly how-to session (storage, cleaning, cooking); a trial corner where customers try the samples |

Customers who know how to use a product complain less (some of chapter 12's quality complaints are really "did not
know how to use it") and buy matching items more readily.
""")

ch.md(zh="""
## 4 用 Kano 模型决定做什么

改进资源有限，新功能的想法却很多。Kano 等（1984）指出，不同的功能与满意度的关系完全不同：

| 类别 | 有了 | 没有 | 例子 | 决策 |
|---|---|---|---|---|
| **必备属性**（M） | 理所当然，不加分 | 非常不满 | 安全支付 | 必须做到，达到行业水平即可 |
| **期望属性**（O） | 越好越满意 | 越差越不满 | 配送速度 | 持续改进，与对手比拼 |
| **魅力属性**（A） | 惊喜，大幅加分 | 无所谓 | 生日礼物 | 用来差异化，成本低时优先 |
| **无差异属性**（I） | 无所谓 | 无所谓 | 纸质目录 | 不投入，考虑取消 |
| **反向属性**（R） | 反感 | 更满意 | 强制弹窗 | 去掉或做成可选 |

**问卷**：每个功能问一对问题——“如果 App 有虚拟试用功能，您觉得如何？”（正向题）和“如果**没有**，您觉得如何？”（反向题），
答案都是 1 我喜欢、2 理所当然、3 无所谓、4 可以忍受、5 我不喜欢。两个答案在**评价表**（Berger 等 1993）中确定一个类别：
""", en="""
## 4 Deciding what to build with the Kano model

Improvement budgets are limited; ideas for new features are not. Kano et al. (1984) showed that features relate to
satisfaction in quite different ways:

| category | when present | when absent | example | decision |
|---|---|---|---|---|
| **Must-be** (M) | taken for granted | very dissatisfied | secure payment | must have, at industry level |
| **One-dimensional** (O) | the better, the happier | the worse, the unhappier | delivery speed | keep improving, compete |
| **Attractive** (A) | delight | no harm | birthday gift | differentiate; first when cheap |
| **Indifferent** (I) | don't care | don't care | paper catalogue | do not invest, consider dropping |
| **Reverse** (R) | annoyed | happier | forced pop-ups | remove or make optional |

**The questionnaire** asks a pair of questions per feature — "If the app has virtual try-on, how do you feel?"
(functional) and "If it does **not** have it, how do you feel?" (dysfunctional) — each answered 1 I like it,
2 I expect it, 3 I am neutral, 4 I can live with it, 5 I dislike it. The **evaluation table** (Berger et al. 1993)
turns the two answers into a category:
""")
ch.checked("show(evaluation_frame())")
ch.md(zh="""
Q（可疑）表示答案自相矛盾（有也喜欢、没有也喜欢）。用下面的表单替自己回答一次：
""", en="""
Q (questionable) marks contradictory answers (likes having it and likes not having it). Answer the pair yourself
with the form below:
""")
ch.code("""
form = KanoForm("demo_feature.virtual_tryon")
form
""")
ch.exercise("ch13", "q3")

ch.md(zh="""
### 悦家生活的 Kano 调查

400 位受访者对 6 个功能回答了 Kano 问题对（去掉有漏答的问卷后 386 份）。每个功能取人数最多的类别；
若几个类别的占比相差不到 5 个百分点，按 **M > O > A > I** 的顺序取（Matzler 等 1996）——先保证不引起不满。

两个系数概括每个功能（Berger 等 1993）：
- **Better（CS+）** = (A + O) / (A + O + M + I)：提供它能提高多少满意度；
- **Worse（CS−）** = −(O + M) / (A + O + M + I)：不提供它会带来多少不满。
""", en="""
### Yuejia Living's Kano survey

400 respondents answered the Kano pairs for 6 features (386 complete questionnaires). Each feature takes its most
frequent category; when several shares are within 5 percentage points, the order **M > O > A > I** decides
(Matzler et al. 1996) — first make sure nothing causes dissatisfaction.

Two coefficients sum up each feature (Berger et al. 1993):
- **Better (CS+)** = (A + O) / (A + O + M + I): how much offering it raises satisfaction;
- **Worse (CS−)** = −(O + M) / (A + O + M + I): how much leaving it out causes dissatisfaction.
""")
ch.code("""
KANO_FEATURES = ["secure_payment", "easy_returns", "fast_delivery", "birthday_gift", "virtual_tryon", "paper_catalogue"]
KANO_COLUMNS = [f"kano_{f}_{q}" for f in KANO_FEATURES for q in ("func", "dysf")]
kano = kano_table(load_demo("survey").dropna(subset=KANO_COLUMNS), KANO_FEATURES)
kano
""")
ch.checked('show(kano.table[["M", "O", "A", "I", "R", "Q", "category", "cs_plus", "cs_minus", "fong_significant"]])')
ch.code('plot_kano(kano.table.rename(index=lambda f: demo_label(f, "feature")));')
ch.md(zh="""
**怎么读？** 右下是必备属性（Worse 大、Better 小），右上是期望属性，左上是魅力属性，左下是无差异属性。

- **安全支付**、**无忧退换**是必备属性：做不好会失去客户，做得再好也不加分——达到行业水平，不必过度投入；
- **快速配送**是期望属性：越快越满意——这与第 9 章 IPA 中“配送速度”落在重点改进区、本章审计中配送最弱相互印证，是下一季度的头号改进项；
- **生日礼物**是魅力属性（Better 0.72），成本低，还能加强“关联”模块——值得马上做；
- **虚拟试用**的魅力（166 人）与无差异（152 人）几乎持平，Fong 检验不显著：顾客意见分化。先按客户群（年龄、渠道）拆开看，
  或在年轻的线上客户中试点；
- **纸质商品目录**是无差异属性，还有 31 人明确反感——可以停印，省下的钱投向配送。

注意：Kano 类别会随时间变化——今天的魅力属性（如当日送达）明天可能变成期望属性，再变成必备属性。每一两年要重新调查。
""", en="""
**How to read it.** Bottom right is must-be (high Worse, low Better), top right one-dimensional, top left
attractive, bottom left indifferent.

- **Secure payment** and **easy returns** are must-be: fail and customers leave, excel and nobody notices — reach
  the industry standard, do not over-invest;
- **Fast delivery** is one-dimensional: the faster, the happier — matching chapter 9's IPA, where delivery speed was
  "concentrate here", and this chapter's audit, where delivery is the weakest touchpoint: next quarter's first
  improvement;
- the **birthday gift** is attractive (Better 0.72), cheap, and strengthens the relate module — do it now;
- **virtual try-on** splits between attractive (166) and indifferent (152), and the Fong test is not significant:
  customers disagree. Break it down by segment (age, channel), or pilot it with young online customers;
- the **paper catalogue** is indifferent, and 31 respondents actively dislike it — stop printing it and move the
  money to delivery.

Kano categories move over time: today's delighter (same-day delivery, say) becomes tomorrow's one-dimensional and
later must-be feature. Repeat the survey every year or two.
""")
ch.exercise("ch13", "q4")

ch.exercise("ch13", "q5")

ch.md(zh="""
## 5 建立客户体验平台：六条法则与五个步骤

体验要成为企业持续的能力，而不是一次性的活动，需要一个**体验平台**：一套所有接触点都遵守的主题和规则。常用的六条法则（本课程的解读）：

| 法则 | 含义 | 悦家生活的例子 |
|---|---|---|
| **提醒** | 在对的时候让顾客想起我们，而不是频繁打扰 | 按上次购买时间提醒补货 |
| **神秘** | 留一点惊喜，不把一切提前说完 | 每月一件不提前公布的“惊喜商品” |
| **感恩** | 让顾客感到被感谢 | 入会一周年的手写感谢卡 |
| **渴望** | 给顾客一个期待、一个想达到的目标 | 白金会员专属的新品预览日 |
| **义工** | 让顾客参与进来、出一份力 | 邀请热心会员做手作课助教 |
| **造神** | 树立顾客心中的榜样和故事 | 把收纳达人会员的故事做成海报，请她做体验官 |

建立平台的**五个步骤**（Schmitt 2003，《客户体验管理》）：

1. **分析顾客的体验世界**：顾客在什么场景下、为了什么买我们的东西（第 2 节的旅程地图）；
2. **建立体验平台**：确定体验定位、价值承诺和贯穿始终的主题（如“让家更好收拾”）；
3. **设计品牌体验**：产品、包装、门店、广告都按主题设计（第 6 节）；
4. **构建顾客接触界面**：门店、App、客服、配送每个接触点都按规则执行（第 3 节的审计）；
5. **持续创新**：定期重做审计和 Kano 调查（第 4 节），把新点子加进平台。
""", en="""
## 5 Building a customer-experience platform: six rules and five steps

For experience to become a lasting capability rather than a one-off campaign, a company needs an **experience
platform**: one theme and a set of rules every touchpoint follows. Six common rules (the course's reading):

| rule | meaning | Yuejia Living example |
|---|---|---|
| **reminder** | bring us to mind at the right moment, not all the time | a refill reminder based on the last purchase |
| **mystery** | keep something back as a surprise | a monthly "surprise item" not announced in advance |
| **gratitude** | let customers feel thanked | a handwritten card on the first membership anniversary |
| **longing** | give customers something to look forward to, a goal to reach | a preview day of new products for platinum members only |
| **volunteering** | let customers take part and contribute | keen members helping to run weekend craft classes |
| **heroes** | make role models and stories customers look up to | a poster of a member's storage makeover, and an invitation to be "experience ambassador" |

The **five steps** to build the platform (Schmitt 2003, *Customer Experience Management*):

1. **analyse the customer's experiential world**: in which situations and for what customers buy from us (the
   journey map of section 2);
2. **build the experiential platform**: the positioning, the value promise and one theme throughout (such as "a home
   that is easier to keep tidy");
3. **design the brand experience**: products, packaging, stores and ads designed to the theme (section 6);
4. **structure the customer interface**: every touchpoint — store, app, service desk, delivery — follows the rules
   (the audit of section 3);
5. **engage in continuous innovation**: redo the audit and the Kano survey regularly (section 4) and add new ideas.
""")
ch.exercise("ch13", "q6")

ch.md(zh="""
## 6 品牌体验设计：四个层次、命名与深度体验

品牌体验可以分四个层次来设计，从看得见摸得着的，到顾客心里的：

| 层次 | 设计什么 | 悦家生活的例子 |
|---|---|---|
| **物质** | 产品本身、材质、包装 | 自有品牌的包装用统一的主色和质感 |
| **形象** | 标志、颜色、门店和广告的视觉风格 | 门店、App、配送箱一眼认得出是“悦家” |
| **服务** | 店员、客服、配送、售后的做法 | 送货上门并安装（第 5 节的“接触界面”） |
| **象征** | 拥有它说明“我是什么样的人” | “会过日子、讲究又不浪费”的生活方式 |

另外两件事：**业务命名**——名字本身就是体验的一部分（“悦家·春芽”比“绿茶 1 号”让人更想尝）；
**深度体验**——让顾客亲身投入，而不是只看广告：品鉴会、手作课、试用装。

### 案例：茶叶礼盒的颜色

请先阅读案例 [`course/cases/tea_packaging.zh.md`](../../course/cases/tea_packaging.zh.md)。悦家生活在三家门店请 40 位顾客品尝
**同一款**自有品牌绿茶，每次茶杯旁放一个不同颜色的礼盒，请他们给口味、新鲜感打分（1–7 分），并说出愿意为 100 克付多少钱：
""", en="""
## 6 Designing the brand experience: four levels, naming, deep experience

A brand experience can be designed on four levels, from what can be seen and touched to what customers feel inside:

| level | what to design | Yuejia Living example |
|---|---|---|
| **physical** | the product, its materials, its packaging | one main colour and one feel for all own-label packaging |
| **image** | logo, colours, the look of stores and ads | stores, app and delivery boxes recognisably "Yuejia" |
| **service** | how staff, service desk, delivery and after-sales act | delivery with installation (section 5's "customer interface") |
| **symbolic** | what owning it says about "who I am" | a way of life: "knows how to live — particular but never wasteful" |

Two more things: **naming** — the name is part of the experience ("Yuejia Spring Bud" makes people keener to taste
than "Green Tea No. 1"); **deep experience** — customers taking part themselves rather than just seeing ads: tastings,
craft classes, samples.

### Case: the colour of the tea box

Read the case [`course/cases/tea_packaging.en.md`](../../course/cases/tea_packaging.en.md) first. In three stores
Yuejia Living asked 40 customers to taste **the same** own-label green tea three times, each time with a box of a
different colour next to the cup, to rate taste and freshness (1–7) and to say what they would pay for 100 g:
""")
ch.code("""
from helpers.display import show
from helpers.i18n import label
from helpers.teaching.cases import tea_tasting
tasting = tea_tasting()
by_box = tasting.groupby("box_colour")[["taste", "freshness", "price_willing"]].mean()
show(by_box.rename(index=label))
""")
ch.md(zh="""
**怎么读？** 茶是同一款，打分却跟着盒子变：青绿色礼盒让人觉得最新鲜（5.45 分），朱红色礼盒让人愿意付的钱最多（每 100 克 78 元左右），
浅黄色礼盒三项都最低。这就是“感觉转移”：顾客把对包装的感受转移到了产品上。对一款强调“明前、鲜嫩”的绿茶，青绿色讲的是同一个故事；
朱红色更像节日礼品——适合春节礼盒，而不是日常自饮装。
""", en="""
**How to read it.** The tea is the same, yet the scores follow the box: the green box makes it taste freshest (5.45),
the red box makes people willing to pay most (about ¥78 per 100 g), and the pale-yellow box scores lowest on all
three. This is "sensation transference": customers carry their feeling about the package over to the product. For a
green tea sold on being early-picked and fresh, green tells the same story; red looks like a festive gift — right
for a Spring Festival box rather than the everyday pack.
""")
ch.exercise("ch13", "q7")

ch.md(zh="""
## 7 附加价值：不同档次的礼包

同质的商品，靠**附加价值**拉开距离：满一定金额送礼包，金额越高、礼包越好。这样做能提高顾客的购买期望——为了拿到更好的那一档，
顾客愿意多买一点。做之前先用订单历史回答三个问题：每一档有多少订单？礼包花多少钱、占这一档收入的多少？有多少订单“差一点”就够下一档？

设三档：满 199 元送小礼包（成本 6 元），满 399 元送品质礼包（18 元），满 699 元送尊享礼盒（45 元）：
""", en="""
## 7 Added value: gift packs of different grades

Products that are alike can be set apart by **added value**: a gift pack from a certain order value, a better one the
more is spent. It raises what customers expect to buy — to reach the better grade, they buy a little more. Before a
campaign, the order history answers three questions: how many orders fall in each grade? What do the gifts cost, as
a share of the grade's revenue? How many orders were "just short" of the next grade?

Take three grades: a small pack from ¥199 (cost ¥6), a quality pack from ¥399 (¥18), a premium box from ¥699 (¥45):
""")
ch.code("""
from helpers.offers import gift_pack_grades
orders = load_demo("orders")
plan = gift_pack_grades(orders, breaks=(199, 399, 699), costs=(6, 18, 45), within_share=0.1)
show(plan)
""")
ch.exercise("ch13", "q8")
ch.md(zh="""
**怎么读？** 过去三年的订单里，41% 能拿到至少一档礼包；礼包总成本约 6.2 万元，占全部收入的 2.0%。“差一点够下一档的订单”是活动真正的机会：
有 762 笔订单离 199 元只差不到 10%，472 笔离 399 元只差不到 10%——在结账时提醒一句“再买 20 元就能换品质礼包”（第 2 章的向上销售），
就可能把它们推上一档。礼包本身要体现品牌（第 6 节）：与其送随处可买的赠品，不如送自有品牌的新品试用装，同时完成一次“深度体验”。

注意：这张表描述的是**历史订单**。礼包会改变顾客的行为，活动真正带来多少增量，要像第 4 章说的那样留一个对照组来检验。
""", en="""
**How to read it.** 41 % of the past three years' orders would earn at least one gift; the gifts would cost about
¥62,000 in all, 2.0 % of total revenue. The "orders just below the next grade" are the real opportunity: 762 orders
came within 10 % of ¥199 and 472 within 10 % of ¥399 — a word at checkout, "spend ¥20 more for the quality pack"
(chapter 2's up-selling), may lift them a grade. The gift itself should carry the brand (section 6): rather than
something sold everywhere, a sample of a new own-label product — a "deep experience" at the same time.

Mind that the table describes **past orders**. Gifts change behaviour; how much a campaign really adds must be tested
with a control group, as chapter 4 says.
""")
ch.trainer(zh="""
本章新增内容的时间：门店环境检查表 10 分钟（可选，适合作为课后作业或下午开场的走动练习）；教育与帮助顾客 5 分钟（可选）；
体验平台的六条法则、五个步骤与 q6 10 分钟（核心）；品牌体验四个层次与茶叶礼盒案例、q7 15 分钟（核心，案例可分组读 5 分钟）；
分档礼包与 q8 10 分钟（可选）。
学员常见困难：六条法则中“渴望”与“神秘”易混——渴望是让人想要、盼着（E1 预览日），神秘是不提前说（E6 惊喜商品）；
q7 算成了青绿色与浅黄色的差（14.4 元）；q8 把三档各自的成本占比取平均（约 3.5%），而不是用礼包总成本除以全部收入（2.0%）。
""", en="""
Time for this chapter's added material: the store-environment checklist 10 minutes (optional; good as homework or as a
walking exercise to open an afternoon); educating and helping customers 5 (optional); the experience platform's six
rules and five steps with q6 10 (core); the four levels of brand experience with the tea-box case and q7 15 (core; groups
can read the case in 5); the gift-pack grades with q8 10 (optional).
Where students stumble: "longing" and "mystery" — longing makes people want and look forward (E1, the preview day),
mystery keeps things back (E6, the surprise item); q7 computed as green minus yellow (14.4); q8 as the mean of the
three grades' cost shares (about 3.5 %) instead of total gift spend over all revenue (2.0 %).
""")

ch.md(zh="""
## 讨论

1. 画出你所在企业的客户旅程：哪个接触点是顾客记忆中的“结尾”？它现在的体验如何？
2. 体验审计的分数由内部小组打分，可能有什么偏差？怎样用顾客数据来校验？
3. 十年前“免费配送”是魅力属性，今天是什么？举一个你所在行业正在从魅力属性变成必备属性的例子。
4. 如果预算只够做一件事：提升配送速度，还是推出生日礼物？请用本章和第 9 章的结果说明理由。
""", en="""
## Discussion

1. Draw your company's customer journey: which touchpoint is the "end" customers remember? How good is it today?
2. The audit scores come from an internal team — how might they be biased? How can customer data check them?
3. Ten years ago free delivery was a delighter; what is it today? Name a feature in your industry that is moving from
   attractive to must-be.
4. If the budget allows only one thing — faster delivery or the birthday gift — which, and why? Use the results of
   this chapter and chapter 9.
""")
ch.trainer(zh="""
约 60 分钟：五种体验模块 8 分钟（让学员为自己的企业各举一个例子），旅程地图 10 分钟，体验审计 15 分钟（练习 1、2），
Kano 20 分钟（表单、练习 3–5，小测验适合分组比赛），讨论 7 分钟。
学员常见困难：把顾客评分最低的接触点（售后 3.27）当成审计中最弱的接触点（配送，平均差距 −1.50）——两者接近但来源不同；
练习 2 选了得分最低的模块（关联 2.66），而不是离目标最远的（情感，差 0.94）；Kano 评价表的行列看反（行是正向题）；
Better 系数的分母误把 R 和 Q 算进去（练习 4 得 0.598）；小测验中的 E（自助结账）按众数会选期望属性，按 M > O > A > I 规则应为必备属性。
讨论参考答案：1. 多数零售企业的“结尾”是配送或售后，恰恰是最弱的环节。2. 内部人员偏乐观、熟悉流程；
用各接触点的顾客评分、投诉类别（第 12 章）和神秘顾客来校验。3. 免费配送已是必备属性；例如移动支付、实时物流跟踪。
4. 先配送：它是期望属性、IPA 重点改进区、审计最弱接触点，影响每一位网购客户；生日礼物成本低，可以同时以小预算推出。
""", en="""
About 60 minutes: the five modules 8 (ask students for an example of each from their own company), the journey map 10,
the experience audit 15 (exercises 1, 2), Kano 20 (the form, exercises 3–5; the quiz works well as a team contest),
discussion 7. Where students stumble: taking the touchpoint with the lowest customer rating (after-sales, 3.27) for the
audit's weakest (delivery, mean gap −1.50) — close, but different sources; in exercise 2 choosing the lowest-scoring
module (relate, 2.66) instead of the one furthest from target (feel, short by 0.94); reading the Kano evaluation table
the wrong way round (rows are the functional question); counting R and Q in the Better denominator (0.598 in exercise
4); in the quiz, E (self-checkout) is one-dimensional by the mode but must-be by the M > O > A > I rule.
Answers to the discussion: 1. For most retailers the remembered end is delivery or after-sales — often the weakest
link. 2. Insiders are optimistic and know the process too well; check against customer ratings per touchpoint,
complaint categories (chapter 12) and mystery shopping. 3. Free delivery is now must-be; e.g. mobile payment, live
parcel tracking. 4. Delivery first: one-dimensional, "concentrate here" in the IPA, the weakest touchpoint in the
audit, and it touches every online customer; the birthday gift is cheap and can start alongside on a small budget.
""")

ch.md(zh="""
## 小结

- 体验有五个模块：感官、情感、思考、行动、关联（Schmitt 1999）；满意度是结果，体验是过程。
- 旅程线显示悦家生活的体验在**购买之后**下滑（结账 3.62、配送 3.40、售后 3.27）；体验审计把问题定位到接触点 × 模块，并按与目标的差距排序。
- Kano：必备属性先达标，期望属性持续改进，魅力属性低成本差异化，无差异属性不投入；Better / Worse 系数与 M > O > A > I 规则帮助排序。
- 下一章：[14 综合实训：分析你自己的客户](14_capstone.ipynb)。
""", en="""
## Recap

- Experience has five modules: sense, feel, think, act, relate (Schmitt 1999); satisfaction is the outcome, experience
  the process.
- The journey line shows Yuejia Living's experience sliding **after the purchase** (checkout 3.62, delivery 3.40,
  after-sales 3.27); the experience audit locates problems by touchpoint × module and ranks them by the gap to target.
- Kano: get must-be features to standard, keep improving one-dimensional ones, differentiate with cheap delighters,
  do not invest in indifferent ones; Better / Worse and the M > O > A > I rule help rank them.
- Next: [14 Capstone: analyse your own customers](14_capstone.ipynb).
""")

"""Chapter 13 · Customer experience management: Schmitt's five experience modules, touchpoints and the
journey line, the experience audit, and the Kano model for deciding what to build."""
from helpers.teaching.authoring import Chapter

ch = Chapter("13_customer_experience", setup_extra="""
from helpers.teaching.exercises import ch13, ____
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
touchpoints
""")
ch.checked("""
journey = journey_line(touchpoints, target=4.0)
journey[["step", "touchpoint", "score", "gap"]].round(2)
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
ch.checked("round(audit.overall, 2), audit.column_means.round(2).to_dict()")
ch.code("plot_experience_heatmap(experience_audit(with_demo_labels(touchpoints, 'touchpoint'), target=with_demo_labels(target, 'touchpoint')));")
ch.md(zh="""
差距图（得分 − 目标，红色为低于目标）更直接地显示该先改哪里：
""", en="""
The gap map (score − target, red below target) shows more directly where to start:
""")
ch.code('''plot_experience_heatmap(experience_audit(with_demo_labels(touchpoints, "touchpoint"),
                                         target=with_demo_labels(target, "touchpoint")), kind="gaps");''')
ch.checked("audit.weakest(5)")
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
ch.checked("evaluation_frame()")
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
ch.checked('kano.table[["M", "O", "A", "I", "R", "Q", "category", "cs_plus", "cs_minus", "fong_significant"]].round(2)')
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

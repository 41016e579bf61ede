"""Chapter 07 · Customer personality styles: the assertiveness × responsiveness matrix, the four social
styles, the buying-centre contacts of the demo company, a case quiz and a self-assessment."""
from helpers.teaching.authoring import Chapter

ch = Chapter("07_personality_styles", setup_extra="""
import pandas as pd
from helpers.teaching.exercises import ch07, ____
from helpers.display import show
from helpers.data import load_demo, demo_label
from helpers.matrices import social_style
from helpers.i18n import label
from helpers.plots import plot_value_matrix
from helpers.teaching.widgets import SocialStyleAssessment
""")

ch.md(zh="""
# 第 7 章 · 客户性格类型与沟通

前几章回答“客户值多少”；本章回答“**怎样和这位客户打交道**”。同样的产品、同样的价格，
用不同的方式介绍给不同的人，结果可能完全相反。特别是企业客户：签单的是一个个具体的人，
他们做决定的方式各不相同。

**本章目标**
- 能根据行为描述判断沟通风格；
- 能为每种风格调整沟通方式。

**本章路线**：案例“两位总经理” → 果断性 × 反应性矩阵与四种风格 → 演示公司大客户联系人的风格分布 →
为一次拜访做准备 → 案例测验 → 自我评估 → 讨论。
""", en="""
# Chapter 7 · Customer personality styles

The earlier chapters asked what a customer is worth; this one asks **how to deal with this customer**. The same
product at the same price, presented in different ways to different people, can meet opposite outcomes.
Especially with corporate clients: contracts are signed by individual people who make decisions in very different
ways.

**Objectives of this chapter**
- recognise a communication style from a description;
- adapt your approach to each style.

**Route**: the case "two executives" → the assertiveness × responsiveness matrix and the four styles → the styles
of the demo company's key-account contacts → preparing a visit → case quiz → self-assessment → discussion.
""")

ch.md(zh="""
## 1. 案例：同一套说辞，两种结果

请先阅读案例 [`course/cases/two_executives.zh.md`](../../course/cases/two_executives.zh.md)。新任大客户经理小周带着同一套 40 页的材料拜访了两位客户：

- **王总**只给 20 分钟，第三页就打断她“直接说好在哪儿”，当场圈出两个方案要报价——小周觉得谈得不愉快，他却在周五当天就签了；
- **陈总**亲手倒茶、微笑点头、很少表态，关心员工的感受，说“再和同事们商量一下”——小周三次催促之后，订单给了别人。

问题不在材料，而在于小周用**同一种方式**对待了两种**截然不同的人**。
""", en="""
## 1. Case: one pitch, two outcomes

Read the case [`course/cases/two_executives.en.md`](../../course/cases/two_executives.en.md) first. Xiao Zhou, a new key account manager, took the same
40-page presentation to two clients:

- **Mr Wang** gave her 20 minutes, cut in at page three ("just tell me why you are better") and circled two
  proposals for a quote — she felt it went badly, yet he signed on the Friday;
- **Ms Chen** poured the tea, smiled and nodded, rarely gave a view, cared about how her staff would feel and said
  "let me talk it over with my colleagues" — after three reminders from Xiao Zhou, the order went to someone else.

The problem was not the material: Xiao Zhou treated **two very different people the same way**.
""")

ch.md(zh="""
## 2. 两个维度，四种风格

Merrill 和 Reid（1981）观察人们在工作中**外在可见的行为**，用两个维度描述沟通风格：

- **果断性（支配性）**：倾向于“问”还是“说”。高果断性的人直接表态、主导谈话、很快做决定；低果断性的人多提问、先倾听、慎重决定。
- **反应性（情感性）**：情绪“克制”还是“外露”。高反应性的人热情、表情丰富、重视人和关系；低反应性的人冷静、就事论事、重视任务和事实。

两个维度交叉，得到四种风格：

| | 克制（反应性低） | 外露（反应性高） |
|---|---|---|
| **说（果断性高）** | **控制型**：重结果、快决策、讨厌浪费时间 | **表现型**：重认可、有想象力、喜欢新点子和热闹 |
| **问（果断性低）** | **分析型**：重事实和逻辑、要细节、慢决策 | **亲和型**：重关系与和谐、怕风险、需要别人的意见 |

| 风格 | 他们在意 | 他们担心 | 与之沟通 |
|---|---|---|---|
| 控制型 | 结果、效率、掌控 | 被浪费时间、失去控制 | 开门见山，讲底线和结果，给出几个选项及其后果，让他自己决定 |
| 表现型 | 认可、愿景、与众不同 | 被忽视、琐碎细节 | 热情互动，描绘愿景，多用案例和他人评价，细节写在书面材料里 |
| 亲和型 | 关系、和谐、安全感 | 冲突、风险、被催促 | 放慢节奏，先建立信任，给出保证，邀请相关的人一起参与，不催促 |
| 分析型 | 准确、证据、流程 | 出错、信息不全 | 准备数据和书面材料，逻辑清晰、细节完整，给他时间比较和思考 |

这四种风格与 DISC 模型的 D、I、S、C 大致对应。**注意**：这是一种实用的经验模型，帮助我们观察和调整沟通方式，
并不是经过心理测量学验证的人格测验；每个人都有四种风格的成分，只是某一种更常见。我们判断的是**行为**，不是给人贴标签。
""", en="""
## 2. Two dimensions, four styles

Merrill and Reid (1981) looked at people's **visible behaviour** at work and described communication styles with
two dimensions:

- **Assertiveness**: does the person tend to *ask* or to *tell*? Highly assertive people state their views, lead
  the talk and decide fast; less assertive people ask questions, listen first and decide carefully.
- **Responsiveness**: does the person *control* or *show* emotions? Highly responsive people are warm and
  expressive and put people and relationships first; less responsive people are calm and matter-of-fact and put
  tasks and facts first.

Crossing the two gives four styles:

| | controls emotions (low responsiveness) | shows emotions (high responsiveness) |
|---|---|---|
| **tells (high assertiveness)** | **Driver**: results, fast decisions, hates wasted time | **Expressive**: recognition, imagination, new ideas and excitement |
| **asks (low assertiveness)** | **Analytical**: facts and logic, wants detail, decides slowly | **Amiable**: relationships and harmony, avoids risk, wants others' views |

| style | cares about | fears | how to approach |
|---|---|---|---|
| Driver | results, efficiency, control | wasted time, losing control | come to the point; bottom line and outcomes; a few options with their consequences; let them decide |
| Expressive | recognition, vision, standing out | being ignored, tedious detail | be enthusiastic; share the vision; stories and social proof; put the details in writing |
| Amiable | relationships, harmony, security | conflict, risk, being pushed | slow down; build trust first; reassure; involve the people concerned; do not push |
| Analytical | accuracy, evidence, process | mistakes, missing information | bring data and documents; clear logic, full detail; give time to compare and think |

The four styles roughly match D, I, S and C of the DISC model. **Note**: this is a practical rule of thumb for
observing and adapting how we communicate, not a psychometrically validated personality test; everyone has some
of all four, one of them just shows more often. We read **behaviour**; we do not label people.
""")

ch.md(zh="""
## 3. 演示公司大客户联系人的风格

悦家生活的客户经理为 40 家企业客户的 232 位联系人（采购中心的决策者、使用者、采购者……，第 8 章详细讲解）
各打了 8 个 1–5 分的评分：4 项衡量果断性（`assert_1`…`assert_4`），4 项衡量反应性（`respons_1`…`respons_4`）。
每个维度取 4 项的平均分，与量表中点 3 比较：**≥ 3 为高**。
""", en="""
## 3. The styles of the demo company's key-account contacts

Yuejia Living's account managers rated each of the 232 contacts at its 40 corporate clients (the buying centre's
deciders, users, buyers…, see chapter 8) on eight 1–5 items: four for assertiveness (`assert_1`…`assert_4`) and four
for responsiveness (`respons_1`…`respons_4`). Each dimension is the mean of its four items, compared with the scale
midpoint 3: **≥ 3 is high**.
""")
ch.code("""
contacts = load_demo("stakeholders")
assertiveness = ["assert_1", "assert_2", "assert_3", "assert_4"]
responsiveness = ["respons_1", "respons_2", "respons_3", "respons_4"]
styles = social_style(contacts, assertiveness, responsiveness)
""")
ch.checked("styles")
ch.code("plot_value_matrix(styles);")

ch.md(zh="""
**分界线上的人。** 许多联系人的平均分恰好是 3.0：按本工具包的规则，恰好在线上算“高”。
这些人的风格并不鲜明，判断时要多看几次实际行为，不要被一个标签框住。
""", en="""
**People on the line.** Many contacts average exactly 3.0; by the kit's rule, a value on the line counts as high.
Their style is not pronounced: watch their actual behaviour a few more times before relying on a label.
""")
ch.checked("on_the_line = (styles.table['assertiveness'] == 3) | (styles.table['responsiveness'] == 3)\nint(on_the_line.sum())")

ch.md(zh="""
风格与采购中心角色有关系吗？按角色统计各风格人数：
""", en="""
Do styles go with buying-centre roles? Count the styles per role:
""")
ch.checked("show(pd.crosstab(styles.table['role'], styles.classes))")

ch.md(zh="""
决策者中控制型和表现型（都是高果断性）明显更多——习惯“说”和拍板的人更常走到决策位置上。
对客户经理的含义：**见决策者时准备好简短的结论和选项**；见使用者和影响者时，风格更分散，要逐一观察。
""", en="""
Deciders are more often Drivers and Expressives (both highly assertive): people used to telling and deciding tend
to end up in deciding roles. For the account manager this means: **bring a short conclusion and options to a
decider**; users and influencers are more varied, so observe each one.
""")

ch.md(zh="""
## 4. 为一次拜访做准备

下周一，客户经理要去拜访 KA01 东方物流。下面列出这家客户的 7 位联系人、他们的风格和建议的沟通方式——
这就是一张可以带去会议的“沟通备忘”。
""", en="""
Next Monday the account manager visits KA01, Dongfang Logistics. Below are the client's seven contacts, their
styles and the suggested approach — a briefing sheet to take to the meeting.
""")
ch.code("""
ka01 = styles.table.query("account_id == 'KA01'")
show(ka01.assign(approach=label(ka01["cell"], "strategy"))[
    ["person", "title", "role", "assertiveness", "responsiveness", "cell", "approach"]])
""")

ch.md(zh="""
同一家客户里，有人要结论，有人要数据，有人要关系。一场会议里可以**先用一句话给出结论**（照顾控制型），
**把数据和细节做成附件**（照顾分析型），**留出时间听大家的意见**（照顾亲和型），**讲一个其他客户的成功故事**（照顾表现型）。
""", en="""
In one client some want the conclusion, some the data, some the relationship. One meeting can **open with the
conclusion in one sentence** (for Drivers), **put data and detail in an appendix** (for Analyticals), **leave time
to hear everyone** (for Amiables) and **tell the success story of another client** (for Expressives).
""")

ch.md(zh="## 5. 练习", en="## 5. Exercises")
ch.exercise("ch07", "q1")

ch.exercise("ch07", "q2")

ch.md(zh="## 6. 案例测验：他们是哪种风格？", en="## 6. Case quiz: which style are they?")
ch.exercise("ch07", "q3")

ch.md(zh="""
## 7. 自我评估：你自己是哪种风格？

了解自己的风格同样重要：控制型的销售容易催促亲和型的客户，表现型的销售容易让分析型的客户觉得“不靠谱”。
拖动滑块回答 8 个问题（1 = 完全不同意，5 = 完全同意），看看你落在矩阵的哪个位置。
""", en="""
## 7. Self-assessment: what is your own style?

Knowing your own style matters as much: a Driver salesperson tends to push Amiable clients, an Expressive one can
strike Analytical clients as unreliable. Move the sliders to answer the eight statements (1 = strongly disagree,
5 = strongly agree) and see where you land in the matrix.
""")
ch.code("assessment = SocialStyleAssessment()\nassessment")
ch.exercise("ch07", "q4")
ch.md(zh="""
小周的两个平均分都恰好是 3.0，落在两条分界线的交点上——按规则她是表现型，但实际上她的风格并不鲜明。
这正是讨论题 1 的起点。
""", en="""
Both of Xiao Zhou's means are exactly 3.0, where the two split lines cross: by the rule she is Expressive, but her
style is not pronounced at all. That is where discussion question 1 begins.
""")

ch.md(zh="""
### 延伸：门店里的专业导购

沟通风格之外，店员还要判断**导购做到多深**。同样一句“需要帮忙吗？”，对第一次进店、拿不定主意的顾客是及时雨，
对拿着清单直奔货架的老会员却是打扰。调整导购深度可以看四件事：

| 看什么 | 怎样调整 |
|---|---|
| **年龄** | 年长的顾客：耐心、说清楚、少给几个选项；年轻顾客：节奏快，给扫码看详情、线上下单的方便 |
| **经济状况** | 预算有限：讲性价比，不硬推高档；预算宽裕：讲品质、服务和独特之处 |
| **对产品的了解** | 不太懂：先讲用途、再做示范、帮他比较；很懂行：给准确的数据和差别，不说空话 |
| **忠诚阶段**（第 2 章） | 第一次来：介绍品牌和服务承诺；来过几次：记得他的喜好，推荐配套商品；老会员：尊重他的习惯，先告诉他新品，结账要快 |

好的导购先**问**、再**看**、最后才**说**：问清楚用途和预算，看他怎么挑，再决定讲多少。
""", en="""
### Further: professional guided selling in the store

Beyond communication style, store staff must judge **how deep to guide**. The same "can I help you?" is welcome to
a first-time shopper who cannot decide, and an intrusion to a member walking straight to the shelf with a list. Four
things tell you how much to guide:

| look at | adapt |
|---|---|
| **age** | older shoppers: patience, clear words, fewer options; younger ones: a quick pace, QR codes for details and online ordering |
| **economic situation** | a tight budget: value for money, no hard push upmarket; a generous one: quality, service, what is special |
| **knowledge of the product** | little: its use first, then a demonstration, help comparing; a lot: exact figures and differences, no empty talk |
| **loyalty stage** (chapter 2) | first visit: introduce the brand and its service promises; a few visits: remember their preferences, suggest matching items; members of long standing: respect their habits, tell them about new products first, check them out fast |

Good guided selling **asks** first, **watches** second and **talks** last: learn the use and the budget, see how
they choose, then decide how much to say.
""")
ch.exercise("ch07", "q6")
ch.md(zh="课后可以用 [导购角色扮演卡](../../course/cases/guided_selling.zh.md) 三人一组练习。",
      en="Afterwards, groups of three can practise with the [guided-selling role-play cards](../../course/cases/guided_selling.en.md).")
ch.trainer(zh="""
约 15 分钟（可选）：讲解表格 3 分钟，卡片 5 分钟，角色扮演一轮 7 分钟（三人一组：顾客、店员、观察员，用角色卡，观察员按卡上的检查表打勾）。
卡片中最容易争论的是 G3（退休教师“你帮我挑一个”）：他要的是一个明确的建议，而不是一堂产品课——抓住要点、给出建议；
G4 懂行，同样是抓要点，但要给准确的数据。与本章的沟通风格呼应：G4 像分析型，G2 像控制型。
""", en="""
About 15 minutes (optional): the table 3, the cards 5, one round of role play 7 (groups of three: shopper, assistant,
observer, with the role cards; the observer ticks the checklist on the card). The card that starts debates is G3 (the
retired teacher, "pick one for me"): he wants a clear recommendation, not a lesson — focused advice; G4 knows the
product, also focused, but with exact figures. It echoes this chapter's styles: G4 acts like an Analytical, G2 like
a Driver.
""")

ch.md(zh="""
## 8. 讨论

1. 小周自己是什么风格？这会如何影响她和不同风格客户的相处？
2. “看人下菜碟”和“因人调整沟通方式”有什么区别？调整的边界在哪里？
3. 对同一家企业的采购中心，为什么常常需要用不同风格分别沟通？
""", en="""
## 8. Discussion

1. What is Xiao Zhou's own style? How does it shape her dealings with clients of other styles?
2. What is the difference between "telling people what they want to hear" and "adapting how you communicate"?
   Where is the line?
3. Why does one company's buying centre often call for different styles of communication with each member?
""")
ch.code("ch07.q5.check()\n# ch07.q5.solution()")
ch.trainer(zh="""
约 60 分钟：案例 10 分钟（请两位学员分别扮演王总和陈总，第三位扮演小周，用同一套开场白各演 2 分钟），
两个维度与四种风格 15 分钟，演示数据与拜访准备 10 分钟，测验与自我评估 15 分钟，讨论 10 分钟。
学员常见困难：把“果断性”理解为“性格强势/好坏”；把反应性低的人理解为“冷漠”——强调我们描述的是可观察的行为，
没有好坏之分；测验中混淆亲和型与分析型（两者都“问”，区别在于关注人还是关注事实），混淆控制型与表现型（两者都“说”，
区别在于情绪是否外露）。练习 2 的典型错误是把两个维度看反（得到亲和型）。
测验参考答案：P1 王总、P5 刘总为控制型，P2 陈总、P6 周主席为亲和型，P3 赵总监为表现型，P4 孙经理为分析型。
讨论 1 参考：小周准备 40 页材料、先讲半小时公司历史，说明她习惯按自己的节奏和方式介绍，没有先观察对方；
自我评估落在交点上，说明她可以向各个方向调整——关键是会前先判断对方的风格。
讨论 2 参考：调整的是节奏、顺序、材料形式和表达方式；不变的是事实、承诺和价格原则。为了迎合而夸大或隐瞒，就越过了边界。
讨论 3 参考：采购中心的成员角色不同、关注点不同、风格也不同（决策者多为高果断性），一套说辞无法同时满足所有人；
大客户经理要为每位关键联系人准备合适的沟通方式，并在团队会议中兼顾各种风格。
""", en="""
About 60 minutes: the case 10 (two participants play Mr Wang and Ms Chen, a third plays Xiao Zhou with the same
opening line, 2 minutes each), the two dimensions and four styles 15, demo data and visit preparation 10, quiz and
self-assessment 15, discussion 10.
Where students stumble: reading assertiveness as "strong/bad character"; reading low responsiveness as "cold" —
stress that we describe observable behaviour, with no better or worse style; in the quiz, confusing Amiable and
Analytical (both ask; the difference is people versus facts) and Driver and Expressive (both tell; the difference is
whether emotions show). The typical wrong answer to exercise 2 reads the two dimensions the wrong way round
(Amiable).
Quiz answers: P1 Mr Wang and P5 Mr Liu are Drivers, P2 Ms Chen and P6 Chair Zhou Amiables, P3 Director Zhao an
Expressive, P4 Manager Sun an Analytical.
Discussion 1: a 40-page deck opened with half an hour of company history shows that Xiao Zhou presents at her own
pace and in her own way without first observing the client; her self-assessment at the crossing point means she can
adapt in any direction — the key is to read the other person's style before the meeting.
Discussion 2: we adapt pace, order, the form of the material and the way we speak; facts, commitments and pricing
principles do not change. Exaggerating or hiding things to please crosses the line.
Discussion 3: buying-centre members differ in role, concerns and style (deciders are mostly highly assertive); one
pitch cannot suit them all. The account manager prepares an approach for each key contact and covers all styles in
group meetings.
""")

ch.md(zh="""
## 小结

- 社交风格模型用两个可观察的维度描述沟通风格：果断性（问 ↔ 说）和反应性（克制 ↔ 外露），得到控制型、表现型、亲和型、分析型。
- 判断风格看行为；与每种风格沟通的要点：控制型要结果和选项，表现型要认可和愿景，亲和型要信任和时间，分析型要数据和细节。
- 用评分判断风格时，每个维度取平均分并与量表中点 3 比较（≥ 3 为高）；恰好在线上的人风格不鲜明，要多观察。
- 这是一种经验模型，不是人格测验：目的是调整**我们自己的**沟通方式，而不是给客户贴标签。
- 下一章：[08 大客户管理](08_key_accounts.ipynb)——识别大客户，并检查我们是否覆盖了采购中心的每一个关键角色。
""", en="""
## Recap

- The social-style model describes communication with two observable dimensions: assertiveness (ask ↔ tell) and
  responsiveness (controls ↔ shows emotions), giving Driver, Expressive, Amiable and Analytical.
- Read the style from behaviour. How to approach each: Drivers want results and options, Expressives recognition
  and vision, Amiables trust and time, Analyticals data and detail.
- From ratings, each dimension is the mean of its items compared with the scale midpoint 3 (≥ 3 is high); people
  right on the line have no pronounced style — observe more.
- A rule of thumb, not a personality test: the aim is to adapt **our own** communication, not to label clients.
- Next: [08 Key account management](08_key_accounts.ipynb) — identifying key accounts and checking that we cover
  every key role in the buying centre.
""")

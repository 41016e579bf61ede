"""Chapter 00 · Start here — practice with the exercise checks, an explorer and the data report."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem


@lru_cache(maxsize=1)
def _online_retail_report():
    from helpers.data.datasets import load_online_retail

    return load_online_retail()[1]


q1 = ValueProblem(
    var="rows_read",
    expected=lambda: _online_retail_report().rows_read,
    wrong=lambda: _online_retail_report().rows_kept,
    hints=[{"zh": "数据报告的最后一行是“读取行数合计”。", "en": "The last line of the data report is the total of rows read."},
           {"zh": "也可以直接读属性：report.rows_read。", "en": "You can also read the attribute: report.rows_read."}],
    model_answer={"zh": "rows_read = report.rows_read   # 541,909 行：保留的行 + 各原因剔除的行",
                  "en": "rows_read = report.rows_read   # 541,909 rows: kept rows + rows excluded by reason"},
)

q2 = ValueProblem(
    var="share_missing_id",
    expected=lambda: _online_retail_report().excluded["excl_missing_customer"] / _online_retail_report().rows_read,
    wrong=lambda: _online_retail_report().excluded["excl_missing_customer"] / _online_retail_report().rows_kept,
    rel_tol=1e-3,
    hints=[{"zh": "占比 = 缺少客户编号的行数 ÷ 读取的总行数。", "en": "Share = rows without a customer id ÷ all rows read."},
           {"zh": "report.excluded 是按原因计数的字典，键为 'excl_missing_customer'。",
            "en": "report.excluded is a dict of counts by reason; the key is 'excl_missing_customer'."}],
    model_answer={"zh": "share_missing_id = report.excluded['excl_missing_customer'] / report.rows_read   # 约 0.249",
                  "en": "share_missing_id = report.excluded['excl_missing_customer'] / report.rows_read   # about 0.249"},
)

q3 = ChoiceProblem(
    var="biggest_reason",
    expected=lambda: max(_online_retail_report().excluded.items(), key=lambda kv: kv[1])[0],
    wrong=lambda: "excl_cancellation",
    options={"excl_missing_customer": {"zh": "缺少客户编号", "en": "missing customer id"},
             "excl_cancellation": {"zh": "取消的订单", "en": "cancelled orders"},
             "excl_duplicate": {"zh": "完全重复的行", "en": "exact duplicate rows"}},
    hints=[{"zh": "比较数据报告中各剔除原因的行数。", "en": "Compare the row counts of the exclusion reasons in the data report."}],
    model_answer={"zh": "biggest_reason = 'excl_missing_customer'   # 约四分之一的行没有客户编号，无法归到任何客户",
                  "en": "biggest_reason = 'excl_missing_customer'   # about a quarter of the rows have no customer id and belong to nobody"},
)

q4 = ValueProblem(
    var="clv_at_90",
    expected=lambda: 100 * 0.9 / (1 + 0.10 - 0.9),
    wrong=lambda: 100 * 0.9 / (1 - 0.9),
    rel_tol=1e-4,
    hints=[{"zh": "把“保留率”滑块拖到 0.90，读出 CLV。", "en": "Move the retention slider to 0.90 and read the CLV."},
           {"zh": "也可以读 calc.result.clv；公式 CLV = m·r/(1+i−r)。", "en": "Or read calc.result.clv; the formula is CLV = m·r/(1+i−r)."}],
    model_answer={"zh": "calc.controls['retention'].value = 0.9\nclv_at_90 = calc.result.clv   # 450.0",
                  "en": "calc.controls['retention'].value = 0.9\nclv_at_90 = calc.result.clv   # 450.0"},
)

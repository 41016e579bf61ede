"""Header synonyms: which of a table's headers plays each role of a transactions table.

Headers are compared after case-folding and dropping spaces, underscores, hyphens and dots, so
``Customer ID``, ``customer_id`` and ``CUSTOMERID`` are the same header. Chinese and English
synonyms are accepted; an explicit ``columns={"customer_id": "their header"}`` always wins.

    >>> from helpers.data.columns import map_columns
    >>> map_columns(["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"])
    {'customer_id': 'CustomerID', 'order_date': 'InvoiceDate', 'order_id': 'InvoiceNo', 'quantity': 'Quantity', 'unit_price': 'UnitPrice'}
"""
from __future__ import annotations

import re
import unicodedata

from helpers.errors import DataError

__all__ = ["SYNONYMS", "REQUIRED", "map_columns"]

#: Accepted headers per role, as people write them; compared in :func:`normalize_header` form.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer_id": ("customer_id", "CustomerID", "Customer ID", "customer", "cust_id", "customer_no",
                    "client_id", "member_id", "user_id", "buyer_id",
                    "客户ID", "客户编号", "客户号", "客户代码", "客户编码", "会员号", "会员ID", "会员编号", "会员卡号",
                    "会员名", "卡号", "用户ID", "用户编号", "用户账号", "顾客ID", "顾客编号", "买家ID", "买家会员名",
                    "买家昵称", "买家账号", "客戶編號", "會員編號", "會員號"),
    "order_date": ("order_date", "InvoiceDate", "date", "transaction_date", "purchase_date", "order_time",
                   "timestamp",
                   "订单日期", "下单时间", "下单日期", "交易日期", "交易时间", "购买日期", "购买时间", "日期",
                   "订单创建时间", "创建时间", "订单成交时间", "成交时间", "开票日期", "单据日期", "业务日期", "销售日期", "消费时间", "消费日期",
                   "訂單日期", "交易日期時間"),
    "amount": ("amount", "revenue", "sales", "dollar_value", "dollars", "order_value", "order_amount",
               "total_amount", "spend", "monetary",
               "金额", "实付金额", "销售额", "订单金额", "消费金额", "交易金额", "支付金额", "实付款", "实收金额",
               "买家实际支付金额", "用户实付金额", "订单实付金额", "成交金额", "价税合计", "销售金额", "金額",
               "實付金額"),
    "order_id": ("order_id", "InvoiceNo", "Invoice", "invoice_id", "order_no", "order_number", "transaction_id",
                 "订单号", "订单编号", "订单ID", "交易号", "发票号", "流水号", "交易流水号", "单据编号", "单号",
                 "小票号", "訂單編號"),
    "quantity": ("quantity", "qty", "number_of_cds", "n_cds", "units", "数量", "购买数量", "商品数量", "销售数量",
                 "數量"),
    "unit_price": ("unit_price", "UnitPrice", "price", "单价", "价格", "商品单价", "销售单价", "含税单价", "單價"),
}
REQUIRED = ("customer_id", "order_date", "amount")


def normalize_header(header) -> str:
    """The comparable form of a header: full-width letters as ASCII, case-folded, without spaces,
    ``_``, ``-``, ``.``, invisible marks, or a unit in brackets at the end (``金额（元）``).

    >>> normalize_header(" Customer_ID "), normalize_header("实付金额（元）"), normalize_header("客户ＩＤ")
    ('customerid', '实付金额', '客户id')
    """
    text = unicodedata.normalize("NFKC", str(header)).replace("\u200b", "").replace("\ufeff", "")
    text = re.sub(r"[(\[][^()\[\]]*[)\]]\s*$", "", text)
    return re.sub(r"[\s_\-.]+", "", text).casefold()


def role_of(header) -> str | None:
    """The role a header stands for, or None.

    >>> role_of("实付金额"), role_of("Description")
    ('amount', None)
    """
    return _ROLE_OF.get(normalize_header(header))


def map_columns(headers, columns: dict | None = None) -> dict[str, str]:
    """Role → header for every role found; explicit ``columns`` override the synonyms.

    ``headers`` are a table's column names; ``columns`` maps roles to headers, as in
    :func:`helpers.data.load_transactions`. Raises :class:`~helpers.errors.DataError` when an
    explicit header is absent or two headers stand for the same role.

    >>> map_columns(["卡号", "日期", "金额"], {"customer_id": "卡号"})
    {'customer_id': '卡号', 'order_date': '日期', 'amount': '金额'}
    """
    headers = [str(h) for h in headers]
    explicit = dict(columns or {})
    unknown_roles = set(explicit) - set(SYNONYMS)
    if unknown_roles:
        raise DataError("err_data_unknown_role", column=sorted(unknown_roles)[0],
                        roles=", ".join(SYNONYMS), fix_key="fix_data_columns_arg")
    for role, header in explicit.items():
        if header not in headers:
            raise DataError("err_data_header_not_found", column=header, found=_listing(headers),
                            fix_key="fix_data_columns_arg")
    mapping = dict(explicit)
    taken = set(explicit.values())
    for role in SYNONYMS:
        if role in mapping:
            continue
        found = [h for h in headers if h not in taken and role_of(h) == role]
        if len(found) > 1:
            raise DataError("err_data_ambiguous_header", column=found[0], other=found[1],
                            role=role, fix_key="fix_data_ambiguous_header")
        if found:
            mapping[role] = found[0]
    return mapping


def require_roles(mapping: dict, headers, roles=REQUIRED, info: dict | None = None) -> None:
    """Raise a :class:`~helpers.errors.DataError` for the first required role without a header.

    ``info`` (the reader's facts) says where the headers were taken from, so that the message
    names the sheet and row and the fix offers ``header_row=`` and ``sheet=`` too.

    >>> require_roles({"customer_id": "id", "order_date": "d", "amount": "a"}, ["id", "d", "a"])
    """
    from helpers.i18n import t

    info = info or {}
    row, sheet = info.get("header_row"), info.get("sheet")
    where = ("" if row is None else t("data_where_sheet", sheet=sheet, row=row) if sheet is not None
             else t("data_where_header", row=row))
    for role in roles:
        if role not in mapping:
            raise DataError("err_data_missing_column", column=role, found=_listing(headers), where=where,
                            accepted=", ".join(SYNONYMS[role]), row=row,
                            fix_key="fix_data_missing_column" if row is None else "fix_data_missing_column_file")


_ROLE_OF = {normalize_header(name): role for role, names in SYNONYMS.items() for name in names}


def _listing(headers) -> str:
    return ", ".join(f"'{h}'" for h in headers)

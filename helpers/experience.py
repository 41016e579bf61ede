"""Experience audit: touchpoints × Schmitt's five strategic experiential modules (docs/methods.md §6).

Schmitt (1999) *Experiential Marketing*: Sense 感官, Feel 情感, Think 思考, Act 行动, Relate 关联.
Scores are 0–5 per touchpoint and module (one row per touchpoint, or one row per rating in long
form: ``touchpoint, sem, score``, averaged). The audit gives row and column means, the gap to a
target profile and the weakest cells; :func:`journey_line` gives the satisfaction line along the
journey.

    >>> import pandas as pd
    >>> from helpers.experience import experience_audit
    >>> scores = pd.DataFrame({"touchpoint": ["store", "app"], "sense": [4, 2], "feel": [3, 3],
    ...                        "think": [2, 4], "act": [3, 1], "relate": [1, 2]})
    >>> experience_audit(scores, target=3).column_means.round(2).tolist()
    [3.0, 3.0, 3.0, 2.0, 1.5]
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.complaints import check_columns, check_known, parse_numbers
from helpers.errors import DataError
from helpers.i18n import label, t

__all__ = ["SEMS", "ExperienceAudit", "experience_audit", "journey_line"]

SEMS = ("sense", "feel", "think", "act", "relate")
SCALE = (0, 5)


@dataclass
class ExperienceAudit:
    """Touchpoint × SEM ``scores`` (journey order), their ``target`` and ``gaps`` (score − target).

    >>> import pandas as pd
    >>> scores = pd.DataFrame({"touchpoint": ["store", "app"], "sense": [4, 2], "feel": [3, 3],
    ...                        "think": [2, 4], "act": [3, 1], "relate": [1, 2]})
    >>> audit = experience_audit(scores, target=3)
    >>> audit.gaps.loc["app"].tolist(), round(audit.overall, 2)
    ([-1.0, 0.0, 1.0, -2.0, -1.0], 2.5)
    >>> audit.weakest(1)[["touchpoint", "sem", "gap"]].values.tolist()
    [['store', 'relate', -2.0]]
    """

    scores: pd.DataFrame
    target: pd.DataFrame
    params: dict = field(default_factory=dict)

    @property
    def gaps(self) -> pd.DataFrame:
        """Score minus target per cell; negative = below the target profile."""
        return self.scores - self.target

    @property
    def row_means(self) -> pd.Series:
        """Mean score of each touchpoint over the five modules."""
        return self.scores.mean(axis=1).rename("mean")

    @property
    def column_means(self) -> pd.Series:
        """Mean score of each module over the touchpoints."""
        return self.scores.mean(axis=0).rename("mean")

    @property
    def overall(self) -> float:
        """Mean of all cells."""
        return float(self.scores.stack().mean())

    def weakest(self, n: int = 5) -> pd.DataFrame:
        """The ``n`` cells furthest below target (largest shortfall first; ties by score, then journey order)."""
        cells = pd.DataFrame({"score": self.scores.stack(), "target": self.target.stack(),
                              "gap": self.gaps.stack()}).reset_index(names=["touchpoint", "sem"])
        cells["journey_step"] = cells["touchpoint"].map({tp: i for i, tp in enumerate(self.scores.index)})
        cells["sem_order"] = cells["sem"].map({s: i for i, s in enumerate(SEMS)})
        cells = cells.sort_values(["gap", "score", "journey_step", "sem_order"], ignore_index=True)
        return cells.drop(columns=["journey_step", "sem_order"]).head(n)

    def summary(self) -> pd.DataFrame:
        """The matrix with module labels as columns, plus each touchpoint's mean and mean gap."""
        out = self.scores.copy()
        out["mean"] = self.row_means
        out["gap_mean"] = self.gaps.mean(axis=1)
        return out.rename(columns=dict(zip(SEMS, label([f"sem_{s}" for s in SEMS]))))

    def _repr_html_(self) -> str:
        from helpers.display import result_view

        scores = self.scores.assign(mean=self.row_means, gap_mean=self.gaps.mean(axis=1))
        return result_view(t("exp_title_audit"), (None, scores), (t("exp_weakest"), self.weakest()))._repr_html_()


def experience_audit(scores: pd.DataFrame, target=None, *, touchpoint_col: str = "touchpoint",
                     sem_col: str = "sem", score_col: str = "score", step_col: str = "step",
                     journey=None) -> ExperienceAudit:
    """Audit touchpoint × SEM scores (0–5) against a ``target`` profile.

    ``scores``: wide (a touchpoint column and one column per module ``sense … relate``) or long
    (``touchpoint_col, sem_col, score_col``; several ratings of a cell are averaged).
    ``target``: a number, a mapping module → score, or a touchpoint × module table; by default the
    scale maximum 5; a table may hold the touchpoints in ``touchpoint_col`` or as its index.
    Touchpoints follow ``journey`` when given, else ``step_col`` when present, else first appearance.
    Source: docs/methods.md §6 (design on Schmitt 1999).

    >>> import pandas as pd
    >>> ratings = pd.DataFrame({"touchpoint": ["app", "app", "store"], "sem": ["sense", "feel", "sense"],
    ...                         "score": [2, 4, 5], "step": [2, 2, 1]})
    >>> audit = experience_audit(ratings, target={"sense": 4, "feel": 3})
    >>> audit.scores.index.tolist(), audit.gaps.loc["app", ["sense", "feel"]].tolist()
    (['store', 'app'], [-2.0, 1.0])
    """
    matrix = _matrix(scores, touchpoint_col, sem_col, score_col)
    journey = _steps(scores, touchpoint_col, step_col) if journey is None else journey
    matrix = matrix.loc[_journey_order(matrix.index, journey, touchpoint_col)]
    if isinstance(target, pd.DataFrame) and touchpoint_col in target.columns:
        target = target.set_index(target[touchpoint_col].astype("string").to_numpy())
    target_matrix = _target(target, matrix)
    params = {"target": target if target is not None else SCALE[1], "scale": SCALE}
    return ExperienceAudit(matrix, target_matrix, params)


def journey_line(data, journey=None, target=None, *, touchpoint_col: str = "touchpoint",
                 score_col: str = "satisfaction", step_col: str = "step") -> pd.DataFrame:
    """Satisfaction per touchpoint in journey order, with the target and the gap.

    ``data``: an :class:`ExperienceAudit` (uses each touchpoint's mean over the modules and mean
    target) or a table of ratings ``touchpoint_col, score_col`` (averaged per touchpoint).
    A numeric ``target`` replaces the target of every step.

    >>> import pandas as pd
    >>> ratings = pd.DataFrame({"touchpoint": ["store", "ad", "store"], "satisfaction": [4, 3, 5]})
    >>> line = journey_line(ratings, journey=["ad", "store", "checkout"], target=4)
    >>> line[["step", "touchpoint", "score", "below_target"]].values.tolist()
    [[1, 'ad', 3.0, True], [2, 'store', 4.5, False]]
    """
    if isinstance(data, ExperienceAudit):
        line = pd.DataFrame({"touchpoint": data.scores.index, "score": data.row_means.to_numpy(),
                             "target": data.target.mean(axis=1).to_numpy()})
        order = _journey_order(line["touchpoint"], journey, touchpoint_col)
        line = line.set_index("touchpoint").loc[order].reset_index()
    else:
        check_columns(data, [touchpoint_col, score_col])
        journey = _steps(data, touchpoint_col, step_col) if journey is None else journey
        values = parse_numbers(data, score_col)
        points = pd.Series(data[touchpoint_col].astype("string").to_numpy(), name="touchpoint")
        means = values.groupby(points, sort=False).mean()
        order = _journey_order(means.index, journey, touchpoint_col)
        line = pd.DataFrame({"touchpoint": order, "score": means.loc[order].to_numpy(), "target": float("nan")})
    if target is not None:
        line["target"] = float(target)
    line.insert(0, "step", range(1, len(line) + 1))
    line["gap"] = line["score"] - line["target"]
    line["below_target"] = line["gap"] < 0
    return line


def _matrix(scores: pd.DataFrame, touchpoint_col: str, sem_col: str, score_col: str) -> pd.DataFrame:
    check_columns(scores, [touchpoint_col])
    wide = all(s in scores.columns for s in SEMS)
    if not wide:
        check_columns(scores, [sem_col, score_col])
        sems = scores[sem_col].astype("string").str.strip().str.lower().str.removeprefix("sem_")
        check_known(sems, SEMS, sem_col, "exp_fix_sem")
    points = pd.Series(scores[touchpoint_col].astype("string").to_numpy(), name="touchpoint")
    if wide:
        values = pd.DataFrame({s: parse_numbers(scores, s, *SCALE, allow_missing=True) for s in SEMS})
        matrix = values.groupby(points, sort=False).mean()
    else:
        values = parse_numbers(scores, score_col, *SCALE)
        cells = pd.DataFrame({"touchpoint": points, "sem": sems.to_numpy(), "score": values})
        matrix = cells.pivot_table(index="touchpoint", columns="sem", values="score", aggfunc="mean", sort=False)
        matrix = matrix.reindex(columns=list(SEMS))
    matrix.columns.name = "sem"
    return matrix.astype("float64")


def _steps(table: pd.DataFrame, touchpoint_col: str, step_col: str):
    """Touchpoints ordered by ``step_col`` (ties by name), or None when the table has no steps."""
    if step_col not in table.columns:
        return None
    steps = pd.DataFrame({"step": parse_numbers(table, step_col),
                          "touchpoint": table[touchpoint_col].astype("string").to_numpy()})
    return steps.sort_values(["step", "touchpoint"])["touchpoint"].drop_duplicates().tolist()


def _journey_order(found, journey, column: str) -> list:
    found = list(dict.fromkeys(found))
    if journey is None:
        return found
    journey = [str(j) for j in journey]
    missing = [tp for tp in found if tp not in journey]
    if missing:
        raise DataError("exp_err_journey", column=column, fix_key="exp_fix_journey", missing=", ".join(missing))
    return [tp for tp in journey if tp in found]


def _target(target, matrix: pd.DataFrame) -> pd.DataFrame:
    if target is None:
        target = SCALE[1]
    if isinstance(target, pd.DataFrame):
        return target.reindex(index=matrix.index, columns=matrix.columns).astype("float64")
    if isinstance(target, (dict, pd.Series)):
        unknown = set(target) - set(SEMS)
        if unknown:
            raise DataError("svc_err_bad_parameter", column="target", got=sorted(unknown),
                            fix_key="svc_fix_parameter", expected=", ".join(SEMS))
        row = pd.Series(target, dtype="float64").reindex(matrix.columns)
        return pd.DataFrame([row.to_numpy()] * len(matrix), index=matrix.index, columns=matrix.columns)
    return pd.DataFrame(float(target), index=matrix.index, columns=matrix.columns)

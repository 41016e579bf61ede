"""Charts for every part of the kit: axes-level ``plot_…(data, *, ax=None, **kw) -> Axes``.

Titles and axis labels follow the active language; call ``helpers.setup()`` first so
Chinese glyphs render. Charts live in one module per topic and are re-exported here; the
parameter texts they share are written once (:mod:`helpers.plots._docstrings`).
"""
from helpers.plots.satisfaction import plot_alpha_if_deleted, plot_csat, plot_kano, plot_nps, plot_servqual_gaps
from helpers.plots.clv import (plot_expected_purchases_matrix, plot_holdout_comparison, plot_margin_multiple,
                               plot_prob_alive_matrix, plot_state_projection, plot_survival_projection)
from helpers.plots.tiers import plot_lorenz, plot_pareto, plot_pyramid, plot_whale
from helpers.plots.matrices import plot_value_matrix
from helpers.plots.service import (plot_complaint_pareto, plot_experience_heatmap, plot_journey_line,
                                   plot_response_times, plot_revisit_calendar)
from helpers.plots.accounts import plot_buying_centre, plot_key_account_scores
from helpers.plots.lifecycle import (plot_cohort_retention, plot_customer_flow, plot_growth_accounting,
                                     plot_migration_heatmap, plot_state_distribution)
from helpers.plots.rfm import plot_rfm_heatmap, plot_score_distribution, plot_segment_sizes

from helpers.plots._docstrings import fill_docstring as _fill_docstring

for _name, _plot in list(globals().items()):
    if _name.startswith("plot_"):
        _fill_docstring(_plot)
del _name, _plot

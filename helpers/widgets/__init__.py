"""Interactive explorers and quizzes for the notebooks — thin views over the kit's pure functions.

    >>> from helpers.widgets import ClvCalculator
    >>> ClvCalculator(chart=False).result.clv > 0
    True
"""
from helpers.widgets.clv import ClvCalculator
from helpers.widgets.forms import KanoForm, SocialStyleAssessment
from helpers.widgets.matrix import MatrixExplorer
from helpers.widgets.quiz import ClassificationQuiz
from helpers.widgets.rfm import RfmExplorer
from helpers.widgets.survey import SurveySimulator
from helpers.widgets.tiers import TierExplorer

__all__ = ["ClassificationQuiz", "ClvCalculator", "KanoForm", "MatrixExplorer", "RfmExplorer",
           "SocialStyleAssessment", "SurveySimulator", "TierExplorer"]

"""Interactive explorers and quizzes for the notebooks — thin views over the kit's pure functions.

    >>> from helpers.teaching.widgets import ClvCalculator
    >>> ClvCalculator(chart=False).result.clv > 0
    True
"""
from helpers.teaching.widgets.clv import ClvCalculator
from helpers.teaching.widgets.forms import KanoForm, SocialStyleAssessment
from helpers.teaching.widgets.matrix import MatrixExplorer
from helpers.teaching.widgets.quiz import ClassificationQuiz
from helpers.teaching.widgets.rfm import RfmExplorer
from helpers.teaching.widgets.survey import SurveySimulator
from helpers.teaching.widgets.tiers import TierExplorer

__all__ = ["ClassificationQuiz", "ClvCalculator", "KanoForm", "MatrixExplorer", "RfmExplorer",
           "SocialStyleAssessment", "SurveySimulator", "TierExplorer"]

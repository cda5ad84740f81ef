"""Strategy core (pure): goals, measures, projects, KPIs, targets, grading, summaries."""

from sousei.strategy.comments import COMMITTEE_SECTORS, CommitteeComment
from sousei.strategy.evaluation import Evaluation, Status, achievement_rate, evaluate_kpi
from sousei.strategy.grading import SCHEMES, GradeLevel, GradingScheme, get_scheme
from sousei.strategy.model import (
    KPI,
    Actual,
    ActualState,
    Aggregation,
    BasicGoal,
    Budget,
    Direction,
    Judgement,
    Measure,
    NumericalTarget,
    Project,
    Role,
    Strategy,
    Target,
    TargetKind,
)
from sousei.strategy.review import CommitteeMember, Meeting, Review, SelfEvaluation
from sousei.strategy.summary import GradeSummary, StrategyEvaluation, evaluate_strategy, summarize
from sousei.strategy.targets import TargetReading, read_target

__all__ = [
    "COMMITTEE_SECTORS",
    "KPI",
    "SCHEMES",
    "Actual",
    "ActualState",
    "Aggregation",
    "BasicGoal",
    "Budget",
    "CommitteeComment",
    "CommitteeMember",
    "Direction",
    "Evaluation",
    "GradeLevel",
    "GradeSummary",
    "GradingScheme",
    "Judgement",
    "Measure",
    "Meeting",
    "NumericalTarget",
    "Project",
    "Review",
    "Role",
    "SelfEvaluation",
    "Status",
    "Strategy",
    "StrategyEvaluation",
    "Target",
    "TargetKind",
    "TargetReading",
    "achievement_rate",
    "evaluate_kpi",
    "evaluate_strategy",
    "get_scheme",
    "read_target",
    "summarize",
]

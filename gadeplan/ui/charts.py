"""The charts of Overblik and of the council's PDF, built from plain numbers with QtCharts.

The same builders serve the screen and the paper, so what the council reads is what the team
lead saw. They take numbers, month dates and translated labels only (never a record), which is
what lets the PDF be built from the council report alone. Colours come from a
:class:`ChartColors`: the window's palette on screen (so the OS dark mode works and nothing is
drawn white on white), a fixed light set on paper. Animations are off: a chart that moves while
a screen reader or a test looks at it helps nobody.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import msgspec
from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from gadeplan.app.services.dashboard import INFLOWS, OUTFLOWS, Flow
from gadeplan.ui.i18n import qdate
from gadeplan.ui.widgets import is_dark


class ChartColors(msgspec.Struct, frozen=True):
    background: QColor
    text: QColor
    grid: QColor
    #: Homeless (bars and the trend line).
    main: QColor
    inactive: QColor
    goal: QColor
    target: QColor
    #: One per flow, in ``Flow``'s order.
    flows: tuple[QColor, ...]


# Hues chosen to stay apart for the common colour-vision deficiencies (Okabe-Ito), in a darker
# variant for light backgrounds and a lighter one for dark backgrounds.
_LIGHT_FLOWS = ("#0072b2", "#d55e00", "#009e73", "#7a7a7a", "#cc79a7", "#e69f00", "#9a9a9a")
_DARK_FLOWS = ("#56b4e9", "#ff8c42", "#35d0a0", "#a8a8a8", "#e6a0c8", "#f0c050", "#c8c8c8")


def palette_colors(widget: QWidget | None = None) -> ChartColors:
    """The window's palette: the chart sits on the same background as the text around it."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    dark = is_dark(widget)
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = QColor(text)
    grid.setAlpha(50)
    return ChartColors(
        background=palette.color(QPalette.ColorRole.Base),
        text=text,
        grid=grid,
        main=QColor("#56b4e9" if dark else "#0063a6"),
        inactive=QColor("#a8a8a8" if dark else "#7a7a7a"),
        goal=QColor("#ff8a80" if dark else "#b3261e"),
        target=QColor("#35d0a0" if dark else "#00795a"),
        flows=tuple(QColor(c) for c in (_DARK_FLOWS if dark else _LIGHT_FLOWS)),
    )


def print_colors() -> ChartColors:
    """Paper is white whatever the screen's mode; greys print on any printer."""
    return ChartColors(
        background=QColor("white"),
        text=QColor("#1a1a1a"),
        grid=QColor("#d0d0d0"),
        main=QColor("#0063a6"),
        inactive=QColor("#7a7a7a"),
        goal=QColor("#b3261e"),
        target=QColor("#00795a"),
        flows=tuple(QColor(c) for c in _LIGHT_FLOWS),
    )


def month_label(month: date, *, with_year: bool = True) -> str:
    """ "nov. 25" style: short enough for two years of months side by side."""
    fmt = "MMM yy" if with_year else "MMM"
    return QLocale().toString(qdate(month), fmt)


def _base(title: str, colors: ChartColors) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QBrush(colors.background))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setTitle(title)
    chart.setTitleBrush(QBrush(colors.text))
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    legend = chart.legend()
    legend.setLabelColor(colors.text)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _style_axis(axis: QAbstractAxis, colors: ChartColors) -> None:
    axis.setLabelsColor(colors.text)
    axis.setLinePenColor(colors.grid)
    axis.setGridLineColor(colors.grid)
    axis.setTitleBrush(QBrush(colors.text))


def _value_axis(top: float, colors: ChartColors, *, low: float = 0.0) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(low, max(top, 1.0))
    axis.applyNiceNumbers()
    axis.setLabelFormat("%d")
    _style_axis(axis, colors)
    return axis


def _category_axis(labels: Sequence[str], colors: ChartColors) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    _style_axis(axis, colors)
    axis.setGridLineVisible(False)
    return axis


def _month_axis(months: Sequence[date], colors: ChartColors, most: int) -> QCategoryAxis:
    """Months at 0 .. n-1, at most ``most`` of them labelled (counted back from the latest),
    so none is cut short. Bar and line series share it, so the trend and the flows line up
    month by month."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = max(1, -(-len(months) // most))
    last = len(months) - 1
    for i, month in enumerate(months):
        if (last - i) % step == 0:
            axis.append(month_label(month), float(i))
    axis.setRange(-0.5, max(last, 0) + 0.5)
    axis.setStartValue(-0.5)
    _style_axis(axis, colors)
    axis.setGridLineVisible(False)
    return axis


def category_chart(
    title: str, labels: Sequence[str], counts: Sequence[int], colors: ChartColors
) -> tuple[QChart, QBarSet]:
    """Horizontal bars, one per category, first category at the top. The set's ``clicked``
    gives the category's index in ``labels``."""
    chart = _base(title, colors)
    bars = QBarSet("")
    bars.setColor(colors.main)
    bars.setBorderColor(colors.main)
    bars.setLabelColor(colors.text)
    # Qt draws the first category at the bottom: reversed, so the list reads top-down.
    bars.append([float(c) for c in reversed(counts)])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsPrecision(6)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    y = _category_axis(list(reversed(labels)), colors)
    x = _value_axis(max(counts, default=0) * 1.15, colors)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y)
    series.attachAxis(x)
    chart.legend().setVisible(False)
    return chart, bars


def category_index(count: int, bar_index: int) -> int:
    """The index in the caller's order of a bar ``clicked`` on a :func:`category_chart` of
    ``count`` categories (the set itself runs bottom-up)."""
    return count - 1 - bar_index


class TrendLabels(msgspec.Struct, frozen=True):
    title: str
    homeless: str
    inactive: str
    goal: str
    target: str


def trend_chart(
    labels: TrendLabels,
    months: Sequence[date],
    homeless: Sequence[int],
    inactive: Sequence[int],
    goal_below: int,
    target_path: Sequence[float | None],
    colors: ChartColors,
) -> QChart:
    """Homeless and inactive month by month, the goal as a dashed line, and the reduction
    target's path from the baseline (left out without a baseline count)."""
    chart = _base(labels.title, colors)
    x = _month_axis(months, colors, 8)
    values = [*homeless, *inactive, goal_below, *(t for t in target_path if t is not None)]
    y = _value_axis(max(values, default=0) * 1.1, colors)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)

    def line(
        name: str,
        points: Sequence[tuple[int, float]],
        color: QColor,
        style: Qt.PenStyle,
        width: float,
    ) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        pen = QPen(color)
        pen.setWidthF(width)
        pen.setStyle(style)
        series.setPen(pen)
        for i, value in points:
            series.append(QPointF(float(i), float(value)))
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
        return series

    count = len(months)
    main = line(labels.homeless, list(enumerate(homeless)), colors.main, Qt.PenStyle.SolidLine, 3.0)
    main.setPointsVisible(True)
    line(labels.inactive, list(enumerate(inactive)), colors.inactive, Qt.PenStyle.DotLine, 2.0)
    if count:
        # The goal spans the whole width; one point per month keeps it on the category axis.
        goal = [(i, float(goal_below)) for i in range(count)]
        line(labels.goal, goal, colors.goal, Qt.PenStyle.DashLine, 2.0)
    target = [(i, t) for i, t in enumerate(target_path) if t is not None]
    if target:
        line(labels.target, target, colors.target, Qt.PenStyle.DashDotLine, 2.0)
    return chart


def flow_chart(
    title: str,
    months: Sequence[date],
    counts: Sequence[Mapping[Flow, int]],
    flow_labels: Mapping[Flow, str],
    colors: ChartColors,
) -> tuple[QChart, dict[Flow, QBarSet]]:
    """Stacked bars per month: people who became homeless (or active again) above zero, those
    who left the list below it. Each set's ``clicked`` gives the month's index."""
    chart = _base(title, colors)
    series = QStackedBarSeries()
    sets: dict[Flow, QBarSet] = {}
    top = bottom = 0
    for flow in (*INFLOWS, *OUTFLOWS):
        sign = 1 if flow in INFLOWS else -1
        bars = QBarSet(flow_labels[flow])
        color = colors.flows[list(Flow).index(flow)]
        bars.setColor(color)
        bars.setBorderColor(colors.background)
        bars.append([float(sign * month.get(flow, 0)) for month in counts])
        series.append(bars)
        sets[flow] = bars
    for month in counts:
        top = max(top, sum(month.get(f, 0) for f in INFLOWS))
        bottom = max(bottom, sum(month.get(f, 0) for f in OUTFLOWS))
    series.setBarWidth(0.7)
    chart.addSeries(series)
    # Seven flows: a column of legend entries beside the bars keeps their names whole.
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    x = _month_axis(months, colors, 6)
    y = _value_axis(max(top, 1) * 1.1, colors, low=-max(bottom, 1) * 1.1)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart, sets

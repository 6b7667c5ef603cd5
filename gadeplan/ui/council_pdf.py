"""The city council's status report as PDF, drawn with QPdfWriter and QPainter.

It is drawn from a :class:`CouncilReport` and nothing else: the report type holds counts, month
dates, category codes and the strategy's goal and target, never an alias, a name, a CPR number
or a person id, so the PDF cannot name anyone whatever the screen showed. The charts are the
same builders as Overblik's (``ui/charts.py``), in print colours (paper is white in dark mode
too), rendered as vectors, so the numbers stay sharp when printed or zoomed.

The PDF is made on the GUI thread (QtCharts lives there); it takes a fraction of a second and
reads nothing from the store.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QChart
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene

from gadeplan.app.services.dashboard import INFLOWS, OUTFLOWS, Flow
from gadeplan.app.services.reports import CouncilReport
from gadeplan.ui import charts, i18n
from gadeplan.ui.overview import flow_label, flow_labels, percent_text, trend_labels

#: Dots per inch of the PDF's coordinate system (the page is vector; this is its grid).
DPI = 300


translate = QCoreApplication.translate


def _mm(value: float) -> float:
    return value * DPI / 25.4


class _Pages:
    """A cursor down A4 pages: text, tables and charts, with a new page when one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: str) -> None:
        self.writer = writer
        self.painter = painter
        self.footer = footer
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.y = 0.0
        self.page = 1
        self.ink = QColor("#1a1a1a")
        self.muted = QColor("#555555")

    def font(self, points: float, *, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def room(self, height: float) -> None:
        if self.y + height > self.height - _mm(12):
            self.new_page()

    def new_page(self) -> None:
        self._footer()
        self.writer.newPage()
        self.page += 1
        self.y = 0.0

    def finish(self) -> None:
        self._footer()

    def _footer(self) -> None:
        p = self.painter
        p.setFont(self.font(7.5))
        p.setPen(self.muted)
        rect = QRectF(0, self.height - _mm(8), self.width, _mm(8))
        p.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), self.footer
        )
        p.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            translate("CouncilReport", "Page {page}").format(page=self.page),
        )

    def text(
        self,
        text: str,
        points: float = 10.0,
        *,
        bold: bool = False,
        color: QColor | None = None,
        after: float = 2.0,
    ) -> None:
        font = self.font(points, bold=bold)
        metrics = QFontMetricsF(font, self.writer)
        flags = int(Qt.TextFlag.TextWordWrap)
        bounds = metrics.boundingRect(QRectF(0, 0, self.width, 10_000), flags, text)
        self.room(bounds.height())
        p = self.painter
        p.setFont(font)
        p.setPen(color or self.ink)
        p.drawText(QRectF(0, self.y, self.width, bounds.height()), flags, text)
        self.y += bounds.height() + _mm(after)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        points: float = 9.0,
    ) -> None:
        """Columns by share of the width; the first left-aligned, the rest right-aligned."""
        font = self.font(points)
        bold = self.font(points, bold=True)
        line = QFontMetricsF(font, self.writer).height() * 1.35
        total = sum(widths)
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + self.width * w / total)
        p = self.painter

        def draw(cells: Sequence[str], heading: bool) -> None:
            self.room(line * (2.4 if heading else 1))
            height = line * (2 if heading else 1)
            p.setFont(bold if heading else font)
            p.setPen(self.ink)
            for i, cell in enumerate(cells):
                rect = QRectF(xs[i] + _mm(1), self.y, xs[i + 1] - xs[i] - _mm(2), height)
                align = Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight
                flags = int(align | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap)
                p.drawText(rect, flags, cell)
            self.y += height
            p.setPen(QColor("#b0b0b0" if heading else "#e0e0e0"))
            p.drawLine(0, int(self.y), int(self.width), int(self.y))

        draw(header, True)
        for row in rows:
            draw(row, False)
        self.y += _mm(4)

    def chart(self, chart: QChart, height_mm: float) -> None:
        """Vector rendering of the chart into the next ``height_mm`` of the page."""
        height = _mm(height_mm)
        self.room(height)
        scene = QGraphicsScene()
        # Laid out at a screen-like size, then scaled to the page: fonts keep their proportion.
        width_px = 760.0
        height_px = width_px * height / self.width
        chart.resize(width_px, height_px)
        scene.addItem(chart)
        scene.setSceneRect(QRectF(0, 0, width_px, height_px))
        scene.render(self.painter, QRectF(0, self.y, self.width, height), scene.sceneRect())
        scene.removeItem(chart)
        chart.deleteLater()
        self.y += height + _mm(4)


def council_pdf(report: CouncilReport) -> bytes:
    """The council's status report, as the bytes of a PDF file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_council_pdf(report, buffer)
    buffer.close()
    return bytes(data.data())


def write_council_pdf(report: CouncilReport, device: QIODevice) -> None:
    writer = QPdfWriter(device)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 18, 20, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(translate("CouncilReport", "Homelessness: status report to the city council"))
    writer.setCreator("Gadeplan")
    painter = QPainter(writer)
    try:
        _draw(report, _Pages(writer, painter, _footer(report)))
    finally:
        painter.end()


def _footer(report: CouncilReport) -> str:
    return translate(
        "CouncilReport", "Gadeplan · counts only, no personal data · as of {date}"
    ).format(date=i18n.fmt_date(report.as_of))


def _draw(report: CouncilReport, pages: _Pages) -> None:
    colors = charts.print_colors()
    when = i18n.fmt_date(report.as_of)
    pages.text(
        translate("CouncilReport", "Homelessness: status report to the city council"),
        18,
        bold=True,
        after=1,
    )
    scope = (
        translate(
            "CouncilReport",
            "All data on the computer the report was made on (the whole municipality's)",
        )
        if report.whole_municipality
        else translate("CouncilReport", "One team's data")
    )
    pages.text(
        translate(
            "CouncilReport",
            "As of {date}. Counted by the rules of the national count (VIVE). {scope}.",
        ).format(date=when, scope=scope),
        9.5,
        color=pages.muted,
        after=6,
    )

    pages.text(
        translate("CouncilReport", "%n homeless", None, report.homeless_total),
        26,
        bold=True,
        after=1,
    )
    if report.goal_met:
        goal = translate("CouncilReport", "The goal is fewer than {goal}: reached.")
    else:
        goal = translate("CouncilReport", "The goal is fewer than {goal}: not reached yet.")
    pages.text(goal.format(goal=report.goal_below), 11, after=1)
    pages.text(_target_text(report), 11, after=6)

    pages.text(translate("CouncilReport", "Of them, and beside them"), 12, bold=True)
    pages.table(
        [translate("CouncilReport", "Group"), translate("CouncilReport", "People")],
        [
            [translate("CouncilReport", "Young, 18–24 years"), str(report.young_18_24)],
            [translate("CouncilReport", "Young, 25–29 years"), str(report.young_25_29)],
            [translate("CouncilReport", "Sofa surfers"), str(report.sofa)],
            [
                translate("CouncilReport", "Leaving prison or hospital within a month"),
                str(report.prison_hospital),
            ],
            [translate("CouncilReport", "Age not known"), str(report.age_unknown)],
            [
                translate(
                    "CouncilReport",
                    "Inactive: not seen for %n days, not counted above",
                    None,
                    report.inactive_days,
                ),
                str(report.inactive),
            ],
        ],
        [5, 1],
    )

    pages.text(translate("CouncilReport", "By situation"), 12, bold=True)
    pages.table(
        [
            translate("CouncilReport", "Situation (the national count's categories)"),
            translate("CouncilReport", "People"),
        ],
        [[i18n.label(c.category), str(c.count)] for c in report.by_category],
        [5, 1],
    )
    chart, _ = charts.category_chart(
        translate("CouncilReport", "Homeless by situation"),
        [i18n.housing_short(c.category) for c in report.by_category],
        [c.count for c in report.by_category],
        colors,
    )
    pages.chart(chart, 70)

    pages.new_page()
    pages.text(translate("CouncilReport", "Month by month, against the goal"), 14, bold=True)
    pages.text(
        translate(
            "CouncilReport",
            "Homeless at the end of each month (for the last month: on {date}). The goal is the "
            "dashed line; the reduction target's line runs from the baseline to the target.",
        ).format(date=when),
        9.5,
        color=pages.muted,
    )
    months = [t.month for t in report.trend]
    pages.chart(
        charts.trend_chart(
            trend_labels(),
            months,
            [t.homeless for t in report.trend],
            [t.inactive for t in report.trend],
            report.goal_below,
            [t.target_path for t in report.trend],
            colors,
        ),
        95,
    )
    pages.text(translate("CouncilReport", "In and out of homelessness"), 14, bold=True)
    pages.text(
        translate(
            "CouncilReport",
            "People who became homeless or were found again (above the line), and people who "
            "left the list (below it), month by month, by name on the team's list.",
        ),
        9.5,
        color=pages.muted,
    )
    chart, _ = charts.flow_chart(
        translate("CouncilReport", "In and out of homelessness"),
        months,
        [f.counts for f in report.flows],
        flow_labels(),
        colors,
    )
    pages.chart(chart, 100)

    pages.new_page()
    pages.text(translate("CouncilReport", "The numbers month by month"), 14, bold=True)
    flows: Sequence[Flow] = (*INFLOWS, *OUTFLOWS)
    header = [
        translate("CouncilReport", "Month"),
        translate("CouncilReport", "Homeless"),
        translate("CouncilReport", "Inactive"),
        *(flow_label(f) for f in flows),
    ]
    rows = [
        [
            charts.month_label(t.month),
            str(t.homeless),
            str(t.inactive),
            *(str(f.counts.get(flow, 0)) for flow in flows),
        ]
        for t, f in zip(report.trend, report.flows, strict=True)
    ]
    pages.table(header, rows, [1.3, 1, 1, *([1.1] * len(flows))], points=7.5)
    pages.finish()


def _target_text(report: CouncilReport) -> str:
    if report.baseline_count is None or report.target_count is None:
        return translate(
            "CouncilReport",
            "Reduction target: {percent} % fewer by {year} than in {base} (the baseline count "
            "is not entered).",
        ).format(
            percent=report.target_reduction_percent,
            year=report.target_year,
            base=report.baseline_year,
        )
    text = translate(
        "CouncilReport",
        "Reduction target: {percent} % fewer than {count} in {base}, that is {target} by {year}.",
    ).format(
        percent=report.target_reduction_percent,
        count=report.baseline_count,
        base=report.baseline_year,
        target=round(report.target_count),
        year=report.target_year,
    )
    if report.change_from_baseline is not None:
        text += " " + translate("CouncilReport", "Now {change} against {base}.").format(
            change=percent_text(report.change_from_baseline), base=report.baseline_year
        )
    return text

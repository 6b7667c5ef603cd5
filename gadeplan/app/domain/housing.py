"""Housing situation categories of the national homelessness count (VIVE's hjemløsetælling).

The program records a person's situation as a dated history in exactly these terms, so the
municipality can count the way the national count does.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class HousingCategory(StrEnum):
    STREET = "street"
    NIGHT_SHELTER = "night_shelter"
    SHELTER = "shelter"
    HOTEL = "hotel"
    SOFA = "sofa"
    TRANSITIONAL = "transitional"
    PRISON_RELEASE = "prison_release"
    HOSPITAL_DISCHARGE = "hospital_discharge"
    OTHER_HOMELESS = "other_homeless"
    HOUSED = "housed"
    UNKNOWN = "unknown"


DANISH_LABELS: dict[HousingCategory, str] = {
    HousingCategory.STREET: "Gadesover (gaden, trappeopgang, skur o.l.)",
    HousingCategory.NIGHT_SHELTER: "Natvarmestue / værested med nødovernatning",
    HousingCategory.SHELTER: "Herberg / forsorgshjem (SEL § 110)",
    HousingCategory.HOTEL: "Hotel, vandrerhjem o.l. på grund af hjemløshed",
    HousingCategory.SOFA: "Sofasover (midlertidigt hos familie/venner uden kontrakt)",
    HousingCategory.TRANSITIONAL: "Udslusningsbolig uden permanent kontrakt",
    HousingCategory.PRISON_RELEASE: "Løsladelse inden for 1 måned uden boligløsning",
    HousingCategory.HOSPITAL_DISCHARGE: "Udskrivning inden for 1 måned uden boligløsning",
    HousingCategory.OTHER_HOMELESS: "Andet (kolonihave, campingvogn, anden nødbolig)",
    HousingCategory.HOUSED: "Egen bolig",
    HousingCategory.UNKNOWN: "Uoplyst",
}

#: Categories that need the expected release or discharge date.
DATED_CATEGORIES = frozenset({HousingCategory.PRISON_RELEASE, HousingCategory.HOSPITAL_DISCHARGE})

#: Counted as homeless regardless of date.
_ALWAYS_HOMELESS = frozenset(
    {
        HousingCategory.STREET,
        HousingCategory.NIGHT_SHELTER,
        HousingCategory.SHELTER,
        HousingCategory.HOTEL,
        HousingCategory.SOFA,
        HousingCategory.TRANSITIONAL,
        HousingCategory.OTHER_HOMELESS,
    }
)

#: "Within 1 month" of release or discharge, as the count words it.
COUNT_WINDOW = timedelta(days=31)


def counts_as_homeless(
    category: HousingCategory, on: date, expected_date: date | None = None
) -> bool:
    """Whether the national count would count this situation on the given date.

    People leaving prison or hospital count only within the month before the expected date
    (and not after it: then their situation must be recorded anew).
    """
    if category in _ALWAYS_HOMELESS:
        return True
    if category in DATED_CATEGORIES:
        return expected_date is not None and on <= expected_date <= on + COUNT_WINDOW
    return False

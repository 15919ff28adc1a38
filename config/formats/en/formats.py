"""English dates as the site writes them: 12 September 1952."""

DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"

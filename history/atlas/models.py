"""Places, reported figures, the charts' words, and the pages that show them."""

from .charts import ChartCaption  # noqa: F401
from .figures import ReportedFigure  # noqa: F401
from .mentions import PlaceMention  # noqa: F401
from .pages import MapPage, NumbersPage  # noqa: F401
from .places import Place  # noqa: F401

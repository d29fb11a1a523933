"""summarize: German news articles in, bilingual English briefs out.

from summarize import Pipeline, load_config
report = Pipeline(load_config()).run([Path("seeds")])
"""

from summarize.config import Config, load_config
from summarize.errors import SummarizeError
from summarize.pipeline import Pipeline, RunReport, prepare_text

__all__ = ["Config", "Pipeline", "RunReport", "SummarizeError", "load_config", "prepare_text"]
__version__ = "0.2.0"

"""summarize: German news articles in, bilingual English briefs out.

from pathlib import Path
from summarize import Pipeline, configure_process, load_config
config = load_config()
configure_process(config.runtime)  # optional: threads, allocator, quiet libraries
with Pipeline(config) as pipeline:
    report = pipeline.run([Path("seeds")])
"""

from summarize.config import Config, load_config
from summarize.engines.local import Pipeline
from summarize.errors import SummarizeError
from summarize.process import configure_process
from summarize.report import RunReport
from summarize.stages import prepare_text

__all__ = [
    "Config",
    "Pipeline",
    "RunReport",
    "SummarizeError",
    "configure_process",
    "load_config",
    "prepare_text",
]
__version__ = "0.2.0"

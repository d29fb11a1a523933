"""The block classifier at run time: a small gradient-boosted tree ensemble read from JSON.

Trained by ``benchmarks/cleaning.py train`` (scikit-learn, the ``bench`` extra); applied here with
numpy alone, all trees and all blocks of a page at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from summarize.clean.features import FEATURE_NAMES, SMOOTHING_FEATURES, smoothing_features

MODEL_FILE = "data/clean_model.json"


@dataclass(frozen=True)
class TreeEnsemble:
    """Binary gradient boosting: log-odds = init + rate * sum of the trees' leaf values.

    All trees' nodes sit in flat arrays (a node's index is global), so one numpy step moves every
    block down every tree by one level."""

    feature: np.ndarray  # feature index of each node; leaves point at column 0
    threshold: np.ndarray  # go left when x <= threshold; +inf at leaves
    left: np.ndarray  # global index of the left child; a leaf points at itself
    right: np.ndarray
    value: np.ndarray  # leaf values
    roots: np.ndarray  # global index of each tree's root
    init: float
    learning_rate: float
    depth: int

    @classmethod
    def from_dict(cls, data: dict[str, Any], features: tuple[str, ...]) -> TreeEnsemble:
        if tuple(data["features"]) != features:
            raise ValueError("the cleaner model was trained on other features; retrain it")
        feature: list[int] = []
        threshold: list[float] = []
        left: list[int] = []
        right: list[int] = []
        value: list[float] = []
        roots: list[int] = []
        for tree in data["trees"]:
            offset = len(feature)
            roots.append(offset)
            for node, child in enumerate(tree["left"]):
                leaf = child < 0
                feature.append(0 if leaf else tree["feature"][node])
                threshold.append(np.inf if leaf else tree["threshold"][node])
                left.append(offset + (node if leaf else child))
                right.append(offset + (node if leaf else tree["right"][node]))
                value.append(tree["value"][node])
        return cls(
            np.asarray(feature, dtype=np.intp),
            np.asarray(threshold, dtype=np.float64),
            np.asarray(left, dtype=np.intp),
            np.asarray(right, dtype=np.intp),
            np.asarray(value, dtype=np.float64),
            np.asarray(roots, dtype=np.intp),
            float(data["init"]),
            float(data["learning_rate"]),
            int(data["depth"]),
        )

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        """Log-odds of boilerplate for each row of ``features``."""
        # Compared in float32, as scikit-learn's trees compare.
        flat = features.astype(np.float32).astype(np.float64).ravel()
        row_start = (np.arange(features.shape[0]) * features.shape[1])[:, None]
        node = np.broadcast_to(self.roots, (features.shape[0], len(self.roots)))
        for _ in range(self.depth):
            goes_left = flat[row_start + self.feature[node]] <= self.threshold[node]
            node = np.where(goes_left, self.left[node], self.right[node])
        return self.init + self.learning_rate * self.value[node].sum(axis=1)

    def drop_probability(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.log_odds(features)))


@dataclass(frozen=True)
class BlockClassifier:
    """Two stages: the first sees each block's features, the second adds the first's verdicts
    on the blocks around it."""

    first: TreeEnsemble
    second: TreeEnsemble | None
    threshold_probability: float  # drop a block when P(boilerplate) exceeds this

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BlockClassifier:
        second = data.get("second")
        return cls(
            TreeEnsemble.from_dict(data["first"], FEATURE_NAMES),
            TreeEnsemble.from_dict(second, SECOND_FEATURES) if second else None,
            float(data["threshold_probability"]),
        )

    def drop_probability(self, features: np.ndarray) -> np.ndarray:
        probability = self.first.drop_probability(features)
        if self.second is None:
            return probability
        return self.second.drop_probability(second_stage_features(features, probability))


SECOND_FEATURES = (*FEATURE_NAMES, *SMOOTHING_FEATURES)


def second_stage_features(features: np.ndarray, first_probability: np.ndarray) -> np.ndarray:
    return np.hstack([features, smoothing_features(first_probability)])


@lru_cache(maxsize=1)
def packaged_model() -> BlockClassifier:
    text = resources.files("summarize").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return BlockClassifier.from_dict(json.loads(text))

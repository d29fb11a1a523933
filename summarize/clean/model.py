"""The block classifier at run time: a small gradient-boosted tree ensemble read from JSON.

Trained by ``benchmarks/cleaning.py train`` (scikit-learn, the ``bench`` extra); applied here with
numpy alone, all trees at once for a few thousand blocks at a time.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from summarize.clean.features import (
    FEATURE_NAMES,
    SMOOTHING_FEATURES,
    TEXT_RUN_FEATURES,
    smoothing_features,
    text_run_features,
)

MODEL_FILE = "data/clean_model.json"
MAX_DEPTH = 12  # of a tree (the packaged model's: 3); each is stored complete to its depth
# Blocks scored in one step of TreeEnsemble.log_odds: about 26 MB of arrays with the packaged
# model (450 trees of 7 nodes), however many blocks a page has.
_BLOCKS_AT_ONCE = 2048


@dataclass(frozen=True, eq=False)  # numpy fields: compared and hashed by identity
class TreeEnsemble:
    """Binary gradient boosting: log-odds = init + rate * sum of the trees' leaf values.

    Every tree is stored complete to ``depth`` in heap order (node k has children 2k+1 and 2k+2; a
    leaf above the last level is padded with splits that lead to copies of its value), so a page
    is scored with a few whole-array numpy steps: every block against every node at once, then
    one pick per level, tree and block."""

    feature: np.ndarray  # (trees, 2**depth - 1): feature index of each heap node
    threshold: np.ndarray  # (trees, 2**depth - 1): go left when x <= threshold
    value: np.ndarray  # (trees, 2**depth): leaf values, left to right
    init: float
    learning_rate: float
    depth: int

    @property
    def _leaf_offsets(self) -> np.ndarray:
        """(trees, 1): where each tree's leaves start in the flat leaf values."""
        return (np.arange(self.value.shape[0]) * self.value.shape[1])[:, None]

    @classmethod
    def from_dict(cls, data: dict[str, Any], features: tuple[str, ...]) -> TreeEnsemble:
        if tuple(data["features"]) != features:
            raise ValueError("the cleaner model was trained on other features; retrain it")
        depth = int(data["depth"])
        trees = data["trees"]
        # A file edited by hand or written by another tool: no tree, or a depth no fitting
        # gives (each tree is stored complete to it), was a traceback on the first page.
        if not trees:
            raise ValueError("the cleaner model has no trees")
        if not 0 <= depth <= MAX_DEPTH:
            raise ValueError(f"trees {depth} deep (the cleaner reads at most {MAX_DEPTH})")
        inner = 2**depth - 1
        feature = np.zeros((len(trees), inner), dtype=np.intp)
        threshold = np.full((len(trees), inner), np.inf)
        value = np.zeros((len(trees), 2**depth))
        for row, tree in enumerate(trees):
            if max(tree["feature"]) >= len(features):
                raise ValueError("a tree of the cleaner model splits on a feature it does not have")
            stack = [(0, 0, 0)]  # (node in the stored tree, heap index, level)
            while stack:
                node, heap, level = stack.pop()
                leaf = tree["left"][node] < 0
                if level == depth:
                    if not leaf:
                        raise ValueError("a tree of the cleaner model is deeper than its depth")
                    value[row, heap - inner] = tree["value"][node]
                    continue
                if not leaf:  # a leaf above the last level keeps feature 0, threshold +inf
                    if tree["feature"][node] < 0:  # numpy would take it from the end, silently
                        raise ValueError("a tree of the cleaner model splits on feature < 0")
                    if not math.isfinite(tree["threshold"][node]):  # NaN: every block goes right
                        raise ValueError(
                            "a tree of the cleaner model splits at a number not finite"
                        )
                    feature[row, heap] = tree["feature"][node]
                    threshold[row, heap] = tree["threshold"][node]
                stack.append((node if leaf else tree["left"][node], 2 * heap + 1, level + 1))
                stack.append((node if leaf else tree["right"][node], 2 * heap + 2, level + 1))
        # scikit-learn compares float32 features; thresholds that float32 holds exactly (all
        # that it writes) are compared in float32 too, which gives the same answers faster.
        numbers = (data["init"], data["learning_rate"])
        if not (np.isfinite(numbers).all() and np.isfinite(value).all()):
            # NaN log-odds compare false with any threshold: the classifier would drop nothing
            raise ValueError("the cleaner model holds a number that is not finite")
        as_float32 = threshold.astype(np.float32)
        if np.array_equal(as_float32.astype(np.float64), threshold):
            threshold = as_float32
        return cls(
            feature, threshold, value, float(data["init"]), float(data["learning_rate"]), depth
        )

    @cached_property
    def _leaf_table(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(bit weights, leaf values, tree offsets as a column) to score a block by one lookup
        per tree: a block's comparisons at a tree's nodes, node k's "goes left" weighted
        2**(nodes - 1 - k), sum to a code, and the flat leaf values hold at ``tree offset +
        code`` the leaf that code leads to. None for single leaves and for trees of more than 8
        nodes (the table would be too large)."""
        trees, inner = self.feature.shape
        if not 0 < inner <= 8:
            return None
        codes = np.arange(2**inner)
        goes_left = (codes[:, None] >> (inner - 1 - np.arange(inner))) & 1  # (codes, nodes)
        node = np.zeros(len(codes), dtype=np.intp)
        for _ in range(self.depth):
            node = 2 * node + 1 + (1 - goes_left[codes, node])
        weights = (1 << (inner - 1 - np.arange(inner))).astype(np.uint8)
        leaf_values = np.ascontiguousarray(self.value[:, node - inner]).ravel()
        return weights, leaf_values, (np.arange(trees) * len(codes))[:, None]

    @cached_property
    def _distinct_splits(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(feature, threshold as a column, split of each node): the distinct (feature,
        threshold) pairs of all nodes, in order of first use. Boosted trees split a feature at
        the same point again and again (the packaged stages: 1,576 and 1,961 pairs for 3,150
        nodes, the padding's +inf included), so each pair is compared once per block and its
        answer copied to its nodes."""
        split_of: dict[tuple[int, float], int] = {}
        pairs = zip(self.feature.ravel().tolist(), self.threshold.ravel().tolist(), strict=True)
        node_split = [split_of.setdefault(pair, len(split_of)) for pair in pairs]
        feature = np.asarray([feature for feature, _ in split_of], dtype=np.intp)
        threshold = np.asarray([threshold for _, threshold in split_of], dtype=self.threshold.dtype)
        return feature, threshold[:, None], np.asarray(node_split, dtype=np.intp)

    def _by_feature(self, features: np.ndarray) -> np.ndarray:
        """(features, blocks), compared in float32 as scikit-learn's trees compare."""
        return np.ascontiguousarray(features.astype(np.float32).astype(self.threshold.dtype).T)

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        """Log-odds of boilerplate for each row of ``features``, ``_BLOCKS_AT_ONCE`` rows at a
        time: each block is scored alone (the same bits however many are scored with it), and
        the arrays of one step hold every node of every tree per block, about 13 KB a block
        with the packaged model; a whole page at once, a 2 MB file of one number a line
        (320,000 blocks) took 4.9 GB of memory."""
        if len(features) <= _BLOCKS_AT_ONCE:
            return self._log_odds_of(features)
        return np.concatenate(
            [
                self._log_odds_of(features[start : start + _BLOCKS_AT_ONCE])
                for start in range(0, len(features), _BLOCKS_AT_ONCE)
            ]
        )

    def _log_odds_of(self, features: np.ndarray) -> np.ndarray:
        table = self._leaf_table
        if table is None:
            return self._log_odds_by_levels(features)
        weights, leaf_values, offsets = table
        trees, inner = self.feature.shape
        split_feature, split_threshold, node_split = self._distinct_splits
        by_feature = self._by_feature(features)
        # (splits, blocks), then (trees * nodes, blocks): does each block go left at each node?
        split_left = np.take(by_feature, split_feature, axis=0) <= split_threshold
        goes_left = np.take(split_left.view(np.uint8), node_split, axis=0)
        codes = np.einsum("tnb,n->tb", goes_left.reshape(trees, inner, -1), weights)
        # (trees, blocks) leaf values, looked up tree by tree (a tree's 2**nodes values stay in
        # the cache), then summed per block over the trees in tree order: one contiguous row
        # each, so numpy adds them in the same order as before (bit-equal log-odds).
        leaves = np.take(leaf_values, codes + offsets)
        return self.init + self.learning_rate * np.ascontiguousarray(leaves.T).sum(axis=1)

    def _log_odds_by_levels(self, features: np.ndarray) -> np.ndarray:
        """log_odds for any depth: one pick per level, tree and block."""
        by_feature = self._by_feature(features)
        # (trees, nodes, blocks): does each block go left at each node?
        goes_left = by_feature[self.feature] <= self.threshold[:, :, None]
        turns: list[np.ndarray] = []  # per level, (trees, blocks): went left there
        for level in range(self.depth):
            candidates = goes_left[:, 2**level - 1 : 2 ** (level + 1) - 1]
            for turn in turns:  # halve the level's nodes by each earlier turn
                half = candidates.shape[1] // 2
                candidates = np.where(turn[:, None, :], candidates[:, :half], candidates[:, half:])
            turns.append(candidates[:, 0])
        leaf = np.zeros((self.value.shape[0], features.shape[0]), dtype=np.intp)
        for turn in turns:
            leaf = 2 * leaf + ~turn
        leaf_values = np.take(self.value, self._leaf_offsets + leaf)
        # Summed per block over the trees in tree order (one contiguous row each).
        return self.init + self.learning_rate * np.ascontiguousarray(leaf_values.T).sum(axis=1)

    def drop_probability(self, features: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):  # exp overflows to inf for sure text: probability 0
            return 1.0 / (1.0 + np.exp(-self.log_odds(features)))


@dataclass(frozen=True, eq=False)  # numpy fields: compared and hashed by identity
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
        return self.stage_probabilities(features)[1]

    def stage_probabilities(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """P(boilerplate) of each block by the first stage (the block alone) and by the model
        (the same array where there is no second stage)."""
        first = self.first.drop_probability(features)
        if self.second is None:
            return first, first
        return first, self.second.drop_probability(second_stage_features(features, first))


SECOND_FEATURES = (*FEATURE_NAMES, *SMOOTHING_FEATURES, *TEXT_RUN_FEATURES)
_LOG_WORDS = FEATURE_NAMES.index("log_words")


def second_stage_features(features: np.ndarray, first_probability: np.ndarray) -> np.ndarray:
    return np.hstack(
        [
            features,
            smoothing_features(first_probability),
            text_run_features(first_probability, features[:, _LOG_WORDS]),
        ]
    )


class ClassifierFile(NamedTuple):
    """A classifier as read from its file, with the sha256 of the very bytes it was read from:
    a run's fingerprint and its cleaning then come from one read."""

    classifier: BlockClassifier
    sha256: str


@lru_cache(maxsize=1)
def packaged_model_file() -> ClassifierFile:
    """The classifier shipped in the package, with its sha256: a retrained one makes the briefs
    it would clean differently out of date."""
    content = resources.files("summarize").joinpath(MODEL_FILE).read_bytes()
    classifier = BlockClassifier.from_dict(json.loads(content.decode("utf-8")))
    return ClassifierFile(classifier, hashlib.sha256(content).hexdigest())


def packaged_model() -> BlockClassifier:
    return packaged_model_file().classifier


def load_classifier(path: Path | None) -> BlockClassifier:
    """The classifier in ``path`` (a JSON file written by ``benchmarks/cleaning.py train``), or
    the packaged one for None. Raises ValueError with the reason when the file cannot serve."""
    return packaged_model() if path is None else read_classifier(path).classifier


def read_classifier(path: Path) -> ClassifierFile:
    """Read and check the classifier in ``path``; raises ValueError with the reason."""
    try:
        content = path.read_bytes()
        data = json.loads(content.decode("utf-8"))
    except OSError as error:
        raise ValueError(
            f"cannot read the cleaner model {path}: {error.strerror or error}"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        # A config, a notes file or a pickled scikit-learn model named by mistake: the reason
        # was the parser's alone ("Expecting value: line 1 column 1 (char 0)"). Lists nested
        # past what json reads (by recursion) ended the command in a traceback.
        if isinstance(error, json.JSONDecodeError):
            where = f"{error.msg} at line {error.lineno}, column {error.colno}"
        elif isinstance(error, UnicodeDecodeError):
            where = f"byte {error.object[error.start]:#04x} at position {error.start} is not UTF-8"
        else:
            where = "nested too deeply"
        raise ValueError(
            f"cannot read the cleaner model {path}: it is not JSON ({where}); clean.model "
            "names a JSON file written by benchmarks/cleaning.py train"
        ) from None
    try:
        if not isinstance(data, dict):
            raise TypeError("not a JSON object")
        classifier = BlockClassifier.from_dict(data)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError) as error:
        raise ValueError(
            f"{path} is not a cleaner model written by benchmarks/cleaning.py train ({error})"
        ) from None
    if not 0.0 < classifier.threshold_probability < 1.0:
        raise ValueError(f"{path}: threshold_probability must lie between 0 and 1")
    return ClassifierFile(classifier, hashlib.sha256(content).hexdigest())

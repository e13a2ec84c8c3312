"""The formulas every figure (and the interactive pages' tests) compute with.

Plain NumPy, no drawing: the figure scripts import these, and the tests check their numbers.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


def dot(a: Array, b: Array) -> float:
    return float(np.dot(a, b))


def norm(a: Array) -> float:
    return float(np.linalg.norm(a))


def angle(a: Array, b: Array) -> float:
    """The angle θ between two non-zero vectors, in radians."""
    cosine = np.clip(dot(a, b) / (norm(a) * norm(b)), -1.0, 1.0)
    return float(np.arccos(cosine))


def projection_length(b: Array, onto: Array) -> float:
    """The signed length of b's projection on `onto`: |B| cos θ."""
    return dot(b, onto) / norm(onto)


def polar(length: float, degrees: float) -> Array:
    radians = np.deg2rad(degrees)
    return np.array([length * np.cos(radians), length * np.sin(radians)])


def softmax(scores: Array, axis: int = -1, temperature: float = 1.0) -> Array:
    """Row-wise softmax, shifted by the row maximum so large scores cannot overflow."""
    scaled = np.asarray(scores, dtype=np.float64) / temperature
    shifted = scaled - scaled.max(axis=axis, keepdims=True)
    exponentials = np.exp(shifted)
    result: Array = exponentials / exponentials.sum(axis=axis, keepdims=True)
    return result


def scaled_scores(queries: Array, keys: Array) -> Array:
    """QKᵀ / √d_k."""
    d_k = keys.shape[-1]
    result: Array = queries @ keys.T / np.sqrt(d_k)
    return result


def attention(queries: Array, keys: Array, values: Array, temperature: float = 1.0) -> Array:
    """softmax(QKᵀ/√d_k) V."""
    weights = softmax(scaled_scores(queries, keys), temperature=temperature)
    result: Array = weights @ values
    return result

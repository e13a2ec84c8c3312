"""The force-directed graph layout: deterministic, finite, faithful to the graph's structure,
and its fast repulsion agrees with the exact one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from mkdocs_garden.core.connections import layout
from mkdocs_garden.core.connections.layout import force_layout

Edges = npt.NDArray[np.int64]


def random_graph(nodes: int, edges: int, seed: int) -> Edges:
    """A random spanning tree plus random extra edges: connected and sparse."""
    rng = np.random.default_rng(seed)
    tree = np.column_stack([np.arange(1, nodes), rng.integers(0, np.arange(1, nodes))])
    extra = rng.integers(0, nodes, (edges - len(tree), 2))
    return np.concatenate([tree, extra]).astype(np.int64)


def two_clusters(size: int) -> Edges:
    """Two cliques of `size` nodes, 0..size-1 and size..2size-1, joined by one edge."""
    clique = [(i, j) for i in range(size) for j in range(i + 1, size)]
    second = [(i + size, j + size) for i, j in clique]
    return np.array([*clique, *second, (0, size)], dtype=np.int64)


def mean_distance(positions: npt.NDArray[np.float64], pairs: Edges) -> float:
    return float(np.linalg.norm(positions[pairs[:, 0]] - positions[pairs[:, 1]], axis=1).mean())


def test_same_inputs_give_bit_identical_positions() -> None:
    edges = random_graph(120, 300, seed=1)
    first = force_layout(120, edges, seed=7)
    second = force_layout(120, edges.copy(), seed=7)
    assert first.tobytes() == second.tobytes()


def test_another_seed_gives_another_picture() -> None:
    edges = random_graph(120, 300, seed=1)
    assert not np.allclose(force_layout(120, edges, seed=7), force_layout(120, edges, seed=8))


def test_large_layout_is_deterministic_too() -> None:
    edges = random_graph(1500, 4000, seed=2)
    first = force_layout(1500, edges, seed=3, iterations=5)
    assert first.tobytes() == force_layout(1500, edges, seed=3, iterations=5).tobytes()


EMPTY = np.zeros((0, 2), dtype=np.int64)


@pytest.mark.parametrize(
    ("nodes", "edges"),
    [
        (0, EMPTY),
        (1, EMPTY),
        (1, np.array([[0, 0]])),
        (2, EMPTY),
        (2, np.array([[0, 1]])),
        (3, np.array([[0, 1], [1, 2], [2, 0]])),
        (50, EMPTY),
        (4, np.array([[0, 1], [1, 0], [0, 1], [2, 2], [3, 2], [2, 3]])),
        (700, EMPTY),
    ],
    ids=["0", "1", "1-self-loop", "2", "2-linked", "3-triangle", "edgeless", "duplicates", "700"],
)
def test_small_and_degenerate_graphs_give_finite_centred_positions(
    nodes: int, edges: Edges
) -> None:
    positions = force_layout(nodes, np.asarray(edges, dtype=np.int64))
    assert positions.shape == (nodes, 2)
    assert np.isfinite(positions).all()
    if nodes > 1:
        assert np.allclose(positions.mean(axis=0), 0, atol=1e-9)
        assert np.sqrt((positions**2).sum(axis=1).mean()) == pytest.approx(1)


def test_duplicate_and_reversed_edges_do_not_change_the_layout() -> None:
    edges = random_graph(80, 200, seed=4)
    noisy = np.concatenate([edges, edges[::-1, ::-1], edges[:10], [[5, 5], [6, 6]]])
    assert force_layout(80, noisy).tobytes() == force_layout(80, edges).tobytes()


def test_edges_to_missing_nodes_are_refused() -> None:
    with pytest.raises(ValueError, match=r"0\.\.2"):
        force_layout(3, np.array([[0, 3]], dtype=np.int64))


def test_two_clusters_are_drawn_apart() -> None:
    size = 20
    positions = force_layout(2 * size, two_clusters(size), seed=1)
    first, second = np.arange(size), np.arange(size, 2 * size)
    within = [(i, j) for group in (first, second) for i in group for j in group if i < j]
    between = [(i, j) for i in first for j in second]
    inside = mean_distance(positions, np.array(within))
    across = mean_distance(positions, np.array(between))
    assert inside < 0.4 * across


def test_linked_nodes_are_much_closer_than_random_pairs() -> None:
    nodes = 300
    edges = random_graph(nodes, 600, seed=5)
    positions = force_layout(nodes, edges, seed=2)
    random_pairs = np.random.default_rng(0).integers(0, nodes, (5000, 2))
    assert mean_distance(positions, edges) < 0.5 * mean_distance(positions, random_pairs)


def clustered_points(count: int, seed: int) -> tuple[layout.Complex, layout.Floats]:
    """Points in clumps of different spread plus a uniform background, with masses."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 4, (15, 2))
    spread = rng.uniform(0.1, 1.0, 15)
    clump = rng.integers(0, 15, count)
    xy = centres[clump] + rng.normal(0, 1, (count, 2)) * spread[clump, None]
    xy[: count // 5] = rng.uniform(-8, 8, (count // 5, 2))
    return xy[:, 0] + 1j * xy[:, 1], rng.uniform(0.3, 4.0, count)


def test_approximate_repulsion_agrees_with_the_exact_sum() -> None:
    z, mass = clustered_points(3000, seed=6)
    exact = layout.exact_repulsion(z, mass)
    approximate = layout.approximate_repulsion(z, mass)
    relative = np.abs(approximate - exact) / np.abs(exact)
    cosine = (approximate * np.conj(exact)).real / (np.abs(approximate) * np.abs(exact))
    assert np.median(relative) < 0.01
    assert np.quantile(relative, 0.99) < 0.05
    assert cosine.min() > 0.99


def test_exact_repulsion_is_the_pairwise_sum() -> None:
    z = np.array([0, 1, 1j, 0], dtype=np.complex128)
    mass = np.array([1.0, 2.0, 3.0, 4.0])
    # The node at 0 is pushed by 1 (mass 2) and i (mass 3); the other node at 0 is ignored.
    assert layout.exact_repulsion(z, mass)[0] == pytest.approx(-2 - 3j)


def spy(calls: list[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def recorded(*arguments: Any) -> Any:
        calls.append(name)
        return function(*arguments)

    return recorded


@pytest.mark.parametrize(("nodes", "expected"), [(200, "exact"), (3000, "approximate")])
def test_large_graphs_take_the_approximate_path(
    monkeypatch: pytest.MonkeyPatch, nodes: int, expected: str
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(layout, "exact_repulsion", spy(calls, "exact", layout.exact_repulsion))
    monkeypatch.setattr(
        layout, "approximate_repulsion", spy(calls, "approximate", layout.approximate_repulsion)
    )
    force_layout(nodes, random_graph(nodes, 3 * nodes, seed=8), iterations=3)
    assert calls == [expected] * 3

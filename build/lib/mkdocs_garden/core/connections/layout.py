"""A deterministic force-directed layout of a graph, in NumPy alone.

The model is Fruchterman–Reingold's: each edge pulls its ends together with a force |d|²/k
(k = 1 here), each pair of nodes pushes apart with k²/|d|, and the step a node may take is
capped by a temperature that cools geometrically. As in ForceAtlas2, a node's mass grows with
its degree (here √(1 + degree), normalised to a mean of 1), so that hubs push harder and their
neighbours spread out around them; forces are divided by the mass a node moves. A weak linear
gravity towards the origin keeps disconnected components and isolated notes on the canvas:
it balances the push of the whole graph twice its RMS radius out, where isolated notes form a
ring.

Positions are complex numbers z = x + iy. The push of a mass m at w on a point at z is
m (z - w)/|z - w|² = conj(m/(z - w)): the field of 2-D point charges, which the fast multipole
method approximates. Up to `EXACT_LIMIT` nodes the field is summed over all pairs, in blocks of
rows so that memory stays bounded. Above, it is approximated in O(n log n) per iteration on a
quadtree of uniform grids (levels 2..L, 2^l × 2^l cells), Barnes–Hut style but with the FMM's
fixed interaction lists: the multipole expansion of each cell about its centre,
Σ_k a_k/(z - c)^(k+1) with a_k = Σ_j m_j (z_j - c)^k, is summed over its nodes by
`np.bincount`; at each level a node takes the expansions of the (at most 27) cells whose parent
neighbours its own cell's parent but which do not neighbour its own cell; at the finest level it
meets the nodes of its own and the 8 neighbouring cells one by one. The only loops are over
levels, expansion terms, the 4 parities of a cell and blocks of nodes.

The result is centred on the origin and scaled so that the root mean square distance of the
nodes from it is 1; nodes lie within a radius of about 2 (the ring of isolated nodes).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Complex = npt.NDArray[np.complex128]
Singles = npt.NDArray[np.complex64]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Repulsion = Callable[[Complex, Floats], Complex]

EXACT_LIMIT = 500
"""Above this many nodes the repulsion is approximated (which is then already 2× faster)."""
EXACT_BLOCK = 1 << 14
"""Pairs held at once by the exact sum: a block that stays in cache."""
TERMS = 4
"""Terms of each multipole expansion. A node is at least 1.5 cell widths from the centre of a
cell it takes the expansion of, whose nodes are within 0.71 widths of it: the error is at most
0.47^4/(1 - 0.47) ≈ 9 % of that cell's push, and in the median a few parts in 10,000 of a
node's total."""
CELL_OCCUPANCY = 6
"""Nodes in a finest cell, on average as a node sees it, that the tree aims at."""
MAX_LEVEL = 9
PAD = 3
"""Empty cells around each level's grid, so that interaction lists never leave it."""
FAR_BLOCK = 512
"""Nodes whose interaction lists are expanded at once: (512, 27) arrays stay in cache."""
GRAVITY_RING = 2.0
"""Isolated nodes settle about this many RMS radii out."""
START_TEMPERATURE = 0.2
END_TEMPERATURE = 0.005
"""The longest step at the first and at the last iteration, in RMS radii of the layout."""


def force_layout(
    node_count: int,
    edges: npt.NDArray[np.int64],
    *,
    seed: int = 0,
    iterations: int | None = None,
) -> npt.NDArray[np.float64]:
    """Positions, shape (node_count, 2), for the undirected `edges` (m, 2) between nodes
    0..node_count-1; duplicates and direction do not matter, self-loops are ignored."""
    if node_count == 0:
        return np.zeros((0, 2))
    pairs = simple_edges(edges, node_count)
    mass = node_masses(node_count, pairs)
    rounds = default_iterations(node_count) if iterations is None else iterations
    repulsion = choose_repulsion(node_count)
    z = initial_positions(node_count, len(pairs), np.random.default_rng(seed))
    for step in range(rounds):
        z = z + capped(forces(z, pairs, mass, repulsion), temperature(z, step, rounds))
    return normalised(z)


def simple_edges(edges: npt.NDArray[np.int64], node_count: int) -> Ints:
    """Each undirected edge once, as (low, high), in order; self-loops dropped."""
    pairs = np.sort(np.asarray(edges, dtype=np.int64).reshape(-1, 2), axis=1)
    if pairs.size and (pairs[:, 0].min() < 0 or pairs[:, 1].max() >= node_count):
        raise ValueError(f"edges must join nodes 0..{node_count - 1}")
    return np.unique(pairs[pairs[:, 0] != pairs[:, 1]], axis=0)


def node_masses(node_count: int, pairs: Ints) -> Floats:
    weight = np.sqrt(1.0 + np.bincount(pairs.ravel(), minlength=node_count))
    masses: Floats = weight / weight.mean()
    return masses


def default_iterations(node_count: int) -> int:
    """200 up to 200 nodes, then fewer, down to 80 from 1,250: the layout has mostly settled
    by 80 (the cooling is relative), and the build's time budget is small."""
    return int(np.clip(200 * np.sqrt(200 / node_count), 80, 200))


def choose_repulsion(node_count: int) -> Repulsion:
    return exact_repulsion if node_count <= EXACT_LIMIT else approximate_repulsion


def initial_positions(node_count: int, edge_count: int, rng: np.random.Generator) -> Complex:
    """Uniform in a disc of about the size the forces settle at, so no node has far to go.

    By the virial theorem Σ_edges |d|³ ≈ Σ_pairs m_i m_j ≈ n²/2, and in a random start an edge
    spans about half the RMS radius. The RMS radius is that estimate, but at most √n (which
    an edgeless graph gets).
    """
    settled = 2.0 * (node_count**2 / (2.0 * max(edge_count, 1))) ** (1 / 3)
    radius = np.sqrt(2.0) * min(settled, np.sqrt(node_count))
    distance = radius * np.sqrt(rng.random(node_count))
    angle = 2 * np.pi * rng.random(node_count)
    return np.asarray(distance * np.exp(1j * angle), dtype=np.complex128)


def forces(z: Complex, pairs: Ints, mass: Floats, repulsion: Repulsion) -> Complex:
    """The displacement each node is pushed to: repulsion, attraction along edges, gravity."""
    return repulsion(z, mass) + attraction(z, pairs) / mass - gravity(z) * z


def attraction(z: Complex, pairs: Ints) -> Complex:
    low, high = pairs[:, 0], pairs[:, 1]
    difference = z[high] - z[low]
    pull = difference * np.abs(difference)
    return complex_bincount(np.concatenate([low, high]), np.concatenate([pull, -pull]), len(z))


def gravity(z: Complex) -> float:
    """The strength g whose pull balances the graph's push GRAVITY_RING RMS radii out.

    Seen from a distance r outside it, the graph (total mass n) pushes with n/r, and gravity
    pulls with g r: they balance at r = √(n/g).
    """
    return len(z) / (GRAVITY_RING**2 * max(rms_radius(z) ** 2, 1e-12))


def temperature(z: Complex, step: int, rounds: int) -> float:
    """The longest step allowed, cooling geometrically, relative to the layout's size."""
    progress = step / max(rounds - 1, 1)
    fraction = START_TEMPERATURE * float(END_TEMPERATURE / START_TEMPERATURE) ** progress
    return float(fraction) * max(rms_radius(z), 1.0)


def capped(displacement: Complex, limit: float) -> Complex:
    """The displacement, shortened to at most `limit`; anything not finite becomes 0."""
    finite = np.asarray(np.where(np.isfinite(displacement), displacement, 0), np.complex128)
    return np.asarray(finite * (limit / np.maximum(np.abs(finite), limit)), np.complex128)


def rms_radius(z: Complex) -> float:
    centred = z - z.mean()
    return float(np.sqrt(np.mean(centred.real**2 + centred.imag**2)))


def normalised(z: Complex) -> Floats:
    """(n, 2) positions centred on the origin, with an RMS radius of 1 (or all at 0)."""
    centred = z - z.mean()
    radius = rms_radius(centred)
    scaled = centred / radius if radius > 0 else np.zeros_like(centred)
    return np.column_stack([scaled.real, scaled.imag])


def complex_bincount(index: Ints, weights: Complex, length: int) -> Complex:
    real = np.bincount(index, weights.real, minlength=length)
    imag = np.bincount(index, weights.imag, minlength=length)
    return real + 1j * imag


# The exact repulsion.


def exact_repulsion(z: Complex, mass: Floats) -> Complex:
    """Σ_j m_j (z_i - z_j)/|z_i - z_j|² over all j ≠ i; nodes at the same point ignore each
    other."""
    x, y = np.ascontiguousarray(z.real), np.ascontiguousarray(z.imag)
    rows = max(1, EXACT_BLOCK // len(z))
    blocks = [
        _exact_rows(x, y, mass, slice(start, start + rows)) for start in range(0, len(z), rows)
    ]
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.complex128)


def _exact_rows(x: Floats, y: Floats, mass: Floats, rows: slice) -> Complex:
    """Some rows of the exact sum, as x_i Σ_j w_ij - Σ_j w_ij x_j with w_ij = m_j/|d|²."""
    dx = x[rows, None] - x
    dy = y[rows, None] - y
    squared = dx * dx
    squared += dy * dy
    squared[squared == 0] = np.inf
    weights = mass / squared
    total = weights.sum(axis=1)
    push = (x[rows] * total - weights @ x) + 1j * (y[rows] * total - weights @ y)
    return np.asarray(push, dtype=np.complex128)


# The approximate repulsion.


def approximate_repulsion(z: Complex, mass: Floats) -> Complex:
    """The sum of `exact_repulsion`, by multipole expansions over a quadtree."""
    grid = Grid.fit(z)
    finest = finest_level(grid, len(z))
    far = np.zeros(len(z), dtype=np.complex128)
    for level in range(2, finest + 1):
        far += _far_field(grid, z, mass, level)
    return near_field(grid, z, mass, finest) + np.conj(far)


class Grid:
    """Node positions as fractions, in [0, 1), of the square that bounds them."""

    def __init__(self, corner: complex, size: float, u: Floats, v: Floats) -> None:
        self.corner, self.size, self.u, self.v = corner, size, u, v

    @classmethod
    def fit(cls, z: Complex) -> Grid:
        corner = complex(z.real.min(), z.imag.min())
        extent = max(float(np.ptp(z.real)), float(np.ptp(z.imag)), 1e-9)
        size = extent * (1 + 1e-9)
        return cls(corner, size, (z.real - corner.real) / size, (z.imag - corner.imag) / size)

    def cells(self, level: int) -> tuple[Ints, Ints]:
        """The column and row of each node's cell at `level`."""
        side = 1 << level
        column = np.minimum((self.u * side).astype(np.int64), side - 1)
        row = np.minimum((self.v * side).astype(np.int64), side - 1)
        return column, row

    def centres(self, level: int, column: Ints, row: Ints) -> Complex:
        width = self.size / (1 << level)
        return np.asarray(self.corner + width * ((column + 0.5) + 1j * (row + 0.5)), np.complex128)


def finest_level(grid: Grid, node_count: int) -> int:
    """The first level, from about log4(n / CELL_OCCUPANCY), whose cells hold CELL_OCCUPANCY
    nodes or fewer as a node sees them (Σ count² / n), so that the near field stays linear."""
    start = int(np.ceil(np.log(max(node_count / CELL_OCCUPANCY, 16)) / np.log(4)))
    for level in range(start, MAX_LEVEL):
        column, row = grid.cells(level)
        counts = np.bincount((row << level) | column)
        if float(np.dot(counts, counts)) <= CELL_OCCUPANCY * node_count:
            return level
    return MAX_LEVEL


def _interaction_offsets() -> Ints:
    """(4, 27, 2): for a cell whose column and row have parities p and q, at 2p + q, the
    offsets of the children of its parent's neighbours that are not its own neighbours."""
    table = np.zeros((2, 2, 27, 2), dtype=np.int64)
    for p in (0, 1):
        for q in (0, 1):
            table[p, q] = [
                (dx, dy)
                for dx in range(-2 - p, 4 - p)
                for dy in range(-2 - q, 4 - q)
                if max(abs(dx), abs(dy)) > 1
            ]
    return table.reshape(4, 27, 2)


INTERACTION_OFFSETS = _interaction_offsets()
INTERACTION_STEPS = INTERACTION_OFFSETS[..., 0] + 1j * INTERACTION_OFFSETS[..., 1]
NEIGHBOUR_OFFSETS = np.array([(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)])


def _far_field(grid: Grid, z: Complex, mass: Floats, level: int) -> Complex:
    """Σ_j m_j/(z_i - z_j) over the nodes j of node i's interaction list at `level`."""
    column, row = grid.cells(level)
    padded = (1 << level) + 2 * PAD
    own = (row + PAD) * padded + column + PAD
    local = z - grid.centres(level, column, row)
    # Single precision for the expansions halves their time; its error (1e-7) is far below
    # that of truncating them.
    coefficients = _multipoles(local, mass, own, padded * padded).astype(np.complex64)
    offsets = local.astype(np.complex64)
    steps = ((grid.size / (1 << level)) * INTERACTION_STEPS).astype(np.complex64)
    flat_offsets = INTERACTION_OFFSETS[..., 1] * padded + INTERACTION_OFFSETS[..., 0]
    field = np.empty(len(z), dtype=np.complex128)
    # Nodes of one parity share their 27 offsets; blocks keep the arrays in cache.
    for parity, nodes in enumerate(_by_parity(column, row)):
        for start in range(0, len(nodes), FAR_BLOCK):
            block = nodes[start : start + FAR_BLOCK]
            cells = own[block, None] + flat_offsets[parity]
            field[block] = _expansions(coefficients, cells, offsets[block, None] - steps[parity])
    return field


def _by_parity(column: Ints, row: Ints) -> list[Ints]:
    """The nodes whose cell's column and row have parities (0, 0), (0, 1), (1, 0), (1, 1)."""
    parity = (column & 1) * 2 + (row & 1)
    order = np.argsort(parity, kind="stable")
    bounds = np.searchsorted(parity[order], np.arange(5))
    return [order[bounds[p] : bounds[p + 1]] for p in range(4)]


def _multipoles(local: Complex, mass: Floats, cell: Ints, cell_count: int) -> Complex:
    """(TERMS, cell_count): a_k = Σ_j m_j (z_j - c)^k per cell, `local` being z_j - c."""
    coefficients = np.empty((TERMS, cell_count), dtype=np.complex128)
    power = mass.astype(np.complex128)
    for term in range(TERMS):
        coefficients[term] = complex_bincount(cell, power, cell_count)
        power = power * local
    return coefficients


def _expansions(coefficients: Singles, cells: Ints, offsets: Singles) -> Singles:
    """Per row, the sum of Σ_k a_k/w^(k+1) over its cells (coefficients a_k) and the offsets
    w of its node from their centres, by Horner's rule."""
    inverse = np.reciprocal(offsets)
    total = coefficients[TERMS - 1][cells]
    for term in range(TERMS - 2, -1, -1):
        total *= inverse
        total += coefficients[term][cells]
    total *= inverse
    return np.asarray(total.sum(axis=1), dtype=np.complex64)


def near_field(grid: Grid, z: Complex, mass: Floats, level: int) -> Complex:
    """Σ_j m_j (z_i - z_j)/|z_i - z_j|² over the nodes j in node i's cell and its neighbours."""
    first, second = neighbour_pairs(grid, level)
    difference = z[first] - z[second]
    squared = difference.real**2 + difference.imag**2
    squared[squared == 0] = np.inf
    return complex_bincount(first, difference * (mass[second] / squared), len(z))


def neighbour_pairs(grid: Grid, level: int) -> tuple[Ints, Ints]:
    """Every (i, j), i ≠ j, with j in i's cell at `level` or a neighbouring one."""
    side = 1 << level
    column, row = grid.cells(level)
    cell = row * side + column
    order = np.argsort(cell, kind="stable")
    counts = np.bincount(cell, minlength=side * side)
    starts = np.cumsum(counts) - counts
    other_column = column[:, None] + NEIGHBOUR_OFFSETS[:, 0]
    other_row = row[:, None] + NEIGHBOUR_OFFSETS[:, 1]
    inside = (other_column >= 0) & (other_column < side) & (other_row >= 0) & (other_row < side)
    other = np.where(inside, other_row * side + other_column, 0).ravel()
    sizes = np.where(inside.ravel(), counts[other], 0)
    # One segment per (node, neighbouring cell), expanded to one entry per node in that cell.
    segment = np.repeat(np.arange(sizes.size), sizes)
    within = np.arange(segment.size) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    first = segment // len(NEIGHBOUR_OFFSETS)
    second = order[starts[other[segment]] + within]
    keep = first != second
    return first[keep], second[keep]

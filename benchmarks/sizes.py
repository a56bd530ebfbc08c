"""What each dependency adds: its size in the installed environment (with the packages only it
brings in), and, when a bundle has been built, the largest parts of dist/Advocate.

    python3 scripts/dev.py bench --only sizes
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "Advocate" / "_internal"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requires(dist: metadata.Distribution) -> list[str]:
    """The distributions it needs at run time (no extras, markers that hold here)."""
    from packaging.requirements import Requirement

    needed = []
    for line in dist.requires or []:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        needed.append(_key(requirement.name))
    return needed


def _installed() -> dict[str, metadata.Distribution]:
    return {_key(d.metadata["Name"]): d for d in metadata.distributions()}


def _size_mb(dist: metadata.Distribution) -> float:
    total = 0
    for file in dist.files or []:
        path = Path(dist.locate_file(file))
        if path.is_file():
            total += path.stat().st_size
    return total / 1_048_576


def _closure(name: str, installed: dict[str, metadata.Distribution]) -> set[str]:
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in installed:
            continue
        seen.add(current)
        todo.extend(_requires(installed[current]))
    return seen


def dependency_sizes() -> dict[str, float]:
    """Each direct dependency with what only it brings in, in MB, largest first."""
    installed = _installed()
    direct = _requires(installed["advocate-app"])
    closures = {name: _closure(name, installed) for name in direct}
    shared_by_others = {
        name: set().union(*(c for other, c in closures.items() if other != name)) for name in direct
    }
    sizes = {
        name: sum(_size_mb(installed[d]) for d in closures[name] - shared_by_others[name])
        for name in direct
    }
    everything = set().union(*closures.values())
    exclusive = set().union(*(closures[n] - shared_by_others[n] for n in direct))
    shared = sorted(everything - exclusive)
    sizes[f"(shared: {', '.join(shared)})"] = sum(_size_mb(installed[d]) for d in shared)
    sizes["(all runtime dependencies)"] = sum(_size_mb(installed[d]) for d in everything)
    return {f"installed_{k}_mb": round(v, 1) for k, v in sorted(sizes.items(), key=lambda x: -x[1])}


def bundle_sizes(largest: int = 12) -> dict[str, float]:
    """The bundle in all, and its largest top-level parts, in MB (when it has been built)."""
    if not BUNDLE.is_dir():
        return {}

    def size(path: Path) -> int:  # links to libraries elsewhere in the bundle count once
        if path.is_symlink():
            return 0
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())

    parts = sorted(((size(p), p.name) for p in BUNDLE.iterdir()), reverse=True)
    total = size(BUNDLE.parent)
    found = {"bundle_mb": round(total / 1_048_576, 1)}
    for bytes_, name in parts[:largest]:
        found[f"bundle_{name}_mb"] = round(bytes_ / 1_048_576, 1)
    return found


if __name__ == "__main__":
    for key, value in {**dependency_sizes(), **bundle_sizes()}.items():
        print(f"{key:<48} {value}")

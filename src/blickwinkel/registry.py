"""Named registries: our own readers, embedders and analysers register the way a plugin would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from blickwinkel.errors import BlickwinkelError, Errors

T = TypeVar("T")


class Registry(Generic[T]):
    """A mapping from a name to a factory, with a clear error that lists the available names."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def decorator(item: T) -> T:
            self.add(name, item)
            return item

        return decorator

    def add(self, name: str, item: T) -> None:
        if name in self._items:
            raise BlickwinkelError(Errors.R001.format(what=self.what, name=name))
        self._items[name] = item

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            names = ", ".join(sorted(self._items)) or "none"
            raise BlickwinkelError(Errors.R002.format(what=self.what, name=name, names=names)) from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._items))

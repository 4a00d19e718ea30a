"""Reading one YAML document safely, remembering the line each value came from.

Only plain data is built: mappings with text keys, lists, text, numbers, booleans, null and dates.
Any other tag (``!!python/object/apply`` among them) is refused, never constructed, and aliases are
counted as they expand, so a document built to explode in size stops early with a problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

try:  # libyaml parses about ten times faster; fall back to the pure-Python parser without it.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 20_000
"""How many values one brief may expand to; real briefs hold a few hundred."""
MAX_DEPTH = 64
"""How deeply values may nest; a brief needs three levels."""

_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class YamlProblem(Exception):
    """The document cannot be read; ``line`` is 1-based, 0 when unknown."""

    def __init__(self, line: int, path: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.path = path
        self.message = message


@dataclass
class Document:
    """A YAML document's value with the line of every field path in it."""

    value: Any
    lines: dict[str, int]

    def line(self, path: str) -> int:
        """The line of ``path``, or of its nearest enclosing field that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines.get("", 1)


def read_document(text: str) -> Document:
    """Parse ``text`` into plain data; raise :class:`YamlProblem` when it cannot be."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        reason = error.problem or error.context or "invalid YAML"
        raise YamlProblem(line, "", f"YAML syntax error: {reason}") from None
    except yaml.YAMLError as error:
        raise YamlProblem(0, "", f"YAML error: {error}") from None
    except RecursionError:
        raise YamlProblem(0, "", "YAML nests too deeply to read") from None
    if node is None:
        return Document(None, {"": 1})
    builder = _Builder()
    value = builder.build(node, "", 0)
    return Document(value, builder.lines)


class _Builder:
    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.nodes = 0
        self.scalars = SafeConstructor()

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        self.nodes += 1
        line = node.start_mark.line + 1
        if self.nodes > MAX_NODES:
            raise YamlProblem(line, path, f"more than {MAX_NODES} values (aliases expanded)")
        if depth > MAX_DEPTH:
            raise YamlProblem(line, path, f"values nest more than {MAX_DEPTH} levels deep")
        self.lines.setdefault(path, line)
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            try:
                return self.scalars.construct_object(node)
            except (yaml.YAMLError, ValueError, OverflowError):
                raise YamlProblem(line, path, f"cannot read value {node.value!r}") from None
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
            return [
                self.build(item, f"{path}[{index}]", depth + 1)
                for index, item in enumerate(node.value)
            ]
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
            return self._build_mapping(node, path, depth)
        raise YamlProblem(line, path, f"YAML tag {node.tag} is not allowed in a brief")

    def _build_mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(line, path, "merge keys (<<) are not allowed in a brief")
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag in _SCALAR_TAGS):
                raise YamlProblem(line, path, "a key must be plain text")
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            if key in result:
                raise YamlProblem(line, child, "this key appears twice")
            self.lines[child] = line
            result[key] = self.build(value_node, child, depth + 1)
        return result

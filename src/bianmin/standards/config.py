"""Rule configuration: a TOML file that sets parameters and severities and switches rules off.

```toml
disable = ["SIGN-COMPLAINT"]        # rules switched off

[rules."HALL-AREA"]
min_area_m2 = 180                   # a parameter
severity = "warning"                # error | warning | info

[rules."EVAC-TRAVEL"]
enabled = false
```

Every report names the rule-set version and the SHA-256 of the configuration
*as it takes effect* (sorted, normalised JSON of the overrides), so the same
settings written in another order or with other comments hash the same, and a
planner and a reviewer with the same settings see the same findings.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from bianmin.standards import RULESET_VERSION
from bianmin.standards.findings import SEVERITIES
from bianmin.standards.registry import Params, Rule
from bianmin.standards.rules import all_rules


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    params: dict[str, dict[str, object]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    disabled: set[str] = field(default_factory=set)
    source: str | None = None
    review: dict[str, str] = field(default_factory=dict)  # [review]: the bureau's name and letterhead (issue 12)

    @property
    def sha256(self) -> str:
        canonical = json.dumps(
            {"params": self.params, "severities": self.severities, "disabled": sorted(self.disabled)},
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def ruleset(self) -> dict:
        return {"version": RULESET_VERSION, "config_sha256": self.sha256}

    def enabled(self, rule: Rule) -> bool:
        return rule.id not in self.disabled

    def severity(self, rule: Rule) -> str:
        return self.severities.get(rule.id, rule.severity)

    def params_for(self, rule: Rule) -> Params:
        values = Params(rule.params)
        values.update(self.params.get(rule.id, {}))
        return values

    def param(self, rule_id: str, key: str):
        """One parameter of one rule: this configuration's value, else the rule's declared default
        (what the layout reads: autolayout/params.py)."""
        return self.params_for(all_rules()[rule_id])[key]

    @classmethod
    def from_option(cls, path) -> "Config":
        """The commands' --config: the default rules without a file; a bad file raises ConfigError,
        a ValueError, which the commands report as a command-line error."""
        return cls.load(path) if path else cls()

    @classmethod
    def load(cls, path) -> "Config":
        try:  # imported only for a configuration file, not at every command's start-up
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]

        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise ConfigError(f"配置文件 {path} 不存在 / the configuration file does not exist") from None
        except OSError as exc:
            raise ConfigError(f"无法读取配置文件 {path}：{exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ConfigError(
                f"配置文件 {path} 不是 UTF-8 编码；请用记事本“另存为”并选择 UTF-8 编码 / the file is not UTF-8"
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"配置文件 {path} 不是有效的 TOML：{exc}") from None
        config = cls.from_dict(data)
        config.source = str(path)
        return config

    @classmethod
    def from_dict(cls, data: dict) -> "Config":
        rules = all_rules()
        config = cls()
        unknown = set(data) - {"disable", "rules", "review"}
        if unknown:
            raise ConfigError(f"配置中有未知的键 / unknown keys: {', '.join(sorted(unknown))}")
        config.review = _review_section(data.get("review") or {})
        for rule_id in data.get("disable", []):
            if rule_id not in rules:
                raise ConfigError(f"配置中的规则 {rule_id} 不存在 / unknown rule {rule_id}")
            config.disabled.add(rule_id)
        for rule_id, settings in (data.get("rules") or {}).items():
            if rule_id not in rules:
                raise ConfigError(f"配置中的规则 {rule_id} 不存在 / unknown rule {rule_id}")
            if not isinstance(settings, dict):
                raise ConfigError(f'[rules."{rule_id}"] 应为表 / must be a table')
            rule = rules[rule_id]
            for key, value in settings.items():
                if key == "enabled":
                    if not isinstance(value, bool):
                        raise ConfigError(f"{rule_id}.enabled 应为 true 或 false")
                    if not value:
                        config.disabled.add(rule_id)
                elif key == "severity":
                    if value not in SEVERITIES:
                        raise ConfigError(f"{rule_id}.severity 应为 {' / '.join(SEVERITIES)}，而不是 {value!r}")
                    config.severities[rule_id] = value
                elif key in rule.params:
                    config.params.setdefault(rule_id, {})[key] = _typed(rule_id, key, rule.params[key], value)
                else:
                    known = ", ".join(sorted(rule.params)) or "无 / none"
                    raise ConfigError(
                        f"规则 {rule_id} 没有参数 {key}（可用：{known}）/ rule {rule_id} has no parameter {key}"
                    )
        return config


REVIEW_KEYS = {
    "bureau": "审批局名称 / the bureau's name",
    "letterhead": "信头文字 / letterhead text",
    "reviewer": "默认审查人 / default reviewer",
    "conclusion_pass": "审查结论“合格”的用语 / the letter's word for a passing plan",
    "conclusion_fail": "审查结论“修改后重新报审”的用语 / the letter's word for a plan to be resubmitted",
}


def _review_section(section) -> dict[str, str]:
    """[review]: texts printed on the review letter (bianmin review letter); not part of the rules' hash."""
    if not isinstance(section, dict):
        raise ConfigError("[review] 应为表 / must be a table")
    for key, value in section.items():
        if key not in REVIEW_KEYS:
            raise ConfigError(f"[review] 没有 {key}（可用：{', '.join(REVIEW_KEYS)}）/ unknown key {key}")
        if not isinstance(value, str):
            raise ConfigError(f"review.{key} 应为文字 / must be a string")
    return dict(section)


def _typed(rule_id, key, default, value):
    where = f"{rule_id}.{key}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} 应为 true 或 false")
        return value
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where} 应为数字 / must be a number, got {value!r}")
        return float(value) if isinstance(default, float) else value
    if isinstance(default, (list, tuple)):
        if (
            not isinstance(value, list)
            or len(value) != len(default)
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        ):
            raise ConfigError(f"{where} 应为 {len(default)} 个数字的列表 / must be a list of {len(default)} numbers")
        if len(value) == 2 and value[0] > value[1]:
            raise ConfigError(f"{where} 下限大于上限 / lower bound above upper bound")
        return list(value)
    if isinstance(default, dict):
        if not isinstance(value, dict) or set(value) - set(default):
            raise ConfigError(f"{where} 的键应为 {', '.join(default)}")
        merged = dict(default)
        for k, v in value.items():
            merged[k] = _typed(rule_id, f"{key}.{k}", default[k], v)
        return merged
    return value

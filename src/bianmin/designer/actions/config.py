"""文件 > 校验配置… and 使用默认规则 (entries in actions/menus.py): the bureau's rules config in the
designer (docs/config.md), so that the planner sees what the bureau will see.

The file is read by the same loader as ``bianmin validate --config`` (``standards.config``);
the choice is remembered (QSettings ``rules_config``) and shown in the status bar and the
findings panel's title.  A file that cannot be used is a message naming the file and the
reason, and the check goes on with the rules it had.
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtWidgets import QFileDialog

from bianmin.standards.config import Config, ConfigError

from bianmin.designer.actions.file import last_dir
from bianmin.designer.i18n import tr

SETTING = "rules_config"


def load(path) -> Config:
    """The config at ``path``; ConfigError with a Chinese reason for anything that cannot be used."""
    try:
        return Config.load(path)
    except ConfigError as exc:
        text = str(exc)
        raise ConfigError(text if str(path) in text else f"配置文件 {path}：{text}") from None
    except Exception as exc:  # noqa: BLE001 - whatever the file holds, a message and never a crash
        raise ConfigError(f"无法使用配置文件 {path}：{type(exc).__name__}: {exc}") from None


def choose_config(window) -> None:
    current = window.config.source
    start = str(Path(current).parent) if current else last_dir(window)
    path, _ = QFileDialog.getOpenFileName(
        window,
        tr("选择审批局的校验配置", "Choose the bureau's rules config"),
        start,
        tr("校验配置 (*.toml);;所有文件 (*)", "Rules config (*.toml);;All files (*)"),
    )
    if path:
        use_config(window, Path(path))


def use_config(window, path: Path | None) -> bool:
    """Check with the config at ``path`` (None: the default rules) from now on and remember it.
    A file that cannot be used is said, and the rules in use stay as they were (False)."""
    if path is None:
        config = Config()
    else:
        try:
            config = load(path)
        except ConfigError as exc:
            window.error(
                tr("无法使用校验配置", "Cannot use the rules config"),
                tr(
                    f"{exc}\n\n仍按原来的规则校验（{describe(window.config)}）。",
                    f"{exc}\n\nChecking goes on with the rules in use ({describe(window.config)}).",
                ),
            )
            return False
    apply(window, config)
    window.settings.setValue(SETTING, str(path) if path is not None else "")
    window.status(tr(f"校验配置：{describe(config)}，已重新校验", f"rules config: {describe(config)}; checked again"))
    return True


def restore(window) -> Config:
    """The config remembered from the last session (the default rules when none or it cannot be read now)."""
    remembered = str(window.settings.value(SETTING, "") or "")
    if not remembered:
        return Config()
    try:
        return load(remembered)
    except ConfigError as exc:
        # said once the window is up; the choice is kept (a share that is offline today may be back tomorrow)
        window.pending_notes.append(
            (
                tr("无法使用上次的校验配置", "Cannot use the last rules config"),
                tr(f"{exc}\n\n本次按默认规则校验。", f"{exc}\n\nChecking with the default rules this time."),
            )
        )
        return Config()


def apply(window, config: Config) -> None:
    window.config = config
    if window.validator is not None:
        window.validator.config = config
        window.validator.run_now()
    show(window)


def describe(config: Config) -> str:
    if not config.source:
        return tr("默认规则", "default rules")
    return Path(config.source).name


def show(window) -> None:
    """The config in use: in the status bar (the full path and hash as its tooltip) and the findings' title."""
    config = window.config
    name = describe(config)
    window.config_label.setText(tr(f"校验配置：{name}", f"rules: {name}"))
    window.config_label.setToolTip(
        f"{config.source or tr('默认规则', 'default rules')}\nSHA-256 {config.sha256[:16]}…"
        if config.source
        else tr("未加载审批局的配置，按默认规则校验", "no bureau config loaded: the default rules")
    )
    dock = window.docks["findings"]
    zh, en = "校验结果", "Findings"
    if config.source:
        zh, en = f"校验结果（配置：{name}）", f"Findings (config: {name})"
    dock.setProperty("title_pair", (zh, en))
    dock.setWindowTitle(tr(zh, en))

"""An output file that is one of the input plans (also through a link) is refused, never overwritten."""

from __future__ import annotations

from pathlib import Path


def output_clash(out: Path, inputs) -> str | None:
    """A message when the output would overwrite an input (also through a link), else None."""
    from bianmin.geometry.atomic import same_file

    for f in inputs:
        if same_file(out, Path(f)):
            return (
                f"输出文件 {out} 就是输入的图纸 {f}，不能覆盖；请换一个输出文件名 / "
                f"the output {out} is the input plan {f}: refusing to overwrite it"
            )
    return None

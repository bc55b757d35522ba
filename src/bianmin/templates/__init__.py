"""Starter plans: street-center and community-station (DXF files beside this module)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent

NAMES = {
    "street-center": ("街道便民服务中心（约 250 m²，合规）", "street service centre, about 250 m², compliant"),
    "community-station": ("社区便民服务站（约 80 m²，合规）", "community service station, about 80 m², compliant"),
}


def path_of(name: str) -> Path:
    if name not in NAMES:
        raise KeyError(name)
    return HERE / f"{name}.dxf"

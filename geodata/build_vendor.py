"""Copy the front-end files our maps use into ``dashboard/static/vendor/`` for offline maps.

folium pages load Leaflet and its plugins from public CDNs; Streamlit serves
``dashboard/static/`` at ``/app/static/`` so the app can point folium there. Only Leaflet,
Leaflet.markercluster and Leaflet.heat are copied: the jQuery, Bootstrap and Font Awesome
links folium also adds are dropped by ``dashboard/core/maps/assets.py``, so they are not shipped.
Files come from XStatic wheels and folium's own package.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import folium
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

BSD_2_CLAUSE = """\
{copyright}
All rights reserved.

Redistribution and use in source and binary forms, with or without modification, are
permitted provided that the following conditions are met:

   1. Redistributions of source code must retain the above copyright notice, this list of
      conditions and the following disclaimer.

   2. Redistributions in binary form must reproduce the above copyright notice, this list
      of conditions and the following disclaimer in the documentation and/or other materials
      provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR
TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

# "//# sourceMappingURL=x.map" or "/*# sourceMappingURL=x.map */": we ship no .map files.
SOURCE_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")

MIT = """\
{copyright}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


@dataclass
class VendorPackage:
    """One front-end library: where its files come from and under which licence."""

    folder: str
    package: str
    version: str
    licence: str
    source_dir: Path
    files: dict[str, str]  # path in source_dir -> path in the vendor folder
    copyright: str
    licence_template: str
    copied: list[Path] = field(default_factory=list)


def xstatic_dir(module: object) -> Path:
    """The ``data`` folder of an XStatic package module."""
    return Path(module.__file__).parent / "data"


def vendor_packages() -> list[VendorPackage]:
    """The libraries our maps use, pinned to the versions folium 0.20 asks for."""
    leaflet = xstatic_dir(xstatic.pkg.leaflet)
    images = sorted(p.name for p in (leaflet / "images").iterdir())
    return [
        VendorPackage(
            "leaflet",
            "XStatic-Leaflet",
            metadata.version("XStatic-Leaflet"),
            "BSD-2-Clause",
            leaflet,
            {"leaflet.js": "leaflet.js", "leaflet.css": "leaflet.css"}
            | {f"images/{name}": f"images/{name}" for name in images},
            "Copyright (c) 2010-2022, Vladimir Agafonkin\nCopyright (c) 2010-2011, CloudMade",
            BSD_2_CLAUSE,
        ),
        VendorPackage(
            "markercluster",
            "XStatic-Leaflet-MarkerCluster",
            metadata.version("XStatic-Leaflet-MarkerCluster"),
            "MIT",
            xstatic_dir(xstatic.pkg.leaflet_markercluster),
            {
                name: name
                for name in (
                    "leaflet.markercluster.js",
                    "MarkerCluster.css",
                    "MarkerCluster.Default.css",
                )
            },
            "Copyright 2012 David Leaver",
            MIT,
        ),
        VendorPackage(
            "leaflet-heat",
            "folium (Leaflet.heat)",
            metadata.version("folium"),
            "BSD-2-Clause",
            Path(folium.__file__).parent / "templates",
            {"leaflet_heat.min.js": "leaflet-heat.js"},
            "Copyright (c) 2014, Vladimir Agafonkin",
            BSD_2_CLAUSE,
        ),
    ]


def copy_package(package: VendorPackage, vendor_root: Path) -> None:
    """Copy one library's files and write its LICENSE.txt next to them."""
    target = vendor_root / package.folder
    if target.exists():
        shutil.rmtree(target)
    for source, destination in package.files.items():
        path = target / destination
        path.parent.mkdir(parents=True, exist_ok=True)
        content = (package.source_dir / source).read_bytes()
        if path.suffix in {".js", ".css"}:
            content = SOURCE_MAP_COMMENT.sub(b"\n", content)
        path.write_bytes(content)
        package.copied.append(path)
    licence = target / "LICENSE.txt"
    licence.write_text(package.licence_template.format(copyright=package.copyright))
    package.copied.append(licence)
    package.copied.sort()


def vendor_front_end(vendor_root: Path) -> list[VendorPackage]:
    """Write all vendored libraries under ``vendor_root``; return what was written."""
    packages = vendor_packages()
    for package in packages:
        copy_package(package, vendor_root)
    return packages

"""Give the IVR its voice: Open JTalk and its dictionary from Debian, the voice by its hash.

`python -m hikari_e2e.voice` (make setup runs it, through hikari_e2e.provision) installs
open-jtalk and open-jtalk-mecab-naist-jdic with apt-get when root on Debian, and takes HTS
Voice "Mei" (mei_normal.htsvoice, CC BY 3.0, Nagoya Institute of Technology / MMDAgent Project
Team) with its licence from pyopenjtalk's sdist on PyPI, checked against the hash below, into
$XDG_CACHE_HOME/hikari-e2e/voice/. Whatever cannot be done is said, and the phone stays silent:
the suite runs either way.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import urllib.request

from mock_site.phone import speech

from .browser import apt_install, can_apt

APT_PACKAGES = ["open-jtalk", "open-jtalk-mecab-naist-jdic"]
SDIST_URL = (
    "https://files.pythonhosted.org/packages/58/74/"
    "ccd31c696f047ba381f9b11a504bf1199756c3f30f3de64e3eeb83e10b4a/pyopenjtalk-0.4.1.tar.gz"
)
SDIST_SHA256 = "d5ada46f7fc2b52c1c79c273eb9668ff6ad7ab276a8db9d8be119ef93440f0dc"
MEMBERS = {
    "pyopenjtalk-0.4.1/pyopenjtalk/htsvoice/mei_normal.htsvoice": "mei_normal.htsvoice",
    "pyopenjtalk-0.4.1/pyopenjtalk/htsvoice/LICENSE_mei_normal.htsvoice": "LICENSE_mei_normal",
}


def ensure_voice() -> str | None:
    """Install what synthesis lacks where we may; return what is still missing, or None."""
    if shutil.which("open_jtalk") is None or not speech.DICTIONARY.is_dir():
        if can_apt():
            try:
                apt_install(APT_PACKAGES)
            except subprocess.CalledProcessError as error:
                return f"could not install {' '.join(APT_PACKAGES)} ({error})"
    target = speech.default_voice()
    if not target.is_file():
        try:
            with urllib.request.urlopen(SDIST_URL, timeout=60) as response:
                sdist = response.read()
        except OSError as error:
            return f"could not download the voice ({error})"
        if hashlib.sha256(sdist).hexdigest() != SDIST_SHA256:
            return "the downloaded voice's archive does not match its hash; not used"
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(sdist)) as archive:
            for member, name in MEMBERS.items():
                data = archive.extractfile(member).read()
                written = target if name == target.name else target.parent / name
                written.write_bytes(data)
    return speech.missing()


def main() -> int:
    missing = ensure_voice()
    if missing:
        print(f"hikari_e2e.voice: the IVR stays silent: {missing}", file=sys.stderr)
    else:
        print(f"hikari_e2e.voice: the IVR speaks with {speech.default_voice()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

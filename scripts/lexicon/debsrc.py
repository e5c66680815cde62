"""Opens a Debian package (or a folder it was extracted to) for the lexicon converters."""
import glob
import gzip
import os
import re
import subprocess
import tempfile


def extract(src, subdir):
    """Returns (src's `subdir` folder, package version, temp dir to keep alive or None)."""
    if os.path.isdir(src):
        root, tmp = src, None
    else:
        tmp = tempfile.TemporaryDirectory()
        subprocess.run(["dpkg-deb", "-x", src, tmp.name], check=True)
        root = tmp.name
    version = "unknown"
    if src.endswith(".deb"):
        out = subprocess.run(["dpkg-deb", "-f", src, "Version"], capture_output=True, text=True)
        version = out.stdout.strip() or version
    else:  # extracted directory: the first line of the Debian changelog names the version
        for ch in glob.glob(os.path.join(root, "usr/share/doc/*/changelog.Debian.gz")):
            m = re.match(r"\S+ \(([^)]+)\)", gzip.open(ch, "rt", encoding="utf-8").readline())
            version = m.group(1) if m else version
    return os.path.join(root, subdir), version, tmp

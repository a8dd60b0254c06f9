"""Running a producer: a failing command stops the script with its output."""
import csv
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run(cmd, cwd=None):
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        sys.exit(f"make-fixtures: {' '.join(cmd)} failed:\n{r.stdout}\n{r.stderr}")

"""The encoder's matrix products run on the widest instructions the CPU has: the test reads
the CPU's features itself and fails when either set of kernels in use is a class below, the
dense layers' own (Kinora's) or attention's (OpenBLAS's), also when OpenBLAS on its own
would choose weaker ones (simulated with OPENBLAS_CORETYPE=Prescott, what Debian 12's
OpenBLAS chooses on CPUs newer than itself)."""
import os
import re
import subprocess

import pytest

from conftest import KINORA

CLASSES = ["SSE", "AVX", "AVX2", "AVX-512"]


def cpu_class():
    flags = set()
    for line in open("/proc/cpuinfo"):
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
    if {"avx512f", "avx512bw", "avx512dq", "avx512vl"} <= flags:
        return "AVX-512"
    if {"avx2", "fma"} <= flags:
        return "AVX2"
    return "AVX" if "avx" in flags else "SSE"


def kernels(**env):
    out = subprocess.run([str(KINORA), "embed", "--kernels"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, **env})
    assert out.returncode == 0, out.stderr
    m = re.fullmatch(r"Kinora (\S+) kernels \(dense layers(?:, KINORA_DENSE_KERNELS=[^)]*)?\), "
                     r"OpenBLAS (\S+) kernels \((\S+), attention\) on an (\S+) CPU"
                     r"( - WARNING: a slow fallback; the CPU runs \S+ kernels)?\n", out.stdout)
    assert m, out.stdout
    return m.groups()[:4], out.stdout


def test_the_kernels_in_use_are_the_cpus_own_class():
    (dense, core, blas, cpu), line = kernels()
    assert "WARNING" not in line, line
    assert cpu == cpu_class()
    assert dense == cpu, f"the dense layers run {dense} kernels on an {cpu} CPU"
    assert blas == cpu, f"OpenBLAS {core} runs {blas} kernels on an {cpu} CPU"


def test_an_openblas_that_chooses_weaker_kernels_is_corrected():
    (dense, core, blas, cpu), _ = kernels(OPENBLAS_CORETYPE="Prescott")
    assert blas == cpu_class(), f"still on {core} ({blas})"
    assert dense == cpu_class()


def test_dense_kernels_capped_below_the_cpu_are_named_a_slow_fallback():
    if cpu_class() == "SSE":
        pytest.skip("nothing below SSE to cap at")
    weaker = "SSE" if cpu_class() == "AVX" else "AVX2"
    (dense, _, blas, cpu), line = kernels(KINORA_DENSE_KERNELS=weaker)
    assert dense == weaker and blas == cpu == cpu_class(), line
    assert f"KINORA_DENSE_KERNELS={weaker}" in line and "WARNING: a slow fallback" in line, line


def test_a_cap_that_names_no_class_is_ignored_and_said_so():
    (dense, _, _, cpu), line = kernels(KINORA_DENSE_KERNELS="avx-513")
    assert dense == cpu == cpu_class(), line
    assert "KINORA_DENSE_KERNELS=avx-513 ignored: not SSE, AVX, AVX2 or AVX-512" in line, line


def test_readiness_names_the_kernels(server):
    k = server.get("/readyz").json()["encoder"]["kernels"]
    assert k["cpu"] == cpu_class() and k["instruction_set"] == k["cpu"] and not k["slow_fallback"], k
    assert k["dense"] == k["cpu"] and k["blas_instruction_set"] == k["cpu"], k
    assert CLASSES.index(k["instruction_set"]) >= CLASSES.index(cpu_class())
    assert '"msg":"encoder kernels"' in server.log_path.read_text()

"""The encoder's matrix products run on the widest instructions the CPU has: the test reads
the CPU's features itself and fails when either set of kernels in use is a class below, the
dense layers' own (Kinora's) or attention's (OpenBLAS's), also when OpenBLAS on its own
would choose weaker ones (simulated with OPENBLAS_CORETYPE=Prescott, what Debian 12's
OpenBLAS chooses on CPUs newer than itself)."""
import os
import re
import subprocess

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
    m = re.fullmatch(r"Kinora (\S+) kernels \(dense layers\), OpenBLAS (\S+) kernels \((\S+), attention\)"
                     r" on an (\S+) CPU\n", out.stdout)
    assert m, out.stdout
    return m.groups()


def test_the_kernels_in_use_are_the_cpus_own_class():
    dense, core, blas, cpu = kernels()
    assert cpu == cpu_class()
    assert dense == cpu, f"the dense layers run {dense} kernels on an {cpu} CPU"
    assert blas == cpu, f"OpenBLAS {core} runs {blas} kernels on an {cpu} CPU"


def test_an_openblas_that_chooses_weaker_kernels_is_corrected():
    dense, core, blas, cpu = kernels(OPENBLAS_CORETYPE="Prescott")
    assert blas == cpu_class(), f"still on {core} ({blas})"
    assert dense == cpu_class()


def test_readiness_names_the_kernels(server):
    k = server.get("/readyz").json()["encoder"]["kernels"]
    assert k["cpu"] == cpu_class() and k["instruction_set"] == k["cpu"] and not k["slow_fallback"], k
    assert k["dense"] == k["cpu"] and k["blas_instruction_set"] == k["cpu"], k
    assert CLASSES.index(k["instruction_set"]) >= CLASSES.index(cpu_class())
    assert '"msg":"encoder kernels"' in server.log_path.read_text()

#!/usr/bin/env python3
"""Reference side of bench/encoder_bench.sh: an eager fp32 BERT forward pass in numpy.

It runs the computation sentence-transformers runs for all-MiniLM-L6-v2:
  tokenizer.json (Hugging Face `tokenizers`, pad to the longest text of the batch,
  truncate at max_seq_length) -> word + position + token-type embeddings -> LayerNorm
  -> N x [multi-head self-attention with an additive padding mask -> residual +
  LayerNorm -> feed-forward with exact-erf GELU (scipy.special.erf, float32 in and
  out, computed in double inside scipy; |error| ~3e-8) -> residual +
  LayerNorm] -> mean pooling over the attention mask -> L2 normalisation.
Weights are read from model.safetensors by this file (8-byte little-endian header
length, JSON header, raw little-endian tensors); names may carry a `bert.` prefix.
Every product is a numpy matmul, i.e. an OpenBLAS sgemm; set OPENBLAS_NUM_THREADS
before starting Python to choose its thread count.

`report` measures the reference, reads what encoder_bench.sh measured for kinora in
the same run, and prints figures, ratios and verdicts. It exits 1 on a failed
correctness check (reference self-check, agreement with kinora, token ids), never on
slow numbers.
"""
from __future__ import annotations

import argparse
import ctypes
import glob
import json
import math
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import scipy.special
from tokenizers import Tokenizer

F32 = np.float32
PARITY = 0.9999  # cosine threshold; golden README: different sentences are 0.54-0.89 apart


# ---------------------------------------------------------------- model loading

def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    if len(data) < 8:
        raise ValueError(f"{path}: too short for a safetensors file")
    n = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + n])
    base = 8 + n
    dtypes = {"F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4"}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] not in dtypes:
            raise ValueError(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
        begin, end = info["data_offsets"]
        arr = np.frombuffer(data, dtype=dtypes[info["dtype"]], count=(end - begin) //
                            np.dtype(dtypes[info["dtype"]]).itemsize, offset=base + begin)
        shape = tuple(info["shape"])
        if arr.size != math.prod(shape):
            raise ValueError(f"{path}: tensor {name}: {arr.size} values for shape {shape}")
        out[name.removeprefix("bert.")] = arr.reshape(shape)
    return out


class Reference:
    def __init__(self, model_dir: Path, threads: int | None = None):
        model_dir = Path(model_dir)
        # GELU's erf is the one element-wise op that costs as much as a matmul here
        # (scipy computes it per element in double); scipy releases the GIL, so it is
        # split over the same threads as OpenBLAS, as PyTorch's intra-op pool would.
        self.threads = threads or int(os.environ.get("OPENBLAS_NUM_THREADS", "1") or 1)
        self.pool = ThreadPoolExecutor(self.threads) if self.threads > 1 else None
        cfg = json.loads((model_dir / "config.json").read_text())
        st_cfg_path = model_dir / "sentence_bert_config.json"
        st_cfg = json.loads(st_cfg_path.read_text()) if st_cfg_path.exists() else {}
        self.max_len = int(st_cfg.get("max_seq_length", cfg.get("max_position_embeddings", 512)))
        self.eps = float(cfg["layer_norm_eps"])
        self.heads = int(cfg["num_attention_heads"])
        self.hidden = int(cfg["hidden_size"])
        self.head_dim = self.hidden // self.heads
        if cfg.get("hidden_act", "gelu") != "gelu":
            raise ValueError(f"unsupported hidden_act {cfg.get('hidden_act')}")

        w = read_safetensors(model_dir / "model.safetensors")

        def t(name):  # fp32, contiguous
            if name not in w:
                raise KeyError(f"{model_dir}/model.safetensors has no tensor {name}")
            return np.ascontiguousarray(w[name], dtype=F32)

        self.word = t("embeddings.word_embeddings.weight")
        self.pos = t("embeddings.position_embeddings.weight")
        self.type0 = t("embeddings.token_type_embeddings.weight")[0]
        self.emb_ln = (t("embeddings.LayerNorm.weight"), t("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(int(cfg["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            # nn.Linear holds W[out, in]; keep W^T contiguous so x @ W^T is a plain sgemm.
            lin = lambda n: (np.ascontiguousarray(t(p + n + ".weight").T), t(p + n + ".bias"))
            self.layers.append({
                "q": lin("attention.self.query"), "k": lin("attention.self.key"),
                "v": lin("attention.self.value"), "o": lin("attention.output.dense"),
                "ln1": (t(p + "attention.output.LayerNorm.weight"),
                        t(p + "attention.output.LayerNorm.bias")),
                "i": lin("intermediate.dense"), "out": lin("output.dense"),
                "ln2": (t(p + "output.LayerNorm.weight"), t(p + "output.LayerNorm.bias")),
            })

        self.tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # tokenizer.json ships truncation 128 and fixed padding to 128; sentence-transformers
        # truncates at max_seq_length (256) and pads to the longest text of the batch.
        self.tok.enable_truncation(max_length=self.max_len)
        self.tok.enable_padding(pad_id=int(cfg.get("pad_token_id", 0)), pad_token="[PAD]")

    def tokenize(self, texts):
        enc = self.tok.encode_batch(list(texts))
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=F32)
        return ids, mask

    def ids_of(self, text):  # one text: padding to the longest adds nothing
        return self.tok.encode(text).ids

    def _ln(self, x, wb):
        mu = x.mean(-1, keepdims=True)
        d = x - mu
        var = (d * d).mean(-1, keepdims=True)
        return d / np.sqrt(var + F32(self.eps)) * wb[0] + wb[1]

    def _gelu(self, a):  # exact erf form: 0.5 * a * (1 + erf(a / sqrt(2)))
        z = a * F32(1 / math.sqrt(2))
        if self.pool is None or z.size < 1 << 16:
            scipy.special.erf(z, out=z)
        else:
            cuts = np.linspace(0, z.shape[0], self.threads + 1).astype(int)
            parts = [z[cuts[i]:cuts[i + 1]] for i in range(self.threads)]
            list(self.pool.map(lambda p: scipy.special.erf(p, out=p), parts))
        z += F32(1)
        z *= a
        z *= F32(0.5)
        return z

    def forward(self, ids, mask):
        b, n = ids.shape
        h, nh, dh = self.hidden, self.heads, self.head_dim
        x = self.word[ids] + self.pos[:n] + self.type0                # [b, n, h]
        x = self._ln(x, self.emb_ln).reshape(b * n, h)
        # HF BERT: (1 - mask) * finfo(float32).min added to the scores of padded keys.
        add_mask = ((F32(1) - mask) * np.finfo(F32).min)[:, None, None, :]
        scale = F32(1.0 / math.sqrt(dh))
        def linear(t, wb):  # t @ W^T + b, one sgemm
            y = t @ wb[0]
            y += wb[1]
            return y

        def heads(t, order):  # [b*n, h] -> per-head blocks, contiguous so matmul uses sgemm
            return np.ascontiguousarray(t.reshape(b, n, nh, dh).transpose(order))

        for L in self.layers:
            q = heads(linear(x, L["q"]), (0, 2, 1, 3))                 # [b, nh, n, dh]
            k = heads(linear(x, L["k"]), (0, 2, 3, 1))                 # [b, nh, dh, n]
            v = heads(linear(x, L["v"]), (0, 2, 1, 3))                 # [b, nh, n, dh]
            s = q @ k                                                  # [b, nh, n, n]
            s *= scale
            s += add_mask
            s -= s.max(-1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b * n, h)
            y = linear(ctx, L["o"])
            y += x
            x = self._ln(y, L["ln1"])
            a = self._gelu(linear(x, L["i"]))
            y = linear(a, L["out"])
            y += x
            x = self._ln(y, L["ln2"])
        x = x.reshape(b, n, h)
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), F32(1e-9))
        norm = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), F32(1e-12))
        out = pooled / norm
        assert out.dtype == F32, out.dtype
        return out

    def encode(self, texts, batch=32):
        rows = []
        for i in range(0, len(texts), batch):
            ids, mask = self.tokenize(texts[i:i + batch])
            rows.append(self.forward(ids, mask))
        return np.concatenate(rows)


# ---------------------------------------------------------------- helpers

def cosines(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def percentile(values, p):  # same rule as kinora's embed --bench (nearest rank, rounded)
    v = sorted(values)
    return v[min(len(v) - 1, int(p / 100.0 * (len(v) - 1) + 0.5))]


def openblas_threads():
    import numpy
    libs = glob.glob(os.path.join(os.path.dirname(numpy.__file__) + ".libs", "*openblas*.so*"))
    for lib in libs:
        try:
            so = ctypes.CDLL(lib)
            for sym in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                        "openblas_get_num_threads"):
                if hasattr(so, sym):
                    return int(getattr(so, sym)())
        except OSError:
            pass
    return None


def kinora_vectors(path):
    return np.array(json.loads(Path(path).read_text())["vectors"], dtype=np.float64)


LATENCY_LINE = re.compile(r"latency \(1 sentence, (\d+) runs\): p50 ([\d.]+) ms, p99 ([\d.]+) ms")


def parse_kinora_latency(text):
    """(p50, p99) in ms from the latency line of kinora embed --bench."""
    m = LATENCY_LINE.search(text)
    if not m:
        raise ValueError(f"no latency line in kinora's bench output:\n{text}")
    return float(m.group(2)), float(m.group(3))


def parse_kinora_bench(path):
    text = Path(path).read_text()
    m_tp = re.search(r"throughput: ([\d.]+) texts/s \(batch (\d+), ([\d.]+) s for (\d+) texts\)", text)
    m_lat = LATENCY_LINE.search(text)
    m_head = re.search(r"(\d+) threads, (\d+) texts, ([\d.]+) tokens/text", text)
    m_tok = re.search(r"token ids: (\d+)/(\d+)", text)
    if not (m_tp and m_lat and m_head):
        raise ValueError(f"cannot read kinora's bench output:\n{text}")
    return {
        "texts": int(m_tp.group(4)), "seconds": float(m_tp.group(3)),
        "tps": int(m_tp.group(4)) / float(m_tp.group(3)), "batch": int(m_tp.group(2)),
        "runs": int(m_lat.group(1)), "p50": float(m_lat.group(2)), "p99": float(m_lat.group(3)),
        "threads": int(m_head.group(1)), "tokens_per_text": float(m_head.group(3)),
        "tok_match": (int(m_tok.group(1)), int(m_tok.group(2))) if m_tok else None,
    }


def self_check(synthetic_dir, golden, threads=None):
    ref = Reference(synthetic_dir, threads)
    texts = [it["text"] for it in golden["items"]]
    emb = ref.encode(texts, batch=32)
    c = cosines(emb, [it["embedding"] for it in golden["items"]])
    return ref, c


# ---------------------------------------------------------------- report

def report(a):
    ok = True
    golden = json.loads(Path(a.golden).read_text())
    catalog = json.loads(Path(a.catalog).read_text())
    g_texts = [it["text"] for it in golden["items"]]
    c_texts = [it["text"] for it in catalog["items"]]
    lat_text = g_texts[a.latency_index]
    kb = parse_kinora_bench(a.kinora_bench)
    verdicts = []

    def line(s=""):
        print(s, flush=True)

    blas = openblas_threads()
    ref_threads = a.threads
    line(f"numpy {np.__version__} (OpenBLAS threads: {blas if blas is not None else 'unknown'}), "
         f"scipy {scipy.__version__}, tokenizers {__import__('tokenizers').__version__}; "
         f"GELU uses scipy.special.erf (exact erf) "
         f"on {ref_threads} threads; other element-wise ops are numpy's, single-threaded")
    line()

    # 0. The reference proves itself on the synthetic model against sentence-transformers' output.
    line("== 0. Reference self-check: numpy reference vs sentence-transformers golden "
         "embeddings (synthetic weights) ==")
    t0 = time.perf_counter()
    _, c = self_check(a.synthetic, golden, a.threads)
    line(f"  {len(c)} golden sentences: cosine min {c.min():.8f} (1 - min = {1 - c.min():.1e}), "
         f"mean {c.mean():.8f} ({time.perf_counter() - t0:.1f} s)")
    passed = c.min() >= PARITY
    ok &= passed
    verdicts.append(("reference self-check", f"{'PASS' if passed else 'FAIL'}: numpy reference "
                     f"{'reproduces' if passed else 'does NOT reproduce'} sentence-transformers "
                     f"(min cosine {c.min():.6f}, need >= {PARITY})"))
    if a.kinora_synth:
        ks = cosines(kinora_vectors(a.kinora_synth), [it["embedding"] for it in golden["items"]])
        line(f"  (for context) kinora vs the same golden embeddings: min {ks.min():.8f} "
             f"(1 - min = {1 - ks.min():.1e}), mean {ks.mean():.8f}")
    line()

    ref = Reference(a.model, a.threads)

    # 3a. Token ids: tokenizers vs the golden files (and kinora's own check from its bench).
    line("== 3a. Token ids: Hugging Face tokenizers vs golden input_ids ==")
    g_match = sum(ref.ids_of(it["text"]) == it["input_ids"] for it in golden["items"])
    c_match = sum(ref.ids_of(it["text"]) == it["input_ids"] for it in catalog["items"])
    line(f"  tokenizers: {g_match}/{len(g_texts)} golden sentences, "
         f"{c_match}/{len(c_texts)} catalog texts match")
    if kb["tok_match"]:
        line(f"  kinora (from its bench): {kb['tok_match'][0]}/{kb['tok_match'][1]} catalog texts match")
    passed = g_match == len(g_texts) and c_match == len(c_texts) and (
        kb["tok_match"] is None or kb["tok_match"][0] == kb["tok_match"][1])
    ok &= passed
    verdicts.append(("token ids", f"{'PASS' if passed else 'FAIL'}: tokenizers "
                     f"{g_match}/{len(g_texts)} + {c_match}/{len(c_texts)}"
                     + (f", kinora {kb['tok_match'][0]}/{kb['tok_match'][1]}" if kb["tok_match"] else "")))
    line()

    # 3b. Agreement on the real weights.
    line("== 3b. Agreement on the real all-MiniLM-L6-v2 weights: kinora vs numpy reference ==")
    for i, it in enumerate(golden["items"]):
        if "\0" in it["text"]:
            same = ref.ids_of(it["text"].replace("\0", "")) == it["input_ids"]
            ok &= same
            line(f"  note: golden #{i} contains U+0000, which a command-line argument cannot carry; "
                 f"kinora got it without the NUL ({'same' if same else 'DIFFERENT'} token ids), "
                 "the reference the original text")
    r_emb = ref.encode(g_texts, batch=32)
    k_emb = kinora_vectors(a.kinora_real)
    if k_emb.shape != r_emb.shape:
        raise ValueError(f"kinora gave {k_emb.shape} vectors, reference {r_emb.shape}")
    c = cosines(k_emb, r_emb)
    worst = int(c.argmin())
    line(f"  {len(c)} golden sentences: cosine min {c.min():.8f} (1 - min = {1 - c.min():.1e}), "
         f"mean {c.mean():.8f}; max |diff| {np.abs(k_emb - r_emb).max():.1e}; worst: #{worst} "
         f"({len(golden['items'][worst]['input_ids'])} tokens)")
    passed = c.min() > PARITY
    ok &= passed
    verdicts.append(("real-weights agreement", f"{'PASS' if passed else 'FAIL'}: kinora "
                     f"{'computes' if passed else 'does NOT compute'} all-MiniLM-L6-v2's embeddings "
                     f"(min cosine {c.min():.6f}, need > {PARITY})"))
    line()

    # 1. Throughput.
    n = min(a.ref_texts, len(c_texts)) if a.ref_texts else len(c_texts)
    sub = c_texts[:n]
    line(f"== 1. Throughput, batch {a.batch}, {a.threads} threads ==")
    ref.encode(sub[:a.batch], batch=a.batch)  # warm-up, as kinora does
    real_tokens = padded_tokens = 0
    t0 = time.perf_counter()
    for i in range(0, n, a.batch):
        ids, mask = ref.tokenize(sub[i:i + a.batch])
        ref.forward(ids, mask)
        real_tokens += int(mask.sum())
        padded_tokens += ids.size
    secs = time.perf_counter() - t0
    r_tps = n / secs
    line(f"  kinora:    {kb['tps']:7.1f} texts/s ({kb['texts']} texts in {kb['seconds']:.2f} s, "
         f"{kb['threads']} threads, {kb['tokens_per_text']:.1f} tokens/text)")
    line(f"  reference: {r_tps:7.1f} texts/s ({n} texts in {secs:.2f} s, "
         f"{real_tokens / n:.1f} tokens/text, {padded_tokens / n:.1f} with batch padding)")
    ratio = kb["tps"] / r_tps
    line(f"  ratio kinora/reference: {ratio:.2f}x (same batches as kinora: file order)")
    if n != kb["texts"]:
        line(f"  (reference timed on the first {n} of the {len(c_texts)} texts)")
    sorted_note = ""
    if a.sorted:
        # sentence-transformers' encode() sorts all its inputs by length (characters,
        # longest first) before cutting batches, which cuts padding; time that too.
        order = sorted(range(n), key=lambda i: -len(sub[i]))
        srt = [sub[i] for i in order]
        padded_s = 0
        t0 = time.perf_counter()
        for i in range(0, n, a.batch):
            ids, mask = ref.tokenize(srt[i:i + a.batch])
            ref.forward(ids, mask)
            padded_s += ids.size
        s_tps = n / (time.perf_counter() - t0)
        line(f"  reference, length-sorted batches as sentence-transformers' encode(): {s_tps:.1f} "
             f"texts/s ({padded_s / n:.1f} tokens/text with padding); kinora/that: {kb['tps'] / s_tps:.2f}x")
        sorted_note = f" (length-sorted reference {s_tps:.1f}: {kb['tps'] / s_tps:.2f}x)"
    verdicts.append(("throughput", f"kinora {kb['tps']:.1f} vs reference {r_tps:.1f} texts/s: "
                     f"{ratio:.2f}x, kinora is {'faster' if ratio >= 1 else 'SLOWER'}{sorted_note}"))
    line()

    # 2. Latency, one sentence, batch 1 (tokenisation included on both sides, as in kinora).
    line(f"== 2. Latency, 1 sentence (golden #{a.latency_index}, "
         f"{len(golden['items'][a.latency_index]['input_ids'])} tokens), batch 1 ==")
    for _ in range(5):
        ref.forward(*ref.tokenize([lat_text]))
    ms = []
    for _ in range(a.runs):
        s = time.perf_counter()
        ref.forward(*ref.tokenize([lat_text]))
        ms.append((time.perf_counter() - s) * 1000)
    r50, r99 = percentile(ms, 50), percentile(ms, 99)
    line(f"  kinora:    p50 {kb['p50']:6.2f} ms, p99 {kb['p99']:6.2f} ms ({kb['runs']} runs)")
    line(f"  reference: p50 {r50:6.2f} ms, p99 {r99:6.2f} ms ({a.runs} runs)")
    line(f"  ratio reference/kinora: p50 {r50 / kb['p50']:.2f}x, p99 {r99 / kb['p99']:.2f}x")
    lr = r50 / kb["p50"]
    verdicts.append(("latency p50", f"kinora {kb['p50']:.2f} vs reference {r50:.2f} ms: "
                     f"{lr:.2f}x, kinora is {'faster' if lr >= 1 else 'SLOWER'}"))
    pr = r99 / kb["p99"]
    verdicts.append(("latency p99", f"kinora {kb['p99']:.2f} vs reference {r99:.2f} ms: "
                     f"{pr:.2f}x, kinora is {'faster' if pr >= 1 else 'SLOWER'}"))
    line()

    line("== Verdicts ==")
    for name, v in verdicts:
        line(f"  {name + ':':24s} {v}")
    line()
    line("Published reference, for context only (shared/models/golden/README.md): PyTorch eager")
    line("fp32 on these 2-core machines ~37 texts/s at batch 32 and 13 ms p50 for one golden")
    line(f"sentence; kinora here: {kb['tps'] / 37.0:.2f}x and {13.0 / kb['p50']:.2f}x of those. "
         "The ratios above, measured in this run, are the ones that count.")
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report", help="measure the reference and print the comparison")
    r.add_argument("--model", required=True)
    r.add_argument("--synthetic", required=True)
    r.add_argument("--golden", required=True)
    r.add_argument("--catalog", required=True)
    r.add_argument("--kinora-bench", required=True, help="output of kinora embed --bench")
    r.add_argument("--kinora-real", required=True, help="kinora embed JSON, golden texts, real model")
    r.add_argument("--kinora-synth", help="kinora embed JSON, golden texts, synthetic model")
    r.add_argument("--ref-texts", type=int, default=0, help="time the reference on the first N texts (0: all)")
    r.add_argument("--batch", type=int, default=32)
    r.add_argument("--runs", type=int, default=200)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--latency-index", type=int, default=0)
    r.add_argument("--no-sorted", dest="sorted", action="store_false",
                   help="skip the extra length-sorted reference throughput run")
    c = sub.add_parser("selfcheck", help="only the reference vs golden check on the synthetic model")
    c.add_argument("--synthetic", required=True)
    c.add_argument("--golden", required=True)
    e = sub.add_parser("texts", help="print the golden texts NUL-separated (for the shell script)")
    e.add_argument("--golden", required=True)
    a = p.parse_args()
    if a.cmd == "texts":
        # argv cannot carry U+0000: kinora gets such a text without it (report checks
        # that the tokenizer drops it anyway, so the ids are the same).
        for it in json.loads(Path(a.golden).read_text())["items"]:
            sys.stdout.write(it["text"].replace("\0", "") + "\0")
        return 0
    if a.cmd == "selfcheck":
        _, c = self_check(a.synthetic, json.loads(Path(a.golden).read_text()))
        print(f"min {c.min():.8f} mean {c.mean():.8f}")
        return 0 if c.min() >= PARITY else 1
    return report(a)


if __name__ == "__main__":
    sys.exit(main())

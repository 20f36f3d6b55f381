#!/usr/bin/env python3
"""ONNX Runtime side of bench/encoder_bench.sh: the same BERT as an ONNX graph on ORT's CPU EP.

The graph is written from model.safetensors with the `onnx` helper API (no torch), directly
in the com.microsoft fused form ONNX Runtime's transformer optimizer produces for BERT
(optimize_model(model_type="bert")):
  EmbedLayerNormalization (word + position + token-type embeddings, LayerNorm, mask index)
  -> N x [Attention (packed QKV GEMM, per-head softmax with the padding mask)
          -> MatMul + SkipLayerNormalization (bias + residual + LayerNorm)
          -> MatMul + BiasGelu (exact erf) -> MatMul + SkipLayerNormalization]
  -> mean pooling over the attention mask -> L2 normalisation (as sentence-transformers).
The session runs with ORT_ENABLE_ALL, intra_op_num_threads = kinora's --threads.

`report` checks the graph on the synthetic model against sentence-transformers' golden
embeddings, then times the real model (batch 32 in file order and length-sorted; one
sentence p50/p99, tokenisation included as in kinora, in rounds that alternate kinora and
ORT so that both see the same load) and prints ratios against kinora in the same run. Exits 1 on a failed correctness
check, never on slow numbers.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, str(Path(__file__).resolve().parent))
from encoder_reference import (PARITY, Reference, cosines, kinora_vectors,  # noqa: E402
                               parse_kinora_bench, parse_kinora_latency, percentile,
                               read_safetensors)

F32 = np.float32
MS = "com.microsoft"


def build_graph(model_dir: Path) -> onnx.ModelProto:
    model_dir = Path(model_dir)
    cfg = json.loads((model_dir / "config.json").read_text())
    hidden, heads = int(cfg["hidden_size"]), int(cfg["num_attention_heads"])
    eps = float(cfg["layer_norm_eps"])
    if cfg.get("hidden_act", "gelu") != "gelu":
        raise ValueError(f"unsupported hidden_act {cfg.get('hidden_act')}")
    w = read_safetensors(model_dir / "model.safetensors")
    inits, nodes = [], []

    def init(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr, dtype=F32), name))
        return name

    def t(name):
        return np.asarray(w[name], dtype=F32)

    nodes.append(helper.make_node("Cast", ["input_ids"], ["ids32"], to=TensorProto.INT32))
    nodes.append(helper.make_node("Cast", ["attention_mask"], ["mask32"], to=TensorProto.INT32))
    # All-zero token types, as sentence-transformers feeds them for one-segment input.
    nodes.append(helper.make_node("Mul", ["ids32", "zero_i32"], ["seg32"]))
    inits.append(numpy_helper.from_array(np.array(0, dtype=np.int32), "zero_i32"))
    nodes.append(helper.make_node(
        "EmbedLayerNormalization",
        ["ids32", "seg32", init("word", t("embeddings.word_embeddings.weight")),
         init("pos", t("embeddings.position_embeddings.weight")),
         init("type", t("embeddings.token_type_embeddings.weight")),
         init("emb_g", t("embeddings.LayerNorm.weight")), init("emb_b", t("embeddings.LayerNorm.bias")),
         "mask32"],
        ["x0", "mask_index"], domain=MS, epsilon=eps))
    x = "x0"
    for i in range(int(cfg["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        W = lambda n: t(p + n + ".weight").T  # nn.Linear holds W[out, in]
        b = lambda n: t(p + n + ".bias")
        qkv_w = np.concatenate([W("attention.self.query"), W("attention.self.key"),
                                W("attention.self.value")], axis=1)
        qkv_b = np.concatenate([b("attention.self.query"), b("attention.self.key"),
                                b("attention.self.value")])
        nodes.append(helper.make_node("Attention", [x, init(f"l{i}_qkv_w", qkv_w),
                                                    init(f"l{i}_qkv_b", qkv_b), "mask_index"],
                                      [f"l{i}_ctx"], domain=MS, num_heads=heads))
        nodes.append(helper.make_node("MatMul", [f"l{i}_ctx", init(f"l{i}_o_w", W("attention.output.dense"))],
                                      [f"l{i}_o"]))
        nodes.append(helper.make_node(
            "SkipLayerNormalization",
            [f"l{i}_o", x, init(f"l{i}_ln1_g", t(p + "attention.output.LayerNorm.weight")),
             init(f"l{i}_ln1_b", t(p + "attention.output.LayerNorm.bias")),
             init(f"l{i}_o_b", b("attention.output.dense"))],
            [f"l{i}_x1"], domain=MS, epsilon=eps))
        nodes.append(helper.make_node("MatMul", [f"l{i}_x1", init(f"l{i}_i_w", W("intermediate.dense"))],
                                      [f"l{i}_i"]))
        nodes.append(helper.make_node("BiasGelu", [f"l{i}_i", init(f"l{i}_i_b", b("intermediate.dense"))],
                                      [f"l{i}_g"], domain=MS))
        nodes.append(helper.make_node("MatMul", [f"l{i}_g", init(f"l{i}_out_w", W("output.dense"))],
                                      [f"l{i}_out"]))
        nodes.append(helper.make_node(
            "SkipLayerNormalization",
            [f"l{i}_out", f"l{i}_x1", init(f"l{i}_ln2_g", t(p + "output.LayerNorm.weight")),
             init(f"l{i}_ln2_b", t(p + "output.LayerNorm.bias")), init(f"l{i}_out_b", b("output.dense"))],
            [f"l{i}_x2"], domain=MS, epsilon=eps))
        x = f"l{i}_x2"
    # Mean pooling over the mask, then L2 normalisation (clamps as sentence-transformers).
    inits += [numpy_helper.from_array(np.array([1], dtype=np.int64), "ax1"),
              numpy_helper.from_array(np.array([-1], dtype=np.int64), "axm1"),
              numpy_helper.from_array(np.array(1e-9, dtype=F32), "eps_cnt"),
              numpy_helper.from_array(np.array(1e-12, dtype=F32), "eps_norm")]
    nodes += [
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "axm1"], ["maskf3"]),
        helper.make_node("Mul", [x, "maskf3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "ax1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["maskf", "ax1"], ["count"], keepdims=1),
        helper.make_node("Max", ["count", "eps_cnt"], ["count_c"]),
        helper.make_node("Div", ["summed", "count_c"], ["pooled"]),
        helper.make_node("ReduceL2", ["pooled", "axm1"], ["norm"], keepdims=1),
        helper.make_node("Max", ["norm", "eps_norm"], ["norm_c"]),
        helper.make_node("Div", ["pooled", "norm_c"], ["embedding"]),
    ]
    graph = helper.make_graph(
        nodes, "minilm",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", hidden])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18),
                                                    helper.make_opsetid(MS, 1)])
    model.ir_version = 8
    return model


class OrtEncoder:
    def __init__(self, model_dir: Path, threads: int, workdir: Path):
        self.ref = Reference(model_dir, 1)  # its tokenizer only (same settings)
        model = build_graph(model_dir)
        self.op_counts = Counter(n.op_type for n in model.graph.node)
        path = Path(workdir) / f"{Path(model_dir).name}.onnx"
        onnx.save(model, str(path))
        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = 1
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])

    def forward(self, ids, mask):
        return self.sess.run(["embedding"], {"input_ids": ids, "attention_mask": mask.astype(np.int64)})[0]

    def tokenize(self, texts):
        return self.ref.tokenize(texts)

    def encode(self, texts, batch=32):
        return np.concatenate([self.forward(*self.tokenize(texts[i:i + batch]))
                               for i in range(0, len(texts), batch)])


def report(a):
    ok = True
    golden = json.loads(Path(a.golden).read_text())
    catalog = json.loads(Path(a.catalog).read_text())
    g_texts = [it["text"] for it in golden["items"]]
    c_texts = [it["text"] for it in catalog["items"]]
    verdicts = []
    line = lambda s="": print(s, flush=True)
    line(f"onnxruntime {ort.__version__} (CPUExecutionProvider, ORT_ENABLE_ALL, "
         f"intra_op_num_threads {a.threads}), onnx {onnx.__version__}")

    line("== 4. ONNX Runtime reference self-check: vs sentence-transformers golden embeddings "
         "(synthetic weights) ==")
    syn = OrtEncoder(a.synthetic, a.threads, a.workdir)
    line("  graph ops: " + ", ".join(f"{k} {v}" for k, v in sorted(syn.op_counts.items())))
    c = cosines(syn.encode(g_texts), [it["embedding"] for it in golden["items"]])
    line(f"  {len(c)} golden sentences: cosine min {c.min():.8f} (1 - min = {1 - c.min():.1e}), "
         f"mean {c.mean():.8f}")
    passed = c.min() >= PARITY
    ok &= passed
    verdicts.append(("ORT self-check", f"{'PASS' if passed else 'FAIL'} (min cosine {c.min():.6f}, "
                     f"need >= {PARITY})"))
    del syn

    enc = OrtEncoder(a.model, a.threads, a.workdir)
    c = cosines(kinora_vectors(a.kinora_real), enc.encode(g_texts))
    line(f"  real weights, kinora vs ORT on the golden sentences: cosine min {c.min():.8f}")
    passed = c.min() > PARITY
    ok &= passed
    verdicts.append(("kinora vs ORT (real)", f"{'PASS' if passed else 'FAIL'} (min cosine {c.min():.6f})"))
    line()

    # Sections 5 and 6 alternate kinora (in its own process: embed --bench warms up and
    # times only the calls, not the model load) with ORT (in this one), round by round,
    # so both see the same minute of load on a shared machine.
    def kinora_bench(bench_file, runs, lat_text):
        return subprocess.run([a.kinora, "embed", "--model", a.model, "--threads", str(a.threads),
                               "--batch", str(a.batch), "--runs", str(runs), "--latency-text",
                               lat_text, "--bench", str(bench_file)],
                              check=True, capture_output=True, text=True).stdout

    def load():
        return open("/proc/loadavg").read().split()[0]

    line(f"== 5. Throughput vs ONNX Runtime, batch {a.batch}, {a.threads} threads, timed "
         f"alternately: {a.throughput_rounds} rounds ==")
    enc.encode(c_texts[:a.batch], batch=a.batch)  # warm-up

    def timed(texts):
        t0 = time.perf_counter()
        padded = 0
        for i in range(0, len(texts), a.batch):
            ids, mask = enc.tokenize(texts[i:i + a.batch])
            enc.forward(ids, mask)
            padded += ids.size
        return len(texts) / (time.perf_counter() - t0), padded / len(texts)

    order = sorted(range(len(c_texts)), key=lambda i: -len(c_texts[i]))
    sorted_texts = [c_texts[i] for i in order]
    tp = []
    for r in range(a.throughput_rounds):
        (Path(a.workdir) / "round_bench.txt").write_text(kinora_bench(a.catalog, 1, g_texts[0]))
        k = parse_kinora_bench(Path(a.workdir) / "round_bench.txt")["tps"]
        (f, f_pad), (srt, s_pad) = timed(c_texts), timed(sorted_texts)
        tp.append((k, f, srt))
        line(f"  round {r + 1}: kinora {k:6.1f} | ORT file order {f:6.1f}, length-sorted {srt:6.1f} "
             f"texts/s | load {load()}")
    k_tps, f_tps, s_tps = (statistics.median(x[i] for x in tp) for i in range(3))
    line(f"  median of rounds: kinora {k_tps:.1f} texts/s (file order, {len(c_texts)} texts)")
    line(f"  ORT, file order:     {f_tps:7.1f} texts/s ({f_pad:.1f} tokens/text with padding); "
         f"kinora/ORT {k_tps / f_tps:.2f}x")
    line(f"  ORT, length-sorted:  {s_tps:7.1f} texts/s ({s_pad:.1f} tokens/text with padding); "
         f"kinora/ORT {k_tps / s_tps:.2f}x")
    verdicts.append(("throughput vs ORT", f"kinora {k_tps:.1f}, ORT {f_tps:.1f} file order "
                     f"({k_tps / f_tps:.2f}x), {s_tps:.1f} length-sorted ({k_tps / s_tps:.2f}x), "
                     f"median of {a.throughput_rounds} rounds"))
    line()

    lat_text = g_texts[a.latency_index]
    line(f"== 6. Latency vs ONNX Runtime, 1 sentence (golden #{a.latency_index}), batch 1, "
         f"timed alternately: {a.rounds} rounds of {a.runs} runs each ==")
    one = Path(a.workdir) / "latency_text.json"
    one.write_text(json.dumps([lat_text]))
    for _ in range(10):
        enc.forward(*enc.tokenize([lat_text]))
    rounds = []
    for r in range(a.rounds):
        k = parse_kinora_latency(kinora_bench(one, a.runs, lat_text))
        ms = []
        for _ in range(a.runs):
            s = time.perf_counter()
            enc.forward(*enc.tokenize([lat_text]))
            ms.append((time.perf_counter() - s) * 1000)
        o = (percentile(ms, 50), percentile(ms, 99))
        rounds.append((k, o))
        line(f"  round {r + 1}: kinora p50 {k[0]:6.2f} ms, p99 {k[1]:6.2f} ms | "
             f"ORT p50 {o[0]:6.2f} ms, p99 {o[1]:6.2f} ms | load {load()}")
    k50 = statistics.median(k[0] for k, _ in rounds)
    k99 = statistics.median(k[1] for k, _ in rounds)
    o50 = statistics.median(o[0] for _, o in rounds)
    o99 = statistics.median(o[1] for _, o in rounds)
    wins = sum(k[0] <= o[0] for k, o in rounds)
    line(f"  median of rounds: kinora p50 {k50:.2f} ms, p99 {k99:.2f} ms; ORT p50 {o50:.2f} ms, "
         f"p99 {o99:.2f} ms")
    line(f"  ratio ORT/kinora: p50 {o50 / k50:.2f}x, p99 {o99 / k99:.2f}x (>1: kinora faster); "
         f"kinora's p50 <= ORT's in {wins} of {a.rounds} rounds")
    verdicts.append(("latency vs ORT", f"p50 kinora {k50:.2f} / ORT {o50:.2f} ms ({o50 / k50:.2f}x), "
                     f"p99 {k99:.2f} / {o99:.2f} ms ({o99 / k99:.2f}x), kinora <= ORT in "
                     f"{wins}/{a.rounds} rounds"))
    line()
    line("== Verdicts (ONNX Runtime) ==")
    for name, v in verdicts:
        line(f"  {name + ':':24s} {v}")
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True)
    p.add_argument("--synthetic", required=True)
    p.add_argument("--golden", required=True)
    p.add_argument("--catalog", required=True)
    p.add_argument("--kinora-real", required=True, help="kinora embed JSON, golden texts, real model")
    p.add_argument("--workdir", required=True, help="where the .onnx files are written")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--latency-index", type=int, default=0)
    p.add_argument("--kinora", required=True, help="the kinora binary, for the alternating latency rounds")
    p.add_argument("--rounds", type=int, default=5, help="alternating latency rounds")
    p.add_argument("--throughput-rounds", type=int, default=3, help="alternating throughput rounds")
    return report(p.parse_args())


if __name__ == "__main__":
    sys.exit(main())

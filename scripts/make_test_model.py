#!/usr/bin/env python3
"""Build models/test-opus-mt-ar-en: a small random-weight stand-in for Helsinki-NLP/opus-mt-ar-en.

The folder has the hub repo's file layout (config.json, generation_config.json,
tokenizer_config.json, source.spm, target.spm, vocab.json, pytorch_model.bin) plus the
model.safetensors that the hub's conversion bot adds on a PR branch. The weights are random, so the
English it produces is meaningless; it exists so that the Rust engine can be checked token for
token against Hugging Face transformers without Python, network or hub access (see
scripts/make_references.py for the reference outputs).

What is real and what is not:
  * config.json / generation_config.json: the real opus-mt-ar-en keys and values, except the sizes
    (d_model 32, 2+2 layers, 4 heads, ffn 64, vocab = union of the two SentencePiece vocabularies
    plus <pad>). max_position_embeddings stays 512.
  * source.spm / target.spm: unigram SentencePiece models trained here (8000 pieces requested,
    hard_vocab_limit off, character_coverage 1.0, nmt_nfkc: the OPUS-MT-train flags except the
    size) on real text: the Arabic verses and English translation of the npm package
    quran-json 3.1.2 (CC-BY-4.0), plus the repository's sample news page
    (samples/000_1fa0ea5cd19dd44f.txt) five times over.
  * vocab.json: Marian layout, "</s>": 0, "<unk>": 1, target pieces, then source-only pieces,
    "<pad>": last id. Written like transformers' Marian converter (compact json.dump, \\u escapes).
  * Weights, three ways, identical values:
      model.safetensors   key set of the hub's safetensors conversion (model.shared.weight,
                          final_logits_bias, layer weights; no tied copies, no positions)
      pytorch_model.bin   LEGACY pre-zip torch format (as the 2020 hub file) with the 2020 key set:
                          model.shared.weight, model.{encoder,decoder}.embed_tokens.weight sharing
                          its storage, stored sinusoidal model.{encoder,decoder}.embed_positions.weight,
                          final_logits_bias, no lm_head.weight
      tests/fixtures/weights/pytorch_model.zip.bin
                          zip torch format (torch >= 1.6) with the newer key set: the tied copies
                          and lm_head.weight all share one storage; no positions
    q_proj/k_proj weights are drawn x6 larger so attention is sharp and outputs depend on the input;
    final_logits_bias[</s>] is 3.75 so that some outputs end before the length limit.

Set-up (a venv from PyPI; npm is needed once to fetch the corpus):
    python3 -m venv .venv && .venv/bin/pip install torch transformers sentencepiece safetensors sacremoses numpy protobuf
Run from the repository root (scripts/make_fixtures.sh runs this and make_references.py):
    .venv/bin/python scripts/make_test_model.py [--work-dir target/fixtures-work] [--quran-tgz FILE]
The corpus goes to --work-dir (git-ignored, never committed). Everything is seeded and SentencePiece
is trained single-threaded with relative paths, so reruns give byte-identical files.
"""
import argparse
import warnings
import collections
import contextlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODEL_DIR = REPO / "models" / "test-opus-mt-ar-en"
ZIP_BIN = REPO / "tests" / "fixtures" / "weights" / "pytorch_model.zip.bin"
SAMPLE = REPO / "samples" / "000_1fa0ea5cd19dd44f.txt"

SEED = 20240601
QK_GAIN = 6.0
# Random weights almost never pick </s>; a fixed bias on its logit makes some outputs end before
# the length limit (so natural stops and finished beam hypotheses are exercised) and others not.
EOS_BIAS = 3.75
QURAN_PKG = "quran-json@3.1.2"
QURAN_TGZ = "quran-json-3.1.2.tgz"
QURAN_TGZ_SHA256 = "d1454352cae9c7506d28d160486b2eb62472d45e36e01cee192d8ade889a6d49"
SPM_PIECES = 8000
TINY = dict(d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
            decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64)

# Values of Helsinki-NLP/opus-mt-ar-en config.json (sizes are replaced by TINY and the vocab).
REAL_CONFIG = {
    "_num_labels": 3,
    "activation_dropout": 0.0,
    "activation_function": "swish",
    "add_bias_logits": False,
    "add_final_layer_norm": False,
    "architectures": ["MarianMTModel"],
    "attention_dropout": 0.0,
    "bad_words_ids": None,  # [[pad]]
    "bos_token_id": 0,
    "classif_dropout": 0.0,
    "classifier_dropout": 0.0,
    "d_model": 512,
    "decoder_attention_heads": 8,
    "decoder_ffn_dim": 2048,
    "decoder_layerdrop": 0.0,
    "decoder_layers": 6,
    "decoder_start_token_id": None,  # pad
    "decoder_vocab_size": None,
    "dropout": 0.1,
    "encoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "encoder_layerdrop": 0.0,
    "encoder_layers": 6,
    "eos_token_id": 0,
    "forced_eos_token_id": 0,
    "id2label": {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"},
    "init_std": 0.02,
    "is_encoder_decoder": True,
    "label2id": {"LABEL_0": 0, "LABEL_1": 1, "LABEL_2": 2},
    "max_length": 512,
    "max_position_embeddings": 512,
    "model_type": "marian",
    "normalize_before": False,
    "normalize_embedding": False,
    "num_beams": 4,
    "num_hidden_layers": 6,
    "pad_token_id": None,  # vocab - 1
    "scale_embedding": True,
    "share_encoder_decoder_embeddings": True,
    "static_position_embeddings": True,
    "torch_dtype": "float32",
    "use_cache": True,
    "vocab_size": None,
}
# The hub file's "transformers_version" values (config: "Add TF weights" 2022, generation config:
# "set renormalize_logits=True" 2023).
HUB_CONFIG_VERSION = "4.22.0.dev0"
HUB_GENERATION_VERSION = "4.32.0.dev0"


def sh(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


@contextlib.contextmanager
def chdir(path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def sha256(path):
    import hashlib
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ----------------------------------------------------------------------------------- corpus
ARABIC_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]")


def strip_diacritics(s):
    """Undiacritised copy of a verse: closer to modern news spelling."""
    return ARABIC_MARKS.sub("", s).replace("\u0671", "\u0627")  # alef wasla -> alef


def fetch_quran(work, quran_tgz=None):
    """Unpack dist/quran_en.json of quran-json 3.1.2 into work/package; returns its path."""
    qjson = work / "package" / "dist" / "quran_en.json"
    if qjson.exists():
        return qjson
    tgz = work / QURAN_TGZ
    if not tgz.exists():
        if quran_tgz:
            shutil.copy(quran_tgz, tgz)
        else:
            sh(["npm", "pack", QURAN_PKG], cwd=work)
    got = sha256(tgz)
    if got != QURAN_TGZ_SHA256:
        sys.exit(f"{tgz}: sha256 {got}, expected {QURAN_TGZ_SHA256} ({QURAN_PKG})")
    sh(["tar", "xzf", QURAN_TGZ, "package/dist/quran_en.json", "package/LICENSE.txt"], cwd=work)
    return qjson


def sample_lines():
    text = SAMPLE.read_text(encoding="utf-8")
    return [l.strip() for l in text.splitlines() if l.strip()]


def build_corpora(work, qjson):
    quran = json.loads(qjson.read_text(encoding="utf-8"))
    ar, en = [], []
    for chapter in quran:
        for verse in chapter["verses"]:
            t = unicodedata.normalize("NFC", verse["text"]).strip()
            ar.append(t)
            ar.append(strip_diacritics(t))
            en.append(verse["translation"].strip())
    ar.extend(sample_lines() * 5)  # upweight the only modern-standard Arabic we have
    (work / "ar.txt").write_text("\n".join(ar) + "\n", encoding="utf-8")
    (work / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    print(f"corpus: ar {len(ar)} lines, en {len(en)} lines")


# ----------------------------------------------------------------------------------- SentencePiece
def train_spm(work, inp, prefix):
    """Trained from inside work with relative names: the .spm records input and prefix strings."""
    import sentencepiece as spm
    with chdir(work):
        spm.SentencePieceTrainer.train(
            input=inp, model_prefix=prefix, model_type="unigram", vocab_size=SPM_PIECES,
            hard_vocab_limit=False, character_coverage=1.0, num_threads=1,
            shuffle_input_sentence=False, seed_sentencepiece_size=1000000, input_sentence_size=0,
            unk_id=0, bos_id=1, eos_id=2, pad_id=-1, minloglevel=2,
        )
    return work / f"{prefix}.model"


def build_vocab(src_spm, tgt_spm):
    """Marian layout: '</s>':0, '<unk>':1, target pieces, source-only pieces, '<pad>': last."""
    import sentencepiece as spm
    vocab = {"</s>": 0, "<unk>": 1}
    for path in (tgt_spm, src_spm):
        sp = spm.SentencePieceProcessor(model_file=str(path))
        for i in range(sp.get_piece_size()):
            if sp.is_unknown(i) or sp.is_control(i):
                continue
            vocab.setdefault(sp.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    return vocab


# ----------------------------------------------------------------------------------- weights
def randomize_(model, seed):
    """Deterministic random weights; every tensor (biases, layer norms, final_logits_bias) is
    non-trivial so a parity check exercises all of them."""
    import torch
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in sorted(model.named_parameters(remove_duplicate=True)):
            if "embed_positions" in name:
                continue  # static sinusoids, as computed by transformers
            if name.endswith("shared.weight"):
                p.normal_(0.0, p.shape[1] ** -0.5, generator=g)
                p[model.config.pad_token_id].zero_()  # as the converter: pad row is zero
            elif "layer_norm" in name and name.endswith(".weight"):
                p.normal_(1.0, 0.1, generator=g)
            elif name.endswith(".bias"):
                p.normal_(0.0, 0.1, generator=g)
            elif name.endswith(("q_proj.weight", "k_proj.weight")):
                # sharp attention: outputs depend on position and source, not one repeated token
                p.normal_(0.0, QK_GAIN * p.shape[1] ** -0.5, generator=g)
            elif p.dim() == 2:
                p.normal_(0.0, p.shape[1] ** -0.5, generator=g)
            else:
                raise RuntimeError(f"unexpected parameter {name} {tuple(p.shape)}")
        model.final_logits_bias.normal_(0.0, 0.1, generator=g)
        model.final_logits_bias[0, model.config.pad_token_id] = 0.0  # as the converter
        model.final_logits_bias[0, model.config.eos_token_id] = EOS_BIAS


def layer_keys(sd):
    return [k for k in sd if ".layers." in k]


def safetensors_dict(sd):
    """Key set of the hub's safetensors conversion: tied copies and positions dropped."""
    keys = ["final_logits_bias", "model.shared.weight"] + layer_keys(sd)
    return {k: sd[k].detach().clone().contiguous() for k in keys}


def legacy_dict(sd, positions):
    """2020 key set and order (own buffer first, then model.*): tied embed_tokens share the
    storage of model.shared.weight, sinusoidal positions stored, no lm_head.weight."""
    import torch
    shared = sd["model.shared.weight"].detach().clone().contiguous()
    out = collections.OrderedDict()
    out["final_logits_bias"] = sd["final_logits_bias"].detach().clone().contiguous()
    out["model.shared.weight"] = shared
    for side in ("encoder", "decoder"):
        out[f"model.{side}.embed_tokens.weight"] = shared
        out[f"model.{side}.embed_positions.weight"] = positions[side].clone().contiguous()
        for k in layer_keys(sd):
            if k.startswith(f"model.{side}."):
                out[k] = sd[k].detach().clone().contiguous()
    # a real state_dict carries per-module version metadata; keep that shape of pickle
    meta = collections.OrderedDict()
    for prefix in ["", "model", "model.shared", "model.encoder", "model.encoder.embed_tokens",
                   "model.encoder.embed_positions", "model.decoder", "model.decoder.embed_tokens",
                   "model.decoder.embed_positions"]:
        meta[prefix] = {"version": 1}
    out._metadata = meta
    assert all(t.dtype == torch.float32 for t in out.values())
    return out


def zip_dict(sd):
    """Newer .bin key set (transformers 4.x save_pretrained): all four embedding names share one
    storage, lm_head.weight present, positions dropped."""
    shared = sd["model.shared.weight"].detach().clone().contiguous()
    out = collections.OrderedDict()
    out["final_logits_bias"] = sd["final_logits_bias"].detach().clone().contiguous()
    out["model.shared.weight"] = shared
    for side in ("encoder", "decoder"):
        out[f"model.{side}.embed_tokens.weight"] = shared
        for k in layer_keys(sd):
            if k.startswith(f"model.{side}."):
                out[k] = sd[k].detach().clone().contiguous()
    out["lm_head.weight"] = shared
    return out


def save_legacy(sd, path):
    """torch's legacy (pre-1.6, non-zip) format, as torch.save(..., _use_new_zipfile_serialization
    =False) writes it, except that storage keys are a counter ("0", "1", ...) in first-use order
    instead of memory addresses, so the file is reproducible. Layout: five pickles (protocol 2):
    magic number, protocol version 1001, sys_info, the state dict (tensors as
    torch._utils._rebuild_tensor_v2 with persistent-id storages), the sorted list of storage keys;
    then per key in that order an int64 LE element count and the raw little-endian data."""
    import pickle
    import torch
    storages = {}  # data_ptr -> (key, TypedStorage)
    warnings.filterwarnings("ignore", message="TypedStorage is deprecated")

    class LegacyPickler(pickle.Pickler):
        def persistent_id(self, obj):
            if not isinstance(obj, torch.storage.TypedStorage):
                return None
            assert obj.dtype == torch.float32 and obj.device.type == "cpu"
            key = storages.setdefault(obj.data_ptr(), (str(len(storages)), obj))[0]
            return ("storage", torch.FloatStorage, key, "cpu", obj.size(), None)

    sys_info = {"protocol_version": 1001, "little_endian": True,
                "type_sizes": {"short": 2, "int": 4, "long": 4}}
    with open(path, "wb") as f:
        pickle.dump(0x1950A86A20F9469CFC6C, f, protocol=2)
        pickle.dump(1001, f, protocol=2)
        pickle.dump(sys_info, f, protocol=2)
        LegacyPickler(f, protocol=2).dump(sd)
        by_key = {key: st for key, st in storages.values()}
        keys = sorted(by_key)
        pickle.dump(keys, f, protocol=2)
        for key in keys:
            st = by_key[key]
            f.write(struct.pack("<q", st.size()))
            f.write(torch.empty(0, dtype=torch.float32).set_(st).numpy().tobytes())


def fix_zip_serialization_id(path):
    """torch writes a random .data/serialization_id record; make it constant (same length) and
    patch the CRC-32 in the local and central headers, so reruns are byte-identical."""
    data = bytearray(Path(path).read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        infos = [i for i in z.infolist() if i.filename.endswith(".data/serialization_id")]
    for info in infos:
        assert info.compress_type == zipfile.ZIP_STORED
        (name_len, extra_len) = struct.unpack_from("<HH", data, info.header_offset + 26)
        start = info.header_offset + 30 + name_len + extra_len
        new = b"0" * info.file_size
        data[start:start + info.file_size] = new
        crc = zlib.crc32(new)
        struct.pack_into("<I", data, info.header_offset + 14, crc)
        # central directory entry: find it by the file name after the signature
        name = info.filename.encode()
        pos = 0
        while True:
            pos = data.find(b"PK\x01\x02", pos)
            assert pos >= 0, "central directory entry not found"
            n = struct.unpack_from("<H", data, pos + 28)[0]
            if bytes(data[pos + 46:pos + 46 + n]) == name:
                struct.pack_into("<I", data, pos + 16, crc)
                break
            pos += 4
    Path(path).write_bytes(bytes(data))
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None


def gen_config(pad):
    """generation_config.json of the hub repo (after 'set renormalize_logits=True')."""
    return {
        "bad_words_ids": [[pad]], "bos_token_id": 0, "decoder_start_token_id": pad,
        "eos_token_id": 0, "forced_eos_token_id": 0, "max_length": 512, "num_beams": 4,
        "pad_token_id": pad, "renormalize_logits": True,
        "transformers_version": HUB_GENERATION_VERSION,
    }


def write_json(path, obj, **kw):
    Path(path).write_text(json.dumps(obj, **kw) + ("\n" if kw.get("indent") else ""),
                          encoding="utf-8")


README = """\
# test-opus-mt-ar-en: random-weight test model

A tiny stand-in for [Helsinki-NLP/opus-mt-ar-en](https://huggingface.co/Helsinki-NLP/opus-mt-ar-en)
in the same file layout, built by `scripts/make_test_model.py` (rerun `scripts/make_fixtures.sh`
to regenerate it byte for byte). **The weights are random: its English is meaningless.** It
exists so that tests can check the engine token for token against Hugging Face transformers
(`tests/fixtures/reference.json`) with no Python, network or hub access.

* config.json, generation_config.json, tokenizer_config.json: the real model's keys and values,
  except the sizes: d_model {d_model}, {enc}+{dec} layers, {heads} heads, ffn {ffn}, vocab {vocab}
  (pad = decoder start = {pad}, eos = 0). max_position_embeddings is 512, as in the real model.
* source.spm / target.spm: unigram SentencePiece models trained on real Arabic and English text
  (the Qur'an and its Saheeh International translation from the npm package quran-json 3.1.2,
  CC-BY-4.0, and the repository's sample page). vocab.json: their union in Marian's layout.
* model.safetensors (hub conversion key set) and pytorch_model.bin (legacy pre-zip torch format,
  2020 key set with tied copies and stored positions) hold the same weights;
  tests/fixtures/weights/pytorch_model.zip.bin holds them in the zip format with lm_head.weight.
* Weights are seeded normal draws; q_proj/k_proj are 6x larger (sharp attention, so the output
  depends on the input) and final_logits_bias of `</s>` is {eos_bias} (some outputs end before
  the length limit, others hit it). The `<pad>` embedding row and bias are zero, as in converted
  opus-mt checkpoints.
"""


def build(work, quran_tgz):
    import torch
    import transformers
    from transformers import GenerationConfig, MarianConfig, MarianMTModel

    work.mkdir(parents=True, exist_ok=True)
    qjson = fetch_quran(work, quran_tgz)
    build_corpora(work, qjson)
    src_spm = train_spm(work, "ar.txt", "source")
    tgt_spm = train_spm(work, "en.txt", "target")
    vocab = build_vocab(src_spm, tgt_spm)
    V = len(vocab)
    pad = V - 1
    print(f"vocab {V} (pad {pad})")

    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    MODEL_DIR.mkdir(parents=True)
    shutil.copy(src_spm, MODEL_DIR / "source.spm")
    shutil.copy(tgt_spm, MODEL_DIR / "target.spm")
    (MODEL_DIR / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (MODEL_DIR / "tokenizer_config.json").write_text('{"target_lang": "en", "source_lang": "ar"}',
                                                     encoding="utf-8")

    cfg = dict(REAL_CONFIG)
    cfg.update(TINY)
    cfg.update(vocab_size=V, decoder_vocab_size=V, pad_token_id=pad, decoder_start_token_id=pad,
               bad_words_ids=[[pad]], num_hidden_layers=TINY["encoder_layers"])
    cfg["_name_or_path"] = "test-opus-mt-ar-en (random weights; scripts/make_test_model.py)"
    cfg["transformers_version"] = HUB_CONFIG_VERSION
    write_json(MODEL_DIR / "config.json", dict(sorted(cfg.items())), indent=2)
    write_json(MODEL_DIR / "generation_config.json", gen_config(pad), indent=2)

    model_keys = {k: v for k, v in cfg.items()
                  if k not in ("architectures", "torch_dtype", "id2label", "label2id", "_num_labels",
                               "max_length", "num_beams", "bad_words_ids", "num_hidden_layers",
                               "model_type", "_name_or_path", "transformers_version")}
    torch.manual_seed(SEED)
    model = MarianMTModel(MarianConfig(**model_keys)).eval()
    randomize_(model, SEED + 1)
    sd = model.state_dict()
    positions = {side: getattr(model.model, side).embed_positions.weight.detach()
                 for side in ("encoder", "decoder")}

    from safetensors.torch import save_file
    save_file(safetensors_dict(sd), MODEL_DIR / "model.safetensors", metadata={"format": "pt"})
    save_legacy(legacy_dict(sd, positions), MODEL_DIR / "pytorch_model.bin")
    os.chmod(MODEL_DIR / "model.safetensors", 0o644)
    ZIP_BIN.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # saved under the hub name so the archive's inner folder is "pytorch_model/"
        tmp_bin = Path(tmp) / "pytorch_model.bin"
        torch.save(zip_dict(sd), tmp_bin)
        fix_zip_serialization_id(tmp_bin)
        shutil.copy(tmp_bin, ZIP_BIN)
    (MODEL_DIR / "README.md").write_text(README.format(
        d_model=TINY["d_model"], enc=TINY["encoder_layers"], dec=TINY["decoder_layers"],
        heads=TINY["encoder_attention_heads"], ffn=TINY["encoder_ffn_dim"], vocab=V, pad=pad,
        eos_bias=EOS_BIAS),
        encoding="utf-8")
    n_params = sum(p.numel() for p in model.parameters())
    print(f"params {n_params:,}; transformers {transformers.__version__}, torch {torch.__version__}")
    verify(model)


def verify(ref_model):
    """All three weight files load in transformers with bit-identical tensors and give the same
    greedy and beam outputs; the tokenizer loads with the expected special ids."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    tok = MarianTokenizer.from_pretrained(MODEL_DIR)
    V = len(tok.encoder)
    assert (tok.pad_token_id, tok.eos_token_id, tok.unk_token_id) == (V - 1, 0, 1)
    texts = sample_lines()[:6] + ["مرحبا"]
    enc = tok(texts, return_tensors="pt", padding=True)
    ref_sd = ref_model.state_dict()
    outs = {}
    with tempfile.TemporaryDirectory() as tmp:
        zdir = Path(tmp)
        for f in ("config.json", "generation_config.json"):
            shutil.copy(MODEL_DIR / f, zdir / f)
        shutil.copy(ZIP_BIN, zdir / "pytorch_model.bin")
        for name, path, st in (("safetensors", MODEL_DIR, True), ("legacy-bin", MODEL_DIR, False),
                               ("zip-bin", zdir, False)):
            m = MarianMTModel.from_pretrained(path, use_safetensors=st).eval()
            msd = m.state_dict()
            for k in ref_sd:
                assert torch.equal(msd[k], ref_sd[k]), f"{name}: {k} differs after reload"
            with torch.no_grad():
                g = m.generate(**enc, num_beams=1, do_sample=False, max_new_tokens=24).tolist()
                b = m.generate(**enc, num_beams=4, do_sample=False, max_new_tokens=24).tolist()
            outs[name] = (g, b)
    assert outs["safetensors"] == outs["legacy-bin"] == outs["zip-bin"], "outputs differ"
    print("verify: the three weight files reload bit-identically and give identical outputs")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work-dir", type=Path, default=REPO / "target" / "fixtures-work",
                    help="corpus and SentencePiece training folder (default: target/fixtures-work)")
    ap.add_argument("--quran-tgz", type=Path,
                    help=f"local {QURAN_TGZ} instead of `npm pack {QURAN_PKG}`")
    a = ap.parse_args()
    build(a.work_dir.resolve(), a.quran_tgz)


if __name__ == "__main__":
    main()

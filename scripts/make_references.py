#!/usr/bin/env python3
"""Reference outputs of Hugging Face transformers for models/test-opus-mt-ar-en.

Writes
  tests/fixtures/reference.json        per sentence (the sample page's distinct non-empty lines,
                                       3 Qur'an verses, extras, one of exactly 512 ids): input
                                       ids/pieces, first-step logits (full vector for 8, top 20
                                       for the rest), greedy ids/text/min top-2 gap/per-step top 5,
                                       beam-4 ids/score/text; encoder-output probes; one padded
                                       batch of all sentences (greedy, beam 4); generation-option
                                       cases (min_new_tokens, no_repeat_ngram_size,
                                       repetition_penalty, length limit, min = max); a too-long
                                       input; checks: all three weight files, float64 rerun
  tests/fixtures/tokenizer_cases.json  MarianTokenizer encode/decode cases, OPUS punctuation
                                       normalisation cases (two variants), target.spm pieces
  The strings come from scripts/tokenizer_strings.py.

so the Rust tests can prove token-for-token parity with no Python. Run after
scripts/make_test_model.py, from the repository root (scripts/make_fixtures.sh runs both):
    .venv/bin/python scripts/make_references.py [--quran-json FILE]
Set-up of the venv (PyPI):
    python3 -m venv .venv && .venv/bin/pip install torch transformers sentencepiece safetensors sacremoses numpy protobuf
--quran-json defaults to target/fixtures-work/package/dist/quran_en.json, left there by
make_test_model.py. The output is deterministic (one CPU thread, fixed seeds): reruns with the
same library versions give byte-identical files.
"""
import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODEL_DIR = REPO / "models" / "test-opus-mt-ar-en"
SAMPLE = REPO / "samples" / "000_1fa0ea5cd19dd44f.txt"
REFERENCE = REPO / "tests" / "fixtures" / "reference.json"
TOKENIZER_CASES = REPO / "tests" / "fixtures" / "tokenizer_cases.json"
MAX_NEW = 24
FULL_LOGITS_SENTENCES = 8  # full first-step vectors for this many sentences, top-k for the rest
TOP_K = 20
SEED = 7

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tokenizer_strings  # noqa: E402  (the string lists, kept apart from the logic)


def versions():
    import numpy
    import sacremoses
    import sentencepiece
    import torch
    import transformers
    return {"python": sys.version.split()[0], "torch": torch.__version__,
            "transformers": transformers.__version__, "sentencepiece": sentencepiece.__version__,
            "sacremoses": sacremoses.__version__, "numpy": numpy.__version__}


def sample_lines():
    """Non-empty lines of the sample page, stripped, first occurrence of each."""
    seen, out = set(), []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and line not in seen:
            seen.add(line)
            out.append(line)
    return out


def quran_verses(qjson):
    q = json.loads(qjson.read_text(encoding="utf-8"))
    # Al-Fatiha 1:1, Al-Ikhlas 112:1, Ayat al-Kursi 2:255 (long, fully diacritised)
    return [q[0]["verses"][0]["text"], q[111]["verses"][0]["text"], q[1]["verses"][254]["text"]]


def reference_sentences(qjson):
    return sample_lines() + quran_verses(qjson) + tokenizer_strings.EXTRA_SENTENCES


def exactly_512(tok, sentences):
    """The longest sentence extended word by word (words of the other sentences) until its input
    ids number exactly 512, the model's position limit (positions 0..511)."""
    base = max(sentences, key=lambda t: len(tok(t).input_ids))
    words = [w for t in sentences if t != base for w in t.split()]
    text = base
    for w in words:
        n = len(tok(text + " " + w).input_ids)
        if n <= 512:
            text = text + " " + w
        if n == 512:
            return text
    raise RuntimeError("could not build a 512-id sentence")


def too_long(tok, sentences):
    """A text over the limit: the two longest sentences joined (transformers fails on it)."""
    a, b = sorted(sentences, key=lambda t: -len(tok(t).input_ids))[:2]
    text = a + " " + b
    return {"text": text, "input_len": len(tok(text).input_ids)}


def r6(x):
    return round(float(x), 6)


def strip_pads_after_eos(row, eos):
    """Batched generate pads finished rows; keep everything up to the first EOS after start."""
    out = [row[0]]
    for t in row[1:]:
        out.append(t)
        if t == eos:
            break
    return out


def generate(model, enc, **settings):
    import torch
    with torch.no_grad():
        return model.generate(**enc, do_sample=False, output_scores=True,
                              return_dict_in_generate=True, **settings)


def full_logit_choice(tok, sentences):
    """Sentences that get the full first-step logit vector: the first four lines of the page, the
    two longest inputs (high positions), the first Qur'an verse and the one-word greeting."""
    lengths = [len(tok(t).input_ids) for t in sentences]
    longest = sorted(range(len(sentences)), key=lambda i: -lengths[i])[:2]
    verse = len(sample_lines())
    hello = sentences.index("مرحبا")
    chosen = sorted(set([0, 1, 2, 3] + longest + [verse, hello]))
    assert len(chosen) == FULL_LOGITS_SENTENCES, chosen
    return chosen


def build_reference(tok, model, sentences, vers):
    import torch
    pad = model.config.pad_token_id
    eos = model.config.eos_token_id
    full = full_logit_choice(tok, sentences)
    items, probes = [], []
    for i, text in enumerate(sentences):
        enc = tok([text], return_tensors="pt")
        ids = enc.input_ids[0].tolist()
        assert len(ids) <= 512, (len(ids), text[:40])
        with torch.no_grad():
            out = model(**enc, decoder_input_ids=torch.tensor([[pad]]))
        logits = out.logits[0, -1]
        if i in full[:1] or text == "مرحبا":
            probes.append({"sentence": i, "encoder_last_hidden_state": [
                [r6(x) for x in row] for row in out.encoder_last_hidden_state[0]]})
        g = generate(model, enc, num_beams=1, max_new_tokens=MAX_NEW, output_logits=True)
        b = generate(model, enc, num_beams=4, max_new_tokens=MAX_NEW)
        gaps = []
        for s in g.scores:  # processed scores (pad masked, renormalised): top-2 margin per step
            top2 = torch.topk(s[0], 2).values
            gaps.append(float(top2[0] - top2[1]))
        g_ids = g.sequences[0].tolist()
        b_ids = b.sequences[0].tolist()
        item = {"text": text, "input_ids": ids, "input_pieces": tok.convert_ids_to_tokens(ids)}
        if i in full:
            item["first_step_logits"] = [r6(x) for x in logits]
        else:
            top = torch.topk(logits, TOP_K)
            item["first_step_top"] = {"ids": top.indices.tolist(),
                                      "logits": [r6(x) for x in top.values]}
        item.update({
            "greedy_ids": g_ids,
            "greedy_text": tok.decode(g_ids, skip_special_tokens=True),
            "greedy_min_top2_gap": r6(min(gaps)),
            "greedy_step_top5": {  # raw logits along the greedy path: locates a divergence
                "ids": [torch.topk(l[0], 5).indices.tolist() for l in g.logits],
                "logits": [[r6(v) for v in torch.topk(l[0], 5).values] for l in g.logits]},
            "beam4_ids": b_ids,
            "beam4_score": r6(b.sequences_scores[0]),
            "beam4_text": tok.decode(b_ids, skip_special_tokens=True),
        })
        items.append(item)
        print(f"{i:2d} in {len(ids):3d}  greedy {len(g_ids) - 1:2d} gap {min(gaps):.5f}  "
              f"beam {len(b_ids) - 1:2d} {float(b.sequences_scores[0]):.4f}", flush=True)

    enc = tok(sentences, return_tensors="pt", padding=True)
    batched = {}
    for key, beams in (("greedy_ids", 1), ("beam4_ids", 4)):
        out = generate(model, enc, num_beams=beams, max_new_tokens=MAX_NEW)
        batched[key] = [strip_pads_after_eos(r, eos) for r in out.sequences.tolist()]
    same_g = sum(a == it["greedy_ids"] for a, it in zip(batched["greedy_ids"], items))
    same_b = sum(a == it["beam4_ids"] for a, it in zip(batched["beam4_ids"], items))
    batched["equal_to_single"] = {"greedy": same_g, "beam4": same_b, "of": len(items)}
    print(f"batched == single: greedy {same_g}/{len(items)}, beam4 {same_b}/{len(items)}")

    formats = check_weight_formats(tok, sentences, items)
    options = build_options(tok, model, sentences, items)
    gaps = [it["greedy_min_top2_gap"] for it in items]
    small = [i for i, gp in enumerate(gaps) if gp < 1e-4]
    gc = model.generation_config
    return {
        "model_dir": "models/test-opus-mt-ar-en",
        "versions": vers,
        "max_new_tokens": MAX_NEW,
        "generation": {
            "do_sample": False, "decoder_start_token_id": pad, "eos_token_id": eos,
            "pad_token_id": pad, "bad_words_ids": gc.bad_words_ids,
            "forced_eos_token_id": gc.forced_eos_token_id,
            "renormalize_logits": gc.renormalize_logits,
            "length_penalty": 1.0 if gc.length_penalty is None else gc.length_penalty,
            "early_stopping": False if gc.early_stopping is None else gc.early_stopping,
        },
        "notes": [
            "All outputs come from transformers generate() on CPU, fp32, one thread, loading "
            "model.safetensors; make_test_model.py checked that pytorch_model.bin (legacy) and "
            "tests/fixtures/weights/pytorch_model.zip.bin give identical outputs.",
            "greedy_ids / beam4_ids / options[].ids include the leading decoder start token (<pad>) "
            "and the final </s>. When max_new_tokens is reached, ForcedEOS makes the last token "
            "</s> (total length 1 + max_new_tokens).",
            "<pad> is never generated (bad_words_ids) and its embedding row is zero.",
            f"first_step_logits: the full raw logit vector (lm_head + final_logits_bias, before any "
            f"processor) at step 1 (decoder input [pad]), rounded to 6 decimals, for "
            f"{FULL_LOGITS_SENTENCES} sentences only (indices {full}; to keep the file small); the "
            f"others have first_step_top: the top {TOP_K} ids and raw logits, best first.",
            "greedy_min_top2_gap: the smallest margin between the best two processed scores over "
            "the greedy steps; parity is meaningful when it is well above float error. "
            + (f"Sentences with a gap below 1e-4: {small}." if small else
               "No sentence has a gap below 1e-4")
            + f" (smallest {min(gaps):.6f}, sentence {gaps.index(min(gaps))}); float64_agrees "
            "counts the cases a float64 rerun reproduces exactly.",
            "Greedy: processors run on raw logits, then log_softmax (renormalize_logits). Beam "
            "search: log_softmax first, then the processors (repetition penalty acts on log-probs "
            "there), then log_softmax again; processor order: repetition penalty, no-repeat-ngram, "
            "bad words (<pad>), min_new_tokens (</s> masked while fewer new tokens), forced EOS at "
            "the last step, log_softmax.",
            "repetition_penalty counts every token of the decoder sequence so far, the start "
            "<pad> included (it is banned anyway).",
            "Beam search (transformers 5): initial beam scores [0, -1e9, -1e9, -1e9]; each step "
            "takes the top 2*num_beams of (beam score + step score) over beams x vocab; a "
            "candidate ending in </s> is a finished hypothesis only if it ranks among the first "
            "num_beams of them, scored sum / (new tokens incl. </s>) ** length_penalty; the next "
            "running beams are the best num_beams candidates not ending in </s>. A sentence stops "
            "once num_beams hypotheses are finished and the best running beam's score / (new "
            "tokens so far) ** length_penalty is not above the worst finished score "
            "(early_stopping=False), or at max_new_tokens. beam4_score = sequences_scores of the "
            "best finished hypothesis.",
            "greedy_step_top5: top 5 ids and raw logits (before processors) at every greedy "
            "step (row k = the step that produced greedy_ids[k + 1]); encoder_probes: the full "
            "encoder output (rounded to 6 decimals) for two sentences, to test the encoder alone.",
            "batched: all sentences in one padded batch (padding right, attention mask), pads after "
            "</s> stripped; equal_to_single counts rows identical to the one-by-one results.",
            "options: extra generation settings for a few sentences (index into sentences); score "
            "is sequences_scores for beam search, null for greedy.",
        ],
        "weight_formats": formats,
        "sentences": items,
        "encoder_probes": probes,
        "batched": batched,
        "options": options,
    }


def check_float64(tok, model, sentences, ref):
    """Rerun every case in float64: identical ids mean the references are not decided by float32
    rounding (margins are far above arithmetic noise)."""
    import copy
    m = copy.deepcopy(model).double()
    g = b = o = 0
    for text, it in zip(sentences, ref["sentences"]):
        enc = tok([text], return_tensors="pt")
        g += generate(m, enc, num_beams=1, max_new_tokens=MAX_NEW).sequences[0].tolist() == \
            it["greedy_ids"]
        b += generate(m, enc, num_beams=4, max_new_tokens=MAX_NEW).sequences[0].tolist() == \
            it["beam4_ids"]
    for case in ref["options"]:
        enc = tok([sentences[case["sentence"]]], return_tensors="pt")
        o += generate(m, enc, **case["settings"]).sequences[0].tolist() == case["ids"]
    n, k = len(ref["sentences"]), len(ref["options"])
    print(f"float64 rerun agrees: greedy {g}/{n}, beam4 {b}/{n}, options {o}/{k}")
    return {"greedy": g, "beam4": b, "options": o, "sentences": n, "option_cases": k}


def check_weight_formats(tok, sentences, items):
    """Reload the model from each weight file; count sentences whose greedy and beam-4 ids equal
    the references and report the largest first-step logit difference."""
    import shutil
    import tempfile
    import torch
    from transformers import MarianMTModel
    zip_bin = REPO / "tests" / "fixtures" / "weights" / "pytorch_model.zip.bin"
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        zdir = Path(tmp)
        for f in ("config.json", "generation_config.json"):
            shutil.copy(MODEL_DIR / f, zdir / f)
        shutil.copy(zip_bin, zdir / "pytorch_model.bin")
        for name, path, use_st in (
                ("models/test-opus-mt-ar-en/model.safetensors", MODEL_DIR, True),
                ("models/test-opus-mt-ar-en/pytorch_model.bin", MODEL_DIR, False),
                ("tests/fixtures/weights/pytorch_model.zip.bin", zdir, False)):
            m = MarianMTModel.from_pretrained(path, use_safetensors=use_st).eval()
            same_g = same_b = 0
            worst = 0.0
            for text, it in zip(sentences, items):
                enc = tok([text], return_tensors="pt")
                pad = m.config.pad_token_id
                with torch.no_grad():
                    logits = m(**enc, decoder_input_ids=torch.tensor([[pad]])).logits[0, -1]
                if "first_step_logits" in it:
                    ref = torch.tensor(it["first_step_logits"])
                    worst = max(worst, float((logits - ref).abs().max()))
                g = generate(m, enc, num_beams=1, max_new_tokens=MAX_NEW).sequences[0].tolist()
                b = generate(m, enc, num_beams=4, max_new_tokens=MAX_NEW).sequences[0].tolist()
                same_g += g == it["greedy_ids"]
                same_b += b == it["beam4_ids"]
            report[name] = {"greedy_equal": same_g, "beam4_equal": same_b, "of": len(items),
                            "first_step_max_abs_diff_vs_rounded": round(worst, 8)}
            print(f"{name}: greedy {same_g}/{len(items)}, beam4 {same_b}/{len(items)}, "
                  f"first-step max |diff| {worst:.2e}")
    return report


def build_options(tok, model, sentences, items):
    ends_early = [i for i, it in enumerate(items) if len(it["greedy_ids"]) - 1 < MAX_NEW]
    ends_late = [i for i, it in enumerate(items) if len(it["greedy_ids"]) - 1 == MAX_NEW]
    picks = sorted(set(ends_early[:2] + ends_late[:1]))
    long_one = max(range(len(items)), key=lambda i: len(items[i]["input_ids"]))
    base = {"num_beams": 1, "max_new_tokens": 16, "min_new_tokens": 0, "no_repeat_ngram_size": 0,
            "repetition_penalty": 1.0}
    variants = [
        {"min_new_tokens": 10},
        {"no_repeat_ngram_size": 2},
        {"repetition_penalty": 1.5},
        {"max_new_tokens": 5},             # limit hit: forced </s> as the 5th new token
        {"max_new_tokens": 1},             # only the forced </s>
        {"min_new_tokens": 16},            # forced length (bench mode): min = max
        {"no_repeat_ngram_size": 3, "repetition_penalty": 1.3, "min_new_tokens": 6},
    ]
    cases = []
    for v in variants:
        for beams in (1, 4):
            for s in picks + ([long_one] if v.get("min_new_tokens") == 16 else []):
                settings = dict(base, num_beams=beams, **v)
                enc = tok([sentences[s]], return_tensors="pt")
                out = generate(model, enc, **settings)
                score = r6(out.sequences_scores[0]) if beams > 1 else None
                cases.append({"sentence": s, "settings": settings,
                              "ids": out.sequences[0].tolist(), "score": score})
    print(f"options: {len(cases)} cases on sentences {picks} (+{long_one})")
    return cases


# ----------------------------------------------------------------------------------- tokenizer
OPUS_STEPS = [
    "sacremoses.MosesPunctNormalizer(lang='ar', pre_replace_unicode_punct=True, "
    "post_remove_control_chars=True).normalize(text) (= replace-unicode-punctuation.perl, "
    "normalize-punctuation.perl -l ar, remove-non-printing-char.perl)",
    "then the OPUS-MT preprocess sed 's/  */ /g;s/^ *//g;s/ *$//g' in Python: "
    "re.sub(' +', ' ', s), then strip leading and trailing U+0020 only (s.strip(' '))",
    "then MarianTokenizer(normalized).input_ids (which appends </s> = 0)",
]


OPUS_PERL_STEPS = [
    "the order and semantics of the OPUS-MT-train preprocess-spm.sh pipeline, built from "
    "sacremoses parts: MosesPunctNormalizer(lang='ar').replace_unicode_punct(text) "
    "(replace-unicode-punctuation.perl)",
    "then regex.sub(r'\\p{C}', ' ', s): remove-non-printing-char.perl REPLACES every "
    "control/format/private-use/unassigned character by a space (sacremoses' "
    "post_remove_control_chars deletes them instead, and runs last)",
    "then MosesPunctNormalizer(lang='ar', perl_parity=True).normalize(s) "
    "(normalize-punctuation.perl -l ar, including its quirks: NBSP-guillemet rules)",
    "then the sed whitespace squeeze and trim as in encode_opus, then MarianTokenizer ids",
]


def squeeze_spaces(s):
    """sed 's/  */ /g;s/^ *//g;s/ *$//g' (U+0020 only)."""
    import re
    return re.sub(" +", " ", s).strip(" ")


def opus_normalize(text):
    """What the brief specifies: sacremoses' one-call normaliser, then the sed clean-up."""
    from sacremoses import MosesPunctNormalizer
    mpn = MosesPunctNormalizer(lang="ar", pre_replace_unicode_punct=True,
                               post_remove_control_chars=True)
    return squeeze_spaces(mpn.normalize(text) if text else "")


def opus_normalize_perl(text):
    """The OPUS-MT training pipeline's order and semantics (see OPUS_PERL_STEPS)."""
    import regex
    from sacremoses import MosesPunctNormalizer
    s = MosesPunctNormalizer(lang="ar").replace_unicode_punct(text)
    s = regex.sub(r"\p{C}", " ", s)
    s = MosesPunctNormalizer(lang="ar", perl_parity=True).normalize(s)
    return squeeze_spaces(s)


def build_tokenizer_cases(tok, sentences, reference, vers):
    import sentencepiece as spm
    rng = random.Random(SEED)
    V = len(tok.encoder)
    pad = tok.pad_token_id

    encode_texts = tokenizer_strings.encode_strings(sentences)
    encode = []
    for text in encode_texts:
        ids = tok(text).input_ids
        encode.append({"text": text, "ids": ids, "pieces": tok.convert_ids_to_tokens(ids)})

    encode_opus, encode_opus_perl = [], []
    for text in tokenizer_strings.opus_strings(sentences):
        norm = opus_normalize(text)
        encode_opus.append({"text": text, "normalized": norm, "ids": tok(norm).input_ids})
        norm = opus_normalize_perl(text)
        encode_opus_perl.append({"text": text, "normalized": norm, "ids": tok(norm).input_ids})
    n_diff = sum(a["normalized"] != b["normalized"] for a, b in zip(encode_opus, encode_opus_perl))
    print(f"encode_opus vs encode_opus_perl: {n_diff}/{len(encode_opus)} strings differ")

    seqs = []
    for it in reference["sentences"]:
        seqs += [it["greedy_ids"], it["beam4_ids"]]
    seqs += [[pad, 0], [0], [1], [pad], [], [pad, 1, 0], [1, 1, 2, 1], [0, 5, 0, 7],
             [pad, pad, 12, pad, 0]]
    specials = [0, 1, pad]
    for n in range(60):
        length = rng.randint(1, 30)
        ids = [rng.randrange(2, V - 1) for _ in range(length)]
        if n % 2 == 0:  # sprinkle specials in
            for _ in range(rng.randint(1, 3)):
                ids.insert(rng.randrange(len(ids) + 1), rng.choice(specials))
        seqs.append(ids)
    for n in range(12):  # target-side-only and source-side-only id ranges
        lo, hi = (2, 5000) if n % 2 == 0 else (6000, V - 1)
        seqs.append([rng.randrange(lo, hi) for _ in range(rng.randint(3, 12))] + [0])
    decode = [{"ids": ids, "text": tok.decode(ids, skip_special_tokens=True)} for ids in seqs]
    decode_keep = [{"ids": ids, "text": tok.decode(ids, skip_special_tokens=False)}
                   for ids in seqs[::7]]

    tsp = spm.SentencePieceProcessor(model_file=str(MODEL_DIR / "target.spm"))
    target = [{"text": t, "pieces": tsp.encode(t, out_type=str)}
              for t in tokenizer_strings.ENGLISH_STRINGS]

    return {
        "versions": vers,
        "model_dir": "models/test-opus-mt-ar-en",
        "notes": [
            f"transformers {vers['transformers']} MarianTokenizer (slow, sentencepiece-based), "
            "loaded with MarianTokenizer.from_pretrained(model_dir); tokenizer_config.json is "
            "{\"target_lang\": \"en\", \"source_lang\": \"ar\"} as on the hub.",
            "encode: tok(text).input_ids: literal '</s>', '<unk>', '<pad>' in the text are split "
            "out as special tokens first; the rest goes through source.spm "
            "(encode(out_type=str)); each piece is looked up in vocab.json (missing -> <unk> = 1); "
            "</s> (0) is appended. pieces = convert_ids_to_tokens(ids).",
            "encode_opus: " + " ; ".join(OPUS_STEPS),
            "encode_opus_perl: " + " ; ".join(OPUS_PERL_STEPS) + f". The two lists use the same "
            f"texts; {n_diff} of {len(encode_opus)} normalized strings differ.",
            "decode: tok.decode(ids, skip_special_tokens=True): drops 0 (</s>), 1 (<unk>) and "
            f"{pad} (<pad>), maps ids through vocab.json, joins pieces with the SOURCE spm's "
            "decode_pieces (v5: use_source_tokenizer defaults to not separate_vocabs = True), "
            "replaces U+2581 by space and strips. clean_up_tokenization_spaces is "
            f"{tok.clean_up_tokenization_spaces!r} (no key in tokenizer_config.json; the v5 "
            "default), so no ' .' -> '.' style clean-up.",
            "decode, pieces the source spm does not know (most English pieces) are passed "
            "through by sentencepiece verbatim, U+2581 included, so only the later replace/strip "
            "turns their U+2581 into spaces (see decode_keep_special for the double space this "
            "gives after a special token).",
            "decode_keep_special: the same with skip_special_tokens=False: a special token is "
            "emitted as token + ' ' after decoding the pieces before it.",
            "target_spm: sentencepiece.SentencePieceProcessor(target.spm).encode(text, "
            "out_type=str).",
        ],
        "opus_normalization": OPUS_STEPS,
        "opus_normalization_perl": OPUS_PERL_STEPS,
        "clean_up_tokenization_spaces": tok.clean_up_tokenization_spaces,
        "decode_spm": "source.spm",
        "encode": encode,
        "encode_opus": encode_opus,
        "encode_opus_perl": encode_opus_perl,
        "decode": decode,
        "decode_keep_special": decode_keep,
        "target_spm": target,
    }


def to_json(obj, depth=0):
    """Indented JSON with every list of numbers or short strings on one line (ids, logits)."""
    pad, inner = " " * depth, " " * (depth + 1)
    if isinstance(obj, dict) and obj:
        body = ",\n".join(f"{inner}{json.dumps(k, ensure_ascii=False)}: {to_json(v, depth + 1)}"
                          for k, v in obj.items())
        return "{\n" + body + "\n" + pad + "}"
    long_text = any(isinstance(x, str) and len(x) > 60 for x in obj) if isinstance(obj, list) else 0
    if isinstance(obj, list) and (long_text or any(isinstance(x, (dict, list)) for x in obj)):
        body = ",\n".join(inner + to_json(x, depth + 1) for x in obj)
        return "[\n" + body + "\n" + pad + "]"
    return json.dumps(obj, ensure_ascii=False)


def dump(path, obj):
    text = to_json(obj)
    assert json.loads(text) == obj
    Path(path).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}: {len(text.encode()):,} bytes")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quran-json", type=Path,
                    default=REPO / "target/fixtures-work/package/dist/quran_en.json",
                    help="quran-json 3.1.2 dist/quran_en.json (left by make_test_model.py)")
    a = ap.parse_args()

    import torch
    from transformers import MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging
    hf_logging.set_verbosity_error()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    tok = MarianTokenizer.from_pretrained(MODEL_DIR)
    model = MarianMTModel.from_pretrained(MODEL_DIR).eval()
    vers = versions()
    sentences = reference_sentences(a.quran_json)
    sentences.append(exactly_512(tok, sentences))
    ref = build_reference(tok, model, sentences, vers)
    ref["too_long"] = too_long(tok, sentences[:-1])
    ref["notes"].append(
        "The last sentence has exactly 512 input ids (max_position_embeddings); too_long is a "
        "text with more, on which transformers fails (index out of range in the position "
        "table): the engine must reject it with a clear error.")
    ref["float64_agrees"] = check_float64(tok, model, sentences, ref)
    dump(REFERENCE, ref)
    dump(TOKENIZER_CASES, build_tokenizer_cases(tok, sentences, ref, vers))


if __name__ == "__main__":
    main()

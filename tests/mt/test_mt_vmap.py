"""The vocabulary shortlist (CTranslate2 use_vmap) on the real tiny model: same output where it covers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from translator.errors import EngineError, InputError
from translator.mt.ct2 import CT2Engine
from translator.mt.models import inspect_folder
from translator.mt.normalize import normalize_for_mt
from translator.mt.vmap import VMAP_FILE, build_vmap, install_vmap, read_pairs_tsv, vmap_from_tsv


@pytest.fixture
def model_copy(tiny_ct2_model: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(tiny_ct2_model, copy)
    (copy / VMAP_FILE).unlink(missing_ok=True)
    return copy


def test_shortlist_keeps_greedy_output_wherever_it_covers_it(model_copy: Path,
                                                            tiny_pairs: list[tuple[str, str]]) -> None:
    rules = build_vmap(tiny_pairs, model_copy / "source.spm", model_copy / "target.spm", always=20)
    install_vmap(rules, model_copy)
    full = CT2Engine(inspect_folder(model_copy), threads=1)
    short = CT2Engine(inspect_folder(model_copy), threads=1, use_vmap=True)
    covered = same = 0
    for arabic, _ in tiny_pairs:
        source = normalize_for_mt(arabic)
        [[plain]] = full.translate_batch([source])
        [[listed]] = short.translate_batch([source])
        allowed = set(rules[""]) | {t for p in short._pieces(source) for t in rules.get(p, [])}
        if set(plain.tokens or []) <= allowed:
            covered += 1
            same += listed.text == plain.text
    assert covered >= 0.9 * len(tiny_pairs)  # the map built from the training pairs covers what they produce
    assert same == covered


def test_shortlist_is_really_applied(model_copy: Path, tiny_pairs: list[tuple[str, str]]) -> None:
    install_vmap({"": ["▁the", "▁of"]}, model_copy)
    engine = CT2Engine(inspect_folder(model_copy), threads=1, use_vmap=True)
    for [hyp] in engine.translate_batch([ar for ar, _ in tiny_pairs[:5]], max_length=6):
        assert set(hyp.tokens or []) <= {"▁the", "▁of", "<unk>", "<s>"}


def test_vmap_from_parallel_tsv_includes_glossary_targets(model_copy: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("# comment\narabic\tenglish\nمدينة تندوف\tthe city of Tindouf\n", encoding="utf-8")
    assert read_pairs_tsv(tsv) == [("مدينة تندوف", "the city of Tindouf")]

    class Entry:
        targets = ("Western Sahara",)

    path = vmap_from_tsv(tsv, model_copy, glossary=[Entry()], always=0)
    lines = dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    import sentencepiece as spm

    target = spm.SentencePieceProcessor(model_file=str(model_copy / "target.spm"))
    assert set(target.encode("Western Sahara", out_type=str)) <= set(lines[""].split())
    assert set(target.encode("the city of Tindouf", out_type=str)) <= {t for v in lines.values() for t in v.split()}


def test_missing_map_and_empty_pairs_are_clear_errors(model_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"vmap\.txt"):
        CT2Engine(inspect_folder(model_copy), use_vmap=True)
    with pytest.raises(InputError, match="at least one"):
        build_vmap([("", "x")], model_copy / "source.spm", model_copy / "target.spm")
    with pytest.raises(InputError, match="not a CTranslate2 model folder"):
        install_vmap({"": ["▁the"]}, tmp_path)


def test_load_engine_passes_shortlist_and_inter_threads(model_copy: Path, tiny_model: Path,
                                                        tiny_pairs: list[tuple[str, str]]) -> None:
    from translator.mt import load_engine

    install_vmap(build_vmap(tiny_pairs, model_copy / "source.spm", model_copy / "target.spm"), model_copy)
    engine = load_engine(model_copy, engine="ctranslate2", threads=2, inter_threads=2, use_vmap=True)
    assert isinstance(engine, CT2Engine) and engine.use_vmap and (engine.inter_threads, engine.intra_threads) == (2, 1)
    with pytest.raises(InputError, match="ctranslate2"):
        load_engine(tiny_model, engine="transformers", use_vmap=True)

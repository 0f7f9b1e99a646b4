"""The clusterer's learned semantic space (LSA over hashed terms), on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from warta.cluster.features import SparseVec, StreamingTfidf, tokens
from warta.cluster.semantic import SemanticSpace, grow_dense, load_space
from warta.errors import UsageError
from warta.training.semantic import fit_space, save_space

# Two topics. "ledakan" and "bom" never meet in one document but share their neighbours
# (polisi, korban, terminal, pelaku); "laga" and "pertandingan" likewise (gol, babak, wasit).
CORPUS = [
    "ledakan di terminal melukai korban polisi memburu pelaku",
    "polisi menyebut ledakan terminal menewaskan korban dan pelaku kabur",
    "bom meledak di terminal korban dibawa ke rumah sakit polisi menangkap pelaku",
    "polisi menjinakkan bom kedua di terminal pelaku diduga jaringan lama korban bertambah",
    "laga berakhir imbang gol tercipta di babak kedua wasit memberi kartu merah",
    "wasit menganulir gol di babak pertama laga berjalan keras",
    "pertandingan ditunda karena hujan wasit menunggu di babak kedua gol belum tercipta",
    "penonton memadati stadion sebelum pertandingan gol cepat di babak pertama wasit asing",
] * 3  # every term in 3+ documents


@pytest.fixture(scope="module")
def space() -> SemanticSpace:
    return fit_space([tokens(t) for t in CORPUS], dims=2, min_df=3, seed=0)


def _vec(text: str) -> SparseVec:
    return StreamingTfidf().vector(tokens(text))


def test_words_that_share_neighbours_come_close(space: SemanticSpace) -> None:
    blast, bomb, match = (space.project(_vec(t)) for t in ("ledakan", "bom", "pertandingan"))
    assert _vec("ledakan").dot(_vec("bom")) == 0.0  # no shared term: the hashed cosine sees nothing
    assert float(blast.val @ bomb.val) > 0.9
    assert float(blast.val @ match.val) < 0.0  # the corpus mean is removed: unrelated topics repel


def test_projection_is_unit_length_dense_and_empty_without_known_terms(space: SemanticSpace) -> None:
    v = space.project(_vec("polisi memburu pelaku ledakan"))
    assert list(v.idx) == [0, 1] and abs(float(np.linalg.norm(v.val)) - 1.0) < 1e-5
    assert space.project(_vec("kucing tidur")).idx.size == 0
    assert space.project(SparseVec.empty()).idx.size == 0


def test_fit_is_reproducible_and_refuses_too_few_terms(space: SemanticSpace) -> None:
    again = fit_space([tokens(t) for t in CORPUS], dims=2, min_df=3, seed=0)
    assert again.checksum() == space.checksum()
    with pytest.raises(UsageError, match="too few"):
        fit_space([tokens("satu dua tiga")], dims=8, min_df=1)


def test_running_mean_of_dense_vectors(space: SemanticSpace) -> None:
    a, b = space.project(_vec("ledakan terminal")), space.project(_vec("wasit gol"))
    m = grow_dense(a, 3.0, b)
    assert abs(float(np.linalg.norm(m.val)) - 1.0) < 1e-5
    assert float(m.val @ a.val) > float(m.val @ b.val)  # the past weighs 3 to 1
    assert grow_dense(SparseVec.empty(), 5.0, b) is b and grow_dense(a, 5.0, SparseVec.empty()) is a


def test_space_round_trips_through_its_file_and_a_wrong_file_is_refused(space: SemanticSpace, tmp_path: Path) -> None:
    path = save_space(space, tmp_path / "ruang.npz")
    again = load_space(path)
    assert again.checksum() == space.checksum()
    v = _vec("polisi memburu pelaku ledakan")
    assert np.allclose(again.project(v).val, space.project(v).val, atol=1e-3)  # rows stored as float16
    with pytest.raises(UsageError, match="no semantic space"):
        load_space(tmp_path / "tidak-ada.npz")
    np.savez(tmp_path / "lain.npz", n_features=np.array([2**18]))
    with pytest.raises(UsageError, match="hashed buckets"):
        load_space(tmp_path / "lain.npz")


def test_train_command_names_what_is_wrong(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli import _load_commands, app

    _load_commands()
    runner = CliRunner()
    res = runner.invoke(app, ["train", "cluster-semantic", "--data", str(tmp_path / "tidak-ada"),
                              "--out", str(tmp_path / "ruang.npz")])
    assert res.exit_code != 0 and "indosum-devfolds" in str(res.exception)
    (tmp_path / "folds").mkdir()
    res = runner.invoke(app, ["train", "cluster-semantic", "--data", str(tmp_path / "folds"), "--dims", "1",
                              "--out", str(tmp_path / "ruang.npz")])
    assert res.exit_code != 0 and "--dims" in str(res.exception)
    assert not (tmp_path / "ruang.npz").exists()

"""The pipeline core: registry lookup, order checks, error isolation, provenance."""

from __future__ import annotations

from typing import ClassVar

import pytest

from warta.article import Article, Reject
from warta.errors import ConfigError, PipelineOrderError
from warta.pipeline import Pipeline
from warta.registry import get_stage, register_stage


@register_stage("test-upper-title", version="test.upper.v1", reads=("title",), adds=("title",))
def upper_title(article: Article) -> Article:
    article.title = (article.title or "").upper()
    return article


@register_stage("test-needs-entities", version="test.needs.v1", reads=("entities",), adds=("tone",))
def needs_entities(article: Article) -> Article:
    article.tone = float(len(article.entities))
    return article


@register_stage("test-adds-entities", version="test.adds.v1", reads=("text",), adds=("entities",))
class AddsEntities:
    def __init__(self, fail_on: str = "") -> None:
        self.fail_on = fail_on

    def __call__(self, article: Article) -> Article:
        if self.fail_on and self.fail_on in article.text:
            raise RuntimeError("boom")
        return article


@register_stage("test-returns-none", version="test.none.v1", reads=("text",), adds=())
def returns_none(article: Article) -> Article:
    return None  # type: ignore[return-value]


def test_runs_stages_in_order_and_records_versions() -> None:
    pipe = Pipeline(["test-upper-title", "test-adds-entities", "test-needs-entities"])
    art = pipe(Article(text="Isi berita.", title="judul"))
    assert art.title == "JUDUL"
    assert art.tone == 0.0
    assert art.annotated_by == {
        "test-upper-title": "test.upper.v1",
        "test-adds-entities": "test.adds.v1",
        "test-needs-entities": "test.needs.v1",
    }


def test_order_error_names_the_stage() -> None:
    with pytest.raises(PipelineOrderError, match="test-needs-entities"):
        Pipeline(["test-needs-entities", "test-adds-entities"])


def test_unknown_stage_lists_known_ones() -> None:
    with pytest.raises(ConfigError, match="no stage named 'nope'"):
        get_stage("nope")


def test_unknown_field_is_refused_at_registration() -> None:
    with pytest.raises(ConfigError, match="unknown Article fields"):
        register_stage("bad", version="x", reads=("txet",), adds=())


def test_settings_reach_class_stages_and_failures_become_rejects() -> None:
    pipe = Pipeline(["test-adds-entities"], {"test-adds-entities": {"fail_on": "RUSAK"}})
    items = [Article(text="baik satu"), Article(text="RUSAK", id="a2"), Reject("x.txt", "empty", "W101"),
             Article(text="baik dua")]
    out = list(pipe.pipe(items))
    assert [type(o).__name__ for o in out] == ["Article", "Reject", "Reject", "Article"]
    failed = out[1]
    assert isinstance(failed, Reject) and failed.stage == "test-adds-entities"
    assert "RuntimeError: boom" in failed.reason and "'a2'" in failed.reason


def test_plain_function_stage_refuses_settings() -> None:
    pipe = Pipeline(["test-upper-title"], {"test-upper-title": {"x": 1}})
    with pytest.raises(ConfigError, match="takes no settings"):
        pipe.stages  # noqa: B018 - stages are built (and settings checked) on first use


def test_stages_are_built_lazily() -> None:
    built: list[str] = []

    @register_stage("test-lazy", version="test.lazy.v1", reads=("text",), adds=())
    class Lazy:
        def __init__(self) -> None:
            built.append("yes")

        def __call__(self, article: Article) -> Article:
            return article

    pipe = Pipeline(["test-lazy"])
    assert built == []
    pipe(Article(text="x"))
    pipe(Article(text="y"))
    assert built == ["yes"]


def test_wrong_return_type_is_a_stage_error() -> None:
    out = list(Pipeline(["test-returns-none"]).pipe([Article(text="x", id="n1")]))
    assert isinstance(out[0], Reject) and "returned NoneType" in out[0].reason


def test_article_id_defaults_to_stable_content_hash() -> None:
    a = Article(text="Sama  persis.", title="T")
    b = Article(text="sama persis.", title="t")
    assert a.id == b.id and len(a.id) == 16
    assert Article(text="lain", title="T").id != a.id


def test_contract_round_trip() -> None:
    art = Article(text="Halo dunia", title="t", authors=["A"], published="2024-01-02")
    again = Article.from_contract(art.to_contract())
    assert again.to_contract() == art.to_contract()


@register_stage("test-batched", version="test.batched.v1", reads=("text",), adds=("tone",))
class Batched:
    """Counts batch calls; a text containing RUSAK makes the whole batch raise."""

    calls: ClassVar[list[int]] = []

    def __call__(self, article: Article) -> Article:
        if "RUSAK" in article.text:
            raise ValueError("rusak")
        article.tone = 1.0
        return article

    def pipe(self, articles: list[Article]) -> list[Article]:
        Batched.calls.append(len(articles))
        return [self(a) for a in articles]


def test_batches_go_through_stage_pipe_in_order() -> None:
    Batched.calls.clear()
    items = [Article(text=f"teks {i}", id=f"b{i}") for i in range(5)]
    out = list(Pipeline(["test-batched"]).pipe(items, batch_size=2))
    assert [o.id for o in out if isinstance(o, Article)] == [f"b{i}" for i in range(5)]
    assert Batched.calls == [2, 2]  # the last batch has one article and is run one by one
    assert all(isinstance(o, Article) and o.annotated_by == {"test-batched": "test.batched.v1"} for o in out)


def test_failed_batch_is_retried_one_by_one_and_only_the_culprit_rejected() -> None:
    items = [Article(text="baik", id="ok1"), Article(text="RUSAK", id="bad"), Article(text="baik lagi", id="ok2")]
    out = list(Pipeline(["test-batched"]).pipe(items, batch_size=8))
    assert [type(o).__name__ for o in out] == ["Article", "Reject", "Article"]
    assert isinstance(out[1], Reject) and out[1].stage == "test-batched" and "'bad'" in out[1].reason

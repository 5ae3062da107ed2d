from __future__ import annotations

from pathlib import Path

from bot.training import is_stale, training_hash


def test_hash_follows_content_and_tolerates_missing_folders(tmp_path: Path) -> None:
    (tmp_path / "config.yml").write_text("pipeline: []\n")
    (tmp_path / "domain.yml").write_text("intents: []\n")
    (tmp_path / "data" / "nlu").mkdir(parents=True)
    (tmp_path / "data" / "nlu" / "nl.yml").write_text("nlu: []\n")
    before = training_hash(tmp_path)  # data/rules and data/stories do not exist
    assert training_hash(tmp_path) == before
    (tmp_path / "data" / "nlu" / "nl.yml").write_text("nlu: [x]\n")
    assert training_hash(tmp_path) != before
    assert is_stale(tmp_path)  # no model yet


def test_the_danger_corpus_and_directory_tables_are_training_inputs(tmp_path: Path) -> None:
    for name, content in (("data/danger/a.yml", "positive: {}\n"), ("data/directory/towns.csv", "a,b\n")):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
        before = training_hash(tmp_path)
        (tmp_path / name).write_text(content + "# changed\n")
        assert training_hash(tmp_path) != before, name

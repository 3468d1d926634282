"""params.yaml validation: errors name the key, the value and what is allowed."""

import pytest

from pipeline.core.config import load_params
from pipeline.core.errors import ConfigError
from tests.conftest import PROJECT_ROOT


def write(tmp_path, text: str):
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
ingest: {sources: [data/raw/a.jsonl]}
model: {name_or_path: models/base}
evaluate: {prompts: ["hi"]}
"""


def test_project_params_load():
    params = load_params(PROJECT_ROOT / "params.yaml")
    assert params.model.name_or_path == "models/base"


def test_minimal_params_fill_defaults(tmp_path):
    params = load_params(write(tmp_path, MINIMAL))
    assert params.train.max_steps == 300


def test_unknown_key_named(tmp_path):
    with pytest.raises(ConfigError, match=r"bias\.toxicity\.treshold: unknown key"):
        load_params(write(tmp_path, MINIMAL + "bias: {toxicity: {treshold: 0.5}}\n"))


def test_wrong_type_names_key_and_value(tmp_path):
    with pytest.raises(ConfigError, match=r"train\.max_steps: invalid value 'many'"):
        load_params(write(tmp_path, MINIMAL + "train: {max_steps: many}\n"))


def test_out_of_range_value_says_limit(tmp_path):
    with pytest.raises(ConfigError, match=r"bias\.toxicity\.threshold: invalid value 1\.5.*less than or equal to 1"):
        load_params(write(tmp_path, MINIMAL + "bias: {toxicity: {threshold: 1.5}}\n"))


def test_missing_required_section_named(tmp_path):
    with pytest.raises(ConfigError, match=r"model: required key is missing"):
        load_params(write(tmp_path, "ingest: {sources: [a.jsonl]}\nevaluate: {prompts: [hi]}\n"))


def test_half_pair_fields_rejected(tmp_path):
    text = MINIMAL.replace("[data/raw/a.jsonl]", "[{path: a.jsonl, prompt_field: q}]")
    with pytest.raises(ConfigError, match="prompt_field and response_field"):
        load_params(write(tmp_path, text))


def test_missing_file_named(tmp_path):
    with pytest.raises(ConfigError, match="params file not found"):
        load_params(tmp_path / "nope.yaml")


def test_invalid_yaml_named(tmp_path):
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_params(write(tmp_path, "ingest: [unclosed\n"))

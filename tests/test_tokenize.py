"""Packing and prompt masking."""

from pipeline.tokenize.packing import IGNORE_INDEX, Packer, pair_example

EOS, PAD = 0, 1


def test_packer_puts_eos_between_documents():
    packer = Packer(block_size=4, eos_id=EOS, pad_id=PAD)
    blocks = packer.add("a", [10, 11]) + packer.add("b", [12, 13, 14])
    assert blocks[0].input_ids == [10, 11, EOS, 12]
    assert blocks[0].record_ids == ["a", "b"]


def test_packer_pads_last_block_with_ignored_labels():
    packer = Packer(block_size=4, eos_id=EOS, pad_id=PAD)
    packer.add("a", [10])
    (last,) = packer.flush()
    assert last.input_ids == [10, EOS, PAD, PAD]
    assert last.attention_mask == [1, 1, 0, 0]
    assert last.labels == [10, EOS, IGNORE_INDEX, IGNORE_INDEX]


def test_pair_masks_prompt_out_of_labels():
    example, truncated = pair_example("p", [5, 6], [7, 8], block_size=6, eos_id=EOS, pad_id=PAD)
    assert example.input_ids == [5, 6, 7, 8, EOS, PAD]
    assert example.labels == [IGNORE_INDEX, IGNORE_INDEX, 7, 8, EOS, IGNORE_INDEX]
    assert not truncated


def test_pair_truncation_reported():
    _, truncated = pair_example("p", [5, 6, 7], [8, 9], block_size=4, eos_id=EOS, pad_id=PAD)
    assert truncated

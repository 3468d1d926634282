"""Turn records into fixed-length training examples.

Plain text is packed: documents are joined with EOS and cut into
``block_size`` blocks, the last one padded. A prompt/response pair gets its
own example with the prompt masked out of ``labels`` (-100), so the loss
covers only the response.
"""

from dataclasses import dataclass, field

IGNORE_INDEX = -100  # the label value that Hugging Face losses skip


@dataclass
class Example:
    input_ids: list[int]
    attention_mask: list[int]
    labels: list[int]
    record_ids: list[str]


@dataclass
class Packer:
    """Accumulate documents and emit full blocks as they fill up."""

    block_size: int
    eos_id: int
    pad_id: int
    _ids: list[int] = field(default_factory=list)
    _owners: list[str] = field(default_factory=list)

    def add(self, record_id: str, token_ids: list[int]) -> list[Example]:
        self._ids.extend(token_ids + [self.eos_id])
        self._owners.extend([record_id] * (len(token_ids) + 1))
        blocks = []
        while len(self._ids) >= self.block_size:
            blocks.append(self._emit(self.block_size))
        return blocks

    def flush(self) -> list[Example]:
        return [self._emit(len(self._ids))] if self._ids else []

    def _emit(self, length: int) -> Example:
        ids, owners = self._ids[:length], self._owners[:length]
        del self._ids[:length], self._owners[:length]
        padding = self.block_size - length
        return Example(
            input_ids=ids + [self.pad_id] * padding,
            attention_mask=[1] * length + [0] * padding,
            labels=ids + [IGNORE_INDEX] * padding,
            record_ids=list(dict.fromkeys(owners)),
        )


def pair_example(record_id: str, prompt_ids: list[int], response_ids: list[int],
                 block_size: int, eos_id: int, pad_id: int) -> tuple[Example, bool]:
    """Build one masked example; return it and whether it had to be truncated."""
    ids = prompt_ids + response_ids + [eos_id]
    labels = [IGNORE_INDEX] * len(prompt_ids) + response_ids + [eos_id]
    truncated = len(ids) > block_size
    ids, labels = ids[:block_size], labels[:block_size]
    padding = block_size - len(ids)
    example = Example(
        input_ids=ids + [pad_id] * padding,
        attention_mask=[1] * len(ids) + [0] * padding,
        labels=labels + [IGNORE_INDEX] * padding,
        record_ids=[record_id],
    )
    return example, truncated

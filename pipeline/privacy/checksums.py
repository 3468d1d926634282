"""Check-digit algorithms that python-stdnum does not cover as needed."""

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_CONST = 1  # BIP-173, segwit version 0
_BECH32M_CONST = 0x2BC830A3  # BIP-350, segwit version 1 and later (taproot)


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def bech32_polymod(values: list[int]) -> int:
    """Compute the bech32 checksum polynomial over 5-bit values (BIP 173)."""
    generators = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit in range(5):
            if (top >> bit) & 1:
                checksum ^= generators[bit]
    return checksum


def segwit_address_valid(address: str, hrp: str = "bc") -> bool:
    """Check a segwit address: bech32 for witness version 0, bech32m for 1 to 16,
    and the witness program length rules of BIP-141."""
    if address.lower() != address and address.upper() != address:
        return False  # mixed case is invalid in bech32
    address = address.lower()
    separator = address.rfind("1")
    if address[:separator] != hrp or not 14 <= len(address) <= 90:
        return False
    try:
        data = [_BECH32_CHARSET.index(char) for char in address[separator + 1:]]
    except ValueError:
        return False
    if len(data) < 7:
        return False
    expanded_hrp = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    constant = bech32_polymod(expanded_hrp + data)
    version = data[0]
    if version > 16 or constant != (_BECH32_CONST if version == 0 else _BECH32M_CONST):
        return False
    program_bits = (len(data) - 7) * 5
    program_length = program_bits // 8
    if program_bits % 8 >= 5:
        return False  # more padding than one 5-bit group allows
    if version == 0:
        return program_length in (20, 32)
    return 2 <= program_length <= 40


# Keccak-256 as used by Ethereum (original Keccak padding 0x01, not SHA3-256's
# 0x06), which hashlib does not provide. Constants from the Keccak reference.
_KECCAK_ROUND_CONSTANTS = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)
_KECCAK_ROTATIONS = (
    (0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56), (27, 20, 39, 8, 14),
)
_MASK64 = (1 << 64) - 1


def _rotate(value: int, shift: int) -> int:
    return ((value << shift) | (value >> (64 - shift))) & _MASK64 if shift else value


def _keccak_f(state: list[list[int]]) -> None:
    for round_constant in _KECCAK_ROUND_CONSTANTS:
        parity = [state[x][0] ^ state[x][1] ^ state[x][2] ^ state[x][3] ^ state[x][4] for x in range(5)]
        for x in range(5):
            delta = parity[(x - 1) % 5] ^ _rotate(parity[(x + 1) % 5], 1)
            for y in range(5):
                state[x][y] ^= delta
        moved = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                moved[y][(2 * x + 3 * y) % 5] = _rotate(state[x][y], _KECCAK_ROTATIONS[x][y])
        for x in range(5):
            for y in range(5):
                state[x][y] = moved[x][y] ^ (~moved[(x + 1) % 5][y] & moved[(x + 2) % 5][y])
        state[0][0] ^= round_constant


def keccak256(data: bytes) -> bytes:
    rate = 136
    padded = bytearray(data) + b"\x01" + bytes((-len(data) - 1) % rate)
    padded[-1] |= 0x80
    state = [[0] * 5 for _ in range(5)]
    for offset in range(0, len(padded), rate):
        block = padded[offset:offset + rate]
        for index in range(rate // 8):
            lane = int.from_bytes(block[index * 8:index * 8 + 8], "little")
            state[index % 5][index // 5] ^= lane
        _keccak_f(state)
    out = b"".join(state[index % 5][index // 5].to_bytes(8, "little") for index in range(4))
    return out


def eip55_valid(address: str) -> bool:
    """Check the mixed-case checksum of an Ethereum address (EIP-55).

    All-lower and all-upper addresses carry no checksum and pass."""
    body = address[2:]
    if body.lower() == body or body.upper() == body:
        return True
    digest = keccak256(body.lower().encode("ascii")).hex()
    for char, nibble in zip(body, digest):
        if char.isalpha() and char.isupper() != (int(nibble, 16) >= 8):
            return False
    return True

"""Independent reference values for the generator's PRNG tests (SplitMix64, xoshiro256**).

Written from the published C reference algorithms (Vigna, prng.di.unimi.it), in Python
integers masked to 64 bits. Run: python3 bench/prng_reference.py (the expected values in Tests/GenerateTests/Xoshiro256Tests.swift)
"""
M = (1 << 64) - 1


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def xoshiro256ss(seed):
    sm = splitmix64(seed)
    s = [next(sm) for _ in range(4)]
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result


if __name__ == "__main__":
    sm = splitmix64(0)
    print("splitmix64(0):", [hex(next(sm)) for _ in range(3)])
    x = xoshiro256ss(42)
    print("xoshiro256**(42):", [hex(next(x)) for _ in range(3)])

"""``StrictMath.log``: fdlibm's logarithm, bit for bit, as Java's ``Random`` uses it.

``Random.nextGaussian`` takes ``StrictMath.log``; the C library's ``log`` is
usually closer to the exact value and so differs in the last digit now and
then. This is fdlibm's ``e_log.c`` (which Java's ``StrictMath`` specifies)
over Python's IEEE doubles.
"""

from __future__ import annotations

import math
import struct

_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10
_TWO54 = 1.80143985094819840000e16
_LG = (
    6.666666666666735130e-01,
    3.999999999940941908e-01,
    2.857142874366239149e-01,
    2.222219843214978396e-01,
    1.818357216161805012e-01,
    1.531383769920937332e-01,
    1.479819860511658591e-01,
)


def _words(x: float) -> tuple[int, int]:
    bits = struct.unpack(">q", struct.pack(">d", x))[0]
    high = (bits >> 32) & 0xFFFFFFFF
    return (high - (1 << 32) if high & 0x80000000 else high), bits & 0xFFFFFFFF


def _with_high(x: float, high: int) -> float:
    low = struct.unpack(">q", struct.pack(">d", x))[0] & 0xFFFFFFFF
    bits = ((high & 0xFFFFFFFF) << 32) | low
    return float(struct.unpack(">d", struct.pack(">Q", bits))[0])


def strict_log(x: float) -> float:
    """The natural logarithm exactly as fdlibm (Java's ``StrictMath.log``)."""
    hx, lx = _words(x)
    k = 0
    if hx < 0x00100000:  # zero, negative or subnormal
        if ((hx & 0x7FFFFFFF) | lx) == 0:
            return -math.inf
        if hx < 0:
            return math.nan
        k -= 54
        x *= _TWO54
        hx = _words(x)[0]
    if hx >= 0x7FF00000:
        return x + x
    k += (hx >> 20) - 1023
    hx &= 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    x = _with_high(x, hx | (i ^ 0x3FF00000))  # normalize x or x/2
    k += i >> 20
    f = x - 1.0
    dk = float(k)
    if (0x000FFFFF & (2 + hx)) < 3:  # |f| < 2**-20
        if f == 0.0:
            return 0.0 if k == 0 else dk * _LN2_HI + dk * _LN2_LO
        r = f * f * (0.5 - 0.33333333333333333 * f)
        return f - r if k == 0 else dk * _LN2_HI - ((r - dk * _LN2_LO) - f)
    return _log_core(f, dk, k, hx)


def _log_core(f: float, dk: float, k: int, hx: int) -> float:
    lg1, lg2, lg3, lg4, lg5, lg6, lg7 = _LG
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    t1 = w * (lg2 + w * (lg4 + w * lg6))
    t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
    r = t2 + t1
    if ((hx - 0x6147A) | (0x6B851 - hx)) > 0:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + r))
        return dk * _LN2_HI - ((hfsq - (s * (hfsq + r) + dk * _LN2_LO)) - f)
    if k == 0:
        return f - s * (f - r)
    return dk * _LN2_HI - ((s * (f - r) - dk * _LN2_LO) - f)

# Double.toString of 1,500 doubles: random bit patterns, large integers, scaled values
from java.util import Random
from java.lang import Double
r = Random(7)
for i in range(500):
    v = Double.longBitsToDouble(r.nextLong())
    if not (Double.isNaN(v) or Double.isInfinite(v)):
        print(Double.toString(v))
for i in range(500):
    print(Double.toString(float(r.nextLong() >> r.nextInt(12))))
for i in range(500):
    print(Double.toString(r.nextDouble() * 10.0 ** (r.nextInt(40) - 20)))

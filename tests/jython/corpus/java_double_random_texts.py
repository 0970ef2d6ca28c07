# Java's Double.toString for many doubles (JDK 17's digit choice)
from java.util import Random
from java.lang import Double
r = Random(31337)
for i in range(40):
    print(Double.toString(r.nextDouble() * 10 ** r.nextInt(30) / 10 ** r.nextInt(30)))
for e in range(-50, 60, 7):
    print(Double.toString(2.0 ** e))

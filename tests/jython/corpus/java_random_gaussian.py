# nextGaussian: Java's polar method over StrictMath.log, to the last digit
from java.util import Random
from java.lang import Double
r = Random(5)
for i in range(100):
    print(Double.toString(r.nextGaussian()))

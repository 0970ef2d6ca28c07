# nextLong, nextDouble, nextFloat, nextGaussian (printed with Java's toString)
from java.lang import String
from java.util import Random

r = Random(2024)
print(r.nextLong())
print(String.valueOf(r.nextDouble()))
print(String.valueOf(r.nextDouble()))
print(String.valueOf(r.nextFloat()))
print(String.valueOf(r.nextGaussian()))
print(String.valueOf(r.nextGaussian()))
r.setSeed(99)
print(r.nextInt(50))
print(r.nextLong())

# java.util.Random with a seed: Java's exact sequence
from java.util import Random

r = Random(42)
for i in range(8):
    print(r.nextInt(100))
print(r.nextInt())
print(r.nextInt(16))
print(r.nextInt(1000000))
print(r.nextBoolean())
r2 = Random(0)
print(r2.nextInt(10))
print(r2.nextInt())

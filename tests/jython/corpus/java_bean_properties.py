# Jython exposes getX()/isX() as the attribute x
from java.util import ArrayList, HashMap, UUID, HashSet
from java.util.concurrent import CountDownLatch
from java.util.concurrent.atomic import AtomicInteger
print(ArrayList().empty)
print(HashMap().empty)
print(HashSet([1]).empty)
print(CountDownLatch(2).count)
u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000")
print(u.mostSignificantBits)
print(u.leastSignificantBits)
print(AtomicInteger(4).plain)

# HashMap/HashSet order over 60 random maps: string and int keys, removals, resizes
from java.util import Random, HashMap, HashSet
r = Random(123)
alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/ "
for i in range(60):
    m = HashMap()
    s = HashSet()
    keys = []
    for j in range(r.nextInt(150)):
        if r.nextInt(3) == 0:
            k = r.nextInt(100000) - 500
        else:
            k = "".join([alphabet[r.nextInt(len(alphabet))] for n in range(1 + r.nextInt(8))])
        keys.append(k)
        m.put(k, j)
        s.add(k)
        if r.nextInt(8) == 0:
            m.remove(keys[r.nextInt(len(keys))])
    print(m.toString())
    print(s.toString())

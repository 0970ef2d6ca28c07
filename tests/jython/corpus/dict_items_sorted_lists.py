d = {"b": 2, "a": 1, "c": 3}
k = d.keys()
k.sort()
print k
print sorted(d.items()), sorted(d.values())

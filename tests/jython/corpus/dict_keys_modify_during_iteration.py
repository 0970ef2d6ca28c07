d = {"a": 1, "b": 2}
for k in d.keys():
    del d[k]
print d

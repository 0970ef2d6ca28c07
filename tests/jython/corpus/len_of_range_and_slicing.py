r = range(10)
print r[2:5], r[::3], len(r)

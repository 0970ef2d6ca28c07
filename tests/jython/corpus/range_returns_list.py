r = range(5)
r.append(99)
print r, range(2, 10, 3)

r = round(7)
print r, type(r) == float

d = {"only": 1}
print d.keys()[0], d.values()[0], d.items()[0]

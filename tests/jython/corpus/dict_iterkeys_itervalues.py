d = {"x": 1, "y": 2}
print sorted(d.iterkeys()), sorted(d.itervalues())

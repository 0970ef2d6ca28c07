d = {"x": 1, "y": 2}
for k, v in sorted(d.iteritems()):
    print k, v

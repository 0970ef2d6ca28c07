print "%s and %s" % (0.1 + 0.2, 2.0 / 3)

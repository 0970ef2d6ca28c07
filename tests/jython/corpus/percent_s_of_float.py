print "%s" % (1.0 / 3)
print "value: %s" % (0.1 + 0.2)

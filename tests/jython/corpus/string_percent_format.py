print "%s is %d years, %.2f m" % ("Ann", 30, 1.756)
print "%(name)s=%(value)s" % {"name": "x", "value": 1.0 / 3}
print "%r" % (1.0 / 3)

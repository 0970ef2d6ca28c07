def report(name, value):
    print "%-6s|%6.2f|" % (name, value)
report("a", 1.5)
report("long", 22.25)

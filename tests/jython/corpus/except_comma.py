try:
    int("x")
except ValueError, e:
    print "caught", e

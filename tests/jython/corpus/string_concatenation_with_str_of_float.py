print "avg: " + str(10 / 4.0) + " of " + str(10 / 4)

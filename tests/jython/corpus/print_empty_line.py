print "before"
print
print "after"

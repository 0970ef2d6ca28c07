print "a",
print "b",
print "c"
for i in range(3):
    print i,
print

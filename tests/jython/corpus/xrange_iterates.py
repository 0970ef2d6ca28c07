total = 0
for i in xrange(5):
    total += i
print total, list(xrange(3))

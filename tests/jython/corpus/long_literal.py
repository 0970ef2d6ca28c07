x = 10L + 5l
print x, x * 2
print 2 ** 70

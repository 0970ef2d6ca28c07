l = [3, 1, 2]
l.sort(lambda a, b: cmp(b, a))
print l
l.sort(cmp=lambda a, b: a - b)
print l
l.sort(key=lambda v: -v)
print l

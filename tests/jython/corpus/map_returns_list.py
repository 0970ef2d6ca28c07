m = map(str, [1, 2, 3])
print m, m[0]
print map(lambda a, b: a + b, [1, 2], [10, 20])

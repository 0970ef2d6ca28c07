print reduce(lambda a, b: a * b, [1, 2, 3, 4])
print reduce(lambda a, b: a + b, [], 10)

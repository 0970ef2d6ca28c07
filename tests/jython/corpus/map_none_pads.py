print map(None, [1, 2, 3], "ab")
print map(None, [4, 5])

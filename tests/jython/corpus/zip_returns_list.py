z = zip([1, 2, 3], "ab")
print z, z[1]

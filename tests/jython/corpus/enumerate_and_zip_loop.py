for i, (a, b) in enumerate(zip("xy", [1, 2])):
    print i, a, b

f = filter(lambda n: n % 2, range(6))
print f, len(f)
print filter(None, [0, 1, "", "a", None])

print filter(lambda c: c != "a", "banana")
print filter(None, (0, 1, 2))

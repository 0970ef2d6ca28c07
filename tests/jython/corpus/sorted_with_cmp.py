words = ["bb", "a", "ccc"]
print sorted(words, cmp=lambda a, b: cmp(len(b), len(a)))
print sorted([3, 1, 2], lambda a, b: b - a)

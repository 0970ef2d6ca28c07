def f():
    names = [n.upper() for n in ["a", "b"]]
    return names, n
print f()

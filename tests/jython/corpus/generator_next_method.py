def gen():
    yield 1
    yield 2
g = gen()
print g.next(), g.next()
it = iter([5, 6])
print it.next()

class Pair(Exception):
    def __init__(self, a, b):
        Exception.__init__(self, a, b)
        self.total = a + b
try:
    raise Pair, (2, 3)
except Pair, e:
    print e.total

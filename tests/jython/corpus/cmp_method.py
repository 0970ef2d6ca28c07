class V(object):
    def __init__(self, v):
        self.v = v
    def __cmp__(self, other):
        return cmp(self.v, other.v)
print V(1) < V(2), V(2) == V(2), V(3) > V(2)
print [x.v for x in sorted([V(3), V(1), V(2)])]

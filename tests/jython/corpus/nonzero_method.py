class Empty(object):
    def __nonzero__(self):
        return False
print bool(Empty()), "yes" if Empty() else "no"

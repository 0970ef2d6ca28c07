for v in ("a", u"b", 1):
    print isinstance(v, basestring),
print

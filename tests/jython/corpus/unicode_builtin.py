u = unicode(5)
print u, unicode("abc"), len(u"\u00e9")
print isinstance(u"x", unicode), isinstance(u"x", basestring)

from StringIO import StringIO
f = StringIO()
print >>f, "hello", 1
print >>f, "more",
print >>f, "end"
print repr(f.getvalue())

from cStringIO import StringIO
buf = StringIO()
buf.write("x=1\n")
print repr(buf.getvalue())

import StringIO
buf = StringIO.StringIO()
buf.write("abc")
buf.write("def")
print buf.getvalue()
